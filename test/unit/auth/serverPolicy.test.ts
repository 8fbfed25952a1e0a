import * as assert from 'node:assert/strict';
import { checkServerAddress } from '../../../src/auth/serverPolicy';

describe('server address policy', () => {
  it('accepts https anywhere and adds /v1/dev when missing', () => {
    assert.deepEqual(checkServerAddress('https://api.omi.me'), {
      ok: true,
      baseUrl: 'https://api.omi.me/v1/dev',
      origin: 'https://api.omi.me',
    });
    assert.equal(checkServerAddress(' https://omi.example.com/v1/dev/ ').ok, true);
  });

  it('accepts plain http only for this machine', () => {
    for (const local of [
      'http://127.0.0.1:8787',
      'http://localhost:8787/v1/dev',
      'http://[::1]:9000',
      'http://127.1.2.3',
    ]) {
      assert.equal(checkServerAddress(local).ok, true, local);
    }
    for (const remote of ['http://api.omi.me/v1/dev', 'http://192.168.1.20:8787', 'http://127.0.0.1.evil.com']) {
      const check = checkServerAddress(remote);
      assert.equal(check.ok, false, remote);
      assert.match(check.ok ? '' : check.problem, /unencrypted/);
    }
  });

  it('refuses what is not an http(s) address without echoing it', () => {
    const check = checkServerAddress('omi_dev_0123456789abcdef0123456789abcdef');
    assert.equal(check.ok, false);
    assert.ok(!JSON.stringify(check).includes('0123456789abcdef'));
    assert.equal(checkServerAddress('ftp://example.com').ok, false);
  });
});
