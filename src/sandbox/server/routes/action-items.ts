import type { ActionItemRow } from '../../data/dataset';
import { SCOPES } from '../../data/keys';
import { authorize } from '../auth';
import { json, type Reply, type RequestContext } from '../context';
import { cutPage, inRange } from '../paging';
import { clamp, QueryReader } from '../query';

/** The real server cannot page action items past this offset. */
const MAX_OFFSET = 2000;

/** GET /user/action-items: open first, then by due date (undated last), then newest; limit 100, at most 1000. */
export function listActionItems(ctx: RequestContext): Reply {
  authorize(ctx, SCOPES.actionItems, ['action_items']);
  const query = new QueryReader(ctx.query);
  const limit = clamp(query.int('limit', 100), 1, 1000);
  const offset = Math.max(0, query.int('offset', 0));
  const completed = query.bool('completed');
  const conversationId = query.string('conversation_id');
  const start = query.datetime('start_date');
  const end = query.datetime('end_date');
  query.finish();

  if (offset >= MAX_OFFSET) {
    return json([]);
  }
  // The documentation says "null" selects standalone items; the real server compares it as an id and finds none.
  const standaloneOnly = conversationId === 'null' && ctx.state.options.flavor === 'documented';
  const matches = (row: ActionItemRow): boolean =>
    (completed === null || row.item.completed === completed) &&
    (conversationId === null ||
      (standaloneOnly ? row.item.conversation_id === null : row.item.conversation_id === conversationId)) &&
    inRange(row.createdMs, start, end);

  const rows = ctx.state.dataset.actionItems;
  const unfiltered = completed === null && conversationId === null && start === null && end === null;
  return json(cutPage(unfiltered ? rows : rows.filter(matches), offset, limit).map((row) => row.item));
}
