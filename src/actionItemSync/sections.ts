// Which section of the Markdown checklist each action item goes to, and in what order (no vscode import).
import type { ActionItem } from '../api/models';
import { dueStatus } from '../util/dueDate';
import { localDaysBetween, parseDate } from '../util/time';

const DONE_RECENTLY_DAYS = 14;

export type SectionKey = 'overdue' | 'dueThisWeek' | 'later' | 'noDueDate' | 'doneRecently';

export const SECTION_TITLES: Record<SectionKey, string> = {
  overdue: 'Overdue',
  dueThisWeek: 'Due this week',
  later: 'Later',
  noDueDate: 'No due date',
  doneRecently: `Done recently (last ${DONE_RECENTLY_DAYS} days)`,
};

export const SECTION_ORDER: readonly SectionKey[] = ['overdue', 'dueThisWeek', 'later', 'noDueDate', 'doneRecently'];

export type Sections = Record<SectionKey, ActionItem[]>;

/** When a done item was done: `completed_at`, else its last update (older servers leave completed_at empty). */
export function doneAt(item: ActionItem): Date | undefined {
  return parseDate(item.completed_at) ?? parseDate(item.updated_at);
}

/**
 * Open items by due date (soonest first; undated ones newest first), done items completed in the last 14 local days
 * (latest first). Older done items are left out. Ties go by id, so the same items always give the same order.
 */
export function sortIntoSections(items: readonly ActionItem[], now: Date): Sections {
  const sections: Sections = { overdue: [], dueThisWeek: [], later: [], noDueDate: [], doneRecently: [] };
  for (const item of items) {
    const status = dueStatus(item, now);
    if (status !== 'done') {
      sections[status].push(item);
      continue;
    }
    const done = doneAt(item);
    if (done && localDaysBetween(done, now) < DONE_RECENTLY_DAYS) sections.doneRecently.push(item);
  }
  const time = (value: Date | undefined) => value?.getTime() ?? 0;
  const byId = (a: ActionItem, b: ActionItem) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const soonestDue = (a: ActionItem, b: ActionItem) =>
    time(parseDate(a.due_at)) - time(parseDate(b.due_at)) || byId(a, b);
  const newest = (dateOf: (item: ActionItem) => Date | undefined) => (a: ActionItem, b: ActionItem) =>
    time(dateOf(b)) - time(dateOf(a)) || byId(a, b);
  sections.overdue.sort(soonestDue);
  sections.dueThisWeek.sort(soonestDue);
  sections.later.sort(soonestDue);
  sections.noDueDate.sort(newest((item) => parseDate(item.created_at)));
  sections.doneRecently.sort(newest(doneAt));
  return sections;
}
