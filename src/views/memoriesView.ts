import * as vscode from 'vscode';
import type { Memory } from '../api/models';
import { listNoun } from '../util/listKind';
import { oneLine, titleCase } from '../util/text';
import { dateAndTime, parseDate } from '../util/time';
import type { ListViewDefinition } from './listViewDefinition';
import { VIEW_IDS } from './viewIds';

const CATEGORY_ICONS: Record<string, string> = {
  interesting: 'lightbulb',
  system: 'gear',
  manual: 'edit',
  workflow: 'symbol-event',
  core: 'star-full',
  hobbies: 'heart',
  lifestyle: 'home',
  interests: 'eye',
  habits: 'history',
  work: 'briefcase',
  skills: 'tools',
  learnings: 'mortar-board',
  other: 'circle-outline',
  auto: 'sparkle',
};

export function memoryCategoryIcon(category: string | null | undefined): vscode.ThemeIcon {
  return new vscode.ThemeIcon(CATEGORY_ICONS[category ?? ''] ?? 'note');
}

function memoryTooltip(memory: Memory): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString();
  tooltip.appendText(memory.content ?? '');
  const facts: string[] = [];
  if (memory.category) facts.push(titleCase(memory.category));
  if (memory.tags?.length) facts.push(vscode.l10n.t('tags: {0}', memory.tags.join(', ')));
  const created = parseDate(memory.created_at);
  if (created) facts.push(vscode.l10n.t('added {0}', dateAndTime(created)));
  const updated = parseDate(memory.updated_at);
  if (updated && memory.edited) facts.push(vscode.l10n.t('edited {0}', dateAndTime(updated)));
  if (memory.manually_added) facts.push(vscode.l10n.t('added by you'));
  if (facts.length) tooltip.appendMarkdown('\n\n---\n\n').appendText(facts.join(' · '));
  return tooltip;
}

export const memoriesView: ListViewDefinition<Memory> = {
  viewId: VIEW_IDS.memories,
  get noun() {
    return listNoun('memories');
  },
  get title() {
    return vscode.l10n.t('Memories');
  },
  get emptyHint() {
    return vscode.l10n.t('Omi has no memories for this filter yet.');
  },
  idOf: (memory) => memory.id,
  searchText: (memory) => `${memory.content ?? ''} ${memory.category ?? ''} ${(memory.tags ?? []).join(' ')}`,
  groupOf: (memory) => {
    const key = memory.category || 'other';
    return { key, label: titleCase(key), icon: memoryCategoryIcon(key) };
  },
  // The biggest categories first; ties alphabetically, so the order is stable.
  compareGroups: (a, b) => b.size - a.size || a.key.localeCompare(b.key),
  tooltip: memoryTooltip,
  toTreeItem: (memory) => {
    const item = new vscode.TreeItem(oneLine(memory.content), vscode.TreeItemCollapsibleState.None);
    item.iconPath = memoryCategoryIcon(memory.category);
    item.description = memory.manually_added
      ? vscode.l10n.t('manual')
      : memory.edited
        ? vscode.l10n.t('edited')
        : undefined;
    item.contextValue = 'omi.memory';
    item.accessibilityInformation = { label: vscode.l10n.t('Memory: {0}', oneLine(memory.content, 300)) };
    return item;
  },
};
