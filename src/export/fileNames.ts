// Safe file names for exports, including names made from Omi text (no vscode import: unit-tested).
import type { ListKind } from '../util/listKind';

/** What an export file holds, as the start of its name. */
const KIND_SLUGS: Record<ListKind, string> = {
  memories: 'memories',
  actionItems: 'action-items',
  conversations: 'conversations',
};

/** Most file systems allow 255 bytes per name; staying well below leaves room for temp suffixes and dedupe counters. */
export const MAX_NAME_BYTES = 150;

// Windows refuses these as a name's stem, whatever the extension (CON, con.txt, COM1.md, ...).
const RESERVED_STEM = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])$/i;
// Control characters (C0, DEL, C1), and invisible characters that can disguise a name (bidi overrides, zero widths).
const INVISIBLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/g;
// Separators on any platform, and the characters Windows forbids in names.
const FORBIDDEN = /[/\\:*?"<>|]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `2026-11-28T10-50-00`: the local-independent UTC time, with no characters that file systems refuse. */
export function fileTimestamp(date: Date): string {
  return date.toISOString().slice(0, 19).replace(/:/g, '-');
}

/** `omi-memories-2026-11-28T10-50-00.json` */
export function exportFileName(kind: ListKind, date: Date, extension: string): string {
  return `omi-${KIND_SLUGS[kind]}-${fileTimestamp(date)}${extension ? `.${extension}` : ''}`;
}

/** `omi-conversations-2026-11-28T10-50-00`: the folder of a Markdown export. */
export function exportFolderName(kind: ListKind, date: Date): string {
  return exportFileName(kind, date, '');
}

/**
 * Turns any text into one safe path segment: no separators or traversal, no control or invisible characters, not a
 * reserved Windows name, no leading dot (hidden, `..`), no trailing dot or space (Windows drops them), at most
 * `maxBytes` of UTF-8 without cutting a character in half. Never empty: `fallback` stands in.
 */
export function safeFileName(text: string, extension = '', fallback = 'untitled', maxBytes = MAX_NAME_BYTES): string {
  const suffix = extension ? `.${extension}` : '';
  const budget = Math.max(1, maxBytes - utf8Length(suffix));
  // A few times the byte budget is enough to fill it, and keeps a 1 MB title from costing anything.
  let stem = text
    .slice(0, budget * 4)
    .replace(LONE_SURROGATE, '')
    .replace(INVISIBLE, ' ')
    .replace(FORBIDDEN, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s-]+/, '');
  stem = truncateUtf8(stem, budget).replace(/[.\s]+$/, '');
  if (!stem) stem = fallback;
  if (RESERVED_STEM.test(stem.split('.')[0]!.trim())) stem = `_${stem}`;
  return `${truncateUtf8(stem, budget)}${suffix}`;
}

/** The first name not in `taken`: `name.md`, then `name (2).md`, `name (3).md`, ... Adds the result to `taken`. */
export function uniqueName(name: string, taken: Set<string>): string {
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const extension = dot > 0 ? name.slice(dot) : '';
  let candidate = name;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${stem} (${n})${extension}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

export function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The longest prefix of whole grapheme clusters (an emoji with its modifiers stays whole) within `maxBytes`. */
export function truncateUtf8(text: string, maxBytes: number): string {
  if (utf8Length(text) <= maxBytes) return text;
  let result = '';
  let bytes = 0;
  for (const { segment } of graphemes.segment(text)) {
    const size = utf8Length(segment);
    if (bytes + size > maxBytes) break;
    result += segment;
    bytes += size;
  }
  return result;
}
