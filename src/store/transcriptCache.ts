import type { Conversation } from '../api/models';
import type { TranscriptCache } from '../api/options';

/**
 * Transcripts of completed conversations never change and are the scarcest part of the rate limit, so each is
 * fetched once per window. Bounded by total segments so a few huge transcripts cannot exhaust memory.
 */
export class MemoryTranscriptCache implements TranscriptCache {
  private readonly entries = new Map<string, Conversation>();
  private segments = 0;

  constructor(private readonly maxSegments = 200_000) {}

  get(id: string): Conversation | undefined {
    const hit = this.entries.get(id);
    if (hit) {
      // Most recently used last, so eviction drops the oldest.
      this.entries.delete(id);
      this.entries.set(id, hit);
    }
    return hit;
  }

  set(id: string, conversation: Conversation): void {
    this.delete(id);
    this.entries.set(id, conversation);
    this.segments += conversation.transcript_segments?.length ?? 0;
    for (const [oldest] of this.entries) {
      if (this.segments <= this.maxSegments || this.entries.size <= 1) break;
      this.delete(oldest);
    }
  }

  clear(): void {
    this.entries.clear();
    this.segments = 0;
  }

  /** Forgets one conversation (it was deleted in Omi). */
  delete(id: string): void {
    const old = this.entries.get(id);
    if (!old) return;
    this.segments -= old.transcript_segments?.length ?? 0;
    this.entries.delete(id);
  }
}
