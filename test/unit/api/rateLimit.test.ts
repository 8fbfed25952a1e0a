import assert from 'node:assert/strict';
import { parseRateLimitReset, parseRetryAfter, rateLimitWaitMs, readRateLimitInfo } from '../../../src/api/rateLimit';
import { describeError } from '../../../src/util/errorMessage';
import { json, NOW, omiError, testClient } from './fakeServer';

const memory = { id: 'm1', content: 'x', category: 'work' };

describe('rate-limit headers', () => {
  it('reads Retry-After as seconds', () => {
    assert.equal(parseRetryAfter('120', NOW), 120_000);
    assert.equal(parseRetryAfter(' 0 ', NOW), 0);
    assert.equal(parseRetryAfter('1.5', NOW), 1500);
  });

  it('reads Retry-After as an HTTP date', () => {
    assert.equal(parseRetryAfter(new Date(NOW + 90_000).toUTCString(), NOW), 90_000);
    assert.equal(parseRetryAfter(new Date(NOW - 5000).toUTCString(), NOW), 0, 'a past date means now');
  });

  it('ignores missing or unreadable Retry-After values', () => {
    assert.equal(parseRetryAfter(null, NOW), undefined);
    assert.equal(parseRetryAfter('', NOW), undefined);
    assert.equal(parseRetryAfter('soon', NOW), undefined);
    assert.equal(parseRetryAfter('-5', NOW), undefined);
  });

  it('reads X-RateLimit-Reset as epoch seconds, or as seconds from now when small', () => {
    assert.equal(parseRateLimitReset('1642694400', NOW)?.toISOString(), '2022-01-20T16:00:00.000Z');
    assert.equal(parseRateLimitReset('60', NOW)?.getTime(), NOW + 60_000);
    assert.equal(parseRateLimitReset('1642694400000', NOW)?.toISOString(), '2022-01-20T16:00:00.000Z');
    assert.equal(parseRateLimitReset('x', NOW), undefined);
  });

  it('prefers Retry-After over X-RateLimit-Reset for the wait', () => {
    const epochReset = String(Math.floor(NOW / 1000) + 300);
    assert.equal(rateLimitWaitMs(new Headers({ 'retry-after': '30', 'x-ratelimit-reset': epochReset }), NOW), 30_000);
    assert.equal(rateLimitWaitMs(new Headers({ 'x-ratelimit-reset': epochReset }), NOW), 300_000);
    assert.equal(rateLimitWaitMs(new Headers(), NOW), undefined);
  });

  it('builds the state from whichever headers are present', () => {
    assert.equal(readRateLimitInfo(new Headers({ 'content-type': 'application/json' }), NOW), undefined);
    assert.deepEqual(
      readRateLimitInfo(
        new Headers({ 'x-ratelimit-limit': '120', 'x-ratelimit-remaining': '0', 'retry-after': '10' }),
        NOW,
      ),
      { limit: 120, remaining: 0, resetAt: new Date(NOW + 10_000), updatedAt: new Date(NOW) },
    );
  });
});

