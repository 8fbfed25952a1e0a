import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ActionItem, Conversation, Memory } from '../../../src/api/models';
import { aggregateInsights } from '../../../src/insights/aggregate';
import type { InsightsPanel } from '../../../src/webviews/insights/insightsPanel';
import {
  armAfterFirstPage,
  assertFaultMet,
  assertNoRejections,
  assertReadable,
  comeBack,
  FAULT_CASES,
  faultCase,
  goAway,
  NO_FAULTS,
  pinned,
  REACH_MESSAGE,
  SERVER_GONE,
  useRejectionWatch,
  useWindowSpy,
  wellAgain,
} from './faultMatrix';
import { useSignedInSandbox } from './helpers';

// Insights pages every list in the largest pages: one full page and the empty one that ends it, per list.
const OPTIONS = pinned({ memories: 300, actionItems: 150, conversations: 60 });
const AREA = 'insights panel';

describe('Fault matrix: the insights panel against a misbehaving server', () => {
  const context = useSignedInSandbox(OPTIONS);
  const rejections = useRejectionWatch();
  const spy = useWindowSpy();
  let panel: InsightsPanel;

  before(async () => {
    panel = (await vscode.commands.executeCommand('omi.showInsights')) as InsightsPanel;
    await panel.settled();
    assertShowsTheData();
  });
  after(() => panel?.dispose());
  afterEach(async () => {
    await wellAgain(context, OPTIONS);
    spy.reset();
  });

  /** The charts' numbers are those of everything the server has; no error, no spinner. */
  function assertShowsTheData() {
    const state = panel.current;
    assert.equal(state.error, undefined, `no error: ${state.error}`);
    assert.equal(state.loading, undefined, 'no spinner');
    const data = state.data;
    assert.ok(data, 'the panel shows data');
    const raw = {
      memories: context.sandbox.data.memories as unknown as Memory[],
      conversations: context.sandbox.data.conversations as unknown as Conversation[],
      actionItems: context.sandbox.data.actionItems as unknown as ActionItem[],
      actionItemsCapped: false,
    };
    assert.deepEqual(data, aggregateInsights(raw, data.range, new Date(data.generatedAt)));
  }

  /** Refresh, the toolbar button: fetches everything again. */
  async function refresh() {
    await panel.receive({ type: 'refresh' });
    await panel.settled();
    spy.assertNothingSpinning();
  }

  /** The status line shows the error; the charts from before stay; Refresh is enabled (not loading, signed in). */
  async function failsThenRecovers(expected: RegExp, breakIt: () => void, heal: () => Promise<void>) {
    const before = panel.current.data;
    const arming = armAfterFirstPage(spy, breakIt);
    await refresh();
    arming.stop();
    assert.ok(arming.armed, 'the fault struck after the first page arrived');
    const state = panel.current;
    assert.ok(state.error, 'an error in the status line');
    assertReadable(state.error);
    assert.match(state.error, expected);
    assert.equal(state.loading, undefined, 'no spinner: Refresh is enabled again');
    assert.equal(state.signedIn, true);
    assert.equal(state.data, before, 'the charts already shown stay');
    await heal();
    await refresh();
    assertShowsTheData();
    assert.notEqual(panel.current.data, before, 'fresh numbers');
  }

  for (const fault of FAULT_CASES) {
    faultCase(AREA, fault.name, async () => {
      if (fault.outcome === 'fails') {
        await failsThenRecovers(
          fault.message!,
          () => context.sandbox.setFaults(fault.faults),
          async () => context.sandbox.setFaults(NO_FAULTS),
        );
        return;
      }
      context.sandbox.resetRequests();
      context.sandbox.setFaults(fault.faults);
      const started = Date.now();
      await refresh();
      const elapsed = Date.now() - started;
      assertShowsTheData();
      assert.ok(
        spy.progress.every((p) => p.cancellable),
        'the progress notification can be cancelled',
      );
      assertFaultMet(context.sandbox, fault, elapsed);
    });
  }

  faultCase(AREA, SERVER_GONE, async () => {
    let gone: Promise<void> | undefined;
    await failsThenRecovers(
      REACH_MESSAGE,
      () => {
        gone = goAway(context);
      },
      async () => {
        await gone;
        await comeBack(context, OPTIONS);
      },
    );
  });

  faultCase(AREA, 'no unhandled promise rejection', async () => {
    assertNoRejections(rejections.seen);
  });
});
