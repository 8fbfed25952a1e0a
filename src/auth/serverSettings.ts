import * as vscode from 'vscode';
import { COMMAND } from '../commandIds';
import { checkServerAddress, type ServerCheck } from './serverPolicy';
import type { SignInState } from './signInState';

const DEFAULT_API_BASE_URL = 'https://api.omi.me/v1/dev';

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

/**
 * Keys are filed per server, so pointing `omi.apiBaseUrl` at another host signs out of the old one rather than
 * sending its key there. This says so and offers to set a key for the new server, or explains a refused address.
 */
export function promptOnServerChange(server: ServerSettings, signIn: SignInState): vscode.Disposable {
  return server.onDidChange(async () => {
    await signIn.reload();
    const check = server.current;
    if (!check.ok) {
      const openSettings = vscode.l10n.t('Open Settings');
      const choice = await vscode.window.showErrorMessage(check.problem, openSettings);
      if (choice === openSettings) {
        await vscode.commands.executeCommand('workbench.action.openSettings', 'omi.apiBaseUrl');
      }
      return;
    }
    if (signIn.signedIn) return;
    const setKey = vscode.l10n.t('Set API Key');
    const choice = await vscode.window.showInformationMessage(
      vscode.l10n.t('The Omi server is now {0}. Set the API key to use with it.', check.baseUrl),
      setKey,
    );
    if (choice === setKey) await vscode.commands.executeCommand(COMMAND.setApiKey);
  });
}
