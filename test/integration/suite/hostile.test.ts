import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ListKind } from '../../../src/util/listKind';
import type { ListNode } from '../../../src/views/nodes';
import type { PagedTreeProvider } from '../../../src/views/pagedTreeProvider';
import type { TranscriptPanel } from '../../../src/webviews/transcript/transcriptPanel';
import { eventually, useSignedInSandbox } from './helpers';

const KINDS: ListKind[] = ['memories', 'actionItems', 'conversations'];

/** Every row a user could see, with its tooltip resolved as on hover. */
function renderEverything<T>(provider: PagedTreeProvider<T>): vscode.TreeItem[] {
  const rows: vscode.TreeItem[] = [];
  const visit = (node: ListNode<T>) => {
    const item = provider.getTreeItem(node);
    // These views have no tooltip that needs a request: they resolve at once.
    rows.push(provider.resolveTreeItem(item, node) as vscode.TreeItem);
    if (node.kind === 'group') for (const child of provider.getChildren(node)) visit(child);
  };
  for (const node of provider.getChildren()) visit(node);
  return rows;
}

function labelText(item: vscode.TreeItem): string {
  const label = item.label;
  return typeof label === 'string' ? label : (label?.label ?? '');
}

describe('Hostile data: markup, traversal, 1 MB strings, odd dates and crowds', function () {
  this.timeout(120_000);
  const context = useSignedInSandbox({ hostile: true, memories: 60, actionItems: 60, conversations: 40 });
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  for (const kind of KINDS) {
    it(`lists every hostile ${kind} item as plain text, tooltips untrusted and without HTML`, async () => {
      const list = context.api.store.list(kind);
      await list.loadAll(new AbortController().signal, () => {});
      assert.equal(list.error, undefined);
      assert.equal(list.items.length, context.sandbox.data[kind].length, 'every item arrived');
      const rows = renderEverything(context.api.views.providers[kind] as PagedTreeProvider<unknown>);
      // Group rows are omi.group or omi.group.<what they offer> (a day with its summary).
      const itemRows = rows.filter(
        (row) => row.contextValue?.startsWith('omi.') && !row.contextValue.startsWith('omi.group'),
      );
      assert.equal(itemRows.length, list.items.length, 'one row per item');
      for (const row of rows) {
        const text = labelText(row);
        assert.ok(text.length <= 200, `a row stays one short line (${text.length} characters)`);
        assert.doesNotMatch(text, /[\r\n]/);
        const tooltip = row.tooltip;
        if (tooltip instanceof vscode.MarkdownString) {
          assert.ok(!tooltip.isTrusted, 'no tooltip may run commands');
          assert.ok(!tooltip.supportHtml, 'no tooltip renders HTML: markup shows as text');
        }
      }
    });
  }

  it('opens the odd transcripts (out of order, 60 speakers, a 1 MB segment) with every segment in a turn', async () => {
    const odd = context.sandbox.data.conversations.filter((c) =>
      ['<img', 'All hands', 'A transcript with a 1 MB'].some((mark) => c.structured.title?.startsWith(mark)),
    );
    assert.equal(odd.length, 3, 'the sandbox serves the three odd transcripts');
    for (const conversation of odd) {
      const panel = await vscode.commands.executeCommand<TranscriptPanel>('omi.openConversation', conversation.id);
      assert.ok(panel, 'a panel opened');
      await eventually(() => panel.content !== undefined || panel.failed, 30_000, 'the conversation to load');
      assert.ok(panel.content, `${conversation.id} loaded`);
      const segments = panel.content.transcript.turns.reduce((sum, turn) => sum + turn.segments, 0);
      assert.equal(segments, conversation.transcript_segments.length);
      const starts = panel.content.transcript.turns.map((turn) => turn.start ?? 0);
      assert.deepEqual(
        starts,
        [...starts].sort((a, b) => a - b),
        'turns in time order',
      );
    }
  });

  it('counts hostile data in Insights: unknown categories, and dates from 1970 to 2999 on a bounded chart', async () => {
    const file = await vscode.commands.executeCommand<vscode.Uri | undefined>('omi.exportInsights', 'all');
    assert.ok(file, 'the insights were exported');
    const written = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file)));
    assert.deepEqual(written.insights.totals, {
      memories: context.sandbox.data.memories.length,
      conversations: context.sandbox.data.conversations.length,
      actionItems: context.sandbox.data.actionItems.length,
    });
    const byCategory: { label: string; count: number }[] = written.insights.memories.byCategory;
    assert.equal(
      byCategory.reduce((sum, c) => sum + c.count, 0),
      context.sandbox.data.memories.length,
      'every memory in a category',
    );
    assert.ok(
      byCategory.some((c) => c.label === 'quantum_feelings'),
      'an unknown category is counted as itself',
    );
    // Dates of 1970 and 2999 in the data: the charts still end today and reach back ten years at most.
    const days = written.insights.conversations.perDay.length;
    assert.ok(days > 0 && days <= 3700, `a heatmap of ${days} days`);
  });
});
