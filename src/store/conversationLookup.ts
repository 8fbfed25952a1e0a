// One conversation with its transcript, from servers with and without the single-conversation route
// (no vscode import: unit-tested).
import * as l10n from '@vscode/l10n';
import { isOmiApiError, OmiApiError, REFUSAL } from '../api/errors';
import type { Conversation } from '../api/models';
import { PAGE_LIMITS, type Page } from '../api/paging';
import type { ConversationFilters, GetConversationOptions } from '../api/params';

/** How far down the list the fallback looks before giving up (8 pages of 25 transcripts). */
export const FALLBACK_SCAN_LIMIT = 200;

export interface ConversationSource {
  getConversation(id: string, options: GetConversationOptions): Promise<Conversation>;
  pagesOfConversations(
    filters: ConversationFilters,
    paging: { pageSize?: number; signal?: AbortSignal },
  ): AsyncIterable<Page<Conversation>>;
}

/**
 * A 404 that does not say the conversation is missing: a server older than `GET /conversations/{id}` answers
 * FastAPI's plain "Not Found" there, while the real route answers "Conversation not found".
 */
function isMissingRoute(error: unknown): boolean {
  return isOmiApiError(error) && error.refusal === REFUSAL.endpointMissing;
}

/** One request normally; on a server without the route, the newest conversations' pages until the id turns up. */
export async function fetchConversationWithTranscript(
  source: ConversationSource,
  id: string,
  signal?: AbortSignal,
): Promise<Conversation> {
  try {
    return await source.getConversation(id, { includeTranscript: true, signal });
  } catch (error) {
    if (!isMissingRoute(error)) throw error;
  }
  const pageSize = PAGE_LIMITS.conversationsWithTranscript;
  for await (const page of source.pagesOfConversations({ includeTranscript: true }, { pageSize, signal })) {
    const found = page.items.find((c) => c.id === id);
    if (found) return found;
    if (page.offset + page.limit >= FALLBACK_SCAN_LIMIT) break;
  }
  throw new OmiApiError({
    kind: 'notFound',
    status: 404,
    message: l10n.t(
      'This Omi server cannot fetch one conversation, and it is not among your {0} most recent.',
      FALLBACK_SCAN_LIMIT,
    ),
  });
}
