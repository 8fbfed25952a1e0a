import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Conversation } from '../../../src/api/models';
import type { Sandbox } from '../../../src/sandbox';
import type { ListNode } from '../../../src/views/nodes';
import type { PagedTreeProvider } from '../../../src/views/pagedTreeProvider';
import type { TranscriptPanel } from '../../../src/webviews/transcript/transcriptPanel';
import { useWindowSpy, type WindowSpy } from './faultMatrix';
import { eventually, signIn, useSignedInSandbox } from './helpers';

const READ_ONLY =
  'This key is read-only. Create a key with write access in the Omi app (Settings > Developer) and run Omi: Set API Key.';
const NOT_OFFERED = 'This Omi server does not offer this.';

async function settled<T>(provider: PagedTreeProvider<T>): Promise<ListNode<T>[]> {
  provider.getChildren();
  await eventually(() => provider.currentList?.loading === false, 10_000, 'the page to load');
  return provider.getChildren();
}

/** The conversation rows the view shows now, in order, below their day groups. */
async function rows(provider: PagedTreeProvider<Conversation>): Promise<ListNode<Conversation>[]> {
  const top = await settled(provider);
  return top.flatMap((node) => (node.kind === 'group' ? provider.getChildren(node) : [node]));
}

function rowOf(provider: PagedTreeProvider<Conversation>, id: string): ListNode<Conversation> | undefined {
  return provider
    .getChildren()
    .flatMap((node) => (node.kind === 'group' ? provider.getChildren(node) : [node]))
    .find((node) => node.kind === 'item' && node.item.id === id);
}

function label(provider: PagedTreeProvider<Conversation>, node: ListNode<Conversation> | undefined): string {
  assert.ok(node, 'the row is shown');
  const item = provider.getTreeItem(node).label;
  return typeof item === 'string' ? item : (item?.label ?? '');
}

/** The conversation as the sandbox serves it now (status 404 when it is gone). */
async function onServer(sandbox: Sandbox, id: string): Promise<{ status: number; body: Conversation | undefined }> {
  const response = await fetch(`${sandbox.url}/user/conversations/${encodeURIComponent(id)}`, {
    headers: { Authorization: `Bearer ${sandbox.key}` },
  });
  return { status: response.status, body: response.ok ? ((await response.json()) as Conversation) : undefined };
}

/** Answers the next input boxes with `values` (undefined: cancelled), recording what each was opened with. */
function answerInputBoxes(...values: (string | undefined)[]) {
  const window = vscode.window as unknown as { showInputBox: typeof vscode.window.showInputBox };
  const original = window.showInputBox;
  const asked: vscode.InputBoxOptions[] = [];
  window.showInputBox = async (options?: vscode.InputBoxOptions) => {
    asked.push(options ?? {});
    return values.shift();
  };
  return { asked, restore: () => (window.showInputBox = original) };
}

function errorsShown(spy: WindowSpy): string[] {
  return spy.of('error').map((m) => m.text);
}

async function closeEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

