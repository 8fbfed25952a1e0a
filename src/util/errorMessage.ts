// Turns any failure into one sentence a user can act on (no vscode import: unit-tested).
import { isOmiApiError, MISSING_API_KEY } from '../api/errors';

export interface UserFacingError {
  message: string;
  /** What the user can do next; the UI offers it as a button or row. */
  action: 'retry' | 'setKey' | 'showLog' | 'none';
  retryAfterMs?: number;
}

export function formatWait(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 90) return `${seconds} s`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 90) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

export function describeError(error: unknown): UserFacingError {
  if (!isOmiApiError(error)) {
    const text = error instanceof Error ? error.message : String(error);
    return { message: `Something went wrong: ${text}`, action: 'showLog' };
  }
  switch (error.kind) {
    case 'unauthorized':
      return {
        message:
          error.code === MISSING_API_KEY ? 'No Omi API key is set.' : 'Omi did not accept the API key. Set a new one.',
        action: 'setKey',
      };
    case 'forbidden':
      return { message: `${error.message.replace(/\.$/, '')}.`, action: 'setKey' };
    case 'rateLimited': {
      const wait = error.retryAfterMs !== undefined ? ` Try again in ${formatWait(error.retryAfterMs)}.` : '';
      return { message: `Omi's rate limit was reached.${wait}`, action: 'retry', retryAfterMs: error.retryAfterMs };
    }
    case 'network':
      return { message: 'Omi could not be reached. Check your connection, then retry.', action: 'retry' };
    case 'timeout':
      return { message: 'Omi took too long to answer. Retry in a moment.', action: 'retry' };
    case 'server':
      return {
        message: `The Omi server had a problem answering${error.status ? ` (HTTP ${error.status})` : ''}. Retry in a moment.`,
        action: 'retry',
      };
    case 'malformed':
      return { message: 'Omi sent an answer the extension could not read. Retry, or see the log.', action: 'retry' };
    case 'aborted':
      return { message: 'Cancelled.', action: 'none' };
    default:
      return { message: error.message, action: 'retry' };
  }
}
