// The paging state of one list as the UI shows it (no vscode import: unit-tested in plain Node).
import type { FetchPage } from '../api/paging';

export interface PagedListOptions<T> {
  fetchPage: FetchPage<T>;
  /** Items per "Load more…". */
  pageSize: number;
  /** The largest page the endpoint serves; "load all" and refresh use it to need fewer requests. */
  maxPageSize: number;
  /** The first offset the server cannot serve (action items: 2000). */
  offsetCap?: number;
  idOf: (item: T) => string;
}

export type PagedListChange<T> =
  | { kind: 'appended'; items: readonly T[] }
  | { kind: 'replaced' }
  | { kind: 'state' }
  /** One item was changed, added or removed by a write (or its rollback). */
  | { kind: 'edited'; id: string };

/**
 * Items loaded so far, where the next page starts, and whether a request is running or failed.
 * - Only an empty page ends the list: pages can come back short without being the last.
 * - One request at a time: a second loadMore while one runs gets the same promise (no double loads).
 * - refresh() reloads as many items as were shown, replacing them only when the new ones have arrived.
 * - A failure keeps what was loaded and records the error; the next loadMore retries the same page.
 */
export class PagedList<T> {
  private loaded: T[] = [];
  private ids = new Set<string>();
  private nextOffset = 0;
  private ended = false;
  private running: Promise<void> | undefined;
  private generation = 0;
  private controller: AbortController | undefined;
  private lastError: unknown;
  private readonly listeners = new Set<(change: PagedListChange<T>) => void>();

  constructor(private readonly options: PagedListOptions<T>) {}

  get items(): readonly T[] {
    return this.loaded;
  }

  /** True once the server answered an empty page (or the offset cap was reached). */
  get complete(): boolean {
    return this.ended;
  }

  get loading(): boolean {
    return this.running !== undefined;
  }

  /** Whether anything was asked of the server yet. */
  get started(): boolean {
    return this.nextOffset > 0 || this.ended || this.running !== undefined || this.lastError !== undefined;
  }

  get error(): unknown {
    return this.lastError;
  }

