import * as assert from 'node:assert/strict';
import { conversationFacts, toConversationView } from '../../../src/transcript/conversationView';
import { buildTranscript } from '../../../src/transcript/turns';
import { sampleConversation } from './fixtures';

const NOW = new Date('2026-11-28T12:00:00Z');

describe('the transcript panel’s view of a conversation', () => {
  it('lists the header facts that are known, in reading order', () => {
    const facts = conversationFacts(sampleConversation(), 'en-GB');
    assert.deepEqual(
      facts.map((f) => f.label),
      ['Category', 'Started', 'Finished', 'Duration', 'Language', 'Source', 'Place', 'Folder'],
    );
    assert.equal(facts.find((f) => f.label === 'Duration')?.value, '13 min');
    assert.equal(facts.find((f) => f.label === 'Place')?.value, 'Main Street 1');
  });

  it('builds sections, speakers and turns as plain strings', () => {
    const conversation = sampleConversation();
    const view = toConversationView(conversation, buildTranscript(conversation.transcript_segments), NOW);
    assert.equal(view.title, 'Weekly planning');
    assert.equal(view.emoji, '🗓️');
    assert.deepEqual(
      view.actionItems.map((a) => [a.description, a.completed, a.due]),
      [
        ['Send the notes', false, 'due tomorrow'],
        ['Book the room', true, null],
      ],
    );
    assert.equal(view.events[0]?.title, 'Review');
    assert.equal(view.events[0]?.duration, '45 min');
    assert.deepEqual(view.speakers, [
      { label: 'Alex', isUser: true, colour: 0, turns: 1 },
      { label: 'Dana', isUser: false, colour: 1, turns: 1 },
    ]);
    assert.deepEqual(view.turns, [
      { speaker: 0, time: '0:00', text: 'Shall we start?', gap: null },
      { speaker: 1, time: '0:02', text: 'Yes.', gap: null },
    ]);
    assert.equal(view.summary, '3 s · 2 speakers · 2 segments');
  });

  it('copes with the odd shapes a server sends', () => {
    const odd = sampleConversation({
      started_at: null,
      finished_at: null,
      created_at: null,
      language: null,
      source: null,
      geolocation: null,
      folder_name: null,
      structured: { events: [{ title: 7, start: 'not a date', duration: -30 }], action_items: 'none' } as never,
      transcript_segments: null,
    });
    const view = toConversationView(odd, buildTranscript(odd.transcript_segments), NOW);
    assert.equal(view.title, 'Untitled conversation');
    assert.equal(view.emoji, '');
    assert.equal(view.overview, '');
    assert.deepEqual(view.facts, []);
    assert.deepEqual(view.actionItems, []);
    assert.deepEqual(view.events, [{ title: '(untitled event)', start: null, duration: null }]);
    assert.deepEqual(view.turns, []);
    assert.equal(view.summary, '0 speakers · 0 segments');
  });
});
