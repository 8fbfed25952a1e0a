import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const DEFAULT_EXPORT_FOLDER = 'omi-export';

/**
 * Where exports go: `omi.export.folder` inside the first workspace folder, or that setting itself when it is an
 * absolute path (`~` is the home folder). Undefined when the setting is relative and no workspace is open: it has
 * nothing to be relative to.
 */
export function resolveExportFolder(
  setting: string | undefined,
  workspaceFolders: readonly vscode.WorkspaceFolder[] | undefined,
): vscode.Uri | undefined {
  let folder = setting?.trim() || DEFAULT_EXPORT_FOLDER;
  if (folder === '~' || folder.startsWith('~/') || folder.startsWith('~\\')) {
    folder = path.join(os.homedir(), folder.slice(1));
  }
  if (path.isAbsolute(folder)) return vscode.Uri.file(folder);
  const first = workspaceFolders?.[0];
  return first ? vscode.Uri.joinPath(first.uri, folder) : undefined;
}

/** `omi.export.folder` resolved against the open workspace; undefined when there is none to resolve it against. */
export function configuredExportFolder(): vscode.Uri | undefined {
  const folders = vscode.workspace.workspaceFolders;
  const setting = vscode.workspace.getConfiguration('omi', folders?.[0]?.uri).get<string>('export.folder');
  return resolveExportFolder(setting, folders);
}

/** The folder dialog used when no workspace is open. */
export async function askForExportFolder(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectFiles: false,
    canSelectFolders: true,
    canSelectMany: false,
    openLabel: vscode.l10n.t('Export Here'),
    title: vscode.l10n.t('Omi: choose a folder for the export'),
  });
  return picked?.[0];
}

/** The export folder from the settings and the open workspace, asking with a dialog when there is no workspace. */
export async function exportFolderFromSettings(): Promise<vscode.Uri | undefined> {
  return configuredExportFolder() ?? askForExportFolder();
}
