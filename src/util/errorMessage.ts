// Turns any failure into one sentence a user can act on (no vscode import: unit-tested).
import * as l10n from '@vscode/l10n';
import { summarizeErrorBody } from '../api/errorBody';
import {
  isOmiApiError,
  MISSING_API_KEY,
  type OmiApiError,
  REDIRECT_REFUSED,
  REFUSAL,
  requiredScope,
} from '../api/errors';
import { formatDuration } from './time';

export interface UserFacingError {
  message: string;
  /** What the user can do next; the UI offers it as a button or row. */
  action: 'retry' | 'setKey' | 'showLog' | 'none';
  retryAfterMs?: number;
}

export function describeError(error: unknown): UserFacingError {
  if (!isOmiApiError(error)) {
    const text = error instanceof Error ? error.message : String(error);
    return { message: l10n.t('Something went wrong: {0}', text), action: 'showLog' };
  }
  if (error.code === REDIRECT_REFUSED) {
    return {
      message: l10n.t('The server redirected to another address; refusing to send your key there.'),
      action: 'none',
    };
  }
  const refusal = describeRefusal(error);
  if (refusal) return refusal;
  // An error made outside the client for a case of its own (no server answer) carries its own sentence.
  const answer = error.answer;
  switch (error.kind) {
    case 'unauthorized':
      if (error.code === MISSING_API_KEY) return { message: l10n.t('No Omi API key is set.'), action: 'setKey' };
      return {
        message: answer
          ? l10n.t('Omi did not accept the API key: it is invalid or has been revoked ({0}). Set a new one.', answer)
          : l10n.t('Omi did not accept the API key. Set a new one.'),
        action: 'setKey',
      };
    case 'forbidden':
      return {
        message: answer ? l10n.t('Omi refused access with this key ({0}).', answer) : error.message,
        action: 'setKey',
      };
    case 'notFound':
      return {
        message: answer ? l10n.t('Omi could not find what was asked for ({0}).', answer) : error.message,
        action: 'retry',
      };
    case 'invalidRequest':
      return {
        message: answer ? l10n.t('Omi rejected the request ({0}).', answer) : error.message,
        action: 'retry',
      };
    case 'rateLimited': {
      const message =
        error.retryAfterMs !== undefined
          ? l10n.t(
              "Omi's rate limit was reached. Try again in {0}.",
              formatDuration(error.retryAfterMs / 1000, { round: 'up' }),
            )
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

const SCOPE_RESOURCES: Record<string, () => string> = {
  memories: () => l10n.t('memories'),
  action_items: () => l10n.t('action items'),
  conversations: () => l10n.t('conversations'),
  goals: () => l10n.t('goals'),
};

/** A well-formed request that Omi turned down: what is missing, and where to get it. */
function describeRefusal(error: OmiApiError): UserFacingError | undefined {
  const reason = summarizeErrorBody(JSON.stringify({ detail: error.detail })).reason;
  switch (error.refusal) {
    case REFUSAL.missingScope: {
      const [resource, access] = (requiredScope(error) ?? '').split(':');
      if (access === 'write') {
        return {
          message: l10n.t(
            'This key is read-only. Create a key with write access in the Omi app (Settings > Developer) and run Omi: Set API Key.',
          ),
          action: 'setKey',
        };
      }
      const what = SCOPE_RESOURCES[resource ?? '']?.() ?? l10n.t('this data');
      return {
        message: l10n.t(
          'This key may not read {0}. Create a key with access to them in the Omi app (Settings > Developer) and run Omi: Set API Key.',
          what,
        ),
        action: 'setKey',
      };
    }
    case REFUSAL.accessDisabled: {
      const said = errorDetailReason(error.detail);
      return {
        message: said
          ? l10n.t('Your Omi account does not allow this yet ({0}). Turn it on in the Omi app, then try again.', said)
          : l10n.t('Your Omi account does not allow this yet. Turn it on in the Omi app, then try again.'),
        action: 'none',
      };
    }
    case REFUSAL.planRequired:
      return {
        message: l10n.t(
          'This item is locked: changing it needs a paid Omi plan. Upgrade in the Omi app, then try again.',
        ),
        action: 'none',
      };
    case REFUSAL.invalidValue:
      return {
        message: reason
          ? l10n.t('Omi did not accept the change ({0}).', reason)
          : l10n.t('Omi did not accept the change.'),
        action: 'none',
      };
    case REFUSAL.endpointMissing:
      return {
        message: l10n.t('This Omi server does not offer this. The Omi cloud (api.omi.me) and newer servers do.'),
        action: 'none',
      };
    case REFUSAL.itemMissing:
      return {
        message: l10n.t(
          'It is no longer in Omi: it was deleted, perhaps in the Omi app. Refresh to see what is there now.',
        ),
        action: 'none',
      };
    default:
      return undefined;
  }
}

/** The words of a 403 object detail ({enabled: false, reason, message?}). */
function errorDetailReason(detail: unknown): string | undefined {
  if (typeof detail !== 'object' || detail === null) return undefined;
  const { message, reason } = detail as { message?: unknown; reason?: unknown };
  const said = typeof message === 'string' ? message : typeof reason === 'string' ? reason : undefined;
  return said?.replace(/\s+/g, ' ').trim().replace(/\.$/, '') || undefined;
}
