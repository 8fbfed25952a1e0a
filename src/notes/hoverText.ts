// What a hover over an Omi link shows, and the preview of a completion (no vscode import: unit-tested).
// Omi text is data, not Markdown: it is escaped.
import * as l10n from '@vscode/l10n';
import type { ActionItem, Conversation, Memory } from '../api/models';
import { fingerprintOf, type ItemLink, type LinkedItem } from '../markdown/itemLinks';
import { localDate, localDateTime } from '../markdown/itemText';
import { escapeInline, escapeParagraph } from '../transcript/markdown';
import { conversationEmoji, conversationOverview, conversationTitle } from '../util/text';
import { formatDuration, secondsBetween } from '../util/time';

/** What Omi says about a linked item now. */
export type LookupResult =
  | { state: 'found'; entry: LinkedItem }
  | { state: 'deleted' }
  /** Not known: signed out, not loaded and no way to ask, or the request failed (`reason` says which). */
  | { state: 'unknown'; reason: string };

/** Whether the item differs from what the link's fingerprint says was inserted (false when the link has none). */
export function changedSinceInserted(link: ItemLink, entry: LinkedItem): boolean {
  return link.version !== undefined && link.version !== fingerprintOf(entry);
}

const OVERVIEW_LIMIT = 600;

function clip(text: string, limit: number): string {
  return text.length > limit ? `${text.slice(0, limit - 1).trimEnd()}…` : text;
}

function kindName(kind: ItemLink['kind']): string {
  switch (kind) {
    case 'memory':
      return l10n.t('Omi memory');
    case 'conversation':
      return l10n.t('Omi conversation');
    case 'actionItem':
      return l10n.t('Omi action item');
  }
}

function memoryLines(memory: Memory): string[] {
  const head = [`**${kindName('memory')}**`, memory.category ? escapeInline(String(memory.category)) : '']
    .filter(Boolean)
    .join(' · ');
  const dates = [
    localDate(memory.created_at) ? l10n.t('created {0}', localDate(memory.created_at)) : '',
    memory.updated_at && localDate(memory.updated_at) !== localDate(memory.created_at)
      ? l10n.t('updated {0}', localDate(memory.updated_at))
      : '',
  ].filter(Boolean);
  return [head, escapeParagraph(String(memory.content ?? '')), dates.length ? `*${dates.join(' · ')}*` : ''];
}

function conversationLines(conversation: Conversation): string[] {
  const emoji = escapeInline(conversationEmoji(conversation));
  const title = escapeInline(conversationTitle(conversation));
  const head = `**${kindName('conversation')}** · ${emoji ? `${emoji} ` : ''}${title}`;
  const seconds = secondsBetween(conversation.started_at, conversation.finished_at);
  const facts = [
    localDateTime(conversation.started_at ?? conversation.created_at),
    seconds === undefined ? '' : formatDuration(seconds),
  ].filter(Boolean);
  return [
    head,
    facts.length ? `*${facts.join(' · ')}*` : '',
    escapeParagraph(clip(conversationOverview(conversation), OVERVIEW_LIMIT)),
  ];
}

function actionItemLines(item: ActionItem): string[] {
  const state = item.completed ? l10n.t('done') : l10n.t('open');
  const due = localDate(item.due_at);
  const facts = [state, due ? l10n.t('due {0}', due) : ''].filter(Boolean).join(' · ');
  return [`**${kindName('actionItem')}** · ${facts}`, escapeParagraph(String(item.description ?? ''))];
}

/** The item's own lines (also the preview of a completion suggestion). */
export function itemPreview(entry: LinkedItem): string {
  const lines =
    entry.kind === 'memory'
      ? memoryLines(entry.item)
      : entry.kind === 'conversation'
        ? conversationLines(entry.item)
        : actionItemLines(entry.item);
  return lines.filter(Boolean).join('\n\n');
}

/** The hover over a link: the item as Omi has it now, and whether it changed or went since it was inserted. */
export function hoverMarkdown(link: ItemLink, result: LookupResult): string {
  switch (result.state) {
    case 'found': {
      const parts = [itemPreview(result.entry)];
      if (changedSinceInserted(link, result.entry)) {
        parts.push(`$(warning) ${l10n.t('Changed in Omi since it was inserted here.')}`);
      }
      return parts.join('\n\n');
    }
    case 'deleted':
      return `**${kindName(link.kind)}**\n\n$(trash) ${l10n.t('Deleted in Omi since it was inserted here.')}`;
    case 'unknown':
      return `**${kindName(link.kind)}**\n\n${escapeInline(result.reason)}`;
  }
}
