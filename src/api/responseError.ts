import { type ErrorBodySummary, summarizeErrorBody } from './errorBody';
import { OmiApiError, type OmiApiErrorKind, REDIRECT_REFUSED, REFUSAL, type Refusal } from './errors';
import { redactSecret } from './redact';
import { isRecord } from './validate';

export interface ErrorResponse {
  status: number;
  statusText: string;
  bodyText: string;
  /** For 429: how long the server asked to wait. */
  retryAfterMs?: number;
  /** Removed from anything the server's body says. */
  secret?: string;
}

export function kindForStatus(status: number): OmiApiErrorKind {
  switch (status) {
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 402:
      return 'forbidden';
    case 404:
      return 'notFound';
    case 429:
      return 'rateLimited';
    default:
      return status >= 400 && status < 500 ? 'invalidRequest' : 'server';
  }
}

/** Turns a non-2xx answer into one typed error; util/errorMessage.ts words it for the user. */
export function errorFromResponse(response: ErrorResponse): OmiApiError {
  const { status } = response;
  // Status 0 is how a browser-style fetch reports a redirect it was told not to follow ('opaqueredirect').
  if (status === 0 || (status >= 300 && status < 400)) {
    return new OmiApiError({
      kind: 'server',
      status,
      code: REDIRECT_REFUSED,
      message: `The server answered ${status || 'with'} a redirect, which is not followed with the key.`,
    });
  }
  const summary = redactSecret(summarizeErrorBody(response.bodyText), response.secret);
  const kind = kindForStatus(status);
  const reason = summary.reason ?? response.statusText.trim();
  const answer = reason ? `${status}: ${reason}` : String(status);
  return new OmiApiError({
    kind,
    status,
    answer,
    code: summary.code,
    refusal: refusalOf(status, summary),
    retryAfterMs: kind === 'rateLimited' ? response.retryAfterMs : undefined,
    detail: summary.detail,
    message: `Omi answered ${answer}.`,
  });
}

/** Which refusal a 4xx answer is, from its status and what its body says. */
function refusalOf(status: number, summary: ErrorBodySummary): Refusal | undefined {
  const { detail } = summary;
  switch (status) {
    case 402:
      return REFUSAL.planRequired;
    case 403:
      if (typeof detail === 'string' && /required scope/i.test(detail)) return REFUSAL.missingScope;
      return isRecord(detail) ? REFUSAL.accessDisabled : undefined;
    case 404:
      // FastAPI's own answer for a path it has no route for ("Not Found", in either body shape), as opposed to a
      // handler's "Memory not found".
      return summary.reason === undefined || summary.reason === 'Not Found'
        ? REFUSAL.endpointMissing
        : REFUSAL.itemMissing;
    case 405:
      return REFUSAL.endpointMissing;
    case 422:
      return REFUSAL.invalidValue;
    default:
      return undefined;
  }
}
