import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ActionItem } from '../../../src/api/models';
import { describeError } from '../../../src/util/errorMessage';
import type { ItemNode } from '../../../src/views/nodes';
import type { InsightsPanel } from '../../../src/webviews/insights/insightsPanel';
import { useWindowSpy, type WindowSpy } from './faultMatrix';
import { eventually, signIn, useSignedInSandbox } from './helpers';
import { withPrompts } from './prompts';

const READ_ONLY =
  'This key is read-only. Create a key with write access in the Omi app (Settings > Developer) and run Omi: Set API Key.';

/** The action item rows the view shows now, loading the first page if needed. */
async function actionItemRows(context: ReturnType<typeof useSignedInSandbox>): Promise<ItemNode<ActionItem>[]> {
  const provider = context.api.views.providers.actionItems;
  provider.getChildren();
  await eventually(() => provider.currentList?.loading === false && (provider.currentList?.items.length ?? 0) > 0);
  return provider
    .getChildren()
    .filter((n) => n.kind === 'group')
    .flatMap((group) => provider.getChildren(group))
    .filter((n): n is ItemNode<ActionItem> => n.kind === 'item');
}

async function firstOpenRow(context: ReturnType<typeof useSignedInSandbox>): Promise<ItemNode<ActionItem>> {
  const row = (await actionItemRows(context)).find((n) => !n.item.completed);
  assert.ok(row, 'an open action item');
  return row;
}

/** A row's checkbox state; undefined when it has none. */
function checkbox(item: vscode.TreeItem): vscode.TreeItemCheckboxState | undefined {
  const box = item.checkboxState;
  return typeof box === 'object' ? box.state : box;
}

/** The error notification the spy saw last, with its text. */
function lastError(spy: WindowSpy): string | undefined {
  return spy.of('error').at(-1)?.text;
}