describe('rate limits in the client', () => {
  it('keeps the latest headers from successful responses (documented server)', async () => {
    const { client } = testClient([
      json([memory], 200, {
        'x-ratelimit-limit': '100',
        'x-ratelimit-remaining': '95',
        'x-ratelimit-reset': '1642694400',
      }),
      json([memory]),
    ]);
    const before = client.rateLimit;
    await client.listMemories();
    await client.listMemories();
    const after = client.rateLimit;
    assert.equal(before, undefined);
    assert.equal(after?.limit, 100);
    assert.equal(after?.remaining, 95);
    assert.equal(after?.resetAt?.getTime(), 1_642_694_400_000);
  });

  it('waits exactly Retry-After seconds on a 429, announcing it first, then retries (real server)', async () => {
    const events: string[] = [];
    const { client, requests, sleeps, waits } = testClient(
      [
        json({ detail: 'Rate limit exceeded. Try again in 42s.' }, 429, {
          'retry-after': '42',
          'x-ratelimit-limit': '120',
          'x-ratelimit-remaining': '0',
        }),
        json([memory]),
      ],
      {
        sleep: async (ms) => {
          events.push(`sleep ${ms}`);
        },
        onRateLimitWait: (event) => {
          events.push(`wait ${event.waitMs}`);
          waits.push(event);
        },
      },
    );
    assert.deepEqual(await client.listMemories(), [memory]);
    assert.equal(requests.length, 2);
    assert.deepEqual(events, ['wait 42000', 'sleep 42000']);
    assert.deepEqual(waits, [{ method: 'GET', waitMs: 42_000, until: new Date(NOW + 42_000), path: '/user/memories' }]);
    assert.equal(sleeps.length, 0);
    assert.equal(client.rateLimit?.remaining, 0);
    assert.equal(client.rateLimit?.resetAt?.getTime(), NOW + 42_000);
  });

  it('waits for an HTTP-date Retry-After and for X-RateLimit-Reset', async () => {
    const dated = testClient([
      json({ detail: 'slow' }, 429, { 'retry-after': new Date(NOW + 15_000).toUTCString() }),
      json([memory]),
    ]);
    await dated.client.listMemories();
    assert.deepEqual(dated.sleeps, [15_000]);

    const reset = testClient([
      json({ detail: 'slow' }, 429, { 'x-ratelimit-reset': String(Math.floor(NOW / 1000) + 20) }),
      json([memory]),
    ]);
    await reset.client.listMemories();
    assert.deepEqual(reset.sleeps, [20_000]);
  });

  it('surfaces a long wait as rateLimited with retryAfterMs instead of waiting', async () => {
    const { client, requests, sleeps, waits } = testClient([
      json({ detail: 'Rate limit exceeded. Try again in 1234s.' }, 429, { 'retry-after': '1234' }),
    ]);
    const error = await omiError(() => client.listConversations());
    assert.equal(error.kind, 'rateLimited');
    assert.equal(error.retryAfterMs, 1_234_000);
    assert.equal(describeError(error).message, "Omi's rate limit was reached. Try again in 21 min.");
    assert.equal(requests.length, 1);
    assert.deepEqual(sleeps, []);
    assert.deepEqual(waits, []);
  });

  it('respects a custom maxRateLimitWaitMs', async () => {
    const { client, sleeps } = testClient([json({ detail: 'slow' }, 429, { 'retry-after': '10' })], {
      retry: { maxRateLimitWaitMs: 5000 },
    });
    assert.equal((await omiError(() => client.listMemories())).retryAfterMs, 10_000);
    assert.deepEqual(sleeps, []);
  });

  it('surfaces a 429 without any wait hint at once', async () => {
    const { client, requests } = testClient([json({ detail: 'Rate limit exceeded' }, 429)]);
    const error = await omiError(() => client.listMemories());
    assert.equal(error.kind, 'rateLimited');
    assert.equal(error.retryAfterMs, undefined);
    assert.equal(describeError(error).message, "Omi's rate limit was reached.");
    assert.equal(error.answer, '429: Rate limit exceeded');
    assert.equal(requests.length, 1);
  });

  it('stops after five 429 waits in a row', async () => {
    const { client, requests, waits } = testClient([json({ detail: 'slow' }, 429, { 'retry-after': '1' })]);
    assert.equal((await omiError(() => client.listMemories())).kind, 'rateLimited');
    assert.equal(waits.length, 5);
    assert.equal(requests.length, 6);
  });

  it('cancels a rate-limit wait when the signal aborts', async () => {
    const controller = new AbortController();
    const { client, requests } = testClient([json({ detail: 'slow' }, 429, { 'retry-after': '60' })], {
      onRateLimitWait: () => controller.abort(),
    });
    assert.equal((await omiError(() => client.listMemories({ signal: controller.signal }))).kind, 'aborted');
    assert.equal(requests.length, 1);
  });
});
