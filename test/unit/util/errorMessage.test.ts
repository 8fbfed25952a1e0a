import * as assert from 'node:assert/strict';
import { MISSING_API_KEY, OmiApiError } from '../../../src/api/errors';
import { describeError, formatWait } from '../../../src/util/errorMessage';

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
