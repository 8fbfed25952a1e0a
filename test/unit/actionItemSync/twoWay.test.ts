import * as assert from 'node:assert/strict';
import { BEGIN_MARKER, END_MARKER, mergeManagedBlock } from '../../../src/actionItemSync/managedBlock';
import { renderBlock } from '../../../src/actionItemSync/markdown';
import { sortIntoSections } from '../../../src/actionItemSync/sections';
import {
  hasEdits,
  type ParsedBlock,
  parseBlock,
  planTwoWay,
  recordOf,
  type SyncRecord,
  validRecord,
} from '../../../src/actionItemSync/twoWay';
import { EMPTY_REPORT, names, summarizeTwoWay } from '../../../src/actionItemSync/twoWaySummary';
import type { ActionItem } from '../../../src/api/models';
import { actionItem } from '../insights/fixtures';

const ORIGIN = 'https://api.omi.me';
const T0 = '2026-11-20T08:00:00.000Z';
const T1 = '2026-11-25T09:30:00.000Z';

const open = (id: string, fields: Partial<ActionItem> = {}) =>
  actionItem(id, { description: `Task ${id}`, updated_at: T0, ...fields });
const done = (id: string, fields: Partial<ActionItem> = {}) =>
  open(id, { completed: true, completed_at: T0, ...fields });

/** A block as the file shows it: `[id, ticked]` pairs. */
function blockOf(lines: [string, boolean][]): ParsedBlock {
  const text = [
    BEGIN_MARKER,
    ...lines.map(([id, ticked]) => `- [${ticked ? 'x' : ' '}] Task ${id} <!-- omi:${id} -->`),
    END_MARKER,
  ].join('\n');
  return parseBlock(text);
}

