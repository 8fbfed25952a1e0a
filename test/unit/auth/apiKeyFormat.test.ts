import * as assert from 'node:assert/strict';
import { apiKeyFormatProblem, describeApiKey, normalizeApiKeyInput } from '../../../src/auth/apiKeyFormat';

const KEY = `omi_dev_${'0123456789abcdef'.repeat(2)}`;

describe('API key input', () => {
  it('accepts a well-formed key as typed', () => {
    assert.equal(normalizeApiKeyInput(KEY), KEY);
    assert.equal(apiKeyFormatProblem(KEY), undefined);
  });

  it('trims whitespace, quotes and a pasted Bearer prefix or header', () => {
    for (const pasted of [
      `  ${KEY}\n`,
      `"${KEY}"`,
      `Bearer ${KEY}`,
      `bearer  ${KEY}`,
      `Authorization: Bearer ${KEY}`,
    ]) {
      assert.equal(normalizeApiKeyInput(pasted), KEY, pasted);
    }
  });

  it('explains what is wrong with a malformed key', () => {
    assert.match(apiKeyFormatProblem('') ?? '', /Paste your Omi developer API key/);
    assert.match(apiKeyFormatProblem('sk_live_123') ?? '', /starts with “omi_dev_”/);
    assert.match(apiKeyFormatProblem('omi_dev_abc') ?? '', /32 characters .* \(this one has 3\)/);
    assert.match(apiKeyFormatProblem(KEY.toUpperCase().replace('OMI_DEV_', 'omi_dev_')) ?? '', /lowercase/);
    assert.match(apiKeyFormatProblem(`${KEY}0`) ?? '', /this one has 33\)/);
    assert.match(apiKeyFormatProblem(`omi_dev_${'g'.repeat(32)}`) ?? '', /0-9 and a-f/);
  });

  it('never shows more of a key than its prefix and last four characters', () => {
    const shown = describeApiKey(KEY);
    assert.equal(shown, 'omi_dev_0123…cdef');
    assert.ok(!shown.includes(KEY.slice(12, -4)));
  });
});
