import * as vscode from 'vscode';
import {
  ACTION_ITEMS_OFFSET_CAP,
  type ActionItemFilters,
  type ConversationFilters,
  type MemoryFilters,
  type Page,
} from '../api';
import type { Conversation } from '../api/models';
import type { ItemsOfKind } from '../markdown/itemText';
import type { OmiConnection } from '../store/connection';
import type { LayeredTranscriptCache } from '../store/layeredTranscriptCache';
import { type JsonBytes, jsonBytesOnce, type SharedJsonBytes } from '../util/jsonBytes';
import { type ListKind, listNoun } from '../util/listKind';
import type { Logger } from '../util/logger';
import { exists } from '../util/workspaceFiles';
import type { ExportCheckpoint, ExportCheckpoints, ExportIdentity } from './exportCheckpoint';
import { type ExportFile, TargetExistsError } from './exportFile';
import { ExportProgressText } from './exportProgress';
import { exportPages, type Part } from './exportRunner';
import { exportFileName, exportFolderName } from './fileNames';
import { JsonExportWriter, JsonLinesWriter } from './jsonExportWriter';
import { conversationFileName, conversationNote } from './markdown';
import { MarkdownFolder } from './markdownFolder';
import { type KeptBody, NodeExportFile } from './nodeExportFile';
import { transcriptsForPages } from './transcripts';
import { WorkspaceExportFile } from './workspaceExportFile';

export type ExportFormat = 'json' | 'jsonl' | 'markdown';

interface ExportTarget {
  /** The folder the file (or, for Markdown, the folder of notes) goes into; created when missing. */
  folder: vscode.Uri;
  /** Names the file; defaults to now. */
  date?: Date;
  /** How many items to expect, for the progress bar ("1,200 of ~1,350"); unknown when undefined. */
  estimate?: number;
}

/** A bulk export of one list, fetched page by page. `filters` go to the server and into the file's header. */
export type ListExportRequest = ExportTarget &
  (
    | { kind: 'memories'; filters: MemoryFilters; format: 'json' | 'jsonl' }
    | { kind: 'actionItems'; filters: ActionItemFilters; format: 'json' | 'jsonl' }
    | { kind: 'conversations'; filters: ConversationFilters; includeTranscripts: boolean; format: ExportFormat }
  );

/** Items already at hand (a tree selection), written as one file. */
export type ItemsExportRequest = ExportTarget & {
  format: 'json' | 'jsonl';
} & { [K in ListKind]: { kind: K; items: ItemsOfKind[K][] } }[ListKind];

export interface ExportHooks {
  progress: vscode.Progress<{ message?: string; increment?: number }>;
  token: vscode.CancellationToken;
  /** Asked when the file (or folder) exists already; false keeps it and exports nothing. */
  confirmReplace(target: vscode.Uri): Promise<boolean>;
}

export type ExportOutcome =
  /** `notice`: something the user should know about what was written (it may be incomplete). */
  | { status: 'written'; uri: vscode.Uri; count: number; notice?: string }
  | { status: 'cancelled' }
  /** The target existed and the user chose to keep it: nothing was fetched or written. */
  | { status: 'kept'; uri: vscode.Uri };

/** The kind, for the log (English). */
const KIND_NAMES: Record<ListKind, string> = {
  memories: 'memories',
  actionItems: 'action items',
  conversations: 'conversations',
};

interface ItemWriter {
  readonly count: number;
  writeItems(items: readonly unknown[]): Promise<void>;
}

/** A page's place in the list and how many items it held. */
interface PageHeld {
  offset: number;
  limit: number;
  count: number;
}

/** Where a list export keeps what it fetched so far, for a later run to continue. */
interface Kept {
  checkpoint: ExportCheckpoint<unknown>;
  /** Where the export file's body stands, when that body is the checkpoint's (nothing is copied into it then). */
  bodyEnd?: () => number;
  /** Otherwise, the compact JSON of each item copied into the checkpoint's body of JSON Lines. */
  copyBytes?: JsonBytes;
}

/** Fills the writer; `kept` (list exports only) keeps what was fetched for a later run to continue. */
type Produce = (
  writer: ItemWriter,
  signal: AbortSignal,
  progress: ExportProgressText,
  kept: Kept | undefined,
) => Promise<void>;

/** Where a list export's pages come from. */
interface ListSource<T> {
  pages(offset: number, signal: AbortSignal): AsyncIterable<Page<T>>;
  /** Turns a fetched page into the items written (adding transcripts, say), in parts; see exportPages. */
  prepare?(page: Page<T>, signal: AbortSignal, skip: number): AsyncIterable<Part<T>>;
  /** Sees every page, whether fetched now or by an earlier run, with how many items it held. */
  onPage?(page: PageHeld): void;
  /** Items fetched by this run are written to the export (the transcript cache keeps them then). */
  written?(items: T[]): Promise<void>;
  /** The export ended, whatever the outcome. */
  end?(): void;
}

