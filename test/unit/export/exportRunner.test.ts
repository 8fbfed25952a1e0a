import * as assert from 'node:assert/strict';
import { OmiApiError } from '../../../src/api/errors';
import { type Page, pageThrough } from '../../../src/api/paging';
import { type ExportProgress, exportPages } from '../../../src/export/exportRunner';

/** A server of `total` numbered items that fails the listed calls (by call number) with the given errors. */
function server(total: number, failures: Record<number, OmiApiError> = {}) {
  const calls: number[] = [];
  const pages = (startOffset: number, signal: AbortSignal): AsyncIterable<Page<number>> =>
    pageThrough(
      async (offset, limit) => {
        calls.push(offset);
        const failure = failures[calls.length];
        if (failure) throw failure;
        return Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => offset + i);
      },
      { pageSize: 10, maxPageSize: 10, startOffset, signal },
    );
  return { calls, pages };
}

/** A clock that only moves when the export sleeps. */
function fakeTime() {
  let now = 0;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms: number, signal?: AbortSignal) => {
      if (signal?.aborted) throw new OmiApiError({ kind: 'aborted', message: 'aborted' });
      slept.push(ms);
      now += ms;
    },
  };
}

const rateLimited = (retryAfterMs?: number) =>
  new OmiApiError({ kind: 'rateLimited', message: 'Rate limit exceeded.', status: 429, retryAfterMs });

