import * as vscode from 'vscode';
import type { Conversation, Folder } from '../api/models';
import { COMMAND } from '../commandIds';
import { listNoun } from '../util/listKind';
import { conversationStarted, conversationTitle, oneLine, titleCase } from '../util/text';
import { dateAndTime, dayLabel, formatDuration, localDayKey, secondsBetween, timeOfDay } from '../util/time';
import type { ListViewDefinition } from './listViewDefinition';
import { VIEW_IDS } from './viewIds';

function conversationTooltip(conversation: Conversation): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString();
  tooltip.appendText(conversationTitle(conversation, 'row'));
  const overview = conversation.structured?.overview;
  if (overview) tooltip.appendMarkdown('\n\n').appendText(overview);
  const facts: string[] = [];
  const start = conversationStarted(conversation);
  if (start) facts.push(dateAndTime(start));
  const seconds = secondsBetween(conversation.started_at, conversation.finished_at);
  if (seconds !== undefined) facts.push(formatDuration(seconds));
  if (conversation.structured?.category) facts.push(titleCase(conversation.structured.category));
  if (conversation.geolocation?.address) facts.push(conversation.geolocation.address);
  if (facts.length) tooltip.appendMarkdown('\n\n---\n\n').appendText(facts.join(' · '));
  return tooltip;
}

/** How the Conversations view groups its rows now, and what it knows to draw the groups. */
export interface ConversationGrouping {
  by: 'day' | 'folder';
  /** The user's folders by id, in the server's order (GET /user/folders). */
  folders: ReadonlyMap<string, Folder>;
  /** Whether a folder's conversation_count is the group's size (true only while no server filter narrows the list). */
  folderTotals: boolean;
  /** The local days (`YYYY-MM-DD`) that have a daily summary: their groups link to it. */
  summaryDays: ReadonlySet<string>;
}

export const conversationGrouping: ConversationGrouping = {
  by: 'day',
  folders: new Map(),
  folderTotals: true,
  summaryDays: new Set(),
};

const NO_FOLDER = 'folder:none';
const FOLDER_PREFIX = 'folder:';

/** The theme's chart colour nearest to a folder's `#RRGGBB`, so the icon follows the theme (light, dark, contrast). */
function folderThemeColor(hex: string | null | undefined): string | undefined {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? '');
  if (!match) return undefined;
  const [r, g, b] = [match[1], match[2], match[3]].map((part) => Number.parseInt(part ?? '0', 16) / 255) as [
    number,
    number,
    number,
  ];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  if (max - min < 0.08) return 'charts.foreground';
  let hue: number;
  if (max === r) hue = ((g - b) / (max - min) + 6) % 6;
  else if (max === g) hue = (b - r) / (max - min) + 2;
  else hue = (r - g) / (max - min) + 4;
  const degrees = hue * 60;
  if (degrees < 15 || degrees >= 330) return 'charts.red';
  if (degrees < 45) return 'charts.orange';
  if (degrees < 70) return 'charts.yellow';
  if (degrees < 170) return 'charts.green';
  if (degrees < 260) return 'charts.blue';
  return 'charts.purple';
}

function folderGroup(conversation: Conversation): {
  key: string;
  label: string;
  icon: vscode.ThemeIcon;
  total?: number;
} {
  const id = typeof conversation.folder_id === 'string' && conversation.folder_id ? conversation.folder_id : undefined;
  if (!id) return { key: NO_FOLDER, label: vscode.l10n.t('No folder'), icon: new vscode.ThemeIcon('folder') };
  const folder = conversationGrouping.folders.get(id);
  const name = oneLine(folder?.name ?? conversation.folder_name) || vscode.l10n.t('Folder');
  const color = folderThemeColor(folder?.color);
  const count = folder?.conversation_count;
  return {
    key: `${FOLDER_PREFIX}${id}`,
    label: name,
    icon: new vscode.ThemeIcon('folder', color ? new vscode.ThemeColor(color) : undefined),
    total: conversationGrouping.folderTotals && typeof count === 'number' ? count : undefined,
  };
}

/** Folders in the server's order (then by name for folders it did not list), "No folder" last. */
function compareFolderGroups(a: string, b: string): number {
  if (a === NO_FOLDER || b === NO_FOLDER) return a === b ? 0 : a === NO_FOLDER ? 1 : -1;
  const order = [...conversationGrouping.folders.keys()];
  const ia = order.indexOf(a.slice(FOLDER_PREFIX.length));
  const ib = order.indexOf(b.slice(FOLDER_PREFIX.length));
  return (ia < 0 ? order.length : ia) - (ib < 0 ? order.length : ib) || a.localeCompare(b);
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
    if (conversationGrouping.by === 'folder') return folderGroup(conversation);
    const start = conversationStarted(conversation);
    if (!start) return { key: 'undated', label: vscode.l10n.t('No date') };
    return { key: localDayKey(start), label: dayLabel(start, new Date()), icon: new vscode.ThemeIcon('calendar') };
  },
  // Newest day first, whatever order the pages arrived in.
  compareGroups: (a, b) =>
    conversationGrouping.by === 'folder'
      ? compareFolderGroups(a.key, b.key)
      : a.key === 'undated'
        ? 1
        : b.key === 'undated'
          ? -1
          : b.key.localeCompare(a.key),
  initiallyExpanded: (key) => key === localDayKey(new Date()) || key === localDayKey(new Date(Date.now() - 864e5)),
  // A day with a daily summary offers Open Daily Summary on its row.
  groupContextValue: (key) =>
    conversationGrouping.by === 'day' && conversationGrouping.summaryDays.has(key)
      ? 'omi.group.withSummary'
      : 'omi.group',
  tooltip: conversationTooltip,
  toTreeItem: (conversation) => {
    const item = new vscode.TreeItem(conversationTitle(conversation, 'row'), vscode.TreeItemCollapsibleState.None);
    const start = conversationStarted(conversation);
    const seconds = secondsBetween(conversation.started_at, conversation.finished_at);
    const parts = [start ? timeOfDay(start) : undefined, seconds !== undefined ? formatDuration(seconds) : undefined];
    if (conversation.structured?.category) parts.push(conversation.structured.category);
    item.description = parts.filter(Boolean).join(' · ');
    item.contextValue = 'omi.conversation';
    item.command = {
      command: COMMAND.openConversation,
      title: vscode.l10n.t('Open Conversation'),
      arguments: [conversation.id],
    };
    item.accessibilityInformation = {
      label: vscode.l10n.t('Conversation: {0}, {1}', conversationTitle(conversation, 'row'), item.description),
    };
    return item;
  },
};
