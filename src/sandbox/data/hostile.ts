import type { ActionItem, Memory } from '../types';
import type { GeneratedActionItem } from './action-items';
import type { GeneratedConversation, Speaker } from './conversations';
import {
  EMOJI,
  HOSTILE_SNIPPETS,
  megabyteText,
  ODD_DATES,
  RTL,
  TRAVERSAL_UNIX,
  TRAVERSAL_WINDOWS,
  XSS_IMG,
  XSS_SCRIPT,
  ZERO_WIDTH,
} from './hostile-strings';
import type { GeneratedMemory } from './memories';
import { PEOPLE, USER_NAME } from './people';
import { isoDate } from './time';

// Hostile mode rewrites a few generated items in place, spread evenly through each list, so every page of a
// long paging has a fair chance of meeting one. Counts stay as asked.

const [FAR_PAST, EPOCH, FAR_FUTURE] = ODD_DATES;

type Variant<T> = (target: T) => void;

function spread<T>(items: readonly T[], variants: readonly Variant<T>[]): void {
  if (items.length === 0) {
    return;
  }
  const n = Math.min(items.length, variants.length);
  for (let k = 0; k < n; k++) {
    const index = items.length <= variants.length ? k : Math.floor(((k + 0.5) * items.length) / n);
    variants[k]!(items[index]!);
  }
}

function setCreated<T extends { createdMs: number; item: { created_at: string | null } }>(
  target: T,
  date: string | null,
): void {
  target.item.created_at = date;
  target.createdMs = date === null ? Number.NaN : Date.parse(date);
}

const memoryVariants: Variant<GeneratedMemory>[] = [
  (m) => {
    m.item.content = `${XSS_IMG} ${m.item.content}`;
    m.item.tags = ['<b>bold</b>', XSS_SCRIPT];
  },
  (m) => {
    m.item.content = XSS_SCRIPT;
  },
  (m) => {
    m.item.content = TRAVERSAL_UNIX;
    m.item.tags = [TRAVERSAL_WINDOWS, '/', '.'];
  },
  (m) => {
    m.item.content = 'CON';
  },
  (m) => {
    m.item.content = 'NUL.txt';
  },
  (m) => {
    m.item.content = megabyteText();
  },
  (m) => {
    m.item.content = `${EMOJI} ${RTL}`;
    m.item.tags = ['🏷️', 'עברית'];
  },
  (m) => {
    m.item.content = ZERO_WIDTH;
  },
  (m: GeneratedMemory) => {
    const item: Memory = m.item;
    item.category = 'quantum_feelings';
    item.visibility = null;
    item.scoring = null;
    item.user_review = null;
    item.app_id = null;
    setCreated(m, null);
    item.updated_at = null;
  },
  (m) => {
    setCreated(m, null);
    m.item.updated_at = null;
  },
  (m) => {
    setCreated(m, FAR_PAST);
    m.item.updated_at = FAR_PAST;
  },
  (m) => {
    setCreated(m, FAR_FUTURE);
    m.item.updated_at = FAR_FUTURE;
  },
  (m) => {
    m.item.content = '';
    m.item.tags = [];
  },
  (m) => {
    m.item.content = HOSTILE_SNIPPETS.slice(10, 16).join('\n');
    m.item.tags = Array.from({ length: 50 }, (_, i) => `tag-${i}-${'x'.repeat(i)}`);
  },
];

const actionItemVariants: Variant<GeneratedActionItem>[] = [
  (a) => {
    a.item.description = `${XSS_IMG} ${a.item.description}`;
  },
  (a) => {
    a.item.description = `${XSS_SCRIPT} ${TRAVERSAL_UNIX}`;
  },
  (a: GeneratedActionItem) => {
    const item: ActionItem = a.item;
    setCreated(a, null);
    item.updated_at = null;
    item.due_at = null;
    item.completed_at = null;
    item.conversation_id = null;
    a.dueMs = null;
  },
  (a) => {
    a.item.due_at = FAR_FUTURE;
    a.dueMs = Date.parse(FAR_FUTURE);
  },
  (a) => {
    a.item.completed = false;
    a.item.completed_at = null;
    a.item.due_at = FAR_PAST;
    a.dueMs = Date.parse(FAR_PAST);
  },
  (a) => {
    a.item.completed = true;
    a.item.completed_at = null;
  },
  (a) => {
    a.item.conversation_id = 'deleted-conversation-0000';
  },
  (a) => {
    a.item.description = 'NUL.txt';
  },
  (a) => {
    a.item.description = `${RTL} ${EMOJI} ${ZERO_WIDTH}`;
  },
  (a) => {
    a.item.description = '';
  },
];

