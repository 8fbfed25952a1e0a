import * as l10n from '@vscode/l10n';
import { normalizeBaseUrl } from './baseUrl';
import { invalidRequestError, isOmiApiError, KEY_MANAGEMENT_UNAVAILABLE, OmiApiError } from './errors';
import type { ActionItem, ApiKeyInfo, Conversation, CreatedApiKey, Memory } from './models';
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
import type { RateLimitInfo } from './rateLimit';
import { type ApiCall, Requester } from './requester';
import {
  expectList,
  expectObject,
  isActionItem,
  isApiKeyInfo,
  isConversation,
  isCreatedApiKey,
  isMemory,
} from './validate';

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
        await this.rememberTranscript(conversation);
      }
    }
    return conversations;
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
      const cached = await this.cachedTranscript(id);
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
      await this.rememberTranscript(conversation);
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
  private async cachedTranscript(id: string): Promise<Conversation | undefined> {
    try {
      const cached = await this.transcriptCache?.get(id);
      return cached && Array.isArray(cached.transcript_segments) ? cached : undefined;
    } catch {
      return undefined;
    }
  }

  private async rememberTranscript(conversation: Conversation): Promise<void> {
    // Only finished conversations have a transcript that can no longer change.
    const finished = conversation.status === undefined || conversation.status === 'completed';
    if (!this.transcriptCache || !finished || !Array.isArray(conversation.transcript_segments)) {
      return;
    }
    try {
      await this.transcriptCache.set(conversation.id, conversation);
    } catch {
      // see cachedTranscript
    }
  }
}
