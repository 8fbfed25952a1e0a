import type { ResolvedOptions } from '../options';
import type {
  ActionItem,
  Conversation,
  ConversationSummary,
  DailySummary,
  Folder,
  Memory,
  SandboxData,
  StructuredActionItem,
  TranscriptSegment,
} from '../types';
import { type GeneratedActionItem, generateActionItem } from './action-items';
import { type FolderRecord, type GeneratedConversation, generateConversation, generateFolders } from './conversations';
import { buildDailySummaries } from './daily-summaries';
import { generateGoals } from './goals';
import {
  conversationCreatedMs,
  makeHostileActionItems,
  makeHostileConversations,
  makeHostileMemories,
} from './hostile';
import { builtInKeys } from './keys';
import { type GeneratedMemory, generateMemory, lockedContent } from './memories';
import { Random } from './random';
import { isoDate } from './time';
import { generateTranscript } from './transcripts';

// Short pages: like the real server, which drops locked or invalid rows after cutting a page, the sandbox stores a
// few extra rows ("hidden" rows: about one in 40, spread at random positions) that take a place in the paging
// order but are never served. A page that covers one comes back one row short although more pages follow.
// `data` lists only the rows that are served, so a full paging (advance offset by the limit asked, stop at an
// empty page) returns exactly `data`. With `shortPages: false` there are no hidden rows.

export interface MemoryRow {
  item: Memory;
  createdMs: number;
  hidden: boolean;
  /** Paywalled: served with its content cut to 70 characters + "...", and 402 on reads by id and on writes. */
  locked: boolean;
}

export interface ActionItemRow {
  item: ActionItem;
  createdMs: number;
  dueMs: number | null;
  hidden: boolean;
  /** The copy in its conversation's `structured.action_items`, kept in step with `item` by writes. */
  embedded: StructuredActionItem | null;
}

export interface ConversationRow {
  /** Served without `include_transcript`. */
  summary: ConversationSummary;
  /** Served with `include_transcript`; the transcript is generated on first read. */
  conversation: Conversation;
  createdMs: number;
  hidden: boolean;
  /** Discarded through PATCH (or by processing): out of the lists, still found by id. */
  discarded?: boolean;
}

export interface Dataset {
  data: SandboxData;
  /** In serving order, hidden rows included. Discarded conversations are not in `conversations`. */
  memories: MemoryRow[];
  actionItems: ActionItemRow[];
  conversations: ConversationRow[];
  /** Every conversation GET /user/conversations/{id} finds: listed ones and discarded ones. */
  conversationById: Map<string, ConversationRow>;
  /** The daily summaries of the data as it is now (see `data.dailySummaries`). */
  dailySummaries(): DailySummary[];
}

/** Folders whose `conversation_count` counts the listed conversations at the time it is read. */
function liveFolders(records: FolderRecord[], data: () => SandboxData): Folder[] {
  return records.map((record) => {
    const folder = { ...record } as Folder;
    Object.defineProperty(folder, 'conversation_count', {
      enumerable: true,
      get: () => data().conversations.filter((c) => c.folder_id === record.id).length,
    });
    return folder;
  });
}

function hiddenCount(visible: number, options: ResolvedOptions): number {
  if (!options.shortPages || visible < 20) {
    return 0;
  }
  return Math.max(1, Math.floor(visible / 40));
}

function pickHidden(options: ResolvedOptions, kind: string, total: number, hidden: number): Set<number> {
  const indexes = Array.from({ length: total }, (_, i) => i);
  return new Set(Random.derive(options.seed, 'hidden', kind).sample(indexes, hidden));
}

/** Generates `visible + hidden` items and says which are hidden. */
function generateWithHidden<T>(
  options: ResolvedOptions,
  kind: string,
  visible: number,
  make: (index: number) => T,
): { all: T[]; visible: T[]; hidden: Set<T> } {
  const extra = hiddenCount(visible, options);
  const hiddenIndexes = pickHidden(options, kind, visible + extra, extra);
  const all = Array.from({ length: visible + extra }, (_, i) => make(i));
  const hidden = new Set(all.filter((_, i) => hiddenIndexes.has(i)));
  return { all, visible: all.filter((item) => !hidden.has(item)), hidden };
}

/** Newer first; a missing (NaN) time sorts last. */
function newerFirst(a: number, b: number): number {
  const x = Number.isNaN(a) ? Number.NEGATIVE_INFINITY : a;
  const y = Number.isNaN(b) ? Number.NEGATIVE_INFINITY : b;
  return x === y ? 0 : y > x ? 1 : -1;
}

function dueFirst(a: number | null, b: number | null): number {
  if (a === b) {
    return 0;
  }
  if (a === null) {
    return 1;
  }
  if (b === null) {
    return -1;
  }
  return a - b;
}

function withLazyTranscript(summary: ConversationSummary, load: () => TranscriptSegment[]): Conversation {
  let cached: TranscriptSegment[] | undefined;
  return Object.defineProperty({ ...summary }, 'transcript_segments', {
    enumerable: true,
    get: () => {
      cached ??= load();
      return cached;
    },
  }) as Conversation;
}

export function embedded(item: ActionItem): StructuredActionItem {
  return {
    description: item.description,
    completed: item.completed,
    created_at: item.created_at,
    updated_at: item.updated_at,
    due_at: item.due_at,
    completed_at: item.completed_at,
  };
}

function buildConversationRows(all: GeneratedConversation[], hidden: Set<GeneratedConversation>): ConversationRow[] {
  const rows = all.map((c) => ({
    summary: c.summary,
    conversation: withLazyTranscript(c.summary, () => generateTranscript(c.transcript)),
    createdMs: conversationCreatedMs(c),
    hidden: hidden.has(c),
  }));
  return rows.sort(conversationOrder);
}

