// Two-way sync of the checklist: which boxes the user changed since the last sync, which of those go to Omi, and
// which are conflicts (no vscode import: unit-tested).
import type { ActionItem } from '../api/models';
import { managedBlockText } from './managedBlock';

/** One item's line in the managed block, as the file says it now. */
export interface BlockLine {
  id: string;
  completed: boolean;
  /** The description as the line shows it, to name the item to the user. */
  text: string;
}

export interface ParsedBlock {
  /** Each id once, with its box as the file shows it (ids on several lines with the same box count once). */
  items: Map<string, BlockLine>;
  /** Ids on several lines with different boxes: which one the user meant is not known, so neither is sent. */
  ambiguous: BlockLine[];
}

// `- [x] Pay rent (done 2026-11-20) · [conversation](vscode://…) <!-- omi:ID -->`, as markdown.ts writes it.
const TASK_LINE = /^[ \t]*[-*+][ \t]+\[([ xX])\][ \t]+(.*?)[ \t]*<!-- omi:(\S+) -->[ \t]*$/;
const LINK_SUFFIX = / · \[conversation\]\([^)]*\)$/;
const DATE_SUFFIX = / \((?:due|done) \d{4}-\d{2}-\d{2}\)$/;

function decodeId(encoded: string): string | undefined {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
}

/** The item lines of the file's managed block (none when the file has no complete block). */
export function parseBlock(fileText: string | undefined): ParsedBlock {
  const items = new Map<string, BlockLine>();
  const conflicting = new Map<string, BlockLine>();
  const inside = managedBlockText(fileText) ?? '';
  for (const line of inside.split(/\r?\n/)) {
    const match = TASK_LINE.exec(line);
    const id = match?.[3] ? decodeId(match[3]) : undefined;
    if (!match || !id) continue;
    const text = (match[2] ?? '').replace(LINK_SUFFIX, '').replace(DATE_SUFFIX, '').replace(/\\(.)/g, '$1');
    const parsed: BlockLine = { id, completed: match[1] !== ' ', text };
    const earlier = items.get(id);
    if (!earlier) items.set(id, parsed);
    else if (earlier.completed !== parsed.completed) conflicting.set(id, earlier);
  }
  for (const id of conflicting.keys()) items.delete(id);
  return { items, ambiguous: [...conflicting.values()] };
}

/** An item as the block showed it at the last sync. */
export interface RecordEntry {
  completed: boolean;
  updatedAt: string | null;
  completedAt: string | null;
}

/** What the last sync wrote into one file: kept per file in the workspace state. */
export interface SyncRecord {
  version: 1;
  /** The server the items came from; a record from another server is no record. */
  origin: string;
  items: Record<string, RecordEntry>;
}

export function recordOf(origin: string, listed: readonly ActionItem[]): SyncRecord {
  const items: Record<string, RecordEntry> = {};
  for (const item of listed) {
    items[item.id] = {
      completed: item.completed === true,
      updatedAt: item.updated_at ?? null,
      completedAt: item.completed_at ?? null,
    };
  }
  return { version: 1, origin, items };
}

/** The stored record, when it is one and is for this server. */
export function validRecord(value: unknown, origin: string | undefined): SyncRecord | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Partial<SyncRecord>;
  if (record.version !== 1 || record.origin !== origin || typeof record.items !== 'object' || !record.items) {
    return undefined;
  }
  return record as SyncRecord;
}

/** Why a box that differs from Omi was not sent (it shows Omi's state after the sync). */
export type NotSentReason =
  /** No record of the last sync of this file: whether the user changed the box is not known. */
  | 'noRecord'
  /** The item was not in the block at the last sync (a line copied in by hand). */
  | 'notInRecord'
  /** The item is on several lines with different boxes. */
  | 'ambiguous'
  /** The item is not among the 2,000 items Omi lists, so its state there is not known. */
  | 'capped';

export interface TwoWayPlan {
  /** Boxes changed in the file only: to send, with the server's item as it is now. */
  send: { item: ActionItem; completed: boolean; text: string }[];
  /** Boxes changed in the file to what the server already says: nothing to send. */
  agreed: ActionItem[];
  /** Boxes changed in the file whose item also changed on the server: the server's state is kept. */
  conflicts: ActionItem[];
  /** Items in the block that Omi no longer has; `changed`: the user had changed the box. */
  deleted: { id: string; text: string; changed: boolean }[];
  /** Boxes that differ from Omi but are not sent, and why. */
  notSent: { id: string; text: string; reason: NotSentReason }[];
}

function changedOnServer(item: ActionItem, entry: RecordEntry): boolean {
  return (
    item.completed !== entry.completed ||
    (item.updated_at ?? null) !== entry.updatedAt ||
    (item.completed_at ?? null) !== entry.completedAt
  );
}

/** Whether the block has a box the record does not explain, so the server's state must be fresh to compare. */
export function hasEdits(block: ParsedBlock, record: SyncRecord | undefined): boolean {
  if (block.ambiguous.length > 0) return true;
  for (const line of block.items.values()) {
    if (line.completed !== record?.items[line.id]?.completed) return true;
  }
  return false;
}

/**
 * Compares the block (as the file says it now) with the record of the last sync and the server's items:
 * - a box that differs from the record was changed by the user; it is sent when the server's item is as recorded,
 *   needs nothing when the server already says the same, and is a conflict (the server wins) when the item changed
 *   on the server too;
 * - an item the server no longer has leaves the block (`capped`: the list stopped at the server's limit, so a missing
 *   item may still exist and is not called deleted);
 * - without a record (the first sync, or another server's), nothing is sent: the sync is one-way.
 */
export function planTwoWay(
  block: ParsedBlock,
  record: SyncRecord | undefined,
  serverItems: readonly ActionItem[],
  capped: boolean,
): TwoWayPlan {
  const plan: TwoWayPlan = { send: [], agreed: [], conflicts: [], deleted: [], notSent: [] };
  const server = new Map(serverItems.map((item) => [item.id, item]));
  const missing = (line: BlockLine, changed: boolean) => {
    if (!capped) plan.deleted.push({ id: line.id, text: line.text, changed });
    else if (changed) plan.notSent.push({ id: line.id, text: line.text, reason: 'capped' });
  };
  for (const line of block.items.values()) {
    const item = server.get(line.id);
    const entry = record?.items[line.id];
    const changed = entry ? line.completed !== entry.completed : false;
    if (!item) {
      missing(line, changed);
      continue;
    }
    if (!record || !entry) {
      if (item.completed !== line.completed) {
        plan.notSent.push({ id: line.id, text: line.text, reason: record ? 'notInRecord' : 'noRecord' });
      }
      continue;
    }
    if (!changed) continue;
    if (item.completed === line.completed) plan.agreed.push(item);
    else if (changedOnServer(item, entry)) plan.conflicts.push(item);
    else plan.send.push({ item, completed: line.completed, text: line.text });
  }
  for (const line of block.ambiguous) {
    if (!server.has(line.id)) missing(line, false);
    else plan.notSent.push({ id: line.id, text: line.text, reason: 'ambiguous' });
  }
  return plan;
}
