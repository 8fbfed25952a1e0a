import * as assert from 'node:assert/strict';
import { aggregateInsights } from '../../../src/insights/aggregate';
import { ALL_RANGE_MAX_DAYS } from '../../../src/insights/buckets';
import type { RawLists } from '../../../src/insights/select';
import { actionItem, conversation, inTimeZone, iso, memory } from './fixtures';

const EMPTY: RawLists = { memories: [], conversations: [], actionItems: [], actionItemsCapped: false };

const countOn = (perDay: { day: string; count: number }[], day: string) => perDay.find((d) => d.day === day)?.count;

describe('Insights aggregation', () => {
  describe('in New York', () => {
    inTimeZone('America/New_York');
    let now: Date;
    before(() => {
      now = new Date(2026, 10, 28, 15); // Saturday 28 Nov 2026, 15:00 local, once the zone is set
    });

    it('places conversations on the local day they started', () => {
      const raw: RawLists = {
        ...EMPTY,
        conversations: [
          conversation('late', new Date('2026-11-28T03:00:00Z')), // 22:00 on the 27th in New York
          conversation('early', new Date('2026-11-28T06:00:00Z')), // 01:00 on the 28th
        ],
      };
      const data = aggregateInsights(raw, '30d', now);
      assert.equal(countOn(data.conversations.perDay, '2026-11-27'), 1);
      assert.equal(countOn(data.conversations.perDay, '2026-11-28'), 1);
      assert.equal(data.to, '2026-11-28');
    });

    it('gives zero-filled series and empty breakdowns for no data', () => {
      const data = aggregateInsights(EMPTY, '30d', now);
      assert.equal(data.conversations.perDay.length, 30);
      assert.ok(data.conversations.perDay.every((d) => d.count === 0));
      assert.deepEqual(
        data.memories.perWeek.map((w) => w.week),
        ['2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23'],
      );
      assert.ok(data.conversations.hoursPerWeek.every((w) => w.hours === 0));
      assert.deepEqual(data.memories.byCategory, []);
      assert.deepEqual(data.conversations.byCategory, []);
      assert.deepEqual(
        { ...data.actionItems, perWeek: undefined },
        { open: 0, done: 0, overdue: 0, dueThisWeek: 0, perWeek: undefined },
      );
      assert.deepEqual(data.totals, { memories: 0, conversations: 0, actionItems: 0 });
      const all = aggregateInsights(EMPTY, 'all', now);
      assert.equal(all.from, '2026-11-28', 'with nothing dated, "all" is today');
      assert.equal(all.conversations.perDay.length, 1);
    });

    it('buckets by Monday-first local weeks', () => {
      const raw: RawLists = {
        ...EMPTY,
        memories: [
          memory('sun', new Date(2026, 10, 22, 23, 30)), // Sunday night: week of Mon 16 Nov
          memory('mon', new Date(2026, 10, 23, 0, 10)), // Monday: week of 23 Nov
          memory('sat', new Date(2026, 10, 28, 9)),
        ],
      };
      const weeks = Object.fromEntries(
        aggregateInsights(raw, '30d', now).memories.perWeek.map((w) => [w.week, w.count]),
      );
      assert.equal(weeks['2026-11-16'], 1);
      assert.equal(weeks['2026-11-23'], 2);
    });

    it('leaves undated items off the time charts, and in the breakdowns only for "all"', () => {
      const raw: RawLists = {
        ...EMPTY,
        memories: [memory('dated', new Date(2026, 10, 20), 'work'), memory('undated', null, 'hobbies')],
        conversations: [conversation('c', null)],
        actionItems: [
          actionItem('no-dates'),
          actionItem('done-no-time', { completed: true, created_at: iso(new Date(2026, 10, 20)) }),
        ],
      };
      const month = aggregateInsights(raw, '30d', now);
      assert.deepEqual(month.memories.byCategory, [{ label: 'work', count: 1 }]);
      assert.deepEqual(month.undated, { memories: 1, conversations: 1, actionItems: 1 });
      assert.equal(
        month.memories.perWeek.reduce((sum, w) => sum + w.count, 0),
        1,
      );
      assert.equal(month.conversations.byCategory.length, 0);
      assert.deepEqual([month.actionItems.open, month.actionItems.done], [0, 1]);
      assert.equal(
        month.actionItems.perWeek.reduce((sum, w) => sum + w.completed, 0),
        0,
        'a completion without a time is on no week',
      );
      const all = aggregateInsights(raw, 'all', now);
      assert.deepEqual(all.memories.byCategory, [
        { label: 'hobbies', count: 1 },
        { label: 'work', count: 1 },
      ]);
      assert.deepEqual(all.totals, { memories: 2, conversations: 1, actionItems: 2 });
      assert.deepEqual([all.actionItems.open, all.actionItems.done], [1, 1]);
    });

    it('counts open, done, overdue and due this week among the items created in the range', () => {
      const created = iso(new Date(2026, 10, 10));
      const raw: RawLists = {
        ...EMPTY,
        actionItems: [
          actionItem('overdue', { created_at: created, due_at: iso(new Date(2026, 10, 28, 9)) }),
          actionItem('sunday', { created_at: created, due_at: iso(new Date(2026, 10, 29, 18)) }),
          actionItem('monday', { created_at: created, due_at: iso(new Date(2026, 10, 30, 9)) }),
          actionItem('someday', { created_at: created }),
          actionItem('done', { created_at: created, completed: true, completed_at: iso(new Date(2026, 10, 24)) }),
          actionItem('old', { created_at: iso(new Date(2025, 0, 1)), due_at: iso(new Date(2025, 1, 1)) }),
        ],
      };
      const month = aggregateInsights(raw, '30d', now);
      assert.deepEqual(
        { ...month.actionItems, perWeek: undefined },
        { open: 4, done: 1, overdue: 1, dueThisWeek: 1, perWeek: undefined },
      );
      const weeks = Object.fromEntries(month.actionItems.perWeek.map((w) => [w.week, w]));
      assert.deepEqual(weeks['2026-11-09'], { week: '2026-11-09', created: 5, completed: 0 });
      assert.deepEqual(weeks['2026-11-23'], { week: '2026-11-23', created: 0, completed: 1 });
      assert.equal(aggregateInsights(raw, 'all', now).actionItems.overdue, 2);
    });

    it('sums conversation hours per week, a conversation counting for a day at most', () => {
      const raw: RawLists = {
        ...EMPTY,
        conversations: [
          conversation('a', new Date(2026, 10, 24, 10), 90),
          conversation('b', new Date(2026, 10, 25, 10), 45),
          conversation('clock-error', new Date(2026, 10, 17, 10), 60 * 24 * 400),
          { ...conversation('unfinished', new Date(2026, 10, 26, 10)), finished_at: null },
        ],
      };
      const hours = Object.fromEntries(
        aggregateInsights(raw, '30d', now).conversations.hoursPerWeek.map((w) => [w.week, w.hours]),
      );
      assert.equal(hours['2026-11-23'], 2.25);
      assert.equal(hours['2026-11-16'], 24);
    });

    it('starts "all" at the earliest item, ten years back at most, and keeps clock errors in the breakdowns', () => {
      const raw: RawLists = {
        ...EMPTY,
        memories: [memory('recent', new Date(2026, 5, 1)), memory('year-one', new Date('0001-01-01T00:00:00Z'))],
        conversations: [conversation('future', new Date('2999-01-01T00:00:00Z'), 30, 'travel')],
      };
      const all = aggregateInsights(raw, 'all', now);
      assert.equal(all.conversations.perDay.length, ALL_RANGE_MAX_DAYS);
      assert.equal(all.memories.byCategory[0]?.count, 2);
      assert.deepEqual(all.conversations.byCategory, [{ label: 'travel', count: 1 }]);
      assert.ok(
        all.conversations.perDay.every((d) => d.count === 0),
        'the year 2999 is on no day',
      );
      const recentOnly = aggregateInsights({ ...raw, memories: [raw.memories[0]!], conversations: [] }, 'all', now);
      assert.equal(recentOnly.from, '2026-06-01');
    });
  });

  describe('in Tokyo', () => {
    inTimeZone('Asia/Tokyo');

    it('places the same instants on other local days', () => {
      const now = new Date(2026, 10, 28, 15);
      const raw: RawLists = {
        ...EMPTY,
        conversations: [
          conversation('late', new Date('2026-11-28T03:00:00Z')), // 12:00 on the 28th in Tokyo
          conversation('earlier', new Date('2026-11-27T16:00:00Z')), // 01:00 on the 28th
        ],
      };
      const data = aggregateInsights(raw, '30d', now);
      assert.equal(countOn(data.conversations.perDay, '2026-11-28'), 2);
      assert.equal(countOn(data.conversations.perDay, '2026-11-27'), 0);
    });
  });
});
