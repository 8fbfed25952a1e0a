import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { textForDocument } from '../../../src/markdown/editorInsert';
import type { SandboxRequest } from '../../../src/sandbox';
import type { ListNode } from '../../../src/views/nodes';
import type { PagedTreeProvider } from '../../../src/views/pagedTreeProvider';
import type { TranscriptPanel } from '../../../src/webviews/transcript/transcriptPanel';
import { eventually, useSignedInSandbox } from './helpers';

async function settled<T>(provider: PagedTreeProvider<T>): Promise<ListNode<T>[]> {
  provider.getChildren();
  await eventually(() => provider.currentList?.loading === false, 10_000, 'the page to load');
  return provider.getChildren();
}

async function loaded(panel: TranscriptPanel | undefined): Promise<TranscriptPanel> {
  assert.ok(panel, 'a transcript panel opened');
  await eventually(() => panel.content !== undefined || panel.failed, 15_000, 'the conversation to load');
  assert.ok(panel.content, 'the conversation loaded');
  return panel;
}

const isTranscriptRead = (id: string) => (r: SandboxRequest) =>
  r.path === `/v1/dev/user/conversations/${encodeURIComponent(id)}`;

/** What the server sent, as JSON would carry it. */
function served(conversation: object | undefined): unknown {
  return JSON.parse(JSON.stringify(conversation));
}

async function closeEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

