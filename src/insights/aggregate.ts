// Turns the raw lists into the numbers the Insights charts show (no vscode import: unit-tested).

import { dueStatus } from '../util/dueDate';
import { localDayKey, secondsBetween } from '../util/time';
import { Buckets, countByLabel, type DayWindow, inWindow, rangeWindow } from './buckets';
import type { InsightsData, InsightsRange } from './model';
import {
  actionItemDate,
  completionDate,
  conversationCategory,
  conversationDate,
  memoryCategory,
  memoryDate,
  type RawLists,
} from './select';

/** Longer conversations are clock errors; one counts for a day at most. */
const MAX_CONVERSATION_HOURS = 24;

export function aggregateInsights(raw: RawLists, range: InsightsRange, now: Date): InsightsData {
  const window = rangeWindow(range, now, earliestDate(raw));
  // Breakdowns take the items whose own date is in the window; "all" takes every item, dated or not.
  const counted = <T>(items: readonly T[], dateOf: (item: T) => Date | undefined): T[] =>
    range === 'all' ? [...items] : items.filter((item) => inWindow(dateOf(item), window));

  const memories = counted(raw.memories, memoryDate);
  const conversations = counted(raw.conversations, conversationDate);
  const actionItems = counted(raw.actionItems, actionItemDate);
  const statuses = actionItems.map((item) => dueStatus(item, now));
  const countStatus = (status: string) => statuses.filter((s) => s === status).length;

  return {
    range,
    from: localDayKey(window.from),
    to: localDayKey(new Date(window.to.getTime() - 1)),
    generatedAt: now.toISOString(),
    totals: { memories: memories.length, conversations: conversations.length, actionItems: actionItems.length },
    undated: {
      memories: raw.memories.filter((m) => !memoryDate(m)).length,
      conversations: raw.conversations.filter((c) => !conversationDate(c)).length,
      actionItems: raw.actionItems.filter((a) => !actionItemDate(a)).length,
    },
    actionItemsCapped: raw.actionItemsCapped,
    memories: {
      byCategory: countByLabel(memories, memoryCategory),
      perWeek: weekCounts(window, raw.memories.map(memoryDate)),
    },
    conversations: {
      perDay: dayCounts(window, raw.conversations.map(conversationDate)),
      hoursPerWeek: conversationHours(window, raw),
      byCategory: countByLabel(conversations, conversationCategory),
    },
    actionItems: {
      open: statuses.length - countStatus('done'),
      done: countStatus('done'),
      overdue: countStatus('overdue'),
      dueThisWeek: countStatus('dueThisWeek'),
      perWeek: completionPerWeek(window, raw),
    },
  };
}

function earliestDate(raw: RawLists): Date | undefined {
  const dates = [
    ...raw.memories.map(memoryDate),
    ...raw.conversations.map(conversationDate),
    ...raw.actionItems.map(actionItemDate),
  ];
  let earliest: Date | undefined;
  for (const date of dates) if (date && (!earliest || date < earliest)) earliest = date;
  return earliest;
}

function weekCounts(window: DayWindow, dates: (Date | undefined)[]): { week: string; count: number }[] {
  const weeks = Buckets.weeks(window);
  for (const date of dates) if (inWindow(date, window)) weeks.add(date);
  return weeks.entries().map(([week, count]) => ({ week, count }));
}

function dayCounts(window: DayWindow, dates: (Date | undefined)[]): { day: string; count: number }[] {
  const days = Buckets.days(window);
  for (const date of dates) if (inWindow(date, window)) days.add(date);
  return days.entries().map(([day, count]) => ({ day, count }));
}

function conversationHours(window: DayWindow, raw: RawLists): { week: string; hours: number }[] {
  const weeks = Buckets.weeks(window);
  for (const conversation of raw.conversations) {
    const start = conversationDate(conversation);
    const seconds = secondsBetween(conversation.started_at, conversation.finished_at);
    if (!inWindow(start, window) || seconds === undefined) continue;
    weeks.add(start, Math.min(seconds / 3600, MAX_CONVERSATION_HOURS));
  }
  return weeks.entries().map(([week, hours]) => ({ week, hours: Math.round(hours * 100) / 100 }));
}

function completionPerWeek(window: DayWindow, raw: RawLists): InsightsData['actionItems']['perWeek'] {
  const created = Buckets.weeks(window);
  const completed = Buckets.weeks(window);
  for (const item of raw.actionItems) {
    const createdAt = actionItemDate(item);
    if (inWindow(createdAt, window)) created.add(createdAt);
    const completedAt = completionDate(item);
    if (inWindow(completedAt, window)) completed.add(completedAt);
  }
  const done = new Map(completed.entries());
  return created.entries().map(([week, count]) => ({ week, created: count, completed: done.get(week) ?? 0 }));
}
