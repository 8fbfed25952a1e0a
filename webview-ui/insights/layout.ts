// The panel's fixed parts: toolbar (range, Refresh, Export, Cancel), status line, sign-in notice and chart grid.

import * as l10n from '@vscode/l10n';
import { INSIGHTS_RANGES, type InsightsRange } from '../../src/insights/model';
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

function rangeLabel(range: InsightsRange): string {
  switch (range) {
    case '30d':
      return l10n.t('Last 30 days');
    case '90d':
      return l10n.t('Last 90 days');
    case 'year':
      return l10n.t('Last year');
    case 'all':
      return l10n.t('All time');
  }
}

export function buildLayout(app: HTMLElement, onRange: (range: InsightsRange) => void): Layout {
  const range = element('select', { attributes: { id: 'range', 'aria-label': l10n.t('Date range') } });
  for (const key of INSIGHTS_RANGES)
    range.append(element('option', { text: rangeLabel(key), attributes: { value: key } }));
  range.addEventListener('change', () => {
    const chosen = INSIGHTS_RANGES.find((r) => r === range.value);
    if (chosen) onRange(chosen);
  });
  const refresh = button(l10n.t('Refresh'), () => post({ type: 'refresh' }));
  refresh.title = l10n.t('Fetch your Omi data again');
  const exportButton = button(l10n.t('Export insights'), () => post({ type: 'export' }), 'secondary');
  exportButton.title = l10n.t('Write these numbers as JSON into the export folder');
  const cancel = button(l10n.t('Cancel'), () => post({ type: 'cancel' }), 'secondary');
  cancel.hidden = true;
  const status = element('p', { className: 'status', attributes: { role: 'status', 'aria-live': 'polite' } });
  const signedOut = element(
    'section',
    { className: 'signed-out' },
    element('p', {
      text: l10n.t('Set your Omi API key to see charts of your memories, conversations and action items.'),
    }),
    button(l10n.t('Set API Key'), () => post({ type: 'signIn' })),
  );
  signedOut.hidden = true;
  const summary = element('p', { className: 'summary' });
  const grid = element('div', { className: 'grid' });
  const toolbar = element(
    'header',
    { className: 'toolbar' },
    element('h1', { text: l10n.t('Omi Insights') }),
    element('label', { text: `${l10n.t('Range')} `, attributes: { for: 'range' } }),
    range,
    refresh,
    exportButton,
    cancel,
  );
  app.replaceChildren(toolbar, status, signedOut, summary, grid);
  return { range, refresh, exportButton, cancel, status, summary, signedOut, grid };
}
