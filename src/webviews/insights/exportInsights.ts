import * as path from 'node:path';
import * as vscode from 'vscode';
import { configuredExportFolder } from '../../export/exportFolder';
import type { InsightsData } from '../../insights/model';
import { localDayKey } from '../../util/time';
import { exists, writeFileAtomically } from '../../util/workspaceFiles';

/** The export file: the aggregated numbers only (no item text), and never the key. */
function insightsExport(data: InsightsData, source: string | undefined, exportedAt: Date) {
  return {
    kind: 'insights',
    exportedAt: exportedAt.toISOString(),
    source: source ?? null,
    filters: { range: data.range, from: data.from, to: data.to },
    insights: data,
  };
}

/** `omi-insights-2026-12-02-105000.json`, or `…-105000-2.json` for a second export within the same second. */
function fileName(now: Date, copy: number): string {
  const time = [now.getHours(), now.getMinutes(), now.getSeconds()].map((n) => String(n).padStart(2, '0')).join('');
  return `omi-insights-${localDayKey(now)}-${time}${copy > 1 ? `-${copy}` : ''}.json`;
}

/** Where to write: `omi.export.folder` of the first workspace folder, under a name no file has yet. */
async function chooseTarget(now: Date): Promise<vscode.Uri | undefined> {
  const folder = configuredExportFolder();
  if (!folder) {
    // No workspace: the save dialog asks before replacing a file itself.
    return vscode.window.showSaveDialog({
      title: vscode.l10n.t('Export Omi Insights'),
      defaultUri: vscode.Uri.file(path.join(process.env.HOME ?? process.cwd(), fileName(now, 1))),
      filters: { JSON: ['json'] },
    });
  }
  for (let copy = 1; ; copy++) {
    const target = vscode.Uri.joinPath(folder, fileName(now, copy));
    if (!(await exists(target))) return target;
  }
}

/** Writes the numbers as pretty JSON, atomically; returns the file, or undefined when the user cancelled. */
export async function exportInsights(data: InsightsData, source: string | undefined): Promise<vscode.Uri | undefined> {
  const now = new Date();
  const target = await chooseTarget(now);
  if (!target) return undefined;
  const json = `${JSON.stringify(insightsExport(data, source, now), null, 2)}\n`;
  await writeFileAtomically(target, new TextEncoder().encode(json));
  const open = vscode.l10n.t('Open');
  void vscode.window
    .showInformationMessage(
      vscode.l10n.t('Omi insights exported to {0}.', vscode.workspace.asRelativePath(target)),
      open,
    )
    .then((choice) => {
      if (choice === open) void vscode.window.showTextDocument(target);
    });
  return target;
}
