import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from '../../../src/api/paging';
import {
  CHECKPOINT_MAX_AGE_MS,
  checkpointName,
  type ExportCheckpoint,
  ExportCheckpoints,
  type ExportIdentity,
  parseManifest,
  resumePoint,
} from '../../../src/export/exportCheckpoint';
import { jsonBytesOnce } from '../../../src/util/jsonBytes';

interface Item {
  id: string;
  [field: string]: unknown;
}

const IDENTITY: ExportIdentity = {
  account: 'account-hash',
  source: 'https://api.omi.me/v1/dev',
  kind: 'memories',
  filters: { categories: ['work'] },
  body: 'jsonl',
};

function page(offset: number, count: number, limit = 10): Page<Item> {
  return {
    offset,
    limit,
    items: Array.from({ length: count }, (_, i) => ({ id: `m${offset + i}`, from_the_future: { n: i, x: null } })),
  };
}

async function saved(checkpoint: ExportCheckpoint<Item>): Promise<Page<Item>[]> {
  const pages: Page<Item>[] = [];
  for await (const p of checkpoint.savedPages()) pages.push(p);
  return pages;
}

/** Every file under `folder`, with its text. */
function filesUnder(folder: string): { name: string; text: string }[] {
  if (!fs.existsSync(folder)) return [];
  return fs.readdirSync(folder, { recursive: true, withFileTypes: true }).flatMap((entry) => {
    if (!entry.isFile()) return [];
    const file = path.join(entry.parentPath, entry.name);
    return [{ name: path.relative(folder, file), text: fs.readFileSync(file, 'utf8') }];
  });
}

