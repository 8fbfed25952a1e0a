import * as vscode from 'vscode';
import type { OmiConnection } from '../store/connection';
import { loadFullList } from '../store/fullLists';
import type { OmiStore } from '../store/omiStore';
import { describeError } from '../util/errorMessage';
import type { Logger } from '../util/logger';
import { workspaceTarget } from '../util/workspaceFiles';
import { conversationLink } from './conversationLink';
import { type SyncOutcome, SyncProblem, syncChecklistFile } from './syncFile';

export const SYNC_FILE_DEFAULT = 'omi-action-items.md';

export interface ActionItemSyncDependencies {
  store: OmiStore;
  connection: OmiConnection;
  log: Logger;
  extensionId: string;
}

function configuredFile(): vscode.Uri | undefined {
  const setting = vscode.workspace
    .getConfiguration('omi', vscode.workspace.workspaceFolders?.[0])
    .get<string>('actionItems.syncFile', SYNC_FILE_DEFAULT);
  return workspaceTarget(setting || SYNC_FILE_DEFAULT);
}

async function confirmAppend(file: vscode.Uri): Promise<boolean> {
  const add = vscode.l10n.t('Add');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t(
      '{0} exists and has no Omi block. Add your action items at its end?',
      vscode.workspace.asRelativePath(file),
    ),
    { modal: true, detail: vscode.l10n.t('Everything already in the file stays as it is.') },
    add,
  );
  return answer === add;
}

/**
 * `omi.syncActionItems`: fetches every action item (pages of 1,000, up to the server's 2,000) and writes the
 * checklist. Interactive runs ask where to write when no folder is open and report the outcome; automatic runs
 * (after a refresh) ask nothing, leave files without a block alone and only log.
 */
export async function syncActionItems(
  deps: ActionItemSyncDependencies,
  options: { interactive: boolean },
): Promise<SyncOutcome | undefined> {
  const file =
    configuredFile() ??
    (options.interactive
      ? await vscode.window.showSaveDialog({
          title: vscode.l10n.t('Sync Omi Action Items to'),
          filters: { Markdown: ['md'] },
        })
      : undefined);
  if (!file) return undefined;
  try {
    const list = await vscode.window.withProgress(
      {
        location: options.interactive ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window,
        title: vscode.l10n.t('Syncing Omi action items'),
        cancellable: options.interactive,
      },
      (progress, token) => {
        const controller = new AbortController();
        token.onCancellationRequested(() => controller.abort());
        return loadFullList(deps.store, deps.connection.client, 'actionItems', {
          signal: controller.signal,
          onProgress: (count) => progress.report({ message: vscode.l10n.t('{0} loaded', count.toLocaleString()) }),
        });
      },
    );
    const outcome = await syncChecklistFile(file, {
      items: list.items,
      capped: list.capped,
      now: new Date(),
      linkFor: (id) => conversationLink(vscode.env.uriScheme, deps.extensionId, id),
      confirmAppend: options.interactive ? confirmAppend : async () => false,
    });
    const name = vscode.workspace.asRelativePath(outcome.file);
    deps.log.info(`Action items synced to ${name}${outcome.written ? '' : ' (no change, not rewritten)'}.`);
    if (options.interactive) {
      const open =
        outcome.counts.overdue + outcome.counts.dueThisWeek + outcome.counts.later + outcome.counts.noDueDate;
      const summary = outcome.written
        ? vscode.l10n.t('Synced {0} open action items to {1}.', open, name)
        : vscode.l10n.t('{0} is up to date.', name);
      const openButton = vscode.l10n.t('Open');
      void vscode.window.showInformationMessage(summary, openButton).then((choice) => {
        if (choice === openButton) void vscode.window.showTextDocument(outcome.file);
      });
    }
    return outcome;
  } catch (error) {
    const message = error instanceof SyncProblem ? error.message : describeError(error).message;
    deps.log.warn(`Action item sync: ${message}`);
    if (options.interactive)
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not sync Omi action items. {0}', message));
    return undefined;
  }
}
