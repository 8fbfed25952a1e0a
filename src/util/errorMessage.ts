// Turns any failure into one sentence a user can act on (no vscode import: unit-tested).
import * as l10n from '@vscode/l10n';
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
    return { message: l10n.t('Something went wrong: {0}', text), action: 'showLog' };
  }
  switch (error.kind) {
    case 'unauthorized':
      return {
        message:
          error.code === MISSING_API_KEY
            ? l10n.t('No Omi API key is set.')
            : l10n.t('Omi did not accept the API key. Set a new one.'),
        action: 'setKey',
      };
    case 'forbidden':
      return { message: `${error.message.replace(/\.$/, '')}.`, action: 'setKey' };
    case 'rateLimited': {
      const message =
        error.retryAfterMs !== undefined
          ? l10n.t("Omi's rate limit was reached. Try again in {0}.", formatWait(error.retryAfterMs))
          : l10n.t("Omi's rate limit was reached.");
      return { message, action: 'retry', retryAfterMs: error.retryAfterMs };
    }
    case 'network':
      return { message: l10n.t('Omi could not be reached. Check your connection, then retry.'), action: 'retry' };
    case 'timeout':
      return { message: l10n.t('Omi took too long to answer. Retry in a moment.'), action: 'retry' };
    case 'server':
      return {
        message: error.status
          ? l10n.t('The Omi server had a problem answering (HTTP {0}). Retry in a moment.', error.status)
          : l10n.t('The Omi server had a problem answering. Retry in a moment.'),
        action: 'retry',
      };
    case 'malformed':
      return {
        message: l10n.t('Omi sent an answer the extension could not read. Retry, or see the log.'),
        action: 'retry',
      };
    case 'aborted':
      return { message: l10n.t('Cancelled.'), action: 'none' };
    default:
      return { message: error.message, action: 'retry' };
  }
}
