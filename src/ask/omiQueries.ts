import * as vscode from 'vscode';
import { isOmiApiError, REFUSAL } from '../api/errors';
import type { ActionItem, Conversation, Memory, MemoryMatch } from '../api/models';
import type { TranscriptCache } from '../api/options';
import type { OmiConnection } from '../store/connection';
import { loadFullList } from '../store/fullLists';
import type { OmiStore } from '../store/omiStore';
import { describeError } from '../util/errorMessage';
import { startOfLocalDay } from '../util/localCalendar';

export interface MemorySearch {
  items: (Memory | MemoryMatch)[];
  /** Ranked by meaning (the server's vector search); false when it fell back to words over loaded memories. */
  byMeaning: boolean;
  /** Why it fell back, when it did. */
  note?: string;
}

export interface ConversationQuery {
  text?: string;
  /** ISO-8601 instants, on when the conversation was created. */
  startDate?: string;
  endDate?: string;
  category?: string;
  limit?: number;
}

/** The most conversations a search reads through (two of the largest pages), so a question costs few requests. */
const CONVERSATIONS_SEARCHED = 200;

/**
 * The questions the chat participant and the language model tools ask of Omi, answered through the store's lists
 * and caches where they hold the answer, and with as few requests as the server allows where they do not.
 */
export class OmiQueries {
  constructor(
    private readonly store: OmiStore,
    private readonly connection: OmiConnection,
    private readonly transcripts: TranscriptCache,
  ) {}

  /** By meaning where the server can; else words over the loaded memories, with a note saying so. */
  async searchMemories(query: string, limit: number, signal?: AbortSignal): Promise<MemorySearch> {
    try {
      const items = await this.connection.client.searchMemoriesByMeaning(query, { limit, signal });
      return { items, byMeaning: true };
    } catch (error) {
      if (!isOmiApiError(error) || !couldFallBack(error)) throw error;
      const list = this.store.list('memories');
      if (!list.started) await list.loadMore();
      return {
        items: wordSearch(list.items, query, (m) => `${m.content} ${m.category} ${(m.tags ?? []).join(' ')}`).slice(
          0,
          limit,
        ),
        byMeaning: false,
        note: vscode.l10n.t(
          'Search by meaning is not available ({0}); these are the loaded memories that contain the words.',
          describeError(error).message.replace(/\.$/, ''),
        ),
      };
    }
  }

  /** Every action item (up to the server's 2,000), from the store when it holds them all. */
  async allActionItems(signal?: AbortSignal): Promise<ActionItem[]> {
    return (await loadFullList(this.store, this.connection.client, 'actionItems', { signal })).items;
  }

  /** Open action items, overdue and soonest due first, undated last. */
  async openActionItems(signal?: AbortSignal): Promise<ActionItem[]> {
    return (await this.allActionItems(signal)).filter((item) => !item.completed).sort(byDueDate);
  }

  async searchConversations(query: ConversationQuery, signal?: AbortSignal): Promise<Conversation[]> {
    const found: Conversation[] = [];
    const limit = Math.max(1, Math.min(50, query.limit ?? 10));
    const pages = this.connection.client.pagesOfConversations(
      {
        ...(query.startDate ? { startDate: query.startDate } : {}),
        ...(query.endDate ? { endDate: query.endDate } : {}),
        ...(query.category ? { categories: [query.category] } : {}),
      },
      { signal },
    );
    let read = 0;
    for await (const page of pages) {
      const matching = query.text
        ? wordSearch(page.items, query.text, (c) => `${c.structured?.title ?? ''} ${c.structured?.overview ?? ''}`)
        : page.items;
      found.push(...matching);
      read += page.items.length;
      if (found.length >= limit || read >= CONVERSATIONS_SEARCHED) break;
    }
    return found.slice(0, limit);
  }

  /** Today's conversations (local day), newest first. */
  todaysConversations(signal?: AbortSignal): Promise<Conversation[]> {
    const start = startOfLocalDay(new Date()).toISOString();
    return this.searchConversations({ startDate: start, limit: 50 }, signal);
  }

  /**
   * One conversation: with its transcript from the cache (memory, then disk) or one request when asked for it;
   * else the cached copy if there is one, or the conversation without its transcript.
   */
  async conversation(id: string, includeTranscript: boolean, signal?: AbortSignal): Promise<Conversation> {
    if (includeTranscript) return this.store.conversation(id, signal);
    const cached = await this.transcripts.get(id);
    return cached ?? this.connection.client.getConversation(id, { signal });
  }
}

/** A refusal that makes a word search over what is loaded the better answer: no endpoint, no memory grant. */
function couldFallBack(error: { refusal?: string; kind: string }): boolean {
  return (
    error.refusal === REFUSAL.endpointMissing ||
    error.refusal === REFUSAL.accessDisabled ||
    error.kind === 'notFound' ||
    error.kind === 'forbidden'
  );
}

/** Items containing every word of the query (case-insensitive), most occurrences first. */
function wordSearch<T>(items: readonly T[], query: string, text: (item: T) => string): T[] {
  const words = query
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word.length > 1);
  if (words.length === 0) return [...items];
  const scored = items
    .map((item) => {
      const haystack = text(item).toLowerCase();
      const counts = words.map((word) => haystack.split(word).length - 1);
      return { item, hits: counts.every((c) => c > 0) ? counts.reduce((a, b) => a + b, 0) : 0 };
    })
    .filter((entry) => entry.hits > 0);
  return scored.sort((a, b) => b.hits - a.hits).map((entry) => entry.item);
}

function byDueDate(a: ActionItem, b: ActionItem): number {
  const due = (item: ActionItem) => (item.due_at ? Date.parse(item.due_at) : Number.POSITIVE_INFINITY);
  return due(a) - due(b);
}
