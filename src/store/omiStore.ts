import * as vscode from 'vscode';
import type { ActionItem, Conversation, Memory } from '../api/models';
import { ACTION_ITEMS_OFFSET_CAP, PAGE_LIMITS } from '../api/paging';
import type { OmiConnection } from './connection';
import { fetchConversationWithTranscript } from './conversationLookup';
import { actionItemQuery, conversationQuery, type Filters, memoryQuery, NO_FILTERS } from './filters';
import type { ClearableTranscriptCache } from './layeredTranscriptCache';
import { PagedList } from './pagedList';

export type ListKind = keyof Filters;

export interface ListItemTypes {
  memories: Memory;
  actionItems: ActionItem;
  conversations: Conversation;
}

const FILTERS_STATE_KEY = 'omi.filters';

/**
 * The user's Omi data as the UI sees it: one paged list per kind for the current filter, kept for the window's life
 * so every part of the UI shares the pages already fetched. Filters persist per workspace.
 */
type Lists = { [K in ListKind]?: PagedList<ListItemTypes[K]> };

export class OmiStore implements vscode.Disposable {
  private lists: Lists = {};
  private filters: Filters;
  private readonly changed = new vscode.EventEmitter<ListKind>();
  /** Fires when a kind's list was replaced (new filter, new key, cleared). */
  readonly onDidReplaceList = this.changed.event;
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
      return new PagedList<Conversation>({
        fetchPage: (offset, limit, signal) =>
          this.connection.client.listConversations({ ...query, offset, limit, signal }),
        pageSize: Math.min(this.pageSize(), PAGE_LIMITS.conversations),
        maxPageSize: PAGE_LIMITS.conversations,
        idOf: (c) => c.id,
      });
    },
  };

  constructor(
    private readonly connection: OmiConnection,
    private readonly workspaceState: vscode.Memento,
    private readonly transcripts: ClearableTranscriptCache,
  ) {
    this.filters = { ...NO_FILTERS, ...workspaceState.get<Partial<Filters>>(FILTERS_STATE_KEY, {}) };
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

  async setFilter<K extends ListKind>(kind: K, filter: Filters[K]): Promise<void> {
    this.filters = { ...this.filters, [kind]: filter };
    await this.workspaceState.update(FILTERS_STATE_KEY, this.filters);
    this.replace(kind);
  }

  /**
   * A conversation with its transcript: from the transcript cache (memory, then disk) when fetched before, else one
   * request (or, on a server without that route, a bounded search of the newest conversations).
   */
  async conversation(id: string, signal?: AbortSignal): Promise<Conversation> {
    return fetchConversationWithTranscript(this.connection.client, id, signal);
  }

  /** Forgets every loaded page and transcript, on disk too (sign out, another key, another server, Clear Cache). */
  async clear(): Promise<void> {
    this.resetLists();
    await this.transcripts.clear();
  }

  /** Forgets every loaded page, keeping cached transcripts (the first sign-in of a window). */
  resetLists(): void {
    for (const kind of Object.keys(this.lists) as ListKind[]) this.replace(kind);
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
    this.changed.dispose();
  }
}
