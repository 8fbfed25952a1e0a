// Running one full export through the extension's exporter, as the export commands do, into a scratch folder.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { ListExportRequest } from '../../src/export/exporter';
import type { OmiExtensionApi } from '../../src/extension';

export type BenchExport = { kind: 'memories' | 'actionItems' } | { kind: 'conversations'; includeTranscripts: boolean };

function request(what: BenchExport): ListExportRequest {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!root) throw new Error('the benchmarks run with a workspace folder');
  const target = { folder: vscode.Uri.joinPath(root, 'bench-exports'), format: 'json' as const, filters: {} };
  switch (what.kind) {
    case 'memories':
      return { kind: 'memories', ...target };
    case 'actionItems':
      return { kind: 'actionItems', ...target };
    case 'conversations':
      return { kind: 'conversations', includeTranscripts: what.includeTranscripts, ...target };
  }
}

/** Exports everything of a kind to a JSON file, deletes the file, and returns how many items it held. */
export async function exportAll(api: OmiExtensionApi, what: BenchExport): Promise<number> {
  const hooks = {
    progress: { report: () => {} },
    token: new vscode.CancellationTokenSource().token,
    confirmReplace: async () => true,
  };
  const outcome = await api.exporter.exportList(request(what), hooks);
  if (outcome.status !== 'written') throw new Error(`the ${what.kind} export ended ${outcome.status}`);
  fs.rmSync(outcome.uri.fsPath, { force: true });
  return outcome.count;
}