describe('exportPages', () => {
  it('writes every page in order and counts the items', async () => {
    const { pages, calls } = server(35);
    const written: number[] = [];
    const count = await exportPages({
      pages,
      write: async (items) => void written.push(...items),
      signal: new AbortController().signal,
    });
    assert.equal(count, 35);
    assert.deepEqual(
      written,
      Array.from({ length: 35 }, (_, i) => i),
    );
    assert.deepEqual(calls, [0, 10, 20, 30, 40]);
  });

  it('continues an earlier run: asks only from startOffset on and counts on from startCount', async () => {
    const { pages, calls } = server(35);
    const written: { items: number[]; offset: number }[] = [];
    const count = await exportPages({
      pages,
      write: async (items, page) => void written.push({ items, offset: page.offset }),
      startOffset: 20,
      startCount: 20,
      signal: new AbortController().signal,
    });
    assert.equal(count, 35);
    assert.deepEqual(calls, [20, 30, 40], 'no page before the one not yet fetched');
    assert.deepEqual(
      written.map((w) => w.offset),
      [20, 30],
    );
    assert.deepEqual(written[1]!.items, [30, 31, 32, 33, 34]);
  });

  it('waits out a rate limit with a countdown and resumes at the page that failed, losing and repeating nothing', async () => {
    const { pages, calls } = server(35, { 3: rateLimited(3_500) });
    const time = fakeTime();
    const written: number[] = [];
    const progress: ExportProgress[] = [];
    const count = await exportPages({
      pages,
      write: async (items) => void written.push(...items),
      signal: new AbortController().signal,
      onProgress: (p) => progress.push(p),
      sleep: time.sleep,
      now: time.now,
    });
    assert.equal(count, 35);
    assert.deepEqual(
      written,
      Array.from({ length: 35 }, (_, i) => i),
      'every item once, in order',
    );
    assert.deepEqual(calls, [0, 10, 20, 20, 30, 40], 'resumed at offset 20');
    assert.deepEqual(time.slept, [1000, 1000, 1000, 500], 'waited as long as asked, a second at a time');
    const countdown = progress.filter((p) => p.waitingMs !== undefined).map((p) => p.waitingMs);
    assert.deepEqual(countdown, [3500, 2500, 1500, 500]);
    assert.ok(
      progress.every((p) => p.waitingMs === undefined || p.count === 20),
      'the count holds while waiting',
    );
  });

  it('resumes when the page preparation is rate limited, keeping what it fetched', async () => {
    const { pages } = server(20);
    const time = fakeTime();
    let prepared = 0;
    const written: number[] = [];
    await exportPages({
      pages,
      prepare: async (page) => {
        prepared++;
        if (prepared === 2) throw rateLimited(1000);
        return page.items.map((i) => i * 10);
      },
      write: async (items) => void written.push(...items),
      signal: new AbortController().signal,
      sleep: time.sleep,
      now: time.now,
    });
    assert.deepEqual(
      written,
      Array.from({ length: 20 }, (_, i) => i * 10),
    );
    assert.equal(prepared, 3, 'the second page was prepared again');
  });

  it('with pages prepared, asks for the next while the current one is written, and never more than one ahead', async () => {
    const { pages, calls } = server(35);
    const askedWhileWriting: (number | undefined)[] = [];
    await exportPages({
      pages,
      prepare: async (page) => page.items,
      write: async () => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        askedWhileWriting.push(calls.at(-1));
      },
      signal: new AbortController().signal,
    });
    assert.deepEqual(askedWhileWriting, [10, 20, 30, 40]);

    const plain = server(35);
    const askedThen: (number | undefined)[] = [];
    await exportPages({
      pages: plain.pages,
      write: async () => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        askedThen.push(plain.calls.at(-1));
      },
      signal: new AbortController().signal,
    });
    assert.deepEqual(askedThen, [0, 10, 20, 30], 'a plain list asks for its next page once this one is written');
  });

  it('writes a page in parts as they come, and after a rate limit goes on without the parts already written', async () => {
    const { pages, calls } = server(20);
    const time = fakeTime();
    const skips: number[] = [];
    let failed = false;
    const written: number[] = [];
    const ended: number[] = [];
    const count = await exportPages({
      pages,
      prepare: async function* (page, _signal, skip) {
        skips.push(skip);
        for (let i = skip; i < page.items.length; i += 4) {
          if (page.offset === 10 && i >= 4 && !failed) {
            failed = true;
            throw rateLimited(1000);
          }
          yield page.items.slice(i, i + 4);
        }
      },
      write: async (items) => void written.push(...items),
      endPage: async (page) => void ended.push(page.offset),
      signal: new AbortController().signal,
      sleep: time.sleep,
      now: time.now,
    });
    assert.equal(count, 20);
    assert.deepEqual(
      written,
      Array.from({ length: 20 }, (_, i) => i),
      'every item once, in order',
    );
    assert.deepEqual(ended, [0, 10], 'each page ends once, after all its parts');
    assert.deepEqual(skips, [0, 0, 4], 'the page is prepared again without the 4 items written');
    assert.deepEqual(calls, [0, 10, 10, 20]);
  });

  it('writes a lazy part an item at a time, and after a rate limit in the middle goes on without those written', async () => {
    const { pages } = server(20);
    const time = fakeTime();
    const skips: number[] = [];
    let failed = false;
    const writes: number[][] = [];
    let made = 0;
    const count = await exportPages({
      pages,
      prepare: async function* (page, _signal, skip) {
        skips.push(skip);
        // One lazy part for the page: each item made only when the writer takes it.
        yield (async function* () {
          for (const item of page.items.slice(skip)) {
            if (item === 13 && !failed) {
              failed = true;
              throw rateLimited(1000);
            }
            made++;
            yield item;
          }
        })();
      },
      write: async (items) => {
        assert.equal(made, items[0]! + 1, 'the next item is not made before this one is written');
        writes.push(items);
      },
      signal: new AbortController().signal,
      sleep: time.sleep,
      now: time.now,
    });
    assert.equal(count, 20);
    assert.deepEqual(
      writes,
      Array.from({ length: 20 }, (_, i) => [i]),
      'every item once, alone, in order',
    );
    assert.deepEqual(skips, [0, 0, 3], 'the page is prepared again without the 3 items written');
  });

  it('ends the page before a failure that follows it, so that a later run does not fetch it again', async () => {
    const failing = server(50, { 2: new OmiApiError({ kind: 'server', status: 500, message: 'boom' }) });
    const ended: number[] = [];
    await assert.rejects(
      exportPages({
        ...failing,
        write: async () => {},
        endPage: async (page) => void ended.push(page.offset),
        signal: new AbortController().signal,
      }),
      /boom/,
    );
    assert.deepEqual(ended, [0]);
  });

  it('keeps the page written when it is cancelled: its end still comes', async () => {
    const controller = new AbortController();
    const ended: number[] = [];
    await assert.rejects(
      exportPages({
        ...server(100),
        write: async (items) => {
          if (items.includes(10)) controller.abort();
        },
        endPage: async (page) => void ended.push(page.offset),
        signal: controller.signal,
      }),
      (e: OmiApiError) => e.kind === 'aborted',
    );
    assert.deepEqual(ended, [0, 10]);
  });

  it('gives up after too many rate limits in a row, and on other errors at once', async () => {
    const always = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [i + 1, rateLimited(10)]));
    const time = fakeTime();
    await assert.rejects(
      exportPages({
        ...server(5, always),
        write: async () => {},
        signal: new AbortController().signal,
        sleep: time.sleep,
        now: time.now,
        maxRateLimitWaits: 3,
      }),
      (e: OmiApiError) => e.kind === 'rateLimited',
    );
    const failing = server(50, { 2: new OmiApiError({ kind: 'server', status: 500, message: 'boom' }) });
    await assert.rejects(
      exportPages({ ...failing, write: async () => {}, signal: new AbortController().signal }),
      /boom/,
    );
    assert.deepEqual(failing.calls, [0, 10]);
  });

  it('stops when cancelled, also while waiting for a rate limit', async () => {
    const controller = new AbortController();
    const written: number[] = [];
    await assert.rejects(
      exportPages({
        ...server(100),
        write: async (items) => {
          written.push(...items);
          if (written.length >= 20) controller.abort();
        },
        signal: controller.signal,
      }),
      (e: OmiApiError) => e.kind === 'aborted',
    );
    assert.equal(written.length, 20);

    const waiting = new AbortController();
    const time = fakeTime();
    await assert.rejects(
      exportPages({
        ...server(100, { 1: rateLimited(60_000) }),
        write: async () => {},
        signal: waiting.signal,
        now: time.now,
        sleep: async (ms, signal) => {
          if (time.slept.length === 2) waiting.abort();
          await time.sleep(ms, signal);
        },
      }),
      (e: OmiApiError) => e.kind === 'aborted',
    );
    assert.equal(time.slept.length, 2, 'the countdown stopped at the cancellation');
  });
});
