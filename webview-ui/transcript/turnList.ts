import * as l10n from '@vscode/l10n';
import type { ConversationView, SpeakerView, TurnView } from '../../src/transcript/messages';
import { h } from './dom';
import { post } from './vscodeApi';

/**
 * Turns per group: the groups, not the turns, skip layout and paint while off screen (content-visibility), since the
 * browser checks every such element on every frame and thousands of them made scrolling stutter.
 */
const GROUP = 50;
/**
 * Turns after the first screen are added in tasks of about this long, with keys and clicks handled between them:
 * under the 50 ms at which a task counts as long, holding up input (scrolling runs off this thread). Shorter tasks
 * cost more than they save: a frame is drawn between each two, and in 12 ms tasks 4,000 turns took half as long again.
 */
const SLICE_MS = 45;
/** How long the rest waits for the first screen's frame at most. */
const FIRST_FRAME_WAIT_MS = 100;

function speakerName(speaker: SpeakerView | undefined): string {
  if (!speaker) return l10n.t('Unknown');
  return speaker.isUser ? l10n.t('{0} (you)', speaker.label) : speaker.label;
}

/**
 * The transcript as a list of turns with one tab stop: arrow keys, Home/End and Page Up/Down move between the
 * turns shown, and Tab from a turn reaches its Copy button. The first screen is painted at once; the rest is added
 * after that frame, in short tasks.
 */
export class TurnList {
  readonly element: HTMLDivElement;
  private readonly rendered: HTMLElement[] = [];
  /** The pause marker before a turn, by turn index: shown and hidden with its turn. */
  private readonly gaps = new Map<number, HTMLElement>();
  private hidden = new Set<number>();
  private current = 0;
  /** Turns received and not yet in the page, in order. */
  private pending: TurnView[] = [];
  private received = 0;
  private group: HTMLElement | undefined;
  /** One turn per speaker, cloned for each of their turns: far cheaper than building every element. */
  private readonly templates: HTMLElement[] = [];
  private readonly names: string[];
  private readonly tick = new MessageChannel();
  private scheduled = false;
  /** Whether the first screen has had its frame: until then nothing else is added, so it shows first. */
  private painted = false;
  private stopped = false;
  private waiting: { index: number; then: (turn: HTMLElement) => void } | undefined;
  private readonly empty: HTMLParagraphElement;
  readonly root: HTMLElement;

  /** `turns` are the first of `total`; `onDone` runs once all of them are in the page. */
  constructor(
    private readonly view: ConversationView,
    private readonly total: number,
    private readonly onDone?: () => void,
  ) {
    // A list by its roles: the groups between it and its items are not list items.
    this.element = h('div', { className: 'turns', attrs: { role: 'list', 'aria-label': l10n.t('Transcript turns') } });
    this.empty = h('p', { className: 'empty' }, l10n.t('No turns from the selected speakers.'));
    this.empty.hidden = true;
    this.root = h('div', { className: 'turn-list' }, this.element, this.empty);
    this.names = view.speakers.map(speakerName);
    this.element.addEventListener('keydown', (e) => this.onKey(e));
    this.element.addEventListener('focusin', (e) => {
      const index = TurnList.indexOf(e.target as HTMLElement);
      if (index !== undefined) this.setCurrent(index);
    });
    // One listener for every Copy button: cloned elements carry no listeners.
    this.element.addEventListener('click', (e) => {
      const index = TurnList.indexOf((e.target as HTMLElement).closest('.copy-turn'));
      if (index !== undefined) post({ type: 'copyTurn', turn: index });
    });
    this.tick.port1.onmessage = () => {
      this.scheduled = false;
      this.addSome(performance.now() + SLICE_MS);
    };
  }

  /** Runs `then` with the turn at `index` once it is in the page (replacing any earlier wait). */
  whenAdded(index: number, then: (turn: HTMLElement) => void): void {
    this.waiting = { index, then };
    this.settleWait();
  }

  /** The index of the turn element `target` is in, if any. */
  static indexOf(target: Element | null): number | undefined {
    const turn = target?.closest<HTMLElement>('.turn');
    return turn ? Number(turn.dataset.index) : undefined;
  }

  /** Whether every turn is in the page. */
  get complete(): boolean {
    return this.element.dataset.complete === 'true';
  }

  /** Paints `turns` (the first screen) now and adds `rest` after; `onDone` runs now if there is no more. */
  start(turns: readonly TurnView[], rest: readonly TurnView[]): void {
    if (this.total === 0) {
      this.element.append(
        h(
          'div',
          { className: 'no-transcript', attrs: { role: 'listitem' } },
          l10n.t('This conversation has no transcript.'),
        ),
      );
      this.finish();
      return;
    }
    this.queue(turns);
    this.addSome(Number.POSITIVE_INFINITY);
    this.queue(rest);
    const painted = () => {
      this.painted = true;
      this.schedule();
    };
    requestAnimationFrame(painted);
    // No frames come while the window is minimised; the turns are still added.
    setTimeout(painted, FIRST_FRAME_WAIT_MS);
  }

