import * as assert from 'node:assert/strict';
import type { OmiExtensionApi } from '../../../src/extension';
import type { Faults } from '../../../src/sandbox';
import { type Sandbox, startSandbox } from '../../../src/sandbox';
import type { ListKind } from '../../../src/store/omiStore';
import { describeError } from '../../../src/util/errorMessage';
import type { ListNode } from '../../../src/views/nodes';
import { activateExtension, eventually, setBaseUrl, signIn, signOut } from './helpers';

interface FaultCase {
  name: string;
  faults: Partial<Faults>;
  /** What the user sees once the request settles. */
  expect: 'loaded' | 'errorRow';
  message?: RegExp;
}

const CASES: FaultCase[] = [
  { name: 'latency 1.5 s', faults: { latencyMs: 1500 }, expect: 'loaded' },
  { name: '429 with Retry-After mid-paging', faults: { rateLimit: { limit: 1, windowMs: 1500 } }, expect: 'loaded' },
  { name: '503 every 2nd request', faults: { failEvery: { n: 2, mode: '503' } }, expect: 'loaded' },
  { name: '500 every request', faults: { failEvery: { n: 1, mode: '500' } }, expect: 'errorRow', message: /HTTP 500/ },
  {
    name: 'connection dropped mid-body',
    faults: { failEvery: { n: 1, mode: 'drop' } },
    expect: 'errorRow',
    message: /could not be reached/,
  },
  {
    name: 'malformed JSON',
    faults: { failEvery: { n: 1, mode: 'malformed' } },
    expect: 'errorRow',
    message: /could not read/,
  },
  {
    name: 'wrong shape',
    faults: { failEvery: { n: 1, mode: 'wrongShape' } },
    expect: 'errorRow',
    message: /could not read/,
  },
];

const KINDS: ListKind[] = ['memories', 'actionItems', 'conversations'];
const results: { fault: string; view: string; passed: boolean }[] = [];

function tail(nodes: readonly ListNode<unknown>[]): ListNode<unknown> | undefined {
  return nodes.at(-1);
}

describe('Fault matrix: every view against a misbehaving server', function () {
  this.timeout(60_000);
  let sandbox: Sandbox;
  let api: OmiExtensionApi;

  before(async () => {
    api = await activateExtension();
    sandbox = await startSandbox({ shortPages: false, memories: 120, actionItems: 120, conversations: 120 });
    await setBaseUrl(sandbox.url);
    await eventually(() => !api.signedIn, 5000, 'signed out for the new server');
    assert.equal(await signIn(sandbox.key), true);
  });

  after(async () => {
    await signOut();
    await setBaseUrl(undefined);
    await sandbox?.close();
    const width = Math.max(...results.map((r) => r.fault.length));
    console.log('\n  Fault matrix (views)');
    for (const r of results)
      console.log(`    ${r.fault.padEnd(width)}  ${r.view.padEnd(13)}  ${r.passed ? 'passed' : 'FAILED'}`);
    const passed = results.filter((r) => r.passed).length;
    console.log(`    ${passed} of ${results.length} cases passed\n`);
  });

  for (const fault of CASES) {
    for (const kind of KINDS) {
      it(`${fault.name}: ${kind}`, async () => {
        const record = { fault: fault.name, view: kind, passed: false };
        results.push(record);
        sandbox.setFaults({ latencyMs: 0, rateLimit: null, failEvery: null });
        api.store.clear();
        const provider = api.views.providers[kind];
        const list = api.store.list(kind);
        await list.loadMore();
        const firstPage = list.items.length;
        assert.ok(firstPage > 0, 'the first page loaded before the fault');
        sandbox.setFaults(fault.faults);
        const loading = list.loadMore();
        const during = tail(provider.getChildren() as ListNode<unknown>[]);
        assert.ok(during?.kind === 'status' && during.status === 'loading', 'a loading row while waiting');
        await loading;
        const after = tail(provider.getChildren() as ListNode<unknown>[]);
        if (fault.expect === 'loaded') {
          assert.equal(list.error, undefined, `no error: ${String(list.error)}`);
          assert.ok(list.items.length > firstPage, 'the next page arrived');
        } else {
          assert.ok(after?.kind === 'status' && after.status === 'error', 'an error row');
          assert.match(describeError(list.error).message, fault.message ?? /./);
          assert.equal(list.items.length, firstPage, 'nothing already loaded was lost');
          assert.equal(list.loading, false, 'no stuck spinner');
          sandbox.setFaults({ latencyMs: 0, rateLimit: null, failEvery: null });
          await api.views.retry(kind);
          assert.equal(list.error, undefined, 'Retry recovers');
          assert.ok(list.items.length > firstPage);
        }
        sandbox.setFaults({ latencyMs: 0, rateLimit: null, failEvery: null });
        record.passed = true;
      });
    }
  }

  it('server gone, then back: a clear message, then Retry recovers', async () => {
    const record = { fault: 'server gone and back', view: 'memories', passed: false };
    results.push(record);
    api.store.clear();
    const list = api.store.list('memories');
    await list.loadMore();
    const port = sandbox.port;
    await sandbox.close();
    await list.loadMore();
    assert.match(describeError(list.error).message, /could not be reached/);
    sandbox = await startSandbox({ port, shortPages: false, memories: 120, actionItems: 120, conversations: 120 });
    await api.views.retry('memories');
    assert.equal(list.error, undefined);
    assert.equal(list.items.length, 100);
    record.passed = true;
  });
});
