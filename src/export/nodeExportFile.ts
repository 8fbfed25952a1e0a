// ExportFile on the local disk with Node streams: the body never has to fit in memory (no vscode import).
import { once } from 'node:events';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { finished } from 'node:stream/promises';
import { type ExportFile, TargetExistsError, temporaryName } from './exportFile';

/**
 * A body the export file continues rather than starts: an export checkpoint's, which the file writes from `at` on
 * (cutting off anything after it) and leaves where it is when discarded, for a later run to continue.
 */
export interface KeptBody {
  path: string;
  at: number;
}

/**
 * The body goes to a hidden `.part` file (or a checkpoint's body, `kept`) as it is written, after `headRoom` bytes left
 * for the head. `complete` adds the tail, writes the head into its room (it must be exactly that long:
 * JsonExportWriter.headBytes) and flushes the file to disk; `place` moves it onto its name without replacing anything
 * unless asked. Nothing is copied: a body of hundreds of MB is written once.
 */
export class NodeExportFile implements ExportFile {
  private readonly bodyPath: string;
  private body: fs.WriteStream | undefined;
  private ready = false;
  private failure: Error | undefined;
  private written = 0;

  /** `baseName` only names the temporary file; `place` gives the final name. */
  constructor(
    private readonly folder: string,
    baseName: string,
    private readonly headRoom = 0,
    private readonly kept?: KeptBody,
  ) {
    this.bodyPath = kept?.path ?? path.join(folder, temporaryName(baseName, 'part'));
  }

  /** The body's size so far, with what is still being written: where the next byte goes. */
  get end(): number {
    return (this.kept?.at ?? this.headRoom) + this.written;
  }

  async write(data: string | Buffer): Promise<void> {
    const body = await this.openBody();
    if (this.failure) throw this.failure;
    this.written += typeof data === 'string' ? Buffer.byteLength(data, 'utf8') : data.length;
    if (!body.write(data)) await once(body, 'drain');
  }

  async complete(head: string, tail: string): Promise<void> {
    const headBytes = Buffer.from(head, 'utf8');
    if (headBytes.length !== this.headRoom) {
      throw new Error(`The export's head is ${headBytes.length} bytes, not the ${this.headRoom} kept for it.`);
    }
    const body = await this.openBody();
    if (this.failure) throw this.failure;
    body.end(tail);
    await finished(body);
    const handle = await fs.promises.open(this.bodyPath, 'r+');
    try {
      if (headBytes.length > 0) await handle.write(headBytes, 0, headBytes.length, 0);
      await handle.sync();
    } finally {
      await handle.close();
    }
    this.ready = true;
  }

  async place(name: string, replace: boolean): Promise<void> {
    if (!this.ready) throw new Error('The export file is not complete.');
    await moveIntoPlace(this.bodyPath, path.join(this.folder, name), replace);
    this.ready = false;
  }

  /** Removes the `.part` file; a kept body is written out and left for a later run (unless placed already). */
  async discard(): Promise<void> {
    if (!this.kept) {
      this.body?.destroy();
      await fs.promises.rm(this.bodyPath, { force: true });
    } else if (this.body && !this.body.closed) {
      this.body.end();
      await finished(this.body).catch(() => {});
    }
  }

  private async openBody(): Promise<fs.WriteStream> {
    if (this.body) return this.body;
    let flags = 'wx';
    let start = this.headRoom;
    if (this.kept) {
      // Bytes after `at` are from a page an earlier run never completed.
      await fs.promises.mkdir(path.dirname(this.kept.path), { recursive: true });
      const file = await fs.promises.open(this.kept.path, fs.constants.O_RDWR | fs.constants.O_CREAT);
      await file.truncate(this.kept.at).finally(() => file.close());
      flags = 'r+';
      start = this.kept.at;
    }
    const body = fs.createWriteStream(this.bodyPath, { flags, start, highWaterMark: 1 << 20 });
    body.on('error', (error) => {
      this.failure = error;
    });
    this.body = body;
    await once(body, 'open');
    return body;
  }
}

/**
 * Renames `from` onto `to`; without `replace`, an existing `to` is kept and TargetExistsError thrown. Across file
 * systems (or mounts of one), where no rename can, the file is copied beside `to` first.
 */
export async function moveIntoPlace(from: string, to: string, replace: boolean): Promise<void> {
  try {
    await renameIntoPlace(from, to, replace);
  } catch (error) {
    if (errorCode(error) !== 'EXDEV') throw error;
    const copy = path.join(path.dirname(to), temporaryName(path.basename(to), 'part'));
    try {
      await fs.promises.copyFile(from, copy);
      await renameIntoPlace(copy, to, replace);
    } finally {
      await fs.promises.rm(copy, { force: true });
    }
    await fs.promises.rm(from, { force: true });
  }
}

async function renameIntoPlace(from: string, to: string, replace: boolean): Promise<void> {
  if (replace) {
    await fs.promises.rename(from, to);
    return;
  }
  try {
    // A hard link fails when the target exists, so nothing can slip in between a check and the rename.
    await fs.promises.link(from, to);
    await fs.promises.rm(from, { force: true });
    return;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') throw new TargetExistsError(to);
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK'].includes(errorCode(error) ?? '')) throw error;
  }
  // File systems without hard links (FAT, some network shares): check, then rename.
  if (await exists(to)) throw new TargetExistsError(to);
  await fs.promises.rename(from, to);
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.promises.lstat(file);
    return true;
  } catch {
    return false;
  }
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null ? (error as { code?: string }).code : undefined;
}
