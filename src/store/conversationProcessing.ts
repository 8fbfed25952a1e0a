// A conversation created from text, from Omi's first answer to the conversation as listed (no vscode import:
// unit-tested).
import type { Conversation, CreatedConversation } from '../api/models';
import { abortableSleep, type Sleep } from '../api/sleep';

/**
 * The waits between two looks at a conversation Omi is still processing: quick at first (processing text takes
 * seconds), then further apart; about two minutes in all, after which the command stops waiting.
 */
export const PROCESSING_WAITS_MS: readonly number[] = Object.freeze([
  1000, 2000, 3000, 5000, 8000, 13000, 20000, 30000, 30000,
]);

/** What became of a conversation created from text. */
export type Processed =
  | { outcome: 'ready'; conversation: Conversation }
  /** Omi found nothing worth keeping: the conversation is not listed. */
  | { outcome: 'discarded'; id: string }
  /** Omi said its processing failed. */
  | { outcome: 'failed'; id: string }
  /** Still processing after every wait: it shows in the list once done, after a refresh. */
  | { outcome: 'processing'; id: string };

/** Statuses of a conversation being made: `in_progress`, `processing`, `merging`... Absent on older servers. */
export function stillProcessing(status: unknown): boolean {
  return typeof status === 'string' && status !== 'completed' && status !== 'failed';
}

function settled(answer: { id: string; status?: unknown; discarded?: unknown }): Processed | undefined {
  if (answer.discarded === true) return { outcome: 'discarded', id: answer.id };
  if (answer.status === 'failed') return { outcome: 'failed', id: answer.id };
  return undefined;
}

export interface ProcessingOptions {
  sleep?: Sleep;
  waits?: readonly number[];
  /** Stops the waiting (not the conversation: Omi has it already); rejects with an `aborted` error. */
  signal?: AbortSignal;
}

/**
 * From POST /user/conversations's answer to the processed conversation: it is fetched by id (the answer holds no
 * title), and while Omi says it is still processing, fetched again after each wait of `waits`.
 */
export async function whenProcessed(
  created: CreatedConversation,
  fetch: (id: string, signal?: AbortSignal) => Promise<Conversation>,
  options: ProcessingOptions = {},
): Promise<Processed> {
  const early = settled(created);
  if (early) return early;
  const sleep = options.sleep ?? abortableSleep;
  const waits = options.waits ?? PROCESSING_WAITS_MS;
  let status: unknown = created.status;
  for (let attempt = 0; ; attempt++) {
    if (stillProcessing(status)) {
      const wait = waits[attempt];
      if (wait === undefined) return { outcome: 'processing', id: created.id };
      await sleep(wait, options.signal);
    }
    const conversation = await fetch(created.id, options.signal);
    const done = settled(conversation);
    if (done) return done;
    if (!stillProcessing(conversation.status)) return { outcome: 'ready', conversation };
    status = conversation.status;
  }
}

/** The conversation as a list holds it: lists are fetched without transcripts, and keeping one would bloat them. */
export function listed(conversation: Conversation): Conversation {
  const { transcript_segments: _transcript, ...rest } = conversation;
  return rest as Conversation;
}

/** The conversation with another title; nothing else changes. */
export function retitled<C extends Conversation>(conversation: C, title: string): C {
  return { ...conversation, structured: { ...conversation.structured, title } };
}

/** A language code for Omi from VS Code's display language ("de-ch" → "de"); "en" when it is not one. */
export function languageCode(displayLanguage: string | undefined): string {
  const first = (displayLanguage ?? '').split(/[-_]/)[0]?.toLowerCase() ?? '';
  return /^[a-z]{2,3}$/.test(first) ? first : 'en';
}
