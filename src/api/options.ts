import type { OmiApiErrorKind } from './errors';
import type { Conversation } from './models';
import type { RetryPolicy } from './retry';
import type { Sleep } from './sleep';

/** One HTTP attempt, for the extension's log. It never holds the key, header values or query values. */
export interface RequestLogEvent {
  method: string;
  /** The route below the base URL, without the query string, e.g. `/user/memories`. */
  path: string;
  /** Names of the query parameters sent, without their values. */
  queryKeys: string[];
  status?: number;
  durationMs: number;
  /** 1 for the first attempt of a call, 2 for its first retry, ... */
  attempt: number;
  errorKind?: OmiApiErrorKind;
}

export interface RateLimitWaitEvent {
  method: string;
  waitMs: number;
  until: Date;
  path: string;
}

/** A read that failed for a passing reason (network, timeout, 5xx) and is about to be sent again. */
export interface RetryEvent {
  method: string;
  path: string;
  /** The status that failed it; undefined when no answer came (network, timeout). */
  status?: number;
  errorKind: OmiApiErrorKind;
  /** 1 for the first retry. */
  retry: number;
  /** How many retries the policy allows. */
  of: number;
  delayMs: number;
}

/**
 * Where transcripts of completed conversations are kept: they never change, and reading them is the scarcest part of
 * the rate limit. The client only reads and fills it; the real cache lives elsewhere.
 */
export interface TranscriptCache {
  get(id: string): Conversation | undefined | Promise<Conversation | undefined>;
  set(id: string, conversation: Conversation): void | Promise<void>;
}

export interface OmiClientOptions {
  /** Normalized with `normalizeBaseUrl`: `/v1/dev` is appended when missing. */
  baseUrl: string;
  /** Asked once per call; a missing key fails with `unauthorized` before any request. */
  getApiKey: () => string | undefined | Promise<string | undefined>;
  /** Defaults to `globalThis.fetch` (looked up per request). */
  fetch?: typeof fetch;
  /** Per attempt; defaults to 30 000. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Injectable for tests; must reject when the signal aborts. */
  sleep?: Sleep;
  /** Jitter source in [0, 1); injectable for tests. */
  random?: () => number;
  /** Clock in epoch milliseconds; injectable for tests. */
  now?: () => number;
  onRequest?: (event: RequestLogEvent) => void;
  /** Called before waiting out a 429, so the UI can show a countdown. */
  onRateLimitWait?: (event: RateLimitWaitEvent) => void;
  /** Called before a failed read is sent again, so the log can say why. */
  onRetry?: (event: RetryEvent) => void;
  userAgent?: string;
  transcriptCache?: TranscriptCache;
}
