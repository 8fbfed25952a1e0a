import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Goal } from '../../../src/api/models';
import type { GroupNode, ItemNode, ListNode } from '../../../src/views/nodes';
import { useWindowSpy } from './faultMatrix';
import { eventually, signIn, useSignedInSandbox } from './helpers';
import { withPrompts } from './prompts';

const READ_ONLY =
  'This key is read-only. Create a key with write access in the Omi app (Settings > Developer) and run Omi: Set API Key.';

/** A tooltip's text as the user reads it (appendText escapes Markdown and spaces). */
function plain(tooltip: vscode.MarkdownString): string {
  return tooltip.value.replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');
}

/** The Goals view's rows, loading the goals first as showing the view does. */
async function goalRows(context: ReturnType<typeof useSignedInSandbox>) {
  const provider = context.api.views.goals.provider;
  provider.getChildren();
  const list = provider.currentList!;
  await eventually(() => !list.loading && list.started, 10_000, 'the goals');
  const rows = new Map<string, { node: ItemNode<Goal>; item: vscode.TreeItem }>();
  for (const group of provider.getChildren().filter((n): n is GroupNode<Goal> => n.kind === 'group')) {
    for (const node of provider.getChildren(group) as ItemNode<Goal>[]) {
      rows.set(node.item.id, { node, item: provider.getTreeItem(node) });
    }
  }
  return rows;
}

describe('Goals view', () => {
  const context = useSignedInSandbox({ conversations: 5, memories: 5, actionItems: 5 });
  const spy = useWindowSpy();
  afterEach(() => spy.reset());
  const onServer = (id: string) => context.sandbox.data.goals.find((g) => g.id === id);

  it('lists every goal, in one request, with its progress for each kind of goal', async () => {
    const rows = await goalRows(context);
    const asked = context.sandbox.requests.filter((r) => r.path === '/v1/dev/user/goals');
    assert.equal(asked.length, 1);
    assert.equal(asked[0]!.query.include_inactive, 'true');
    assert.equal(asked[0]!.query.limit, '1000');
    assert.equal(rows.size, context.sandbox.data.goals.length, 'every goal, achieved ones too');
    for (const goal of context.sandbox.data.goals) {
      const row = rows.get(goal.id)!;
      assert.equal(row.item.label, goal.title);
      const description = String(row.item.description);
      const number = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
      if (!goal.metric) assert.equal(description, 'No measure', goal.title);
      else if (goal.goal_type === 'boolean')
        assert.equal(description, goal.current_value >= goal.target_value ? 'Done' : 'Not done yet', goal.title);
      else {
        const unit = goal.unit ? ` ${goal.unit}` : '';
        assert.ok(
          description.startsWith(`${number(goal.current_value)} of ${number(goal.target_value)}${unit} · `),
          `${goal.title}: ${description}`,
        );
        assert.match(description, /· \d+%$/);
      }
    }
    const kinds = new Set(context.sandbox.data.goals.map((g) => (g.metric ? g.goal_type : 'none')));
    assert.deepEqual([...kinds].sort(), ['boolean', 'none', 'numeric', 'scale'], 'each kind of goal was shown');
  });

  it('shows a goal’s history on hover, as a small chart and its latest values', async () => {
    const rows = await goalRows(context);
    const goal = context.sandbox.data.goals.find((g) => g.goal_type === 'numeric' && g.is_active)!;
    const history = context.sandbox.data.goalHistory.get(goal.id)!;
    const row = rows.get(goal.id)!;
    const resolved = await context.api.views.goals.provider.resolveTreeItem(
      new vscode.TreeItem(row.item.label as string),
      row.node as ListNode<Goal>,
    );
    const tooltip = plain(resolved.tooltip as vscode.MarkdownString);
    assert.match(tooltip, /Last 30 days: [▁▂▃▄▅▆▇█]+/);
    const last = history.at(-1)!;
    assert.ok(tooltip.includes(last.date), tooltip);
    assert.ok(
      context.sandbox.requests.some((r) => r.path === `/v1/dev/user/goals/${goal.id}/history` && r.query.days === '30'),
    );
  });

  it('updates a numeric goal’s progress with the full key', async () => {
    const goal = context.sandbox.data.goals.find((g) => g.goal_type === 'numeric' && g.is_active)!;
    const value = goal.current_value + 1.5;
    const done = await withPrompts([{ input: String(value) }], () =>
      vscode.commands.executeCommand<boolean>('omi.updateGoalProgress', goal.id),
    );
    assert.equal(done, true);
    assert.equal(onServer(goal.id)?.current_value, value);
    const rows = await goalRows(context);
    assert.ok(String(rows.get(goal.id)!.item.description).startsWith(`${value.toFixed(1)} of`));
    const resolved = await context.api.views.goals.provider.resolveTreeItem(
      new vscode.TreeItem('x'),
      rows.get(goal.id)!.node as ListNode<Goal>,
    );
    assert.ok(
      (resolved.tooltip as vscode.MarkdownString).value.includes(value.toFixed(1)),
      'the history is read again',
    );
  });

  it('marks a yes-or-no goal done', async () => {
    const goal = context.sandbox.data.goals.find((g) => g.goal_type === 'boolean')!;
    const done = await withPrompts([{ pick: (item) => String(item.label).includes('Done') }], () =>
      vscode.commands.executeCommand<boolean>('omi.updateGoalProgress', goal.id),
    );
    assert.equal(done, true);
    assert.equal(onServer(goal.id)?.current_value, goal.target_value);
  });

  it('adds a goal, first in the view', async () => {
    const done = await withPrompts(
      [
        { input: 'Swim 50 lengths' },
        { pick: (item) => item.type === 'numeric' },
        { input: '50' },
        { input: 'lengths' },
      ],
      () => vscode.commands.executeCommand<boolean>('omi.createGoal'),
    );
    assert.equal(done, true);
    const created = context.sandbox.data.goals.find((g) => g.title === 'Swim 50 lengths');
    assert.ok(created, 'on the server');
    assert.equal(created.target_value, 50);
    assert.equal(created.unit, 'lengths');
    const list = context.api.views.goals.provider.currentList!;
    assert.equal(list.items[0]?.id, created.id);
  });

  it('deletes a goal after asking', async () => {
    const goal = context.sandbox.data.goals.find((g) => g.title === 'Swim 50 lengths')!;
    const deleted = vscode.commands.executeCommand('omi.deleteGoal', goal.id);
    await eventually(() => spy.of('warning').length > 0, 5000, 'the question');
    assert.match(spy.of('warning')[0]!.text, /^Delete “Swim 50 lengths” from Omi\?$/);
    spy.of('warning')[0]!.choose('Delete');
    assert.equal(await deleted, true);
    assert.equal(onServer(goal.id), undefined);
    assert.equal(context.api.views.goals.provider.currentList!.find(goal.id), undefined);
  });
});

