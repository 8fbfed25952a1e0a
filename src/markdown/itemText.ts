// Omi items as text for a user's notes: inserted, dropped or copied (no vscode import: unit-tested).
import * as l10n from '@vscode/l10n';
import type { ActionItem, Conversation, ConversationStructured, Memory } from '../api/models';
import type { ListKind } from '../util/listKind';
import { formatDuration, localDayKey, parseDate } from '../util/time';
import type { LinkBuilder } from './itemLinks';

export type TextStyle = 'markdown' | 'plain';

export interface ItemsOfKind {
  memories: Memory;
  actionItems: ActionItem;
  conversations: Conversation;
}

export type KindedItems = { [K in ListKind]: { kind: K; items: ItemsOfKind[K][] } }[ListKind];

/** The Markdown templates; the settings `omi.insert.*Template` replace them. */
export interface Templates {
  memory: string;
  actionItem: string;
  conversation: string;
}

export const DEFAULT_TEMPLATES: Readonly<Templates> = Object.freeze({
  memory: '- {content} _(Omi memory, {category}, {date})_',
  actionItem: '- [{check}] {description} (due {due})',
  conversation: '**{emoji} {title}** ({date})\n\n{overview}',
});

/** The defaults when inserts carry a link back to their item (`omi.insert.links`: "link"). */
export const LINKED_TEMPLATES: Readonly<Templates> = Object.freeze({
  memory: '- {content} _([Omi memory]({link}), {category}, {date})_',
  actionItem: '- [{check}] {description} (due {due}) _([Omi action item]({link}))_',
  conversation: '**{emoji} {title}** _([Omi conversation]({link}), {date})_\n\n{overview}',
});

/** Plain text has no markup to customise: just the words. */
const PLAIN_TEMPLATES: Readonly<Templates> = Object.freeze({
  memory: '{content}',
  actionItem: '{description} (due {due})',
  conversation: '{title} ({date})\n{overview}',
});

/** Plain text with the link after the words, where the note providers still find it. */
const PLAIN_LINKED_TEMPLATES: Readonly<Templates> = Object.freeze({
  memory: '{content} ({link})',
  actionItem: '{description} (due {due}) ({link})',
  conversation: '{title} ({date}) ({link})\n{overview}',
});

/** The Markdown-ish language ids; every other document gets plain text. */
const MARKDOWN_LANGUAGES = new Set(['markdown', 'mdx', 'quarto', 'rmd']);

