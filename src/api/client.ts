import * as l10n from '@vscode/l10n';
import { normalizeBaseUrl } from './baseUrl';
import { invalidRequestError, isOmiApiError, KEY_MANAGEMENT_UNAVAILABLE, OmiApiError } from './errors';
import { jsonArrayElements } from './jsonArray';
import type {
  ActionItem,
  ActionItemChanges,
  ApiKeyInfo,
  AskAnswer,
  AskSource,
  Conversation,
  ConversationChanges,
  CreatedApiKey,
  CreatedConversation,
  DailySummary,
  Folder,
  Goal,
  GoalHistoryEntry,
  Memory,
  MemoryChanges,
  MemoryMatch,
  NewActionItem,
  NewConversation,
  NewGoal,
  NewMemory,
} from './models';
import type { OmiClientOptions, TranscriptCache } from './options';
import { ACTION_ITEMS_OFFSET_CAP, PAGE_LIMITS, type Page, type PagingOptions, pageThrough } from './paging';
import {
  type ActionItemFilters,
  actionItemsQuery,
  type ConversationFilters,
  conversationQuery,
  conversationsQuery,
  type GetConversationOptions,
  type ListActionItemsParams,
  type ListConversationsParams,
  type ListMemoriesParams,
  type MemoryFilters,
  memoriesQuery,
  type RequestOptions,
} from './params';
import { buildQuery } from './query';
import type { RateLimitInfo } from './rateLimit';
import { type ApiCall, parseJsonBody, Requester, textOf } from './requester';
import {
  expectList,
  expectObject,
  isActionItem,
  isApiKeyInfo,
  isConversation,
  isCreatedApiKey,
  isCreatedConversation,
  isDailySummary,
  isFolder,
  isGoal,
  isGoalHistoryEntry,
  isMemory,
  isRecord,
  malformed,
} from './validate';

/** The lists whose items can be changed and deleted one by one. */
type WritableCollection = 'memories' | 'action-items' | 'conversations';

/** The most memories POST /user/memories/batch takes. */
export const MEMORY_BATCH_LIMIT = 25;

interface TextLimit {
  max: number;
  /** "The description", "The memory": what the sentence names. */
  what: () => string;
}

/** The most characters Omi takes in each text it is sent (trimmed); the commands check input against the same. */
export const TEXT_LIMITS = {
  actionItem: 500,
  memory: 500,
  conversationTitle: 500,
  conversationText: 100_000,
  question: 1000,
  goalTitle: 500,
} as const;

const ACTION_ITEM_TEXT: TextLimit = { max: TEXT_LIMITS.actionItem, what: () => l10n.t('An action item') };
const MEMORY_TEXT: TextLimit = { max: TEXT_LIMITS.memory, what: () => l10n.t('A memory') };
const CONVERSATION_TITLE: TextLimit = {
  max: TEXT_LIMITS.conversationTitle,
  what: () => l10n.t('A conversation title'),
};
const CONVERSATION_TEXT: TextLimit = { max: TEXT_LIMITS.conversationText, what: () => l10n.t("A conversation's text") };
const QUESTION_TEXT: TextLimit = { max: TEXT_LIMITS.question, what: () => l10n.t('A question') };
const GOAL_TITLE: TextLimit = { max: TEXT_LIMITS.goalTitle, what: () => l10n.t('A goal title') };

export interface ListDailySummariesParams extends RequestOptions {
  limit?: number;
  offset?: number;
  /** `YYYY-MM-DD`, inclusive, on the summary's day. */
  startDate?: string;
  endDate?: string;
}

/** `YYYY-MM-DD` or undefined; anything else is refused before a request. */
function dayParam(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw invalidRequestError(l10n.t('{0} must be a YYYY-MM-DD date.', name));
  return value;
}

/** A finite number for a goal's value, refused before any request otherwise. */
function goalNumber(value: number): number {
  if (!Number.isFinite(value)) throw invalidRequestError(l10n.t('A goal’s progress must be a number.'));
  return value;
}

/** The most conversations an answer of POST /user/ask may draw on. */
const ASK_SOURCES_MAX = 10;

export interface AskOptions extends RequestOptions {
  /** How many conversations the answer may draw on, 1 to 10 (5). */
  limit?: number;
  /** IANA time zone, so "today" and "last week" mean the user's days. */
  timezone?: string;
}

