import { SCOPES } from '../../data/keys';
import { authorize } from '../auth';
import { json, type Reply, type RequestContext } from '../context';

/**
 * GET /user/folders → [{id, name, description, color, icon, created_at, updated_at, order, is_default, is_system,
 * conversation_count}], by `order`. Scope conversations:read. A bare list, no paging, as on the real server.
 */
export function listFolders(ctx: RequestContext): Reply {
  authorize(ctx, SCOPES.conversations, ['conversation_reads_total']);
  const folders = [...ctx.state.dataset.data.folders].sort((a, b) => a.order - b.order);
  return json(folders.map((folder) => ({ ...folder })));
}
