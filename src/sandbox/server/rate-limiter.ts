export interface WindowState {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** When the current window ends (ms since the epoch). */
  resetAt: number;
}

/**
 * Fixed windows, as the real server keeps them in Redis: a bucket's window opens with its first request and lasts
 * `windowMs`; the count does not slide.
 */
export class FixedWindowLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  hit(bucket: string, limit: number, windowMs: number, now = Date.now()): WindowState {
    let window = this.windows.get(bucket);
    if (!window || now >= window.resetAt) {
      window = { count: 0, resetAt: now + windowMs };
      this.windows.set(bucket, window);
    }
    window.count++;
    return {
      allowed: window.count <= limit,
      limit,
      remaining: Math.max(0, limit - window.count),
      resetAt: window.resetAt,
    };
  }

  clear(): void {
    this.windows.clear();
  }
}

export function secondsUntil(resetAt: number, now = Date.now()): number {
  return Math.max(1, Math.ceil((resetAt - now) / 1000));
}
