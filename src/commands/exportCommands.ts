import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SignInState } from '../auth/signInState';
import { COMMAND } from '../commandIds';
import type { ExportFormat, ExportHooks, ExportOutcome, ListExportRequest, OmiExporter } from '../export/exporter';
import { exportFolderFromSettings } from '../export/exportFolder';
import { actionItemQuery, conversationQuery, describeFilter, memoryQuery } from '../store/filters';
import type { OmiStore } from '../store/omiStore';
import { type ListKind, listNoun } from '../util/listKind';
import { registerCommand } from '../util/registerCommand';
import { askToSignIn, showFailure } from '../util/showFailure';
import { selectedItems } from '../views/treeSelection';
import { askExportChoices, type ExportChoices } from './exportPrompts';

/**
 * Arguments that skip the questions (scripts, keybindings, tests): every field is optional and defaults to the first
 * choice of the matching question. `replace` answers the "file exists" question in advance.
 */
export interface ExportCommandArgs {
  scope?: ExportChoices['scope'];
  startDate?: string;
  endDate?: string;
  includeTranscripts?: boolean;
  format?: ExportFormat;
  /** A folder path or URI; defaults to `omi.export.folder`. */
  folder?: string | vscode.Uri;
  replace?: boolean;
}

const ARG_KEYS = ['scope', 'startDate', 'endDate', 'includeTranscripts', 'format', 'folder', 'replace'];

function isExportArgs(value: unknown): value is ExportCommandArgs {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).some((k) => ARG_KEYS.includes(k))
  );
}

function toFolder(folder: string | vscode.Uri): vscode.Uri {
  return typeof folder === 'string'
    ? path.isAbsolute(folder)
      ? vscode.Uri.file(folder)
      : vscode.Uri.parse(folder)
    : folder;
}

async function confirmReplace(target: vscode.Uri): Promise<boolean> {
  const replace = vscode.l10n.t('Replace');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('{0} already exists. Replace it?', path.posix.basename(target.path)),
    { modal: true, detail: vscode.l10n.t('The existing export is kept unless you choose Replace.') },
    replace,
  );
  return answer === replace;
}

function request(kind: ListKind, choices: ExportChoices, store: OmiStore, folder: vscode.Uri): ListExportRequest {
  const useFilter = choices.scope === 'filter';
  const range = choices.scope === 'range' ? { startDate: choices.startDate, endDate: choices.endDate } : {};
  // What the views have loaded tells how many to expect, when it is the whole list for the same filter.
  const list = store.list(kind);
  const sameAsView = useFilter || describeFilter(store.filter(kind)) === undefined;
  const estimate = choices.scope !== 'range' && sameAsView && list.complete ? list.items.length : undefined;
  const target = { folder, estimate };
  switch (kind) {
    case 'memories':
      return {
        ...target,
        kind,
        format: onlyJson(choices.format),
        filters: useFilter ? memoryQuery(store.filter(kind)) : {},
      };
    case 'actionItems':
      return {
        ...target,
        kind,
        format: onlyJson(choices.format),
        filters: useFilter ? actionItemQuery(store.filter(kind)) : withoutUndefined(range),
      };
    case 'conversations':
      return {
        ...target,
        kind,
        format: choices.format,
        includeTranscripts: choices.includeTranscripts,
        filters: useFilter ? conversationQuery(store.filter(kind)) : withoutUndefined(range),
      };
  }
}

