// Date ranges as people pick them ("last 30 days"), turned into the ISO instants the API filters on (no vscode).
import * as l10n from '@vscode/l10n';
import { parseLocalDayKey } from './localCalendar';

export interface DateRange {
  /** ISO-8601 instants, inclusive. */
  startDate?: string;
  endDate?: string;
}

export type PresetRange = 'today' | 'last7' | 'last30' | 'last90' | 'thisYear' | 'lastYear';

export const PRESET_RANGES: readonly PresetRange[] = ['today', 'last7', 'last30', 'last90', 'thisYear', 'lastYear'];

export function presetLabel(preset: PresetRange): string {
  switch (preset) {
    case 'today':
      return l10n.t('Today');
    case 'last7':
      return l10n.t('Last 7 days');
    case 'last30':
      return l10n.t('Last 30 days');
    case 'last90':
      return l10n.t('Last 90 days');
    case 'thisYear':
      return l10n.t('This year');
    case 'lastYear':
      return l10n.t('Last 365 days');
  }
}

function startOfLocalDay(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate());
}

/** The last moment of a local day. */
export function endOfLocalDay(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate(), 23, 59, 59, 999);
}

/** The preset as whole local days ending today. */
export function presetRange(preset: PresetRange, now: Date): DateRange {
  const end = endOfLocalDay(now).toISOString();
  const daysBack = (days: number) =>
    startOfLocalDay(new Date(now.getFullYear(), now.getMonth(), now.getDate() - days)).toISOString();
  switch (preset) {
    case 'today':
      return { startDate: daysBack(0), endDate: end };
    case 'last7':
      return { startDate: daysBack(6), endDate: end };
    case 'last30':
      return { startDate: daysBack(29), endDate: end };
    case 'last90':
      return { startDate: daysBack(89), endDate: end };
    case 'thisYear':
      return { startDate: new Date(now.getFullYear(), 0, 1).toISOString(), endDate: end };
    case 'lastYear':
      return { startDate: daysBack(364), endDate: end };
  }
}

/** Parses a typed local date (YYYY-MM-DD); undefined when it is not one. */
export function parseLocalDate(text: string): Date | undefined {
  return parseLocalDayKey(text.trim());
}

/** A range from typed local dates: the start day from its first moment, the end day to its last. */
export function customRange(from: Date | undefined, to: Date | undefined): DateRange {
  return {
    ...(from ? { startDate: startOfLocalDay(from).toISOString() } : {}),
    ...(to ? { endDate: endOfLocalDay(to).toISOString() } : {}),
  };
}

/** One local day, as used when a chart or a group points at a day. */
export function dayRange(day: Date): DateRange {
  return customRange(day, day);
}
