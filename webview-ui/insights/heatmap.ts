// The calendar heatmap: one square per local day, a column per Monday-first week, darker for more conversations.

import * as l10n from '@vscode/l10n';
import type { ChartConfiguration, ScriptableContext } from 'chart.js';
import type { DayCount } from '../../src/insights/model';
import { conversationCount, longDay, monthOf, weekdays } from './format';
import { type Theme, withAlpha } from './theme';

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
  const weekdayNames = weekdays();
  // Months along the top; over many years, only the years.
  const manyYears = columns > 60;
  const startsPeriod = (c: HeatCell) => c.day.endsWith(manyYears ? '-01-01' : '-01');
  // The first column is labelled too, unless the next label is too close.
  const marks = cells.filter((c, i) => startsPeriod(c) || (i === 0 && !cells.slice(1, 21).some(startsPeriod)));
  const columnLabels = new Map(marks.map((c) => [c.x, manyYears ? c.day.slice(0, 4) : monthOf(c.day)]));
  const colorFor = (value: number) => {
    if (value === 0) return withAlpha(theme.grid, theme.highContrast ? 0.15 : 0.35);
    // In high contrast too: the cells' borders keep even the faintest one visible.
    return withAlpha(theme.series.green, 0.25 + 0.75 * (value / max));
  };
  // Square cells, as big as the chart allows.
  const side = (context: ScriptableContext<'matrix'>) => {
    const area = context.chart.chartArea;
    return area ? Math.max(2, Math.min(area.width / columns, area.height / 7) - 2) : 2;
  };
  const steps = [...new Set([0, 1, Math.ceil(max / 2), max])];
  return {
    type: 'matrix',
    data: {
      datasets: [
        {
          label: l10n.t('Conversations per day'),
          data: cells,
          backgroundColor: (context) => colorFor((context.raw as HeatCell | undefined)?.v ?? 0),
          borderColor: theme.highContrast ? theme.border : 'transparent',
          borderWidth: theme.highContrast ? 1 : 0,
          width: side,
          height: side,
        },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: {
        title: { display: true, text: title },
        // The legend is the colour scale: none, one, and up to the busiest day.
        legend: {
          display: true,
          onClick: () => undefined,
          labels: {
            generateLabels: () =>
              steps.map((value) => ({
                text: value === 0 ? l10n.t('No conversations') : value === max ? conversationCount(value) : `${value}`,
                fillStyle: colorFor(value),
                strokeStyle: theme.highContrast ? theme.border : colorFor(value),
                lineWidth: theme.highContrast ? 1 : 0,
                fontColor: theme.foreground,
                hidden: false,
                datasetIndex: 0,
              })),
          },
        },
        tooltip: {
          callbacks: {
            title: (items) => longDay((items[0]?.raw as HeatCell | undefined)?.day ?? ''),
            label: (item) => conversationCount((item.raw as HeatCell).v),
          },
        },
      },
      scales: {
        x: {
          type: 'linear',
          min: -0.5,
          max: columns - 0.5,
          grid: { display: false },
          afterBuildTicks: (axis) => {
            axis.ticks = [...Array(columns).keys()].map((value) => ({ value }));
          },
          ticks: {
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
          afterBuildTicks: (axis) => {
            axis.ticks = weekdayNames.map((_, value) => ({ value }));
          },
          ticks: { autoSkip: false, callback: (value) => weekdayNames[Number(value)] ?? '' },
        },
      },
    },
  };
}
