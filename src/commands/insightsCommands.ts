import * as vscode from 'vscode';
import type { SignInState } from '../auth/signInState';
import type { OmiConnection } from '../store/connection';
import type { OmiStore } from '../store/omiStore';
import type { Logger } from '../util/logger';
import { InsightsController } from '../webviews/insights/insightsController';
import { INSIGHTS_VIEW_TYPE } from '../webviews/insights/insightsPanel';

export interface InsightsCommandDependencies {
  extensionUri: vscode.Uri;
  extensionId: string;
  store: OmiStore;
  connection: OmiConnection;
  signIn: SignInState;
  log: Logger;
}

/** Issue 8: `omi.showInsights`, `omi.exportInsights` and the panel serializer. */
export function registerInsightsCommands(deps: InsightsCommandDependencies): vscode.Disposable[] {
  const insights = new InsightsController(deps);
  return [
    insights,
    vscode.window.registerWebviewPanelSerializer(INSIGHTS_VIEW_TYPE, insights),
    vscode.commands.registerCommand('omi.showInsights', () => insights.show()),
    vscode.commands.registerCommand('omi.exportInsights', (range?: unknown) => insights.exportInsights(range)),
  ];
}
