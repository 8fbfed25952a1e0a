import type { Conversation } from '../api/models';
import type { TranscriptCache } from '../api/options';
import type { DiskTranscriptCache } from './diskTranscriptCache';
import type { MemoryTranscriptCache } from './transcriptCache';

/** A transcript cache that can be emptied: the store empties it on sign-out and for `Omi: Clear Cache`. */
export interface ClearableTranscriptCache extends TranscriptCache {
  clear(): void | Promise<void>;
}

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
