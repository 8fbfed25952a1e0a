// The transcript panel's page. It only renders what the extension sends (all of it plain text, set with
// textContent) and asks the extension to act; it never loads anything or follows a link.
import './transcript.css';
import * as l10n from '@vscode/l10n';
import type { HostMessage, ShowMessage, TranscriptState } from '../../src/transcript/messages';
import { parseTranscriptState } from '../../src/transcript/messages';
import '../shared/l10n';
import { button, h } from './dom';
import { renderHeader, renderSections } from './header';
import { renderSpeakerFilter } from './speakerFilter';
import { TurnList } from './turnList';
import { post, vscode } from './vscodeApi';

const app = document.getElementById('app')!;
let state: TranscriptState | undefined = parseTranscriptState(vscode.getState());
/** The first screen on the page (without the rest), as the extension sent it or as saved. */
let shown: ShowMessage | undefined;
let turnList: TurnList | undefined;
let header: HTMLElement | undefined;
let sections: HTMLElement[] = [];
let statusLine: HTMLElement | undefined;
let statusTimer: ReturnType<typeof setTimeout> | undefined;
/** The turn to scroll back to once it is in the page, unless the reader scrolls first. */
let returnTo = state?.topTurn;
let scrollTimer: ReturnType<typeof setTimeout> | undefined;
/** How long scrolling must pause before the reader's place is saved (the state holds the first screen too). */
const SAVE_PLACE_MS = 300;

function remember(next: TranscriptState): void {
  state = next;
  vscode.setState(next);
}

function replaceContent(...children: Node[]): void {
  turnList?.stop();
  turnList = undefined;
  app.replaceChildren(...children);
}

function showLoading(conversationId: string): void {
  app.setAttribute('aria-busy', 'true');
  // A page that painted this conversation from its saved state keeps it while the extension loads it again.
  if (shown?.conversation.id === conversationId) return;
  if (state?.conversationId !== conversationId) remember({ conversationId, hiddenSpeakers: [] });
  replaceContent(
    h('p', { className: 'status-message', attrs: { role: 'status' } }, l10n.t('Loading the conversation…')),
  );
}

function showError(conversationId: string, message: string, canRetry: boolean): void {
  if (state?.conversationId !== conversationId) remember({ conversationId, hiddenSpeakers: [] });
  shown = undefined;
  app.removeAttribute('aria-busy');
  const retry = canRetry
    ? button(l10n.t('Retry'), l10n.t('Retry loading the conversation'), () => post({ type: 'retry' }))
    : null;
  replaceContent(
    h(
      'div',
      { className: 'error', attrs: { role: 'alert' } },
      h('p', {}, l10n.t('The conversation could not be opened.')),
      h('p', { className: 'error-detail' }, message),
      retry ?? '',
    ),
  );
  retry?.focus();
}

function toolbar(): HTMLElement {
  return h(
    'div',
    { className: 'toolbar', attrs: { role: 'toolbar', 'aria-label': l10n.t('Conversation tools') } },
    button(l10n.t('Copy as Markdown'), l10n.t('Copy transcript as Markdown'), () => post({ type: 'copyMarkdown' })),
    button(l10n.t('Open as Markdown'), l10n.t('Open as Markdown in a new editor'), () =>
      post({ type: 'openMarkdown' }),
    ),
    button(l10n.t('Export…'), l10n.t('Export conversation as JSON'), () => post({ type: 'export' })),
    button(l10n.t('Insert summary'), l10n.t('Insert summary into editor'), () => post({ type: 'insertSummary' })),
  );
}

/** Whether two first screens have the same turns, so that only the conversation's header and sections differ. */
function sameTurns(a: ShowMessage, b: ShowMessage): boolean {
  return (
    a.conversation.id === b.conversation.id &&
    a.totalTurns === b.totalTurns &&
    JSON.stringify([a.conversation.speakers, a.conversation.turns]) ===
      JSON.stringify([b.conversation.speakers, b.conversation.turns])
  );
}

