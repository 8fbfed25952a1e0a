import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Memory } from '../../../src/api/models';
import type { ExportHooks, ExportOutcome } from '../../../src/export/exporter';
import { resolveExportFolder } from '../../../src/export/exportFolder';
import type { ListNode } from '../../../src/views/nodes';
import { eventually, useSignedInSandbox } from './helpers';
import { MemoryFileSystem } from './memoryFileSystem';

/** A folder of its own for each test, inside the test workspace. */
function freshFolder(name: string): vscode.Uri {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  assert.ok(root, 'the tests run with a workspace folder');
  const folder = vscode.Uri.joinPath(root, 'export-tests', name);
  fs.rmSync(folder.fsPath, { recursive: true, force: true });
  return folder;
}

function hooks(confirmReplace: ExportHooks['confirmReplace'] = async () => assert.fail('nothing to replace')) {
  const cancellation = new vscode.CancellationTokenSource();
  const messages: string[] = [];
  const progress = { report: (value: { message?: string }) => void (value.message && messages.push(value.message)) };
  return { progress, token: cancellation.token, confirmReplace, cancellation, messages };
}

function written(outcome: ExportOutcome): { uri: vscode.Uri; count: number } {
  assert.equal(outcome.status, 'written', `outcome: ${JSON.stringify(outcome)}`);
  return outcome as { status: 'written'; uri: vscode.Uri; count: number };
}

function readJson(uri: vscode.Uri) {
  return JSON.parse(fs.readFileSync(uri.fsPath, 'utf8'));
}

/** Everything in a folder, hidden temporary files included. */
function entries(folder: vscode.Uri): string[] {
  return fs.existsSync(folder.fsPath) ? fs.readdirSync(folder.fsPath).sort() : [];
}

const withoutTranscript = <T extends { transcript_segments?: unknown }>({ transcript_segments: _, ...rest }: T) => rest;

