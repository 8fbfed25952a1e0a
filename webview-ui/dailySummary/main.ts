// The Daily Summary panel's page: one day's headline, overview, numbers, highlights, action items and knowledge
// nuggets. Every Omi text goes in as text (see ../transcript/dom.ts); buttons only post messages.
import '../shared/l10n';
import '../shared/panel.css';
import './dailySummary.css';
import * as l10n from '@vscode/l10n';
import type {
  DailySummaryHostMessage,
  DailySummaryPanelState,
  DailySummaryView,
  DailySummaryWebviewMessage,
  SavedDay,
} from '../../src/webviews/dailySummary/dailySummaryProtocol';
import { button, h } from '../transcript/dom';

interface VsCodeApi {
  postMessage(message: DailySummaryWebviewMessage): void;
  setState(state: SavedDay): void;
}
declare function acquireVsCodeApi(): VsCodeApi;
const vscode = acquireVsCodeApi();
const post = (message: DailySummaryWebviewMessage) => vscode.postMessage(message);

const app = document.getElementById('app') as HTMLElement;

function section(title: string, className: string, items: HTMLElement[]): HTMLElement | null {
  if (items.length === 0) return null;
  return h('section', { className, attrs: { 'aria-label': title } }, h('h2', {}, title), h('ul', {}, ...items));
}

function conversationLink(id: string | undefined): HTMLElement | null {
  if (!id) return null;
  return button(
    l10n.t('Open conversation'),
    l10n.t('Open the conversation this came from'),
    () => post({ type: 'openConversation', id }),
    'link',
  );
}

function summaryBody(summary: DailySummaryView): HTMLElement[] {
  const stats = h(
    'dl',
    { className: 'stats', attrs: { 'aria-label': l10n.t('The day in numbers') } },
    ...summary.stats.flatMap((stat) => [h('dt', {}, stat.label), h('dd', {}, stat.value)]),
  );
  const highlights = section(
    l10n.t('Highlights'),
    'highlights',
    summary.highlights.map((highlight) =>
      h(
        'li',
        {},
        h('strong', {}, [highlight.emoji, highlight.topic].filter(Boolean).join(' ')),
        highlight.summary ? h('span', {}, ` — ${highlight.summary}`) : null,
        ...highlight.conversationIds
          .slice(0, 1)
          .map((id) => h('span', { className: 'open' }, ' ', conversationLink(id))),
      ),
    ),
  );
  const actionItems = section(
    l10n.t('Action items'),
    'action-items',
    summary.actionItems.map((item) =>
      h(
        'li',
        { className: item.completed ? 'done' : '' },
        h('span', { className: 'check', attrs: { 'aria-hidden': 'true' } }, item.completed ? '☑ ' : '☐ '),
        h('span', {}, item.description),
        item.priority ? h('span', { className: `priority ${item.priority}` }, ` ${item.priority}`) : null,
      ),
    ),
  );
  const nuggets = section(
    l10n.t('Knowledge nuggets'),
    'nuggets',
    summary.nuggets.map((nugget) => h('li', {}, nugget.insight)),
  );
  return [
    h('p', { className: 'overview' }, summary.overview),
    stats,
    ...[highlights, actionItems, nuggets].filter((part): part is HTMLElement => part !== null),
  ];
}

function render(state: DailySummaryPanelState): void {
  // The day shown comes back after a reload: the extension loads it again.
  if (state.id) vscode.setState({ id: state.id, date: state.date });
  app.replaceChildren();
  app.setAttribute('aria-busy', state.status === 'loading' ? 'true' : 'false');
  const summary = state.summary;
  const header = h(
    'header',
    {},
    h('p', { className: 'day' }, summary ? summary.dayLabel : state.date),
    h(
      'h1',
      { className: 'headline' },
      summary ? [summary.emoji, summary.headline].filter(Boolean).join(' ') : l10n.t('Daily summary'),
    ),
  );
  const tools = h(
    'div',
    { className: 'tools' },
    summary
      ? button(l10n.t('Insert into editor'), l10n.t('Insert this summary at the cursor of your editor'), () =>
          post({ type: 'insert' }),
        )
      : null,
    summary ? button(l10n.t('Copy'), l10n.t('Copy this summary as Markdown'), () => post({ type: 'copy' })) : null,
    button(l10n.t('Another day…'), l10n.t('Open the summary of another day'), () => post({ type: 'pickDay' })),
  );
  if (state.status === 'loading') {
    app.append(header, h('p', { className: 'status-message', attrs: { role: 'status' } }, l10n.t('Loading…')));
    return;
  }
  if (state.status === 'failed' || !summary) {
    app.append(
      header,
      h(
        'div',
        { className: 'error', attrs: { role: 'alert' } },
        h('p', {}, state.error ?? l10n.t('Omi did not send this summary.')),
        button(l10n.t('Retry'), l10n.t('Ask Omi for this summary again'), () => post({ type: 'retry' })),
      ),
      tools,
    );
    return;
  }
  app.append(header, tools, ...summaryBody(summary));
}

window.addEventListener('message', (event: MessageEvent<DailySummaryHostMessage>) => {
  if (event.data?.type === 'state') render(event.data.state);
});
post({ type: 'ready' });
