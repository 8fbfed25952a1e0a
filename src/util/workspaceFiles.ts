import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';

/**
 * A file or folder named by a setting: relative to the first workspace folder, or absolute. Undefined when the
 * setting is relative and no folder is open (callers then ask with a save dialog).
 */
export function workspaceTarget(setting: string): vscode.Uri | undefined {
  const trimmed = setting.trim();
  if (path.isAbsolute(trimmed) || path.win32.isAbsolute(trimmed)) return vscode.Uri.file(trimmed);
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder ? vscode.Uri.joinPath(folder.uri, trimmed) : undefined;
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

export async function readIfExists(uri: vscode.Uri): Promise<Uint8Array | undefined> {
  try {
    return await vscode.workspace.fs.readFile(uri);
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
    throw error;
  }
}

/**
 * Writes a temporary file beside the target, then renames it over the target: readers see the old file or the
 * new one, never half of one. workspace.fs.rename with `overwrite` deletes the target before renaming, leaving a
 * moment with no file at all, so files on disk are renamed with Node's fs.rename, which replaces in one step.
 */
export async function writeFileAtomically(target: vscode.Uri, content: Uint8Array): Promise<void> {
  const suffix = `${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const temporaryName = `.${path.posix.basename(target.path)}.${suffix}.tmp`;
  if (target.scheme === 'file') {
    const temporary = path.join(path.dirname(target.fsPath), temporaryName);
    await fs.mkdir(path.dirname(target.fsPath), { recursive: true });
    await fs.writeFile(temporary, content);
    await fs.rename(temporary, target.fsPath).catch(async (error) => {
      await fs.rm(temporary, { force: true });
      throw error;
    });
    return;
  }
  const folder = target.with({ path: path.posix.dirname(target.path) });
  await vscode.workspace.fs.createDirectory(folder);
  const temporary = vscode.Uri.joinPath(folder, temporaryName);
  await vscode.workspace.fs.writeFile(temporary, content);
  try {
    await vscode.workspace.fs.rename(temporary, target, { overwrite: true });
  } catch (error) {
    await vscode.workspace.fs.delete(temporary).then(undefined, () => undefined);
    throw error;
  }
}
