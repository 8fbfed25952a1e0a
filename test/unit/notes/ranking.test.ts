import * as assert from 'node:assert/strict';
import { type Candidate, matchScore, matchTrigger, queryWords, rankCandidates } from '../../../src/notes/ranking';

const ID = 'omi-community.omi-vscode';

describe('Notes: completion ranking and triggers', () => {
  const candidates: Candidate<string>[] = [
    { value: 'old-budget', text: 'Budget review with Anna', time: 1 },
    { value: 'new-budget', text: 'Budget review with Anna', time: 5 },
    { value: 'inside', text: 'The rebudgeting plan', time: 9 },
    { value: 'phrase', text: 'Anna budget review notes', time: 2 },
    { value: 'coffee', text: 'Anna likes oat milk in coffee', time: 7 },
  ];

  it('keeps the items holding every word, word starts before word middles, newest among equals', () => {
    assert.deepEqual(rankCandidates('budget', candidates, 10), ['new-budget', 'phrase', 'old-budget', 'inside']);
    assert.deepEqual(rankCandidates('budget review', candidates, 10), ['new-budget', 'phrase', 'old-budget']);
    const phrase = [
      { value: 'apart', text: 'milk, then oat flakes', time: 9 },
      { value: 'together', text: 'oat milk', time: 1 },
    ];
    assert.deepEqual(rankCandidates('oat milk', phrase, 10), ['together', 'apart']);
    assert.deepEqual(rankCandidates('anna coffee', candidates, 10), ['coffee']);
    assert.deepEqual(rankCandidates('nothing here', candidates, 10), []);
  });

  it('offers the newest first when no word is typed, up to the limit', () => {
    assert.deepEqual(rankCandidates('', candidates, 3), ['inside', 'coffee', 'new-budget']);
  });

  it('reads words in any script and scores a missing word as no match', () => {
    assert.deepEqual(queryWords('Café, Ärger & 42!'), ['café', 'ärger', '42']);
    assert.equal(matchScore('Budget review', ['budget', 'travel']), 0);
    assert.ok(matchScore('Budget review', ['budget']) > matchScore('rebudget', ['budget']));
  });

  it('recognises @omi (as it is typed) with the words after it, and an Omi link being typed', () => {
    assert.deepEqual(matchTrigger('Notes @omi budget rev', ID), { kind: 'mention', start: 6, query: 'budget rev' });
    assert.deepEqual(matchTrigger('@om', ID), { kind: 'mention', start: 0, query: '' });
    assert.deepEqual(matchTrigger('- @', ID), { kind: 'mention', start: 2, query: '' });
    assert.equal(matchTrigger('mail me@omi', ID), undefined);
    assert.equal(matchTrigger('@omicron', ID), undefined);
    assert.deepEqual(matchTrigger('see vscode://omi-community.omi-vscode/open', ID), { kind: 'link', start: 4 });
  });
});
