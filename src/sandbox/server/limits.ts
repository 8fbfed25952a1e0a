import { HOUR, MINUTE } from '../data/time';
import type { RateLimitWindow } from '../options';
import type { SandboxKey } from '../types';
import type { RequestContext } from './context';
import { ApiError } from './errors';
import { secondsUntil } from './rate-limiter';

/**
 * The real server's buckets (backend/utils/rate_limit_config.py), each a fixed hourly window per key. Reads and
 * writes are counted apart, so polling cannot use up the write budget.
 */
export type Bucket =
  | 'memories'
  | 'action_items'
  | 'conversation_reads_total'
  | 'conversations'
  | 'conversation_detail'
  | 'conversation_transcript'
  | 'memories_write'
  | 'memories_batch'
  | 'action_items_write'
  | 'conversations_write'
  | 'ask'
  | 'goals'
  | 'goals_write';

const REAL_LIMITS: Readonly<Record<Bucket, number>> = {
  memories: 120,
  action_items: 120,
  // Every conversation read, list or detail, also counts against this shared ceiling.
  conversation_reads_total: 60,
  conversations: 60,
  conversation_detail: 60,
  conversation_transcript: 25,
  // Writes: every memory write (create, batch, edit, delete); batches also count against their own bucket.
  memories_write: 120,
  memories_batch: 15,
  action_items_write: 120,
  // Creating a conversation runs the whole processing pipeline: the scarcest write.
  conversations_write: 25,
  // POST /user/ask runs retrieval and an LLM per call: its own tight budget (dev:ask), apart from list reads.
  ask: 25,
  // Goals: not confirmed against the real server's table; the same budget as the other resources.
  goals: 120,
  goals_write: 120,
};

const DOCUMENTED_WINDOW: RateLimitWindow = { limit: 100, windowMs: MINUTE };

function windowFor(ctx: RequestContext, bucket: Bucket | 'documented'): RateLimitWindow | null {
  const setting = ctx.state.faults.rateLimit;
  if (setting === null) {
    return null;
  }
  if (setting !== 'flavor') {
    return setting;
  }
  return bucket === 'documented' ? DOCUMENTED_WINDOW : { limit: REAL_LIMITS[bucket], windowMs: HOUR };
}

/** Real flavor: counts the request in each bucket, in order; 429 as soon as one is over its limit. */
export function enforceRealLimits(ctx: RequestContext, key: SandboxKey, buckets: readonly Bucket[]): void {
  if (ctx.state.options.flavor !== 'real') {
    return;
  }
  for (const bucket of buckets) {
    const window = windowFor(ctx, bucket);
    if (!window) {
      return;
    }
    const state = ctx.state.limiter.hit(`${key.record.id}:${bucket}`, window.limit, window.windowMs);
    if (!state.allowed) {
      const seconds = secondsUntil(state.resetAt);
      throw new ApiError(429, `Rate limit exceeded. Try again in ${seconds}s.`, {
        'X-RateLimit-Limit': String(state.limit),
        'X-RateLimit-Remaining': '0',
        'Retry-After': String(seconds),
      });
    }
  }
}

/**
 * Documented flavor: one window per key over every endpoint, announced on every answer with
 * X-RateLimit-Limit/Remaining/Reset (epoch seconds). With the limiter off the headers still come, but nothing
 * is counted: Remaining stays at the limit.
 */
export function applyDocumentedLimit(ctx: RequestContext, key: SandboxKey): void {
  if (ctx.state.options.flavor !== 'documented') {
    return;
  }
  const window = windowFor(ctx, 'documented');
  const now = Date.now();
  const state = window
    ? ctx.state.limiter.hit(`${key.record.id}:documented`, window.limit, window.windowMs, now)
    : { allowed: true, limit: DOCUMENTED_WINDOW.limit, remaining: DOCUMENTED_WINDOW.limit, resetAt: endOfMinute(now) };
  ctx.headers['X-RateLimit-Limit'] = String(state.limit);
  ctx.headers['X-RateLimit-Remaining'] = String(state.remaining);
  ctx.headers['X-RateLimit-Reset'] = String(Math.ceil(state.resetAt / 1000));
  if (!state.allowed) {
    throw new ApiError(429, `Rate limit exceeded. Try again in ${secondsUntil(state.resetAt, now)}s.`);
  }
}

/**
 * Documented flavor: answers that never got to count against a key (no key, unknown key, unknown route) still
 * carry the headers, with a window nobody has used.
 */
export function ensureDocumentedHeaders(ctx: RequestContext): void {
  if (ctx.state.options.flavor !== 'documented' || ctx.headers['X-RateLimit-Limit'] !== undefined) {
    return;
  }
  const window = windowFor(ctx, 'documented');
  const now = Date.now();
  const limit = window?.limit ?? DOCUMENTED_WINDOW.limit;
  ctx.headers['X-RateLimit-Limit'] = String(limit);
  ctx.headers['X-RateLimit-Remaining'] = String(limit);
  ctx.headers['X-RateLimit-Reset'] = String(Math.ceil((window ? now + window.windowMs : endOfMinute(now)) / 1000));
}

function endOfMinute(now: number): number {
  return (Math.floor(now / MINUTE) + 1) * MINUTE;
}
