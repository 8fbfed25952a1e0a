// Links from the Markdown checklist back to a conversation (no vscode import: unit-tested).
//
// A `command:` link runs only in a trusted Markdown preview, so the file links with the editor's own URI scheme
// (vscode://, vscode-insiders://, …) to this extension's URI handler, which works from the preview, from the editor
// (Ctrl+click) and from outside VS Code alike. The links of every kind of item are built in export/itemLinks.ts.

import { buildItemLink, LINK_PATHS, parseItemLink } from '../export/itemLinks';

export const OPEN_CONVERSATION_PATH = LINK_PATHS.conversation;

/** `vscode://omi-community.omi-vscode/openConversation?id=…`, safe inside a Markdown link's parentheses. */
export function conversationLink(uriScheme: string, extensionId: string, conversationId: string): string {
  return buildItemLink(uriScheme, extensionId, { kind: 'conversation', id: conversationId });
}

/** The conversation id a handled URI asks to open, or undefined when the URI is not such a link. */
export function conversationIdFromLink(path: string, query: string): string | undefined {
  const link = parseItemLink(path, query);
  return link?.kind === 'conversation' ? link.id : undefined;
}
