// Small hand-made Omi objects and a time-zone switch for the Insights and tracker unit tests.
import type { ActionItem, Conversation, Memory } from '../../../src/api/models';

/** Runs the suite's tests with process.env.TZ set (Node re-reads it on assignment), restoring it afterwards. */
export function inTimeZone(timeZone: string): void {
  let previous: string | undefined;
  before(() => {
    previous = process.env.TZ;
    process.env.TZ = timeZone;
  });
  after(() => {
    if (previous === undefined) delete process.env.TZ;
    else process.env.TZ = previous;
  });
}

export const iso = (date: Date) => date.toISOString();

export function memory(id: string, createdAt: Date | null, category = 'work'): Memory {
  return { id, content: `memory ${id}`, category, created_at: createdAt && iso(createdAt) };
}

export function conversation(id: string, start: Date | null, minutes = 30, category = 'business'): Conversation {
  return {
    id,
    created_at: start && iso(start),
    started_at: start && iso(start),
    finished_at: start && iso(new Date(start.getTime() + minutes * 60_000)),
    structured: { title: `c ${id}`, overview: '', emoji: '', category, action_items: [], events: [] },
  };
}

export function actionItem(id: string, fields: Partial<ActionItem> = {}): ActionItem {
  return {
    id,
    description: `task ${id}`,
    completed: false,
    created_at: null,
    updated_at: null,
    due_at: null,
    completed_at: null,
    conversation_id: null,
    ...fields,
  };
}
