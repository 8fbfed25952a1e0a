import * as vscode from 'vscode';
import { TEXT_LIMITS } from '../api/client';
import type { ActionItem, ActionItemChanges } from '../api/models';
import { COMMAND } from '../commandIds';
import type { OmiWrites } from '../store/omiWrites';
import { type DueChoice, dueAt, dueAtTyped, dueChoiceLabel } from '../util/dueDate';
import { registerCommand } from '../util/registerCommand';
import { askToSignIn } from '../util/showFailure';
import { oneLine } from '../util/text';
import { dateAndTime, describeDue, parseDate } from '../util/time';
import type { OmiViews } from '../views/omiViews';
import {
  deleteAfterAsking,
  itemsOf,
  pickLoadedItem,
  quoted,
  reportingRefusal,
  textProblem,
  type WriteCommandDependencies,
} from './writeSupport';

interface ActionItemCommandDependencies extends WriteCommandDependencies {
  writes: OmiWrites;
  views: OmiViews;
}

/** Tick off, reopen, add, edit and delete action items: the row checkbox, the row menu and the palette. */
export function registerActionItemCommands(deps: ActionItemCommandDependencies): vscode.Disposable[] {
  const { writes } = deps;

  const setCompleted = (item: ActionItem, completed: boolean): Promise<boolean> =>
    reportingRefusal(
      completed
        ? vscode.l10n.t('{0} is open again: Omi did not mark it done.', quoted(item.description))
        : vscode.l10n.t('{0} is done again: Omi did not reopen it.', quoted(item.description)),
      () => writes.setActionItemCompleted(item, completed),
      () => setCompleted(item, completed),
    );

  const toggleAll = async (args: unknown[], completed: boolean) => {
    const items = await itemsOf('actionItems', deps, args, () => pickActionItems(deps, !completed));
    for (const item of items ?? []) if (item.completed !== completed) await setCompleted(item, completed);
  };

  return [
    deps.views.treeViews.actionItems.onDidChangeCheckboxState(async (event) => {
      for (const [node, state] of event.items) {
        if (node.kind !== 'item') continue;
        // The row may be older than the item (a write just changed it): what counts is the item as shown now.
        const item = deps.store.list('actionItems').find(node.item.id) ?? node.item;
        const completed = state === vscode.TreeItemCheckboxState.Checked;
        if (item.completed !== completed) await setCompleted(item, completed);
      }
    }),
    registerCommand(COMMAND.completeActionItem, (...args: unknown[]) => toggleAll(args, true)),
    registerCommand(COMMAND.reopenActionItem, (...args: unknown[]) => toggleAll(args, false)),
    registerCommand(COMMAND.addActionItem, () => addActionItem(deps)),
    registerCommand(COMMAND.editActionItem, async (...args: unknown[]) => {
      const [item] = (await itemsOf('actionItems', deps, args, () => pickActionItems(deps, undefined))) ?? [];
      if (item) await editActionItem(deps, item);
    }),
    registerCommand(COMMAND.deleteActionItem, async (...args: unknown[]) => {
      const items = await itemsOf('actionItems', deps, args, () => pickActionItems(deps, undefined));
      await deleteAfterAsking(items ?? [], {
        text: (item) => item.description,
        one: (text) => vscode.l10n.t('the action item {0}', text),
        several: (count) => vscode.l10n.t('{0} action items', count),
        remove: (item) => writes.deleteActionItem(item),
        command: COMMAND.deleteActionItem,
      });
    }),
  ];
}

/** The loaded action items to pick from: open ones to complete, done ones to reopen, or all. */
function pickActionItems(deps: WriteCommandDependencies, completed: boolean | undefined) {
  const now = new Date();
  return pickLoadedItem('actionItems', deps, {
    title: vscode.l10n.t('Omi: Pick an Action Item'),
    empty:
      completed === false
        ? vscode.l10n.t('No open action items are loaded.')
        : completed
          ? vscode.l10n.t('No done action items are loaded.')
          : vscode.l10n.t('No action items are loaded.'),
    only: (item) => completed === undefined || item.completed === completed,
    row: (item) => {
      const due = parseDate(item.due_at);
      return {
        label: `${item.completed ? '$(pass-filled)' : '$(circle-large-outline)'} ${oneLine(item.description, 200)}`,
        description: due ? describeDue(due, now).text : undefined,
      };
    },
  });
}

