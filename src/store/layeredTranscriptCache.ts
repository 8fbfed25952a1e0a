import type { Conversation } from '../api/models';
import type { TranscriptCache } from '../api/options';
import { type JsonBytes, jsonBytes } from '../util/jsonBytes';
import type { DiskTranscriptCache } from './diskTranscriptCache';
import type { MemoryTranscriptCache } from './transcriptCache';

/** A transcript cache that can be emptied: the store empties it on sign-out and for `Omi: Clear Cache`. */
export interface ClearableTranscriptCache extends TranscriptCache {
  clear(): void | Promise<void>;
}

/** The transcript cache of a bulk read (an export), see LayeredTranscriptCache.forBulkReads. */
export interface BulkTranscriptCache extends TranscriptCache {
  /**
   * The export has written `conversation`: if this export fetched it (rather than read it from the cache), the cache
   * keeps it.
   */
  written(conversation: Conversation): Promise<void>;
  /**
   * The export ended: what it fetched and did not write (cancelled, rows that moved) is kept too, and so is what is
   * set after this (the rest of answers the export stopped reading, taken in the background).
   */
  end(): void;
}

/** Disk writes of a bulk read that may wait behind it before it waits for them. */
const BULK_WRITE_BACKLOG = 8;

/**
 * Memory first, then disk (no vscode import: unit-tested). A disk hit is kept in memory too; a new transcript goes
 * to both. A failing disk is treated as an empty one: the cache only ever saves requests.
 */
export class LayeredTranscriptCache implements ClearableTranscriptCache {
  constructor(
    readonly memory: MemoryTranscriptCache,
    readonly disk: DiskTranscriptCache,
  ) {}

  async get(id: string): Promise<Conversation | undefined> {
    const inMemory = this.memory.get(id);
    if (inMemory) return inMemory;
    const onDisk = await this.disk.get(id).catch(() => undefined);
    if (onDisk) this.memory.set(id, onDisk);
    return onDisk;
  }

  async set(id: string, conversation: Conversation): Promise<void> {
    this.memory.set(id, conversation);
    await this.disk.set(id, conversation).catch(() => {});
  }

  /**
   * The cache as a bulk read (an export) uses it: it streams through more transcripts than the session should hold,
   * so nothing it reads or fetches is kept in memory. A fetched transcript goes to disk once the export has written
   * it (`written`), in the bytes the export wrote it as (`bytesOf`), into the room the cache has left (never
   * evicting): a write waits only while BULK_WRITE_BACKLOG others are still queued, so neither the disk nor the queue
   * holds up or piles up the export.
   */
  forBulkReads(bytesOf?: JsonBytes): BulkTranscriptCache {
    const queued: Promise<void>[] = [];
    /** Fetched, not yet written by the export: the same object, by id. */
    const fetched = new Map<string, Conversation>();
    const read = this.disk.bulkReader();
    let ended = false;
    const keep = (id: string, conversation: Conversation, bytes?: () => Buffer) =>
      this.disk.set(id, conversation, bytes ?? bytesOf, { intoFreeRoom: true }).catch(() => {});
    return {
      // What this export fetched and has not written yet counts too: a page tried again after a rate limit reads it.
      get: async (id) => fetched.get(id) ?? this.memory.get(id) ?? (await read(id).catch(() => undefined)),
      set: async (id, conversation) => {
        if (ended) void keep(id, conversation);
        else fetched.set(id, conversation);
      },
      written: async (conversation) => {
        // By id: a page tried again writes what this export fetched before in an object of its own.
        if (!fetched.delete(conversation.id)) return;
        // The bytes now: the export forgets them once this returns.
        const bytes = (bytesOf ?? jsonBytes)(conversation);
        queued.push(keep(conversation.id, conversation, () => bytes));
        if (queued.length > BULK_WRITE_BACKLOG) await queued.shift();
      },
      end: () => {
        ended = true;
        for (const [id, conversation] of fetched) void keep(id, conversation);
        fetched.clear();
      },
    };
  }

  /** Forgets one conversation (it was deleted in Omi), in memory and on disk. */
  async delete(id: string): Promise<void> {
    this.memory.delete(id);
    await this.disk.delete(id).catch(() => {});
  }

  async clear(): Promise<void> {
    this.memory.clear();
    await this.disk.clear().catch(() => {});
  }
}
