import * as assert from 'node:assert/strict';
import { MISSING_API_KEY, OmiApiError } from '../../../src/api/errors';
import { errorFromResponse } from '../../../src/api/responseError';
import { describeError } from '../../../src/util/errorMessage';
import { formatDuration } from '../../../src/util/time';

/** The status bar, export progress and error sentences count a wait up. */
const formatWait = (ms: number) => formatDuration(ms / 1000, { round: 'up' });

describe('describeError', () => {
  const error = (
    kind: OmiApiError['kind'],
    extra: Partial<{ status: number; code: string; retryAfterMs: number }> = {},
  ) => new OmiApiError({ kind, message: `raw ${kind}`, ...extra });

  it('says what happened in one sentence with a way forward', () => {
    assert.deepEqual(describeError(error('unauthorized')), {
      message: 'Omi did not accept the API key. Set a new one.',
      action: 'setKey',
    });
    assert.equal(describeError(error('unauthorized', { code: MISSING_API_KEY })).message, 'No Omi API key is set.');
    assert.equal(describeError(error('network')).action, 'retry');
    assert.match(describeError(error('server', { status: 503 })).message, /HTTP 503/);
    assert.match(describeError(error('timeout')).message, /too long/);
    assert.match(describeError(error('malformed')).message, /could not read/);
  });

  it('tells how long to wait when rate limited', () => {
    const described = describeError(error('rateLimited', { retryAfterMs: 125_000 }));
    assert.equal(described.message, "Omi's rate limit was reached. Try again in 3 min.");
    assert.equal(described.retryAfterMs, 125_000);
  });

  it('handles errors that are not from the client', () => {
    assert.equal(describeError(new Error('boom')).action, 'showLog');
    assert.match(describeError('text').message, /text/);
  });

  it('formats waits', () => {
    assert.equal(formatWait(400), '1 s');
    assert.equal(formatWait(45_000), '45 s');
    assert.equal(formatWait(30 * 60_000), '30 min');
    assert.equal(formatWait(150 * 60_000), '2 h 30 min');
  });
});

describe('describeError: refusals of a well-formed request', () => {
  const refused = (status: number, body: unknown) =>
    describeError(errorFromResponse({ status, statusText: '', bodyText: JSON.stringify(body) }));

  it('a read-only key asked to write: the sentence names the way forward', () => {
    assert.deepEqual(refused(403, { detail: 'Insufficient permissions. Required scope: action_items:write' }), {
      message:
        'This key is read-only. Create a key with write access in the Omi app (Settings > Developer) and run Omi: Set API Key.',
      action: 'setKey',
    });
  });

  it('a key without a read scope names what it may not read', () => {
    assert.match(
      refused(403, { detail: 'Insufficient permissions. Required scope: memories:read' }).message,
      /^This key may not read memories\. Create a key/,
    );
  });

  it('an account that has not allowed memory access (403 with an object detail)', () => {
    const { message, action } = refused(403, { detail: { enabled: false, reason: 'Memory access is disabled' } });
    assert.equal(
      message,
      'Your Omi account does not allow this yet (Memory access is disabled). Turn it on in the Omi app, then try again.',
    );
    assert.equal(action, 'none');
  });

  it('a locked item (402), a refused value (422), a gone item and a missing endpoint (404, 405)', () => {
    assert.match(refused(402, { detail: 'A paid plan is required to access this memory.' }).message, /paid Omi plan/);
    assert.equal(
      refused(422, { detail: [{ loc: ['body', 'description'], msg: 'String should have at most 500 characters' }] })
        .message,
      'Omi did not accept the change (description: String should have at most 500 characters).',
    );
    assert.match(refused(404, { detail: 'Action item not found' }).message, /^It is no longer in Omi/);
    assert.match(refused(404, { detail: 'Not Found' }).message, /^This Omi server does not offer this/);
    assert.match(
      refused(404, { error: { message: 'Not Found', code: 'not_found' } }).message,
      /^This Omi server does not offer this/,
      'the documented envelope of a route the server lacks (its writes)',
    );
    assert.match(
      refused(404, { error: { message: 'Conversation not found', code: 'not_found' } }).message,
      /^It is no longer in Omi/,
    );
    assert.match(refused(405, { detail: 'Method Not Allowed' }).message, /^This Omi server does not offer this/);
  });
});

describe('describeError: the documented error envelope', () => {
  it('reads a route the server lacks in {"error": {"message": "Not Found"}} as a missing endpoint', () => {
    const error = errorFromResponse({
      status: 404,
      statusText: 'Not Found',
      bodyText: JSON.stringify({ error: { message: 'Not Found', code: 'not_found' } }),
    });
    assert.match(describeError(error).message, /^This Omi server does not offer this/);
  });
});
