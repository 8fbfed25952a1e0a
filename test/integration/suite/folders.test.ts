import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Conversation } from '../../../src/api/models';
import type { ConversationFilter } from '../../../src/store/filters';
import type { GroupNode, ItemNode } from '../../../src/views/nodes';
import { eventually, useSignedInSandbox } from './helpers';

describe('Conversations by folder, and starred', () => {
  const context = useSignedInSandbox({ conversations: 40, memories: 10, actionItems: 10 });
  const provider = () => context.api.views.providers.conversations;
  const groups = () =>
    provider()
      .getChildren()
      .filter((n): n is GroupNode<Conversation> => n.kind === 'group');
  const remembered = () =>
    context.api.testing!.workspaceState.get<{ conversations?: ConversationFilter }>('omi.filters')?.conversations;
  after(async () => {
    await vscode.commands.executeCommand('omi.groupConversationsByDay');
    await vscode.commands.executeCommand('omi.showAllConversations');
  });

  it('groups the Conversations view by folder: names, theme colours and the server’s counts', async () => {
    assert.equal(await vscode.commands.executeCommand('omi.groupConversationsByFolder'), true);
    const list = context.api.store.list('conversations');
    await list.loadAll(new AbortController().signal);
    const folders = context.sandbox.data.folders.filter((f) => f.conversation_count > 0);
    await eventually(() => groups().some((g) => g.label === folders[0]!.name), 5000, 'the folder groups');
    const shown = groups();
    const named = shown.filter((g) => g.key !== 'folder:none');
    assert.deepEqual(
      named.map((g) => g.label),
      folders.map((f) => f.name),
      'one group per folder with conversations, in the server’s order',
    );
    for (const folder of folders) {
      const group = shown.find((g) => g.label === folder.name)!;
      const row = provider().getTreeItem(group);
      assert.equal(row.description, String(folder.conversation_count), `${folder.name}: the server’s count`);
      const icon = row.iconPath as vscode.ThemeIcon;
      assert.equal(icon.id, 'folder');
      assert.match(icon.color?.id ?? '', /^charts\./, 'the folder’s colour, from the theme');
      const ids = (provider().getChildren(group) as ItemNode<Conversation>[]).map((n) => n.item.id).sort();
      const expected = context.sandbox.data.conversations.filter((c) => c.folder_id === folder.id).map((c) => c.id);
      assert.deepEqual(ids, expected.sort(), `${folder.name}: its conversations`);
    }
    const colours = new Set(
      folders.map(
        (f) => (provider().getTreeItem(shown.find((g) => g.label === f.name)!).iconPath as vscode.ThemeIcon).color?.id,
      ),
    );
    assert.ok(colours.size > 1, 'folders keep distinct colours');
    assert.equal(
      context.sandbox.requests.filter((r) => r.path === '/v1/dev/user/folders').length,
      1,
      'folders are asked for once',
    );
    assert.equal(remembered()?.groupBy, 'folder', 'remembered for this workspace');
  });

  it('grouping by day again keeps the loaded pages (no new request)', async () => {
    context.sandbox.resetRequests();
    await vscode.commands.executeCommand('omi.groupConversationsByDay');
    assert.ok(
      groups().every((g) => /^\d{4}-\d{2}-\d{2}$|^undated$/.test(g.key)),
      'day groups',
    );
    assert.deepEqual(context.sandbox.requests, []);
    assert.equal(remembered()?.groupBy, 'day');
  });

  it('Show Starred Only asks Omi for starred conversations and shows just those', async () => {
    context.sandbox.resetRequests();
    await vscode.commands.executeCommand('omi.showStarredConversations');
    const list = context.api.store.list('conversations');
    await list.loadAll(new AbortController().signal);
    const asked = context.sandbox.requests.filter((r) => r.path === '/v1/dev/user/conversations');
    assert.ok(asked.length > 0);
    assert.ok(
      asked.every((r) => r.query.starred === 'true'),
      'every page carries starred=true',
    );
    const starred = context.sandbox.data.conversations.filter((c) => c.starred).map((c) => c.id);
    assert.ok(starred.length > 0, 'the sandbox has starred conversations');
    assert.deepEqual(
      list.items.map((c) => c.id),
      starred,
    );
    assert.equal(remembered()?.starred, true, 'remembered for this workspace');
    assert.match(context.api.views.treeViews.conversations.description ?? '', /starred/);
  });

  it('with a filter, folder groups count what is listed rather than the folder’s total', async () => {
    await vscode.commands.executeCommand('omi.groupConversationsByFolder');
    const list = context.api.store.list('conversations');
    await list.loadAll(new AbortController().signal);
    for (const group of groups()) {
      assert.equal(provider().getTreeItem(group).description, String(group.items.length), group.label);
    }
    await vscode.commands.executeCommand('omi.showAllConversations');
    assert.equal(remembered()?.starred, undefined);
    assert.equal(remembered()?.groupBy, 'folder', 'showing all keeps the grouping');
  });
});
