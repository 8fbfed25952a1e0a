import * as vscode from 'vscode';
import type { DailySummary } from '../api/models';
import type { SignInState } from '../auth/signInState';
import { COMMAND } from '../commandIds';
import { formatDailySummary } from '../markdown/dailySummaryText';
import { styleForLanguage } from '../markdown/itemText';
import { readDailySummaryTemplate } from '../markdown/templateSettings';
import { isNotAvailable, type OmiExtras } from '../store/omiExtras';
import { describeError } from '../util/errorMessage';
import { registerCommand } from '../util/registerCommand';
import { askToSignIn, showFailure } from '../util/showFailure';
import { bundledPanelOptions } from '../webviews/bundledPanel';
import {
  DAILY_SUMMARY_VIEW_TYPE,
  DailySummaryPanel,
  dailySummaryHtml,
  longDay,
} from '../webviews/dailySummary/dailySummaryPanel';
import { isDay, parseSavedDay } from '../webviews/dailySummary/dailySummaryProtocol';
import { TextEditorTracker } from '../webviews/transcript/textEditorTracker';

export interface DailySummaryCommandDependencies {
  extensionUri: vscode.Uri;
  extras: OmiExtras;
  signIn: SignInState;
}

/** The sentence for a server without daily summaries. */
function summariesNotAvailable(): string {
  return vscode.l10n.t('Daily summaries are not available on this server.');
}

function reportListFailure(error: unknown): undefined {
  if (isNotAvailable(error)) void vscode.window.showInformationMessage(summariesNotAvailable());
  else
    showFailure(vscode.l10n.t('Omi could not list the daily summaries.'), error, () =>
      vscode.commands.executeCommand(COMMAND.openDailySummary),
    );
  return undefined;
}

type SummaryPick = vscode.QuickPickItem & { summary?: DailySummary; more?: true };

/** A day's summary picked from the loaded ones, newest first; "Load older days…" pages on. */
async function pickSummary(extras: OmiExtras, title: string): Promise<DailySummary | undefined> {
  let summaries: readonly DailySummary[];
  try {
    summaries = await extras.loadedSummaries();
  } catch (error) {
    return reportListFailure(error);
  }
  const list = extras.dailySummaries();
  for (;;) {
    if (summaries.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Omi has no daily summaries yet.'));
      return undefined;
    }
    const picks: SummaryPick[] = summaries.map((summary) => ({
      label: `${summary.day_emoji ?? ''} ${longDay(summary.date)}`.trim(),
      description: summary.headline ?? '',
      detail: summary.overview ?? undefined,
      summary,
    }));
    if (!list.complete) {
      picks.push({ label: `$(history) ${vscode.l10n.t('Load older days…')}`, more: true, alwaysShow: true });
    }
    const picked = await vscode.window.showQuickPick(picks, {
      title,
      placeHolder: vscode.l10n.t('Pick a day (newest first)'),
      matchOnDescription: true,
      matchOnDetail: true,
    });
    if (!picked) return undefined;
    if (picked.summary) return picked.summary;
    await list.loadMore();
    if (list.error !== undefined) {
      return reportListFailure(list.error);
    }
    summaries = list.items;
  }
}

/**
 * The summary a command was run on: a day group of the Conversations view, a day (`YYYY-MM-DD`), a summary id or
 * object, or, from the palette, the user's pick.
 */
async function resolveSummary(extras: OmiExtras, argument: unknown, title: string): Promise<DailySummary | undefined> {
  const group = argument as { kind?: unknown; key?: unknown } | undefined;
  const day = isDay(argument) ? argument : group?.kind === 'group' && isDay(group.key) ? group.key : undefined;
  if (day) {
    try {
      const found = await extras.summaryForDay(day);
      if (!found) void vscode.window.showInformationMessage(vscode.l10n.t('Omi has no summary for {0}.', day));
      return found;
    } catch (error) {
      return reportListFailure(error);
    }
  }
  if (typeof argument === 'string' && argument) {
    return extras.dailySummaries().find(argument) ?? { id: argument, date: '' };
  }
  const given = argument as Partial<DailySummary> | undefined;
  if (typeof given?.id === 'string' && typeof given.date === 'string') return given as DailySummary;
  return pickSummary(extras, title);
}

/** Inserts the summary at the editor's cursors, with the daily summary template in Markdown documents. */
async function insertSummary(summary: DailySummary, editor: vscode.TextEditor | undefined): Promise<boolean> {
  if (!editor) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Open a document and place the cursor where the Omi text should go.'),
    );
    return false;
  }
  const style = styleForLanguage(editor.document.languageId);
  const text = formatDailySummary(summary, style, readDailySummaryTemplate(editor.document.uri));
  // editor.edit, not a snippet: "$1" in Omi's text must stay literal.
  const done = await editor.edit((edit) => {
    for (const selection of editor.selections) edit.replace(selection, text);
  });
  if (!done) {
    void vscode.window.showWarningMessage(vscode.l10n.t('This editor does not accept text (it may be read-only).'));
  }
  return done;
}

