import * as vscode from 'vscode';
import {
  OmiClient,
  type RateLimitInfo,
  type RateLimitWaitEvent,
  type RequestLogEvent,
  type TranscriptCache,
} from '../api';
import { invalidRequestError } from '../api/errors';
import type { ServerSettings } from '../auth/serverSettings';
import type { SignInState } from '../auth/signInState';
import type { Logger } from '../util/logger';
import { accountId } from './diskListCache';

/**
 * The OmiClient for the configured server and the signed-in key. It is rebuilt when the server changes; the key is
 * read per request. Every HTTP attempt is logged without the key, query values or any Omi content.
 */
export class OmiConnection implements vscode.Disposable {
  private current: OmiClient | undefined;
  private readonly requestObserved = new vscode.EventEmitter<RequestLogEvent>();
  readonly onDidRequest = this.requestObserved.event;
  private readonly rateLimitWait = new vscode.EventEmitter<RateLimitWaitEvent>();
  readonly onDidWaitForRateLimit = this.rateLimitWait.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly server: ServerSettings,
    private readonly signIn: SignInState,
    private readonly log: Logger,
    private readonly transcriptCache: TranscriptCache,
  ) {
    this.subscription = server.onDidChange(() => {
      this.current = undefined;
      const check = server.current;
      if (check.ok) this.log.info(`Omi server is now ${check.baseUrl}.`);
      else this.log.error(check.problem);
    });
  }

  /** Throws an OmiApiError with the reason when `omi.apiBaseUrl` is refused, so every caller shows it. */
  get client(): OmiClient {
    const check = this.server.current;
    if (!check.ok) throw invalidRequestError(check.problem);
    this.current ??= this.create(check.baseUrl, () => this.signIn.apiKey?.key);
    return this.current;
  }

  /** The latest rate-limit headers the server sent, if any. */
  get rateLimit(): RateLimitInfo | undefined {
    return this.current?.rateLimit;
  }

  /** Names the signed-in account on this server without the key (for caches on disk). */
  get accountId(): string | undefined {
    const key = this.signIn.apiKey?.key;
    const check = this.server.current;
    return key && check.ok ? accountId(check.origin, key) : undefined;
  }

  /** The server's origin, under which keys are filed. */
  get origin(): string | undefined {
    const check = this.server.current;
    return check.ok ? check.origin : undefined;
  }

  get baseUrl(): string | undefined {
    const check = this.server.current;
    return check.ok ? check.baseUrl : undefined;
  }

  /** A client for a key that is not stored yet (checking a key before storing it, rotation). */
  clientForKey(key: string): OmiClient {
    const check = this.server.current;
    if (!check.ok) throw invalidRequestError(check.problem);
    return this.create(check.baseUrl, () => key);
  }

  private create(baseUrl: string, getApiKey: () => string | undefined): OmiClient {
    return new OmiClient({
      baseUrl,
      getApiKey,
      // Looked up per request: VS Code's fetch honours the user's proxy settings.
      fetch: (input, init) => globalThis.fetch(input, init),
      userAgent: 'omi-vscode',
      transcriptCache: this.transcriptCache,
      onRequest: (event) => {
        const status = event.status ?? event.errorKind ?? 'failed';
        const retry = event.attempt > 1 ? ` (attempt ${event.attempt})` : '';
        const query = event.queryKeys.length > 0 ? `?${event.queryKeys.join('&')}` : '';
        this.log.info(`${event.method} ${event.path}${query} → ${status} in ${event.durationMs} ms${retry}`);
        this.requestObserved.fire(event);
      },
      onRateLimitWait: (event) => {
        this.log.warn(
          `Rate limited on ${event.path}: waiting ${Math.ceil(event.waitMs / 1000)} s as the server asked.`,
        );
        this.rateLimitWait.fire(event);
      },
      onRetry: (event) => {
        const reason = event.status ?? event.errorKind;
        const delay = (event.delayMs / 1000).toFixed(1);
        this.log.warn(
          `${event.method} ${event.path} failed (${reason}): sending it again in ${delay} s (retry ${event.retry} of ${event.of}).`,
        );
      },
    });
  }

  dispose(): void {
    this.subscription.dispose();
    this.requestObserved.dispose();
    this.rateLimitWait.dispose();
  }
}
