import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ChecklistSyncOutcome } from '../../../src/actionItemSync/syncActionItems';
import { useWindowSpy } from './faultMatrix';
import { eventually, signIn, useSignedInSandbox } from './helpers';

const READ_ONLY =
  'This key is read-only. Create a key with write access in the Omi app (Settings > Developer) and run Omi: Set API Key.';

describe('Syncing action items to a Markdown checklist', () => {
  const context = useSignedInSandbox({ actionItems: 60 });
  const file = () => vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'omi-action-items.md');
  const read = async () => new TextDecoder().decode(await vscode.workspace.fs.readFile(file()));
  const write = (text: string) => vscode.workspace.fs.writeFile(file(), new TextEncoder().encode(text));
  const sync = async () =>
    (await vscode.commands.executeCommand('omi.syncActionItems')) as ChecklistSyncOutcome | undefined;
  const openItems = () => context.sandbox.data.actionItems.filter((a) => !a.completed);

  before(async () => {
    await vscode.workspace.fs.delete(file()).then(undefined, () => undefined);
  });
  after(async () => {
    await vscode.workspace.getConfiguration('omi').update('actionItems.syncOnRefresh', undefined, true);
  });

  it('creates the checklist with every open item, read in pages of 1,000', async () => {
    context.sandbox.resetRequests();
    const outcome = await sync();
    assert.equal(outcome?.written, true);
    const text = await read();
    assert.match(text, /^# Omi action items\n\n<!-- omi:begin -->\n/);
    assert.match(text, /the\n> change is sent to Omi first/, 'the key may write: ticks are sent');
    for (const item of openItems()) assert.ok(text.includes(`<!-- omi:${item.id} -->`), `open item ${item.id}`);
    const open = text.split('\n').filter((line) => line.startsWith('- [ ] ')).length;
    assert.equal(open, openItems().length);
    const pages = context.sandbox.requests.map((r) => `${r.path}?${r.query.offset}/${r.query.limit}`);
    assert.deepEqual(pages, ['/v1/dev/user/action-items?0/1000', '/v1/dev/user/action-items?1000/1000']);
  });

  it('does not rewrite the file when nothing changed', async () => {
    const before = await vscode.workspace.fs.stat(file());
    const text = await read();
    await new Promise((r) => setTimeout(r, 50));
    const outcome = await sync();
    assert.equal(outcome?.written, false);
    const after = await vscode.workspace.fs.stat(file());
    assert.equal(after.mtime, before.mtime, 'mtime unchanged');
    assert.equal(await read(), text);
  });

  it('keeps the user’s text byte for byte and moves a completed item to Done recently', async () => {
    const mine = '# My week\r\n\r\nNotes about *this* week.\r\n\r\n';
    const tail = '\r\n\r\n## Ideas\r\n- [ ] my own, not Omi’s\r\n';
    await write(
      `${mine}${(await read())
        .replace(/^# Omi action items\n\n/, '')
        .trimEnd()
        .replace(/\n/g, '\r\n')}${tail}`,
    );
    const item = openItems()[0]!;
    item.completed = true;
    item.completed_at = new Date().toISOString();
    const outcome = await sync();
    assert.equal(outcome?.written, true);
    const text = await read();
    assert.ok(text.startsWith(mine), 'text above the block kept');
    assert.ok(text.endsWith(tail), 'text below the block kept');
    const line = text.split('\r\n').find((l) => l.endsWith(`<!-- omi:${item.id} -->`));
    assert.ok(line?.startsWith('- [x] '), line);
    const doneHeading = text.indexOf('## Done recently');
    assert.ok(doneHeading > 0 && text.indexOf(line!) > doneHeading, 'listed under Done recently');
  });

  it('syncs again after the Action Items view refreshes, when asked to', async () => {
    await vscode.workspace.getConfiguration('omi').update('actionItems.syncOnRefresh', true, true);
    const item = openItems()[0]!;
    item.description = 'Renamed upstream';
    await vscode.commands.executeCommand('omi.refreshActionItems');
    await eventually(async () => (await read()).includes('Renamed upstream'), 20_000, 'the file to follow the refresh');
  });

  it('links each item with a conversation to it through the editor’s own URI scheme', async () => {
    const text = await read();
    const item = context.sandbox.data.actionItems.find((a) => !a.completed && a.conversation_id)!;
    const line = text.split('\r\n').find((l) => l.endsWith(`<!-- omi:${item.id} -->`));
    // Opening such a URI from the test would navigate the browser tab away from the workbench; the handler's
    // parsing is unit-tested.
    const link = `${vscode.env.uriScheme}://omi-community.omi-vscode/openConversation?id=${item.conversation_id}`;
    assert.ok(line?.includes(`[conversation](${link})`), `${line} links to ${link}`);
  });

  describe('two-way', () => {
    const spy = useWindowSpy();
    const onServer = (id: string) => context.sandbox.data.actionItems.find((a) => a.id === id);
    const lineOf = (text: string, id: string) => text.split(/\r?\n/).find((l) => l.endsWith(`<!-- omi:${id} -->`));
    /** Ticks or unticks an item's box in the file, as a user would in the editor. */
    const setBox = async (id: string, ticked: boolean) => {
      const text = await read();
      const line = lineOf(text, id);
      assert.ok(line, `${id} is in the checklist`);
      await write(text.replace(line, line.replace(/^- \[[ x]\]/, ticked ? '- [x]' : '- [ ]')));
    };
    /** An open item the checklist lists (and not one an earlier test used). */
    const used = new Set<string>();
    const listedOpenItem = async () => {
      const text = await read();
      const item = openItems().find((a) => !used.has(a.id) && lineOf(text, a.id) !== undefined);
      assert.ok(item, 'an open item in the checklist');
      used.add(item.id);
      return item;
    };
    const patches = () => context.sandbox.requests.filter((r) => r.method === 'PATCH');
    const lastMessage = () => spy.messages.at(-1);

    before(async () => {
      await vscode.workspace.getConfiguration('omi').update('actionItems.syncOnRefresh', undefined, true);
      await sync();
    });
    afterEach(() => spy.reset());

    it('sends a box ticked in the file to Omi, then rewrites the block from the server; unticking reopens', async () => {
      const item = await listedOpenItem();
      await setBox(item.id, true);
      context.sandbox.resetRequests();
      const outcome = await sync();
      assert.equal(onServer(item.id)?.completed, true, 'completed in Omi');
      assert.deepEqual(
        patches().map((r) => r.path),
        [`/v1/dev/user/action-items/${item.id}`],
      );
      assert.equal(outcome?.report.sent.length, 1);
      const text = await read();
      const line = lineOf(text, item.id);
      assert.ok(line?.startsWith('- [x] '), line);
      assert.match(line ?? '', / \(done \d{4}-\d{2}-\d{2}\)/, 'with the completion day the server gave');
      assert.ok(text.indexOf(line!) > text.indexOf('## Done recently'), 'moved to Done recently');
      assert.equal(context.api.store.list('actionItems').find(item.id)?.completed ?? true, true, 'the view follows');
      assert.match(lastMessage()?.text ?? '', /1 change sent to Omi: “/);

      await setBox(item.id, false);
      await sync();
      assert.equal(onServer(item.id)?.completed, false, 'open again in Omi');
      assert.ok(lineOf(await read(), item.id)?.startsWith('- [ ] '));
    });

    it('keeps the server’s state when the item also changed there, and names it', async () => {
      const item = await listedOpenItem();
      await setBox(item.id, true);
      const server = onServer(item.id)!;
      server.description = 'Changed in the Omi app';
      server.updated_at = new Date().toISOString();
      context.sandbox.resetRequests();
      const outcome = await sync();
      assert.deepEqual(patches(), [], 'nothing sent');
      assert.equal(onServer(item.id)?.completed, false);
      const line = lineOf(await read(), item.id);
      assert.ok(line?.startsWith('- [ ] Changed in the Omi app'), line);
      assert.equal(outcome?.report.conflicts.length, 1);
      const message = lastMessage();
      assert.equal(message?.severity, 'warning');
      assert.match(message?.text ?? '', /1 conflict: the server's state was kept for “Changed in the Omi app”\./);
    });

    it('lets an item deleted in Omi leave the block, with a note', async () => {
      const item = await listedOpenItem();
      await setBox(item.id, true);
      // Deleted in the Omi app meanwhile.
      const deleted = await fetch(`${context.sandbox.url}/user/action-items/${encodeURIComponent(item.id)}`, {
        method: 'DELETE',
        headers: { Authorization: `Bearer ${context.sandbox.key}` },
      });
      assert.equal(deleted.status, 200);
      assert.equal(onServer(item.id), undefined);
      context.sandbox.resetRequests();
      await sync();
      assert.deepEqual(patches(), [], 'nothing sent');
      assert.equal(lineOf(await read(), item.id), undefined, 'gone from the block');
      const message = lastMessage();
      assert.equal(message?.severity, 'warning');
      assert.ok(
        message?.text.includes(
          `Deleted in Omi, so your change was not sent, and gone from the checklist: “${item.description.slice(0, 20)}`,
        ),
        message?.text,
      );
    });

    it('with a read-only key sends nothing, says so, and shows the server’s state again', async () => {
      assert.equal(await signIn(context.sandbox.readOnlyKey), true);
      await eventually(
        () => /Access: Read only/.test(context.api.statusBar.snapshot().tooltip),
        5000,
        'the key’s access to be known',
      );
      const item = await listedOpenItem();
      await setBox(item.id, true);
      context.sandbox.resetRequests();
      const outcome = await sync();
      assert.deepEqual(patches(), [], 'nothing sent');
      assert.equal(onServer(item.id)?.completed, false);
      const text = await read();
      assert.ok(lineOf(text, item.id)?.startsWith('- [ ] '), 'the box shows Omi’s state again');
      assert.match(text, /does not change anything in Omi/, 'the block says ticks are not sent');
      assert.equal(outcome?.report.refused.length, 1);
      const message = lastMessage();
      assert.equal(message?.severity, 'warning');
      assert.ok(message?.text.includes(`Not sent, and shown as in Omi again: “${item.description.slice(0, 20)}`));
      assert.ok(message?.text.endsWith(READ_ONLY), message?.text);
    });
  });
});

describe('Syncing the checklist with a server without the write endpoints (the documented API)', () => {
  const context = useSignedInSandbox({ flavor: 'documented', actionItems: 20 });
  const spy = useWindowSpy();
  const file = () => vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'omi-action-items.md');
  const read = async () => new TextDecoder().decode(await vscode.workspace.fs.readFile(file()));
  const sync = async () => (await vscode.commands.executeCommand('omi.syncActionItems')) as ChecklistSyncOutcome;

  before(async () => {
    await vscode.workspace.fs.delete(file()).then(undefined, () => undefined);
  });
  after(async () => {
    await vscode.workspace.fs.delete(file()).then(undefined, () => undefined);
  });

  it('puts a refused tick back to the server’s state and says why in one sentence', async () => {
    await sync();
    const item = context.sandbox.data.actionItems.find((a) => !a.completed)!;
    const text = await read();
    const line = text.split('\n').find((l) => l.endsWith(`<!-- omi:${item.id} -->`))!;
    await vscode.workspace.fs.writeFile(
      file(),
      new TextEncoder().encode(text.replace(line, line.replace('- [ ]', '- [x]'))),
    );
    spy.reset();
    context.sandbox.resetRequests();
    const outcome = await sync();
    const patches = context.sandbox.requests.filter((r) => r.method === 'PATCH');
    assert.deepEqual(
      patches.map((r) => r.status),
      [404],
      'sent once, refused',
    );
    assert.equal(outcome.report.refused.length, 1);
    const after = await read();
    assert.ok(after.includes(line), 'the box shows Omi’s state again');
    const message = spy.messages.at(-1);
    assert.equal(message?.severity, 'warning');
    assert.match(
      message?.text ?? '',
      /Not sent, and shown as in Omi again: “.+”\. This Omi server does not offer this\./,
    );
  });
});
