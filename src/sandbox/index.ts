// The Omi sandbox: a local server that behaves like the Omi Developer API (flavor 'real', the default) or like
// its documentation (flavor 'documented'), serving deterministic generated data. See README.md beside this file.

export type { FailMode, Faults, Flavor, RateLimitWindow, SandboxOptions } from './options';
export { type Sandbox, startSandbox } from './sandbox';
export type {
  ActionItem,
  ApiKeyRecord,
  Conversation,
  ConversationEvent,
  ConversationSummary,
  DailySummary,
  Folder,
  Geolocation,
  Goal,
  GoalHistoryEntry,
  GoalMetric,
  GoalType,
  Memory,
  SandboxData,
  SandboxKey,
  SandboxRequest,
  Structured,
  StructuredActionItem,
  TranscriptSegment,
} from './types';