/** Omi: Open Daily Summary… and Omi: Insert Daily Summary…, the panel and its serializer (the tests read them). */
export function registerDailySummaryCommands(deps: DailySummaryCommandDependencies): {
  disposables: vscode.Disposable[];
  panel(): DailySummaryPanel | undefined;
  serializer: vscode.WebviewPanelSerializer;
} {
  const editors = new TextEditorTracker();
  let panel: DailySummaryPanel | undefined;

  const full = async (summary: DailySummary): Promise<DailySummary | undefined> => {
    try {
      return await deps.extras.summary(summary.id);
    } catch (error) {
      if (isNotAvailable(error)) void vscode.window.showInformationMessage(summariesNotAvailable());
      else void vscode.window.showErrorMessage(describeError(error).message);
      return undefined;
    }
  };

  /** The one Daily Summary panel, in the webview panel given (a new one, or one VS Code restored). */
  const adopt = (webviewPanel: vscode.WebviewPanel): DailySummaryPanel => {
    webviewPanel.webview.options = bundledPanelOptions(deps.extensionUri);
    webviewPanel.webview.html = dailySummaryHtml(webviewPanel.webview, deps.extensionUri);
    const created = new DailySummaryPanel(webviewPanel, {
      load: (id) => deps.extras.summary(id),
      insert: (summary) => void insertSummary(summary, editors.target),
      copy: (summary) => {
        void vscode.env.clipboard.writeText(formatDailySummary(summary, 'markdown', readDailySummaryTemplate()));
        vscode.window.setStatusBarMessage(`$(copy) ${vscode.l10n.t('Copied the daily summary')}`, 3000);
      },
      pickDay: () => void vscode.commands.executeCommand(COMMAND.openDailySummary),
      openConversation: (id) => void vscode.commands.executeCommand(COMMAND.openConversation, id),
    });
    created.onDidDispose(() => {
      if (panel === created) panel = undefined;
    });
    panel = created;
    return created;
  };

  const showPanel = (): DailySummaryPanel => {
    if (panel) {
      panel.panel.reveal(undefined, true);
      return panel;
    }
    return adopt(
      vscode.window.createWebviewPanel(
        DAILY_SUMMARY_VIEW_TYPE,
        vscode.l10n.t('Omi Daily Summary'),
        { viewColumn: vscode.ViewColumn.Active, preserveFocus: false },
        bundledPanelOptions(deps.extensionUri),
      ),
    );
  };

  /** After a reload, VS Code hands back the panel; it shows the day it showed, once the stored key is read. */
  const serializer: vscode.WebviewPanelSerializer = {
    async deserializeWebviewPanel(webviewPanel, state) {
      const day = parseSavedDay(state);
      if (!day || panel) {
        webviewPanel.dispose();
        return;
      }
      const restored = adopt(webviewPanel);
      await deps.signIn.whenLoaded();
      await restored.show(day.id, day.date);
    },
  };

  const open = async (argument?: unknown): Promise<string | undefined> => {
    if (!deps.signIn.signedIn) return askToSignIn();
    const summary = await resolveSummary(deps.extras, argument, vscode.l10n.t('Omi: Open Daily Summary'));
    if (!summary) return undefined;
    await showPanel().show(summary.id, summary.date);
    return summary.id;
  };

  const insert = async (argument?: unknown): Promise<boolean> => {
    if (!deps.signIn.signedIn) return askToSignIn() ?? false;
    const editor = vscode.window.activeTextEditor ?? editors.target;
    if (!editor) return insertSummary({ id: '', date: '' }, undefined);
    const summary = await resolveSummary(deps.extras, argument, vscode.l10n.t('Omi: Insert Daily Summary'));
    const detailed = summary && (await full(summary));
    return detailed ? insertSummary(detailed, editor) : false;
  };

  return {
    disposables: [
      editors,
      vscode.window.registerWebviewPanelSerializer(DAILY_SUMMARY_VIEW_TYPE, serializer),
      // A panel restored before sign-in (or that failed for want of a key) loads its day once signed in.
      deps.signIn.onDidChange((key) => {
        if (key) void panel?.retryFailed();
      }),
      registerCommand(COMMAND.openDailySummary, open),
      registerCommand(COMMAND.insertDailySummary, insert),
      { dispose: () => panel?.dispose() },
    ],
    panel: () => panel,
    serializer,
  };
}
