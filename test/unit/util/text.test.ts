import * as assert from 'node:assert/strict';
import type { Conversation } from '../../../src/api/models';
import { conversationStarted, conversationTitle, oneLine, titleCase } from '../../../src/util/text';

describe('shared text helpers', () => {
  const conversation = (structured: unknown, extra: Partial<Conversation> = {}) =>
    ({ id: 'c1', structured, ...extra }) as Conversation;

  it('flattens text to one line and shortens it with an ellipsis', () => {
    assert.equal(oneLine('  a\n\tb  c '), 'a b c');
    assert.equal(oneLine('abcdef', 4), 'abc…');
    assert.equal(oneLine(undefined), '');
    assert.equal(titleCase('work'), 'Work');
    assert.equal(titleCase(''), '');
  });

  it('titles a conversation as written, or as a row led by its emoji', () => {
    const c = conversation({ title: ` Standup\nnotes ${'x'.repeat(200)} `, emoji: '🗓️' });
    assert.equal(conversationTitle(c), `Standup\nnotes ${'x'.repeat(200)}`);
    const row = conversationTitle(c, 'row');
    assert.ok(row.startsWith('🗓️ Standup notes x'));
    assert.equal(row.length, '🗓️ '.length + 160);
    assert.equal(conversationTitle(conversation({ title: 42 })), 'Untitled conversation');
    assert.equal(conversationTitle(conversation(null), 'row'), 'Untitled conversation');
  });

  it('starts a conversation at started_at, else created_at', () => {
    const c = conversation({}, { started_at: 'nonsense', created_at: '2026-11-28T10:00:00Z' });
    assert.equal(conversationStarted(c)?.toISOString(), '2026-11-28T10:00:00.000Z');
  });
});
