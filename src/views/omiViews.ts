import * as vscode from 'vscode';
import type { SignInState } from '../auth/signInState';
import { conversationQuery, describeFilter, NO_FILTERS } from '../store/filters';
import type { ListItemTypes, OmiStore } from '../store/omiStore';
import { describeError } from '../util/errorMessage';
import { LIST_KINDS, type ListKind } from '../util/listKind';
import { actionItemsView } from './actionItemsView';
import { conversationGrouping, conversationsView } from './conversationsView';
import { OmiTreeDragAndDrop } from './dragAndDrop';
import { GOALS_VIEW_ID, GoalsView } from './goalsView';
import type { ListViewDefinition } from './listViewDefinition';
import { memoriesView } from './memoriesView';
import type { ListNode } from './nodes';
import { PagedTreeProvider } from './pagedTreeProvider';

/** Memories ranked by meaning (byMeaning), or found by their words when the server cannot rank (with a note). */
export type MeaningSearch = (query: string) => Promise<{
  items: { id: string; relevance_score?: unknown }[];
  byMeaning: boolean;
  note?: string;
}>;

type Providers = { [K in ListKind]: PagedTreeProvider<ListItemTypes[K]> };

const DEFINITIONS: { [K in ListKind]: ListViewDefinition<ListItemTypes[K]> } = {
  memories: memoriesView,
  actionItems: actionItemsView,
  conversations: conversationsView,
};

/** The three Omi trees: each shows the store's list for its kind while signed in, and welcome content otherwise. */
export class OmiViews implements vscode.Disposable {
  readonly providers: Providers;
  readonly treeViews: { [K in ListKind]: vscode.TreeView<ListNode<ListItemTypes[K]>> };
  /** The Goals view: goals are not one of the filtered lists, so it has its own small class. */
  readonly goals: GoalsView;
  private readonly disposables: vscode.Disposable[] = [];
  private switching: Promise<void> = Promise.resolve();

  /** Set once the asking layer exists: memories ranked by meaning, or a word search with a note. */
  searchByMeaning: MeaningSearch | undefined;

  constructor(
    private readonly store: OmiStore,
    private readonly signIn: SignInState,
  ) {
    this.providers = {
      memories: new PagedTreeProvider(DEFINITIONS.memories),
      actionItems: new PagedTreeProvider(DEFINITIONS.actionItems),
      conversations: new PagedTreeProvider(DEFINITIONS.conversations),
    };
    this.treeViews = {
      memories: this.createTreeView('memories'),
      actionItems: this.createTreeView('actionItems'),
      conversations: this.createTreeView('conversations'),
    };
    this.goals = new GoalsView(store.extras, signIn);
    this.disposables.push(this.goals);
    let signedInBefore = signIn.signedIn;
    this.disposables.push(
      store.onDidReplaceList((kind) => this.show(kind)),
      signIn.onDidChange((key) => {
        this.switching = this.switchAccount(signedInBefore);
        signedInBefore = key !== undefined;
      }),
      signIn.onDidChangeAccess(() => this.showAccess()),
      store.extras.onDidReplace((what) => {
        if (what === 'folders') conversationGrouping.folders = new Map();
        if (what === 'summaries') {
          conversationGrouping.summaryDays = new Set();
          if (this.treeViews.conversations.visible) void this.linkDailySummaries();
        }
      }),
      // Day groups link to their daily summary: the summaries are asked for once the view is seen, not before.
      this.treeViews.conversations.onDidChangeVisibility((e) => {
        if (e.visible) void this.linkDailySummaries();
      }),
    );
    this.showAccess();
    for (const kind of LIST_KINDS) this.show(kind);
    // Start-up reads the stored key after activate() returns: the views show progress, not the welcome, meanwhile.
    const loading = signIn.whenLoaded().catch(() => undefined);
    for (const viewId of [...LIST_KINDS.map((kind) => DEFINITIONS[kind].viewId), GOALS_VIEW_ID]) {
      void vscode.window.withProgress({ location: { viewId } }, () => loading);
    }
  }

  /** Resolves once the views show the lists of the current sign-in state. */
  whenSwitched(): Promise<void> {
    return this.switching;
  }

  /**
   * Signing in from signed out (at startup too) keeps what is cached on disk, so it survives a reload, and reads the
   * disk copy first so the new lists start from it. Another key or another server empties everything first (a
   * sign-out already did).
   */
  private async switchAccount(wasSignedIn: boolean): Promise<void> {
    if (wasSignedIn) await this.store.clearPersistent();
    if (this.signIn.signedIn) await this.store.restoreFromDisk();
    this.store.clear();
    for (const kind of LIST_KINDS) this.show(kind);
  }