export interface MeaningSearchOptions extends RequestOptions {
  /** 1 to 100 (25). */
  limit?: number;
}

function isAskSource(value: unknown): value is AskSource {
  return isRecord(value) && typeof value.id === 'string';
}

function isMemoryMatch(value: unknown): value is MemoryMatch {
  return isRecord(value) && typeof value.id === 'string' && typeof value.relevance_score === 'number';
}

/**
 * Why Omi would refuse `text` for a field of at most `max` characters: `empty` (nothing but spaces), or the trimmed
 * length when it is too long; undefined when it would take it. The one rule behind the client's checks and the
 * commands' input boxes.
 */
export function textLimitProblem(text: string, max: number): 'empty' | number | undefined {
  const length = text.trim().length;
  if (length === 0) return 'empty';
  return length > max ? length : undefined;
}

/** The text trimmed, refused before any request when the server would refuse it (empty or too long). */
function checkedText(text: string, limit: TextLimit): string {
  const problem = textLimitProblem(text, limit.max);
  if (problem === 'empty') throw invalidRequestError(l10n.t('{0} cannot be empty.', limit.what()));
  if (problem !== undefined) {
    throw invalidRequestError(
      l10n.t('{0} can be at most {1} characters; this one has {2}.', limit.what(), limit.max, problem),
    );
  }
  return text.trim();
}

/** The body of a create or an update, its text field (when sent) trimmed and checked against the server's limit. */
function withCheckedText<T extends object>(
  fields: T,
  name: keyof T & string,
  limit: TextLimit,
): Record<string, unknown> {
  const body: Record<string, unknown> = { ...(fields as Record<string, unknown>) };
  const text = fields[name];
  if (typeof text === 'string') body[name] = checkedText(text, limit);
  return body;
}

function requiredId(id: string): string {
  if (!id) throw invalidRequestError(l10n.t('The id of the item to change is required.'));
  return id;
}

/** A PATCH without a field is refused by the server (422): refuse it here, without a request. */
function nonEmptyChanges(body: Record<string, unknown>): Record<string, unknown> {
  const sent = Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
  if (Object.keys(sent).length === 0) throw invalidRequestError(l10n.t('There is nothing to change.'));
  return sent;
}

/**
 * The Omi Developer API. Every method takes an optional AbortSignal and fails only with OmiApiError.
 * Objects come back exactly as the server sent them (after a shape check), unknown fields included.
 */
export class OmiClient {
  readonly baseUrl: string;
  private readonly requester: Requester;
  private readonly transcriptCache: TranscriptCache | undefined;

  constructor(options: OmiClientOptions) {
    this.baseUrl = normalizeBaseUrl(options.baseUrl);
    this.requester = new Requester(this.baseUrl, options);
    this.transcriptCache = options.transcriptCache;
  }

  /** The latest rate-limit headers seen on any response (the real server sends them only with a 429). */
  get rateLimit(): RateLimitInfo | undefined {
    return this.requester.rateLimit;
  }

  async listMemories(params: ListMemoriesParams = {}): Promise<Memory[]> {
    const path = '/user/memories';
    return this.requester.send({
      method: 'GET',
      path,
      query: memoriesQuery(params),
      signal: params.signal,
      read: (data) => expectList(data, isMemory, path),
    });
  }

  /**
   * One memory as the server has it now. A 404 is OmiApiError with `refusal` REFUSAL.itemMissing when the memory is
   * gone, REFUSAL.endpointMissing when the server has no such route (the documented API).
   */
  async getMemory(id: string, options: RequestOptions = {}): Promise<Memory> {
    const path = `/user/memories/${encodeURIComponent(requiredId(id))}`;
    return this.requester.send({
      method: 'GET',
      path,
      signal: options.signal,
      read: (data) => expectObject(data, isMemory, path),
    });
  }

  async listActionItems(params: ListActionItemsParams = {}): Promise<ActionItem[]> {
    const path = '/user/action-items';
    return this.requester.send({
      method: 'GET',
      path,
      query: actionItemsQuery(params),
      signal: params.signal,
      read: (data) => expectList(data, isActionItem, path),
    });
  }

