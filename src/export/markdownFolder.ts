import * as vscode from 'vscode';
import { exists } from '../util/workspaceFiles';
import { TargetExistsError, temporaryName } from './exportFile';
import { uniqueName } from './fileNames';

/**
 * A Markdown export: one note per conversation, written into a hidden temporary folder that is renamed onto its
 * name at the end, so a cancelled or failed export leaves no notes behind and a finished one appears at once.
 */
export class MarkdownFolder {
  private readonly temporary: vscode.Uri;
  private readonly taken = new Set<string>();
  private created = false;
  private files = 0;

  constructor(
    private readonly parent: vscode.Uri,
    baseName: string,
  ) {
    this.temporary = vscode.Uri.joinPath(parent, temporaryName(baseName, 'part'));
  }

  get count(): number {
    return this.files;
  }

  /** `name` must already be a safe file name; a second note with the same name gets a " (2)" suffix. */
  async writeNote(name: string, text: string): Promise<void> {
    if (!this.created) {
      await vscode.workspace.fs.createDirectory(this.temporary);
      this.created = true;
    }
    const file = vscode.Uri.joinPath(this.temporary, uniqueName(name, this.taken));
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text));
    this.files++;
  }

  async place(name: string, replace: boolean): Promise<void> {
    if (!this.created) await vscode.workspace.fs.createDirectory(this.temporary);
    this.created = true;
    const target = vscode.Uri.joinPath(this.parent, name);
    if (await exists(target)) {
      if (!replace) throw new TargetExistsError(target.toString());
      await vscode.workspace.fs.delete(target, { recursive: true, useTrash: false });
    }
    await vscode.workspace.fs.rename(this.temporary, target, { overwrite: false });
    this.created = false;
  }

  async discard(): Promise<void> {
    if (!this.created) return;
    this.created = false;
    await vscode.workspace.fs
      .delete(this.temporary, { recursive: true, useTrash: false })
      .then(undefined, () => undefined);
  }
}
