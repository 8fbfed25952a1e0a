import * as assert from 'node:assert/strict';
import { type Sandbox, startSandbox } from '../../src/sandbox';

interface Answer<T> {
  status: number;
  headers: Headers;
  body: T;
}

async function call<T = unknown>(
  sandbox: Sandbox,
  path: string,
  options: { key?: string | null; method?: string; body?: unknown } = {},
): Promise<Answer<T>> {
  const key = options.key === undefined ? sandbox.key : options.key;
  const headers: Record<string, string> = key === null ? {} : { Authorization: `Bearer ${key}` };
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const res = await fetch(`${sandbox.url}${path}`, {
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : undefined) as T };
}

describe('sandbox (documented flavor)', () => {
  let sandbox: Sandbox;

  beforeEach(async () => {
    sandbox = await startSandbox({ port: 0, flavor: 'documented', memories: 60, actionItems: 60, conversations: 30 });
  });
  afterEach(() => sandbox.close());

  it('answers errors in the documented envelope', async () => {
    const unauthorized = await call(sandbox, '/user/memories', { key: `omi_dev_${'a'.repeat(32)}` });
    assert.equal(unauthorized.status, 401);
    assert.deepEqual(unauthorized.body, { error: { message: 'Invalid API Key', code: 'invalid_api_key' } });

    const missing = await call<{ error: { code: string } }>(sandbox, '/user/memories', { key: null });
    assert.equal(missing.status, 401);
    assert.equal(missing.body.error.code, 'invalid_api_key');

    const forbidden = await call(sandbox, '/user/memories', { key: sandbox.restrictedKey });
    assert.equal(forbidden.status, 403);
    assert.deepEqual(forbidden.body, {
      error: { message: 'Insufficient permissions. Required scope: memories:read', code: 'insufficient_scope' },
    });

    const notFound = await call(sandbox, '/user/conversations/nope');
    assert.equal(notFound.status, 404);
    assert.deepEqual(notFound.body, { error: { message: 'Conversation not found', code: 'not_found' } });

    const invalid = await call<{ error: { message: string; code: string } }>(sandbox, '/user/memories?limit=abc');
    assert.equal(invalid.status, 400, 'the documentation has no 422');
    assert.equal(invalid.body.error.code, 'invalid_request');
    assert.match(invalid.body.error.message, /limit/);

    const unknownRoute = await call(sandbox, '/user/elsewhere');
    assert.equal(unknownRoute.status, 404);
    assert.deepEqual(unknownRoute.body, { error: { message: 'Not Found', code: 'not_found' } });
  });

  it('accepts any category string (unknown ones match nothing)', async () => {
    const answer = await call<unknown[]>(sandbox, '/user/memories?categories=personal');
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body, []);
  });

  it('reads conversation_id=null as standalone action items', async () => {
    const answer = await call<{ conversation_id: string | null }[]>(sandbox, '/user/action-items?conversation_id=null');
    assert.ok(answer.body.length > 0);
    assert.ok(answer.body.every((a) => a.conversation_id === null));
  });

  it('has no GET /key', async () => {
    const answer = await call(sandbox, '/key');
    assert.equal(answer.status, 404);
  });

  it('sends X-RateLimit headers on every answer, with the limiter off', async () => {
    const requests: [string, string | null][] = [
      ['/user/memories', sandbox.key],
      ['/user/conversations/nope', sandbox.key],
      ['/keys', sandbox.key],
      ['/user/memories', null],
      ['/nowhere', sandbox.key],
    ];
    for (const [path, key] of requests) {
      const answer = await call(sandbox, path, { key });
      assert.equal(answer.headers.get('x-ratelimit-limit'), '100', path);
      assert.equal(answer.headers.get('x-ratelimit-remaining'), '100', path);
      const reset = Number(answer.headers.get('x-ratelimit-reset'));
      assert.ok(reset > Date.now() / 1000 && reset <= Date.now() / 1000 + 60, path);
    }
  });

  it('counts down 100 per minute with the flavor limiter and answers 429 in the envelope', async () => {
    sandbox.setFaults({ rateLimit: 'flavor' });
    const first = await call(sandbox, '/user/memories?limit=1');
    assert.equal(first.headers.get('x-ratelimit-remaining'), '99');
    sandbox.setFaults({ rateLimit: { limit: 2, windowMs: 60_000 } });
    assert.equal((await call(sandbox, '/user/memories')).headers.get('x-ratelimit-remaining'), '1');
    assert.equal((await call(sandbox, '/user/action-items')).headers.get('x-ratelimit-remaining'), '0');
    const refused = await call<{ error: { code: string } }>(sandbox, '/user/conversations');
    assert.equal(refused.status, 429);
    assert.equal(refused.body.error.code, 'rate_limit_exceeded');
    assert.equal(refused.headers.get('x-ratelimit-limit'), '2');
    assert.equal(refused.headers.get('x-ratelimit-remaining'), '0');
    assert.ok(Number(refused.headers.get('x-ratelimit-reset')) > Date.now() / 1000);
  });

  it('manages keys with the dev key: create, use, list, revoke', async () => {
    const created = await call<Record<string, unknown>>(sandbox, '/keys', {
      method: 'POST',
      body: { name: 'My New Integration' },
    });
    assert.equal(created.status, 200);
    const secret = String(created.body.key);
    assert.match(secret, /^omi_dev_[0-9a-f]{32}$/);
    assert.equal(created.body.name, 'My New Integration');
    assert.equal(created.body.last_used_at, null);
    assert.equal(created.body.key_prefix, `${secret.slice(0, 12)}...${secret.slice(-4)}`);

    for (const path of ['/user/memories', '/user/action-items', '/user/conversations']) {
      assert.equal((await call(sandbox, path, { key: secret })).status, 200, path);
    }

    const listed = await call<Record<string, unknown>[]>(sandbox, '/keys');
    assert.equal(listed.status, 200);
    const mine = listed.body.find((k) => k.id === created.body.id);
    assert.ok(mine, 'the new key is listed');
    assert.equal(mine.key, undefined, 'lists never include the secret');
    assert.ok(!JSON.stringify(listed.body).includes(secret));
    assert.equal(typeof mine.last_used_at, 'string');

    const revoked = await call(sandbox, `/keys/${created.body.id}`, { method: 'DELETE' });
    assert.equal(revoked.status, 204);
    assert.equal(revoked.body, undefined);
    assert.equal((await call(sandbox, '/user/memories', { key: secret })).status, 401);
    assert.ok(!(await call<{ id: string }[]>(sandbox, '/keys')).body.some((k) => k.id === created.body.id));
    assert.equal((await call(sandbox, '/keys/never-existed', { method: 'DELETE' })).status, 204);
  });

  it('refuses a key without a name', async () => {
    const answer = await call<{ error: { code: string } }>(sandbox, '/keys', { method: 'POST', body: { name: '  ' } });
    assert.equal(answer.status, 400);
    assert.equal(answer.body.error.code, 'invalid_request');
  });
});
