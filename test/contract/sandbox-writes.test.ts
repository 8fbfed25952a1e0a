import * as assert from 'node:assert/strict';
import { type Sandbox, type SandboxOptions, startSandbox } from '../../src/sandbox';
import { type Answer, call, issues, type Json } from './sandbox-http';

const BASE: SandboxOptions = { port: 0, memories: 60, actionItems: 40, conversations: 20, shortPages: false };

const MEMORY_FIELDS = [
  'category',
  'content',
  'created_at',
  'id',
  'manually_added',
  'scoring',
  'tags',
  'updated_at',
  'visibility',
];

describe('sandbox writes (real flavor)', () => {
  let sandbox: Sandbox;

  beforeEach(async () => {
    sandbox = await startSandbox(BASE);
  });
  afterEach(() => sandbox.close());

  describe('keys', () => {
    it('has a full-access key, a read-only key and the restricted key', async () => {
      assert.match(sandbox.readOnlyKey, /^omi_dev_[0-9a-f]{32}$/);
      assert.equal(new Set([sandbox.key, sandbox.readOnlyKey, sandbox.restrictedKey]).size, 3);
      const full = await call<{ scopes: string[] }>(sandbox, 'GET', '/key');
      assert.deepEqual(full.body.scopes, [
        'memories:read',
        'action_items:read',
        'conversations:read',
        'goals:read',
        'memories:write',
        'action_items:write',
        'conversations:write',
        'goals:write',
      ]);
      const readOnly = await call<{ scopes: string[] }>(sandbox, 'GET', '/key', { key: sandbox.readOnlyKey });
      assert.deepEqual(readOnly.body.scopes, [
        'memories:read',
        'action_items:read',
        'conversations:read',
        'goals:read',
      ]);
      const list = await call<unknown[]>(sandbox, 'GET', '/user/memories', { key: sandbox.readOnlyKey });
      assert.equal(list.status, 200, 'the read-only key reads');
    });

    it('refuses every write to the read-only key with 403 naming the scope, and changes nothing', async () => {
      const memory = sandbox.data.memories.find((m) => !sandbox.data.lockedMemoryIds.includes(m.id))!;
      const item = sandbox.data.actionItems[0]!;
      const conversation = sandbox.data.conversations[0]!;
      const before = JSON.stringify([sandbox.data.memories, sandbox.data.actionItems, sandbox.data.conversations]);
      const cases: [string, string, unknown, string][] = [
        ['POST', '/user/memories', { content: 'x' }, 'memories:write'],
        ['POST', '/user/memories/batch', { memories: [] }, 'memories:write'],
        ['PATCH', `/user/memories/${memory.id}`, { content: 'x' }, 'memories:write'],
        ['DELETE', `/user/memories/${memory.id}`, undefined, 'memories:write'],
        ['POST', '/user/action-items', { description: 'x' }, 'action_items:write'],
        ['POST', '/user/action-items/batch', { action_items: [] }, 'action_items:write'],
        ['PATCH', `/user/action-items/${item.id}`, { completed: true }, 'action_items:write'],
        ['DELETE', `/user/action-items/${item.id}`, undefined, 'action_items:write'],
        ['POST', '/user/conversations', { text: 'We met about the plan for next week.' }, 'conversations:write'],
        ['PATCH', `/user/conversations/${conversation.id}`, { title: 'x' }, 'conversations:write'],
        ['DELETE', `/user/conversations/${conversation.id}`, undefined, 'conversations:write'],
      ];
      for (const [method, path, body, scope] of cases) {
        const answer = await call(sandbox, method, path, { body, key: sandbox.readOnlyKey });
        assert.equal(answer.status, 403, `${method} ${path}`);
        assert.deepEqual(answer.body, { detail: `Insufficient permissions. Required scope: ${scope}` });
      }
      const after = JSON.stringify([sandbox.data.memories, sandbox.data.actionItems, sandbox.data.conversations]);
      assert.equal(after, before);
    });

    it('checks the key before the body, but a body that is not JSON fails first, like FastAPI', async () => {
      const noKey = await call(sandbox, 'POST', '/user/memories', { body: { content: '' }, key: null });
      assert.equal(noKey.status, 401);
      const broken = await call(sandbox, 'POST', '/user/memories', { raw: '{"content": ', key: null });
      const problem = [...issues(broken).values()][0]!;
      assert.equal(problem.type, 'json_invalid');
      assert.equal(problem.msg, 'JSON decode error');
      assert.equal(problem.loc[0], 'body');
      const empty = await call(sandbox, 'POST', '/user/memories', { raw: '' });
      assert.deepEqual(empty.body, {
        detail: [{ type: 'missing', loc: ['body'], msg: 'Field required', input: null }],
      });
    });
  });

  describe('memories', () => {
    it('POST creates a manually added memory, first in the list, in data and by id', async () => {
      const answer = await call(sandbox, 'POST', '/user/memories', {
        body: { content: '  Prefers green tea over coffee  ', tags: ['food'], unknown_field: 1 },
      });
      assert.equal(answer.status, 200);
      const memory = answer.body;
      assert.deepEqual(Object.keys(memory).sort(), MEMORY_FIELDS);
      assert.equal(memory.content, 'Prefers green tea over coffee', 'stripped');
      assert.equal(memory.visibility, 'private');
      assert.deepEqual(memory.tags, ['food']);
      assert.equal(memory.manually_added, true);
      assert.equal(memory.category, 'interests', 'chosen from the text');
      assert.equal(memory.created_at, memory.updated_at);
      assert.ok(Math.abs(Date.parse(String(memory.created_at)) - Date.now()) < 10_000);

      const list = await call<Json[]>(sandbox, 'GET', '/user/memories?limit=1');
      assert.equal(list.body[0]!.id, memory.id);
      assert.deepEqual(
        { ...list.body[0], reviewed: undefined, user_review: undefined, edited: undefined },
        { ...memory, reviewed: undefined, user_review: undefined, edited: undefined },
      );
      assert.equal(list.body[0]!.edited, false);
      assert.equal(sandbox.data.memories[0]!.id, memory.id);
      assert.equal(sandbox.data.memories.length, 61);
      const byId = await call(sandbox, 'GET', `/user/memories/${memory.id}`);
      assert.equal(byId.status, 200);
      assert.equal(byId.body.content, memory.content);
    });

    it('chooses the same category for the same text, and keeps the one sent', async () => {
      const a = await call(sandbox, 'POST', '/user/memories', { body: { content: 'Works on the billing project' } });
      const b = await call(sandbox, 'POST', '/user/memories', { body: { content: 'Works on the billing project' } });
      assert.equal(a.body.category, 'work');
      assert.equal(b.body.category, a.body.category);
      assert.notEqual(b.body.id, a.body.id);
      const sent = await call(sandbox, 'POST', '/user/memories', {
        body: { content: 'Works on the billing project', category: 'manual', visibility: 'public' },
      });
      assert.equal(sent.body.category, 'manual');
      assert.equal(sent.body.visibility, 'public');
    });

    it('answers validation problems with a FastAPI 422 list', async () => {
      const missing = issues(await call(sandbox, 'POST', '/user/memories', { body: { tags: [] } }));
      assert.equal(missing.get('body.content')?.type, 'missing');
      assert.equal(missing.get('body.content')?.msg, 'Field required');

      const short = issues(await call(sandbox, 'POST', '/user/memories', { body: { content: '' } }));
      assert.deepEqual(short.get('body.content'), {
        type: 'string_too_short',
        loc: ['body', 'content'],
        msg: 'String should have at least 1 character',
        input: '',
        ctx: { min_length: 1 },
      });

      const long = issues(await call(sandbox, 'POST', '/user/memories', { body: { content: 'a'.repeat(501) } }));
      assert.equal(long.get('body.content')?.type, 'string_too_long');
      assert.equal(long.get('body.content')?.msg, 'String should have at most 500 characters');
      const fits = await call(sandbox, 'POST', '/user/memories', { body: { content: '🍵'.repeat(500) } });
      assert.equal(fits.status, 200, '500 characters fit, counted as Python does');

      const several = issues(
        await call(sandbox, 'POST', '/user/memories', { body: { content: 5, category: 'nope', tags: 'x' } }),
      );
      assert.deepEqual([...several.keys()], ['body.content', 'body.category', 'body.tags']);
      assert.equal(several.get('body.content')?.type, 'string_type');
      assert.equal(several.get('body.category')?.type, 'enum');
      assert.match(several.get('body.category')!.msg, /^Input should be 'interesting', 'system', .* or 'auto'$/);
      assert.equal(several.get('body.tags')?.type, 'list_type');

      const notObject = issues(await call(sandbox, 'POST', '/user/memories', { body: ['content'] }));
      assert.equal(notObject.get('body')?.type, 'model_attributes_type');
    });

    it('answers blank content with the handler’s own 422 string', async () => {
      const answer = await call(sandbox, 'POST', '/user/memories', { body: { content: '   ' } });
      assert.equal(answer.status, 422);
      assert.deepEqual(answer.body, { detail: 'content cannot be empty' });
    });

    it('creates up to 25 in a batch', async () => {
      const memories = Array.from({ length: 25 }, (_, i) => ({ content: `Batch memory number ${i}` }));
      const answer = await call<{ memories: Json[]; created_count: number }>(sandbox, 'POST', '/user/memories/batch', {
        body: { memories },
      });
      assert.equal(answer.status, 200);
      assert.equal(answer.body.created_count, 25);
      assert.equal(answer.body.memories.length, 25);
      assert.deepEqual(Object.keys(answer.body.memories[0]!).sort(), MEMORY_FIELDS);
      assert.equal(sandbox.data.memories.length, 85);

      const tooMany = issues(
        await call(sandbox, 'POST', '/user/memories/batch', {
          body: { memories: [...memories, { content: 'one more' }] },
        }),
      );
      assert.equal(tooMany.get('body.memories')?.type, 'too_long');
      assert.equal(tooMany.get('body.memories')?.msg, 'List should have at most 25 items after validation, not 26');

      const empty = await call(sandbox, 'POST', '/user/memories/batch', { body: { memories: [] } });
      assert.deepEqual(empty.body, { memories: [], created_count: 0 });

      const nested = issues(
        await call(sandbox, 'POST', '/user/memories/batch', {
          body: { memories: [{ content: 'ok' }, { content: '' }] },
        }),
      );
      assert.equal(nested.get('body.memories.1.content')?.type, 'string_too_short');
      const blank = await call(sandbox, 'POST', '/user/memories/batch', { body: { memories: [{ content: ' ' }] } });
      assert.deepEqual(blank.body, { detail: 'All memories must have non-empty content' });
      assert.equal(sandbox.data.memories.length, 85, 'a refused batch creates nothing');
    });

    it('PATCH changes the given fields, marks content edits, moves updated_at and keeps unknown fields', async () => {
      const memory = sandbox.data.memories.find(
        (m) => !sandbox.data.lockedMemoryIds.includes(m.id) && ('app_id' in m || 'data_protection_level' in m),
      );
      assert.ok(memory, 'a memory with fields beyond the documentation');
      const extra = { app_id: memory.app_id, data_protection_level: memory.data_protection_level };
      const oldUpdated = memory.updated_at;

      const answer = await call(sandbox, 'PATCH', `/user/memories/${memory.id}`, {
        body: { content: ' Edited text ', visibility: 'public', tags: ['a', 'b'], category: 'skills' },
      });
      assert.equal(answer.status, 200);
      assert.equal(answer.body.id, memory.id);
      assert.equal(answer.body.content, 'Edited text');
      assert.equal(answer.body.visibility, 'public');
      assert.deepEqual(answer.body.tags, ['a', 'b']);
      assert.equal(answer.body.category, 'skills');
      assert.equal(answer.body.edited, true);
      assert.notEqual(answer.body.updated_at, oldUpdated);
      assert.equal(answer.body.created_at, memory.created_at);
      assert.deepEqual({ app_id: answer.body.app_id, data_protection_level: answer.body.data_protection_level }, extra);

      const byId = await call(sandbox, 'GET', `/user/memories/${memory.id}`);
      assert.deepEqual(byId.body, answer.body);
      assert.equal(sandbox.data.memories.find((m) => m.id === memory.id)?.content, 'Edited text');

      const onlyTags = await call(sandbox, 'PATCH', `/user/memories/${memory.id}`, { body: { tags: [] } });
      assert.equal(onlyTags.body.content, 'Edited text');
      assert.deepEqual(onlyTags.body.tags, []);
    });

    it('PATCH refuses an empty change, a bad visibility, an unknown id', async () => {
      const memory = sandbox.data.memories.find((m) => !sandbox.data.lockedMemoryIds.includes(m.id))!;
      const none = await call(sandbox, 'PATCH', `/user/memories/${memory.id}`, { body: { content: null } });
      assert.equal(none.status, 422);
      assert.deepEqual(none.body, {
        detail: 'At least one field (content, visibility, tags, or category) must be provided',
      });
      const visibility = await call(sandbox, 'PATCH', `/user/memories/${memory.id}`, {
        body: { visibility: 'friends' },
      });
      assert.equal(visibility.status, 422);
      assert.deepEqual(visibility.body, { detail: "visibility must be 'public' or 'private'" });
      const tooLong = issues(
        await call(sandbox, 'PATCH', `/user/memories/${memory.id}`, { body: { content: 'x'.repeat(501) } }),
      );
      assert.equal(tooLong.get('body.content')?.type, 'string_too_long');
      for (const [method, body] of [
        ['PATCH', { content: 'x' }],
        ['DELETE', undefined],
        ['GET', undefined],
      ] as const) {
        const unknown = await call(sandbox, method, '/user/memories/no-such-memory', { body });
        assert.equal(unknown.status, 404, method);
        assert.deepEqual(unknown.body, { detail: 'Memory not found' });
      }
    });

    it('DELETE removes the memory from lists, data and by id', async () => {
      const memory = sandbox.data.memories.find((m) => !sandbox.data.lockedMemoryIds.includes(m.id))!;
      const answer = await call(sandbox, 'DELETE', `/user/memories/${memory.id}`);
      assert.equal(answer.status, 200);
      assert.deepEqual(answer.body, { success: true });
      assert.ok(!sandbox.data.memories.some((m) => m.id === memory.id));
      const all = await call<Json[]>(sandbox, 'GET', '/user/memories?limit=1000');
      assert.equal(all.body.length, 59);
      assert.ok(!all.body.some((m) => m.id === memory.id));
      assert.equal((await call(sandbox, 'GET', `/user/memories/${memory.id}`)).status, 404);
      assert.equal((await call(sandbox, 'DELETE', `/user/memories/${memory.id}`)).status, 404);
    });

    it('answers 402 for a locked memory on PATCH, DELETE and GET by id; lists show it cut', async () => {
      assert.ok(sandbox.data.lockedMemoryIds.length > 0, 'the data has locked memories');
      const id = sandbox.data.lockedMemoryIds[0]!;
      const listed = sandbox.data.memories.find((m) => m.id === id)!;
      assert.equal(listed.content.length, 73);
      assert.ok(listed.content.endsWith('...'));
      const paywall = { detail: 'A paid plan is required to access this memory.' };
      for (const [method, body] of [
        ['PATCH', { content: 'x' }],
        ['DELETE', undefined],
        ['GET', undefined],
      ] as const) {
        const answer = await call(sandbox, method, `/user/memories/${id}`, { body });
        assert.equal(answer.status, 402, method);
        assert.deepEqual(answer.body, paywall);
      }
      assert.ok(
        sandbox.data.memories.some((m) => m.id === id && m.content === listed.content),
        'unchanged',
      );
    });

    it('answers 403 with an object detail when the account has not granted memory writes', async () => {
      sandbox.setMemoryWriteGrant(false);
      const memory = sandbox.data.memories[0]!;
      for (const [method, path, body] of [
        ['POST', '/user/memories', { content: 'x' }],
        ['POST', '/user/memories/batch', { memories: [{ content: 'x' }] }],
        ['PATCH', `/user/memories/${memory.id}`, { content: 'x' }],
        ['DELETE', `/user/memories/${memory.id}`, undefined],
      ] as const) {
        const answer = await call<{ detail: Json }>(sandbox, method, path, { body });
        assert.equal(answer.status, 403, `${method} ${path}`);
        assert.equal(answer.body.detail.enabled, false);
        assert.equal(typeof answer.body.detail.reason, 'string');
        assert.equal(typeof answer.body.detail.message, 'string');
      }
      assert.equal((await call(sandbox, 'GET', '/user/memories')).status, 200, 'reads are not affected');
      const readOnly = await call(sandbox, 'POST', '/user/memories', {
        body: { content: 'x' },
        key: sandbox.readOnlyKey,
      });
      assert.deepEqual(
        readOnly.body,
        { detail: 'Insufficient permissions. Required scope: memories:write' },
        'scope first',
      );

      const admin = await fetch(`${sandbox.origin}/__sandbox/memory-write-grant`, {
        method: 'POST',
        body: JSON.stringify({ enabled: true }),
      });
      assert.equal(admin.status, 200);
      assert.equal(sandbox.memoryWriteGrant, true);
      assert.equal((await call(sandbox, 'POST', '/user/memories', { body: { content: 'x' } })).status, 200);
    });

    it('can start without the grant', async () => {
      const denied = await startSandbox({ ...BASE, memoryWriteGrant: false });
      try {
        const answer = await call<{ detail: Json }>(denied, 'POST', '/user/memories', { body: { content: 'x' } });
        assert.equal(answer.status, 403);
        assert.equal(answer.body.detail.enabled, false);
        const items = await call(denied, 'POST', '/user/action-items', { body: { description: 'x' } });
        assert.equal(items.status, 200, 'only memories need the grant');
      } finally {
        await denied.close();
      }
    });
  });

  describe('action items', () => {
    it('POST creates a standalone item, listed by its due date, in data too', async () => {
      const answer = await call(sandbox, 'POST', '/user/action-items', {
        body: { description: ' Renew the domain ', due_at: '2000-01-02T03:04:05+02:00' },
      });
      assert.equal(answer.status, 200);
      const item = answer.body;
      assert.deepEqual(Object.keys(item).sort(), [
        'completed',
        'completed_at',
        'conversation_id',
        'created_at',
        'description',
        'due_at',
        'id',
        'updated_at',
      ]);
      assert.equal(item.description, 'Renew the domain');
      assert.equal(item.completed, false);
      assert.equal(item.completed_at, null);
      assert.equal(item.conversation_id, null);
      assert.equal(item.due_at, '2000-01-02T01:04:05Z', 'stored in UTC');
      const list = await call<Json[]>(sandbox, 'GET', '/user/action-items?limit=1');
      assert.equal(list.body[0]!.id, item.id, 'the earliest due date comes first among open items');
      assert.equal(sandbox.data.actionItems[0]!.id, item.id);

      const done = await call(sandbox, 'POST', '/user/action-items', {
        body: { description: 'Done', completed: true },
      });
      assert.equal(done.body.completed, true);
      assert.equal(typeof done.body.completed_at, 'string');
      assert.equal(done.body.due_at, null);
    });

    it('validates like the real server', async () => {
      const short = issues(await call(sandbox, 'POST', '/user/action-items', { body: { description: '' } }));
      assert.equal(short.get('body.description')?.type, 'string_too_short');
      const several = issues(
        await call(sandbox, 'POST', '/user/action-items', {
          body: { description: 'x'.repeat(501), completed: 'maybe', due_at: 'tomorrow' },
        }),
      );
      assert.equal(several.get('body.description')?.type, 'string_too_long');
      assert.equal(several.get('body.completed')?.type, 'bool_parsing');
      assert.equal(several.get('body.due_at')?.type, 'datetime_parsing');
      const blank = await call(sandbox, 'POST', '/user/action-items', { body: { description: ' ' } });
      assert.deepEqual(blank.body, { detail: 'description cannot be empty' });
    });

    it('creates up to 50 in a batch', async () => {
      const items = Array.from({ length: 50 }, (_, i) => ({ description: `Task ${i}` }));
      const answer = await call<{ action_items: Json[]; created_count: number }>(
        sandbox,
        'POST',
        '/user/action-items/batch',
        { body: { action_items: items } },
      );
      assert.equal(answer.status, 200);
      assert.equal(answer.body.created_count, 50);
      assert.ok(answer.body.action_items.every((a) => a.conversation_id === null && a.completed === false));
      assert.equal(sandbox.data.actionItems.length, 90);
      const tooMany = issues(
        await call(sandbox, 'POST', '/user/action-items/batch', {
          body: { action_items: [...items, { description: 'one more' }] },
        }),
      );
      assert.equal(tooMany.get('body.action_items')?.msg, 'List should have at most 50 items after validation, not 51');
      const blank = await call(sandbox, 'POST', '/user/action-items/batch', {
        body: { action_items: [{ description: ' ' }] },
      });
      assert.deepEqual(blank.body, { detail: 'All action items must have non-empty descriptions' });
    });

    it('PATCH completes and reopens, setting and clearing completed_at, and reorders the list', async () => {
      const item = sandbox.data.actionItems.find((a) => !a.completed && a.conversation_id)!;
      const done = await call(sandbox, 'PATCH', `/user/action-items/${item.id}`, { body: { completed: true } });
      assert.equal(done.status, 200);
      assert.equal(done.body.completed, true);
      assert.equal(typeof done.body.completed_at, 'string');
      assert.equal(done.body.updated_at, done.body.completed_at);
      assert.equal(done.body.description, item.description);
      const open = await call<Json[]>(sandbox, 'GET', '/user/action-items?completed=false&limit=1000');
      assert.ok(!open.body.some((a) => a.id === item.id));
      const firstDone = sandbox.data.actionItems.findIndex((a) => a.completed);
      assert.ok(sandbox.data.actionItems.findIndex((a) => a.id === item.id) >= firstDone, 'among the completed');

      const conversation = await call<{ structured: { action_items: Json[] } }>(
        sandbox,
        'GET',
        `/user/conversations/${item.conversation_id}`,
      );
      const copy = conversation.body.structured.action_items.find((a) => a.description === item.description);
      assert.equal(copy?.completed, true, "the conversation's copy follows");

      const reopened = await call(sandbox, 'PATCH', `/user/action-items/${item.id}`, { body: { completed: false } });
      assert.equal(reopened.body.completed, false);
      assert.equal(reopened.body.completed_at, null);
    });

    it('PATCH with due_at null leaves the date alone (it means "not sent")', async () => {
      const item = sandbox.data.actionItems.find((a) => a.due_at !== null)!;
      const due = item.due_at;
      const alone = await call(sandbox, 'PATCH', `/user/action-items/${item.id}`, { body: { due_at: null } });
      assert.equal(alone.status, 422);
      assert.deepEqual(alone.body, { detail: 'At least one field must be provided' });
      const withDescription = await call(sandbox, 'PATCH', `/user/action-items/${item.id}`, {
        body: { description: 'Renamed', due_at: null },
      });
      assert.equal(withDescription.status, 200);
      assert.equal(withDescription.body.description, 'Renamed');
      assert.equal(withDescription.body.due_at, due, 'the date is still there');

      const moved = await call(sandbox, 'PATCH', `/user/action-items/${item.id}`, {
        body: { due_at: '2001-01-01T00:00:00Z' },
      });
      assert.equal(moved.body.due_at, '2001-01-01T00:00:00Z');
      if (!item.completed) {
        assert.equal(sandbox.data.actionItems[0]!.id, item.id, 'the earliest due date now comes first');
      }
    });

    it('DELETE removes the item and its conversation copy; unknown ids answer 404', async () => {
      const item = sandbox.data.actionItems.find((a) => a.conversation_id)!;
      const answer = await call(sandbox, 'DELETE', `/user/action-items/${item.id}`);
      assert.deepEqual(answer.body, { success: true });
      assert.ok(!sandbox.data.actionItems.some((a) => a.id === item.id));
      const all = await call<Json[]>(sandbox, 'GET', '/user/action-items?limit=1000');
      assert.equal(all.body.length, 39);
      const conversation = sandbox.data.conversations.find((c) => c.id === item.conversation_id)!;
      const copies = conversation.structured.action_items?.filter((a) => a.description === item.description) ?? [];
      const others = sandbox.data.actionItems.filter(
        (a) => a.conversation_id === item.conversation_id && a.description === item.description,
      );
      assert.equal(copies.length, others.length);
      for (const [method, body] of [
        ['PATCH', { completed: true }],
        ['DELETE', undefined],
      ] as const) {
        const unknown = await call(sandbox, method, `/user/action-items/${item.id}`, { body });
        assert.equal(unknown.status, 404);
        assert.deepEqual(unknown.body, { detail: 'Action item not found' });
      }
    });
  });

  describe('conversations', () => {
    const TEXT =
      'Planning meeting with the team about the mobile release. I will send the roadmap to the client by Friday. ' +
      'We should fix the login bug before the release. The designs look good. Todo: book a room for the retro.';

    it('POST processes the text and lists the conversation first, with derived fields and action items', async () => {
      const answer = await call(sandbox, 'POST', '/user/conversations', {
        body: { text: TEXT, text_source: 'other_text', language: 'en', started_at: '2026-01-01T10:00:00Z' },
      });
      assert.equal(answer.status, 200);
      assert.deepEqual(Object.keys(answer.body).sort(), ['discarded', 'id', 'status']);
      assert.equal(answer.body.status, 'completed');
      assert.equal(answer.body.discarded, false);
      const id = String(answer.body.id);

      const list = await call<Json[]>(sandbox, 'GET', '/user/conversations?limit=1');
      const listed = list.body[0]! as {
        id: string;
        started_at: string;
        finished_at: string;
        source: string;
        structured: { title: string; overview: string; category: string; action_items: Json[] };
      };
      assert.equal(listed.id, id);
      assert.equal(listed.structured.title, 'Planning meeting with the team about the mobile release');
      assert.match(listed.structured.overview, /^Planning meeting .* before the release\.$/);
      assert.equal(listed.structured.category, 'work');
      assert.deepEqual(
        listed.structured.action_items.map((a) => a.description),
        [
          'I will send the roadmap to the client by Friday',
          'We should fix the login bug before the release',
          'Book a room for the retro',
        ],
      );
      assert.equal(listed.started_at, '2026-01-01T10:00:00Z');
      assert.equal(listed.finished_at, '2026-01-01T10:05:00Z', 'five minutes by default');
      assert.equal(listed.source, 'external_integration');
      assert.equal(sandbox.data.conversations[0]!.id, id);
      assert.deepEqual(sandbox.data.conversations[0]!.transcript_segments, []);

      const items = await call<Json[]>(sandbox, 'GET', `/user/action-items?conversation_id=${id}`);
      assert.equal(items.body.length, 3);
      const byId = await call(sandbox, 'GET', `/user/conversations/${id}`);
      assert.equal(byId.status, 200);

      const again = await call(sandbox, 'POST', '/user/conversations', { body: { text: TEXT } });
      const second = await call<{ structured: Json }>(sandbox, 'GET', `/user/conversations/${again.body.id}`);
      assert.deepEqual(
        { ...second.body.structured, action_items: undefined },
        { ...listed.structured, action_items: undefined },
        'the same text gives the same result',
      );
    });

    it('discards trivial text: not listed, still found by id', async () => {
      const answer = await call(sandbox, 'POST', '/user/conversations', { body: { text: 'ok thanks' } });
      assert.equal(answer.status, 200);
      assert.equal(answer.body.discarded, true);
      assert.ok(!sandbox.data.conversations.some((c) => c.id === answer.body.id));
      assert.equal((await call(sandbox, 'GET', `/user/conversations/${answer.body.id}`)).status, 200);
    });

    it('validates the text, the source and the times', async () => {
      const missing = issues(await call(sandbox, 'POST', '/user/conversations', { body: {} }));
      assert.equal(missing.get('body.text')?.type, 'missing');
      const long = issues(await call(sandbox, 'POST', '/user/conversations', { body: { text: 'a'.repeat(100_001) } }));
      assert.equal(long.get('body.text')?.msg, 'String should have at most 100000 characters');
      const source = issues(
        await call(sandbox, 'POST', '/user/conversations', { body: { text: TEXT, text_source: 'email' } }),
      );
      assert.equal(
        source.get('body.text_source')?.msg,
        "Input should be 'audio_transcript', 'message' or 'other_text'",
      );
      const blank = await call(sandbox, 'POST', '/user/conversations', { body: { text: '  ' } });
      assert.deepEqual(blank.body, { detail: 'text cannot be empty' });
      const backwards = await call(sandbox, 'POST', '/user/conversations', {
        body: { text: TEXT, started_at: '2026-01-01T10:00:00Z', finished_at: '2026-01-01T09:00:00Z' },
      });
      assert.equal(backwards.status, 422);
      assert.deepEqual(backwards.body, { detail: 'finished_at must be after started_at' });
    });

    it('PATCH renames and discards; lists follow; the answer carries the transcript', async () => {
      const conversation = sandbox.data.conversations[2]!;
      const renamed = await call<{ structured: { title: string }; transcript_segments: unknown[] }>(
        sandbox,
        'PATCH',
        `/user/conversations/${conversation.id}`,
        { body: { title: '  Renamed  ' } },
      );
      assert.equal(renamed.status, 200);
      assert.equal(renamed.body.structured.title, 'Renamed');
      assert.ok(Array.isArray(renamed.body.transcript_segments));
      const list = await call<{ id: string; structured: { title: string } }[]>(sandbox, 'GET', '/user/conversations');
      assert.equal(list.body.find((c) => c.id === conversation.id)?.structured.title, 'Renamed');

      await call(sandbox, 'PATCH', `/user/conversations/${conversation.id}`, { body: { discarded: true } });
      const after = await call<Json[]>(sandbox, 'GET', '/user/conversations?limit=100');
      assert.equal(after.body.length, 19);
      assert.ok(!sandbox.data.conversations.some((c) => c.id === conversation.id));
      assert.equal((await call(sandbox, 'GET', `/user/conversations/${conversation.id}`)).status, 200);

      await call(sandbox, 'PATCH', `/user/conversations/${conversation.id}`, { body: { discarded: false } });
      assert.equal(sandbox.data.conversations[2]!.id, conversation.id, 'back in its place');

      const none = await call(sandbox, 'PATCH', `/user/conversations/${conversation.id}`, { body: { title: null } });
      assert.deepEqual(none.body, { detail: 'At least one field (title or discarded) must be provided' });
      const empty = issues(
        await call(sandbox, 'PATCH', `/user/conversations/${conversation.id}`, { body: { title: '' } }),
      );
      assert.equal(empty.get('body.title')?.type, 'string_too_short');
    });

    it('DELETE removes the conversation; unknown ids answer 404', async () => {
      const conversation = sandbox.data.conversations[0]!;
      const answer = await call(sandbox, 'DELETE', `/user/conversations/${conversation.id}`);
      assert.deepEqual(answer.body, { success: true });
      assert.ok(!sandbox.data.conversations.some((c) => c.id === conversation.id));
      for (const [method, body] of [
        ['GET', undefined],
        ['PATCH', { title: 'x' }],
        ['DELETE', undefined],
      ] as const) {
        const unknown = await call(sandbox, method, `/user/conversations/${conversation.id}`, { body });
        assert.equal(unknown.status, 404, method);
        assert.deepEqual(unknown.body, { detail: 'Conversation not found' });
      }
    });
  });

  describe('routes and faults', () => {
    it('answers an unknown method with 405 and the first route’s Allow', async () => {
      const put = await call(sandbox, 'PUT', '/user/memories/abc', { body: {} });
      assert.equal(put.status, 405);
      assert.equal(put.headers.get('allow'), 'GET');
      const list = await call(sandbox, 'PATCH', '/user/action-items', { body: {} });
      assert.equal(list.status, 405);
      assert.equal(list.headers.get('allow'), 'GET');
    });

    it('counts writes as data requests for failEvery: a failed write changes nothing', async () => {
      sandbox.setFaults({ failEvery: { n: 2, mode: '500', first: 1 } });
      const failed = await fetch(`${sandbox.url}/user/memories`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${sandbox.key}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ content: 'Lost' }),
      });
      assert.equal(failed.status, 500);
      assert.equal(await failed.text(), 'Internal Server Error');
      assert.ok(!sandbox.data.memories.some((m) => m.content === 'Lost'));
      const next = await call(sandbox, 'POST', '/user/memories', { body: { content: 'Kept' } });
      assert.equal(next.status, 200);
      assert.equal(sandbox.data.memories[0]!.content, 'Kept');
      sandbox.setFaults({ failEvery: null });
    });
  });
});