function onlyJson(format: ExportFormat): 'json' | 'jsonl' {
  return format === 'jsonl' ? 'jsonl' : 'json';
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Runs an export in a cancellable progress notification and tells how it went. */
async function withExportProgress(
  noun: string,
  run: (hooks: ExportHooks) => Promise<ExportOutcome>,
  replace: boolean | undefined,
): Promise<ExportOutcome | undefined> {
  try {
    const outcome = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('Exporting {0}', noun),
        cancellable: true,
      },
      (progress, token) =>
        run({ progress, token, confirmReplace: replace === undefined ? confirmReplace : async () => replace }),
    );
    announce(outcome, noun);
    return outcome;
  } catch (error) {
    // Retry runs the same export again, asking nothing; a new file name, as the failed one wrote nothing.
    showFailure(vscode.l10n.t('The export of {0} failed and wrote nothing.', noun), error, () =>
      withExportProgress(noun, run, replace),
    );
    return undefined;
  }
}

function announce(outcome: ExportOutcome, noun: string): void {
  if (outcome.status === 'cancelled') {
    void vscode.window.showInformationMessage(vscode.l10n.t('Export cancelled. Nothing was written.'));
    return;
  }
  if (outcome.status === 'kept') {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Kept {0}; nothing was exported.', vscode.workspace.asRelativePath(outcome.uri)),
    );
    return;
  }
  const where = vscode.workspace.asRelativePath(outcome.uri);
  const isFolder = !/\.jsonl?$/.test(outcome.uri.path);
  const action = isFolder ? vscode.l10n.t('Reveal') : vscode.l10n.t('Open');
  const message = vscode.l10n.t('Exported {0} {1} to {2}.', outcome.count.toLocaleString(), noun, where);
  const shown = outcome.notice
    ? vscode.window.showWarningMessage(`${message} ${outcome.notice}`, action)
    : vscode.window.showInformationMessage(message, action);
  void shown.then((choice) => {
    if (choice !== action) return;
    if (isFolder) void vscode.commands.executeCommand('revealInExplorer', outcome.uri);
    else void vscode.window.showTextDocument(outcome.uri);
  });
}

/**
 * `omi.exportMemories`, `omi.exportActionItems`, `omi.exportConversations` (asking what and how, or taking
 * ExportCommandArgs) and `omi.exportSelection` (the tree's selection, as JSON). Each returns the ExportOutcome, or
 * undefined when the user backed out or it failed.
 */
export function registerExportCommands(
  exporter: OmiExporter,
  store: OmiStore,
  signIn: SignInState,
): vscode.Disposable[] {
  const exportList = async (kind: ListKind, argument: unknown) => {
    if (!signIn.signedIn) return askToSignIn();
    const args = isExportArgs(argument) ? argument : undefined;
    const noun = listNoun(kind);
    const choices: ExportChoices | undefined = args
      ? {
          scope: args.scope ?? 'all',
          startDate: args.startDate,
          endDate: args.endDate,
          includeTranscripts: args.includeTranscripts === true,
          format: args.format ?? 'json',
        }
      : await askExportChoices(kind, noun, store.filter(kind));
    if (!choices) return undefined;
    const folder = args?.folder ? toFolder(args.folder) : await exportFolderFromSettings();
    if (!folder) return undefined;
    const listRequest = request(kind, choices, store, folder);
    return withExportProgress(noun, (hooks) => exporter.exportList(listRequest, hooks), args?.replace);
  };

  const exportSelection = async (clicked: unknown, selected: unknown) => {
    const selection = selectedItems(clicked, selected);
    if (!selection) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Select Omi items in a tree first, then export the selection.'),
      );
      return undefined;
    }
    const folder = await exportFolderFromSettings();
    if (!folder) return undefined;
    const noun = listNoun(selection.kind);
    return withExportProgress(
      noun,
      (hooks) => exporter.exportItems({ ...selection, folder, format: 'json' }, hooks),
      undefined,
    );
  };

  return [
    registerCommand(COMMAND.exportMemories, (args?: unknown) => exportList('memories', args)),
    registerCommand(COMMAND.exportActionItems, (args?: unknown) => exportList('actionItems', args)),
    registerCommand(COMMAND.exportConversations, (args?: unknown) => exportList('conversations', args)),
    registerCommand(COMMAND.exportSelection, exportSelection),
  ];
}
