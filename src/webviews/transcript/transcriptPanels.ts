import * as vscode from 'vscode';
import { parseTranscriptState } from '../../transcript/messages';
import { TRANSCRIPT_VIEW_TYPE, TranscriptPanel, type TranscriptPanelContext, webviewOptions } from './transcriptPanel';

/**
 * The open transcript panels, one per conversation: opening a conversation again reveals its panel. Also the
 * serializer that brings panels back after a reload, from the state their webview saved (the id is all it needs:
 * the page paints its saved first screen itself, and the conversation comes from the transcript cache). Panels are
 * left open when the extension deactivates, so that VS Code can save them for the next start.
 */
export class TranscriptPanels implements vscode.WebviewPanelSerializer {
  private readonly panels = new Map<string, TranscriptPanel>();
  private lastActive: TranscriptPanel | undefined;

  constructor(private readonly context: TranscriptPanelContext) {}

  get(conversationId: string): TranscriptPanel | undefined {
    return this.panels.get(conversationId);
  }

  get all(): readonly TranscriptPanel[] {
    return [...this.panels.values()];
  }

  /** The panel in front, else the one the user looked at last. */
  get active(): TranscriptPanel | undefined {
    return this.all.find((p) => p.panel.active) ?? this.lastActive;
  }

  open(conversationId: string): TranscriptPanel {
    const existing = this.panels.get(conversationId);
    if (existing) {
      existing.reveal();
      // Opening a conversation that failed to load is asking for it again.
      if (existing.failed) void existing.load();
      return existing;
    }
    const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    const panel = vscode.window.createWebviewPanel(
      TRANSCRIPT_VIEW_TYPE,
      vscode.l10n.t('Omi conversation'),
      { viewColumn: column, preserveFocus: false },
      { ...webviewOptions(this.context.extensionUri), enableFindWidget: true },
    );
    return this.adopt(panel, conversationId);
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const restored = parseTranscriptState(state);
    if (!restored) {
      panel.dispose();
      return;
    }
    const existing = this.panels.get(restored.conversationId);
    if (existing) {
      panel.dispose();
      existing.reveal();
      return;
    }
    this.adopt(panel, restored.conversationId);
  }

  /** Loads every panel that shows an error again (after signing in, say). */
  retryFailed(): void {
    for (const panel of this.panels.values()) if (panel.failed) void panel.load();
  }

  private adopt(panel: vscode.WebviewPanel, conversationId: string): TranscriptPanel {
    const transcript = new TranscriptPanel(panel, conversationId, this.context);
    this.panels.set(conversationId, transcript);
    if (panel.active) this.lastActive = transcript;
    panel.onDidChangeViewState((e) => {
      if (e.webviewPanel.active) this.lastActive = transcript;
    });
    transcript.onDidDispose(() => {
      this.panels.delete(conversationId);
      if (this.lastActive === transcript) this.lastActive = undefined;
    });
    return transcript;
  }
}
