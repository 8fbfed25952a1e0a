import * as vscode from 'vscode';
import { type ExportFile, TargetExistsError, temporaryName } from './exportFile';

/**
 * ExportFile for folders that are not on the local disk (remote, virtual and custom file systems). workspace.fs can
 * only write whole files, so the body is kept as encoded chunks (never one string) and written once, to a temporary
 * file beside the target, then renamed.
 */
export class WorkspaceExportFile implements ExportFile {
  private readonly encoder = new TextEncoder();
  private chunks: Uint8Array[] = [];
  private readonly temporary: vscode.Uri;
  private written = false;

  constructor(
    private readonly folder: vscode.Uri,
    baseName: string,
  ) {
    this.temporary = vscode.Uri.joinPath(folder, temporaryName(baseName, 'tmp'));
  }

  async write(data: string | Buffer): Promise<void> {
    // A Buffer may be a view into a larger one it must not keep alive: copied.
    this.chunks.push(typeof data === 'string' ? this.encoder.encode(data) : new Uint8Array(data));
  }

  async complete(head: string, tail: string): Promise<void> {
    const parts = [this.encoder.encode(head), ...this.chunks, this.encoder.encode(tail)];
    this.chunks = [];
    const whole = new Uint8Array(parts.reduce((size, part) => size + part.byteLength, 0));
    let at = 0;
    for (const part of parts) {
      whole.set(part, at);
      at += part.byteLength;
    }
    this.written = true;
    await vscode.workspace.fs.writeFile(this.temporary, whole);
  }

  async place(name: string, replace: boolean): Promise<void> {
    const target = vscode.Uri.joinPath(this.folder, name);
    try {
      await vscode.workspace.fs.rename(this.temporary, target, { overwrite: replace });
      this.written = false;
    } catch (error) {
      if (error instanceof vscode.FileSystemError && error.code === 'FileExists') {
        throw new TargetExistsError(target.toString());
      }
      throw error;
    }
  }

  async discard(): Promise<void> {
    this.chunks = [];
    if (!this.written) return;
    this.written = false;
    await vscode.workspace.fs.delete(this.temporary, { useTrash: false }).then(undefined, () => undefined);
  }
}
