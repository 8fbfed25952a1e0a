// What a list export has fetched so far, kept in the extension's own storage so that Retry (or the same export run
// again soon after) continues from the first page not yet fetched (no vscode import: unit-tested).
//
// One folder per export, named by a hash of what it asks for (account, server, kind, filters, body format), holding
// the export's body so far and a manifest saying where each complete page ends in it. An export to a file on the same
// disk writes its body there itself and moves it into place when done: nothing is written twice, and the user's folder
// never holds a partial file. Any other export (Markdown notes, a virtual folder) copies its items into a body of JSON
// Lines. The manifest is replaced atomically after each page, so bytes it does not list are never read.
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { Page } from '../api/paging';
import { type JsonBytes, jsonBytes } from '../util/jsonBytes';

/** A checkpoint left alone this long is ignored and deleted: the data on the server may have moved since. */
export const CHECKPOINT_MAX_AGE_MS = 60 * 60 * 1000;
const FORMAT_VERSION = 2;
const MANIFEST = 'manifest.json';
const BODY = 'body';
/** The process id of the extension host using the checkpoint: another window leaves it alone while that runs. */
const LOCK = 'lock';

/**
 * How the body lays out the items: as the body of a JSON export (JsonExportWriter: each item indented, "\n" before
 * the first and ",\n" before the others), or one compact JSON text per line.
 */
export type BodyFormat = 'json' | 'jsonl';

/** What an export asks for. Two exports asking the same share a checkpoint. */
export interface ExportIdentity {
  /** The signed-in account on its server (a hash, never the key). */
  account: string;
  /** The API base URL. */
  source: string;
  kind: string;
  /** Plain JSON values only. */
  filters: Record<string, unknown>;
  body: BodyFormat;
}

export interface SavedPage {
  offset: number;
  limit: number;
  /** Items of the page in the body. */
  count: number;
  /** The body's size once the page was in it: where the next page starts. */
  end: number;
}

export interface CheckpointManifest {
  version: number;
  kind: string;
  body: BodyFormat;
  /** Where the body's first item starts (a JSON export keeps room for its head before it). */
  start: number;
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
  /** Where the body continues: anything after it is from a page never completed. */
  end: number;
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

/** The manifest, when the text is one this version wrote, its pages follow each other and so do their bytes. */
export function parseManifest(text: string): CheckpointManifest | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const manifest = value as Partial<CheckpointManifest>;
  const whole = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0;
  if (
    manifest.version !== FORMAT_VERSION ||
    typeof manifest.kind !== 'string' ||
    (manifest.body !== 'json' && manifest.body !== 'jsonl') ||
    !whole(manifest.start) ||
    typeof manifest.createdAt !== 'string' ||
    typeof manifest.savedAt !== 'string' ||
    Number.isNaN(Date.parse(manifest.savedAt)) ||
    typeof manifest.done !== 'boolean' ||
    !Array.isArray(manifest.pages)
  ) {
    return undefined;
  }
  let expected = 0;
  let end = manifest.start;
  for (const page of manifest.pages as unknown[]) {
    const p = page as Partial<SavedPage>;
    if (!whole(p.offset) || !whole(p.limit) || !whole(p.count) || !whole(p.end) || p.offset !== expected) {
      return undefined;
    }
    if (p.end < end) return undefined;
    expected = p.offset + p.limit;
    end = p.end;
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
    end: last ? last.end : manifest.start,
  };
}

