// The local days a date range covers, and zero-filled day and week buckets over them (no vscode import: unit-tested).
import { addLocalDays, localWeekKey, startOfLocalDay, startOfLocalWeek } from '../util/localCalendar';
import { localDayKey } from '../util/time';
import type { InsightsRange } from './model';

/** Every local day of the window, in order. */
export function dayKeys(window: DayWindow): string[] {
  const keys: string[] = [];
  for (let day = window.from; day < window.to; day = addLocalDays(day, 1)) keys.push(localDayKey(day));
  return keys;
}

/** Every Monday-first week that overlaps the window, in order. */
export function weekKeys(window: DayWindow): string[] {
  const keys: string[] = [];
  for (let week = startOfLocalWeek(window.from); week < window.to; week = addLocalDays(week, 7)) {
    keys.push(localDayKey(week));
  }
  return keys;
}

/** Adds `amount` under the key of each date; dates outside the keys are ignored. */
export class Buckets {
  private readonly sums = new Map<string, number>();

  constructor(
    keys: readonly string[],
    private readonly keyOf: (date: Date) => string,
  ) {
    for (const key of keys) this.sums.set(key, 0);
  }

  static days(window: DayWindow): Buckets {
    return new Buckets(dayKeys(window), localDayKey);
  }

  static weeks(window: DayWindow): Buckets {
    return new Buckets(weekKeys(window), localWeekKey);
  }

  add(date: Date | undefined, amount = 1): void {
    if (!date) return;
    const key = this.keyOf(date);
    const sum = this.sums.get(key);
    if (sum !== undefined) this.sums.set(key, sum + amount);
  }

  entries(): [string, number][] {
    return [...this.sums.entries()];
  }
}

/** Counts by label, biggest first, ties alphabetically so the order is stable. */
export function countByLabel<T>(items: Iterable<T>, labelOf: (item: T) => string): { label: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const item of items) {
    const label = labelOf(item);
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([label, count]) => ({ label, count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

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
