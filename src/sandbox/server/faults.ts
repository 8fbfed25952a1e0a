import type { FailMode, Flavor } from '../options';
import type { Reply, ServerState } from './context';
import { ApiError, errorBody } from './errors';
import type { Outgoing } from './outgoing';
import { jsonOutgoing } from './outgoing';

/** Counts a data request and says whether `failEvery` breaks this one. */
export function nextFault(state: ServerState): FailMode | null {
  const failEvery = state.faults.failEvery;
  if (!failEvery || failEvery.n < 1) {
    return null;
  }
  state.dataRequests++;
  const sinceFirst = state.dataRequests - (failEvery.first ?? failEvery.n);
  return sinceFirst >= 0 && sinceFirst % failEvery.n === 0 ? failEvery.mode : null;
}

const PARTIAL_PAGE = JSON.stringify(
  Array.from({ length: 40 }, (_, i) => ({
    id: `cut-off-${i}`,
    content: 'The sandbox cuts this response off halfway on purpose (failEvery: drop).',
  })),
);

/** The answer for a failure that happens before the request is even handled. */
export function failureBeforeHandling(mode: FailMode, flavor: Flavor): Outgoing | null {
  switch (mode) {
    case '500':
      // FastAPI answers an unhandled exception with plain text, not JSON.
      return flavor === 'real'
        ? { status: 500, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: 'Internal Server Error' }
        : jsonOutgoing(errorBody(flavor, new ApiError(500, 'Internal server error')));
    case '503':
      return jsonOutgoing(errorBody(flavor, new ApiError(503, 'Rate limiter unavailable')));
    case 'malformed':
      return {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
        body: '[{"id": "malformed-1", "content": "The sandbox sends this JSON cut off on purpose (failEvery: malformed)',
      };
    case 'drop':
      return { status: 200, headers: { 'Content-Type': 'application/json' }, body: PARTIAL_PAGE, drop: true };
    case 'hang':
      return { status: 200, headers: {}, body: null, hang: true };
    case 'wrongShape':
      return null;
  }
}

/** A success in a shape the client does not expect: an envelope instead of a list, a list instead of an object. */
export function wrongShape(reply: Reply): Reply {
  if (reply.status !== 200) {
    return reply;
  }
  if (Array.isArray(reply.body)) {
    return { ...reply, body: { items: reply.body, total: reply.body.length } };
  }
  return { ...reply, body: [reply.body] };
}