describe('sandbox writes: hourly write limits (rateLimit flavor)', () => {
  let sandbox: Sandbox;

  beforeEach(async () => {
    sandbox = await startSandbox({ ...BASE, faults: { rateLimit: 'flavor' } });
  });
  afterEach(() => sandbox.close());

  async function exhaust(path: string, body: unknown, allowed: number): Promise<Answer<Json>> {
    for (let i = 0; i < allowed; i++) {
      const answer = await call(sandbox, 'POST', path, { body });
      assert.equal(answer.status, 200, `write ${i + 1} of ${allowed}`);
    }
    return call(sandbox, 'POST', path, { body });
  }

  function assertLimited(answer: Answer<Json>, limit: number): void {
    assert.equal(answer.status, 429);
    assert.equal(answer.headers.get('x-ratelimit-limit'), String(limit));
    assert.equal(answer.headers.get('x-ratelimit-remaining'), '0');
    const retry = Number(answer.headers.get('retry-after'));
    assert.ok(retry > 3500 && retry <= 3600, `Retry-After ${retry}`);
    assert.deepEqual(answer.body, { detail: `Rate limit exceeded. Try again in ${retry}s.` });
  }

  it('allows 120 memory writes an hour, apart from reads', async () => {
    assertLimited(await exhaust('/user/memories', { content: 'Rate limited memory' }, 120), 120);
    assert.equal((await call(sandbox, 'GET', '/user/memories')).status, 200, 'reads have their own bucket');
    const edit = await call(sandbox, 'PATCH', `/user/memories/${sandbox.data.memories[0]!.id}`, { body: { tags: [] } });
    assert.equal(edit.status, 429, 'edits share the write bucket');
    assert.equal((await call(sandbox, 'POST', '/user/action-items', { body: { description: 'x' } })).status, 200);
  });

  it('allows 120 action item writes and 25 conversation writes an hour', async () => {
    assertLimited(await exhaust('/user/action-items', { description: 'Rate limited item' }, 120), 120);
    assertLimited(await exhaust('/user/conversations', { text: 'A short note about the plan for today.' }, 25), 25);
    assert.equal((await call(sandbox, 'GET', '/user/conversations')).status, 200);
  });

  it('allows 15 memory batches an hour', async () => {
    assertLimited(await exhaust('/user/memories/batch', { memories: [{ content: 'One' }] }, 15), 15);
  });
});

