// A day's summary as text for a daily note, and as the Daily Summary panel lists it (no vscode import: unit-tested).
import * as l10n from '@vscode/l10n';
import type { DailySummary } from '../api/models';
import { formatDuration } from '../util/time';
import { renderTemplate, singleLine, type TemplateFields, type TextStyle } from './itemText';

/** The Markdown template; the setting `omi.insert.dailySummaryTemplate` replaces it. */
export const DEFAULT_DAILY_SUMMARY_TEMPLATE =
  '## {emoji} {date}: {headline}\n\n{overview}\n\n{stats}\n\n### Highlights\n\n{highlights}\n\n### Action items\n\n{actionItems}\n\n### Knowledge nuggets\n\n{nuggets}';

const PLAIN_TEMPLATE = '{date}: {headline}\n\n{overview}\n\n{stats}\n\n{highlights}\n\n{actionItems}\n\n{nuggets}';

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function count(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** The day's numbers, each as a label and a value: conversations, time recorded, action items. */
export function summaryStats(summary: DailySummary): { label: string; value: string }[] {
  const stats = summary.stats ?? {};
  const rows: { label: string; value: string }[] = [];
  const conversations = count(stats.total_conversations);
  if (conversations !== undefined) rows.push({ label: l10n.t('Conversations'), value: String(conversations) });
  const minutes = count(stats.total_duration_minutes);
  if (minutes !== undefined) rows.push({ label: l10n.t('Recorded'), value: formatDuration(minutes * 60) });
  const actionItems = count(stats.action_items_count);
  if (actionItems !== undefined) rows.push({ label: l10n.t('Action items'), value: String(actionItems) });
  return rows;
}

export interface SummaryHighlight {
  emoji: string;
  topic: string;
  summary: string;
  conversationIds: string[];
}

export function summaryHighlights(summary: DailySummary): SummaryHighlight[] {
  return (Array.isArray(summary.highlights) ? summary.highlights : []).map((h) => ({
    emoji: singleLine(text(h?.emoji)),
    topic: singleLine(text(h?.topic)),
    summary: text(h?.summary).trim(),
    conversationIds: Array.isArray(h?.conversation_ids)
      ? h.conversation_ids.filter((id): id is string => typeof id === 'string')
      : [],
  }));
}

export interface SummaryActionItem {
  description: string;
  priority: string;
  completed: boolean;
  conversationId?: string;
}

export function summaryActionItems(summary: DailySummary): SummaryActionItem[] {
  return (Array.isArray(summary.action_items) ? summary.action_items : []).map((a) => ({
    description: text(a?.description).trim(),
    priority: text(a?.priority),
    completed: a?.completed === true,
    conversationId: typeof a?.source_conversation_id === 'string' ? a.source_conversation_id : undefined,
  }));
}

export function summaryNuggets(summary: DailySummary): { insight: string; conversationId?: string }[] {
  return (Array.isArray(summary.knowledge_nuggets) ? summary.knowledge_nuggets : []).map((n) => ({
    insight: text(n?.insight).trim(),
    conversationId: typeof n?.conversation_id === 'string' ? n.conversation_id : undefined,
  }));
}

function list(lines: string[]): string {
  return lines.length > 0 ? lines.join('\n') : l10n.t('(none)');
}

function dailySummaryFields(summary: DailySummary, style: TextStyle): TemplateFields {
  const markdown = style === 'markdown';
  const stats = summaryStats(summary).map((s) => `${s.label}: ${s.value}`);
  return {
    id: text(summary.id),
    date: text(summary.date),
    emoji: singleLine(text(summary.day_emoji)),
    headline: singleLine(text(summary.headline)),
    overview: text(summary.overview).trim(),
    stats: stats.join(' · '),
    conversations: String(count(summary.stats?.total_conversations) ?? ''),
    duration: (() => {
      const minutes = count(summary.stats?.total_duration_minutes);
      return minutes === undefined ? '' : formatDuration(minutes * 60);
    })(),
    highlights: list(
      summaryHighlights(summary).map((h) => {
        const topic = [h.emoji, h.topic].filter(Boolean).join(' ');
        const said = singleLine(h.summary);
        return markdown ? `- **${topic}**${said ? `: ${said}` : ''}` : `- ${topic}${said ? `: ${said}` : ''}`;
      }),
    ),
    actionItems: list(
      summaryActionItems(summary).map((a) => {
        const priority = a.priority ? ` (${a.priority})` : '';
        return markdown
          ? `- [${a.completed ? 'x' : ' '}] ${singleLine(a.description)}${priority}`
          : `- ${singleLine(a.description)}${priority}`;
      }),
    ),
    nuggets: list(summaryNuggets(summary).map((n) => `- ${singleLine(n.insight)}`)),
  };
}

/** The summary as a daily note: the template in Markdown documents, plain text elsewhere. */
export function formatDailySummary(
  summary: DailySummary,
  style: TextStyle,
  template: string = DEFAULT_DAILY_SUMMARY_TEMPLATE,
): string {
  const rendered = renderTemplate(style === 'markdown' ? template : PLAIN_TEMPLATE, dailySummaryFields(summary, style));
  // An empty emoji must not leave "##  2026-…".
  return rendered.replace(/^(#+ ) +/gm, '$1').trimEnd();
}
