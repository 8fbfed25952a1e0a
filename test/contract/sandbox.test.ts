import * as assert from 'node:assert/strict';
import { type Sandbox, startSandbox } from '../../src/sandbox';

interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

async function call(sandbox: Sandbox, path: string, authorization?: string | null, method = 'GET'): Promise<Answer> {
  const headers: Record<string, string> = {};
  const auth = authorization === undefined ? `Bearer ${sandbox.key}` : authorization;
  if (auth !== null) {
    headers.Authorization = auth;
  }
  const res = await fetch(`${sandbox.url}${path}`, { method, headers, redirect: 'manual' });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

describe('sandbox (real flavor): auth, keys, routes, admin', () => {
  let sandbox: Sandbox;

  before(async () => {
    sandbox = await startSandbox({ port: 0, memories: 40, actionItems: 30, conversations: 20 });
  });
  after(() => sandbox.close());

  it('listens on 127.0.0.1 with a key derived from the seed', () => {
    assert.match(sandbox.url, /^http:\/\/127\.0\.0\.1:\d+\/v1\/dev$/);
    assert.equal(sandbox.origin, `http://127.0.0.1:${sandbox.port}`);
    assert.match(sandbox.key, /^omi_dev_[0-9a-f]{32}$/);
    assert.match(sandbox.restrictedKey, /^omi_dev_[0-9a-f]{32}$/);
    assert.notEqual(sandbox.key, sandbox.restrictedKey);
  });

  describe('401', () => {
    const malformed = { detail: "Missing or invalid Authorization header. Must be 'Bearer API_KEY'" };

    it('answers a missing header', async () => {
      const answer = await call(sandbox, '/user/memories', null);
      assert.equal(answer.status, 401);
      assert.deepEqual(answer.body, malformed);
    });

    it('answers a malformed header', async () => {
      for (const header of ['Token abc', `Bearer${sandbox.key}`, 'Bearer omi_dev_short', `Basic ${sandbox.key}`]) {
        const answer = await call(sandbox, '/user/memories', header);
        assert.equal(answer.status, 401, header);
        assert.deepEqual(answer.body, malformed, header);
      }
    });

    it('treats "bearer" in lowercase as malformed', async () => {
      const answer = await call(sandbox, '/user/memories', `bearer ${sandbox.key}`);
      assert.equal(answer.status, 401);
      assert.deepEqual(answer.body, malformed);
    });

    it('answers a well-formed unknown key', async () => {
      const answer = await call(sandbox, '/user/action-items', `Bearer omi_dev_${'0'.repeat(32)}`);
      assert.equal(answer.status, 401);
      assert.deepEqual(answer.body, { detail: 'Invalid API Key' });
    });

    it('checks the key before the parameters', async () => {
      const answer = await call(sandbox, '/user/memories?limit=abc', null);
      assert.equal(answer.status, 401);
    });
  });

  describe('403', () => {
    it('refuses the restricted key on memories and action items', async () => {
      const memories = await call(sandbox, '/user/memories', `Bearer ${sandbox.restrictedKey}`);
      assert.equal(memories.status, 403);
      assert.deepEqual(memories.body, { detail: 'Insufficient permissions. Required scope: memories:read' });
      const actions = await call(sandbox, '/user/action-items', `Bearer ${sandbox.restrictedKey}`);
      assert.equal(actions.status, 403);
      assert.deepEqual(actions.body, { detail: 'Insufficient permissions. Required scope: action_items:read' });
    });

    it('lets the restricted key read conversations', async () => {
      const answer = await call(sandbox, '/user/conversations', `Bearer ${sandbox.restrictedKey}`);
      assert.equal(answer.status, 200);
    });

    it('lists the restricted key in data.keys with its scopes', () => {
      const restricted = sandbox.data.keys.find((k) => k.secret === sandbox.restrictedKey);
      assert.deepEqual(restricted?.record.scopes, ['conversations:read']);
      const full = sandbox.data.keys.find((k) => k.secret === sandbox.key);
      assert.deepEqual(full?.record.scopes, [
        'memories:read',
        'action_items:read',
        'conversations:read',
        'goals:read',
        'memories:write',
        'action_items:write',
        'conversations:write',
        'goals:write',
      ]);
    });
  });

  describe('GET /key', () => {
    it("returns the calling key's record and updates last_used_at", async () => {
      const answer = await call(sandbox, '/key');
      assert.equal(answer.status, 200);
      const record = answer.body as Record<string, unknown>;
      assert.deepEqual(Object.keys(record).sort(), [
        'created_at',
        'id',
        'key_prefix',
        'last_used_at',
        'name',
        'scopes',
      ]);
      assert.equal(record.id, sandbox.data.keys[0]!.record.id);
      assert.match(String(record.key_prefix), /^omi_dev_[0-9a-f]{4}\.\.\.[0-9a-f]{4}$/);
      assert.ok(!JSON.stringify(record).includes(sandbox.key), 'the secret is never served');
      assert.equal(typeof record.last_used_at, 'string');
      assert.ok(Date.now() - Date.parse(String(record.last_used_at)) < 5000);
    });

    it('answers the restricted key with its own record', async () => {
      const answer = await call(sandbox, '/key', `Bearer ${sandbox.restrictedKey}`);
      assert.equal((answer.body as { id: string }).id, sandbox.data.keys[1]!.record.id);
    });
  });

  describe('key management with a dev key', () => {
    const refused = { detail: 'Invalid authentication credentials' };

    it('is refused with 401 for list, create and revoke', async () => {
      for (const [method, path] of [
        ['GET', '/keys'],
        ['POST', '/keys'],
        ['DELETE', '/keys/some-id'],
      ] as const) {
        const answer = await call(sandbox, path, undefined, method);
        assert.equal(answer.status, 401, `${method} ${path}`);
        assert.deepEqual(answer.body, refused);
      }
    });

    it('says "Not authenticated" without any token', async () => {
      const answer = await call(sandbox, '/keys', null);
      assert.equal(answer.status, 401);
      assert.deepEqual(answer.body, { detail: 'Not authenticated' });
    });
  });

  describe('routes', () => {
    it('answers unknown routes with 404 Not Found', async () => {
      for (const path of ['/user/nothing', '/', '/user/memories/x/y']) {
        const answer = await call(sandbox, path);
        assert.equal(answer.status, 404, path);
        assert.deepEqual(answer.body, { detail: 'Not Found' });
      }
      const outside = await fetch(`${sandbox.origin}/v2/whatever`);
      assert.equal(outside.status, 404);
      assert.deepEqual(await outside.json(), { detail: 'Not Found' });
    });

    it('answers a wrong method with 405', async () => {
      const answer = await call(sandbox, '/user/memories', undefined, 'DELETE');
      assert.equal(answer.status, 405);
      assert.deepEqual(answer.body, { detail: 'Method Not Allowed' });
      assert.equal(answer.headers.get('allow'), 'GET');
    });

    it('redirects a trailing slash like FastAPI', async () => {
      const answer = await call(sandbox, '/user/memories/?limit=2');
      assert.equal(answer.status, 307);
      assert.equal(answer.headers.get('location'), '/v1/dev/user/memories?limit=2');
    });

    it('answers JSON in UTF-8 without rate-limit headers on success', async () => {
      const res = await fetch(`${sandbox.url}/user/memories?limit=1`, {
        headers: { Authorization: `Bearer ${sandbox.key}` },
      });
      assert.equal(res.headers.get('content-type'), 'application/json');
      assert.equal(res.headers.get('x-ratelimit-limit'), null);
      assert.ok(Array.isArray(await res.json()));
    });
  });

  describe('admin routes', () => {
    it('reports health', async () => {
      const res = await fetch(`${sandbox.origin}/__sandbox/health`);
      const health = (await res.json()) as { status: string; flavor: string; counts: Record<string, number> };
      assert.equal(health.status, 'ok');
      assert.equal(health.flavor, 'real');
      assert.deepEqual(health.counts, { memories: 40, actionItems: 30, conversations: 20 });
    });

    it('lists and resets the requests received on /v1/dev, never with the key', async () => {
      await fetch(`${sandbox.origin}/__sandbox/requests/reset`, { method: 'POST' });
      assert.equal(sandbox.requests.length, 0);
      await call(sandbox, '/user/memories?limit=3&categories=work');
      await call(sandbox, '/user/memories', null);
      const res = await fetch(`${sandbox.origin}/__sandbox/requests`);
      const text = await res.text();
      assert.ok(!text.includes(sandbox.key));
      const requests = JSON.parse(text) as {
        method: string;
        path: string;
        query: object;
        status: number;
        at: number;
      }[];
      assert.equal(requests.length, 2, 'admin calls are not recorded');
      assert.deepEqual(
        requests.map(({ method, path, query, status }) => ({ method, path, query, status })),
        [
          { method: 'GET', path: '/v1/dev/user/memories', query: { limit: '3', categories: 'work' }, status: 200 },
          { method: 'GET', path: '/v1/dev/user/memories', query: {}, status: 401 },
        ],
      );
      assert.ok(requests.every((r) => Math.abs(Date.now() - r.at) < 10_000));
      assert.deepEqual(sandbox.requests, requests);
      sandbox.resetRequests();
      assert.equal(sandbox.requests.length, 0);
    });

    it('sets faults over HTTP and refuses nonsense', async () => {
      const ok = await fetch(`${sandbox.origin}/__sandbox/faults`, {
        method: 'POST',
        body: JSON.stringify({ latencyMs: 5, failEvery: null }),
      });
      assert.equal(ok.status, 200);
      assert.equal(sandbox.faults.latencyMs, 5);
      const bad = await fetch(`${sandbox.origin}/__sandbox/faults`, {
        method: 'POST',
        body: JSON.stringify({ failEvery: { n: 0, mode: 'explode' } }),
      });
      assert.equal(bad.status, 400);
      sandbox.setFaults({ latencyMs: 0 });
    });
  });
});
