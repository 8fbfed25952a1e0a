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

/** Why Omi refused a request that was well formed; set by errorFromResponse, read by describeError. */
export const REFUSAL = {
  /** 403 "Insufficient permissions. Required scope: memories:write": the key lacks that scope. */
  missingScope: 'missing_scope',
  /** 403 with an object detail: the account has not allowed apps to use its memories. */
  accessDisabled: 'access_disabled',
  /** 402: the item is locked behind a paid plan. */
  planRequired: 'plan_required',
  /** 422: the server did not accept a value. */
  invalidValue: 'invalid_value',
  /** 404 "Not Found" (no such route) or 405: this server predates the endpoint. */
  endpointMissing: 'endpoint_missing',
  /** 404 with the server's own words ("Memory not found"): the item is gone. */
  itemMissing: 'item_missing',
} as const;

export type Refusal = (typeof REFUSAL)[keyof typeof REFUSAL];

/** The scope named by a 403 "Insufficient permissions. Required scope: memories:write", if any. */
export function requiredScope(error: OmiApiError): string | undefined {
  if (error.refusal !== REFUSAL.missingScope || typeof error.detail !== 'string') return undefined;
  return /scope:\s*([a-z_]+:[a-z]+)/i.exec(error.detail)?.[1];
}

export interface OmiApiErrorInit {
  kind: OmiApiErrorKind;
  /**
   * What happened, in English, for the log. The user's sentence comes from util/errorMessage.ts (describeError);
   * only errors made outside the client for a case of their own carry a sentence meant to be shown.
   */
  message: string;
  status?: number;
  /** What the server answered, as "403: its reason" (redacted), for the user's sentence. */
  answer?: string;
  code?: string;
  /** Why a well-formed request was turned down (4xx), when that is known. */
  refusal?: Refusal;
  retryAfterMs?: number;
  detail?: unknown;
}

/** The one error type the client throws. It never carries the API key. */
export class OmiApiError extends Error {
  override readonly name = 'OmiApiError';
  readonly kind: OmiApiErrorKind;
  readonly status?: number;
  readonly answer?: string;
  readonly code?: string;
  readonly refusal?: Refusal;
  /** How long the server asked to wait, for `rateLimited`. */
  readonly retryAfterMs?: number;
  /** The parsed body's detail, for debugging. */
  readonly detail?: unknown;

  constructor(init: OmiApiErrorInit) {
    super(init.message);
    this.kind = init.kind;
    this.status = init.status;
    this.answer = init.answer;
    this.code = init.code;
    this.refusal = init.refusal;
    this.retryAfterMs = init.retryAfterMs;
    this.detail = init.detail;
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      kind: this.kind,
      message: this.message,
      status: this.status,
      answer: this.answer,
      code: this.code,
      refusal: this.refusal,
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
