// Adds transcripts to a page of listed conversations, spending as few transcript reads as possible
// (no vscode import).
import { isOmiApiError } from '../api/errors';
import type { Conversation } from '../api/models';
import type { TranscriptCache } from '../api/options';
import { PAGE_LIMITS, type Page } from '../api/paging';
import type { ConversationFilters, GetConversationOptions, ListConversationsParams } from '../api/params';

/** The part of OmiClient this needs. */
export interface ConversationReader {
  listConversationsOneByOne(params: ListConversationsParams): Promise<AsyncIterable<Conversation>>;
  getConversation(id: string, options: GetConversationOptions): Promise<Conversation>;
}

const BLOCK = PAGE_LIMITS.conversationsWithTranscript;
/**
 * Stretches asked for before they are due: two keep the round trips behind the writing, as a page's first stretch
 * waits for the page's own request.
 */
const STRETCHES_AHEAD = 2;

/** A stretch listed with transcripts, each conversation parsed as it is taken; empty when none was needed. */
type Stretch = AsyncIterable<Conversation> | Conversation[];

function hasTranscript(conversation: Conversation | undefined): conversation is Conversation {
  return Array.isArray(conversation?.transcript_segments);
}

/**
 * Transcripts are the scarcest part of the rate limit (the real server allows 25 reads with transcripts an hour), so
 * a bulk export lists conversations without them (100 a page) and then, for each page:
 * - takes every transcript already in the cache (a conversation opened or exported before costs nothing);
 * - lists again, with transcripts and 25 at a time, only the stretches of the page where some are missing;
 * - fetches one by one the few that a stretch did not cover (a lone missing conversation, or rows that moved).
 * The page comes out in its order, a part per stretch, each as soon as no later stretch can change it, so that it is
 * written while the next stretches are fetched. A part is lazy: a fetched stretch waits as its bytes, and each
 * conversation is parsed as the writer takes it, so no more than a couple of parsed transcripts are held at a time
 * (see OmiClient.listConversationsOneByOne). `skip`: how many of the page's conversations an earlier try already
 * handed out (they are neither fetched nor handed out again). A cached transcript joins the freshly listed fields.
 */
export function transcriptsForPage(
  client: ConversationReader,
  cache: TranscriptCache | undefined,
  filters: ConversationFilters,
): (page: Page<Conversation>, signal: AbortSignal, skip?: number) => AsyncGenerator<AsyncIterable<Conversation>> {
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
    const fetchStretch = (block: number): Promise<Stretch> => {
      const here: number[] = [];
      for (let index = next; index < lookedUp; index++) {
        if (!found.has(items[index]!.id) && firstBlock(index) <= block && lastBlock(index) >= block) here.push(index);
      }
      // One conversation alone is cheaper fetched by itself (same transcript read, a smaller answer).
      const alone = here.length === 1 && firstBlock(here[0]!) === lastBlock(here[0]!);
      if (here.length === 0 || alone) return Promise.resolve([]);
      const offset = page.offset + block * BLOCK;
      const limit = Math.min(BLOCK, page.limit - block * BLOCK);
      return client.listConversationsOneByOne({
        ...filters,
        offset,
        limit,
        signal,
        transcriptCache: cache,
      });
    };

    /**
     * The conversations of the page up to `block`, in order, that have their transcript now; with `last`, also those
     * no later stretch can hold, fetched alone.
     */
    const due = async function* (block: number, last: boolean): AsyncGenerator<Conversation> {
      for (; next < items.length && firstBlock(next) <= block; next++) {
        const listed = items[next]!;
        const conversation = found.get(listed.id);
        if (!conversation && !(last && lastBlock(next) <= block)) return;
        found.delete(listed.id);
        yield conversation ?? (await fetchAlone(client, cache, listed, signal));
      }
    };
    /** The part of `block`: what its stretch brings, taken one at a time, handed out as soon as it is due. */
    const part = async function* (block: number, stretch: Stretch, finished: () => void): AsyncGenerator<Conversation> {
      try {
        for await (const conversation of stretch) {
          if (hasTranscript(conversation) && wanted.has(conversation.id) && !found.has(conversation.id)) {
            found.set(conversation.id, conversation);
          }
          yield* due(block, false);
        }
        yield* due(block, true);
      } finally {
        finished();
      }
    };

    /** Stretches asked for ahead, by block. */
    const ahead = new Map<number, Promise<Stretch>>();
    for (let block = 0; block < blocks && next < items.length; block++) {
      await lookUpThrough(block);
      const stretch = ahead.get(block) ?? fetchStretch(block);
      ahead.delete(block);
      // With no rows dropped, a stretch holds only its own conversations: the next ones are asked for now, so their
      // round trips overlap the writing of this one. (With rows dropped, what this stretch brings decides the next.)
      for (
        let later = block + 1;
        dropped === 0 && later <= block + STRETCHES_AHEAD && later < blocks && lookedUp < items.length;
        later++
      ) {
        if (ahead.has(later)) continue;
        await lookUpThrough(later);
        const request = fetchStretch(later);
        request.catch(() => {}); // awaited (and thrown) in its turn
        ahead.set(later, request);
      }
      let finished = () => {};
      const handedOut = new Promise<void>((resolve) => {
        finished = resolve;
      });
      yield part(block, await stretch, finished);
      // With rows dropped, what this part finds decides the next request: it waits until the part is handed out.
      // Otherwise the next stretch is awaited (and the next page's, after the last) while this part is written.
      if (dropped > 0) await handedOut;
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
