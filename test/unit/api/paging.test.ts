import assert from 'node:assert/strict';
import { isOmiApiError } from '../../../src/api/errors';
import type { Conversation } from '../../../src/api/models';
import { ACTION_ITEMS_OFFSET_CAP, collectAll, PAGE_LIMITS, type Page, pageThrough } from '../../../src/api/paging';
import { json, omiError, type Responder, testClient } from './fakeServer';

interface Call {
  offset: number;
  limit: number;
}

/** A fake page source over `total` numbered items, dropping the ids in `dropped` after cutting each page. */
function source(total: number, dropped: ReadonlySet<number> = new Set()) {
  const calls: Call[] = [];
  const fetchPage = async (offset: number, limit: number): Promise<number[]> => {
    calls.push({ offset, limit });
    const page: number[] = [];
    for (let id = offset; id < Math.min(total, offset + limit); id++) {
      if (!dropped.has(id)) {
        page.push(id);
      }
    }
    return page;
  };
  return { calls, fetchPage };
}

async function pagesOf<T>(pages: AsyncIterable<Page<T>>): Promise<Page<T>[]> {
  const all: Page<T>[] = [];
  for await (const page of pages) {
    all.push(page);
  }
  return all;
}

describe('pageThrough', () => {
  it('stops only on an empty page', async () => {
    const { calls, fetchPage } = source(25);
    const pages = await pagesOf(pageThrough(fetchPage, { pageSize: 10, maxPageSize: 100 }));
    assert.deepEqual(
      pages.map((page) => [page.offset, page.limit, page.items.length]),
      [
        [0, 10, 10],
        [10, 10, 10],
        [20, 10, 5],
      ],
    );
    assert.deepEqual(
      calls.map((call) => call.offset),
      [0, 10, 20, 30],
      'a short page is not taken as the end',
    );
  });

  it('advances by the limit asked, not by the items received', async () => {
    const { calls, fetchPage } = source(30, new Set([3, 4, 5, 11]));
    const items = await collectAll(pageThrough(fetchPage, { pageSize: 10, maxPageSize: 100 }));
    assert.deepEqual(
      calls.map((call) => call.offset),
      [0, 10, 20, 30],
    );
    assert.equal(items.length, 26);
    assert.deepEqual(items.slice(0, 4), [0, 1, 2, 6]);
  });

  it('uses the largest page by default and clamps larger sizes', async () => {
    const byDefault = source(0);
    await collectAll(pageThrough(byDefault.fetchPage, { maxPageSize: 1000 }));
    assert.deepEqual(byDefault.calls, [{ offset: 0, limit: 1000 }]);

    const tooBig = source(0);
    await collectAll(pageThrough(tooBig.fetchPage, { pageSize: 5000, maxPageSize: 100 }));
    assert.deepEqual(tooBig.calls, [{ offset: 0, limit: 100 }]);

    const tooSmall = source(0);
    await collectAll(pageThrough(tooSmall.fetchPage, { pageSize: 0, maxPageSize: 100 }));
    assert.deepEqual(tooSmall.calls, [{ offset: 0, limit: 1 }]);
  });

  it('starts at startOffset', async () => {
    const { calls, fetchPage } = source(50);
    const items = await collectAll(pageThrough(fetchPage, { pageSize: 20, startOffset: 40, maxPageSize: 100 }));
    assert.equal(items.length, 10);
    assert.equal(calls[0].offset, 40);
  });

  it('never asks for an offset at or beyond the cap, shortening the last page to reach it exactly', async () => {
    const { calls, fetchPage } = source(10_000);
    const items = await collectAll(pageThrough(fetchPage, { pageSize: 300, maxPageSize: 1000, offsetCap: 2000 }));
    assert.equal(items.length, 2000);
    assert.deepEqual(calls.at(-1), { offset: 1800, limit: 200 });
    assert.ok(calls.every((call) => call.offset < 2000));

    const beyond = source(10_000);
    await collectAll(pageThrough(beyond.fetchPage, { startOffset: 2000, maxPageSize: 1000, offsetCap: 2000 }));
    assert.equal(beyond.calls.length, 0);
  });

  it('checks the signal between pages', async () => {
    const controller = new AbortController();
    const { calls, fetchPage } = source(100);
    const seen: number[] = [];
    await assert.rejects(
      (async () => {
        for await (const page of pageThrough(fetchPage, {
          pageSize: 10,
          maxPageSize: 100,
          signal: controller.signal,
        })) {
          seen.push(page.offset);
          controller.abort();
        }
      })(),
      (error: unknown) => isOmiApiError(error) && error.kind === 'aborted',
    );
    assert.deepEqual(seen, [0]);
    assert.equal(calls.length, 1);
  });

  it('passes the signal to each page fetch', async () => {
    const controller = new AbortController();
    const signals: (AbortSignal | undefined)[] = [];
    await collectAll(
      pageThrough(
        async (_offset, _limit, signal) => {
          signals.push(signal);
          return [];
        },
        { maxPageSize: 10, signal: controller.signal },
      ),
    );
    assert.deepEqual(signals, [controller.signal]);
  });
});

