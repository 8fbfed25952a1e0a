import { SCOPES } from '../../data/keys';
import { parseDayString } from '../../data/zoned-time';
import type { DailySummary } from '../../types';
import { authorize } from '../auth';
import { json, type Reply, type RequestContext } from '../context';
import { ApiError } from '../errors';
import { clamp, QueryReader } from '../query';

/** What a list serves of each summary: the detail adds highlights, action items, nuggets and the rest. */
function listed(summary: DailySummary): unknown {
  const { id, date, day_emoji, headline, overview, created_at, stats } = summary;
  return { id, date, day_emoji, headline, overview, created_at, stats };
}

/** A `YYYY-MM-DD` filter; anything else (or a date that does not exist) is the real server's 422 string. */
function dayFilter(query: QueryReader, name: string): string | null {
  const text = query.string(name);
  if (text !== null && parseDayString(text) === null) {
    throw new ApiError(422, `Invalid ${name}: expected a real YYYY-MM-DD date`);
  }
  return text;
}

/**
 * GET /user/daily-summaries?limit=30&offset=0&start_date&end_date (YYYY-MM-DD, inclusive) → {summaries: [...]},
 * newest day first. Scope conversations:read.
 */
export function listDailySummaries(ctx: RequestContext): Reply {
  authorize(ctx, SCOPES.conversations, ['conversation_reads_total']);
  const query = new QueryReader(ctx.query);
  const limit = clamp(query.int('limit', 30), 1, 100);
  const offset = Math.max(0, query.int('offset', 0));
  query.finish();
  const start = dayFilter(query, 'start_date');
  const end = dayFilter(query, 'end_date');
  const summaries = ctx.state.dataset
    .dailySummaries()
    .filter((s) => (start === null || s.date >= start) && (end === null || s.date <= end));
  return json({ summaries: summaries.slice(offset, offset + limit).map(listed) });
}

/** GET /user/daily-summaries/{id} → the whole summary; 404 "Daily summary not found". */
export function getDailySummary(ctx: RequestContext, id: string): Reply {
  authorize(ctx, SCOPES.conversations, ['conversation_reads_total']);
  const summary = ctx.state.dataset.dailySummaries().find((s) => s.id === id);
  if (!summary) {
    throw new ApiError(404, 'Daily summary not found');
  }
  return json(summary);
}
