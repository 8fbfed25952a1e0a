import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SandboxRequest } from '../../../src/sandbox';
import {
  comeBack,
  entries,
  freshFolder,
  goAway,
  NO_FAULTS,
  pinned,
  REACH_MESSAGE,
  useWindowSpy,
  wellAgain,
} from './faultMatrix';
import { eventually, signIn, signOut, useSignedInSandbox } from './helpers';

// 4,500 memories take five pages of 1,000 and the empty page that ends the list; 250 conversations take three pages of
// 100 (and, with transcripts, ten lists of 25).
const OPTIONS = pinned({
  memories: 4500,
  actionItems: 10,
  conversations: 250,
  transcriptSegments: { min: 2, max: 4 },
});
const MEMORY_PAGES = ['0', '1000', '2000', '3000', '4000', '5000'];
const FAILED = /^The export of (memories|conversations) failed and wrote nothing\. /;
const CONTINUING = /^Continuing: ([\d,]+) of ~[\d,?]+ (memories|conversations) already fetched$/;

const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/** The offsets asked for by an export's memory pages (the views ask for smaller ones). */
function memoryPages(requests: readonly SandboxRequest[], which: 'all' | 'answered' | 'refused' = 'all'): string[] {
  return requests
    .filter((r) => r.path.endsWith('/user/memories') && r.query.limit === '1000')
    .filter((r) => which === 'all' || (r.status === 200) === (which === 'answered'))
    .map((r) => r.query.offset ?? '0');
}

