import * as vscode from 'vscode';
import { COMMAND } from '../commandIds';
import { registerCommand } from '../util/registerCommand';
import { InsightsController, type InsightsDependencies } from '../webviews/insights/insightsController';
import { INSIGHTS_VIEW_TYPE } from '../webviews/insights/insightsPanel';

/** `omi.showInsights`, `omi.exportInsights` and the panel's serializer. */
export function registerInsightsCommands(deps: InsightsDependencies): vscode.Disposable[] {
  const insights = new InsightsController(deps);
  return [
    insights,
    vscode.window.registerWebviewPanelSerializer(INSIGHTS_VIEW_TYPE, insights),
    registerCommand(COMMAND.showInsights, () => insights.show()),
    registerCommand(COMMAND.exportInsights, (range?: unknown) => insights.exportInsights(range)),
  ];
}
