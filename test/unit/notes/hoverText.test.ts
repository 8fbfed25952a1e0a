import * as assert from 'node:assert/strict';
import type { Memory } from '../../../src/api/models';
import { memoryFingerprint } from '../../../src/markdown/itemLinks';
import { changedSinceInserted, hoverMarkdown } from '../../../src/notes/hoverText';

const noon = (day: string) => new Date(`${day}T12:00:00`).toISOString();
const memory: Memory = {
  id: 'm1',
  content: 'Anna likes *oat* milk',
  category: 'personal',
  created_at: noon('2026-11-02'),
  updated_at: noon('2026-11-20'),
};

describe('Notes: hovers over Omi links', () => {
  it('shows the memory as it is now, escaped, with its category and dates', () => {
    const link = { kind: 'memory' as const, id: 'm1', version: memoryFingerprint(memory) };
    const text = hoverMarkdown(link, { state: 'found', entry: { kind: 'memory', item: memory } });
    assert.match(text, /\*\*Omi memory\*\* · personal/);
    assert.match(text, /Anna likes \\\*oat\\\* milk/);
    assert.match(text, /created 2026-11-02 · updated 2026-11-20/);
    assert.doesNotMatch(text, /Changed/);
  });

  it('says when the item changed or was deleted since it was inserted', () => {
    const link = { kind: 'memory' as const, id: 'm1', version: memoryFingerprint(memory) };
    const edited = { ...memory, content: 'Anna likes soy milk' };
    assert.equal(changedSinceInserted(link, { kind: 'memory', item: edited }), true);
    assert.equal(changedSinceInserted({ kind: 'memory', id: 'm1' }, { kind: 'memory', item: edited }), false);
    assert.match(
      hoverMarkdown(link, { state: 'found', entry: { kind: 'memory', item: edited } }),
      /Changed in Omi since/,
    );
    assert.match(hoverMarkdown(link, { state: 'deleted' }), /Deleted in Omi since it was inserted here/);
    assert.match(hoverMarkdown(link, { state: 'unknown', reason: 'Sign in.' }), /Sign in\./);
  });
});
