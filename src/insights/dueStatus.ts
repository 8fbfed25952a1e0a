// Where an action item stands against its due date, by the user's local weeks (no vscode import: unit-tested).
import type { ActionItem } from '../api/models';
import { addLocalDays, startOfLocalWeek } from '../util/localCalendar';
import { parseDate } from '../util/time';

export type DueStatus = 'done' | 'overdue' | 'dueThisWeek' | 'later' | 'noDueDate';

/** Overdue: open and due before now. Due this week: open and due from now until the end of Sunday. */
export function dueStatus(item: Pick<ActionItem, 'completed' | 'due_at'>, now: Date): DueStatus {
  if (item.completed) return 'done';
  const due = parseDate(item.due_at);
  if (!due) return 'noDueDate';
  if (due < now) return 'overdue';
  return due < addLocalDays(startOfLocalWeek(now), 7) ? 'dueThisWeek' : 'later';
}
