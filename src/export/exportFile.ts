// An export file being written: a body streamed page by page, then put in place atomically (no vscode import).
import type { TextSink } from './jsonExportWriter';

/**
 * A file written in three steps, so that its name only ever shows a complete file: the body is streamed to a hidden
 * temporary file in the target's folder, `complete` adds what comes before and after it, and `place` renames the
 * result onto its name.
 */
export interface ExportFile extends TextSink {
  complete(head: string, tail: string): Promise<void>;
  /** Throws TargetExistsError when `name` exists and `replace` is false; the completed file stays for another try. */
  place(name: string, replace: boolean): Promise<void>;
  /** Removes every temporary file. Safe to call more than once, and after `place`. */
  discard(): Promise<void>;
}

export class TargetExistsError extends Error {
  override readonly name = 'TargetExistsError';

  constructor(readonly target: string) {
    super(`${target} already exists.`);
  }
}

/** A random, hidden name for a temporary file beside `name`, so a rename stays on the same file system. */
export function temporaryName(name: string, purpose: 'part' | 'tmp'): string {
  const random = Math.random().toString(36).slice(2, 10);
  return `.${name}.${random}.${purpose}`;
}
