import { abortedError, isOmiApiError, missingKeyError, OmiApiError, throwIfAborted } from './errors';
import { errorFromFailure } from './failureError';
import type { OmiClientOptions, RequestLogEvent } from './options';
import { type RateLimitInfo, rateLimitWaitMs, readRateLimitInfo } from './rateLimit';
import { errorFromResponse } from './responseError';
import { DEFAULT_RETRY_POLICY, decideRetry, type RetryPolicy, type RetryState } from './retry';
import { abortableSleep, type Sleep } from './sleep';
import { createTransport, type HttpReply, type HttpRequest, type Transport } from './transport';
import { malformed } from './validate';

export const DEFAULT_TIMEOUT_MS = 30_000;

export interface ApiCall<T> {
  method: HttpRequest['method'];
  /** Below the base URL, path segments already encoded, e.g. `/user/conversations/abc`. */
  path: string;
  /** '' or '?a=b...' as built by `buildQuery`. */
  query?: string;
  body?: Record<string, unknown>;
  signal?: AbortSignal;
  /** Checks the parsed JSON body; absent for answers without a body (204). */
  read?: (data: unknown, path: string) => T;
  /** Instead of `read`: takes the body's bytes unparsed (see OmiClient.listConversationsOneByOne). */
  readBytes?: (body: Uint8Array, path: string) => T;
}

type AttemptOutcome<T> = { ok: true; value: T } | { ok: false; error: OmiApiError };

/** Sends calls to one Omi server: the key, the timeout, retries, rate-limit waits and the request log. */
export class Requester {
  private readonly transport: Transport;
  private readonly timeoutMs: number;
  private readonly policy: RetryPolicy;
  private readonly sleep: Sleep;
  private readonly random: () => number;
  private readonly now: () => number;
  private latestRateLimit: RateLimitInfo | undefined;

  constructor(
    readonly baseUrl: string,
    private readonly options: OmiClientOptions,
  ) {
    this.transport = createTransport(() => options.fetch ?? globalThis.fetch);
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.policy = { ...DEFAULT_RETRY_POLICY, ...definedOnly(options.retry ?? {}) };
    this.sleep = options.sleep ?? abortableSleep;
    this.random = options.random ?? Math.random;
    this.now = options.now ?? Date.now;
  }

  get rateLimit(): RateLimitInfo | undefined {
    return this.latestRateLimit && { ...this.latestRateLimit };
  }