  onDidChange(listener: (change: PagedListChange<T>) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Loads the next page (of `pageSize`, or `limit` when given). Resolves when done; never rejects. */
  loadMore(limit = this.options.pageSize): Promise<void> {
    if (this.running) return this.running;
    if (this.ended) return Promise.resolve();
    return this.track(this.fetchNext(limit, this.generation));
  }

  /**
   * Loads every remaining page with the largest page size, reporting the count as it goes. Stops early when the
   * signal aborts (keeping what arrived) or a page fails (recorded in `error`).
   */
  async loadAll(signal?: AbortSignal, onProgress?: (loaded: number) => void): Promise<void> {
    while (!this.ended && !signal?.aborted) {
      await this.loadMore(this.options.maxPageSize);
      onProgress?.(this.loaded.length);
      if (this.lastError !== undefined) return;
    }
  }

  /** Fetches again as many items as are shown now (at least one page), with as few requests as the server allows. */
  refresh(): Promise<void> {
    const shown = Math.max(this.nextOffset, this.options.pageSize);
    this.cancelRunning();
    const generation = ++this.generation;
    return this.track(this.reload(shown, generation));
  }

  /** How far the server has been read: the offset the next page starts at. */
  get offset(): number {
    return this.nextOffset;
  }

  /**
   * Shows items kept from an earlier session before anything is fetched; a refresh then replaces them with the
   * server's current ones.
   */
  seed(items: readonly T[], nextOffset: number, complete: boolean): void {
    if (this.started) return;
    this.keepNew(items);
    this.nextOffset = nextOffset;
    this.ended = complete;
    this.emit({ kind: 'replaced' });
  }

  /** The loaded item with this id, if any. */
  find(id: string): T | undefined {
    return this.ids.has(id) ? this.loaded.find((item) => this.options.idOf(item) === id) : undefined;
  }

  /** Puts `item` in place of the loaded item with its id. False when that item is not loaded. */
  replace(item: T): boolean {
    const id = this.options.idOf(item);
    const index = this.indexOf(id);
    if (index < 0) return false;
    this.loaded[index] = item;
    this.emit({ kind: 'edited', id });
    return true;
  }

  /**
   * Takes the item out (deleted, or no longer matching the list's filter) and says where it was, for a rollback.
   * The server's list shrank too, so the next page starts one earlier: at worst it repeats an item, which is
   * dropped as already seen, rather than skipping one.
   */
  remove(id: string): { item: T; index: number } | undefined {
    const index = this.indexOf(id);
    if (index < 0) return undefined;
    const [item] = this.loaded.splice(index, 1) as [T];
    this.ids.delete(id);
    this.nextOffset = Math.max(0, this.nextOffset - 1);
    this.emit({ kind: 'edited', id });
    return { item, index };
  }

  /** Adds an item the user created (at the top, where the server lists new ones) or puts a removed one back. */
  insert(item: T, index = 0): void {
    const id = this.options.idOf(item);
    if (this.ids.has(id)) {
      this.replace(item);
      return;
    }
    this.ids.add(id);
    this.loaded.splice(Math.max(0, Math.min(index, this.loaded.length)), 0, item);
    this.emit({ kind: 'edited', id });
  }

  /** Forgets everything (new filters, new key, sign out). The next loadMore starts from the first page. */
  reset(): void {
    this.cancelRunning();
    this.generation++;
    this.loaded = [];
    this.ids = new Set();
    this.nextOffset = 0;
    this.ended = false;
    this.lastError = undefined;
    this.emit({ kind: 'replaced' });
  }

  private track(work: Promise<void>): Promise<void> {
    const running = work.finally(() => {
      if (this.running === running) this.running = undefined;
      this.emit({ kind: 'state' });
    });
    this.running = running;
    this.emit({ kind: 'state' });
    return running;
  }

  private cancelRunning(): void {
    this.controller?.abort();
    this.controller = undefined;
    this.running = undefined;
  }

  private async fetchNext(requested: number, generation: number): Promise<void> {
    const offset = this.nextOffset;
    const limit = this.clampToCap(offset, requested);
    if (limit <= 0) {
      this.ended = true;
      return;
    }
    const controller = new AbortController();
    this.controller = controller;
    try {
      const page = await this.options.fetchPage(offset, limit, controller.signal);
      if (generation !== this.generation) return;
      this.lastError = undefined;
      this.nextOffset = offset + limit;
      if (page.length === 0 || this.clampToCap(this.nextOffset, 1) <= 0) this.ended = true;
      const fresh = this.keepNew(page);
      if (fresh.length > 0) this.emit({ kind: 'appended', items: fresh });
    } catch (error) {
      if (generation === this.generation) this.lastError = error;
    }
  }

  private async reload(count: number, generation: number): Promise<void> {
    const controller = new AbortController();
    this.controller = controller;
    const items: T[] = [];
    let offset = 0;
    let ended = false;
    try {
      while (offset < count) {
        const limit = this.clampToCap(offset, Math.min(this.options.maxPageSize, count - offset));
        if (limit <= 0) {
          ended = true;
          break;
        }
        const page = await this.options.fetchPage(offset, limit, controller.signal);
        if (generation !== this.generation) return;
        offset += limit;
        items.push(...page);
        if (page.length === 0) {
          ended = true;
          break;
        }
      }
    } catch (error) {
      if (generation === this.generation) this.lastError = error;
      return;
    }
    this.loaded = [];
    this.ids = new Set();
    this.keepNew(items);
    this.nextOffset = offset;
    this.ended = ended || this.clampToCap(offset, 1) <= 0;
    this.lastError = undefined;
    this.emit({ kind: 'replaced' });
  }

  /** Appends the items not seen yet (offset paging repeats an item when new ones arrive upstream). */
  private keepNew(page: readonly T[]): T[] {
    const fresh: T[] = [];
    for (const item of page) {
      const id = this.options.idOf(item);
      if (this.ids.has(id)) continue;
      this.ids.add(id);
      this.loaded.push(item);
      fresh.push(item);
    }
    return fresh;
  }

  private indexOf(id: string): number {
    return this.ids.has(id) ? this.loaded.findIndex((item) => this.options.idOf(item) === id) : -1;
  }

  private clampToCap(offset: number, limit: number): number {
    const cap = this.options.offsetCap ?? Number.POSITIVE_INFINITY;
    return Math.max(0, Math.min(limit, cap - offset));
  }

  private emit(change: PagedListChange<T>): void {
    for (const listener of this.listeners) listener(change);
  }
}