describe('Two-way checklist sync', () => {
  describe('parseBlock', () => {
    it('reads each item line of the block, its box, id and text, and nothing outside the block', () => {
      const text = [
        '- [x] mine, outside <!-- omi:outside -->',
        BEGIN_MARKER,
        '> a note',
        '## Overdue (1)',
        '- [ ] Send the \\*report\\* (due 2026-11-24) · [conversation](vscode://x/openConversation?id=c1) <!-- omi:a -->',
        '- [X] Pay rent (done 2026-11-20) <!-- omi:b%2Fc -->',
        '  * [x] indented, other bullet <!-- omi:d -->',
        '- [ ] no marker here',
        '- [?] not a box <!-- omi:e -->',
        END_MARKER,
      ].join('\r\n');
      const block = parseBlock(text);
      assert.deepEqual(
        [...block.items.values()],
        [
          { id: 'a', completed: false, text: 'Send the *report*' },
          { id: 'b/c', completed: true, text: 'Pay rent' },
          { id: 'd', completed: true, text: 'indented, other bullet' },
        ],
      );
      assert.deepEqual(block.ambiguous, []);
    });

    it('has no items without a complete block', () => {
      assert.equal(parseBlock(undefined).items.size, 0);
      assert.equal(parseBlock(`${BEGIN_MARKER}\n- [x] a <!-- omi:a -->\n`).items.size, 0);
    });
  });

  describe('planTwoWay', () => {
    const record = (...items: ActionItem[]): SyncRecord => recordOf(ORIGIN, items);

    it('sends a box ticked in the file only', () => {
      const server = [open('a'), open('b')];
      const plan = planTwoWay(
        blockOf([
          ['a', true],
          ['b', false],
        ]),
        record(...server),
        server,
        false,
      );
      assert.deepEqual(
        plan.send.map((s) => [s.item.id, s.completed]),
        [['a', true]],
      );
      assert.equal(plan.send[0]?.item, server[0], 'with the server’s item');
      assert.deepEqual([plan.agreed, plan.conflicts, plan.deleted, plan.notSent], [[], [], [], []]);
    });

    it('sends a box unticked in the file only', () => {
      const server = [done('a')];
      const plan = planTwoWay(blockOf([['a', false]]), record(...server), server, false);
      assert.deepEqual(
        plan.send.map((s) => [s.item.id, s.completed]),
        [['a', false]],
      );
    });

    it('sends nothing when the box was ticked in the file and the item completed on the server too', () => {
      const before = open('a');
      const server = [done('a', { updated_at: T1, completed_at: T1 })];
      const plan = planTwoWay(blockOf([['a', true]]), record(before), server, false);
      assert.deepEqual(plan.send, []);
      assert.deepEqual(plan.conflicts, []);
      assert.deepEqual(plan.agreed, server);
    });

    it('keeps the server’s state when the ticked item’s description changed on the server', () => {
      const before = open('a');
      const server = [open('a', { description: 'Renamed', updated_at: T1 })];
      const plan = planTwoWay(blockOf([['a', true]]), record(before), server, false);
      assert.deepEqual(plan.send, []);
      assert.deepEqual(plan.conflicts, server);
    });

    it('keeps the server’s state when the item was completed and reopened on the server meanwhile', () => {
      const before = open('a');
      const server = [open('a', { updated_at: T1 })];
      const plan = planTwoWay(blockOf([['a', true]]), record(before), server, false);
      assert.deepEqual(plan.send, []);
      assert.deepEqual(plan.conflicts, server);
    });

    it('also sees a changed completed_at on servers that leave updated_at alone', () => {
      const before = done('a', { updated_at: null });
      const server = [done('a', { updated_at: null, completed_at: T1 })];
      const plan = planTwoWay(blockOf([['a', false]]), record(before), server, false);
      assert.deepEqual(plan.conflicts, server);
    });

    it('lets an item deleted on the server leave the block, saying whether the user had changed its box', () => {
      const plan = planTwoWay(
        blockOf([
          ['a', true],
          ['b', false],
          ['c', false],
        ]),
        record(open('a'), open('b'), open('c')),
        [open('c')],
        false,
      );
      assert.deepEqual(plan.send, []);
      assert.deepEqual(plan.deleted, [
        { id: 'a', text: 'Task a', changed: true },
        { id: 'b', text: 'Task b', changed: false },
      ]);
    });

    it('does not call a missing item deleted when the list stopped at the server’s limit', () => {
      const plan = planTwoWay(
        blockOf([
          ['a', true],
          ['b', false],
        ]),
        record(open('a'), open('b')),
        [],
        true,
      );
      assert.deepEqual(plan.deleted, []);
      assert.deepEqual(plan.notSent, [{ id: 'a', text: 'Task a', reason: 'capped' }]);
    });

    it('plans nothing for an item new on the server (the rewrite adds it)', () => {
      const server = [open('a'), open('new')];
      const plan = planTwoWay(blockOf([['a', false]]), record(open('a')), server, false);
      assert.deepEqual(plan, { send: [], agreed: [], conflicts: [], deleted: [], notSent: [] });
    });

    it('does not send a box for an item that was not in the block at the last sync', () => {
      const server = [open('a'), open('b'), open('c')];
      const plan = planTwoWay(
        blockOf([
          ['a', false],
          ['b', true],
          ['c', false],
        ]),
        record(open('a')),
        server,
        false,
      );
      assert.deepEqual(plan.send, []);
      assert.deepEqual(plan.notSent, [{ id: 'b', text: 'Task b', reason: 'notInRecord' }], 'c agrees with Omi');
    });

    it('is one-way without a record (first sync), naming the boxes that differ from Omi', () => {
      const server = [open('a'), done('b')];
      const plan = planTwoWay(
        blockOf([
          ['a', true],
          ['b', true],
        ]),
        undefined,
        server,
        false,
      );
      assert.deepEqual(plan.send, []);
      assert.deepEqual(plan.notSent, [{ id: 'a', text: 'Task a', reason: 'noRecord' }]);
      assert.deepEqual(planTwoWay(parseBlock(undefined), undefined, server, false).notSent, [], 'no file yet');
    });

    it('sends an id on several lines once when its boxes agree, and not at all when they differ', () => {
      const server = [open('a'), open('b')];
      const block = blockOf([
        ['a', true],
        ['a', true],
        ['b', true],
        ['b', false],
      ]);
      assert.deepEqual([...block.items.keys()], ['a'], 'b is ambiguous');
      const plan = planTwoWay(block, record(...server), server, false);
      assert.deepEqual(
        plan.send.map((s) => [s.item.id, s.completed]),
        [['a', true]],
      );
      assert.deepEqual(plan.notSent, [{ id: 'b', text: 'Task b', reason: 'ambiguous' }]);
    });
  });

  describe('the record of the last sync', () => {
    it('holds each listed item’s box and dates, for this server only', () => {
      const stored = JSON.parse(JSON.stringify(recordOf(ORIGIN, [open('a'), done('b', { updated_at: null })])));
      assert.deepEqual(validRecord(stored, ORIGIN)?.items, {
        a: { completed: false, updatedAt: T0, completedAt: null },
        b: { completed: true, updatedAt: null, completedAt: T0 },
      });
      assert.equal(validRecord(stored, 'http://127.0.0.1:8787'), undefined, 'another server: no record');
      assert.equal(validRecord(undefined, ORIGIN), undefined);
      assert.equal(validRecord({ version: 2, origin: ORIGIN, items: {} }, ORIGIN), undefined);
    });

    it('asks for the server’s fresh state only when a box differs from the record', () => {
      const rec = recordOf(ORIGIN, [open('a'), done('b')]);
      assert.equal(
        hasEdits(
          blockOf([
            ['a', false],
            ['b', true],
          ]),
          rec,
        ),
        false,
      );
      assert.equal(hasEdits(blockOf([['a', true]]), rec), true);
      assert.equal(hasEdits(blockOf([['c', false]]), rec), true, 'not in the record');
      assert.equal(hasEdits(blockOf([['a', false]]), undefined), true, 'no record');
      assert.equal(hasEdits(parseBlock(undefined), undefined), false, 'no block');
    });
  });

  describe('a whole sync, as the file sees it', () => {
    const options = { linkFor: () => undefined, capped: false, twoWay: true };
    const now = new Date('2026-11-25T12:00:00Z');
    const render = (items: readonly ActionItem[]) => renderBlock(sortIntoSections(items, now), options);

    it('keeps the text outside the block byte for byte, CRLF included, and shows the server’s state after', () => {
      const server = [open('a'), open('b'), open('c')];
      const before = '\uFEFF# My week\r\n\r\n- [ ] my own <!-- omi:a -->\r\n\r\n';
      const after = '\r\n\r\nTrailing *notes*\r\nno newline at the end';
      const first = mergeManagedBlock(`${before}${BEGIN_MARKER}\r\n${END_MARKER}${after}`, render(server));
      assert.ok(first.ok);
      const record = recordOf(ORIGIN, server);
      // The user ticks a and b in the block; c changed on the server meanwhile, b was deleted there.
      const edited = first.text.replace('- [ ] Task a', '- [x] Task a').replace('- [ ] Task b', '- [x] Task b');
      const serverNow = [open('a'), open('c', { description: 'Task c, renamed', updated_at: T1 })];
      const block = parseBlock(edited);
      assert.equal(block.items.get('outside'), undefined);
      const plan = planTwoWay(block, record, serverNow, false);
      assert.deepEqual(
        plan.send.map((s) => s.item.id),
        ['a'],
      );
      assert.deepEqual(
        plan.deleted.map((d) => [d.id, d.changed]),
        [['b', true]],
      );
      const answered = serverNow.map((item) =>
        item.id === 'a' ? { ...item, completed: true, completed_at: T1, updated_at: T1 } : item,
      );
      const second = mergeManagedBlock(edited, render(answered));
      assert.ok(second.ok && second.changed);
      assert.ok(second.text.startsWith(before), 'text above the block kept');
      assert.ok(second.text.endsWith(after), 'text below the block kept');
      const inside = second.text.slice(before.length, second.text.length - after.length);
      assert.ok(!/[^\r]\n/.test(inside), 'the block keeps the file’s CRLF');
      const rewritten = parseBlock(second.text);
      assert.deepEqual(
        [...rewritten.items.values()].map((l) => [l.id, l.completed, l.text]),
        [
          ['c', false, 'Task c, renamed'],
          ['a', true, 'Task a'],
        ],
      );
      assert.equal(hasEdits(rewritten, recordOf(ORIGIN, answered)), false, 'the next sync finds nothing to send');
    });

    it('says in the block whether its boxes are sent to Omi', () => {
      const twoWay = render([]).join('\n');
      assert.match(twoWay, /the\n> change is sent to Omi first/);
      const oneWay = renderBlock(sortIntoSections([], now), { ...options, twoWay: false }).join('\n');
      assert.match(oneWay, /does not change anything in Omi/);
    });
  });

  describe('summarizeTwoWay', () => {
    it('says what was sent and which conflicts kept the server’s state', () => {
      const summary = summarizeTwoWay({
        ...EMPTY_REPORT,
        sent: [{ text: 'a' }, { text: 'b' }],
        conflicts: [{ text: 'Call Sam' }],
      });
      assert.equal(summary.text, "2 changes sent to Omi. 1 conflict: the server's state was kept for “Call Sam”.");
      assert.deepEqual([summary.attention, summary.touched], [true, true]);
    });

    it('names what was deleted in Omi, what was refused and why, and what was not sent', () => {
      const summary = summarizeTwoWay({
        ...EMPTY_REPORT,
        sent: [{ text: 'Pay rent' }],
        deleted: [
          { text: 'Gone', changed: true },
          { text: 'Also gone', changed: false },
        ],
        refused: [
          { text: 'x', reason: 'This key is read-only.' },
          { text: 'y', reason: 'This key is read-only.' },
        ],
        notSent: [{ text: 'z', reason: 'ambiguous' }],
      });
      assert.equal(
        summary.text,
        '1 change sent to Omi: “Pay rent”. Deleted in Omi, so your change was not sent, and gone from the checklist: “Gone”. ' +
          'Deleted in Omi, and gone from the checklist: “Also gone”. ' +
          'Not sent, and shown as in Omi again: “x”, “y”. This key is read-only. ' +
          'Not sent, and shown as in Omi again: “z”. Each is on several lines with different boxes.',
      );
      assert.equal(summary.attention, true);
    });

    it('is silent when the user’s ticks played no part', () => {
      const summary = summarizeTwoWay({ ...EMPTY_REPORT, deleted: [{ text: 'Gone', changed: false }] });
      assert.deepEqual([summary.attention, summary.touched], [false, false]);
      assert.deepEqual(summarizeTwoWay(EMPTY_REPORT), { text: '', attention: false, touched: false });
    });

    it('names at most three items, shortened', () => {
      const many = ['a', 'b', 'c', 'd', 'e'].map((text) => ({ text }));
      assert.equal(names(many), '“a”, “b”, “c” and 2 more');
      assert.equal(names([{ text: 'x'.repeat(80) }]), `“${'x'.repeat(59)}…”`);
    });
  });
});