/** What a list export asks for; the checkpoint's body format is chosen with the file. */
type ListIdentity = Omit<ExportIdentity, 'body'>;

export interface ExporterDependencies {
  connection: OmiConnection;
  transcripts: Pick<LayeredTranscriptCache, 'forBulkReads'>;
  checkpoints: ExportCheckpoints;
  log: Logger;
}

/**
 * Writes export files in the export format (README, "Export and insert"): the objects exactly as the API sent them, streamed to a temporary file and
 * renamed into place, so a cancelled or failed export leaves nothing behind and an existing file is only replaced
 * when the user says so. A list export keeps the pages it fetched in a checkpoint (exportCheckpoint.ts) until its
 * file is written, so Retry continues where it stopped. Asks nothing itself: the commands ask, tests call this.
 */
export class OmiExporter {
  constructor(private readonly deps: ExporterDependencies) {}

  async exportList(request: ListExportRequest, hooks: ExportHooks): Promise<ExportOutcome> {
    const client = this.deps.connection.client;
    // The export file, the checkpoint and the transcript cache all keep what an export with transcripts fetches.
    const bytesOf = request.kind === 'conversations' && request.includeTranscripts ? jsonBytesOnce() : undefined;
    let capped = false;
    const filters: Record<string, unknown> = plainFilters(request.filters);
    let source: ListSource<unknown>;
    switch (request.kind) {
      case 'memories':
        source = {
          pages: (offset, signal) => client.pagesOfMemories(request.filters, { startOffset: offset, signal }),
        };
        break;
      case 'actionItems':
        source = {
          pages: (offset, signal) => client.pagesOfActionItems(request.filters, { startOffset: offset, signal }),
          onPage: (page) => {
            if (reachesCap(page)) capped = true;
          },
        };
        break;
      case 'conversations': {
        // Listed without transcripts; they are added per page, from the cache where possible.
        const { includeTranscript: _ignored, ...listFilters } = request.filters;
        if (request.includeTranscripts) filters.includeTranscript = true;
        const cache = request.includeTranscripts ? this.deps.transcripts.forBulkReads(bytesOf) : undefined;
        const transcripts = cache ? transcriptsForPages(client, cache, listFilters) : undefined;
        const conversations: ListSource<Conversation> = {
          pages: (offset, signal) => client.pagesOfConversations(listFilters, { startOffset: offset, signal }),
          prepare: transcripts?.prepare,
          written: cache
            ? async (items) => {
                for (const conversation of items) await cache.written(conversation);
              }
            : undefined,
          end: () => {
            transcripts?.keepUntaken();
            cache?.end();
          },
        };
        source = conversations as ListSource<unknown>;
        break;
      }
    }
    const account = this.deps.connection.accountId;
    const identity: ListIdentity | undefined = account
      ? { account, source: this.deps.connection.baseUrl ?? '', kind: request.kind, filters }
      : undefined;
    const outcome = await this.write(
      request,
      filters,
      hooks,
      identity,
      (writer, signal, progress, kept) => this.fetchList(request.kind, source, writer, signal, progress, kept, bytesOf),
      bytesOf,
    );
    if (capped && outcome.status === 'written') {
      outcome.notice = vscode.l10n.t(
        'Omi lists at most 2,000 action items for one filter, so some may be missing: export open and done ones separately, or by date.',
      );
    }
    return outcome;
  }

  exportItems(request: ItemsExportRequest, hooks: ExportHooks): Promise<ExportOutcome> {
    const filters = { selectedIds: request.items.map((item) => item.id) };
    return this.write(request, filters, hooks, undefined, async (writer, _signal, progress) => {
      await writer.writeItems(request.items);
      progress.update({ count: writer.count });
    });
  }

