import * as vscode from 'vscode';
import type { Conversation } from '../api/models';
import type { OmiStore } from '../store/omiStore';
import { describeError } from '../util/errorMessage';
import { dateAndTime } from '../util/time';
import type { ConversationDocuments } from '../views/conversationDocument';
import { conversationStart, conversationTitle } from '../views/conversationsView';
import { isItemNode } from '../views/nodes';

/** The conversation id in whatever the command was given: an id, a conversation row or an action item row. */
export function conversationIdOf(argument: unknown): string | undefined {
  if (typeof argument === 'string') return argument.trim() || undefined;
  if (isItemNode(argument)) {
    const item = argument.item as { id?: unknown; conversation_id?: unknown; structured?: unknown };
    if (typeof item.conversation_id === 'string') return item.conversation_id;
    if (item.structured !== undefined && typeof item.id === 'string') return item.id;
  }
  return undefined;
}

async function pickConversation(store: OmiStore): Promise<string | undefined> {
  const list = store.list('conversations');
  if (!list.started) await list.loadMore();
  type Pick = vscode.QuickPickItem & { id?: string };
  const picks: Pick[] = list.items.map((c: Conversation) => {
    const start = conversationStart(c);
    return {
      label: conversationTitle(c),
      description: start ? dateAndTime(start) : undefined,
      detail: c.structured?.overview,
      id: c.id,
    };
  });
  const quickPick = vscode.window.createQuickPick<Pick>();
  quickPick.title = 'Omi: Open Conversation';
  quickPick.placeholder = 'Pick a recent conversation, or paste a conversation id';
  quickPick.matchOnDescription = true;
  quickPick.matchOnDetail = true;
  quickPick.items = picks;
  return new Promise((resolve) => {
    quickPick.onDidChangeValue((value) => {
      const typed = value.trim();
      const pasted: Pick[] =
        typed && !picks.some((p) => p.id === typed)
          ? [{ label: `Open conversation ${typed}`, id: typed, alwaysShow: true }]
          : [];
      quickPick.items = [...pasted, ...picks];
    });
    quickPick.onDidAccept(() => {
      resolve(quickPick.selectedItems[0]?.id);
      quickPick.dispose();
    });
    quickPick.onDidHide(() => {
      resolve(undefined);
      quickPick.dispose();
    });
    quickPick.show();
  });
}

/** `omi.openConversation`: shows a conversation with its transcript, as read-only JSON. */
export async function openConversation(
  store: OmiStore,
  documents: ConversationDocuments,
  argument?: unknown,
): Promise<void> {
  const id = conversationIdOf(argument) ?? (argument === undefined ? await pickConversation(store) : undefined);
  if (!id) return;
  try {
    const conversation = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'Opening Omi conversation…' },
      () => store.conversation(id),
    );
    const document = await vscode.workspace.openTextDocument(documents.uriFor(conversation));
    await vscode.window.showTextDocument(document, { preview: true });
  } catch (error) {
    const { message } = describeError(error);
    void vscode.window.showErrorMessage(`Could not open the conversation. ${message}`, 'Retry').then((choice) => {
      if (choice === 'Retry') void openConversation(store, documents, id);
    });
  }
}
