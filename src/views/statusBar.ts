import * as vscode from 'vscode';
import { OmiApiError } from '../api/errors';
import type { RequestLogEvent } from '../api/options';
import { describeApiKey } from '../auth/apiKeyFormat';
import { describeAccess } from '../auth/keyScopes';
import type { SignInState } from '../auth/signInState';
import { COMMAND } from '../commandIds';
import type { OmiConnection } from '../store/connection';
import { describeError } from '../util/errorMessage';
import { formatDuration, timeOfDay } from '../util/time';

type Health = { kind: 'ok' } | { kind: 'rateLimited'; until: number } | { kind: 'unreachable'; reason: string };

/** Only these mean the server could not be reached. A 500 or an unreadable answer came from a server that is up. */
const UNREACHABLE_KINDS = new Set(['network', 'timeout']);

/**
 * The Omi item in the status bar: signed out (click to set a key), connected (tooltip: key, server, last request),
 * rate limited (counting down) or unreachable (click for the log). Hidden with `omi.statusBar.enabled`.
 */
export class OmiStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('omi.status', vscode.StatusBarAlignment.Left, 10);
  private health: Health = { kind: 'ok' };
  private lastRequest: { at: Date; event: RequestLogEvent } | undefined;
  private countdown: ReturnType<typeof setInterval> | undefined;
  private tooltipText = '';
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly signIn: SignInState,
    private readonly connection: OmiConnection,
  ) {
    this.item.name = 'Omi';
    this.subscriptions = [
      signIn.onDidChange(() => this.onSignInChange()),
      signIn.onDidChangeAccess(() => this.render()),
      connection.onDidRequest((event) => this.onRequest(event)),
      connection.onDidWaitForRateLimit((event) =>
        this.setHealth({ kind: 'rateLimited', until: event.until.getTime() }),
      ),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('omi.statusBar.enabled') || e.affectsConfiguration('omi.apiBaseUrl')) this.render();
      }),
    ];
    this.onSignInChange();
  }

  /** What the item shows now (for tests and the walkthrough). */
  snapshot(): { text: string; tooltip: string; command: string | undefined; visible: boolean } {
    const tooltip = this.item.tooltip;
    const command = this.item.command;
    return {
      text: this.item.text,
      tooltip: typeof tooltip === 'string' ? tooltip : this.tooltipText,
      command: typeof command === 'string' ? command : command?.command,
      visible: this.enabled(),
    };
  }

  private onSignInChange(): void {
    this.health = { kind: 'ok' };
    this.render();
  }

  private onRequest(event: RequestLogEvent): void {
    this.lastRequest = { at: new Date(), event };
    if (event.errorKind && UNREACHABLE_KINDS.has(event.errorKind)) {
      this.health = {
        kind: 'unreachable',
        reason: describeError(new OmiApiError({ kind: event.errorKind, message: '' })).message,
      };
    } else if (event.status === 429) {
      const resetAt = this.connection.rateLimit?.resetAt;
      if (resetAt) this.health = { kind: 'rateLimited', until: resetAt.getTime() };
    } else if (event.status !== undefined) {
      // The server answered, even if with an error: the view that asked shows that error, the status bar stays.
      this.health = { kind: 'ok' };
    }
    this.render();
  }

  private setHealth(health: Health): void {
    this.health = health;
    this.render();
  }

  private enabled(): boolean {
    return vscode.workspace.getConfiguration('omi').get<boolean>('statusBar.enabled', true);
  }

  private render(): void {
    this.stopCountdown();
    // Nothing to say until the stored key has been read (a moment after start-up).
    if (!this.enabled() || !this.signIn.isLoaded) {
      this.item.hide();
      return;
    }
    const item = this.item;
    item.backgroundColor = undefined;
    if (!this.signIn.signedIn) {
      item.text = `$(key) ${vscode.l10n.t('Omi: Set Key')}`;
      item.tooltip = vscode.l10n.t('Omi: not signed in. Click to set your API key.');
      item.command = COMMAND.setApiKey;
    } else if (this.health.kind === 'rateLimited' && this.health.until > Date.now()) {
      const until = this.health.until;
      const tick = () => {
        const left = until - Date.now();
        if (left <= 0) {
          this.health = { kind: 'ok' };
          this.render();
          return;
        }
        item.text = `$(watch) ${vscode.l10n.t('Omi: wait {0}', formatDuration(left / 1000, { round: 'up' }))}`;
      };
      tick();
      item.tooltip = vscode.l10n.t("Omi's rate limit was reached. Requests resume when the countdown ends.");
      item.command = COMMAND.showLog;
      item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
      this.countdown = setInterval(tick, 1000);
    } else if (this.health.kind === 'unreachable') {
      item.text = `$(warning) ${vscode.l10n.t('Omi: offline')}`;
      item.tooltip = vscode.l10n.t('{0} Click to see the log.', this.health.reason);
      item.command = COMMAND.showLog;
      item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    } else {
      item.text = '$(pass) Omi';
      item.tooltip = this.connectedTooltip();
      item.command = COMMAND.showLog;
    }
    item.accessibilityInformation = { label: `${item.text.replace(/\$\([^)]*\)\s*/g, '')}` };
    item.show();
  }

  private connectedTooltip(): vscode.MarkdownString {
    const lines: string[] = [vscode.l10n.t('Omi: connected')];
    const key = this.signIn.apiKey;
    const keyInfo = this.signIn.keyInfo;
    const keyName = keyInfo?.name ? `“${keyInfo.name}” ` : '';
    const prefix = keyInfo?.prefix ?? (key ? describeApiKey(key.key) : '');
    lines.push(
      key?.source === 'environment'
        ? vscode.l10n.t('Key: {0} (from OMI_API_KEY)', `${keyName}${prefix}`)
        : vscode.l10n.t('Key: {0}', `${keyName}${prefix}`),
    );
    const access = describeAccess(keyInfo?.scopes);
    if (access) lines.push(vscode.l10n.t('Access: {0}', access));
    if (this.connection.baseUrl) lines.push(vscode.l10n.t('Server: {0}', this.connection.baseUrl));
    if (this.lastRequest) {
      const { at, event } = this.lastRequest;
      lines.push(
        vscode.l10n.t(
          'Last request: {0} {1} → {2} at {3}',
          event.method,
          event.path,
          String(event.status ?? event.errorKind),
          timeOfDay(at),
        ),
      );
    }
    this.tooltipText = lines.join('\n');
    const tooltip = new vscode.MarkdownString();
    lines.forEach((line, index) => {
      if (index > 0) tooltip.appendMarkdown('\n\n');
      tooltip.appendText(line);
    });
    return tooltip;
  }

  private stopCountdown(): void {
    if (this.countdown) clearInterval(this.countdown);
    this.countdown = undefined;
  }

  dispose(): void {
    this.stopCountdown();
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}
