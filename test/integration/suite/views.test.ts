import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { oneLine } from '../../../src/views/memoriesView';
import type { ListNode } from '../../../src/views/nodes';
import type { PagedTreeProvider } from '../../../src/views/pagedTreeProvider';
import type { TranscriptPanel } from '../../../src/webviews/transcript/transcriptPanel';
import { eventually, useSignedInSandbox } from './helpers';

function label<T>(provider: PagedTreeProvider<T>, node: ListNode<T>): string {
  const item = provider.getTreeItem(node);
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

async function settled<T>(provider: PagedTreeProvider<T>): Promise<ListNode<T>[]> {
  provider.getChildren();
  await eventually(() => provider.currentList?.loading === false, 10_000, 'the page to load');
  return provider.getChildren();
}

describe('Browsing: the three views against the sandbox', () => {
  const context = useSignedInSandbox({ memories: 130, conversations: 40, actionItems: 60 });

  it('groups memories by category, biggest first, with counts, ending with Load more…', async () => {
    const provider = context.api.views.providers.memories;
    const rows = await settled(provider);
    const groups = rows.filter((n) => n.kind === 'group');
    assert.ok(groups.length >= 3, 'several categories');
    const sizes = groups.map((g) => (g.kind === 'group' ? g.items.length : 0));
    assert.deepEqual(
      sizes,
      [...sizes].sort((a, b) => b - a),
      'groups ordered by count',
    );
    assert.equal(
      sizes.reduce((a, b) => a + b, 0),
      50,
      'one page of omi.pageSize (50) items',
    );
    assert.equal(provider.getTreeItem(groups[0]).description, String(sizes[0]));
    const tail = rows.at(-1);
    assert.equal(tail && label(provider, tail), 'Load more…');
    const [firstRow] = provider.getChildren(groups[0]);
    assert.equal(firstRow.kind, 'item');
    const memory = context.sandbox.data.memories.find((m) => firstRow.kind === 'item' && m.id === firstRow.item.id);
    assert.ok(memory, 'rows are the server’s memories');
    assert.equal(label(provider, firstRow), oneLine(memory.content));
  });

  it('loads more on demand and never fetches a page twice', async () => {
    const provider = context.api.views.providers.memories;
    await settled(provider);
    await vscode.commands.executeCommand('omi.loadMore', 'omi.memories');
    await vscode.commands.executeCommand('omi.loadMore', 'omi.memories');
    // Expanding and collapsing only reads what is loaded.
    for (const node of provider.getChildren()) if (node.kind === 'group') provider.getChildren(node);
    await vscode.commands.executeCommand('omi.loadMore', 'omi.memories');
    assert.equal(provider.currentList?.items.length, 130);
    assert.equal(provider.currentList?.complete, true, 'the empty page ended the list');
    const pages = context.sandbox.requests
      .filter((r) => r.path === '/v1/dev/user/memories')
      .map((r) => `${r.query.offset}/${r.query.limit}`);
    assert.deepEqual(pages, ['0/50', '50/50', '100/50', '150/50']);
    assert.equal(new Set(pages).size, pages.length, 'no page fetched twice');
    assert.ok(!provider.getChildren().some((n) => n.kind === 'status'), 'no Load more… once complete');
  });

  it('refresh fetches the items shown again with the fewest requests', async () => {
    context.sandbox.resetRequests();
    await vscode.commands.executeCommand('omi.refreshMemories');
    const pages = context.sandbox.requests.map((r) => `${r.path}?${r.query.offset}/${r.query.limit}`);
    assert.deepEqual(pages, ['/v1/dev/user/memories?0/200']);
    assert.equal(context.api.store.list('memories').items.length, 130);
  });

  it('shows action items as Open (server order, due dates) and Done', async () => {
    const provider = context.api.views.providers.actionItems;
    const rows = await settled(provider);
    const groupLabels = rows.filter((n) => n.kind === 'group').map((n) => label(provider, n));
    assert.deepEqual(groupLabels, ['Open', 'Done']);
    const open = provider.getChildren(rows[0]);
    const expectedOrder = context.sandbox.data.actionItems
      .filter((a) => !a.completed)
      .slice(0, open.length)
      .map((a) => a.id);
    assert.deepEqual(
      open.map((n) => (n.kind === 'item' ? (n.item as { id: string }).id : '')),
      expectedOrder,
    );
    const dated = open.find((n) => n.kind === 'item' && (n.item as { due_at: string | null }).due_at);
    assert.ok(dated);
    assert.match(String(provider.getTreeItem(dated).description), /due|overdue/);
  });

  it('groups conversations by day, newest first, and opens one with its transcript once', async () => {
    const provider = context.api.views.providers.conversations;
    const rows = await settled(provider);
    const groups = rows.filter((n) => n.kind === 'group');
    assert.ok(groups.length > 1);
    const keys = groups.map((g) => (g.kind === 'group' ? g.key : ''));
    assert.deepEqual(keys, [...keys].sort().reverse(), 'newest day first');
    const first = provider.getChildren(groups[0])[0];
    const item = provider.getTreeItem(first);
    assert.equal(item.command?.command, 'omi.openConversation');
    context.sandbox.resetRequests();
    const panel = await vscode.commands.executeCommand<TranscriptPanel>(
      'omi.openConversation',
      ...(item.command?.arguments ?? []),
    );
    await eventually(() => panel.content !== undefined, 10_000, 'the transcript to load');
    assert.ok((panel.content?.conversation.transcript_segments?.length ?? 0) > 0);
    await vscode.commands.executeCommand('omi.openConversation', ...(item.command?.arguments ?? []));
    assert.equal(context.sandbox.requests.length, 1, 'the transcript was fetched once');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows an error row with Retry when the server fails, keeping what was loaded', async () => {
    const provider = context.api.views.providers.conversations;
    await settled(provider);
    const before = provider.currentList?.items.length ?? 0;
    context.sandbox.setFaults({ failEvery: { n: 1, mode: '500' } });
    try {
      await vscode.commands.executeCommand('omi.loadMore', 'omi.conversations');
      const tail = provider.getChildren().at(-1);
      assert.ok(tail && tail.kind === 'status' && tail.status === 'error');
      assert.match(label(provider, tail), /problem answering \(HTTP 500\)/);
      assert.equal(provider.getTreeItem(tail).command?.command, 'omi.retryLoad');
      assert.equal(provider.currentList?.items.length, before, 'nothing loaded was lost');
    } finally {
      context.sandbox.setFaults({ failEvery: null });
    }
    await vscode.commands.executeCommand('omi.retryLoad', 'omi.conversations');
    assert.equal(provider.currentList?.error, undefined, 'the retry succeeded');
    assert.ok(
      !provider.getChildren().some((n) => n.kind === 'status' && n.status === 'error'),
      'the error row is gone',
    );
  });
});
