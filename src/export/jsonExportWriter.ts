// The export file format (kind, exportedAt, source, filters, count, items), written a page at a time (no vscode import: unit-tested).
import { type JsonBytes, jsonBytes } from '../util/jsonBytes';
import type { ListKind } from '../util/listKind';

export interface ExportHeader {
  kind: ListKind;
  /** ISO-8601. */
  exportedAt: string;
  /** The API base URL the items came from (never with a key). */
  source: string;
  /** What was asked for; `{}` for everything. Plain JSON values only. */
  filters: Record<string, unknown>;
}

export interface ExportDocument<T> extends ExportHeader {
  count: number;
  items: T[];
}

/** Where formatted text goes: a file being streamed, or memory in tests. */
export interface TextSink {
  write(text: string | Buffer): Promise<void>;
}

/** Told the bytes a lone item was written as (a JSON text of it), for others to write them too. */
export type ItemBytes<T> = (item: T, bytes: Buffer) => void;

const NESTED_OPEN = '[\n  [\n';
const NESTED_CLOSE = '\n  ]\n]';
const FIRST = Buffer.from('\n');
const BETWEEN = Buffer.from(',\n');
/** The digits of the largest count a head makes room for. */
const COUNT_DIGITS = String(Number.MAX_SAFE_INTEGER).length;

/**
 * Everything before the first item: `JSON.stringify(document, null, 2)` up to `"items": [`, with spaces after the
 * count up to COUNT_DIGITS, so that it is the same size whatever the count. A file on disk keeps that room before the
 * body and writes the head into it at the end, rather than copying a body of hundreds of MB behind a head.
 */
function headText(header: ExportHeader, count: number): string {
  const { kind, exportedAt, source, filters } = header;
  const text = JSON.stringify({ kind, exportedAt, source, filters, count }, null, 2);
  const padding = ' '.repeat(Math.max(0, COUNT_DIGITS - String(count).length));
  return `${text.slice(0, -2)},${padding}\n  "items": [`;
}

/**
 * Produces `JSON.stringify(document, null, 2) + "\n"` (but for the spaces after the count, see headText) without
 * holding the document: items are formatted as they arrive into the body sink, and the header, which must say `count`
 * before `items`, is known only at the end. The caller writes `head()`, then the body, then `tail()`.
 */
export class JsonExportWriter<T> {
  /** `written`: items already in the body, which this writer continues. */
  constructor(
    private readonly header: ExportHeader,
    private readonly body: TextSink,
    private readonly wroteItem?: ItemBytes<T>,
    private written = 0,
  ) {}

  /** The size of `head()` in UTF-8, whatever the count: the room a file keeps for it. */
  static headBytes(header: ExportHeader): number {
    return Buffer.byteLength(headText(header, 0), 'utf8');
  }

  get count(): number {
    return this.written;
  }

  async writeItems(items: readonly T[]): Promise<void> {
    if (items.length === 0) return;
    // Nested in two arrays, the items come out indented as deep as in the document's "items": one call for the page,
    // encoded as it is (the brackets around are ASCII, cut from the bytes: a text of hundreds of KB is not copied).
    const nested = Buffer.from(JSON.stringify([items], null, 2), 'utf8');
    const bytes = nested.subarray(NESTED_OPEN.length, nested.length - NESTED_CLOSE.length);
    // Alone, the item's text is a JSON text of it (indented, which JSON allows).
    if (items.length === 1) this.wroteItem?.(items[0]!, bytes);
    await this.body.write(this.written === 0 ? FIRST : BETWEEN);
    await this.body.write(bytes);
    this.written += items.length;
  }

  /** Everything before the first item, `headBytes` long. Valid once all items are written. */
  head(): string {
    return headText(this.header, this.written);
  }

  /** Everything after the last item. */
  tail(): string {
    return this.written === 0 ? ']\n}\n' : '\n  ]\n}\n';
  }
}

const NEWLINE = Buffer.from('\n');

/** JSON Lines: one API object per line, nothing else, as data tools expect. */
export class JsonLinesWriter<T> {
  /** `bytesOf`: each item's compact JSON, when others write it too; `written`: items already in the body. */
  constructor(
    private readonly body: TextSink,
    private readonly bytesOf: JsonBytes = jsonBytes,
    private written = 0,
  ) {}

  get count(): number {
    return this.written;
  }

  async writeItems(items: readonly T[]): Promise<void> {
    if (items.length === 0) return;
    await this.body.write(Buffer.concat(items.flatMap((item) => [this.bytesOf(item), NEWLINE])));
    this.written += items.length;
  }

  head(): string {
    return '';
  }

  tail(): string {
    return '';
  }
}
