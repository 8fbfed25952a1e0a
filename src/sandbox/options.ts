export type Flavor = 'real' | 'documented';

export const FAIL_MODES = ['500', '503', 'drop', 'malformed', 'wrongShape', 'hang'] as const;
export type FailMode = (typeof FAIL_MODES)[number];

export interface RateLimitWindow {
  limit: number;
  windowMs: number;
}

export interface Faults {
  /** Added to every /v1/dev response (admin routes answer at once). */
  latencyMs: number;
  /**
   * `{limit, windowMs}`: one fixed window with these numbers for every bucket (handy in tests).
   * `'flavor'`: the flavor's own limits (real: 120/h memories and action items, 60/h conversation reads,
   * 25/h transcript reads; documented: 100/minute per key). `null`: off.
   */
  rateLimit: RateLimitWindow | 'flavor' | null;
  /**
   * Every Nth request to a data endpoint (/v1/dev/user/...) fails this way. The count restarts when this is set.
   * `first` (default N): the request that fails first, so a short test can meet "every 7th" on its first request.
   */
  failEvery: { n: number; mode: FailMode; first?: number } | null;
}

export interface SandboxOptions {
  /** 0 = ephemeral (default). The host is always 127.0.0.1. */
  port?: number;
  seed?: number;
  memories?: number;
  conversations?: number;
  actionItems?: number;
  flavor?: Flavor;
  /** Mix in hostile and odd data (markup, path traversal, reserved names, 1 MB strings, nulls, unknown values...). */
  hostile?: boolean;
  faults?: Partial<Faults>;
  /** Segments per conversation transcript. */
  transcriptSegments?: { min: number; max: number };
  /**
   * Exact segment counts for the first conversations generated (they are among today's), e.g. `[5000, 500]` for a
   * benchmark; the others draw from `transcriptSegments`, and everything else is generated as without this.
   */
  transcriptSizes?: number[];
  /** The reference time the data is generated around. Default: the current time truncated to the hour. */
  now?: Date;
  /**
   * Whether some pages come back short (rows dropped after the page is cut, like the real server). Default true.
   * Turn off when a test needs exact page sizes.
   */
  shortPages?: boolean;
  /**
   * Whether the account has granted the Developer API write access to memories (default true). When false, every
   * memory write answers 403 with an object detail `{"enabled": false, "reason", "message"}`, whatever the key's
   * scopes. `sandbox.setMemoryWriteGrant()` changes it later.
   */
  memoryWriteGrant?: boolean;
  /** Receives one line per /v1/dev request: method, path and query, status, milliseconds. Never the key. */
  log?: (line: string) => void;
}

export interface ResolvedOptions {
  port: number;
  seed: number;
  memories: number;
  conversations: number;
  actionItems: number;
  flavor: Flavor;
  hostile: boolean;
  faults: Faults;
  transcriptSegments: { min: number; max: number };
  transcriptSizes: number[];
  now: Date;
  shortPages: boolean;
  memoryWriteGrant: boolean;
  log: ((line: string) => void) | undefined;
}

export const DEFAULT_FAULTS: Faults = { latencyMs: 0, rateLimit: null, failEvery: null };

function truncateToHour(date: Date): Date {
  const copy = new Date(date.getTime());
  copy.setUTCMinutes(0, 0, 0);
  return copy;
}

function count(value: number | undefined, fallback: number, name: string): number {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${n}`);
  }
  return n;
}

function transcriptSize(n: number): number {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`transcriptSizes must be positive integers, got ${n}`);
  return n;
}

export function resolveOptions(options: SandboxOptions = {}): ResolvedOptions {
  const segments = options.transcriptSegments ?? { min: 20, max: 160 };
  if (!(segments.min >= 1 && segments.max >= segments.min)) {
    throw new RangeError(`transcriptSegments must satisfy 1 <= min <= max, got ${segments.min}..${segments.max}`);
  }
  return {
    port: count(options.port, 0, 'port'),
    seed: Math.trunc(options.seed ?? 42),
    memories: count(options.memories, 300, 'memories'),
    conversations: count(options.conversations, 120, 'conversations'),
    actionItems: count(options.actionItems, 200, 'actionItems'),
    flavor: options.flavor ?? 'real',
    hostile: options.hostile ?? false,
    faults: mergeFaults(DEFAULT_FAULTS, options.faults ?? {}),
    transcriptSegments: { min: Math.trunc(segments.min), max: Math.trunc(segments.max) },
    transcriptSizes: (options.transcriptSizes ?? []).map(transcriptSize),
    now: options.now ? new Date(options.now.getTime()) : truncateToHour(new Date()),
    shortPages: options.shortPages ?? true,
    memoryWriteGrant: options.memoryWriteGrant ?? true,
    log: options.log,
  };
}

export function mergeFaults(current: Faults, change: Partial<Faults>): Faults {
  return {
    latencyMs: change.latencyMs ?? current.latencyMs,
    rateLimit: change.rateLimit === undefined ? current.rateLimit : change.rateLimit,
    failEvery: change.failEvery === undefined ? current.failEvery : change.failEvery,
  };
}
