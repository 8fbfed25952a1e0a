import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TranscriptPanel } from '../../../src/webviews/transcript/transcriptPanel';
import {
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
  wellAgain,
} from './faultMatrix';
import { eventually, useSignedInSandbox } from './helpers';

const OPTIONS = pinned({ memories: 5, actionItems: 5, conversations: 30, transcriptSegments: { min: 5, max: 40 } });
const AREA = 'transcript panel';

describe('Fault matrix: the transcript panel against a misbehaving server', () => {
  const context = useSignedInSandbox(OPTIONS);
  const rejections = useRejectionWatch();
  let next = 0;

  /** A conversation no earlier case opened: its transcript is not cached, so opening it asks the server. */
  const freshId = () => context.sandbox.data.conversations[next++]!.id;
  const segments = (id: string) =>
    context.sandbox.data.conversations.find((c) => c.id === id)?.transcript_segments.length;

  beforeEach(async () => {
    context.sandbox.setFaults(NO_FAULTS);
    await context.api.transcripts.cache.clear();
  });
  afterEach(async () => {
    await wellAgain(context, OPTIONS);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  /** Opens a conversation as the Conversations view does; the panel says Loading… until it settles. */
  async function open(id: string): Promise<TranscriptPanel> {
    const panel = await vscode.commands.executeCommand<TranscriptPanel>('omi.openConversation', id);
    assert.ok(panel, 'a transcript panel');
    assert.equal(panel.current.type, 'loading', 'Loading… while the server answers');
    await eventually(() => panel.current.type !== 'loading', 20_000, 'the conversation to load or fail');
    return panel;
  }

  function assertShown(panel: TranscriptPanel) {
    const shown = panel.current;
    assert.equal(shown.type, 'show', shown.type === 'error' ? shown.message : 'the conversation is shown');
    const turns = panel.content?.transcript.turns.reduce((sum, t) => sum + t.segments, 0);
    assert.equal(turns, segments(panel.conversationId), 'every segment of the transcript');
  }

  function assertError(panel: TranscriptPanel, message: RegExp) {
    const shown = panel.current;
    assert.ok(shown.type === 'error', 'an error in the panel');
    assert.equal(shown.canRetry, true, 'with a Retry button');
    assertReadable(shown.message);
    assert.match(shown.message, message);
    assert.equal(panel.content, undefined);
  }

  for (const fault of FAULT_CASES) {
    faultCase(AREA, fault.name, async () => {
      context.sandbox.resetRequests();
      context.sandbox.setFaults(fault.faults);
      if (fault.outcome === 'recovers') {
        // One request is one conversation: the fault is met by opening a second one.
        const first = fault.sign ? await open(freshId()) : undefined;
        const started = Date.now();
        const panel = await open(freshId());
        const elapsed = Date.now() - started;
        if (first) assertShown(first);
        assertShown(panel);
        assertFaultMet(context.sandbox, fault, elapsed);
        return;
      }
      const panel = await open(freshId());
      assertError(panel, fault.message!);
      context.sandbox.setFaults(NO_FAULTS);
      await panel.handleMessage({ type: 'retry' });
      assertShown(panel);
    });
  }

  faultCase(AREA, SERVER_GONE, async () => {
    const loaded = await open(freshId());
    assertShown(loaded);
    await goAway(context);
    const panel = await open(freshId());
    assertError(panel, REACH_MESSAGE);
    assertShown(loaded);
    await comeBack(context, OPTIONS);
    await panel.handleMessage({ type: 'retry' });
    assertShown(panel);
  });

  faultCase(AREA, 'no unhandled promise rejection', async () => {
    assertNoRejections(rejections.seen);
  });
});
