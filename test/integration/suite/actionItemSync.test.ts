import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SyncOutcome } from '../../../src/actionItemSync/syncFile';
import { eventually, useSignedInSandbox } from './helpers';

describe('Syncing action items to a Markdown checklist', () => {
  const context = useSignedInSandbox({ actionItems: 60 });
  const file = () => vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'omi-action-items.md');
  const read = async () => new TextDecoder().decode(await vscode.workspace.fs.readFile(file()));
  const write = (text: string) => vscode.workspace.fs.writeFile(file(), new TextEncoder().encode(text));
  const sync = async () => (await vscode.commands.executeCommand('omi.syncActionItems')) as SyncOutcome | undefined;
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
    assert.match(text, /does not change anything in Omi/);
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
});
