import * as vscode from 'vscode';
import type { ActionItem, Conversation, Memory } from '../api/models';
import { ACTION_ITEMS_OFFSET_CAP, PAGE_LIMITS } from '../api/paging';
import type { ListKind } from '../util/listKind';
import type { OmiConnection } from './connection';
import { fetchConversationWithTranscript } from './conversationLookup';
import type { CachedList, DiskListCache } from './diskListCache';
import { actionItemQuery, conversationQuery, type Filters, memoryQuery, NO_FILTERS } from './filters';
import type { ClearableTranscriptCache } from './layeredTranscriptCache';
import { OmiExtras } from './omiExtras';
import { PagedList } from './pagedList';

export interface ListItemTypes {
  memories: Memory;
  actionItems: ActionItem;
  conversations: Conversation;
}

const FILTERS_STATE_KEY = 'omi.filters';

type Lists = { [K in ListKind]?: PagedList<ListItemTypes[K]> };

/**
 * The user's Omi data as the UI sees it: one paged list per kind for the current filter, kept for the window's life
 * so every part of the UI shares the pages already fetched. Filters persist per workspace.
 */
export class OmiStore implements vscode.Disposable {
  private lists: Lists = {};
  private filters: Filters;
  private readonly changed = new vscode.EventEmitter<ListKind>();
  /** Fires when a kind's list was replaced (new filter, new key, cleared). */
  readonly onDidReplaceList = this.changed.event;
  private readonly forgotten = new vscode.EventEmitter<void>();
  /** Fires after clearPersistent(): whoever holds Omi data of their own (Insights) forgets it too. */
  readonly onDidForgetData = this.forgotten.event;
  private readonly factories: { [K in ListKind]: () => PagedList<ListItemTypes[K]> } = {
    memories: () => {
      const query = memoryQuery(this.filters.memories);
      return new PagedList<Memory>({
        fetchPage: (offset, limit, signal) => this.connection.client.listMemories({ ...query, offset, limit, signal }),
        pageSize: Math.min(this.pageSize(), PAGE_LIMITS.memories),
        maxPageSize: PAGE_LIMITS.memories,
        idOf: (m) => m.id,
      });
    },
    actionItems: () => {
      const query = actionItemQuery(this.filters.actionItems);
      return new PagedList<ActionItem>({
        fetchPage: (offset, limit, signal) =>
          this.connection.client.listActionItems({ ...query, offset, limit, signal }),
        pageSize: Math.min(this.pageSize(), PAGE_LIMITS.actionItems),
        maxPageSize: PAGE_LIMITS.actionItems,
        offsetCap: ACTION_ITEMS_OFFSET_CAP,
        idOf: (a) => a.id,
      });
    },
    conversations: () => {
      const query = conversationQuery(this.filters.conversations);
      const list = new PagedList<Conversation>({
        fetchPage: (offset, limit, signal) =>
          this.connection.client.listConversations({ ...query, offset, limit, signal }),
        pageSize: Math.min(this.pageSize(), PAGE_LIMITS.conversations),
        maxPageSize: PAGE_LIMITS.conversations,
        idOf: (c) => c.id,
      });
      this.persist(list, JSON.stringify(query));
      return list;
    },
  };

  private restored: { account: string; listKey: string; list: CachedList<Conversation> } | undefined;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly configSubscription: vscode.Disposable;
  /** Daily summaries, folders and goals: cached beside the lists, cleared with them. */
  readonly extras: OmiExtras;

