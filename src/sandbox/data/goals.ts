import type { Goal, GoalHistoryEntry, GoalMetric, GoalType } from '../types';
import { COMPANY } from './people';
import { Random } from './random';
import { DAY, HOUR, isoDate, startOfDay } from './time';

// The user's goals: one of each metric type, a qualitative one, and one achieved (inactive) goal, each with a
// daily progress history that ends at its current value.

interface GoalSpec {
  title: string;
  desiredOutcome: string | null;
  why: string | null;
  criteria: string[];
  type: GoalType | null;
  target: number;
  start: number;
  min: number;
  max: number;
  unit: string | null;
  status: string;
  focusRank: number | null;
  source: string;
  daysAgo: number;
}

const GOALS: readonly GoalSpec[] = [
  {
    title: 'Run a half marathon',
    desiredOutcome: 'Finish the city half marathon in under two hours',
    why: 'Coach Rivera thinks it is doable by spring',
    criteria: ['Run three times a week', 'One long run every Sunday'],
    type: 'numeric',
    target: 21,
    start: 5,
    min: 0,
    max: 21,
    unit: 'km',
    status: 'focused',
    focusRank: 0,
    source: 'user',
    daysAgo: 75,
  },
  {
    title: 'Meditate every day',
    desiredOutcome: null,
    why: null,
    criteria: [],
    type: 'boolean',
    target: 1,
    start: 0,
    min: 0,
    max: 1,
    unit: null,
    status: 'background',
    focusRank: null,
    source: 'ai_suggested',
    daysAgo: 40,
  },
  {
    title: `Ship the ${COMPANY} beta`,
    desiredOutcome: 'The beta is in the hands of the first ten customers',
    why: 'The Q3 roadmap depends on their feedback',
    criteria: ['Billing page done', 'Onboarding flow reviewed'],
    type: 'scale',
    target: 10,
    start: 2,
    min: 0,
    max: 10,
    unit: 'points',
    status: 'focused',
    focusRank: 1,
    source: 'user',
    daysAgo: 60,
  },
  {
    title: 'Read twelve books this year',
    desiredOutcome: null,
    why: null,
    criteria: [],
    type: 'numeric',
    target: 12,
    start: 0,
    min: 0,
    max: 12,
    unit: 'books',
    status: 'background',
    focusRank: null,
    source: 'user',
    daysAgo: 150,
  },
  {
    title: 'Be more present at family dinners',
    desiredOutcome: 'Phones away at dinner on weekdays',
    why: 'Emma asked for it',
    criteria: [],
    type: null,
    target: 0,
    start: 0,
    min: 0,
    max: 10,
    unit: null,
    status: 'background',
    focusRank: null,
    source: 'user',
    daysAgo: 20,
  },
  {
    title: 'Learn to cook five new recipes',
    desiredOutcome: null,
    why: null,
    criteria: [],
    type: 'numeric',
    target: 5,
    start: 0,
    min: 0,
    max: 5,
    unit: 'recipes',
    status: 'achieved',
    focusRank: null,
    source: 'user',
    daysAgo: 170,
  },
];

/** Whether a goal with this status is active (listed without `include_inactive`). */
export function isActiveStatus(status: string): boolean {
  return status === 'focused' || status === 'background';
}

/** The metric of a goal from its released-client fields, or null for a qualitative goal. */
export function metricOf(
  type: GoalType | null,
  current: number,
  target: number,
  min: number | null,
  max: number | null,
  unit: string | null,
): GoalMetric | null {
  return type === null ? null : { type, current, target, min, max, unit };
}

/** Default bounds of a metric type when none are given. */
export function defaultBounds(type: GoalType | null, target: number): { min: number; max: number } {
  if (type === 'boolean') return { min: 0, max: 1 };
  if (type === 'numeric') return { min: 0, max: Math.max(target, 0) };
  return { min: 0, max: 10 };
}

export function goalId(rng: Random): string {
  return `goal_${rng.hex(12)}`;
}

function round(value: number, type: GoalType | null): number {
  return type === 'boolean' ? (value >= 0.5 ? 1 : 0) : Math.round(value * 10) / 10;
}

export function generateGoals(
  seed: number,
  nowMs: number,
): { goals: Goal[]; history: Map<string, GoalHistoryEntry[]> } {
  const goals: Goal[] = [];
  const history = new Map<string, GoalHistoryEntry[]>();
  GOALS.forEach((spec, index) => {
    const rng = Random.derive(seed, 'goal', index);
    const id = goalId(rng);
    const createdMs = startOfDay(nowMs) - spec.daysAgo * DAY + rng.int(8, 20) * HOUR + rng.int(0, HOUR - 1);
    const entries: GoalHistoryEntry[] = [];
    const achieved = spec.status === 'achieved';
    const lastDay = achieved ? spec.daysAgo - 30 : 0;
    let value = spec.start;
    for (let ago = spec.daysAgo; ago >= lastDay; ago--) {
      if (spec.type === null || (ago !== lastDay && !rng.chance(0.35))) {
        continue;
      }
      const progress = (spec.daysAgo - ago) / Math.max(1, spec.daysAgo - lastDay);
      const drift = spec.type === 'boolean' ? rng.float(-0.6, 0.6) : rng.float(-0.08, 0.05) * spec.target;
      value = round(spec.start + (spec.target - spec.start) * progress * (achieved ? 1 : 0.7) + drift, spec.type);
      value = Math.min(spec.max, Math.max(spec.min, value));
      if (ago === lastDay && achieved) value = spec.target;
      const recorded = Math.max(createdMs, startOfDay(nowMs) - ago * DAY + rng.int(7, 22) * HOUR);
      entries.push({
        date: isoDate(recorded).slice(0, 10),
        value,
        recorded_at: isoDate(Math.min(recorded, nowMs - 1000), rng.int(0, 999)),
      });
    }
    const current = entries.length > 0 ? entries[entries.length - 1]!.value : spec.start;
    const updatedMs = entries.length > 0 ? Date.parse(entries[entries.length - 1]!.recorded_at) : createdMs;
    goals.push({
      id,
      goal_id: id,
      title: spec.title,
      desired_outcome: spec.desiredOutcome ?? spec.title,
      why_it_matters: spec.why,
      success_criteria: [...spec.criteria],
      horizon_at: spec.type === null ? null : isoDate(startOfDay(nowMs) + rng.int(30, 200) * DAY),
      status: spec.status,
      focus_rank: spec.focusRank,
      metric: metricOf(spec.type, current, spec.target, spec.min, spec.max, spec.unit),
      source: spec.source,
      goal_type: spec.type ?? 'scale',
      target_value: spec.target,
      current_value: current,
      min_value: spec.min,
      max_value: spec.max,
      unit: spec.unit,
      is_active: isActiveStatus(spec.status),
      created_at: isoDate(createdMs, rng.int(0, 999)),
      updated_at: isoDate(updatedMs, rng.int(0, 999)),
    });
    history.set(id, entries);
  });
  goals.sort((a, b) => (a.created_at < b.created_at ? 1 : -1));
  return { goals, history };
}
