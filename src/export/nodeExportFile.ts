// ExportFile on the local disk with Node streams: the body never has to fit in memory (no vscode import).
import { once } from 'node:events';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { finished, pipeline } from 'node:stream/promises';
import { type ExportFile, TargetExistsError, temporaryName } from './exportFile';

/**
 * The body goes to a hidden `.part` file as it is written. `complete` copies head + body + tail into a hidden `.tmp`
 * file (with no head and tail the `.part` file is used as is) and flushes it to disk; `place` moves it onto its name
 * without replacing anything unless asked.
 */
export class NodeExportFile implements ExportFile {
  private readonly bodyPath: string;
  private readonly completePath: string;
  private body: fs.WriteStream | undefined;
  private ready: string | undefined;
  private failure: Error | undefined;

  /** `baseName` only names the temporary files; `place` gives the final name. */
  constructor(
    private readonly folder: string,
    baseName: string,
  ) {
    this.bodyPath = path.join(folder, temporaryName(baseName, 'part'));
    this.completePath = path.join(folder, temporaryName(baseName, 'tmp'));
  }

  async write(text: string): Promise<void> {
    const body = await this.openBody();
    if (this.failure) throw this.failure;
    if (!body.write(text)) await once(body, 'drain');
  }

  async complete(head: string, tail: string): Promise<void> {
    const body = await this.openBody();
    if (this.failure) throw this.failure;
    body.end();
    await finished(body);
    let ready = this.bodyPath;
    if (head || tail) {
      const out = fs.createWriteStream(this.completePath, { flags: 'wx' });
      out.write(head);
      await pipeline(fs.createReadStream(this.bodyPath), out, { end: false });
      out.end(tail);
      await finished(out);
      await fs.promises.rm(this.bodyPath, { force: true });
      ready = this.completePath;
    }
    await flushToDisk(ready);
    this.ready = ready;
  }

  async place(name: string, replace: boolean): Promise<void> {
    if (!this.ready) throw new Error('The export file is not complete.');
    await moveIntoPlace(this.ready, path.join(this.folder, name), replace);
    this.ready = undefined;
  }

  async discard(): Promise<void> {
    this.body?.destroy();
    await Promise.all([this.bodyPath, this.completePath].map((p) => fs.promises.rm(p, { force: true })));
  }

  private async openBody(): Promise<fs.WriteStream> {
    if (this.body) return this.body;
    const body = fs.createWriteStream(this.bodyPath, { flags: 'wx' });
    body.on('error', (error) => {
      this.failure = error;
    });
    this.body = body;
    await once(body, 'open');
    return body;
  }
}

async function flushToDisk(file: string): Promise<void> {
  const handle = await fs.promises.open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
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
