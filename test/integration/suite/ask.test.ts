import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Memory } from '../../../src/api/models';
import type { ChatDependencies } from '../../../src/ask/chatParticipant';
import { omiChatHandler } from '../../../src/ask/chatParticipant';
import type { ItemNode } from '../../../src/views/nodes';
import { eventually, useSignedInSandbox } from './helpers';

/** The conversation whose own title words make the question, so Omi's ranking must put it first. */
function questionAbout(title: string | null | undefined): string {
  return `What did we say about ${(title ?? '').replace(/[^\p{L}\p{N} ]/gu, ' ')}?`;
}

/** A response stream as VS Code hands it to a chat participant, recording what the participant sends. */
function recordingStream() {
  const parts: { kind: string; value: string }[] = [];
  const stream = {
    markdown: (value: string | vscode.MarkdownString) =>
      parts.push({ kind: 'markdown', value: typeof value === 'string' ? value : value.value }),
    anchor: (value: vscode.Uri | vscode.Location, title?: string) =>
      parts.push({
        kind: 'anchor',
        value: `${title ?? ''} ${String(value instanceof vscode.Uri ? value : value.uri)}`,
      }),
    reference: (value: vscode.Uri | vscode.Location) =>
      parts.push({ kind: 'reference', value: String(value instanceof vscode.Uri ? value : value.uri) }),
    progress: (value: string) => parts.push({ kind: 'progress', value }),
    button: (command: vscode.Command) => parts.push({ kind: 'button', value: command.command }),
    filetree: () => undefined,
    push: () => undefined,
  } as unknown as vscode.ChatResponseStream;
  const text = () =>
    parts
      .filter((p) => p.kind === 'markdown')
      .map((p) => p.value)
      .join('');
  return { stream, parts, text };
}

function chatRequest(prompt: string, command?: string): vscode.ChatRequest {
  return { prompt, command, references: [], toolReferences: [] } as unknown as vscode.ChatRequest;
}

const cancellation = () => new vscode.CancellationTokenSource().token;

const toolText = (result: vscode.LanguageModelToolResult) =>
  result.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : '')).join('');

