import * as assert from 'node:assert/strict';
import { aggregateInsights } from '../../../src/insights/aggregate';
import { INSIGHTS_RANGES } from '../../../src/insights/model';
import { type DrillTarget, parseWebviewMessage } from '../../../src/insights/protocol';
import type { RawLists } from '../../../src/insights/select';
import { selectItems } from '../../../src/insights/select';
import { buildDataset } from '../../../src/sandbox/data/dataset';
import { resolveOptions } from '../../../src/sandbox/options';
import { inTimeZone } from './fixtures';

describe('Insights: what a click on a chart opens', () => {
  inTimeZone('America/Los_Angeles');

  it('selects exactly the items each bar, slice and day counted, hostile data included', () => {
    const now = new Date(2026, 10, 28, 15);
    const { data } = buildDataset(resolveOptions({ now, hostile: true, memories: 200, conversations: 90 }));
    const raw = { ...data, actionItemsCapped: false } as unknown as RawLists;
    for (const range of INSIGHTS_RANGES) {
      const insights = aggregateInsights(raw, range, now);
      const marks: [DrillTarget, number][] = [
        ...insights.memories.byCategory.map((c): [DrillTarget, number] => [
          { chart: 'memoryCategories', label: c.label },
          c.count,
        ]),
        ...insights.memories.perWeek.map((w): [DrillTarget, number] => [
          { chart: 'memoriesPerWeek', week: w.week },
          w.count,
        ]),
        // Every day with conversations, and a sample of the empty ones ("all" spans ten years here).
        ...insights.conversations.perDay
          .filter((d, i) => d.count > 0 || i % 30 === 0)
          .map((d): [DrillTarget, number] => [{ chart: 'conversationsPerDay', day: d.day }, d.count]),
        ...insights.conversations.byCategory.map((c): [DrillTarget, number] => [
          { chart: 'conversationCategories', label: c.label },
          c.count,
        ]),
        ...insights.actionItems.perWeek.flatMap((w): [DrillTarget, number][] => [
          [{ chart: 'actionItemsPerWeek', week: w.week, series: 'created' }, w.created],
          [{ chart: 'actionItemsPerWeek', week: w.week, series: 'completed' }, w.completed],
        ]),
        ...(['open', 'done', 'overdue', 'dueThisWeek'] as const).map((status): [DrillTarget, number] => [
          { chart: 'actionItemStatus', status },
          insights.actionItems[status],
        ]),
      ];
      assert.ok(
        marks.some(([, count]) => count > 0),
        `${range}: something to click`,
      );
      for (const [target, count] of marks) {
        assert.equal(
          selectItems(raw, insights, target, now).items.length,
          count,
          `${range}: ${JSON.stringify(target)}`,
        );
      }
      for (const week of insights.conversations.hoursPerWeek) {
        const items = selectItems(raw, insights, { chart: 'conversationHours', week: week.week }, now).items;
        assert.equal(items.length > 0, week.hours > 0, `${range}: hours in week ${week.week}`);
      }
    }
  });

  it('accepts only well-formed messages from the webview', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'setRange', range: '90d' }), { type: 'setRange', range: '90d' });
    assert.deepEqual(parseWebviewMessage({ type: 'refresh', extra: 1 }), { type: 'refresh' });
    assert.deepEqual(
      parseWebviewMessage({ type: 'drill', target: { chart: 'conversationsPerDay', day: '2026-11-28' } }),
      {
        type: 'drill',
        target: { chart: 'conversationsPerDay', day: '2026-11-28' },
      },
    );
    for (const bad of [
      null,
      'ready',
      [],
      { type: 'setRange', range: 'forever' },
      { type: 'drill', target: { chart: 'conversationsPerDay', day: '28/11/2026' } },
      { type: 'drill', target: { chart: 'memoryCategories', label: '' } },
      { type: 'drill', target: { chart: 'actionItemStatus', status: 'deleted' } },
      { type: 'drill', target: { chart: 'actionItemsPerWeek', week: '2026-11-23', series: 'all' } },
      { type: 'rendered', charts: { a: 'many' } },
      { type: 'eval', code: '1' },
    ]) {
      assert.equal(parseWebviewMessage(bad), undefined, JSON.stringify(bad));
    }
  });
});
