import * as assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { OmiClient } from '../../src/api/client';
import { isOmiApiError } from '../../src/api/errors';
import { type Sandbox, startSandbox } from '../../src/sandbox';
import { describeError } from '../../src/util/errorMessage';

function request(sandbox: Sandbox, path: string): Promise<Response> {
  return fetch(`${sandbox.url}${path}`, { headers: { Authorization: `Bearer ${sandbox.key}` } });
}

async function status(sandbox: Sandbox, path: string): Promise<number> {
  const res = await request(sandbox, path);
  await res.arrayBuffer();
  return res.status;
}

describe('sandbox faults', () => {
  let sandbox: Sandbox;

  beforeEach(async () => {
    sandbox = await startSandbox({ port: 0, memories: 50, actionItems: 50, conversations: 40 });
  });
  afterEach(() => sandbox.close());

  describe('rate limits (real flavor)', () => {
    it('are off by default', async () => {
      for (let i = 0; i < 130; i++) {
        assert.equal(await status(sandbox, '/user/memories?limit=1'), 200);
      }
    });

    it('answer 429 past the limit with Retry-After, per bucket, in fixed windows', async () => {
      sandbox.setFaults({ rateLimit: { limit: 3, windowMs: 400 } });
      const opened = Date.now();
      for (let i = 0; i < 3; i++) {
        const ok = await request(sandbox, '/user/memories?limit=1');
        assert.equal(ok.status, 200);
        assert.equal(ok.headers.get('x-ratelimit-limit'), null, 'no rate-limit headers before a 429');
        await ok.arrayBuffer();
      }
      const refused = await request(sandbox, '/user/memories?limit=1');
      assert.equal(refused.status, 429);
      assert.equal(refused.headers.get('x-ratelimit-limit'), '3');
      assert.equal(refused.headers.get('x-ratelimit-remaining'), '0');
      assert.equal(refused.headers.get('retry-after'), '1');
      assert.deepEqual(await refused.json(), { detail: 'Rate limit exceeded. Try again in 1s.' });

      assert.equal(await status(sandbox, '/user/action-items?limit=1'), 200, 'another bucket is untouched');

      // The window is fixed: it reopens 400 ms after its first request, whatever happened since (650 ms: slack).
      await sleep(Math.max(0, opened + 650 - Date.now()));
      assert.equal(await status(sandbox, '/user/memories?limit=1'), 200);
    });

    it('use the real buckets with rateLimit "flavor": 25 transcript reads per hour', async () => {
      sandbox.setFaults({ rateLimit: 'flavor' });
      for (let i = 0; i < 25; i++) {
        assert.equal(await status(sandbox, '/user/conversations?limit=1&include_transcript=true'), 200);
      }
      const refused = await request(sandbox, '/user/conversations?limit=1&include_transcript=true');
      assert.equal(refused.status, 429);
      assert.equal(refused.headers.get('x-ratelimit-limit'), '25');
      const seconds = Number(refused.headers.get('retry-after'));
      assert.ok(seconds > 3500 && seconds <= 3600, `Retry-After ${seconds}`);
      assert.deepEqual(await refused.json(), { detail: `Rate limit exceeded. Try again in ${seconds}s.` });
      assert.equal(await status(sandbox, '/user/conversations?limit=1'), 200, 'lists without transcripts still work');
    });

    it('share 60 conversation reads per hour between lists and details', async () => {
      sandbox.setFaults({ rateLimit: 'flavor' });
      const id = sandbox.data.conversations[0]!.id;
      for (let i = 0; i < 30; i++) {
        assert.equal(await status(sandbox, '/user/conversations?limit=1'), 200);
        assert.equal(await status(sandbox, `/user/conversations/${id}`), 200);
      }
      assert.equal(await status(sandbox, `/user/conversations/${id}`), 429);
      assert.equal(await status(sandbox, '/user/memories?limit=1'), 200);
    });
  });

  describe('failEvery', () => {
    it('500: every Nth data request fails with FastAPI plain text', async () => {
      sandbox.setFaults({ failEvery: { n: 2, mode: '500' } });
      assert.equal(await status(sandbox, '/user/memories'), 200);
      const failed = await request(sandbox, '/user/memories');
      assert.equal(failed.status, 500);
      assert.equal(await failed.text(), 'Internal Server Error');
      assert.equal(await status(sandbox, '/key'), 200, 'non-data routes are not counted');
      assert.equal(await status(sandbox, '/user/memories'), 200);
      assert.equal(await status(sandbox, '/user/conversations'), 500);
    });

    it('first: the first failure comes on that request, then every Nth', async () => {
      sandbox.setFaults({ failEvery: { n: 3, mode: '500', first: 1 } });
      const statuses = [];
      for (let i = 0; i < 7; i++) statuses.push(await status(sandbox, '/user/memories?limit=1'));
      assert.deepEqual(statuses, [500, 200, 200, 500, 200, 200, 500]);
    });

    it('503: answers with a JSON detail', async () => {
      sandbox.setFaults({ failEvery: { n: 1, mode: '503' } });
      const failed = await request(sandbox, '/user/action-items');
      assert.equal(failed.status, 503);
      assert.deepEqual(await failed.json(), { detail: 'Rate limiter unavailable' });
    });

    it('drop: the body is cut off and fetch rejects', async () => {
      sandbox.setFaults({ failEvery: { n: 1, mode: 'drop' } });
      await assert.rejects(async () => {
        const res = await request(sandbox, '/user/memories');
        await res.text();
      });
      sandbox.setFaults({ failEvery: null });
      assert.equal(await status(sandbox, '/user/memories'), 200, 'the server survives');
    });

    it('malformed: 200 with a body that is not JSON', async () => {
      sandbox.setFaults({ failEvery: { n: 1, mode: 'malformed' } });
      const res = await request(sandbox, '/user/memories');
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'application/json');
      await assert.rejects(res.json(), SyntaxError);
    });

    it('wrongShape: 200 with an object instead of a list, a list instead of an object', async () => {
      sandbox.setFaults({ failEvery: { n: 1, mode: 'wrongShape' } });
      const list = await (await request(sandbox, '/user/memories?limit=3')).json();
      assert.ok(!Array.isArray(list) && typeof list === 'object');
      const id = sandbox.data.conversations[0]!.id;
      const detail = await (await request(sandbox, `/user/conversations/${id}`)).json();
      assert.ok(Array.isArray(detail));
    });

    it('hang: the request is accepted and never answered; the client gives up on its timeout, then retries', async () => {
      sandbox.setFaults({ failEvery: { n: 2, mode: 'hang' } });
      const client = new OmiClient({
        baseUrl: sandbox.url,
        getApiKey: () => sandbox.key,
        timeoutMs: 300,
        retry: { maxRetries: 0 },
      });
      assert.equal((await client.listMemories({ limit: 1 })).length, 1);
      const error = await client.listMemories({ limit: 1 }).then(
        () => undefined,
        (e: unknown) => e,
      );
      assert.ok(isOmiApiError(error) && error.kind === 'timeout', String(error));
      assert.match(describeError(error).message, /took too long/);
      const patient = new OmiClient({ baseUrl: sandbox.url, getApiKey: () => sandbox.key, timeoutMs: 300 });
      sandbox.setFaults({ failEvery: { n: 2, mode: 'hang' } });
      assert.equal((await patient.listMemories({ limit: 1 })).length, 1);
      assert.equal((await patient.listMemories({ limit: 1 })).length, 1, 'a timed-out GET is retried, and answered');
    });

    it('restarts its count when set again', async () => {
      sandbox.setFaults({ failEvery: { n: 3, mode: '503' } });
      assert.equal(await status(sandbox, '/user/memories'), 200);
      assert.equal(await status(sandbox, '/user/memories'), 200);
      sandbox.setFaults({ failEvery: { n: 3, mode: '503' } });
      assert.equal(await status(sandbox, '/user/memories'), 200);
      assert.equal(await status(sandbox, '/user/memories'), 200);
      assert.equal(await status(sandbox, '/user/memories'), 503);
    });
  });

  it('latency delays every /v1/dev answer', async () => {
    sandbox.setFaults({ latencyMs: 150 });
    const started = Date.now();
    assert.equal(await status(sandbox, '/user/memories?limit=1'), 200);
    assert.ok(Date.now() - started >= 140);
    sandbox.setFaults({ latencyMs: 0 });
    const quick = Date.now();
    await status(sandbox, '/user/memories?limit=1');
    assert.ok(Date.now() - quick < 140);
  });

  it('can be set from the options', async () => {
    const broken = await startSandbox({ port: 0, memories: 5, faults: { failEvery: { n: 1, mode: '503' } } });
    try {
      assert.equal(await status(broken, '/user/memories'), 503);
      assert.deepEqual(broken.faults, { latencyMs: 0, rateLimit: null, failEvery: { n: 1, mode: '503' } });
    } finally {
      await broken.close();
    }
  });
});
