import * as vscode from 'vscode';
import type { Conversation } from '../../api/models';
import { retitled } from '../../store/conversationProcessing';
import { toConversationView } from '../../transcript/conversationView';
import {
  type ConversationView,
  firstScreen,
  type HostMessage,
  parseWebviewMessage,
  showMessage,
  type WebviewMessage,
} from '../../transcript/messages';
import { buildTranscript } from '../../transcript/turns';
import { describeError } from '../../util/errorMessage';
import type { Logger } from '../../util/logger';
import { oneLine } from '../../util/text';
import { transcriptHtml } from '../webviewPage';
import {
  copyTranscriptMarkdown,
  copyTurn,
  exportConversation,
  insertSummary,
  type LoadedConversation,
  openAsMarkdown,
} from './transcriptActions';

export const TRANSCRIPT_VIEW_TYPE = 'omi.transcript';

export interface TranscriptPanelContext {
  extensionUri: vscode.Uri;
  /** The store's conversation(id): cache first, else one request. */
  fetchConversation(id: string, signal: AbortSignal): Promise<Conversation>;
  /** The API base URL, recorded in exports as their source. */
  source(): string | undefined;
  editorForInsert(): vscode.TextEditor | undefined;
  log: Logger;
}

type ToolMessage = Exclude<WebviewMessage, { type: 'ready' | 'retry' }>;

/** Why a reading tool cannot work before the conversation is loaded, with {0} for the reason it did not load. */
function notLoadedYet(tool: ToolMessage['type'], reason: string): string {
  switch (tool) {
    case 'copyTurn':
    case 'copyMarkdown':
      return vscode.l10n.t('Omi: The conversation did not load, so it cannot be copied yet. {0}', reason);
    case 'openMarkdown':
      return vscode.l10n.t('Omi: The conversation did not load, so it cannot be opened as Markdown yet. {0}', reason);
    case 'insertSummary':
      return vscode.l10n.t('Omi: The conversation did not load, so its summary cannot be inserted yet. {0}', reason);
    case 'export':
      return vscode.l10n.t('Omi: The conversation did not load, so it cannot be exported yet. {0}', reason);
  }
}

type Phase = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'shown'; view: ConversationView };

/** The built page and stylesheet are the only files the webview may load. */
export function webviewRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, enableCommandUris: false, localResourceRoots: [webviewRoot(extensionUri)] };
}

/**
 * One conversation in a webview panel: loads it through the store, sends the webview a plain-text view of it, and
 * carries out the reading tools the webview asks for. The webview says `ready` whenever it (re)starts, and is then
 * sent the current state, so it can be discarded while hidden (no retainContextWhenHidden).
 */
