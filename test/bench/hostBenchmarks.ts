import * as vscode from 'vscode';
import type { OmiExtensionApi } from '../../src/extension';
import { type Sandbox, startSandbox } from '../../src/sandbox';
import type { ListNode } from '../../src/views/nodes';
import type { PagedTreeProvider } from '../../src/views/pagedTreeProvider';
import { largeExportRequests, smallExportRequests } from './exportRequests';
import { exportThroughput } from './exportThroughput';
import { extensionApi, type Figures, until, withServer } from './session';

/** What VS Code does after a change event: ask for the root rows and the rows of every group. */
function renderAll<T>(provider: PagedTreeProvider<T>): number {
  let rows = 0;
  for (const node of provider.getChildren()) {
    provider.getTreeItem(node);
    rows++;
    if (node.kind === 'group') {
      for (const child of provider.getChildren(node as ListNode<T>)) {
        provider.getTreeItem(child);
        rows++;
      }
    }
  }
  return rows;
}

async function firstMemoryRow(api: OmiExtensionApi): Promise<number> {
  const provider = api.views.providers.memories;
  const started = performance.now();
  api.store.clear();
  provider.getChildren();
  await until(() => provider.getChildren().some((n) => n.kind === 'group'));
  renderAll(provider);
  return performance.now() - started;
}

/** Expand, collapse, load more, refresh and reopen a transcript; count requests against the pages needed. */
async function browsingSession(api: OmiExtensionApi, sandbox: Sandbox): Promise<Figures> {
  api.store.clear();
  sandbox.resetRequests();
  const memories = api.views.providers.memories;
  memories.getChildren();
  await until(() => !memories.currentList?.loading && (memories.currentList?.items.length ?? 0) > 0);
  for (let i = 0; i < 3; i++) {
    renderAll(memories); // expand every group
    memories.getChildren(); // collapse: only the root is asked again
    await vscode.commands.executeCommand('omi.loadMore', 'omi.memories');
  }
  await vscode.commands.executeCommand('omi.refreshMemories');
  const conversations = api.views.providers.conversations;
  conversations.getChildren();
  await until(() => !conversations.currentList?.loading && (conversations.currentList?.items.length ?? 0) > 0);
  const id = conversations.currentList?.items[0]?.id ?? '';
  for (let i = 0; i < 3; i++) await api.store.conversation(id);
  // Pages needed: memories 4 pages of 50 (first + 3 more), one refresh of 200 in one request, one conversations
  // page, one transcript.
  const needed = 4 + 1 + 1 + 1;
  return { browsingRequests: sandbox.requests.length, browsingPagesNeeded: needed };
}

async function treeScale(api: OmiExtensionApi): Promise<Figures> {
  const figures: Figures = {};
  const provider = api.views.providers.memories;
  api.store.clear();
  const list = api.store.list('memories');
  provider.getChildren();
  await until(() => !list.loading);
  for (const target of [1000, 5000, 10_000]) {
    while (list.items.length < target) await list.loadMore(Math.min(1000, target - list.items.length));
    renderAll(provider);
    const started = performance.now();
    await list.loadMore(50);
    renderAll(provider);
    figures[`appendPageAt${target}Ms`] = performance.now() - started;
  }
  return figures;
}

export async function runHostBenchmarks(): Promise<Figures> {
  const api = await extensionApi();
  const figures: Figures = { activationMs: api.activationMs };
  // First, while the host's heap is still small: its peak memory is one of the figures.
  Object.assign(figures, await exportThroughput(api));
  // `npm run bench -- --only exports`: the export timings alone.
  if (process.env.OMI_BENCH_ONLY === 'exports') return figures;
  const sandbox = await startSandbox({ memories: 20_000, conversations: 140, actionItems: 300, shortPages: false });
  try {
    await withServer(api, sandbox, async () => {
      figures.firstMemoryRowMs = await firstMemoryRow(api);
      Object.assign(figures, await browsingSession(api, sandbox));
      Object.assign(figures, await treeScale(api));
      Object.assign(figures, await largeExportRequests(api, sandbox));
    });
  } finally {
    await sandbox.close();
  }
  Object.assign(figures, await smallExportRequests(api));
  return figures;
}
