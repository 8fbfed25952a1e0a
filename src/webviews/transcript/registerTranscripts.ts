import * as vscode from 'vscode';
import type { SignInState } from '../../auth/signInState';
import { COMMAND } from '../../commandIds';
import type { OmiConnection } from '../../store/connection';
import type { OmiStore } from '../../store/omiStore';
import type { OmiWrites } from '../../store/omiWrites';
import type { ActionType } from '../../transcript/messages';
import type { Logger } from '../../util/logger';
import { registerCommand } from '../../util/registerCommand';
import { openConversation } from './openConversation';
import { TextEditorTracker } from './textEditorTracker';
import { TRANSCRIPT_VIEW_TYPE } from './transcriptPanel';
import { TranscriptPanels } from './transcriptPanels';

export interface TranscriptDependencies {
  store: OmiStore;
  connection: OmiConnection;
  signIn: SignInState;
  log: Logger;
  writes: OmiWrites;
}

/** The reading tools of the panel's title bar: each acts on the panel in front (or the conversation id given). */
const PANEL_COMMANDS: Record<string, ActionType> = {
  [COMMAND.transcriptCopyMarkdown]: 'copyMarkdown',
  [COMMAND.transcriptOpenMarkdown]: 'openMarkdown',
  [COMMAND.transcriptExport]: 'export',
  [COMMAND.transcriptInsertSummary]: 'insertSummary',
};

/** The transcript panel: `omi.openConversation`, its serializer, and its reading-tool commands. */
export function registerTranscripts(context: vscode.ExtensionContext, deps: TranscriptDependencies): TranscriptPanels {
  const editors = new TextEditorTracker();
  const panels = new TranscriptPanels({
    extensionUri: context.extensionUri,
    // A panel restored at start-up reads its transcript from the account's disk cache, once the key is known.
    fetchConversation: async (id, signal) => {
      await deps.signIn.whenLoaded();
      return deps.store.conversation(id, signal);
    },
    source: () => deps.connection.baseUrl,
    editorForInsert: () => editors.target,
    log: deps.log,
  });
  context.subscriptions.push(
    editors,
    vscode.window.registerWebviewPanelSerializer(TRANSCRIPT_VIEW_TYPE, panels),
    registerCommand(COMMAND.openConversation, (argument?: unknown) => openConversation(deps.store, panels, argument)),
    // A renamed conversation's panel shows the new title at once (and the old one again if Omi refuses); a deleted
    // conversation's panel closes.
    deps.writes.onDidShowConversationTitle(({ id, title }) => panels.get(id)?.retitle(title)),
    deps.writes.onDidChangeItem((change) => {
      if (change.kind === 'conversations' && change.change === 'deleted') panels.get(change.id)?.dispose();
    }),
    // A panel that failed for want of a key (restored before sign-in, say) tries again once signed in.
    deps.signIn.onDidChange((key) => {
      if (key) panels.retryFailed();
    }),
    ...Object.entries(PANEL_COMMANDS).map(([command, type]) =>
      registerCommand(command, (conversationId?: unknown) => {
        const panel = typeof conversationId === 'string' ? panels.get(conversationId) : panels.active;
        return panel?.run({ type });
      }),
    ),
  );
  return panels;
}
