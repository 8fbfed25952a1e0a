// What the Daily Summary panel and the extension say to each other (no vscode import: shared with the webview).
import { isPlainRecord, pageId, pageMessage } from '../../util/pageMessage';

export interface DailySummaryView {
  id: string;
  /** `YYYY-MM-DD` */
  date: string;
  /** "Tuesday, 1 December 2026", already formatted. */
  dayLabel: string;
  emoji: string;
  headline: string;
  overview: string;
  stats: { label: string; value: string }[];
  highlights: { emoji: string; topic: string; summary: string; conversationIds: string[] }[];
  actionItems: { description: string; priority: string; completed: boolean; conversationId?: string }[];
  nuggets: { insight: string; conversationId?: string }[];
}

export interface DailySummaryPanelState {
  status: 'loading' | 'ready' | 'failed';
  /** The day being shown (also while loading): `YYYY-MM-DD`, or '' before it is known. */
  date: string;
  /** The summary being shown (also while loading): '' before any. */
  id: string;
  summary?: DailySummaryView;
  /** The sentence saying why there is nothing to show. */
  error?: string;
}

export type DailySummaryHostMessage = { type: 'state'; state: DailySummaryPanelState };

export type DailySummaryWebviewMessage =
  | { type: 'ready' }
  | { type: 'insert' }
  | { type: 'copy' }
  | { type: 'pickDay' }
  | { type: 'retry' }
  | { type: 'openConversation'; id: string };

/** A message from the webview, checked: the page renders Omi text, so nothing it sends is trusted. */
export function parseDailySummaryMessage(value: unknown): DailySummaryWebviewMessage | undefined {
  const message = pageMessage(value);
  switch (message?.type) {
    case 'ready':
    case 'insert':
    case 'copy':
    case 'pickDay':
    case 'retry':
      return { type: message.type };
    case 'openConversation': {
      const id = pageId(message.id);
      return id ? { type: 'openConversation', id } : undefined;
    }
    default:
      return undefined;
  }
}

/** What the page keeps across reloads: the day it shows, which the panel loads again when VS Code restores it. */
export interface SavedDay {
  id: string;
  /** `YYYY-MM-DD` */
  date: string;
}

/** A calendar day as Omi writes it, `YYYY-MM-DD`. */
export function isDay(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
}

/** A day the page saved, checked like any message from it; undefined when it is not one. */
export function parseSavedDay(value: unknown): SavedDay | undefined {
  if (!isPlainRecord(value)) return undefined;
  const id = pageId(value.id);
  const date = isDay(value.date) ? value.date : undefined;
  return id && date ? { id, date } : undefined;
}
