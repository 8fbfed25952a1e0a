import * as assert from 'node:assert/strict';
import { PagedList, type PagedListChange } from '../../../src/store/pagedList';

interface Row {
  id: string;
}

/** A fake server: `pages[offset]` answers; records each request; can be made to fail or hang. */
function fakeSource(total: number, options: { shortAt?: number[]; failAt?: number[] } = {}) {
  const requests: { offset: number; limit: number }[] = [];
  const failing = new Set(options.failAt ?? []);
  const gates: { release: () => void }[] = [];
  let gated = false;
  const fetchPage = async (offset: number, limit: number) => {
    requests.push({ offset, limit });
    if (gated) await new Promise<void>((release) => gates.push({ release }));
    if (failing.has(offset)) {
      failing.delete(offset);
      throw new Error(`failed at ${offset}`);
    }
    const rows: Row[] = [];
    for (let i = offset; i < Math.min(total, offset + limit); i++) {
      if (options.shortAt?.includes(i)) continue; // dropped after the page was cut, like locked rows
      rows.push({ id: `r${i}` });
    }
    return rows;
  };
  return {
    requests,
    fetchPage,
    hold: () => {
      gated = true;
    },
    releaseAll: () => {
      gated = false;
      for (const gate of gates.splice(0)) gate.release();
    },
  };
}

function list(
  source: ReturnType<typeof fakeSource>,
  pageSize = 10,
  extra: { offsetCap?: number; maxPageSize?: number } = {},
) {
  return new PagedList<Row>({
    fetchPage: source.fetchPage,
    pageSize,
    maxPageSize: extra.maxPageSize ?? 100,
    offsetCap: extra.offsetCap,
    idOf: (r) => r.id,
  });
}

describe('PagedList', () => {
  it('loads page by page, advancing by the limit asked, until an empty page', async () => {
    const source = fakeSource(25);
    const rows = list(source);
    await rows.loadMore();
    assert.equal(rows.items.length, 10);
    assert.equal(rows.complete, false);
    await rows.loadMore();
    await rows.loadMore();
    assert.equal(rows.items.length, 25);
    assert.equal(rows.complete, false, 'a short page is not the end');
    await rows.loadMore();
    assert.equal(rows.complete, true);
    assert.deepEqual(
      source.requests.map((r) => r.offset),
      [0, 10, 20, 30],
    );
    await rows.loadMore();
    assert.equal(source.requests.length, 4, 'nothing is asked after the end');
  });

  it('keeps going past short pages that are not the last', async () => {
    const source = fakeSource(30, { shortAt: [3, 4, 12] });
    const rows = list(source);
    await rows.loadMore();
    assert.equal(rows.items.length, 8);
    await rows.loadMore();
    assert.equal(rows.items.length, 17);
    assert.deepEqual(source.requests[1], { offset: 10, limit: 10 });
  });

  it('makes one request when loadMore is called again while loading', async () => {
    const source = fakeSource(100);
    const rows = list(source);
    source.hold();
    const first = rows.loadMore();
    const second = rows.loadMore();
    assert.equal(first, second);
    assert.equal(rows.loading, true);
    source.releaseAll();
    await first;
    assert.equal(source.requests.length, 1);
    assert.equal(rows.items.length, 10);
    assert.equal(rows.loading, false);
  });

  it('keeps what was loaded when a page fails and retries the same page', async () => {
    const source = fakeSource(40, { failAt: [10] });
    const rows = list(source);
    await rows.loadMore();
    await rows.loadMore();
    assert.equal(rows.items.length, 10);
    assert.match(String(rows.error), /failed at 10/);
    await rows.loadMore();
    assert.equal(rows.error, undefined);
    assert.equal(rows.items.length, 20);
    assert.deepEqual(
      source.requests.map((r) => r.offset),
      [0, 10, 10],
    );
  });

  it('refreshes as many items as were shown, with the largest pages, replacing them at the end', async () => {
    const source = fakeSource(200);
    const rows = list(source, 10, { maxPageSize: 25 });
    for (let i = 0; i < 4; i++) await rows.loadMore();
    const changes: PagedListChange<Row>['kind'][] = [];
    rows.onDidChange((c) => changes.push(c.kind));
    source.requests.length = 0;
    await rows.refresh();
    assert.equal(rows.items.length, 40);
    assert.deepEqual(source.requests, [
      { offset: 0, limit: 25 },
      { offset: 25, limit: 15 },
    ]);
    assert.ok(changes.includes('replaced'));
    await rows.loadMore();
    assert.deepEqual(source.requests.at(-1), { offset: 40, limit: 10 });
  });

  it('drops the result of a load that a refresh overtook', async () => {
    const source = fakeSource(100);
    const rows = list(source);
    await rows.loadMore();
    source.hold();
    const stale = rows.loadMore();
    const fresh = rows.refresh();
    source.releaseAll();
    await Promise.all([stale, fresh]);
    assert.deepEqual(
      rows.items.map((r) => r.id),
      Array.from({ length: 10 }, (_, i) => `r${i}`),
      'the overtaken page (offset 10) was not appended',
    );
  });

  it('stops at the offset cap without asking past it', async () => {
    const source = fakeSource(5000);
    const rows = list(source, 300, { offsetCap: 1000, maxPageSize: 1000 });
    for (let i = 0; i < 5; i++) await rows.loadMore();
    assert.equal(rows.items.length, 1000);
    assert.equal(rows.complete, true);
    assert.deepEqual(
      source.requests.map((r) => [r.offset, r.limit]),
      [
        [0, 300],
        [300, 300],
        [600, 300],
        [900, 100],
      ],
    );
  });

  it('loads everything with the largest page and can be cancelled', async () => {
    const source = fakeSource(250);
    const rows = list(source, 10, { maxPageSize: 100 });
    const progress: number[] = [];
    await rows.loadAll(undefined, (n) => progress.push(n));
    assert.equal(rows.items.length, 250);
    assert.deepEqual(progress, [100, 200, 250, 250]);
    assert.equal(rows.complete, true);

    const cancelled = list(fakeSource(1000), 10, { maxPageSize: 100 });
    const controller = new AbortController();
    await cancelled.loadAll(controller.signal, (n) => {
      if (n >= 200) controller.abort();
    });
    assert.equal(cancelled.items.length, 200, 'what arrived before cancelling is kept');
  });

  it('skips items repeated across pages', async () => {
    const rows = new PagedList<Row>({
      fetchPage: async (offset) =>
        offset === 0 ? [{ id: 'a' }, { id: 'b' }] : offset === 2 ? [{ id: 'b' }, { id: 'c' }] : [],
      pageSize: 2,
      maxPageSize: 2,
      idOf: (r) => r.id,
    });
    await rows.loadMore();
    await rows.loadMore();
    assert.deepEqual(
      rows.items.map((r) => r.id),
      ['a', 'b', 'c'],
    );
  });

  it('reset forgets everything and starts over', async () => {
    const source = fakeSource(30);
    const rows = list(source);
    await rows.loadMore();
    rows.reset();
    assert.equal(rows.items.length, 0);
    assert.equal(rows.started, false);
    await rows.loadMore();
    assert.deepEqual(source.requests.at(-1), { offset: 0, limit: 10 });
  });
});
