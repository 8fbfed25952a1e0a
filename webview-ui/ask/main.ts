// The Ask panel's page: the question shown, Omi's answer, the conversations it drew on, and the session's earlier
// questions. Every Omi text goes in as text (see ../transcript/dom.ts); buttons only post messages.
import '../shared/l10n';
import '../shared/panel.css';
import './ask.css';
import * as l10n from '@vscode/l10n';
import type { AskEntryView, AskHostMessage, AskPanelState, AskWebviewMessage } from '../../src/ask/askProtocol';
import { button, h } from '../transcript/dom';

interface VsCodeApi {
  postMessage(message: AskWebviewMessage): void;
}
declare function acquireVsCodeApi(): VsCodeApi;
const vscode = acquireVsCodeApi();
const post = (message: AskWebviewMessage) => vscode.postMessage(message);

const app = document.getElementById('app') as HTMLElement;

function answerSection(entry: AskEntryView, index: number): HTMLElement {
  if (entry.status === 'asking') {
    return h('p', { className: 'status-message', attrs: { role: 'status' } }, l10n.t('Omi is thinking…'));
  }
  if (entry.status === 'failed') {
    return h(
      'div',
      { className: 'error', attrs: { role: 'alert' } },
      h('p', {}, entry.error ?? l10n.t('Omi did not answer.')),
      button(l10n.t('Ask again'), l10n.t('Ask this question again'), () => post({ type: 'retry', index })),
    );
  }
  const sources = entry.sources ?? [];
  return h(
    'div',
    {},
    h('div', { className: 'answer', attrs: { 'aria-label': l10n.t('Answer') } }, ...paragraphs(entry.answer ?? '')),
    h(
      'div',
      { className: 'tools' },
      button(l10n.t('Copy'), l10n.t('Copy the answer and its sources'), () => post({ type: 'copy', index })),
      button(l10n.t('Insert into editor'), l10n.t('Insert the answer at the cursor of your editor'), () =>
        post({ type: 'insert', index }),
      ),
    ),
    sources.length > 0
      ? h(
          'section',
          { className: 'sources', attrs: { 'aria-label': l10n.t('Sources') } },
          h('h2', {}, l10n.t('From these conversations')),
          h(
            'ul',
            {},
            ...sources.map((source) =>
              h(
                'li',
                {},
                button(
                  source.title,
                  l10n.t('Open the conversation {0}', source.title),
                  () => post({ type: 'openSource', id: source.id }),
                  'link',
                ),
                source.when ? h('span', { className: 'when' }, ` · ${source.when}`) : null,
              ),
            ),
          ),
        )
      : h('p', { className: 'no-sources' }, l10n.t('Omi named no conversation for this answer.')),
  );
}

function paragraphs(text: string): HTMLElement[] {
  return text
    .split(/\n{2,}/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => h('p', {}, part));
}

function history(state: AskPanelState): HTMLElement | null {
  if (state.entries.length < 2) return null;
  return h(
    'nav',
    { className: 'history', attrs: { 'aria-label': l10n.t('Earlier questions') } },
    h('h2', {}, l10n.t('Earlier questions')),
    h(
      'ul',
      {},
      ...state.entries.map((entry, index) =>
        h(
          'li',
          index === state.selected ? { attrs: { 'aria-current': 'true' } } : {},
          button(
            entry.question,
            l10n.t('Show the answer to: {0}', entry.question),
            () => post({ type: 'select', index }),
            'link',
          ),
          h('span', { className: 'when' }, ` · ${entry.askedAt}`),
        ),
      ),
    ),
  );
}

function render(state: AskPanelState): void {
  app.replaceChildren();
  app.setAttribute('aria-busy', 'false');
  const entry = state.entries[state.selected];
  const header = h(
    'header',
    {},
    h('h1', { className: 'question' }, entry ? entry.question : l10n.t('Ask Omi about your conversations')),
    entry ? h('p', { className: 'when' }, entry.askedAt) : null,
  );
  const budget = state.budget ? h('p', { className: 'budget', attrs: { role: 'status' } }, state.budget) : null;
  const earlier = history(state);
  app.append(
    header,
    entry ? answerSection(entry, state.selected) : h('p', {}, l10n.t('No question yet.')),
    h(
      'div',
      { className: 'tools' },
      button(l10n.t('Ask another question'), l10n.t('Ask Omi another question'), () => post({ type: 'askAnother' })),
    ),
    ...(budget ? [budget] : []),
    ...(earlier ? [earlier] : []),
  );
}

window.addEventListener('message', (event: MessageEvent<AskHostMessage>) => {
  if (event.data?.type === 'state') render(event.data.state);
});
post({ type: 'ready' });
