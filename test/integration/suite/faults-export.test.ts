import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ActionItem, Conversation, Memory } from '../../../src/api/models';
import { aggregateInsights } from '../../../src/insights/aggregate';
import type { TranscriptPanel } from '../../../src/webviews/transcript/transcriptPanel';
import {
  armAfterFirstPage,
  assertFaultMet,
  assertNoRejections,
  assertReadable,
  comeBack,
  entries,
  FAULT_CASES,
  type FaultCase,
  faultCase,
  freshFolder,
  goAway,
  NO_FAULTS,
  pinned,
  REACH_MESSAGE,
  SERVER_GONE,
  useRejectionWatch,
  useWindowSpy,
  wellAgain,
} from './faultMatrix';
import { eventually, signIn, signOut, useSignedInSandbox } from './helpers';

// Exports ask for the largest pages (1000 memories or action items, 100 conversations, 25 with transcripts), so each
// list here takes one page and the empty page that ends it; with transcripts, two more reads (25 and 5).
const OPTIONS = pinned({ memories: 300, actionItems: 150, conversations: 30, transcriptSegments: { min: 5, max: 20 } });

/** One way to export, run as a user would (a command with arguments, so nothing is asked). */
interface ExportArea {
  name: string;
  /** What the error notification says before describeError's sentence. */
  failure: RegExp;
  /** The notification saying the file was written. */
  success: RegExp;
  /** Failing faults are switched on once the first page is in the temporary file; else before the export starts. */
  midPaging: boolean;
  /** Before each case, with the server well: what makes the export do all its requests, and where it goes. */
  prepare?(folder: vscode.Uri): Promise<void>;
  /** For a fault met on a second request, when the export itself makes one: a request under the fault first. */
  warmUp?(): Promise<void>;
  /** Starts the export into `folder`; the promise is the command's. */
  run(folder: vscode.Uri): Thenable<unknown>;
  /** The folder holds the export and nothing else, with every item the server has. */
  assertComplete(folder: vscode.Uri): void;
}

