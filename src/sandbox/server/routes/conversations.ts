import { CONVERSATION_CATEGORIES } from '../../../api/models';
import type { ConversationRow } from '../../data/dataset';
import { SCOPES } from '../../data/keys';
import { authorize } from '../auth';
import { json, type Reply, type RequestContext } from '../context';
import { ApiError } from '../errors';
import { enforceRealLimits } from '../limits';
import { cutPage, inRange, parseCategories } from '../paging';
import { clamp, QueryReader } from '../query';

function serve(row: ConversationRow, includeTranscript: boolean): unknown {
  // Without include_transcript there is no transcript_segments key at all, as on the real server.
  return includeTranscript ? row.conversation : row.summary;
}

/** GET /user/conversations: newest first; limit 25 by default, at most 100, or 25 with transcripts. */
export function listConversations(ctx: RequestContext): Reply {
  const key = authorize(ctx, SCOPES.conversations, ['conversation_reads_total', 'conversations']);
  const query = new QueryReader(ctx.query);
  const requestedLimit = query.int('limit', 25);
  const offset = Math.max(0, query.int('offset', 0));
  const start = query.datetime('start_date');
  const end = query.datetime('end_date');
  const categories = query.string('categories');
  const includeTranscript = query.bool('include_transcript') ?? false;
  // The real server declares folder_id with min_length=1: an empty one is a 422, not "no folder".
  const folderId =
    ctx.state.options.flavor === 'real' ? query.stringAtLeast('folder_id', 1) : query.string('folder_id');
  const starred = query.bool('starred');
  query.finish();

  const wanted = parseCategories(categories, CONVERSATION_CATEGORIES, 'CategoryEnum', ctx.state.options.flavor);
  if (includeTranscript) {
    enforceRealLimits(ctx, key, ['conversation_transcript']);
  }
  const limit = clamp(requestedLimit, 1, includeTranscript ? 25 : 100);
  const matches = (row: ConversationRow): boolean =>
    inRange(row.createdMs, start, end) &&
    (wanted === null || wanted.has(row.summary.structured.category ?? '')) &&
    (folderId === null || row.summary.folder_id === folderId) &&
    (starred === null || row.summary.starred === starred);

  const rows = ctx.state.dataset.conversations;
  const unfiltered = start === null && end === null && wanted === null && folderId === null && starred === null;
  const page = cutPage(unfiltered ? rows : rows.filter(matches), offset, limit);
  return json(page.map((row) => serve(row, includeTranscript)));
}

/** GET /user/conversations/{id} */
export function getConversation(ctx: RequestContext, id: string): Reply {
  const key = authorize(ctx, SCOPES.conversations, ['conversation_reads_total', 'conversation_detail']);
  const query = new QueryReader(ctx.query);
  const includeTranscript = query.bool('include_transcript') ?? false;
  query.finish();

  const row = ctx.state.dataset.conversationById.get(id);
  if (!row) {
    throw new ApiError(404, 'Conversation not found');
  }
  if (includeTranscript) {
    enforceRealLimits(ctx, key, ['conversation_transcript']);
  }
  return json(serve(row, includeTranscript));
}
