import * as vscode from 'vscode';
import type { ServerSettings } from './serverSettings';

const SECRET_PREFIX = 'omi.apiKey:';
const API_KEY_ENV_VARIABLE = 'OMI_API_KEY';

export type ApiKeySource = 'secretStorage' | 'environment';

export interface ApiKey {
  readonly key: string;
  readonly source: ApiKeySource;
  /** The server the key is for: the same key on another server is another sign-in. */
  readonly origin: string;
}

/** Thrown when the OS keyring behind SecretStorage cannot be used; the key is then not stored anywhere. */
export class SecretStorageUnavailableError extends Error {}

/**
 * Where the user's key lives: VS Code's SecretStorage, filed under the server's origin, then the user's own
 * OMI_API_KEY environment variable (read-only). The key is never written anywhere else.
 */
export class ApiKeyStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly server: ServerSettings,
    private readonly environment: NodeJS.ProcessEnv = process.env,
  ) {
    this.subscriptions = [
      // Fires for changes made by this window and by other windows of the same user.
      secrets.onDidChange((e) => {
        if (e.key.startsWith(SECRET_PREFIX)) this.changed.fire();
      }),
      server.onDidChange(() => this.changed.fire()),
    ];
  }

  async get(): Promise<ApiKey | undefined> {
    const origin = this.server.origin;
    if (!origin) return undefined;
    const stored = await this.readSecret();
    if (stored) return { key: stored, source: 'secretStorage', origin };
    const fromEnvironment = this.environment[API_KEY_ENV_VARIABLE]?.trim();
    if (fromEnvironment) return { key: fromEnvironment, source: 'environment', origin };
    return undefined;
  }

  async hasStoredKey(): Promise<boolean> {
    return (await this.readSecret()) !== undefined;
  }

  async store(key: string): Promise<void> {
    const name = this.secretName();
    if (!name) throw new Error('omi.apiBaseUrl is not a usable address, so the key was not stored.');
    try {
      await this.secrets.store(name, key);
    } catch (error) {
      throw new SecretStorageUnavailableError(String(error instanceof Error ? error.message : error));
    }
  }

  async clear(): Promise<void> {
    const name = this.secretName();
    if (name) await this.secrets.delete(name);
  }

  private secretName(): string | undefined {
    const origin = this.server.origin;
    return origin ? `${SECRET_PREFIX}${origin}` : undefined;
  }

  private async readSecret(): Promise<string | undefined> {
    const name = this.secretName();
    if (!name) return undefined;
    try {
      return (await this.secrets.get(name)) || undefined;
    } catch {
      return undefined;
    }
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}
