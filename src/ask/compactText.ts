// Omi items as compact text for a language model or a chat answer: the facts that matter, in few tokens, within a
// budget of characters (no vscode import: unit-tested).
import * as l10n from '@vscode/l10n';
import type { ActionItem, Conversation, Memory, MemoryMatch } from '../api/models';
import { buildTranscript } from '../transcript/turns';
import { conversationTitle } from '../util/text';

/** What a tool result may hold at most, in characters (about 2,500 tokens). */
const TOOL_BUDGET_CHARS = 10_000;

const flat = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** The date part of an ISO time, or ''. */
const day = (iso: string | null | undefined) => (iso && /^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : '');

/**
 * Lines joined until the budget is spent; what does not fit is counted in a last line, so the model knows the list
 * goes on.
 */
export function withinBudget(lines: readonly string[], budget = TOOL_BUDGET_CHARS): string {
  const kept: string[] = [];
  let used = 0;
  for (const line of lines) {
    if (used + line.length + 1 > budget) {
      kept.push(l10n.t('… and {0} more not shown.', lines.length - kept.length));
      break;
    }
    kept.push(line);
    used += line.length + 1;
  }
  return kept.join('\n');
}

export function memoryLine(memory: Memory | MemoryMatch): string {
  const score = typeof memory.relevance_score === 'number' ? ` relevance=${memory.relevance_score.toFixed(2)}` : '';
  const when =
    'created_at' in memory && typeof memory.created_at === 'string' ? ` added=${day(memory.created_at)}` : '';
  return `- [memory ${memory.id}] (${memory.category || 'other'}${when}${score}) ${flat(memory.content)}`;
}

export function actionItemLine(item: ActionItem): string {
  const facts = [item.completed ? 'done' : 'open'];
  if (item.due_at) facts.push(`due=${day(item.due_at)}`);
  if (item.completed_at && item.completed) facts.push(`completed=${day(item.completed_at)}`);
  if (item.conversation_id) facts.push(`conversation=${item.conversation_id}`);
  return `- [action item ${item.id}] (${facts.join(', ')}) ${flat(item.description)}`;
}

export function conversationLine(conversation: Conversation): string {
  const structured = conversation.structured;
  const when = day(conversation.started_at ?? conversation.created_at);
  const category = structured?.category ? `, ${structured.category}` : '';
  const overview = flat(structured?.overview);
  return `- [conversation ${conversation.id}] (${when}${category}) ${conversationTitle(conversation)}${overview ? `: ${overview}` : ''}`;
}

/**
 * One conversation in full: its facts, overview, action items and events, then as much of the transcript as the
 * budget leaves (all of it only when asked and it fits).
 */
export function conversationDetail(conversation: Conversation, budget = TOOL_BUDGET_CHARS): string {
  const structured = conversation.structured;
  const lines = [
    `${conversationTitle(conversation)} [conversation ${conversation.id}]`,
    `started=${conversation.started_at ?? ''} finished=${conversation.finished_at ?? ''} category=${structured?.category ?? ''}`,
  ];
  if (structured?.overview) lines.push(`Overview: ${flat(structured.overview)}`);
  for (const item of structured?.action_items ?? []) {
    lines.push(`Action item (${item.completed ? 'done' : 'open'}): ${flat(item.description)}`);
  }
  for (const event of structured?.events ?? []) lines.push(`Event: ${flat(event.title)} ${event.start ?? ''}`);
  const head = lines.join('\n');
  const segments = conversation.transcript_segments;
  if (!Array.isArray(segments)) return `${head}\n${l10n.t('(Transcript not included.)')}`;
  const transcript = buildTranscript(segments);
  const turns = transcript.turns.map(
    (turn) => `${transcript.speakers[turn.speaker]?.label ?? '?'}: ${flat(turn.text)}`,
  );
  return `${head}\nTranscript:\n${withinBudget(turns, Math.max(500, budget - head.length))}`;
}
