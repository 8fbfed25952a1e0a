// Every item of a kind, unfiltered: from the store's list when it already holds them all, else paged from the
// server with the largest pages the endpoint allows.
import type { OmiClient } from '../api/client';
import { ACTION_ITEMS_OFFSET_CAP, PAGE_LIMITS, type Page } from '../api/paging';
import type { ListKind } from '../util/listKind';
import { NO_FILTERS } from './filters';
import type { ListItemTypes, OmiStore } from './omiStore';

export interface FullList<T> {
  items: T[];
  /** Action items only: the server's 2,000-item limit was reached, so some are missing. */
  capped: boolean;
  /** Served from the store's list, with no request. */
  reused: boolean;
}

export interface FullListOptions {
  signal?: AbortSignal;
  /** Items received so far, after each page. */
  onProgress?: (count: number) => void;
  /** Ask the server even when the store's list holds every item (it may be older than the server's state). */
  fresh?: boolean;
}

/** The store's list of a kind, when it is unfiltered, complete and known not to have hit the server's limit. */
function reusable<K extends ListKind>(store: OmiStore, kind: K): readonly ListItemTypes[K][] | undefined {
  const list = store.list(kind);
  const unfiltered = JSON.stringify(store.filter(kind)) === JSON.stringify(NO_FILTERS[kind]);
  if (!unfiltered || !list.complete || list.error !== undefined) return undefined;
  // A complete list this short cannot have stopped at the 2,000 cap; a longer one might have, so page it ourselves.
  if (kind === 'actionItems' && list.items.length >= PAGE_LIMITS.actionItems) return undefined;
  return list.items;
}

function pagesOf<K extends ListKind>(client: OmiClient, kind: K, signal?: AbortSignal): AsyncGenerator<Page<unknown>> {
  if (kind === 'memories') return client.pagesOfMemories({}, { signal });
  if (kind === 'actionItems') return client.pagesOfActionItems({}, { signal });
  return client.pagesOfConversations({}, { signal });
}

export async function loadFullList<K extends ListKind>(
  store: OmiStore,
  client: OmiClient,
  kind: K,
  options: FullListOptions = {},
): Promise<FullList<ListItemTypes[K]>> {
  const cached = options.fresh ? undefined : reusable(store, kind);
  if (cached) {
    options.onProgress?.(cached.length);
    return { items: [...cached], capped: false, reused: true };
  }
  const items: ListItemTypes[K][] = [];
  // Offset paging repeats an item when new ones arrive upstream meanwhile.
  const seen = new Set<string>();
  let capped = false;
  for await (const page of pagesOf(client, kind, options.signal)) {
    for (const item of page.items as ListItemTypes[K][]) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      items.push(item);
    }
    capped = kind === 'actionItems' && page.offset + page.limit >= ACTION_ITEMS_OFFSET_CAP;
    options.onProgress?.(items.length);
  }
  return { items, capped, reused: false };
}
