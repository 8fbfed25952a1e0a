// Due dates a user picks for an action item (no vscode import: unit-tested).
import * as l10n from '@vscode/l10n';
import { endOfLocalDay, parseLocalDate } from './dateRange';
import { addLocalDays } from './localCalendar';

export type DueChoice = 'none' | 'today' | 'tomorrow' | 'nextWeek';

export function dueChoiceLabel(choice: DueChoice): string {
  switch (choice) {
    case 'none':
      return l10n.t('No due date');
    case 'today':
      return l10n.t('Today');
    case 'tomorrow':
      return l10n.t('Tomorrow');
    case 'nextWeek':
      return l10n.t('In a week');
  }
}

/**
 * The due date for a choice, as Omi takes it (ISO-8601 in UTC): the end of that local day, so an item due today is
 * overdue only once the day is over. Undefined for "no due date".
 */
export function dueAt(choice: DueChoice, now: Date): string | undefined {
  switch (choice) {
    case 'none':
      return undefined;
    case 'today':
      return endOfLocalDay(now).toISOString();
    case 'tomorrow':
      return endOfLocalDay(addLocalDays(now, 1)).toISOString();
    case 'nextWeek':
      return endOfLocalDay(addLocalDays(now, 7)).toISOString();
  }
}

/** A typed date (YYYY-MM-DD, a local day) as a due date; undefined when it is not one. */
export function dueAtTyped(text: string): string | undefined {
  const day = parseLocalDate(text.trim());
  return day ? endOfLocalDay(day).toISOString() : undefined;
}
