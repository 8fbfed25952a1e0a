import type { ActionItem, Conversation, DailySummary, Memory } from '../types';
import { USER_UTC_OFFSET_HOURS } from './people';
import { Random } from './random';
import { sentences } from './text-search';
import { DAY, HOUR, isoDate, MINUTE } from './time';

// Daily summaries ("recaps"), which the real server has an LLM write each evening from the day's conversations,
// tasks and memories. The sandbox derives them from its own data, so every number and list agrees with what the
// other endpoints serve for that day: one per local day with conversations, newest first.

const MAX_HIGHLIGHTS = 5;
const MAX_ACTION_ITEMS = 10;
const MAX_THREE = 3;
const DECISION = /\b(agreed|decided|chose|settled on|will go with)\b/i;

export interface SummarySources {
  conversations: readonly Conversation[];
  actionItems: readonly ActionItem[];
  memories: readonly Memory[];
  lockedMemoryIds: ReadonlySet<string>;
}

const OFFSET = USER_UTC_OFFSET_HOURS * HOUR;

/** The user's local day (days since 1970-01-01) of an ISO time, or null when there is none. */
function localDay(iso: string | null): number | null {
  const ms = iso === null ? Number.NaN : Date.parse(iso);
  return Number.isNaN(ms) ? null : Math.floor((ms + OFFSET) / DAY);
}

function localTime(iso: string | null): string | null {
  const ms = iso === null ? Number.NaN : Date.parse(iso);
  return Number.isNaN(ms) ? null : new Date(ms + OFFSET).toISOString().slice(11, 16);
}

function minutes(c: Conversation): number {
  const ms = Date.parse(c.finished_at ?? '') - Date.parse(c.started_at ?? '');
  return Number.isNaN(ms) || ms < 0 ? 0 : Math.round(ms / MINUTE);
}

function titleOf(c: Conversation): string {
  return c.structured.title || 'Untitled conversation';
}

function duration(total: number): string {
  const h = Math.floor(total / 60);
  const m = total % 60;
  return h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${m} min`;
}

function quotedList(titles: readonly string[]): string {
  const quoted = titles.map((t) => `“${t}”`);
  return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}` : (quoted[0] ?? '');
}

function priority(item: ActionItem, dayEndMs: number): 'high' | 'medium' | 'low' {
  const due = Date.parse(item.due_at ?? '');
  if (Number.isNaN(due)) return 'low';
  return due - dayEndMs <= 2 * DAY ? 'high' : 'medium';
}

function summarize(
  seed: number,
  day: number,
  list: Conversation[],
  sources: SummarySources,
  nowMs: number,
): DailySummary {
  const ids = new Set(list.map((c) => c.id));
  // Longest first: what the day was mostly about.
  const byLength = [...list].sort((a, b) => minutes(b) - minutes(a) || (a.created_at! < b.created_at! ? -1 : 1));
  const main = byLength[0]!;
  const total = list.reduce((sum, c) => sum + minutes(c), 0);
  const items = sources.actionItems.filter((a) => a.conversation_id !== null && ids.has(a.conversation_id));
  const dayEndMs = (day + 1) * DAY - OFFSET;
  const lastFinish = Math.max(...list.map((c) => Date.parse(c.finished_at ?? c.created_at ?? '') || 0));
  const rng = Random.derive(seed, 'daily-summary', day);
  const id = rng.uuid();

  const n = list.length;
  const others = byLength.slice(1).map(titleOf);
  const lead = sentences(main.structured.overview ?? '')[0] ?? '';
  const overview =
    `${n} conversation${n === 1 ? '' : 's'} over ${duration(total)}` +
    (n === 1
      ? `: “${titleOf(main)}”.`
      : `, mostly “${titleOf(main)}”, also ${quotedList(others.slice(0, 3))}${others.length > 3 ? ` and ${others.length - 3} more` : ''}.`) +
    (lead ? ` ${lead}` : '');

  const nuggets = sources.memories
    .filter((m) => !sources.lockedMemoryIds.has(m.id) && !m.manually_added && localDay(m.created_at) === day)
    .slice(0, MAX_THREE)
    .map((m) => {
      const created = Date.parse(m.created_at!);
      // Memories come out of a conversation shortly after it ends.
      const source = list
        .filter((c) => {
          const finished = Date.parse(c.finished_at ?? '');
          return finished <= created && created - finished <= HOUR;
        })
        .sort((a, b) => Date.parse(b.finished_at!) - Date.parse(a.finished_at!))[0];
      return { insight: m.content, conversation_id: source?.id ?? null };
    });

  return {
    id,
    date: new Date(day * DAY).toISOString().slice(0, 10),
    // An hour after the day's last conversation, but not after `now` (nor before that conversation).
    created_at: isoDate(Math.max(lastFinish, Math.min(nowMs, lastFinish + HOUR)), rng.int(0, 999)),
    headline: n === 1 ? titleOf(main) : `${titleOf(main)} and ${n - 1} more`,
    overview,
    day_emoji: main.structured.emoji || '📅',
    stats: { total_conversations: n, total_duration_minutes: total, action_items_count: items.length },
    highlights: byLength.slice(0, MAX_HIGHLIGHTS).map((c) => ({
      topic: titleOf(c),
      emoji: c.structured.emoji || '🧠',
      summary: sentences(c.structured.overview ?? '')[0] ?? '',
      conversation_ids: [c.id],
    })),
    action_items: items.slice(0, MAX_ACTION_ITEMS).map((a) => ({
      description: a.description,
      priority: priority(a, dayEndMs),
      completed: a.completed,
      source_conversation_id: a.conversation_id,
    })),
    unresolved_questions: [],
    decisions_made: list
      .flatMap((c) =>
        sentences(c.structured.overview ?? '')
          .filter((s) => DECISION.test(s))
          .map((decision) => ({ decision, conversation_id: c.id })),
      )
      .slice(0, MAX_THREE),
    knowledge_nuggets: nuggets,
    locations: list
      .filter((c) => c.geolocation !== null && typeof c.geolocation?.latitude === 'number')
      .map((c) => ({
        latitude: c.geolocation!.latitude,
        longitude: c.geolocation!.longitude,
        address: c.geolocation!.address,
        conversation_id: c.id,
        time: localTime(c.started_at),
      })),
  };
}

/** Every day's summary, newest day first. */
export function buildDailySummaries(seed: number, sources: SummarySources, nowMs: number): DailySummary[] {
  const days = new Map<number, Conversation[]>();
  for (const c of sources.conversations) {
    const day = localDay(c.created_at);
    if (day !== null) {
      const list = days.get(day) ?? [];
      list.push(c);
      days.set(day, list);
    }
  }
  return [...days.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([day, list]) => summarize(seed, day, list, sources, nowMs));
}
