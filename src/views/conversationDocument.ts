import * as vscode from 'vscode';
import type { Conversation } from '../api/models';

export const CONVERSATION_SCHEME = 'omi-conversation';

/** Read-only JSON documents of conversations, exactly as the API returned them: omi-conversation:/<id>.json */
export class ConversationDocuments implements vscode.TextDocumentContentProvider {
  private readonly documents = new Map<string, string>();

  uriFor(conversation: Conversation): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: CONVERSATION_SCHEME, path: `/${encodeURIComponent(conversation.id)}.json` });
    this.documents.set(uri.toString(), `${JSON.stringify(conversation, null, 2)}\n`);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.documents.get(uri.toString()) ?? '';
  }
}
