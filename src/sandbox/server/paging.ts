import type { Flavor } from '../options';
import { ApiError } from './errors';

/**
 * Cuts the page from the stored rows, then drops the hidden ones, the way the real server drops locked rows
 * after its query: so a page can come back short while more pages follow.
 */
export function cutPage<R extends { hidden: boolean }>(rows: readonly R[], offset: number, limit: number): R[] {
  return rows.slice(offset, offset + limit).filter((row) => !row.hidden);
}

/**
 * Parses a `categories` comma list. Real flavor: an unknown value is a 400 worded like the real server's
 * (`Invalid category 'x' is not a valid MemoryCategory`). Documented flavor: any value is accepted and unknown
 * ones simply match nothing (the documentation's own example uses categories the server does not know).
 * Returns null when there is nothing to filter by.
 */
export function parseCategories(
  text: string | null,
  known: readonly string[],
  enumName: string,
  flavor: Flavor,
): Set<string> | null {
  const values = (text ?? '')
    .split(',')
    .map((value) => value.trim())
    .filter(Boolean);
  if (values.length === 0) {
    return null;
  }
  if (flavor === 'real') {
    const unknown = values.find((value) => !known.includes(value));
    if (unknown !== undefined) {
      throw new ApiError(400, `Invalid category '${unknown}' is not a valid ${enumName}`);
    }
  }
  return new Set(values);
}

/** Inclusive date range on a row's creation time; a row without one never matches a range. */
export function inRange(ms: number, start: number | null, end: number | null): boolean {
  if (start === null && end === null) {
    return true;
  }
  if (Number.isNaN(ms)) {
    return false;
  }
  return (start === null || ms >= start) && (end === null || ms <= end);
}
