import { formatDuration } from '../util/time';
import { abortedError, isOmiApiError, OmiApiError } from './errors';
import { isRecord } from './validate';

export interface FailureContext {
  /** The caller's signal: if it aborted, the failure is a cancellation whatever the error says. */
  callerSignal?: AbortSignal;
  /** The per-attempt timeout's signal. */
  timeoutSignal: AbortSignal;
  timeoutMs: number;
  host: string;
}

/**
 * Turns whatever a fetch threw (TypeError "fetch failed", socket errors, aborts) into an OmiApiError. The thrown
 * value is not kept: wrappers such as ofetch's FetchError hold the request options, headers and key included.
 */
export function errorFromFailure(thrown: unknown, context: FailureContext): OmiApiError {
  if (context.callerSignal?.aborted) {
    return abortedError();
  }
  if (context.timeoutSignal.aborted) {
    return new OmiApiError({
      kind: 'timeout',
      message: `The Omi server at ${context.host} did not answer within ${describeDuration(context.timeoutMs)}.`,
    });
  }
  if (isOmiApiError(thrown)) {
    return thrown;
  }
  const code = findErrorCode(thrown);
  return new OmiApiError({
    kind: 'network',
    code,
    message: `Could not reach the Omi server at ${context.host}${code ? ` (${code})` : ''}.`,
  });
}

/** The first system error code (ECONNRESET, ENOTFOUND, UND_ERR_SOCKET, ...) along the `cause` chain. */
function findErrorCode(thrown: unknown): string | undefined {
  let current: unknown = thrown;
  for (let depth = 0; depth < 5 && isRecord(current); depth++) {
    if (typeof current.code === 'string' && /^[A-Z][A-Z0-9_]+$/.test(current.code)) {
      return current.code;
    }
    current = current.cause;
  }
  return undefined;
}

function describeDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : formatDuration(ms / 1000, { units: 'long' });
}
