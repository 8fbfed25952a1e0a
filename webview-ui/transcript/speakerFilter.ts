import * as l10n from '@vscode/l10n';
import type { SpeakerView } from '../../src/transcript/messages';
import { h } from './dom';

/** One toggle button per speaker (aria-pressed) and "Show everyone". Many speakers fold away in a disclosure. */
export function renderSpeakerFilter(
  speakers: readonly SpeakerView[],
  hidden: ReadonlySet<number>,
  onChange: (hidden: Set<number>) => void,
): HTMLElement {
  const state = new Set(hidden);
  const chips = speakers.map((speaker, index) => {
    const name = speaker.isUser ? l10n.t('{0} (you)', speaker.label) : speaker.label;
    const chip = h(
      'button',
      { className: `chip c${speaker.colour}${speaker.isUser ? ' user' : ''}`, attrs: { type: 'button' } },
      h('span', { className: 'dot', attrs: { 'aria-hidden': 'true' } }),
      name,
      h('span', { className: 'count' }, String(speaker.turns)),
    );
    const sync = () => {
      chip.setAttribute('aria-pressed', String(!state.has(index)));
      chip.setAttribute('aria-label', l10n.t("Show {0}'s turns ({1})", name, speaker.turns));
    };
    sync();
    chip.addEventListener('click', () => {
      if (state.has(index)) state.delete(index);
      else state.add(index);
      sync();
      onChange(new Set(state));
    });
    return { chip, sync };
  });
  const everyone = h(
    'button',
    { className: 'chip all', attrs: { type: 'button', 'aria-label': l10n.t('Show every speaker') } },
    l10n.t('Show everyone'),
  );
  everyone.addEventListener('click', () => {
    state.clear();
    for (const c of chips) c.sync();
    onChange(new Set(state));
  });
  const group = h(
    'div',
    { className: 'speaker-filter', attrs: { role: 'group', 'aria-label': l10n.t('Speakers to show') } },
    ...chips.map((c) => c.chip),
    everyone,
  );
  if (speakers.length <= 8) return group;
  const details = h(
    'details',
    { className: 'speaker-disclosure' },
    h('summary', {}, l10n.t('Speakers ({0})', speakers.length)),
    group,
  );
  details.open = hidden.size > 0;
  return details;
}
