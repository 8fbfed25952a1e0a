// The unfiltered lists Insights is computed from, the date each item is placed by, and the items behind one bar,
// slice or day of a chart, for the list a click opens (no vscode import: unit-tested).
// Each selection matches exactly what aggregateInsights() counted for that mark.
import type { ActionItem, Conversation, Memory } from '../api/models';
import { dueStatus } from '../util/dueDate';
import { localWeekKey, parseLocalDayKey } from '../util/localCalendar';
import { localDayKey, parseDate } from '../util/time';
import type { InsightsData } from './model';
import type { DrillTarget } from './protocol';

export type Selection =
  | { kind: 'memories'; items: Memory[] }
  | { kind: 'conversations'; items: Conversation[] }
  | { kind: 'actionItems'; items: ActionItem[] };

/** Whether a date is on one of the days shown. */
function shownDays(data: InsightsData): (date: Date | undefined) => date is Date {
  const from = parseLocalDayKey(data.from);
  const to = parseLocalDayKey(data.to);
  const end = to && new Date(to.getFullYear(), to.getMonth(), to.getDate() + 1);
  return (date): date is Date => date !== undefined && !!from && !!end && date >= from && date < end;
}

export function selectItems(raw: RawLists, data: InsightsData, target: DrillTarget, now: Date): Selection {
  const shown = shownDays(data);
  /** The items of the breakdowns: dated inside the range shown, or every item for "all". */
  const counted = <T>(items: readonly T[], dateOf: (item: T) => Date | undefined): T[] =>
    data.range === 'all' ? [...items] : items.filter((item) => shown(dateOf(item)));
  // The first week shown may start before the first day shown: only the days shown count.
  const inWeek = (week: string) => (date: Date | undefined) => shown(date) && localWeekKey(date) === week;
  switch (target.chart) {
    case 'memoryCategories':
      return {
        kind: 'memories',
        items: counted(raw.memories, memoryDate).filter((m) => memoryCategory(m) === target.label),
      };
    case 'memoriesPerWeek':
      return { kind: 'memories', items: raw.memories.filter((m) => inWeek(target.week)(memoryDate(m))) };
    case 'conversationsPerDay':
      return {
        kind: 'conversations',
        items: raw.conversations.filter((c) => {
          const date = conversationDate(c);
          return shown(date) && localDayKey(date) === target.day;
        }),
      };
    case 'conversationHours':
      return {
        kind: 'conversations',
        items: raw.conversations.filter((c) => inWeek(target.week)(conversationDate(c))),
      };
    case 'conversationCategories':
      return {
        kind: 'conversations',
        items: counted(raw.conversations, conversationDate).filter((c) => conversationCategory(c) === target.label),
      };
    case 'actionItemStatus': {
      const wanted = (item: ActionItem) => {
        const status = dueStatus(item, now);
        return target.status === 'open' ? status !== 'done' : status === target.status;
      };
      return { kind: 'actionItems', items: counted(raw.actionItems, actionItemDate).filter(wanted) };
    }
    case 'actionItemsPerWeek': {
      const dateOf = target.series === 'created' ? actionItemDate : completionDate;
      return { kind: 'actionItems', items: raw.actionItems.filter((a) => inWeek(target.week)(dateOf(a))) };
    }
  }
}

export interface RawLists {
  memories: readonly Memory[];
  conversations: readonly Conversation[];
  actionItems: readonly ActionItem[];
  /** The server stopped at its 2,000 action item limit. */
  actionItemsCapped: boolean;
}

export const memoryDate = (memory: Memory): Date | undefined => parseDate(memory.created_at);

/** Like the Conversations view: when it started, else when it was created. */
export const conversationDate = (conversation: Conversation): Date | undefined =>
  parseDate(conversation.started_at) ?? parseDate(conversation.created_at);

export const actionItemDate = (item: ActionItem): Date | undefined => parseDate(item.created_at);

/** Only completed items count as completed at `completed_at` (a reopened item may keep the old time). */
export const completionDate = (item: ActionItem): Date | undefined =>
  item.completed ? parseDate(item.completed_at) : undefined;

export const memoryCategory = (memory: Memory): string => memory.category || 'other';

export const conversationCategory = (conversation: Conversation): string =>
  conversation.structured?.category || 'other';
