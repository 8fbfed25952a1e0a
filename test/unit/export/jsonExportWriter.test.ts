import * as assert from 'node:assert/strict';
import { type ExportHeader, JsonExportWriter, JsonLinesWriter } from '../../../src/export/jsonExportWriter';
import { jsonBytes } from '../../../src/util/jsonBytes';

function memorySink() {
  const chunks: (string | Buffer)[] = [];
  return { chunks, write: async (data: string | Buffer) => void chunks.push(data) };
}

const header: ExportHeader = {
  kind: 'conversations',
  exportedAt: '2026-11-28T10:50:00.000Z',
  source: 'https://api.omi.me/v1/dev',
  filters: { categories: ['work', 'travel'], startDate: '2026-11-01T00:00:00.000Z' },
};

const awkward = [
  { id: 'a', text: 'line\nbreak\r\nand "quotes" and \\ and \u2028 separators', nested: { list: [1, [2, []], {}] } },
  { id: 'b', unknown_field: null, empty: '', emoji: '🧠👩‍👩‍👧‍👦', control: '\u0000\u001b', number: -0.5e-7 },
  { id: 'c', deep: { a: { b: { c: [{ d: 'e' }] } } }, transcript_segments: [] },
];

async function written(pages: unknown[][], head: ExportHeader = header): Promise<string> {
  const body = memorySink();
  const writer = new JsonExportWriter<unknown>(head, body);
  for (const page of pages) await writer.writeItems(page);
  const text = writer.head();
  assert.equal(Buffer.byteLength(text), JsonExportWriter.headBytes(head), 'the head fills the room kept for it');
  return text + body.chunks.join('') + writer.tail();
}

/** The text without the spaces that keep the head one size whatever the count. */
function unpadded(text: string): string {
  return text.replace(/^( {2}"count": \d+,) +\n/m, '$1\n');
}

describe('JsonExportWriter', () => {
  it('writes JSON.stringify(document, null, 2), count before items, the count line padded with spaces', async () => {
    const text = await written([awkward.slice(0, 2), [], awkward.slice(2)]);
    const expected = `${JSON.stringify({ ...header, count: 3, items: awkward }, null, 2)}\n`;
    assert.equal(unpadded(text), expected);
    assert.match(text, /\n {2}"count": 3, {15}\n {2}"items": \[\n/);
    assert.deepEqual(JSON.parse(text).items, awkward);
    assert.ok(text.indexOf('"count": 3') < text.indexOf('"items"'));
  });

  it('is valid for no items and for empty filters', async () => {
    const empty = { ...header, filters: {} };
    const expected = `${JSON.stringify({ ...empty, count: 0, items: [] }, null, 2)}\n`;
    assert.equal(unpadded(await written([], empty)), expected);
    assert.equal(unpadded(await written([[], []], empty)), expected);
  });

  it('streams: each page is written as it arrives, as one text after its separator', async () => {
    const body = memorySink();
    const writer = new JsonExportWriter<unknown>(header, body);
    await writer.writeItems([{ id: 1 }]);
    assert.deepEqual(body.chunks.map(String), ['\n', '    {\n      "id": 1\n    }']);
    await writer.writeItems([{ id: 2 }, { id: 3 }]);
    assert.equal(body.chunks.length, 4);
    assert.equal(String(body.chunks[2]), ',\n');
    assert.equal(writer.count, 3);
  });

  it('tells the bytes a lone item was written as: a JSON text of it, for the checkpoint and cache to write too', async () => {
    const body = memorySink();
    const told: [unknown, Buffer][] = [];
    const writer = new JsonExportWriter<unknown>(header, body, (item, bytes) => told.push([item, bytes]));
    await writer.writeItems([awkward[0]]);
    await writer.writeItems([awkward[1]]);
    await writer.writeItems(awkward.slice(1));
    assert.equal(told.length, 2, 'only for items written alone');
    for (const [index, [item, bytes]] of told.entries()) {
      assert.equal(item, awkward[index]);
      assert.deepEqual(JSON.parse(bytes.toString('utf8')), awkward[index]);
    }
    assert.equal(body.chunks[3], told[1]![1], 'the very bytes of the file');
  });

  it('handles many pages of many items', async () => {
    const pages = Array.from({ length: 20 }, (_, p) =>
      Array.from({ length: 50 }, (_, i) => ({ id: `${p}-${i}`, v: [p, i, { s: 'x'.repeat(i) }] })),
    );
    const text = await written(pages);
    assert.equal(unpadded(text), `${JSON.stringify({ ...header, count: 1000, items: pages.flat() }, null, 2)}\n`);
  });
});

describe('JsonLinesWriter', () => {
  it('writes one object per line and nothing else', async () => {
    const body = memorySink();
    const writer = new JsonLinesWriter<unknown>(body);
    await writer.writeItems(awkward);
    const text = writer.head() + body.chunks.join('') + writer.tail();
    const lines = text.split('\n');
    assert.equal(lines.pop(), '', 'ends with a newline');
    assert.deepEqual(
      lines.map((line) => JSON.parse(line)),
      awkward,
    );
    assert.equal(writer.count, 3);
  });

  it('writes the lines from the bytes others write too', async () => {
    const body = memorySink();
    const asked: unknown[] = [];
    const writer = new JsonLinesWriter<unknown>(body, (item) => {
      asked.push(item);
      return jsonBytes(item);
    });
    await writer.writeItems(awkward);
    assert.equal(body.chunks.join(''), awkward.map((item) => `${JSON.stringify(item)}\n`).join(''));
    assert.deepEqual(asked, awkward, 'each item asked for once');
  });
});
