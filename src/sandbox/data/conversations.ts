import type { ConversationEvent, ConversationSummary, Folder } from '../types';
import { PEOPLE, USER_NAME, USER_UTC_OFFSET_HOURS } from './people';
import { geolocationFor } from './places';
import { Random } from './random';
import { chooseFocus, type FillContext, fill } from './sentences';
import { DAY, HOUR, isoDate, MINUTE, SECOND, startOfDay } from './time';
import { TOPICS, type Topic } from './topics';

export interface Speaker {
  id: number;
  /** The user's name, a known person's, or null for a stranger (shown as "Speaker N"). */
  name: string | null;
  isUser: boolean;
  /** How much this speaker talks relative to the others. */
  weight: number;
}

/** Everything needed to generate a conversation's transcript later, on demand. */
export interface TranscriptPlan {
  seed: number;
  topic: Topic;
  speakers: Speaker[];
  segmentCount: number;
  durationSec: number;
  /** Older recordings carry only speaker ids, no names. */
  nameless: boolean;
  withIsUser: boolean;
  focus: Readonly<Record<string, string>>;
  participants: readonly string[];
  absent: readonly string[];
  /** Hostile mode only: segments out of order, a crowd of speakers, or a 1 MB segment. */
  oddity: 'none' | 'disorder' | 'crowd' | 'huge';
}

export interface GeneratedConversation {
  summary: ConversationSummary;
  topic: Topic;
  finishedMs: number;
  fillContext: Omit<FillContext, 'rng'>;
  transcript: TranscriptPlan;
}

const TOPIC_WEIGHTS: Readonly<Record<string, number>> = {
  standup: 14,
  'product-review': 6,
  'one-on-one': 6,
  'customer-call': 7,
  doctor: 3,
  'family-dinner': 8,
  gym: 6,
  travel: 4,
  investor: 3,
  lecture: 4,
  money: 3,
  'design-review': 6,
  'teacher-meeting': 2,
  hike: 4,
  band: 3,
  therapy: 3,
};

/** A folder before its live `conversation_count` is attached (see `dataset.ts`). */
export type FolderRecord = Omit<Folder, 'conversation_count'>;

interface FolderSpec {
  name: string;
  description: string | null;
  color: string;
  icon: string;
  isSystem: boolean;
  isDefault: boolean;
}

// The first four keep their ids from before folders had more fields (same seed, same draws, in this order).
// Work, Personal and Social are the real server's system folders; the others are the user's own.
const FOLDERS: readonly FolderSpec[] = [
  {
    name: 'Work',
    description: 'Meetings, calls and work discussions',
    color: '#3B82F6',
    icon: 'briefcase',
    isSystem: true,
    isDefault: false,
  },
  {
    name: 'Personal',
    description: 'Family, friends and everyday life',
    color: '#10B981',
    icon: 'person',
    isSystem: true,
    isDefault: true,
  },
  {
    name: 'Health',
    description: 'Doctor visits, training and therapy',
    color: '#EF4444',
    icon: 'heart',
    isSystem: false,
    isDefault: false,
  },
  { name: 'Side project', description: null, color: '#F59E0B', icon: 'lightbulb', isSystem: false, isDefault: false },
  {
    name: 'Social',
    description: 'Dinners, parties and catching up',
    color: '#8B5CF6',
    icon: 'people',
    isSystem: true,
    isDefault: false,
  },
];

export function generateFolders(seed: number, nowMs: number): FolderRecord[] {
  const rng = Random.derive(seed, 'folders');
  const ids = FOLDERS.map(() => rng.uuid());
  return FOLDERS.map((spec, order) => {
    const created = nowMs - rng.int(190, 400) * DAY - rng.int(0, DAY - 1);
    const updated = created + rng.int(0, 150) * DAY;
    return {
      id: ids[order]!,
      name: spec.name,
      description: spec.description,
      color: spec.color,
      icon: spec.icon,
      created_at: isoDate(created, rng.int(0, 999)),
      updated_at: isoDate(updated, rng.int(0, 999)),
      order,
      is_default: spec.isDefault,
      is_system: spec.isSystem,
    };
  });
}

/** Days back from today: the first few conversations land today and yesterday, the rest thin out over ~6 months. */
function daysAgo(rng: Random, index: number): number {
  if (index < 3) {
    return 0;
  }
  if (index < 6) {
    return 1;
  }
  return Math.floor(182 * rng.next() ** 1.4);
}

function startTime(rng: Random, topic: Topic, index: number, nowMs: number, durationMs: number): number {
  const offset = USER_UTC_OFFSET_HOURS * HOUR;
  let days = daysAgo(rng, index);
  const todayLocal = startOfDay(nowMs + offset);
  const weekday = (ms: number) => new Date(ms).getUTCDay();
  if (topic.weekdaysOnly && days > 1) {
    while (weekday(todayLocal - days * DAY) === 0 || weekday(todayLocal - days * DAY) === 6) {
      days++;
    }
  }
  const hour = rng.int(topic.hours[0], topic.hours[1]);
  const start =
    todayLocal -
    days * DAY +
    hour * HOUR +
    rng.int(0, 59) * MINUTE +
    rng.int(0, 59) * SECOND +
    rng.int(0, 999) -
    offset;
  if (start + durationMs <= nowMs) {
    return start;
  }
  // A conversation cannot end in the future: end it a little before now instead.
  return nowMs - durationMs - rng.int(5, 90) * MINUTE;
}