function showConversation(message: ShowMessage, fromState = false): void {
  performance.mark(fromState ? 'omi:restored' : 'omi:show');
  const { rest = [], ...screen } = message;
  const view = screen.conversation;
  const same = state?.conversationId === view.id ? state : undefined;
  const hidden = new Set(same?.hiddenSpeakers ?? []);
  remember({ ...same, conversationId: view.id, hiddenSpeakers: [...hidden], firstScreen: screen });
  // The same conversation again (sent when the page starts, or renamed): its turns stay, and so does the reader's
  // place in them; only the header and sections are drawn again, and a page painted from its saved first screen
  // gets the rest.
  if (shown && turnList && sameTurns(shown, screen)) {
    shown = screen;
    turnList.add(view.turns.length, rest);
    const nextHeader = renderHeader(view);
    header?.replaceWith(nextHeader);
    header = nextHeader;
    const nextSections = renderSections(view);
    for (const section of sections) section.remove();
    statusLine?.after(...nextSections);
    sections = nextSections;
    if (turnList.complete) app.removeAttribute('aria-busy');
    return;
  }
  shown = screen;
  const list = new TurnList(view, message.totalTurns, () => {
    performance.mark('omi:all-turns');
    app.removeAttribute('aria-busy');
  });
  statusLine = h('p', { className: 'status-line', attrs: { role: 'status', 'aria-live': 'polite' } });
  const filter = renderSpeakerFilter(view.speakers, hidden, (next) => {
    list.setHidden(next);
    if (state) remember({ ...state, hiddenSpeakers: [...next] });
  });
  const transcript = h(
    'section',
    { className: 'section transcript', attrs: { 'aria-labelledby': 'transcript-heading' } },
    h('h2', { attrs: { id: 'transcript-heading' } }, l10n.t('Transcript')),
    h('p', { className: 'summary' }, view.summary),
    view.speakers.length > 0 ? filter : null,
    list.root,
  );
  header = renderHeader(view);
  sections = renderSections(view);
  replaceContent(header, toolbar(), statusLine, ...sections, transcript);
  turnList = list;
  list.setHidden(hidden);
  list.start(view.turns, rest);
  if (returnTo !== undefined && same?.topTurn === returnTo) {
    list.whenAdded(returnTo, (turn) => {
      if (returnTo === undefined || (document.scrollingElement?.scrollTop ?? 0) > 0) return;
      returnTo = undefined;
      turn.scrollIntoView({ block: 'start' });
    });
  }
  // Marks for the UI tests, which check that the first screen does not wait for the whole transcript.
  requestAnimationFrame(() => performance.mark('omi:first-paint'));
}

function showStatus(message: string): void {
  if (!statusLine) return;
  statusLine.textContent = message;
  if (statusTimer) clearTimeout(statusTimer);
  statusTimer = setTimeout(() => {
    if (statusLine) statusLine.textContent = '';
  }, 5000);
}

window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  const message = event.data;
  if (typeof message !== 'object' || message === null) return;
  switch (message.type) {
    case 'loading':
      return showLoading(message.conversationId);
    case 'error':
      return showError(message.conversationId, message.message, message.canRetry);
    case 'show':
      return showConversation(message);
    case 'status':
      return showStatus(message.message);
  }
});

/** The turn at the top of the view: the first one found a few pixels down (past a pause marker or a gap). */
function topTurnIndex(list: DOMRect): number | undefined {
  for (let y = 1; y < 64; y += 8) {
    const hit = document.elementFromPoint(list.left + list.width / 2, y);
    const index = TurnList.indexOf(hit) ?? TurnList.indexOf(hit?.closest('.gap')?.nextElementSibling ?? null);
    if (index !== undefined) return index;
  }
  return undefined;
}

/** Saves the turn at the top of the view once scrolling pauses; a reader who scrolls is not taken back. */
window.addEventListener(
  'scroll',
  () => {
    if (scrollTimer) clearTimeout(scrollTimer);
    scrollTimer = setTimeout(() => {
      returnTo = undefined;
      const list = turnList?.element.getBoundingClientRect();
      if (!list || !state || state.conversationId !== shown?.conversation.id) return;
      const topTurn = topTurnIndex(list);
      if (topTurn === state.topTurn) return;
      const { topTurn: _old, ...rest } = state;
      remember(topTurn === undefined ? rest : { ...rest, topTurn });
    }, SAVE_PLACE_MS);
  },
  { passive: true },
);

// A restarted page paints what it showed before at once; the extension then sends the conversation as it is now.
if (state?.firstScreen) showConversation(state.firstScreen, true);
post({ type: 'ready' });
