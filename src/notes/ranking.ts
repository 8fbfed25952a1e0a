// Which Omi items match the words typed after a completion trigger, best first (no vscode import: unit-tested).
// Only what is already loaded is ranked: typing never costs a request.

export interface Candidate<T> {
  value: T;
  /** The text the words are looked for in. */
  text: string;
  /** Milliseconds since the epoch; newer first among equals. */
  time: number;
}

/** The words of a query: letters and digits in any script, lower-cased. */
export function queryWords(query: string): string[] {
  return query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * How well `text` holds every word: 0 when a word is missing; otherwise a word found at the start of a word counts
 * 2, inside a word 1, and the whole query found as typed counts 3 more.
 */
export function matchScore(text: string, words: readonly string[], phrase = ''): number {
  const lower = text.toLowerCase();
  let score = 0;
  for (const word of words) {
    const at = lower.indexOf(word);
    if (at < 0) return 0;
    const startsWord = new RegExp(`(^|[^\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'u');
    score += startsWord.test(lower) ? 2 : 1;
  }
  if (phrase && words.length > 1 && lower.includes(phrase.toLowerCase().trim())) score += 3;
  return score;
}

/** The candidates holding every word of the query, best first, newest first among equals; all (newest first) for none. */
export function rankCandidates<T>(query: string, candidates: readonly Candidate<T>[], limit: number): T[] {
  const words = queryWords(query);
  const scored = candidates
    .map((candidate, index) => ({
      candidate,
      index,
      score: words.length ? matchScore(candidate.text, words, query) : 1,
    }))
    .filter((entry) => entry.score > 0);
  scored.sort((a, b) => b.score - a.score || b.candidate.time - a.candidate.time || a.index - b.index);
  return scored.slice(0, limit).map((entry) => entry.candidate.value);
}

export type TriggerMatch = { kind: 'mention'; start: number; query: string } | { kind: 'link'; start: number };

/**
 * Whether the text before the cursor ends in a completion trigger: `@omi` (or its start, `@`, `@o`, `@om`) after a
 * space or the line's start, followed by the words to look for; or an Omi link being typed.
 */
export function matchTrigger(linePrefix: string, extensionId: string): TriggerMatch | undefined {
  const mention = /(^|[\s([{>"'*_])@(?:omi(?:\s+([^@\r\n]*))?|om|o)?$/i.exec(linePrefix);
  if (mention) {
    const start = mention.index + mention[1]!.length;
    return { kind: 'mention', start, query: (mention[2] ?? '').trim() };
  }
  const id = extensionId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const link = new RegExp(`\\b[a-z][a-z0-9+.-]*://${id}/?[A-Za-z]*$`, 'i').exec(linePrefix);
  if (link) return { kind: 'link', start: link.index };
  return undefined;
}