/** Conversations: newest first. */
export function conversationOrder(a: ConversationRow, b: ConversationRow): number {
  return newerFirst(a.createdMs, b.createdMs);
}

/** Action items: open first, then by due date (undated last), then newest. */
export function actionItemOrder(a: ActionItemRow, b: ActionItemRow): number {
  return (
    Number(a.item.completed) - Number(b.item.completed) ||
    dueFirst(a.dueMs, b.dueMs) ||
    newerFirst(a.createdMs, b.createdMs)
  );
}

/** Memories: manually added first, then newest. */
export function memoryOrder(a: MemoryRow, b: MemoryRow): number {
  return Number(b.item.manually_added) - Number(a.item.manually_added) || newerFirst(a.createdMs, b.createdMs);
}

function buildActionItemRows(
  all: GeneratedActionItem[],
  hidden: Set<GeneratedActionItem>,
  embeddedCopies: Map<GeneratedActionItem, StructuredActionItem>,
): ActionItemRow[] {
  const rows = all.map((a) => ({
    item: a.item,
    createdMs: a.createdMs,
    dueMs: a.dueMs,
    hidden: hidden.has(a),
    embedded: embeddedCopies.get(a) ?? null,
  }));
  return rows.sort(actionItemOrder);
}

function buildMemoryRows(
  all: GeneratedMemory[],
  hidden: Set<GeneratedMemory>,
  locked: Set<GeneratedMemory>,
): MemoryRow[] {
  const rows = all.map((m) => ({ item: m.item, createdMs: m.createdMs, hidden: hidden.has(m), locked: locked.has(m) }));
  return rows.sort(memoryOrder);
}

/**
 * Some memories are locked: the server serves their content cut to 70 characters and "...". About one in 25;
 * when chance locked none of 20 or more memories, the first one long enough is locked, so every list of that
 * size has one.
 */
function lockSome(options: ResolvedOptions, memories: readonly GeneratedMemory[]): Set<GeneratedMemory> {
  const rng = Random.derive(options.seed, 'locked-memories');
  const lockable = (m: GeneratedMemory): boolean => m.item.content.length > 70 && m.item.content.length < 1000;
  const locked = new Set<GeneratedMemory>();
  for (const m of memories) {
    if (lockable(m) && rng.chance(0.04)) {
      locked.add(m);
    }
  }
  const first = memories.find(lockable);
  if (locked.size === 0 && memories.length >= 20 && first) {
    locked.add(first);
  }
  for (const m of locked) {
    m.item.content = lockedContent(m.item.content);
  }
  return locked;
}

export function buildDataset(options: ResolvedOptions): Dataset {
  const nowMs = options.now.getTime();
  const folders = generateFolders(options.seed, nowMs);

  const conversations = generateWithHidden(options, 'conversations', options.conversations, (i) =>
    generateConversation(options.seed, i, nowMs, options.transcriptSegments, folders, options.transcriptSizes[i]),
  );
  if (options.hostile) {
    makeHostileConversations(conversations.visible);
  }

  const linkedSoFar = new Map<GeneratedConversation, number>();
  const actionItems = generateWithHidden(options, 'action-items', options.actionItems, (i) =>
    generateActionItem(options.seed, i, nowMs, conversations.visible, linkedSoFar),
  );
  if (options.hostile) {
    makeHostileActionItems(actionItems.visible);
  }
  const byId = new Map(conversations.visible.map((c) => [c.summary.id, c]));
  const embeddedCopies = new Map<GeneratedActionItem, StructuredActionItem>();
  for (const a of actionItems.visible) {
    const list = a.item.conversation_id ? byId.get(a.item.conversation_id)?.summary.structured.action_items : undefined;
    if (list) {
      const copy = embedded(a.item);
      list.push(copy);
      embeddedCopies.set(a, copy);
    }
  }

  const memories = generateWithHidden(options, 'memories', options.memories, (i) =>
    generateMemory(options.seed, i, nowMs, conversations.visible),
  );
  if (options.hostile) {
    makeHostileMemories(memories.visible);
  }
  const locked = lockSome(options, memories.visible);

  const conversationRows = buildConversationRows(conversations.all, conversations.hidden);
  const actionItemRows = buildActionItemRows(actionItems.all, actionItems.hidden, embeddedCopies);
  const memoryRows = buildMemoryRows(memories.all, memories.hidden, locked);

  const goals = generateGoals(options.seed, nowMs);
  const dailySummaries = (): DailySummary[] =>
    buildDailySummaries(
      options.seed,
      {
        conversations: data.conversations,
        actionItems: data.actionItems,
        memories: data.memories,
        lockedMemoryIds: new Set(data.lockedMemoryIds),
      },
      nowMs,
    );
  const data: SandboxData = Object.defineProperty(
    {
      now: isoDate(nowMs),
      memories: memoryRows.filter((r) => !r.hidden).map((r) => r.item),
      actionItems: actionItemRows.filter((r) => !r.hidden).map((r) => r.item),
      conversations: conversationRows.filter((r) => !r.hidden).map((r) => r.conversation),
      folders: liveFolders(folders, () => data),
      goals: goals.goals,
      goalHistory: goals.history,
      keys: builtInKeys(options.seed, nowMs),
      lockedMemoryIds: memoryRows.filter((r) => r.locked).map((r) => r.item.id),
    } as Omit<SandboxData, 'dailySummaries'> as SandboxData,
    'dailySummaries',
    { enumerable: true, get: dailySummaries },
  );

  return {
    data,
    memories: memoryRows,
    actionItems: actionItemRows,
    conversations: conversationRows,
    dailySummaries,
    conversationById: new Map(conversationRows.filter((r) => !r.hidden).map((r) => [r.summary.id, r])),
  };
}
