// The JSON objects the sandbox serves. Local to the sandbox on purpose: they describe what the server sends,
// including the odd shapes of hostile mode, not what the extension's client expects.

/** An ISO-8601 UTC timestamp, e.g. `2026-11-28T10:50:00.123456Z`. */
export type IsoDate = string;

export interface Memory {
  id: string;
  content: string;
  category: string;
  visibility: string | null;
  tags: string[];
  created_at: IsoDate | null;
  updated_at: IsoDate | null;
  manually_added: boolean;
  reviewed: boolean;
  user_review: boolean | null;
  edited: boolean;
  scoring: string | null;
  /** Fields the documentation does not mention; present on some objects only. */
  app_id?: string | null;
  data_protection_level?: string;
}

export interface ActionItem {
  id: string;
  description: string;
  completed: boolean;
  created_at: IsoDate | null;
  updated_at: IsoDate | null;
  due_at: IsoDate | null;
  completed_at: IsoDate | null;
  conversation_id: string | null;
}

/** An action item as embedded in `structured.action_items`: no id. */
export interface StructuredActionItem {
  description: string;
  completed: boolean;
  created_at: IsoDate | null;
  updated_at: IsoDate | null;
  due_at: IsoDate | null;
  completed_at: IsoDate | null;
}

export interface ConversationEvent {
  title: string;
  description: string;
  start: IsoDate;
  /** Minutes. */
  duration: number;
  created: boolean;
}

/** Every field is optional because hostile mode serves conversations whose structured part is incomplete. */
export interface Structured {
  title?: string;
  overview?: string;
  emoji?: string;
  category?: string;
  action_items?: StructuredActionItem[];
  events?: ConversationEvent[];
}

export interface Geolocation {
  google_place_id: string | null;
  latitude: number;
  longitude: number;
  address: string | null;
  location_type: string | null;
}

export interface TranscriptSegment {
  id: string;
  text: string;
  speaker_id: number | null;
  speaker_name: string | null;
  /** Seconds from the start of the conversation. */
  start: number;
  end: number;
  is_user?: boolean;
}

/** A conversation as listed without `include_transcript`: no `transcript_segments` key at all. */
export interface ConversationSummary {
  id: string;
  created_at: IsoDate | null;
  started_at: IsoDate | null;
  finished_at: IsoDate | null;
  language: string | null;
  source: string | null;
  structured: Structured;
  geolocation: Geolocation | null;
  folder_id: string | null;
  folder_name: string | null;
  starred: boolean;
}

export interface Conversation extends ConversationSummary {
  transcript_segments: TranscriptSegment[];
}

export interface ApiKeyRecord {
  id: string;
  name: string;
  key_prefix: string;
  created_at: IsoDate;
  last_used_at: IsoDate | null;
  scopes: string[];
}

/** A key the sandbox accepts: the record it serves, the secret, and whether it was revoked. */
export interface SandboxKey {
  record: ApiKeyRecord;
  secret: string;
  revoked: boolean;
}

/** GET /user/folders (the real server's DeveloperFolder). */
export interface Folder {
  id: string;
  name: string;
  description: string | null;
  /** `#RRGGBB` */
  color: string;
  icon: string;
  created_at: IsoDate;
  updated_at: IsoDate;
  order: number;
  is_default: boolean;
  /** Category-based folders the server creates (Work, Personal, Social). */
  is_system: boolean;
  /** Listed conversations in the folder now (a getter: it follows writes). */
  readonly conversation_count: number;
}

/** GET /user/daily-summaries/{id}: one day's recap (the real server's DailySummary). Lists leave out the lists. */
export interface DailySummary {
  id: string;
  /** `YYYY-MM-DD`, the user's local day. */
  date: string;
  created_at: IsoDate;
  headline: string;
  overview: string;
  day_emoji: string;
  stats: { total_conversations: number; total_duration_minutes: number; action_items_count: number };
  highlights: { topic: string; emoji: string; summary: string; conversation_ids: string[] }[];
  action_items: {
    description: string;
    priority: 'high' | 'medium' | 'low';
    completed: boolean;
    source_conversation_id: string | null;
  }[];
  unresolved_questions: { question: string; conversation_id: string | null }[];
  decisions_made: { decision: string; conversation_id: string | null }[];
  knowledge_nuggets: { insight: string; conversation_id: string | null }[];
  locations: {
    latitude: number;
    longitude: number;
    address: string | null;
    conversation_id: string | null;
    /** `HH:MM`, local. */
    time: string | null;
  }[];
}

export type GoalType = 'boolean' | 'scale' | 'numeric';

export interface GoalMetric {
  type: GoalType;
  current: number;
  target: number;
  min: number | null;
  max: number | null;
  unit: string | null;
}

/** A goal as the Developer API serves it: the canonical fields plus the released-client ones. */
export interface Goal {
  id: string;
  goal_id: string;
  title: string;
  desired_outcome: string;
  why_it_matters: string | null;
  success_criteria: string[];
  horizon_at: IsoDate | null;
  /** background, focused, paused, achieved, abandoned */
  status: string;
  focus_rank: number | null;
  metric: GoalMetric | null;
  /** user, ai_suggested, imported */
  source: string;
  goal_type: GoalType;
  target_value: number;
  current_value: number;
  min_value: number;
  max_value: number;
  unit: string | null;
  is_active: boolean;
  created_at: IsoDate;
  updated_at: IsoDate;
}

/** One day of a goal's progress (GET /user/goals/{id}/history). */
export interface GoalHistoryEntry {
  /** `YYYY-MM-DD` */
  date: string;
  value: number;
  recorded_at: IsoDate;
}

/**
 * Everything the server can return, in the order it returns it (the order of an unfiltered full paging).
 * Rows the server drops after cutting a page (see `dataset.ts`) are not here.
 */
export interface SandboxData {
  /** The reference time the data was generated around. */
  readonly now: IsoDate;
  readonly memories: Memory[];
  readonly actionItems: ActionItem[];
  /**
   * With `transcript_segments`, generated on first access (a property getter), so big transcripts cost nothing
   * until read.
   */
  readonly conversations: Conversation[];
  readonly folders: Folder[];
  /**
   * One per local day with conversations, newest first, derived from the data as it is now (computed on each read,
   * so it follows writes). Full objects; lists serve a subset of the fields.
   */
  readonly dailySummaries: DailySummary[];
  /** Every goal, active or not, newest first. */
  readonly goals: Goal[];
  /** Each goal's progress, by goal id, oldest first. */
  readonly goalHistory: Map<string, GoalHistoryEntry[]>;
  /**
   * The built-in keys (full access, restricted, read-only) and, in the documented flavor, keys created through
   * POST /keys.
   */
  readonly keys: SandboxKey[];
  /** Ids of the locked (paywalled) memories: content cut to 70 characters + "...", 402 on writes and reads by id. */
  readonly lockedMemoryIds: string[];
}

/** One request the server received on /v1/dev, as listed by `Sandbox.requests` and GET /__sandbox/requests. */
export interface SandboxRequest {
  method: string;
  /** Without the query string. */
  path: string;
  query: Record<string, string>;
  status: number;
  /** When it arrived, ms since the epoch. */
  at: number;
}
