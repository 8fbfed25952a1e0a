import * as assert from 'node:assert/strict';
import type { Conversation, Memory } from '../../../src/api/models';
import {
  buildItemLink,
  conversationFingerprint,
  findItemLinks,
  linkBuilder,
  memoryFingerprint,
  parseItemLink,
  shortHash,
} from '../../../src/markdown/itemLinks';
import { DEFAULT_TEMPLATES, formatItems, LINKED_TEMPLATES } from '../../../src/markdown/itemText';

const noon = (day: string) => new Date(`${day}T12:00:00`).toISOString();
const memory: Memory = {
  id: 'm(1) x',
  content: 'Anna likes oat milk',
  category: 'personal',
  created_at: noon('2026-11-02'),
};
const conversation = {
  id: 'c1',
  created_at: noon('2026-11-03'),
  started_at: noon('2026-11-03'),
  finished_at: null,
  structured: { title: 'Budget review', overview: 'We cut travel.', emoji: '💰', category: 'work' },
} as unknown as Conversation;

describe('Omi item links', () => {
  it('builds links any Markdown parser keeps whole, and parses them back', () => {
    const link = buildItemLink('vscode', 'omi-community.omi-vscode', { kind: 'memory', id: 'm(1) x', version: 'abc' });
    assert.equal(link, 'vscode://omi-community.omi-vscode/openMemory?id=m%281%29%20x&v=abc');
    const url = new URL(link);
    assert.deepEqual(parseItemLink(url.pathname, url.search.slice(1)), {
      kind: 'memory',
      id: 'm(1) x',
      version: 'abc',
    });
    assert.deepEqual(parseItemLink('/openConversation', 'id=c1'), { kind: 'conversation', id: 'c1' });
    assert.equal(parseItemLink('/openSomething', 'id=c1'), undefined);
    assert.equal(parseItemLink('/openMemory', 'id='), undefined);
  });

  it('finds links in a text whatever the scheme, without the Markdown around them', () => {
    const text = [
      '- Oat milk _([Omi memory](vscode://omi-community.omi-vscode/openMemory?id=m1&v=x1), personal)_',
      'See code-oss://omi-community.omi-vscode/openConversation?id=c%202. And <vscode://other.ext/openMemory?id=no>',
      'plain (vscode-insiders://omi-community.omi-vscode/openActionItem?id=a1)',
    ].join('\n');
    const found = findItemLinks(text);
    assert.deepEqual(
      found.map(({ kind, id, version }) => ({ kind, id, version })),
      [
        { kind: 'memory', id: 'm1', version: 'x1' },
        { kind: 'conversation', id: 'c 2', version: undefined },
        { kind: 'actionItem', id: 'a1', version: undefined },
      ],
    );
    assert.equal(text.slice(found[0]!.start, found[0]!.end), 'vscode://omi-community.omi-vscode/openMemory?id=m1&v=x1');
    assert.equal(found[1]!.text, 'code-oss://omi-community.omi-vscode/openConversation?id=c%202');
  });

  it('fingerprints what an insert shows, so a change to it (and only to it) is noticed', () => {
    assert.equal(shortHash('abc'), shortHash('abc'));
    assert.notEqual(shortHash('abc'), shortHash('abd'));
    assert.match(shortHash('anything at all'), /^[0-9a-z]{1,7}$/);
    const before = memoryFingerprint(memory);
    assert.equal(memoryFingerprint({ ...memory, updated_at: noon('2026-12-01') } as Memory), before);
    assert.notEqual(memoryFingerprint({ ...memory, content: 'Anna likes soy milk' }), before);
    assert.notEqual(memoryFingerprint({ ...memory, category: 'work' }), before);
    const renamed = { ...conversation, structured: { ...conversation.structured, title: 'Budget' } };
    assert.notEqual(conversationFingerprint(renamed), conversationFingerprint(conversation));
  });

  it('inserts carry the link when asked, and the defaults are unchanged without', () => {
    const links = linkBuilder('vscode');
    const plainMarkdown = formatItems({ kind: 'memories', items: [memory] }, 'markdown', DEFAULT_TEMPLATES);
    assert.equal(plainMarkdown, '- Anna likes oat milk _(Omi memory, personal, 2026-11-02)_');
    assert.equal(formatItems({ kind: 'memories', items: [memory] }, 'plain'), 'Anna likes oat milk');
    const link = `vscode://omi-community.omi-vscode/openMemory?id=m%281%29%20x&v=${memoryFingerprint(memory)}`;
    assert.equal(
      formatItems({ kind: 'memories', items: [memory] }, 'markdown', LINKED_TEMPLATES, links),
      `- Anna likes oat milk _([Omi memory](${link}), personal, 2026-11-02)_`,
    );
    assert.equal(
      formatItems({ kind: 'memories', items: [memory] }, 'plain', DEFAULT_TEMPLATES, links),
      `Anna likes oat milk (${link})`,
    );
    const conversationText = formatItems(
      { kind: 'conversations', items: [conversation] },
      'markdown',
      LINKED_TEMPLATES,
      links,
    );
    assert.deepEqual(
      findItemLinks(conversationText).map((l) => [l.kind, l.id, l.version]),
      [['conversation', 'c1', conversationFingerprint(conversation)]],
    );
    // A template of the user's own gets `{link}`: empty when links are off.
    const custom = { ...DEFAULT_TEMPLATES, memory: '{content} → {link}' };
    assert.equal(
      formatItems({ kind: 'memories', items: [memory] }, 'markdown', custom, links),
      `Anna likes oat milk → ${link}`,
    );
    assert.equal(formatItems({ kind: 'memories', items: [memory] }, 'markdown', custom), 'Anna likes oat milk →');
  });
});
