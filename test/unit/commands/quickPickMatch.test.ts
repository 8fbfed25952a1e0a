import * as assert from 'node:assert/strict';
import { firstShown, isShown, matches } from '../../../src/commands/quickPickMatch';

// Expectations checked against VS Code 1.100's quick pick (filters.ts matchesFuzzy, quickInputTree.ts filter).
describe('quickPickMatch: the rows a quick pick shows for what was typed', () => {
  it('shows every row for empty or blank text, and trims what was typed', () => {
    assert.equal(isShown({ label: 'Anything' }, ''), true);
    assert.equal(isShown({ label: 'Anything' }, '   '), true);
    assert.equal(isShown({ label: 'Likes the sea' }, '  the  '), true);
  });

  it('matches text anywhere in the label, ignoring case', () => {
    assert.equal(matches('the', 'Alex likes THE sea'), true);
    assert.equal(matches('ex li', 'Alex likes the sea'), true);
    assert.equal(matches('sea.', 'Alex likes the sea'), false, '. is a character, not "any character"');
    assert.equal(matches('(14)', 'apartment (14)'), true, 'brackets are characters too');
  });

  it('lets * stand for any run of characters', () => {
    assert.equal(matches('alex*sea', 'Alex likes the sea'), true);
    assert.equal(matches('sea*alex', 'Alex likes the sea'), false);
  });

  it('matches the starts of words spelled in order, as VS Code does', () => {
    assert.equal(matches('lts', 'Alex likes the sea'), true, 'l(ikes) t(he) s(ea)');
    assert.equal(matches('likth', 'Alex likes the sea'), true, 'lik(es) th(e)');
    assert.equal(matches('lxs', 'Alex likes the sea'), false, 'x does not start a word');
    assert.equal(matches('the', 'Takes his exam on Friday'), true, 'T(akes) h(is) e(xam)');
    assert.equal(matches('gd', 'GitDiff'), true, 'capitals start words');
    assert.equal(matches('sea', 'Alex likes the s'), false);
  });

  it('reads only the first 60 characters for word starts, and not text that is not mostly words', () => {
    const long = `${'a'.repeat(61)} zebra`;
    assert.equal(matches('az', long), false, 'z(ebra) is past the 60th character');
    assert.equal(matches('zebra', long), true, 'a contiguous match counts anywhere');
    assert.equal(matches('12', '1 2 3 4 5 6'), false, 'digits and spaces are not words');
  });

  it('ignores $(icon) markers in labels', () => {
    assert.equal(matches('star', '$(star) Starred'), true);
    assert.equal(matches('(star)', '$(star) Starred'), false);
  });

  it('finds the first row shown in the rows’ order, by label or description', () => {
    const rows = [
      { label: 'Alex likes the sea', description: '2026-11-02 · travel' },
      { label: 'The spare key is with the neighbor', description: '2026-11-03' },
      { label: 'Gate code changes monthly', description: '2026-11-04 · home' },
    ];
    assert.equal(firstShown(rows, 'the'), rows[0]);
    assert.equal(firstShown(rows, 'neighbor'), rows[1]);
    assert.equal(firstShown(rows, 'home'), rows[2], 'by its description');
    assert.equal(firstShown(rows, ''), rows[0]);
    assert.equal(firstShown(rows, 'zebra'), undefined);
  });
});
