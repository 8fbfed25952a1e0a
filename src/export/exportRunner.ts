// Fetches every page of a bulk export and hands each to a writer, sitting out rate limits on the way
// (no vscode import: unit-tested).
import { isOmiApiError, throwIfAborted } from '../api/errors';
import type { Page } from '../api/paging';
import { abortableSleep, type Sleep } from '../api/sleep';

export interface ExportProgress {
  /** Items written so far. */
  count: number;
  /** While waiting for a rate limit: how long until the export resumes. */
  waitingMs?: number;
}

export interface PagedExportOptions<T> {
  /** The pages from `startOffset` on (the client's `pagesOf…` generators). */
  pages(startOffset: number, signal: AbortSignal): AsyncIterable<Page<T>>;
  /**
   * Turns a page into the items to write (adding transcripts, say), all at once or in parts as they become ready,
   * leaving out its first `skip` items (written by an earlier try at the page). May fail like a page fetch.
   */
  prepare?(page: Page<T>, signal: AbortSignal, skip: number): Promise<T[]> | AsyncIterable<Part<T>>;
  /** Writes items of `page` as prepared: a part of it, all of it, or one item of a lazy part. */
  write(items: T[], page: Page<T>): Promise<void>;
  /** Every item of `page` is written. */
  endPage?(page: Page<T>): Promise<void>;
  /** Where to begin, when an earlier run already wrote the pages before it (and `startCount` items). */
  startOffset?: number;
  startCount?: number;
  signal: AbortSignal;
  onProgress?(progress: ExportProgress): void;
  sleep?: Sleep;
  now?: () => number;
  /** Rate-limit waits in a row (without anything written in between) before giving up. */
  maxRateLimitWaits?: number;
  /** How long to wait when the server said rate limited without saying for how long. */
  defaultRateLimitWaitMs?: number;
}

const COUNTDOWN_STEP_MS = 1000;

/**
 * A part of a page: its items, or items made as they are taken (parsed from a fetched answer, say), each written
 * before the next is made, so that they need not all be held at once.
 */
export type Part<T> = T[] | AsyncIterable<T>;

/** A part of a page to write, or the end of the page. */
type Step<T> = { page: Page<T>; items: Part<T> } | { page: Page<T>; end: true };

/**
 * Writes every page, in order, and returns how many items were written (with `startCount`). With `prepare`, the next
 * request is in flight while a part is written. When the client gives up on a rate limit (it waits out short ones
 * itself), this waits as long as the server asked, counting down through `onProgress`, and resumes from the page that
 * failed, without its items already written: none is written twice.
 * Cancellation (the signal) and any other failure are thrown.
 */
export async function exportPages<T>(options: PagedExportOptions<T>): Promise<number> {
  const sleep = options.sleep ?? abortableSleep;
  const now = options.now ?? Date.now;
  const maxWaits = options.maxRateLimitWaits ?? 10;
  let offset = options.startOffset ?? 0;
  let count = options.startCount ?? 0;
  /** Items of the page at `offset` already written. */
  let written = 0;
  let waitsInARow = 0;
  options.onProgress?.({ count });
  for (;;) {
    try {
      const pending = steps(options, offset, written);
      // Pages that take requests of their own after the list's (transcripts) are fetched ahead; the fetched part is
      // kept either way (the transcript cache). A list's next page is asked for only once this one is written: one
      // fetched ahead and then cancelled, or failed, would be a request spent for nothing.
      for await (const step of options.prepare ? readAhead(pending) : pending) {
        // A page's end keeps what is written of it, cancelled or not.
        if ('end' in step) {
          await options.endPage?.(step.page);
          offset = step.page.offset + step.page.limit;
          written = 0;
          continue;
        }
        for await (const items of batches(step.items)) {
          throwIfAborted(options.signal);
          await options.write(items, step.page);
          count += items.length;
          written += items.length;
          waitsInARow = 0;
          options.onProgress?.({ count });
        }
      }
      return count;
    } catch (error) {
      if (!isOmiApiError(error) || error.kind !== 'rateLimited' || waitsInARow >= maxWaits) throw error;
      waitsInARow++;
      const waitMs = error.retryAfterMs ?? options.defaultRateLimitWaitMs ?? 60_000;
      const until = now() + waitMs;
      for (let left = waitMs; left > 0; left = until - now()) {
        options.onProgress?.({ count, waitingMs: left });
        await sleep(Math.min(COUNTDOWN_STEP_MS, left), options.signal);
      }
      options.onProgress?.({ count });
    }
  }
}

/** The parts of every page from `offset` on, each page followed by its end; `skip` items of the first are left out. */
async function* steps<T>(options: PagedExportOptions<T>, offset: number, skip: number): AsyncGenerator<Step<T>> {
  for await (const page of options.pages(offset, options.signal)) {
    const prepared = options.prepare
      ? options.prepare(page, options.signal, skip)
      : skip > 0
        ? page.items.slice(skip)
        : page.items;
    if (isAsyncIterable(prepared)) {
      for await (const items of prepared) yield { page, items };
    } else {
      yield { page, items: await prepared };
    }
    yield { page, end: true };
    skip = 0;
  }
}

/** A part as the batches it is written in: all its items at once, or a lazy part's one at a time. */
async function* batches<T>(part: Part<T>): AsyncGenerator<T[]> {
  if (Array.isArray(part)) {
    yield part;
  } else {
    for await (const item of part) yield [item];
  }
}

function isAsyncIterable<V>(value: object): value is AsyncIterable<V> {
  return Symbol.asyncIterator in value;
}

type Pulled<T> = { step: Step<T> } | { error: unknown } | { done: true };

/**
 * The steps of `source`, the next part always asked for before the current one is handed out: it is fetched while
 * the current one is written. A page's end costs nothing to read, so it does not count: the part after it is in flight
 * too. One part ahead, so at most two are held.
 */
async function* readAhead<T>(source: AsyncIterator<Step<T>>): AsyncGenerator<Step<T>> {
  // Up to the next part, the list's end or a failure; never rejects, so a page's end always comes before a failure.
  const pull = async (): Promise<Pulled<T>[]> => {
    const pulled: Pulled<T>[] = [];
    for (;;) {
      try {
        const result = await source.next();
        if (result.done) return [...pulled, { done: true }];
        pulled.push({ step: result.value });
        if (!('end' in result.value)) return pulled;
      } catch (error) {
        return [...pulled, { error }];
      }
    }
  };
  let ahead = pull();
  let ended = false;
  try {
    for (;;) {
      const pulled = await ahead;
      const last = pulled.at(-1);
      ended = last === undefined || !('step' in last);
      if (!ended) ahead = pull();
      for (const item of pulled) {
        if ('error' in item) throw item.error;
        if ('done' in item) return;
        yield item.step;
      }
    }
  } finally {
    // Stopped early (a failed write, a cancellation): the source ends once the part in flight has come.
    if (!ended) void ahead.then(() => source.return?.()).catch(() => {});
  }
}
