import * as vscode from 'vscode';
import type { ApiKey, ApiKeyStore } from './apiKeyStore';
import type { VerifiedKey } from './keyScopes';
import { mayWrite, WRITABLE_KINDS, type WritableKind, withoutWrite } from './keyScopes';

/** Asks the server about a key (GET /key, or a one-memory list on servers without it). */
export type KeyVerifier = (key: ApiKey) => Promise<VerifiedKey>;

/**
 * Whether the user is signed in (a key is available) and what the key may do, published as context keys for
 * viewsWelcome, menus and checkboxes: `omi.signedIn`, `omi.keySource` ('secretStorage' | 'environment' | '') and
 * `omi.canWrite.memories|actionItems|conversations`.
 */
export class SignInState implements vscode.Disposable {
  private current: ApiKey | undefined;
  /** What the server said about one key on one server (its name, prefix, scopes), asked once per key. */
  private verified: { origin: string; key: string; info: Promise<VerifiedKey> } | undefined;
  private known: VerifiedKey | undefined;
  private readonly changed = new vscode.EventEmitter<ApiKey | undefined>();
  readonly onDidChange = this.changed.event;
  private readonly accessChanged = new vscode.EventEmitter<void>();
  /** Fires when what the key may do became known (or changed after a refusal). */
  readonly onDidChangeAccess = this.accessChanged.event;
  private readonly subscription: vscode.Disposable;
  private loaded: Promise<void> | undefined;
  private loadedYet = false;

  constructor(
    private readonly store: ApiKeyStore,
    private readonly verify: KeyVerifier,
  ) {
    this.subscription = store.onDidChange(() => void this.reload());
  }

  /**
   * Resolves once the stored key has been read (the first reload). activate() starts it and returns at once;
   * whatever needs to know whether the user is signed in (commands, panels, chat) waits for it.
   */
  whenLoaded(): Promise<void> {
    this.loaded ??= this.reload();
    return this.loaded;
  }

  /** Whether the stored key has been read yet: until then `signedIn` is false only because nothing is known. */
  get isLoaded(): boolean {
    return this.loadedYet;
  }

  get apiKey(): ApiKey | undefined {
    return this.current;
  }

  get signedIn(): boolean {
    return this.current !== undefined;
  }

  /** The server's record of the signed-in key, once checked: its name, prefix and scopes. */
  get keyInfo(): VerifiedKey | undefined {
    return this.known;
  }

  /** Whether the signed-in key may write this kind; true while the server has not said otherwise. */
  mayWrite(kind: WritableKind): boolean {
    return this.signedIn && mayWrite(this.known?.scopes, kind);
  }

  /** Records the check that Set API Key made, so the key is not checked a second time once stored. */
  rememberVerified(origin: string, key: string, info: VerifiedKey): void {
    this.verified = { origin, key, info: Promise.resolve(info) };
  }

  /**
   * The signed-in key's record from the server, checked once per key (and again only after a failed check).
   * Undefined when signed out. Rejects with the client's OmiApiError when the check fails.
   */
  verifiedKey(): Promise<VerifiedKey> | undefined {
    const current = this.current;
    if (!current) return undefined;
    const known = this.verified;
    if (known && known.origin === current.origin && known.key === current.key) return known.info;
    const info = this.verify(current);
    const entry = { origin: current.origin, key: current.key, info };
    this.verified = entry;
    info.catch(() => {
      if (this.verified === entry) this.verified = undefined;
    });
    return info;
  }

  /**
   * A write was refused for lack of this kind's write scope: the key is read-only there after all (a server without
   * GET /key, or scopes changed in the Omi app), so the write actions go away.
   */
  learnReadOnly(kind: WritableKind): void {
    if (!this.signedIn || !this.mayWrite(kind)) return;
    this.known = { ...this.known, scopes: withoutWrite(this.known?.scopes, kind) };
    void this.publishAccess();
  }

  async reload(): Promise<void> {
    const next = await this.store.get();
    // The first read is a change even without a key: what was unknown is now known to be signed out.
    const changed =
      !this.loadedYet ||
      next?.key !== this.current?.key ||
      next?.source !== this.current?.source ||
      next?.origin !== this.current?.origin;
    this.current = next;
    if (changed) this.known = undefined;
    this.loadedYet = true;
    await Promise.all([
      vscode.commands.executeCommand('setContext', 'omi.signedIn', next !== undefined),
      vscode.commands.executeCommand('setContext', 'omi.keySource', next?.source ?? ''),
      // The views' welcome (Set API Key) shows only once the key is known to be missing, not while it is read.
      vscode.commands.executeCommand('setContext', 'omi.signInKnown', true),
      this.publishAccess(),
    ]);
    if (changed) {
      this.changed.fire(next);
      if (next) void this.identify(next);
    }
  }

  /** Asks the server what the key is and may do, after sign-in; a failed check leaves the actions offered. */
  private async identify(key: ApiKey): Promise<void> {
    let info: VerifiedKey | undefined;
    try {
      info = await this.verifiedKey();
    } catch {
      // The views and the status bar say why the server could not be asked.
    }
    const current = this.current;
    if (!info || current?.key !== key.key || current.origin !== key.origin) return;
    this.known = info;
    await this.publishAccess();
  }

  private async publishAccess(): Promise<void> {
    await Promise.all(
      WRITABLE_KINDS.map((kind) =>
        vscode.commands.executeCommand('setContext', `omi.canWrite.${kind}`, this.mayWrite(kind)),
      ),
    );
    this.accessChanged.fire();
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
    this.accessChanged.dispose();
  }
}
