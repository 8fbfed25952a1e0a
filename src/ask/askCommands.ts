import * as vscode from 'vscode';
import { TEXT_LIMITS } from '../api/client';
import type { SignInState } from '../auth/signInState';
import { COMMAND } from '../commandIds';
import { registerCommand } from '../util/registerCommand';
import { askToSignIn } from '../util/showFailure';
import { dateAndTime, parseDate } from '../util/time';
import { bundledPanelOptions } from '../webviews/bundledPanel';
import { TextEditorTracker } from '../webviews/transcript/textEditorTracker';
import { answerText } from './answerText';
import { ASK_VIEW_TYPE, AskPanel, askHtml } from './askPanel';
import type { AskEntry, OmiAsk } from './omiAsk';

export interface AskCommandDependencies {
  extensionUri: vscode.Uri;
  ask: OmiAsk;
  signIn: SignInState;
}

type AskPick = vscode.QuickPickItem & { question?: string; entry?: AskEntry };

/** Omi: Ask… and its panel. Returns the disposables and the way to the panel (the tests read it). */
export function registerAskCommands(deps: AskCommandDependencies): {
  disposables: vscode.Disposable[];
  panel(): AskPanel | undefined;
} {
  const editors = new TextEditorTracker();
  let panel: AskPanel | undefined;
  const date = (iso: string) => {
    const parsed = parseDate(iso);
    return parsed ? dateAndTime(parsed) : iso;
  };

  const showPanel = (): AskPanel => {
    if (panel) return panel;
    const webviewPanel = vscode.window.createWebviewPanel(
      ASK_VIEW_TYPE,
      vscode.l10n.t('Ask Omi'),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      bundledPanelOptions(deps.extensionUri),
    );
    webviewPanel.webview.html = askHtml(webviewPanel.webview, deps.extensionUri);
    const created = new AskPanel(webviewPanel, deps.ask, {
      askAnother: () => void vscode.commands.executeCommand(COMMAND.ask),
      openConversation: (id) => void vscode.commands.executeCommand(COMMAND.openConversation, id),
      copy: (entry) => {
        if (!entry.answer) return;
        void vscode.env.clipboard.writeText(answerText(entry.question, entry.answer, true, date));
        vscode.window.setStatusBarMessage(`$(copy) ${vscode.l10n.t('Copied the answer')}`, 3000);
      },
      insert: (entry) => void insertAnswer(entry, editors.target, date),
    });
    created.onDidDispose(() => {
      if (panel === created) panel = undefined;
    });
    panel = created;
    return created;
  };

  const ask = async (argument?: unknown): Promise<AskEntry | undefined> => {
    if (!deps.signIn.signedIn) return askToSignIn();
    const chosen = typeof argument === 'string' ? { question: argument } : await pickQuestion(deps.ask);
    if (!chosen) return undefined;
    const shown = showPanel();
    if ('entry' in chosen && chosen.entry) {
      shown.show(deps.ask.entries.indexOf(chosen.entry));
      return chosen.entry;
    }
    const asking = deps.ask.ask(chosen.question ?? '');
    shown.showNewest();
    return asking;
  };

  return {
    disposables: [editors, registerCommand(COMMAND.ask, ask), { dispose: () => panel?.dispose() }],
    panel: () => panel,
  };
}

/** The question typed (Enter asks it), or an earlier one of the session (shown again without asking). */
async function pickQuestion(ask: OmiAsk): Promise<{ question?: string; entry?: AskEntry } | undefined> {
  const quickPick = vscode.window.createQuickPick<AskPick>();
  quickPick.title = vscode.l10n.t('Omi: Ask');
  quickPick.placeholder = vscode.l10n.t('Ask about your conversations, e.g. What did I promise Sam last week?');
  const budget = ask.describeBudget();
  const earlier: AskPick[] = ask.entries.map((entry) => ({
    label: `$(history) ${entry.question}`,
    description: dateAndTime(entry.askedAt),
    entry,
  }));
  const update = () => {
    const typed = quickPick.value.trim();
    const askItem: AskPick[] = typed
      ? [
          {
            label: `$(comment-discussion) ${vscode.l10n.t('Ask: {0}', typed)}`,
            description: budget,
            question: typed,
            alwaysShow: true,
          },
        ]
      : [];
    const separator: AskPick[] =
      earlier.length > 0
        ? [{ label: vscode.l10n.t('Earlier questions'), kind: vscode.QuickPickItemKind.Separator }]
        : [];
    quickPick.items = [...askItem, ...separator, ...earlier];
  };
  update();
  quickPick.onDidChangeValue(update);
  try {
    return await new Promise((resolve) => {
      quickPick.onDidAccept(() => {
        const picked = quickPick.activeItems[0] ?? quickPick.selectedItems[0];
        const typed = quickPick.value.trim();
        if (picked?.entry) resolve({ entry: picked.entry });
        else if (typed.length > TEXT_LIMITS.question) {
          quickPick.title = vscode.l10n.t(
            'Omi: Ask (questions can be at most {0} characters)',
            TEXT_LIMITS.question.toLocaleString(),
          );
          return;
        } else if (typed) resolve({ question: typed });
        else return;
        quickPick.hide();
      });
      quickPick.onDidHide(() => resolve(undefined));
      quickPick.show();
    });
  } finally {
    quickPick.dispose();
  }
}

async function insertAnswer(
  entry: AskEntry,
  editor: vscode.TextEditor | undefined,
  date: (iso: string) => string,
): Promise<void> {
  if (!entry.answer) return;
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a text editor to insert the answer into.'));
    return;
  }
  const text = answerText(entry.question, entry.answer, editor.document.languageId === 'markdown', date);
  // editor.edit, not a snippet: "$1" in Omi's text must stay literal.
  const done = await editor.edit((edit) => {
    for (const selection of editor.selections) edit.replace(selection, text);
  });
  if (!done) void vscode.window.showWarningMessage(vscode.l10n.t('The editor did not accept the answer.'));
}
