// The keyboard and screen-reader way into a chart: every mark it draws as a button that opens what it counts, the
// same as clicking the mark. Kept in a closed disclosure under the chart so the page stays short.
import * as l10n from '@vscode/l10n';
import type { DrillTarget } from '../../src/insights/protocol';
import type { ChartSpec } from './charts';
import { button, element } from './dom';
import { longDay, number } from './format';
import type { HeatCell } from './heatmap';

interface Mark {
  text: string;
  target: DrillTarget;
}

/** The marks with something behind them: bars and slices above zero, heatmap days with conversations. */
export function chartMarks(spec: ChartSpec): Mark[] {
  const marks: Mark[] = [];
  const labels: unknown[] = spec.config.data.labels ?? [];
  spec.config.data.datasets.forEach((dataset: { label?: string; data: unknown[] }, datasetIndex: number) => {
    const series = spec.config.data.datasets.length > 1 ? dataset.label : undefined;
    dataset.data.forEach((value, index) => {
      const cell = typeof value === 'object' && value !== null ? (value as HeatCell) : undefined;
      const count = cell ? cell.v : typeof value === 'number' ? value : 0;
      if (!(count > 0)) return;
      const target = spec.drill(datasetIndex, index);
      if (!target) return;
      const label = cell ? longDay(cell.day) : String(labels[index] ?? '');
      const text = series
        ? l10n.t('{0}, {1}: {2}', label, series, number(count))
        : l10n.t('{0}: {1}', label, number(count));
      marks.push({ text, target });
    });
  });
  return marks;
}

export function marksDisclosure(spec: ChartSpec, onDrill: (target: DrillTarget) => void): HTMLElement | undefined {
  const marks = chartMarks(spec);
  if (marks.length === 0) return undefined;
  const list = element(
    'ul',
    { className: 'marks', attributes: { 'aria-label': spec.title } },
    ...marks.map((mark) =>
      element(
        'li',
        {},
        button(mark.text, () => onDrill(mark.target), 'link'),
      ),
    ),
  );
  return element(
    'details',
    { className: 'marks-disclosure' },
    element('summary', { text: l10n.t('Open what this chart counts ({0})', marks.length) }),
    list,
  );
}