function conversation(id: string): Conversation {
  return {
    id,
    created_at: null,
    started_at: null,
    finished_at: null,
    structured: { title: id, overview: '', emoji: '', category: 'work', action_items: [], events: [] },
  };
}

describe('client paging', () => {
  const page = (count: number, prefix: string): Responder =>
    json(
      Array.from({ length: count }, (_, i) => ({
        id: `${prefix}${i}`,
        content: '',
        category: 'work',
        description: '',
        completed: false,
      })),
    );

  it('pages memories with the largest limit and the filters', async () => {
    const { client, requests } = testClient([page(3, 'a'), page(2, 'b'), json([])]);
    const memories = await collectAll(client.pagesOfMemories({ categories: ['work'] }));
    assert.equal(memories.length, 5);
    assert.deepEqual(
      requests.map((request) => request.url.search),
      [
        '?limit=1000&offset=0&categories=work',
        '?limit=1000&offset=1000&categories=work',
        '?limit=1000&offset=2000&categories=work',
      ],
    );
  });

  it('stops action items at the 2000 cap without asking for offset 2000', async () => {
    const { client, requests } = testClient([page(1000, 'a')]);
    const items = await collectAll(client.pagesOfActionItems({ completed: false }));
    assert.equal(items.length, 2000);
    assert.equal(ACTION_ITEMS_OFFSET_CAP, 2000);
    assert.deepEqual(
      requests.map((request) => request.url.searchParams.get('offset')),
      ['0', '1000'],
    );
  });

  it('uses 100 per conversation page, 25 with transcripts, and clamps pageSize', async () => {
    const plain = testClient([json([])]);
    await collectAll(plain.client.pagesOfConversations());
    assert.equal(plain.requests[0].url.searchParams.get('limit'), String(PAGE_LIMITS.conversations));

    const withTranscript = testClient([json([conversation('c1')]), json([])]);
    await collectAll(withTranscript.client.pagesOfConversations({ includeTranscript: true }, { pageSize: 50 }));
    assert.deepEqual(
      withTranscript.requests.map((request) => request.url.search),
      ['?limit=25&offset=0&include_transcript=true', '?limit=25&offset=25&include_transcript=true'],
    );
  });

  it('stops between pages when aborted', async () => {
    const controller = new AbortController();
    const { client, requests } = testClient([page(2, 'a')]);
    const error = await omiError(async () => {
      for await (const _page of client.pagesOfMemories({}, { pageSize: 2, signal: controller.signal })) {
        controller.abort();
      }
    });
    assert.equal(error.kind, 'aborted');
    assert.equal(requests.length, 1);
  });
});
