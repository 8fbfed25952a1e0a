import assert from 'node:assert/strict';
import {
  backoffDelayMs,
  DEFAULT_RETRY_POLICY,
  decideRetry,
  isRetryableStatus,
  MAX_RATE_LIMIT_WAITS_IN_A_ROW,
  type RetryState,
} from '../../../src/api/retry';
import { empty, json, networkFailure, omiError, testClient, text } from './fakeServer';

const policy = DEFAULT_RETRY_POLICY;
const fresh: RetryState = { retriesUsed: 0, rateLimitWaitsInARow: 0 };
const half = () => 0.5;

describe('retry decisions', () => {
  it('retries only 500, 502, 503 and 504 among statuses', () => {
    for (const status of [500, 502, 503, 504]) {
      assert.ok(isRetryableStatus(status), String(status));
    }
    for (const status of [400, 401, 402, 403, 404, 405, 422, 501]) {
      assert.ok(!isRetryableStatus(status), String(status));
    }
  });

  it('backs off exponentially with equal jitter, capped at maxDelayMs', () => {
    assert.equal(
      backoffDelayMs(0, policy, () => 0),
      250,
    );
    assert.equal(
      backoffDelayMs(0, policy, () => 1),
      500,
    );
    assert.equal(backoffDelayMs(1, policy, half), 750);
    assert.equal(backoffDelayMs(2, policy, half), 1500);
    assert.equal(
      backoffDelayMs(10, policy, () => 0.999_999),
      8000,
    );
    assert.equal(
      backoffDelayMs(10, policy, () => 0),
      4000,
    );
  });

  it('retries GET network failures, timeouts and gateway errors until maxRetries', () => {
    for (const failure of [
      { kind: 'network' as const },
      { kind: 'timeout' as const },
      { kind: 'server' as const, status: 503 },
      { kind: 'server' as const, status: 500 },
    ]) {
      assert.deepEqual(decideRetry('GET', failure, fresh, policy, half), { action: 'backoff', delayMs: 375 });
      assert.deepEqual(decideRetry('GET', failure, { retriesUsed: 3, rateLimitWaitsInARow: 0 }, policy, half), {
        action: 'fail',
      });
    }
  });

  it('does not retry client errors or an answer it could not read', () => {
    assert.deepEqual(decideRetry('GET', { kind: 'server', status: 501 }, fresh, policy, half), { action: 'fail' });
    assert.deepEqual(decideRetry('GET', { kind: 'notFound', status: 404 }, fresh, policy, half), { action: 'fail' });
    assert.deepEqual(decideRetry('GET', { kind: 'malformed' }, fresh, policy, half), { action: 'fail' });
  });

  it('never sends a POST again after a failure that may have reached the server', () => {
    for (const failure of [
      { kind: 'network' as const },
      { kind: 'timeout' as const },
      { kind: 'server' as const, status: 503 },
      { kind: 'server' as const, status: 500 },
    ]) {
      assert.deepEqual(decideRetry('POST', failure, fresh, policy, half), { action: 'fail' });
    }
  });

  it('retries PATCH and DELETE like reads: sending them again changes nothing', () => {
    for (const method of ['PATCH', 'DELETE']) {
      assert.deepEqual(decideRetry(method, { kind: 'server', status: 503 }, fresh, policy, half), {
        action: 'backoff',
        delayMs: 375,
      });
      assert.deepEqual(decideRetry(method, { kind: 'invalidRequest', status: 422 }, fresh, policy, half), {
        action: 'fail',
      });
    }
  });

  it('waits out a 429 for every method: the server did nothing with the request', () => {
    for (const method of ['GET', 'POST', 'PATCH', 'DELETE']) {
      assert.deepEqual(
        decideRetry(method, { kind: 'rateLimited', status: 429, retryAfterMs: 1000 }, fresh, policy, half),
        { action: 'waitForRateLimit', delayMs: 1000 },
      );
    }
  });

  it('waits out a 429 exactly as asked when short enough, a bounded number of times in a row', () => {
    const limited = { kind: 'rateLimited' as const, status: 429, retryAfterMs: 42_000 };
    assert.deepEqual(decideRetry('GET', limited, fresh, policy, half), { action: 'waitForRateLimit', delayMs: 42_000 });
    assert.deepEqual(
      decideRetry('GET', limited, { retriesUsed: 3, rateLimitWaitsInARow: 0 }, policy, half),
      { action: 'waitForRateLimit', delayMs: 42_000 },
      '429 waits do not use the retry budget',
    );
    assert.deepEqual(
      decideRetry(
        'GET',
        limited,
        { retriesUsed: 0, rateLimitWaitsInARow: MAX_RATE_LIMIT_WAITS_IN_A_ROW },
        policy,
        half,
      ),
      { action: 'fail' },
    );
    assert.deepEqual(decideRetry('GET', { ...limited, retryAfterMs: 120_001 }, fresh, policy, half), {
      action: 'fail',
    });
    assert.deepEqual(decideRetry('GET', { kind: 'rateLimited', status: 429 }, fresh, policy, half), { action: 'fail' });
  });
});

