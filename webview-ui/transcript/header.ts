import * as l10n from '@vscode/l10n';
import type { ActionItemView, ConversationView, EventView } from '../../src/transcript/messages';
import { h } from './dom';

export function renderHeader(view: ConversationView): HTMLElement {
  const facts = h(
    'dl',
    { className: 'facts' },
    ...view.facts.map((fact) => h('div', { className: 'fact' }, h('dt', {}, fact.label), h('dd', {}, fact.value))),
  );
  return h(
    'header',
    { className: 'conversation-header' },
    h(
      'h1',
      { className: 'title' },
      view.emoji ? h('span', { className: 'emoji', attrs: { 'aria-hidden': 'true' } }, view.emoji) : null,
      h('span', {}, view.title),
    ),
    view.overview ? h('p', { className: 'overview' }, view.overview) : null,
    view.facts.length > 0 ? facts : null,
  );
}

function actionItem(item: ActionItemView): HTMLElement {
  const state = item.completed ? l10n.t('Done') : item.overdue ? l10n.t('Overdue') : l10n.t('Open');
  return h(
    'li',
    { className: `action-item ${item.completed ? 'done' : 'open'}${item.overdue ? ' overdue' : ''}` },
    h('span', { className: 'check', attrs: { 'aria-hidden': 'true' } }, item.completed ? '☑' : '☐'),
    h('span', { className: 'visually-hidden' }, `${state}: `),
    h('span', { className: 'description' }, item.description),
    item.due ? h('span', { className: 'due' }, item.due) : null,
  );
}

function event(item: EventView): HTMLElement {
  const when = [item.start, item.duration].filter(Boolean).join(' · ');
  return h(
    'li',
    { className: 'event' },
    h('span', { className: 'event-title' }, item.title),
    when ? h('span', { className: 'when' }, when) : null,
  );
}

/** "Action items" and "Events", each only when the conversation has some. */
export function renderSections(view: ConversationView): HTMLElement[] {
  const sections: HTMLElement[] = [];
  if (view.actionItems.length > 0) {
    sections.push(
      h(
        'section',
        { className: 'section action-items', attrs: { 'aria-labelledby': 'action-items-heading' } },
        h('h2', { attrs: { id: 'action-items-heading' } }, l10n.t('Action items ({0})', view.actionItems.length)),
        h('ul', {}, ...view.actionItems.map(actionItem)),
      ),
    );
  }
  if (view.events.length > 0) {
    sections.push(
      h(
        'section',
        { className: 'section events', attrs: { 'aria-labelledby': 'events-heading' } },
        h('h2', { attrs: { id: 'events-heading' } }, l10n.t('Events ({0})', view.events.length)),
        h('ul', {}, ...view.events.map(event)),
      ),
    );
  }
  return sections;
}
