import * as vscode from 'vscode';
import type { Conversation, Memory } from '../api/models';
import { OMI_EXTENSION_ID } from '../markdown/itemLinks';
import { formatItems, type KindedItems, styleForLanguage } from '../markdown/itemText';
import { readLinkBuilder, readTemplates } from '../markdown/templateSettings';
import type { OmiStore } from '../store/omiStore';
import { oneLine } from '../util/text';
import { parseDate } from '../util/time';
import { itemPreview } from './hoverText';
import { type Candidate, matchTrigger, rankCandidates } from './ranking';

/** How many suggestions one completion offers. */
const SUGGESTIONS = 40;

type Suggestion = { kind: 'memory'; item: Memory } | { kind: 'conversation'; item: Conversation };

export const COMPLETION_SELECTOR: vscode.DocumentSelector = [{ language: 'markdown' }, { language: 'plaintext' }];
/** `@` starts `@omi`; a space lets the words after it keep the suggestions coming; `/` follows the link's prefix. */
export const COMPLETION_TRIGGERS = ['@', ' ', '/'];

function time(iso: string | null | undefined): number {
  return parseDate(iso)?.getTime() ?? 0;
}

/**
 * `@omi words` in Markdown and plain text suggests the loaded memories and conversations holding those words (best
 * first, newest among equals); accepting one replaces the trigger with the text the insert commands write, link
 * included. After an Omi link's prefix (`vscode://omi-community.omi-vscode/`) it completes the link alone.
 *
 * While the user types, only what the store has loaded is searched, so typing never costs a request. Invoked on
 * purpose (Ctrl+Space) after three letters, Omi's ranking by meaning comes first, where the server offers it.
 */
export class OmiCompletionProvider implements vscode.CompletionItemProvider {
  constructor(
    private readonly store: OmiStore,
    private readonly signedIn: () => boolean,
    /** Memories ranked by Omi for the words; asked only when the user invokes completion (Ctrl+Space). */
    private readonly searchByMeaning?: MeaningSearch,
  ) {}

  async provideCompletionItems(
    document: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
    context?: vscode.CompletionContext,
  ): Promise<vscode.CompletionList | undefined> {
    if (token.isCancellationRequested || !this.signedIn()) return undefined;
    const line = document.lineAt(position.line).text;
    const prefix = line.slice(0, position.character);
    const trigger = matchTrigger(prefix, OMI_EXTENSION_ID);
    if (!trigger) return undefined;
    const query = trigger.kind === 'mention' ? trigger.query : '';
    const explicit = context?.triggerKind === vscode.CompletionTriggerKind.Invoke;
    const byMeaning = explicit && query.trim().length >= 3 ? await this.rankedByOmi(query, token) : [];
    if (token.isCancellationRequested) return undefined;
    const candidates: Candidate<Suggestion>[] = [
      ...this.store.list('memories').items.map((item) => ({
        value: { kind: 'memory' as const, item },
        text: `${item.content ?? ''} ${item.category ?? ''} ${(item.tags ?? []).join(' ')}`,
        time: time(item.created_at),
      })),
      ...this.store.list('conversations').items.map((item) => ({
        value: { kind: 'conversation' as const, item },
        text: `${item.structured?.title ?? ''} ${item.structured?.overview ?? ''} ${item.structured?.category ?? ''}`,
        time: time(item.started_at ?? item.created_at),
      })),
    ];
    if (token.isCancellationRequested) return undefined;
    const byText = rankCandidates(query, candidates, SUGGESTIONS);
    const seen = new Set(byMeaning.map((memory) => memory.id));
    const ranked: Suggestion[] = [
      ...byMeaning.map((item) => ({ kind: 'memory' as const, item })),
      ...byText.filter((suggestion) => !(suggestion.kind === 'memory' && seen.has(suggestion.item.id))),
    ].slice(0, SUGGESTIONS);
    const range = new vscode.Range(position.line, trigger.start, position.line, position.character);
    const typed = prefix.slice(trigger.start);
    const style = styleForLanguage(document.languageId);
    const templates = readTemplates(document.uri);
    const links = readLinkBuilder(document.uri);
    // A Markdown block (a bullet, a paragraph) starts on a line of its own, as the insert commands do.
    const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
    const newLine = style === 'markdown' && line.slice(0, trigger.start).trim() !== '' ? eol : '';
    const items = ranked.map((suggestion, index) => {
      const entry: KindedItems =
        suggestion.kind === 'memory'
          ? { kind: 'memories', items: [suggestion.item] }
          : { kind: 'conversations', items: [suggestion.item] };
      const label =
        suggestion.kind === 'memory'
          ? oneLine(suggestion.item.content, 80)
          : oneLine(suggestion.item.structured?.title, 80) || vscode.l10n.t('Untitled conversation');
      const item = new vscode.CompletionItem(
        {
          label,
          description: suggestion.kind === 'memory' ? vscode.l10n.t('Omi memory') : vscode.l10n.t('Omi conversation'),
        },
        suggestion.kind === 'memory' ? vscode.CompletionItemKind.Reference : vscode.CompletionItemKind.Event,
      );
      item.insertText =
        trigger.kind === 'link'
          ? (readLinkBuilder(document.uri, true)?.(suggestion) ?? '')
          : `${newLine}${formatItems(entry, style, templates, links)}`;
      item.range = range;
      // Every suggestion matches what was typed: the order is ours.
      item.filterText = typed;
      item.sortText = String(index).padStart(4, '0');
      item.documentation = new vscode.MarkdownString(itemPreview(suggestion), true);
      return item;
    });
    // Incomplete: the next word typed asks again, from the same loaded items.
    return new vscode.CompletionList(items, true);
  }

  /**
   * Memories Omi ranks closest to the words, the loaded copy of each where there is one; nothing when the server
   * cannot rank (the loaded items are searched by their words anyway) or the user moved on.
   */
  private async rankedByOmi(query: string, token: vscode.CancellationToken): Promise<Memory[]> {
    if (!this.searchByMeaning) return [];
    const controller = new AbortController();
    const subscription = token.onCancellationRequested(() => controller.abort());
    try {
      const found = await this.searchByMeaning(query, controller.signal);
      if (!found.byMeaning) return [];
      const loaded = this.store.list('memories');
      return found.items.map((match) => loaded.find(match.id) ?? (match as unknown as Memory));
    } catch {
      return [];
    } finally {
      subscription.dispose();
    }
  }
}

/** Memories ranked by meaning, or (byMeaning false) found by their words when the server cannot rank. */
export type MeaningSearch = (
  query: string,
  signal: AbortSignal,
) => Promise<{ items: { id: string }[]; byMeaning: boolean }>;
