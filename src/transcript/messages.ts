// What the transcript panel and its webview say to each other, and what the webview keeps across reloads
// (no vscode import: bundled into the webview too). Everything from the webview is checked before use: it renders
// Omi data, so it is treated as untrusted.
import { isPlainRecord, pageId } from '../util/pageMessage';

export interface Fact {
  label: string;
  value: string;
}

export interface ActionItemView {
  description: string;
  completed: boolean;
  /** "due tomorrow", "overdue by 2 days", ... */
  due: string | null;
  overdue: boolean;
}

export interface EventView {
  title: string;
  start: string | null;
  duration: string | null;
}

export interface SpeakerView {
  label: string;
  isUser: boolean;
  colour: number;
  turns: number;
}

export interface TurnView {
  speaker: number;
  /** "1:05", "1:02:03", or "" when unknown. */
  time: string;
  text: string;
  /** "2 min 5 s" of silence before this turn, when long. */
  gap: string | null;
}

/** A conversation ready to render: every string is plain text, to be shown with textContent. */
export interface ConversationView {
  id: string;
  emoji: string;
  title: string;
  overview: string;
  facts: Fact[];
  actionItems: ActionItemView[];
  events: EventView[];
  speakers: SpeakerView[];
  turns: TurnView[];
  /** "12 min · 3 speakers · 140 segments" */
  summary: string;
}

/**
 * A conversation to show: its header and first screen of turns (`conversation.turns`), then `rest`, the turns after
 * it, of `totalTurns` in all. `rest` is left out when the page already has the turns (a new title over them) and from
 * the first screen the page saves.
 */
export interface ShowMessage {
  type: 'show';
  conversation: ConversationView;
  totalTurns: number;
  rest?: TurnView[];
}

export type HostMessage =
  | { type: 'loading'; conversationId: string }
  | { type: 'error'; conversationId: string; message: string; canRetry: boolean }
  | ShowMessage
  /** Feedback after an action ("Copied"), shown briefly in the panel's status line. */
  | { type: 'status'; message: string };

/**
 * The first screen is about a screenful of turns: the panel paints it before adding the rest, and keeps it to paint
 * at once when the page restarts. The rest come in the same message: through the webview transport one long message
 * reaches the page sooner than the same turns in parts (docs/benchmarks.md). The page adds them in tasks too short
 * to hold up input (webview-ui/transcript/turnList.ts).
 */
export const FIRST_SCREEN_TURNS = 40;
export const FIRST_SCREEN_CHARACTERS = 12_000;

/** How many turns the first screen holds: up to FIRST_SCREEN_TURNS, stopping once they reach the character cap. */
export function firstScreenLength(turns: readonly TurnView[]): number {
  let count = 0;
  for (let characters = 0; count < Math.min(turns.length, FIRST_SCREEN_TURNS); count++) {
    if (characters >= FIRST_SCREEN_CHARACTERS) break;
    characters += turns[count]!.text.length;
  }
  return count;
}

/** A whole conversation as the panel posts it: the header, the first screen of turns, and the rest. */
export function showMessage(view: ConversationView): ShowMessage {
  const screen = firstScreen(view);
  return { ...screen, rest: view.turns.slice(screen.conversation.turns.length) };
}

/** The header and the first screen of turns alone: for a new title over the same turns. */
export function firstScreen(view: ConversationView): ShowMessage {
  return {
    type: 'show',
    conversation: { ...view, turns: view.turns.slice(0, firstScreenLength(view.turns)) },
    totalTurns: view.turns.length,
  };
}

export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'retry' }
  | { type: 'copyTurn'; turn: number }
  | { type: 'copyMarkdown' }
  | { type: 'openMarkdown' }
  | { type: 'export' }
  | { type: 'insertSummary' };

export type ActionType = Exclude<WebviewMessage['type'], 'ready' | 'retry' | 'copyTurn'>;

