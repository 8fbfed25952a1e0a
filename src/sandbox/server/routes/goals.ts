import { defaultBounds, goalId, isActiveStatus, metricOf } from '../../data/goals';
import { SCOPES, WRITE_SCOPES } from '../../data/keys';
import { DAY, isoDate } from '../../data/time';
import type { Goal, GoalType } from '../../types';
import { authorize } from '../auth';
import { BodyReader, parseJsonBody } from '../body';
import { json, type Reply, type RequestContext, sandboxNow } from '../context';
import { ApiError } from '../errors';
import { clamp, QueryReader } from '../query';
import { nextRandom, stamp } from '../writes';

// Goals, as backend/routers/developer.py serves them: the canonical goal (desired outcome, status, metric, ...)
// with the released-client fields (goal_type, target_value, current_value, min_value, max_value, unit, is_active)
// kept in step with the metric. Reads need goals:read, writes goals:write.

const GOAL_TYPES = ['boolean', 'scale', 'numeric'] as const;
const NOT_FOUND = 'Goal not found';

function readAccess(ctx: RequestContext): void {
  authorize(ctx, SCOPES.goals, ['goals']);
}

function writeAccess(ctx: RequestContext): void {
  authorize(ctx, WRITE_SCOPES.goals, ['goals_write']);
}

function goals(ctx: RequestContext): Goal[] {
  return ctx.state.dataset.data.goals as Goal[];
}

function find(ctx: RequestContext, id: string): Goal {
  const goal = goals(ctx).find((g) => g.id === id);
  if (!goal) {
    throw new ApiError(404, NOT_FOUND);
  }
  return goal;
}

/** Records the goal's value for today (one entry a day: a later value replaces the day's earlier one). */
function record(ctx: RequestContext, goal: Goal, at: string): void {
  const history = ctx.state.dataset.data.goalHistory;
  const entries = history.get(goal.id) ?? [];
  const date = at.slice(0, 10);
  const entry = { date, value: goal.current_value, recorded_at: at };
  const index = entries.findIndex((e) => e.date === date);
  if (index >= 0) {
    entries[index] = entry;
  } else {
    entries.push(entry);
  }
  history.set(goal.id, entries);
}

/** The metric follows the released-client fields (a qualitative goal gets one once a value is set). */
function syncMetric(goal: Goal, hasMetric: boolean): void {
  goal.metric = hasMetric
    ? metricOf(goal.goal_type, goal.current_value, goal.target_value, goal.min_value, goal.max_value, goal.unit)
    : null;
}

/** GET /user/goals?limit=10&include_inactive=false: active goals (all of them with include_inactive), newest first. */
export function listGoals(ctx: RequestContext): Reply {
  readAccess(ctx);
  const query = new QueryReader(ctx.query);
  const limit = clamp(query.int('limit', 10), 1, 1000);
  const includeInactive = query.bool('include_inactive') ?? false;
  query.finish();
  const all = goals(ctx);
  return json(includeInactive ? all : all.filter((g) => g.is_active).slice(0, limit));
}

/** GET /user/goals/{id}, inactive ones included. */
export function getGoal(ctx: RequestContext, id: string): Reply {
  readAccess(ctx);
  return json(find(ctx, id));
}

/**
 * POST /user/goals {title 1-500, desired_outcome? ≤2000, why_it_matters? ≤2000, success_criteria ≤20,
 * horizon_at?, goal_type?, target_value?, current_value?, min_value?, max_value?, unit?} → the goal. Without
 * goal_type and target_value the goal is qualitative (`metric: null`).
 */
export function createGoal(ctx: RequestContext): Reply {
  const body = parseJsonBody(ctx.body);
  writeAccess(ctx);
  const { reader, finish } = BodyReader.root(body);
  const title = reader?.requiredString('title', { min: 1, max: 500 });
  const desired = reader?.string('desired_outcome', { max: 2000 });
  const why = reader?.string('why_it_matters', { max: 2000 });
  const criteria = reader?.stringList('success_criteria', 20) ?? [];
  const horizon = reader?.datetime('horizon_at');
  const type = reader?.enumValue('goal_type', GOAL_TYPES);
  const target = reader?.number('target_value');
  const current = reader?.number('current_value');
  const min = reader?.number('min_value');
  const max = reader?.number('max_value');
  const unit = reader?.string('unit');
  finish();
  if (!title?.trim()) {
    throw new ApiError(422, 'title cannot be empty');
  }

  const rng = nextRandom(ctx.state, 'goal');
  const at = stamp(rng, sandboxNow(ctx.state));
  const hasMetric = type !== undefined || target !== undefined;
  const goalType: GoalType = type ?? 'scale';
  const bounds = defaultBounds(hasMetric ? goalType : null, target ?? 0);
  const id = goalId(rng);
  const goal: Goal = {
    id,
    goal_id: id,
    title: title.trim(),
    desired_outcome: desired?.trim() || title.trim(),
    why_it_matters: why ?? null,
    success_criteria: criteria.map((c) => c.trim()).filter(Boolean),
    horizon_at: horizon === undefined ? null : isoDate(horizon),
    status: 'background',
    focus_rank: null,
    metric: null,
    source: 'user',
    goal_type: goalType,
    target_value: target ?? 0,
    current_value: current ?? 0,
    min_value: min ?? bounds.min,
    max_value: max ?? bounds.max,
    unit: unit ?? null,
    is_active: isActiveStatus('background'),
    created_at: at,
    updated_at: at,
  };
  syncMetric(goal, hasMetric);
  goals(ctx).unshift(goal);
  if (hasMetric) {
    record(ctx, goal, at);
  }
  return json(goal);
}