  /** Rows offer what the key may do: action items carry their checkbox only when the key may write them. */
  private showAccess(): void {
    for (const kind of LIST_KINDS) this.providers[kind].setWritable(this.signIn.mayWrite(kind));
  }

  kindOfView(viewId: unknown): ListKind | undefined {
    return LIST_KINDS.find((kind) => DEFINITIONS[kind].viewId === viewId);
  }

  async refresh(kind: ListKind): Promise<void> {
    if (!this.signIn.signedIn) return;
    await this.store.list(kind).refresh();
  }

  loadMore(kind: ListKind): Promise<void> {
    return this.providers[kind].loadMore();
  }

  retry(kind: ListKind): Promise<void> {
    return this.providers[kind].retry();
  }

  /** Loads every remaining page of a view with a cancellable progress notification. */
  async loadAll(kind: ListKind): Promise<void> {
    if (!this.signIn.signedIn) return;
    const list = this.store.list(kind);
    const noun = DEFINITIONS[kind].noun;
    await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('Loading all {0}', noun),
        cancellable: true,
      },
      async (progress, token) => {
        const controller = new AbortController();
        const subscription = token.onCancellationRequested(() => controller.abort());
        try {
          await list.loadAll(controller.signal, (count) =>
            progress.report({ message: vscode.l10n.t('{0} {1} loaded', count.toLocaleString(), noun) }),
          );
        } finally {
          subscription.dispose();
        }
      },
    );
    if (list.error !== undefined) {
      const { message } = describeError(list.error);
      const retry = vscode.l10n.t('Retry');
      void vscode.window
        .showErrorMessage(vscode.l10n.t('Loading all {0} stopped. {1}', noun, message), retry)
        .then((choice) => {
          if (choice === retry) void this.loadAll(kind);
        });
    }
  }

  private createTreeView<K extends ListKind>(kind: K): vscode.TreeView<ListNode<ListItemTypes[K]>> {
    const provider = this.providers[kind] as PagedTreeProvider<ListItemTypes[K]>;
    const view = vscode.window.createTreeView(DEFINITIONS[kind].viewId, {
      treeDataProvider: provider,
      showCollapseAll: true,
      canSelectMany: true,
      // A row's checkbox is its own (an action item done or open), not a part of its group's.
      manageCheckboxStateManually: true,
      dragAndDropController: new OmiTreeDragAndDrop<ListItemTypes[K]>(),
    });
    provider.bind(view);
    this.disposables.push(view, provider);
    return view;
  }

  /** Filters the loaded items of a view as the user types, with "search all" paging through the server. */
  async search(kind: ListKind): Promise<void> {
    if (!this.signIn.signedIn) return;
    const provider = this.providers[kind] as PagedTreeProvider<ListItemTypes[ListKind]>;
    const list = this.store.list(kind);
    const { noun, title } = DEFINITIONS[kind];
    const previous = provider.searchTerm;
    type Pick = vscode.QuickPickItem & { searchAll?: true; byMeaning?: true };
    const quickPick = vscode.window.createQuickPick<Pick>();
    quickPick.title = vscode.l10n.t('Search {0}', title);
    quickPick.placeholder = vscode.l10n.t('Type to filter the loaded {0}; Enter keeps the search in the view', noun);
    quickPick.value = previous ?? '';
    const update = () => {
      provider.setSearch(quickPick.value);
      const matches = provider.matchingItems().length;
      const loaded = list.items.length;
      const typed = quickPick.value.trim();
      const byMeaning: Pick[] =
        kind === 'memories' && this.searchByMeaning && typed
          ? [
              {
                label: `$(sparkle) ${vscode.l10n.t('Search by meaning: “{0}”', typed)}`,
                description: vscode.l10n.t('Omi ranks every memory by how close it is'),
                byMeaning: true,
                alwaysShow: true,
              },
            ]
          : [];
      quickPick.items = [
        ...byMeaning,
        ...(list.complete
          ? []
          : [
              {
                label: `$(cloud-download) ${vscode.l10n.t('Search all {0}', noun)}`,
                description: vscode.l10n.t('loads every page from Omi'),
                searchAll: true as const,
                alwaysShow: true,
              },
            ]),
      ];
      quickPick.title = list.complete
        ? vscode.l10n.t('Search {0}: {1} of {2} loaded', title, matches, loaded)
        : vscode.l10n.t('Search {0}: {1} of {2} loaded (more on the server)', title, matches, loaded);
      this.describe(kind);
    };
    update();
    const accepted = await new Promise<boolean>((resolve) => {
      quickPick.onDidChangeValue(update);
      quickPick.onDidAccept(async () => {
        const picked = quickPick.selectedItems[0];
        const typed = quickPick.value.trim();
        resolve(true);
        quickPick.hide();
        if (picked?.searchAll) await this.loadAll(kind);
        if (picked?.byMeaning) await this.rankByMeaning(typed);
      });
      quickPick.onDidHide(() => resolve(false));
      quickPick.show();
    });
    if (!accepted) provider.setSearch(previous);
    quickPick.dispose();
    this.describe(kind);
  }

  /**
   * Memories ranked by meaning in the Memories view, with their relevance; where the server cannot (no endpoint, no
   * memory access) the view searches the loaded memories for the words instead, and says so.
   */
  async rankByMeaning(query: string): Promise<void> {
    const search = this.searchByMeaning;
    if (!search || !this.signIn.signedIn) return;
    const provider = this.providers.memories;
    try {
      const found = await vscode.window.withProgress(
        { location: { viewId: DEFINITIONS.memories.viewId }, title: vscode.l10n.t('Searching by meaning…') },
        () => search(query),
      );
      if (!found.byMeaning) {
        provider.setSearch(query);
        if (found.note) void vscode.window.showInformationMessage(found.note);
      } else {
        const list = this.store.list('memories');
        provider.setRanked(
          query,
          found.items.map((match) => ({
            item: list.find(match.id) ?? (match as unknown as ListItemTypes['memories']),
            score: typeof match.relevance_score === 'number' ? match.relevance_score : 0,
          })),
        );
      }
    } catch (error) {
      void vscode.window.showErrorMessage(
        vscode.l10n.t('Omi could not search by meaning. {0}', describeError(error).message),
      );
    }
    this.describe('memories');
  }

  async clearFilterAndSearch(kind: ListKind): Promise<void> {
    (this.providers[kind] as PagedTreeProvider<ListItemTypes[ListKind]>).setSearch(undefined);
    // The grouping is how the view is laid out, not a filter: it stays.
    const cleared =
      kind === 'conversations'
        ? { ...NO_FILTERS.conversations, groupBy: this.store.filter('conversations').groupBy }
        : NO_FILTERS[kind];
    await this.store.setFilter(kind, cleared as never);
    this.describe(kind);
  }

  /**
   * Marks the Conversations view's days that have a daily summary (their rows then offer Open Daily Summary). A
   * server without summaries leaves the days as they are.
   */
  async linkDailySummaries(): Promise<void> {
    if (!this.signIn.signedIn) return;
    const extras = this.store.extras;
    try {
      const summaries = await extras.loadedSummaries();
      conversationGrouping.summaryDays = new Set(summaries.map((s) => s.date));
    } catch {
      conversationGrouping.summaryDays = new Set();
    }
    this.providers.conversations.redraw();
  }

  /** Folder names, colours and counts for the folder groups; without them groups show the conversations' names. */
  private async loadFolders(): Promise<void> {
    try {
      const folders = await this.store.extras.folders();
      conversationGrouping.folders = new Map(folders.map((folder) => [folder.id, folder]));
    } catch {
      return;
    }
    if (conversationGrouping.by === 'folder') this.providers.conversations.redraw();
  }

  private show(kind: ListKind): void {
    if (kind === 'conversations') {
      const filter = this.store.filter('conversations');
      conversationGrouping.by = filter.groupBy ?? 'day';
      // A folder's count is its size in this view only while no server filter narrows the list.
      conversationGrouping.folderTotals = Object.keys(conversationQuery(filter)).length === 0;
      if (conversationGrouping.by === 'folder' && this.signIn.signedIn && conversationGrouping.folders.size === 0) {
        void this.loadFolders();
      }
    }
    const signedIn = this.signIn.signedIn;
    const provider = this.providers[kind] as PagedTreeProvider<ListItemTypes[ListKind]>;
    provider.setList(signedIn ? this.store.list(kind) : undefined);
    this.describe(kind);
  }

  /** The view's description names the active filter and search; a context key shows Clear Filter. */
  private describe(kind: ListKind): void {
    const signedIn = this.signIn.signedIn;
    const provider = this.providers[kind] as PagedTreeProvider<ListItemTypes[ListKind]>;
    const search = provider.searchTerm;
    const ranked = provider.rankedQuery;
    const parts = [
      signedIn ? describeFilter(this.store.filter(kind)) : undefined,
      search ? vscode.l10n.t('Search: “{0}”', search) : undefined,
      ranked ? vscode.l10n.t('By meaning: “{0}”', ranked) : undefined,
    ];
    const description = parts.filter(Boolean).join(' · ');
    this.treeViews[kind].description = description || undefined;
    void vscode.commands.executeCommand('setContext', `omi.${kind}.filtered`, description.length > 0);
    if (kind === 'conversations') {
      const filter = this.store.filter('conversations');
      void vscode.commands.executeCommand('setContext', 'omi.conversations.groupBy', filter.groupBy ?? 'day');
      void vscode.commands.executeCommand('setContext', 'omi.conversations.starred', filter.starred === true);
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