  /** Turns from index `from` on; anything but the next turns in order (a repeat, say) is ignored. */
  add(from: number, turns: readonly TurnView[]): void {
    if (this.stopped || from !== this.received || turns.length === 0) return;
    this.queue(turns);
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    this.tick.port1.close();
  }

  /** A task to add more turns, after any already waiting (a message's turns, a key press, a frame). */
  private schedule(): void {
    if (this.scheduled || !this.painted || this.stopped || this.pending.length === 0) return;
    this.scheduled = true;
    this.tick.port2.postMessage(null);
  }

  private queue(turns: readonly TurnView[]): void {
    const room = this.total - this.received;
    const taken = turns.length > room ? turns.slice(0, room) : turns;
    this.pending = this.pending.length === 0 ? [...taken] : this.pending.concat(taken);
    this.received += taken.length;
  }

  /** Adds pending turns a group's worth at a time until `deadline`, then yields if more are waiting. */
  private addSome(deadline: number): void {
    if (this.stopped) return;
    let next = 0;
    while (next < this.pending.length && performance.now() < deadline) {
      next = this.addGroup(next);
    }
    this.pending = this.pending.slice(next);
    if (this.pending.length > 0) {
      this.schedule();
    } else if (this.rendered.length === this.total) {
      this.finish();
    }
    this.keepCurrentVisible();
    this.makeCurrentTabbable();
    this.settleWait();
  }

  private settleWait(): void {
    const waiting = this.waiting;
    const turn = waiting && this.rendered[waiting.index];
    if (!waiting || (!turn && this.rendered.length < this.total && !this.stopped)) return;
    this.waiting = undefined;
    if (turn) waiting.then(turn);
  }

  /** Fills the last group (or a new one) from `pending[from]`, in one change to the page; returns the next index. */
  private addGroup(from: number): number {
    let group = this.group;
    if (!group || this.rendered.length % GROUP === 0) {
      group = h('div', { className: 'turn-group' });
      this.group = group;
      this.element.append(group);
    }
    const room = GROUP - (this.rendered.length % GROUP);
    const end = Math.min(this.pending.length, from + room);
    const fragment = document.createDocumentFragment();
    for (let i = from; i < end; i++) {
      const turn = this.pending[i]!;
      const index = this.rendered.length;
      if (turn.gap) fragment.append(this.gapElement(turn, index));
      fragment.append(this.turnElement(turn, index));
    }
    group.append(fragment);
    return end;
  }

  private finish(): void {
    this.element.dataset.complete = 'true';
    this.onDone?.();
  }

  setHidden(hidden: ReadonlySet<number>): void {
    this.hidden = new Set(hidden);
    for (const turn of this.rendered) turn.hidden = this.hidden.has(Number(turn.dataset.speaker));
    for (const [index, gap] of this.gaps) gap.hidden = this.rendered[index]?.hidden ?? false;
    const anyShown = this.view.speakers.some((speaker, index) => speaker.turns > 0 && !this.hidden.has(index));
    this.empty.hidden = anyShown || this.total === 0;
    this.keepCurrentVisible();
  }

  /** The list's one tab stop must be a turn that is shown. */
  private keepCurrentVisible(): void {
    if (!this.rendered[this.current]?.hidden) return;
    const next = this.rendered.find((t) => !t.hidden);
    if (next) this.setCurrent(Number(next.dataset.index));
  }

  /** A speaker's turn without its index, time, text or labels. */
  private template(speakerIndex: number): HTMLElement {
    const existing = this.templates[speakerIndex];
    if (existing) return existing;
    const speaker = this.view.speakers[speakerIndex];
    const copy = h('button', { className: 'copy-turn', attrs: { type: 'button', tabindex: '-1' } }, l10n.t('Copy'));
    const template = h(
      'div',
      {
        className: `turn c${speaker ? speaker.colour : 0}${speaker?.isUser ? ' user' : ''}`,
        attrs: { role: 'listitem', 'data-speaker': String(speakerIndex), tabindex: '-1' },
      },
      h(
        'div',
        { className: 'turn-head' },
        h('span', { className: 'speaker' }, this.names[speakerIndex] ?? speakerName(undefined)),
        h('span', { className: 'time' }),
        copy,
      ),
      h('p', { className: 'turn-text' }),
    );
    this.templates[speakerIndex] = template;
    return template;
  }

  private turnElement(turn: TurnView, index: number): HTMLElement {
    const name = this.names[turn.speaker] ?? speakerName(undefined);
    const element = this.template(turn.speaker).cloneNode(true) as HTMLElement;
    const head = element.firstElementChild!;
    const time = head.children[1]!;
    const copy = head.children[2]!;
    if (turn.time) time.textContent = turn.time;
    else time.remove();
    const copyLabel = turn.time ? l10n.t("Copy {0}'s turn at {1}", name, turn.time) : l10n.t("Copy {0}'s turn", name);
    copy.setAttribute('aria-label', copyLabel);
    copy.setAttribute('title', copyLabel);
    element.lastElementChild!.textContent = turn.text;
    element.dataset.index = String(index);
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
