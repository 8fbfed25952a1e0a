import type * as vscode from 'vscode';

export interface GroupDescription {
  key: string;
  label: string;
  icon?: vscode.ThemeIcon;
  /** How many the server says the group holds (a folder's count); otherwise the loaded items are counted. */
  total?: number;
}

/** What makes one list view different from another: how its items are grouped and shown. */
export interface ListViewDefinition<T> {
  readonly viewId: string;
  /** Plural noun for status rows: "memories" (localized, so a getter). */
  readonly noun: string;
  /** The view's name: "Memories". */
  readonly title: string;
  readonly emptyHint: string;
  /** Said instead of an error when the server has no such endpoint (it predates the feature). */
  readonly unavailableText?: string;
  idOf(item: T): string;
  /** The group an item belongs to; undefined for a flat list. */
  groupOf?(item: T): GroupDescription;
  /** Orders groups; by default they keep the order in which they first appeared. */
  compareGroups?(a: { key: string; size: number }, b: { key: string; size: number }): number;
  /** Orders items within a group; by default they keep the server's order. */
  compareItems?(a: T, b: T): number;
  /** The text a search matches against. */
  searchText(item: T): string;
  /** Groups shown expanded the first time they appear (VS Code remembers the user's choice after that). */
  initiallyExpanded?(groupKey: string): boolean;
  /** The group row's contextValue (default `omi.group`), for menus that apply to some groups only. */
  groupContextValue?(groupKey: string): string;
  /** Rows carry a checkbox in this state when the key may write these items (action items: completed). */
  checked?(item: T): boolean;
  /** The row, without its tooltip: rows are made for every loaded item, tooltips only on hover. */
  toTreeItem(item: T): vscode.TreeItem;
  tooltip(item: T): vscode.MarkdownString;
  /** A tooltip that needs a request (a goal's history), made on hover; `tooltip` is shown if it fails. */
  resolveTooltip?(item: T): Promise<vscode.MarkdownString>;
}
