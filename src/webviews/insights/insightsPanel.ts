import * as vscode from 'vscode';
import type { SignInState } from '../../auth/signInState';
import { COMMAND } from '../../commandIds';
import { aggregateInsights } from '../../insights/aggregate';
import { INSIGHTS_RANGES, type InsightsData, type InsightsRange } from '../../insights/model';
import { type HostMessage, type PanelState, parseWebviewMessage, type WebviewMessage } from '../../insights/protocol';
import type { RawLists } from '../../insights/select';
import type { OmiStore } from '../../store/omiStore';
import { describeError } from '../../util/errorMessage';
import type { Logger } from '../../util/logger';
import { drillDown } from './drillDown';
import { insightsHtml, webviewRoot } from './insightsHtml';
import type { InsightsSource } from './insightsSource';

export const INSIGHTS_VIEW_TYPE = 'omi.insights';
export const DEFAULT_RANGE: InsightsRange = 'year';

export interface InsightsPanelDependencies {
  extensionUri: vscode.Uri;
  store: OmiStore;
  source: InsightsSource;
  signIn: SignInState;
  log: Logger;
  exportData(data: InsightsData): Promise<unknown>;
}

export function insightsPanelOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return { enableScripts: true, enableFindWidget: true, localResourceRoots: [webviewRoot(extensionUri)] };
}

/** The range a restored panel saved with the webview's setState, if it is one. */
export function savedRange(state: unknown): InsightsRange {
  const range = (state as { range?: unknown } | undefined)?.range;
  return INSIGHTS_RANGES.find((r) => r === range) ?? DEFAULT_RANGE;
}

/**
 * One Insights panel: loads the lists (with progress, cancellable), aggregates them for the chosen range, posts the
 * numbers to the webview and answers its messages. The webview asks for the state whenever it (re)loads.
 */
export class InsightsPanel implements vscode.Disposable {
  private state: PanelState;
  private controller: AbortController | undefined;
  private running: Promise<void> | undefined;
  private raw: RawLists | undefined;
  /** What the webview reported it drew last: each chart's id and the sum of its values. */
  lastRendered: Record<string, number> | undefined;
  private readonly disposed = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposed.event;
  private readonly subscriptions: vscode.Disposable[];
  private isDisposed = false;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly deps: InsightsPanelDependencies,
    range: InsightsRange,
  ) {
    this.state = { range, signedIn: deps.signIn.signedIn };
    panel.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'media', 'omi-activitybar.svg');
    panel.webview.options = insightsPanelOptions(deps.extensionUri);
    panel.webview.html = insightsHtml(panel.webview, deps.extensionUri);
    this.subscriptions = [
      panel.webview.onDidReceiveMessage((message) => this.receive(message)),
      panel.onDidDispose(() => this.dispose()),
    ];
    void this.load(false);
  }

  get current(): Readonly<PanelState> {
    return this.state;
  }

  /** Resolves once no load is running. */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Loads again (Refresh fetches everything again; otherwise held lists are reused). */
  load(force: boolean): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    const running = this.run(force, controller).finally(() => {
      if (this.running === running) this.running = undefined;
    });
    this.running = running;
    return running;
  }

  /** Handles one message from the webview; anything malformed is ignored. */
  async receive(value: unknown): Promise<void> {
    const message = parseWebviewMessage(value);
    if (!message) {
      this.deps.log.warn('Insights: ignored a malformed message from the webview.');
      return;
    }
    try {
      await this.handle(message);
    } catch (error) {
      const { message: text } = describeError(error);
      this.deps.log.error(`Insights: ${message.type} failed. ${text}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('Omi Insights: {0}', text));
    }
  }

  private async handle(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.post();
        return;
      case 'setRange':
        this.state = { ...this.state, range: message.range };
        // A load under way shows the new range when it ends.
        if (this.raw) this.show(this.raw);
        else if (!this.running) await this.load(false);
        return;
      case 'refresh':
        await this.load(true);
        return;
      case 'cancel':
        this.controller?.abort();
        return;
      case 'export':
        if (this.state.data) await this.deps.exportData(this.state.data);
        return;
      case 'signIn':
        await vscode.commands.executeCommand(COMMAND.setApiKey);
        return;
      case 'drill':
        if (this.raw && this.state.data) {
          const context = { store: this.deps.store, raw: this.raw, data: this.state.data, now: new Date() };
          await drillDown(message.target, context);
        }
        return;
      case 'rendered':
        this.lastRendered = message.charts;
        return;
      case 'cspViolation':
        this.deps.log.warn(
          `Insights webview: the Content Security Policy blocked ${message.blocked || 'a resource'} (${message.directive}).`,
        );
        return;
    }
  }

  private async run(force: boolean, controller: AbortController): Promise<void> {
    const { source, signIn } = this.deps;
    if (!signIn.signedIn) {
      this.raw = undefined;
      this.update({ signedIn: false, loading: undefined, error: undefined, data: undefined });
      return;
    }
    const held = force ? undefined : source.cached;
    if (held) {
      this.show(held);
      return;
    }
    this.update({ signedIn: true, loading: { message: vscode.l10n.t('Loading your Omi data…') }, error: undefined });
    try {
      const raw = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Omi Insights'), cancellable: true },
        (progress, token) => {
          token.onCancellationRequested(() => controller.abort());
          return source.load({
            force,
            signal: controller.signal,
            onProgress: (message) => {
              progress.report({ message });
              if (this.controller === controller) this.update({ loading: { message } });
            },
          });
        },
      );
      if (this.controller === controller) this.show(raw);
    } catch (error) {
      if (this.controller !== controller) return;
      const { message } = describeError(error);
      this.update({ loading: undefined, error: message });
      if (!controller.signal.aborted) this.deps.log.warn(`Insights: loading failed. ${message}`);
    }
  }

  private show(raw: RawLists): void {
    this.raw = raw;
    const data = aggregateInsights(raw, this.state.range, new Date());
    this.update({ signedIn: true, loading: undefined, error: undefined, data });
  }

  private update(change: Partial<PanelState>): void {
    this.state = { ...this.state, ...change };
    this.post();
  }

  private post(): void {
    const message: HostMessage = { type: 'state', state: this.state };
    void this.panel.webview.postMessage(message);
  }

  dispose(): void {
    if (this.isDisposed) return;
    this.isDisposed = true;
    this.controller?.abort();
    for (const s of this.subscriptions) s.dispose();
    this.disposed.fire();
    this.disposed.dispose();
    this.panel.dispose();
  }
}
