import * as vscode from 'vscode';
import { TEXT_LIMITS } from '../api/client';
import type { Conversation, NewConversation } from '../api/models';
import { COMMAND } from '../commandIds';
import { languageCode, type Processed } from '../store/conversationProcessing';
import type { OmiWrites } from '../store/omiWrites';
import { registerCommand } from '../util/registerCommand';
import { askToSignIn } from '../util/showFailure';
import { conversationStarted, conversationTitle } from '../util/text';
import { dateAndTime } from '../util/time';
import {
  deleteAfterAsking,
  itemsOf,
  pickLoadedItem,
  quoted,
  reportingRefusal,
  textProblem,
  type WriteCommandDependencies,
} from './writeSupport';

interface ConversationCommandDependencies extends WriteCommandDependencies {
  writes: OmiWrites;
  /**
   * The conversation of the transcript panel in front, if one is: what Rename and Delete act on when run without an
   * argument (the panel's title bar, or the palette while the panel is active). Its loaded copy when it has one, else
   * its id.
   */
  activePanelConversation(): Conversation | string | undefined;
}

/** Rename Conversation…, Delete Conversation and Create Conversation from Selection…. */
export function registerConversationCommands(deps: ConversationCommandDependencies): vscode.Disposable[] {
  const pick = () =>
    pickLoadedItem('conversations', deps, {
      title: vscode.l10n.t('Omi: Pick a Conversation'),
      empty: vscode.l10n.t('No conversations are loaded.'),
      row: (conversation) => {
        const start = conversationStarted(conversation);
        return { label: conversationTitle(conversation, 'row'), description: start ? dateAndTime(start) : undefined };
      },
    });
  /** A tree row, an id or a conversation given; else the transcript panel in front; else the user's pick. */
  const conversationsOf = (args: unknown[]) => {
    // The panel's title bar passes nothing that names a conversation (a webview has no resource).
    if (!namesAnItem(args[0])) {
      const fromPanel = deps.activePanelConversation();
      if (fromPanel !== undefined) return itemsOf('conversations', deps, [fromPanel], pick);
    }
    return itemsOf('conversations', deps, args, pick);
  };
  return [
    registerCommand(COMMAND.renameConversation, async (...args: unknown[]) => {
      const [conversation] = (await conversationsOf(args)) ?? [];
      if (conversation) await renameConversation(deps, conversation);
    }),
    registerCommand(COMMAND.deleteConversation, async (...args: unknown[]) => {
      await deleteAfterAsking((await conversationsOf(args)) ?? [], {
        text: (conversation) => conversation.structured?.title,
        one: (text) => vscode.l10n.t('the conversation {0}', text),
        several: (count) => vscode.l10n.t('{0} conversations', count),
        remove: (conversation) => deps.writes.deleteConversation(conversation),
        command: COMMAND.deleteConversation,
      });
    }),
    registerCommand(COMMAND.createConversation, () => createFromSelection(deps)),
  ];
}

/** An id, a tree row or an item: an argument that says which conversation to act on. */
function namesAnItem(argument: unknown): boolean {
  if (typeof argument === 'string') return true;
  return typeof argument === 'object' && argument !== null && typeof (argument as { id?: unknown }).id === 'string';
}

/** Omi: Rename Conversation…: the new title, checked as typed; nothing is sent when it did not change. */
async function renameConversation(deps: ConversationCommandDependencies, conversation: Conversation): Promise<void> {
  const current = conversation.structured?.title ?? '';
  const typed = await vscode.window.showInputBox({
    title: vscode.l10n.t('Omi: Rename Conversation {0}', quoted(current)),
    prompt: vscode.l10n.t('The new title (up to {0} characters).', TEXT_LIMITS.conversationTitle),
    value: current,
    validateInput: textProblem(vscode.l10n.t('A conversation needs a title.'), TEXT_LIMITS.conversationTitle),
  });
  const title = typed?.trim();
  if (!title || title === current.trim()) return;
  const rename = (): Promise<boolean> =>
    reportingRefusal(
      vscode.l10n.t('{0} keeps its title: Omi did not rename it.', quoted(current)),
      () => deps.writes.renameConversation(conversation, title),
      rename,
    );
  await rename();
}

