import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { exists } from '../util/workspaceFiles';
import { configuredExportFolder } from './exportFolder';

/**
 * Where a single conversation's export goes: `omi.export.folder` (see configuredExportFolder), or, with no workspace
 * to resolve a relative folder against, wherever the user picks in a save dialog. An existing file is never replaced:
 * a free name is chosen next to it ("name-2.json").
 */
export async function exportTarget(fileName: string): Promise<vscode.Uri | undefined> {
  const directory = configuredExportFolder();
  if (!directory) {
    return vscode.window.showSaveDialog({
      title: vscode.l10n.t('Export Omi conversation'),
      saveLabel: vscode.l10n.t('Export'),
      filters: { JSON: ['json'] },
      defaultUri: vscode.Uri.file(path.join(os.homedir(), fileName)),
    });
  }
  return freeName(directory, fileName);
}

async function freeName(directory: vscode.Uri, fileName: string): Promise<vscode.Uri> {
  const extension = path.extname(fileName);
  const base = fileName.slice(0, fileName.length - extension.length);
  for (let n = 1; ; n++) {
    const candidate = vscode.Uri.joinPath(directory, n === 1 ? fileName : `${base}-${n}${extension}`);
    if (!(await exists(candidate))) return candidate;
  }
}
