// The Insights webview: draws the numbers the extension posts, and sends back clicks, the range and button presses.
import './insights.css';
import * as l10n from '@vscode/l10n';
import type { Chart } from 'chart.js';
import type { InsightsData, InsightsRange } from '../../src/insights/model';
import type { DrillTarget, PanelState } from '../../src/insights/protocol';
import '../shared/l10n';
import { applyTheme, chartSpecs, draw, drawnSum } from './charts';
import { element } from './dom';
import { actionItemCount, conversationCount, memoryCount, number } from './format';
import { buildLayout } from './layout';
import { marksDisclosure } from './marks';
import { onThemeChange, readTheme } from './theme';
import { onHostMessage, post, savedState, saveState } from './vscodeApi';

// First, so that anything the Content Security Policy blocks is reported to the extension's log.
document.addEventListener('securitypolicyviolation', (event) => {
  post({ type: 'cspViolation', directive: event.violatedDirective, blocked: event.blockedURI });
});

const app = document.getElementById('app')!;
const layout = buildLayout(app, (range) => {
  saveState({ range });
  post({ type: 'setRange', range });
});
let charts: Chart[] = [];
let drawn: InsightsData | undefined;

function summaryText(data: InsightsData): string {
  const parts = [
    memoryCount(data.totals.memories),
    conversationCount(data.totals.conversations),
    actionItemCount(data.totals.actionItems),
  ];
  const undated = data.undated.memories + data.undated.conversations + data.undated.actionItems;
  const notes = [l10n.t('{0} to {1}: {2}.', data.from, data.to, parts.join(', '))];
  if (undated > 0) notes.push(l10n.t('{0} items have no date and are on no time chart.', number(undated)));
  if (data.actionItemsCapped) notes.push(l10n.t('Omi lists at most 2,000 action items: some are not counted.'));
  return notes.join(' ');
}

function drawCharts(data: InsightsData): void {
  for (const chart of charts) chart.destroy();
  charts = [];
  layout.grid.replaceChildren();
  const theme = readTheme();
  applyTheme(theme);
  const sums: Record<string, number> = {};
  for (const spec of chartSpecs(data, theme)) {
    const canvas = element('canvas', { attributes: { role: 'img', 'aria-label': spec.description } });
    canvas.textContent = spec.description;
    const frame = element('div', { className: 'chart' }, canvas);
    // CSSOM, not a style attribute: the Content Security Policy allows no inline styles.
    if (spec.height) frame.style.height = `${spec.height}px`;
    const drill = (target: DrillTarget) => post({ type: 'drill', target });
    const marks = marksDisclosure(spec, drill);
    const card = element(
      'figure',
      { className: spec.wide ? 'card wide' : 'card', attributes: { 'data-chart': spec.id } },
      frame,
      ...(marks ? [marks] : []),
    );
    layout.grid.append(card);
    const chart = draw(canvas, spec, drill);
    charts.push(chart);
    sums[spec.id] = drawnSum(chart);
  }
  drawn = data;
  post({ type: 'rendered', charts: sums });
}

function render(state: PanelState): void {
  layout.range.value = state.range;
  saveState({ range: state.range });
  const loading = state.loading !== undefined;
  layout.signedOut.hidden = state.signedIn;
  layout.cancel.hidden = !loading;
  layout.refresh.disabled = loading || !state.signedIn;
  layout.exportButton.disabled = !state.data;
  app.setAttribute('aria-busy', String(loading));
  layout.status.classList.toggle('error', state.error !== undefined);
  layout.status.textContent = state.loading?.message ?? state.error ?? '';
  const data = state.signedIn ? state.data : undefined;
  layout.summary.textContent = data ? summaryText(data) : '';
  if (!data) {
    for (const chart of charts) chart.destroy();
    charts = [];
    drawn = undefined;
    layout.grid.replaceChildren();
  } else if (!drawn || drawn.generatedAt !== data.generatedAt || drawn.range !== data.range) {
    drawCharts(data);
  }
}

onHostMessage((message) => render(message.state));
onThemeChange(() => {
  if (drawn) drawCharts(drawn);
});

const restored: InsightsRange | undefined = savedState()?.range;
if (restored) layout.range.value = restored;
post({ type: 'ready' });
