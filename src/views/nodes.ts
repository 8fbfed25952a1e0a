import type * as vscode from 'vscode';

/** A group of items (a memory category, Open/Done, a day). The object is stable so it can be refreshed alone. */
export interface GroupNode<T> {
  readonly kind: 'group';
  readonly id: string;
  readonly key: string;
  label: string;
  icon?: vscode.ThemeIcon;
  /** The server's count for the group, when it gives one. */
  total?: number;
  items: T[];
}

export interface ItemNode<T> {
  readonly kind: 'item';
  readonly id: string;
  readonly item: T;
  readonly parent: GroupNode<T> | undefined;
}

/** A row about the list itself: loading, empty, failed, or "Load more…". */
export interface StatusNode {
  readonly kind: 'status';
  readonly id: string;
  status: 'loading' | 'empty' | 'error' | 'loadMore';
  label: string;
  detail?: string;
}

export type ListNode<T> = GroupNode<T> | ItemNode<T> | StatusNode;

export function isItemNode<T>(node: unknown): node is ItemNode<T> {
  return typeof node === 'object' && node !== null && (node as { kind?: unknown }).kind === 'item';
}
