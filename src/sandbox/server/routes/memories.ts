import { MEMORY_CATEGORIES } from '../../../api/models';
import { SCOPES } from '../../data/keys';
import { authorize } from '../auth';
import { json, type Reply, type RequestContext } from '../context';
import { cutPage, parseCategories } from '../paging';
import { clamp, QueryReader } from '../query';

/** GET /user/memories: manually added first, then newest; limit 25 by default, at most 1000. */
export function listMemories(ctx: RequestContext): Reply {
  authorize(ctx, SCOPES.memories, ['memories']);
  const query = new QueryReader(ctx.query);
  const limit = clamp(query.int('limit', 25), 1, 1000);
  const offset = Math.max(0, query.int('offset', 0));
  const categories = query.string('categories');
  query.finish();

  const wanted = parseCategories(categories, MEMORY_CATEGORIES, 'MemoryCategory', ctx.state.options.flavor);
  const rows = ctx.state.dataset.memories;
  const matching = wanted ? rows.filter((row) => wanted.has(row.item.category)) : rows;
  return json(cutPage(matching, offset, limit).map((row) => row.item));
}
