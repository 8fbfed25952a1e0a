// How an item's words become one label: the text helpers every feature shares (tree rows, pickers, the transcript
// panel, Markdown, hovers, @omi answers). No vscode import: unit-tested, and below every feature.
import * as l10n from '@vscode/l10n';
import type { Conversation } from '../api/models';
import { parseDate } from './time';

export function titleCase(word: string): string {
  return word ? word.charAt(0).toUpperCase() + word.slice(1) : word;
}

/** One line of the text, short enough for a tree row or a picker: whitespace runs become one space, then `…` past `max`. */
export function oneLine(text: string | null | undefined, max = 160): string {
  const flat = (text ?? '').replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** A field of a conversation read defensively: the server checks only the id and the `structured` block. */
export function stringField(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

export function structuredOf(conversation: Conversation): Record<string, unknown> {
  const structured: unknown = conversation.structured;
  return typeof structured === 'object' && structured !== null ? (structured as Record<string, unknown>) : {};
}

/**
 * A conversation's title, "Untitled conversation" when it has none.
 * `full` (the transcript panel, Markdown, hovers, @omi): the title as written.
 * `row` (tree rows, pickers): one line of at most 160 characters, led by the conversation's emoji.
 */
export function conversationTitle(conversation: Conversation, style: 'full' | 'row' = 'full'): string {
  if (style === 'full') return stringField(structuredOf(conversation).title) || l10n.t('Untitled conversation');
  const title = oneLine(stringField(structuredOf(conversation).title)) || l10n.t('Untitled conversation');
  const emoji = oneLine(conversationEmoji(conversation), 8);
  return emoji ? `${emoji} ${title}` : title;
}

export function conversationEmoji(conversation: Conversation): string {
  return stringField(structuredOf(conversation).emoji);
}

export function conversationOverview(conversation: Conversation): string {
  return stringField(structuredOf(conversation).overview);
}

/** When the conversation started (or was created, when the start is unknown). */
export function conversationStarted(conversation: Conversation): Date | undefined {
  return parseDate(stringField(conversation.started_at)) ?? parseDate(stringField(conversation.created_at));
}
