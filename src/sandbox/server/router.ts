import type { Reply, RequestContext } from './context';
import { listActionItems } from './routes/action-items';
import { getConversation, listConversations } from './routes/conversations';
import { createKey, getOwnKey, listKeys, revokeKey } from './routes/keys';
import { listMemories } from './routes/memories';

interface Route {
  method: 'GET' | 'POST' | 'DELETE';
  /** Matches the path below /v1/dev; capture groups become the handler's arguments. */
  pattern: RegExp;
  /** Data endpoints (/user/...) are the ones `faults.failEvery` counts and breaks. */
  data: boolean;
  handle: (ctx: RequestContext, ...params: string[]) => Reply;
}

const ROUTES: readonly Route[] = [
  { method: 'GET', pattern: /^\/user\/memories$/, data: true, handle: listMemories },
  { method: 'GET', pattern: /^\/user\/action-items$/, data: true, handle: listActionItems },
  { method: 'GET', pattern: /^\/user\/conversations$/, data: true, handle: listConversations },
  { method: 'GET', pattern: /^\/user\/conversations\/([^/]+)$/, data: true, handle: getConversation },
  { method: 'GET', pattern: /^\/key$/, data: false, handle: getOwnKey },
  { method: 'GET', pattern: /^\/keys$/, data: false, handle: listKeys },
  { method: 'POST', pattern: /^\/keys$/, data: false, handle: createKey },
  { method: 'DELETE', pattern: /^\/keys\/([^/]+)$/, data: false, handle: revokeKey },
];

export type RouteMatch =
  | { kind: 'route'; route: Route; params: string[] }
  | { kind: 'wrong-method'; allow: string[] }
  /** FastAPI redirects `/user/memories/` to `/user/memories`. */
  | { kind: 'redirect'; path: string }
  | { kind: 'none' };

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function matchRoute(method: string, path: string): RouteMatch {
  const candidates = ROUTES.filter((route) => route.pattern.test(path));
  const route = candidates.find((candidate) => candidate.method === method);
  if (route) {
    const params = (route.pattern.exec(path) ?? []).slice(1).map(decode);
    return { kind: 'route', route, params };
  }
  if (candidates.length > 0) {
    return { kind: 'wrong-method', allow: candidates.map((candidate) => candidate.method) };
  }
  if (path.length > 1 && path.endsWith('/') && ROUTES.some((r) => r.pattern.test(path.slice(0, -1)))) {
    return { kind: 'redirect', path: path.slice(0, -1) };
  }
  return { kind: 'none' };
}
