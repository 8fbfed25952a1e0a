import * as assert from 'node:assert/strict';
import { type Folder, type Sandbox, type SandboxOptions, startSandbox } from '../../src/sandbox';
import { assertDocumentedNotFound, call, issues } from './sandbox-http';

const BASE: SandboxOptions = { port: 0, seed: 42, memories: 20, actionItems: 20, conversations: 80, shortPages: false };
const FIELDS = [
  'color',
  'conversation_count',
  'created_at',
  'description',
  'icon',
  'id',
  'is_default',
  'is_system',
  'name',
  'order',
  'updated_at',
];

interface Row {
  id: string;
  folder_id: string | null;
  folder_name: string | null;
  starred: boolean;
}

describe('sandbox folders and starred (real flavor)', () => {
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await startSandbox(BASE);
  });
  after(() => sandbox.close());

  it('lists folders in order with the real fields and live conversation counts', async () => {
    const { status, body } = await call<Folder[]>(sandbox, 'GET', '/user/folders', { key: sandbox.restrictedKey });
    assert.equal(status, 200);
    assert.deepEqual(
      body.map((f) => f.name),
      ['Work', 'Personal', 'Health', 'Side project', 'Social'],
    );
    assert.deepEqual(
      body.map((f) => f.order),
      [0, 1, 2, 3, 4],
    );
    for (const folder of body) {
      assert.deepEqual(Object.keys(folder).sort(), FIELDS);
      assert.match(folder.color, /^#[0-9A-F]{6}$/);
      const inFolder = sandbox.data.conversations.filter((c) => c.folder_id === folder.id);
      assert.equal(folder.conversation_count, inFolder.length);
      assert.ok(inFolder.every((c) => c.folder_name === folder.name));
    }
    assert.deepEqual(
      body.filter((f) => f.is_system).map((f) => f.name),
      ['Work', 'Personal', 'Social'],
    );
    assert.ok(body[0]!.conversation_count > 0);
    assert.deepEqual(JSON.parse(JSON.stringify(sandbox.data.folders)), body);
  });

  it('filters conversations by folder_id and starred, consistently with the folder list', async () => {
    const folders = (await call<Folder[]>(sandbox, 'GET', '/user/folders')).body;
    for (const folder of folders) {
      const rows = (await call<Row[]>(sandbox, 'GET', `/user/conversations?folder_id=${folder.id}&limit=100`)).body;
      assert.equal(rows.length, folder.conversation_count);
      assert.ok(rows.every((c) => c.folder_id === folder.id && c.folder_name === folder.name));
    }
    const starred = (await call<Row[]>(sandbox, 'GET', '/user/conversations?starred=true&limit=100')).body;
    assert.deepEqual(
      starred.map((c) => c.id),
      sandbox.data.conversations.filter((c) => c.starred).map((c) => c.id),
    );
    const work = folders[0]!;
    const both = (await call<Row[]>(sandbox, 'GET', `/user/conversations?folder_id=${work.id}&starred=false&limit=100`))
      .body;
    assert.deepEqual(
      both.map((c) => c.id),
      sandbox.data.conversations.filter((c) => c.folder_id === work.id && !c.starred).map((c) => c.id),
    );
    assert.deepEqual((await call<Row[]>(sandbox, 'GET', '/user/conversations?folder_id=unknown')).body, []);
    const empty = issues(await call(sandbox, 'GET', '/user/conversations?folder_id='));
    assert.equal(empty.get('query.folder_id')?.type, 'string_too_short');
    assert.equal(
      issues(await call(sandbox, 'GET', '/user/conversations?starred=maybe')).get('query.starred')?.type,
      'bool_parsing',
    );
  });

  it('counts follow a discarded conversation', async () => {
    const work = sandbox.data.folders[0]!;
    const before = work.conversation_count;
    const target = sandbox.data.conversations.find((c) => c.folder_id === work.id)!;
    assert.equal(
      (await call(sandbox, 'PATCH', `/user/conversations/${target.id}`, { body: { discarded: true } })).status,
      200,
    );
    assert.equal(work.conversation_count, before - 1);
    const listed = (await call<Folder[]>(sandbox, 'GET', '/user/folders')).body[0]!;
    assert.equal(listed.conversation_count, before - 1);
  });
});

describe('sandbox folders (documented flavor)', () => {
  it('answers 404 in the documented envelope', async () => {
    const sandbox = await startSandbox({ ...BASE, flavor: 'documented' });
    try {
      assertDocumentedNotFound(await call(sandbox, 'GET', '/user/folders'));
    } finally {
      await sandbox.close();
    }
  });
});