export class TranscriptPanel implements vscode.Disposable {
  private phase: Phase = { kind: 'loading' };
  private loaded: LoadedConversation | undefined;
  private controller: AbortController | undefined;
  private readonly disposed = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposed.event;
  private readonly subscriptions: vscode.Disposable[] = [];
  private isDisposed = false;
  /** Whether the page is running and has asked for the state (it restarts whenever a hidden panel is shown). */
  private webviewReady = false;

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly conversationId: string,
    private readonly context: TranscriptPanelContext,
  ) {
    const webview = panel.webview;
    webview.options = webviewOptions(context.extensionUri);
    const root = webviewRoot(context.extensionUri);
    webview.html = transcriptHtml({
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(root, 'transcript.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(root, 'transcript.css')).toString(),
      language: vscode.env.language,
      l10nBundle: vscode.l10n.bundle,
    });
    panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'omi-activitybar.svg');
    this.subscriptions.push(
      webview.onDidReceiveMessage((message) => void this.handleMessage(message)),
      panel.onDidChangeViewState(() => {
        // A hidden webview's page is discarded; it says `ready` again when shown.
        if (!panel.visible) this.webviewReady = false;
      }),
      panel.onDidDispose(() => this.dispose()),
    );
    void this.load();
  }

  /** The conversation and its turns once loaded. */
  get content(): LoadedConversation | undefined {
    return this.loaded;
  }

  get failed(): boolean {
    return this.phase.kind === 'error';
  }

  /** What the webview shows now: Loading…, the error with its Retry button, or the conversation. */
  get current(): HostMessage {
    return this.phaseMessage();
  }

  reveal(): void {
    this.panel.reveal(undefined, false);
  }

  /** Loads (again) from the store; the webview shows Loading… and then the conversation or the error. */
  async load(): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.setPhase({ kind: 'loading' });
    try {
      const conversation = await this.context.fetchConversation(this.conversationId, controller.signal);
      if (controller.signal.aborted || this.isDisposed) return;
      const transcript = buildTranscript(conversation.transcript_segments);
      this.loaded = { conversation, transcript };
      const view = toConversationView(conversation, transcript, new Date());
      this.panel.title = oneLine(`${view.emoji} ${view.title}`, 60);
      this.setPhase({ kind: 'shown', view });
    } catch (error) {
      if (controller.signal.aborted || this.isDisposed) return;
      this.setPhase({ kind: 'error', message: describeError(error).message });
    }
  }

  /**
   * Shows another title (a rename, or the old title back when Omi refused it) without loading again. A panel still
   * loading gets the title from the cache, which the rename updated first.
   */
  retitle(title: string): void {
    const loaded = this.loaded;
    if (!loaded || this.isDisposed || this.phase.kind !== 'shown') return;
    const conversation = retitled(loaded.conversation, title);
    this.loaded = { conversation, transcript: loaded.transcript };
    const view = toConversationView(conversation, loaded.transcript, new Date());
    this.panel.title = oneLine(`${view.emoji} ${view.title}`, 60);
    this.phase = { kind: 'shown', view };
    // The same turns: the page redraws the header and keeps its turns, so they are not sent again.
    this.post(firstScreen(view));
  }

  /** Everything the webview sends comes through here; anything but a well-formed message is ignored. */
  async handleMessage(raw: unknown): Promise<void> {
    const message = parseWebviewMessage(raw);
    if (!message) {
      this.context.log.warn('Ignored a malformed message from the transcript panel.');
      return;
    }
    if (message.type === 'ready') {
      this.webviewReady = true;
      return this.post(this.phaseMessage());
    }
    if (message.type === 'retry') return this.load();
    await this.run(message);
  }

  /** A reading tool, from the webview or from a command; its outcome shows in the panel's status line. */
  async run(message: ToolMessage): Promise<void> {
    const loaded = this.loaded;
    if (!loaded) return this.notLoaded(message);
    try {
      const status = await this.perform(message, loaded);
      if (status) this.post({ type: 'status', message: status });
    } catch (error) {
      const { message: reason } = describeError(error);
      void vscode.window.showErrorMessage(vscode.l10n.t('Omi: {0}', reason));
    }
  }

  /**
   * A title-bar command (Export, Copy as Markdown…) on a panel without a conversation: says so instead of doing
   * nothing, and after a failed load offers Retry, which loads the conversation and then does what was asked.
   */
  private async notLoaded(message: ToolMessage): Promise<void> {
    const phase = this.phase;
    if (phase.kind !== 'error') {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Omi: The conversation is still loading; try again when it shows.'),
      );
      return;
    }
    const retry = vscode.l10n.t('Retry');
    const choice = await vscode.window.showErrorMessage(notLoadedYet(message.type, phase.message), retry);
    if (choice !== retry || this.isDisposed) return;
    await this.load();
    if (!this.isDisposed) await this.run(message);
  }

  private async perform(message: ToolMessage, loaded: LoadedConversation) {
    switch (message.type) {
      case 'copyTurn':
        return copyTurn(loaded, message.turn);
      case 'copyMarkdown':
        return copyTranscriptMarkdown(loaded);
      case 'openMarkdown':
        await openAsMarkdown(loaded);
        return undefined;
      case 'insertSummary':
        return insertSummary(loaded, this.context.editorForInsert());
      case 'export': {
        const source = this.context.source() ?? '';
        const file = await exportConversation(loaded, source);
        if (!file) return undefined;
        void vscode.window.showInformationMessage(vscode.l10n.t('Exported the conversation to {0}.', file.fsPath));
        return vscode.l10n.t('Exported the conversation.');
      }
    }
  }

  private phaseMessage(): HostMessage {
    const phase = this.phase;
    switch (phase.kind) {
      case 'loading':
        return { type: 'loading', conversationId: this.conversationId };
      case 'error':
        return { type: 'error', conversationId: this.conversationId, message: phase.message, canRetry: true };
      case 'shown':
        return showMessage(phase.view);
    }
  }

  private setPhase(phase: Phase): void {
    this.phase = phase;
    this.post(this.phaseMessage());
  }

  /** Sent only to a running page: one that has not said `ready` yet gets the state when it does. */
  private post(message: HostMessage): void {
    if (this.isDisposed || !this.webviewReady) return;
    void this.panel.webview.postMessage(message).then(undefined, () => {});
  }

  dispose(): void {
    if (this.isDisposed) return;
    this.isDisposed = true;
    this.controller?.abort();
    for (const s of this.subscriptions) s.dispose();
    this.disposed.fire();
    this.disposed.dispose();
    this.panel.dispose();
  }
}