  async send<T>(call: ApiCall<T>): Promise<T> {
    throwIfAborted(call.signal);
    const key = await this.readKey();
    throwIfAborted(call.signal);
    const state: RetryState = { retriesUsed: 0, rateLimitWaitsInARow: 0 };
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.attempt(call, key, attempt);
      if (outcome.ok) {
        return outcome.value;
      }
      const { error } = outcome;
      if (error.kind === 'aborted') {
        throw error;
      }
      const decision = decideRetry(call.method, error, state, this.policy, this.random);
      if (decision.action === 'fail') {
        throw error;
      }
      if (decision.action === 'waitForRateLimit') {
        state.rateLimitWaitsInARow++;
        this.notify(this.options.onRateLimitWait, {
          method: call.method,
          waitMs: decision.delayMs,
          until: new Date(this.now() + decision.delayMs),
          path: call.path,
        });
      } else {
        state.retriesUsed++;
        state.rateLimitWaitsInARow = 0;
        this.notify(this.options.onRetry, {
          method: call.method,
          path: call.path,
          status: error.status,
          errorKind: error.kind,
          retry: state.retriesUsed,
          of: this.policy.maxRetries,
          delayMs: decision.delayMs,
        });
      }
      await this.pause(decision.delayMs, call.signal);
    }
  }

  private async readKey(): Promise<string> {
    let key: string | undefined;
    try {
      key = (await this.options.getApiKey())?.trim();
    } catch {
      throw new OmiApiError({ kind: 'unauthorized', message: 'The Omi API key could not be read.' });
    }
    if (!key) {
      throw missingKeyError();
    }
    return key;
  }

  private async attempt<T>(call: ApiCall<T>, key: string, attempt: number): Promise<AttemptOutcome<T>> {
    const started = this.now();
    const reply = await this.exchange(call, key);
    const outcome: AttemptOutcome<T> = isOmiApiError(reply)
      ? { ok: false, error: reply }
      : this.interpret(call, reply, key);
    this.log({
      method: call.method,
      path: call.path,
      queryKeys: [...new URLSearchParams(call.query ?? '').keys()],
      status: isOmiApiError(reply) ? undefined : reply.status,
      durationMs: this.now() - started,
      attempt,
      errorKind: outcome.ok ? undefined : outcome.error.kind,
    });
    return outcome;
  }

  /** One request and its body, within the per-attempt timeout; a failure to get them comes back as the error. */
  private async exchange<T>(call: ApiCall<T>, key: string): Promise<HttpReply | OmiApiError> {
    const timeoutSignal = AbortSignal.timeout(this.timeoutMs);
    try {
      return await this.transport({
        method: call.method,
        url: this.baseUrl + call.path + (call.query ?? ''),
        headers: this.headersFor(key, call.body !== undefined),
        body: call.body,
        signal: call.signal ? AbortSignal.any([call.signal, timeoutSignal]) : timeoutSignal,
      });
    } catch (thrown) {
      return errorFromFailure(thrown, {
        callerSignal: call.signal,
        timeoutSignal,
        timeoutMs: this.timeoutMs,
        host: new URL(this.baseUrl).host,
      });
    }
  }

  private headersFor(key: string, hasBody: boolean): Record<string, string> {
    const headers: Record<string, string> = { Authorization: `Bearer ${key}`, Accept: 'application/json' };
    if (hasBody) {
      headers['Content-Type'] = 'application/json';
    }
    if (this.options.userAgent) {
      headers['User-Agent'] = this.options.userAgent;
    }
    return headers;
  }

  private interpret<T>(call: ApiCall<T>, reply: HttpReply, key: string): AttemptOutcome<T> {
    const now = this.now();
    const rateLimit = readRateLimitInfo(reply.headers, now);
    if (rateLimit) {
      this.latestRateLimit = rateLimit;
    }
    if (reply.status < 200 || reply.status >= 300) {
      const error = errorFromResponse({
        status: reply.status,
        statusText: reply.statusText,
        bodyText: textOf(reply.body),
        retryAfterMs: reply.status === 429 ? rateLimitWaitMs(reply.headers, now) : undefined,
        secret: key,
      });
      return { ok: false, error };
    }
    const { read, readBytes } = call;
    if (!read && !readBytes) {
      return { ok: true, value: undefined as T };
    }
    try {
      if (readBytes) return { ok: true, value: readBytes(reply.body, call.path) };
      const text = textOf(reply.body);
      // A write may answer with no body (204); its reader decides whether that will do.
      const noBody = call.method !== 'GET' && text.trim() === '';
      return { ok: true, value: read!(noBody ? undefined : parseJsonBody(text, call.path), call.path) };
    } catch (thrown) {
      if (isOmiApiError(thrown)) {
        return { ok: false, error: thrown };
      }
      throw thrown;
    }
  }

  private async pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
    try {
      await this.sleep(ms, signal);
    } catch (thrown) {
      if (signal?.aborted) {
        throw abortedError();
      }
      throw thrown;
    }
    throwIfAborted(signal);
  }

  private log(event: RequestLogEvent): void {
    this.notify(this.options.onRequest, event);
  }

  // Listeners belong to the UI and the log: a failing one must not fail the request.
  private notify<E>(listener: ((event: E) => void) | undefined, event: E): void {
    try {
      listener?.(event);
    } catch {
      // ignored, see above
    }
  }
}

const utf8 = new TextDecoder();

/** UTF-8 text, as fetch's `text()` reads it: a byte order mark is dropped, bytes that are not UTF-8 replaced. */
export function textOf(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}

export function parseJsonBody(text: string, path: string): unknown {
  if (text.trim() === '') {
    throw malformed(path, 'the body was empty');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw malformed(path, 'the body was not JSON');
  }
}

function definedOnly<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}
