import * as vscode from 'vscode';
import { describeError } from '../util/errorMessage';
import { dateAndTime, parseDate } from '../util/time';
import { BundledPanel, bundledPanelHtml } from '../webviews/bundledPanel';
import { type AskEntryView, type AskPanelState, parseAskMessage } from './askProtocol';
import type { AskEntry, OmiAsk } from './omiAsk';

export const ASK_VIEW_TYPE = 'omi.ask';

export interface AskPanelActions {
  /** Omi: Ask… again (the panel's "Ask another question"). */
  askAnother(): void;
  openConversation(id: string): void;
  copy(entry: AskEntry): void;
  insert(entry: AskEntry): void;
}

function entryView(entry: AskEntry): AskEntryView {
  const view: AskEntryView = { question: entry.question, askedAt: dateAndTime(entry.askedAt), status: entry.status };
  if (entry.answer) {
    view.answer = entry.answer.answer;
    view.sources = entry.answer.sources.map((source) => {
      const created = parseDate(source.created_at);
      return {
        id: source.id,
        title: source.title?.trim() || vscode.l10n.t('Untitled conversation'),
        when: created ? dateAndTime(created) : '',
      };
    });
  }
  if (entry.status === 'failed') view.error = describeError(entry.error).message;
  return view;
}

/**
 * The Ask panel: the question shown, its answer and the conversations it drew on (each opens in the transcript
 * panel), and the session's earlier questions one click away. The page renders every Omi text as text.
 */
export class AskPanel extends BundledPanel<AskPanelState> {
  private selected = 0;

  constructor(
    panel: vscode.WebviewPanel,
    private readonly ask: OmiAsk,
    private readonly actions: AskPanelActions,
  ) {
    super(panel);
    this.disposeWithPanel(ask.onDidChange(() => this.post()));
  }

  /** Shows the newest question (the one just asked). */
  showNewest(): void {
    this.show(0);
  }

  /** Shows one of the session's questions and its answer. */
  show(index: number): void {
    this.selected = Math.max(0, index);
    this.post();
    this.panel.reveal(undefined, true);
  }

  get state(): AskPanelState {
    const entries = this.ask.entries.map(entryView);
    return {
      entries,
      selected: Math.min(this.selected, Math.max(0, entries.length - 1)),
      budget: this.ask.describeBudget(),
    };
  }

  receive(raw: unknown): void {
    const message = parseAskMessage(raw);
    if (!message) return;
    const entry = 'index' in message ? this.ask.entries[message.index] : undefined;
    switch (message.type) {
      case 'ready':
        this.post();
        return;
      case 'askAnother':
        this.actions.askAnother();
        return;
      case 'select':
        if (entry) {
          this.selected = message.index;
          this.post();
        }
        return;
      case 'openSource':
        if (this.ask.entries.some((e) => e.answer?.sources.some((s) => s.id === message.id))) {
          this.actions.openConversation(message.id);
        }
        return;
      case 'copy':
        if (entry) this.actions.copy(entry);
        return;
      case 'insert':
        if (entry) this.actions.insert(entry);
        return;
      case 'retry':
        if (entry?.status === 'failed') {
          this.selected = 0;
          void this.ask.retry(entry);
        }
        return;
    }
  }
}

/** The Ask page, in the one template for built pages. */
export function askHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  return bundledPanelHtml(webview, extensionUri, 'ask', {
    title: vscode.l10n.t('Ask Omi'),
    loading: vscode.l10n.t('Asking Omi…'),
  });
}
