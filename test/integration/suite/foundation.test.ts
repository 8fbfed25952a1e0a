import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { holdCommandsUntil, registerCommand } from '../../../src/util/registerCommand';
import { activateExtension, EXTENSION_ID, eventually, useSignedInSandbox } from './helpers';

describe('Foundation: the extension in a real VS Code', () => {
  it('runs in VS Code 1.100 and activates', async () => {
    await activateExtension();
    assert.match(vscode.version, /^1\.100\./);
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
  });

  it('runs a command that arrives during start-up only once the stored key has been read', async () => {
    let release!: () => void;
    const reading = new Promise<void>((resolve) => {
      release = resolve;
    });
    holdCommandsUntil(reading);
    const ran: string[] = [];
    const command = registerCommand('omi.test.duringStartup', () => ran.push('ran'));
    try {
      const result = vscode.commands.executeCommand('omi.test.duringStartup');
      await new Promise((r) => setTimeout(r, 100));
      assert.deepEqual(ran, [], 'not while the key is being read');
      release();
      await result;
      assert.deepEqual(ran, ['ran']);
    } finally {
      holdCommandsUntil(Promise.resolve());
      command.dispose();
    }
  });

  it('registers its commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON;
    const contributed: string[] = manifest.contributes.commands.map((c: { command: string }) => c.command);
    for (const id of ['omi.setApiKey', 'omi.signOut', 'omi.refresh', 'omi.openConversation', ...contributed]) {
      assert.ok(commands.includes(id), `missing ${id}`);
    }
  });

  it('contributes the Omi container, its three views, and the Goals view hidden until asked for', async () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON;
    assert.deepEqual(
      manifest.contributes.viewsContainers.activitybar.map((c: { id: string; title: string }) => [c.id, c.title]),
      [['omi', 'Omi']],
    );
    assert.deepEqual(
      manifest.contributes.views.omi.map((v: { id: string; visibility?: string }) => [v.id, v.visibility ?? 'visible']),
      [
        ['omi.memories', 'visible'],
        ['omi.actionItems', 'visible'],
        ['omi.conversations', 'visible'],
        ['omi.goals', 'hidden'],
      ],
    );
    for (const id of ['omi.memories', 'omi.actionItems', 'omi.conversations']) {
      await vscode.commands.executeCommand(`${id}.focus`);
    }
  });

  describe('Set API Key against the sandbox', () => {
    const context = useSignedInSandbox();

    it('stored the checked key in secret storage and left the welcome state', async () => {
      assert.equal(await context.api.hasStoredKey(), true);
      assert.equal(context.api.signedIn, true);
      const provider = context.api.views.providers.memories;
      provider.getChildren();
      await eventually(
        () => provider.currentList?.loading === false && (provider.currentList?.items.length ?? 0) > 0,
        10_000,
        'the first page',
      );
      const shown = provider
        .getChildren()
        .flatMap((node) => (node.kind === 'group' ? provider.getChildren(node) : []))
        .map((node) => (node.kind === 'item' ? (node.item as { id: string }).id : ''));
      const firstPage = context.sandbox.data.memories.slice(0, 50).map((m) => m.id);
      assert.deepEqual(
        [...shown].sort(),
        [...firstPage].sort(),
        'the view shows the first page of the user’s memories',
      );
    });

    it('refuses a malformed key and keeps the stored one', async () => {
      const requestsBefore = context.sandbox.requests.length;
      const stored = await vscode.commands.executeCommand<boolean>('omi.setApiKey', 'omi_dev_nothex');
      assert.equal(stored, false);
      assert.equal(context.api.signedIn, true);
      assert.equal(context.sandbox.requests.length, requestsBefore, 'a malformed key is never sent anywhere');
    });

    it('signs out, back to the welcome state', async () => {
      assert.equal(await vscode.commands.executeCommand('omi.signOut', { confirm: false }), true);
      assert.equal(await context.api.hasStoredKey(), false);
      assert.equal(context.api.signedIn, false);
      assert.deepEqual(context.api.views.providers.memories.getChildren(), [], 'empty tree: the welcome content shows');
    });
  });
});
