import * as vscode from 'vscode';
import type { SignInState } from '../auth/signInState';
import { describeFilter } from '../store/filters';
import type { ListItemTypes, ListKind, OmiStore } from '../store/omiStore';
import { describeError } from '../util/errorMessage';
import { actionItemsView } from './actionItemsView';
import { conversationsView } from './conversationsView';
import type { ListViewDefinition } from './listViewDefinition';
import { memoriesView } from './memoriesView';
import type { ListNode } from './nodes';
import { PagedTreeProvider } from './pagedTreeProvider';

type Providers = { [K in ListKind]: PagedTreeProvider<ListItemTypes[K]> };

const DEFINITIONS: { [K in ListKind]: ListViewDefinition<ListItemTypes[K]> } = {
  memories: memoriesView,
  actionItems: actionItemsView,
  conversations: conversationsView,
};

export const LIST_KINDS: readonly ListKind[] = ['memories', 'actionItems', 'conversations'];

/** The three Omi trees: each shows the store's list for its kind while signed in, and welcome content otherwise. */
export class OmiViews implements vscode.Disposable {
  readonly providers: Providers;
  readonly treeViews: { [K in ListKind]: vscode.TreeView<ListNode<ListItemTypes[K]>> };
  private readonly disposables: vscode.Disposable[] = [];

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
    let signedInBefore = signIn.signedIn;
    this.disposables.push(
      store.onDidReplaceList((kind) => this.show(kind)),
      signIn.onDidChange((key) => {
        // Signing in from signed out (at startup too) keeps the transcripts cached on disk, so they survive a reload:
        // a sign-out already emptied them. A sign-out, another key or another server empties everything.
        if (signedInBefore) void store.clear();
        else store.resetLists();
        signedInBefore = key !== undefined;
        for (const kind of LIST_KINDS) this.show(kind);
      }),
    );
    for (const kind of LIST_KINDS) this.show(kind);
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
      { location: vscode.ProgressLocation.Notification, title: `Loading all ${noun}`, cancellable: true },
      async (progress, token) => {
        const controller = new AbortController();
        const subscription = token.onCancellationRequested(() => controller.abort());
        try {
          await list.loadAll(controller.signal, (count) =>
            progress.report({ message: `${count.toLocaleString()} ${noun} loaded` }),
          );
        } finally {
          subscription.dispose();
        }
      },
    );
    if (list.error !== undefined) {
      const { message } = describeError(list.error);
      void vscode.window.showErrorMessage(`Loading all ${noun} stopped. ${message}`, 'Retry').then((choice) => {
        if (choice === 'Retry') void this.loadAll(kind);
      });
    }
  }

  private createTreeView<K extends ListKind>(kind: K): vscode.TreeView<ListNode<ListItemTypes[K]>> {
    const provider = this.providers[kind] as PagedTreeProvider<ListItemTypes[K]>;
    const view = vscode.window.createTreeView(DEFINITIONS[kind].viewId, {
      treeDataProvider: provider,
      showCollapseAll: true,
      canSelectMany: true,
    });
    provider.bind(view);
    this.disposables.push(view, provider);
    return view;
  }

  private show(kind: ListKind): void {
    const signedIn = this.signIn.signedIn;
    const provider = this.providers[kind] as PagedTreeProvider<ListItemTypes[ListKind]>;
    provider.setList(signedIn ? this.store.list(kind) : undefined);
    this.treeViews[kind].description = signedIn ? describeFilter(this.store.filter(kind)) : undefined;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
