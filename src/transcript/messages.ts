// What the transcript panel and its webview say to each other, and what the webview keeps across reloads
// (no vscode import: bundled into the webview too). Everything from the webview is checked before use: it renders
// Omi data, so it is treated as untrusted.

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

export type HostMessage =
  | { type: 'loading'; conversationId: string }
  | { type: 'error'; conversationId: string; message: string; canRetry: boolean }
  | { type: 'show'; conversation: ConversationView }
  /** Feedback after an action ("Copied"), shown briefly in the panel's status line. */
  | { type: 'status'; message: string };

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

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The message if it is exactly one the panel understands (no extra fields), otherwise undefined. */
export function parseWebviewMessage(value: unknown): WebviewMessage | undefined {
  if (!isPlainObject(value) || typeof value.type !== 'string') return undefined;
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
}

const MAX_ID_LENGTH = 200;

export function parseTranscriptState(value: unknown): TranscriptState | undefined {
  if (!isPlainObject(value)) return undefined;
  const { conversationId, hiddenSpeakers } = value;
  if (typeof conversationId !== 'string' || !conversationId || conversationId.length > MAX_ID_LENGTH) return undefined;
  const hidden = Array.isArray(hiddenSpeakers)
    ? hiddenSpeakers.filter((n): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0)
    : [];
  return { conversationId, hiddenSpeakers: hidden };
}
