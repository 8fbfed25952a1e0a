import type { Flavor } from '../options';

/** One entry of FastAPI's 422 `detail` list. */
export interface ValidationIssue {
  type: string;
  loc: (string | number)[];
  msg: string;
  input: unknown;
}

export type Detail = string | ValidationIssue[];

/** An error answer. The flavor decides its final shape (see `errorBody`). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: Detail,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(typeof detail === 'string' ? detail : detail.map((issue) => issue.msg).join('; '));
  }
}

const DOCUMENTED_CODES: Readonly<Record<number, string>> = {
  400: 'invalid_request',
  401: 'invalid_api_key',
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

/**
 * Real flavor: FastAPI's `{"detail": ...}`. Documented flavor: `{"error": {"message", "code"}}`, and since the
 * documentation knows no 422, validation errors become 400 `invalid_request`.
 */
export function errorBody(flavor: Flavor, error: ApiError): { status: number; body: unknown } {
  if (flavor === 'real') {
    return { status: error.status, body: { detail: error.detail } };
  }
  const status = error.status === 422 ? 400 : error.status;
  const message = typeof error.detail === 'string' ? error.detail : describeIssues(error.detail);
  return { status, body: { error: { message, code: DOCUMENTED_CODES[status] ?? 'error' } } };
}
