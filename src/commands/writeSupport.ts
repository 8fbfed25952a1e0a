import * as vscode from 'vscode';
import { textLimitProblem } from '../api/client';
import type { WritableKind } from '../auth/keyScopes';
import type { SignInState } from '../auth/signInState';
import type { ListItemTypes, OmiStore } from '../store/omiStore';
import type { ListKind } from '../util/listKind';
import { askToSignIn, showFailure } from '../util/showFailure';
import { oneLine } from '../util/text';
import { selectedItems } from '../views/treeSelection';

/** What the write commands need. */
export interface WriteCommandDependencies {
  store: OmiStore;
  signIn: SignInState;
}

/**
 * The items a write command was run on: the tree rows it was invoked on (the clicked one and the selection), an
 * item object or an id passed by a script, or, from the palette, the user's pick among the loaded items.
 */
export async function itemsOf<K extends WritableKind & ListKind>(
  kind: K,
  deps: WriteCommandDependencies,
  args: readonly unknown[],
  pick: () => Promise<ListItemTypes[K][] | undefined>,
): Promise<ListItemTypes[K][] | undefined> {
  if (!deps.signIn.signedIn) return askToSignIn();
  const [clicked, selected] = args;
  const fromTree = selectedItems(clicked, selected);
  if (fromTree) return fromTree.kind === kind ? (fromTree.items as ListItemTypes[K][]) : undefined;
  const list = deps.store.list(kind);
  if (typeof clicked === 'string') {
    const found = list.find(clicked);
    if (found) return [found];
    void vscode.window.showWarningMessage(
      vscode.l10n.t('That item is not loaded in the Omi views. Refresh, then try again.'),
    );
    return undefined;
  }
  if (isItem(clicked)) return [(list.find(clicked.id) ?? clicked) as ListItemTypes[K]];
  return pick();
}

function isItem(value: unknown): value is { id: string } {
  return typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string';
}

/** Asks before deleting, naming what goes (modal: nothing is deleted by a stray Enter on a toast). */
export async function confirmDelete(what: string): Promise<boolean> {
  const remove = vscode.l10n.t('Delete');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('Delete {0} from Omi?', what),
    { modal: true, detail: vscode.l10n.t('This deletes it in Omi itself, on every device. It cannot be undone.') },
    remove,
  );
  return choice === remove;
}

/**
 * Delete, as every delete command does it: one modal question naming the item (or counting several), then each
 * deleted in turn, a refusal putting it back with its sentence and Retry.
 */
export async function deleteAfterAsking<T>(
  items: readonly T[],
  how: {
    /** The item's text, for quoted(). */
    text: (item: T) => string | null | undefined;
    /** "the memory “…”", from the quoted text. */
    one: (quotedText: string) => string;
    /** "3 memories". */
    several: (count: number) => string;
    remove: (item: T) => Promise<void>;
    /** The command that deletes one item given as its argument, for Retry. */
    command: string;
  },
): Promise<void> {
  const [first] = items;
  if (first === undefined) return;
  const what = items.length === 1 ? how.one(quoted(how.text(first))) : how.several(items.length);
  if (!(await confirmDelete(what))) return;
  for (const item of items) {
    await reportingRefusal(
      vscode.l10n.t('{0} was not deleted, and is back in the list.', quoted(how.text(item))),
      () => how.remove(item),
      () => vscode.commands.executeCommand(how.command, item),
    );
  }
}

/** An item's text as a quoted name in a sentence: “Call Sam about the lease”. */
export function quoted(text: string | null | undefined): string {
  return `“${oneLine(text, 60) || vscode.l10n.t('(no text)')}”`;
}

/**
 * Runs a write and, when Omi refuses it, says in one notification what did not happen (and so what the view shows
 * again) and why, with the way forward. Resolves to whether the write went through.
 */
export async function reportingRefusal(
  whatDidNotHappen: string,
  write: () => Promise<unknown>,
  retry: () => Thenable<unknown>,
): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (error) {
    showFailure(whatDidNotHappen, error, retry);
    return false;
  }
}

/**
 * The user's pick among the loaded items of a kind (the first page is loaded first when nothing is), for a command
 * run from the palette. Says so when there is nothing to pick.
 */
export async function pickLoadedItem<K extends WritableKind & ListKind>(
  kind: K,
  deps: WriteCommandDependencies,
  options: {
    title: string;
    empty: string;
    row: (item: ListItemTypes[K]) => vscode.QuickPickItem;
    only?: (item: ListItemTypes[K]) => boolean;
  },
): Promise<ListItemTypes[K][] | undefined> {
  const list = deps.store.list(kind);
  if (!list.started) await list.loadMore();
  const candidates = list.items.filter((item) => options.only?.(item) ?? true);
  if (candidates.length === 0) {
    void vscode.window.showInformationMessage(options.empty);
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    candidates.map((item) => ({ ...options.row(item), item })),
    { title: options.title, matchOnDescription: true },
  );
  return picked ? [picked.item] : undefined;
}

/**
 * An input box's check of the text Omi is to be sent, as the user types: `empty` when there is nothing but spaces,
 * the length against Omi's limit (`TEXT_LIMITS`) when there is too much.
 */
export function textProblem(empty: string, max: number): (typed: string) => string | undefined {
  return (typed) => {
    const problem = textLimitProblem(typed, max);
    if (problem === 'empty') return empty;
    return problem === undefined ? undefined : vscode.l10n.t('{0} characters: Omi takes at most {1}.', problem, max);
  };
}
