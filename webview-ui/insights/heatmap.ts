// The calendar heatmap: one square per local day, a column per Monday-first week, darker for more conversations.
import type { ChartConfiguration, ScriptableContext } from 'chart.js';
import type { DayCount } from '../../src/insights/model';
import { longDay, monthOf, plural } from './format';
import { type Theme, withAlpha } from './theme';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export interface HeatCell {
  x: number;
  y: number;
  v: number;
  day: string;
}

/** Places each day: column = weeks since the first shown week, row = weekday (Monday on top). */
export function heatCells(days: readonly DayCount[]): HeatCell[] {
  if (days.length === 0) return [];
  const [y0, m0, d0] = days[0]!.day.split('-').map(Number);
  const first = new Date(y0!, m0! - 1, d0!);
  const firstRow = (first.getDay() + 6) % 7;
  return days.map((d, i) => ({ x: Math.floor((i + firstRow) / 7), y: (i + firstRow) % 7, v: d.count, day: d.day }));
}

export function heatmapConfig(days: readonly DayCount[], theme: Theme, title: string): ChartConfiguration<'matrix'> {
  const cells = heatCells(days);
  const columns = (cells.at(-1)?.x ?? 0) + 1;
  const max = Math.max(1, ...cells.map((c) => c.v));
  // Months along the top; over many years, only the years.
  const manyYears = columns > 60;
  const marks = cells.filter((c, i) => i === 0 || c.day.endsWith(manyYears ? '-01-01' : '-01'));
  const columnLabels = new Map(marks.map((c) => [c.x, manyYears ? c.day.slice(0, 4) : monthOf(c.day)]));
  const cell = (context: ScriptableContext<'matrix'>) => context.raw as HeatCell;
  const area = (context: ScriptableContext<'matrix'>) => context.chart.chartArea;
  return {
    type: 'matrix',
    data: {
      datasets: [
        {
          label: 'Conversations per day (darker: more)',
          data: cells,
          backgroundColor: (context) => {
            const value = cell(context)?.v ?? 0;
            if (value === 0) return withAlpha(theme.grid, theme.highContrast ? 0.15 : 0.35);
            return theme.highContrast ? theme.series.green : withAlpha(theme.series.green, 0.25 + 0.75 * (value / max));
          },
          borderColor: theme.highContrast ? theme.border : 'transparent',
          borderWidth: theme.highContrast ? 1 : 0,
          width: (context) => Math.max(2, (area(context)?.width ?? 0) / columns - 2),
          height: (context) => Math.max(2, (area(context)?.height ?? 0) / 7 - 2),
        },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: {
        title: { display: true, text: title },
        legend: { display: true },
        tooltip: {
          callbacks: {
            title: (items) => longDay((items[0]?.raw as HeatCell | undefined)?.day ?? ''),
            label: (item) => plural((item.raw as HeatCell).v, 'conversation', 'conversations'),
          },
        },
      },
      scales: {
        x: {
          type: 'linear',
          min: -0.5,
          max: columns - 0.5,
          grid: { display: false },
          ticks: {
            stepSize: 1,
            autoSkip: false,
            maxRotation: 0,
            callback: (value) => columnLabels.get(Number(value)) ?? '',
          },
        },
        y: {
          type: 'linear',
          min: -0.5,
          max: 6.5,
          reverse: true,
          grid: { display: false },
          ticks: { stepSize: 1, callback: (value) => WEEKDAYS[Number(value)] ?? '' },
        },
      },
    },
  };
}
