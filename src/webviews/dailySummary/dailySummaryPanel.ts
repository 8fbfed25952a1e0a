import * as vscode from 'vscode';
import type { DailySummary } from '../../api/models';
import { summaryActionItems, summaryHighlights, summaryNuggets, summaryStats } from '../../markdown/dailySummaryText';
import { describeError } from '../../util/errorMessage';
import { BundledPanel, bundledPanelHtml } from '../bundledPanel';
import { type DailySummaryPanelState, type DailySummaryView, parseDailySummaryMessage } from './dailySummaryProtocol';

export const DAILY_SUMMARY_VIEW_TYPE = 'omi.dailySummary';

export interface DailySummaryPanelActions {
  /** The full summary (fetched once, then cached). */
  load(id: string): Promise<DailySummary>;
  insert(summary: DailySummary): void;
  copy(summary: DailySummary): void;
  /** Omi: Open Daily Summary… again. */
  pickDay(): void;
  openConversation(id: string): void;
}

/** "Tuesday, 1 December 2026" for `2026-12-01`, read as a local calendar day. */
export function longDay(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  if (!year || !month || !day) return date;
  return new Date(year, month - 1, day).toLocaleDateString(vscode.env.language, {
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  });
}

/** "Omi: 2026-12-01"; before the day is known (a summary asked for by id alone), the panel's name. */
function panelTitle(date: string): string {
  return date ? vscode.l10n.t('Omi: {0}', date) : vscode.l10n.t('Omi Daily Summary');
}

function summaryView(summary: DailySummary): DailySummaryView {
  return {
    id: summary.id,
    date: summary.date,
    dayLabel: longDay(summary.date),
    emoji: typeof summary.day_emoji === 'string' ? summary.day_emoji : '',
    headline: typeof summary.headline === 'string' ? summary.headline : '',
    overview: typeof summary.overview === 'string' ? summary.overview : '',
    stats: summaryStats(summary),
    highlights: summaryHighlights(summary),
    actionItems: summaryActionItems(summary),
    nuggets: summaryNuggets(summary),
  };
}

/**
 * One day's summary: headline, overview, the day's numbers, highlights, action items and knowledge nuggets, with
 * Insert into editor. The page renders every Omi text as text, under the same CSP as the other panels.
 */
export class DailySummaryPanel extends BundledPanel<DailySummaryPanelState> {
  private current: { id: string; date: string; summary?: DailySummary; error?: unknown } | undefined;
  private loading = 0;

  constructor(
    panel: vscode.WebviewPanel,
    private readonly actions: DailySummaryPanelActions,
  ) {
    super(panel);
  }

  /** Shows a day's summary, fetching its details; resolves once shown (or failed). */
  async show(id: string, date: string): Promise<void> {
    const loading = ++this.loading;
    this.current = { id, date };
    this.panel.title = panelTitle(date);
    this.post();
    try {
      const summary = await this.actions.load(id);
      if (loading === this.loading) {
        // A summary asked for by id alone says its day once loaded (and the page saves that day for a reload).
        this.current = { id, date: date || summary.date, summary };
        this.panel.title = panelTitle(this.current.date);
      }
    } catch (error) {
      if (loading === this.loading) this.current = { id, date, error };
    }
    this.post();
  }

  /** Loads the day again if it failed (Retry, or signed in after a panel restored without a key). */
  async retryFailed(): Promise<void> {
    const current = this.current;
    if (current && current.error !== undefined) await this.show(current.id, current.date);
  }

  /** The summary shown, once loaded. */
  get summary(): DailySummary | undefined {
    return this.current?.summary;
  }

  get state(): DailySummaryPanelState {
    const current = this.current;
    if (!current) return { status: 'loading', date: '', id: '' };
    const { id, date } = current;
    if (current.summary) return { status: 'ready', date, id, summary: summaryView(current.summary) };
    if (current.error !== undefined) return { status: 'failed', date, id, error: describeError(current.error).message };
    return { status: 'loading', date, id };
  }

  receive(raw: unknown): void {
    const message = parseDailySummaryMessage(raw);
    if (!message) return;
    const summary = this.current?.summary;
    switch (message.type) {
      case 'ready':
        this.post();
        return;
      case 'insert':
        if (summary) this.actions.insert(summary);
        return;
      case 'copy':
        if (summary) this.actions.copy(summary);
        return;
      case 'pickDay':
        this.actions.pickDay();
        return;
      case 'retry':
        void this.retryFailed();
        return;
      case 'openConversation': {
        // Only conversations the summary names: the page cannot make the extension open anything else.
        const named = summary
          ? [
              ...summaryHighlights(summary).flatMap((h) => h.conversationIds),
              ...summaryActionItems(summary).map((a) => a.conversationId),
              ...summaryNuggets(summary).map((n) => n.conversationId),
            ]
          : [];
        if (named.includes(message.id)) this.actions.openConversation(message.id);
        return;
      }
    }
  }
}

/** The daily summary page, in the one template for built pages. */
export function dailySummaryHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  return bundledPanelHtml(webview, extensionUri, 'dailySummary', {
    title: vscode.l10n.t('Omi daily summary'),
    loading: vscode.l10n.t('Loading the daily summary…'),
  });
}