describe('Transcript panel: reading a conversation', () => {
  const context = useSignedInSandbox({ conversations: 30, actionItems: 60 });
  afterEach(closeEditors);

  const panels = () => context.api.transcripts.panels;
  const conversationData = (id: string) => context.sandbox.data.conversations.find((c) => c.id === id);

  it('opens from a Conversations row, and reopening reveals the same panel without a request', async () => {
    const provider = context.api.views.providers.conversations;
    const groups = (await settled(provider)).filter((n) => n.kind === 'group');
    const row = provider.getChildren(groups[0])[0]!;
    const command = provider.getTreeItem(row).command!;
    context.sandbox.resetRequests();
    const panel = await loaded(
      await vscode.commands.executeCommand<TranscriptPanel>(command.command, ...command.arguments!),
    );
    const id = panel.conversationId;
    const expected = conversationData(id);
    assert.ok(expected, 'the row’s conversation');
    assert.equal(panel.panel.viewType, 'omi.transcript');
    assert.ok(panel.panel.title.includes(expected.structured.title!), panel.panel.title);
    assert.deepEqual(
      context.sandbox.requests
        .filter((r) => r.path.startsWith('/v1/dev/user/conversations'))
        .map((r) => `${r.path}?${new URLSearchParams(r.query)}`),
      [`/v1/dev/user/conversations/${id}?include_transcript=true`],
      'one request for the conversation with its transcript',
    );
    assert.equal(
      panel.content?.transcript.turns.reduce((sum, t) => sum + t.segments, 0),
      expected.transcript_segments.length,
      'every segment is in a turn',
    );

    const again = await vscode.commands.executeCommand<TranscriptPanel>(command.command, ...command.arguments!);
    assert.equal(again, panel, 'the same panel');
    assert.equal(panels().all.length, 1);
    assert.equal(context.sandbox.requests.filter(isTranscriptRead(id)).length, 1, 'no request for reopening');
  });

  it('opens an action item’s conversation, from its row and from its context menu', async () => {
    const provider = context.api.views.providers.actionItems;
    const groups = (await settled(provider)).filter((n) => n.kind === 'group');
    const rows = groups.flatMap((g) => provider.getChildren(g));
    const row = rows.find((n) => n.kind === 'item' && (n.item as { conversation_id: string | null }).conversation_id);
    assert.ok(row && row.kind === 'item');
    const conversationId = (row.item as { conversation_id: string }).conversation_id;
    const command = provider.getTreeItem(row).command!;
    const panel = await loaded(
      await vscode.commands.executeCommand<TranscriptPanel>(command.command, ...command.arguments!),
    );
    assert.equal(panel.conversationId, conversationId);
    const fromMenu = await vscode.commands.executeCommand<TranscriptPanel>('omi.openConversation', row);
    assert.equal(fromMenu, panel, 'the context menu passes the row and reveals the same panel');
  });

  it('opens a pasted conversation id', async () => {
    const id = context.sandbox.data.conversations[7]!.id;
    const panel = await loaded(
      await vscode.commands.executeCommand<TranscriptPanel>('omi.openConversation', `  ${id}\n`),
    );
    assert.equal(panel.conversationId, id);
  });

  it('shows an error with Retry for an unknown conversation, without searching the whole list', async () => {
    context.sandbox.resetRequests();
    const panel = await vscode.commands.executeCommand<TranscriptPanel>('omi.openConversation', 'no-such-conversation');
    assert.ok(panel);
    await eventually(() => panel.failed, 10_000, 'the error');
    const conversationReads = () =>
      context.sandbox.requests.filter((r) => r.path.startsWith('/v1/dev/user/conversations'));
    assert.equal(conversationReads().length, 1, '"Conversation not found" does not start the list fallback');
    await panel.handleMessage({ type: 'retry' });
    assert.equal(conversationReads().length, 2, 'Retry asks again');
    assert.ok(panel.failed);
    const again = await vscode.commands.executeCommand<TranscriptPanel>('omi.openConversation', 'no-such-conversation');
    assert.equal(again, panel);
    await eventually(() => conversationReads().length === 3 && panel.failed, 10_000, 'reopening to try again');
  });

  it('copies the transcript as Markdown, turn by turn', async () => {
    const id = context.sandbox.data.conversations[2]!.id;
    const panel = await loaded(await vscode.commands.executeCommand<TranscriptPanel>('omi.openConversation', id));
    await vscode.env.clipboard.writeText('');
    await vscode.commands.executeCommand('omi.transcript.copyMarkdown');
    const markdown = await vscode.env.clipboard.readText();
    const { transcript } = panel.content!;
    assert.match(markdown, /^# /);
    assert.match(markdown, /\n## Transcript\n/);
    const turnLines = markdown.split('\n').filter((line) => /^\*\*.+\*\* · \d+:\d\d/.test(line));
    assert.equal(turnLines.length, transcript.turns.length, 'one heading line per turn');
    const first = transcript.turns[0]!;
    assert.equal(
      turnLines[0],
      `**${transcript.speakers[first.speaker]!.label}** · 0:${String(Math.floor(first.start!)).padStart(2, '0')}`,
    );
  });

  it('copies one turn when the webview asks, and ignores malformed messages', async () => {
    const id = context.sandbox.data.conversations[3]!.id;
    const panel = await loaded(await vscode.commands.executeCommand<TranscriptPanel>('omi.openConversation', id));
    const { transcript } = panel.content!;
    const turn = transcript.turns[1]!;
    await panel.handleMessage({ type: 'copyTurn', turn: 1 });
    const copied = await vscode.env.clipboard.readText();
    assert.ok(copied.startsWith(`${transcript.speakers[turn.speaker]!.label} (`), copied);
    assert.ok(copied.endsWith(`): ${turn.text}`));

    await vscode.env.clipboard.writeText('untouched');
    for (const malformed of [
      { type: 'copyTurn', turn: '1' },
      { type: 'copyTurn', turn: 10_000 },
      { type: 'copyMarkdown', extra: true },
      { type: 'openLink', url: 'https://example.com' },
      'copyMarkdown',
      null,
    ]) {
      await panel.handleMessage(malformed);
    }
    assert.equal(await vscode.env.clipboard.readText(), 'untouched');
  });

  it('opens the conversation as a new untitled Markdown document', async () => {
    const id = context.sandbox.data.conversations[4]!.id;
    const panel = await loaded(await vscode.commands.executeCommand<TranscriptPanel>('omi.openConversation', id));
    await panel.handleMessage({ type: 'openMarkdown' });
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    assert.equal(editor.document.isUntitled, true);
    assert.equal(editor.document.languageId, 'markdown');
    assert.match(editor.document.getText(), /\n## Transcript\n/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('inserts the summary into the editor the user was working in', async () => {
    const folder = vscode.workspace.workspaceFolders![0]!.uri;
    const notes = vscode.Uri.joinPath(folder, 'notes.txt');
    await vscode.workspace.fs.writeFile(notes, new TextEncoder().encode('Notes:\n'));
    const document = await vscode.workspace.openTextDocument(notes);
    const editor = await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
    editor.selection = new vscode.Selection(1, 0, 1, 0);
    const id = context.sandbox.data.conversations[5]!.id;
    const panel = await loaded(await vscode.commands.executeCommand<TranscriptPanel>('omi.openConversation', id));
    await eventually(() => panel.panel.viewColumn === vscode.ViewColumn.Two, 5000, 'the panel beside the editor');
    assert.equal(vscode.window.activeTextEditor, undefined, 'the panel has focus, so no editor is active');
    await vscode.commands.executeCommand('omi.transcript.insertSummary');
    // As Insert into Editor writes it, with a link back (`omi.insert.links` is "link" by default).
    const inserted = textForDocument({ kind: 'conversations', items: [panel.content!.conversation] }, document);
    assert.equal(document.getText(), `Notes:\n${inserted}`);
    assert.match(document.getText(), /\/openConversation\?id=/);
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.workspace.fs.delete(notes);
  });

  it('exports the conversation losslessly into omi.export.folder, never over an earlier export', async () => {
    const id = context.sandbox.data.conversations[6]!.id;
    const panel = await loaded(await vscode.commands.executeCommand<TranscriptPanel>('omi.openConversation', id));
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder, 'the tests run with a workspace folder');
    const exportDir = vscode.Uri.joinPath(folder, 'omi-export');
    await vscode.workspace.fs.delete(exportDir, { recursive: true }).then(undefined, () => {});

    await panel.handleMessage({ type: 'export' });
    await vscode.commands.executeCommand('omi.transcript.export', id);
    const names = (await vscode.workspace.fs.readDirectory(exportDir)).map(([name]) => name).sort();
    assert.equal(names.length, 2, `two files, nothing else: ${names.join(', ')}`);
    assert.match(names[0]!, /^omi-conversation-[a-z0-9-]+-2\.json$/);
    assert.equal(names[1], names[0]!.replace(/-2\.json$/, '.json'));

    const text = new TextDecoder().decode(
      await vscode.workspace.fs.readFile(vscode.Uri.joinPath(exportDir, names[1]!)),
    );
    const file = JSON.parse(text);
    assert.deepEqual(Object.keys(file), ['kind', 'exportedAt', 'source', 'filters', 'count', 'items']);
    assert.equal(file.kind, 'conversations');
    assert.equal(file.source, context.sandbox.url);
    assert.deepEqual(file.filters, {});
    assert.equal(file.count, 1);
    assert.ok(!Number.isNaN(Date.parse(file.exportedAt)));
    assert.deepEqual(file.items, [served(conversationData(id))], 'exactly what the server sent');
    assert.ok(!text.includes(context.sandbox.key), 'no key in the export');
  });

  it('restores a panel through its serializer from the disk cache, without a request', async () => {
    const id = context.sandbox.data.conversations[8]!.id;
    const first = await loaded(await vscode.commands.executeCommand<TranscriptPanel>('omi.openConversation', id));
    first.panel.dispose();
    // As after a reload: nothing in memory, only what is on disk.
    context.api.transcripts.cache.memory.clear();
    context.sandbox.resetRequests();

    const restore = async () => {
      const webviewPanel = vscode.window.createWebviewPanel(
        'omi.transcript',
        'Omi conversation',
        vscode.ViewColumn.Active,
        {
          enableFindWidget: true,
        },
      );
      await panels().deserializeWebviewPanel(webviewPanel, { conversationId: id, hiddenSpeakers: [1] });
      return loaded(panels().get(id));
    };
    const restored = await restore();
    assert.deepEqual(served(restored.content?.conversation), served(conversationData(id)));
    assert.equal(context.sandbox.requests.filter(isTranscriptRead(id)).length, 0, 'restored from disk');
    assert.equal(restored.panel.webview.options.enableScripts, true);
    assert.equal(restored.panel.webview.options.localResourceRoots?.length, 1);
    assert.match(restored.panel.webview.options.localResourceRoots![0]!.path, /\/dist\/webview$/);

    // Without the disk cache the same restore costs a request: the check above can fail.
    restored.panel.dispose();
    await context.api.transcripts.cache.clear();
    await restore();
    assert.equal(context.sandbox.requests.filter(isTranscriptRead(id)).length, 1);
  });

  it('ignores a restored panel whose saved state is not its own', async () => {
    const before = panels().all.length;
    const webviewPanel = vscode.window.createWebviewPanel('omi.transcript', 'x', vscode.ViewColumn.Active, {});
    let disposed = false;
    webviewPanel.onDidDispose(() => {
      disposed = true;
    });
    await panels().deserializeWebviewPanel(webviewPanel, { conversationId: 42 });
    assert.equal(disposed, true);
    assert.equal(panels().all.length, before);
  });

  it('Omi: Clear Cache forgets transcripts on disk', async () => {
    const id = context.sandbox.data.conversations[9]!.id;
    await loaded(await vscode.commands.executeCommand<TranscriptPanel>('omi.openConversation', id));
    assert.ok((await context.api.transcripts.cache.disk.size()) > 0);
    await vscode.commands.executeCommand('omi.clearCache');
    assert.equal(await context.api.transcripts.cache.disk.size(), 0);
    await closeEditors();
    context.sandbox.resetRequests();
    await loaded(await vscode.commands.executeCommand<TranscriptPanel>('omi.openConversation', id));
    assert.equal(context.sandbox.requests.filter(isTranscriptRead(id)).length, 1, 'fetched again');
  });

  it('signing out forgets transcripts on disk', async () => {
    const id = context.sandbox.data.conversations[10]!.id;
    await loaded(await vscode.commands.executeCommand<TranscriptPanel>('omi.openConversation', id));
    assert.ok(await context.api.transcripts.cache.get(id));
    await vscode.commands.executeCommand('omi.signOut', { confirm: false });
    await eventually(
      async () => (await context.api.transcripts.cache.disk.size()) === 0,
      5000,
      'the disk cache to empty',
    );
    assert.equal(await context.api.transcripts.cache.get(id), undefined);
    await vscode.commands.executeCommand('omi.setApiKey', context.sandbox.key);
  });
});

describe('Transcript panel: a 5,000-segment conversation', () => {
  const context = useSignedInSandbox({ conversations: 2, transcriptSegments: { min: 5000, max: 5000 } });
  afterEach(closeEditors);

  it('opens, with every segment in a turn', async () => {
    const id = context.sandbox.data.conversations[0]!.id;
    const panel = await loaded(await vscode.commands.executeCommand<TranscriptPanel>('omi.openConversation', id));
    const { transcript } = panel.content!;
    assert.equal(transcript.segmentCount, 5000);
    assert.equal(
      transcript.turns.reduce((sum, t) => sum + t.segments, 0),
      5000,
    );
  });
});
