import * as assert from 'node:assert/strict';
import { conversationExportJson, conversationExportName } from '../../../src/export/conversationExport';
import { sampleConversation } from '../transcript/fixtures';

describe('exporting one conversation', () => {
  it('writes the contract’s envelope with the conversation exactly as the API returned it', () => {
    const conversation = sampleConversation();
    const text = conversationExportJson(conversation, 'https://api.omi.me/v1/dev', new Date('2026-11-28T10:50:00Z'));
    assert.ok(text.endsWith('}\n'));
    assert.ok(text.includes('\n  "kind": "conversations",\n'), 'pretty-printed');
    assert.deepEqual(JSON.parse(text), {
      kind: 'conversations',
      exportedAt: '2026-11-28T10:50:00.000Z',
      source: 'https://api.omi.me/v1/dev',
      filters: {},
      count: 1,
      items: [conversation],
    });
    assert.deepEqual(JSON.parse(text).items[0].unknown_future_field, { kept: true });
  });

  it('names the file safely from the title and id', () => {
    assert.equal(conversationExportName(sampleConversation()), 'omi-conversation-weekly-planning-conv-1.json');
    const hostile = [
      '../../etc/passwd',
      '..\\..\\x',
      'CON',
      'NUL.txt',
      'aux:prn|com1?*"<lpt1>',
      '<img src=x>',
      '',
      '🧠',
    ];
    for (const title of hostile) {
      const name = conversationExportName(
        sampleConversation({ id: '../id/..', structured: { ...sampleConversation().structured, title } }),
      );
      assert.match(name, /^omi-conversation(-[a-z0-9]+)*\.json$/, name);
    }
    const untitled = sampleConversation({ id: '///', structured: {} as never });
    assert.equal(conversationExportName(untitled), 'omi-conversation.json');
  });
});