/** The items of one page's bytes of a body. */
function parseItems<T>(bytes: Buffer, format: BodyFormat): T[] {
  const text = bytes.toString('utf8');
  if (format === 'jsonl')
    return text.split('\n').flatMap((line) => (line.trim() === '' ? [] : [JSON.parse(line) as T]));
  // A page after the first starts with the comma after the page before it.
  return JSON.parse(`[${text.replace(/^\s*,/, '')}]`) as T[];
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
   * Whether an export into `folder` can write its body in a checkpoint and then move it there: both on one disk,
   * where a move is a rename. (A move that cannot rename after all copies: see moveIntoPlace.)
   */
  async canCarryBodyTo(folder: string): Promise<boolean> {
    try {
      await fs.mkdir(this.directory, { recursive: true });
      const [here, there] = await Promise.all([fs.stat(this.directory), fs.stat(folder)]);
      return here.dev === there.dev;
    } catch {
      return false;
    }
  }

  /**
   * The checkpoint of this export: the pages a recent run kept, or an empty one whose body's first item goes at
   * `start`. Undefined while another export in this window uses it. Release it when the export ends, whatever the
   * outcome.
   */
  async open<T>(identity: ExportIdentity, start = 0): Promise<ExportCheckpoint<T> | undefined> {
    const name = checkpointName(identity);
    if (this.inUse.has(name)) return undefined;
    const folder = path.join(this.directory, name);
    if (await usedByAnotherWindow(folder)) return undefined;
    this.inUse.add(name);
    await this.deleteStale(name);
    const manifest = await readManifest(folder);
    let kept: CheckpointManifest | undefined;
    if (manifest) {
      if (!isFresh(manifest, this.now(), this.maxAgeMs)) {
        this.log(`Started the ${identity.kind} export over: what an earlier run fetched is older than an hour.`);
      } else if (
        manifest.kind !== identity.kind ||
        manifest.body !== identity.body ||
        manifest.start !== start ||
        !(await bodyIntact(folder, manifest))
      ) {
        this.log(`Started the ${identity.kind} export over: what an earlier run fetched could not be read.`);
      } else {
        kept = manifest;
      }
    }
    if (!kept) await fs.rm(folder, { recursive: true, force: true }).catch(() => {});
    const locked = await fs
      .mkdir(folder, { recursive: true })
      .then(() => fs.writeFile(path.join(folder, LOCK), String(process.pid)))
      .then(
        () => true,
        () => false,
      );
    if (!locked) this.log(`Could not save the ${identity.kind} export's progress: its folder cannot be written.`);
    const fresh: Omit<CheckpointManifest, 'createdAt' | 'savedAt'> = {
      version: FORMAT_VERSION,
      kind: identity.kind,
      body: identity.body,
      start,
      pages: [],
      done: false,
    };
    const checkpoint = new ExportCheckpoint<T>(folder, kept ?? fresh, this.now, this.log, () =>
      this.inUse.delete(name),
    );
    if (!locked) await checkpoint.giveUp();
    return checkpoint;
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
      if (await usedByAnotherWindow(folder)) continue;
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

/** Whether an export of another window (a running extension host) is using the checkpoint in `folder`. */
async function usedByAnotherWindow(folder: string): Promise<boolean> {
  const pid = Number(await fs.readFile(path.join(folder, LOCK), 'utf8').catch(() => ''));
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0); // no signal: only whether the process exists
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the body holds every page the manifest lists (it may hold more: a page never completed). */
async function bodyIntact(folder: string, manifest: CheckpointManifest): Promise<boolean> {
  if (manifest.pages.length === 0) return true;
  const stat = await fs.stat(path.join(folder, BODY)).catch(() => undefined);
  return stat !== undefined && stat.size >= resumePoint(manifest).end;
}

const NEWLINE = Buffer.from('\n');

/** Writes the pieces at `position`, however many calls the system takes for them; returns where they end. */
async function writeAll(file: fs.FileHandle, position: number, pieces: Buffer[]): Promise<number> {
  let left = pieces;
  while (left.length > 0) {
    let { bytesWritten } = await file.writev(left, position);
    position += bytesWritten;
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
  return position;
}

/** The items of the page being saved by this run, copied into the body (when the export does not write it). */
interface Copy {
  file: fs.FileHandle;
  /** Where the next item goes. */
  end: number;
}

/** One export's checkpoint: the pages kept from earlier runs, and the pages this run saves. */
export class ExportCheckpoint<T> {
  /** Where this run starts: undefined when no earlier run left pages. */
  readonly resumed: ResumePoint | undefined;
  /** The body: written by the export itself when it can (see ExportCheckpoints.canCarryBodyTo), or by `add`. */
  readonly bodyPath: string;
  private manifest: CheckpointManifest;
  /** Items added to the page being saved. */
  private adding: { offset: number; count: number } | undefined;
  private copy: Promise<Copy> | undefined;
  private givenUp = false;
  /** How many of the manifest's pages earlier runs kept. */
  private readonly kept: number;

  constructor(
    private readonly folder: string,
    manifest: Omit<CheckpointManifest, 'createdAt' | 'savedAt'> & Partial<CheckpointManifest>,
    private readonly now: () => number,
    private readonly log: (line: string) => void,
    private readonly free: () => void,
  ) {
    const at = new Date(now()).toISOString();
    this.manifest = { createdAt: at, savedAt: at, ...manifest };
    this.bodyPath = path.join(folder, BODY);
    this.kept = manifest.pages.length;
    this.resumed = this.kept > 0 ? resumePoint(this.manifest) : undefined;
  }

  /** Whether it still saves what the export writes (it gives up when its folder cannot be written). */
  get saving(): boolean {
    return !this.givenUp;
  }

  /** Where the body continues: the end of the last page saved, or where the first item goes. */
  get end(): number {
    return resumePoint(this.manifest).end;
  }

  /** Items saved so far, by earlier runs and this one. */
  get count(): number {
    return this.givenUp ? 0 : resumePoint(this.manifest).count;
  }

  /** The pages earlier runs kept (offsets and counts), for an export that continues their body as it is. */
  keptPages(): readonly SavedPage[] {
    return this.manifest.pages.slice(0, this.kept);
  }

  /** The pages earlier runs kept, with their items read from the body, one page at a time, in order. */
  async *savedPages(): AsyncGenerator<Page<T>> {
    const pages = this.keptPages();
    if (pages.length === 0) return;
    const file = await fs.open(this.bodyPath, 'r');
    try {
      let start = this.manifest.start;
      for (const page of pages) {
        const bytes = Buffer.alloc(page.end - start);
        if (bytes.length > 0) await file.read(bytes, 0, bytes.length, start);
        yield { items: parseItems<T>(bytes, this.manifest.body), offset: page.offset, limit: page.limit };
        start = page.end;
      }
    } finally {
      await file.close();
    }
  }

  /** Saves a whole page fetched by this run, copied into the body. */
  async save(page: Page<T>): Promise<void> {
    await this.add(page, page.items);
    await this.commit(page);
  }

  /**
   * Copies items of `page` (the page after the last one saved) into the body, one JSON text per line, as they are
   * written to the export; a later run sees them once `commit` says the page is complete. Only for a body of JSON
   * Lines that the export does not write itself.
   */
  async add(page: Page<T>, items: readonly T[], bytesOf: JsonBytes = jsonBytes): Promise<void> {
    await this.guard(async () => {
      if (this.manifest.body !== 'jsonl') throw new Error('only a body of JSON Lines takes copies');
      if (this.adding?.offset !== page.offset) this.adding = { offset: page.offset, count: 0 };
      if (items.length === 0) return;
      const copy = await this.openCopy();
      // Written piece by piece: a part of 25 transcripts is tens of MB, not worth copying into one buffer first.
      copy.end = await writeAll(
        copy.file,
        copy.end,
        items.flatMap((item) => [bytesOf(item), NEWLINE]),
      );
      this.adding.count += items.length;
    });
  }

  /**
   * Every item of `page` is in the body: a later run continues after it. `written`: where the export's own body
   * stands, when the export writes it; otherwise the items `add`ed make the page.
   */
  async commit(page: Page<T>, written?: { count: number; end: number }): Promise<void> {
    if (this.givenUp) return;
    let saved: SavedPage;
    if (written) {
      saved = { offset: page.offset, limit: page.limit, ...written };
    } else {
      const added = this.adding?.offset === page.offset ? this.adding.count : 0;
      const end = this.copy ? (await this.copy.catch(() => undefined))?.end : this.end;
      if (end === undefined) return;
      saved = { offset: page.offset, limit: page.limit, count: added, end };
    }
    this.adding = undefined;
    await this.update((manifest) => {
      manifest.pages.push(saved);
    });
  }

  /** Every page is saved: a run after this one fetches nothing. */
  async finish(): Promise<void> {
    await this.update((manifest) => {
      manifest.done = true;
    });
  }

  /** The export is written: nothing is left to continue. */
  async delete(): Promise<void> {
    this.givenUp = true;
    await this.closeCopy();
    await fs.rm(this.folder, { recursive: true, force: true }).catch(() => {});
  }

  /** The export ended, whatever the outcome (and the body it wrote is closed): another may open the checkpoint. */
  async release(): Promise<void> {
    await this.closeCopy();
    if (this.givenUp) await fs.rm(this.folder, { recursive: true, force: true }).catch(() => {});
    else await fs.rm(path.join(this.folder, LOCK), { force: true }).catch(() => {});
    this.free();
  }

  /** Nothing is saved from now on, and nothing continues from what was: the export goes on without a checkpoint. */
  async giveUp(): Promise<void> {
    this.givenUp = true;
    await fs.rm(path.join(this.folder, MANIFEST), { force: true }).catch(() => {});
  }

  /** The body opened for copies, cut back to the last page saved (bytes after it are of a page never completed). */
  private openCopy(): Promise<Copy> {
    this.copy ??= (async () => {
      await fs.mkdir(this.folder, { recursive: true });
      const file = await fs.open(this.bodyPath, fs.constants.O_RDWR | fs.constants.O_CREAT);
      const end = this.end;
      await file.truncate(end);
      return { file, end };
    })();
    return this.copy;
  }

  private async closeCopy(): Promise<void> {
    const copy = this.copy;
    this.copy = undefined;
    const file = (await copy?.catch(() => undefined))?.file;
    await file?.close().catch(() => {});
  }

  private async update(change: (manifest: CheckpointManifest) => void): Promise<void> {
    await this.guard(async () => {
      const manifest: CheckpointManifest = { ...this.manifest, pages: [...this.manifest.pages] };
      manifest.savedAt = new Date(this.now()).toISOString();
      change(manifest);
      await fs.mkdir(this.folder, { recursive: true });
      const file = path.join(this.folder, MANIFEST);
      const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
      await fs.writeFile(temporary, JSON.stringify(manifest), 'utf8');
      await fs.rename(temporary, file);
      this.manifest = manifest;
    });
  }

  /**
   * Runs a change to the checkpoint; one that fails gives the checkpoint up: its manifest goes at once, so nothing
   * continues from it, and the rest with the export (whose body may still be being written here).
   */
  private async guard(change: () => Promise<void>): Promise<void> {
    if (this.givenUp) return;
    try {
      await change();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.log(
        `Could not save the ${this.manifest.kind} export's progress (${reason}); a failed export will start over.`,
      );
      await this.giveUp();
    }
  }
}
