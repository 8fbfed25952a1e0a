import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';

/**
 * Where an export goes: `omi.export.folder` of the first workspace folder (relative, or absolute), or, with no
 * workspace, wherever the user picks in a save dialog. An existing file is never replaced: a free name is chosen
 * next to it ("name-2.json").
 */
export async function exportTarget(fileName: string): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    return vscode.window.showSaveDialog({
      title: vscode.l10n.t('Export Omi conversation'),
      saveLabel: vscode.l10n.t('Export'),
      filters: { JSON: ['json'] },
      defaultUri: vscode.Uri.file(path.join(os.homedir(), fileName)),
    });
  }
  const configured = vscode.workspace.getConfiguration('omi', folder.uri).get<string>('export.folder', 'omi-export');
  const setting = configured.trim() || 'omi-export';
  const directory = path.isAbsolute(setting)
    ? folder.uri.with({ path: vscode.Uri.file(setting).path })
    : vscode.Uri.joinPath(folder.uri, setting);
  return freeName(directory, fileName);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function freeName(directory: vscode.Uri, fileName: string): Promise<vscode.Uri> {
  const extension = path.extname(fileName);
  const base = fileName.slice(0, fileName.length - extension.length);
  for (let n = 1; ; n++) {
    const candidate = vscode.Uri.joinPath(directory, n === 1 ? fileName : `${base}-${n}${extension}`);
    if (!(await exists(candidate))) return candidate;
  }
}

/** Writes to a temporary name beside the target, then renames: a reader never sees half a file. */
export async function writeFileAtomically(target: vscode.Uri, content: string): Promise<void> {
  const directory = vscode.Uri.joinPath(target, '..');
  await vscode.workspace.fs.createDirectory(directory);
  const random = Math.random().toString(36).slice(2, 10);
  const temporary = vscode.Uri.joinPath(directory, `.${path.posix.basename(target.path)}.${random}.tmp`);
  try {
    await vscode.workspace.fs.writeFile(temporary, new TextEncoder().encode(content));
    // The save dialog already asked before replacing; freeName never picks an existing file.
    await vscode.workspace.fs.rename(temporary, target, { overwrite: true });
  } catch (error) {
    await vscode.workspace.fs.delete(temporary).then(undefined, () => {});
    throw error;
  }
}
