// Calendar days in an IANA time zone, with nothing but Intl: the user's "today", "yesterday" and "last week".

import { DAY } from './time';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * Whether Python's zoneinfo would know the name: an IANA zone (or UTC). Intl also takes offsets like "+01:00",
 * which the real server refuses, so those are refused here too.
 */
export function isIanaTimeZone(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name)) {
    return false;
  }
  try {
    formatter(name);
    return true;
  } catch {
    return false;
  }
}

export interface LocalParts {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 0 = Sunday */
  weekday: number;
}

export function localParts(ms: number, timeZone: string): LocalParts {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(ms))) {
    if (part.type !== 'literal') {
      parts[part.type] = Number(part.value);
    }
  }
  const year = parts.year!;
  const month = parts.month!;
  const day = parts.day!;
  return {
    year,
    month,
    day,
    hour: parts.hour!,
    minute: parts.minute!,
    weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(),
  };
}

/** The zone's offset from UTC at that instant, in ms (positive east of Greenwich). */
function offsetAt(ms: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(ms))) {
    if (part.type !== 'literal') {
      parts[part.type] = Number(part.value);
    }
  }
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** A calendar day, counted in days since 1970-01-01 (so days add and compare like numbers). */
export type DayNumber = number;

export function dayNumber(ms: number, timeZone: string): DayNumber {
  const p = localParts(ms, timeZone);
  return Math.floor(Date.UTC(p.year, p.month - 1, p.day) / DAY);
}

/** The instant the day starts in the zone (midnight, or the first moment after a DST gap). */
export function startOfLocalDay(day: DayNumber, timeZone: string): number {
  const wall = day * DAY;
  let guess = wall - offsetAt(wall, timeZone);
  // A second pass settles days whose offset differs from the one at the wall time read as UTC.
  guess = wall - offsetAt(guess, timeZone);
  return guess;
}

/** `YYYY-MM-DD` of a day number. */
export function dayString(day: DayNumber): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** The day number of a `YYYY-MM-DD` string that is a real date, else null. */
export function parseDayString(text: string): DayNumber | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) {
    return null;
  }
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== text) {
    return null;
  }
  return Math.floor(ms / DAY);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "28 Nov" (with the year when it is not the year of `nowMs`), in the zone. */
export function shortDate(ms: number, timeZone: string, nowMs: number): string {
  const p = localParts(ms, timeZone);
  const sameYear = localParts(nowMs, timeZone).year === p.year;
  return `${p.day} ${MONTHS[p.month - 1]}${sameYear ? '' : ` ${p.year}`}`;
}
