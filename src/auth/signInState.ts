import * as vscode from 'vscode';
import type { OmiClient } from '../api/client';
import type { ApiKey, ApiKeyStore } from './apiKeyStore';
import { type VerifiedKey, verifyApiKey } from './verifyApiKey';

/**
 * Whether the user is signed in (a key is available), published as context keys for viewsWelcome and menus:
 * `omi.signedIn` (boolean) and `omi.keySource` ('secretStorage' | 'environment' | '').
 */
export class SignInState implements vscode.Disposable {
  private current: ApiKey | undefined;
  /** What the server said about one key on one server (its name, prefix, scopes), asked once per key. */
  private verified: { origin: string; key: string; info: Promise<VerifiedKey> } | undefined;
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

  /** Records the check that Set API Key made, so the key is not checked a second time once stored. */
  rememberVerified(origin: string, key: string, info: VerifiedKey): void {
    this.verified = { origin, key, info: Promise.resolve(info) };
  }

  /**
   * The signed-in key's record from the server, checked once per key (and again only after a failed check).
   * Undefined when signed out. Rejects with the client's OmiApiError when the check fails.
   */
  verifiedKey(client: OmiClient): Promise<VerifiedKey> | undefined {
    const current = this.current;
    if (!current) return undefined;
    const known = this.verified;
    if (known && known.origin === current.origin && known.key === current.key) return known.info;
    const info = verifyApiKey(client);
    const entry = { origin: current.origin, key: current.key, info };
    this.verified = entry;
    info.catch(() => {
      if (this.verified === entry) this.verified = undefined;
    });
    return info;
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