describe('Writing: action items with a full-access key', () => {
  const context = useSignedInSandbox({ actionItems: 40, memories: 5, conversations: 5 });
  const spy = useWindowSpy();
  afterEach(() => {
    spy.reset();
    context.sandbox.setFaults({ failEvery: null, rateLimit: null, latencyMs: 0 });
  });

  const onServer = (id: string) => context.sandbox.data.actionItems.find((a) => a.id === id);

  it('knows what the key may do: checkboxes on rows, and "Full access" on hover', async () => {
    await eventually(() => /Access: Full access/.test(context.api.statusBar.snapshot().tooltip), 5000, 'the access');
    const row = await firstOpenRow(context);
    const item = context.api.views.providers.actionItems.getTreeItem(row);
    assert.equal(checkbox(item), vscode.TreeItemCheckboxState.Unchecked);
    assert.match(String(item.contextValue), /^omi\.actionItem\..*open$/);
  });

  it('completes from the row at once, keeps it after the server agrees, and reopens', async () => {
    const row = await firstOpenRow(context);
    const list = context.api.store.list('actionItems');
    context.sandbox.setFaults({ latencyMs: 1000 });
    let answered = false;
    const done = Promise.resolve(vscode.commands.executeCommand('omi.completeActionItem', row)).then(() => {
      answered = true;
    });
    await eventually(() => list.find(row.item.id)?.completed === true, 900, 'the row shown done at once');
    assert.equal(answered, false, 'before the server answered');
    await done;
    context.sandbox.setFaults({ latencyMs: 0 });
    assert.equal(onServer(row.item.id)?.completed, true, 'done in Omi');
    assert.ok(onServer(row.item.id)?.completed_at, 'with its completion time');
    assert.equal(list.find(row.item.id)?.completed, true);
    const doneRow = (await actionItemRows(context)).find((n) => n.item.id === row.item.id);
    assert.ok(doneRow);
    const item = context.api.views.providers.actionItems.getTreeItem(doneRow);
    assert.equal(checkbox(item), vscode.TreeItemCheckboxState.Checked, 'the row is ticked');
    await vscode.commands.executeCommand('omi.reopenActionItem', doneRow);
    assert.equal(onServer(row.item.id)?.completed, false, 'open again in Omi');
    assert.equal(list.find(row.item.id)?.completed, false);
    assert.deepEqual(spy.of('error'), []);
  });

  it('adds an action item from the selection with a due date, at the top of the list', async () => {
    const document = await vscode.workspace.openTextDocument({ content: 'Book the venue for the offsite\n' });
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(0, 0, 0, 30);
    const before = context.sandbox.data.actionItems.length;
    await withPrompts([{ input: 'Book the venue for the offsite' }, { pick: (item) => item.due === 'tomorrow' }], () =>
      vscode.commands.executeCommand('omi.addActionItem'),
    );
    assert.equal(context.sandbox.data.actionItems.length, before + 1);
    const created = context.sandbox.data.actionItems.find((a) => a.description === 'Book the venue for the offsite');
    assert.ok(created?.due_at, 'with a due date');
    const tomorrow = new Date();
    tomorrow.setDate(tomorrow.getDate() + 1);
    assert.equal(new Date(created.due_at).getDate(), tomorrow.getDate(), 'due tomorrow, local time');
    assert.equal(context.api.store.list('actionItems').items[0]?.id, created.id, 'first in the view');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('edits the description and the due date, sending only what changed', async () => {
    const row = await firstOpenRow(context);
    context.sandbox.resetRequests();
    await withPrompts([{ input: 'Call Sam about the lease' }, { pick: (item) => item.due === 'nextWeek' }], () =>
      vscode.commands.executeCommand('omi.editActionItem', row),
    );
    const patches = context.sandbox.requests.filter((r) => r.method === 'PATCH');
    assert.equal(patches.length, 1, 'one PATCH');
    assert.equal(onServer(row.item.id)?.description, 'Call Sam about the lease');
    assert.equal(context.api.store.list('actionItems').find(row.item.id)?.description, 'Call Sam about the lease');
  });

  it('asks before deleting, naming the item; No sends nothing, Delete removes it everywhere', async () => {
    const row = await firstOpenRow(context);
    context.sandbox.resetRequests();
    const declined = vscode.commands.executeCommand('omi.deleteActionItem', row);
    await eventually(() => spy.of('warning').length > 0, 5000, 'the question');
    const question = spy.of('warning')[0]!;
    assert.match(question.text, /^Delete the action item “.+” from Omi\?$/);
    question.choose(undefined);
    await declined;
    assert.equal(context.sandbox.requests.filter((r) => r.method === 'DELETE').length, 0, 'nothing sent without a yes');
    spy.reset();
    const deleted = vscode.commands.executeCommand('omi.deleteActionItem', row);
    await eventually(() => spy.of('warning').length > 0, 5000, 'the question');
    spy.of('warning')[0]!.choose('Delete');
    await deleted;
    assert.equal(onServer(row.item.id), undefined, 'gone from Omi');
    assert.equal(context.api.store.list('actionItems').find(row.item.id), undefined, 'gone from the view');
  });

  it('Insights follows a tick at once, without fetching the lists again', async function () {
    this.timeout(30_000);
    const panel = (await vscode.commands.executeCommand('omi.showInsights')) as InsightsPanel;
    try {
      await panel.settled();
      const before = panel.current.data?.actionItems;
      assert.ok(before, 'Insights has its numbers');
      const row = await firstOpenRow(context);
      context.sandbox.resetRequests();
      await vscode.commands.executeCommand('omi.completeActionItem', row);
      await eventually(() => panel.current.data?.actionItems.done === before.done + 1, 5000, 'one more done');
      assert.equal(panel.current.data?.actionItems.open, before.open - 1);
      assert.deepEqual(
        context.sandbox.requests.map((r) => r.method),
        ['PATCH'],
        'only the write itself',
      );
    } finally {
      panel.dispose();
    }
  });

  it('a 429 on a write waits as Omi says, then sends it once, and says so', async function () {
    this.timeout(30_000);
    const [first, second] = (await actionItemRows(context)).filter((n) => !n.item.completed);
    assert.ok(first && second);
    context.sandbox.setFaults({ rateLimit: { limit: 1, windowMs: 2000 } });
    context.sandbox.resetRequests();
    await vscode.commands.executeCommand('omi.completeActionItem', first); // the window's one write
    await vscode.commands.executeCommand('omi.completeActionItem', second);
    const patches = context.sandbox.requests.filter((r) => r.method === 'PATCH').map((r) => `${r.path} ${r.status}`);
    const id = (row: ItemNode<ActionItem>) => `/v1/dev/user/action-items/${row.item.id}`;
    assert.deepEqual(
      patches,
      [`${id(first)} 200`, `${id(second)} 429`, `${id(second)} 200`],
      'turned away once, then sent again after the wait',
    );
    assert.ok(
      spy.of('information').some((m) => /rate limit was reached: the change is sent in/.test(m.text)),
      'the wait was announced',
    );
    assert.equal(onServer(second.item.id)?.completed, true);
  });

  it('never sends a new action item twice when the answer is lost', async () => {
    context.sandbox.setFaults({ failEvery: { n: 1, mode: '503' } });
    context.sandbox.resetRequests();
    await withPrompts([{ input: 'Water the plants' }, { pick: (item) => item.due === 'none' }], () =>
      vscode.commands.executeCommand('omi.addActionItem'),
    );
    const posts = context.sandbox.requests.filter((r) => r.method === 'POST');
    assert.equal(posts.length, 1, 'one POST, not retried');
    assert.match(lastError(spy) ?? '', /^“Water the plants” was not added to Omi\. The Omi server had a problem/);
  });
});

describe('Writing: refusals of a well-formed change', () => {
  const context = useSignedInSandbox({ actionItems: 20, memories: 5, conversations: 5 });
  const spy = useWindowSpy();
  afterEach(() => spy.reset());

  /** Deletes an item behind the extension's back, as the Omi app on the phone would. */
  const deleteInOmi = async (id: string) => {
    const answer = await fetch(`${context.sandbox.url}/user/action-items/${id}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${context.sandbox.key}` },
    });
    assert.equal(answer.status, 200);
  };

  it('a value Omi does not accept (422) goes back, with what Omi said', async () => {
    const row = await firstOpenRow(context);
    await assert.rejects(context.api.writes.updateActionItem(row.item, { due_at: 'next tuesday' }), (error) => {
      assert.match(describeError(error).message, /^Omi did not accept the change \(due_at: .+\)\.$/);
      return true;
    });
    assert.equal(context.api.store.list('actionItems').find(row.item.id)?.due_at, row.item.due_at, 'shown as it was');
  });

  it('an item deleted in the Omi app meanwhile: an edit says so and goes back; a delete is done already', async () => {
    const [first, second] = (await actionItemRows(context)).filter((n) => !n.item.completed);
    assert.ok(first && second);
    await deleteInOmi(first.item.id);
    await withPrompts([{ input: 'Renamed' }, { pick: (item) => item.due === 'none' || item.due === 'keep' }], () =>
      vscode.commands.executeCommand('omi.editActionItem', first),
    );
    assert.match(lastError(spy) ?? '', /was not changed in Omi, and shows as it was\. It is no longer in Omi/);
    assert.equal(context.api.store.list('actionItems').find(first.item.id)?.description, first.item.description);
    spy.reset();
    await deleteInOmi(second.item.id);
    const deleted = vscode.commands.executeCommand('omi.deleteActionItem', second);
    await eventually(() => spy.of('warning').length > 0, 5000, 'the question');
    spy.of('warning')[0]!.choose('Delete');
    await deleted;
    assert.deepEqual(spy.of('error'), [], 'deleting what is gone is what the user asked');
    assert.equal(context.api.store.list('actionItems').find(second.item.id), undefined);
  });
});

