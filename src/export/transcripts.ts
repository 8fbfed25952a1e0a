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
 * Stretches asked for when a part is handed out, besides its own. The writer holds the next part (as its answer's
 * bytes) while it writes one, so three stretches are on their way then: enough to keep the round trips, and a page's
 * first stretch behind the page's own request, off the writing.
 */
const STRETCHES_AHEAD = 2;

/** A stretch listed with transcripts, each conversation parsed as it is taken; empty when none was needed. */
type Stretch = AsyncIterator<Conversation>;

const NOTHING_LISTED: Stretch = (async function* () {})();

/**
 * Takes the rest of a stretch the export stopped in: each conversation taken is kept by the transcript cache, so the
 * read it cost is not spent again (Retry, the next export). In the background; a failure just ends it.
 */
function keepRest(stretch: Promise<Stretch>): void {
  void (async () => {
    const rest = await stretch;
    while (!(await rest.next()).done) {}
  })().catch(() => {});
}

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
 * What the export fetched and did not take, because it stopped, is still taken into the cache (see keepRest): when
 * a page is given up (a rate limit, before trying it again), and at the export's end (`keepUntaken`).
 */
export function transcriptsForPages(
  client: ConversationReader,
  cache: TranscriptCache | undefined,
  filters: ConversationFilters,
): {
  prepare(page: Page<Conversation>, signal: AbortSignal, skip?: number): AsyncGenerator<AsyncIterable<Conversation>>;
  /** The export ended: no part will be taken any more. */
  keepUntaken(): void;
} {
  /** Every stretch asked for and not yet taken to its end, of every page. */
  const untaken = new Set<Promise<Stretch>>();
  /** Takes the rest of a stretch into the cache, once: only when no part is taking it any more. */
  const keep = (stretch: Promise<Stretch>) => {
    if (untaken.delete(stretch)) keepRest(stretch);
  };
  const keepUntaken = () => {
    for (const stretch of untaken) keep(stretch);
  };
  const prepare = async function* (page: Page<Conversation>, signal: AbortSignal, skip = 0) {
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
      if (here.length === 0 || alone) return Promise.resolve(NOTHING_LISTED);
      const offset = page.offset + block * BLOCK;
      const limit = Math.min(BLOCK, page.limit - block * BLOCK);
      const stretch = client
        .listConversationsOneByOne({ ...filters, offset, limit, signal, transcriptCache: cache })
        .then((conversations) => conversations[Symbol.asyncIterator]());
      stretch.catch(() => {}); // awaited (and thrown) in its turn
      untaken.add(stretch);
      return stretch;
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
    /** Parts handed out that the writer has not begun to take. */
    const notBegun = new Set<Promise<Stretch>>();
    /**
     * The part of `block`: what its stretch brings, taken one at a time (not with for-await, which would close the
     * stretch when the writer stops, and its rest could not be kept), handed out as soon as it is due.
     */
    const part = async function* (block: number, request: Promise<Stretch>, finished: () => void) {
      notBegun.delete(request);
      let takenAll = false;
      try {
        const stretch = await request;
        for (let taken = await stretch.next(); !taken.done; taken = await stretch.next()) {
          const conversation = taken.value;
          if (hasTranscript(conversation) && wanted.has(conversation.id) && !found.has(conversation.id)) {
            found.set(conversation.id, conversation);
          }
          yield* due(block, false);
        }
        takenAll = true;
        untaken.delete(request);
        yield* due(block, true);
        // Only a part handed out in full lets the next begin: after one given up, nothing more is asked for.
        finished();
      } finally {
        // The writer stopped taking this part, and nobody else will.
        if (!takenAll) keep(request);
      }
    };

    /** Stretches asked for and not yet handed out in a part, by block. */
    const ahead = new Map<number, Promise<Stretch>>();
    let outcome: 'handedOut' | 'failed' | 'givenUp' = 'givenUp';
    try {
      for (let block = 0; block < blocks && next < items.length; block++) {
        await lookUpThrough(block);
        if (!ahead.has(block)) ahead.set(block, fetchStretch(block));
        const request = ahead.get(block)!;
        // With no rows dropped, a stretch holds only its own conversations: the next ones are asked for now, so their
        // round trips overlap the writing of this one. (With rows dropped, what this stretch brings decides the next.)
        for (
          let later = block + 1;
          dropped === 0 && later <= block + STRETCHES_AHEAD && later < blocks && lookedUp < items.length;
          later++
        ) {
          if (ahead.has(later)) continue;
          await lookUpThrough(later);
          ahead.set(later, fetchStretch(later));
        }
        await request;
        ahead.delete(block);
        notBegun.add(request);
        let finished = () => {};
        const handedOut = new Promise<void>((resolve) => {
          finished = resolve;
        });
        yield part(block, request, finished);
        // With rows dropped, what this part finds decides the next request: it waits until the part is handed out.
        // Otherwise the next stretch is awaited (and the next page's, after the last) while this part is written.
        if (dropped > 0) await handedOut;
      }
      outcome = 'handedOut';
    } catch (error) {
      outcome = 'failed';
      throw error;
    } finally {
      // Stopped before every part was handed out: what was not handed out is kept now, in case the page is tried
      // again; when the writer gave the page up (rather than this failing), so are the parts it had not begun.
      if (outcome !== 'handedOut') {
        for (const request of ahead.values()) keep(request);
        if (outcome === 'givenUp') for (const request of notBegun) keep(request);
      }
    }
  };
  return { prepare, keepUntaken };
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
