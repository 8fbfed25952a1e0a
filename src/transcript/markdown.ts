// A conversation as Markdown, for the clipboard, an untitled document or an editor (no vscode import: unit-tested).
// Omi text is data, not Markdown: it is escaped so that markup, links and HTML in it show literally.
import type { Conversation } from '../api/models';
import { conversationEmoji, conversationOverview, conversationTitle } from '../util/text';
import { formatDuration } from '../util/time';
import { actionItemViews, conversationFacts, eventViews, transcriptSummary } from './conversationView';
import type { Transcript, Turn } from './turns';
import { formatTimecode } from './turns';

// C0 controls (but tab, newline and carriage return) and DEL: invisible at best.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const INLINE_SPECIAL = /[\\`*_[\]<>#|~&]/g;

/** One line of Omi text, safe anywhere in a Markdown line: whitespace (newlines too) collapsed, markup escaped. */
export function escapeInline(value: string): string {
  return value.replace(CONTROL, '').replace(/\s+/g, ' ').trim().replace(INLINE_SPECIAL, '\\$&');
}

/** One paragraph of Omi text: also safe at the start of a line, where -, +, = and "1." would start a block. */
export function escapeParagraph(value: string): string {
  return escapeInline(value)
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** Paragraphs of Omi text, keeping its blank-line breaks. */
function escapeBlock(value: string): string {
  return value
    .replace(CONTROL, '')
    .split(/(?:\r\n|\r|\n|\u2028|\u2029)\s*(?:\r\n|\r|\n|\u2028|\u2029)/)
    .map(escapeParagraph)
    .filter(Boolean)
    .join('\n\n');
}

function headingOf(conversation: Conversation): string {
  const emoji = escapeInline(conversationEmoji(conversation));
  const title = escapeInline(conversationTitle(conversation));
  return emoji ? `${emoji} ${title}` : title;
}

function turnMarkdown(transcript: Transcript, turn: Turn): string {
  const speaker = transcript.speakers[turn.speaker];
  const name = escapeInline(speaker?.label ?? 'Unknown');
  const time = formatTimecode(turn.start);
  return `**${name}**${time ? ` · ${time}` : ''}\n\n${escapeParagraph(turn.text) || '*(no text)*'}`;
}

export function transcriptMarkdown(transcript: Transcript): string {
  const blocks: string[] = [];
  for (const turn of transcript.turns) {
    if (turn.gapBefore !== null) blocks.push(`*— ${formatDuration(turn.gapBefore, { withSeconds: true })} pause —*`);
    blocks.push(turnMarkdown(transcript, turn));
  }
  return blocks.join('\n\n');
}

export interface MarkdownOptions {
  /** Due dates relative to now, as the panel shows them; without it (a note kept in a file), as dates. */
  now?: Date;
  locale?: string;
}

/** The conversation in Markdown; without a `transcript` (an export without transcripts), no Transcript section. */
export function conversationMarkdown(
  conversation: Conversation,
  transcript: Transcript | undefined,
  options: MarkdownOptions,
) {
  const blocks: string[] = [`# ${headingOf(conversation)}`];
  const overview = escapeBlock(conversationOverview(conversation));
  if (overview) blocks.push(overview);
  const facts = conversationFacts(conversation, options.locale);
  if (facts.length > 0) {
    blocks.push(facts.map((f) => `- **${f.label}:** ${escapeInline(f.value)}`).join('\n'));
  }
  const actionItems = actionItemViews(conversation, options.now, options.locale);
  if (actionItems.length > 0) {
    const lines = actionItems.map(
      (a) => `- [${a.completed ? 'x' : ' '}] ${escapeInline(a.description)}${a.due ? ` (${escapeInline(a.due)})` : ''}`,
    );
    blocks.push('## Action items', lines.join('\n'));
  }
  const events = eventViews(conversation, options.locale);
  if (events.length > 0) {
    const lines = events.map((e) => {
      const when = [e.start, e.duration].filter(Boolean).join(', ');
      return `- ${escapeInline(e.title)}${when ? ` (${escapeInline(when)})` : ''}`;
    });
    blocks.push('## Events', lines.join('\n'));
  }
  if (transcript) {
    blocks.push('## Transcript');
    if (transcript.turns.length === 0) {
      blocks.push('*No transcript.*');
    } else {
      blocks.push(`*${transcriptSummary(transcript)}*`, transcriptMarkdown(transcript));
    }
  }
  return `${blocks.join('\n\n')}\n`;
}
