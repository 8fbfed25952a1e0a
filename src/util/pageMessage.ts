// What a webview page sends back is checked before use: pages render Omi text, so nothing they send is trusted
// (no vscode or Node import: the pages' own TypeScript projects read the protocols that use this).

/** A message a page posted, as a record: pages render Omi text, so nothing they send is trusted as it is. */
export function pageMessage(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}

/** An Omi id a page sent back: a non-empty string of a sane length, else undefined. */
export function pageId(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 && value.length < 200 ? value : undefined;
}
