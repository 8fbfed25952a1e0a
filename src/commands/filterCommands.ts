import * as vscode from 'vscode';
import { CONVERSATION_CATEGORIES, MEMORY_CATEGORIES } from '../api/models';
import { COMMAND } from '../commandIds';
import type { ActionItemFilter } from '../store/filters';
import { isNotAvailable } from '../store/omiExtras';
import type { OmiStore } from '../store/omiStore';
import type { ListKind } from '../util/listKind';
import { registerCommand } from '../util/registerCommand';
import { showFailure } from '../util/showFailure';
import { titleCase } from '../util/text';
import type { OmiViews } from '../views/omiViews';
import { pickDateRange } from './pickDateRange';

/** Known categories plus any new ones the loaded items use (the server adds categories over time). */
function categoriesFor(store: OmiStore, kind: 'memories' | 'conversations'): string[] {
  const known = kind === 'memories' ? MEMORY_CATEGORIES : CONVERSATION_CATEGORIES;
  const used =
    kind === 'memories'
      ? store.list('memories').items.map((m) => m.category)
      : store.list('conversations').items.map((c) => c.structured?.category);
  const seen = new Set<string>(known);
  for (const category of used) if (category) seen.add(category);
  return [...seen];
}

/** Multi-select of categories; undefined when cancelled, [] for all. */
async function pickCategories(title: string, categories: string[], current: string[]): Promise<string[] | undefined> {
  const picks = categories.map((category) => ({
    label: titleCase(category),
    category,
    picked: current.includes(category),
  }));
  const picked = await vscode.window.showQuickPick(picks, {
    title,
    canPickMany: true,
    placeHolder: vscode.l10n.t('Show only these categories (pick none for all)'),
  });
  return picked?.map((p) => p.category);
}

async function filterMemories(store: OmiStore): Promise<void> {
  const current = store.filter('memories');
  const categories = await pickCategories(
    vscode.l10n.t('Filter Memories'),
    categoriesFor(store, 'memories'),
    current.categories,
  );
  if (categories) await store.setFilter('memories', { categories });
}

async function filterActionItems(store: OmiStore): Promise<void> {
  const current = store.filter('actionItems');
  const statuses: (vscode.QuickPickItem & { status: ActionItemFilter['status'] })[] = [
    { label: vscode.l10n.t('All action items'), status: 'all' },
    { label: vscode.l10n.t('Open only'), status: 'open' },
    { label: vscode.l10n.t('Done only'), status: 'done' },
  ];
  for (const s of statuses) s.description = s.status === current.status ? vscode.l10n.t('current') : undefined;
  const title = vscode.l10n.t('Filter Action Items');
  const status = await vscode.window.showQuickPick(statuses, { title, placeHolder: vscode.l10n.t('Which ones?') });
  if (!status) return;
  const range = await pickDateRange(title, current);
  if (!range) return;
  await store.setFilter('actionItems', { status: status.status, ...range });
}

async function filterConversations(store: OmiStore): Promise<void> {
  const current = store.filter('conversations');
  const title = vscode.l10n.t('Filter Conversations');
  const range = await pickDateRange(title, current);
  if (!range) return;
  const categories = await pickCategories(title, categoriesFor(store, 'conversations'), current.categories);
  if (!categories) return;
  await store.setFilter('conversations', { categories, ...range });
}

/**
 * Groups the Conversations view by folder (with the folders' names, colours and counts) or by day. Folders come
 * from the server, so grouping by them is offered only where it has them. True when the view changed.
 */
async function groupConversations(store: OmiStore, by: 'day' | 'folder'): Promise<boolean> {
  if (by === 'folder') {
    try {
      await store.extras.folders();
    } catch (error) {
      if (isNotAvailable(error)) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Folders are not available on this server.'));
      } else {
        showFailure(vscode.l10n.t('Omi could not list your folders.'), error, () => groupConversations(store, by));
      }
      return false;
    }
  }
  await store.setFilter('conversations', { ...store.filter('conversations'), groupBy: by });
  return true;
}

async function showStarred(store: OmiStore, starred: boolean): Promise<void> {
  const { starred: _was, ...rest } = store.filter('conversations');
  await store.setFilter('conversations', starred ? { ...rest, starred: true } : rest);
}

/** The Filter and Clear Filter actions of each view's title bar. */
export function registerFilterCommands(store: OmiStore, views: OmiViews): vscode.Disposable[] {
  const clear = (kind: ListKind) => () => views.clearFilterAndSearch(kind);
  return [
    registerCommand(COMMAND.filterMemories, () => filterMemories(store)),
    registerCommand(COMMAND.filterActionItems, () => filterActionItems(store)),
    registerCommand(COMMAND.filterConversations, () => filterConversations(store)),
    registerCommand(COMMAND.clearFilterMemories, clear('memories')),
    registerCommand(COMMAND.clearFilterActionItems, clear('actionItems')),
    registerCommand(COMMAND.clearFilterConversations, clear('conversations')),
    registerCommand(COMMAND.groupConversationsByFolder, () => groupConversations(store, 'folder')),
    registerCommand(COMMAND.groupConversationsByDay, () => groupConversations(store, 'day')),
    registerCommand(COMMAND.showStarredConversations, () => showStarred(store, true)),
    registerCommand(COMMAND.showAllConversations, () => showStarred(store, false)),
  ];
}
