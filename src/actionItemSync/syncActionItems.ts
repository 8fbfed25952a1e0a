import * as vscode from 'vscode';
import { isOmiApiError, OmiApiError, REFUSAL } from '../api/errors';
import type { ActionItem } from '../api/models';
import type { SignInState } from '../auth/signInState';
import { conversationLink } from '../markdown/itemLinks';
import type { OmiConnection } from '../store/connection';
import { loadFullList } from '../store/fullLists';
import type { OmiStore } from '../store/omiStore';
import type { OmiWrites } from '../store/omiWrites';
import { describeError } from '../util/errorMessage';
import type { Logger } from '../util/logger';
import { workspaceTarget } from '../util/workspaceFiles';
import { readChecklist, refuseUnsaved, type SyncOutcome, SyncProblem, syncChecklistFile } from './syncFile';
import { hasEdits, parseBlock, planTwoWay, recordOf, type TwoWayPlan, validRecord } from './twoWay';
import { summarizeTwoWay, type TwoWayReport } from './twoWaySummary';

const SYNC_FILE_DEFAULT = 'omi-action-items.md';

export interface ActionItemSyncDependencies {
  store: OmiStore;
  connection: OmiConnection;
  signIn: SignInState;
  writes: OmiWrites;
  /** Where the record of each file's last sync is kept (the workspace state). */
  workspaceState: vscode.Memento;
  log: Logger;
  extensionId: string;
}

export interface ChecklistSyncOutcome extends SyncOutcome {
  /** What became of the user's ticks. */
  report: TwoWayReport;
}

const RECORD_KEY_PREFIX = 'omi.actionItemSync.lastSync:';
const recordKey = (file: vscode.Uri) => `${RECORD_KEY_PREFIX}${file.toString()}`;

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

/** Refusals that every further write of this kind would meet too: the rest is not sent. */
const FOR_EVERY_WRITE: readonly (string | undefined)[] = [
  REFUSAL.missingScope,
  REFUSAL.endpointMissing,
  REFUSAL.accessDisabled,
];

/** The sentence a write refused for lack of the action_items:write scope gets, for a key known to be read-only. */
function readOnlySentence(): string {
  // What the server answers such a write (api/errors.ts reads the scope from it); never shown as it is.
  const answer = 'Insufficient permissions. Required scope: action_items:write';
  const refusal = new OmiApiError({
    kind: 'forbidden',
    status: 403,
    refusal: REFUSAL.missingScope,
    detail: answer,
    message: answer,
  });
  return describeError(refusal).message;
}

/**
 * Sends the plan's changes one at a time through OmiWrites (so the views, caches and Insights follow), and returns the
 * items as the block should now show them (the server's answers in place, deleted ones gone) with the report. A
 * refusal leaves the item as the server has it and says why; a failure that is no refusal (no connection, a server
 * error) stops the sync before the file is touched, so the ticks stay in it for the next sync.
 */
async function sendChanges(
  deps: ActionItemSyncDependencies,
  plan: TwoWayPlan,
  serverItems: readonly ActionItem[],
): Promise<{ items: ActionItem[]; report: TwoWayReport }> {
  const report: TwoWayReport = {
    sent: [],
    conflicts: plan.conflicts.map((item) => ({ text: item.description })),
    deleted: plan.deleted.map(({ text, changed }) => ({ text, changed })),
    refused: [],
    notSent: plan.notSent.map(({ text, reason }) => ({ text, reason })),
  };
  const answers = new Map<string, ActionItem>();
  const gone = new Set<string>();
  let stopped = deps.signIn.mayWrite('actionItems') ? undefined : readOnlySentence();
  for (const change of plan.send) {
    const text = change.item.description;
    if (stopped) {
      report.refused.push({ text, reason: stopped });
      continue;
    }
    try {
      const answer = await deps.writes.setActionItemCompleted(change.item, change.completed);
      answers.set(answer.id, answer);
      report.sent.push({ text });
    } catch (error) {
      if (!isOmiApiError(error) || !error.refusal) {
        const sent = report.sent.length;
        throw new SyncProblem(
          sent > 0
            ? vscode.l10n.t(
                '{0} {1} of your changes were sent; the checklist was left as it is: sync again to send the rest.',
                describeError(error).message,
                sent,
              )
            : vscode.l10n.t(
                '{0} The checklist was left as it is, with your ticks: sync again to send them.',
                describeError(error).message,
              ),
        );
      }
      if (error.refusal === REFUSAL.itemMissing) {
        gone.add(change.item.id);
        report.deleted.push({ text, changed: true });
        continue;
      }
      const reason = describeError(error).message;
      report.refused.push({ text, reason });
      if (FOR_EVERY_WRITE.includes(error.refusal)) stopped = reason;
    }
  }
  const items = serverItems.filter((item) => !gone.has(item.id)).map((item) => answers.get(item.id) ?? item);
  return { items, report };
}

