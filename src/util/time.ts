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

export interface DurationOptions {
  /**
   * `nearest` (the default) for a length that happened. `up` for a wait still to come: never less than is left, at
   * least 1 s, and in the smaller unit up to 90 of it ("75 s", "80 min") so that counting up never overstates much.
   */
  round?: 'nearest' | 'up';
  /** Under an hour, keep the seconds: "3 min 20 s" (the transcript's pauses and totals). */
  withSeconds?: boolean;
  /** `short` (the default): "45 s", "1 h 5 min". `long`: "45 seconds", "2 hours 5 minutes" (the client's sentences). */
  units?: 'short' | 'long';
}

/**
 * A length of time in words, the one duration formatter: "45 s", "12 min", "1 h 5 min" by default; see the options
 * for waits, seconds and long units. Negative, missing or non-finite input reads as "".
 */
export function formatDuration(seconds: number | null | undefined, options: DurationOptions = {}): string {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) return '';
  const up = options.round === 'up';
  const say = options.units === 'long' ? longUnits : shortUnits;
  const smallerUnitUpTo = up ? 90 : 60;
  const whole = up ? Math.max(1, Math.ceil(seconds)) : Math.round(seconds);
  if (whole < smallerUnitUpTo) return say.s(whole);
  if (options.withSeconds) {
    const h = Math.floor(whole / 3600);
    const m = Math.floor((whole % 3600) / 60);
    if (h > 0) return m === 0 ? say.h(h) : say.hMin(h, m);
    return whole % 60 === 0 ? say.min(m) : say.minS(m, whole % 60);
  }
  const minutes = up ? Math.ceil(whole / 60) : Math.round(seconds / 60);
  if (minutes < smallerUnitUpTo) return say.min(minutes);
  const h = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? say.h(h) : say.hMin(h, minutes % 60);
}

const shortUnits = {
  s: (s: number) => l10n.t('{0} s', s),
  min: (m: number) => l10n.t('{0} min', m),
  h: (h: number) => l10n.t('{0} h', h),
  minS: (m: number, s: number) => l10n.t('{0} min {1} s', m, s),
  hMin: (h: number, m: number) => l10n.t('{0} h {1} min', h, m),
};

// The client's sentences are English (its other sentences are too); `plural` keeps "1 hour", "2 hours".
const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
const longUnits = {
  s: (s: number) => plural(s, 'second'),
  min: (m: number) => plural(m, 'minute'),
  h: (h: number) => plural(h, 'hour'),
  minS: (m: number, s: number) => `${plural(m, 'minute')} ${plural(s, 'second')}`,
  hMin: (h: number, m: number) => `${plural(h, 'hour')} ${plural(m, 'minute')}`,
};

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