  /**
   * Continues after the pages an earlier run kept (written again from the checkpoint, one page at a time, unless the
   * export's body is the checkpoint's and holds them already), then fetches and writes the rest, keeping each part of
   * a page as it is written.
   */
  private async fetchList<T>(
    kind: ListKind,
    source: ListSource<T>,
    writer: ItemWriter,
    signal: AbortSignal,
    progress: ExportProgressText,
    kept: Kept | undefined,
    bytesOf: SharedJsonBytes | undefined,
  ): Promise<void> {
    const checkpoint = kept?.checkpoint as ExportCheckpoint<T> | undefined;
    const bodyEnd = kept?.bodyEnd;
    const resumed = checkpoint?.resumed;
    if (checkpoint && resumed) {
      this.deps.log.info(
        `Continuing the export of ${KIND_NAMES[kind]}: ${resumed.count} already fetched, ` +
          (resumed.done ? 'nothing left to fetch.' : `fetching from offset ${resumed.nextOffset}.`),
      );
      progress.continuing(resumed.count);
      if (bodyEnd) {
        for (const page of checkpoint.keptPages()) source.onPage?.(page);
      } else {
        for await (const page of checkpoint.savedPages()) {
          source.onPage?.({ ...page, count: page.items.length });
          await writer.writeItems(page.items);
        }
      }
      if (resumed.done) return;
    }
    /** The checkpoint and the cache keeping what was last written, while the next is fetched and written. */
    let keeping: Promise<void> = Promise.resolve();
    const keep = (items: T[], page: Page<T>) => {
      const copy = bodyEnd ? undefined : checkpoint?.add(page, items, kept?.copyBytes);
      keeping = Promise.all([copy, source.written?.(items)]).then(() => {
        for (const item of items) bytesOf?.forget(item);
      });
      keeping.catch(() => {}); // awaited (and thrown) in its turn
    };
    /** Items of the page being written, by this run. */
    let pageCount = 0;
    try {
      await exportPages<T>({
        pages: (offset, s) => source.pages(offset, s),
        prepare: source.prepare,
        write: async (items, page) => {
          // A conversation with its transcript is formatted on its own: a part's text would be tens of MB at once.
          for (const some of source.prepare ? items.map((item) => [item]) : [items]) await writer.writeItems(some);
          pageCount += items.length;
          // Then kept, in the bytes just written; one keeping at a time, so they are not all held at once.
          await keeping;
          keep(items, page);
        },
        endPage: async (page) => {
          await keeping;
          source.onPage?.({ ...page, count: page.items.length });
          await checkpoint?.commit(page, bodyEnd && { count: pageCount, end: bodyEnd() });
          pageCount = 0;
        },
        startOffset: resumed?.nextOffset,
        startCount: resumed?.count,
        signal,
        onProgress: (p) => progress.update(p),
      });
      await keeping;
      await checkpoint?.finish();
    } finally {
      // Whatever was written is kept before the export ends (the checkpoint is released after this).
      await keeping.catch(() => {});
      source.end?.();
    }
  }

