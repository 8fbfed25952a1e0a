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

  it('refuses keys that cannot be right, explaining why', () => {
    const blocking = (key: string) => {
      const problem = apiKeyFormatProblem(key);
      assert.equal(problem?.blocking, true, key);
      return problem?.message ?? '';
    };
    assert.match(blocking(''), /Paste your Omi developer API key/);
    assert.match(blocking('sk_live_123'), /starts with “omi_dev_”/);
    assert.match(blocking('omi_dev_abc'), /32 characters .* \(this one has 3\)/);
    assert.match(blocking('omi_dev_0123 456789abcdef0123456789abcdef'), /spaces or symbols/);
    assert.match(blocking(KEY.toUpperCase().replace('OMI_DEV_', 'omi_dev_')), /lowercase/);
  });

  it('warns about unusual but plausible keys and lets the server decide', () => {
    for (const key of [`${KEY}0`, `omi_dev_${'g'.repeat(32)}`, `omi_dev_${'a1'.repeat(12)}`]) {
      const problem = apiKeyFormatProblem(key);
      assert.equal(problem?.blocking, false, key);
      assert.match(problem?.message ?? '', /server will decide/);
    }
  });

  it('never shows more of a key than its prefix and last four characters', () => {
    const shown = describeApiKey(KEY);
    assert.equal(shown, 'omi_dev_0123…cdef');
    assert.ok(!shown.includes(KEY.slice(12, -4)));
  });
});
