// One conversation as a Markdown note with YAML front matter (no vscode import: unit-tested).
import type { Conversation, ConversationStructured } from '../api/models';
import { localDate } from '../markdown/itemText';
import { conversationMarkdown } from '../transcript/markdown';
import { buildTranscript } from '../transcript/turns';
import { conversationTitle, oneLine } from '../util/text';
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

function durationSeconds(conversation: Conversation): number | null {
  const start = parseDate(conversation.started_at);
  const end = parseDate(conversation.finished_at);
  return start && end && end >= start ? Math.round((+end - +start) / 1000) : null;
}

/**
 * A conversation as a Markdown note: YAML front matter for tools that index notes (id, title, date, category,
 * duration in seconds), then the conversation as the transcript panel's Copy as Markdown writes it (due dates as
 * dates), the one renderer of a conversation in Markdown (Omi text escaped, speakers and times as in the panel).
 */
export function conversationNote(conversation: Conversation): string {
  const structured: Partial<ConversationStructured> = conversation.structured ?? {};
  const frontMatter: [string, string | number | null][] = [
    ['id', conversation.id],
    ['title', oneLine(conversationTitle(conversation))],
    ['date', conversation.started_at ?? conversation.created_at ?? null],
    ['category', typeof structured.category === 'string' ? structured.category : null],
    ['duration', durationSeconds(conversation)],
  ];
  // A file outlives the day it is written: due dates as dates. Exported without transcripts: no Transcript section.
  const segments = conversation.transcript_segments;
  const body = conversationMarkdown(conversation, Array.isArray(segments) ? buildTranscript(segments) : undefined, {});
  return ['---', ...frontMatter.map(([key, value]) => `${key}: ${yamlValue(value)}`), '---', '', body].join('\n');
}

/** `2026-11-28 Weekly planning.md`: the local day and the title, made safe for any file system. */
export function conversationFileName(conversation: Conversation): string {
  const title = conversation.structured?.title;
  const day = localDate(conversation.started_at ?? conversation.created_at);
  const name = [day, typeof title === 'string' ? title : ''].filter(Boolean).join(' ');
  return safeFileName(name || `conversation ${conversation.id}`, 'md', 'conversation');
}
