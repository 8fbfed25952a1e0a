// Transcripts on disk, so that a reload of VS Code (and a restored transcript panel) costs no request
// (no vscode import: unit-tested). One JSON file per conversation of an account, named by a hash of both, so no id can
// choose a path and another key never reads what this one cached; the total size is bounded, dropping the least
// recently used first.
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { Conversation } from '../api/models';
import type { TranscriptCache } from '../api/options';
import { type JsonBytes, jsonBytes } from '../util/jsonBytes';

const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
/**
 * How far past its limit the folder may grow before the least recently used are dropped (back to the limit). Once
 * full, an export writing hundreds of transcripts would otherwise scan the folder after every one of them.
 */
const OVERSHOOT = 1.1;
const FORMAT_VERSION = 1;
const SUFFIX = '.json';
const CLOSE = Buffer.from('}');

interface Entry {
  version: number;
  id: string;
  conversation: Conversation;
}

function isEntry(value: unknown, id: string): value is Entry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Partial<Entry>;
  const conversation = entry.conversation as Partial<Conversation> | undefined;
  return (
    entry.version === FORMAT_VERSION &&
    entry.id === id &&
    typeof conversation === 'object' &&
    conversation !== null &&
    conversation.id === id &&
    Array.isArray(conversation.transcript_segments)
  );
}

export class DiskTranscriptCache implements TranscriptCache {
  /** Every change runs after the previous one, so a clear() is never overtaken by a write that began before. */
  private queue: Promise<unknown> = Promise.resolve();
  /**
   * The last clear() or delete(): a read waits for it, but not for writes, so an export reading the cache is not held
   * up by the transcripts it has just fetched; one still being written is read from here.
   */
  private barrier: Promise<unknown> = Promise.resolve();
  private readonly writing = new Map<string, Conversation>();
  /** The folder's file names as this window knows them since the last bulkReader() (undefined before one). */
  private listed: Set<string> | undefined;
  /** The folder was made (since the last clear). */
  private made = false;
  private evictionQueued = false;
  /**
   * At most what the folder holds: its size at the last scan plus what was written since (undefined before the first
   * scan). While that is within the limit (and OVERSHOOT), a write needs no scan: an export writing hundreds of
   * transcripts would otherwise stat every file after each page. Other windows' writes count from the next scan on.
   */
  private bytesAtMost: number | undefined;

  /** `account`: the signed-in account (a hash, never the key); nothing is read or written without one. */
  constructor(
    readonly directory: string,
    private readonly account: () => string | undefined,
    private readonly maxBytes = DEFAULT_MAX_BYTES,
  ) {}

  fileFor(id: string): string | undefined {
    const account = this.account();
    if (!account) return undefined;
    const name = createHash('sha256').update(`${account}\n${id}`, 'utf8').digest('hex').slice(0, 40);
    return path.join(this.directory, `${name}${SUFFIX}`);
  }

  async get(id: string): Promise<Conversation | undefined> {
    const file = this.fileFor(id);
    if (!file) return undefined;
    const writing = this.writing.get(file);
    if (writing) return writing;
    await this.barrier;
    let body: string;
    try {
      body = await fs.readFile(file, 'utf8');
    } catch {
      return undefined;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      parsed = undefined;
    }
    if (!isEntry(parsed, id)) {
      await fs.rm(file, { force: true });
      return undefined;
    }
    // Reading counts as use: eviction drops what was read longest ago.
    const now = new Date();
    await fs.utimes(file, now, now).catch(() => {});
    return parsed.conversation;
  }

  /**
   * Reads for many transcripts in a row (an export): the folder is listed once, and a transcript that is not in it
   * costs no disk access (an export's lookups would otherwise wait behind its own writes). One that another window
   * writes meanwhile is missed, as if it had come a moment later.
   */
  bulkReader(): (id: string) => Promise<Conversation | undefined> {
    const listing = this.barrier
      .then(() => fs.readdir(this.directory))
      .then(
        (names) => new Set(names),
        () => new Set<string>(),
      )
      .then((names) => {
        this.listed = names;
      });
    return async (id) => {
      await listing;
      const file = this.fileFor(id);
      if (!file || !(this.writing.has(file) || this.listed?.has(path.basename(file)))) return undefined;
      return this.get(id);
    };
  }

