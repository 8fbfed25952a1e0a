// The objects exactly as the Omi Developer API sends them (snake_case). The client never maps or renames them:
// fields this version does not know about stay on the object untouched, hence the index signatures.

/** Any field a newer server adds. */
export interface UnknownFields {
  [field: string]: unknown;
}

/** Categories known when this was written; the server adds new ones, so `category` stays a plain string. */
export const MEMORY_CATEGORIES = Object.freeze([
  'interesting',
  'system',
  'manual',
  'workflow',
  'core',
  'hobbies',
  'lifestyle',
  'interests',
  'habits',
  'work',
  'skills',
  'learnings',
  'other',
  'auto',
] as const);
export type MemoryCategory = (typeof MEMORY_CATEGORIES)[number];

/** Known values of `structured.category`; unknown values are valid too. */
export const CONVERSATION_CATEGORIES = Object.freeze([
  'personal',
  'education',
  'health',
  'finance',
  'legal',
  'philosophy',
  'spiritual',
  'science',
  'entrepreneurship',
  'parenting',
  'romantic',
  'travel',
  'inspiration',
  'technology',
  'business',
  'social',
  'work',
  'sports',
  'politics',
  'literature',
  'history',
  'architecture',
  'music',
  'weather',
  'news',
  'entertainment',
  'psychology',
  'real',
  'design',
  'family',
  'economics',
  'environment',
  'other',
] as const);

/** Whether a category is one of the known ones (the real server refuses others in a filter). */
export function isKnownCategory<T extends string>(known: readonly T[], value: string): value is T {
  return (known as readonly string[]).includes(value);
}

/** Fields marked optional are sent by the real server but not by the documented one. */
export interface Memory extends UnknownFields {
  id: string;
  /** Locked memories arrive cut to 70 characters followed by "...". */
  content: string;
  category: string;
  visibility?: string | null;
  tags?: string[];
  created_at?: string | null;
  updated_at?: string | null;
  manually_added?: boolean;
  reviewed?: boolean;
  user_review?: boolean | null;
  edited?: boolean;
  scoring?: string | null;
}

export interface ActionItem extends UnknownFields {
  id: string;
  description: string;
  completed: boolean;
  created_at: string | null;
  updated_at: string | null;
  due_at: string | null;
  completed_at: string | null;
  conversation_id: string | null;
}

/** An action item inside a conversation's `structured` block: it has no id of its own. */
export interface ConversationActionItem extends UnknownFields {
  description: string;
  completed: boolean;
  created_at?: string | null;
  updated_at?: string | null;
  due_at?: string | null;
  completed_at?: string | null;
}

export interface CalendarEvent extends UnknownFields {
  title: string;
  description?: string | null;
  start: string | null;
  /** Minutes. */
  duration: number | null;
  created?: boolean;
}

export interface Geolocation extends UnknownFields {
  latitude: number | null;
  longitude: number | null;
  address?: string | null;
}

export interface ConversationStructured extends UnknownFields {
  title: string;
  overview: string;
  emoji: string;
  category: string;
  action_items: ConversationActionItem[];
  events: CalendarEvent[];
}

export interface TranscriptSegment extends UnknownFields {
  id?: string | null;
  text: string;
  speaker_id: number | null;
  /** The user's name, a known person's, or "Speaker N"; absent on servers that follow the documentation. */
  speaker_name?: string | null;
  /** Seconds from the conversation's start. */
  start: number;
  end: number;
}

export interface Conversation extends UnknownFields {
  id: string;
  created_at: string | null;
  started_at: string | null;
  finished_at: string | null;
  language?: string | null;
  /** Free string: omi, friend, phone, desktop, ... */
  source?: string | null;
  structured: ConversationStructured;
  geolocation?: Geolocation | null;
  folder_id?: string | null;
  folder_name?: string | null;
  /** Present only when asked for with `include_transcript=true`. */
  transcript_segments?: TranscriptSegment[] | null;
}

export interface ApiKeyInfo extends UnknownFields {
  id: string;
  name: string;
  /** For example "omi_dev_abcd...wxyz": never the whole key. */
  key_prefix: string;
  created_at: string | null;
  last_used_at: string | null;
  scopes?: string[] | null;
}

/** Returned once, by key creation: `key` is the full secret. */
export interface CreatedApiKey extends ApiKeyInfo {
  key: string;
}

// What the write endpoints take. Only the fields given are sent.

export interface NewActionItem {
  /** 1 to 500 characters. */
  description: string;
  completed?: boolean;
  /** ISO-8601 with Z or an offset. */
  due_at?: string;
}

