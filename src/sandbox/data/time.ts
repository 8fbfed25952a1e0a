import type { IsoDate } from '../types';

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/**
 * Formats like the real server (pydantic): UTC with `Z`, microseconds when there are any.
 * `micros` (0-999) are the digits below the millisecond, which a JS timestamp cannot carry.
 */
export function isoDate(ms: number, micros = 0): IsoDate {
  const base = new Date(ms).toISOString();
  const millis = base.slice(20, 23);
  if (millis === '000' && micros === 0) {
    return `${base.slice(0, 19)}Z`;
  }
  return `${base.slice(0, 20)}${millis}${String(micros).padStart(3, '0')}Z`;
}

/** Midnight UTC of the day `ms` falls in. */
export function startOfDay(ms: number): number {
  return Math.floor(ms / DAY) * DAY;
}
