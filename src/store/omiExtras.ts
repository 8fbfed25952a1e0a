// Daily summaries, folders and goals: Omi data beyond the three lists, which older servers lack (404). Each is
// fetched once with the largest page its endpoint allows and kept until a refresh, a new key or Clear Cache.
import * as vscode from 'vscode';
import { isOmiApiError, REFUSAL } from '../api/errors';
import type { DailySummary, Folder, Goal, GoalHistoryEntry } from '../api/models';
import { PAGE_LIMITS } from '../api/paging';
import type { OmiConnection } from './connection';
import { PagedList } from './pagedList';

/** How many days of a goal's history its hover and chart show. */
const GOAL_HISTORY_DAYS = 30;

/** True when the server has no such endpoint (it predates the feature): the UI says "not available". */
export function isNotAvailable(error: unknown): boolean {
  return isOmiApiError(error) && error.refusal === REFUSAL.endpointMissing;
}

export class OmiExtras implements vscode.Disposable {
  private summaries: PagedList<DailySummary> | undefined;
  private readonly summaryDetails = new Map<string, Promise<DailySummary>>();
  private folderList: Promise<Folder[]> | undefined;
  private goalList: PagedList<Goal> | undefined;
  private readonly histories = new Map<string, Promise<GoalHistoryEntry[]>>();
  private readonly changed = new vscode.EventEmitter<'summaries' | 'folders' | 'goals'>();
  /** Fires when a list was replaced (cleared, a new key): whoever shows it takes the new one. */
  readonly onDidReplace = this.changed.event;

  constructor(private readonly connection: OmiConnection) {}

  /** Daily summaries, newest day first, 100 a page (the endpoint's largest). */
  dailySummaries(): PagedList<DailySummary> {
    if (this.summaries) return this.summaries;
    const list = new PagedList<DailySummary>({
      fetchPage: (offset, limit, signal) => this.connection.client.listDailySummaries({ offset, limit, signal }),
      pageSize: PAGE_LIMITS.dailySummaries,
      maxPageSize: PAGE_LIMITS.dailySummaries,
      idOf: (summary) => summary.id,
    });
    this.summaries = list;
    return list;
  }

  /** The summaries loaded so far, their first page fetched if it was not yet. Rejects when that page failed. */
  async loadedSummaries(): Promise<readonly DailySummary[]> {
    const list = this.dailySummaries();
    // The first page, or again after it failed (a later call retries it).
    if (list.items.length === 0 && !list.complete) await list.loadMore();
    if (list.items.length === 0 && list.error !== undefined) throw list.error;
    return list.items;
  }

  /** The summary of one local day (`YYYY-MM-DD`), from the loaded pages; undefined when that day has none. */
  async summaryForDay(day: string): Promise<DailySummary | undefined> {
    const list = this.dailySummaries();
    let found = (await this.loadedSummaries()).find((s) => s.date === day);
    // Newest first: keep paging only while the loaded days are still after the one asked for.
    while (!found && !list.complete && list.error === undefined && (list.items.at(-1)?.date ?? '') > day) {
      await list.loadMore();
      found = list.items.find((s) => s.date === day);
    }
    return found;
  }

  /** A summary with its highlights, action items and knowledge nuggets; fetched once. */
  summary(id: string): Promise<DailySummary> {
    const cached = this.summaryDetails.get(id);
    if (cached) return cached;
    const fetched = this.connection.client.getDailySummary(id);
    this.summaryDetails.set(id, fetched);
    fetched.catch(() => this.summaryDetails.delete(id));
    return fetched;
  }

  /** The user's folders (one request, kept). */
  folders(): Promise<Folder[]> {
    if (this.folderList) return this.folderList;
    const fetched = this.connection.client.listFolders();
    this.folderList = fetched;
    fetched.catch(() => {
      if (this.folderList === fetched) this.folderList = undefined;
    });
    return fetched;
  }

  /** Every goal, active first as the view shows them; one request (the server does not page them). */
  goals(): PagedList<Goal> {
    if (this.goalList) return this.goalList;
    const list = new PagedList<Goal>({
      fetchPage: (offset, _limit, signal) =>
        offset === 0 ? this.connection.client.listGoals({ signal }) : Promise.resolve([]),
      pageSize: PAGE_LIMITS.goals,
      maxPageSize: PAGE_LIMITS.goals,
      // One request brings every goal: the list is complete after it.
      offsetCap: PAGE_LIMITS.goals,
      idOf: (goal) => goal.id,
    });
    this.goalList = list;
    return list;
  }

  /** A goal's recorded values over the last GOAL_HISTORY_DAYS days, oldest first; fetched once per change. */
  goalHistory(id: string): Promise<GoalHistoryEntry[]> {
    const cached = this.histories.get(id);
    if (cached) return cached;
    const fetched = this.connection.client.goalHistory(id, GOAL_HISTORY_DAYS);
    this.histories.set(id, fetched);
    fetched.catch(() => this.histories.delete(id));
    return fetched;
  }

  /** A goal's progress changed: its history is asked again next time. */
  forgetGoalHistory(id: string): void {
    this.histories.delete(id);
  }

  /** Refresh: fetch everything again when next shown. */
  clear(): void {
    this.summaries = undefined;
    this.summaryDetails.clear();
    this.folderList = undefined;
    this.goalList = undefined;
    this.histories.clear();
    this.changed.fire('summaries');
    this.changed.fire('folders');
    this.changed.fire('goals');
  }

  dispose(): void {
    this.changed.dispose();
  }
}