  /** With `includeTranscript`, every conversation returned is also stored in the transcript cache. */
  async listConversations(params: ListConversationsParams = {}): Promise<Conversation[]> {
    const path = '/user/conversations';
    const conversations = await this.requester.send({
      method: 'GET',
      path,
      query: conversationsQuery(params),
      signal: params.signal,
      read: (data) => expectList(data, isConversation, path),
    });
    if (params.includeTranscript) {
      for (const conversation of conversations) {
        await this.rememberTranscript(conversation, params.transcriptCache);
      }
    }
    return conversations;
  }

  /**
   * Conversations with their transcripts, as listConversations({ includeTranscript: true }) lists them, for a read
   * through many (an export): the answer waits as its bytes, and each conversation is parsed, checked and stored in
   * the transcript cache only when the loop takes it. Taken one at a time and dropped, a conversation dies young in
   * V8's heap; 25 parsed at once (tens of MB) live long enough to be promoted, and an export's hundreds of MB of them
   * then pile up in the old generation until a full collection. The list's structure is checked on arrival; a
   * conversation that is not JSON, or not a conversation, fails the loop when it is reached.
   */
  async listConversationsOneByOne(params: ListConversationsParams = {}): Promise<AsyncIterable<Conversation>> {
    const path = '/user/conversations';
    const elements: unknown[] = await this.requester.send({
      method: 'GET',
      path,
      query: conversationsQuery({ ...params, includeTranscript: true }),
      signal: params.signal,
      // An answer that is not a list is refused now, with the same sentence as listConversations.
      readBytes: (body) =>
        jsonArrayElements(body) ?? expectList(parseJsonBody(textOf(body), path), isConversation, path),
    });
    const remember = (conversation: Conversation) => this.rememberTranscript(conversation, params.transcriptCache);
    return (async function* () {
      // The answer's bytes are held until its last conversation is taken (each element is a view into them).
      for (const element of elements) {
        const conversation = element instanceof Uint8Array ? parseJsonBody(textOf(element), path) : element;
        if (!isConversation(conversation)) throw malformed(path, 'a list item has an unexpected shape');
        await remember(conversation);
        yield conversation;
      }
    })();
  }

  /**
   * With `includeTranscript`, the transcript cache is asked first and filled afterwards. A 404 may mean the
   * conversation is gone or that an older server lacks the route; callers decide on any fallback.
   */
  async getConversation(id: string, options: GetConversationOptions = {}): Promise<Conversation> {
    if (!id) {
      throw invalidRequestError(l10n.t('A conversation id is required.'));
    }
    if (options.includeTranscript) {
      const cached = await this.cachedTranscript(id, options.transcriptCache);
      if (cached) {
        return cached;
      }
    }
    const path = `/user/conversations/${encodeURIComponent(id)}`;
    const conversation = await this.requester.send({
      method: 'GET',
      path,
      query: conversationQuery(options),
      signal: options.signal,
      read: (data) => expectObject(data, isConversation, path),
    });
    if (options.includeTranscript) {
      await this.rememberTranscript(conversation, options.transcriptCache);
    }
    return conversation;
  }

  /** The calling key's own record. Older servers answer 404: fall back to `listMemories({ limit: 1 })`. */
  async getKeyInfo(options: RequestOptions = {}): Promise<ApiKeyInfo> {
    const path = '/key';
    return this.requester.send({
      method: 'GET',
      path,
      signal: options.signal,
      read: (data) => expectObject(data, isApiKeyInfo, path),
    });
  }

  async listKeys(options: RequestOptions = {}): Promise<ApiKeyInfo[]> {
    const path = '/keys';
    return this.manageKeys({
      method: 'GET',
      path,
      signal: options.signal,
      read: (data) => expectList(data, isApiKeyInfo, path),
    });
  }

  /** The answer holds the full key, once. Never retried. */
  async createKey(name: string, options: RequestOptions = {}): Promise<CreatedApiKey> {
    const trimmed = name.trim();
    if (!trimmed) {
      throw invalidRequestError(l10n.t('A name for the new key is required.'));
    }
    const path = '/keys';
    return this.manageKeys({
      method: 'POST',
      path,
      body: { name: trimmed },
      signal: options.signal,
      read: (data) => expectObject(data, isCreatedApiKey, path),
    });
  }

  /** The server answers 204 even for unknown ids. Never retried. */
  async revokeKey(id: string, options: RequestOptions = {}): Promise<void> {
    if (!id) {
      throw invalidRequestError(l10n.t('The id of the key to revoke is required.'));
    }
    await this.manageKeys({ method: 'DELETE', path: `/keys/${encodeURIComponent(id)}`, signal: options.signal });
  }

