import * as assert from 'node:assert/strict';
import { type Sandbox, startSandbox } from '../../src/sandbox';

async function get<T = unknown>(sandbox: Sandbox, path: string): Promise<{ status: number; body: T }> {
  const res = await fetch(`${sandbox.url}${path}`, { headers: { Authorization: `Bearer ${sandbox.key}` } });
  return { status: res.status, body: (await res.json()) as T };
}

type Row = Record<string, unknown>;

/** Pages like a careful client: offset advances by the limit asked, only an empty page ends. */
async function pageAll(sandbox: Sandbox, path: string, limit: number): Promise<{ rows: Row[]; shortPages: number }> {
  const rows: Row[] = [];
  let shortPages = 0;
  for (let offset = 0; ; offset += limit) {
    const separator = path.includes('?') ? '&' : '?';
    const { status, body } = await get<Row[]>(sandbox, `${path}${separator}limit=${limit}&offset=${offset}`);
    assert.equal(status, 200);
    if (body.length === 0) {
      return { rows, shortPages };
    }
    if (body.length < limit) {
      shortPages++;
    }
    rows.push(...body);
  }
}

const time = (value: unknown): number => (value === null ? Number.NEGATIVE_INFINITY : Date.parse(String(value)));

describe('sandbox (real flavor): lists, paging, parameters', () => {
  let sandbox: Sandbox;
  let exact: Sandbox;

  before(async () => {
    sandbox = await startSandbox({ port: 0 });
    exact = await startSandbox({ port: 0, memories: 1500, actionItems: 1500, conversations: 150, shortPages: false });
  });
  after(async () => {
    await sandbox.close();
    await exact.close();
  });

  describe('limits', () => {
    it('uses the default page sizes', async () => {
      assert.equal((await get<Row[]>(exact, '/user/memories')).body.length, 25);
      assert.equal((await get<Row[]>(exact, '/user/action-items')).body.length, 100);
      assert.equal((await get<Row[]>(exact, '/user/conversations')).body.length, 25);
    });

    it('clamps limits instead of refusing them', async () => {
      assert.equal((await get<Row[]>(exact, '/user/memories?limit=5000')).body.length, 1000);
      assert.equal((await get<Row[]>(exact, '/user/action-items?limit=5000')).body.length, 1000);
      assert.equal((await get<Row[]>(exact, '/user/conversations?limit=500')).body.length, 100);
      assert.equal((await get<Row[]>(exact, '/user/conversations?limit=100&include_transcript=true')).body.length, 25);
      assert.equal((await get<Row[]>(exact, '/user/memories?limit=0')).body.length, 1);
      assert.equal((await get<Row[]>(exact, '/user/memories?limit=-7')).body.length, 1);
    });

    it('clamps a negative offset to 0', async () => {
      const first = await get<Row[]>(exact, '/user/memories?limit=5');
      const negative = await get<Row[]>(exact, '/user/memories?limit=5&offset=-10');
      assert.deepEqual(negative.body, first.body);
    });

    it('returns [] for action items at offset 2000 and beyond', async () => {
      const big = await startSandbox({ port: 0, actionItems: 2600, conversations: 30, shortPages: false });
      try {
        assert.deepEqual((await get(big, '/user/action-items?offset=2000')).body, []);
        assert.deepEqual((await get(big, '/user/action-items?offset=2400&limit=10')).body, []);
        const { rows } = await pageAll(big, '/user/action-items', 1000);
        assert.deepEqual(rows, big.data.actionItems.slice(0, 2000));
      } finally {
        await big.close();
      }
    });
  });

  describe('order', () => {
    it('serves memories manually added first, then newest', async () => {
      const { body } = await get<Row[]>(exact, '/user/memories?limit=1000');
      assert.deepEqual(body, exact.data.memories.slice(0, 1000));
      const all = exact.data.memories;
      const firstAuto = all.findIndex((m) => !m.manually_added);
      assert.ok(firstAuto > 0, 'there are manual memories');
      assert.ok(all.slice(firstAuto).every((m) => !m.manually_added));
      for (let i = 1; i < all.length; i++) {
        if (all[i]!.manually_added === all[i - 1]!.manually_added) {
          assert.ok(time(all[i - 1]!.created_at) >= time(all[i]!.created_at), `memory ${i} is newer than ${i - 1}`);
        }
      }
    });

    it('serves action items open first, by due date with undated last, then newest', async () => {
      const all = exact.data.actionItems;
      const firstDone = all.findIndex((a) => a.completed);
      assert.ok(firstDone > 0 && all.slice(firstDone).every((a) => a.completed));
      for (const group of [all.slice(0, firstDone), all.slice(firstDone)]) {
        const firstUndated = group.findIndex((a) => a.due_at === null);
        assert.ok(firstUndated > 0 && group.slice(firstUndated).every((a) => a.due_at === null));
        for (let i = 1; i < group.length; i++) {
          const [a, b] = [group[i - 1]!, group[i]!];
          if (a.due_at !== null && b.due_at !== null) {
            assert.ok(time(a.due_at) <= time(b.due_at));
          }
          if (a.due_at === b.due_at) {
            assert.ok(time(a.created_at) >= time(b.created_at));
          }
        }
      }
      const { body } = await get<Row[]>(exact, '/user/action-items?limit=1000');
      assert.deepEqual(body, all.slice(0, 1000));
    });

    it('serves conversations newest first', async () => {
      const { rows } = await pageAll(exact, '/user/conversations', 100);
      assert.equal(rows.length, 150);
      for (let i = 1; i < rows.length; i++) {
        assert.ok(time(rows[i - 1]!.created_at) >= time(rows[i]!.created_at));
      }
    });
  });

  describe('short pages', () => {
    it('come back short without being the last page, and full paging returns exactly data', async () => {
      const memories = await pageAll(sandbox, '/user/memories', 25);
      assert.ok(memories.shortPages > 0, 'some memory pages are short');
      assert.deepEqual(memories.rows, sandbox.data.memories);
      const actions = await pageAll(sandbox, '/user/action-items', 20);
      assert.ok(actions.shortPages > 0, 'some action item pages are short');
      assert.deepEqual(actions.rows, sandbox.data.actionItems);
      const conversations = await pageAll(sandbox, '/user/conversations', 10);
      assert.ok(conversations.shortPages > 0, 'some conversation pages are short');
      assert.deepEqual(
        conversations.rows.map((c) => c.id),
        sandbox.data.conversations.map((c) => c.id),
      );
    });

    it('keep the counts asked for in data', () => {
      assert.equal(sandbox.data.memories.length, 300);
      assert.equal(sandbox.data.actionItems.length, 200);
      assert.equal(sandbox.data.conversations.length, 120);
    });
  });

  describe('filters', () => {
    it('filters memories by categories (OR)', async () => {
      const { rows } = await pageAll(sandbox, '/user/memories?categories=work,%20habits', 100);
      assert.ok(rows.length > 0);
      assert.deepEqual(
        rows,
        sandbox.data.memories.filter((m) => m.category === 'work' || m.category === 'habits'),
      );
    });

    it('answers an unknown category with 400', async () => {
      const memories = await get(sandbox, '/user/memories?categories=work,xyz');
      assert.equal(memories.status, 400);
      assert.deepEqual(memories.body, { detail: "Invalid category 'xyz' is not a valid MemoryCategory" });
      const conversations = await get(sandbox, '/user/conversations?categories=nope');
      assert.equal(conversations.status, 400);
      assert.deepEqual(conversations.body, { detail: "Invalid category 'nope' is not a valid CategoryEnum" });
    });

    it('filters conversations by category, dates, folder and starred', async () => {
      const work = (await get<Row[]>(sandbox, '/user/conversations?categories=work&limit=100')).body;
      assert.ok(work.length > 0 && work.every((c) => (c.structured as Row).category === 'work'));

      const middle = sandbox.data.conversations[40]!;
      const start = new Date(Date.parse(String(middle.created_at)) - 7 * 86_400_000).toISOString();
      const end = String(middle.created_at);
      const ranged = (await get<Row[]>(sandbox, `/user/conversations?start_date=${start}&end_date=${end}&limit=100`))
        .body;
      assert.ok(
        ranged.some((c) => c.id === middle.id),
        'the end date is inclusive',
      );
      assert.ok(ranged.every((c) => time(c.created_at) >= Date.parse(start) && time(c.created_at) <= Date.parse(end)));

      const folder = sandbox.data.folders[0]!;
      const inFolder = (await get<Row[]>(sandbox, `/user/conversations?folder_id=${folder.id}&limit=100`)).body;
      assert.ok(
        inFolder.length > 0 && inFolder.every((c) => c.folder_id === folder.id && c.folder_name === folder.name),
      );

      const starred = (await get<Row[]>(sandbox, '/user/conversations?starred=true&limit=100')).body;
      assert.ok(starred.every((c) => c.starred === true));
    });

    it('filters action items by completed, conversation and created_at range', async () => {
      const open = (await get<Row[]>(sandbox, '/user/action-items?completed=false&limit=1000')).body;
      assert.deepEqual(
        open,
        sandbox.data.actionItems.filter((a) => !a.completed),
      );
      const linked = sandbox.data.actionItems.find((a) => a.conversation_id !== null)!;
      const byConversation = (await get<Row[]>(sandbox, `/user/action-items?conversation_id=${linked.conversation_id}`))
        .body;
      assert.ok(byConversation.length > 0 && byConversation.every((a) => a.conversation_id === linked.conversation_id));
      assert.deepEqual((await get(sandbox, '/user/action-items?conversation_id=null')).body, []);
      const since = new Date(Date.parse(sandbox.data.now) - 14 * 86_400_000).toISOString();
      const recent = (await get<Row[]>(sandbox, `/user/action-items?start_date=${since}&limit=1000`)).body;
      assert.ok(recent.length > 0 && recent.every((a) => time(a.created_at) >= Date.parse(since)));
    });
  });

  describe('422 for unparseable values', () => {
    it('describes a bad integer like FastAPI', async () => {
      const answer = await get(sandbox, '/user/memories?limit=abc');
      assert.equal(answer.status, 422);
      assert.deepEqual(answer.body, {
        detail: [
          {
            type: 'int_parsing',
            loc: ['query', 'limit'],
            msg: 'Input should be a valid integer, unable to parse string as an integer',
            input: 'abc',
          },
        ],
      });
    });

    it('describes a bad boolean', async () => {
      const answer = await get(sandbox, '/user/action-items?completed=maybe');
      assert.equal(answer.status, 422);
      assert.deepEqual(answer.body, {
        detail: [
          {
            type: 'bool_parsing',
            loc: ['query', 'completed'],
            msg: 'Input should be a valid boolean, unable to interpret input',
            input: 'maybe',
          },
        ],
      });
      const transcript = await get<{ detail: { loc: string[] }[] }>(
        sandbox,
        '/user/conversations?include_transcript=2',
      );
      assert.equal(transcript.status, 422);
      assert.deepEqual(transcript.body.detail[0]!.loc, ['query', 'include_transcript']);
    });

    it('describes a bad date, and every problem at once', async () => {
      const answer = await get<{ detail: { type: string; loc: string[]; msg: string; input: string }[] }>(
        sandbox,
        '/user/action-items?start_date=yesterday&end_date=2026-02-30&offset=x',
      );
      assert.equal(answer.status, 422);
      const byField = Object.fromEntries(answer.body.detail.map((issue) => [issue.loc[1], issue]));
      assert.deepEqual(Object.keys(byField).sort(), ['end_date', 'offset', 'start_date']);
      assert.equal(byField.start_date!.type, 'datetime_parsing');
      assert.match(byField.start_date!.msg, /^Input should be a valid datetime, /);
      assert.equal(byField.start_date!.input, 'yesterday');
      assert.equal(byField.offset!.type, 'int_parsing');
    });

    it('accepts the date forms pydantic accepts', async () => {
      for (const date of [
        '2026-01-01',
        '2026-01-01T10:00:00Z',
        '2026-01-01T10:00:00.123456%2B02:00',
        '2026-01-01 10:00',
      ]) {
        assert.equal((await get(sandbox, `/user/conversations?start_date=${date}`)).status, 200, date);
      }
    });
  });

  describe('transcripts', () => {
    it('are absent from lists without include_transcript', async () => {
      const { body } = await get<Row[]>(sandbox, '/user/conversations?limit=100');
      assert.ok(body.every((c) => !('transcript_segments' in c)));
      const one = await get<Row>(sandbox, `/user/conversations/${body[0]!.id}`);
      assert.ok(!('transcript_segments' in one.body));
    });

    it('come with include_transcript, equal to data', async () => {
      const { body } = await get<Row[]>(sandbox, '/user/conversations?include_transcript=true&limit=5');
      assert.equal(body.length, 5);
      assert.deepEqual(body, sandbox.data.conversations.slice(0, 5));
      const target = sandbox.data.conversations[7]!;
      const one = await get<Row>(sandbox, `/user/conversations/${target.id}?include_transcript=true`);
      assert.deepEqual(one.body, target);
    });

    it('answers an unknown conversation with 404', async () => {
      const answer = await get(sandbox, '/user/conversations/does-not-exist?include_transcript=true');
      assert.equal(answer.status, 404);
      assert.deepEqual(answer.body, { detail: 'Conversation not found' });
    });
  });
});
