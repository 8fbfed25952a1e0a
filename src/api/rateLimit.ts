// The documented server sends X-RateLimit-* on every response; the real one sends them, with Retry-After, only on 429.

export interface RateLimitInfo {
  limit?: number;
  remaining?: number;
  /** When the current window ends, as far as the server said. */
  resetAt?: Date;
  /** When these headers were last seen. */
  updatedAt: Date;
}

/** Reset values below this are read as seconds from now rather than as epoch seconds (1e9 s is in 2001). */
const EPOCH_SECONDS_THRESHOLD = 1e9;
/** Reset values above this are epoch milliseconds. */
const EPOCH_MILLISECONDS_THRESHOLD = 1e12;

/** `Retry-After` as milliseconds to wait: delay-seconds or an HTTP date. `undefined` when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  const text = value?.trim();
  if (!text) {
    return undefined;
  }
  if (/^\d+(\.\d+)?$/.test(text)) {
    return Math.round(Number(text) * 1000);
  }
  // An HTTP date always names a day or month; this keeps `Date.parse` from reading "-5" as a year.
  const date = /[a-z]/i.test(text) ? Date.parse(text) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** `X-RateLimit-Reset`: epoch seconds normally; a small number is seconds from now; a huge one epoch milliseconds. */
export function parseRateLimitReset(value: string | null, now: number): Date | undefined {
  const seconds = parseNumber(value);
  if (seconds === undefined) {
    return undefined;
  }
  if (seconds < EPOCH_SECONDS_THRESHOLD) {
    return new Date(now + seconds * 1000);
  }
  return new Date(seconds > EPOCH_MILLISECONDS_THRESHOLD ? seconds : seconds * 1000);
}

/** How long to wait before retrying a 429: `Retry-After` first, then `X-RateLimit-Reset`. */
export function rateLimitWaitMs(headers: Headers, now: number): number | undefined {
  const retryAfter = parseRetryAfter(headers.get('retry-after'), now);
  if (retryAfter !== undefined) {
    return retryAfter;
  }
  const resetAt = parseRateLimitReset(headers.get('x-ratelimit-reset'), now);
  return resetAt === undefined ? undefined : Math.max(0, resetAt.getTime() - now);
}

/** The rate-limit state a response tells about, or `undefined` when it carries none of the headers. */
export function readRateLimitInfo(headers: Headers, now: number): RateLimitInfo | undefined {
  const limit = parseNumber(headers.get('x-ratelimit-limit'));
  const remaining = parseNumber(headers.get('x-ratelimit-remaining'));
  let resetAt = parseRateLimitReset(headers.get('x-ratelimit-reset'), now);
  if (resetAt === undefined) {
    const retryAfter = parseRetryAfter(headers.get('retry-after'), now);
    resetAt = retryAfter === undefined ? undefined : new Date(now + retryAfter);
  }
  if (limit === undefined && remaining === undefined && resetAt === undefined) {
    return undefined;
  }
  return { limit, remaining, resetAt, updatedAt: new Date(now) };
}

function parseNumber(value: string | null): number | undefined {
  const text = value?.trim();
  if (!text || !/^\d+(\.\d+)?$/.test(text)) {
    return undefined;
  }
  return Number(text);
}
