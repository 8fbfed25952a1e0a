import { actionItemOrder, conversationOrder, type Dataset, memoryOrder } from '../data/dataset';
import { Random } from '../data/random';
import { isoDate } from '../data/time';
import type { ServerState } from './context';

// Shared by the write endpoints: fresh ids and times, and keeping the serving order and `sandbox.data` (which
// tests read) in step with the rows after every change.

/** Randomness for the next created item, derived from the seed and a running count: same writes, same ids. */
export function nextRandom(state: ServerState, kind: string): Random {
  return Random.derive(state.options.seed, 'created', kind, state.createdItems++);
}

/** The current time as the real server writes it: UTC, with microseconds. */
export function stamp(rng: Random, ms = Date.now()): string {
  return isoDate(ms, rng.int(1, 999));
}

/** Refills an array in place (tests hold on to it); no spread, so 100,000-row benchmarks do not blow the stack. */
function replaceAll<T>(target: T[], items: readonly T[]): void {
  target.length = 0;
  for (const item of items) {
    target.push(item);
  }
}

export function resortMemories(dataset: Dataset): void {
  dataset.memories.sort(memoryOrder);
  replaceAll(
    dataset.data.memories,
    dataset.memories.filter((row) => !row.hidden).map((row) => row.item),
  );
}

export function resortActionItems(dataset: Dataset): void {
  dataset.actionItems.sort(actionItemOrder);
  replaceAll(
    dataset.data.actionItems,
    dataset.actionItems.filter((row) => !row.hidden).map((row) => row.item),
  );
}

export function resortConversations(dataset: Dataset): void {
  dataset.conversations.sort(conversationOrder);
  replaceAll(
    dataset.data.conversations,
    dataset.conversations.filter((row) => !row.hidden).map((row) => row.conversation),
  );
}

/** Removes the first element matching `test`; says whether there was one. */
export function removeWhere<T>(list: T[], test: (item: T) => boolean): boolean {
  const index = list.findIndex(test);
  if (index < 0) {
    return false;
  }
  list.splice(index, 1);
  return true;
}
