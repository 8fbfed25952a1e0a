// A conversation as the transcript panel shows it: header facts, sections and speaker turns, all plain strings
// (no vscode import: unit-tested). The conversation comes from the server with only its id and `structured` block
// checked, so every other field is read defensively.
import * as l10n from '@vscode/l10n';
import type { Conversation } from '../api/models';
import {
  conversationEmoji,
  conversationOverview,
  conversationStarted,
  conversationTitle,
  stringField,
  structuredOf,
} from '../util/text';
import { dateAndTime, describeDue, formatDuration, parseDate, secondsBetween } from '../util/time';
import type { ActionItemView, ConversationView, EventView, Fact } from './messages';
import type { Transcript } from './turns';
import { formatTimecode } from './turns';

function records(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter((v) => typeof v === 'object' && v !== null) : [];
}

/** The header's facts, in reading order; unknown ones are left out. */
export function conversationFacts(conversation: Conversation, locale?: string): Fact[] {
  const facts: Fact[] = [];
  const add = (label: string, value: string | undefined) => {
    if (value) facts.push({ label, value });
  };
  const started = conversationStarted(conversation);
  const finished = parseDate(stringField(conversation.finished_at));
  add(l10n.t('Category'), stringField(structuredOf(conversation).category));
  add(l10n.t('Started'), started && dateAndTime(started, locale));
  add(l10n.t('Finished'), finished && dateAndTime(finished, locale));
  const seconds = secondsBetween(stringField(conversation.started_at), stringField(conversation.finished_at));
  add(l10n.t('Duration'), seconds === undefined ? undefined : formatDuration(seconds));
  add(l10n.t('Language'), stringField(conversation.language));
  add(l10n.t('Source'), stringField(conversation.source));
  const place: unknown = conversation.geolocation;
  add(
    l10n.t('Place'),
    typeof place === 'object' && place !== null ? stringField((place as Record<string, unknown>).address) : '',
  );
  add(l10n.t('Folder'), stringField(conversation.folder_name));
  return facts;
}

/** `now`: due dates said relative to it ("due tomorrow"); without it (text kept in a file), as dates. */
export function actionItemViews(conversation: Conversation, now: Date | undefined, locale?: string): ActionItemView[] {
  return records(structuredOf(conversation).action_items).map((item) => {
    const completed = item.completed === true;
    const due = parseDate(stringField(item.due_at));
    const described = due && !completed && now ? describeDue(due, now) : undefined;
    return {
      description: stringField(item.description) || l10n.t('(no description)'),
      completed,
      due: described ? described.text : due ? l10n.t('due {0}', dateAndTime(due, locale)) : null,
      overdue: described?.overdue ?? false,
    };
  });
}

export function eventViews(conversation: Conversation, locale?: string): EventView[] {
  return records(structuredOf(conversation).events).map((event) => {
    const start = parseDate(stringField(event.start));
    const minutes = event.duration;
    const duration = typeof minutes === 'number' && Number.isFinite(minutes) && minutes > 0 ? minutes * 60 : undefined;
    return {
      title: stringField(event.title) || l10n.t('(untitled event)'),
      start: start ? dateAndTime(start, locale) : null,
      duration: duration === undefined ? null : formatDuration(duration),
    };
  });
}

function speakers(n: number): string {
  return n === 1 ? l10n.t('1 speaker') : l10n.t('{0} speakers', n.toLocaleString('en-US'));
}

function segments(n: number): string {
  return n === 1 ? l10n.t('1 segment') : l10n.t('{0} segments', n.toLocaleString('en-US'));
}

export function transcriptSummary(transcript: Transcript): string {
  const parts = [
    formatDuration(transcript.duration, { withSeconds: true }),
    speakers(transcript.speakers.length),
    segments(transcript.segmentCount),
  ];
  return parts.filter(Boolean).join(' · ');
}

export function toConversationView(
  conversation: Conversation,
  transcript: Transcript,
  now: Date,
  locale?: string,
): ConversationView {
  return {
    id: conversation.id,
    emoji: conversationEmoji(conversation),
    title: conversationTitle(conversation),
    overview: conversationOverview(conversation),
    facts: conversationFacts(conversation, locale),
    actionItems: actionItemViews(conversation, now, locale),
    events: eventViews(conversation, locale),
    speakers: transcript.speakers.map(({ label, isUser, colour, turns }) => ({ label, isUser, colour, turns })),
    turns: transcript.turns.map((turn) => ({
      speaker: turn.speaker,
      time: formatTimecode(turn.start),
      text: turn.text,
      gap: turn.gapBefore === null ? null : formatDuration(turn.gapBefore, { withSeconds: true }),
    })),
    summary: transcriptSummary(transcript),
  };
}