describe('Export: lossless files from the sandbox', () => {
  const context = useSignedInSandbox({ memories: 1300, conversations: 60, actionItems: 150 });
  const date = new Date('2026-11-28T10:50:00Z');
  // A cancelled or failed export keeps its pages for the next run of the same export (exportResume.test.ts covers
  // that): each test here fetches everything it asks for.
  beforeEach(() => context.api.exportCheckpoints.clear());

  it('exports every memory as JSON in pages of 1000, objects and unknown fields untouched, no key', async () => {
    const folder = freshFolder('memories');
    const h = hooks();
    const { uri, count } = written(
      await context.api.exporter.exportList({ kind: 'memories', filters: {}, format: 'json', folder, date }, h),
    );
    assert.equal(path.basename(uri.fsPath), 'omi-memories-2026-11-28T10-50-00.json');
    const text = fs.readFileSync(uri.fsPath, 'utf8');
    const exported = JSON.parse(text);
    const served = context.sandbox.data.memories;
    assert.equal(count, served.length);
    assert.deepEqual(
      { ...exported, items: undefined },
      {
        kind: 'memories',
        exportedAt: date.toISOString(),
        source: context.sandbox.url,
        filters: {},
        count: 1300,
        items: undefined,
      },
    );
    assert.deepEqual(exported.items, served);
    assert.ok(
      served.some((m) => 'app_id' in m || 'data_protection_level' in m),
      'the sandbox serves undocumented fields',
    );
    assert.equal(
      text.replace(/^( {2}"count": \d+,) +\n/m, '$1\n'),
      `${JSON.stringify(exported, null, 2)}\n`,
      'pretty-printed (spaces after the count keep the head one size)',
    );
    assert.ok(!text.includes(context.sandbox.key), 'the API key is not in the export');
    const pages = context.sandbox.requests
      .filter((r) => r.path.endsWith('/user/memories'))
      .map((r) => `${r.query.offset}/${r.query.limit}`);
    assert.deepEqual(pages, ['0/1000', '1000/1000', '2000/1000']);
    assert.deepEqual(entries(folder), ['omi-memories-2026-11-28T10-50-00.json'], 'no temporary files left');
    assert.ok(
      h.messages.some((m) => /^1,000 of ~\? memories$/.test(m)),
      h.messages.join(' | '),
    );
  });

  it('exports the open action items as JSON Lines', async () => {
    const folder = freshFolder('action-items');
    const { uri, count } = written(
      await context.api.exporter.exportList(
        { kind: 'actionItems', filters: { completed: false }, format: 'jsonl', folder, date },
        hooks(),
      ),
    );
    assert.ok(uri.fsPath.endsWith('.jsonl'));
    const lines = fs
      .readFileSync(uri.fsPath, 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    const open = context.sandbox.data.actionItems.filter((a) => !a.completed);
    assert.ok(open.length > 0 && open.length < context.sandbox.data.actionItems.length);
    assert.equal(count, open.length);
    assert.deepEqual(lines, open);
  });

  it('exports conversations with transcripts, reading each transcript once and then from the cache', async () => {
    const folder = freshFolder('conversations');
    const served = context.sandbox.data.conversations;
    context.sandbox.resetRequests();
    const request = {
      kind: 'conversations' as const,
      filters: {},
      includeTranscripts: true,
      format: 'json' as const,
      folder,
    };
    const first = written(await context.api.exporter.exportList({ ...request, date }, hooks()));
    const exported = readJson(first.uri);
    assert.equal(exported.count, served.length);
    assert.deepEqual(exported.filters, { includeTranscript: true });
    assert.deepEqual(exported.items, served, 'every conversation with its transcript');
    const withTranscripts = context.sandbox.requests.filter((r) => r.query.include_transcript === 'true');
    assert.deepEqual(
      withTranscripts.map((r) => `${r.path.replace(/.*\/user/, '')}?${r.query.offset}/${r.query.limit}`),
      ['/conversations?0/25', '/conversations?25/25', '/conversations?50/25'],
      '25 at a time, only where needed',
    );

    context.sandbox.resetRequests();
    const again = written(
      await context.api.exporter.exportList({ ...request, date: new Date(date.getTime() + 1000) }, hooks()),
    );
    assert.deepEqual(readJson(again.uri).items, served);
    assert.deepEqual(
      context.sandbox.requests.filter((r) => r.query.include_transcript === 'true'),
      [],
      'the second export took every transcript from the cache',
    );
  });

  it('exports conversations of a date range without transcripts', async () => {
    const folder = freshFolder('range');
    const served = context.sandbox.data.conversations;
    // Between two conversations' times, so the range holds served[5..20] whatever the server's time precision.
    const between = (a: number, b: number) =>
      new Date((Date.parse(served[a]!.created_at!) + Date.parse(served[b]!.created_at!)) / 2).toISOString();
    const startDate = between(21, 20);
    const endDate = between(5, 4);
    const { uri } = written(
      await context.api.exporter.exportList(
        {
          kind: 'conversations',
          filters: { startDate, endDate },
          includeTranscripts: false,
          format: 'json',
          folder,
          date,
        },
        hooks(),
      ),
    );
    const exported = readJson(uri);
    const expected = served.slice(5, 21).map(withoutTranscript);
    assert.deepEqual(exported.items, expected);
    assert.deepEqual(exported.filters, { startDate, endDate });
  });

  it('leaves no file when cancelled mid-way', async () => {
    const folder = freshFolder('cancelled');
    context.sandbox.setFaults({ latencyMs: 400 });
    try {
      const h = hooks();
      const progress = {
        report: (value: { message?: string }) => {
          // Cancel as soon as the first page is on disk, while the second is on its way.
          if (value.message?.startsWith('1,000')) setTimeout(() => h.cancellation.cancel(), 50);
        },
      };
      const outcome = await context.api.exporter.exportList(
        { kind: 'memories', filters: {}, format: 'json', folder, date },
        { ...h, progress },
      );
      assert.deepEqual(outcome, { status: 'cancelled' });
      assert.deepEqual(entries(folder), [], 'no export and no temporary file');
    } finally {
      context.sandbox.setFaults({ latencyMs: 0 });
    }
  });

  it('completes the file through a rate limit in the middle, showing the wait', async () => {
    const folder = freshFolder('rate-limited');
    context.sandbox.resetRequests();
    context.sandbox.setFaults({ rateLimit: { limit: 2, windowMs: 2000 } });
    try {
      const h = hooks();
      const { uri, count } = written(
        await context.api.exporter.exportList({ kind: 'memories', filters: {}, format: 'json', folder, date }, h),
      );
      assert.equal(count, 1300);
      assert.deepEqual(readJson(uri).items, context.sandbox.data.memories);
      assert.ok(
        context.sandbox.requests.some((r) => r.status === 429),
        'the server did say 429',
      );
      assert.ok(
        h.messages.some((m) => /rate limited, resuming in \d+ s/.test(m)),
        h.messages.join(' | '),
      );
      assert.deepEqual(entries(folder), [path.basename(uri.fsPath)]);
    } finally {
      context.sandbox.setFaults({ rateLimit: null });
    }
  });

  it('leaves no file when the server fails mid-way', async () => {
    const folder = freshFolder('failed');
    // Every 2nd answer is cut-off JSON: the first page arrives, the second cannot be read (and is not retried).
    context.sandbox.setFaults({ failEvery: { n: 2, mode: 'malformed' } });
    try {
      await assert.rejects(
        context.api.exporter.exportList({ kind: 'memories', filters: {}, format: 'json', folder, date }, hooks()),
        (error: { kind?: string }) => error.kind === 'malformed',
      );
      assert.deepEqual(entries(folder), [], 'no export and no temporary file');
    } finally {
      context.sandbox.setFaults({ failEvery: null });
    }
  });

  it('never replaces an existing file without a yes', async () => {
    const folder = freshFolder('existing');
    fs.mkdirSync(folder.fsPath, { recursive: true });
    const existing = path.join(folder.fsPath, 'omi-action-items-2026-11-28T10-50-00.json');
    fs.writeFileSync(existing, 'precious');
    context.sandbox.resetRequests();
    let asked: vscode.Uri | undefined;
    const request = { kind: 'actionItems' as const, filters: {}, format: 'json' as const, folder, date };
    const kept = await context.api.exporter.exportList(
      request,
      hooks(async (target) => {
        asked = target;
        return false;
      }),
    );
    assert.equal(kept.status, 'kept');
    assert.equal(asked?.fsPath, existing);
    assert.equal(fs.readFileSync(existing, 'utf8'), 'precious');
    assert.equal(context.sandbox.requests.filter((r) => r.path.endsWith('/action-items')).length, 0, 'nothing fetched');
    assert.deepEqual(entries(folder), [path.basename(existing)]);

    const replaced = written(
      await context.api.exporter.exportList(
        request,
        hooks(async () => true),
      ),
    );
    assert.equal(replaced.uri.fsPath, existing);
    assert.equal(readJson(replaced.uri).count, 150);
  });

  it('writes through workspace.fs into folders that are not on the local disk', async () => {
    const memory = new MemoryFileSystem();
    const registration = vscode.workspace.registerFileSystemProvider('omi-test-memory', memory);
    try {
      const folder = vscode.Uri.from({ scheme: 'omi-test-memory', path: '/notes/exports' });
      await vscode.workspace.fs.createDirectory(vscode.Uri.from({ scheme: 'omi-test-memory', path: '/notes' }));
      const request = { kind: 'actionItems' as const, filters: {}, format: 'json' as const, folder, date };
      const { uri, count } = written(await context.api.exporter.exportList(request, hooks()));
      assert.equal(uri.toString(), 'omi-test-memory:/notes/exports/omi-action-items-2026-11-28T10-50-00.json');
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      assert.equal(count, 150);
      assert.deepEqual(JSON.parse(text).items, context.sandbox.data.actionItems);
      assert.deepEqual(await vscode.workspace.fs.readDirectory(folder), [
        [path.basename(uri.path), vscode.FileType.File],
      ]);
      assert.equal(memory.renames.length, 1);
      assert.match(
        memory.renames[0]!,
        /^\/notes\/exports\/\.omi-action-items-.*\.tmp → \/notes\/exports\/omi-action-items-/,
      );

      const kept = await context.api.exporter.exportList(
        request,
        hooks(async () => false),
      );
      assert.equal(kept.status, 'kept');
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), text);
    } finally {
      registration.dispose();
    }
  });

  it('runs omi.exportMemories with arguments, asking nothing', async () => {
    const folder = freshFolder('command');
    const args = { format: 'jsonl', folder: folder.fsPath, replace: false };
    const outcome = await vscode.commands.executeCommand<ExportOutcome>('omi.exportMemories', args);
    const { uri, count } = written(outcome);
    assert.equal(count, 1300);
    assert.equal(fs.readFileSync(uri.fsPath, 'utf8').trimEnd().split('\n').length, 1300);
  });

  it('exports a multi-selection from a tree through omi.exportSelection, into omi.export.folder', async () => {
    const provider = context.api.views.providers.memories;
    provider.getChildren();
    await eventually(
      () => provider.currentList?.loading === false && (provider.currentList?.items.length ?? 0) > 0,
      10_000,
    );
    const groups = provider.getChildren().filter((n) => n.kind === 'group');
    const rows: ListNode<Memory>[] = [
      ...provider.getChildren(groups[0]).slice(0, 2),
      provider.getChildren(groups[1])[0]!,
    ];
    const exportFolder = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'omi-export');
    const before = new Set(entries(exportFolder));
    const outcome = await vscode.commands.executeCommand<ExportOutcome>('omi.exportSelection', rows[1], rows);
    const { uri } = written(outcome);
    assert.equal(path.dirname(uri.fsPath), exportFolder.fsPath);
    assert.ok(!before.has(path.basename(uri.fsPath)));
    const exported = readJson(uri);
    const ids = rows.map((row) => (row.kind === 'item' ? row.item.id : ''));
    assert.equal(exported.count, 3);
    assert.deepEqual(exported.filters, { selectedIds: ids });
    assert.deepEqual(
      exported.items,
      ids.map((id) => context.sandbox.data.memories.find((m) => m.id === id)),
    );
  });
});

