// Which rows a VS Code quick pick shows for the text typed into it (no vscode import: unit-tested in plain Node).
//
// These are the rules of VS Code 1.100's quick pick filter (quickInputTree.ts `filter`, filters.ts `matchesFuzzy`
// without separate substrings) for a pick that matches on label and description:
// - the typed text is trimmed; empty shows every row;
// - a row shows when its label or description (`$(icon)` markers aside) contains the text, case-insensitively,
//   with `*` standing for any run of characters;
// - or when the text spells out the starts of its words in order ("word starts", VS Code's camel-case match).
// Which row is shown *first* is another matter: VS Code sorts the rows matching by label its own way.

export interface Searchable {
  label: string;
  description?: string;
}

const ICON = /\$\([A-Za-z0-9~-]+\)/g;
const REGEXP_SPECIAL = /[.+?^${}()|[\]\\/-]/g;

/** The first of `rows`, in the order given, that the quick pick shows for `typed`. */
export function firstShown<T extends Searchable>(rows: readonly T[], typed: string): T | undefined {
  return rows.find((row) => isShown(row, typed));
}

export function isShown(row: Searchable, typed: string): boolean {
  const query = typed.trim();
  if (!query) return true;
  return matches(query, row.label) || (row.description !== undefined && matches(query, row.description));
}

/** Whether `query` (trimmed, non-empty) picks out `text` by either rule. */
export function matches(query: string, text: string): boolean {
  const plain = text.replace(ICON, '');
  return containsWithWildcards(query, plain) || spellsWordStarts(query, plain.replace(/^ +/, ''));
}

function containsWithWildcards(query: string, text: string): boolean {
  const pattern = query
    .split('*')
    .map((part) => part.replace(REGEXP_SPECIAL, '\\$&'))
    .join('.*');
  return new RegExp(pattern, 'i').test(text);
}

const isUpper = (c: string) => c >= 'A' && c <= 'Z';
const isLower = (c: string) => c >= 'a' && c <= 'z';
const isDigit = (c: string) => c >= '0' && c <= '9';
const isAlphanumeric = (c: string) => isUpper(c) || isLower(c) || isDigit(c);

/** VS Code tries word starts only for queries with few capitals (or short one-case words). */
function queryMayBeWordStarts(query: string): boolean {
  const chars = [...query];
  const upper = chars.filter(isUpper).length;
  const lower = chars.filter(isLower).length;
  const spaces = chars.filter((c) => /\s/.test(c)).length;
  return (upper === 0 || lower === 0) && spaces === 0 ? query.length <= 30 : upper <= 5;
}

/**
 * The text as VS Code reads it for word starts (its first 60 characters), or undefined when it does not look like
 * words: mostly letters with some lower case, or all capitals (then read in lower case).
 */
function wordsOf(text: string): string | undefined {
  const words = text.trim().slice(0, 60);
  if (!words) return undefined;
  const chars = [...words];
  const share = (test: (c: string) => boolean) => chars.filter(test).length / words.length;
  const upper = share(isUpper);
  const lower = share(isLower);
  if (lower > 0.2 && upper < 0.8 && share(isAlphanumeric) > 0.6 && share(isDigit) < 0.2) return words;
  if (lower === 0 && upper > 0.6) return words.toLowerCase();
  return undefined;
}

/** A word starts at a capital, a digit, or after anything that is not a letter or digit. */
function isWordStart(words: string, at: number): boolean {
  const c = words.charAt(at);
  return isUpper(c) || isDigit(c) || (at > 0 && !isAlphanumeric(words.charAt(at - 1)));
}

/**
 * Whether the query's characters can be found in order, each either right after the previous one or at a later
 * word start, beginning at the first character or at any word start.
 */
function spellsWordStarts(query: string, text: string): boolean {
  if (!queryMayBeWordStarts(query)) return false;
  const words = wordsOf(text);
  if (words === undefined) return false;
  const wanted = query.toLowerCase();
  const failed = new Set<number>();
  const from = (q: number, w: number): boolean => {
    if (q === wanted.length) return true;
    if (w >= words.length || wanted[q] !== words.charAt(w).toLowerCase()) return false;
    const key = q * (words.length + 1) + w;
    if (failed.has(key)) return false;
    for (let next = w + 1; next < words.length; next++) {
      if ((next === w + 1 || isWordStart(words, next)) && from(q + 1, next)) return true;
    }
    if (q + 1 === wanted.length) return true;
    failed.add(key);
    return false;
  };
  for (let start = 0; start < words.length; start++) {
    if ((start === 0 || isWordStart(words, start)) && from(0, start)) return true;
  }
  return false;
}
