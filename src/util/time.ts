// Dates and durations as the views show them, in the user's local time zone (no vscode import: unit-tested).
import * as l10n from '@vscode/l10n';

const DAY_MS = 24 * 60 * 60 * 1000;

// Intl.DateTimeFormat is costly to create and cheap to reuse; toLocale*String creates one per call.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, cached);
  }
  return cached;
}

export function parseDate(value: string | null | undefined): Date | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** The local calendar day, as a sortable key: 2026-11-28. */
export function localDayKey(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function startOfLocalDay(date: Date): number {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

/** Whole local days from `from` to `to` (negative when `to` is earlier). DST-safe. */
export function localDaysBetween(from: Date, to: Date): number {
  return Math.round((startOfLocalDay(to) - startOfLocalDay(from)) / DAY_MS);
}

/** "Today", "Yesterday", a weekday within the last week, then a date ("Mon, 3 Nov 2026"). */
export function dayLabel(date: Date, now: Date, locale?: string): string {
  const daysAgo = localDaysBetween(date, now);
  if (daysAgo === 0) return 'Today';
  if (daysAgo === 1) return 'Yesterday';
  if (daysAgo > 1 && daysAgo < 7) return formatter(locale, { weekday: 'long' }).format(date);
  return formatter(locale, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).format(date);
}

export function timeOfDay(date: Date, locale?: string): string {
  return formatter(locale, { hour: '2-digit', minute: '2-digit' }).format(date);
}

export function dateAndTime(date: Date, locale?: string): string {
  return formatter(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** "45 s", "12 min", "1 h 5 min". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '';
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** Seconds between two ISO times, or undefined when either is missing or they are out of order. */
export function secondsBetween(start: string | null | undefined, end: string | null | undefined): number | undefined {
  const a = parseDate(start);
  const b = parseDate(end);
  if (!a || !b || b < a) return undefined;
  return (b.getTime() - a.getTime()) / 1000;
}

export interface DueDescription {
  text: string;
  overdue: boolean;
}

/** "due today", "due tomorrow", "due in 3 days", "overdue by 2 days", by local calendar days. */
export function describeDue(due: Date, now: Date): DueDescription {
  const days = localDaysBetween(now, due);
  if (days < 0) {
    const late = -days;
    return {
      text: late === 1 ? l10n.t('overdue since yesterday') : l10n.t('overdue by {0} days', late),
      overdue: true,
    };
  }
  if (days === 0)
    return {
      text: due.getTime() < now.getTime() ? l10n.t('due today (overdue)') : l10n.t('due today'),
      overdue: due.getTime() < now.getTime(),
    };
  if (days === 1) return { text: l10n.t('due tomorrow'), overdue: false };
  if (days < 14) return { text: l10n.t('due in {0} days', days), overdue: false };
  if (days < 60) return { text: l10n.t('due in {0} weeks', Math.round(days / 7)), overdue: false };
  const date = formatter(undefined, { day: 'numeric', month: 'short', year: 'numeric' }).format(due);
  return { text: l10n.t('due {0}', date), overdue: false };
}