const withoutTranscript = <T extends { transcript_segments?: unknown }>({ transcript_segments: _, ...rest }: T) => rest;
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('Fault matrix: every export against a misbehaving server', () => {
  const context = useSignedInSandbox(OPTIONS);
  const rejections = useRejectionWatch();
  const spy = useWindowSpy();
  const data = () => context.sandbox.data;

  before(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  after(async () => {
    await vscode.workspace
      .getConfiguration('omi')
      .update('export.folder', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  afterEach(async () => {
    await wellAgain(context, OPTIONS);
    spy.reset();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  /** The single file in the folder, with nothing hidden beside it. */
  function onlyFile(folder: vscode.Uri, pattern: RegExp): string {
    const names = entries(folder);
    assert.equal(names.length, 1, `one file and no temporary one: ${names.join(', ')}`);
    assert.match(names[0]!, pattern);
    return path.join(folder.fsPath, names[0]!);
  }

  function jsonFile(folder: vscode.Uri, kind: string, expected: unknown[]) {
    const file = JSON.parse(fs.readFileSync(onlyFile(folder, new RegExp(`^omi-${kind}-.*\\.json$`)), 'utf8'));
    assert.equal(file.count, expected.length, 'the count in the header');
    assert.deepEqual(file.items, expected, 'every item, as the server sent it');
  }

  function jsonLinesFile(folder: vscode.Uri, kind: string, expected: unknown[]) {
    const text = fs.readFileSync(onlyFile(folder, new RegExp(`^omi-${kind}-.*\\.jsonl$`)), 'utf8');
    const lines = text.trimEnd().split('\n');
    assert.equal(lines.length, expected.length, 'one line per item');
    assert.deepEqual(
      lines.map((line) => JSON.parse(line)),
      expected,
    );
  }

  const listExport = (
    name: string,
    command: string,
    noun: string,
    args: Record<string, unknown>,
    assertComplete: (folder: vscode.Uri) => void,
    prepare?: () => Promise<void>,
  ): ExportArea => ({
    name,
    failure: new RegExp(`^The export of ${noun} failed and wrote nothing\\. `),
    success: new RegExp(`^Exported [\\d,]+ ${noun} to `),
    midPaging: true,
    prepare,
    run: (folder) => vscode.commands.executeCommand(command, { ...args, folder: folder.fsPath, replace: false }),
    assertComplete,
  });

  // Transcripts already cached cost no request: start each case without them.
  const forgetTranscripts = () => context.api.transcripts.cache.clear();

  async function useExportFolder(folder: vscode.Uri): Promise<void> {
    const root = vscode.workspace.workspaceFolders![0]!.uri;
    const relative = path.relative(root.fsPath, folder.fsPath);
    const configuration = () => vscode.workspace.getConfiguration('omi');
    await configuration().update('export.folder', relative, vscode.ConfigurationTarget.Global);
    await eventually(() => configuration().get('export.folder') === relative, 5000, 'the export folder setting');
  }

  async function openSettled(id: string): Promise<TranscriptPanel> {
    const panel = await vscode.commands.executeCommand<TranscriptPanel>('omi.openConversation', id);
    assert.ok(panel, 'a transcript panel');
    await eventually(() => panel.current.type !== 'loading', 20_000, 'the conversation to load or fail');
    return panel;
  }

  // The single-conversation export writes what the panel loaded: the faults meet the panel's one request.
  let conversationIndex = 0;
  let conversationId = '';
  const oneConversation: ExportArea = {
    name: 'one conversation (panel)',
    failure: /^Omi: The conversation did not load, so it cannot be exported yet\. /,
    success: /^Exported the conversation to /,
    midPaging: false,
    prepare: async (folder) => {
      await useExportFolder(folder);
      await forgetTranscripts();
      conversationId = data().conversations[conversationIndex++ % data().conversations.length]!.id;
    },
    warmUp: async () => {
      const other = data().conversations.find((c) => c.id !== conversationId)!.id;
      const panel = await openSettled(other);
      assert.equal(panel.current.type, 'show', 'the first conversation loaded');
    },
    run: async () => {
      await openSettled(conversationId);
      return vscode.commands.executeCommand('omi.transcript.export', conversationId);
    },
    assertComplete: (folder) => {
      const file = JSON.parse(fs.readFileSync(onlyFile(folder, /^omi-conversation-.*\.json$/), 'utf8'));
      const served = data().conversations.find((c) => c.id === conversationId);
      assert.equal(file.count, 1);
      assert.deepEqual(file.items, [asJson(served)], 'the conversation with its whole transcript');
    },
  };

  const insights: ExportArea = {
    name: 'insights',
    failure: /^Could not export Omi insights\. /,
    success: /^Omi insights exported to /,
    midPaging: true,
    // A new sign-in: Insights holds no list yet, so exporting fetches all three.
    prepare: async (folder) => {
      await useExportFolder(folder);
      await signOut();
      assert.equal(await signIn(context.sandbox.key), true);
    },
    run: () => vscode.commands.executeCommand('omi.exportInsights', 'all'),
    assertComplete: (folder) => {
      const file = JSON.parse(fs.readFileSync(onlyFile(folder, /^omi-insights-.*\.json$/), 'utf8'));
      const raw = {
        memories: data().memories as unknown as Memory[],
        conversations: data().conversations as unknown as Conversation[],
        actionItems: data().actionItems as unknown as ActionItem[],
        actionItemsCapped: false,
      };
      assert.deepEqual(file.insights, asJson(aggregateInsights(raw, 'all', new Date(file.insights.generatedAt))));
    },
  };

  const AREAS: ExportArea[] = [
    listExport('memories JSON', 'omi.exportMemories', 'memories', { format: 'json' }, (folder) =>
      jsonFile(folder, 'memories', data().memories),
    ),
    listExport('memories JSON Lines', 'omi.exportMemories', 'memories', { format: 'jsonl' }, (folder) =>
      jsonLinesFile(folder, 'memories', data().memories),
    ),
    listExport('action items JSON', 'omi.exportActionItems', 'action items', { format: 'json' }, (folder) =>
      jsonFile(folder, 'action-items', data().actionItems),
    ),
    listExport(
      'conversations JSON',
      'omi.exportConversations',
      'conversations',
      { format: 'json', includeTranscripts: false },
      (folder) => jsonFile(folder, 'conversations', data().conversations.map(withoutTranscript)),
    ),
    listExport(
      'conversations JSON + transcripts',
      'omi.exportConversations',
      'conversations',
      { format: 'json', includeTranscripts: true },
      (folder) => jsonFile(folder, 'conversations', data().conversations),
      forgetTranscripts,
    ),
    listExport(
      'conversations Markdown folder',
      'omi.exportConversations',
      'conversations',
      { format: 'markdown', includeTranscripts: true },
      (folder) => {
        const notes = onlyFile(folder, /^omi-conversations-[^.]+$/);
        const ids = fs.readdirSync(notes).map((name) => {
          assert.ok(name.endsWith('.md'), name);
          const text = fs.readFileSync(path.join(notes, name), 'utf8');
          assert.match(text, /\n## Transcript\n/, `${name} holds the transcript`);
          return JSON.parse(/^---\nid: (".*")\n/.exec(text)?.[1] ?? '""');
        });
        assert.deepEqual(
          ids.sort(),
          data()
            .conversations.map((c) => c.id)
            .sort(),
          'one note per conversation',
        );
      },
      forgetTranscripts,
    ),
    oneConversation,
    insights,
  ];

  /** The export fails with a readable sentence offering Retry, leaves nothing behind, and Retry completes it. */
  async function failsThenRetries(
    area: ExportArea,
    folder: vscode.Uri,
    expected: RegExp,
    breakIt: () => void,
    heal: () => Promise<void>,
  ) {
    spy.reset();
    const arming = area.midPaging ? armAfterFirstPage(spy, breakIt) : undefined;
    if (!arming) breakIt();
    const running = Promise.resolve(area.run(folder));
    await eventually(() => spy.of('error').length > 0, 30_000, 'the error notification');
    arming?.stop();
    if (arming) assert.ok(arming.armed, 'the fault struck after the first page was written');
    const [shown] = spy.of('error');
    assertReadable(shown!.text);
    assert.match(shown!.text, area.failure);
    assert.match(shown!.text.replace(area.failure, ''), expected);
    assert.deepEqual(shown!.items, ['Retry'], 'a way forward: Retry');
    assert.equal(spy.of('error').length, 1, 'one message');
    assert.deepEqual(entries(folder), [], 'no export file and no temporary file');
    assert.equal(spy.of('information').filter((m) => area.success.test(m.text)).length, 0, 'no claim of success');
    spy.assertNothingSpinning();

    await heal();
    shown!.choose('Retry');
    await running;
    await eventually(
      () => spy.of('information').some((m) => area.success.test(m.text)),
      30_000,
      'Retry to write the export',
    );
    area.assertComplete(folder);
    spy.assertNothingSpinning();
  }

  function recovers(area: ExportArea, fault: FaultCase) {
    return async () => {
      const folder = freshFolder('export', area.name, fault.name);
      await area.prepare?.(folder);
      context.sandbox.resetRequests();
      context.sandbox.setFaults(fault.faults);
      if (fault.sign && area.warmUp) await area.warmUp();
      const started = Date.now();
      await area.run(folder);
      const elapsed = Date.now() - started;
      context.sandbox.setFaults(NO_FAULTS);
      assert.deepEqual(
        spy.of('error').map((m) => m.text),
        [],
        'no error shown',
      );
      assert.ok(
        spy.of('information').some((m) => area.success.test(m.text)),
        'the export says it was written',
      );
      area.assertComplete(folder);
      spy.assertNothingSpinning();
      assert.ok(
        spy.progress.every((p) => p.cancellable),
        'every progress notification can be cancelled',
      );
      assertFaultMet(context.sandbox, fault, elapsed);
    };
  }

  for (const area of AREAS) {
    for (const fault of FAULT_CASES) {
      faultCase(
        area.name,
        fault.name,
        fault.outcome === 'recovers'
          ? recovers(area, fault)
          : async () => {
              const folder = freshFolder('export', area.name, fault.name);
              await area.prepare?.(folder);
              await failsThenRetries(
                area,
                folder,
                fault.message!,
                () => context.sandbox.setFaults(fault.faults),
                async () => context.sandbox.setFaults(NO_FAULTS),
              );
            },
      );
    }
    faultCase(area.name, SERVER_GONE, async () => {
      const folder = freshFolder('export', area.name, 'gone');
      await area.prepare?.(folder);
      let gone: Promise<void> | undefined;
      await failsThenRetries(
        area,
        folder,
        REACH_MESSAGE,
        () => {
          gone = goAway(context);
        },
        async () => {
          assert.ok(gone, 'the server went away');
          await gone;
          await comeBack(context, OPTIONS);
        },
      );
    });
  }

  faultCase('exports', 'no unhandled promise rejection', async () => {
    assertNoRejections(rejections.seen);
  });
});
