import * as vscode from 'vscode';
import { syncActionItems } from '../actionItemSync/syncActionItems';
import { SyncOnRefresh } from '../actionItemSync/syncOnRefresh';
import type { SignInState } from '../auth/signInState';
import { COMMAND } from '../commandIds';
import type { OmiConnection } from '../store/connection';
import type { OmiStore } from '../store/omiStore';
import type { OmiWrites } from '../store/omiWrites';
import type { Logger } from '../util/logger';
import { registerCommand } from '../util/registerCommand';
import { InsightsController } from '../webviews/insights/insightsController';
import { INSIGHTS_VIEW_TYPE } from '../webviews/insights/insightsPanel';

export interface InsightsCommandDependencies {
  extensionUri: vscode.Uri;
  extensionId: string;
  store: OmiStore;
  connection: OmiConnection;
  signIn: SignInState;
  /** Sent through by Insights (it follows the changes) and the checklist (it sends the boxes ticked in it). */
  writes: OmiWrites;
  /** Where the checklist keeps what each file said at its last sync. */
  workspaceState: vscode.Memento;
  log: Logger;
}

/**
 * Issue 8: `omi.showInsights`, `omi.exportInsights`, `omi.syncActionItems`, the panel serializer, the optional
 * sync after each Action Items refresh. (The URI handler behind the checklist's links is in notes/.)
 */
export function registerInsightsCommands(deps: InsightsCommandDependencies): vscode.Disposable[] {
  const insights = new InsightsController(deps);
  // One sync at a time: a sync on refresh and the command must not both send the same ticks.
  let queue: Promise<unknown> = Promise.resolve();
  const sync = (interactive: boolean) => {
    const run = queue.then(() => syncActionItems(deps, { interactive }));
    queue = run.catch(() => undefined);
    return run;
  };
  const autoSync = new SyncOnRefresh(
    deps.store,
    () => sync(false),
    () => deps.signIn.signedIn,
  );
  return [
    insights,
    autoSync,
    vscode.window.registerWebviewPanelSerializer(INSIGHTS_VIEW_TYPE, insights),
    registerCommand(COMMAND.showInsights, () => insights.show()),
    registerCommand(COMMAND.exportInsights, (range?: unknown) => insights.exportInsights(range)),
    registerCommand(COMMAND.syncActionItems, () => sync(true)),
  ];
}
