import * as vscode from 'vscode';
import { COMMAND } from '../commandIds';
import { type FoundLink, findItemLinks } from '../markdown/itemLinks';

/** A command URI that opens the link's item: works in code-server too, where the link's own scheme may not. */
export function openLinkTarget(link: FoundLink): vscode.Uri {
  return vscode.Uri.parse(`command:${COMMAND.openItemLink}?${encodeURIComponent(JSON.stringify([link.text]))}`);
}

function tooltipFor(link: FoundLink): string {
  switch (link.kind) {
    case 'memory':
      return vscode.l10n.t('Show this memory in the Memories view');
    case 'conversation':
      return vscode.l10n.t('Open this conversation in Omi');
    case 'actionItem':
      return vscode.l10n.t('Show this action item in the Action Items view');
  }
}

/** The Omi item links of a document, each opening its item (any text document: notes, comments, plain text). */
export class OmiDocumentLinkProvider implements vscode.DocumentLinkProvider {
  provideDocumentLinks(document: vscode.TextDocument, token: vscode.CancellationToken): vscode.DocumentLink[] {
    if (token.isCancellationRequested) return [];
    const text = document.getText();
    // Cheap first look: most documents hold no Omi link at all.
    if (!text.includes('omi-community.omi-vscode')) return [];
    return findItemLinks(text).map((link) => {
      const range = new vscode.Range(document.positionAt(link.start), document.positionAt(link.end));
      const documentLink = new vscode.DocumentLink(range, openLinkTarget(link));
      documentLink.tooltip = tooltipFor(link);
      return documentLink;
    });
  }
}

/** The link under a position, looking at that line only. */
export function linkAt(document: vscode.TextDocument, position: vscode.Position): FoundLink | undefined {
  const line = document.lineAt(position.line).text;
  return findItemLinks(line).find((link) => link.start <= position.character && position.character <= link.end);
}
