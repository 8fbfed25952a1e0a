import * as l10n from '@vscode/l10n';
import type { ConversationView, SpeakerView, TurnView } from '../../src/transcript/messages';
import { button, h } from './dom';
import { post } from './vscodeApi';

/** Turns painted at once; the rest follow in chunks so a 5,000-segment transcript shows its first screen at once. */
const FIRST_CHUNK = 100;
const CHUNK = 300;
/**
 * Turns per group: the groups, not the turns, skip layout and paint while off screen (content-visibility), since the
 * browser checks every such element on every frame and thousands of them made scrolling stutter.
 */
const GROUP = 50;

function speakerName(speaker: SpeakerView | undefined): string {
  if (!speaker) return l10n.t('Unknown');
  return speaker.isUser ? l10n.t('{0} (you)', speaker.label) : speaker.label;
}

/**
 * The transcript as a list of turns with one tab stop: arrow keys, Home/End and Page Up/Down move between the
 * turns shown, and Tab from a turn reaches its Copy button.
 */
export class TurnList {
  readonly element: HTMLDivElement;
  private readonly rendered: HTMLElement[] = [];
  /** The pause marker before a turn, by turn index: shown and hidden with its turn. */
  private readonly gaps = new Map<number, HTMLElement>();
  private hidden = new Set<number>();
  private current = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly empty: HTMLParagraphElement;
  readonly root: HTMLElement;

  constructor(private readonly view: ConversationView) {
    // A list by its roles: the groups between it and its items are not list items.
    this.element = h('div', { className: 'turns', attrs: { role: 'list', 'aria-label': l10n.t('Transcript turns') } });
    this.empty = h('p', { className: 'empty' }, l10n.t('No turns from the selected speakers.'));
    this.empty.hidden = true;
    this.root = h('div', { className: 'turn-list' }, this.element, this.empty);
    this.element.addEventListener('keydown', (e) => this.onKey(e));
    this.element.addEventListener('focusin', (e) => {
      const turn = (e.target as HTMLElement).closest<HTMLElement>('.turn');
      if (turn) this.setCurrent(Number(turn.dataset.index));
    });
  }

  /** Paints the first turns now and the rest in later tasks; `onDone` runs once every turn is in the page. */
  render(onDone?: () => void): void {
    const turns = this.view.turns;
    if (turns.length === 0) {
      this.element.append(
        h(
          'div',
          { className: 'no-transcript', attrs: { role: 'listitem' } },
          l10n.t('This conversation has no transcript.'),
        ),
      );
      onDone?.();
      return;
    }
    const paint = (from: number, count: number) => {
      const fragment = document.createDocumentFragment();
      const end = Math.min(turns.length, from + count);
      for (let first = from; first < end; first += GROUP) {
        const group = h('div', { className: 'turn-group' });
        for (let i = first; i < Math.min(end, first + GROUP); i++) {
          const turn = turns[i]!;
          if (turn.gap) group.append(this.gapElement(turn, i));
          group.append(this.turnElement(turn, i));
        }
        fragment.append(group);
      }
      this.element.append(fragment);
      if (end < turns.length) {
        this.timer = setTimeout(() => paint(end, CHUNK), 0);
      } else {
        this.timer = undefined;
        this.element.dataset.complete = 'true';
        onDone?.();
      }
    };
    paint(0, FIRST_CHUNK);
    this.keepCurrentVisible();
    this.makeCurrentTabbable();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
  }

  setHidden(hidden: ReadonlySet<number>): void {
    this.hidden = new Set(hidden);
    for (const turn of this.rendered) turn.hidden = this.hidden.has(Number(turn.dataset.speaker));
    for (const [index, gap] of this.gaps) gap.hidden = this.rendered[index]?.hidden ?? false;
    const anyShown = this.view.turns.some((t) => !this.hidden.has(t.speaker));
    this.empty.hidden = anyShown || this.view.turns.length === 0;
    this.keepCurrentVisible();
  }

  /** The list's one tab stop must be a turn that is shown. */
  private keepCurrentVisible(): void {
    if (!this.rendered[this.current]?.hidden) return;
    const next = this.rendered.find((t) => !t.hidden);
    if (next) this.setCurrent(Number(next.dataset.index));
  }

  private turnElement(turn: TurnView, index: number): HTMLElement {
    const speaker = this.view.speakers[turn.speaker];
    const name = speakerName(speaker);
    const colour = speaker ? speaker.colour : 0;
    const copy = button(
      l10n.t('Copy'),
      turn.time ? l10n.t("Copy {0}'s turn at {1}", name, turn.time) : l10n.t("Copy {0}'s turn", name),
      () => post({ type: 'copyTurn', turn: index }),
      'copy-turn',
    );
    copy.tabIndex = -1;
    const element = h(
      'div',
      {
        className: `turn c${colour}${speaker?.isUser ? ' user' : ''}`,
        attrs: { role: 'listitem', 'data-index': String(index), 'data-speaker': String(turn.speaker), tabindex: '-1' },
      },
      h(
        'div',
        { className: 'turn-head' },
        h('span', { className: 'speaker' }, name),
        turn.time ? h('span', { className: 'time' }, turn.time) : null,
        copy,
      ),
      h('p', { className: 'turn-text' }, turn.text),
    );
    element.setAttribute('aria-label', `${name}${turn.time ? `, ${turn.time}` : ''}`);
    element.hidden = this.hidden.has(turn.speaker);
    this.rendered.push(element);
    return element;
  }

  private gapElement(turn: TurnView, index: number): HTMLElement {
    const gap = h('div', { className: 'gap', attrs: { role: 'separator' } }, l10n.t('{0} pause', turn.gap ?? ''));
    gap.hidden = this.hidden.has(turn.speaker);
    this.gaps.set(index, gap);
    return gap;
  }

  private visibleIndexes(): number[] {
    return this.rendered.filter((t) => !t.hidden).map((t) => Number(t.dataset.index));
  }

  private onKey(event: KeyboardEvent): void {
    if (!(event.target instanceof HTMLElement) || !event.target.classList.contains('turn')) return;
    const visible = this.visibleIndexes();
    const at = visible.indexOf(this.current);
    const page = 10;
    const moves: Record<string, number> = {
      ArrowDown: at + 1,
      ArrowUp: at - 1,
      PageDown: at + page,
      PageUp: at - page,
      Home: 0,
      End: visible.length - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const index = visible[Math.max(0, Math.min(visible.length - 1, target))];
    if (index === undefined) return;
    this.setCurrent(index);
    this.rendered[index]?.focus();
  }

  private setCurrent(index: number): void {
    if (!Number.isInteger(index) || !this.rendered[index]) return;
    const previous = this.rendered[this.current];
    if (previous) {
      previous.tabIndex = -1;
      const copy = previous.querySelector<HTMLButtonElement>('.copy-turn');
      if (copy) copy.tabIndex = -1;
    }
    this.current = index;
    this.makeCurrentTabbable();
  }

  private makeCurrentTabbable(): void {
    const turn = this.rendered[this.current];
    if (!turn) return;
    turn.tabIndex = 0;
    const copy = turn.querySelector<HTMLButtonElement>('.copy-turn');
    if (copy) copy.tabIndex = 0;
  }
}
