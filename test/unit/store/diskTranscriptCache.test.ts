import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Conversation } from '../../../src/api/models';
import { DiskTranscriptCache } from '../../../src/store/diskTranscriptCache';
import { LayeredTranscriptCache } from '../../../src/store/layeredTranscriptCache';
import { MemoryTranscriptCache } from '../../../src/store/transcriptCache';
import { jsonBytesOnce } from '../../../src/util/jsonBytes';

function conversation(id: string, text = 'hello', segments = 1): Conversation {
  return {
    id,
    created_at: null,
    started_at: null,
    finished_at: null,
    structured: { title: id, overview: '', emoji: '', category: 'other', action_items: [], events: [] },
    transcript_segments: Array.from({ length: segments }, (_, i) => ({
      text,
      speaker_id: i % 2,
      start: i,
      end: i + 0.5,
    })),
    a_field_from_the_future: [1, { nested: null }],
  };
}

const ACCOUNT = () => 'account-a';

describe('transcripts cached on disk', () => {
  let directory: string;
  beforeEach(() => {
    directory = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'omi-disk-cache-')), 'transcripts');
  });
  afterEach(() => fs.rmSync(path.dirname(directory), { recursive: true, force: true }));

  it('keeps each account’s transcripts apart, and keeps none without an account', async () => {
    await new DiskTranscriptCache(directory, ACCOUNT).set('abc', conversation('abc'));
    assert.equal(await new DiskTranscriptCache(directory, () => 'account-b').get('abc'), undefined, 'another key');
    assert.ok(await new DiskTranscriptCache(directory, ACCOUNT).get('abc'), 'the same account');
    const signedOut = new DiskTranscriptCache(directory, () => undefined);
    await signedOut.set('xyz', conversation('xyz'));
    assert.equal(await signedOut.get('abc'), undefined);
    assert.equal(fs.readdirSync(directory).length, 1, 'nothing written without an account');
  });

  it('gives back exactly what was stored, across instances (a reload)', async () => {
    const stored = conversation('abc');
    await new DiskTranscriptCache(directory, ACCOUNT).set('abc', stored);
    const again = await new DiskTranscriptCache(directory, ACCOUNT).get('abc');
    assert.deepEqual(again, stored);
    assert.equal(await new DiskTranscriptCache(directory, ACCOUNT).get('other'), undefined);
  });

  it('names files by a hash of the id, so no id can choose a path', async () => {
    const cache = new DiskTranscriptCache(directory, ACCOUNT);
    const ids = ['../../etc/passwd', '..\\..\\x', 'CON', 'NUL.txt', 'aux:prn|com1?*"<lpt1>', '', '🧠'];
    for (const id of ids) await cache.set(id, conversation(id));
    const names = fs.readdirSync(directory);
    assert.equal(names.length, ids.length);
    for (const name of names) assert.match(name, /^[0-9a-f]{40}\.json$/);
    for (const id of ids) assert.equal((await cache.get(id))?.id, id);
    assert.deepEqual(fs.readdirSync(path.dirname(directory)), ['transcripts'], 'nothing written outside its folder');
  });

  it('treats a corrupt, foreign or mismatched file as a miss and removes it', async () => {
    const cache = new DiskTranscriptCache(directory, ACCOUNT);
    await cache.set('a', conversation('a'));
    const file = cache.fileFor('a')!;
    fs.writeFileSync(file, '{"version":1,"id":"a","conversation":');
    assert.equal(await cache.get('a'), undefined);
    assert.ok(!fs.existsSync(file));
    // Another id's content under this id's name (a hash collision, or tampering).
    await cache.set('b', conversation('b'));
    fs.copyFileSync(cache.fileFor('b')!, file);
    assert.equal(await cache.get('a'), undefined);
  });

  it('bounds its size, dropping the transcripts used longest ago', async () => {
    const big = (id: string) => conversation(id, 'x'.repeat(1000), 1);
    const entrySize = Buffer.byteLength(JSON.stringify({ version: 1, id: 'c1', conversation: big('c1') }));
    const cache = new DiskTranscriptCache(directory, ACCOUNT, entrySize * 3 + 10);
    for (const id of ['c1', 'c2', 'c3']) {
      await cache.set(id, big(id));
      // mtime resolution: make "used longest ago" unambiguous.
      const past = new Date(Date.now() - 60_000 * (4 - Number(id.slice(1))));
      fs.utimesSync(cache.fileFor(id)!, past, past);
    }
    assert.ok(await cache.get('c1'), 'reading c1 makes it the most recently used');
    await cache.set('c4', big('c4'));
    await cache.size();
    assert.equal(await cache.get('c2'), undefined, 'the least recently used went');
    for (const id of ['c1', 'c3', 'c4']) assert.ok(await cache.get(id), `${id} stays`);
    assert.ok((await cache.size()) <= entrySize * 3 + 10);
  });

  it('lets a bulk write fill only the room left, never evicting what is there', async () => {
    const big = (id: string) => conversation(id, 'x'.repeat(1000), 1);
    const entrySize = Buffer.byteLength(JSON.stringify({ version: 1, id: 'c1', conversation: big('c1') }));
    const cache = new DiskTranscriptCache(directory, ACCOUNT, entrySize * 3 + 10);
    await cache.set('op', big('op'));
    for (const id of ['e1', 'e2', 'e3', 'e4']) await cache.set(id, big(id), undefined, { intoFreeRoom: true });
    assert.ok(await cache.get('op'), 'the transcript the user opened stays');
    assert.ok((await cache.get('e1')) && (await cache.get('e2')), 'the export filled the room there was');
    assert.equal(await cache.get('e3'), undefined, 'and no more');
    assert.equal(await cache.get('e4'), undefined);
  });

  it('skips a transcript larger than the whole cache', async () => {
    const cache = new DiskTranscriptCache(directory, ACCOUNT, 500);
    await cache.set('huge', conversation('huge', 'y'.repeat(1000)));
    assert.equal(await cache.get('huge'), undefined);
  });

  it('clear() removes everything, even writes queued just before it', async () => {
    const cache = new DiskTranscriptCache(directory, ACCOUNT);
    const writes = [cache.set('a', conversation('a')), cache.set('b', conversation('b'))];
    const cleared = cache.clear();
    await Promise.all([...writes, cleared]);
    assert.ok(!fs.existsSync(directory));
    assert.equal(await cache.get('a'), undefined);
    await cache.set('c', conversation('c'));
    assert.ok(await cache.get('c'), 'usable after clearing');
  });

  it('reads without waiting for writes, seeing one still being written, but never past a clear()', async () => {
    const cache = new DiskTranscriptCache(directory, ACCOUNT);
    const stored = conversation('w', 'being written', 200);
    const writing = cache.set('w', stored);
    assert.equal(await cache.get('w'), stored, 'the transcript on its way to disk');
    await writing;
    assert.deepEqual(await cache.get('w'), stored);
    const again = cache.set('x', conversation('x'));
    const cleared = cache.clear();
    assert.equal(await cache.get('x'), undefined, 'a write queued before clear() is cleared too');
    await Promise.all([again, cleared]);
    assert.equal(await cache.get('w'), undefined);
  });

  it('leaves no temporary files behind', async () => {
    const cache = new DiskTranscriptCache(directory, ACCOUNT);
    await Promise.all(Array.from({ length: 10 }, (_, i) => cache.set(`id${i}`, conversation(`id${i}`, 't', 50))));
    assert.ok(fs.readdirSync(directory).every((name) => name.endsWith('.json')));
  });
});

