// Links from the Markdown checklist back to a conversation (no vscode import: unit-tested).
//
// A `command:` link runs only in a trusted Markdown preview, so the file links with the editor's own URI scheme
// (vscode://, vscode-insiders://, …) to this extension's URI handler, which works from the preview, from the editor
// (Ctrl+click) and from outside VS Code alike.

export const OPEN_CONVERSATION_PATH = '/openConversation';

/** `vscode://omi-community.omi-vscode/openConversation?id=…`, safe inside a Markdown link's parentheses. */
export function conversationLink(uriScheme: string, extensionId: string, conversationId: string): string {
  const id = encodeURIComponent(conversationId).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16)}`);
  return `${uriScheme}://${extensionId}${OPEN_CONVERSATION_PATH}?id=${id}`;
}

/** The conversation id a handled URI asks to open, or undefined when the URI is not such a link. */
export function conversationIdFromLink(path: string, query: string): string | undefined {
  if (path !== OPEN_CONVERSATION_PATH) return undefined;
  const id = new URLSearchParams(query).get('id')?.trim();
  return id || undefined;
}