/** The description, checked as the user types against what Omi accepts. */
async function askDescription(title: string, value: string): Promise<string | undefined> {
  const text = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('What needs doing (up to {0} characters).', TEXT_LIMITS.actionItem),
    value,
    validateInput: textProblem(vscode.l10n.t('Type what needs doing.'), TEXT_LIMITS.actionItem),
  });
  return text?.trim();
}

type DuePick = vscode.QuickPickItem & { due: 'keep' | DueChoice | 'typed' };

/** undefined: cancelled; { due: undefined }: no (new) due date. */
async function askDueDate(current: string | null | undefined): Promise<{ due: string | undefined } | undefined> {
  const now = new Date();
  const currentDate = parseDate(current);
  const picks: DuePick[] = [
    ...(currentDate
      ? [{ label: vscode.l10n.t('Keep: {0}', dateAndTime(currentDate)), due: 'keep' as const }]
      : [{ label: dueChoiceLabel('none'), due: 'none' as const }]),
    ...(['today', 'tomorrow', 'nextWeek'] as const).map((choice) => ({
      label: dueChoiceLabel(choice),
      description: dateAndTime(new Date(dueAt(choice, now) ?? now)),
      due: choice,
    })),
    { label: vscode.l10n.t('A date…'), description: vscode.l10n.t('YYYY-MM-DD'), due: 'typed' },
  ];
  const picked = await vscode.window.showQuickPick(picks, {
    title: vscode.l10n.t('Due date'),
    placeHolder: currentDate
      ? vscode.l10n.t('Omi cannot remove a due date once set; pick another or keep it')
      : vscode.l10n.t('When is it due?'),
  });
  if (!picked) return undefined;
  if (picked.due === 'keep' || picked.due === 'none') return { due: undefined };
  if (picked.due !== 'typed') return { due: dueAt(picked.due, now) };
  const typed = await vscode.window.showInputBox({
    title: vscode.l10n.t('Due date'),
    prompt: vscode.l10n.t('A day like 2026-12-24.'),
    validateInput: (text) => (dueAtTyped(text) ? undefined : vscode.l10n.t('Type a date like 2026-12-24.')),
  });
  return typed === undefined ? undefined : { due: dueAtTyped(typed) };
}

/** Omi: Add Action Item…: the description (the editor's selection to start with) and an optional due date. */
async function addActionItem(deps: ActionItemCommandDependencies): Promise<void> {
  if (!deps.signIn.signedIn) return askToSignIn();
  const editor = vscode.window.activeTextEditor;
  const selected = editor ? oneLine(editor.document.getText(editor.selection), TEXT_LIMITS.actionItem) : '';
  const description = await askDescription(vscode.l10n.t('Omi: Add Action Item'), selected);
  if (!description) return;
  const due = await askDueDate(undefined);
  if (!due) return;
  const added = await reportingRefusal(
    vscode.l10n.t('{0} was not added to Omi.', quoted(description)),
    () => deps.writes.createActionItem({ description, ...(due.due ? { due_at: due.due } : {}) }),
    () => vscode.commands.executeCommand(COMMAND.addActionItem),
  );
  if (added)
    vscode.window.setStatusBarMessage(`$(check) ${vscode.l10n.t('Added to Omi: {0}', quoted(description))}`, 4000);
}

/** Omi: Edit Action Item…: description, then due date; only what changed is sent. */
async function editActionItem(deps: ActionItemCommandDependencies, item: ActionItem): Promise<void> {
  const description = await askDescription(vscode.l10n.t('Omi: Edit Action Item'), item.description ?? '');
  if (description === undefined) return;
  const due = await askDueDate(item.due_at);
  if (!due) return;
  const changes: ActionItemChanges = {};
  if (description !== item.description) changes.description = description;
  if (due.due && due.due !== item.due_at) changes.due_at = due.due;
  if (Object.keys(changes).length === 0) return;
  // Retry sends the same change again, and reports again if Omi refuses it again.
  const send = (): Promise<boolean> =>
    reportingRefusal(
      vscode.l10n.t('{0} was not changed in Omi, and shows as it was.', quoted(item.description)),
      () => deps.writes.updateActionItem(item, changes),
      send,
    );
  await send();
}
