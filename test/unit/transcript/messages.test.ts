import * as assert from 'node:assert/strict';
import { parseTranscriptState, parseWebviewMessage } from '../../../src/transcript/messages';

describe('messages from the transcript webview', () => {
  it('accepts exactly the messages the panel understands', () => {
    for (const type of ['ready', 'retry', 'copyMarkdown', 'openMarkdown', 'export', 'insertSummary']) {
      assert.deepEqual(parseWebviewMessage({ type }), { type });
    }
    assert.deepEqual(parseWebviewMessage({ type: 'copyTurn', turn: 3 }), { type: 'copyTurn', turn: 3 });
  });

  it('ignores anything malformed', () => {
    const malformed: unknown[] = [
      undefined,
      null,
      'ready',
      ['ready'],
      {},
      { type: 'READY' },
      { type: 'openLink', url: 'https://example.com' },
      { type: 'ready', extra: true },
      { type: 'copyTurn' },
      { type: 'copyTurn', turn: -1 },
      { type: 'copyTurn', turn: 1.5 },
      { type: 'copyTurn', turn: '1' },
      { type: 'copyTurn', turn: Number.NaN },
      { type: 'copyTurn', turn: 2 ** 60 },
      { type: 'copyTurn', turn: 1, text: '<script>' },
      { type: { toString: () => 'ready' } },
      Object.create({ type: 'ready' }),
    ];
    for (const message of malformed) assert.equal(parseWebviewMessage(message), undefined, JSON.stringify(message));
  });

  it('reads back the state a webview saved, and nothing else', () => {
    assert.deepEqual(parseTranscriptState({ conversationId: 'abc', hiddenSpeakers: [1, 'x', -2, 3.5, 4] }), {
      conversationId: 'abc',
      hiddenSpeakers: [1, 4],
    });
    assert.deepEqual(parseTranscriptState({ conversationId: 'abc' }), { conversationId: 'abc', hiddenSpeakers: [] });
    for (const bad of [
      undefined,
      null,
      'abc',
      {},
      { conversationId: '' },
      { conversationId: 5 },
      { conversationId: 'x'.repeat(201) },
    ]) {
      assert.equal(parseTranscriptState(bad), undefined);
    }
  });
});