  /**
   * `bytesOf`: the conversation's JSON, when something else writes it too (an export's file and checkpoint). `intoFreeRoom`:
   * written only while the folder has room for it, never pushing out what is there (an export's transcripts must not
   * evict the ones the user opened, nor be written only to be evicted by the export's own later ones).
   */
  async set(
    id: string,
    conversation: Conversation,
    bytesOf: JsonBytes = jsonBytes,
    { intoFreeRoom = false } = {},
  ): Promise<void> {
    const file = this.fileFor(id);
    if (!file) return;
    this.writing.set(file, conversation);
    try {
      await this.enqueue(async () => {
        // The Entry's JSON, around the conversation's own (compact, or as an export wrote it).
        const head = `{"version":${FORMAT_VERSION},"id":${JSON.stringify(id)},"conversation":`;
        // In pieces, not copied into one buffer: a transcript can be megabytes.
        const body = [Buffer.from(head, 'utf8'), bytesOf(conversation), CLOSE];
        const size = body.reduce((sum, piece) => sum + piece.length, 0);
        if (size > this.maxBytes) return;
        if (intoFreeRoom) {
          this.bytesAtMost ??= (await this.files()).reduce((sum, f) => sum + f.size, 0);
          if (this.bytesAtMost + size > this.maxBytes) return;
        }
        if (!this.made) await fs.mkdir(this.directory, { recursive: true });
        this.made = true;
        const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
        try {
          await fs.writeFile(temporary, body);
          await fs.rename(temporary, file);
          this.listed?.add(path.basename(file));
        } catch (error) {
          // Another window may have removed the folder (its sign-out): the next write makes it again.
          this.made = false;
          await fs.rm(temporary, { force: true });
          throw error;
        }
        if (this.bytesAtMost !== undefined) this.bytesAtMost += size;
        if (this.bytesAtMost === undefined || this.bytesAtMost > this.maxBytes * OVERSHOOT) this.queueEviction();
      });
    } finally {
      if (this.writing.get(file) === conversation) this.writing.delete(file);
    }
  }

  /** Forgets one conversation (it was deleted in Omi). */
  delete(id: string): Promise<void> {
    const file = this.fileFor(id);
    if (file) this.writing.delete(file);
    return this.change(async () => {
      if (!file) return;
      await fs.rm(file, { force: true });
      this.listed?.delete(path.basename(file));
    });
  }

  /** Removes every cached transcript (sign-out, Omi: Clear Cache). */
  clear(): Promise<void> {
    this.writing.clear();
    return this.change(async () => {
      await fs.rm(this.directory, { recursive: true, force: true });
      this.bytesAtMost = 0;
      this.made = false;
      if (this.listed) this.listed = new Set();
    });
  }

  /** Bytes the cached transcripts take now. */
  size(): Promise<number> {
    return this.enqueue(async () => (await this.files()).reduce((sum, f) => sum + f.size, 0));
  }

  /** A removal: reads wait for it. */
  private change(operation: () => Promise<void>): Promise<void> {
    const done = this.enqueue(operation);
    this.barrier = done.catch(() => undefined);
    return done;
  }

  private enqueue<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.queue.then(operation, operation);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** One eviction after a burst of writes (a page of 25 transcripts), not one per write. */
  private queueEviction(): void {
    if (this.evictionQueued) return;
    this.evictionQueued = true;
    void this.enqueue(async () => {
      this.evictionQueued = false;
      await this.evict();
    }).catch(() => {});
  }

  private async files(): Promise<{ file: string; size: number; used: number }[]> {
    let names: string[];
    try {
      names = await fs.readdir(this.directory);
    } catch {
      return [];
    }
    const stats = await Promise.all(
      names
        .filter((name) => name.endsWith(SUFFIX))
        .map(async (name) => {
          const file = path.join(this.directory, name);
          const stat = await fs.stat(file).catch(() => undefined);
          return stat ? { file, size: stat.size, used: stat.mtimeMs } : undefined;
        }),
    );
    return stats.filter((s) => s !== undefined);
  }

  private async evict(): Promise<void> {
    const files = (await this.files()).sort((a, b) => a.used - b.used);
    let total = files.reduce((sum, f) => sum + f.size, 0);
    for (const { file, size } of files) {
      if (total <= this.maxBytes) break;
      await fs.rm(file, { force: true });
      this.listed?.delete(path.basename(file));
      total -= size;
    }
    this.bytesAtMost = total;
  }
}
