import * as assert from 'node:assert/strict';
import { type Goal, type GoalHistoryEntry, type Sandbox, type SandboxOptions, startSandbox } from '../../src/sandbox';
import { assertDocumentedNotFound, call, issues } from './sandbox-http';

const BASE: SandboxOptions = {
  port: 0,
  seed: 42,
  memories: 10,
  actionItems: 10,
  conversations: 10,
  now: new Date('2026-11-28T20:00:00Z'),
};
const FIELDS = [
  'created_at',
  'current_value',
  'desired_outcome',
  'focus_rank',
  'goal_id',
  'goal_type',
  'horizon_at',
  'id',
  'is_active',
  'max_value',
  'metric',
  'min_value',
  'source',
  'status',
  'success_criteria',
  'target_value',
  'title',
  'unit',
  'updated_at',
  'why_it_matters',
];

describe('sandbox goals (real flavor)', () => {
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await startSandbox(BASE);
  });
  after(() => sandbox.close());

  it('lists active goals (all with include_inactive) in the real shape, of every metric type', async () => {
    const { status, body } = await call<Goal[]>(sandbox, 'GET', '/user/goals', { key: sandbox.readOnlyKey });
    assert.equal(status, 200);
    assert.deepEqual(
      body.map((g) => g.id),
      sandbox.data.goals.filter((g) => g.is_active).map((g) => g.id),
    );
    for (const goal of body) {
      assert.deepEqual(Object.keys(goal).sort(), FIELDS);
      assert.match(goal.id, /^goal_[0-9a-f]{12}$/);
      assert.equal(goal.goal_id, goal.id);
      if (goal.metric) {
        assert.deepEqual(goal.metric, {
          type: goal.goal_type,
          current: goal.current_value,
          target: goal.target_value,
          min: goal.min_value,
          max: goal.max_value,
          unit: goal.unit,
        });
      }
    }
    assert.deepEqual(
      new Set(body.filter((g) => g.metric).map((g) => g.goal_type)),
      new Set(['boolean', 'scale', 'numeric']),
    );
    assert.ok(body.some((g) => g.metric === null));
    const all = (await call<Goal[]>(sandbox, 'GET', '/user/goals?include_inactive=true')).body;
    assert.equal(all.length, sandbox.data.goals.length);
    assert.ok(all.some((g) => !g.is_active && g.status === 'achieved'));
    assert.equal((await call<Goal[]>(sandbox, 'GET', '/user/goals?limit=2')).body.length, 2);
  });

  it('needs goals:read to read and goals:write to change', async () => {
    const denied = await call(sandbox, 'GET', '/user/goals', { key: sandbox.restrictedKey });
    assert.deepEqual(
      [denied.status, denied.body],
      [403, { detail: 'Insufficient permissions. Required scope: goals:read' }],
    );
    const goal = sandbox.data.goals[0]!;
    for (const [method, path, body] of [
      ['POST', '/user/goals', { title: 'x' }],
      ['PATCH', `/user/goals/${goal.id}`, { title: 'x' }],
      ['PATCH', `/user/goals/${goal.id}/progress?current_value=1`, undefined],
      ['DELETE', `/user/goals/${goal.id}`, undefined],
    ] as const) {
      const answer = await call(sandbox, method, path, { body, key: sandbox.readOnlyKey });
      assert.deepEqual(
        [answer.status, answer.body],
        [403, { detail: 'Insufficient permissions. Required scope: goals:write' }],
        path,
      );
    }
    assert.equal((await call(sandbox, 'GET', `/user/goals/${goal.id}`, { key: sandbox.readOnlyKey })).status, 200);
  });

  it('creates, reads, updates and deletes a goal', async () => {
    const created = await call<Goal>(sandbox, 'POST', '/user/goals', {
      body: {
        title: '  Swim 40 lengths  ',
        goal_type: 'numeric',
        target_value: 40,
        current_value: 10,
        unit: 'lengths',
      },
    });
    assert.equal(created.status, 200);
    const goal = created.body;
    assert.equal(goal.title, 'Swim 40 lengths');
    assert.equal(goal.desired_outcome, 'Swim 40 lengths');
    assert.deepEqual(goal.metric, { type: 'numeric', current: 10, target: 40, min: 0, max: 40, unit: 'lengths' });
    assert.deepEqual([goal.status, goal.is_active, goal.source], ['background', true, 'user']);
    assert.deepEqual((await call(sandbox, 'GET', `/user/goals/${goal.id}`)).body, goal);
    assert.ok(sandbox.data.goals.some((g) => g.id === goal.id));

    const qualitative = (await call<Goal>(sandbox, 'POST', '/user/goals', { body: { title: 'Call grandma more' } }))
      .body;
    assert.equal(qualitative.metric, null);

    const patched = await call<Goal>(sandbox, 'PATCH', `/user/goals/${goal.id}`, {
      body: { title: 'Swim 50 lengths', target_value: 50, why_it_matters: 'Summer' },
    });
    assert.equal(patched.status, 200);
    assert.equal(patched.body.title, 'Swim 50 lengths');
    assert.equal(patched.body.metric?.target, 50);
    assert.equal(patched.body.why_it_matters, 'Summer');

    const deleted = await call(sandbox, 'DELETE', `/user/goals/${goal.id}`);
    assert.deepEqual([deleted.status, deleted.body], [200, { success: true }]);
    assert.deepEqual((await call(sandbox, 'GET', `/user/goals/${goal.id}`)).body, { detail: 'Goal not found' });
    assert.equal((await call(sandbox, 'DELETE', `/user/goals/${goal.id}`)).status, 404);
  });

  it('records progress and serves the history of the last `days` days', async () => {
    const goal = sandbox.data.goals.find((g) => g.metric !== null && g.is_active)!;
    const history = await call<GoalHistoryEntry[]>(sandbox, 'GET', `/user/goals/${goal.id}/history?days=365`);
    assert.equal(history.status, 200);
    assert.ok(history.body.length > 1);
    assert.deepEqual(Object.keys(history.body[0]!).sort(), ['date', 'recorded_at', 'value']);
    assert.equal(history.body[history.body.length - 1]!.value, goal.current_value);
    const dates = history.body.map((e) => e.date);
    assert.deepEqual(dates, [...dates].sort());
    const week = (await call<GoalHistoryEntry[]>(sandbox, 'GET', `/user/goals/${goal.id}/history?days=7`)).body;
    assert.ok(week.every((e) => e.recorded_at >= '2026-11-21T20:00:00'));
    assert.ok(week.length < history.body.length);

    const progressed = await call<Goal>(sandbox, 'PATCH', `/user/goals/${goal.id}/progress?current_value=7.5`);
    assert.equal(progressed.status, 200);
    assert.deepEqual([progressed.body.current_value, progressed.body.metric?.current], [7.5, 7.5]);
    const after = (await call<GoalHistoryEntry[]>(sandbox, 'GET', `/user/goals/${goal.id}/history`)).body;
    assert.deepEqual(after[after.length - 1]!.value, 7.5);
    assert.equal(after[after.length - 1]!.date, '2026-11-28');
    assert.deepEqual((await call(sandbox, 'GET', '/user/goals/goal_unknown/history')).body, []);
    assert.equal((await call(sandbox, 'PATCH', '/user/goals/goal_unknown/progress?current_value=1')).status, 404);
  });

  it('refuses bad input with 422s', async () => {
    const goal = sandbox.data.goals[0]!;
    assert.equal(issues(await call(sandbox, 'POST', '/user/goals', { body: {} })).get('body.title')?.type, 'missing');
    assert.deepEqual((await call(sandbox, 'POST', '/user/goals', { body: { title: '   ' } })).body, {
      detail: 'title cannot be empty',
    });
    assert.equal(
      issues(await call(sandbox, 'POST', '/user/goals', { body: { title: 'x', goal_type: 'daily' } })).get(
        'body.goal_type',
      )?.type,
      'enum',
    );
    assert.equal(
      issues(await call(sandbox, 'POST', '/user/goals', { body: { title: 'x', target_value: 'lots' } })).get(
        'body.target_value',
      )?.type,
      'float_parsing',
    );
    assert.deepEqual((await call(sandbox, 'PATCH', `/user/goals/${goal.id}`, { body: {} })).body, {
      detail: 'At least one field must be provided',
    });
    assert.equal((await call(sandbox, 'PATCH', '/user/goals/goal_unknown', { body: {} })).status, 422);
    assert.equal((await call(sandbox, 'PATCH', '/user/goals/goal_unknown', { body: { title: 'x' } })).status, 404);
    const nullTitle = issues(await call(sandbox, 'PATCH', `/user/goals/${goal.id}`, { body: { title: null } }));
    assert.equal(nullTitle.get('body.title')?.type, 'value_error');
    const nullTarget = issues(await call(sandbox, 'PATCH', `/user/goals/${goal.id}`, { body: { target_value: null } }));
    assert.equal(nullTarget.get('body.target_value')?.type, 'value_error');
    assert.equal(
      issues(await call(sandbox, 'PATCH', `/user/goals/${goal.id}/progress`)).get('query.current_value')?.type,
      'missing',
    );
    assert.equal(
      issues(await call(sandbox, 'PATCH', `/user/goals/${goal.id}/progress?current_value=high`)).get(
        'query.current_value',
      )?.type,
      'float_parsing',
    );
    assert.equal(
      issues(await call(sandbox, 'GET', `/user/goals/${goal.id}/history?days=0`)).get('query.days')?.type,
      'greater_than_equal',
    );
    assert.equal(
      issues(await call(sandbox, 'GET', `/user/goals/${goal.id}/history?days=366`)).get('query.days')?.type,
      'less_than_equal',
    );
  });
});

describe('sandbox goals (documented flavor)', () => {
  it('answers 404 in the documented envelope', async () => {
    const sandbox = await startSandbox({ ...BASE, flavor: 'documented' });
    try {
      assertDocumentedNotFound(await call(sandbox, 'GET', '/user/goals'));
      assertDocumentedNotFound(await call(sandbox, 'POST', '/user/goals', { body: { title: 'x' } }));
      assertDocumentedNotFound(await call(sandbox, 'GET', '/user/goals/x/history'));
    } finally {
      await sandbox.close();
    }
  });
});