describe('Export: hostile data stays lossless and inside the folder', () => {
  const context = useSignedInSandbox({ hostile: true, memories: 60, conversations: 30, actionItems: 20 });

  it('writes one safe Markdown note per conversation, all inside the export folder', async () => {
    const parent = freshFolder('hostile');
    const folder = vscode.Uri.joinPath(parent, 'notes');
    const served = context.sandbox.data.conversations;
    assert.ok(
      served.some((c) => c.structured.title === '../../etc/passwd'),
      'a traversal title',
    );
    assert.ok(
      served.some((c) => c.structured.title === 'CON'),
      'a reserved-name title',
    );
    const outcome = written(
      await context.api.exporter.exportList(
        { kind: 'conversations', filters: {}, includeTranscripts: true, format: 'markdown', folder, date: new Date() },
        hooks(),
      ),
    );
    assert.equal(outcome.count, served.length);
    assert.deepEqual(entries(parent), ['notes'], 'nothing written beside the export folder');
    assert.deepEqual(entries(folder), [path.basename(outcome.uri.fsPath)], 'one folder of notes, no temporary folder');
    const notes = fs.readdirSync(outcome.uri.fsPath, { withFileTypes: true });
    assert.equal(notes.length, served.length);
    const ids = new Set<string>();
    for (const note of notes) {
      assert.ok(note.isFile(), `${note.name} is a file, directly in the folder`);
      assert.ok(note.name.endsWith('.md') && !note.name.startsWith('.'));
      // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the point
      assert.doesNotMatch(note.name, /[/\\:*?"<>|\u0000-\u001f]/);
      assert.doesNotMatch(note.name.split('.')[0]!, /^(con|prn|aux|nul|com\d|lpt\d)$/i);
      assert.ok(Buffer.byteLength(note.name) <= 150);
      const text = fs.readFileSync(path.join(outcome.uri.fsPath, note.name), 'utf8');
      const id = /^---\nid: (".*")\n/.exec(text)?.[1];
      assert.ok(id, `${note.name} starts with front matter`);
      ids.add(JSON.parse(id));
    }
    assert.deepEqual([...ids].sort(), served.map((c) => c.id).sort(), 'every conversation, once');
  });

  it('exports hostile memories (markup, a 1 MB memory, nulls) unchanged', async () => {
    const folder = freshFolder('hostile-memories');
    const { uri } = written(
      await context.api.exporter.exportList({ kind: 'memories', filters: {}, format: 'json', folder }, hooks()),
    );
    assert.deepEqual(readJson(uri).items, context.sandbox.data.memories);
    assert.ok(context.sandbox.data.memories.some((m) => m.content.length > 1_000_000));
  });
});

describe('Export: more than 2,000 action items', () => {
  const context = useSignedInSandbox({ memories: 1, conversations: 1, actionItems: 2100 });

  it('exports the 2,000 the server can list and says that some may be missing', async () => {
    const folder = freshFolder('capped');
    const outcome = written(
      await context.api.exporter.exportList({ kind: 'actionItems', filters: {}, format: 'jsonl', folder }, hooks()),
    );
    assert.equal(outcome.count, 2000);
    assert.match((outcome as { notice?: string }).notice ?? '', /at most 2,000 action items/);
    const pages = context.sandbox.requests.filter((r) => r.path.endsWith('/action-items')).map((r) => r.query.offset);
    assert.deepEqual(pages, ['0', '1000'], 'never asks past the cap');

    const openCount = context.sandbox.data.actionItems.filter((a) => !a.completed).length;
    assert.ok(openCount > 1000 && openCount < 1800, `${openCount} open: two pages, the second far from full`);
    const open = written(
      await context.api.exporter.exportList(
        { kind: 'actionItems', filters: { completed: false }, format: 'json', folder },
        hooks(),
      ),
    );
    assert.equal(open.count, openCount);
    assert.equal((open as { notice?: string }).notice, undefined, 'a filter under the cap is complete');
  });
});

describe('Export: where files go', () => {
  const workspace = [{ uri: vscode.Uri.file('/work/notes'), name: 'notes', index: 0 }];

  it('uses omi.export.folder inside the first workspace folder', () => {
    assert.equal(resolveExportFolder('omi-export', workspace)?.fsPath, '/work/notes/omi-export');
    assert.equal(resolveExportFolder(undefined, workspace)?.fsPath, '/work/notes/omi-export');
    assert.equal(resolveExportFolder('exports/omi', workspace)?.fsPath, '/work/notes/exports/omi');
  });

  it('takes an absolute folder as it is, with or without a workspace, and ~ as the home folder', () => {
    assert.equal(resolveExportFolder('/data/omi', workspace)?.fsPath, '/data/omi');
    assert.equal(resolveExportFolder('/data/omi', undefined)?.fsPath, '/data/omi');
    assert.equal(resolveExportFolder('~/omi', undefined)?.fsPath, path.join(os.homedir(), 'omi'));
  });

  it('has no folder for a relative setting when no workspace is open (the commands then ask)', () => {
    assert.equal(resolveExportFolder('omi-export', undefined), undefined);
    assert.equal(resolveExportFolder('omi-export', []), undefined);
  });
});
