import type { Reply, RequestContext } from './context';
import { ApiError, errorBody } from './errors';
import { failureBeforeHandling, nextFault, wrongShape } from './faults';
import { ensureDocumentedHeaders } from './limits';
import { jsonOutgoing, type Outgoing } from './outgoing';
import { matchRoute } from './router';

export const API_PREFIX = '/v1/dev';

function failed(ctx: RequestContext, error: unknown): Reply {
  ensureDocumentedHeaders(ctx);
  if (error instanceof ApiError) {
    const { status, body } = errorBody(ctx.state.options.flavor, error);
    return { status, body, headers: error.headers };
  }
  // A bug in the sandbox: say so on stderr and answer like FastAPI does.
  console.error('[omi sandbox] unexpected error', error);
  return { status: 500, body: { detail: 'Internal Server Error' } };
}

/** Answers one request below /v1/dev. `search` is the raw query string, kept for redirects. */
export function answerApi(ctx: RequestContext, search: string): Outgoing {
  const match = matchRoute(ctx.method, ctx.path, ctx.state.options.flavor);
  switch (match.kind) {
    case 'none':
      return jsonOutgoing(failed(ctx, new ApiError(404, 'Not Found')), ctx.headers);
    case 'wrong-method':
      return jsonOutgoing(
        failed(ctx, new ApiError(405, 'Method Not Allowed', { Allow: match.allow.join(', ') })),
        ctx.headers,
      );
    case 'redirect':
      return { status: 307, headers: { Location: `${API_PREFIX}${match.path}${search}` }, body: null };
    case 'route':
      break;
  }

  const fault = match.route.data ? nextFault(ctx.state) : null;
  const early = fault ? failureBeforeHandling(fault, ctx.state.options.flavor) : null;
  if (early) {
    return early;
  }
  let reply: Reply;
  try {
    reply = match.route.handle(ctx, ...match.params);
  } catch (error) {
    reply = failed(ctx, error);
  }
  if (fault === 'wrongShape') {
    reply = wrongShape(reply);
  }
  return jsonOutgoing(reply, ctx.headers);
}
