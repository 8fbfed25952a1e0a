import * as assert from 'node:assert/strict';
import { type DailySummary, type Sandbox, type SandboxOptions, startSandbox } from '../../src/sandbox';
import { assertDocumentedNotFound, call } from './sandbox-http';

const BASE: SandboxOptions = {
  port: 0,
  seed: 42,
  memories: 150,
  actionItems: 120,
  conversations: 60,
  now: new Date('2026-11-28T20:00:00Z'),
};
const LIST_FIELDS = ['created_at', 'date', 'day_emoji', 'headline', 'id', 'overview', 'stats'];

/** The user's local day (UTC-8) of an ISO time. */
function localDate(iso: string): string {
  return new Date(Date.parse(iso) - 8 * 3_600_000).toISOString().slice(0, 10);
}

describe('sandbox daily summaries (real flavor)', () => {
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await startSandbox(BASE);
  });
  after(() => sandbox.close());

  it('has one summary per local day with conversations, newest first, agreeing with that day', () => {
    const summaries = sandbox.data.dailySummaries;
    const days = new Set(sandbox.data.conversations.map((c) => localDate(c.created_at!)));
    assert.deepEqual(
      summaries.map((s) => s.date),
      [...days].sort().reverse(),
    );
    for (const summary of summaries) {
      const conversations = sandbox.data.conversations.filter((c) => localDate(c.created_at!) === summary.date);
      const ids = new Set(conversations.map((c) => c.id));
      const minutes = conversations.reduce(
        (sum, c) => sum + Math.round((Date.parse(c.finished_at!) - Date.parse(c.started_at!)) / 60_000),
        0,
      );
      const items = sandbox.data.actionItems.filter((a) => a.conversation_id !== null && ids.has(a.conversation_id));
      assert.deepEqual(summary.stats, {
        total_conversations: conversations.length,
        total_duration_minutes: minutes,
        action_items_count: items.length,
      });
      assert.ok(summary.highlights.length >= 1 && summary.highlights.every((h) => ids.has(h.conversation_ids[0]!)));
      assert.ok(conversations.some((c) => summary.headline.startsWith(c.structured.title!)));
      assert.deepEqual(
        summary.action_items.map((a) => a.description),
        items.slice(0, 10).map((a) => a.description),
      );
      assert.ok(summary.action_items.every((a) => ids.has(a.source_conversation_id!)));
      for (const nugget of summary.knowledge_nuggets) {
        const memories = sandbox.data.memories.filter((m) => m.content === nugget.insight);
        assert.ok(
          memories.some((m) => localDate(m.created_at!) === summary.date),
          nugget.insight,
        );
      }
      assert.ok(summary.locations.every((l) => ids.has(l.conversation_id!)));
      assert.ok(summary.created_at <= sandbox.data.now);
    }
  });

  it('lists summaries without the detail lists, filtered by date and paged', async () => {
    const all = sandbox.data.dailySummaries;
    const { status, body } = await call<{ summaries: Record<string, unknown>[] }>(
      sandbox,
      'GET',
      '/user/daily-summaries?limit=100',
    );
    assert.equal(status, 200);
    assert.deepEqual(Object.keys(body), ['summaries']);
    assert.equal(body.summaries.length, Math.min(100, all.length));
    assert.deepEqual(Object.keys(body.summaries[0]!).sort(), LIST_FIELDS);
    assert.equal(body.summaries[0]!.id, all[0]!.id);

    const page = await call<{ summaries: DailySummary[] }>(sandbox, 'GET', '/user/daily-summaries?limit=2&offset=1');
    assert.deepEqual(
      page.body.summaries.map((s) => s.id),
      all.slice(1, 3).map((s) => s.id),
    );
    const week = await call<{ summaries: DailySummary[] }>(
      sandbox,
      'GET',
      '/user/daily-summaries?start_date=2026-11-22&end_date=2026-11-28',
    );
    const expected = all.filter((s) => s.date >= '2026-11-22' && s.date <= '2026-11-28');
    assert.ok(expected.length > 0);
    assert.deepEqual(
      week.body.summaries.map((s) => s.date),
      expected.map((s) => s.date),
    );
    const bad = await call(sandbox, 'GET', '/user/daily-summaries?start_date=2026-02-30');
    assert.equal(bad.status, 422);
    assert.deepEqual(bad.body, { detail: 'Invalid start_date: expected a real YYYY-MM-DD date' });
  });

  it('serves one summary with highlights, action items and knowledge nuggets; 404 for an unknown id', async () => {
    const summary = sandbox.data.dailySummaries[0]!;
    const { status, body } = await call<DailySummary>(sandbox, 'GET', `/user/daily-summaries/${summary.id}`);
    assert.equal(status, 200);
    assert.deepEqual(body, JSON.parse(JSON.stringify(summary)));
    for (const key of ['highlights', 'action_items', 'knowledge_nuggets', 'decisions_made', 'locations']) {
      assert.ok(Array.isArray((body as unknown as Record<string, unknown>)[key]), key);
    }
    const missing = await call(sandbox, 'GET', '/user/daily-summaries/nope');
    assert.deepEqual([missing.status, missing.body], [404, { detail: 'Daily summary not found' }]);
    assert.equal((await call(sandbox, 'GET', '/user/daily-summaries', { key: sandbox.restrictedKey })).status, 200);
  });

  it('follows writes: a created conversation counts in its day’s summary', async () => {
    const created = await call<{ id: string }>(sandbox, 'POST', '/user/conversations', {
      body: { text: 'We talked about the garden plans at length. I will buy tomato seeds tomorrow.' },
    });
    assert.equal(created.status, 200);
    const conversation = sandbox.data.conversations.find((c) => c.id === created.body.id)!;
    const date = localDate(conversation.created_at!);
    const summary = sandbox.data.dailySummaries.find((s) => s.date === date)!;
    const sameDay = sandbox.data.conversations.filter((c) => localDate(c.created_at!) === date);
    assert.equal(summary.stats.total_conversations, sameDay.length);
    assert.ok(summary.highlights.some((h) => h.conversation_ids.includes(conversation.id)));
  });
});

describe('sandbox daily summaries (documented flavor)', () => {
  it('answers 404 in the documented envelope', async () => {
    const sandbox = await startSandbox({ ...BASE, flavor: 'documented' });
    try {
      assertDocumentedNotFound(await call(sandbox, 'GET', '/user/daily-summaries'));
      assertDocumentedNotFound(await call(sandbox, 'GET', '/user/daily-summaries/x'));
    } finally {
      await sandbox.close();
    }
  });
});