  // Writes. A POST is never sent twice (a 429 is waited out: the server did nothing); a PATCH or DELETE may be.

  async createActionItem(item: NewActionItem, options: RequestOptions = {}): Promise<ActionItem> {
    const body = withCheckedText(item, 'description', ACTION_ITEM_TEXT);
    return this.postItem('/user/action-items', body, isActionItem, options);
  }

  /** The item as the server has it now, when its answer holds it. */
  async updateActionItem(
    id: string,
    changes: ActionItemChanges,
    options: RequestOptions = {},
  ): Promise<ActionItem | undefined> {
    const body = withCheckedText(changes, 'description', ACTION_ITEM_TEXT);
    return this.patchItem('action-items', id, body, isActionItem, options);
  }

  async deleteActionItem(id: string, options: RequestOptions = {}): Promise<void> {
    await this.deleteItem('action-items', id, options);
  }

  async createMemory(memory: NewMemory, options: RequestOptions = {}): Promise<Memory> {
    return this.postItem('/user/memories', withCheckedText(memory, 'content', MEMORY_TEXT), isMemory, options);
  }

  /** Up to MEMORY_BATCH_LIMIT memories in one request. */
  async createMemories(memories: readonly NewMemory[], options: RequestOptions = {}): Promise<Memory[]> {
    if (memories.length === 0 || memories.length > MEMORY_BATCH_LIMIT) {
      throw invalidRequestError(l10n.t('Between 1 and {0} memories can be created at once.', MEMORY_BATCH_LIMIT));
    }
    const path = '/user/memories/batch';
    const body = { memories: memories.map((m) => withCheckedText(m, 'content', MEMORY_TEXT)) };
    return this.requester.send({
      method: 'POST',
      path,
      body,
      signal: options.signal,
      read: (data) => {
        const answer = expectObject(data, isRecord, path);
        return expectList(answer.memories, isMemory, path);
      },
    });
  }

  /** The memory as the server has it now, when its answer holds it. */
  async updateMemory(id: string, changes: MemoryChanges, options: RequestOptions = {}): Promise<Memory | undefined> {
    return this.patchItem('memories', id, withCheckedText(changes, 'content', MEMORY_TEXT), isMemory, options);
  }

  async deleteMemory(id: string, options: RequestOptions = {}): Promise<void> {
    await this.deleteItem('memories', id, options);
  }

  /**
   * Sends the text to Omi, which processes it as it does a recording (title, overview, action items, memories).
   * The answer holds only the id, the status and whether Omi discarded it: fetch the conversation by id.
   */
  async createConversation(conversation: NewConversation, options: RequestOptions = {}): Promise<CreatedConversation> {
    const body = withCheckedText(conversation, 'text', CONVERSATION_TEXT);
    return this.postItem('/user/conversations', body, isCreatedConversation, options);
  }

  /** The conversation as the server has it now (transcript included on the real server), when its answer holds it. */
  async updateConversation(
    id: string,
    changes: ConversationChanges,
    options: RequestOptions = {},
  ): Promise<Conversation | undefined> {
    const body = withCheckedText(changes, 'title', CONVERSATION_TITLE);
    return this.patchItem('conversations', id, body, isConversation, options);
  }

  async deleteConversation(id: string, options: RequestOptions = {}): Promise<void> {
    await this.deleteItem('conversations', id, options);
  }

  /**
   * A question about the user's conversations, answered by Omi with the conversations it drew on. Never sent twice
   * after a failure (POST), so a lost answer costs one of the scarce asks (25 an hour on the Omi cloud) at most.
   */
  async ask(question: string, options: AskOptions = {}): Promise<AskAnswer> {
    const path = '/user/ask';
    const body = {
      question: checkedText(question, QUESTION_TEXT),
      limit: Math.max(1, Math.min(ASK_SOURCES_MAX, Math.trunc(options.limit ?? 5))),
      timezone: options.timezone ?? 'UTC',
    };
    return this.requester.send({
      method: 'POST',
      path,
      body,
      signal: options.signal,
      read: (data) => {
        const answer = expectObject(data, isRecord, path);
        if (typeof answer.answer !== 'string') throw malformed(path, 'no answer text');
        const sources = answer.sources === undefined || answer.sources === null ? [] : answer.sources;
        return { ...answer, answer: answer.answer, sources: expectList(sources, isAskSource, path) };
      },
    });
  }

