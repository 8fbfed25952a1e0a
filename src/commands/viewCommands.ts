import * as vscode from 'vscode';
import { GOALS_VIEW_ID } from '../views/goalsView';
import { LIST_KINDS, type OmiViews } from '../views/omiViews';
import { LOAD_MORE_COMMAND, RETRY_COMMAND } from '../views/pagedTreeProvider';

async function pickKind(): Promise<(typeof LIST_KINDS)[number] | undefined> {
  const picks = [
    { label: `$(note) ${vscode.l10n.t('Memories')}`, listKind: 'memories' as const },
    { label: `$(checklist) ${vscode.l10n.t('Action Items')}`, listKind: 'actionItems' as const },
    { label: `$(comment-discussion) ${vscode.l10n.t('Conversations')}`, listKind: 'conversations' as const },
  ];
  const options = { title: vscode.l10n.t('Omi: Search…'), placeHolder: vscode.l10n.t('Search which view?') };
  return (await vscode.window.showQuickPick(picks, options))?.listKind;
}

/** Refresh, load more, retry and load all: the commands of the view title bars and status rows. */
export function registerViewCommands(views: OmiViews): vscode.Disposable[] {
  const withKind = (run: (kind: (typeof LIST_KINDS)[number]) => Promise<void>) => (viewId?: unknown) => {
    const kind = views.kindOfView(viewId);
    return kind ? run(kind) : undefined;
  };
  return [
    vscode.commands.registerCommand('omi.refresh', () =>
      Promise.all([
        ...LIST_KINDS.map((kind) => views.refresh(kind)),
        // Goals only when the view has shown them: a hidden view asks nothing.
        views.goals.provider.currentList?.started ? views.goals.refresh() : undefined,
      ]),
    ),
    vscode.commands.registerCommand('omi.refreshGoals', () => views.goals.refresh()),
    vscode.commands.registerCommand('omi.refreshMemories', () => views.refresh('memories')),
    vscode.commands.registerCommand('omi.refreshActionItems', () => views.refresh('actionItems')),
    vscode.commands.registerCommand('omi.refreshConversations', () => views.refresh('conversations')),
    vscode.commands.registerCommand('omi.loadAllMemories', () => views.loadAll('memories')),
    vscode.commands.registerCommand('omi.loadAllActionItems', () => views.loadAll('actionItems')),
    vscode.commands.registerCommand('omi.loadAllConversations', () => views.loadAll('conversations')),
    vscode.commands.registerCommand('omi.searchMemories', () => views.search('memories')),
    vscode.commands.registerCommand('omi.searchActionItems', () => views.search('actionItems')),
    vscode.commands.registerCommand('omi.searchConversations', () => views.search('conversations')),
    vscode.commands.registerCommand('omi.search', async (viewId?: unknown) => {
      const kind = views.kindOfView(viewId) ?? (await pickKind());
      if (kind) await views.search(kind);
    }),
    vscode.commands.registerCommand(
      LOAD_MORE_COMMAND,
      withKind((kind) => views.loadMore(kind)),
    ),
    vscode.commands.registerCommand(RETRY_COMMAND, (viewId?: unknown) =>
      viewId === GOALS_VIEW_ID ? views.goals.retry() : withKind((kind) => views.retry(kind))(viewId),
    ),
  ];
}
