import * as vscode from 'vscode';
import type { ActionItem } from '../api/models';
import { COMMAND } from '../commandIds';
import { listNoun } from '../util/listKind';
import { oneLine } from '../util/text';
import { dateAndTime, describeDue, parseDate } from '../util/time';
import type { ListViewDefinition } from './listViewDefinition';
import { VIEW_IDS } from './viewIds';

function actionItemTooltip(item: ActionItem, now: Date): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString();
  tooltip.appendText(item.description ?? '');
  const facts: string[] = [item.completed ? vscode.l10n.t('Done') : vscode.l10n.t('Open')];
  const due = parseDate(item.due_at);
  if (due) facts.push(vscode.l10n.t('{0} ({1})', describeDue(due, now).text, dateAndTime(due)));
  const completed = parseDate(item.completed_at);
  if (completed) facts.push(vscode.l10n.t('completed {0}', dateAndTime(completed)));
  const created = parseDate(item.created_at);
  if (created) facts.push(vscode.l10n.t('created {0}', dateAndTime(created)));
  if (item.conversation_id) facts.push(vscode.l10n.t('select to open its conversation'));
  tooltip.appendMarkdown('\n\n---\n\n').appendText(facts.join(' · '));
  return tooltip;
}

export const actionItemsView: ListViewDefinition<ActionItem> = {
  viewId: VIEW_IDS.actionItems,
  get noun() {
    return listNoun('actionItems');
  },
  get title() {
    return vscode.l10n.t('Action Items');
  },
  get emptyHint() {
    return vscode.l10n.t('Nothing to do for this filter.');
  },
  idOf: (item) => item.id,
  searchText: (item) => item.description ?? '',
  groupOf: (item) =>
    item.completed
      ? { key: 'done', label: vscode.l10n.t('Done'), icon: new vscode.ThemeIcon('pass') }
      : { key: 'open', label: vscode.l10n.t('Open'), icon: new vscode.ThemeIcon('circle-large-outline') },
  compareGroups: (a, b) => (a.key === 'open' ? -1 : b.key === 'open' ? 1 : 0),
  initiallyExpanded: (key) => key === 'open',
  checked: (item) => item.completed === true,
  tooltip: (item) => actionItemTooltip(item, new Date()),
  toTreeItem: (item) => {
    const now = new Date();
    const row = new vscode.TreeItem(oneLine(item.description), vscode.TreeItemCollapsibleState.None);
    const due = parseDate(item.due_at);
    const dueText = due ? describeDue(due, now) : undefined;
    row.description = item.completed ? (dueText ? vscode.l10n.t('was {0}', dueText.text) : undefined) : dueText?.text;
    if (item.completed) {
      row.iconPath = new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed'));
    } else if (dueText?.overdue) {
      row.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
    } else {
      row.iconPath = new vscode.ThemeIcon(due ? 'calendar' : 'circle-large-outline');
    }
    // omi.actionItem[.withConversation].open|done: menus match the parts they need.
    row.contextValue = `omi.actionItem${item.conversation_id ? '.withConversation' : ''}.${item.completed ? 'done' : 'open'}`;
    if (item.conversation_id) {
      row.command = {
        command: COMMAND.openConversation,
        title: vscode.l10n.t('Open Conversation'),
        arguments: [item.conversation_id],
      };
    }
    const state = item.completed
      ? vscode.l10n.t('done')
      : dueText?.overdue
        ? vscode.l10n.t('overdue')
        : vscode.l10n.t('open');
    const text = oneLine(item.description, 300);
    row.accessibilityInformation = {
      label: dueText
        ? vscode.l10n.t('Action item, {0}: {1}, {2}', state, text, dueText.text)
        : vscode.l10n.t('Action item, {0}: {1}', state, text),
    };
    return row;
  },
};