describe('Conversation writes: rename, delete, create from selection', () => {
  const context = useSignedInSandbox({ conversations: 30, actionItems: 40 });
  const spy = useWindowSpy();
  let inputs: ReturnType<typeof answerInputBoxes> | undefined;
  afterEach(async () => {
    inputs?.restore();
    inputs = undefined;
    spy.reset();
    context.sandbox.setFaults({ latencyMs: 0 });
    await closeEditors();
  });

  const provider = () => context.api.views.providers.conversations as PagedTreeProvider<Conversation>;
  const list = () => context.api.store.list('conversations');

  it('renames from a row: the new title shows at once, then the sandbox has it', async () => {
    const [row] = (await rows(provider())).filter((n) => n.kind === 'item');
    assert.ok(row && row.kind === 'item');
    const { id } = row.item;
    const before = row.item.structured.title;
    inputs = answerInputBoxes('  Quarterly planning, renamed  ');
    // The server answers slowly, so what shows before its answer is the optimistic change.
    context.sandbox.setFaults({ latencyMs: 600 });
    let finished = false;
    const running = Promise.resolve(vscode.commands.executeCommand('omi.renameConversation', row, [row])).finally(
      () => {
        finished = true;
      },
    );
    await eventually(() => list().find(id)?.structured.title === 'Quarterly planning, renamed', 2000, 'the new title');
    assert.equal(finished, false, 'shown before the server answered');
    assert.match(label(provider(), rowOf(provider(), id)), /Quarterly planning, renamed/);
    await running;

    assert.equal(inputs.asked[0]?.value, before, 'the box starts from the current title');
    assert.equal((await onServer(context.sandbox, id)).body?.structured.title, 'Quarterly planning, renamed');
    assert.equal(list().find(id)?.structured.title, 'Quarterly planning, renamed', 'the server’s answer is kept');
    assert.equal(list().find(id)?.transcript_segments, undefined, 'the list keeps no transcript');
    assert.deepEqual(errorsShown(spy), []);
    const patches = context.sandbox.requests.filter((r) => r.method === 'PATCH');
    assert.equal(patches.length, 1, 'one PATCH');
  });

  it('checks the title as it is typed: 1 to 500 characters', async () => {
    const [row] = (await rows(provider())).filter((n) => n.kind === 'item');
    assert.ok(row && row.kind === 'item');
    inputs = answerInputBoxes(undefined);
    context.sandbox.resetRequests();
    await vscode.commands.executeCommand('omi.renameConversation', row.item.id);
    const validate = inputs.asked[0]?.validateInput;
    assert.ok(validate, 'the box validates');
    assert.ok(await validate('   '), 'empty is refused');
    assert.ok(await validate('x'.repeat(501)), '501 characters are refused');
    assert.equal(await validate(`  ${'x'.repeat(500)}  `), undefined, '500 are fine (trimmed)');
    assert.deepEqual(
      context.sandbox.requests.filter((r) => r.method !== 'GET'),
      [],
      'nothing sent when the box is cancelled',
    );
  });

  it('renames the conversation of the transcript panel in front, and the panel and cache show it', async () => {
    const items = (await rows(provider())).filter((n) => n.kind === 'item');
    const target = items[2];
    assert.ok(target && target.kind === 'item');
    const { id } = target.item;
    const panel = await vscode.commands.executeCommand<TranscriptPanel>('omi.openConversation', id);
    assert.ok(panel);
    await eventually(() => panel.content !== undefined, 15_000, 'the conversation to load');
    await eventually(() => panel.panel.active, 5000, 'the panel in front');
    inputs = answerInputBoxes('Panel title, renamed');
    await vscode.commands.executeCommand('omi.renameConversation');

    assert.equal(panel.content?.conversation.structured.title, 'Panel title, renamed');
    assert.match(panel.panel.title, /Panel title, renamed/);
    const current = panel.current;
    assert.equal(current.type, 'show');
    assert.equal(current.type === 'show' && current.conversation.title, 'Panel title, renamed');
    assert.equal((await context.api.transcripts.cache.get(id))?.structured.title, 'Panel title, renamed');
    assert.ok(
      Array.isArray((await context.api.transcripts.cache.get(id))?.transcript_segments),
      'the cache keeps the transcript',
    );
    assert.equal(list().find(id)?.structured.title, 'Panel title, renamed');
    assert.equal((await onServer(context.sandbox, id)).body?.structured.title, 'Panel title, renamed');
  });

  it('deletes after asking, naming the conversation; declined, nothing is sent', async () => {
    const items = (await rows(provider())).filter((n) => n.kind === 'item');
    const target = items[4];
    assert.ok(target && target.kind === 'item');
    const { id } = target.item;
    const title = target.item.structured.title;
    context.sandbox.resetRequests();

    const declined = vscode.commands.executeCommand('omi.deleteConversation', target, [target]);
    await eventually(() => spy.of('warning').length === 1, 5000, 'the question');
    const [question] = spy.of('warning');
    assert.ok(question?.text.includes(title), question?.text);
    assert.deepEqual(question?.items, ['Delete']);
    question?.choose(undefined);
    await declined;
    assert.deepEqual(
      context.sandbox.requests.filter((r) => r.method === 'DELETE'),
      [],
      'nothing sent',
    );
    assert.ok(list().find(id), 'still listed');
    spy.reset();

    const panel = await vscode.commands.executeCommand<TranscriptPanel>('omi.openConversation', id);
    assert.ok(panel);
    await eventually(() => panel.content !== undefined, 15_000, 'the conversation to load');
    assert.ok(await context.api.transcripts.cache.get(id), 'cached once read');

    const accepted = vscode.commands.executeCommand('omi.deleteConversation', id);
    await eventually(() => spy.of('warning').length === 1, 5000, 'the question');
    spy.of('warning')[0]?.choose('Delete');
    await accepted;
    assert.equal(list().find(id), undefined, 'gone from the list');
    assert.equal(rowOf(provider(), id), undefined, 'gone from the view');
    assert.equal((await onServer(context.sandbox, id)).status, 404, 'gone from the server');
    assert.equal(context.sandbox.requests.filter((r) => r.method === 'DELETE').length, 1, 'one DELETE');
    assert.equal(context.api.transcripts.panels.get(id), undefined, 'its panel closed');
    assert.equal(await context.api.transcripts.cache.get(id), undefined, 'its transcript forgotten');
    assert.deepEqual(errorsShown(spy), []);
  });

  it('creates a conversation from the selection: it shows at the top with the title Omi derived', async () => {
    await rows(provider());
    const notes = [
      'Kickoff for the billing migration with Dana and Lee.',
      'We agreed to move invoices to the new service in March.',
      'I will draft the rollout plan by Friday.',
    ].join(' ');
    const document = await vscode.workspace.openTextDocument({ content: `Ignored header\n${notes}\nIgnored footer` });
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(1, 0, 1, notes.length);
    context.sandbox.resetRequests();
    const sizeBefore = list().items.length;

    const running = vscode.commands.executeCommand('omi.createConversation');
    await eventually(() => spy.of('information').length === 1, 10_000, 'the outcome');
    const created = context.sandbox.data.conversations.find((c) => c.structured.title?.startsWith('Kickoff'));
    assert.ok(created, 'the sandbox made the conversation');
    const [top] = list().items;
    assert.equal(top?.id, created.id, 'at the top of the list');
    assert.equal(top?.structured.title, created.structured.title, 'with the title the sandbox derived');
    assert.equal(list().items.length, sizeBefore + 1);
    const firstRow = (await rows(provider())).find((n) => n.kind === 'item');
    assert.equal(firstRow?.kind === 'item' && firstRow.item.id, created.id, 'first in the view');

    const posts = context.sandbox.requests.filter((r) => r.method === 'POST');
    assert.equal(posts.length, 1, 'one POST');
    assert.ok(
      context.sandbox.requests.some((r) => r.method === 'GET' && r.path.endsWith(`/user/conversations/${created.id}`)),
      'fetched by id once processed',
    );
    assert.ok(
      spy.progress.some((p) => p.title?.includes('creating a conversation')),
      'progress while processing',
    );

    const [outcome] = spy.of('information');
    assert.ok(outcome?.text.includes(created.structured.title ?? '?'), outcome?.text);
    assert.deepEqual(outcome?.items, ['Open']);
    outcome?.choose('Open');
    await running;
    await eventually(() => context.api.transcripts.panels.get(created.id) !== undefined, 5000, 'the panel to open');
  });

  it('says Omi found nothing to keep in a three-word selection, and adds nothing', async () => {
    await rows(provider());
    const document = await vscode.workspace.openTextDocument({ content: 'just three words' });
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(0, 0, 0, 'just three words'.length);
    const before = list().items.map((c) => c.id);
    const listedBefore = context.sandbox.data.conversations.length;
    context.sandbox.resetRequests();

    await vscode.commands.executeCommand('omi.createConversation');
    const [said] = spy.of('information');
    assert.match(said?.text ?? '', /nothing to keep/);
    assert.deepEqual(
      list().items.map((c) => c.id),
      before,
      'nothing added',
    );
    assert.equal(context.sandbox.data.conversations.length, listedBefore);
    assert.equal(context.sandbox.requests.filter((r) => r.method === 'POST').length, 1);
    assert.deepEqual(errorsShown(spy), []);
  });

  it('asks before sending the whole document when nothing is selected', async () => {
    const document = await vscode.workspace.openTextDocument({
      content: 'A long enough note about the roadmap review.',
    });
    await vscode.window.showTextDocument(document);
    context.sandbox.resetRequests();
    const running = vscode.commands.executeCommand('omi.createConversation');
    await eventually(() => spy.of('information').length === 1, 5000, 'the question');
    const [question] = spy.of('information');
    assert.match(question?.text ?? '', /Nothing is selected/);
    question?.choose(undefined);
    await running;
    assert.equal(context.sandbox.requests.filter((r) => r.method === 'POST').length, 0, 'nothing sent');
  });
});

