import * as vscode from 'vscode';
import type { ApiKey, ApiKeyStore } from './apiKeyStore';

/**
 * Whether the user is signed in (a key is available), published as context keys for viewsWelcome and menus:
 * `omi.signedIn` (boolean) and `omi.keySource` ('secretStorage' | 'environment' | '').
 */
export class SignInState implements vscode.Disposable {
  private current: ApiKey | undefined;
  private readonly changed = new vscode.EventEmitter<ApiKey | undefined>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly store: ApiKeyStore) {
    this.subscription = store.onDidChange(() => void this.reload());
  }

  get apiKey(): ApiKey | undefined {
    return this.current;
  }

  get signedIn(): boolean {
    return this.current !== undefined;
  }

  async reload(): Promise<void> {
    const next = await this.store.get();
    const changed =
      next?.key !== this.current?.key || next?.source !== this.current?.source || next?.origin !== this.current?.origin;
    this.current = next;
    await vscode.commands.executeCommand('setContext', 'omi.signedIn', next !== undefined);
    await vscode.commands.executeCommand('setContext', 'omi.keySource', next?.source ?? '');
    if (changed) this.changed.fire(next);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