export function styleForLanguage(languageId: string): TextStyle {
  return MARKDOWN_LANGUAGES.has(languageId) ? 'markdown' : 'plain';
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** `2026-11-28` in local time, or '' when absent. */
export function localDate(iso: string | null | undefined): string {
  const date = parseDate(iso);
  return date ? localDayKey(date) : '';
}

/** `2026-11-28 10:50` in local time, or '' when absent. */
export function localDateTime(iso: string | null | undefined): string {
  const date = parseDate(iso);
  return date ? `${localDayKey(date)} ${pad(date.getHours())}:${pad(date.getMinutes())}` : '';
}

/** One line: a bullet or a heading must not be broken by a line break inside the text. */
export function singleLine(text: string | null | undefined): string {
  return (text ?? '').replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ').trim();
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function memoryFields(memory: Memory, style: TextStyle): TemplateFields {
  const content = text(memory.content);
  return {
    content: style === 'markdown' ? singleLine(content) : content,
    category: text(memory.category),
    date: localDate(memory.created_at),
    id: text(memory.id),
    tags: Array.isArray(memory.tags) ? memory.tags.filter((t) => typeof t === 'string').join(', ') : '',
  };
}

function actionItemFields(item: ActionItem, style: TextStyle): TemplateFields {
  const description = text(item.description);
  return {
    description: style === 'markdown' ? singleLine(description) : description,
    check: item.completed ? 'x' : ' ',
    due: localDate(item.due_at),
    date: localDate(item.created_at),
    id: text(item.id),
  };
}

function conversationFields(conversation: Conversation, style: TextStyle): TemplateFields {
  const structured: Partial<ConversationStructured> = conversation.structured ?? {};
  const title = text(structured.title) || l10n.t('Untitled conversation');
  const started = parseDate(conversation.started_at);
  const finished = parseDate(conversation.finished_at);
  const seconds = started && finished && finished >= started ? (+finished - +started) / 1000 : undefined;
  return {
    title: style === 'markdown' ? singleLine(title) : title,
    emoji: singleLine(text(structured.emoji)),
    date: localDateTime(conversation.started_at ?? conversation.created_at),
    overview: text(structured.overview).trim(),
    category: text(structured.category),
    duration: seconds === undefined ? '' : formatDuration(seconds),
    id: text(conversation.id),
  };
}

/**
 * The text for some items of one kind, in the given style; several items are joined one per line or paragraph.
 * With `link`, each item's `{link}` field is a link back to it (and plain text carries it); without, `{link}` is empty.
 */
export function formatItems(
  entry: KindedItems,
  style: TextStyle,
  templates: Templates = DEFAULT_TEMPLATES,
  link?: LinkBuilder,
): string {
  const chosen = style === 'markdown' ? templates : link ? PLAIN_LINKED_TEMPLATES : PLAIN_TEMPLATES;
  const render = (template: string, fields: TemplateFields, linkText: string | undefined) => {
    const rendered = renderTemplate(template, { ...fields, link: linkText ?? '' });
    // An empty field at the start (no emoji) must not leave "** title**", which Markdown does not read as bold.
    return style === 'markdown' ? rendered.replace(/^(\*\*|#+ |- )? +/, '$1').trimEnd() : rendered;
  };
  let parts: string[];
  switch (entry.kind) {
    case 'memories':
      parts = entry.items.map((m) =>
        render(chosen.memory, memoryFields(m, style), link?.({ kind: 'memory', item: m })),
      );
      break;
    case 'actionItems':
      parts = entry.items.map((a) =>
        render(chosen.actionItem, actionItemFields(a, style), link?.({ kind: 'actionItem', item: a })),
      );
      break;
    case 'conversations':
      parts = entry.items.map((c) =>
        render(chosen.conversation, conversationFields(c, style), link?.({ kind: 'conversation', item: c })),
      );
      break;
  }
  const separator = parts.some((p) => p.includes('\n')) ? '\n\n' : '\n';
  return parts.join(separator);
}

/** The items' ids, one per line. */
export function formatIds(entry: KindedItems): string {
  return entry.items.map((item) => item.id).join('\n');
}

export type TemplateFields = Record<string, string>;

const FIELD = /\{\{|\}\}|\{([A-Za-z]+)\}/g;
// A parenthesised part holding one field and plain text, e.g. " (due {due})".
const OPTIONAL_PART = /( ?)\(([^(){}]*)\{([A-Za-z]+)\}([^(){}]*)\)/g;

/**
 * Replaces `{name}` with the field's value, taken literally: `$`, backslashes and braces in values stay as they are.
 * A parenthesised part around an empty field disappears with it, with the space before it: `{description} (due {due})`
 * reads `Call Anna` when there is no due date. `{{` and `}}` are literal braces; unknown names are left alone.
 */
export function renderTemplate(template: string, fields: TemplateFields): string {
  const withoutEmptyParts = template.replace(OPTIONAL_PART, (part, _space, _before, name: string) =>
    Object.hasOwn(fields, name) && fields[name] === '' ? '' : part,
  );
  // A function replacement, so that `$&` or `$1` in a value is not read as a pattern.
  return withoutEmptyParts.replace(FIELD, (match, name: string | undefined) => {
    if (match === '{{') return '{';
    if (match === '}}') return '}';
    return name !== undefined && Object.hasOwn(fields, name) ? fields[name]! : match;
  });
}