/**
 * The text to send: the non-empty selections (joined by a blank line), or, when nothing is selected and the user
 * agrees, the whole document. Undefined when there is nothing to send or the user declined.
 */
async function textToSend(editor: vscode.TextEditor): Promise<string | undefined> {
  const { document } = editor;
  const selected = editor.selections
    .filter((selection) => !selection.isEmpty)
    .map((selection) => document.getText(selection).trim())
    .filter((text) => text.length > 0);
  if (selected.length > 0) return selected.join('\n\n');
  const whole = document.getText().trim();
  if (!whole) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('There is no text to send: select the notes or chat log to turn into a conversation.'),
    );
    return undefined;
  }
  const send = vscode.l10n.t('Send Whole Document');
  const choice = await vscode.window.showInformationMessage(
    vscode.l10n.t('Nothing is selected. Send all of {0} to Omi as a conversation?', quoted(documentName(document))),
    {
      modal: true,
      detail: vscode.l10n.t(
        'Omi keeps the text and derives a title, overview, action items and memories from it ({0} characters).',
        whole.length.toLocaleString(),
      ),
    },
    send,
  );
  return choice === send ? whole : undefined;
}

function documentName(document: vscode.TextDocument): string {
  return document.isUntitled ? document.uri.path : (document.uri.path.split('/').pop() ?? document.uri.path);
}

/** Omi: Create Conversation from Selection…: the text goes to Omi, which makes a conversation of it. */
async function createFromSelection(deps: ConversationCommandDependencies): Promise<void> {
  if (!deps.signIn.signedIn) return askToSignIn();
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Select the text (meeting notes, a chat log) in an editor first.'),
    );
    return;
  }
  const text = await textToSend(editor);
  if (text === undefined) return;
  if (text.length > TEXT_LIMITS.conversationText) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t(
        'Omi takes at most {0} characters for a conversation; this text has {1}. Select less.',
        TEXT_LIMITS.conversationText.toLocaleString(),
        text.length.toLocaleString(),
      ),
    );
    return;
  }
  const input: NewConversation = { text, text_source: 'other_text', language: languageCode(vscode.env.language) };
  let processed: Processed | undefined;
  await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('Omi: creating a conversation'),
      cancellable: true,
    },
    (progress, token) => {
      progress.report({ message: vscode.l10n.t('sending the text…') });
      const controller = new AbortController();
      const cancelled = token.onCancellationRequested(() => controller.abort());
      return reportingRefusal(
        vscode.l10n.t('The text was not sent to Omi: no conversation was created.'),
        async () => {
          processed = await deps.writes.createConversation(input, {
            signal: controller.signal,
            onSent: () => progress.report({ message: vscode.l10n.t('Omi is processing the text…') }),
          });
        },
        () => vscode.commands.executeCommand(COMMAND.createConversation),
      ).finally(() => cancelled.dispose());
    },
  );
  if (processed) await reportOutcome(processed);
}

async function reportOutcome(processed: Processed): Promise<void> {
  switch (processed.outcome) {
    case 'ready': {
      const open = vscode.l10n.t('Open');
      const choice = await vscode.window.showInformationMessage(
        vscode.l10n.t('Omi made a conversation of the text: {0}', quoted(processed.conversation.structured?.title)),
        open,
      );
      if (choice === open) await vscode.commands.executeCommand(COMMAND.openConversation, processed.conversation.id);
      return;
    }
    case 'discarded':
      void vscode.window.showInformationMessage(
        vscode.l10n.t(
          'Omi found nothing to keep in the text, so no conversation was added. Longer notes or a chat log work best.',
        ),
      );
      return;
    case 'failed':
      void vscode.window.showErrorMessage(
        vscode.l10n.t('Omi could not process the text into a conversation. Try again later.'),
      );
      return;
    case 'processing':
      void vscode.window.showInformationMessage(
        vscode.l10n.t(
          'Omi has the text and is still processing it; the conversation shows in the Conversations view after a refresh.',
        ),
      );
      return;
  }
}
