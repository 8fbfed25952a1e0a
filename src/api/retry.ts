import type { OmiApiErrorKind } from './errors';

export interface RetryPolicy {
  /** Retries of idempotent requests after passing failures (network, timeout, 5xx); 429 waits are counted apart. */
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A 429 asking for a longer wait than this is surfaced to the caller instead of waited out. */
  maxRateLimitWaitMs: number;
}

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = Object.freeze({
  maxRetries: 3,
  baseDelayMs: 500,
  maxDelayMs: 8000,
  maxRateLimitWaitMs: 120_000,
});

/** Consecutive 429 waits one call may sit through before giving up, so a confused server cannot hold it forever. */
export const MAX_RATE_LIMIT_WAITS_IN_A_ROW = 5;

/**
 * 502/503/504 come from gateways and the rate limiter being briefly unavailable; the Omi cloud also answers an
 * occasional 500 when its datastore times out, so a 500 is retried too (never for a POST, see decideRetry). A 500
 * that persists uses up the same small budget and then reaches the user.
 */
const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([500, 502, 503, 504]);

export interface AttemptFailure {
  kind: OmiApiErrorKind;
  status?: number;
  retryAfterMs?: number;
}

export interface RetryState {
  /** Transient-failure retries already made in this call. */
  retriesUsed: number;
  /** 429 waits since the last response that was not a 429. */
  rateLimitWaitsInARow: number;
}

export type RetryDecision =
  | { action: 'fail' }
  | { action: 'backoff'; delayMs: number }
  | { action: 'waitForRateLimit'; delayMs: number };

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status);
}

/**
 * Exponential backoff with "equal jitter": the ceiling doubles from `baseDelayMs` up to `maxDelayMs`, and the delay
 * is picked in [ceiling / 2, ceiling), so a retry never fires immediately yet clients do not retry in lockstep.
 */
export function backoffDelayMs(retryIndex: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retryIndex);
  return Math.round(ceiling / 2 + (clampUnit(random()) * ceiling) / 2);
}

/**
 * Requests whose repetition changes nothing: a read, a PATCH sent again with the same body, a DELETE. A POST creates
 * something each time, so after a failure that may have reached the server (network, timeout, 5xx) it is never sent
 * again.
 */
function isIdempotent(method: string): boolean {
  return ['GET', 'PATCH', 'DELETE'].includes(method.toUpperCase());
}

/**
 * Idempotent requests are retried after passing failures. A 429 is waited out exactly as long as the server asked,
 * when it said and it is short enough, whatever the method: the server turned the request away without acting on it.
 */
export function decideRetry(
  method: string,
  failure: AttemptFailure,
  state: RetryState,
  policy: RetryPolicy,
  random: () => number,
): RetryDecision {
  if (failure.kind === 'rateLimited') {
    const wait = failure.retryAfterMs;
    if (
      wait === undefined ||
      wait > policy.maxRateLimitWaitMs ||
      state.rateLimitWaitsInARow >= MAX_RATE_LIMIT_WAITS_IN_A_ROW
    ) {
      return { action: 'fail' };
    }
    return { action: 'waitForRateLimit', delayMs: wait };
  }
  if (!isIdempotent(method) || !isTransient(failure) || state.retriesUsed >= policy.maxRetries) {
    return { action: 'fail' };
  }
  return { action: 'backoff', delayMs: backoffDelayMs(state.retriesUsed, policy, random) };
}

function isTransient(failure: AttemptFailure): boolean {
  if (failure.kind === 'network' || failure.kind === 'timeout') {
    return true;
  }
  return failure.kind === 'server' && failure.status !== undefined && isRetryableStatus(failure.status);
}

function clampUnit(value: number): number {
  return Number.isFinite(value) ? Math.min(Math.max(value, 0), 1) : 0;
}
