export type OmiApiErrorKind =
  | 'unauthorized'
  | 'forbidden'
  | 'notFound'
  | 'invalidRequest'
  | 'rateLimited'
  | 'server'
  | 'network'
  | 'timeout'
  | 'malformed'
  | 'aborted';

/** Set on a 401 from the key-management routes: the real server only accepts the Omi app's sign-in there. */
export const KEY_MANAGEMENT_UNAVAILABLE = 'key_management_unavailable';

/** Set when the server answered with a redirect, which the client refuses to follow with the key. */
export const REDIRECT_REFUSED = 'redirect_refused';

/** Set when no API key is stored, before any request is made. */
export const MISSING_API_KEY = 'missing_api_key';

export interface OmiApiErrorInit {
  kind: OmiApiErrorKind;
  /** One readable sentence for the user. */
  message: string;
  status?: number;
  code?: string;
  retryAfterMs?: number;
  detail?: unknown;
}

/** The one error type the client throws. It never carries the API key. */
export class OmiApiError extends Error {
  override readonly name = 'OmiApiError';
  readonly kind: OmiApiErrorKind;
  readonly status?: number;
  readonly code?: string;
  /** How long the server asked to wait, for `rateLimited`. */
  readonly retryAfterMs?: number;
  /** The parsed body's detail, for debugging. */
  readonly detail?: unknown;

  constructor(init: OmiApiErrorInit) {
    super(init.message);
    this.kind = init.kind;
    this.status = init.status;
    this.code = init.code;
    this.retryAfterMs = init.retryAfterMs;
    this.detail = init.detail;
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      kind: this.kind,
      message: this.message,
      status: this.status,
      code: this.code,
      retryAfterMs: this.retryAfterMs,
      detail: this.detail,
    };
  }
}

/** Also recognises an OmiApiError made by another copy of this module (another bundle in the same process). */
export function isOmiApiError(value: unknown): value is OmiApiError {
  if (value instanceof OmiApiError) return true;
  return (
    value instanceof Error && value.name === 'OmiApiError' && typeof (value as { kind?: unknown }).kind === 'string'
  );
}

export function abortedError(): OmiApiError {
  return new OmiApiError({ kind: 'aborted', message: 'The request to Omi was cancelled.' });
}

export function missingKeyError(): OmiApiError {
  return new OmiApiError({
    kind: 'unauthorized',
    code: MISSING_API_KEY,
    message: 'No Omi API key is set. Set one with “Omi: Set API Key”.',
  });
}

export function invalidRequestError(message: string): OmiApiError {
  return new OmiApiError({ kind: 'invalidRequest', message });
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    throw abortedError();
  }
}
