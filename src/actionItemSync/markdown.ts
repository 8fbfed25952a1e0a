// The managed block of the action-item checklist as Markdown lines (no vscode import: unit-tested).
// Nothing in it depends on the time of the sync, so syncing unchanged items gives the same bytes.
import { TEXT_LIMITS } from '../api/client';
import type { ActionItem } from '../api/models';
import { localDayKey, parseDate } from '../util/time';
import { BEGIN_MARKER, END_MARKER } from './managedBlock';
import { doneAt, SECTION_ORDER, SECTION_TITLES, type Sections } from './sections';

export interface RenderOptions {
  /** A link that opens the conversation, or undefined for no link. */
  linkFor(conversationId: string): string | undefined;
  /** The server's 2,000-item listing limit was reached. */
  capped: boolean;
  /** The key may write action items: ticks in the block are sent to Omi on the next sync. */
  twoWay?: boolean;
}

/** One line of plain text that Markdown shows as typed: no markup, no HTML, no way to fake a marker. */
export function markdownText(text: string | null | undefined, max = TEXT_LIMITS.actionItem): string {
  const flat = (text ?? '').replace(/\s+/g, ' ').trim();
  const cut = flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
  return cut.replace(/[\\`*_[\]<>&~]/g, (c) => `\\${c}`);
}

function itemLine(item: ActionItem, options: RenderOptions): string {
  const description = markdownText(item.description) || '(no description)';
  const due = parseDate(item.due_at);
  const done = item.completed ? doneAt(item) : undefined;
  const when = item.completed ? (done ? ` (done ${localDayKey(done)})` : '') : due ? ` (due ${localDayKey(due)})` : '';
  const link = item.conversation_id ? options.linkFor(item.conversation_id) : undefined;
  const linkText = link ? ` · [conversation](${link})` : '';
  return `- [${item.completed ? 'x' : ' '}] ${description}${when}${linkText} <!-- omi:${encodeURIComponent(item.id)} -->`;
}

export function renderBlock(sections: Sections, options: RenderOptions): string[] {
  const lines = [
    BEGIN_MARKER,
    '<!-- Written by the Omi extension ("Omi: Sync Action Items to Markdown"); everything between the omi:begin and omi:end markers is replaced on every sync. Keep your own notes outside them. -->',
    ...(options.twoWay
      ? [
          '> **Your Omi action items.** Tick or untick a box here, then run "Omi: Sync Action Items to Markdown": the',
          '> change is sent to Omi first, then this block is rewritten from Omi.',
        ]
      : [
          '> **A read-only copy of your Omi action items.** Ticking a box here does not change anything in Omi: this',
          '> API key may not change action items. Complete items in the Omi app, then sync again.',
        ]),
  ];
  if (options.capped) {
    lines.push('>', '> Omi lists at most 2,000 action items, and that limit was reached: some items are missing.');
  }
  for (const key of SECTION_ORDER) {
    const items = sections[key];
    lines.push('', `## ${SECTION_TITLES[key]} (${items.length})`, '');
    if (items.length === 0) lines.push('_None._');
    for (const item of items) lines.push(itemLine(item, options));
  }
  lines.push('', END_MARKER);
  return lines;
}
