// What the Insights panel shows and exports: the aggregated numbers only, never an item's text.
// Shared by the extension host and the webview bundle, so it imports nothing.

export const INSIGHTS_RANGES = ['30d', '90d', 'year', 'all'] as const;
export type InsightsRange = (typeof INSIGHTS_RANGES)[number];

export interface LabelCount {
  label: string;
  count: number;
}

export interface DayCount {
  /** Local day, YYYY-MM-DD. */
  day: string;
  count: number;
}

export interface WeekCount {
  /** The local date of the week's Monday, YYYY-MM-DD. */
  week: string;
  count: number;
}

export interface WeekHours {
  week: string;
  hours: number;
}

export interface WeekCompletion {
  week: string;
  created: number;
  completed: number;
}

export interface KindCounts {
  memories: number;
  conversations: number;
  actionItems: number;
}

/**
 * Time series count the events (added, started, created, completed) that fall between `from` and `to`. Breakdowns
 * (categories, open/done) count the items whose own date falls there; with range `all`, every item, dated or not.
 */
export interface InsightsData {
  range: InsightsRange;
  /** First and last local day shown, inclusive. */
  from: string;
  to: string;
  generatedAt: string;
  /** Items counted in the breakdowns. */
  totals: KindCounts;
  /** Items with no usable date: on no time chart, and in the breakdowns only for range `all`. */
  undated: KindCounts;
  /** The server lists at most 2,000 action items; true when that limit was reached. */
  actionItemsCapped: boolean;
  memories: { byCategory: LabelCount[]; perWeek: WeekCount[] };
  conversations: { perDay: DayCount[]; hoursPerWeek: WeekHours[]; byCategory: LabelCount[] };
  actionItems: {
    open: number;
    done: number;
    /** Open, due before now. */
    overdue: number;
    /** Open, due from now to the end of this Monday-first week. */
    dueThisWeek: number;
    perWeek: WeekCompletion[];
  };
}
