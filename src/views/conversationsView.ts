import * as vscode from 'vscode';
import type { Conversation } from '../api/models';
import { listNoun } from '../util/listNoun';
import { dateAndTime, dayLabel, formatDuration, localDayKey, parseDate, secondsBetween, timeOfDay } from '../util/time';
import { OPEN_CONVERSATION_COMMAND } from './actionItemsView';
import type { ListViewDefinition } from './listViewDefinition';
import { oneLine, titleCase } from './memoriesView';
import { VIEW_IDS } from './viewIds';

export function conversationTitle(conversation: Conversation): string {
  const structured = conversation.structured;
  const title = oneLine(structured?.title) || vscode.l10n.t('Untitled conversation');
  const emoji = oneLine(structured?.emoji, 8);
  return emoji ? `${emoji} ${title}` : title;
}

export function conversationStart(conversation: Conversation): Date | undefined {
  return parseDate(conversation.started_at) ?? parseDate(conversation.created_at);
}

function conversationTooltip(conversation: Conversation): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString();
  tooltip.appendText(conversationTitle(conversation));
  const overview = conversation.structured?.overview;
  if (overview) tooltip.appendMarkdown('\n\n').appendText(overview);
  const facts: string[] = [];
  const start = conversationStart(conversation);
  if (start) facts.push(dateAndTime(start));
  const seconds = secondsBetween(conversation.started_at, conversation.finished_at);
  if (seconds !== undefined) facts.push(formatDuration(seconds));
  if (conversation.structured?.category) facts.push(titleCase(conversation.structured.category));
  if (conversation.geolocation?.address) facts.push(conversation.geolocation.address);
  if (facts.length) tooltip.appendMarkdown('\n\n---\n\n').appendText(facts.join(' · '));
  return tooltip;
}

export const conversationsView: ListViewDefinition<Conversation> = {
  viewId: VIEW_IDS.conversations,
  get noun() {
    return listNoun('conversations');
  },
  get title() {
    return vscode.l10n.t('Conversations');
  },
  get emptyHint() {
    return vscode.l10n.t('No conversations for this filter.');
  },
  idOf: (conversation) => conversation.id,
  searchText: (c) => `${c.structured?.title ?? ''} ${c.structured?.overview ?? ''} ${c.structured?.category ?? ''}`,
  groupOf: (conversation) => {
    const start = conversationStart(conversation);
    if (!start) return { key: 'undated', label: vscode.l10n.t('No date') };
    return { key: localDayKey(start), label: dayLabel(start, new Date()), icon: new vscode.ThemeIcon('calendar') };
  },
  // Newest day first, whatever order the pages arrived in.
  compareGroups: (a, b) => (a.key === 'undated' ? 1 : b.key === 'undated' ? -1 : b.key.localeCompare(a.key)),
  initiallyExpanded: (key) => key === localDayKey(new Date()) || key === localDayKey(new Date(Date.now() - 864e5)),
  tooltip: conversationTooltip,
  toTreeItem: (conversation) => {
    const item = new vscode.TreeItem(conversationTitle(conversation), vscode.TreeItemCollapsibleState.None);
    const start = conversationStart(conversation);
    const seconds = secondsBetween(conversation.started_at, conversation.finished_at);
    const parts = [start ? timeOfDay(start) : undefined, seconds !== undefined ? formatDuration(seconds) : undefined];
    if (conversation.structured?.category) parts.push(conversation.structured.category);
    item.description = parts.filter(Boolean).join(' · ');
    item.contextValue = 'omi.conversation';
    item.command = {
      command: OPEN_CONVERSATION_COMMAND,
      title: vscode.l10n.t('Open Conversation'),
      arguments: [conversation.id],
    };
    item.accessibilityInformation = {
      label: vscode.l10n.t('Conversation: {0}, {1}', conversationTitle(conversation), item.description),
    };
    return item;
  },
};
