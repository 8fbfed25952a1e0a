import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Memory } from '../../../src/api/models';
import { findItemLinks, linkBuilder } from '../../../src/markdown/itemLinks';
import { formatItems, LINKED_TEMPLATES } from '../../../src/markdown/itemText';
import type { Backlink } from '../../../src/notes/backlinks';
import { OmiCompletionProvider } from '../../../src/notes/completion';
import type { ItemNode } from '../../../src/views/nodes';
import type { PagedTreeProvider } from '../../../src/views/pagedTreeProvider';
import { eventually, useSignedInSandbox } from './helpers';
import { withPrompts } from './prompts';

async function loadedItems<T>(provider: PagedTreeProvider<T>): Promise<readonly T[]> {
  provider.getChildren();
  await eventually(
    () => provider.currentList?.loading === false && (provider.currentList?.items.length ?? 0) > 0,
    10_000,
    'the list loaded',
  );
  return provider.currentList!.items;
}

let count = 0;
const root = () => vscode.workspace.workspaceFolders![0]!.uri;

async function note(content: string, name = `note-${Date.now()}-${count++}.md`): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.joinPath(root(), 'notes-tests', name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document);
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : 'value' in content ? content.value : ''))
    .join('\n');
}

/** The hovers over the first Omi link of the document. */
async function hoverOverLink(document: vscode.TextDocument): Promise<string> {
  const link = findItemLinks(document.getText())[0];
  assert.ok(link, 'the note holds a link');
  const position = document.positionAt(link.start + 10);
  return hoverText(
    await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position),
  );
}

