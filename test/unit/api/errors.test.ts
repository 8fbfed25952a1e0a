import assert from 'node:assert/strict';
import { summarizeErrorBody } from '../../../src/api/errorBody';
import {
  isOmiApiError,
  KEY_MANAGEMENT_UNAVAILABLE,
  MISSING_API_KEY,
  type OmiApiError,
  REDIRECT_REFUSED,
} from '../../../src/api/errors';
import { errorFromResponse, kindForStatus } from '../../../src/api/responseError';
import { describeError } from '../../../src/util/errorMessage';
import { formatDuration } from '../../../src/util/time';
import { empty, json, KEY, networkFailure, omiError, testClient, text } from './fakeServer';

/** The log's sentences count a wait up, in words. */
const describeWait = (ms: number) => formatDuration(ms / 1000, { round: 'up', units: 'long' });

function fromBody(status: number, body: unknown, statusText = ''): OmiApiError {
  return errorFromResponse({ status, statusText, bodyText: typeof body === 'string' ? body : JSON.stringify(body) });
}

describe('error bodies', () => {
  it('reads FastAPI string details', () => {
    const error = fromBody(401, { detail: 'Invalid API Key' });
    assert.equal(error.kind, 'unauthorized');
    assert.equal(error.status, 401);
    assert.equal(error.detail, 'Invalid API Key');
    assert.equal(error.answer, '401: Invalid API Key');
    assert.equal(
      describeError(error).message,
      'Omi did not accept the API key: it is invalid or has been revoked (401: Invalid API Key). Set a new one.',
    );
  });

  it('summarizes 422 validation lists', () => {
    const error = fromBody(422, {
      detail: [{ type: 'int_parsing', loc: ['query', 'limit'], msg: 'Input should be a valid integer', input: 'ten' }],
    });
    assert.equal(error.kind, 'invalidRequest');
    assert.equal(error.answer, '422: limit: Input should be a valid integer');
    assert.ok(Array.isArray(error.detail));
  });

  it('summarizes several validation errors and counts the rest', () => {
    const detail = ['limit', 'offset', 'start_date', 'end_date'].map((name) => ({
      type: 'x',
      loc: ['query', name],
      msg: 'bad',
      input: '?',
    }));
    assert.equal(
      summarizeErrorBody(JSON.stringify({ detail })).reason,
      'limit: bad; offset: bad; start_date: bad (and 1 more)',
    );
  });

  it('reads 403 detail objects, preferring message over reason', () => {
    const withMessage = fromBody(403, {
      detail: {
        enabled: false,
        reason: 'memories_locked',
        code: 'upgrade_required',
        message: 'Upgrade to read memories.',
      },
    });
    assert.equal(withMessage.kind, 'forbidden');
    assert.equal(withMessage.code, 'upgrade_required');
    assert.equal(withMessage.answer, '403: Upgrade to read memories');

    const withReason = fromBody(403, { detail: { enabled: false, reason: 'Memory access is disabled' } });
    assert.equal(withReason.answer, '403: Memory access is disabled');
  });

  it('reads the documented {"error": {"message", "code"}} envelope', () => {
    const error = fromBody(401, { error: { message: 'Invalid API key', code: 'invalid_api_key' } });
    assert.equal(error.code, 'invalid_api_key');
    assert.equal(error.answer, '401: Invalid API key');
  });

  it('falls back to the status text for empty or non-JSON bodies', () => {
    assert.equal(fromBody(502, '<html><body>Bad Gateway</body></html>', 'Bad Gateway').answer, '502: Bad Gateway');
    assert.equal(fromBody(500, '', 'Internal Server Error').answer, '500: Internal Server Error');
    assert.equal(fromBody(500, '').answer, '500');
    assert.equal(
      describeError(fromBody(502, '', 'Bad Gateway')).message,
      'The Omi server had a problem answering (HTTP 502). Retry in a moment.',
    );
  });

  it('never shows raw JSON for unknown shapes', () => {
    const error = fromBody(400, { detail: { nested: { deep: true } } }, 'Bad Request');
    assert.equal(describeError(error).message, 'Omi rejected the request (400: Bad Request).');
  });

  it('keeps server reasons on one line and short', () => {
    const error = fromBody(404, { detail: `Conversation\n  not   found${'!'.repeat(500)}` });
    const said = describeError(error).message;
    assert.ok(!said.includes('\n'));
    assert.ok(said.length < 260);
    assert.ok(said.startsWith('It is no longer in Omi'), "a handler's own 404 means the item is gone");
    assert.ok(error.answer?.startsWith('404: Conversation not found!!'));
    assert.ok((error.answer?.length ?? 0) < 240);
  });

  it('maps statuses to kinds', () => {
    const expected: [number, string][] = [
      [400, 'invalidRequest'],
      [401, 'unauthorized'],
      [403, 'forbidden'],
      [404, 'notFound'],
      [405, 'invalidRequest'],
      [422, 'invalidRequest'],
      [429, 'rateLimited'],
      [500, 'server'],
      [503, 'server'],
    ];
    for (const [status, kind] of expected) {
      assert.equal(kindForStatus(status), kind, String(status));
    }
  });

  it('turns redirects into a refusal', () => {
    assert.equal(fromBody(0, '').code, REDIRECT_REFUSED, 'an opaque redirect');
    const error = fromBody(302, '');
    assert.equal(error.kind, 'server');
    assert.equal(error.code, REDIRECT_REFUSED);
    assert.equal(
      describeError(error).message,
      'The server redirected to another address; refusing to send your key there.',
    );
  });

  it('says how long to wait on a rate limit', () => {
    const error = errorFromResponse({
      status: 429,
      statusText: '',
      bodyText: JSON.stringify({ detail: 'Rate limit exceeded. Try again in 1234s.' }),
      retryAfterMs: 1_234_000,
    });
    assert.equal(error.kind, 'rateLimited');
    assert.equal(error.retryAfterMs, 1_234_000);
    assert.equal(describeError(error).message, "Omi's rate limit was reached. Try again in 21 min.");
    assert.equal(describeWait(1000), '1 second');
    assert.equal(describeWait(45_000), '45 seconds');
    assert.equal(describeWait(7_200_000), '2 hours');
  });

  it('is recognised by isOmiApiError and serializes without losing its message', () => {
    const error = fromBody(404, { detail: 'Conversation not found' });
    assert.ok(isOmiApiError(error));
    assert.ok(!isOmiApiError(new Error('x')));
    const serialized = JSON.parse(JSON.stringify(error));
    assert.equal(serialized.kind, 'notFound');
    assert.equal(serialized.message, error.message);
  });
});

