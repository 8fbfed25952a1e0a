import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { OmiClient } from '../../../src/api/client';
import type { ActionItem, Conversation, Memory } from '../../../src/api/models';
import { aggregateInsights } from '../../../src/insights/aggregate';
import { INSIGHTS_RANGES } from '../../../src/insights/model';
import type { RawLists } from '../../../src/insights/select';
import { NO_FILTERS } from '../../../src/store/filters';
import { loadFullList } from '../../../src/store/fullLists';
import type { InsightsPanel } from '../../../src/webviews/insights/insightsPanel';
import { eventually, useSignedInSandbox } from './helpers';

describe('Insights panel against the sandbox', () => {
  const context = useSignedInSandbox({ memories: 130, conversations: 60, actionItems: 80 });
  let panel: InsightsPanel;

  const raw = (): RawLists => ({
    memories: context.sandbox.data.memories as unknown as Memory[],
    conversations: context.sandbox.data.conversations as unknown as Conversation[],
    actionItems: context.sandbox.data.actionItems as unknown as ActionItem[],
    actionItemsCapped: false,
  });
  const open = async () => {
    panel = (await vscode.commands.executeCommand('omi.showInsights')) as InsightsPanel;
    await panel.settled();
    return panel;
  };
  const pages = () =>
    context.sandbox.requests.map((r) => `${r.path.replace('/v1/dev/user/', '')}?${r.query.offset}/${r.query.limit}`);

  after(() => panel?.dispose());

  it('pages every list without transcripts in the largest pages, and posts the aggregations of the data', async () => {
    await open();
    const data = panel.current.data;
    assert.ok(data, panel.current.error ?? 'the panel has data');
    assert.equal(data.range, 'year');
    assert.deepEqual(data, aggregateInsights(raw(), 'year', new Date(data.generatedAt)));
    // Insights' own lists (the Conversations view may ask for its day groups' summaries meanwhile).
    const largest = pages().filter((p) => /^(memories|conversations|action-items)\?.*\/(1000|100)$/.test(p));
    assert.deepEqual(largest, [
      'memories?0/1000',
      'memories?1000/1000',
      'conversations?0/100',
      'conversations?100/100',
      'action-items?0/1000',
      'action-items?1000/1000',
    ]);
    assert.ok(!context.sandbox.requests.some((r) => r.query.include_transcript === 'true'), 'no transcripts');
    const html = panel.panel.webview.html;
    assert.ok(!(JSON.stringify(panel.current) + html).includes(context.sandbox.key), 'the key is not in the webview');
    assert.match(html, /default-src 'none';.*script-src 'nonce-[^']+'[^"]*"/);
    assert.ok(!html.includes('unsafe-'), 'no unsafe-inline or unsafe-eval');
    const roots = panel.panel.webview.options.localResourceRoots?.map((uri) => uri.path);
    assert.equal(roots?.length, 1);
    assert.ok(roots?.[0]?.endsWith('/dist/webview'), `only the built webview folder: ${roots}`);
  });

  it('is drawn by the webview with the numbers it was sent', async () => {
    await eventually(() => panel.lastRendered !== undefined, 30_000, 'the webview to draw its charts');
    const data = panel.current.data!;
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    assert.deepEqual(panel.lastRendered, {
      memoryCategories: data.totals.memories,
      memoriesPerWeek: sum(data.memories.perWeek.map((w) => w.count)),
      conversationsPerDay: sum(data.conversations.perDay.map((d) => d.count)),
      conversationHours: Math.round(sum(data.conversations.hoursPerWeek.map((w) => w.hours)) * 100) / 100,
      conversationCategories: data.totals.conversations,
      actionItemStatus: data.actionItems.open + data.actionItems.done,
      actionItemDue: data.actionItems.overdue + data.actionItems.dueThisWeek,
      actionItemsPerWeek: sum(data.actionItems.perWeek.map((w) => w.created + w.completed)),
    });
    assert.ok(data.totals.conversations > 0 && data.actionItems.open > 0, 'the charts are not empty');
  });

  it('costs no request to reopen or to change the range', async () => {
    context.sandbox.resetRequests();
    panel.dispose();
    await open();
    for (const range of INSIGHTS_RANGES) {
      await panel.receive({ type: 'setRange', range });
      assert.equal(panel.current.data?.range, range);
      assert.deepEqual(panel.current.data, aggregateInsights(raw(), range, new Date(panel.current.data!.generatedAt)));
    }
    assert.deepEqual(context.sandbox.requests, []);
    await panel.receive({ type: 'setRange', range: 'forever' });
    await panel.receive({ type: 'drill', target: { chart: 'conversationsPerDay', day: '<script>' } });
    assert.equal(panel.current.range, 'all', 'malformed messages are ignored');
  });

  it('fetches again on Refresh', async () => {
    context.sandbox.resetRequests();
    await panel.receive({ type: 'refresh' });
    await panel.settled();
    assert.ok(pages().includes('memories?0/1000') && pages().includes('action-items?0/1000'));
    assert.equal(panel.current.data?.range, 'all');
  });

  it('forgets its lists on Omi: Clear Cache, so the next export reads Omi again', async () => {
    context.sandbox.resetRequests();
    await vscode.commands.executeCommand('omi.exportInsights', 'all');
    assert.deepEqual(pages(), [], 'held lists cost no request');
    await new Promise((r) => setTimeout(r, 1100)); // export files are named to the second
    await vscode.commands.executeCommand('omi.clearCache');
    await vscode.commands.executeCommand('omi.exportInsights', 'all');
    assert.ok(pages().includes('memories?0/1000') && pages().includes('conversations?0/100'), pages().join(' '));
  });

  it('opens the day clicked on the heatmap in the Conversations view, and a category in Memories', async () => {
    const day = panel.current.data!.conversations.perDay.find((d) => d.count > 0)!;
    await panel.receive({ type: 'drill', target: { chart: 'conversationsPerDay', day: day.day } });
    const filter = context.api.store.filter('conversations');
    assert.ok(filter.startDate?.startsWith(day.day) && filter.endDate?.startsWith(day.day), JSON.stringify(filter));
    const list = context.api.store.list('conversations');
    await list.loadAll();
    assert.equal(list.items.length, day.count, 'the view lists that day’s conversations');
    const category = panel.current.data!.memories.byCategory[0]!;
    await panel.receive({ type: 'drill', target: { chart: 'memoryCategories', label: category.label } });
    assert.deepEqual(context.api.store.filter('memories'), { categories: [category.label] });
    await context.api.store.setFilter('conversations', NO_FILTERS.conversations);
    await context.api.store.setFilter('memories', NO_FILTERS.memories);
  });

  it('serves a complete, unfiltered list from the store without a request', async () => {
    await vscode.commands.executeCommand('omi.loadAllMemories');
    const client = new OmiClient({ baseUrl: context.sandbox.url, getApiKey: () => context.sandbox.key });
    context.sandbox.resetRequests();
    const memories = await loadFullList(context.api.store, client, 'memories');
    assert.equal(memories.reused, true);
    assert.equal(memories.items.length, 130);
    assert.deepEqual(context.sandbox.requests, []);
    await context.api.store.setFilter('memories', { categories: ['work'] });
    const refetched = await loadFullList(context.api.store, client, 'memories');
    assert.equal(refetched.reused, false, 'a filtered list is not all memories');
    assert.equal(refetched.items.length, 130);
    await context.api.store.setFilter('memories', NO_FILTERS.memories);
  });

  it('exports the numbers as JSON into omi.export.folder, without the key', async () => {
    const file = (await vscode.commands.executeCommand('omi.exportInsights')) as vscode.Uri | undefined;
    assert.ok(file, 'a file was written');
    const folder = vscode.workspace.workspaceFolders![0]!.uri;
    assert.ok(file.path.startsWith(`${folder.path}/omi-export/omi-insights-`), file.path);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    const written = JSON.parse(text);
    assert.equal(written.kind, 'insights');
    assert.equal(written.source, context.sandbox.url);
    assert.deepEqual(written.insights, panel.current.data);
    assert.deepEqual(written.filters, { range: 'all', from: written.insights.from, to: written.insights.to });
    assert.ok(!text.includes(context.sandbox.key));
    const names = (await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(folder, 'omi-export'))).map(([n]) => n);
    assert.ok(!names.some((n) => n.endsWith('.tmp')), `no temporary file left: ${names}`);
  });
});
