import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Memory } from '../../../src/api/models';
import { useWindowSpy } from './faultMatrix';
import { eventually, signIn, useSignedInSandbox } from './helpers';
import { withPrompts } from './prompts';

let notes = 0;

/** A note in the workspace with the given selections (line, from, to). */
async function noteWithSelections(content: string, selections: [number, number, number][]) {
  const root = vscode.workspace.workspaceFolders![0]!.uri;
  const uri = vscode.Uri.joinPath(root, 'write-tests', `note-${Date.now()}-${notes++}.md`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  editor.selections = selections.map(([line, from, to]) => new vscode.Selection(line, from, line, to));
  return editor;
}

const letOmiChoose = { pick: (item: { category?: unknown; label: string }) => item.category === undefined };

describe('Writing: memories', () => {
  const context = useSignedInSandbox({ memories: 30, actionItems: 5, conversations: 5 });
  const spy = useWindowSpy();
  afterEach(async () => {
    spy.reset();
    context.sandbox.setMemoryWriteGrant(true);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  const onServer = (id: string) => context.sandbox.data.memories.find((m) => m.id === id);
  const loaded = async () => {
    const list = context.api.store.list('memories');
    if (!list.started) await list.loadMore();
    return list;
  };

  it('remembers the selection as a new memory, first in the Memories view, with the category Omi chose', async () => {
    const list = await loaded();
    await noteWithSelections('Ideas\nSam prefers morning meetings before ten\n', [[1, 0, 43]]);
    context.sandbox.resetRequests();
    await withPrompts([letOmiChoose], () => vscode.commands.executeCommand('omi.rememberSelection'));
    const posts = context.sandbox.requests.filter((r) => r.method === 'POST').map((r) => r.path);
    assert.deepEqual(posts, ['/v1/dev/user/memories']);
    const created = context.sandbox.data.memories.find((m) => m.content === 'Sam prefers morning meetings before ten');
    assert.ok(created, 'in Omi');
    assert.equal(list.items[0]?.id, created.id, 'first in the view');
    assert.ok(
      spy.of('information').some((m) => m.text.startsWith('Remembered in Omi as ')),
      'the user is told where it went',
    );
  });

  it('remembers the current line when nothing is selected, in the category picked', async () => {
    await noteWithSelections('Gym on Tuesdays and Thursdays\n', [[0, 4, 4]]);
    await withPrompts([{ pick: (item) => item.category === 'habits' }], () =>
      vscode.commands.executeCommand('omi.rememberSelection'),
    );
    const created = context.sandbox.data.memories.find((m) => m.content === 'Gym on Tuesdays and Thursdays');
    assert.equal(created?.category, 'habits');
  });

  it('with several cursors, one memory per selection, 25 to a batch request', async () => {
    const lines = Array.from({ length: 27 }, (_, i) => `Fact number ${i + 1} worth keeping`);
    await noteWithSelections(
      `${lines.join('\n')}\n`,
      lines.map((line, i) => [i, 0, line.length]),
    );
    context.sandbox.resetRequests();
    await withPrompts([letOmiChoose], () => vscode.commands.executeCommand('omi.rememberSelection'));
    const batches = context.sandbox.requests.filter((r) => r.path === '/v1/dev/user/memories/batch');
    assert.equal(batches.length, 2, 'two batch requests: 25 and 2');
    for (const line of lines) {
      assert.ok(
        context.sandbox.data.memories.some((m) => m.content === line),
        `remembered: ${line}`,
      );
    }
    assert.ok(spy.of('information').some((m) => m.text === '27 memories remembered in Omi.'));
  });

  it('refuses a selection longer than Omi keeps, before sending anything', async () => {
    const long = 'x'.repeat(501);
    await noteWithSelections(`${long}\n`, [[0, 0, 501]]);
    context.sandbox.resetRequests();
    await withPrompts([], () => vscode.commands.executeCommand('omi.rememberSelection'));
    assert.deepEqual(context.sandbox.requests, []);
    assert.match(spy.of('warning')[0]?.text ?? '', /^Omi keeps memories of up to 500 characters; /);
  });

  it('says so, and keeps nothing half-done, when the account has not allowed memory writes', async () => {
    context.sandbox.setMemoryWriteGrant(false);
    await noteWithSelections('Anna likes jazz\n', [[0, 0, 15]]);
    await withPrompts([letOmiChoose], () => vscode.commands.executeCommand('omi.rememberSelection'));
    assert.ok(!context.sandbox.data.memories.some((m) => m.content === 'Anna likes jazz'));
    assert.match(
      spy.of('error')[0]?.text ?? '',
      /^“Anna likes jazz” was not remembered\. Your Omi account does not allow this yet \(.+\)\. Turn it on in the Omi app, then try again\.$/,
    );
  });

  it('edits a memory’s text, category, tags and visibility from its row', async () => {
    const list = await loaded();
    const memory = list.items.find((m) => !context.sandbox.data.lockedMemoryIds.includes(m.id));
    assert.ok(memory);
    const row = { kind: 'item', id: `omi.memories:item:${memory.id}`, item: memory, parent: undefined };
    await withPrompts([{ pick: (item) => item.field === 'content' }, { input: 'Prefers tea to coffee' }], () =>
      vscode.commands.executeCommand('omi.editMemory', row),
    );
    assert.equal(onServer(memory.id)?.content, 'Prefers tea to coffee');
    assert.equal(list.find(memory.id)?.content, 'Prefers tea to coffee', 'the view shows the server’s answer');
    await withPrompts([{ pick: (item) => item.field === 'tags' }, { input: 'drinks, mornings' }], () =>
      vscode.commands.executeCommand('omi.editMemory', memory.id),
    );
    assert.deepEqual(onServer(memory.id)?.tags, ['drinks', 'mornings']);
    await withPrompts([{ pick: (item) => item.field === 'visibility' }], () =>
      vscode.commands.executeCommand('omi.editMemory', memory.id),
    );
    assert.equal(onServer(memory.id)?.visibility, memory.visibility === 'public' ? 'private' : 'public');
    await withPrompts(
      [{ pick: (item) => item.field === 'category' }, { pick: (item) => item.category === 'work' }],
      () => vscode.commands.executeCommand('omi.editMemory', memory.id),
    );
    assert.equal(onServer(memory.id)?.category, 'work');
  });

  it('a locked memory cannot be changed: the text stays and the user learns why', async () => {
    const list = await loaded();
    await list.loadAll();
    const locked = list.items.find((m) => context.sandbox.data.lockedMemoryIds.includes(m.id)) as Memory | undefined;
    assert.ok(locked, 'the sandbox has a locked memory');
    await withPrompts([{ pick: (item) => item.field === 'content' }, { input: 'Something else' }], () =>
      vscode.commands.executeCommand('omi.editMemory', locked.id),
    );
    assert.equal(list.find(locked.id)?.content, locked.content, 'shown as it was');
    assert.match(spy.of('error')[0]?.text ?? '', /was not changed in Omi, and shows as it was\. .*paid Omi plan/);
  });

  it('deletes a memory after asking', async () => {
    const list = await loaded();
    const memory = list.items.find((m) => !context.sandbox.data.lockedMemoryIds.includes(m.id));
    assert.ok(memory);
    const deleted = vscode.commands.executeCommand('omi.deleteMemory', memory.id);
    await eventually(() => spy.of('warning').length > 0, 5000, 'the question');
    assert.match(spy.of('warning')[0]!.text, /^Delete the memory “.+” from Omi\?$/);
    spy.of('warning')[0]!.choose('Delete');
    await deleted;
    assert.equal(onServer(memory.id), undefined);
    assert.equal(list.find(memory.id), undefined);
  });
});

describe('Writing: memories with a read-only key', () => {
  const context = useSignedInSandbox({ memories: 10, actionItems: 5, conversations: 5 });
  const spy = useWindowSpy();
  before(async () => {
    assert.equal(await signIn(context.sandbox.readOnlyKey), true);
  });
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('Remember Selection sends, is refused, and says what to do', async () => {
    await noteWithSelections('Read-only keys cannot write\n', [[0, 0, 27]]);
    await withPrompts([letOmiChoose], () => vscode.commands.executeCommand('omi.rememberSelection'));
    assert.equal(
      spy.of('error')[0]?.text,
      '“Read-only keys cannot write” was not remembered. This key is read-only. Create a key with write access in the Omi app (Settings > Developer) and run Omi: Set API Key.',
    );
  });
});
