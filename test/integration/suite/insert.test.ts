import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ActionItem, Conversation, Memory } from '../../../src/api/models';
import { OMI_ITEMS_MIME, OmiDropProvider, OmiTreeDragAndDrop } from '../../../src/views/dragAndDrop';
import type { ItemNode, ListNode } from '../../../src/views/nodes';
import type { PagedTreeProvider } from '../../../src/views/pagedTreeProvider';
import { eventually, useSignedInSandbox } from './helpers';

function day(iso: string | null | undefined): string {
  const date = new Date(iso ?? '');
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A tree row as VS Code hands it to commands, for items the test makes up (odd text the sandbox lacks). */
function row<T extends { id: string }>(view: string, item: T): ItemNode<T> {
  return { kind: 'item', id: `${view}:item:${item.id}`, item, parent: undefined };
}

async function itemRows<T>(provider: PagedTreeProvider<T>): Promise<ItemNode<T>[]> {
  provider.getChildren();
  await eventually(
    () => provider.currentList?.loading === false && (provider.currentList?.items.length ?? 0) > 0,
    10_000,
  );
  return provider
    .getChildren()
    .filter((n) => n.kind === 'group')
    .flatMap((group) => provider.getChildren(group))
    .filter((n): n is ItemNode<T> => n.kind === 'item');
}

let notes = 0;

/**
 * An editor on a new note in the workspace with a cursor at the start of each given line. A file of its own each
 * time: untitled documents reuse their names, and a closed one can come back with its old text.
 */
async function editorWithCursors(language: 'markdown' | 'plaintext', content: string, lines: number[]) {
  const root = vscode.workspace.workspaceFolders![0]!.uri;
  const uri = vscode.Uri.joinPath(
    root,
    'insert-tests',
    `note-${Date.now()}-${notes++}.${language === 'markdown' ? 'md' : 'txt'}`,
  );
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  const document = await vscode.workspace.openTextDocument(uri);
  assert.equal(document.languageId, language);
  const editor = await vscode.window.showTextDocument(document);
  editor.selections = lines.map((line) => new vscode.Selection(line, 0, line, 0));
  return editor;
}

describe('Insert: Omi items into the user’s notes', () => {
  const context = useSignedInSandbox({ memories: 40, conversations: 10, actionItems: 30 });

  // The text without links back to Omi (`omi.insert.links`: none) is the one from before links existed; notes.test.ts
  // covers inserts with links.
  before(() =>
    vscode.workspace.getConfiguration('omi.insert').update('links', 'none', vscode.ConfigurationTarget.Global),
  );
  after(() =>
    vscode.workspace.getConfiguration('omi.insert').update('links', undefined, vscode.ConfigurationTarget.Global),
  );

  // The notes are unsaved: closing them normally would ask to save, so they are reverted and closed.
  afterEach(async () => {
    for (let i = 0; i < 10 && vscode.window.visibleTextEditors.length > 0; i++) {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  it('inserts memories at every cursor of a Markdown note as bullets with a small reference', async () => {
    const rows = (await itemRows(context.api.views.providers.memories)).slice(0, 2) as ItemNode<Memory>[];
    const editor = await editorWithCursors('markdown', '# Notes\n\n\n\nend\n', [2, 3]);
    assert.equal(await vscode.commands.executeCommand('omi.insertIntoEditor', rows[0], rows), true);
    const bullets = rows.map(
      (r) => `- ${r.item.content} _(Omi memory, ${r.item.category}, ${day(r.item.created_at)})_`,
    );
    const block = bullets.join('\n');
    assert.equal(editor.document.getText(), `# Notes\n\n${block}\n${block}\nend\n`);
  });

  it('inserts plain text into other documents, and $ and backslashes literally', async () => {
    const odd = row('omi.memories', {
      id: 'odd-1',
      created_at: '2026-11-02T12:00:00Z',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal ${...} is the point
      content: 'Costs $5: $& $1 ${HOME} ${1:snippet} \\n C:\\Users\\x \\\\ end',
      category: 'work',
    } as Memory);
    const editor = await editorWithCursors('plaintext', 'a\nb\n', [0, 1]);
    assert.equal(await vscode.commands.executeCommand('omi.insertIntoEditor', odd), true);
    const content = odd.item.content;
    assert.equal(editor.document.getText(), `${content}a\n${content}b\n`);

    const markdown = await editorWithCursors('markdown', '', [0]);
    await vscode.commands.executeCommand('omi.insertMemory', odd, [odd]);
    assert.equal(markdown.document.getText(), `- ${content} _(Omi memory, work, ${day(odd.item.created_at)})_`);
  });

  it('starts a Markdown block on a new line when the cursor follows text', async () => {
    const [first] = (await itemRows(context.api.views.providers.memories)) as ItemNode<Memory>[];
    const editor = await editorWithCursors('markdown', 'Some text', []);
    editor.selections = [new vscode.Selection(0, 9, 0, 9)];
    await vscode.commands.executeCommand('omi.insertIntoEditor', first);
    assert.match(editor.document.getText(), /^Some text\n- /);
  });

  it('writes action items as task list entries and conversations with title, date and overview', async () => {
    const items = (await itemRows(context.api.views.providers.actionItems)) as ItemNode<ActionItem>[];
    const open = items.find((r) => !r.item.completed && r.item.due_at)!;
    const done = items.find((r) => r.item.completed)!;
    const editor = await editorWithCursors('markdown', '', [0]);
    await vscode.commands.executeCommand('omi.insertIntoEditor', open, [open, done]);
    assert.equal(
      editor.document.getText(),
      `- [ ] ${open.item.description} (due ${day(open.item.due_at)})\n- [x] ${done.item.description}${done.item.due_at ? ` (due ${day(done.item.due_at)})` : ''}`,
    );

    const [conversation] = (await itemRows(context.api.views.providers.conversations)) as ItemNode<Conversation>[];
    const notes = await editorWithCursors('markdown', '', [0]);
    await vscode.commands.executeCommand('omi.insertIntoEditor', conversation);
    const { title, emoji, overview } = conversation!.item.structured;
    const text = notes.document.getText();
    assert.ok(text.startsWith(`**${emoji} ${title}** (${day(conversation!.item.started_at)} `), text);
    assert.ok(text.endsWith(`\n\n${overview}`));
  });

  it('Insert Memory… loads every memory into its quick pick and inserts the one taken', async () => {
    const editor = await editorWithCursors('markdown', '', [0]);
    const list = context.api.store.list('memories');
    const inserted = vscode.commands.executeCommand<boolean>('omi.insertMemory');
    await eventually(() => list.complete, 10_000, 'every page of memories to load behind the quick pick');
    assert.equal(list.items.length, 40);
    // As a user would: to the first row, check it, Enter.
    await vscode.commands.executeCommand('quickInput.first');
    await vscode.commands.executeCommand('workbench.action.quickPickManyToggle');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    assert.equal(await inserted, true);
    const counts = new Map<string, number>();
    for (const m of list.items) counts.set(m.category, (counts.get(m.category) ?? 0) + 1);
    const biggest = [...counts].sort(([a, x], [b, y]) => y - x || a.localeCompare(b))[0]![0];
    const first = list.items.find((m) => m.category === biggest)!;
    assert.equal(editor.document.getText(), `- ${first.content} _(Omi memory, ${biggest}, ${day(first.created_at)})_`);
  });

  /** The memories in the order Insert Memory… shows them with nothing typed: biggest category first. */
  function shownOrder(memories: readonly Memory[]): Memory[] {
    const groups = new Map<string, Memory[]>();
    for (const m of memories) groups.set(m.category, [...(groups.get(m.category) ?? []), m]);
    return [...groups]
      .sort(([a, x], [b, y]) => y.length - x.length || a.localeCompare(b))
      .flatMap(([, group]) => group);
  }

  it('Insert Memory…: Enter with nothing checked inserts the first row shown', async () => {
    const editor = await editorWithCursors('markdown', '', [0]);
    const list = context.api.store.list('memories');
    const inserted = vscode.commands.executeCommand<boolean>('omi.insertMemory');
    await eventually(() => list.complete, 10_000, 'every page of memories');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    assert.equal(await inserted, true);
    const first = shownOrder(list.items)[0]!;
    assert.equal(
      editor.document.getText(),
      `- ${first.content} _(Omi memory, ${first.category}, ${day(first.created_at)})_`,
    );
  });

  it('Insert Memory…: memories arriving keep the row the user moved to, and the rows checked', async () => {
    const list = context.api.store.list('memories');
    for (const check of [false, true]) {
      const editor = await editorWithCursors('markdown', '', [0]);
      const inserted = vscode.commands.executeCommand<boolean>('omi.insertMemory');
      await eventually(() => list.complete, 10_000, 'every page of memories');
      await vscode.commands.executeCommand('quickInput.first');
      await vscode.commands.executeCommand('quickInput.next');
      await vscode.commands.executeCommand('quickInput.next');
      if (check) await vscode.commands.executeCommand('workbench.action.quickPickManyToggle');
      if (check) await vscode.commands.executeCommand('quickInput.first');
      // The list is fetched again while the pick is open: every row is replaced by a fresh copy.
      await list.refresh();
      await new Promise((resolve) => setTimeout(resolve, 300));
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      assert.equal(await inserted, true);
      const third = shownOrder(list.items)[2]!;
      assert.equal(
        editor.document.getText(),
        `- ${third.content} _(Omi memory, ${third.category}, ${day(third.created_at)})_`,
        check ? 'the checked row' : 'the row moved to',
      );
    }
  });

  it('follows the template settings', async () => {
    const config = vscode.workspace.getConfiguration('omi.insert');
    await config.update('memoryTemplate', '* {content} [omi:{id}]', vscode.ConfigurationTarget.Global);
    try {
      const [first] = (await itemRows(context.api.views.providers.memories)) as ItemNode<Memory>[];
      const editor = await editorWithCursors('markdown', '', [0]);
      await vscode.commands.executeCommand('omi.insertIntoEditor', first);
      assert.equal(editor.document.getText(), `* ${first!.item.content} [omi:${first!.item.id}]`);
    } finally {
      await config.update('memoryTemplate', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('drags rows into an editor: the drop inserts the text for that document', async () => {
    const rows = (await itemRows(context.api.views.providers.memories)).slice(0, 2) as ListNode<Memory>[];
    const transfer = new vscode.DataTransfer();
    await new OmiTreeDragAndDrop<Memory>().handleDrag(rows, transfer);
    assert.equal(transfer.get('text/uri-list'), undefined, 'not files');
    const memories = rows.map((r) => (r.kind === 'item' ? r.item : assert.fail()));
    assert.equal(await transfer.get('text/plain')?.asString(), memories.map((m) => m.content).join('\n'));

    const token = new vscode.CancellationTokenSource().token;
    const provider = new OmiDropProvider();
    const markdown = (await editorWithCursors('markdown', '', [])).document;
    const edit = await provider.provideDocumentDropEdits(markdown, new vscode.Position(0, 0), transfer, token);
    assert.equal(
      edit?.insertText,
      memories.map((m) => `- ${m.content} _(Omi memory, ${m.category}, ${day(m.created_at)})_`).join('\n'),
    );
    const plain = (await editorWithCursors('plaintext', '', [])).document;
    const plainEdit = await provider.provideDocumentDropEdits(plain, new vscode.Position(0, 0), transfer, token);
    assert.equal(plainEdit?.insertText, memories.map((m) => m.content).join('\n'));

    const foreign = new vscode.DataTransfer();
    foreign.set(OMI_ITEMS_MIME, new vscode.DataTransferItem('{"kind":"files","items":[]}'));
    assert.equal(await provider.provideDocumentDropEdits(plain, new vscode.Position(0, 0), foreign, token), undefined);
  });

  it('copies as Markdown, as text, and the ids', async () => {
    const rows = (await itemRows(context.api.views.providers.actionItems)).slice(0, 2) as ItemNode<ActionItem>[];
    await vscode.commands.executeCommand('omi.copyId', rows[0], rows);
    assert.equal(await vscode.env.clipboard.readText(), rows.map((r) => r.item.id).join('\n'));
    await vscode.commands.executeCommand('omi.copyText', rows[0]);
    assert.equal(
      await vscode.env.clipboard.readText(),
      rows[0]!.item.description + (rows[0]!.item.due_at ? ` (due ${day(rows[0]!.item.due_at)})` : ''),
    );
    await vscode.commands.executeCommand('omi.copyAsMarkdown', rows[0]);
    assert.match(await vscode.env.clipboard.readText(), /^- \[[ x]\] /);
  });
});