describe('export checkpoints', () => {
  let directory: string;
  let now: number;
  let logged: string[];
  const checkpoints = () => new ExportCheckpoints(directory, { now: () => now, log: (line) => logged.push(line) });

  beforeEach(() => {
    directory = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'omi-checkpoints-')), 'export-checkpoints');
    now = Date.parse('2025-03-01T12:00:00Z');
    logged = [];
  });
  afterEach(() => fs.rmSync(path.dirname(directory), { recursive: true, force: true }));

  it('names an export by what it asks for, whatever the order of its filters, and by the layout of its body', () => {
    const same = { ...IDENTITY, filters: { ...IDENTITY.filters } };
    assert.equal(checkpointName(same), checkpointName(IDENTITY));
    const reordered: ExportIdentity = {
      kind: 'memories',
      filters: { b: 1, a: 2 },
      source: 's',
      account: 'a',
      body: 'json',
    };
    assert.equal(
      checkpointName(reordered),
      checkpointName({ account: 'a', source: 's', kind: 'memories', filters: { a: 2, b: 1 }, body: 'json' }),
    );
    const others: ExportIdentity[] = [
      { ...IDENTITY, body: 'json' },
      { ...IDENTITY, account: 'another-account' },
      { ...IDENTITY, source: 'http://127.0.0.1:1/v1/dev' },
      { ...IDENTITY, kind: 'actionItems' },
      { ...IDENTITY, filters: { categories: ['work', 'hobbies'] } },
      { ...IDENTITY, filters: {} },
    ];
    for (const other of others) assert.notEqual(checkpointName(other), checkpointName(IDENTITY), JSON.stringify(other));
    assert.match(checkpointName(IDENTITY), /^[0-9a-f]{40}$/);
  });

  it('starts empty, keeps each page as it is saved, and continues after the last one', async () => {
    const first = await checkpoints().open<Item>(IDENTITY);
    assert.ok(first);
    assert.equal(first.resumed, undefined, 'nothing to continue the first time');
    await first.save(page(0, 10));
    await first.save(page(10, 7)); // a short page is not the last: the next starts at offset + limit
    await first.release();

    const second = await checkpoints().open<Item>(IDENTITY);
    assert.ok(second);
    assert.deepEqual(second.resumed, { count: 17, nextOffset: 20, done: false, end: second.end });
    assert.deepEqual(await saved(second), [page(0, 10), page(10, 7)], 'the items exactly, unknown fields included');
    assert.deepEqual(logged, []);
  });

  it('saves a page in parts as they are written, and keeps it for a later run only once it is complete', async () => {
    const first = await checkpoints().open<Item>(IDENTITY);
    assert.ok(first);
    const whole = page(0, 10);
    await first.add(whole, whole.items.slice(0, 4));
    await first.add(whole, []);
    await first.add(whole, whole.items.slice(4, 9));
    await first.commit(whole);
    const next = page(10, 3);
    await first.add(next, next.items.slice(0, 2));
    await first.release();

    const second = await checkpoints().open<Item>(IDENTITY);
    assert.ok(second);
    assert.equal(second.resumed?.count, 9, 'the page in progress is not kept');
    assert.equal(second.resumed?.nextOffset, 10);
    assert.deepEqual(await saved(second), [{ ...whole, items: whole.items.slice(0, 9) }]);
    const empty = page(10, 0);
    await second.commit(empty);
    await second.release();
    const third = await checkpoints().open<Item>(IDENTITY);
    assert.equal(third?.resumed?.nextOffset, 20, 'a page with nothing in it counts too');
    assert.deepEqual(await saved(third!), [{ ...whole, items: whole.items.slice(0, 9) }, empty]);
    const bytes = jsonBytesOnce();
    const last = page(20, 5);
    await third!.add(last, last.items.slice(0, 2), bytes);
    await third!.add(last, last.items.slice(2), bytes);
    await third!.commit(last);
    await third!.release();
    const fourth = await checkpoints().open<Item>(IDENTITY);
    assert.deepEqual((await saved(fourth!)).at(-1), last, 'the same from the bytes of each item');
    assert.deepEqual(logged, []);
  });

  it('keeps a body the export writes itself: pages by where they end, continued as it is', async () => {
    const json: ExportIdentity = { ...IDENTITY, body: 'json' };
    const first = await checkpoints().open<Item>(json, 40);
    assert.ok(first);
    assert.equal(first.end, 40, 'the first item goes after the room for the head');
    // The export's writer lays out the body; the checkpoint only learns where each page ends.
    const body = (items: Item[], first: boolean) =>
      Buffer.from(items.map((item, i) => `${first && i === 0 ? '\n' : ',\n'}    ${JSON.stringify(item)}`).join(''));
    const one = page(0, 3);
    const two = page(10, 2);
    fs.mkdirSync(path.dirname(first.bodyPath), { recursive: true });
    fs.writeFileSync(first.bodyPath, Buffer.concat([Buffer.alloc(40), body(one.items, true)]));
    await first.commit(one, { count: 3, end: fs.statSync(first.bodyPath).size });
    fs.appendFileSync(first.bodyPath, body(two.items, false));
    await first.commit(two, { count: 2, end: fs.statSync(first.bodyPath).size });
    fs.appendFileSync(first.bodyPath, body(page(20, 1).items, false)); // a page never completed
    await first.release();

    const second = await checkpoints().open<Item>(json, 40);
    assert.ok(second);
    assert.deepEqual(second.resumed, { count: 5, nextOffset: 20, done: false, end: second.end });
    assert.equal(second.end, 40 + body(one.items, true).length + body(two.items, false).length, 'not the page after');
    assert.deepEqual(
      second.keptPages().map(({ offset, count }) => ({ offset, count })),
      [
        { offset: 0, count: 3 },
        { offset: 10, count: 2 },
      ],
    );
    assert.deepEqual(await saved(second), [one, two], 'and read back from the body when asked');
    await second.release();
    assert.equal((await checkpoints().open<Item>(IDENTITY))?.resumed, undefined, 'JSON Lines are another export');
    assert.equal((await checkpoints().open<Item>(json, 41))?.resumed, undefined, 'another head starts over');
  });

  it('given up, forgets its pages but leaves the body the export is writing', async () => {
    const checkpoint = await checkpoints().open<Item>({ ...IDENTITY, body: 'json' });
    fs.mkdirSync(path.dirname(checkpoint!.bodyPath), { recursive: true });
    fs.writeFileSync(checkpoint!.bodyPath, '\n{}');
    fs.mkdirSync(path.join(path.dirname(checkpoint!.bodyPath), 'manifest.json')); // a manifest cannot be written
    await checkpoint!.commit(page(0, 1), { count: 1, end: 3 });
    assert.equal(checkpoint!.count, 0);
    assert.match(logged.join('\n'), /Could not save the memories export's progress/);
    assert.equal(fs.readFileSync(checkpoint!.bodyPath, 'utf8'), '\n{}');
  });

  it('remembers that the list ended, so a later run fetches nothing', async () => {
    const first = await checkpoints().open<Item>(IDENTITY);
    await first!.save(page(0, 3));
    await first!.finish();
    await first!.release();
    const second = await checkpoints().open<Item>(IDENTITY);
    assert.equal(second!.resumed?.count, 3);
    assert.equal(second!.resumed?.nextOffset, 10);
    assert.equal(second!.resumed?.done, true);
  });

  it('is left alone while an export of another window uses it, and taken over once that window is gone', async () => {
    const first = await checkpoints().open<Item>(IDENTITY);
    await first!.save(page(0, 10));
    await first!.release();
    const lock = path.join(directory, checkpointName(IDENTITY), 'lock');
    fs.writeFileSync(lock, String(process.ppid)); // a process that is running: another window's extension host
    assert.equal(await checkpoints().open<Item>(IDENTITY), undefined, 'in use elsewhere');
    now += CHECKPOINT_MAX_AGE_MS + 1;
    const other = await checkpoints().open<Item>({ ...IDENTITY, kind: 'actionItems' });
    await other!.release();
    assert.ok(fs.existsSync(lock), 'not deleted as old by another export meanwhile');
    now -= CHECKPOINT_MAX_AGE_MS + 1;

    const gone = spawnSync(process.execPath, ['-e', 'process.pid']);
    fs.writeFileSync(lock, String(gone.pid));
    const taken = await checkpoints().open<Item>(IDENTITY);
    assert.equal(taken?.resumed?.count, 10, 'a window that is gone holds nothing');
    assert.equal(fs.readFileSync(lock, 'utf8'), String(process.pid));
    await taken!.release();
    assert.equal(fs.existsSync(lock), false, 'released');
  });

  it('is lent to one export at a time in a window', async () => {
    const store = checkpoints();
    const first = await store.open<Item>(IDENTITY);
    assert.ok(first);
    assert.equal(await store.open(IDENTITY), undefined, 'the same export again, while the first runs');
    assert.ok(await store.open({ ...IDENTITY, kind: 'actionItems' }), 'another export');
    await first.release();
    assert.ok(await store.open(IDENTITY), 'free again');
  });

  it('keeps exports apart: another filter starts fresh and leaves the first one’s pages', async () => {
    const first = await checkpoints().open<Item>(IDENTITY);
    await first!.save(page(0, 10));
    await first!.release();
    const other = await checkpoints().open<Item>({ ...IDENTITY, filters: {} });
    assert.equal(other!.resumed, undefined);
    await other!.release();
    assert.equal((await checkpoints().open<Item>(IDENTITY))!.resumed?.count, 10);
  });

  it('ignores and deletes a checkpoint older than an hour', async () => {
    const first = await checkpoints().open<Item>(IDENTITY);
    await first!.save(page(0, 10));
    await first!.release();
    now += CHECKPOINT_MAX_AGE_MS + 1;
    const later = await checkpoints().open<Item>(IDENTITY);
    assert.equal(later!.resumed, undefined);
    assert.deepEqual(await saved(later!), []);
    await later!.release();
    assert.deepEqual(filesUnder(directory), [], 'its pages are gone');
    assert.match(logged.join('\n'), /older than an hour/);
  });

  it('counts the hour from the last page saved, not from the first', async () => {
    const first = await checkpoints().open<Item>(IDENTITY);
    await first!.save(page(0, 10));
    now += CHECKPOINT_MAX_AGE_MS - 1000;
    await first!.save(page(10, 10));
    await first!.release();
    now += 2000;
    assert.equal((await checkpoints().open<Item>(IDENTITY))!.resumed?.count, 20);
  });

  it('deletes other exports’ old checkpoints when any export opens one', async () => {
    const old = await checkpoints().open<Item>({ ...IDENTITY, kind: 'actionItems' });
    await old!.save(page(0, 10));
    await old!.release();
    now += CHECKPOINT_MAX_AGE_MS + 1;
    const fresh = await checkpoints().open<Item>(IDENTITY);
    await fresh!.save(page(0, 1));
    await fresh!.release();
    assert.deepEqual(fs.readdirSync(directory), [checkpointName(IDENTITY)]);
  });

  it('starts over when the body was cut short or lost, rather than writing a broken export', async () => {
    const first = await checkpoints().open<Item>(IDENTITY);
    await first!.save(page(0, 10));
    await first!.save(page(10, 10));
    await first!.release();
    const folder = path.join(directory, checkpointName(IDENTITY));
    fs.truncateSync(path.join(folder, 'body'), first!.end - 1);
    const second = await checkpoints().open<Item>(IDENTITY);
    assert.equal(second!.resumed, undefined);
    assert.match(logged.join('\n'), /could not be read/);
  });

  it('starts over when the manifest is unreadable', async () => {
    const first = await checkpoints().open<Item>(IDENTITY);
    await first!.save(page(0, 10));
    await first!.release();
    fs.writeFileSync(path.join(directory, checkpointName(IDENTITY), 'manifest.json'), '{"version":1,');
    assert.equal((await checkpoints().open<Item>(IDENTITY))!.resumed, undefined);
  });

  it('is deleted once the export is written, and saves nothing after that', async () => {
    const checkpoint = await checkpoints().open<Item>(IDENTITY);
    await checkpoint!.save(page(0, 10));
    await checkpoint!.delete();
    await checkpoint!.save(page(10, 10));
    assert.deepEqual(filesUnder(directory), []);
  });

  it('gives up saving, with a line in the log, when its folder cannot be written', async () => {
    fs.mkdirSync(path.dirname(directory), { recursive: true });
    fs.writeFileSync(directory, 'a file where the folder should be');
    const checkpoint = await checkpoints().open<Item>(IDENTITY);
    await checkpoint!.save(page(0, 10));
    assert.equal(checkpoint!.count, 0);
    assert.match(logged.join('\n'), /Could not save the memories export's progress/);
  });

  it('clear() deletes every checkpoint (sign-out, Clear Cache)', async () => {
    const store = checkpoints();
    const checkpoint = await store.open<Item>(IDENTITY);
    await checkpoint!.save(page(0, 10));
    await checkpoint!.release();
    await store.clear();
    assert.equal(fs.existsSync(directory), false);
  });

  it('writes no key and nothing but the body and a manifest', async () => {
    const key = 'omi_dev_0123456789abcdef0123456789abcdef';
    const checkpoint = await checkpoints().open<Item>(IDENTITY);
    await checkpoint!.save(page(0, 2));
    await checkpoint!.release();
    const files = filesUnder(directory);
    assert.deepEqual(files.map((f) => path.basename(f.name)).sort(), ['body', 'manifest.json']);
    assert.ok(
      files.every((f) => f.text !== String(process.pid)),
      'the lock went with the export',
    );
    for (const file of files) assert.ok(!file.text.includes(key) && !file.name.includes(key));
  });

  describe('the manifest', () => {
    const valid = {
      version: 2,
      kind: 'memories',
      body: 'json',
      start: 100,
      createdAt: '2025-03-01T12:00:00.000Z',
      savedAt: '2025-03-01T12:00:00.000Z',
      pages: [
        { offset: 0, limit: 1000, count: 1000, end: 5000 },
        { offset: 1000, limit: 1000, count: 990, end: 9000 },
      ],
      done: false,
    };

    it('says where to continue: after the last page, counting what each page held', () => {
      const manifest = parseManifest(JSON.stringify(valid));
      assert.ok(manifest);
      assert.deepEqual(resumePoint(manifest), { count: 1990, nextOffset: 2000, done: false, end: 9000 });
      assert.deepEqual(resumePoint({ ...manifest, pages: [] }), { count: 0, nextOffset: 0, done: false, end: 100 });
    });

    it('is refused when it is not one this version wrote, or its pages leave a gap', () => {
      const broken = [
        'not json',
        'null',
        JSON.stringify({ ...valid, version: 1 }),
        JSON.stringify({ ...valid, body: 'csv' }),
        JSON.stringify({ ...valid, start: -1 }),
        JSON.stringify({ ...valid, pages: [valid.pages[0], { ...valid.pages[1], end: 4000 }] }),
        JSON.stringify({ ...valid, pages: [{ ...valid.pages[0], end: 50 }] }),
        JSON.stringify({ ...valid, savedAt: 'yesterday' }),
        JSON.stringify({ ...valid, pages: [valid.pages[1]] }),
        JSON.stringify({ ...valid, pages: [{ ...valid.pages[0], count: -1 }] }),
        JSON.stringify({ ...valid, done: 'no' }),
      ];
      for (const text of broken) assert.equal(parseManifest(text), undefined, text);
    });
  });
});
