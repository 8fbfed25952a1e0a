import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Conversation } from '../../../src/api/models';
import { omiChatHandler } from '../../../src/ask/chatParticipant';
import type { GroupNode, ListNode } from '../../../src/views/nodes';
import { useWindowSpy } from './faultMatrix';
import { eventually, useSignedInSandbox } from './helpers';
import { withPrompts } from './prompts';

const TEMPLATE = '# {emoji} {date}\n\n{headline}\n\n{stats}\n\n{highlights}';

describe('Daily summaries: Omi: Open Daily Summary…, Insert into editor, and the day groups’ links', () => {
  const context = useSignedInSandbox({ conversations: 40, memories: 30, actionItems: 20 });
  const spy = useWindowSpy();
  afterEach(() => spy.reset());
  after(async () => {
    context.api.dailySummary.panel()?.dispose();
    await vscode.workspace
      .getConfiguration('omi.insert')
      .update('dailySummaryTemplate', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('picks a day, newest first, and shows its headline, overview, numbers, highlights, action items and nuggets', async () => {
    const summaries = context.sandbox.data.dailySummaries;
    const target = summaries.find((s) => s.highlights.length > 1 && s.knowledge_nuggets.length > 0) ?? summaries[1]!;
    const offered: string[] = [];
    const shown = await withPrompts(
      [
        {
          pick: (item) => {
            offered.push((item.summary as { id: string } | undefined)?.id ?? String(item.label));
            return (item.summary as { id: string } | undefined)?.id === target.id;
          },
        },
      ],
      () => vscode.commands.executeCommand<string>('omi.openDailySummary'),
    );
    assert.equal(shown, target.id);
    assert.deepEqual(
      offered,
      summaries.slice(0, offered.length).map((s) => s.id),
      'the days are offered newest first',
    );
    const list = context.sandbox.requests.find((r) => r.path === '/v1/dev/user/daily-summaries');
    assert.equal(list?.query.limit, '100', 'the largest page the endpoint allows');
    const panel = context.api.dailySummary.panel();
    assert.ok(panel, 'the Daily Summary panel is open');
    const state = panel.state;
    assert.equal(state.status, 'ready', state.error);
    const summary = state.summary!;
    assert.equal(summary.date, target.date);
    assert.equal(summary.headline, target.headline);
    assert.equal(summary.overview, target.overview);
    assert.deepEqual(
      summary.stats.map((s) => s.value),
      [String(target.stats.total_conversations), summary.stats[1]!.value, String(target.stats.action_items_count)],
    );
    assert.match(summary.stats[1]!.value, /\d+ (min|h)/);
    assert.deepEqual(
      summary.highlights.map((h) => h.topic),
      target.highlights.map((h) => h.topic),
    );
    assert.deepEqual(
      summary.actionItems.map((a) => a.description),
      target.action_items.map((a) => a.description),
    );
    assert.deepEqual(
      summary.nuggets.map((n) => n.insight),
      target.knowledge_nuggets.map((n) => n.insight),
    );
    assert.ok(!JSON.stringify(state).includes(context.sandbox.key), 'the key is not in the panel');
    // The page shows it as text under the panels' CSP.
    const html = panel.panel.webview.html;
    assert.match(html, /default-src 'none'/);
    assert.match(html, /dailySummary\.js/);
  });

  it('opening the same day again asks Omi nothing new (cached)', async () => {
    const id = context.api.dailySummary.panel()!.state.summary!.id;
    context.sandbox.resetRequests();
    await vscode.commands.executeCommand('omi.openDailySummary', id);
    assert.deepEqual(
      context.sandbox.requests.map((r) => r.path),
      [],
      'the list and the summary came from the cache',
    );
  });

  it('comes back after a reload showing the day it showed, and ignores a saved state not its own', async () => {
    const before = context.api.dailySummary.panel()!;
    const { id, date, summary } = before.state;
    before.dispose();
    const restore = async (state: unknown) => {
      const webviewPanel = vscode.window.createWebviewPanel('omi.dailySummary', 'Omi', vscode.ViewColumn.Active, {});
      let disposed = false;
      webviewPanel.onDidDispose(() => {
        disposed = true;
      });
      await context.api.dailySummary.serializer.deserializeWebviewPanel(webviewPanel, state);
      return { webviewPanel, disposed: () => disposed };
    };

    const restored = await restore({ id, date });
    const panel = context.api.dailySummary.panel();
    assert.equal(panel?.panel, restored.webviewPanel, 'the restored panel is the Daily Summary panel');
    assert.equal(panel.state.status, 'ready', panel.state.error);
    assert.deepEqual(panel.state.summary, summary, 'the same day, in full');
    assert.equal(panel.panel.webview.options.enableScripts, true);
    assert.match(panel.panel.webview.options.localResourceRoots![0]!.path, /\/dist\/webview$/);
    assert.match(panel.panel.webview.html, /dailySummary\.js/);
    panel.dispose();

    for (const state of [undefined, {}, { id, date: 'yesterday' }, { id: 7, date }, { id: '', date }]) {
      const ignored = await restore(state);
      assert.ok(ignored.disposed(), `closed: ${JSON.stringify(state)}`);
      assert.equal(context.api.dailySummary.panel(), undefined);
    }
  });

  it('a restored day Omi cannot send says why, and loads when retried', async () => {
    const target = context.sandbox.data.dailySummaries[2]!;
    context.sandbox.setFaults({ failEvery: { n: 1, mode: 'malformed' } });
    const webviewPanel = vscode.window.createWebviewPanel('omi.dailySummary', 'Omi', vscode.ViewColumn.Active, {});
    try {
      await context.api.dailySummary.serializer.deserializeWebviewPanel(webviewPanel, {
        id: target.id,
        date: target.date,
      });
    } finally {
      context.sandbox.setFaults({ failEvery: null });
    }
    const panel = context.api.dailySummary.panel()!;
    assert.equal(panel.state.status, 'failed');
    assert.equal(panel.state.date, target.date);
    assert.ok(panel.state.error && !panel.state.error.includes('{'), `one sentence: ${panel.state.error}`);
    panel.receive({ type: 'retry' });
    await eventually(() => panel.state.status === 'ready', 10_000, 'the day to load on Retry');
    assert.equal(panel.state.summary?.headline, target.headline);
  });

  it('Insert into editor writes the summary at the cursor with omi.insert.dailySummaryTemplate', async () => {
    await vscode.workspace
      .getConfiguration('omi.insert')
      .update('dailySummaryTemplate', TEMPLATE, vscode.ConfigurationTarget.Global);
    const panel = context.api.dailySummary.panel()!;
    const target = context.sandbox.data.dailySummaries.find((s) => s.id === panel.state.summary!.id)!;
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
    panel.receive({ type: 'insert' });
    await eventually(() => document.getText().length > 0, 5000, 'the summary in the editor');
    const text = document.getText();
    assert.ok(text.startsWith(`# ${target.day_emoji} ${target.date}\n\n${target.headline}\n\n`), text);
    assert.ok(text.includes(`Conversations: ${target.stats.total_conversations}`), text);
    assert.ok(text.includes(`- **${target.highlights[0]!.emoji} ${target.highlights[0]!.topic}**`), text);
  });

  it('Omi: Insert Daily Summary… picks a day and inserts it into the active editor', async () => {
    const target = context.sandbox.data.dailySummaries[0]!;
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    await vscode.window.showTextDocument(document);
    const done = await withPrompts(
      [{ pick: (item) => (item.summary as { id: string } | undefined)?.id === target.id }],
      () => vscode.commands.executeCommand<boolean>('omi.insertDailySummary'),
    );
    assert.equal(done, true);
    assert.ok(document.getText().includes(target.headline), document.getText());
  });

  it('day groups of the Conversations view link to that day’s summary when there is one', async () => {
    const list = context.api.store.list('conversations');
    await list.loadAll(new AbortController().signal);
    await context.api.views.linkDailySummaries();
    const provider = context.api.views.providers.conversations;
    const groups = provider.getChildren().filter((n): n is GroupNode<Conversation> => n.kind === 'group');
    const days = new Set(context.sandbox.data.dailySummaries.map((s) => s.date));
    const linked = groups.filter(
      (g) => provider.getTreeItem(g as ListNode<Conversation>).contextValue === 'omi.group.withSummary',
    );
    assert.ok(linked.length > 0, 'some days have a summary');
    for (const group of groups) {
      assert.equal(
        provider.getTreeItem(group).contextValue === 'omi.group.withSummary',
        days.has(group.key),
        `the day ${group.key} links to a summary exactly when the server has one`,
      );
    }
    const day = linked[0]!;
    const shown = await vscode.commands.executeCommand<string>('omi.openDailySummary', day);
    const expected = context.sandbox.data.dailySummaries.find((s) => s.date === day.key)!;
    assert.equal(shown, expected.id);
    assert.equal(context.api.dailySummary.panel()?.state.summary?.headline, expected.headline);
  });

  it('@omi /today starts with the day’s summary, with a button that opens it', async () => {
    const newest = context.sandbox.data.dailySummaries[0]!;
    const parts: { kind: string; value: string; args?: unknown[] }[] = [];
    const stream = {
      markdown: (value: string | vscode.MarkdownString) =>
        parts.push({ kind: 'markdown', value: typeof value === 'string' ? value : value.value }),
      button: (command: vscode.Command) =>
        parts.push({ kind: 'button', value: command.command, args: command.arguments }),
      progress: () => undefined,
      reference: () => undefined,
      anchor: () => undefined,
    } as unknown as vscode.ChatResponseStream;
    const handler = omiChatHandler({
      signIn: { signedIn: true },
      queries: context.api.ask.queries,
      ask: context.api.ask.session,
      extensionId: 'omi-community.omi-vscode',
      todaysSummary: () => context.api.store.extras.summaryForDay(newest.date),
    } as never);
    await handler(
      { prompt: '', command: 'today', references: [], toolReferences: [] } as unknown as vscode.ChatRequest,
      { history: [] } as never,
      stream,
      new vscode.CancellationTokenSource().token,
    );
    const first = parts[0]!;
    assert.equal(first.kind, 'markdown');
    assert.ok(first.value.replace(/\\/g, '').includes(newest.headline), first.value);
    const button = parts.find((p) => p.kind === 'button');
    assert.equal(button?.value, 'omi.openDailySummary');
    assert.deepEqual(button?.args, [newest.id]);
  });
});