  /** Memories ranked by meaning, closest first (1 to 100 of them). */
  async searchMemoriesByMeaning(query: string, options: MeaningSearchOptions = {}): Promise<MemoryMatch[]> {
    const path = '/user/memories/vector/search';
    const trimmed = query.trim();
    if (!trimmed) throw invalidRequestError(l10n.t('Type what to search for.'));
    const limit = Math.max(1, Math.min(100, Math.trunc(options.limit ?? 25)));
    return this.requester.send({
      method: 'GET',
      path,
      query: buildQuery({ query: trimmed, limit }),
      signal: options.signal,
      read: (data) => {
        const answer = expectObject(data, isRecord, path);
        return expectList(answer.items ?? [], isMemoryMatch, path);
      },
    });
  }

  /** Days with a summary, newest first (servers that predate them answer 404: REFUSAL.endpointMissing). */
  async listDailySummaries(params: ListDailySummariesParams = {}): Promise<DailySummary[]> {
    const path = '/user/daily-summaries';
    return this.requester.send({
      method: 'GET',
      path,
      query: buildQuery({
        limit: params.limit,
        offset: params.offset,
        start_date: dayParam(params.startDate, 'start_date'),
        end_date: dayParam(params.endDate, 'end_date'),
      }),
      signal: params.signal,
      read: (data) => {
        // `{summaries: [...]}`; a bare list is read too.
        const list = Array.isArray(data) ? data : expectObject(data, isRecord, path).summaries;
        return expectList(list ?? [], isDailySummary, path);
      },
    });
  }

  /** One day's summary with its highlights, action items and knowledge nuggets. */
  async getDailySummary(id: string, options: RequestOptions = {}): Promise<DailySummary> {
    const path = `/user/daily-summaries/${encodeURIComponent(requiredId(id))}`;
    return this.requester.send({
      method: 'GET',
      path,
      signal: options.signal,
      read: (data) => expectObject(data, isDailySummary, path),
    });
  }

  /** The user's folders, in the server's order (one request: the server does not page them). */
  async listFolders(options: RequestOptions = {}): Promise<Folder[]> {
    const path = '/user/folders';
    return this.requester.send({
      method: 'GET',
      path,
      signal: options.signal,
      read: (data) => expectList(data, isFolder, path),
    });
  }

  /** Every goal, active and not (the server does not page them with include_inactive), newest first. */
  async listGoals(options: RequestOptions = {}): Promise<Goal[]> {
    const path = '/user/goals';
    return this.requester.send({
      method: 'GET',
      path,
      query: buildQuery({ limit: PAGE_LIMITS.goals, include_inactive: true }),
      signal: options.signal,
      read: (data) => expectList(data, isGoal, path),
    });
  }

  /** A goal's recorded values over the last `days` (1 to 365), oldest first. */
  async goalHistory(id: string, days = 30, options: RequestOptions = {}): Promise<GoalHistoryEntry[]> {
    const path = `/user/goals/${encodeURIComponent(requiredId(id))}/history`;
    return this.requester.send({
      method: 'GET',
      path,
      query: buildQuery({ days: Math.max(1, Math.min(365, Math.trunc(days))) }),
      signal: options.signal,
      read: (data) => expectList(data, isGoalHistoryEntry, path),
    });
  }

  async createGoal(goal: NewGoal, options: RequestOptions = {}): Promise<Goal> {
    const path = '/user/goals';
    return this.requester.send({
      method: 'POST',
      path,
      body: { ...goal, title: checkedText(goal.title, GOAL_TITLE) },
      signal: options.signal,
      read: (data) => expectObject(data, isGoal, path),
    });
  }

  /** The goal as the server has it now, when its answer holds it. */
  async updateGoalProgress(id: string, value: number, options: RequestOptions = {}): Promise<Goal | undefined> {
    const path = `/user/goals/${encodeURIComponent(requiredId(id))}/progress`;
    return this.requester.send({
      method: 'PATCH',
      path,
      query: buildQuery({ current_value: String(goalNumber(value)) }),
      signal: options.signal,
      read: (data) => (isGoal(data) ? data : undefined),
    });
  }

