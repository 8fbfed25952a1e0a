import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TargetExistsError } from '../../../src/export/exportFile';
import { JsonExportWriter } from '../../../src/export/jsonExportWriter';
import { NodeExportFile } from '../../../src/export/nodeExportFile';

describe('NodeExportFile', () => {
  let folder: string;
  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'omi-export-test-'));
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  const header = { kind: 'memories' as const, exportedAt: '2026-11-28T10:50:00.000Z', source: 'x', filters: {} };

  it('streams pages to a temporary file, head written into the room kept for it, name shown only when complete', async () => {
    const file = new NodeExportFile(folder, 'out.json', JsonExportWriter.headBytes(header));
    const writer = new JsonExportWriter<unknown>(header, file);
    const items = Array.from({ length: 3000 }, (_, i) => ({ id: `m${i}`, content: 'x'.repeat(200) }));
    for (let i = 0; i < items.length; i += 1000) {
      await writer.writeItems(items.slice(i, i + 1000));
      assert.deepEqual(
        fs.readdirSync(folder).filter((n) => !n.startsWith('.')),
        [],
        'nothing visible while writing',
      );
    }
    await file.complete(writer.head(), writer.tail());
    await file.place('out.json', false);
    await file.discard();
    assert.deepEqual(fs.readdirSync(folder), ['out.json'], 'no temporary files left');
    const text = fs.readFileSync(path.join(folder, 'out.json'), 'utf8');
    assert.deepEqual(JSON.parse(text), { ...header, count: 3000, items });
    assert.equal(text, `${writer.head()}${text.slice(JsonExportWriter.headBytes(header))}`, 'the head opens the file');
    assert.ok(text.endsWith('\n  ]\n}\n'));
  });

  it('continues a kept body where its last complete page ended, and leaves it there when discarded', async () => {
    const kept = path.join(folder, 'checkpoint-body');
    const room = JsonExportWriter.headBytes(header);
    const items = Array.from({ length: 5 }, (_, i) => ({ id: `m${i}` }));
    const first = new NodeExportFile(folder, 'out.json', room, { path: kept, at: room });
    const firstWriter = new JsonExportWriter<unknown>(header, first);
    await firstWriter.writeItems(items.slice(0, 3));
    const end = first.end;
    await firstWriter.writeItems([{ id: 'a page never completed' }]);
    await first.discard();
    assert.equal(fs.statSync(kept).size, first.end, 'written out, and kept');
    assert.deepEqual(fs.readdirSync(folder), ['checkpoint-body'], 'nothing in the folder but the kept body');

    const second = new NodeExportFile(folder, 'out.json', room, { path: kept, at: end });
    const writer = new JsonExportWriter<unknown>(header, second, undefined, 3);
    await writer.writeItems(items.slice(3));
    await second.complete(writer.head(), writer.tail());
    await second.place('out.json', false);
    await second.discard();
    assert.deepEqual(fs.readdirSync(folder), ['out.json'], 'moved into place');
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(folder, 'out.json'), 'utf8')), {
      ...header,
      count: 5,
      items,
    });
  });

  it('moves a body kept on another file system by copying it beside its name', async function () {
    if (!fs.existsSync('/dev/shm')) this.skip();
    const elsewhere = fs.mkdtempSync('/dev/shm/omi-export-test-');
    try {
      const kept = path.join(elsewhere, 'body');
      const file = new NodeExportFile(folder, 'out.json', 0, { path: kept, at: 0 });
      await file.write(Buffer.from('{"id":"m1"}\n'));
      await file.complete('', '');
      fs.writeFileSync(path.join(folder, 'out.jsonl'), 'the user’s own');
      await assert.rejects(file.place('out.jsonl', false), TargetExistsError);
      await file.place('out (2).jsonl', false);
      assert.deepEqual(fs.readdirSync(folder).sort(), ['out (2).jsonl', 'out.jsonl']);
      assert.equal(fs.readFileSync(path.join(folder, 'out.jsonl'), 'utf8'), 'the user’s own');
      assert.equal(fs.readFileSync(path.join(folder, 'out (2).jsonl'), 'utf8'), '{"id":"m1"}\n');
      assert.equal(fs.existsSync(kept), false);
    } finally {
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('refuses a head that does not fit the room kept for it, rather than write over the body', async () => {
    const file = new NodeExportFile(folder, 'out.json', 10);
    await file.write('body');
    await assert.rejects(file.complete('too long a head', ''), /15 bytes, not the 10/);
    await file.discard();
    assert.deepEqual(fs.readdirSync(folder), []);
  });

  it('never replaces an existing file unless asked, and keeps the completed file for another name', async () => {
    fs.writeFileSync(path.join(folder, 'out.json'), 'precious');
    const file = new NodeExportFile(folder, 'out.json');
    await file.write('{"new": true}\n');
    await file.complete('', '');
    await assert.rejects(file.place('out.json', false), TargetExistsError);
    assert.equal(fs.readFileSync(path.join(folder, 'out.json'), 'utf8'), 'precious');
    await file.place('out (2).json', false);
    assert.equal(fs.readFileSync(path.join(folder, 'out (2).json'), 'utf8'), '{"new": true}\n');

    const replacing = new NodeExportFile(folder, 'out.json');
    await replacing.write('replaced');
    await replacing.complete('', '');
    await replacing.place('out.json', true);
    assert.equal(fs.readFileSync(path.join(folder, 'out.json'), 'utf8'), 'replaced');
    assert.deepEqual(fs.readdirSync(folder).sort(), ['out (2).json', 'out.json']);
  });

  it('leaves nothing behind when discarded half-way', async () => {
    const file = new NodeExportFile(folder, 'out.json');
    await file.write('partial');
    await file.discard();
    await file.discard();
    assert.deepEqual(fs.readdirSync(folder), []);
  });

  it('fails (and cleans up) when the folder is gone', async () => {
    const file = new NodeExportFile(path.join(folder, 'missing'), 'out.json');
    await assert.rejects(file.write('x'), /ENOENT/);
    await file.discard();
  });
});
