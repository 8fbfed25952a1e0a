import * as assert from 'node:assert/strict';
import { type Sandbox, type SandboxOptions, startSandbox } from '../../src/sandbox';
import { assertDocumentedNotFound, call, issues } from './sandbox-http';

interface SearchAnswer {
  items: { id: string; content: string; category: string; relevance_score: number }[];
  returned_count: number;
  archive_default_visible: boolean;
  policy: Record<string, unknown>;
}

const BASE: SandboxOptions = { port: 0, seed: 42, memories: 120, actionItems: 10, conversations: 10 };

function search(sandbox: Sandbox, query: string, key?: string) {
  return call<SearchAnswer>(sandbox, 'GET', `/user/memories/vector/search${query}`, { key });
}

describe('sandbox GET /user/memories/vector/search (real flavor)', () => {
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await startSandbox(BASE);
  });
  afterEach(() => sandbox.setMemoryWriteGrant(true));
  after(() => sandbox.close());

  it('ranks first a memory for a query made of its own words', async () => {
    const locked = new Set(sandbox.data.lockedMemoryIds);
    const memories = sandbox.data.memories.filter((m) => !locked.has(m.id)).slice(0, 30);
    for (const memory of memories) {
      const { status, body } = await search(sandbox, `?query=${encodeURIComponent(memory.content)}`);
      assert.equal(status, 200);
      // Identical texts score the same: the first hit has this memory's text (usually it is this memory).
      assert.equal(body.items[0]?.content, memory.content);
      assert.ok(body.items.some((item) => item.id === memory.id) || body.items.length === 10);
    }
  });

  it('scores in [0, 1], descending, only above a threshold, in the real response shape', async () => {
    const { body } = await search(sandbox, '?query=coffee%20sleep%20running&limit=100');
    assert.ok(body.items.length > 1);
    assert.equal(body.returned_count, body.items.length);
    assert.equal(body.archive_default_visible, false);
    assert.deepEqual(body.policy, {
      consumer: 'developer_api',
      app_has_default_memory_grant: true,
      archive_capability: false,
      raw_provenance_capability: false,
    });
    for (const item of body.items) {
      assert.deepEqual(Object.keys(item).sort(), ['category', 'content', 'id', 'relevance_score']);
      assert.ok(item.relevance_score > 0 && item.relevance_score <= 1);
      assert.ok(/coffee|sleep|run/i.test(item.content), item.content);
    }
    const scores = body.items.map((item) => item.relevance_score);
    assert.deepEqual(
      scores,
      [...scores].sort((a, b) => b - a),
    );
    const unrelated = await search(sandbox, '?query=quantum%20chromodynamics');
    assert.deepEqual(unrelated.body.items, []);
    assert.equal(unrelated.body.returned_count, 0);
  });

  it('returns at most `limit` items, 10 by default', async () => {
    const broad = await search(sandbox, '?query=Alex%20likes%20prefers%20wants%20work%20family');
    assert.equal(broad.body.items.length, 10);
    const three = await search(sandbox, '?query=Alex%20likes%20prefers%20wants%20work%20family&limit=3');
    assert.deepEqual(three.body.items, broad.body.items.slice(0, 3));
  });

  it('refuses a missing or empty query and a limit out of 1..100 with 422', async () => {
    assert.equal(issues(await search(sandbox, '')).get('query.query')?.type, 'missing');
    const empty = issues(await search(sandbox, '?query=')).get('query.query');
    assert.deepEqual([empty?.type, empty?.ctx], ['string_too_short', { min_length: 1 }]);
    assert.equal(issues(await search(sandbox, '?query=x&limit=0')).get('query.limit')?.type, 'greater_than_equal');
    assert.equal(issues(await search(sandbox, '?query=x&limit=101')).get('query.limit')?.type, 'less_than_equal');
    assert.equal(issues(await search(sandbox, '?query=x&limit=ten')).get('query.limit')?.type, 'int_parsing');
  });

  it('needs memories:read (403 string) and the memory grant (403 object)', async () => {
    const restricted = await search(sandbox, '?query=coffee', sandbox.restrictedKey);
    assert.equal(restricted.status, 403);
    assert.deepEqual(restricted.body, { detail: 'Insufficient permissions. Required scope: memories:read' });
    assert.equal((await search(sandbox, '?query=coffee', sandbox.readOnlyKey)).status, 200);

    sandbox.setMemoryWriteGrant(false);
    const denied = await search(sandbox, '?query=coffee');
    assert.equal(denied.status, 403);
    const detail = (denied.body as unknown as { detail: Record<string, unknown> }).detail;
    assert.equal(detail.enabled, false);
    assert.equal(typeof detail.reason, 'string');
    assert.equal(detail.consumer, 'developer_api');
    // Parameters are read before the grant, as in the real handler.
    assert.equal((await search(sandbox, '?query=')).status, 422);
  });
});

describe('sandbox GET /user/memories/vector/search (documented flavor)', () => {
  it('answers 404 in the documented envelope', async () => {
    const sandbox = await startSandbox({ ...BASE, flavor: 'documented' });
    try {
      assertDocumentedNotFound(await search(sandbox, '?query=coffee'));
    } finally {
      await sandbox.close();
    }
  });
});