  async deleteGoal(id: string, options: RequestOptions = {}): Promise<void> {
    const path = `/user/goals/${encodeURIComponent(requiredId(id))}`;
    await this.requester.send({ method: 'DELETE', path, signal: options.signal });
  }

  pagesOfMemories(filters: MemoryFilters = {}, paging: PagingOptions = {}): AsyncGenerator<Page<Memory>> {
    return pageThrough((offset, limit, signal) => this.listMemories({ ...filters, offset, limit, signal }), {
      ...paging,
      maxPageSize: PAGE_LIMITS.memories,
    });
  }

  /** Stops before offset 2000, which the server cannot serve (see ACTION_ITEMS_OFFSET_CAP). */
  pagesOfActionItems(filters: ActionItemFilters = {}, paging: PagingOptions = {}): AsyncGenerator<Page<ActionItem>> {
    return pageThrough((offset, limit, signal) => this.listActionItems({ ...filters, offset, limit, signal }), {
      ...paging,
      maxPageSize: PAGE_LIMITS.actionItems,
      offsetCap: ACTION_ITEMS_OFFSET_CAP,
    });
  }

  pagesOfConversations(
    filters: ConversationFilters = {},
    paging: PagingOptions = {},
  ): AsyncGenerator<Page<Conversation>> {
    const maxPageSize = filters.includeTranscript ? PAGE_LIMITS.conversationsWithTranscript : PAGE_LIMITS.conversations;
    return pageThrough((offset, limit, signal) => this.listConversations({ ...filters, offset, limit, signal }), {
      ...paging,
      maxPageSize,
    });
  }

  /** POST that creates one thing and answers with it. */
  private postItem<T>(
    path: string,
    body: Record<string, unknown>,
    isItem: (data: unknown) => data is T,
    options: RequestOptions,
  ): Promise<T> {
    return this.requester.send({
      method: 'POST',
      path,
      body,
      signal: options.signal,
      read: (data) => expectObject(data, isItem, path),
    });
  }

  /** PATCH /user/<collection>/<id> with the fields given; the item as the server has it now, when it sends it. */
  private patchItem<T>(
    collection: WritableCollection,
    id: string,
    body: Record<string, unknown>,
    isItem: (data: unknown) => data is T,
    options: RequestOptions,
  ): Promise<T | undefined> {
    return this.requester.send({
      method: 'PATCH',
      path: `/user/${collection}/${encodeURIComponent(requiredId(id))}`,
      body: nonEmptyChanges(body),
      signal: options.signal,
      read: (data) => (isItem(data) ? data : undefined),
    });
  }

  private async deleteItem(collection: WritableCollection, id: string, options: RequestOptions): Promise<void> {
    const path = `/user/${collection}/${encodeURIComponent(requiredId(id))}`;
    await this.requester.send({ method: 'DELETE', path, signal: options.signal });
  }

  /** The real server wants the Omi app's sign-in on /keys and answers a developer key with 401. */
  private async manageKeys<T>(call: ApiCall<T>): Promise<T> {
    try {
      return await this.requester.send(call);
    } catch (error) {
      if (isOmiApiError(error) && error.status === 401) {
        throw new OmiApiError({
          kind: 'unauthorized',
          status: 401,
          code: KEY_MANAGEMENT_UNAVAILABLE,
          detail: error.detail,
          message:
            'This server does not let an API key manage keys; manage them in the Omi app under Settings > Developer.',
        });
      }
      throw error;
    }
  }

  // The cache is an optimisation: if it fails, the request is made (or its result kept) as if it were absent.
  private async cachedTranscript(id: string, cache = this.transcriptCache): Promise<Conversation | undefined> {
    try {
      const cached = await cache?.get(id);
      return cached && Array.isArray(cached.transcript_segments) ? cached : undefined;
    } catch {
      return undefined;
    }
  }

  private async rememberTranscript(conversation: Conversation, cache = this.transcriptCache): Promise<void> {
    // Only finished conversations have a transcript that can no longer change.
    const finished = conversation.status === undefined || conversation.status === 'completed';
    if (!cache || !finished || !Array.isArray(conversation.transcript_segments)) {
      return;
    }
    try {
      await cache.set(conversation.id, conversation);
    } catch {
      // see cachedTranscript
    }
  }
}
