import * as vscode from 'vscode';
import { COMMAND } from '../commandIds';
import { isNotAvailable } from '../store/omiExtras';
import type { PagedList, PagedListChange } from '../store/pagedList';
import { describeError } from '../util/errorMessage';
import type { ListViewDefinition } from './listViewDefinition';
import type { GroupNode, ItemNode, ListNode, StatusNode } from './nodes';

/**
 * One tree view over one PagedList: serves what is loaded, asks for the first page when the view is first shown,
 * and ends with a status row (Loading…, Load more…, an error with Retry). Group and status node objects are stable,
 * so an appended page refreshes only the groups it touched.
 */
export class PagedTreeProvider<T> implements vscode.TreeDataProvider<ListNode<T>>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ListNode<T> | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private list: PagedList<T> | undefined;
  private listSubscription: { dispose(): void } | undefined;
  private groups = new Map<string, GroupNode<T>>();
  private flatItems: ItemNode<T>[] = [];
  private readonly itemNodes = new Map<string, ItemNode<T>>();
  /** The one status row at the end of the list; the same object throughout, so it can be refreshed alone. */
  private readonly tail: StatusNode;
  /** The root rows last handed to VS Code (group keys and whether the status row was there). */
  private shownRoot = '';
  /** Lower-cased search text; only matching items are shown, with the match highlighted. */
  private search: string | undefined;
  /** Rows already made, so an appended page only makes rows for its own items. */
  private rows = new WeakMap<ItemNode<T>, vscode.TreeItem>();
  private treeView: vscode.TreeView<ListNode<T>> | undefined;
  private writable = false;
  private ranked: { query: string; nodes: (ItemNode<T> & { score: number })[] } | undefined;

  constructor(readonly definition: ListViewDefinition<T>) {
    this.tail = { kind: 'status', id: `${definition.viewId}:status`, status: 'loading', label: '' };
  }

  /**
   * Whether the key may change these items: rows then carry a checkbox where the view has one (action items).
   * Rows are made again to add or drop it.
   */
  setWritable(writable: boolean): void {
    if (writable === this.writable) return;
    this.writable = writable;
    this.rows = new WeakMap();
    this.changed.fire(undefined);
  }

  /** The tree view showing this provider, for reveal and the description line. */
  bind(treeView: vscode.TreeView<ListNode<T>>): void {
    this.treeView = treeView;
  }

  /** Shows this list (or nothing, which brings up the view's welcome content when signed out). */
  setList(list: PagedList<T> | undefined): void {
    this.listSubscription?.dispose();
    this.list = list;
    this.listSubscription = list?.onDidChange((change) => this.onListChange(change));
    this.rebuild();
    this.changed.fire(undefined);
  }

  get currentList(): PagedList<T> | undefined {
    return this.list;
  }

  get searchTerm(): string | undefined {
    return this.search;
  }

  /** Shows only the loaded items whose text contains the term (case-insensitive); undefined or '' shows all. */
  setSearch(term: string | undefined): void {
    const next = term?.trim().toLowerCase() || undefined;
    if (next === this.search && !this.ranked) return;
    this.search = next;
    this.ranked = undefined;
    this.rows = new WeakMap();
    this.changed.fire(undefined);
  }

  /**
   * Shows items the server ranked for a query (search by meaning) in its order, each with its relevance, in place
   * of the list; setSearch (or clearing) goes back to the list.
   */
  setRanked(query: string, ranked: readonly { item: T; score: number }[]): void {
    this.search = undefined;
    this.ranked = {
      query,
      nodes: ranked.map(({ item, score }) => ({
        kind: 'item',
        id: `${this.definition.viewId}:ranked:${this.definition.idOf(item)}`,
        item,
        parent: undefined,
        score,
      })),
    };
    this.rows = new WeakMap();
    this.changed.fire(undefined);
  }

  /** The query of the ranked results shown, if any. */
  get rankedQuery(): string | undefined {
    return this.ranked?.query;
  }

  /** The loaded items that match the current search, in the order they are shown. */
  matchingItems(): T[] {
    return this.visibleItems(this.list?.items ?? []);
  }

  /** Loads the next page, keeping keyboard focus on a row that stays. */
  async loadMore(): Promise<void> {
    const list = this.list;
    if (!list) return;
    await list.loadMore();
    if (list.complete) await this.revealLastItem();
  }

  async retry(): Promise<void> {
    const list = this.list;
    if (!list) return;
    if (list.items.length === 0 && !list.started) return list.loadMore();
    await list.loadMore();
  }

  /** Tooltips are made when the user hovers a row, not for every row up front. */
  resolveTreeItem(item: vscode.TreeItem, node: ListNode<T>): vscode.TreeItem | Promise<vscode.TreeItem> {
    if (node.kind !== 'item' || item.tooltip !== undefined) return item;
    const resolve = this.definition.resolveTooltip;
    if (!resolve) {
      item.tooltip = this.definition.tooltip(node.item);
      return item;
    }
    return resolve(node.item).then(
      (tooltip) => {
        item.tooltip = tooltip;
        return item;
      },
      () => {
        item.tooltip = this.definition.tooltip(node.item);
        return item;
      },
    );
  }

  /** Makes every row again (what they show depends on something outside the list: grouping, linked summaries). */
  redraw(): void {
    this.rows = new WeakMap();
    this.rebuild();
    this.changed.fire(undefined);
  }

  /** The row of a loaded item, for reveal (undefined while its page has not arrived). */
  nodeOf(id: string): ItemNode<T> | undefined {
    return this.itemNodes.get(`${this.definition.viewId}:item:${id}`);
  }

  getParent(node: ListNode<T>): ListNode<T> | undefined {
    return node.kind === 'item' ? node.parent : undefined;
  }

  getChildren(node?: ListNode<T>): ListNode<T>[] {
    const list = this.list;
    if (!list) return [];
    if (node?.kind === 'group') return this.sortedItems(node);
    if (node) return [];
    if (this.ranked) return this.rankedRows(this.ranked);
    if (!list.started) void list.loadMore();
    const rows: ListNode<T>[] = this.definition.groupOf
      ? this.sortedGroups()
      : this.flatItems.filter((node) => this.visibleItems([node.item]).length > 0);
    const tail = this.tailRow();
    this.shownRoot = this.rootSignature();
    return tail ? [...rows, tail] : rows;
  }

  private rankedRows(ranked: NonNullable<typeof this.ranked>): ListNode<T>[] {
    if (ranked.nodes.length > 0) return ranked.nodes;
    return [
      {
        kind: 'status',
        id: `${this.definition.viewId}:ranked:none`,
        status: 'empty',
        label: vscode.l10n.t('Nothing close to “{0}”', ranked.query),
        detail: vscode.l10n.t('Try other words, or clear the search.'),
      },
    ];
  }

  getTreeItem(node: ListNode<T>): vscode.TreeItem {
    switch (node.kind) {
      case 'item': {
        const cached = this.rows.get(node);
        if (cached) return cached;
        const item = this.definition.toTreeItem(node.item);
        item.id = node.id;
        const checked = this.writable ? this.definition.checked?.(node.item) : undefined;
        if (checked !== undefined) {
          const label = checked ? vscode.l10n.t('Done: untick to reopen') : vscode.l10n.t('Open: tick to mark done');
          item.checkboxState = {
            state: checked ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked,
            tooltip: label,
            accessibilityInformation: { label },
          };
        }
        if (this.search && typeof item.label === 'string') item.label = highlight(item.label, this.search);
        const score = (node as { score?: number }).score;
        if (score !== undefined) {
          item.description = vscode.l10n.t('{0}% relevant', Math.round(score * 100));
        }
        this.rows.set(node, item);
        return item;
      }
      case 'group': {
        const expanded = this.definition.initiallyExpanded?.(node.key) ?? false;
        const item = new vscode.TreeItem(
          node.label,
          expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed,
        );
        item.id = node.id;
        item.description = this.groupCount(node);
        item.iconPath = node.icon;
        item.contextValue = this.definition.groupContextValue?.(node.key) ?? 'omi.group';
        item.tooltip =
          node.total !== undefined
            ? vscode.l10n.t('{0}: {1}', node.label, node.total)
            : this.list?.complete
              ? vscode.l10n.t('{0}: {1}', node.label, node.items.length)
              : vscode.l10n.t('{0}: {1} loaded so far; Omi may have more.', node.label, node.items.length);
        return item;
      }
      case 'status':
        return this.statusTreeItem(node);
    }
  }

  /** "6", or "6+" while the list may hold more of the group than is loaded: a count reads as a total. */
  private groupCount(node: GroupNode<T>): string {
    const loaded =
      node.total !== undefined
        ? `${node.total}`
        : this.list?.complete
          ? `${node.items.length}`
          : `${node.items.length}+`;
    return this.search ? vscode.l10n.t('{0} of {1}', this.visibleItems(node.items).length, loaded) : loaded;
  }

  private statusTreeItem(node: StatusNode): vscode.TreeItem {
    const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.contextValue = `omi.status.${node.status}`;
    item.tooltip = node.detail ?? node.label;
    switch (node.status) {
      case 'loading':
        item.iconPath = new vscode.ThemeIcon('loading~spin');
        break;
      case 'empty':
        item.iconPath = new vscode.ThemeIcon('info');
        item.description = node.detail;
        break;
      case 'error':
        item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
        item.command = {
          command: COMMAND.retryLoad,
          title: vscode.l10n.t('Retry'),
          arguments: [this.definition.viewId],
        };
        break;
      case 'loadMore':
        item.iconPath = new vscode.ThemeIcon('ellipsis');
        item.command = {
          command: COMMAND.loadMore,
          title: vscode.l10n.t('Load more'),
          arguments: [this.definition.viewId],
        };
        break;
    }
    return item;
  }

  /** Updates the status row for the list's state; undefined when the list needs none (complete and not empty). */
  private tailRow(): StatusNode | undefined {
    const list = this.list;
    if (!list) return undefined;
    const noun = this.definition.noun;
    const set = (status: StatusNode['status'], label: string, detail?: string) => {
      this.tail.status = status;
      this.tail.label = label;
      this.tail.detail = detail;
      return this.tail;
    };
    if (list.loading || !list.started) {
      return set(
        'loading',
        list.items.length === 0 ? vscode.l10n.t('Loading {0}…', noun) : vscode.l10n.t('Loading more {0}…', noun),
      );
    }
    if (list.error !== undefined && this.definition.unavailableText && isNotAvailable(list.error)) {
      return set('empty', this.definition.unavailableText, vscode.l10n.t('Newer Omi servers offer this.'));
    }
    if (list.error !== undefined) {
      const { message } = describeError(list.error);
      return set('error', message, vscode.l10n.t('{0} Select this row to retry.', message));
    }
    if (!list.complete) return set('loadMore', vscode.l10n.t('Load more…'), vscode.l10n.t('Load the next {0}', noun));
    if (list.items.length === 0) return set('empty', vscode.l10n.t('No {0}', noun), this.definition.emptyHint);
    if (this.search && this.matchingItems().length === 0) {
      return set(
        'empty',
        vscode.l10n.t('No {0} match “{1}”', noun, this.search),
        vscode.l10n.t('Change or clear the search.'),
      );
    }
    return undefined;
  }

  private rootSignature(): string {
    const keys = this.definition.groupOf ? this.sortedGroups().map((g) => g.key) : [`${this.flatItems.length}`];
    const list = this.list;
    const hasTail =
      list !== undefined && (!list.complete || list.loading || list.error !== undefined || list.items.length === 0);
    return `${keys.join('\u0000')}|${hasTail}`;
  }

  private onListChange(change: PagedListChange<T>): void {
    if (change.kind === 'replaced' || change.kind === 'edited') {
      this.rebuild();
      this.changed.fire(undefined);
      return;
    }
    const touched = new Set<GroupNode<T>>();
    if (change.kind === 'appended') {
      for (const item of change.items) {
        const node = this.addItem(item);
        if (node.parent) touched.add(node.parent);
      }
    }
    // The status row is refreshed with the root: on a busy machine VS Code sometimes dropped a refresh of that
    // row alone, leaving "Loading more…" on screen after the page had arrived.
    if (change.kind === 'state' || this.rootSignature() !== this.shownRoot) {
      this.changed.fire(undefined);
      return;
    }
    for (const group of touched) this.changed.fire(group);
    if (this.tailRow()) this.changed.fire(this.tail);
  }

  private rebuild(): void {
    this.groups = new Map();
    this.flatItems = [];
    this.itemNodes.clear();
    for (const item of this.list?.items ?? []) this.addItem(item);
  }

  private addItem(item: T): ItemNode<T> {
    const describe = this.definition.groupOf;
    let parent: GroupNode<T> | undefined;
    if (describe) {
      const group = describe(item);
      parent = this.groups.get(group.key);
      if (!parent) {
        parent = {
          kind: 'group',
          id: `${this.definition.viewId}:group:${group.key}`,
          key: group.key,
          label: group.label,
          icon: group.icon,
          total: group.total,
          items: [],
        };
        this.groups.set(group.key, parent);
      }
      parent.items.push(item);
    }
    const id = `${this.definition.viewId}:item:${this.definition.idOf(item)}`;
    const node: ItemNode<T> = { kind: 'item', id, item, parent };
    this.itemNodes.set(id, node);
    if (!parent) this.flatItems.push(node);
    return node;
  }

  private visibleItems(items: readonly T[]): T[] {
    const term = this.search;
    if (!term) return [...items];
    return items.filter((item) => this.definition.searchText(item).toLowerCase().includes(term));
  }

  private sortedGroups(): GroupNode<T>[] {
    const groups = [...this.groups.values()].filter((g) => !this.search || this.visibleItems(g.items).length > 0);
    const compare = this.definition.compareGroups;
    if (compare)
      groups.sort((a, b) => compare({ key: a.key, size: a.items.length }, { key: b.key, size: b.items.length }));
    return groups;
  }

  private sortedItems(group: GroupNode<T>): ItemNode<T>[] {
    const visible = this.visibleItems(group.items);
    const items = this.definition.compareItems ? visible.sort(this.definition.compareItems) : visible;
    const idOf = this.definition.idOf;
    return items.map((item) => this.itemNodes.get(`${this.definition.viewId}:item:${idOf(item)}`)!);
  }

  private async revealLastItem(): Promise<void> {
    const view = this.treeView;
    const items = this.list?.items;
    if (!view?.visible || !items || items.length === 0) return;
    const last = this.itemNodes.get(`${this.definition.viewId}:item:${this.definition.idOf(items[items.length - 1])}`);
    if (last) await view.reveal(last, { select: true, focus: true }).then(undefined, () => undefined);
  }

  dispose(): void {
    this.listSubscription?.dispose();
    this.changed.dispose();
  }
}

/** The label with every occurrence of the (lower-cased) term highlighted. */
function highlight(label: string, term: string): vscode.TreeItemLabel {
  const highlights: [number, number][] = [];
  const lower = label.toLowerCase();
  for (let at = lower.indexOf(term); at >= 0 && term.length > 0; at = lower.indexOf(term, at + term.length)) {
    highlights.push([at, at + term.length]);
  }
  return { label, highlights };
}
