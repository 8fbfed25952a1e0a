import { type ActionItemRow, type ConversationRow, embedded } from '../../data/dataset';
import { WRITE_SCOPES } from '../../data/keys';
import { processText } from '../../data/processing';
import { isoDate, MINUTE } from '../../data/time';
import type { ActionItem, Conversation, Geolocation } from '../../types';
import { authorize } from '../auth';
import { BodyReader, parseJsonBody } from '../body';
import { json, type Reply, type RequestContext } from '../context';
import { ApiError } from '../errors';
import { nextRandom, removeWhere, resortActionItems, resortConversations, stamp } from '../writes';

/** ExternalIntegrationConversationSource on the real server. */
const TEXT_SOURCES = ['audio_transcript', 'message', 'other_text'] as const;

function writeAccess(ctx: RequestContext): void {
  authorize(ctx, WRITE_SCOPES.conversations, ['conversations_write']);
}

function find(ctx: RequestContext, id: string): ConversationRow {
  const row = ctx.state.dataset.conversationById.get(id);
  if (!row) {
    throw new ApiError(404, 'Conversation not found');
  }
  return row;
}

function geolocation(input: Record<string, unknown> | undefined): Geolocation | null {
  if (!input || typeof input.latitude !== 'number' || typeof input.longitude !== 'number') {
    return null;
  }
  const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
  return {
    google_place_id: text(input.google_place_id),
    latitude: input.latitude,
    longitude: input.longitude,
    address: text(input.address),
    location_type: text(input.location_type),
  };
}

/**
 * POST /user/conversations {text 1-100000, text_source = "other_text", text_source_spec?, started_at?,
 * finished_at? (default started_at + 5 min), language = "en", geolocation?} → {id, status, discarded}.
 * Processing runs before the answer, as on the real server: the conversation is listed at once (unless
 * discarded), with a title, overview, category and action items derived from the text.
 */
export function createConversation(ctx: RequestContext): Reply {
  const body = parseJsonBody(ctx.body);
  writeAccess(ctx);
  const { reader, finish } = BodyReader.root(body);
  const text = reader?.requiredString('text', { min: 1, max: 100_000 });
  reader?.enumValue('text_source', TEXT_SOURCES);
  reader?.string('text_source_spec');
  const startedInput = reader?.datetime('started_at');
  const finishedInput = reader?.datetime('finished_at');
  const language = reader?.string('language') ?? 'en';
  const place = reader?.object_('geolocation');
  finish();
  if (!text?.trim()) {
    throw new ApiError(422, 'text cannot be empty');
  }
  const nowMs = Date.now();
  const startedMs = startedInput ?? nowMs;
  const finishedMs = finishedInput ?? startedMs + 5 * MINUTE;
  if (finishedMs < startedMs) {
    throw new ApiError(422, 'finished_at must be after started_at');
  }

  const { dataset } = ctx.state;
  const rng = nextRandom(ctx.state, 'conversation');
  const processed = processText(text.trim());
  const id = rng.uuid();
  const at = stamp(rng, nowMs);
  const items: ActionItem[] = processed.discarded
    ? []
    : processed.actionItems.map((description) => ({
        id: rng.uuid(),
        description,
        completed: false,
        created_at: at,
        updated_at: at,
        due_at: null,
        completed_at: null,
        conversation_id: id,
      }));
  const itemRows: ActionItemRow[] = items.map((item) => ({
    item,
    createdMs: nowMs,
    dueMs: null,
    hidden: false,
    embedded: embedded(item),
  }));
  const summary = {
    id,
    created_at: at,
    started_at: isoDate(startedMs),
    finished_at: isoDate(finishedMs),
    language,
    source: 'external_integration',
    structured: {
      title: processed.title,
      overview: processed.overview,
      emoji: processed.emoji,
      category: processed.category,
      action_items: itemRows.map((row) => row.embedded!),
      events: [],
    },
    geolocation: geolocation(place),
    folder_id: null,
    folder_name: null,
    starred: false,
  };
  // Text conversations have no transcript segments.
  const conversation: Conversation = { ...summary, transcript_segments: [] };
  const row: ConversationRow = {
    summary,
    conversation,
    createdMs: nowMs,
    hidden: false,
    discarded: processed.discarded,
  };
  dataset.conversationById.set(id, row);
  if (!processed.discarded) {
    dataset.conversations.push(row);
    resortConversations(dataset);
    dataset.actionItems.push(...itemRows);
    resortActionItems(dataset);
  }
  return json({ id, status: 'completed', discarded: processed.discarded });
}

/**
 * PATCH /user/conversations/{id} {title? 1-500, discarded?} → the conversation, transcript included (the real
 * server's response model has `transcript_segments`). A discarded conversation leaves the lists but is still
 * found by id; `discarded: false` brings it back.
 */
export function updateConversation(ctx: RequestContext, id: string): Reply {
  const body = parseJsonBody(ctx.body);
  writeAccess(ctx);
  const { reader, finish } = BodyReader.root(body);
  const title = reader?.string('title', { min: 1, max: 500 });
  const discarded = reader?.bool('discarded');
  finish();

  const row = find(ctx, id);
  if (title === undefined && discarded === undefined) {
    throw new ApiError(422, 'At least one field (title or discarded) must be provided');
  }
  const { dataset } = ctx.state;
  if (title !== undefined) {
    row.summary.structured.title = title.trim();
  }
  if (discarded !== undefined && discarded !== Boolean(row.discarded)) {
    row.discarded = discarded;
    if (discarded) {
      removeWhere(dataset.conversations, (r) => r === row);
    } else {
      dataset.conversations.push(row);
    }
    resortConversations(dataset);
  }
  return json(row.conversation);
}

/** DELETE /user/conversations/{id} → {"success": true}. Its action items stay. */
export function deleteConversation(ctx: RequestContext, id: string): Reply {
  writeAccess(ctx);
  const row = find(ctx, id);
  const { dataset } = ctx.state;
  dataset.conversationById.delete(id);
  removeWhere(dataset.conversations, (r) => r === row);
  resortConversations(dataset);
  return json({ success: true });
}