/**
 * `omi.syncActionItems`: when the key may write action items, first sends the boxes the user ticked or unticked in
 * the block since the last sync (see planTwoWay), then fetches every action item (pages of 1,000, up to the server's
 * 2,000) and writes the checklist; with a read-only key, says which ticks could not be sent before the block shows
 * Omi's state again. Interactive runs ask where to write when no folder is open and report the outcome; automatic
 * runs (after a refresh) ask nothing, leave files without a block alone and speak only when the user's ticks were
 * involved.
 */
export async function syncActionItems(
  deps: ActionItemSyncDependencies,
  options: { interactive: boolean },
): Promise<ChecklistSyncOutcome | undefined> {
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
    refuseUnsaved(file);
    const block = parseBlock(await readChecklist(file));
    const origin = deps.connection.origin;
    const record = validRecord(deps.workspaceState.get(recordKey(file)), origin);
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
          // Boxes changed in the file are compared with the server's state as it is now, not as last loaded.
          fresh: hasEdits(block, record),
          onProgress: (count) => progress.report({ message: vscode.l10n.t('{0} loaded', count.toLocaleString()) }),
        });
      },
    );
    const plan = planTwoWay(block, record, list.items, list.capped);
    const { items, report } = await sendChanges(deps, plan, list.items);
    const twoWay = deps.signIn.mayWrite('actionItems');
    const outcome = await syncChecklistFile(file, {
      items,
      capped: list.capped,
      now: new Date(),
      twoWay,
      linkFor: (id) => conversationLink(vscode.env.uriScheme, deps.extensionId, id),
      confirmAppend: options.interactive ? confirmAppend : async () => false,
    });
    if (origin) await deps.workspaceState.update(recordKey(file), recordOf(origin, outcome.listed));
    const name = vscode.workspace.asRelativePath(outcome.file);
    const summary = summarizeTwoWay(report);
    deps.log.info(
      `Action items synced to ${name}${outcome.written ? '' : ' (no change, not rewritten)'}: ${report.sent.length} sent, ` +
        `${report.conflicts.length} conflicts, ${report.deleted.length} deleted in Omi, ` +
        `${report.refused.length + report.notSent.length} not sent.`,
    );
    if (options.interactive || summary.touched) {
      const open =
        outcome.counts.overdue + outcome.counts.dueThisWeek + outcome.counts.later + outcome.counts.noDueDate;
      const synced = outcome.written
        ? vscode.l10n.t('Synced {0} open action items to {1}.', open, name)
        : vscode.l10n.t('{0} is up to date.', name);
      const text = summary.text ? `${synced} ${summary.text}` : synced;
      const openButton = vscode.l10n.t('Open');
      const show = summary.attention ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
      void show(text, openButton).then((choice) => {
        if (choice === openButton) void vscode.window.showTextDocument(outcome.file);
      });
    }
    return { ...outcome, report };
  } catch (error) {
    const message = error instanceof SyncProblem ? error.message : describeError(error).message;
    deps.log.warn(`Action item sync: ${message}`);
    if (options.interactive)
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not sync Omi action items. {0}', message));
    return undefined;
  }
}
