import { invalidRequestError } from './errors';

export type QueryValue = string | number | boolean | Date | readonly string[] | undefined | null;

/**
 * Encodes parameters the way the server parses them: lists comma-joined (`categories=personal,work`, omitted when
 * empty), dates as ISO-8601 in UTC with `Z`, booleans as `true`/`false`, integers in decimal. `undefined`, `null`
 * and empty strings are left out. Returns '' or a string starting with '?'. Throws `invalidRequest` for values
 * the server would refuse, before any request is made.
 */
export function buildQuery(params: Readonly<Record<string, QueryValue>>): string {
  const pairs: string[] = [];
  for (const [name, value] of Object.entries(params)) {
    const encoded = encodeValue(name, value);
    if (encoded !== undefined) {
      pairs.push(`${encodeURIComponent(name)}=${encodeQueryText(encoded)}`);
    }
  }
  return pairs.length > 0 ? `?${pairs.join('&')}` : '';
}

/** Parses a caller's date (a Date or any string `Date` understands) so it can be re-sent as ISO-8601 with `Z`. */
export function toDate(value: Date | string, name: string): Date {
  const date = typeof value === 'string' ? new Date(value.trim()) : value;
  if (Number.isNaN(date.getTime())) {
    throw invalidRequestError(`${name} is not a valid date.`);
  }
  return date;
}

function encodeValue(name: string, value: QueryValue): string | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value === 'boolean') {
    return value ? 'true' : 'false';
  }
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw invalidRequestError(`${name} must be a whole number of 0 or more.`);
    }
    return String(value);
  }
  if (value instanceof Date) {
    return toDate(value, name).toISOString();
  }
  if (typeof value === 'string') {
    return value === '' ? undefined : value;
  }
  const items = value.map((item) => item.trim()).filter((item) => item !== '');
  return items.length > 0 ? items.join(',') : undefined;
}

// ',' and ':' are legal in a query value; keeping them readable makes `categories=personal,work` and dates in logs
// and tests look like the documentation.
function encodeQueryText(text: string): string {
  return encodeURIComponent(text).replace(/%2C/gi, ',').replace(/%3A/gi, ':');
}