describe('sandbox writes (documented flavor)', () => {
  let sandbox: Sandbox;

  before(async () => {
    sandbox = await startSandbox({ ...BASE, flavor: 'documented' });
  });
  after(() => sandbox.close());

  it('answers 404 to every write and to reads by memory id: the published API is read-only', async () => {
    const memory = sandbox.data.memories[0]!;
    const item = sandbox.data.actionItems[0]!;
    const conversation = sandbox.data.conversations[0]!;
    for (const [method, path] of [
      ['POST', '/user/memories'],
      ['POST', '/user/memories/batch'],
      ['GET', `/user/memories/${memory.id}`],
      ['PATCH', `/user/memories/${memory.id}`],
      ['DELETE', `/user/memories/${memory.id}`],
      ['POST', '/user/action-items'],
      ['POST', '/user/action-items/batch'],
      ['PATCH', `/user/action-items/${item.id}`],
      ['DELETE', `/user/action-items/${item.id}`],
      ['POST', '/user/conversations'],
      ['PATCH', `/user/conversations/${conversation.id}`],
      ['DELETE', `/user/conversations/${conversation.id}`],
    ] as const) {
      const answer = await call(sandbox, method, path, { body: method === 'GET' ? undefined : { content: 'x' } });
      assert.equal(answer.status, 404, `${method} ${path}`);
      assert.deepEqual(answer.body, { error: { message: 'Not Found', code: 'not_found' } });
    }
    assert.equal(sandbox.data.memories.length, 60);
  });

  it('creates read-only keys when POST /keys names no scopes, and accepts write scopes', async () => {
    const plain = await call<{ scopes: string[] }>(sandbox, 'POST', '/keys', { body: { name: 'plain' } });
    assert.equal(plain.status, 200);
    assert.deepEqual(plain.body.scopes, ['memories:read', 'action_items:read', 'conversations:read', 'goals:read']);
    const full = await call<{ scopes: string[] }>(sandbox, 'POST', '/keys', {
      body: { name: 'full', scopes: ['memories:read', 'memories:write', 'goals:write'] },
    });
    assert.equal(full.status, 200);
    assert.deepEqual(full.body.scopes, ['memories:read', 'memories:write', 'goals:write']);
    const bad = await call(sandbox, 'POST', '/keys', { body: { name: 'bad', scopes: ['everything'] } });
    assert.equal(bad.status, 400);
  });
});
