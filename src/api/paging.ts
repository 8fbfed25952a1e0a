import { throwIfAborted } from './errors';

/** The largest `limit` each list endpoint honours (larger values are clamped by the server). */
export const PAGE_LIMITS = Object.freeze({
  memories: 1000,
  actionItems: 1000,
  conversations: 100,
  conversationsWithTranscript: 25,
  dailySummaries: 100,
  /** With include_inactive=true the server returns every goal whatever the limit; 1000 without it. */
  goals: 1000,
});

/**
 * The server cannot page action items past this offset: any `offset >= 2000` answers `[]`. Paging stops there
 * without asking, so at most the first 2,000 action items of a filter can be listed; narrow the filter
 * (completed, dates, conversation) to reach the others.
 */
export const ACTION_ITEMS_OFFSET_CAP = 2000;

export interface Page<T> {
  items: T[];
  offset: number;
  /** The limit asked for: the next page starts at `offset + limit`, however many items came back. */
  limit: number;
}

export interface PagingOptions {
  /** Defaults to the largest the endpoint allows; larger values are clamped to it. */
  pageSize?: number;
  startOffset?: number;
  signal?: AbortSignal;
}

export interface PageThroughOptions extends PagingOptions {
  maxPageSize: number;
  /** The first offset the server will not serve. */
  offsetCap?: number;
}

export type FetchPage<T> = (offset: number, limit: number, signal: AbortSignal | undefined) => Promise<T[]>;

/**
 * Yields pages until the server answers an empty one. Pages can come back short without being the last (the server
 * drops locked rows after cutting the page), so the offset advances by the limit asked, never by the items received.
 * The signal is checked before every page; an abort throws an `aborted` OmiApiError.
 */
export async function* pageThrough<T>(fetchPage: FetchPage<T>, options: PageThroughOptions): AsyncGenerator<Page<T>> {
  const pageSize = clampPageSize(options.pageSize, options.maxPageSize);
  const cap = options.offsetCap ?? Number.POSITIVE_INFINITY;
  let offset = Math.max(0, Math.floor(options.startOffset ?? 0));
  while (offset < cap) {
    throwIfAborted(options.signal);
    const limit = Math.min(pageSize, cap - offset);
    const items = await fetchPage(offset, limit, options.signal);
    if (items.length === 0) {
      return;
    }
    yield { items, offset, limit };
    offset += limit;
  }
}

/** Every item of every page, in order. */
export async function collectAll<T>(pages: AsyncIterable<Page<T>>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) {
    all.push(...page.items);
  }
  return all;
}

function clampPageSize(requested: number | undefined, max: number): number {
  if (requested === undefined || !Number.isFinite(requested)) {
    return max;
  }
  return Math.min(max, Math.max(1, Math.floor(requested)));
}