describe('Conversation writes refused', () => {
  describe('with a read-only key', () => {
    const context = useSignedInSandbox({ conversations: 10 });
    const spy = useWindowSpy();
    before(async () => {
      assert.equal(await signIn(context.sandbox.readOnlyKey), true, 'the read-only key is accepted');
    });
    afterEach(() => spy.reset());

    it('puts the title back and says the key is read-only, in one sentence', async () => {
      const provider = context.api.views.providers.conversations as PagedTreeProvider<Conversation>;
      const [row] = (await rows(provider)).filter((n) => n.kind === 'item');
      assert.ok(row && row.kind === 'item');
      const { id } = row.item;
      const before = row.item.structured.title;
      const inputs = answerInputBoxes('Not allowed');
      try {
        await vscode.commands.executeCommand('omi.renameConversation', row, [row]);
      } finally {
        inputs.restore();
      }
      assert.equal(context.api.store.list('conversations').find(id)?.structured.title, before, 'the old title');
      assert.match(label(provider, rowOf(provider, id)), new RegExp(before.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      const errors = errorsShown(spy);
      assert.equal(errors.length, 1, errors.join('\n'));
      assert.ok(errors[0]?.endsWith(READ_ONLY), errors[0]);
      assert.ok(errors[0]?.includes(before.slice(0, 20)), 'names the conversation');
      assert.equal((await onServer(context.sandbox, id)).body?.structured.title, before, 'unchanged on the server');
    });
  });

  describe('on a server that follows the published (read-only) documentation', () => {
    const context = useSignedInSandbox({ conversations: 10, flavor: 'documented' });
    const spy = useWindowSpy();
    afterEach(() => spy.reset());

    it('puts the title back and says the server does not offer this', async () => {
      const provider = context.api.views.providers.conversations as PagedTreeProvider<Conversation>;
      const [row] = (await rows(provider)).filter((n) => n.kind === 'item');
      assert.ok(row && row.kind === 'item');
      const { id } = row.item;
      const before = row.item.structured.title;
      const inputs = answerInputBoxes('Not offered');
      try {
        await vscode.commands.executeCommand('omi.renameConversation', row, [row]);
      } finally {
        inputs.restore();
      }
      assert.equal(context.api.store.list('conversations').find(id)?.structured.title, before, 'the old title');
      const errors = errorsShown(spy);
      assert.equal(errors.length, 1, errors.join('\n'));
      assert.ok(errors[0]?.includes(NOT_OFFERED), errors[0]);
    });
  });
});
