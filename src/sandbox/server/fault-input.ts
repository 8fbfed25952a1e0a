import { FAIL_MODES, type FailMode, type Faults } from '../options';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function positiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

/** Reads a `Partial<Faults>` from untrusted JSON (the admin route). Throws an Error saying what is wrong. */
export function parseFaults(input: unknown): Partial<Faults> {
  if (!isRecord(input)) {
    throw new Error('Expected a JSON object like {"latencyMs": 200}');
  }
  const faults: Partial<Faults> = {};
  if ('latencyMs' in input) {
    const latency = input.latencyMs;
    if (typeof latency !== 'number' || !Number.isFinite(latency) || latency < 0) {
      throw new Error('latencyMs must be a number >= 0');
    }
    faults.latencyMs = latency;
  }
  if ('rateLimit' in input) {
    const rateLimit = input.rateLimit;
    if (rateLimit === null || rateLimit === 'flavor') {
      faults.rateLimit = rateLimit;
    } else if (isRecord(rateLimit) && positiveInteger(rateLimit.limit) && positiveInteger(rateLimit.windowMs)) {
      faults.rateLimit = { limit: rateLimit.limit, windowMs: rateLimit.windowMs };
    } else {
      throw new Error('rateLimit must be null, "flavor" or {"limit": N, "windowMs": MS} with positive integers');
    }
  }
  if ('failEvery' in input) {
    const failEvery = input.failEvery;
    if (failEvery === null) {
      faults.failEvery = null;
    } else if (
      isRecord(failEvery) &&
      positiveInteger(failEvery.n) &&
      FAIL_MODES.includes(failEvery.mode as FailMode) &&
      (failEvery.first === undefined || positiveInteger(failEvery.first))
    ) {
      faults.failEvery = { n: failEvery.n, mode: failEvery.mode as FailMode };
      if (failEvery.first !== undefined) faults.failEvery.first = failEvery.first;
    } else {
      throw new Error(
        `failEvery must be null or {"n": N, "mode": one of ${FAIL_MODES.join(', ')}, "first"?: N} with positive integers`,
      );
    }
  }
  return faults;
}
