// Puts the managed block into the checklist file, keeping every byte outside it (no vscode import: unit-tested).
import * as l10n from '@vscode/l10n';

export const BEGIN_MARKER = '<!-- omi:begin -->';
export const END_MARKER = '<!-- omi:end -->';
const NEW_FILE_TITLE = '# Omi action items';

export type MergeResult =
  | { ok: true; text: string; changed: boolean; appended: boolean }
  | { ok: false; problem: string };

const markerLine = (marker: string) => new RegExp(`^[ \\t]*${marker}[ \\t]*(?=\\r?$)`, 'gm');

/** Where the block is: from the start of the begin marker to the end of the end marker, or undefined. */
function findBlock(existing: string): { begin?: RegExpExecArray; end?: RegExpExecArray } {
  const begin = markerLine(BEGIN_MARKER).exec(existing) ?? undefined;
  const endPattern = markerLine(END_MARKER);
  if (begin) endPattern.lastIndex = begin.index + begin[0].length;
  return { begin, end: endPattern.exec(existing) ?? undefined };
}

/** The text between the markers (exclusive), or undefined when the file has no complete block. */
export function managedBlockText(existing: string | undefined): string | undefined {
  if (!existing) return undefined;
  const { begin, end } = findBlock(existing);
  return begin && end ? existing.slice(begin.index + begin[0].length, end.index) : undefined;
}

/**
 * Replaces the text from the begin marker to the end marker (each alone on its line) with the block, written with
 * the file's own line endings. A file without markers gets the block appended; a new or empty file gets a title
 * and the block. A file with only one of the markers is refused: its owner must fix it, or text would be lost.
 */
export function mergeManagedBlock(existing: string | undefined, block: readonly string[]): MergeResult {
  if (!existing) {
    const text = [NEW_FILE_TITLE, '', ...block, ''].join('\n');
    return { ok: true, text, changed: text !== existing, appended: false };
  }
  const eol = existing.includes('\r\n') ? '\r\n' : '\n';
  const rendered = block.join(eol);
  const { begin, end } = findBlock(existing);
  if (begin && end) {
    const text = existing.slice(0, begin.index) + rendered + existing.slice(end.index + end[0].length);
    return { ok: true, text, changed: text !== existing, appended: false };
  }
  if (begin || end) {
    return {
      ok: false,
      problem: l10n.t(
        'it has {0} without {1}. Restore the missing marker (or remove both) and sync again.',
        begin ? BEGIN_MARKER : END_MARKER,
        begin ? END_MARKER : BEGIN_MARKER,
      ),
    };
  }
  const separator = existing.endsWith('\n') ? eol : `${eol}${eol}`;
  return { ok: true, text: `${existing}${separator}${rendered}${eol}`, changed: true, appended: true };
}
