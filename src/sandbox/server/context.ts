import type { Dataset } from '../data/dataset';
import type { Faults, ResolvedOptions } from '../options';
import type { SandboxRequest } from '../types';
import type { FixedWindowLimiter } from './rate-limiter';

/** What lives as long as the server: data, faults and counters. */
export interface ServerState {
  readonly options: ResolvedOptions;
  readonly dataset: Dataset;
  readonly limiter: FixedWindowLimiter;
  readonly requests: SandboxRequest[];
  faults: Faults;
  /** Data requests seen since `faults.failEvery` was last set. */
  dataRequests: number;
  /** Keys created through POST /keys, for deriving the next one deterministically. */
  createdKeys: number;
  /** Items created through write endpoints, for deriving ids deterministically. */
  createdItems: number;
  /** Whether the account lets the Developer API write memories (403 with an object detail when not). */
  memoryWriteGrant: boolean;
  /** When the server started (ms since the epoch, real time): the sandbox's clock runs from `options.now`. */
  readonly startedAt: number;
}

/**
 * The sandbox's "now": `options.now` when the server started, advancing in real time. What "today" and
 * "yesterday" mean to the data (POST /user/ask, daily summaries), so tests with a fixed `now` are deterministic.
 */
export function sandboxNow(state: ServerState): number {
  return state.options.now.getTime() + (Date.now() - state.startedAt);
}

/** One /v1/dev request, with its path relative to /v1/dev. */
export interface RequestContext {
  readonly state: ServerState;
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly authorization: string | undefined;
  readonly body: string;
  /** Headers every answer to this request carries, errors included (the documented flavor's rate-limit headers). */
  readonly headers: Record<string, string>;
}

export interface Reply {
  status: number;
  /** Serialized as JSON; absent for 204. */
  body?: unknown;
  headers?: Readonly<Record<string, string>>;
}

export function json(body: unknown, status = 200): Reply {
  return { status, body };
}