describe('the retry loop', () => {
  it('retries a GET after 503 and a dropped connection, then succeeds', async () => {
    const { client, requests, sleeps, logs } = testClient([
      json({ detail: 'Rate limiter unavailable' }, 503),
      networkFailure(),
      json([{ id: 'm1', content: 'x', category: 'work' }]),
    ]);
    const memories = await client.listMemories();
    assert.equal(memories.length, 1);
    assert.equal(requests.length, 3);
    assert.deepEqual(sleeps, [375, 750]);
    assert.deepEqual(
      logs.map((event) => [event.attempt, event.status, event.errorKind]),
      [
        [1, 503, 'server'],
        [2, undefined, 'network'],
        [3, 200, undefined],
      ],
    );
  });

  it('gives up after maxRetries with the last error', async () => {
    const { client, requests, sleeps } = testClient([empty(504)], { retry: { maxRetries: 2, baseDelayMs: 100 } });
    const error = await omiError(() => client.listActionItems());
    assert.equal(error.kind, 'server');
    assert.equal(error.status, 504);
    assert.equal(requests.length, 3);
    assert.deepEqual(sleeps, [75, 150]);
  });

  it('rides out an occasional 500 on a read, and says so', async () => {
    const { client, requests, sleeps, retries } = testClient([
      text('Internal Server Error', 500, { 'content-type': 'text/plain; charset=utf-8' }),
      json([{ id: 'm1', content: 'x', category: 'work' }]),
    ]);
    assert.equal((await client.listMemories()).length, 1);
    assert.equal(requests.length, 2);
    assert.deepEqual(sleeps, [375]);
    assert.deepEqual(retries, [
      { method: 'GET', path: '/user/memories', status: 500, errorKind: 'server', retry: 1, of: 3, delayMs: 375 },
    ]);
  });

  it('shows a 500 that persists after the retries', async () => {
    const { client, requests } = testClient([json({ detail: 'boom' }, 500)]);
    const error = await omiError(() => client.listMemories());
    assert.equal(error.kind, 'server');
    assert.equal(error.status, 500);
    assert.equal(requests.length, 4);
  });

  it('reports network failures with their code', async () => {
    const { client } = testClient([networkFailure('ECONNREFUSED')], { retry: { maxRetries: 0 } });
    const error = await omiError(() => client.listMemories());
    assert.equal(error.kind, 'network');
    assert.equal(error.code, 'ECONNREFUSED');
    assert.equal(error.message, 'Could not reach the Omi server at api.test (ECONNREFUSED).');
  });

  it('never sends key creation twice after a failure that may have reached the server', async () => {
    for (const responder of [empty(503), networkFailure()]) {
      const create = testClient([responder]);
      await omiError(() => create.client.createKey('laptop'));
      assert.equal(create.requests.length, 1);
      assert.deepEqual(create.sleeps, []);
    }
  });

  it('sends a write again after a 429, once the wait the server asked for is over', async () => {
    const { client, requests, sleeps, waits } = testClient([
      json({ detail: 'Rate limit exceeded. Try again in 2s.' }, 429, { 'retry-after': '2' }),
      json({ id: 'a1', description: 'Call Sam', completed: false }),
    ]);
    const created = await client.createActionItem({ description: 'Call Sam' });
    assert.equal(created.id, 'a1');
    assert.equal(requests.length, 2);
    assert.deepEqual(sleeps, [2000]);
    assert.equal(waits.length, 1, 'the wait is announced, so the UI can say so');
  });

  it('retries a DELETE after a gateway error: deleting twice deletes once', async () => {
    const { client, requests } = testClient([empty(503), empty(204)]);
    await client.revokeKey('key_1');
    assert.equal(requests.length, 2);
  });

  it('rejects promptly with aborted when cancelled during a backoff sleep', async () => {
    const controller = new AbortController();
    const { client, requests } = testClient([empty(503)], {
      sleep: (_ms, signal) =>
        new Promise((_resolve, reject) => {
          signal?.addEventListener('abort', () => reject(new Error('sleep aborted')), { once: true });
          setTimeout(() => controller.abort(), 5);
        }),
    });
    const error = await omiError(() => client.listMemories({ signal: controller.signal }));
    assert.equal(error.kind, 'aborted');
    assert.equal(requests.length, 1);
  });

  it('the default sleep rejects at once on abort', async () => {
    const controller = new AbortController();
    const { client } = testClient([empty(503)], {
      sleep: undefined,
      retry: { baseDelayMs: 60_000, maxDelayMs: 60_000 },
    });
    const started = Date.now();
    setTimeout(() => controller.abort(), 10);
    const error = await omiError(() => client.listMemories({ signal: controller.signal }));
    assert.equal(error.kind, 'aborted');
    assert.ok(Date.now() - started < 1000);
  });
});
