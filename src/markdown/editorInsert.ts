import * as vscode from 'vscode';
import { formatItems, type KindedItems, styleForLanguage } from './itemText';
import { readLinkBuilder, readTemplates } from './templateSettings';

/** The text for these items in this document: Markdown with the user's templates, or plain text. */
export function textForDocument(entry: KindedItems, document: vscode.TextDocument): string {
  return formatItems(
    entry,
    styleForLanguage(document.languageId),
    readTemplates(document.uri),
    readLinkBuilder(document.uri),
  );
}

/**
 * Inserts the items at every cursor (replacing selected text) as plain text through `editor.edit`: a snippet would
 * read `$1` or `${...}` in Omi text as placeholders. In Markdown, a block that would land after other text on the
 * same line starts on a new line instead. Resolves false when the editor refused the edit (read-only, closed).
 */
export function insertItems(editor: vscode.TextEditor, entry: KindedItems): Thenable<boolean> {
  const document = editor.document;
  const text = textForDocument(entry, document);
  const markdown = styleForLanguage(document.languageId) === 'markdown';
  const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  return editor.edit((builder) => {
    for (const selection of editor.selections) {
      const before = document.lineAt(selection.start.line).text.slice(0, selection.start.character);
      builder.replace(selection, markdown && before.trim() !== '' ? `${eol}${text}` : text);
    }
  });
}
