import * as vscode from 'vscode';
import type { Conversation } from '../../api/models';
import { conversationExportJson, conversationExportName } from '../../export/conversationExport';
import { exportTarget } from '../../export/conversationExportFile';
import { insertItems } from '../../markdown/editorInsert';
import { conversationMarkdown } from '../../transcript/markdown';
import type { Transcript } from '../../transcript/turns';
import { formatTimecode } from '../../transcript/turns';
import { writeFileAtomically } from '../../util/workspaceFiles';

/** What the reading tools work on: the conversation as the API returned it and its turns. */
export interface LoadedConversation {
  conversation: Conversation;
  transcript: Transcript;
}

export async function copyTranscriptMarkdown({ conversation, transcript }: LoadedConversation): Promise<string> {
  await vscode.env.clipboard.writeText(conversationMarkdown(conversation, transcript, { now: new Date() }));
  return vscode.l10n.t('Copied the transcript as Markdown.');
}

/** One turn as plain text ("Dana (1:05): …"), for pasting anywhere. */
export async function copyTurn({ transcript }: LoadedConversation, index: number): Promise<string | undefined> {
  const turn = transcript.turns[index];
  if (!turn) return undefined;
  const speaker = transcript.speakers[turn.speaker]?.label ?? vscode.l10n.t('Unknown');
  const time = formatTimecode(turn.start);
  await vscode.env.clipboard.writeText(`${speaker}${time ? ` (${time})` : ''}: ${turn.text}`);
  return time
    ? vscode.l10n.t("Copied {0}'s turn at {1}.", speaker, time)
    : vscode.l10n.t("Copied {0}'s turn.", speaker);
}

export async function openAsMarkdown({ conversation, transcript }: LoadedConversation): Promise<void> {
  const content = conversationMarkdown(conversation, transcript, { now: new Date() });
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content });
  await vscode.window.showTextDocument(document, { preview: false });
}

/** Returns the file written, or undefined when the user cancelled the save dialog. */
export async function exportConversation(
  { conversation }: LoadedConversation,
  source: string,
): Promise<vscode.Uri | undefined> {
  const target = await exportTarget(conversationExportName(conversation));
  if (!target) return undefined;
  // The save dialog asked before replacing a file; exportTarget never picks an existing one.
  await writeFileAtomically(target, new TextEncoder().encode(conversationExportJson(conversation, source, new Date())));
  return target;
}

/**
 * Inserts title, date and overview at the cursor (or over the selection) of a text editor, as Insert into Editor does
 * from the tree: the user's conversation template in Markdown, plain text elsewhere, a link back when set.
 */
export async function insertSummary(
  { conversation }: LoadedConversation,
  editor: vscode.TextEditor | undefined,
): Promise<string> {
  if (!editor) return vscode.l10n.t('Open a text editor to insert the summary into.');
  const done = await insertItems(editor, { kind: 'conversations', items: [conversation] });
  return done ? vscode.l10n.t('Inserted the summary.') : vscode.l10n.t('The editor did not accept the summary.');
}
