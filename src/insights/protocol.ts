// Messages between the Insights panel and its webview. Shared by both sides, so it imports types only.
// The host trusts nothing the webview sends: parseWebviewMessage() accepts only well-formed messages.
import { INSIGHTS_RANGES, type InsightsData, type InsightsRange } from './model';

/** What a click on a chart asks to open. */
export type DrillTarget =
  | { chart: 'memoryCategories'; label: string }
  | { chart: 'memoriesPerWeek'; week: string }
  | { chart: 'conversationsPerDay'; day: string }
  | { chart: 'conversationHours'; week: string }
  | { chart: 'conversationCategories'; label: string }
  | { chart: 'actionItemStatus'; status: ActionItemStatusKey }
  | { chart: 'actionItemsPerWeek'; week: string; series: 'created' | 'completed' };

const ACTION_ITEM_STATUS_KEYS = ['open', 'done', 'overdue', 'dueThisWeek'] as const;
export type ActionItemStatusKey = (typeof ACTION_ITEM_STATUS_KEYS)[number];

export interface PanelState {
  range: InsightsRange;
  signedIn: boolean;
  /** Set while lists are being fetched. */
  loading?: { message: string };
  error?: string;
  data?: InsightsData;
}

export type HostMessage = { type: 'state'; state: PanelState };

export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'setRange'; range: InsightsRange }
  | { type: 'refresh' }
  | { type: 'cancel' }
  | { type: 'export' }
  | { type: 'signIn' }
  | { type: 'drill'; target: DrillTarget }
  /** After drawing: each chart's id and the sum of the values it drew. */
  | { type: 'rendered'; charts: Record<string, number> }
  | { type: 'cspViolation'; directive: string; blocked: string };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isDay = (value: unknown): value is string => typeof value === 'string' && DAY.test(value);
const isLabel = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= 200;
const oneOf = <T extends string>(values: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (values as readonly string[]).includes(value);
const shortText = (value: unknown) => (typeof value === 'string' ? value.slice(0, 300) : '');

function parseDrillTarget(value: unknown): DrillTarget | undefined {
  if (!isRecord(value)) return undefined;
  switch (value.chart) {
    case 'memoryCategories':
    case 'conversationCategories':
      return isLabel(value.label) ? { chart: value.chart, label: value.label } : undefined;
    case 'memoriesPerWeek':
    case 'conversationHours':
      return isDay(value.week) ? { chart: value.chart, week: value.week } : undefined;
    case 'conversationsPerDay':
      return isDay(value.day) ? { chart: 'conversationsPerDay', day: value.day } : undefined;
    case 'actionItemStatus':
      return oneOf(ACTION_ITEM_STATUS_KEYS, value.status)
        ? { chart: 'actionItemStatus', status: value.status }
        : undefined;
    case 'actionItemsPerWeek':
      return isDay(value.week) && oneOf(['created', 'completed'] as const, value.series)
        ? { chart: 'actionItemsPerWeek', week: value.week, series: value.series }
        : undefined;
    default:
      return undefined;
  }
}

function parseChartSums(value: unknown): Record<string, number> | undefined {
  if (!isRecord(value)) return undefined;
  const sums: Record<string, number> = {};
  for (const [key, sum] of Object.entries(value).slice(0, 50)) {
    if (typeof sum !== 'number' || !Number.isFinite(sum)) return undefined;
    sums[key.slice(0, 100)] = sum;
  }
  return sums;
}

export function parseWebviewMessage(value: unknown): WebviewMessage | undefined {
  if (!isRecord(value)) return undefined;
  switch (value.type) {
    case 'ready':
    case 'refresh':
    case 'cancel':
    case 'export':
    case 'signIn':
      return { type: value.type };
    case 'setRange':
      return oneOf(INSIGHTS_RANGES, value.range) ? { type: 'setRange', range: value.range } : undefined;
    case 'drill': {
      const target = parseDrillTarget(value.target);
      return target ? { type: 'drill', target } : undefined;
    }
    case 'rendered': {
      const charts = parseChartSums(value.charts);
      return charts ? { type: 'rendered', charts } : undefined;
    }
    case 'cspViolation':
      return { type: 'cspViolation', directive: shortText(value.directive), blocked: shortText(value.blocked) };
    default:
      return undefined;
  }
}
