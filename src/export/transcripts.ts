// Adds transcripts to a page of listed conversations, spending as few transcript reads as possible
// (no vscode import).
import { isOmiApiError } from '../api/errors';
import type { Conversation } from '../api/models';
import type { TranscriptCache } from '../api/options';
import { PAGE_LIMITS, type Page } from '../api/paging';
import type { ConversationFilters, GetConversationOptions, ListConversationsParams } from '../api/params';

/** The part of OmiClient this needs. */
export interface ConversationReader {
  listConversations(params: ListConversationsParams): Promise<Conversation[]>;
  getConversation(id: string, options: GetConversationOptions): Promise<Conversation>;
}

const BLOCK = PAGE_LIMITS.conversationsWithTranscript;

function hasTranscript(conversation: Conversation | undefined): conversation is Conversation {
  return Array.isArray(conversation?.transcript_segments);
}

/**
 * Transcripts are the scarcest part of the rate limit (the real server allows 25 reads with transcripts an hour), so
 * a bulk export lists conversations without them (100 a page) and then, for each page:
 * - takes every transcript already in the cache (a conversation opened or exported before costs nothing);
 * - lists again, with transcripts and 25 at a time, only the stretches of the page where some are missing;
 * - fetches one by one the few that a stretch did not cover (a lone missing conversation, or rows that moved).
 * The result keeps the page's order; a cached transcript joins the freshly listed fields.
 */
export function transcriptsForPage(
  client: ConversationReader,
  cache: TranscriptCache | undefined,
  filters: ConversationFilters,
): (page: Page<Conversation>, signal: AbortSignal) => Promise<Conversation[]> {
  return async (page, signal) => {
    const found = new Map<string, Conversation>();
    for (const listed of page.items) {
      const cached = await readCache(cache, listed.id);
      if (cached) found.set(listed.id, { ...listed, transcript_segments: cached.transcript_segments });
    }
    // Rows the server dropped after cutting the page shift later rows: item i sits at position i..i+dropped.
    const dropped = Math.max(0, page.limit - page.items.length);
    const missing = () =>
      page.items
        .map((c, index) => ({
          id: c.id,
          first: Math.floor(index / BLOCK),
          last: Math.floor((index + dropped) / BLOCK),
        }))
        .filter((m) => !found.has(m.id));
    const blocks = Math.ceil(page.limit / BLOCK);
    for (let block = 0; block < blocks; block++) {
      const here = missing().filter((m) => m.first <= block && block <= m.last);
      // One conversation alone is cheaper fetched by itself (same transcript read, a smaller answer).
      if (here.length === 0 || (here.length === 1 && here[0]!.first === here[0]!.last)) continue;
      const offset = page.offset + block * BLOCK;
      const limit = Math.min(BLOCK, page.limit - block * BLOCK);
      const full = await client.listConversations({ ...filters, includeTranscript: true, offset, limit, signal });
      for (const conversation of full) {
        if (hasTranscript(conversation) && !found.has(conversation.id)) found.set(conversation.id, conversation);
      }
    }
    for (const { id } of missing()) {
      try {
        found.set(id, await client.getConversation(id, { includeTranscript: true, signal }));
      } catch (error) {
        // Deleted since it was listed: it is exported as listed, without a transcript.
        if (!isOmiApiError(error) || error.kind !== 'notFound') throw error;
      }
    }
    return page.items.map((listed) => found.get(listed.id) ?? listed);
  };
}

// The cache is an optimisation: when it fails, the transcript is fetched as if it were absent.
async function readCache(cache: TranscriptCache | undefined, id: string): Promise<Conversation | undefined> {
  try {
    const cached = await cache?.get(id);
    return hasTranscript(cached) ? cached : undefined;
  } catch {
    return undefined;
  }
}