describe('Export: Retry continues where a failed or cancelled export stopped (issue 14)', () => {
  const context = useSignedInSandbox(OPTIONS);
  const spy = useWindowSpy();
  const data = () => context.sandbox.data;
  const checkpointFolder = () => context.api.exportCheckpoints.directory;
  /** Every file the checkpoints hold: a manifest and a body for each. */
  const checkpointFiles = (): string[] =>
    fs.existsSync(checkpointFolder())
      ? fs
          .readdirSync(checkpointFolder(), { recursive: true, encoding: 'utf8' })
          .filter((name) => fs.statSync(path.join(checkpointFolder(), name)).isFile())
      : [];

  beforeEach(async () => {
    await context.api.store.clearPersistent();
    spy.reset();
    context.sandbox.resetRequests();
  });
  afterEach(async () => {
    await wellAgain(context, OPTIONS);
    spy.reset();
  });

  const exportMemories = (folder: vscode.Uri, args: Record<string, unknown> = {}) =>
    vscode.commands.executeCommand('omi.exportMemories', { format: 'json', folder: folder.fsPath, ...args });

  /** Calls `act` once, from inside the progress report, when the export has written `count` items. */
  function whenWritten(count: number, act: () => void): { readonly done: boolean; stop(): void } {
    let done = false;
    const stop = spy.onProgress((message) => {
      const written = Number(/^([\d,]+) of /.exec(message)?.[1]?.replace(/,/g, '') ?? 0);
      if (!done && written >= count) {
        done = true;
        act();
      }
    });
    return {
      get done() {
        return done;
      },
      stop,
    };
  }

  /** The only file in the folder, with nothing hidden beside it: every memory, as the server sent it. */
  function assertAllMemories(folder: vscode.Uri): void {
    const names = entries(folder);
    assert.equal(names.length, 1, `one file and no temporary one: ${names.join(', ')}`);
    assert.match(names[0]!, /^omi-memories-.*\.json$/);
    const file = JSON.parse(fs.readFileSync(path.join(folder.fsPath, names[0]!), 'utf8'));
    assert.equal(file.count, 4500);
    assert.deepEqual(file.items, asJson(data().memories), 'every memory once, in order, unknown fields kept');
  }

  /** Waits for the failure notification and checks that nothing reached the export folder. */
  async function failed(folder: vscode.Uri, reason: RegExp) {
    await eventually(() => spy.of('error').length > 0, 60_000, 'the error notification');
    const [shown] = spy.of('error');
    assert.match(shown!.text, FAILED);
    assert.match(shown!.text.replace(FAILED, ''), reason);
    assert.deepEqual(shown!.items, ['Retry']);
    assert.deepEqual(entries(folder), [], 'no export file and no temporary file');
    return shown!;
  }

  async function retried(shown: { choose(item: string): void }) {
    spy.progress.length = 0;
    shown.choose('Retry');
    await eventually(
      () => spy.of('information').some((m) => /^Exported 4,500 memories to /.test(m.text)),
      60_000,
      'Retry to write the export',
    );
  }

  const continuedFrom = (): string[] =>
    spy.progress.flatMap((p) => p.messages).flatMap((m) => CONTINUING.exec(m)?.[1] ?? []);

  it('the server fails after page 3: Retry fetches only the pages not yet fetched', async function () {
    this.timeout(120_000);
    const folder = freshFolder('export-resume', 'server-error');
    const breaking = whenWritten(3000, () => context.sandbox.setFaults({ failEvery: { n: 1, mode: '500' } }));
    void exportMemories(folder);
    const shown = await failed(folder, /HTTP 500/);
    breaking.stop();
    assert.ok(breaking.done, 'the server broke after the third page');
    assert.ok(checkpointFiles().length > 0, 'what was fetched is kept, outside the export folder');

    context.sandbox.setFaults(NO_FAULTS);
    await retried(shown);
    assertAllMemories(folder);
    assert.deepEqual([...new Set(continuedFrom())], ['3,000'], 'the progress says it continues');
    // The pages needed, each answered once, plus the one that failed (as often as the client tried it).
    assert.deepEqual(memoryPages(context.sandbox.requests, 'answered'), MEMORY_PAGES, 'each page needed, once');
    const refused = memoryPages(context.sandbox.requests, 'refused');
    assert.ok(refused.length >= 1, 'the page that failed was asked for');
    assert.deepEqual(new Set(refused), new Set(['3000']), 'and nothing else');
    assert.deepEqual(checkpointFiles(), [], 'the checkpoint is gone once the file is written');
  });

  it('the server goes away after page 3: Retry, once it is back, asks it only for the rest', async function () {
    this.timeout(120_000);
    const folder = freshFolder('export-resume', 'server-gone');
    const first = context.sandbox;
    let gone: Promise<void> | undefined;
    const breaking = whenWritten(3000, () => {
      gone = goAway(context);
    });
    void exportMemories(folder);
    const shown = await failed(folder, REACH_MESSAGE);
    breaking.stop();
    await gone;
    await comeBack(context, OPTIONS);

    await retried(shown);
    assertAllMemories(folder);
    assert.deepEqual(memoryPages(first.requests), ['0', '1000', '2000'], 'before it went');
    assert.deepEqual(memoryPages(context.sandbox.requests), ['3000', '4000', '5000'], 'after it came back');
  });

  it('a cancelled export continues when run again; another filter starts fresh and leaves it be', async function () {
    this.timeout(120_000);
    const folder = freshFolder('export-resume', 'cancelled');
    const cancellation = new vscode.CancellationTokenSource();
    const messages: string[] = [];
    const hooks = (token: vscode.CancellationToken) => ({
      progress: { report: (value: { message?: string }) => void (value.message && messages.push(value.message)) },
      token,
      confirmReplace: async () => assert.fail('nothing to replace'),
    });
    const cancelling = hooks(cancellation.token);
    const report = cancelling.progress.report;
    cancelling.progress.report = (value) => {
      report(value);
      if (value.message?.startsWith('2,000 of')) cancellation.cancel();
    };
    const all = { kind: 'memories', filters: {}, format: 'json', folder } as const;
    assert.deepEqual(await context.api.exporter.exportList(all, cancelling), { status: 'cancelled' });
    assert.deepEqual(entries(folder), [], 'nothing written');
    assert.deepEqual(memoryPages(context.sandbox.requests), ['0', '1000']);

    context.sandbox.resetRequests();
    const work = { ...all, filters: { categories: ['work'] } };
    const filtered = await context.api.exporter.exportList(work, hooks(new vscode.CancellationTokenSource().token));
    assert.equal(filtered.status, 'written');
    assert.equal(memoryPages(context.sandbox.requests)[0], '0', 'another filter starts from the first page');
    assert.ok(!messages.some((m) => CONTINUING.test(m)), 'and does not claim to continue');
    fs.rmSync(folder.fsPath, { recursive: true, force: true });

    context.sandbox.resetRequests();
    messages.length = 0;
    const resumed = await context.api.exporter.exportList(all, hooks(new vscode.CancellationTokenSource().token));
    assert.equal(resumed.status, 'written');
    assert.deepEqual(memoryPages(context.sandbox.requests), ['2000', '3000', '4000', '5000']);
    assert.equal(messages[0], 'Continuing: 2,000 of ~? memories already fetched');
    assertAllMemories(folder);
  });

  it('a checkpoint older than an hour is ignored: the export starts over', async function () {
    this.timeout(120_000);
    const folder = freshFolder('export-resume', 'old');
    const cancellation = new vscode.CancellationTokenSource();
    const hooks = {
      progress: {
        report: (value: { message?: string }) => value.message?.startsWith('1,000') && cancellation.cancel(),
      },
      token: cancellation.token,
      confirmReplace: async () => false,
    };
    const request = { kind: 'memories', filters: {}, format: 'jsonl', folder } as const;
    assert.equal((await context.api.exporter.exportList(request, hooks)).status, 'cancelled');
    const [manifest] = checkpointFiles().filter((name) => name.endsWith('manifest.json'));
    assert.ok(manifest, 'a checkpoint was kept');
    const file = path.join(checkpointFolder(), manifest);
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000).toISOString();
    fs.writeFileSync(file, JSON.stringify({ ...JSON.parse(fs.readFileSync(file, 'utf8')), savedAt: twoHoursAgo }));

    context.sandbox.resetRequests();
    const fresh = { ...hooks, token: new vscode.CancellationTokenSource().token, progress: { report: () => {} } };
    assert.equal((await context.api.exporter.exportList(request, fresh)).status, 'written');
    assert.deepEqual(memoryPages(context.sandbox.requests), MEMORY_PAGES, 'every page again');
  });

  it('Clear Cache and sign-out delete what unfinished exports kept, which never holds the key', async function () {
    this.timeout(120_000);
    const folder = freshFolder('export-resume', 'forget');
    const keep = async () => {
      const cancellation = new vscode.CancellationTokenSource();
      const hooks = {
        progress: { report: (v: { message?: string }) => v.message?.startsWith('1,000') && cancellation.cancel() },
        token: cancellation.token,
        confirmReplace: async () => false,
      };
      const request = { kind: 'memories', filters: {}, format: 'json', folder } as const;
      assert.equal((await context.api.exporter.exportList(request, hooks)).status, 'cancelled');
      assert.ok(checkpointFiles().length >= 2, 'a body and the manifest are kept');
    };
    await keep();
    for (const name of checkpointFiles()) {
      assert.ok(!name.includes(context.sandbox.key));
      const text = fs.readFileSync(path.join(checkpointFolder(), name), 'utf8');
      assert.ok(!text.includes(context.sandbox.key), `${name} holds no key`);
    }
    await vscode.commands.executeCommand('omi.clearCache');
    assert.deepEqual(checkpointFiles(), [], 'Clear Cache');

    await keep();
    await signOut();
    assert.deepEqual(checkpointFiles(), [], 'sign-out');
    assert.equal(await signIn(context.sandbox.key), true);
  });

  it('a resumed export with transcripts reads none of the kept transcripts again', async function () {
    this.timeout(120_000);
    const folder = freshFolder('export-resume', 'transcripts');
    let gone: Promise<void> | undefined;
    const breaking = whenWritten(100, () => {
      gone = goAway(context);
    });
    void vscode.commands.executeCommand('omi.exportConversations', {
      format: 'json',
      includeTranscripts: true,
      folder: folder.fsPath,
    });
    const shown = await failed(folder, REACH_MESSAGE);
    breaking.stop();
    await gone;
    // Not even the transcript cache is needed: the kept pages hold the transcripts.
    await context.api.transcripts.cache.clear();
    await comeBack(context, OPTIONS);

    shown.choose('Retry');
    await eventually(
      () => spy.of('information').some((m) => /^Exported 250 conversations to /.test(m.text)),
      60_000,
      'Retry to write the export',
    );
    const names = entries(folder);
    assert.equal(names.length, 1, names.join(', '));
    const file = JSON.parse(fs.readFileSync(path.join(folder.fsPath, names[0]!), 'utf8'));
    assert.deepEqual(file.items, asJson(data().conversations), 'every conversation with its whole transcript');
    const asked = context.sandbox.requests
      .filter((r) => r.path.includes('/user/conversations'))
      .map((r) => Number(r.query.offset ?? 0));
    assert.ok(asked.length > 0 && Math.min(...asked) >= 100, `nothing before offset 100 again: ${asked.join(', ')}`);
  });

  it('a cancelled Markdown export continues from the notes it kept, and a JSON Lines one from its body', async function () {
    this.timeout(120_000);
    for (const format of ['markdown', 'jsonl'] as const) {
      const folder = freshFolder('export-resume', `cancelled-${format}`);
      const cancellation = new vscode.CancellationTokenSource();
      const request = { kind: 'conversations', filters: {}, includeTranscripts: true, format, folder } as const;
      const hooks = (token: vscode.CancellationToken, stopAt?: string) => ({
        progress: {
          report: (value: { message?: string }) => {
            if (stopAt && value.message?.startsWith(stopAt)) cancellation.cancel();
          },
        },
        token,
        confirmReplace: async () => assert.fail('nothing to replace'),
      });
      context.sandbox.resetRequests();
      const first = await context.api.exporter.exportList(request, hooks(cancellation.token, '120 of'));
      assert.deepEqual(first, { status: 'cancelled' }, format);
      assert.deepEqual(entries(folder), [], `${format}: nothing written`);
      await context.api.transcripts.cache.clear();

      context.sandbox.resetRequests();
      const resumed = await context.api.exporter.exportList(request, hooks(new vscode.CancellationTokenSource().token));
      assert.equal(resumed.status, 'written', format);
      const asked = context.sandbox.requests
        .filter((r) => r.path.includes('/user/conversations'))
        .map((r) => Number(r.query.offset ?? 0));
      assert.ok(Math.min(...asked) >= 100, `${format}: nothing before offset 100 again: ${asked.join(', ')}`);
      const [name] = entries(folder);
      assert.equal(entries(folder).length, 1, `${format}: ${entries(folder).join(', ')}`);
      const written = path.join(folder.fsPath, name!);
      if (format === 'markdown') {
        assert.equal(fs.readdirSync(written).length, 250, 'a note for every conversation');
      } else {
        const lines = fs.readFileSync(written, 'utf8').trimEnd().split('\n');
        assert.deepEqual(
          lines.map((line) => JSON.parse(line)),
          asJson(data().conversations),
          'every conversation once, in order, with its transcript',
        );
      }
    }
    assert.deepEqual(checkpointFiles(), [], 'nothing kept once written');
  });
});
