import * as assert from 'node:assert/strict';
import { OmiApiError } from '../../../src/api/errors';
import type { Conversation } from '../../../src/api/models';
import type { Page } from '../../../src/api/paging';
import { transcriptsForPage } from '../../../src/export/transcripts';

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
  const client = {
    listConversations: async (params: { offset?: number; limit?: number; includeTranscript?: boolean }) => {
      requests.push(`list ${params.offset}/${params.limit}`);
      const offset = params.offset ?? 0;
      return Array.from({ length: Math.max(0, Math.min(params.limit ?? 25, total - offset)) }, (_, i) => offset + i)
        .filter((n) => !gone.includes(n))
        .map((n) => conversation(n, params.includeTranscript === true));
    },
    getConversation: async (id: string) => {
      requests.push(`get ${id}`);
      const n = Number(id.slice(1));
      if (gone.includes(n)) throw new OmiApiError({ kind: 'notFound', status: 404, message: 'Conversation not found' });
      return conversation(n, true);
    },
  };
  return { client, requests };
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

async function parts(generator: AsyncIterable<Conversation[]>): Promise<string[][]> {
  const out: string[][] = [];
  for await (const part of generator) {
    assert.ok(
      part.every((c) => Array.isArray(c.transcript_segments)),
      'every one with its transcript',
    );
    out.push(part.map((c) => c.id));
  }
  return out;
}

const ids = (numbers: number[]) => numbers.map((n) => `c${n}`);

describe('transcriptsForPage', () => {
  const signal = new AbortController().signal;

  it('hands the page out in order, a stretch at a time, reading only the stretches where transcripts are missing', async () => {
    const { client, requests } = server(100);
    // Stretch 2 is all cached; stretch 4 misses only #80, cheaper fetched alone.
    const cache = cacheOf([...range(25, 50), 60, ...range(75, 100).filter((n) => n !== 80)]);
    const prepare = transcriptsForPage(client, cache, {});
    assert.deepEqual(await parts(prepare(listedPage(0, 100), signal)), [
      ids(range(0, 25)),
      ids(range(25, 50)),
      ids(range(50, 75)),
      ids(range(75, 100)),
    ]);
    assert.deepEqual(requests, ['list 0/25', 'list 50/25', 'get c80']);
  });

  it('has the next stretch in flight while one is awaited, and never more than two', async () => {
    const { client, requests } = server(100);
    let inFlight = 0;
    let most = 0;
    const slow = {
      ...client,
      listConversations: async (params: Parameters<typeof client.listConversations>[0]) => {
        most = Math.max(most, ++inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight--;
        return client.listConversations(params);
      },
    };
    const prepare = transcriptsForPage(slow, cacheOf([]), {});
    const out = await parts(prepare(listedPage(0, 100), signal));
    assert.deepEqual(out, [ids(range(0, 25)), ids(range(25, 50)), ids(range(50, 75)), ids(range(75, 100))]);
    assert.equal(most, 2, 'two requests overlap');
    assert.deepEqual(requests, ['list 0/25', 'list 25/25', 'list 50/25', 'list 75/25'], 'each stretch once');
  });

  it('leaves out, and reads nothing for, the conversations an earlier try handed out', async () => {
    const { client, requests } = server(100);
    const prepare = transcriptsForPage(client, cacheOf([]), {});
    const out = (await parts(prepare(listedPage(0, 100), signal, 30))).flat();
    assert.deepEqual(out, ids(range(30, 100)));
    assert.deepEqual(requests, ['list 25/25', 'list 50/25', 'list 75/25']);
  });

  it('exports a conversation deleted since it was listed as listed', async () => {
    const { client } = server(100, [3]);
    const prepare = transcriptsForPage(client, cacheOf(range(0, 25).filter((n) => n !== 3)), {});
    const out: Conversation[] = [];
    for await (const part of prepare(listedPage(0, 25), signal)) out.push(...part);
    assert.equal(out.length, 25);
    assert.deepEqual(out[3], conversation(3, false));
  });
});
