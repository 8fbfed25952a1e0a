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
  /** Turns a page into the items to write (adding transcripts, say). May fail like a page fetch. */
  prepare?(page: Page<T>, signal: AbortSignal): Promise<T[]>;
  /** `page` as fetched; `items` as prepared. */
  write(items: T[], page: Page<T>): Promise<void>;
  /** Where to begin, when an earlier run already wrote the pages before it (and `startCount` items). */
  startOffset?: number;
  startCount?: number;
  signal: AbortSignal;
  onProgress?(progress: ExportProgress): void;
  sleep?: Sleep;
  now?: () => number;
  /** Rate-limit waits in a row (without a page written in between) before giving up. */
  maxRateLimitWaits?: number;
  /** How long to wait when the server said rate limited without saying for how long. */
  defaultRateLimitWaitMs?: number;
}

const COUNTDOWN_STEP_MS = 1000;

/**
 * Writes every page, in order, and returns how many items were written (with `startCount`). When the client gives up on a rate limit
 * (it waits out short ones itself), this waits as long as the server asked, counting down through `onProgress`, and
 * resumes from the page that failed: pages already written stay written, none is written twice.
 * Cancellation (the signal) and any other failure are thrown.
 */
export async function exportPages<T>(options: PagedExportOptions<T>): Promise<number> {
  const sleep = options.sleep ?? abortableSleep;
  const now = options.now ?? Date.now;
  const maxWaits = options.maxRateLimitWaits ?? 10;
  let offset = options.startOffset ?? 0;
  let count = options.startCount ?? 0;
  let waitsInARow = 0;
  options.onProgress?.({ count });
  for (;;) {
    try {
      for await (const page of options.pages(offset, options.signal)) {
        const items = options.prepare ? await options.prepare(page, options.signal) : page.items;
        throwIfAborted(options.signal);
        await options.write(items, page);
        count += items.length;
        offset = page.offset + page.limit;
        waitsInARow = 0;
        options.onProgress?.({ count });
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
