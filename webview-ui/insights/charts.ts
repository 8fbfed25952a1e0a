// The Insights charts: Chart.js configurations built from the aggregated numbers and the current theme.

import * as l10n from '@vscode/l10n';
import {
  type ActiveElement,
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  type ChartEvent,
  DoughnutController,
  Legend,
  LinearScale,
  Title,
  Tooltip,
} from 'chart.js';
import { MatrixController, MatrixElement } from 'chartjs-chart-matrix';
import type { InsightsData } from '../../src/insights/model';
import type { DrillTarget } from '../../src/insights/protocol';
import { number, shortDay, titleCase, weekOf } from './format';
import { type HeatCell, heatmapConfig } from './heatmap';
import type { Theme } from './theme';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  DoughnutController,
  ArcElement,
  MatrixController,
  MatrixElement,
  Title,
  Tooltip,
  Legend,
);

export interface ChartSpec {
  id: string;
  title: string;
  /** Spans the whole row. */
  wide?: boolean;
  /** Pixels; long category lists get taller charts. */
  height?: number;
  /** What the screen reader says instead of the picture. */
  description: string;
  // biome-ignore lint/suspicious/noExplicitAny: one list holds bar, doughnut and matrix configurations
  config: ChartConfiguration<any>;
  /** The items behind the mark clicked. */
  drill(datasetIndex: number, index: number): DrillTarget | undefined;
}

/** Chart.js defaults from the theme: every chart's text, grid lines, fonts and tooltips follow it. */
export function applyTheme(theme: Theme): void {
  Chart.defaults.color = theme.foreground;
  Chart.defaults.borderColor = theme.grid;
  Chart.defaults.font.family = theme.fontFamily;
  Chart.defaults.font.size = theme.fontSize;
  const tooltip = Chart.defaults.plugins.tooltip;
  tooltip.backgroundColor = theme.tooltip.background;
  tooltip.titleColor = theme.tooltip.foreground;
  tooltip.bodyColor = theme.tooltip.foreground;
  tooltip.borderColor = theme.tooltip.border;
  tooltip.borderWidth = 1;
  Chart.defaults.plugins.title.font = { size: theme.fontSize + 1, weight: 'bold' };
  Chart.defaults.plugins.legend.labels.color = theme.foreground;
}

const listed = (labels: string[], values: number[]) =>
  labels
    .slice(0, 12)
    .map((label, i) => `${label} ${number(values[i] ?? 0)}`)
    .join(', ');

function barOptions(title: string, horizontal = false) {
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false as const,
    indexAxis: horizontal ? ('y' as const) : ('x' as const),
    plugins: { title: { display: true, text: title }, legend: { display: true } },
    scales: {
      [horizontal ? 'x' : 'y']: { beginAtZero: true, ticks: { precision: 0 } },
      [horizontal ? 'y' : 'x']: { grid: { display: false }, ticks: { autoSkip: true, maxRotation: 0 } },
    },
  };
}

function categoryChart(
  id: 'memoryCategories' | 'conversationCategories',
  title: string,
  noun: string,
  rows: { label: string; count: number }[],
  color: string,
): ChartSpec {
  const labels = rows.map((r) => titleCase(r.label));
  const values = rows.map((r) => r.count);
  return {
    id,
    title,
    height: Math.max(240, 70 + rows.length * 22),
    description: l10n.t('{0}: {1}.', title, rows.length === 0 ? l10n.t('none') : listed(labels, values)),
    config: {
      type: 'bar',
      data: { labels, datasets: [{ label: noun, data: values, backgroundColor: color }] },
      options: barOptions(title, true),
    },
    drill: (_, index) => (rows[index] ? { chart: id, label: rows[index].label } : undefined),
  };
}

/** Tooltips of a weekly chart: "Week of 23 Nov 2026", then each series' value. */
function weekTooltip(weeks: readonly { week: string }[], format: (value: number) => string = number) {
  return {
    callbacks: {
      title: (items: { dataIndex: number }[]) => weekOf(weeks[items[0]?.dataIndex ?? 0]?.week ?? ''),
      label: (item: { dataset: { label?: string }; parsed: { y: number } }) =>
        `${item.dataset.label}: ${format(item.parsed.y)}`,
    },
  };
}

