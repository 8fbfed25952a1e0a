// What a webview page sends back, or what it kept in its saved state, is checked before use: pages render Omi text,
// so nothing they hand over is trusted (no vscode or Node import: the pages' own TypeScript projects read the
// protocols that use this).

/** An object with fields (not an array, not null): the only shape a page's message or saved state can have. */
export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A message a page posted, as a record, else undefined. */
export function pageMessage(value: unknown): Record<string, unknown> | undefined {
  return isPlainRecord(value) ? value : undefined;
}

/** The longest Omi id a page may send back. */
const MAX_ID_LENGTH = 200;

/** An Omi id a page sent back: a non-empty string of a sane length, else undefined. */
export function pageId(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_LENGTH ? value : undefined;
}