describe('transcripts cached in memory, then on disk', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'omi-layered-cache-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('writes to both, reads memory first, and refills memory from disk', async () => {
    const memory = new MemoryTranscriptCache();
    const disk = new DiskTranscriptCache(path.join(root, 't'), ACCOUNT);
    const layered = new LayeredTranscriptCache(memory, disk);
    const stored = conversation('x');
    await layered.set('x', stored);
    assert.equal(memory.get('x'), stored);
    assert.deepEqual(await disk.get('x'), stored);

    memory.clear();
    const fromDisk = await layered.get('x');
    assert.deepEqual(fromDisk, stored);
    assert.equal(memory.get('x'), fromDisk, 'kept in memory after a disk hit');

    await layered.clear();
    assert.equal(memory.get('x'), undefined);
    assert.equal(await disk.get('x'), undefined);
  });

  it('forgets one conversation in both, keeping the others', async () => {
    const memory = new MemoryTranscriptCache();
    const disk = new DiskTranscriptCache(path.join(root, 't'), ACCOUNT);
    const layered = new LayeredTranscriptCache(memory, disk);
    await layered.set('gone', conversation('gone'));
    await layered.set('kept', conversation('kept'));
    await layered.delete('gone');
    assert.equal(memory.get('gone'), undefined);
    assert.equal(await disk.get('gone'), undefined);
    assert.equal(await layered.get('gone'), undefined);
    assert.equal((await layered.get('kept'))?.id, 'kept');
    await layered.delete('never-cached');
  });

  it('lets a bulk read (an export) use the cache without filling memory', async () => {
    const memory = new MemoryTranscriptCache();
    const disk = new DiskTranscriptCache(path.join(root, 't'), ACCOUNT);
    const layered = new LayeredTranscriptCache(memory, disk);
    await layered.set('opened', conversation('opened'));
    await disk.set('on-disk', conversation('on-disk'));
    const bulk = layered.forBulkReads();
    assert.equal(await bulk.get('opened'), memory.get('opened'), 'what the session holds is used');
    assert.deepEqual(await bulk.get('on-disk'), conversation('on-disk'));
    assert.equal(memory.get('on-disk'), undefined, 'a disk hit stays on disk');
    const fetched = Array.from({ length: 20 }, (_, i) => conversation(`new${i}`));
    for (const c of fetched) await bulk.set(c.id, c);
    assert.equal(memory.get('new0'), undefined, 'a fetched transcript is not kept in memory');
    assert.equal(await disk.get('new0'), undefined, 'nor written before the export writes it');
    const bytes = jsonBytesOnce();
    const indented = Buffer.from(JSON.stringify(fetched[0], null, 2));
    bytes.remember(fetched[0]!, indented);
    const writing = layered.forBulkReads(bytes);
    for (const c of fetched) await writing.set(c.id, c);
    assert.equal(await writing.get('new5'), fetched[5], 'what the export fetched counts before it is written');
    for (const c of fetched.slice(0, 19)) await writing.written(c);
    writing.end();
    const late = conversation('late');
    await writing.set(late.id, late); // the rest of an answer the export stopped reading
    await disk.size(); // waits for the queued writes
    assert.deepEqual(await disk.get('late'), late, 'what is fetched after the end goes to disk at once');
    assert.deepEqual(await disk.get('new0'), fetched[0], 'written to disk behind the export');
    const file = disk.fileFor('new0')!;
    assert.ok(fs.readFileSync(file).includes(indented), 'in the bytes the export wrote it as');
    assert.deepEqual(
      await disk.get('new19'),
      fetched[19],
      'what the export fetched and did not write is kept at its end',
    );
  });

  it('works on as a memory cache when the disk fails', async () => {
    const blocked = path.join(root, 'file');
    fs.writeFileSync(blocked, 'not a directory');
    const layered = new LayeredTranscriptCache(
      new MemoryTranscriptCache(),
      new DiskTranscriptCache(path.join(blocked, 't'), ACCOUNT),
    );
    await layered.set('x', conversation('x'));
    assert.equal((await layered.get('x'))?.id, 'x');
    await layered.clear();
  });
});