function chooseSpeakers(rng: Random, topic: Topic): { speakers: Speaker[]; participants: string[]; absent: string[] } {
  const count = rng.int(topic.speakers[0], topic.speakers[1]);
  const pool = rng.sample(
    topic.circles.flatMap((circle) => PEOPLE[circle]).filter((name) => !topic.regulars.includes(name)),
    100,
  );
  const names: (string | null)[] = topic.regulars.slice(0, count - 1);
  while (names.length < count - 1) {
    names.push(rng.chance(topic.strangers) || pool.length === 0 ? null : pool.shift()!);
  }
  const ids = rng.sample(
    Array.from({ length: count }, (_, i) => i),
    count,
  );
  const speakers: Speaker[] = [
    { id: ids[0]!, name: USER_NAME, isUser: true, weight: rng.float(1, 1.6) },
    ...names.map((name, i) => ({ id: ids[i + 1]!, name, isUser: false, weight: rng.float(0.4, 1.3) })),
  ];
  const participants = names.filter((name): name is string => name !== null);
  const absent = [...pool, ...PEOPLE.work.filter((p) => !participants.includes(p))].slice(0, 8);
  return { speakers, participants, absent };
}

function eventFor(rng: Random, topic: Topic, ctx: FillContext, finishedMs: number): ConversationEvent {
  const day = startOfDay(finishedMs + rng.int(1, 21) * DAY);
  const start = day + (rng.int(9, 17) - USER_UTC_OFFSET_HOURS) * HOUR + rng.pick([0, 30]) * MINUTE;
  return {
    title: fill(rng.pick(topic.events), ctx, 1),
    description: fill(rng.pick(topic.overviews), ctx, 1),
    start: isoDate(start),
    duration: rng.pick([30, 45, 60, 90]),
    created: rng.chance(0.5),
  };
}

export function generateConversation(
  seed: number,
  index: number,
  nowMs: number,
  segments: { min: number; max: number },
  folders: readonly FolderRecord[],
  /** Overrides the drawn segment count; drawn anyway so that the rest of the data stays the same. */
  exactSegments?: number,
): GeneratedConversation {
  const rng = Random.derive(seed, 'conversation', index);
  const topic = rng.weighted(TOPICS.map((t) => [t, TOPIC_WEIGHTS[t.key] ?? 1] as const));
  const { speakers, participants, absent } = chooseSpeakers(rng, topic);
  const focus = chooseFocus(rng, topic, participants);
  const ctx: FillContext = { rng, topic, focus, participants, absent };

  const drawnSegments = rng.int(segments.min, segments.max);
  const segmentCount = exactSegments ?? drawnSegments;
  const topicSeconds = rng.int(topic.minutes[0] * 60, topic.minutes[1] * 60);
  const durationSec = Math.round(Math.max(topicSeconds, segmentCount * rng.float(6.5, 9)));
  const startedMs = startTime(rng, topic, index, nowMs, durationSec * SECOND);
  const finishedMs = startedMs + durationSec * SECOND + rng.int(0, 999);

  const source = rng.weighted(topic.sources);
  const folderName = topic.folder !== null && rng.chance(0.7) ? topic.folder : null;
  const folder = folders.find((f) => f.name === folderName) ?? null;
  const micros = rng.int(0, 999);

  const summary: ConversationSummary = {
    id: rng.uuid(),
    created_at: isoDate(startedMs, micros),
    started_at: isoDate(startedMs, micros),
    finished_at: isoDate(finishedMs, rng.int(0, 999)),
    language: rng.chance(0.96) ? 'en' : 'multi',
    source,
    structured: {
      title: fill(rng.pick(topic.titles), ctx, 1),
      overview: fill(rng.pick(topic.overviews), ctx, 1),
      emoji: rng.pick(topic.emoji),
      category: rng.chance(0.75) ? topic.categories[0]! : rng.pick(topic.categories),
      action_items: [],
      events: topic.events.length > 0 && rng.chance(0.25) ? [eventFor(rng, topic, ctx, finishedMs)] : [],
    },
    geolocation: source !== 'desktop' && rng.chance(0.7) ? geolocationFor(rng, topic.place) : null,
    folder_id: folder?.id ?? null,
    folder_name: folder?.name ?? null,
    starred: rng.chance(0.08),
  };

  return {
    summary,
    topic,
    finishedMs,
    fillContext: { topic, focus, participants, absent },
    transcript: {
      seed: rng.int(0, 0xffffffff),
      topic,
      speakers,
      segmentCount,
      durationSec,
      nameless: rng.chance(0.08),
      withIsUser: rng.chance(0.85),
      focus,
      participants,
      absent,
      oddity: 'none',
    },
  };
}
