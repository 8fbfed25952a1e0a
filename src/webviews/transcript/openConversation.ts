import * as vscode from 'vscode';
import type { Conversation } from '../../api/models';
import type { OmiStore } from '../../store/omiStore';
import { conversationStarted, conversationTitle } from '../../util/text';
import { dateAndTime } from '../../util/time';
import { isItemNode } from '../../views/nodes';
import type { TranscriptPanel } from './transcriptPanel';
import type { TranscriptPanels } from './transcriptPanels';

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
    const start = conversationStarted(c);
    return {
      label: conversationTitle(c, 'row'),
      description: start ? dateAndTime(start) : undefined,
      detail: c.structured?.overview,
      id: c.id,
    };
  });
  const quickPick = vscode.window.createQuickPick<Pick>();
  quickPick.title = vscode.l10n.t('Omi: Open Conversation');
  quickPick.placeholder = vscode.l10n.t('Pick a recent conversation, or paste a conversation id');
  quickPick.matchOnDescription = true;
  quickPick.matchOnDetail = true;
  quickPick.items = picks;
  return new Promise((resolve) => {
    quickPick.onDidChangeValue((value) => {
      const typed = value.trim();
      // A pasted id of a listed conversation matches none of its text: show that conversation rather than nothing.
      const listed = picks.find((p) => p.id === typed);
      const pasted: Pick[] = listed
        ? [{ ...listed, alwaysShow: true }]
        : typed
          ? [{ label: vscode.l10n.t('Open conversation {0}', typed), id: typed, alwaysShow: true }]
          : [];
      quickPick.items = [...pasted, ...picks.filter((p) => p !== listed)];
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

/** `omi.openConversation`: shows a conversation in its transcript panel (revealing it when already open). */
export async function openConversation(
  store: OmiStore,
  panels: TranscriptPanels,
  argument?: unknown,
): Promise<TranscriptPanel | undefined> {
  const id = conversationIdOf(argument) ?? (argument === undefined ? await pickConversation(store) : undefined);
  return id ? panels.open(id) : undefined;
}