/**
 * PATCH /user/goals/{id} with any of title, desired_outcome, why_it_matters, success_criteria, horizon_at,
 * target_value, current_value, min_value, max_value, unit → the goal. Fields sent as null that cannot be null
 * are 422 value errors; no field at all is 422 "At least one field must be provided" (before the 404).
 */
export function updateGoal(ctx: RequestContext, id: string): Reply {
  const body = parseJsonBody(ctx.body);
  writeAccess(ctx);
  const { reader, finish } = BodyReader.root(body);
  const fields = [
    'title',
    'desired_outcome',
    'why_it_matters',
    'success_criteria',
    'horizon_at',
    'target_value',
    'current_value',
    'min_value',
    'max_value',
    'unit',
  ];
  const title = reader?.string('title', { min: 1, max: 500 });
  const desired = reader?.string('desired_outcome', { max: 2000 });
  const why = reader?.string('why_it_matters', { max: 2000 });
  const criteria = reader?.stringList('success_criteria', 20);
  const horizon = reader?.datetime('horizon_at');
  const target = reader?.number('target_value');
  const current = reader?.number('current_value');
  const min = reader?.number('min_value');
  const max = reader?.number('max_value');
  const unit = reader?.string('unit');
  if (reader) {
    for (const name of ['title', 'desired_outcome'] as const) {
      const value = name === 'title' ? title : desired;
      if (reader.isNull(name) || (value !== undefined && !value.trim())) {
        reader.valueError(name, 'required goal text cannot be null or blank');
      }
    }
    if (reader.isNull('success_criteria')) {
      reader.valueError('success_criteria', 'success_criteria cannot be null; use an empty list to clear it');
    }
    for (const name of ['target_value', 'current_value']) {
      if (reader.isNull(name)) {
        reader.valueError(name, 'metric value cannot be null');
      }
    }
  }
  finish();
  if (!fields.some((name) => reader?.has(name))) {
    throw new ApiError(422, 'At least one field must be provided');
  }

  const goal = find(ctx, id);
  const hadMetric = goal.metric !== null;
  if (title !== undefined) goal.title = title.trim();
  if (desired !== undefined) goal.desired_outcome = desired.trim();
  if (reader?.has('why_it_matters')) goal.why_it_matters = why ?? null;
  if (criteria !== undefined) goal.success_criteria = criteria.map((c) => c.trim()).filter(Boolean);
  if (reader?.has('horizon_at')) goal.horizon_at = horizon === undefined ? null : isoDate(horizon);
  if (target !== undefined) goal.target_value = target;
  if (current !== undefined) goal.current_value = current;
  if (min !== undefined) goal.min_value = min;
  if (max !== undefined) goal.max_value = max;
  if (reader?.has('unit')) goal.unit = unit ?? null;
  const at = stamp(nextRandom(ctx.state, 'goal-update'), sandboxNow(ctx.state));
  goal.updated_at = at;
  syncMetric(goal, hadMetric || target !== undefined || current !== undefined);
  if (current !== undefined) {
    record(ctx, goal, at);
  }
  return json(goal);
}

/** PATCH /user/goals/{id}/progress?current_value= (a number, required) → the goal; the day's history follows. */
export function updateGoalProgress(ctx: RequestContext, id: string): Reply {
  writeAccess(ctx);
  const query = new QueryReader(ctx.query);
  const value = query.requiredNumber('current_value');
  query.finish();
  const goal = find(ctx, id);
  const at = stamp(nextRandom(ctx.state, 'goal-progress'), sandboxNow(ctx.state));
  goal.current_value = value!;
  goal.updated_at = at;
  syncMetric(goal, true);
  record(ctx, goal, at);
  return json(goal);
}

/**
 * GET /user/goals/{id}/history?days=30 (1..365) → [{date, value, recorded_at}] of the last `days` days, oldest
 * first. An unknown goal has no history: 200 [] (the real server does not look the goal up).
 */
export function getGoalHistory(ctx: RequestContext, id: string): Reply {
  readAccess(ctx);
  const query = new QueryReader(ctx.query);
  const days = query.boundedInt('days', 30, { ge: 1, le: 365 });
  query.finish();
  const since = sandboxNow(ctx.state) - days * DAY;
  const entries = ctx.state.dataset.data.goalHistory.get(id) ?? [];
  return json(entries.filter((e) => Date.parse(e.recorded_at) >= since));
}

/** DELETE /user/goals/{id} → {"success": true}; 404 "Goal not found". */
export function deleteGoal(ctx: RequestContext, id: string): Reply {
  writeAccess(ctx);
  const list = goals(ctx);
  const index = list.findIndex((g) => g.id === id);
  if (index < 0) {
    throw new ApiError(404, NOT_FOUND);
  }
  list.splice(index, 1);
  ctx.state.dataset.data.goalHistory.delete(id);
  return json({ success: true });
}