/** A PATCH: a null or absent `due_at` leaves the date as it is on the server (it cannot be cleared this way). */
export interface ActionItemChanges {
  description?: string;
  completed?: boolean;
  due_at?: string;
}

export interface NewMemory {
  /** 1 to 500 characters. */
  content: string;
  /** Omitted: Omi chooses. */
  category?: string;
  visibility?: 'public' | 'private';
  tags?: string[];
}

export interface MemoryChanges {
  content?: string;
  category?: string;
  visibility?: 'public' | 'private';
  tags?: string[];
}

export interface ConversationChanges {
  title?: string;
}

/** Where the text of a new conversation comes from, as Omi names it. */
export type ConversationTextSource = 'audio_transcript' | 'message' | 'other_text';

export interface NewConversation {
  /** 1 to 100,000 characters. Omi derives the title, overview, action items and memories from it. */
  text: string;
  text_source: ConversationTextSource;
  /** ISO-8601; the server takes now when absent. */
  started_at?: string;
  finished_at?: string;
  /** A language code such as "en". */
  language: string;
}

/** What POST /user/conversations answers: the conversation is fetched by id once Omi has processed it. */
export interface CreatedConversation extends UnknownFields {
  id: string;
  /** "completed" once processed; "processing" (or "in_progress") while Omi is still at it. */
  status?: string | null;
  /** Omi found nothing worth keeping: the conversation is not listed. */
  discarded?: boolean | null;
}

/** The scopes a key may carry (GET /key). A key without stored scopes reads everything and writes nothing. */
export type KeyScope = `${'conversations' | 'memories' | 'action_items' | 'goals'}:${'read' | 'write'}`;

/** A conversation an answer of POST /user/ask drew on. */
export interface AskSource extends UnknownFields {
  id: string;
  title?: string | null;
  created_at?: string | null;
}

export interface AskAnswer extends UnknownFields {
  answer: string;
  sources: AskSource[];
}

/** A memory found by meaning (GET /user/memories/vector/search), with how close it is, 0 to 1. */
export interface MemoryMatch extends UnknownFields {
  id: string;
  content: string;
  category?: string | null;
  relevance_score: number;
}

/** A day's recap (GET /user/daily-summaries); the detail (GET /user/daily-summaries/{id}) adds the lists. */
export interface DailySummaryStats extends UnknownFields {
  total_conversations?: number | null;
  total_duration_minutes?: number | null;
  action_items_count?: number | null;
}

export interface DailySummary extends UnknownFields {
  id: string;
  /** `YYYY-MM-DD`, the user's local day. */
  date: string;
  day_emoji?: string | null;
  headline?: string | null;
  overview?: string | null;
  created_at?: string | null;
  stats?: DailySummaryStats | null;
  highlights?: { topic?: string | null; emoji?: string | null; summary?: string | null; conversation_ids?: string[] }[];
  action_items?: {
    description?: string | null;
    priority?: string | null;
    completed?: boolean | null;
    source_conversation_id?: string | null;
  }[];
  knowledge_nuggets?: { insight?: string | null; conversation_id?: string | null }[];
  decisions_made?: { decision?: string | null; conversation_id?: string | null }[];
  unresolved_questions?: { question?: string | null; conversation_id?: string | null }[];
}

/** GET /user/folders. */
export interface Folder extends UnknownFields {
  id: string;
  name: string;
  description?: string | null;
  /** `#RRGGBB` */
  color?: string | null;
  icon?: string | null;
  order?: number | null;
  is_default?: boolean;
  is_system?: boolean;
  conversation_count?: number | null;
}

export type GoalType = 'boolean' | 'scale' | 'numeric';

export interface Goal extends UnknownFields {
  id: string;
  title: string;
  desired_outcome?: string | null;
  why_it_matters?: string | null;
  status?: string | null;
  goal_type?: GoalType | string | null;
  target_value?: number | null;
  current_value?: number | null;
  min_value?: number | null;
  max_value?: number | null;
  unit?: string | null;
  /** Newer servers: null for a qualitative goal. */
  metric?: {
    type?: string | null;
    current?: number | null;
    target?: number | null;
    min?: number | null;
    max?: number | null;
    unit?: string | null;
  } | null;
  is_active?: boolean;
  created_at?: string | null;
  updated_at?: string | null;
}

/** One day of a goal's progress (GET /user/goals/{id}/history), oldest first. */
export interface GoalHistoryEntry extends UnknownFields {
  date: string;
  value: number;
  recorded_at?: string | null;
}

export interface NewGoal {
  /** 1 to 500 characters. */
  title: string;
  goal_type?: GoalType;
  target_value?: number;
  current_value?: number;
  unit?: string;
}