function crowd(): Speaker[] {
  const known = [...PEOPLE.work, ...PEOPLE.friends, ...PEOPLE.family];
  return Array.from({ length: 60 }, (_, id) => ({
    id,
    name: id === 0 ? USER_NAME : (known[id - 1] ?? null),
    isUser: id === 0,
    weight: 1,
  }));
}

const conversationVariants: Variant<GeneratedConversation>[] = [
  (c) => {
    c.summary.structured.title = XSS_IMG;
    c.summary.structured.overview = `${XSS_SCRIPT}\n${HOSTILE_SNIPPETS[12]}`;
    c.transcript.oddity = 'disorder';
  },
  (c) => {
    c.summary.structured.title = TRAVERSAL_UNIX;
    c.summary.structured.emoji = '';
    c.summary.folder_name = TRAVERSAL_WINDOWS;
  },
  (c) => {
    c.summary.structured.title = 'CON';
    c.summary.structured.category = 'quantum';
    c.summary.source = 'smart_ring_v9';
  },
  (c) => {
    c.summary.structured = {};
    c.summary.language = 'xx-unknown';
  },
  (c) => {
    c.summary.structured = { title: 'NUL.txt' };
  },
  (c) => {
    c.summary.structured.title = 'All hands with everyone';
    const plan = c.transcript;
    plan.speakers = crowd();
    plan.oddity = 'crowd';
    // Room for a roll call of all 60 speakers, and a duration that fits it.
    plan.segmentCount = Math.max(plan.segmentCount, 90);
    plan.durationSec = Math.max(plan.durationSec, plan.segmentCount * 7);
    // Keep the end (never after now) and move the start back.
    const started = isoDate(c.finishedMs - plan.durationSec * 1000);
    c.summary.created_at = started;
    c.summary.started_at = started;
  },
  (c) => {
    const s = c.summary;
    s.started_at = null;
    s.finished_at = null;
    s.language = null;
    s.source = null;
    s.geolocation = null;
    s.folder_id = null;
    s.folder_name = null;
  },
  (c) => {
    c.summary.created_at = EPOCH;
    c.summary.started_at = EPOCH;
  },
  (c) => {
    c.summary.created_at = FAR_FUTURE;
    c.summary.started_at = FAR_FUTURE;
    c.summary.finished_at = FAR_FUTURE;
  },
  (c) => {
    c.summary.structured.title = 'A transcript with a 1 MB segment';
    c.transcript.oddity = 'huge';
  },
  (c) => {
    c.summary.structured.title = `${RTL} ${EMOJI} ${ZERO_WIDTH}`;
    c.summary.geolocation = {
      google_place_id: null,
      latitude: -91,
      longitude: 181,
      address: XSS_IMG,
      location_type: null,
    };
    c.summary.structured.events = [
      { title: XSS_SCRIPT, description: '', start: FAR_PAST, duration: 0, created: false },
      { title: 'Negative duration', description: TRAVERSAL_UNIX, start: FAR_FUTURE, duration: -30, created: true },
    ];
  },
  (c) => {
    c.summary.created_at = null;
  },
];

export function makeHostileMemories(memories: readonly GeneratedMemory[]): void {
  spread(memories, memoryVariants);
}

export function makeHostileActionItems(items: readonly GeneratedActionItem[]): void {
  spread(items, actionItemVariants);
}

export function makeHostileConversations(conversations: readonly GeneratedConversation[]): void {
  spread(conversations, conversationVariants);
}

/** The conversation's creation time as the server sorts and filters by it (NaN when missing). */
export function conversationCreatedMs(c: GeneratedConversation): number {
  return c.summary.created_at === null ? Number.NaN : Date.parse(c.summary.created_at);
}
