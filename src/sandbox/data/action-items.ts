import type { ActionItem } from '../types';
import type { GeneratedConversation } from './conversations';
import { USER_UTC_OFFSET_HOURS } from './people';
import { Random } from './random';
import { fill } from './sentences';
import { DAY, HOUR, isoDate, MINUTE, SECOND, startOfDay } from './time';

const STANDALONE = [
  'Renew passport',
  'Call Mom',
  'Pay the electricity bill',
  'Book a dentist appointment',
  'Buy a birthday gift for Maya',
  'Return the library books',
  'Schedule the car service',
  'Replace the smoke detector batteries',
  'Order more coffee beans',
  'Back up the laptop',
  'Cancel the free trial before it renews',
  'Water the plants on the balcony',
  'Send the rent transfer',
  'Update the emergency contact at work',
  'Pick up dry cleaning',
  'Sign up for the 10K in spring',
  'Fix the squeaky door hinge',
  'Email the landlord about the heater',
] as const;

/** The generated item plus the numbers the server sorts and filters by. */
export interface GeneratedActionItem {
  item: ActionItem;
  createdMs: number;
  dueMs: number | null;
}

function dueDate(rng: Random, createdMs: number): number {
  const day = startOfDay(createdMs + rng.float(0.3, 21) * DAY);
  // Due dates come as a local end-of-business time, or as a bare date at midnight UTC.
  return rng.chance(0.7) ? day + (rng.pick([9, 12, 17]) - USER_UTC_OFFSET_HOURS) * HOUR : day;
}

function completionChance(ageMs: number): number {
  if (ageMs > 30 * DAY) {
    return 0.7;
  }
  return ageMs > 7 * DAY ? 0.45 : 0.2;
}

/**
 * `linkedSoFar` counts the items already linked to each conversation, so the items of one conversation walk
 * through its topic's action templates instead of repeating one.
 */
export function generateActionItem(
  seed: number,
  index: number,
  nowMs: number,
  conversations: readonly GeneratedConversation[],
  linkedSoFar: Map<GeneratedConversation, number>,
): GeneratedActionItem {
  const rng = Random.derive(seed, 'action-item', index);
  const linked = conversations.length > 0 && rng.chance(0.78) ? rng.pick(conversations) : null;

  let description: string;
  let createdMs: number;
  if (linked) {
    const ordinal = linkedSoFar.get(linked) ?? 0;
    linkedSoFar.set(linked, ordinal + 1);
    const actions = linked.topic.actions;
    const template = actions[(linked.transcript.seed + ordinal) % actions.length]!;
    description = fill(template, { rng, ...linked.fillContext }, 0.8);
    createdMs = Math.min(nowMs - MINUTE, linked.finishedMs + rng.int(10, 300) * SECOND);
  } else {
    description = rng.pick(STANDALONE);
    createdMs = nowMs - Math.floor(rng.next() ** 1.3 * 180 * DAY) - rng.int(1, 3600) * SECOND;
  }

  const dueMs = rng.chance(0.55) ? dueDate(rng, createdMs) : null;
  const completed = rng.chance(completionChance(nowMs - createdMs));
  let completedMs: number | null = null;
  if (completed) {
    const latest = Math.min(nowMs, (dueMs ?? createdMs + 10 * DAY) + 3 * DAY);
    completedMs = createdMs + Math.floor(rng.next() * Math.max(MINUTE, latest - createdMs));
    completedMs = Math.min(completedMs, nowMs);
  }
  const editedMs = rng.chance(0.2) ? Math.min(nowMs, createdMs + rng.int(1, 72) * HOUR) : null;
  const updatedMs = Math.max(createdMs, completedMs ?? 0, editedMs ?? 0);
  const createdMicros = rng.int(0, 999);

  return {
    item: {
      id: rng.uuid(),
      description,
      completed,
      created_at: isoDate(createdMs, createdMicros),
      updated_at: updatedMs === createdMs ? isoDate(createdMs, createdMicros) : isoDate(updatedMs, rng.int(0, 999)),
      due_at: dueMs === null ? null : isoDate(dueMs),
      completed_at: completedMs === null ? null : isoDate(completedMs, rng.int(0, 999)),
      conversation_id: linked ? linked.summary.id : null,
    },
    createdMs,
    dueMs,
  };
}
