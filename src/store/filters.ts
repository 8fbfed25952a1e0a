// What each list is filtered by, and how a filter reads in a view's description (no vscode import).
import * as l10n from '@vscode/l10n';
import type { ActionItemFilters, ConversationFilters, MemoryFilters } from '../api/params';
import { localDayKey, parseDate } from '../util/time';

export interface MemoryFilter {
  categories: string[];
}

export interface ActionItemFilter {
  status: 'all' | 'open' | 'done';
  /** ISO dates, inclusive, on created_at. */
  startDate?: string;
  endDate?: string;
}

export interface ConversationFilter {
  categories: string[];
  startDate?: string;
  endDate?: string;
  /** Only starred conversations (a server filter: the real server does not say which ones are starred). */
  starred?: boolean;
  /** How the view groups them: by day (the default) or by folder. Not sent to the server. */
  groupBy?: 'day' | 'folder';
}

export interface Filters {
  memories: MemoryFilter;
  actionItems: ActionItemFilter;
  conversations: ConversationFilter;
}

export const NO_FILTERS: Filters = {
  memories: { categories: [] },
  actionItems: { status: 'all' },
  conversations: { categories: [] },
};

/**
 * Whether an item a write changed still belongs in a list with this filter (a completed item leaves "Open", a
 * memory moved to another category leaves a category filter). Date filters are on created_at, which writes keep.
 */
export function stillMatches<K extends keyof Filters>(kind: K, filter: Filters[K], item: unknown): boolean {
  if (kind === 'actionItems') {
    const { status, startDate, endDate } = filter as ActionItemFilter;
    const actionItem = item as { completed?: boolean; created_at?: string | null };
    if (status !== 'all' && actionItem.completed !== (status === 'done')) return false;
    return withinDates(actionItem.created_at, startDate, endDate);
  }
  if (kind === 'memories') {
    const { categories } = filter as MemoryFilter;
    return categories.length === 0 || categories.includes((item as { category?: string }).category ?? '');
  }
  if (kind === 'conversations') {
    const { categories, startDate, endDate } = filter as ConversationFilter;
    const conversation = item as { structured?: { category?: string }; created_at?: string | null };
    if (categories.length > 0 && !categories.includes(conversation.structured?.category ?? '')) return false;
    return withinDates(conversation.created_at, startDate, endDate);
  }
  return true;
}

/** Whether `createdAt` falls in the filter's inclusive range (an item without a readable date is let in). */
function withinDates(createdAt: string | null | undefined, start?: string, end?: string): boolean {
  const at = parseDate(createdAt)?.getTime();
  if (at === undefined) return true;
  const from = parseDate(start)?.getTime();
  const to = parseDate(end)?.getTime();
  return (from === undefined || at >= from) && (to === undefined || at <= to);
}

export function memoryQuery(filter: MemoryFilter): MemoryFilters {
  return filter.categories.length > 0 ? { categories: filter.categories } : {};
}

export function actionItemQuery(filter: ActionItemFilter): ActionItemFilters {
  return {
    ...(filter.status === 'all' ? {} : { completed: filter.status === 'done' }),
    ...(filter.startDate ? { startDate: filter.startDate } : {}),
    ...(filter.endDate ? { endDate: filter.endDate } : {}),
  };
}

export function conversationQuery(filter: ConversationFilter): ConversationFilters {
  return {
    ...(filter.categories.length > 0 ? { categories: filter.categories } : {}),
    ...(filter.startDate ? { startDate: filter.startDate } : {}),
    ...(filter.endDate ? { endDate: filter.endDate } : {}),
    ...(filter.starred ? { starred: true } : {}),
  };
}

function dateRange(start?: string, end?: string): string | undefined {
  // The filter holds instants; the user picked local days, so show those (slicing the ISO text would show UTC days).
  const day = (iso: string) => {
    const date = parseDate(iso);
    return date ? localDayKey(date) : iso.slice(0, 10);
  };
  if (start && end) return l10n.t('{0} – {1}', day(start), day(end));
  if (start) return l10n.t('since {0}', day(start));
  if (end) return l10n.t('until {0}', day(end));
  return undefined;
}

/** The active filter in a few words for the view's description, or undefined when nothing is filtered. */
export function describeFilter(filter: Filters[keyof Filters]): string | undefined {
  const parts: string[] = [];
  if ('starred' in filter && filter.starred) parts.push(l10n.t('starred'));
  if ('categories' in filter && filter.categories.length > 0) parts.push(filter.categories.join(', '));
  if ('status' in filter && filter.status !== 'all')
    parts.push(filter.status === 'open' ? l10n.t('open') : l10n.t('done'));
  const range = 'startDate' in filter || 'endDate' in filter ? dateRange(filter.startDate, filter.endDate) : undefined;
  if (range) parts.push(range);
  return parts.length > 0 ? l10n.t('Filtered: {0}', parts.join(' · ')) : undefined;
}
