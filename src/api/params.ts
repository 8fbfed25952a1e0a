import type { TranscriptCache } from './options';
import { buildQuery, toDate } from './query';

// What callers pass to the list endpoints (camelCase), and how each becomes the server's query string.

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface MemoryFilters {
  /** Any of these categories (the server ORs them). */
  categories?: readonly string[];
}

export interface ActionItemFilters {
  completed?: boolean;
  /** The server documents "null" as "standalone items", but the real server matches nothing useful with it. */
  conversationId?: string;
  /** On created_at, inclusive. */
  startDate?: Date | string;
  endDate?: Date | string;
}

export interface ConversationFilters {
  /** On created_at, inclusive. */
  startDate?: Date | string;
  endDate?: Date | string;
  categories?: readonly string[];
  includeTranscript?: boolean;
  folderId?: string;
  starred?: boolean;
}

export interface PageParams {
  limit?: number;
  offset?: number;
}

export type ListMemoriesParams = MemoryFilters & PageParams & RequestOptions;
export type ListActionItemsParams = ActionItemFilters & PageParams & RequestOptions;
/** Where a read with transcripts looks for them first and keeps them: the client's own cache unless given. */
export interface TranscriptCacheOption {
  transcriptCache?: TranscriptCache;
}

export type ListConversationsParams = ConversationFilters & PageParams & RequestOptions & TranscriptCacheOption;

export interface GetConversationOptions extends RequestOptions, TranscriptCacheOption {
  includeTranscript?: boolean;
}

export function memoriesQuery(params: ListMemoriesParams): string {
  return buildQuery({ limit: params.limit, offset: params.offset, categories: params.categories });
}

export function actionItemsQuery(params: ListActionItemsParams): string {
  return buildQuery({
    limit: params.limit,
    offset: params.offset,
    completed: params.completed,
    conversation_id: params.conversationId,
    start_date: optionalDate(params.startDate, 'startDate'),
    end_date: optionalDate(params.endDate, 'endDate'),
  });
}

export function conversationsQuery(params: ListConversationsParams): string {
  return buildQuery({
    limit: params.limit,
    offset: params.offset,
    start_date: optionalDate(params.startDate, 'startDate'),
    end_date: optionalDate(params.endDate, 'endDate'),
    categories: params.categories,
    include_transcript: params.includeTranscript,
    folder_id: params.folderId,
    starred: params.starred,
  });
}

export function conversationQuery(options: GetConversationOptions): string {
  return buildQuery({ include_transcript: options.includeTranscript });
}

function optionalDate(value: Date | string | undefined, name: string): Date | undefined {
  return value === undefined ? undefined : toDate(value, name);
}
