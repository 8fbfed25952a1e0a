import * as vscode from 'vscode';
import { checkServerAddress, type ServerCheck } from './serverPolicy';

export const DEFAULT_API_BASE_URL = 'https://api.omi.me/v1/dev';

/**
 * The Omi server from `omi.apiBaseUrl`. The setting is application-scoped (package.json), so only the user's own
 * settings count and a workspace cannot send the key elsewhere; plain http is refused except for loopback.
 */
export class ServerSettings implements vscode.Disposable {
  private check: ServerCheck;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor() {
    this.check = this.read();
    this.subscription = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('omi.apiBaseUrl')) return;
      const next = this.read();
      if (JSON.stringify(next) === JSON.stringify(this.check)) return;
      this.check = next;
      this.changed.fire();
    });
  }

  get current(): ServerCheck {
    return this.check;
  }

  /** Where keys are filed: one key per server origin, so a key is never sent to a server it was not set for. */
  get origin(): string | undefined {
    return this.check.ok ? this.check.origin : undefined;
  }

  private read(): ServerCheck {
    const inspected = vscode.workspace.getConfiguration('omi').inspect<string>('apiBaseUrl');
    const configured = (inspected?.globalValue ?? inspected?.defaultValue ?? DEFAULT_API_BASE_URL).trim();
    return checkServerAddress(configured || DEFAULT_API_BASE_URL);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
