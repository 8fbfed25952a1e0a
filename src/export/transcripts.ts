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
 * The page comes out in its order, in parts, each as soon as no later stretch can change it, so that it is written
 * while the next stretch is fetched and no more than a stretch of transcripts is held. `skip`: how many of the page's
 * conversations an earlier try already handed out (they are neither fetched nor handed out again). A cached
 * transcript joins the freshly listed fields.
 */
export function transcriptsForPage(
  client: ConversationReader,
  cache: TranscriptCache | undefined,
  filters: ConversationFilters,
): (page: Page<Conversation>, signal: AbortSignal, skip?: number) => AsyncGenerator<Conversation[]> {
  return async function* (page, signal, skip = 0) {
    const { items } = page;
    // Rows the server dropped after cutting the page shift later rows: item i sits at position i..i+dropped.
    const dropped = Math.max(0, page.limit - items.length);
    const firstBlock = (index: number) => Math.floor(index / BLOCK);
    const lastBlock = (index: number) => Math.floor((index + dropped) / BLOCK);
    const found = new Map<string, Conversation>();
    const wanted = new Set(items.slice(skip).map((c) => c.id));
    let next = skip;
    let lookedUp = skip;
    const blocks = Math.ceil(page.limit / BLOCK);

    /** The cache, for every conversation up to `block` (all at once: each may wait for the disk). */
    const lookUpThrough = async (block: number) => {
      const lookups: Promise<void>[] = [];
      for (; lookedUp < items.length && firstBlock(lookedUp) <= block; lookedUp++) {
        const listed = items[lookedUp]!;
        lookups.push(
          readCache(cache, listed.id).then((cached) => {
            if (cached) found.set(listed.id, { ...listed, transcript_segments: cached.transcript_segments });
          }),
        );
      }
      await Promise.all(lookups);
    };
    /** The stretch listed again with transcripts, when more than one conversation it may hold is missing. */
    const fetchStretch = (block: number): Promise<Conversation[]> => {
      const here: number[] = [];
      for (let index = next; index < lookedUp; index++) {
        if (!found.has(items[index]!.id) && firstBlock(index) <= block && lastBlock(index) >= block) here.push(index);
      }
      // One conversation alone is cheaper fetched by itself (same transcript read, a smaller answer).
      const alone = here.length === 1 && firstBlock(here[0]!) === lastBlock(here[0]!);
      if (here.length === 0 || alone) return Promise.resolve([]);
      const offset = page.offset + block * BLOCK;
      const limit = Math.min(BLOCK, page.limit - block * BLOCK);
      return client.listConversations({
        ...filters,
        includeTranscript: true,
        offset,
        limit,
        signal,
        transcriptCache: cache,
      });
    };

    let fetched: Promise<Conversation[]> | undefined;
    for (let block = 0; block < blocks && next < items.length; block++) {
      await lookUpThrough(block);
      const stretch = fetched ?? fetchStretch(block);
      fetched = undefined;
      // With no rows dropped, a stretch holds only its own conversations: the next one's request goes out now, so
      // two are in flight and the round trips overlap. (With rows dropped, what this stretch brings decides it.)
      if (dropped === 0 && block + 1 < blocks && lookedUp < items.length) {
        await lookUpThrough(block + 1);
        fetched = fetchStretch(block + 1);
        fetched.catch(() => {}); // awaited (and thrown) in its turn
      }
      for (const conversation of await stretch) {
        if (hasTranscript(conversation) && wanted.has(conversation.id) && !found.has(conversation.id)) {
          found.set(conversation.id, conversation);
        }
      }
      // Handed out in order: every conversation that has its transcript or that no later stretch can hold.
      const part: Conversation[] = [];
      for (
        ;
        next < items.length && firstBlock(next) <= block && (found.has(items[next]!.id) || lastBlock(next) <= block);
        next++
      ) {
        const listed = items[next]!;
        part.push(found.get(listed.id) ?? (await fetchAlone(client, cache, listed, signal)));
        found.delete(listed.id);
      }
      if (part.length > 0) yield part;
    }
  };
}

/** With its transcript; as listed when it was deleted since it was listed. */
async function fetchAlone(
  client: ConversationReader,
  cache: TranscriptCache | undefined,
  listed: Conversation,
  signal: AbortSignal,
): Promise<Conversation> {
  try {
    return await client.getConversation(listed.id, { includeTranscript: true, signal, transcriptCache: cache });
  } catch (error) {
    if (!isOmiApiError(error) || error.kind !== 'notFound') throw error;
    return listed;
  }
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
