export { normalizeBaseUrl } from './baseUrl';
export { OmiClient } from './client';
export {
  abortedError,
  isOmiApiError,
  KEY_MANAGEMENT_UNAVAILABLE,
  MISSING_API_KEY,
  OmiApiError,
  type OmiApiErrorInit,
  type OmiApiErrorKind,
  REDIRECT_REFUSED,
} from './errors';
export type {
  ActionItem,
  ApiKeyInfo,
  CalendarEvent,
  Conversation,
  ConversationActionItem,
  ConversationStructured,
  CreatedApiKey,
  Geolocation,
  Memory,
  TranscriptSegment,
  UnknownFields,
} from './models';
export { CONVERSATION_CATEGORIES, MEMORY_CATEGORIES } from './models';
export type { OmiClientOptions, RateLimitWaitEvent, RequestLogEvent, RetryEvent, TranscriptCache } from './options';
export {
  ACTION_ITEMS_OFFSET_CAP,
  collectAll,
  type FetchPage,
  PAGE_LIMITS,
  type Page,
  type PageThroughOptions,
  type PagingOptions,
  pageThrough,
} from './paging';
export type {
  ActionItemFilters,
  ConversationFilters,
  GetConversationOptions,
  ListActionItemsParams,
  ListConversationsParams,
  ListMemoriesParams,
  MemoryFilters,
  PageParams,
  RequestOptions,
} from './params';
export { buildQuery, type QueryValue } from './query';
export { parseRateLimitReset, parseRetryAfter, type RateLimitInfo } from './rateLimit';
export { DEFAULT_TIMEOUT_MS } from './requester';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry';
export { abortableSleep, type Sleep } from './sleep';
