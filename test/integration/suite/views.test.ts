import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { LIST_KINDS } from '../../../src/util/listKind';
import { oneLine } from '../../../src/util/text';
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

  // Each test starts from what a user sees after signing in: no filter, no search, no page loaded, no request made.
  beforeEach(async () => {
    for (const kind of LIST_KINDS) await context.api.views.clearFilterAndSearch(kind);
    context.api.store.clear();
    context.sandbox.resetRequests();
  });

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
    assert.equal(provider.getTreeItem(groups[0]).description, `${sizes[0]}+`, 'not read as a total: more may come');
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
    for (const group of provider.getChildren()) {
      assert.ok(group.kind === 'group');
      const total = context.sandbox.data.memories.filter((m) => (m.category || 'other') === group.key).length;
      assert.equal(provider.getTreeItem(group).description, String(total), 'the full count once all are loaded');
    }
  });

  it('refresh fetches the items shown again with the fewest requests', async () => {
    await settled(context.api.views.providers.memories);
    for (let page = 0; page < 3; page++) await vscode.commands.executeCommand('omi.loadMore', 'omi.memories');
    assert.equal(context.api.store.list('memories').items.length, 130, 'the user loaded every memory, 50 at a time');
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
    const counts = rows.filter((n) => n.kind === 'group').map((n) => provider.getTreeItem(n).description);
    const loaded = rows.map((n) => (n.kind === 'group' ? n.items.length : 0)).filter((n) => n > 0);
    assert.equal(provider.currentList?.complete, false, 'a page of 50 of the 60');
    assert.deepEqual(
      counts,
      loaded.map((n) => `${n}+`),
      'counts of a list not fully loaded are not totals',
    );
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

  it('filters memories by category on the server and names the filter in the view', async () => {
    const provider = context.api.views.providers.memories;
    context.sandbox.resetRequests();
    await context.api.store.setFilter('memories', { categories: ['work', 'skills'] });
    const rows = await settled(provider);
    const groupKeys = rows.filter((n) => n.kind === 'group').map((n) => (n.kind === 'group' ? n.key : ''));
    assert.deepEqual([...groupKeys].sort(), ['skills', 'work']);
    assert.equal(context.api.views.treeViews.memories.description, 'Filtered: work, skills');
    const expected = context.sandbox.data.memories.filter((m) => ['work', 'skills'].includes(m.category)).length;
    await context.api.views.loadAll('memories');
    assert.equal(provider.currentList?.items.length, expected);
    // Every page of the list is asked for with the filter. The Memories view, reloading after beforeEach cleared the
    // store, may still ask for its unfiltered first page after the requests were reset: that one is not the list's.
    const asked = context.sandbox.requests
      .filter((r) => r.path === '/v1/dev/user/memories')
      .map((r) => ({ offset: r.query.offset ?? '0', categories: r.query.categories }));
    const pages = asked.filter((r) => r.categories !== undefined || r.offset !== '0');
    assert.ok(
      pages.length > 0 && pages.every((r) => r.categories === 'work,skills'),
      `asked with the filter: ${JSON.stringify(asked)}`,
    );
    await vscode.commands.executeCommand('omi.clearFilterMemories');
    assert.equal(context.api.views.treeViews.memories.description, undefined);
    assert.deepEqual(context.api.store.filter('memories'), { categories: [] });
  });

  it('filters action items by status and created date', async () => {
    context.sandbox.resetRequests();
    await context.api.store.setFilter('actionItems', {
      status: 'open',
      startDate: '2026-01-01T00:00:00.000Z',
      endDate: '2026-12-31T23:59:59.999Z',
    });
    const provider = context.api.views.providers.actionItems;
    const rows = await settled(provider);
    assert.deepEqual(
      rows.filter((n) => n.kind === 'group').map((n) => label(provider, n)),
      ['Open'],
    );
    // The filtered list's own request (other parts of the UI may read action items too).
    const query =
      context.sandbox.requests.find((r) => r.path.endsWith('/action-items') && r.query.start_date)?.query ?? {};
    assert.equal(query.completed, 'false');
    assert.equal(query.start_date, '2026-01-01T00:00:00.000Z');
    assert.match(String(context.api.views.treeViews.actionItems.description), /open · 2026-01-01 – 2026-12-31/);
    await vscode.commands.executeCommand('omi.clearFilterActionItems');
  });

  it('searches loaded items as you type, highlighting matches', async () => {
    const provider = context.api.views.providers.memories;
    await settled(provider);
    const loaded = provider.currentList?.items ?? [];
    const word =
      loaded[0]?.content
        .split(/\s+/)
        .find((w) => w.length > 4)
        ?.toLowerCase() ?? 'the';
    provider.setSearch(word);
    const matches = provider.matchingItems();
    assert.ok(matches.length > 0 && matches.length <= loaded.length);
    assert.ok(
      matches.every((m) => `${m.content} ${m.category} ${(m.tags ?? []).join(' ')}`.toLowerCase().includes(word)),
    );
    const group = provider.getChildren().find((n) => n.kind === 'group');
    assert.ok(group);
    assert.match(String(provider.getTreeItem(group).description), /^\d+ of \d+\+?$/);
    const row = provider.getChildren(group)[0];
    const treeLabel = provider.getTreeItem(row).label;
    assert.ok(typeof treeLabel === 'object' && (treeLabel.highlights?.length ?? 0) > 0, 'the match is highlighted');
    provider.setSearch('zzzz-no-such-text');
    const tail = provider.getChildren().at(-1);
    assert.ok(tail && tail.kind === 'status');
    provider.setSearch(undefined);
  });

  it('keeps conversations on disk so the next start shows them at once, and forgets them on Clear Cache', async () => {
    const provider = context.api.views.providers.conversations;
    await settled(provider);
    const shown = provider.currentList?.items.length ?? 0;
    assert.ok(shown > 0);
    await new Promise((r) => setTimeout(r, 800)); // the disk copy is written shortly after a change
    // What a new window does: forget the in-memory pages and rebuild the list from disk.
    await context.api.store.restoreFromDisk();
    context.sandbox.resetRequests();
    context.api.store.clear();
    const restored = context.api.store.list('conversations');
    assert.equal(restored.items.length, shown, 'shown before any request');
    await eventually(() => !restored.loading, 10_000, 'the background refresh');
    assert.equal(context.sandbox.requests.filter((r) => r.path === '/v1/dev/user/conversations').length, 1);
    await vscode.commands.executeCommand('omi.clearCache');
    await context.api.store.restoreFromDisk();
    context.api.store.clear();
    assert.equal(context.api.store.list('conversations').items.length, 0, 'nothing left on disk');
  });
});
