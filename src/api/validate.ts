import { OmiApiError } from './errors';
import type {
  ActionItem,
  ApiKeyInfo,
  Conversation,
  CreatedApiKey,
  CreatedConversation,
  DailySummary,
  Folder,
  Goal,
  GoalHistoryEntry,
  Memory,
} from './models';

// Shape checks on parsed responses: just enough that the UI can rely on ids and the conversation's `structured`
// block. Objects pass through unchanged, unknown fields included.

export type ShapeCheck<T> = (value: unknown) => value is T;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasStringId(value: unknown): value is Record<string, unknown> & { id: string } {
  return isRecord(value) && typeof value.id === 'string';
}

export const isMemory = hasStringId as ShapeCheck<Memory>;
export const isActionItem = hasStringId as ShapeCheck<ActionItem>;
export const isApiKeyInfo = hasStringId as ShapeCheck<ApiKeyInfo>;
export const isCreatedConversation = hasStringId as ShapeCheck<CreatedConversation>;

export function isCreatedApiKey(value: unknown): value is CreatedApiKey {
  return hasStringId(value) && typeof value.key === 'string';
}

export function isConversation(value: unknown): value is Conversation {
  if (!hasStringId(value) || !isRecord(value.structured)) {
    return false;
  }
  const segments = value.transcript_segments;
  return segments === undefined || segments === null || Array.isArray(segments);
}

export function expectList<T>(data: unknown, isItem: ShapeCheck<T>, path: string): T[] {
  if (!Array.isArray(data)) {
    throw malformed(path, 'expected a list');
  }
  if (!data.every(isItem)) {
    throw malformed(path, 'a list item has an unexpected shape');
  }
  return data;
}

export function expectObject<T>(data: unknown, isExpected: ShapeCheck<T>, path: string): T {
  if (!isRecord(data)) {
    throw malformed(path, 'expected an object');
  }
  if (!isExpected(data)) {
    throw malformed(path, 'the object has an unexpected shape');
  }
  return data;
}

export function malformed(path: string, problem: string): OmiApiError {
  return new OmiApiError({
    kind: 'malformed',
    message: `The Omi server sent an unexpected response to ${path} (${problem}).`,
  });
}

export const isFolder = hasStringId as ShapeCheck<Folder>;

export function isGoal(value: unknown): value is Goal {
  return hasStringId(value) && typeof value.title === 'string';
}

export function isDailySummary(value: unknown): value is DailySummary {
  return hasStringId(value) && typeof value.date === 'string';
}

export function isGoalHistoryEntry(value: unknown): value is GoalHistoryEntry {
  return isRecord(value) && typeof value.date === 'string' && typeof value.value === 'number';
}