/** Bar options with a tooltip of its own. */
function barOptionsWithTooltip(title: string, tooltip: ReturnType<typeof weekTooltip>) {
  const options = barOptions(title);
  return { ...options, plugins: { ...options.plugins, tooltip } };
}

export function chartSpecs(data: InsightsData, theme: Theme): ChartSpec[] {
  const { memories, conversations, actionItems } = data;
  const memoryWeeks = memories.perWeek.map((w) => shortDay(w.week));
  const hourWeeks = conversations.hoursPerWeek.map((w) => shortDay(w.week));
  const actionWeeks = actionItems.perWeek.map((w) => shortDay(w.week));
  const heatmap = heatmapConfig(conversations.perDay, theme, l10n.t('Conversations per day'));
  const activeDays = conversations.perDay.filter((d) => d.count > 0).length;

  return [
    categoryChart(
      'memoryCategories',
      l10n.t('Memories by category'),
      l10n.t('Memories'),
      memories.byCategory,
      theme.series.blue,
    ),
    {
      id: 'memoriesPerWeek',
      title: l10n.t('Memories added per week'),
      description: l10n.t(
        'Memories added per week: {0} in {1} weeks.',
        number(memories.perWeek.reduce((s, w) => s + w.count, 0)),
        memories.perWeek.length,
      ),
      config: {
        type: 'bar',
        data: {
          labels: memoryWeeks,
          datasets: [
            {
              label: l10n.t('Memories added'),
              data: memories.perWeek.map((w) => w.count),
              backgroundColor: theme.series.purple,
            },
          ],
        },
        options: barOptionsWithTooltip(l10n.t('Memories added per week'), weekTooltip(memories.perWeek)),
      },
      drill: (_, index) => {
        const week = memories.perWeek[index]?.week;
        return week ? { chart: 'memoriesPerWeek', week } : undefined;
      },
    },
    {
      id: 'conversationsPerDay',
      title: l10n.t('Conversations per day'),
      wide: true,
      height: 230,
      description: l10n.t(
        'Conversations per day: {0} conversations on {1} of {2} days.',
        number(conversations.perDay.reduce((s, d) => s + d.count, 0)),
        number(activeDays),
        number(conversations.perDay.length),
      ),
      config: heatmap,
      drill: (_, index) => {
        const cell = (heatmap.data.datasets[0]?.data as HeatCell[] | undefined)?.[index];
        return cell ? { chart: 'conversationsPerDay', day: cell.day } : undefined;
      },
    },
    {
      id: 'conversationHours',
      title: l10n.t('Hours of conversation per week'),
      description: l10n.t(
        'Hours of conversation per week: {0} hours in all.',
        number(Math.round(conversations.hoursPerWeek.reduce((s, w) => s + w.hours, 0))),
      ),
      config: {
        type: 'bar',
        data: {
          labels: hourWeeks,
          datasets: [
            {
              label: l10n.t('Hours'),
              data: conversations.hoursPerWeek.map((w) => w.hours),
              backgroundColor: theme.series.orange,
            },
          ],
        },
        options: barOptionsWithTooltip(
          l10n.t('Hours of conversation per week'),
          weekTooltip(
            conversations.hoursPerWeek,
            (h) => `${h.toLocaleString(undefined, { maximumFractionDigits: 1 })} h`,
          ),
        ),
      },
      drill: (_, index) => {
        const week = conversations.hoursPerWeek[index]?.week;
        return week ? { chart: 'conversationHours', week } : undefined;
      },
    },
    categoryChart(
      'conversationCategories',
      l10n.t('Conversation categories'),
      l10n.t('Conversations'),
      conversations.byCategory,
      theme.series.green,
    ),
    {
      id: 'actionItemStatus',
      title: l10n.t('Action items: open and done'),
      description: l10n.t('Action items: {0} open, {1} done.', number(actionItems.open), number(actionItems.done)),
      config: {
        type: 'doughnut',
        data: {
          labels: [l10n.t('Open ({0})', number(actionItems.open)), l10n.t('Done ({0})', number(actionItems.done))],
          datasets: [
            {
              label: l10n.t('Action items'),
              data: [actionItems.open, actionItems.done],
              backgroundColor: [theme.series.blue, theme.series.green],
              borderColor: theme.highContrast ? theme.border : theme.grid,
            },
          ],
        },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          plugins: {
            title: { display: true, text: l10n.t('Action items: open and done') },
            legend: { position: 'bottom' },
          },
        },
      },
      drill: (_, index) => ({ chart: 'actionItemStatus', status: index === 0 ? 'open' : 'done' }),
    },
    {
      id: 'actionItemDue',
      title: l10n.t('Open action items: overdue and due this week'),
      description: l10n.t(
        'Open action items: {0} overdue, {1} due this week.',
        number(actionItems.overdue),
        number(actionItems.dueThisWeek),
      ),
      config: {
        type: 'bar',
        data: {
          labels: [l10n.t('Overdue'), l10n.t('Due this week')],
          datasets: [
            { label: l10n.t('Overdue'), data: [actionItems.overdue, null], backgroundColor: theme.series.red },
            {
              label: l10n.t('Due this week'),
              data: [null, actionItems.dueThisWeek],
              backgroundColor: theme.series.yellow,
            },
          ],
        },
        options: {
          ...barOptions(l10n.t('Open action items: overdue and due this week')),
          datasets: { bar: { skipNull: true } },
        },
      },
      drill: (_, index) => ({ chart: 'actionItemStatus', status: index === 0 ? 'overdue' : 'dueThisWeek' }),
    },
    {
      id: 'actionItemsPerWeek',
      title: l10n.t('Action items created and completed per week'),
      wide: true,
      description: l10n.t(
        'Action items per week: {0} created, {1} completed.',
        number(actionItems.perWeek.reduce((s, w) => s + w.created, 0)),
        number(actionItems.perWeek.reduce((s, w) => s + w.completed, 0)),
      ),
      config: {
        type: 'bar',
        data: {
          labels: actionWeeks,
          datasets: [
            {
              label: l10n.t('Created'),
              data: actionItems.perWeek.map((w) => w.created),
              backgroundColor: theme.series.blue,
            },
            {
              label: l10n.t('Completed'),
              data: actionItems.perWeek.map((w) => w.completed),
              backgroundColor: theme.series.green,
            },
          ],
        },
        options: barOptionsWithTooltip(
          l10n.t('Action items created and completed per week'),
          weekTooltip(actionItems.perWeek),
        ),
      },
      drill: (datasetIndex, index) => {
        const week = actionItems.perWeek[index]?.week;
        return week
          ? { chart: 'actionItemsPerWeek', week, series: datasetIndex === 0 ? 'created' : 'completed' }
          : undefined;
      },
    },
  ];
}

/** The sum of every value a chart drew (the heatmap's are in `v`). */
export function drawnSum(chart: Chart): number {
  let sum = 0;
  for (const dataset of chart.data.datasets) {
    for (const value of dataset.data as unknown[]) {
      if (typeof value === 'number') sum += value;
      else if (value && typeof (value as { v?: unknown }).v === 'number') sum += (value as { v: number }).v;
    }
  }
  return Math.round(sum * 100) / 100;
}

/** Draws one chart into the canvas; clicks on a mark call `onDrill`. */
export function draw(canvas: HTMLCanvasElement, spec: ChartSpec, onDrill: (target: DrillTarget) => void): Chart {
  const options = spec.config.options ?? {};
  options.onClick = (_event: ChartEvent, elements: ActiveElement[]) => {
    const [hit] = elements;
    const target = hit && spec.drill(hit.datasetIndex, hit.index);
    if (target) onDrill(target);
  };
  options.onHover = (_event: ChartEvent, elements: ActiveElement[]) => {
    canvas.classList.toggle('clickable', elements.length > 0);
  };
  return new Chart(canvas, { ...spec.config, options });
}
