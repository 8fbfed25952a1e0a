// What a list export has fetched so far, kept in the extension's own storage so that Retry (or the same export run
// again soon after) continues from the first page not yet fetched (no vscode import: unit-tested).
//
// One folder per export, named by a hash of what it asks for (account, server, kind, filters), holding one file per
// page (the items exactly as they go into the export) and a manifest saying which pages are complete. The manifest is
// replaced atomically after each page, so a page file it does not list (or lists with another size) is never read.
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { Page } from '../api/paging';
import type { JsonBytes } from '../util/jsonBytes';

/** A checkpoint left alone this long is ignored and deleted: the data on the server may have moved since. */
export const CHECKPOINT_MAX_AGE_MS = 60 * 60 * 1000;
const FORMAT_VERSION = 1;
const MANIFEST = 'manifest.json';

/** What an export asks for. Two exports asking the same share a checkpoint; the file format plays no part. */
export interface ExportIdentity {
  /** The signed-in account on its server (a hash, never the key). */
  account: string;
  /** The API base URL. */
  source: string;
  kind: string;
  /** Plain JSON values only. */
  filters: Record<string, unknown>;
}

interface SavedPage {
  offset: number;
  limit: number;
  /** Items in the page file. */
  count: number;
  /** The page file's size, checked before it is read. */
  bytes: number;
}

export interface CheckpointManifest {
  version: number;
  kind: string;
  /** ISO-8601: when the first page was saved. */
  createdAt: string;
  /** ISO-8601: when the last page was saved (the age counts from here). */
  savedAt: string;
  pages: SavedPage[];
  /** The empty page that ends the list came back: nothing is left to fetch. */
  done: boolean;
}

/** Where a resumed export stands. */
export interface ResumePoint {
  /** Items already fetched. */
  count: number;
  /** The offset of the first page not yet fetched. */
  nextOffset: number;
  done: boolean;
}

/** The folder name of an export's checkpoint: a hash of what it asks for, with object keys in a fixed order. */
export function checkpointName(identity: ExportIdentity): string {
  return createHash('sha256').update(canonicalJson(identity), 'utf8').digest('hex').slice(0, 40);
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The manifest, when the text is one this version wrote and its pages follow each other without a gap. */
export function parseManifest(text: string): CheckpointManifest | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const manifest = value as Partial<CheckpointManifest>;
  if (
    manifest.version !== FORMAT_VERSION ||
    typeof manifest.kind !== 'string' ||
    typeof manifest.createdAt !== 'string' ||
    typeof manifest.savedAt !== 'string' ||
    Number.isNaN(Date.parse(manifest.savedAt)) ||
    typeof manifest.done !== 'boolean' ||
    !Array.isArray(manifest.pages)
  ) {
    return undefined;
  }
  let expected = 0;
  for (const page of manifest.pages as unknown[]) {
    const p = page as Partial<SavedPage>;
    const whole = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0;
    if (!whole(p.offset) || !whole(p.limit) || !whole(p.count) || !whole(p.bytes) || p.offset !== expected) {
      return undefined;
    }
    expected = p.offset + p.limit;
  }
  return manifest as CheckpointManifest;
}

/** Whether a checkpoint saved at `savedAt` may still be continued at `now`. */
export function isFresh(manifest: CheckpointManifest, now: number, maxAgeMs = CHECKPOINT_MAX_AGE_MS): boolean {
  const age = now - Date.parse(manifest.savedAt);
  return age >= 0 && age < maxAgeMs;
}

/** Where an export with these pages saved continues. */
export function resumePoint(manifest: CheckpointManifest): ResumePoint {
  const last = manifest.pages.at(-1);
  return {
    count: manifest.pages.reduce((sum, page) => sum + page.count, 0),
    nextOffset: last ? last.offset + last.limit : 0,
    done: manifest.done,
  };
}

function pageFileName(index: number): string {
  return `page-${String(index + 1).padStart(6, '0')}.json`;
}

export interface ExportCheckpointsOptions {
  now?: () => number;
  maxAgeMs?: number;
  /** One English line for the log: a checkpoint ignored, or one that could not be saved. */
  log?: (line: string) => void;
}

/**
 * Every export checkpoint, in one folder of the extension's storage. A checkpoint is an optimisation, like a cache:
 * one that cannot be read is started over and one that cannot be written is given up, costing requests, never the
 * export.
 */
export class ExportCheckpoints {
  /** Checkpoints an export is using in this window: a second export asking the same runs without one. */
  private readonly inUse = new Set<string>();
  private readonly now: () => number;
  private readonly maxAgeMs: number;
  private readonly log: (line: string) => void;

