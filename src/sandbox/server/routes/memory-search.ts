import { SCOPES } from '../../data/keys';
import { indexDocument, terms, tfidfCosine } from '../../data/text-search';
import { authorize } from '../auth';
import { json, type Reply, type RequestContext } from '../context';
import { ApiError } from '../errors';
import { QueryReader } from '../query';

// GET /user/memories/vector/search: the real server embeds the query and ranks memories by vector similarity.
// The sandbox ranks by TF-IDF cosine over word stems: a memory made of the query's words comes first, scores are
// in [0, 1] and descending, and memories sharing nothing with the query are not returned.

/** Below this a memory is not a match (the real search also drops weak neighbours). */
const THRESHOLD = 0.05;

/** What the real server says on top of the items: archived memories stay hidden, and why the key may search. */
const POLICY = {
  archive_default_visible: false,
  policy: {
    consumer: 'developer_api',
    app_has_default_memory_grant: true,
    archive_capability: false,
    raw_provenance_capability: false,
  },
} as const;

/**
 * GET /user/memories/vector/search?query=&limit=1..100 (10) → {items: [{id, content, category,
 * relevance_score}], returned_count, archive_default_visible, policy}. Needs memories:read and the account's
 * memory grant (403 with an object detail without it, checked after the parameters, as the real handler does).
 */
export function searchMemories(ctx: RequestContext): Reply {
  const key = authorize(ctx, SCOPES.memories, ['memories']);
  const query = new QueryReader(ctx.query);
  const text = query.requiredString('query', 1);
  const limit = query.boundedInt('limit', 10, { ge: 1, le: 100 });
  query.finish();

  if (!ctx.state.memoryWriteGrant) {
    throw new ApiError(403, {
      enabled: false,
      reason: 'memory_default_read_not_granted',
      consumer: 'developer_api',
      archive_default_visible: false,
      archive_capability: false,
      app_id: null,
      key_id: key.record.id,
    });
  }

  const rows = ctx.state.dataset.memories.filter((row) => !row.hidden);
  const scores = tfidfCosine(
    rows.map((row) => indexDocument(terms(row.item.content))),
    terms(text ?? ''),
  );
  // Equal scores (same words): the memory closest to the query's length first, then serving order.
  const wanted = (text ?? '').trim().length;
  const ranked = rows
    .map((row, i) => ({ row, score: scores[i]!, order: i, length: Math.abs(row.item.content.length - wanted) }))
    .filter((hit) => hit.score >= THRESHOLD)
    .sort((a, b) => b.score - a.score || a.length - b.length || a.order - b.order)
    .slice(0, limit);
  const items = ranked.map(({ row, score }) => ({
    id: row.item.id,
    content: row.item.content,
    category: row.item.category,
    relevance_score: Math.round(score * 10_000) / 10_000,
  }));
  return json({ items, returned_count: items.length, ...POLICY });
}
