// Zero-filled local day and week buckets over a window (no vscode import: unit-tested).
import { addLocalDays, localWeekKey, startOfLocalWeek } from '../util/localCalendar';
import { localDayKey } from '../util/time';
import type { DayWindow } from './range';

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
