import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { useSignedInSandbox } from './helpers';

describe('Key rotation on a server that allows key management (documented flavor)', () => {
  const context = useSignedInSandbox({ flavor: 'documented' });

  it('creates a new key, switches to it, checks it and revokes the old one', async () => {
    const oldSecret = context.sandbox.key;
    const rotated = await vscode.commands.executeCommand<boolean>('omi.rotateKey');
    assert.equal(rotated, true);
    const keys = context.sandbox.data.keys;
    const old = keys.find((k) => k.secret === oldSecret);
    assert.equal(old?.revoked, true, 'the old key is revoked');
    const fresh = keys.filter((k) => !k.revoked && k.record.name.includes('rotated'));
    assert.equal(fresh.length, 1, 'one new key exists');
    const methods = context.sandbox.requests.map((r) => `${r.method} ${r.path}`);
    const create = methods.indexOf('POST /v1/dev/keys');
    // The documented server has no GET /key: the check falls back to a one-memory request.
    const check = methods.findIndex((m, i) => i > create && /^GET \/v1\/dev\/(key|user\/memories)$/.test(m));
    const revoke = methods.findIndex((m) => m.startsWith('DELETE /v1/dev/keys/'));
    assert.ok(create >= 0 && check > create && revoke > check, `create, check, then revoke: ${methods.join(', ')}`);
    // The extension keeps working with the new key.
    await context.api.views.refresh('memories');
    assert.equal(context.api.store.list('memories').error, undefined);
  });
});

describe('Key rotation on a server that refuses it (real flavor)', () => {
  const context = useSignedInSandbox({ flavor: 'real' });

  it('stops at the first step with the old key still working', async () => {
    const rotated = await vscode.commands.executeCommand<boolean>('omi.rotateKey');
    assert.equal(rotated, false);
    assert.equal(context.api.signedIn, true);
    assert.ok(!context.sandbox.requests.some((r) => r.method === 'DELETE'), 'nothing was revoked');
    await context.api.views.refresh('memories');
    assert.equal(context.api.store.list('memories').error, undefined, 'the old key still works');
  });
});
