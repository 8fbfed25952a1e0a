// The unfiltered lists Insights is computed from, and the date each item is placed by (no vscode import).
import type { ActionItem, Conversation, Memory } from '../api/models';
import { parseDate } from '../util/time';

export interface RawLists {
  memories: readonly Memory[];
  conversations: readonly Conversation[];
  actionItems: readonly ActionItem[];
  /** The server stopped at its 2,000 action item limit. */
  actionItemsCapped: boolean;
}

export const memoryDate = (memory: Memory): Date | undefined => parseDate(memory.created_at);

/** Like the Conversations view: when it started, else when it was created. */
export const conversationDate = (conversation: Conversation): Date | undefined =>
  parseDate(conversation.started_at) ?? parseDate(conversation.created_at);

export const actionItemDate = (item: ActionItem): Date | undefined => parseDate(item.created_at);

/** Only completed items count as completed at `completed_at` (a reopened item may keep the old time). */
export const completionDate = (item: ActionItem): Date | undefined =>
  item.completed ? parseDate(item.completed_at) : undefined;

export const memoryCategory = (memory: Memory): string => memory.category || 'other';

export const conversationCategory = (conversation: Conversation): string =>
  conversation.structured?.category || 'other';