describe('Notes: links back to Omi, hovers, completion and backlinks', () => {
  const context = useSignedInSandbox({ memories: 80, conversations: 10, actionItems: 10 });
  const links = () => linkBuilder(vscode.env.uriScheme);
  const memoryRequests = (id: string) =>
    context.sandbox.requests.filter(
      (r) => r.method === 'GET' && r.path === `/v1/dev/user/memories/${encodeURIComponent(id)}`,
    ).length;

  afterEach(async () => {
    for (let i = 0; i < 10 && vscode.window.visibleTextEditors.length > 0; i++) {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
  after(async () => {
    await vscode.workspace.fs
      .delete(vscode.Uri.joinPath(root(), 'notes-tests'), { recursive: true })
      .then(undefined, () => {});
  });

  it('inserts a memory with a link back to it, and finds the links of a note with their targets', async () => {
    const memories = (await loadedItems(context.api.views.providers.memories)) as Memory[];
    const memory = memories[0]!;
    const editor = await note('# Notes\n\n');
    editor.selection = new vscode.Selection(2, 0, 2, 0);
    assert.equal(
      await vscode.commands.executeCommand('omi.insertIntoEditor', {
        kind: 'item',
        id: `omi.memories:item:${memory.id}`,
        item: memory,
        parent: undefined,
      } satisfies ItemNode<Memory>),
      true,
    );
    const link = links()({ kind: 'memory', item: memory });
    assert.match(editor.document.getText(), /\/openMemory\?id=/);
    assert.ok(editor.document.getText().includes(`[Omi memory](${link})`), editor.document.getText());

    const conversation = context.sandbox.data.conversations[0]!;
    const conversationLink = links()({ kind: 'conversation', item: conversation as never });
    await editor.edit((edit) =>
      edit.insert(new vscode.Position(editor.document.lineCount, 0), `\nSee ${conversationLink}.\n`),
    );
    const found = await vscode.commands.executeCommand<vscode.DocumentLink[]>(
      'vscode.executeLinkProvider',
      editor.document.uri,
    );
    const ours = found.filter((l) => l.target?.scheme === 'command' && l.target.path === 'omi.openItemLink');
    assert.deepEqual(
      ours.map((l) => editor.document.getText(l.range)),
      [link, conversationLink],
      'both links, without the Markdown or the full stop around them',
    );
    assert.deepEqual(JSON.parse(decodeURIComponent(ours[0]!.target!.query)), [link]);
  });

  it('opens a memory link revealed and selected in the Memories view, a conversation link in the transcript panel', async () => {
    const memories = (await loadedItems(context.api.views.providers.memories)) as Memory[];
    const memory = memories[memories.length - 1]!;
    const link = links()({ kind: 'memory', item: memory });
    assert.equal(await vscode.commands.executeCommand('omi.openItemLink', link), true);
    const view = context.api.views.treeViews.memories;
    await eventually(
      () => view.selection[0]?.kind === 'item' && view.selection[0].item.id === memory.id,
      5000,
      'selected',
    );
    assert.equal(view.visible, true, 'the Memories view is shown');

    const conversation = context.sandbox.data.conversations[3]!;
    await vscode.commands.executeCommand(
      'omi.openItemLink',
      links()({ kind: 'conversation', item: conversation as never }),
    );
    await eventually(
      () => context.api.transcripts.panels.get(conversation.id) !== undefined,
      10_000,
      'the transcript panel',
    );
    context.api.transcripts.panels.get(conversation.id)!.panel.dispose();
  });

  it('hovers a link with the memory as Omi has it (from the loaded list), then changed, then deleted', async () => {
    const memories = (await loadedItems(context.api.views.providers.memories)) as Memory[];
    const memory = memories[1]!;
    const editor = await note(`- ${memory.content} _([Omi memory](${links()({ kind: 'memory', item: memory })}))_\n`);
    context.sandbox.resetRequests();

    const fresh = await hoverOverLink(editor.document);
    assert.match(fresh, /Omi memory/);
    assert.ok(fresh.includes(memory.category), fresh);
    assert.doesNotMatch(fresh, /Changed in Omi|Deleted in Omi/);
    assert.equal(memoryRequests(memory.id), 0, 'a loaded memory costs no request');

    const edited = await context.api.writes.updateMemory(memory, { content: 'Prefers tea to coffee in the morning' });
    assert.equal(edited.content, 'Prefers tea to coffee in the morning');
    const changed = await hoverOverLink(editor.document);
    assert.match(changed, /Prefers tea to coffee in the morning/);
    assert.match(changed, /Changed in Omi since it was inserted here/);

    await context.api.writes.deleteMemory(edited);
    const deleted = await hoverOverLink(editor.document);
    assert.match(deleted, /Deleted in Omi since it was inserted here/);
    assert.equal(memoryRequests(memory.id), 1, 'one request asked the server about the memory no longer loaded');
    await hoverOverLink(editor.document);
    assert.equal(memoryRequests(memory.id), 1, 'hovering again reuses the answer');
  });

  it('hovers a conversation not loaded with one request: title, date, overview', async () => {
    const conversation = context.sandbox.data.conversations[9]!;
    await context.api.transcripts.cache.clear();
    const editor = await note(`See ${links()({ kind: 'conversation', item: conversation as never })}\n`);
    context.sandbox.resetRequests();
    const text = await hoverOverLink(editor.document);
    assert.match(text, /Omi conversation/);
    assert.ok(text.includes((conversation.structured.title ?? '').replace(/[\\`*_[\]<>#|~&]/g, '\\$&')), text);
    assert.doesNotMatch(text, /Changed in Omi/);
    const asked = context.sandbox.requests.filter(
      (r) => r.method === 'GET' && r.path === `/v1/dev/user/conversations/${conversation.id}`,
    );
    assert.ok(asked.length <= 1, `at most one request for the conversation (${asked.length})`);
  });

  it('completes @omi with the loaded items holding the words typed, best first, and inserts them linked', async () => {
    const memories = (await loadedItems(context.api.views.providers.memories)) as Memory[];
    // Words of a memory that no other memory has all of.
    const target = memories.find((m) => {
      const words = m.content.split(/\s+/).slice(0, 3).join(' ');
      return memories.filter((o) => o.content.includes(words)).length === 1;
    })!;
    const words = target.content.split(/\s+/).slice(0, 3).join(' ');
    const editor = await note(`Idea: @omi ${words}`);
    const end = editor.document.lineAt(0).range.end;
    context.sandbox.resetRequests();
    // As typed: the space after a word brings the suggestions.
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      editor.document.uri,
      end,
      ' ',
    );
    assert.equal(context.sandbox.requests.length, 0, 'completing as one types costs no request');
    const ours = list.items.filter(
      (item) => typeof item.label === 'object' && /^Omi /.test(item.label.description ?? ''),
    );
    assert.ok(ours.length > 0, 'Omi suggestions');
    const first = ours.sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''))[0]!;
    const expected = `\n${formatItems({ kind: 'memories', items: [target] }, 'markdown', LINKED_TEMPLATES, links())}`;
    assert.equal(first.insertText, expected, 'the memory typed for comes first, as the insert commands write it');
    const range = first.range as vscode.Range;
    assert.equal(editor.document.getText(range), `@omi ${words}`, 'it replaces the trigger and the words');

    // Accepted, the link in it hovers.
    await editor.edit((edit) => edit.replace(range, first.insertText as string));
    assert.match(await hoverOverLink(editor.document), /Omi memory/);
  });

  it('a cancelled completion searches nothing and asks nothing', async () => {
    await loadedItems(context.api.views.providers.memories);
    const editor = await note('@omi the');
    const source = new vscode.CancellationTokenSource();
    source.cancel();
    const searches: string[] = [];
    const provider = new OmiCompletionProvider(
      context.api.store,
      () => true,
      async (query) => {
        searches.push(query);
        return { items: [], byMeaning: true };
      },
    );
    const invoked = { triggerKind: vscode.CompletionTriggerKind.Invoke, triggerCharacter: undefined };
    context.sandbox.resetRequests();
    const answer = await provider.provideCompletionItems(
      editor.document,
      new vscode.Position(0, 8),
      source.token,
      invoked,
    );
    assert.equal(answer, undefined);
    assert.deepEqual(searches, [], 'a cancelled completion does not search');
    const uncancelled = await provider.provideCompletionItems(
      editor.document,
      new vscode.Position(0, 8),
      new vscode.CancellationTokenSource().token,
    );
    assert.ok((uncancelled?.items.length ?? 0) > 0, 'without cancelling, suggestions come');
    assert.equal(context.sandbox.requests.length, 0, 'and no request either way');
  });

  it('invoked on purpose (Ctrl+Space), puts the memories Omi ranks closest first, with one request', async () => {
    const memories = (await loadedItems(context.api.views.providers.memories)) as Memory[];
    // A memory the view has not loaded: only Omi's ranking can find it.
    const loadedIds = new Set(memories.map((m) => m.id));
    const locked = new Set(context.sandbox.data.lockedMemoryIds);
    const target = context.sandbox.data.memories.find((m) => !loadedIds.has(m.id) && !locked.has(m.id));
    assert.ok(target, 'a memory not loaded');
    const editor = await note(`@omi ${target.content}`);
    context.sandbox.resetRequests();
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      editor.document.uri,
      editor.document.lineAt(0).range.end,
    );
    const searches = context.sandbox.requests.filter((r) => r.path === '/v1/dev/user/memories/vector/search');
    assert.equal(searches.length, 1, 'one search by meaning');
    const ours = list.items
      .filter((item) => typeof item.label === 'object' && /^Omi /.test(item.label.description ?? ''))
      .sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    assert.ok(String(ours[0]?.insertText).includes(target.content), 'Omi’s closest memory first');
  });

  it('lists the notes that link to an item and opens the one picked at the line', async () => {
    const memories = (await loadedItems(context.api.views.providers.memories)) as Memory[];
    const memory = memories[5]!;
    const other = memories[6]!;
    const link = links()({ kind: 'memory', item: memory });
    const folder = vscode.Uri.joinPath(root(), 'notes-tests', 'backlinks');
    const write = (name: string, text: string) =>
      vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, name), new TextEncoder().encode(text));
    await write('a.md', `# A\n\nintro\n- ${memory.content} _([Omi memory](${link}))_\n`);
    await write('deeper/b.txt', `first line\n${memory.content} (${link})\n`);
    await write('c.md', `- ${other.content} _([Omi memory](${links()({ kind: 'memory', item: other })}))_\n`);

    const row: ItemNode<Memory> = {
      kind: 'item',
      id: `omi.memories:item:${memory.id}`,
      item: memory,
      parent: undefined,
    };
    const result = await withPrompts([{ pick: (item) => String(item.label).includes('b.txt') }], () =>
      vscode.commands.executeCommand<{ found: Backlink[]; opened?: Backlink }>('omi.showBacklinks', row),
    );
    assert.deepEqual(
      result.found.map((b) => [vscode.workspace.asRelativePath(b.uri), b.range.start.line]),
      [
        ['notes-tests/backlinks/a.md', 3],
        ['notes-tests/backlinks/deeper/b.txt', 1],
      ],
    );
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'an editor');
    assert.ok(editor.document.uri.path.endsWith('deeper/b.txt'), 'the picked note is open');
    assert.equal(editor.selection.start.line, 1, 'at the line of the link');
    assert.equal(editor.document.getText(editor.selection), link);
  });
});