  constructor(
    readonly directory: string,
    options: ExportCheckpointsOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.maxAgeMs = options.maxAgeMs ?? CHECKPOINT_MAX_AGE_MS;
    this.log = options.log ?? (() => {});
  }

  /**
   * The checkpoint of this export: the pages a recent run kept, or an empty one. Undefined while another export in
   * this window uses it. Release it when the export ends, whatever the outcome.
   */
  async open<T>(identity: ExportIdentity): Promise<ExportCheckpoint<T> | undefined> {
    const name = checkpointName(identity);
    if (this.inUse.has(name)) return undefined;
    this.inUse.add(name);
    await this.deleteStale(name);
    const folder = path.join(this.directory, name);
    const manifest = await readManifest(folder);
    let kept: CheckpointManifest | undefined;
    if (manifest) {
      if (!isFresh(manifest, this.now(), this.maxAgeMs)) {
        this.log(`Started the ${identity.kind} export over: what an earlier run fetched is older than an hour.`);
      } else if (manifest.kind !== identity.kind || !(await pagesIntact(folder, manifest))) {
        this.log(`Started the ${identity.kind} export over: what an earlier run fetched could not be read.`);
      } else {
        kept = manifest;
      }
    }
    if (!kept) await fs.rm(folder, { recursive: true, force: true }).catch(() => {});
    return new ExportCheckpoint<T>(folder, identity.kind, kept, this.now, this.log, () => this.inUse.delete(name));
  }

  /** Deletes every checkpoint (sign-out, Omi: Clear Cache). */
  async clear(): Promise<void> {
    await fs.rm(this.directory, { recursive: true, force: true });
  }

  /** Old checkpoints of other exports go, so the folder does not grow with exports nobody continues. */
  private async deleteStale(except: string): Promise<void> {
    let names: string[];
    try {
      names = await fs.readdir(this.directory);
    } catch {
      return;
    }
    for (const name of names) {
      if (name === except || this.inUse.has(name)) continue;
      const folder = path.join(this.directory, name);
      const manifest = await readManifest(folder);
      if (!manifest || !isFresh(manifest, this.now(), this.maxAgeMs)) {
        await fs.rm(folder, { recursive: true, force: true }).catch(() => {});
      }
    }
  }
}

async function readManifest(folder: string): Promise<CheckpointManifest | undefined> {
  try {
    return parseManifest(await fs.readFile(path.join(folder, MANIFEST), 'utf8'));
  } catch {
    return undefined;
  }
}

async function pagesIntact(folder: string, manifest: CheckpointManifest): Promise<boolean> {
  for (const [index, page] of manifest.pages.entries()) {
    const stat = await fs.stat(path.join(folder, pageFileName(index))).catch(() => undefined);
    if (stat?.size !== page.bytes) return false;
  }
  return true;
}

/** The items' JSON without the brackets ("a,b,c"), in pieces: from each item's own bytes when given. */
function listBytes(items: readonly unknown[], bytesOf: JsonBytes | undefined): Buffer[] {
  if (!bytesOf) return [Buffer.from(JSON.stringify(items).slice(1, -1), 'utf8')];
  return items.flatMap((item, index) => (index > 0 ? [COMMA, bytesOf(item)] : [bytesOf(item)]));
}

const COMMA = Buffer.from(',');
const CLOSING = Buffer.from(']');

/** Writes the pieces at the file's position, however many calls the system takes for them. */
async function writeAll(file: fs.FileHandle, pieces: Buffer[]): Promise<void> {
  let left = pieces;
  while (left.length > 0) {
    let { bytesWritten } = await file.writev(left);
    if (bytesWritten === 0 && left.some((piece) => piece.length > 0)) throw new Error('nothing could be written');
    const rest: Buffer[] = [];
    for (const piece of left) {
      if (bytesWritten >= piece.length) {
        bytesWritten -= piece.length;
      } else {
        rest.push(piece.subarray(bytesWritten));
        bytesWritten = 0;
      }
    }
    left = rest;
  }
}

/** The page this run is saving: its file so far, open while items are added to it one at a time. */
interface OpenPage {
  offset: number;
  count: number;
  bytes: number;
  file?: fs.FileHandle;
}

/** One export's checkpoint: the pages kept from earlier runs, and the pages this run saves. */
export class ExportCheckpoint<T> {
  /** Where this run starts: undefined when no earlier run left pages. */
  readonly resumed: ResumePoint | undefined;
  private manifest: CheckpointManifest | undefined;
  private open: OpenPage | undefined;
  private givenUp = false;

  constructor(
    private readonly folder: string,
    private readonly kind: string,
    kept: CheckpointManifest | undefined,
    private readonly now: () => number,
    private readonly log: (line: string) => void,
    private readonly free: () => void,
  ) {
    this.manifest = kept;
    this.resumed = kept && kept.pages.length > 0 ? resumePoint(kept) : undefined;
  }

