// Due dates: the ones a user picks for an action item, and where an item stands against its own (no vscode import:
// unit-tested).
import * as l10n from '@vscode/l10n';
import type { ActionItem } from '../api/models';
import { endOfLocalDay, parseLocalDate } from './dateRange';
import { addLocalDays, startOfLocalWeek } from './localCalendar';
import { parseDate } from './time';

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

export type DueStatus = 'done' | 'overdue' | 'dueThisWeek' | 'later' | 'noDueDate';

/** Overdue: open and due before now. Due this week: open and due from now until the end of Sunday. */
export function dueStatus(item: Pick<ActionItem, 'completed' | 'due_at'>, now: Date): DueStatus {
  if (item.completed) return 'done';
  const due = parseDate(item.due_at);
  if (!due) return 'noDueDate';
  if (due < now) return 'overdue';
  return due < addLocalDays(startOfLocalWeek(now), 7) ? 'dueThisWeek' : 'later';
}
