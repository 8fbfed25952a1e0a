import { buildDataset } from '../data/dataset';
import { type Faults, mergeFaults, type ResolvedOptions } from '../options';
import type { ServerState } from './context';
import { FixedWindowLimiter } from './rate-limiter';

export function createState(options: ResolvedOptions): ServerState {
  return {
    options,
    dataset: buildDataset(options),
    limiter: new FixedWindowLimiter(),
    requests: [],
    faults: options.faults,
    dataRequests: 0,
    createdKeys: 0,
    createdItems: 0,
    memoryWriteGrant: options.memoryWriteGrant,
    startedAt: Date.now(),
  };
}

/** Changes the faults; a new `failEvery` restarts its count and a new `rateLimit` starts fresh windows. */
export function applyFaults(state: ServerState, change: Partial<Faults>): void {
  state.faults = mergeFaults(state.faults, change);
  if (change.failEvery !== undefined) {
    state.dataRequests = 0;
  }
  if (change.rateLimit !== undefined) {
    state.limiter.clear();
  }
}