describe('the API key never leaks', () => {
  function assertNoKey(value: unknown): void {
    const rendered = [
      JSON.stringify(value),
      String(value),
      value instanceof Error ? (value.stack ?? '') : '',
      JSON.stringify(Object.getOwnPropertyNames(value ?? {}).map((name) => String(Reflect.get(Object(value), name)))),
    ].join('\n');
    assert.ok(!rendered.includes(KEY), `key found in ${rendered}`);
    assert.ok(!rendered.includes(KEY.slice(8)), 'key body found');
  }

  it('sends exactly "Bearer <key>" and nothing of it in log events', async () => {
    const { client, requests, logs } = testClient([json([])]);
    await client.listMemories();
    assert.equal(requests[0].headers.get('authorization'), `Bearer ${KEY}`);
    assert.equal(requests[0].redirect, 'manual');
    assertNoKey(logs);
  });

  it('keeps the key out of errors, even when the server echoes it', async () => {
    const responders = [
      json(
        { detail: [{ type: 'x', loc: ['header', 'authorization'], msg: `bad ${KEY}`, input: `Bearer ${KEY}` }] },
        422,
      ),
      json({ detail: `Invalid API Key ${KEY}` }, 401),
      json({ error: { message: `nope ${KEY}`, code: KEY } }, 403),
      text(`<html>${KEY}</html>`, 500),
      networkFailure(),
      empty(307, { location: 'https://evil.test/' }),
    ];
    for (const responder of responders) {
      const { client, logs } = testClient([responder], { retry: { maxRetries: 0 } });
      const error = await omiError(() => client.listMemories());
      assertNoKey(error);
      assertNoKey(logs);
    }
  });

  it('keeps the key out of the missing-key and key-management errors', async () => {
    const missing = await omiError(() => testClient([json([])], { getApiKey: () => '  ' }).client.listMemories());
    assert.equal(missing.code, MISSING_API_KEY);
    const keys = await omiError(() =>
      testClient([json({ detail: 'Invalid authentication credentials' }, 401)]).client.listKeys(),
    );
    assert.equal(keys.code, KEY_MANAGEMENT_UNAVAILABLE);
    assertNoKey(missing);
    assertNoKey(keys);
  });
});
