import { isRecord } from './validate';

/** What an error response body says, reduced to something a sentence can be built from. */
export interface ErrorBodySummary {
  /** Short human text from the server, without a trailing period. */
  reason?: string;
  code?: string;
  /** The body's `detail` (FastAPI) or `error` (documented envelope), as parsed. */
  detail?: unknown;
}

const MAX_REASON_LENGTH = 200;
const MAX_VALIDATION_ERRORS_SHOWN = 3;
/** FastAPI prefixes each validation error's location with where the value came from. */
const LOCATION_SOURCES = new Set(['query', 'path', 'body', 'header', 'cookie']);

/**
 * Reads the error bodies Omi servers send: FastAPI's `{"detail": string | [validation errors] | {reason, message}}`
 * and the documented `{"error": {"message", "code"}}`. Anything else (empty, HTML from a proxy) gives an empty summary.
 */
export function summarizeErrorBody(bodyText: string): ErrorBodySummary {
  const body = parseJson(bodyText);
  if (typeof body === 'string') {
    return { reason: cleanReason(body) };
  }
  if (!isRecord(body)) {
    return {};
  }
  if ('detail' in body) {
    return summarizeDetail(body.detail);
  }
  if (isRecord(body.error)) {
    return {
      reason: cleanReason(body.error.message),
      code: stringOrUndefined(body.error.code),
      detail: body.error,
    };
  }
  return { reason: cleanReason(body.message), code: stringOrUndefined(body.code) };
}

function summarizeDetail(detail: unknown): ErrorBodySummary {
  if (typeof detail === 'string') {
    return { reason: cleanReason(detail), detail };
  }
  if (Array.isArray(detail)) {
    return { reason: summarizeValidationErrors(detail), detail };
  }
  if (isRecord(detail)) {
    // 403 memory-access answers: {enabled: false, reason, code?, message?}
    return {
      reason: cleanReason(detail.message) ?? cleanReason(detail.reason),
      code: stringOrUndefined(detail.code),
      detail,
    };
  }
  return { detail };
}

/** `[{loc: ['query', 'limit'], msg: 'Input should be a valid integer'}]` -> "limit: Input should be a valid integer". */
function summarizeValidationErrors(errors: readonly unknown[]): string | undefined {
  const lines = errors.filter(isRecord).map(describeValidationError);
  const shown = lines.filter((line): line is string => line !== undefined).slice(0, MAX_VALIDATION_ERRORS_SHOWN);
  if (shown.length === 0) {
    return undefined;
  }
  const hidden = errors.length - shown.length;
  return cleanReason(shown.join('; ') + (hidden > 0 ? ` (and ${hidden} more)` : ''));
}

function describeValidationError(error: Record<string, unknown>): string | undefined {
  const message = cleanReason(error.msg);
  if (message === undefined) {
    return undefined;
  }
  const location = Array.isArray(error.loc)
    ? error.loc
        .filter((part, index) => !(index === 0 && typeof part === 'string' && LOCATION_SOURCES.has(part)))
        .map(String)
        .join('.')
    : '';
  return location ? `${location}: ${message}` : message;
}

function cleanReason(value: unknown): string | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  const oneLine = value.replace(/\s+/g, ' ').trim().replace(/\.+$/, '');
  if (!oneLine) {
    return undefined;
  }
  return oneLine.length > MAX_REASON_LENGTH ? oneLine.slice(0, MAX_REASON_LENGTH - 1) + '…' : oneLine;
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