describe('Goals view with a read-only key', () => {
  const context = useSignedInSandbox({ conversations: 5, memories: 5, actionItems: 5 });
  const spy = useWindowSpy();
  before(async () => {
    assert.equal(await signIn(context.sandbox.readOnlyKey), true);
  });

  it('reads the goals, and a progress update is refused with one sentence and shown as it was', async () => {
    const rows = await goalRows(context);
    assert.equal(rows.size, context.sandbox.data.goals.length);
    const goal = context.sandbox.data.goals.find((g) => g.goal_type === 'numeric' && g.is_active)!;
    const before = goal.current_value;
    const done = await withPrompts([{ input: String(before + 1) }], () =>
      vscode.commands.executeCommand<boolean>('omi.updateGoalProgress', goal.id),
    );
    assert.equal(done, false);
    assert.equal(spy.of('error')[0]?.text, `The progress of “${goal.title}” was not changed. ${READ_ONLY}`);
    assert.equal(context.sandbox.data.goals.find((g) => g.id === goal.id)?.current_value, before);
    assert.equal(context.api.views.goals.provider.currentList!.find(goal.id)?.current_value, before, 'rolled back');
    assert.equal(context.api.views.goals.provider.currentList!.find(goal.id)?.current_value, before);
  });

  it('adding a goal is refused with the same sentence, and nothing is added', async () => {
    spy.reset();
    const count = context.sandbox.data.goals.length;
    const done = await withPrompts([{ input: 'Not allowed' }, { pick: (item) => item.type === undefined }], () =>
      vscode.commands.executeCommand<boolean>('omi.createGoal'),
    );
    assert.equal(done, false);
    assert.equal(spy.of('error')[0]?.text, `The goal “Not allowed” was not added. ${READ_ONLY}`);
    assert.equal(context.sandbox.data.goals.length, count);
  });
});
