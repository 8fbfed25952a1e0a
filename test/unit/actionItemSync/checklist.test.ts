import * as assert from 'node:assert/strict';
import { BEGIN_MARKER, END_MARKER, mergeManagedBlock } from '../../../src/actionItemSync/managedBlock';
import { markdownText, renderBlock } from '../../../src/actionItemSync/markdown';
import { sortIntoSections } from '../../../src/actionItemSync/sections';
import type { ActionItem } from '../../../src/api/models';
import { conversationLink, parseItemLink } from '../../../src/markdown/itemLinks';
import { actionItem, inTimeZone, iso } from '../insights/fixtures';

const options = {
  linkFor: (id: string) => conversationLink('vscode', 'omi-community.omi-vscode', id),
  capped: false,
};

describe('Action-item checklist', () => {
  inTimeZone('Europe/Berlin');
  let now: Date;
  let items: ActionItem[];
  before(() => {
    now = new Date(2026, 10, 25, 12); // Wednesday 25 Nov 2026, noon local
    items = [
      actionItem('late', {
        description: 'Send the report',
        due_at: iso(new Date(2026, 10, 24, 9)),
        conversation_id: 'c1',
      }),
      actionItem('soon', { description: 'Book flights', due_at: iso(new Date(2026, 10, 29, 20)) }),
      actionItem('next', { description: 'Plan Q1', due_at: iso(new Date(2026, 11, 2, 9)) }),
      actionItem('open', { description: 'Read *that* book', created_at: iso(new Date(2026, 10, 1)) }),
      actionItem('done', { description: 'Pay rent', completed: true, completed_at: iso(new Date(2026, 10, 20, 8)) }),
      actionItem('old', { description: 'Ancient', completed: true, completed_at: iso(new Date(2026, 9, 1)) }),
    ];
  });

  const block = (list: ActionItem[]) => renderBlock(sortIntoSections(list, now), options);
  const sectionOf = (text: string, id: string) => {
    const line = text.split(/\r?\n/).findIndex((l) => l.endsWith(`<!-- omi:${id} -->`));
    if (line < 0) return undefined;
    const heading = text
      .split(/\r?\n/)
      .slice(0, line)
      .reverse()
      .find((l) => l.startsWith('## '));
    return heading?.replace(/^## (.*) \(\d+\)$/, '$1');
  };

  it('sorts open items by due date into Overdue, Due this week, Later and No due date', () => {
    const text = mergeManagedBlock(undefined, block(items));
    assert.ok(text.ok);
    assert.equal(sectionOf(text.text, 'late'), 'Overdue');
    assert.equal(sectionOf(text.text, 'soon'), 'Due this week');
    assert.equal(sectionOf(text.text, 'next'), 'Later');
    assert.equal(sectionOf(text.text, 'open'), 'No due date');
    assert.equal(sectionOf(text.text, 'done'), 'Done recently (last 14 days)');
    assert.equal(sectionOf(text.text, 'old'), undefined, 'done long ago: left out');
    assert.ok(text.text.startsWith(`# Omi action items\n\n${BEGIN_MARKER}\n`));
    assert.match(text.text, /does not change anything in Omi/);
    assert.ok(
      text.text.includes(
        '- [ ] Send the report (due 2026-11-24) · [conversation](vscode://omi-community.omi-vscode/openConversation?id=c1) <!-- omi:late -->',
      ),
    );
    assert.ok(text.text.includes('- [x] Pay rent (done 2026-11-20) <!-- omi:done -->'));
    assert.ok(text.text.includes('- [ ] Read \\*that\\* book <!-- omi:open -->'));
  });

  it('gives byte-identical text on a second run', () => {
    const first = mergeManagedBlock(undefined, block(items));
    assert.ok(first.ok);
    const second = mergeManagedBlock(first.text, block(items));
    assert.deepEqual(second, { ok: true, text: first.text, changed: false, appended: false });
  });

  it('keeps text outside the block byte for byte, CRLF included, and writes the block with CRLF', () => {
    const before = '\uFEFF# My tasks\r\n\r\nNotes *mine*  \r\n\r\n';
    const after = '\r\n\r\n## Later thoughts\r\n- [ ] my own item\r\ntrailing without newline';
    const old = `${before}${BEGIN_MARKER}\r\n- [ ] stale <!-- omi:gone -->\r\n${END_MARKER}${after}`;
    const merged = mergeManagedBlock(old, block(items));
    assert.ok(merged.ok && merged.changed);
    assert.ok(merged.text.startsWith(before));
    assert.ok(merged.text.endsWith(after));
    const inside = merged.text.slice(before.length, merged.text.length - after.length);
    assert.ok(inside.startsWith(BEGIN_MARKER) && inside.endsWith(END_MARKER));
    assert.ok(!/[^\r]\n/.test(inside), 'every line break inside the block is CRLF');
    assert.ok(!inside.includes('stale'), 'removed items are dropped');
    const again = mergeManagedBlock(merged.text, block(items));
    assert.ok(again.ok && !again.changed);
  });

  it('moves completed items to Done recently, adds new ones and drops removed ones', () => {
    const first = mergeManagedBlock(undefined, block(items));
    assert.ok(first.ok);
    const userText = `${first.text}\nMy own line\n`;
    const updated = items
      .filter((i) => i.id !== 'next')
      .map((i) => (i.id === 'late' ? { ...i, completed: true, completed_at: iso(new Date(2026, 10, 25, 8)) } : i));
    updated.push(actionItem('new', { description: 'Call Sam', due_at: iso(new Date(2026, 10, 26, 9)) }));
    const second = mergeManagedBlock(userText, block(updated));
    assert.ok(second.ok && second.changed);
    assert.equal(sectionOf(second.text, 'late'), 'Done recently (last 14 days)');
    assert.match(second.text, /- \[x\] Send the report \(done 2026-11-25\)/);
    assert.equal(sectionOf(second.text, 'new'), 'Due this week');
    assert.equal(sectionOf(second.text, 'next'), undefined);
    assert.ok(second.text.endsWith(`${END_MARKER}\n\nMy own line\n`));
    const doneLines = second.text.split('\n').filter((l) => l.startsWith('- [x]'));
    assert.deepEqual(
      doneLines.map((l) => /omi:(\w+) -->$/.exec(l)?.[1]),
      ['late', 'done'],
      'latest completion first',
    );
  });

  it('appends the block to a file without markers and refuses a file with only one', () => {
    const appended = mergeManagedBlock('# Mine\nno newline at end', block(items));
    assert.ok(appended.ok && appended.appended);
    assert.ok(appended.text.startsWith(`# Mine\nno newline at end\n\n${BEGIN_MARKER}\n`));
    const broken = mergeManagedBlock(`# Mine\n${BEGIN_MARKER}\n- [ ] x\n`, block(items));
    assert.equal(broken.ok, false);
    assert.equal(mergeManagedBlock(`${END_MARKER}\n`, block(items)).ok, false);
  });

  it('keeps descriptions from faking markup, markers or links', () => {
    assert.equal(
      markdownText('a\n<!-- omi:end -->\n[x](javascript:y)'),
      'a \\<!-- omi:end --\\> \\[x\\](javascript:y)',
    );
    const hostile = [actionItem('h', { description: `${END_MARKER}\n${BEGIN_MARKER}` })];
    const text = mergeManagedBlock(undefined, block(hostile));
    assert.ok(text.ok);
    const again = mergeManagedBlock(text.text, block([]));
    assert.ok(again.ok);
    assert.ok(!again.text.includes('omi:h'), 'the whole old block was replaced');
    assert.equal(markdownText('x'.repeat(600)).length, 500);
  });

  it('says when the 2,000-item limit was reached', () => {
    const text = renderBlock(sortIntoSections(items, now), { ...options, capped: true }).join('\n');
    assert.match(text, /at most 2,000 action items/);
  });

  it('links to conversations through the URI handler, escaping the id', () => {
    const link = conversationLink('vscode-insiders', 'pub.ext', 'a b(c)');
    assert.equal(link, 'vscode-insiders://pub.ext/openConversation?id=a%20b%28c%29');
    const url = new URL(link);
    assert.deepEqual(parseItemLink(url.pathname, url.search.slice(1)), { kind: 'conversation', id: 'a b(c)' });
    assert.equal(parseItemLink('/other', 'id=x'), undefined);
    assert.equal(parseItemLink('/openConversation', 'id='), undefined);
  });
});
