// Which local days a date range covers (no vscode import: unit-tested).
import { addLocalDays, startOfLocalDay } from '../util/localCalendar';
import type { InsightsRange } from './model';

/** Local midnights: `from` inclusive, `to` exclusive (the midnight after today). */
export interface DayWindow {
  from: Date;
  to: Date;
}

const DAYS: Record<Exclude<InsightsRange, 'all'>, number> = { '30d': 30, '90d': 90, year: 365 };

/**
 * "All" starts at the earliest dated item, but reaches back ten years at most: a clock error (year 1, 1970) would
 * otherwise stretch the time charts over centuries. Items outside the window stay in the breakdowns.
 */
export const ALL_RANGE_MAX_DAYS = 3653;

export function rangeWindow(range: InsightsRange, now: Date, earliest?: Date): DayWindow {
  const today = startOfLocalDay(now);
  const to = addLocalDays(today, 1);
  if (range !== 'all') return { from: addLocalDays(today, 1 - DAYS[range]), to };
  const limit = addLocalDays(today, 1 - ALL_RANGE_MAX_DAYS);
  if (!earliest || earliest.getTime() >= to.getTime()) return { from: today, to };
  return { from: new Date(Math.max(startOfLocalDay(earliest).getTime(), limit.getTime())), to };
}

export function inWindow(date: Date | undefined, window: DayWindow): date is Date {
  return date !== undefined && date >= window.from && date < window.to;
}
