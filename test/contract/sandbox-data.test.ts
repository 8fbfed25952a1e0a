import * as assert from 'node:assert/strict';
import { isKnownCategory, MEMORY_CATEGORIES } from '../../src/api/models';
import { type Conversation, type Sandbox, startSandbox } from '../../src/sandbox';

const NOW = new Date('2026-11-28T10:00:00Z');
const DAY = 86_400_000;

async function getJson<T>(sandbox: Sandbox, path: string): Promise<T> {
  const res = await fetch(`${sandbox.url}${path}`, { headers: { Authorization: `Bearer ${sandbox.key}` } });
  assert.equal(res.status, 200, path);
  return (await res.json()) as T;
}

function speakers(conversation: Conversation): Set<number | null> {
  return new Set(conversation.transcript_segments.map((s) => s.speaker_id));
}

describe('sandbox data', () => {
  describe('determinism', () => {
    it('generates the same data and key from the same seed and now', async () => {
      const a = await startSandbox({ port: 0, seed: 7, now: NOW });
      const b = await startSandbox({ port: 0, seed: 7, now: NOW, hostile: false });
      const c = await startSandbox({ port: 0, seed: 8, now: NOW });
      try {
        assert.equal(a.key, b.key);
        assert.deepEqual(JSON.parse(JSON.stringify(a.data)), JSON.parse(JSON.stringify(b.data)));
        assert.notEqual(a.key, c.key);
        assert.notDeepEqual(a.data.memories, c.data.memories);
      } finally {
        await Promise.all([a.close(), b.close(), c.close()]);
      }
    });

    it('generates a transcript the same whether or not others were read first', async () => {
      const a = await startSandbox({ port: 0, now: NOW, conversations: 10 });
      const b = await startSandbox({ port: 0, now: NOW, conversations: 10 });
      try {
        void a.data.conversations[0]!.transcript_segments;
        assert.deepEqual(a.data.conversations[9]!.transcript_segments, b.data.conversations[9]!.transcript_segments);
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    });
  });

  describe('realism', () => {
    let sandbox: Sandbox;

    before(async () => {
      sandbox = await startSandbox({ port: 0, now: NOW });
    });
    after(() => sandbox.close());

    it('spreads memories over all 14 categories, with tags and some locked', () => {
      const { memories } = sandbox.data;
      assert.deepEqual([...new Set(memories.map((m) => m.category))].sort(), [...MEMORY_CATEGORIES].sort());
      assert.ok(memories.some((m) => m.tags.length > 0));
      assert.ok(
        memories.some((m) => m.content.length === 73 && m.content.endsWith('...')),
        'a locked memory',
      );
      assert.ok(
        memories.some((m) => 'app_id' in m || 'data_protection_level' in m),
        'an undocumented field',
      );
      assert.ok(memories.every((m) => typeof m.id === 'string' && m.content.length > 0));
    });

    it('dates everything within about six months before now', () => {
      const times = [
        ...sandbox.data.memories.map((m) => m.created_at),
        ...sandbox.data.actionItems.map((a) => a.created_at),
        ...sandbox.data.conversations.map((c) => c.finished_at),
      ].map((t) => Date.parse(String(t)));
      assert.ok(times.every((t) => t <= NOW.getTime() && t > NOW.getTime() - 200 * DAY));
    });

    it('has conversations today and yesterday', () => {
      const ages = sandbox.data.conversations.map((c) => NOW.getTime() - Date.parse(String(c.created_at)));
      assert.ok(ages.some((age) => age < DAY));
      assert.ok(ages.some((age) => age >= DAY && age < 2 * DAY));
    });

    it('mixes overdue, soon and later action items, completed ones and standalone ones', () => {
      const items = sandbox.data.actionItems;
      const open = items.filter((a) => !a.completed && a.due_at !== null);
      const due = (a: { due_at: string | null }) => Date.parse(String(a.due_at)) - NOW.getTime();
      assert.ok(
        open.some((a) => due(a) < 0),
        'overdue',
      );
      assert.ok(
        open.some((a) => due(a) >= 0 && due(a) < 7 * DAY),
        'due this week',
      );
      assert.ok(
        open.some((a) => due(a) >= 7 * DAY),
        'due later',
      );
      assert.ok(items.some((a) => a.due_at === null));
      assert.ok(items.some((a) => a.completed && a.completed_at !== null));
      assert.ok(items.every((a) => a.completed || a.completed_at === null));
      const ids = new Set(sandbox.data.conversations.map((c) => c.id));
      const linked = items.filter((a) => a.conversation_id !== null);
      assert.ok(linked.length > items.length / 2 && linked.length < items.length);
      assert.ok(linked.every((a) => ids.has(String(a.conversation_id))));
    });

    it('embeds the linked action items in their conversations, without ids', () => {
      const conversation = sandbox.data.conversations.find((c) => (c.structured.action_items ?? []).length > 0)!;
      const embedded = conversation.structured.action_items!;
      assert.ok(embedded.every((a) => !('id' in a) && typeof a.description === 'string'));
      const top = sandbox.data.actionItems.filter((a) => a.conversation_id === conversation.id);
      assert.deepEqual(embedded.map((a) => a.description).sort(), top.map((a) => a.description).sort());
    });

    it('writes transcripts with 2-5 speakers, ascending timings and plausible text', () => {
      const conversations = sandbox.data.conversations;
      for (const c of conversations) {
        const segments = c.transcript_segments;
        assert.ok(segments.length >= 20 && segments.length <= 160);
        assert.ok(speakers(c).size >= 1 && speakers(c).size <= 5);
        for (let i = 0; i < segments.length; i++) {
          const s = segments[i]!;
          assert.ok(s.end > s.start, `${c.id} segment ${i}`);
          assert.ok(i === 0 || s.start >= segments[i - 1]!.end, `${c.id} segment ${i} starts after the previous`);
        }
        const duration = (Date.parse(String(c.finished_at)) - Date.parse(String(c.started_at))) / 1000;
        assert.ok(
          Math.abs(duration - segments[segments.length - 1]!.end) < 3,
          `${c.id} lasts as long as its transcript`,
        );
      }
      const all = conversations.flatMap((c) => c.transcript_segments);
      assert.ok(all.some((s) => s.speaker_name === 'Alex' && s.is_user === true));
      assert.ok(all.some((s) => s.speaker_name !== null && /^Speaker \d+$/.test(s.speaker_name)));
      assert.ok(
        all.some((s) => s.speaker_name === null && s.speaker_id !== null),
        'segments with only a speaker_id',
      );
      assert.ok(conversations.some((c) => speakers(c).size >= 4));
      assert.ok(
        all.some((s, i) => i > 0 && s.start - all[i - 1]!.end > 8),
        'some long pauses',
      );
      const minutes = conversations.map(
        (c) => (Date.parse(String(c.finished_at)) - Date.parse(String(c.started_at))) / 60000,
      );
      assert.ok(Math.min(...minutes) < 15 && Math.max(...minutes) > 60, 'minutes to an hour and more');
    });

    it('varies sources, categories, folders and geolocation', () => {
      const conversations = sandbox.data.conversations;
      assert.ok(new Set(conversations.map((c) => c.source)).size >= 3);
      assert.ok(new Set(conversations.map((c) => c.structured.category)).size >= 10);
      assert.ok(conversations.some((c) => c.geolocation === null));
      assert.ok(conversations.some((c) => c.geolocation !== null && typeof c.geolocation.address === 'string'));
      assert.ok(conversations.some((c) => c.folder_id === null));
      assert.ok(conversations.some((c) => c.starred));
      assert.ok(conversations.some((c) => (c.structured.events ?? []).length > 0));
    });
  });

  describe('hostile mode', () => {
    let sandbox: Sandbox;

    before(async () => {
      sandbox = await startSandbox({ port: 0, hostile: true, now: NOW });
    });
    after(() => sandbox.close());

    it('contains markup, traversal, reserved names, RTL, zero-width and emoji text', () => {
      const text = JSON.stringify(sandbox.data);
      for (const needle of [
        '<img src=x onerror=alert(1)>',
        '<script>',
        '../../etc/passwd',
        '..\\\\..\\\\x',
        '"CON"',
        'NUL.txt',
        '\u200b',
        'اجتماع',
        '🧠',
      ]) {
        assert.ok(text.includes(needle), needle);
      }
    });

    it('has a 1 MB memory, a 1 MB segment, and still serves them', async () => {
      const huge = sandbox.data.memories.find((m) => m.content.length >= 1024 * 1024);
      assert.ok(huge, 'a 1 MB memory');
      assert.ok(
        sandbox.data.conversations.some((c) => c.transcript_segments.some((s) => s.text.length >= 1024 * 1024)),
        'a 1 MB segment',
      );
      let served: unknown[] = [];
      for (let offset = 0; ; offset += 1000) {
        const page = await getJson<unknown[]>(sandbox, `/user/memories?limit=1000&offset=${offset}`);
        if (page.length === 0) {
          break;
        }
        served = served.concat(page);
      }
      assert.deepEqual(served, sandbox.data.memories);
    });

    it('has nulls, unknown values, missing structured fields and odd dates', () => {
      const { memories, actionItems, conversations } = sandbox.data;
      assert.ok(memories.some((m) => m.created_at === null && m.visibility === null && m.scoring === null));
      assert.ok(memories.some((m) => !isKnownCategory(MEMORY_CATEGORIES, m.category)));
      assert.ok(
        actionItems.some(
          (a) => a.created_at === null && a.updated_at === null && a.due_at === null && a.conversation_id === null,
        ),
      );
      assert.ok(conversations.some((c) => c.structured.title === undefined && c.structured.action_items === undefined));
      assert.ok(conversations.some((c) => c.source === 'smart_ring_v9' && c.structured.category === 'quantum'));
      assert.ok(conversations.some((c) => c.started_at === null && c.language === null && c.geolocation === null));
      assert.ok(conversations.some((c) => String(c.created_at).startsWith('2999')));
      assert.ok(memories.some((m) => String(m.created_at).startsWith('0001')));
    });

    it('has a conversation with 60 speakers and one with disordered segments', () => {
      const { conversations } = sandbox.data;
      assert.ok(conversations.some((c) => speakers(c).size >= 60));
      assert.ok(
        conversations.some((c) => c.transcript_segments.some((s, i, all) => i > 0 && s.start < all[i - 1]!.end)),
        'overlapping or out-of-order segments',
      );
    });
  });

  describe('scale', () => {
    it('serves 20 pages of 1000 from 20000 memories', async function () {
      this.timeout(30_000);
      const sandbox = await startSandbox({ port: 0, memories: 20_000, conversations: 50, actionItems: 50 });
      try {
        let total = 0;
        for (let page = 0; page < 20; page++) {
          total += (await getJson<unknown[]>(sandbox, `/user/memories?limit=1000&offset=${page * 1000}`)).length;
        }
        assert.ok(total > 19_000 && total <= 20_000);
      } finally {
        await sandbox.close();
      }
    });

    it('gives the first conversations the transcript sizes asked for, the others as they were', async () => {
      const plain = await startSandbox({ port: 0, now: NOW, conversations: 8 });
      const sized = await startSandbox({ port: 0, now: NOW, conversations: 8, transcriptSizes: [5000, 500] });
      try {
        const lengths = sized.data.conversations.map((c) => c.transcript_segments.length);
        assert.deepEqual(
          lengths.filter((n) => n === 5000 || n === 500).sort(),
          [500, 5000],
          `lengths: ${lengths.join(', ')}`,
        );
        const bySize = new Set(
          sized.data.conversations.filter((c) => [500, 5000].includes(c.transcript_segments.length)),
        );
        const rest = (s: Sandbox) => JSON.parse(JSON.stringify(s.data.conversations.filter((c) => !bySize.has(c))));
        const sizedIds = new Set([...bySize].map((c) => c.id));
        assert.deepEqual(
          rest(sized),
          JSON.parse(JSON.stringify(plain.data.conversations.filter((c) => !sizedIds.has(c.id)))),
        );
        assert.equal(rest(sized).length, 6);
        await assert.rejects(startSandbox({ transcriptSizes: [0] }), RangeError);
      } finally {
        await Promise.all([plain.close(), sized.close()]);
      }
    });

    it('serves a 5000-segment transcript', async () => {
      const sandbox = await startSandbox({ port: 0, conversations: 3, transcriptSegments: { min: 5000, max: 5000 } });
      try {
        const id = sandbox.data.conversations[1]!.id;
        const conversation = await getJson<Conversation>(sandbox, `/user/conversations/${id}?include_transcript=true`);
        assert.equal(conversation.transcript_segments.length, 5000);
        const segments = conversation.transcript_segments;
        assert.ok(segments.every((s, i) => i === 0 || s.start >= segments[i - 1]!.end));
      } finally {
        await sandbox.close();
      }
    });
  });
});
