import type { Flavor } from '../options';
import type { Reply, RequestContext } from './context';
import { createActionItem, createActionItems, deleteActionItem, updateActionItem } from './routes/action-item-writes';
import { listActionItems } from './routes/action-items';
import { ask } from './routes/ask';
import { createConversation, deleteConversation, updateConversation } from './routes/conversation-writes';
import { getConversation, listConversations } from './routes/conversations';
import { getDailySummary, listDailySummaries } from './routes/daily-summaries';
import { listFolders } from './routes/folders';
import {
  createGoal,
  deleteGoal,
  getGoal,
  getGoalHistory,
  listGoals,
  updateGoal,
  updateGoalProgress,
} from './routes/goals';
import { createKey, getOwnKey, listKeys, revokeKey } from './routes/keys';
import { listMemories } from './routes/memories';
import { searchMemories } from './routes/memory-search';
import { createMemories, createMemory, deleteMemory, getMemory, updateMemory } from './routes/memory-writes';

interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Matches the path below /v1/dev; capture groups become the handler's arguments. */
  pattern: RegExp;
  /** Data endpoints (/user/...) are the ones `faults.failEvery` counts and breaks. */
  data: boolean;
  /**
   * Not in the published documentation (writes, reads by memory id): the documented flavor answers 404 as if the
   * route did not exist.
   */
  realOnly?: boolean;
  handle: (ctx: RequestContext, ...params: string[]) => Reply;
}

// In the real server's registration order: for a path with several routes, a wrong method is answered with the
// `Allow` of the first one, as Starlette does.
const ROUTES: readonly Route[] = [
  { method: 'GET', pattern: /^\/user\/memories$/, data: true, handle: listMemories },
  {
    method: 'GET',
    pattern: /^\/user\/memories\/vector\/search$/,
    data: true,
    realOnly: true,
    handle: searchMemories,
  },
  { method: 'POST', pattern: /^\/user\/memories$/, data: true, realOnly: true, handle: createMemory },
  { method: 'POST', pattern: /^\/user\/memories\/batch$/, data: true, realOnly: true, handle: createMemories },
  { method: 'GET', pattern: /^\/user\/memories\/([^/]+)$/, data: true, realOnly: true, handle: getMemory },
  { method: 'DELETE', pattern: /^\/user\/memories\/([^/]+)$/, data: true, realOnly: true, handle: deleteMemory },
  { method: 'PATCH', pattern: /^\/user\/memories\/([^/]+)$/, data: true, realOnly: true, handle: updateMemory },
  { method: 'GET', pattern: /^\/user\/action-items$/, data: true, handle: listActionItems },
  { method: 'POST', pattern: /^\/user\/action-items$/, data: true, realOnly: true, handle: createActionItem },
  {
    method: 'POST',
    pattern: /^\/user\/action-items\/batch$/,
    data: true,
    realOnly: true,
    handle: createActionItems,
  },
  {
    method: 'DELETE',
    pattern: /^\/user\/action-items\/([^/]+)$/,
    data: true,
    realOnly: true,
    handle: deleteActionItem,
  },
  {
    method: 'PATCH',
    pattern: /^\/user\/action-items\/([^/]+)$/,
    data: true,
    realOnly: true,
    handle: updateActionItem,
  },
  { method: 'GET', pattern: /^\/user\/conversations$/, data: true, handle: listConversations },
  { method: 'POST', pattern: /^\/user\/conversations$/, data: true, realOnly: true, handle: createConversation },
  { method: 'GET', pattern: /^\/user\/conversations\/([^/]+)$/, data: true, handle: getConversation },
  {
    method: 'DELETE',
    pattern: /^\/user\/conversations\/([^/]+)$/,
    data: true,
    realOnly: true,
    handle: deleteConversation,
  },
  {
    method: 'PATCH',
    pattern: /^\/user\/conversations\/([^/]+)$/,
    data: true,
    realOnly: true,
    handle: updateConversation,
  },
  { method: 'POST', pattern: /^\/user\/ask$/, data: true, realOnly: true, handle: ask },
  { method: 'GET', pattern: /^\/user\/folders$/, data: true, realOnly: true, handle: listFolders },
  { method: 'GET', pattern: /^\/user\/daily-summaries$/, data: true, realOnly: true, handle: listDailySummaries },
  {
    method: 'GET',
    pattern: /^\/user\/daily-summaries\/([^/]+)$/,
    data: true,
    realOnly: true,
    handle: getDailySummary,
  },
  { method: 'GET', pattern: /^\/user\/goals$/, data: true, realOnly: true, handle: listGoals },
  { method: 'POST', pattern: /^\/user\/goals$/, data: true, realOnly: true, handle: createGoal },
  { method: 'GET', pattern: /^\/user\/goals\/([^/]+)$/, data: true, realOnly: true, handle: getGoal },
  { method: 'PATCH', pattern: /^\/user\/goals\/([^/]+)$/, data: true, realOnly: true, handle: updateGoal },
  {
    method: 'PATCH',
    pattern: /^\/user\/goals\/([^/]+)\/progress$/,
    data: true,
    realOnly: true,
    handle: updateGoalProgress,
  },
  {
    method: 'GET',
    pattern: /^\/user\/goals\/([^/]+)\/history$/,
    data: true,
    realOnly: true,
    handle: getGoalHistory,
  },
  { method: 'DELETE', pattern: /^\/user\/goals\/([^/]+)$/, data: true, realOnly: true, handle: deleteGoal },
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

export function matchRoute(method: string, path: string, flavor: Flavor): RouteMatch {
  const routes = flavor === 'real' ? ROUTES : ROUTES.filter((route) => !route.realOnly);
  const candidates = ROUTES.filter((route) => route.pattern.test(path));
  const route = candidates.find((candidate) => candidate.method === method);
  if (route?.realOnly && flavor !== 'real') {
    // The documented API is read-only: its server knows no writes at all.
    return { kind: 'none' };
  }
  if (route) {
    const params = (route.pattern.exec(path) ?? []).slice(1).map(decode);
    return { kind: 'route', route, params };
  }
  const known = candidates.find((candidate) => routes.includes(candidate));
  if (known) {
    return { kind: 'wrong-method', allow: [known.method] };
  }
  if (path.length > 1 && path.endsWith('/') && routes.some((r) => r.pattern.test(path.slice(0, -1)))) {
    return { kind: 'redirect', path: path.slice(0, -1) };
  }
  return { kind: 'none' };
}
