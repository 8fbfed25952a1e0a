import { MEMORY_CATEGORIES, type MemoryCategory } from '../../api/models';
import type { Memory } from '../types';
import type { GeneratedConversation } from './conversations';
import { CATEGORY_TAGS, CATEGORY_WEIGHTS, MEMORY_SLOTS, MEMORY_TEMPLATES } from './memory-templates';
import { USER_NAME } from './people';
import { Random } from './random';
import { DAY, isoDate, MINUTE } from './time';

export interface GeneratedMemory {
  item: Memory;
  createdMs: number;
}

const SUFFIXES = [
  ' This came up again recently.',
  ' {friend} mentioned it too.',
  ' It came up in a conversation with {coworker}.',
  ' Noted on a {day}.',
];

const APP_IDS = ['omi-memory-importer', 'notion-sync', 'calendar-insights'];

function fillMemory(rng: Random, template: string): string {
  return template.replace(/\{(\w+)\}/g, (_match, slot: string) => {
    if (slot === 'user') {
      return USER_NAME;
    }
    const values = MEMORY_SLOTS[slot];
    return values ? rng.pick(values) : slot;
  });
}

/** Content cut like the real server does for locked memories. */
export function lockedContent(content: string): string {
  return content.length > 70 ? `${content.slice(0, 70)}...` : content;
}

/**
 * The real server's scoring string: manual flag, category boost, creation time. Sorting by it descending
 * gives "manually added first, then newest".
 */
export function scoring(manual: boolean, createdMs: number): string {
  return `${manual ? '01' : '00'}_00_${String(Math.floor(createdMs / 1000)).padStart(16, '0')}`;
}

export function generateMemory(
  seed: number,
  index: number,
  nowMs: number,
  conversations: readonly GeneratedConversation[],
): GeneratedMemory {
  const rng = Random.derive(seed, 'memory', index);
  const category: MemoryCategory = rng.weighted(MEMORY_CATEGORIES.map((c) => [c, CATEGORY_WEIGHTS[c]] as const));
  let content = fillMemory(rng, rng.pick(MEMORY_TEMPLATES[category]));
  if (rng.chance(0.2)) {
    content += fillMemory(rng, rng.pick(SUFFIXES));
  }
  const manual = category === 'manual' ? rng.chance(0.9) : rng.chance(0.04);

  const source = !manual && conversations.length > 0 && rng.chance(0.5) ? rng.pick(conversations) : null;
  const createdMs = source
    ? Math.min(nowMs - MINUTE, source.finishedMs + rng.int(1, 30) * MINUTE)
    : nowMs - Math.floor(rng.next() ** 1.2 * 182 * DAY) - rng.int(1, 3600) * 1000;
  const createdMicros = rng.int(0, 999);
  const edited = rng.chance(0.1);
  const editedMs = Math.min(nowMs - rng.int(1, 600) * MINUTE, createdMs + rng.int(10, 43200) * MINUTE);
  const updatedMs = edited ? Math.max(createdMs, editedMs) : createdMs;
  const reviewed = rng.chance(0.3);

  const memory: Memory = {
    id: rng.uuid(),
    content,
    category,
    visibility: rng.chance(0.9) ? 'private' : 'public',
    tags: rng.sample(
      CATEGORY_TAGS[category],
      rng.weighted([
        [0, 3],
        [1, 4],
        [2, 3],
        [3, 1],
      ] as const),
    ),
    created_at: isoDate(createdMs, createdMicros),
    updated_at: edited ? isoDate(updatedMs, rng.int(0, 999)) : isoDate(createdMs, createdMicros),
    manually_added: manual,
    reviewed,
    user_review: reviewed ? rng.chance(0.85) : null,
    edited,
    scoring: scoring(manual, createdMs),
  };
  if (rng.chance(0.08)) {
    memory.app_id = rng.chance(0.4) ? null : rng.pick(APP_IDS);
  }
  if (rng.chance(0.1)) {
    memory.data_protection_level = rng.pick(['standard', 'enhanced']);
  }
  return { item: memory, createdMs };
}
