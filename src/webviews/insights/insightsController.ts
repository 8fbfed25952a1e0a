import * as vscode from 'vscode';
import type { SignInState } from '../../auth/signInState';
import { aggregateInsights } from '../../insights/aggregate';
import { INSIGHTS_RANGES, type InsightsData, type InsightsRange } from '../../insights/model';
import type { OmiConnection } from '../../store/connection';
import type { OmiStore } from '../../store/omiStore';
import type { OmiWrites } from '../../store/omiWrites';
import type { Logger } from '../../util/logger';
import { showFailure } from '../../util/showFailure';
import { exportInsights } from './exportInsights';
import { DEFAULT_RANGE, INSIGHTS_VIEW_TYPE, InsightsPanel, insightsPanelOptions, savedRange } from './insightsPanel';
import { InsightsSource } from './insightsSource';

export interface InsightsDependencies {
  extensionUri: vscode.Uri;
  store: OmiStore;
  connection: OmiConnection;
  signIn: SignInState;
  writes: OmiWrites;
  log: Logger;
}

/** The one Insights panel of the window and the lists behind it, kept while the window lives. */
export class InsightsController implements vscode.Disposable, vscode.WebviewPanelSerializer {
  private panel: InsightsPanel | undefined;
  private readonly source: InsightsSource;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly deps: InsightsDependencies) {
    this.source = new InsightsSource(deps.store, deps.connection);
    this.subscriptions = [
      deps.signIn.onDidChange(() => {
        this.source.clear();
        void this.panel?.load(false);
      }),
      // Clear Cache (and sign-out, before the sign-in change above): the next numbers come from what Omi has now.
      deps.store.onDidForgetData(() => this.source.clear()),
      // A tick, an edit or a deletion made here shows in the charts at once, without a request.
      deps.writes.onDidChangeItem((change) => {
        this.source.apply(change);
        if (this.source.cached) void this.panel?.load(false);
      }),
    ];
  }

  /** `omi.showInsights`: reveals the panel, creating it on first use. Returns it (the integration tests read it). */
  show(): InsightsPanel {
    if (this.panel) {
      this.panel.panel.reveal();
      return this.panel;
    }
    const panel = vscode.window.createWebviewPanel(
      INSIGHTS_VIEW_TYPE,
      vscode.l10n.t('Omi Insights'),
      vscode.ViewColumn.Active,
      insightsPanelOptions(this.deps.extensionUri),
    );
    return this.adopt(panel, DEFAULT_RANGE);
  }

  /** Restores a panel left open when the window closed, with the range the webview saved. */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    this.panel?.dispose();
    // Restored at start-up, before the stored key is read: it would show the signed-out page until then.
    await this.deps.signIn.whenLoaded();
    this.adopt(panel, savedRange(state));
  }

  /**
   * `omi.exportInsights`: the panel's numbers when it is open, else the numbers for `range` (default: all time),
   * loading the lists first with a cancellable progress notification where they are not held yet.
   */
  async exportInsights(range?: unknown): Promise<vscode.Uri | undefined> {
    try {
      const shown = this.panel?.current.data;
      if (shown && range === undefined) return await this.write(shown);
      const chosen: InsightsRange = INSIGHTS_RANGES.find((r) => r === range) ?? 'all';
      const raw =
        this.source.cached ??
        (await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Omi Insights'), cancellable: true },
          (progress, token) => {
            const controller = new AbortController();
            token.onCancellationRequested(() => controller.abort());
            return this.source.load({
              force: false,
              signal: controller.signal,
              onProgress: (message) => progress.report({ message }),
            });
          },
        ));
      return await this.write(aggregateInsights(raw, chosen, new Date()));
    } catch (error) {
      showFailure(vscode.l10n.t('Could not export Omi insights.'), error, () => this.exportInsights(range));
      return undefined;
    }
  }

  private async write(data: InsightsData): Promise<vscode.Uri | undefined> {
    try {
      return await exportInsights(data, this.deps.connection.baseUrl);
    } catch (error) {
      showFailure(vscode.l10n.t('Could not write the Omi insights export.'), error, () => this.write(data));
      return undefined;
    }
  }

  private adopt(webviewPanel: vscode.WebviewPanel, range: InsightsRange): InsightsPanel {
    const panel = new InsightsPanel(
      webviewPanel,
      {
        ...this.deps,
        source: this.source,
        exportData: (data) => this.write(data),
      },
      range,
    );
    panel.onDidDispose(() => {
      if (this.panel === panel) this.panel = undefined;
    });
    this.panel = panel;
    return panel;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.panel?.dispose();
  }
}