  constructor(
    private readonly connection: OmiConnection,
    private readonly workspaceState: vscode.Memento,
    private readonly transcripts: ClearableTranscriptCache,
    private readonly disk: DiskListCache,
    /** What unfinished exports fetched (export/exportCheckpoint.ts): Omi data on disk like the caches. */
    private readonly exportCheckpoints?: { clear(): Promise<void> },
  ) {
    this.extras = new OmiExtras(connection);
    this.filters = { ...NO_FILTERS, ...workspaceState.get<Partial<Filters>>(FILTERS_STATE_KEY, {}) };
    // A new page size applies from the first page: the lists start over.
    this.configSubscription = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('omi.pageSize')) this.clear();
    });
  }

  /**
   * Reads the conversations kept on disk for this account and filter, so the view can show them at once when it is
   * created; it then refreshes from the server in the background.
   */
  async restoreFromDisk(): Promise<void> {
    this.restored = undefined;
    const account = this.connection.accountId;
    if (!account) return;
    const listKey = JSON.stringify(conversationQuery(this.filters.conversations));
    const list = await this.disk.load<Conversation>(account, listKey);
    if (list) this.restored = { account, listKey, list };
  }

  /** Seeds a new conversations list from disk when there is a copy, and keeps the disk copy up to date. */
  private persist(list: PagedList<Conversation>, listKey: string): void {
    const account = this.connection.accountId;
    if (!account) return;
    const restored = this.restored;
    if (restored && restored.account === account && restored.listKey === listKey) {
      this.restored = undefined;
      list.seed(restored.list.items, restored.list.nextOffset, restored.list.complete);
      void list.refresh();
    }
    list.onDidChange(() => {
      if (list.loading || list.error !== undefined || list.items.length === 0) return;
      if (this.saveTimer) clearTimeout(this.saveTimer);
      this.saveTimer = setTimeout(() => {
        void this.disk.save(account, listKey, {
          items: [...list.items],
          nextOffset: list.offset,
          complete: list.complete,
        });
      }, 500);
    });
  }

  /**
   * Sign-out, another account and "Omi: Clear Cache": forget every page and transcript, in memory and on disk, and
   * what unfinished exports kept.
   */
  async clearPersistent(): Promise<void> {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.restored = undefined;
    this.clear();
    await this.transcripts.clear();
    await this.disk.clear();
    await this.exportCheckpoints?.clear().catch(() => {});
    this.forgotten.fire();
  }

  list<K extends ListKind>(kind: K): PagedList<ListItemTypes[K]> {
    const existing = this.lists[kind];
    if (existing) return existing;
    const created = this.factories[kind]();
    this.lists = { ...this.lists, [kind]: created };
    return created;
  }

  filter<K extends ListKind>(kind: K): Filters[K] {
    return this.filters[kind];
  }

  /**
   * A new filter for a kind, remembered for this workspace. The list starts over when what it asks the server
   * changes; a change of how it is shown only (grouping) keeps the pages loaded and lets the views redraw.
   */
  async setFilter<K extends ListKind>(kind: K, filter: Filters[K]): Promise<void> {
    const before = this.queryKey(kind);
    this.filters = { ...this.filters, [kind]: filter };
    await this.workspaceState.update(FILTERS_STATE_KEY, this.filters);
    if (this.queryKey(kind) === before && this.lists[kind]) this.changed.fire(kind);
    else this.replace(kind);
  }

  private queryKey(kind: ListKind): string {
    if (kind === 'memories') return JSON.stringify(memoryQuery(this.filters.memories));
    if (kind === 'actionItems') return JSON.stringify(actionItemQuery(this.filters.actionItems));
    return JSON.stringify(conversationQuery(this.filters.conversations));
  }

  /**
   * A conversation with its transcript: from the transcript cache (memory, then disk) when fetched before, else one
   * request (or, on a server without that route, a bounded search of the newest conversations).
   */
  async conversation(id: string, signal?: AbortSignal): Promise<Conversation> {
    return fetchConversationWithTranscript(this.connection.client, id, signal);
  }

  /** Forgets every loaded page; cached transcripts stay (a new window's first sign-in, a new filter). */
  clear(): void {
    for (const kind of Object.keys(this.lists) as ListKind[]) this.replace(kind);
    this.extras.clear();
  }

  private replace(kind: ListKind): void {
    const { [kind]: _dropped, ...rest } = this.lists;
    this.lists = rest;
    this.changed.fire(kind);
  }

  private pageSize(): number {
    const configured = vscode.workspace.getConfiguration('omi').get<number>('pageSize', 50);
    return Math.max(1, Math.min(1000, Math.floor(Number(configured) || 50)));
  }

  dispose(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.configSubscription.dispose();
    this.extras.dispose();
    this.changed.dispose();
    this.forgotten.dispose();
  }
}
