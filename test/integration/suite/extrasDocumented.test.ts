import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Conversation } from '../../../src/api/models';
import type { ItemNode } from '../../../src/views/nodes';
import { useWindowSpy } from './faultMatrix';
import { eventually, useSignedInSandbox } from './helpers';

const NOT_AVAILABLE = /^(Daily summaries|Folders|Goals) are not available on this server\.$/;

describe('Daily summaries, folders and goals on a server without them (documented flavor: 404)', () => {
  const context = useSignedInSandbox({ flavor: 'documented', conversations: 20, memories: 10, actionItems: 10 });
  const spy = useWindowSpy();
  afterEach(() => spy.reset());

  it('Omi: Open Daily Summary… says daily summaries are not available, and opens nothing', async () => {
    const shown = await vscode.commands.executeCommand('omi.openDailySummary');
    assert.equal(shown, undefined);
    assert.equal(spy.of('information')[0]?.text, 'Daily summaries are not available on this server.');
    assert.equal(spy.of('error').length, 0, 'not an error');
    assert.equal(context.api.dailySummary.panel(), undefined);
  });

  it('Group by Folder says folders are not available, and the view stays grouped by day', async () => {
    assert.equal(await vscode.commands.executeCommand('omi.groupConversationsByFolder'), false);
    assert.equal(spy.of('information')[0]?.text, 'Folders are not available on this server.');
    assert.equal(context.api.store.filter('conversations').groupBy ?? 'day', 'day');
  });

  it('the Goals view says goals are not available (no error, no retry)', async () => {
    const provider = context.api.views.goals.provider;
    provider.getChildren();
    const list = provider.currentList!;
    await eventually(() => list.started && !list.loading, 10_000, 'the goals request');
    const [row] = provider.getChildren();
    assert.ok(row && row.kind === 'status');
    const item = provider.getTreeItem(row);
    assert.equal(item.label, 'Goals are not available on this server.');
    assert.equal(item.contextValue, 'omi.status.empty');
    assert.match(String(item.label), NOT_AVAILABLE);
  });

  it('the other views are undisturbed: conversations list, day groups without links', async () => {
    const list = context.api.store.list('conversations');
    await list.loadAll(new AbortController().signal);
    assert.equal(list.error, undefined);
    assert.equal(list.items.length, context.sandbox.data.conversations.length);
    await context.api.views.linkDailySummaries();
    const provider = context.api.views.providers.conversations;
    const groups = provider.getChildren().filter((n) => n.kind === 'group');
    assert.ok(groups.length > 0);
    for (const group of groups) assert.equal(provider.getTreeItem(group).contextValue, 'omi.group');
    const rows = groups.flatMap((g) => provider.getChildren(g) as ItemNode<Conversation>[]);
    assert.equal(rows.length, list.items.length);
    const memories = context.api.store.list('memories');
    await memories.loadMore();
    assert.equal(memories.error, undefined);
    assert.equal(spy.of('error').length, 0);
  });
});
