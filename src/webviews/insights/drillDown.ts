import * as vscode from 'vscode';
import type { ActionItem, Conversation, Memory } from '../../api/models';
import { CONVERSATION_CATEGORIES, isKnownCategory, MEMORY_CATEGORIES } from '../../api/models';
import { COMMAND } from '../../commandIds';
import type { InsightsData } from '../../insights/model';
import type { DrillTarget } from '../../insights/protocol';
import type { RawLists } from '../../insights/select';
import { type Selection, selectItems } from '../../insights/select';
import type { Filters } from '../../store/filters';
import type { OmiStore } from '../../store/omiStore';
import { customRange, type DateRange } from '../../util/dateRange';
import { type ListKind, listNoun } from '../../util/listKind';
import { addLocalDays, parseLocalDayKey } from '../../util/localCalendar';
import { conversationTitle, oneLine } from '../../util/text';
import { dateAndTime, localDayKey, parseDate } from '../../util/time';
import { VIEW_IDS } from '../../views/viewIds';

export interface DrillContext {
  store: OmiStore;
  raw: RawLists;
  data: InsightsData;
  now: Date;
}

/** Local days `first`…`last` (inclusive) as the filters' start and end. */
function dayRange(first: string, last: string): DateRange | undefined {
  const start = parseLocalDayKey(first);
  const end = parseLocalDayKey(last);
  return start && end ? customRange(start, end) : undefined;
}

function weekRange(week: string) {
  const monday = parseLocalDayKey(week);
  return monday ? dayRange(week, localDayKey(addLocalDays(monday, 6))) : undefined;
}

/** The range the panel shows, as a date filter; none for "all". */
function shownRange(data: InsightsData) {
  return data.range === 'all' ? {} : (dayRange(data.from, data.to) ?? {});
}

/** The tree filter that shows the same items as the mark clicked, where the server can filter that way. */
function treeFilter(target: DrillTarget, data: InsightsData): { [K in ListKind]?: Filters[K] } | undefined {
  switch (target.chart) {
    case 'memoryCategories':
      // The real server refuses categories it does not know (400); new ones go to the quick pick instead.
      return isKnownCategory(MEMORY_CATEGORIES, target.label)
        ? { memories: { categories: [target.label] } }
        : undefined;
    case 'conversationsPerDay': {
      const range = dayRange(target.day, target.day);
      return range && { conversations: { categories: [], ...range } };
    }
    case 'conversationHours': {
      const range = weekRange(target.week);
      return range && { conversations: { categories: [], ...range } };
    }
    case 'conversationCategories':
      return isKnownCategory(CONVERSATION_CATEGORIES, target.label)
        ? { conversations: { categories: [target.label], ...shownRange(data) } }
        : undefined;
    case 'actionItemStatus':
      return target.status === 'open' || target.status === 'done'
        ? { actionItems: { status: target.status, ...shownRange(data) } }
        : undefined;
    case 'actionItemsPerWeek': {
      const range = target.series === 'created' ? weekRange(target.week) : undefined;
      return range && { actionItems: { status: 'all', ...range } };
    }
    default:
      return undefined;
  }
}

type Pick = vscode.QuickPickItem & { conversationId?: string };

function picksOf(selection: Selection): Pick[] {
  switch (selection.kind) {
    case 'memories':
      return selection.items.map((m: Memory) => ({
        label: oneLine(m.content, 120) || '(empty memory)',
        description: m.category,
        detail: created(m.created_at),
      }));
    case 'conversations':
      return selection.items.map((c: Conversation) => ({
        label: conversationTitle(c, 'row'),
        description: created(c.started_at ?? c.created_at),
        detail: oneLine(c.structured?.overview, 200) || undefined,
        conversationId: c.id,
      }));
    case 'actionItems':
      return selection.items.map((a: ActionItem) => ({
        label: `${a.completed ? '$(pass-filled)' : '$(circle-large-outline)'} ${oneLine(a.description, 120)}`,
        description: a.due_at ? vscode.l10n.t('due {0}', created(a.due_at) ?? a.due_at) : undefined,
        detail: a.conversation_id ? vscode.l10n.t('Select to open its conversation') : undefined,
        conversationId: a.conversation_id ?? undefined,
      }));
  }
}

function created(value: string | null | undefined): string | undefined {
  const date = parseDate(value);
  return date ? dateAndTime(date) : undefined;
}

/**
 * Opens what a chart mark counts: the matching tree filtered and focused where the server can filter so, else a
 * quick pick of the items (selecting a conversation or an action item opens the conversation).
 */
export async function drillDown(target: DrillTarget, context: DrillContext): Promise<void> {
  const filter = treeFilter(target, context.data);
  if (filter) {
    for (const kind of Object.keys(filter) as ListKind[]) {
      await context.store.setFilter(kind, filter[kind] as Filters[typeof kind]);
      await vscode.commands.executeCommand(`${VIEW_IDS[kind]}.focus`);
    }
    return;
  }
  const selection = selectItems(context.raw, context.data, target, context.now);
  const picks = picksOf(selection);
  const chosen = await vscode.window.showQuickPick(picks, {
    title: vscode.l10n.t('Omi: {0} {1}', picks.length, listNoun(selection.kind)),
    placeHolder: picks.length === 0 ? vscode.l10n.t('Nothing here') : vscode.l10n.t('Type to narrow the list'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (chosen?.conversationId) await vscode.commands.executeCommand(COMMAND.openConversation, chosen.conversationId);
}
