import * as assert from 'node:assert/strict';
import { OmiApiError } from '../../../src/api/errors';
import type { Conversation } from '../../../src/api/models';
import type { Page } from '../../../src/api/paging';
import { transcriptsForPages } from '../../../src/export/transcripts';

function conversation(n: number, withTranscript: boolean): Conversation {
  const listed: Conversation = {
    id: `c${n}`,
    created_at: null,
    started_at: null,
    finished_at: null,
    structured: { title: `#${n}`, overview: '', emoji: '', category: 'other', action_items: [], events: [] },
  };
  return withTranscript
    ? { ...listed, transcript_segments: [{ text: `said ${n}`, speaker_id: 0, start: 0, end: 1 }] }
    : listed;
}

/** A server of `total` conversations, `gone` deleted since they were listed; it notes every request. */
function server(total: number, gone: number[] = []) {
  const requests: string[] = [];
  /** Conversations the server's answers have made so far (as the client parses them, when taken). */
  const made = { count: 0 };
  const client = {
    listConversationsOneByOne: async (params: {
      offset?: number;
      limit?: number;
      transcriptCache?: { set(id: string, c: Conversation): unknown };
    }) => {
      requests.push(`list ${params.offset}/${params.limit}`);
      const offset = params.offset ?? 0;
      const listed = Array.from(
        { length: Math.max(0, Math.min(params.limit ?? 25, total - offset)) },
        (_, i) => offset + i,
      ).filter((n) => !gone.includes(n));
      // As the client hands them out: each made only when the loop takes it.
      return (async function* () {
        for (const n of listed) {
          made.count++;
          const made_ = conversation(n, true);
          await params.transcriptCache?.set(made_.id, made_);
          yield made_;
        }
      })();
    },
    getConversation: async (id: string) => {
      requests.push(`get ${id}`);
      const n = Number(id.slice(1));
      if (gone.includes(n)) throw new OmiApiError({ kind: 'notFound', status: 404, message: 'Conversation not found' });
      return conversation(n, true);
    },
  };
  return { client, requests, made };
}

function cacheOf(numbers: number[]) {
  const entries = new Map(numbers.map((n) => [`c${n}`, conversation(n, true)]));
  return { get: (id: string) => entries.get(id), set: (id: string, c: Conversation) => void entries.set(id, c) };
}

const listedPage = (offset: number, count: number): Page<Conversation> => ({
  offset,
  limit: 100,
  items: Array.from({ length: count }, (_, i) => conversation(offset + i, false)),
});

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

/**
 * The ids of each part, taking the conversations one at a time as the export's writer does; `made`, when given, must
 * not run ahead of what was taken: a fetched stretch is parsed only as it is taken.
 */
async function parts(generator: AsyncIterable<AsyncIterable<Conversation>>, made?: { count: number }) {
  const out: string[][] = [];
  let taken = 0;
  for await (const part of generator) {
    const part_: string[] = [];
    for await (const c of part) {
      assert.ok(Array.isArray(c.transcript_segments), 'every one with its transcript');
      if (made) assert.ok(made.count <= ++taken, `${made.count} made when ${taken} were taken`);
      part_.push(c.id);
    }
    out.push(part_);
  }
  return out;
}

const ids = (numbers: number[]) => numbers.map((n) => `c${n}`);

describe('transcriptsForPages', () => {
  const signal = new AbortController().signal;

  it('hands the page out in order, a stretch at a time, reading only the stretches where transcripts are missing', async () => {
    const { client, requests, made } = server(100);
    // Stretch 2 is all cached; stretch 4 misses only #80, cheaper fetched alone.
    const cache = cacheOf([...range(25, 50), 60, ...range(75, 100).filter((n) => n !== 80)]);
    const { prepare } = transcriptsForPages(client, cache, {});
    assert.deepEqual(await parts(prepare(listedPage(0, 100), signal), made), [
      ids(range(0, 25)),
      ids(range(25, 50)),
      ids(range(50, 75)),
      ids(range(75, 100)),
    ]);
    assert.deepEqual(requests, ['list 0/25', 'list 50/25', 'get c80']);
  });

  it('has the next two stretches in flight while one is handed out, and never more than three', async () => {
    const { client, requests } = server(150);
    let inFlight = 0;
    let most = 0;
    const slow = {
      ...client,
      listConversationsOneByOne: async (params: Parameters<typeof client.listConversationsOneByOne>[0]) => {
        most = Math.max(most, ++inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight--;
        return client.listConversationsOneByOne(params);
      },
    };
    const { prepare } = transcriptsForPages(slow, cacheOf([]), {});
    const out = await parts(prepare({ ...listedPage(0, 150), limit: 150 }, signal));
    assert.deepEqual(
      out,
      [0, 25, 50, 75, 100, 125].map((n) => ids(range(n, n + 25))),
    );
    assert.equal(most, 3, 'three requests overlap');
    assert.deepEqual(
      requests,
      [0, 25, 50, 75, 100, 125].map((n) => `list ${n}/25`),
      'each stretch once',
    );
  });

  it('leaves out, and reads nothing for, the conversations an earlier try handed out', async () => {
    const { client, requests } = server(100);
    const { prepare } = transcriptsForPages(client, cacheOf([]), {});
    const out = (await parts(prepare(listedPage(0, 100), signal, 30))).flat();
    assert.deepEqual(out, ids(range(30, 100)));
    assert.deepEqual(requests, ['list 25/25', 'list 50/25', 'list 75/25']);
  });

  it('exports a conversation deleted since it was listed as listed', async () => {
    const { client } = server(100, [3]);
    const { prepare } = transcriptsForPages(client, cacheOf(range(0, 25).filter((n) => n !== 3)), {});
    const out: Conversation[] = [];
    for await (const part of prepare(listedPage(0, 25), signal)) for await (const c of part) out.push(c);
    assert.equal(out.length, 25);
    assert.deepEqual(out[3], conversation(3, false));
  });

  it('keeps in the cache what it fetched and the writer did not take, when the export stops', async () => {
    const { client, requests } = server(100);
    const cache = cacheOf([]);
    const transcripts = transcriptsForPages(client, cache, {});
    const written: string[] = [];
    for await (const part of transcripts.prepare(listedPage(0, 100), signal)) {
      for await (const c of part) {
        written.push(c.id);
        if (written.length === 3) break; // the writer fails on the fourth, say
      }
      break;
    }
    transcripts.keepUntaken();
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.deepEqual(written, ids([0, 1, 2]));
    assert.deepEqual(requests, ['list 0/25', 'list 25/25', 'list 50/25'], 'no more asked for after it stopped');
    for (const n of range(0, 75)) assert.ok(cache.get(`c${n}`), `#${n} kept`);
  });

  it('leaves a part being written alone when a later stretch fails, and keeps only what was not handed out', async () => {
    const { client } = server(100);
    const cache = cacheOf([]);
    const failing = {
      ...client,
      listConversationsOneByOne: async (params: Parameters<typeof client.listConversationsOneByOne>[0]) => {
        if (params.offset === 50) throw new OmiApiError({ kind: 'rateLimited', status: 429, message: 'later' });
        return client.listConversationsOneByOne(params);
      },
    };
    const written: string[] = [];
    const { prepare } = transcriptsForPages(failing, cache, {});
    await assert.rejects(async () => {
      for await (const part of prepare(listedPage(0, 100), signal)) for await (const c of part) written.push(c.id);
    }, /later/);
    assert.deepEqual(written, ids(range(0, 50)), 'the stretches before the failure are written whole');
  });
});
