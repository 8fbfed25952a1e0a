// One conversation as a Markdown note with YAML front matter (no vscode import: unit-tested).
import type { Conversation, ConversationStructured, TranscriptSegment } from '../api/models';
import { localDate, singleLine } from '../markdown/itemText';
import { formatTimecode } from '../transcript/turns';
import { parseDate } from '../util/time';
import { safeFileName } from './fileNames';

/**
 * A YAML double-quoted scalar. JSON's escaping is valid YAML; YAML additionally wants the characters it does not
 * print (DEL, C1 controls, the line and paragraph separators, BOM, U+FFFE/FFFF) escaped.
 */
export function yamlString(value: string): string {
  return JSON.stringify(value).replace(
    /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function yamlValue(value: string | number | null): string {
  return typeof value === 'string' ? yamlString(value) : String(value);
}

/** `0:05`, `12:40`, `1:02:03` as the transcript panel writes them; '' for a time that is not a number or negative. */
export function transcriptTime(seconds: unknown): string {
  return typeof seconds === 'number' && seconds >= 0 ? formatTimecode(seconds) : '';
}

function speakerOf(segment: TranscriptSegment): string {
  if (typeof segment.speaker_name === 'string' && segment.speaker_name.trim()) return singleLine(segment.speaker_name);
  if (typeof segment.speaker_id === 'number') return `Speaker ${segment.speaker_id}`;
  return 'Unknown speaker';
}

/** Consecutive segments of one speaker read as one turn. */
function transcriptTurns(segments: readonly TranscriptSegment[]): string[] {
  const turns: { speaker: string; start: unknown; texts: string[] }[] = [];
  for (const segment of segments) {
    const speaker = speakerOf(segment);
    const words = singleLine(typeof segment.text === 'string' ? segment.text : '');
    const last = turns.at(-1);
    if (last && last.speaker === speaker) last.texts.push(words);
    else turns.push({ speaker, start: segment.start, texts: [words] });
  }
  return turns.map(({ speaker, start, texts }) => {
    const time = transcriptTime(start);
    return `**${speaker}**${time ? ` (${time})` : ''}: ${texts.filter(Boolean).join(' ')}`;
  });
}

function durationSeconds(conversation: Conversation): number | null {
  const start = parseDate(conversation.started_at);
  const end = parseDate(conversation.finished_at);
  return start && end && end >= start ? Math.round((+end - +start) / 1000) : null;
}

/** The whole note: front matter (id, title, date, category, duration in seconds), overview, action items, transcript. */
export function conversationMarkdown(conversation: Conversation): string {
  const structured: Partial<ConversationStructured> = conversation.structured ?? {};
  const title = singleLine(typeof structured.title === 'string' ? structured.title : '') || 'Untitled conversation';
  const emoji = singleLine(typeof structured.emoji === 'string' ? structured.emoji : '');
  const frontMatter: [string, string | number | null][] = [
    ['id', conversation.id],
    ['title', title],
    ['date', conversation.started_at ?? conversation.created_at ?? null],
    ['category', typeof structured.category === 'string' ? structured.category : null],
    ['duration', durationSeconds(conversation)],
  ];
  const lines = ['---', ...frontMatter.map(([key, value]) => `${key}: ${yamlValue(value)}`), '---', ''];
  lines.push(`# ${emoji ? `${emoji} ` : ''}${title}`, '');
  const overview = typeof structured.overview === 'string' ? structured.overview.trim() : '';
  if (overview) lines.push(overview, '');
  const actionItems = Array.isArray(structured.action_items) ? structured.action_items : [];
  if (actionItems.length > 0) {
    lines.push('## Action items', '');
    for (const item of actionItems) {
      const due = localDate(item.due_at);
      lines.push(`- [${item.completed ? 'x' : ' '}] ${singleLine(item.description)}${due ? ` (due ${due})` : ''}`);
    }
    lines.push('');
  }
  const segments = Array.isArray(conversation.transcript_segments) ? conversation.transcript_segments : [];
  if (segments.length > 0) {
    lines.push('## Transcript', '');
    for (const turn of transcriptTurns(segments)) lines.push(turn, '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** `2026-11-28 Weekly planning.md`: the local day and the title, made safe for any file system. */
export function conversationFileName(conversation: Conversation): string {
  const title = conversation.structured?.title;
  const day = localDate(conversation.started_at ?? conversation.created_at);
  const name = [day, typeof title === 'string' ? title : ''].filter(Boolean).join(' ');
  return safeFileName(name || `conversation ${conversation.id}`, 'md', 'conversation');
}