const SIMPLE_TYPES: ReadonlySet<string> = new Set([
  'ready',
  'retry',
  'copyMarkdown',
  'openMarkdown',
  'export',
  'insertSummary',
]);

/** The message if it is exactly one the panel understands (no extra fields), otherwise undefined. */
export function parseWebviewMessage(value: unknown): WebviewMessage | undefined {
  if (!isPlainRecord(value) || typeof value.type !== 'string') return undefined;
  const keys = Object.keys(value);
  if (SIMPLE_TYPES.has(value.type)) {
    return keys.length === 1 ? ({ type: value.type } as WebviewMessage) : undefined;
  }
  if (value.type === 'copyTurn') {
    const turn = value.turn;
    const valid = keys.length === 2 && typeof turn === 'number' && Number.isSafeInteger(turn) && turn >= 0;
    return valid ? { type: 'copyTurn', turn } : undefined;
  }
  return undefined;
}

/** What the webview persists with setState; the panel serializer reads it back after a reload. */
export interface TranscriptState {
  conversationId: string;
  /** Speakers the reader has filtered out, by index. */
  hiddenSpeakers: number[];
  /** The last first screen shown, painted at once when the page starts again (shown after hidden, or reloaded). */
  firstScreen?: ShowMessage;
  /** The turn at the top of the reader's view, scrolled back to when the page starts again. */
  topTurn?: number;
}

function isIndex(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isText(value: unknown): value is string {
  return typeof value === 'string';
}

function isTextOrNull(value: unknown): value is string | null {
  return value === null || typeof value === 'string';
}

function everyRecord(value: unknown, check: (record: Record<string, unknown>) => boolean): boolean {
  return Array.isArray(value) && value.every((item) => isPlainRecord(item) && check(item));
}

/** A saved first screen is rendered, as text, like any message: it must still have the shape this version renders. */
function parseFirstScreen(value: unknown, conversationId: string): ShowMessage | undefined {
  if (!isPlainRecord(value) || value.type !== 'show' || !isIndex(value.totalTurns)) return undefined;
  const view = value.conversation;
  if (!isPlainRecord(view) || view.id !== conversationId) return undefined;
  const speakers = view.speakers;
  const valid =
    [view.emoji, view.title, view.overview, view.summary].every(isText) &&
    everyRecord(view.facts, (f) => isText(f.label) && isText(f.value)) &&
    everyRecord(
      view.actionItems,
      (a) =>
        isText(a.description) &&
        typeof a.completed === 'boolean' &&
        isTextOrNull(a.due) &&
        typeof a.overdue === 'boolean',
    ) &&
    everyRecord(view.events, (e) => isText(e.title) && isTextOrNull(e.start) && isTextOrNull(e.duration)) &&
    everyRecord(
      speakers,
      (s) => isText(s.label) && typeof s.isUser === 'boolean' && isIndex(s.colour) && isIndex(s.turns),
    ) &&
    everyRecord(
      view.turns,
      (t) =>
        isIndex(t.speaker) &&
        t.speaker < (speakers as unknown[]).length &&
        isText(t.time) &&
        isText(t.text) &&
        isTextOrNull(t.gap),
    ) &&
    (view.turns as unknown[]).length <= value.totalTurns;
  return valid
    ? { type: 'show', conversation: view as unknown as ConversationView, totalTurns: value.totalTurns }
    : undefined;
}

export function parseTranscriptState(value: unknown): TranscriptState | undefined {
  if (!isPlainRecord(value)) return undefined;
  const conversationId = pageId(value.conversationId);
  if (!conversationId) return undefined;
  const { hiddenSpeakers } = value;
  const hidden = Array.isArray(hiddenSpeakers) ? hiddenSpeakers.filter(isIndex) : [];
  const state: TranscriptState = { conversationId, hiddenSpeakers: hidden };
  const firstScreen = parseFirstScreen(value.firstScreen, conversationId);
  if (firstScreen) state.firstScreen = firstScreen;
  if (isIndex(value.topTurn)) state.topTurn = value.topTurn;
  return state;
}
