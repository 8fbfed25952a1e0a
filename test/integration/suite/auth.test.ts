import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { startSandbox } from '../../../src/sandbox';
import { describeError } from '../../../src/util/errorMessage';
import { activateExtension, eventually, setBaseUrl, signIn, signOut, useSignedInSandbox } from './helpers';

describe('Sign-in and the key', () => {
  const context = useSignedInSandbox();

  it('checks a key with the server and stores nothing when Omi rejects it', async () => {
    await signOut();
    const unknownKey = `omi_dev_${'f'.repeat(32)}`;
    const stored = await vscode.commands.executeCommand<boolean>('omi.setApiKey', unknownKey);
    assert.equal(stored, false);
    assert.equal(await context.api.hasStoredKey(), false);
    assert.ok(
      context.sandbox.requests.some((r) => r.path === '/v1/dev/key' && r.status === 401),
      'the key was checked with GET /key',
    );
    assert.equal(await signIn(context.sandbox.key), true);
  });

  it('picks up a key changed in another window through secret storage events', async () => {
    const secrets = context.api.testing?.secrets;
    assert.ok(secrets, 'test hooks are available in test mode');
    const name = `omi.apiKey:${new URL(context.sandbox.url).origin}`;
    await secrets.delete(name);
    await eventually(() => !context.api.signedIn, 5000, 'signed out by the other window');
    await secrets.store(name, context.sandbox.key);
    await eventually(() => context.api.signedIn, 5000, 'signed in by the other window');
    await context.api.views.whenSwitched();
  });

  it('files keys per server: another host needs its own key, and the old one comes back', async () => {
    await setBaseUrl('https://omi.invalid/v1/dev');
    await eventually(() => !context.api.signedIn, 5000, 'signed out for the new host');
    await setBaseUrl(context.sandbox.url);
    await eventually(() => context.api.signedIn, 5000, 'signed in again for the sandbox');
    await context.api.views.whenSwitched();
  });

  it('refuses plain http to another machine and says why in the views', async () => {
    await setBaseUrl('http://198.51.100.7:8787/v1/dev');
    try {
      await eventually(() => !context.api.signedIn, 5000, 'no key for a refused address');
      const requestsBefore = context.sandbox.requests.length;
      await assert.rejects(() => context.api.store.conversation('anything'), /plain http:\/\/ to another machine/);
      assert.equal(context.sandbox.requests.length, requestsBefore);
    } finally {
      await setBaseUrl(context.sandbox.url);
    }
    await eventually(() => context.api.signedIn, 5000, 'signed in again');
    await context.api.views.whenSwitched();
  });

  it('shows the sign-in state in the status bar', async () => {
    await eventually(() => context.api.statusBar.snapshot().text === '$(pass) Omi', 5000, 'the connected state');
    await eventually(
      () => /Server: http:\/\/127\.0\.0\.1/.test(context.api.statusBar.snapshot().tooltip),
      5000,
      'tooltip',
    );
    await signOut();
    await eventually(
      () => context.api.statusBar.snapshot().text === '$(key) Omi: Set Key',
      5000,
      'the signed-out state',
    );
    assert.equal(context.api.statusBar.snapshot().command, 'omi.setApiKey');
    assert.equal(await signIn(context.sandbox.key), true);
  });

  it('says "offline" only when the server cannot be reached, not after a server error', async function () {
    this.timeout(30_000);
    const statusText = () => context.api.statusBar.snapshot().text;
    await context.api.views.refresh('actionItems');
    // A 500 that persists through the retries: the Memories view shows it, yet the server is up.
    context.sandbox.setFaults({ failEvery: { n: 1, mode: '500' } });
    try {
      await context.api.views.refresh('memories');
      assert.match(describeError(context.api.store.list('memories').error).message, /HTTP 500/, 'the view got the 500');
      assert.equal(statusText(), '$(pass) Omi', 'a server error is not an outage');
    } finally {
      context.sandbox.setFaults({ failEvery: null });
    }
    const port = context.sandbox.port;
    await context.sandbox.close();
    try {
      await context.api.views.refresh('memories');
      assert.equal(statusText(), '$(warning) Omi: offline', 'no connection is an outage');
    } finally {
      context.sandbox = await startSandbox({ shortPages: false, port });
    }
    await context.api.views.refresh('memories');
    assert.equal(statusText(), '$(pass) Omi', 'back online with the next answer');
  });

  it('counts down a rate limit in the status bar', async () => {
    // An hour-long window: longer than the client waits by itself, so the error reaches the UI.
    context.sandbox.setFaults({ rateLimit: { limit: 1, windowMs: 3_600_000 } });
    try {
      await context.api.views.refresh('memories');
      await context.api.views.refresh('memories');
      const list = context.api.store.list('memories');
      assert.match(String(list.error), /rate limit/i, JSON.stringify(context.sandbox.requests.slice(-4)));
      await eventually(() => /wait/.test(context.api.statusBar.snapshot().text), 5000, 'countdown');
    } finally {
      context.sandbox.setFaults({ rateLimit: null });
      await context.api.views.refresh('memories');
    }
  });
});

