import { pageId, pageMessage } from '../util/pageMessage';
// What the Ask panel and the extension say to each other (no vscode import: shared with the webview's code).

/** A conversation an answer drew on, as the panel lists it. */
export interface AskSourceView {
  id: string;
  title: string;
  /** The conversation's local date, already formatted. */
  when: string;
}

/** One question of this session and what became of it. */
export interface AskEntryView {
  question: string;
  /** Local time of asking, already formatted. */
  askedAt: string;
  status: 'asking' | 'answered' | 'failed';
  answer?: string;
  sources?: AskSourceView[];
  /** The sentence saying why there is no answer. */
  error?: string;
}

export interface AskPanelState {
  /** Newest first. */
  entries: AskEntryView[];
  /** Which entry is shown: an index into `entries`. */
  selected: number;
  /** "3 of 25 questions left this hour", when few are left; undefined otherwise. */
  budget?: string;
}

export type AskHostMessage = { type: 'state'; state: AskPanelState };

export type AskWebviewMessage =
  | { type: 'ready' }
  | { type: 'askAnother' }
  | { type: 'select'; index: number }
  | { type: 'openSource'; id: string }
  | { type: 'copy'; index: number }
  | { type: 'insert'; index: number }
  | { type: 'retry'; index: number };

/** A message from the webview, checked: it comes from a page that renders Omi text, so nothing is trusted. */
export function parseAskMessage(value: unknown): AskWebviewMessage | undefined {
  const message = pageMessage(value);
  switch (message?.type) {
    case 'ready':
    case 'askAnother':
      return { type: message.type };
    case 'openSource': {
      const id = pageId(message.id);
      return id ? { type: 'openSource', id } : undefined;
    }
    case 'select':
    case 'copy':
    case 'insert':
    case 'retry':
      return Number.isInteger(message.index) && (message.index as number) >= 0
        ? { type: message.type, index: message.index as number }
        : undefined;
    default:
      return undefined;
  }
}
