// The export file of one conversation, in the same envelope as the list exports (no vscode import: unit-tested).
import type { Conversation } from '../api/models';

export interface ExportEnvelope<T> {
  kind: 'memories' | 'actionItems' | 'conversations';
  exportedAt: string;
  source: string;
  filters: Record<string, unknown>;
  count: number;
  items: T[];
}

/** The conversation exactly as the API returned it (unknown fields included), pretty-printed UTF-8 JSON. */
export function conversationExportJson(conversation: Conversation, source: string, now: Date): string {
  const envelope: ExportEnvelope<Conversation> = {
    kind: 'conversations',
    exportedAt: now.toISOString(),
    source,
    filters: {},
    count: 1,
    items: [conversation],
  };
  return `${JSON.stringify(envelope, null, 2)}\n`;
}

/** Lowercase ASCII letters, digits and dashes only: no separators, dots or reserved device names can come through. */
function slug(value: unknown, max: number): string {
  const text = typeof value === 'string' ? value : '';
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
}

/** "omi-conversation-weekly-planning-3f2a9c1d.json": readable, and the same for every export of a conversation. */
export function conversationExportName(conversation: Conversation): string {
  const structured: unknown = conversation.structured;
  const title = typeof structured === 'object' && structured !== null ? (structured as { title?: unknown }).title : '';
  const parts = ['omi-conversation', slug(title, 40), slug(conversation.id, 12)].filter(Boolean);
  return `${parts.join('-')}.json`;
}
