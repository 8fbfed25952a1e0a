// Days and Monday-first weeks in the user's local time zone (no vscode import: unit-tested).
// Local midnights are built with the Date(y, m, d) constructor, so adding days stays on midnight across DST changes.
import { localDayKey } from './time';

export function startOfLocalDay(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate());
}

export function addLocalDays(date: Date, days: number): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
}

/** The local midnight that starts the Monday-first week holding `date`. */
export function startOfLocalWeek(date: Date): Date {
  const daysSinceMonday = (date.getDay() + 6) % 7;
  return addLocalDays(date, -daysSinceMonday);
}

/** A week, keyed by the local date of its Monday: 2026-11-23. */
export function localWeekKey(date: Date): string {
  return localDayKey(startOfLocalWeek(date));
}

/** 0 for Monday … 6 for Sunday. */
export function mondayFirstWeekday(date: Date): number {
  return (date.getDay() + 6) % 7;
}

/** The local midnight of a `YYYY-MM-DD` key, or undefined when it is not one. */
export function parseLocalDayKey(key: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day);
  return localDayKey(date) === key ? date : undefined;
}