  /** Items saved so far, by earlier runs and this one. */
  get count(): number {
    return this.manifest && !this.givenUp ? resumePoint(this.manifest).count : 0;
  }

  /** The pages earlier runs kept, one at a time, in order. */
  async *savedPages(): AsyncGenerator<Page<T>> {
    const pages = this.resumed ? (this.manifest?.pages ?? []) : [];
    for (const [index, page] of pages.entries()) {
      const items = JSON.parse(await fs.readFile(path.join(this.folder, pageFileName(index)), 'utf8')) as T[];
      yield { items, offset: page.offset, limit: page.limit };
    }
  }

  /** Saves a whole page fetched by this run (with the items as they go into the export). */
  async save(page: Page<T>): Promise<void> {
    await this.add(page, page.items);
    await this.commit(page);
  }

  /**
   * Adds items of `page` (the page after the last one saved) to its file, as they are written to the export; a
   * later run sees them once `commit` says the page is complete.
   */
  async add(page: Page<T>, items: readonly T[], bytesOf?: JsonBytes): Promise<void> {
    await this.guard(async () => {
      const index = this.manifest?.pages.length ?? 0;
      if (this.open?.offset !== page.offset) {
        await this.closePage();
        this.open = { offset: page.offset, count: 0, bytes: 0 };
      }
      const open = this.open;
      if (items.length === 0 && open.bytes > 0) return;
      // One JSON list across the parts: "[" before the first, "," between, "]" at the commit.
      const opening = open.bytes === 0 ? '[' : '';
      const comma = open.count > 0 && items.length > 0 ? ',' : '';
      // Written piece by piece: a part of 25 transcripts is tens of MB, not worth copying into one buffer first.
      const pieces = [Buffer.from(opening + comma), ...listBytes(items, bytesOf)];
      if (!open.file) {
        await fs.mkdir(this.folder, { recursive: true });
        open.file = await fs.open(path.join(this.folder, pageFileName(index)), 'w');
      }
      // An export adds a conversation at a time: the file stays open rather than being opened for each.
      await writeAll(open.file, pieces);
      open.bytes += pieces.reduce((sum, piece) => sum + piece.length, 0);
      open.count += items.length;
    });
  }

  /** Every item of `page` was added: a later run continues after it. */
  async commit(page: Page<T>): Promise<void> {
    if (this.open?.offset !== page.offset) await this.add(page, []);
    const open = this.open;
    if (!open) return;
    await this.guard(async () => {
      if (open.file) await writeAll(open.file, [CLOSING]);
      await this.closePage();
    });
    this.open = undefined;
    await this.update(async (manifest) => {
      manifest.pages.push({ offset: page.offset, limit: page.limit, count: open.count, bytes: open.bytes + 1 });
    });
  }

  /** Every page is saved: a run after this one fetches nothing. */
  async finish(): Promise<void> {
    await this.update(async (manifest) => {
      manifest.done = true;
    });
  }

  /** The export is written: nothing is left to continue. */
  async delete(): Promise<void> {
    this.givenUp = true;
    await this.closePage();
    await fs.rm(this.folder, { recursive: true, force: true }).catch(() => {});
  }

  /** The export ended, whatever the outcome: another may open the checkpoint. */
  release(): void {
    void this.closePage();
    this.free();
  }

  /** Closes the file of the page being saved; one that is not committed is not used by a later run. */
  private async closePage(): Promise<void> {
    const file = this.open?.file;
    if (!file) return;
    this.open!.file = undefined;
    await file.close().catch(() => {});
  }

  private async update(change: (manifest: CheckpointManifest) => Promise<void>): Promise<void> {
    await this.guard(async () => {
      const at = new Date(this.now()).toISOString();
      const manifest: CheckpointManifest = this.manifest
        ? { ...this.manifest, pages: [...this.manifest.pages] }
        : { version: FORMAT_VERSION, kind: this.kind, createdAt: at, savedAt: at, pages: [], done: false };
      manifest.savedAt = at;
      await fs.mkdir(this.folder, { recursive: true });
      await change(manifest);
      const file = path.join(this.folder, MANIFEST);
      const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
      await fs.writeFile(temporary, JSON.stringify(manifest), 'utf8');
      await fs.rename(temporary, file);
      this.manifest = manifest;
    });
  }

  /** Runs a change to the checkpoint; one that fails gives the checkpoint up. */
  private async guard(change: () => Promise<void>): Promise<void> {
    if (this.givenUp) return;
    try {
      await change();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.log(`Could not save the ${this.kind} export's progress (${reason}); a failed export will start over.`);
      await this.delete();
    }
  }
}