describe('Ask: questions to Omi, @omi and the language model tools', () => {
  const context = useSignedInSandbox({ conversations: 30, memories: 60, actionItems: 30 });
  const conversations = () => context.sandbox.data.conversations;

  after(() => context.api.ask.panel()?.dispose());

  it('Omi: Ask… shows the answer with its sources; a source opens its conversation', async () => {
    const target = conversations()[3]!;
    const question = questionAbout(target.structured.title);
    const entry = await vscode.commands.executeCommand<{ status: string }>('omi.ask', question);
    assert.equal(entry?.status, 'answered');
    const panel = context.api.ask.panel();
    assert.ok(panel, 'the Ask panel is open');
    const shown = panel.state.entries[panel.state.selected];
    assert.equal(shown?.question, question);
    assert.ok(shown?.answer, 'an answer');
    assert.equal(shown?.sources?.[0]?.id, target.id, 'the conversation asked about comes first');
    assert.ok(!JSON.stringify(panel.state).includes(context.sandbox.key), 'the key is not in the panel');
    panel.receive({ type: 'openSource', id: target.id });
    await eventually(
      () => context.api.transcripts.panels.get(target.id) !== undefined,
      10_000,
      'the conversation in the transcript panel',
    );
  });

  it('keeps the session’s questions one click away, and copies and inserts an answer', async () => {
    const panel = context.api.ask.panel()!;
    const second = questionAbout(conversations()[7]!.structured.title);
    await vscode.commands.executeCommand('omi.ask', second);
    assert.equal(panel.state.entries.length, 2);
    assert.equal(panel.state.entries[0]?.question, second, 'newest first, and shown');
    panel.receive({ type: 'select', index: 1 });
    assert.equal(panel.state.selected, 1, 'the earlier question, without asking again');
    panel.receive({ type: 'copy', index: 1 });
    const copied = await vscode.env.clipboard.readText();
    assert.ok(copied.startsWith(`### ${panel.state.entries[1]!.question}`), copied);
    assert.ok(copied.includes(panel.state.entries[1]!.answer!.slice(0, 40)));
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    await vscode.window.showTextDocument(document);
    panel.receive({ type: 'insert', index: 0 });
    const inserted = panel.state.entries[0]!.answer!.slice(0, 40);
    await eventually(() => document.getText().includes(inserted), 5000, 'the answer in the note');
    assert.ok(document.getText().startsWith('### What did we say about'), 'with its question as a heading');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('says how many of the hour’s questions are left once few are', async function () {
    this.timeout(30_000);
    const session = context.api.ask.session;
    assert.equal(session.describeBudget(), undefined, 'not while many are left');
    for (let asked = session.entries.length; asked < 21; asked++) await session.ask(`Question number ${asked}`);
    assert.equal(session.describeBudget(), '4 of 25 questions left this hour.');
    assert.equal(context.api.ask.panel()?.state.budget, '4 of 25 questions left this hour.');
  });

  it('@omi answers through Omi with references that open conversations, and reads memories, to-dos and today', async () => {
    const deps = { ...chatDependencies(), extensionId: 'omi-community.omi-vscode' } as ChatDependencies;
    const handler = omiChatHandler(deps);
    const target = conversations()[5]!;
    const asked = recordingStream();
    await handler(
      chatRequest(questionAbout(target.structured.title)),
      { history: [] } as never,
      asked.stream,
      cancellation(),
    );
    assert.ok(asked.text().length > 20, 'an answer');
    assert.ok(
      asked.parts.some(
        (p) => p.kind === 'reference' && decodeURIComponent(p.value).includes(`/openConversation?id=${target.id}`),
      ),
      'the source, as a link that opens it',
    );
    const memory = context.sandbox.data.memories.find((m) => !context.sandbox.data.lockedMemoryIds.includes(m.id))!;
    const memories = recordingStream();
    await handler(chatRequest(memory.content, 'memories'), { history: [] } as never, memories.stream, cancellation());
    assert.match(memories.text(), /\d+%\)/, 'with their relevance');
    const todo = recordingStream();
    await handler(chatRequest('', 'todo'), { history: [] } as never, todo.stream, cancellation());
    const open = context.sandbox.data.actionItems.filter((a) => !a.completed);
    assert.ok(open.length > 0);
    assert.equal(
      todo
        .text()
        .split('\n')
        .filter((l) => l.startsWith('- ')).length,
      Math.min(open.length, 30),
    );
    const today = recordingStream();
    await handler(chatRequest('', 'today'), { history: [] } as never, today.stream, cancellation());
    assert.ok(today.text().length > 0, today.text());
  });

  function chatDependencies() {
    return {
      signIn: { signedIn: true },
      queries: context.api.ask.queries,
      ask: context.api.ask.session,
    };
  }

  it('@omi without a key sends nothing and offers Set API Key', async () => {
    const handler = omiChatHandler({ ...chatDependencies(), signIn: { signedIn: false }, extensionId: 'x' } as never);
    context.sandbox.resetRequests();
    const shown = recordingStream();
    await handler(chatRequest('anything'), { history: [] } as never, shown.stream, cancellation());
    assert.deepEqual(context.sandbox.requests, []);
    assert.ok(shown.parts.some((p) => p.kind === 'button' && p.value === 'omi.setApiKey'));
  });

  it('the language model tools answer from Omi, compactly', async () => {
    const names = vscode.lm.tools.map((t) => t.name).filter((n) => n.startsWith('omi_'));
    assert.deepEqual(names.sort(), [
      'omi_ask',
      'omi_getConversation',
      'omi_listActionItems',
      'omi_searchConversations',
      'omi_searchMemories',
    ]);
    const invoke = async (name: string, input: object) =>
      toolText(await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined }));
    const memory = context.sandbox.data.memories.find((m) => !context.sandbox.data.lockedMemoryIds.includes(m.id))!;
    const memories = await invoke('omi_searchMemories', { query: memory.content, limit: 5 });
    assert.match(memories.split('\n')[0]!, /^- \[memory [^\]]+\] \(.+ relevance=\d\.\d\d\) /);
    assert.ok(memories.includes(memory.content));
    const todo = await invoke('omi_listActionItems', {});
    const firstOpen = context.sandbox.data.actionItems.filter((a) => !a.completed);
    assert.equal(todo.split('\n').length, Math.min(firstOpen.length, 25));
    const target = conversations()[2]!;
    const found = await invoke('omi_searchConversations', { text: target.structured.title });
    assert.ok(found.includes(`[conversation ${target.id}]`), found);
    const detail = await invoke('omi_getConversation', { id: target.id, includeTranscript: true });
    assert.ok(detail.includes(target.structured.title ?? ''), detail.slice(0, 200));
    assert.ok(detail.includes('Transcript:'));
    assert.ok(detail.length <= 11_000, 'within the budget');
    const answer = await invoke('omi_ask', { question: questionAbout(target.structured.title) });
    assert.ok(answer.includes(`[conversation ${target.id}]`), answer);
  });

  it('the tools can be turned off: a model can no longer call them, and nothing is sent', async () => {
    const config = vscode.workspace.getConfiguration('omi');
    const call = () => vscode.lm.invokeTool('omi_listActionItems', { input: {}, toolInvocationToken: undefined });
    await config.update('languageModelTools.enabled', false, vscode.ConfigurationTarget.Global);
    try {
      context.sandbox.resetRequests();
      await assert.rejects(Promise.resolve(call()), /does not have an implementation registered/);
      assert.deepEqual(context.sandbox.requests, []);
    } finally {
      await config.update('languageModelTools.enabled', undefined, vscode.ConfigurationTarget.Global);
    }
    assert.match(toolText(await call()), /^- \[action item /, 'back once turned on');
  });

  it('the Memories view ranks memories by meaning, with their relevance', async () => {
    const memory = context.sandbox.data.memories.find((m) => !context.sandbox.data.lockedMemoryIds.includes(m.id))!;
    await context.api.views.rankByMeaning(memory.content);
    const provider = context.api.views.providers.memories;
    const rows = provider.getChildren().filter((n): n is ItemNode<Memory> => n.kind === 'item');
    assert.ok(rows.length > 0);
    assert.equal(rows[0]!.item.content, memory.content);
    assert.match(String(provider.getTreeItem(rows[0]!).description), /^\d+% relevant$/);
    assert.equal(context.api.views.treeViews.memories.description, `By meaning: “${memory.content}”`);
    await vscode.commands.executeCommand('omi.clearFilterMemories');
    assert.equal(provider.rankedQuery, undefined);
  });
});

describe('Ask on a server without it (the documented API)', () => {
  const context = useSignedInSandbox({ flavor: 'documented', conversations: 5, memories: 20, actionItems: 5 });
  after(() => context.api.ask.panel()?.dispose());

  it('Omi: Ask… says the server does not offer it', async () => {
    const entry = await vscode.commands.executeCommand<{ status: string }>('omi.ask', 'What did I promise Sam?');
    assert.equal(entry?.status, 'failed');
    const panel = context.api.ask.panel()!;
    assert.match(panel.state.entries[0]?.error ?? '', /^This Omi server does not offer this\./);
  });

  it('search by meaning falls back to the words, and says so', async () => {
    const memory = context.sandbox.data.memories[0]!;
    const word = memory.content
      .split(/\s+/)
      .find((w) => w.length > 4)!
      .toLowerCase();
    await context.api.views.rankByMeaning(word);
    assert.equal(context.api.views.providers.memories.searchTerm, word, 'a word search instead');
    await vscode.commands.executeCommand('omi.clearFilterMemories');
  });
});