describe('Writing: action items with a read-only key', () => {
  const context = useSignedInSandbox({ actionItems: 20, memories: 5, conversations: 5 });
  const spy = useWindowSpy();
  before(async () => {
    assert.equal(await signIn(context.sandbox.readOnlyKey), true);
  });
  afterEach(() => spy.reset());

  it('offers no checkbox and says "Read only" on hover', async () => {
    await eventually(
      () => /Access: Read only: memories, action items, conversations/.test(context.api.statusBar.snapshot().tooltip),
      5000,
      'the access',
    );
    const row = await firstOpenRow(context);
    assert.equal(context.api.views.providers.actionItems.getTreeItem(row).checkboxState, undefined);
  });

  it('every action item command is refused with the same sentence, and nothing changes', async () => {
    const row = await firstOpenRow(context);
    const before = JSON.stringify(context.sandbox.data.actionItems);
    const commands: [string, () => Thenable<unknown>][] = [
      [
        'add',
        () =>
          withPrompts([{ input: 'Read-only test' }, { pick: (item) => item.due === 'none' }], () =>
            vscode.commands.executeCommand('omi.addActionItem'),
          ),
      ],
      [
        'edit',
        () =>
          withPrompts([{ input: 'Changed' }, { pick: (item) => item.due === 'today' }], () =>
            vscode.commands.executeCommand('omi.editActionItem', row),
          ),
      ],
      [
        'delete',
        async () => {
          const deleting = vscode.commands.executeCommand('omi.deleteActionItem', row);
          await eventually(() => spy.of('warning').length > 0, 5000, 'the question');
          spy.of('warning')[0]!.choose('Delete');
          await deleting;
        },
      ],
    ];
    for (const [name, run] of commands) {
      spy.reset();
      await run();
      const text = spy.of('error')[0]?.text ?? '';
      assert.ok(text.endsWith(READ_ONLY), `${name}: ${text}`);
    }
    assert.equal(JSON.stringify(context.sandbox.data.actionItems), before, 'Omi has what it had');
    assert.ok(context.api.store.list('actionItems').find(row.item.id), 'the item is back in the list');
  });

  it('a tick the server refuses goes back, with the sentence that says what to do', async () => {
    const row = await firstOpenRow(context);
    await vscode.commands.executeCommand('omi.completeActionItem', row);
    assert.equal(context.api.store.list('actionItems').find(row.item.id)?.completed, false, 'shown open again');
    assert.equal(context.sandbox.data.actionItems.find((a) => a.id === row.item.id)?.completed, false);
    const text = lastError(spy) ?? '';
    assert.match(text, /^“.+” is open again: Omi did not mark it done\. /);
    assert.ok(text.endsWith(READ_ONLY), text);
    assert.deepEqual(spy.of('error')[0]?.items, ['Set API Key']);
  });
});

describe('Writing: a server without the write endpoints (the documented API)', () => {
  const context = useSignedInSandbox({ flavor: 'documented', actionItems: 20, memories: 5, conversations: 5 });
  const spy = useWindowSpy();
  afterEach(() => spy.reset());

  it('offers the actions (the server does not say), then rolls back and says the server lacks them', async () => {
    const row = await firstOpenRow(context);
    assert.equal(
      checkbox(context.api.views.providers.actionItems.getTreeItem(row)),
      vscode.TreeItemCheckboxState.Unchecked,
    );
    await vscode.commands.executeCommand('omi.completeActionItem', row);
    assert.equal(context.api.store.list('actionItems').find(row.item.id)?.completed, false, 'shown open again');
    assert.match(
      lastError(spy) ?? '',
      /is open again: Omi did not mark it done\. This Omi server does not offer this\./,
    );
  });
});
