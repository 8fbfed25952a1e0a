import * as vscode from 'vscode';
import { COMMAND } from '../commandIds';
import { hoverMarkdown } from './hoverText';
import type { ItemLookup } from './itemLookup';
import { linkAt, openLinkTarget } from './links';

/**
 * Hovering an Omi link shows the item as Omi has it now (from what is loaded, or one request, cancelled when the
 * hover goes away) and says when it changed or was deleted since it was inserted.
 */
export class OmiLinkHoverProvider implements vscode.HoverProvider {
  constructor(private readonly lookup: ItemLookup) {}

  async provideHover(
    document: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
  ): Promise<vscode.Hover | undefined> {
    const link = linkAt(document, position);
    if (!link || token.isCancellationRequested) return undefined;
    const result = await this.lookup.lookup(link, token);
    if (token.isCancellationRequested) return undefined;
    const markdown = new vscode.MarkdownString(hoverMarkdown(link, result), true);
    if (result.state === 'found') {
      const open =
        link.kind === 'conversation'
          ? vscode.l10n.t('Open conversation')
          : link.kind === 'memory'
            ? vscode.l10n.t('Show in Memories')
            : vscode.l10n.t('Show in Action Items');
      markdown.appendMarkdown(`\n\n[${open}](${openLinkTarget(link).toString()})`);
    }
    markdown.isTrusted = { enabledCommands: [COMMAND.openItemLink] };
    const line = position.line;
    return new vscode.Hover(markdown, new vscode.Range(line, link.start, line, link.end));
  }
}
