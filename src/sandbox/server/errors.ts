import type { Flavor } from '../options';

/** One entry of FastAPI's 422 `detail` list. */
export interface ValidationIssue {
  type: string;
  loc: (string | number)[];
  msg: string;
  input: unknown;
  /** The limits a value broke, e.g. `{"max_length": 500}`. */
  ctx?: Record<string, unknown>;
}

/** The object `detail` of the real server's 403 when the account has not granted memory access. */
export interface GrantDetail {
  enabled: false;
  reason: string;
  code?: string;
  message?: string;
  /** Read refusals also say who asked and what stays hidden (consumer, archive_*, app_id, key_id). */
  [field: string]: unknown;
}

export type Detail = string | ValidationIssue[] | GrantDetail;

/** An error answer. The flavor decides its final shape (see `errorBody`). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: Detail,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(describeDetail(detail));
  }
}

const DOCUMENTED_CODES: Readonly<Record<number, string>> = {
  400: 'invalid_request',
  401: 'invalid_api_key',
  402: 'payment_required',
  403: 'insufficient_scope',
  404: 'not_found',
  405: 'method_not_allowed',
  429: 'rate_limit_exceeded',
  500: 'internal_error',
  503: 'service_unavailable',
};

function describeIssues(issues: readonly ValidationIssue[]): string {
  return issues.map((issue) => `Invalid value for '${issue.loc[issue.loc.length - 1]}': ${issue.msg}`).join('; ');
}

function describeDetail(detail: Detail): string {
  if (typeof detail === 'string') {
    return detail;
  }
  return Array.isArray(detail) ? describeIssues(detail) : (detail.message ?? detail.reason);
}

/**
 * Real flavor: FastAPI's `{"detail": ...}`. Documented flavor: `{"error": {"message", "code"}}`, and since the
 * documentation knows no 422, validation errors become 400 `invalid_request`.
 */
export function errorBody(flavor: Flavor, error: ApiError): { status: number; body: unknown } {
  if (flavor === 'real') {
    return { status: error.status, body: { detail: error.detail } };
  }
  const status = error.status === 422 ? 400 : error.status;
  const message = describeDetail(error.detail);
  return { status, body: { error: { message, code: DOCUMENTED_CODES[status] ?? 'error' } } };
}
