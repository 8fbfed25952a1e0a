import assert from 'node:assert/strict';
import { normalizeBaseUrl } from '../../../src/api/baseUrl';
import { isOmiApiError } from '../../../src/api/errors';

describe('normalizeBaseUrl', () => {
  const cases: [string, string][] = [
    ['https://api.omi.me', 'https://api.omi.me/v1/dev'],
    ['https://api.omi.me/', 'https://api.omi.me/v1/dev'],
    ['https://api.omi.me/v1/dev', 'https://api.omi.me/v1/dev'],
    ['https://x/v1/dev/', 'https://x/v1/dev'],
    ['https://x/v1/dev//', 'https://x/v1/dev'],
    ['http://127.0.0.1:8787/', 'http://127.0.0.1:8787/v1/dev'],
    ['  https://API.Omi.me/v1/dev  ', 'https://api.omi.me/v1/dev'],
    ['https://self.hosted/omi/', 'https://self.hosted/omi/v1/dev'],
  ];
  for (const [input, expected] of cases) {
    it(`turns ${JSON.stringify(input)} into ${expected}`, () => {
      assert.equal(normalizeBaseUrl(input), expected);
    });
  }

  for (const input of ['', 'api.omi.me', 'not a url', 'ftp://api.omi.me', 'localhost:8787']) {
    it(`refuses ${JSON.stringify(input)} with an invalidRequest error`, () => {
      assert.throws(
        () => normalizeBaseUrl(input),
        (error: unknown) => isOmiApiError(error) && error.kind === 'invalidRequest',
      );
    });
  }

  it('refuses credentials, queries and fragments without repeating them', () => {
    for (const input of [
      'https://user:omi_dev_secret@api.omi.me',
      'https://api.omi.me?key=omi_dev_secret',
      'https://x/#a',
    ]) {
      assert.throws(
        () => normalizeBaseUrl(input),
        (error: unknown) => isOmiApiError(error) && !error.message.includes('omi_dev_secret'),
      );
    }
  });
});
