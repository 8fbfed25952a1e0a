// ExportFile on the local disk with Node streams: the body never has to fit in memory (no vscode import).
import { once } from 'node:events';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { finished } from 'node:stream/promises';
import { type ExportFile, TargetExistsError, temporaryName } from './exportFile';

/**
 * The body goes to a hidden `.part` file as it is written, after `headRoom` bytes left for the head. `complete` adds
 * the tail, writes the head into its room (it must be exactly that long: JsonExportWriter.headBytes) and flushes the
 * file to disk; `place` moves it onto its name without replacing anything unless asked. Nothing is copied: a body of
 * hundreds of MB is written once.
 */
export class NodeExportFile implements ExportFile {
  private readonly bodyPath: string;
  private body: fs.WriteStream | undefined;
  private ready = false;
  private failure: Error | undefined;

  /** `baseName` only names the temporary file; `place` gives the final name. */
  constructor(
    private readonly folder: string,
    baseName: string,
    private readonly headRoom = 0,
  ) {
    this.bodyPath = path.join(folder, temporaryName(baseName, 'part'));
  }

  async write(data: string | Buffer): Promise<void> {
    const body = await this.openBody();
    if (this.failure) throw this.failure;
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

  async discard(): Promise<void> {
    this.body?.destroy();
    await fs.promises.rm(this.bodyPath, { force: true });
  }

  private async openBody(): Promise<fs.WriteStream> {
    if (this.body) return this.body;
    const body = fs.createWriteStream(this.bodyPath, { flags: 'wx', start: this.headRoom, highWaterMark: 1 << 20 });
    body.on('error', (error) => {
      this.failure = error;
    });
    this.body = body;
    await once(body, 'open');
    return body;
  }
}

/** Renames `from` onto `to`; without `replace`, an existing `to` is kept and TargetExistsError thrown. */
export async function moveIntoPlace(from: string, to: string, replace: boolean): Promise<void> {
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
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK'].includes(errorCode(error) ?? '')) throw error;
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
