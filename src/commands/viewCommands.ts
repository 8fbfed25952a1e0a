import * as vscode from 'vscode';
import { COMMAND } from '../commandIds';
import { LIST_KINDS } from '../util/listKind';
import { registerCommand } from '../util/registerCommand';
import { GOALS_VIEW_ID } from '../views/goalsView';
import type { OmiViews } from '../views/omiViews';

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
    registerCommand(COMMAND.refresh, () =>
      Promise.all([
        ...LIST_KINDS.map((kind) => views.refresh(kind)),
        // Goals only when the view has shown them: a hidden view asks nothing.
        views.goals.provider.currentList?.started ? views.goals.refresh() : undefined,
      ]),
    ),
    registerCommand(COMMAND.refreshGoals, () => views.goals.refresh()),
    registerCommand(COMMAND.refreshMemories, () => views.refresh('memories')),
    registerCommand(COMMAND.refreshActionItems, () => views.refresh('actionItems')),
    registerCommand(COMMAND.refreshConversations, () => views.refresh('conversations')),
    registerCommand(COMMAND.loadAllMemories, () => views.loadAll('memories')),
    registerCommand(COMMAND.loadAllActionItems, () => views.loadAll('actionItems')),
    registerCommand(COMMAND.loadAllConversations, () => views.loadAll('conversations')),
    registerCommand(COMMAND.searchMemories, () => views.search('memories')),
    registerCommand(COMMAND.searchActionItems, () => views.search('actionItems')),
    registerCommand(COMMAND.searchConversations, () => views.search('conversations')),
    registerCommand(COMMAND.search, async (viewId?: unknown) => {
      const kind = views.kindOfView(viewId) ?? (await pickKind());
      if (kind) await views.search(kind);
    }),
    registerCommand(
      COMMAND.loadMore,
      withKind((kind) => views.loadMore(kind)),
    ),
    registerCommand(COMMAND.retryLoad, (viewId?: unknown) =>
      viewId === GOALS_VIEW_ID ? views.goals.retry() : withKind((kind) => views.retry(kind))(viewId),
    ),
  ];
}
