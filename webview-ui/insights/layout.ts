// The panel's fixed parts: toolbar (range, Refresh, Export, Cancel), status line, sign-in notice and chart grid.
import { INSIGHTS_RANGES, type InsightsRange, RANGE_LABELS } from '../../src/insights/model';
import { button, element } from './dom';
import { post } from './vscodeApi';

export interface Layout {
  range: HTMLSelectElement;
  refresh: HTMLButtonElement;
  exportButton: HTMLButtonElement;
  cancel: HTMLButtonElement;
  status: HTMLElement;
  summary: HTMLElement;
  signedOut: HTMLElement;
  grid: HTMLElement;
}

export function buildLayout(app: HTMLElement, onRange: (range: InsightsRange) => void): Layout {
  const range = element('select', { attributes: { id: 'range', 'aria-label': 'Date range' } });
  for (const key of INSIGHTS_RANGES)
    range.append(element('option', { text: RANGE_LABELS[key], attributes: { value: key } }));
  range.addEventListener('change', () => {
    const chosen = INSIGHTS_RANGES.find((r) => r === range.value);
    if (chosen) onRange(chosen);
  });
  const refresh = button('Refresh', () => post({ type: 'refresh' }));
  refresh.title = 'Fetch your Omi data again';
  const exportButton = button('Export insights', () => post({ type: 'export' }), 'secondary');
  exportButton.title = 'Write these numbers as JSON into the export folder';
  const cancel = button('Cancel', () => post({ type: 'cancel' }), 'secondary');
  cancel.hidden = true;
  const status = element('p', { className: 'status', attributes: { role: 'status', 'aria-live': 'polite' } });
  const signedOut = element(
    'section',
    { className: 'signed-out' },
    element('p', { text: 'Set your Omi API key to see charts of your memories, conversations and action items.' }),
    button('Set API Key', () => post({ type: 'signIn' })),
  );
  signedOut.hidden = true;
  const summary = element('p', { className: 'summary' });
  const grid = element('div', { className: 'grid' });
  const toolbar = element(
    'header',
    { className: 'toolbar' },
    element('h1', { text: 'Omi Insights' }),
    element('label', { text: 'Range ', attributes: { for: 'range' } }),
    range,
    refresh,
    exportButton,
    cancel,
  );
  app.replaceChildren(toolbar, status, signedOut, summary, grid);
  return { range, refresh, exportButton, cancel, status, summary, signedOut, grid };
}