  private async write(
    request: ExportTarget & { kind: ListKind; format: ExportFormat },
    filters: Record<string, unknown>,
    hooks: ExportHooks,
    identity: ListIdentity | undefined,
    produce: Produce,
    bytesOf?: SharedJsonBytes,
  ): Promise<ExportOutcome> {
    const { kind, format, folder } = request;
    const date = request.date ?? new Date();
    const name =
      format === 'markdown'
        ? exportFolderName(kind, date)
        : exportFileName(kind, date, format === 'json' ? 'json' : 'jsonl');
    await vscode.workspace.fs.createDirectory(folder);
    const target = vscode.Uri.joinPath(folder, name);
    let replace = false;
    if (await exists(target)) {
      if (!(await hooks.confirmReplace(target))) return { status: 'kept', uri: target };
      replace = true;
    }

    const header = { kind, exportedAt: date.toISOString(), source: this.deps.connection.baseUrl ?? '', filters };
    const headRoom = format === 'json' ? JsonExportWriter.headBytes(header) : 0;
    // A file on the checkpoints' disk is written in the checkpoint and moved into place when complete: the body is
    // written once, and a failed export leaves it for Retry rather than in the user's folder.
    const carried =
      identity !== undefined &&
      format !== 'markdown' &&
      folder.scheme === 'file' &&
      (await this.deps.checkpoints.canCarryBodyTo(folder.fsPath));
    const checkpoint = identity
      ? await this.deps.checkpoints.open(
          { ...identity, body: carried && format === 'json' ? 'json' : 'jsonl' },
          headRoom,
        )
      : undefined;
    const controller = new AbortController();
    const cancellation = hooks.token.onCancellationRequested(() => controller.abort());
    if (hooks.token.isCancellationRequested) controller.abort();
    const progress = new ExportProgressText(hooks.progress, listNoun(kind), request.estimate);
    const waits = this.deps.connection.onDidWaitForRateLimit((event) => progress.clientWaits(event.until));
    const keptBody = carried && checkpoint?.saving ? { path: checkpoint.bodyPath, at: checkpoint.end } : undefined;
    const output =
      format === 'markdown' ? new MarkdownFolder(folder, name) : this.openFile(folder, name, headRoom, keptBody);
    const kept: Kept | undefined =
      checkpoint &&
      (keptBody && output instanceof NodeExportFile
        ? { checkpoint, bodyEnd: () => output.end }
        : // A JSON export's writer makes each item's bytes indented, over lines: not for JSON Lines.
          { checkpoint, copyBytes: format === 'json' ? undefined : bytesOf });
    /** Items already in the body, which the writer continues. */
    const continued = keptBody ? (checkpoint?.resumed?.count ?? 0) : 0;
    try {
      let count: number;
      let placed: string;
      if (output instanceof MarkdownFolder) {
        const writer: ItemWriter = {
          get count() {
            return output.count;
          },
          writeItems: async (items) => {
            for (const conversation of items as Conversation[]) {
              await output.writeNote(conversationFileName(conversation), conversationNote(conversation));
            }
          },
        };
        await produce(writer, controller.signal, progress, kept);
        if (controller.signal.aborted) return this.cancelled(kind, checkpoint);
        count = output.count;
        placed = await placeBesideExisting(name, replace, (n, r) => output.place(n, r));
      } else {
        // Each conversation written alone is serialized once, for the file, the checkpoint and the transcript cache.
        const writer =
          format === 'json'
            ? new JsonExportWriter(header, output, bytesOf?.remember, continued)
            : new JsonLinesWriter(output, bytesOf, continued);
        await produce(writer, controller.signal, progress, kept);
        if (controller.signal.aborted) return this.cancelled(kind, checkpoint);
        await output.complete(writer.head(), writer.tail());
        count = writer.count;
        placed = await placeBesideExisting(name, replace, (n, r) => output.place(n, r));
      }
      await checkpoint?.delete();
      const uri = vscode.Uri.joinPath(folder, placed);
      this.deps.log.info(`Exported ${count} ${KIND_NAMES[kind]} to ${uri.toString(true)}.`);
      return { status: 'written', uri, count };
    } catch (error) {
      if (controller.signal.aborted) return this.cancelled(kind, checkpoint);
      this.deps.log.warn(`Export of ${KIND_NAMES[kind]} failed; nothing was written.${keptForLater(checkpoint)}`);
      throw error;
    } finally {
      cancellation.dispose();
      waits.dispose();
      progress.dispose();
      // The body is written out before the checkpoint that may keep it is let go.
      await output.discard();
      await checkpoint?.release();
    }
  }

  private cancelled(kind: ListKind, checkpoint: ExportCheckpoint<unknown> | undefined): ExportOutcome {
    this.deps.log.info(`Export of ${KIND_NAMES[kind]} cancelled; nothing was written.${keptForLater(checkpoint)}`);
    return { status: 'cancelled' };
  }

  /** `headRoom`: the bytes to keep before the body for the head (JsonExportWriter.headBytes). */
  private openFile(folder: vscode.Uri, name: string, headRoom: number, kept: KeptBody | undefined): ExportFile {
    return folder.scheme === 'file'
      ? new NodeExportFile(folder.fsPath, name, headRoom, kept)
      : new WorkspaceExportFile(folder, name);
  }
}

/** For the log: what a later run of the same export will not fetch again. */
function keptForLater(checkpoint: ExportCheckpoint<unknown> | undefined): string {
  const count = checkpoint?.count ?? 0;
  return count > 0
    ? ` The ${count} items fetched are kept for an hour: Retry or the same export continues from there.`
    : '';
}

/**
 * Places the export under `name`; if a file of that name appeared while exporting (the user was asked before it
 * started), the export goes beside it as "name (2)" rather than replacing it or being thrown away.
 */
async function placeBesideExisting(
  name: string,
  replace: boolean,
  place: (name: string, replace: boolean) => Promise<void>,
): Promise<string> {
  const dot = name.lastIndexOf('.');
  const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? name : `${stem} (${n})${extension}`;
    try {
      await place(candidate, replace && n === 1);
      return candidate;
    } catch (error) {
      if (!(error instanceof TargetExistsError) || n >= 100) throw error;
    }
  }
}

/**
 * Whether a page reaching the offset the server cannot page past came back (nearly) full, so more may exist beyond
 * it. "Nearly": the real server drops a few rows after cutting a page.
 */
function reachesCap(page: PageHeld): boolean {
  return page.offset + page.limit >= ACTION_ITEMS_OFFSET_CAP && page.count >= page.limit * 0.9;
}

/** The filters as plain JSON for the file's header: dates as ISO strings, nothing undefined. */
export function plainFilters(filters: object): Record<string, unknown> {
  const plain: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined) continue;
    plain[key] = value instanceof Date ? value.toISOString() : Array.isArray(value) ? [...value] : value;
  }
  return plain;
}
