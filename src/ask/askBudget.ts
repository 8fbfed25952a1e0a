// How many questions Omi will still answer this hour, as far as this machine knows (no vscode import).

/** The Omi cloud answers 25 questions an hour per key. */
export const ASKS_PER_HOUR = 25;
const HOUR = 60 * 60 * 1000;
/** From this many left on, the panel and the input say how many remain. */
export const FEW_LEFT = 5;

/**
 * The times of the questions asked in the last hour (kept by the caller across windows), and, after a 429, when Omi
 * said asking works again. The server sends no count before a 429, so this counts what this machine asked.
 */
export interface AskBudgetState {
  askedAt: number[];
  blockedUntil?: number;
}

export function recordAsk(state: AskBudgetState, now: number): AskBudgetState {
  return { ...state, askedAt: [...recent(state, now), now] };
}

export function recordRateLimit(state: AskBudgetState, now: number, retryAfterMs: number): AskBudgetState {
  return { ...state, blockedUntil: now + retryAfterMs };
}

function recent(state: AskBudgetState, now: number): number[] {
  return state.askedAt.filter((at) => now - at < HOUR && at <= now);
}

/** Questions left this hour (0 while Omi said to wait), and when the next one frees up. */
export function remaining(state: AskBudgetState, now: number): { left: number; freeAt?: number } {
  if (state.blockedUntil !== undefined && state.blockedUntil > now) return { left: 0, freeAt: state.blockedUntil };
  const asked = recent(state, now).sort((a, b) => a - b);
  const left = Math.max(0, ASKS_PER_HOUR - asked.length);
  const oldest = asked[0];
  return { left, freeAt: left === 0 && oldest !== undefined ? oldest + HOUR : undefined };
}