describe('A server without GET /key (the documented API)', () => {
  const context = useSignedInSandbox({ flavor: 'documented' });

  it('checks a new key once, not again when it is stored', async () => {
    await signOut();
    context.sandbox.resetRequests();
    assert.equal(await signIn(context.sandbox.key), true);
    await eventually(() => context.api.statusBar.snapshot().text === '$(pass) Omi', 5000, 'the connected state');
    // The status bar asks for the key's record after sign-in; give it the time to do so if it were going to.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const probes = context.sandbox.requests.filter((r) => r.path === '/v1/dev/user/memories' && r.query.limit === '1');
    const keyRecords = context.sandbox.requests.filter((r) => r.path === '/v1/dev/key');
    assert.equal(probes.length, 1, 'one probe for the key');
    assert.equal(keyRecords.length, 1, 'one look for the key record, answered 404');
    assert.equal(keyRecords[0]?.status, 404);
  });
});

describe('A workspace cannot send the key elsewhere', () => {
  const context = useSignedInSandbox();

  it('ignores omi.apiBaseUrl in the workspace’s .vscode/settings.json and refuses to write it there', async () => {
    const folder = vscode.workspace.workspaceFolders![0]!.uri;
    const settingsFile = vscode.Uri.joinPath(folder, '.vscode', 'settings.json');
    const hostile = 'https://attacker.example/v1/dev';
    await vscode.workspace.fs.writeFile(
      settingsFile,
      // omi.pageSize (window scope) shows when VS Code has read the file.
      new TextEncoder().encode(JSON.stringify({ 'omi.apiBaseUrl': hostile, 'omi.pageSize': 7 })),
    );
    try {
      await eventually(
        () => vscode.workspace.getConfiguration('omi').get('pageSize') === 7,
        10_000,
        'VS Code to read the workspace settings',
      );
      assert.notEqual(vscode.workspace.getConfiguration('omi').get('apiBaseUrl'), hostile);
      assert.equal(context.api.signedIn, true, 'still signed in to the same server');
      context.sandbox.resetRequests();
      await context.api.views.refresh('memories');
      assert.ok(context.sandbox.requests.length > 0, 'requests still go to the user’s own server');
      await assert.rejects(
        Promise.resolve(
          vscode.workspace.getConfiguration('omi').update('apiBaseUrl', hostile, vscode.ConfigurationTarget.Workspace),
        ),
        'a workspace-level write is refused',
      );
    } finally {
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder, '.vscode'), { recursive: true });
    }
  });
});

describe('The same key on two servers', () => {
  it('switches the lists with the server, even when the key string is the same', async function () {
    this.timeout(60_000);
    const api = await activateExtension();
    const first = await startSandbox({ shortPages: false, memories: 30 });
    const second = await startSandbox({ shortPages: false, memories: 70 });
    try {
      assert.equal(first.key, second.key, 'sandboxes of one seed share their key');
      await setBaseUrl(first.url);
      assert.equal(await signIn(first.key), true);
      await setBaseUrl(second.url);
      await eventually(() => !api.signedIn, 5000, 'signed out for the second server');
      assert.equal(await signIn(second.key), true);
      await api.store.list('memories').loadAll();
      assert.equal(api.store.list('memories').items.length, 70);
      first.resetRequests();
      await setBaseUrl(first.url);
      await eventually(() => api.signedIn && api.store.list('memories').items.length !== 70, 10_000, 'the switch');
      // The views replace the lists once the switch has read the new account's disk cache.
      await api.views.whenSwitched();
      await api.store.list('memories').loadAll();
      assert.equal(api.store.list('memories').items.length, 30, 'the first server’s memories');
      assert.ok(first.requests.length > 0, 'read from the first server');
    } finally {
      await signOut();
      await setBaseUrl(second.url);
      await signOut();
      await setBaseUrl(undefined);
      await first.close();
      await second.close();
    }
  });
});
