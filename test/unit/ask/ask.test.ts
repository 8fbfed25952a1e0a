import * as assert from 'node:assert/strict';
import type { ActionItem, Conversation } from '../../../src/api/models';
import { answerText } from '../../../src/ask/answerText';
import { ASKS_PER_HOUR, recordAsk, recordRateLimit, remaining } from '../../../src/ask/askBudget';
import { parseAskMessage } from '../../../src/ask/askProtocol';
import { actionItemLine, conversationDetail, memoryLine, withinBudget } from '../../../src/ask/compactText';

const HOUR = 60 * 60 * 1000;

describe('the hour’s question budget', () => {
  it('counts the questions of the last hour and frees each an hour after it was asked', () => {
    let state = { askedAt: [] as number[] };
    const start = 1_000_000;
    for (let i = 0; i < ASKS_PER_HOUR; i++) state = recordAsk(state, start + i * 1000);
    assert.deepEqual(remaining(state, start + ASKS_PER_HOUR * 1000), { left: 0, freeAt: start + HOUR });
    assert.equal(remaining(state, start + HOUR + 1).left, 1, 'the first one has expired');
    assert.equal(recordAsk(state, start + 2 * HOUR).askedAt.length, 1, 'old times are dropped when recording');
  });

  it('after a 429 nothing is left until Omi said', () => {
    const state = recordRateLimit({ askedAt: [] }, 0, 5 * 60 * 1000);
    assert.deepEqual(remaining(state, 1000), { left: 0, freeAt: 5 * 60 * 1000 });
    assert.equal(remaining(state, 5 * 60 * 1000 + 1).left, ASKS_PER_HOUR);
  });
});

describe('Ask panel messages', () => {
  it('accepts only well-formed messages from the page', () => {
    assert.deepEqual(parseAskMessage({ type: 'openSource', id: 'c1' }), { type: 'openSource', id: 'c1' });
    assert.deepEqual(parseAskMessage({ type: 'copy', index: 2 }), { type: 'copy', index: 2 });
    for (const bad of [
      null,
      'ready',
      { type: 'copy', index: -1 },
      { type: 'copy', index: 1.5 },
      { type: 'openSource' },
      { type: 'run', command: 'x' },
    ]) {
      assert.equal(parseAskMessage(bad), undefined, JSON.stringify(bad));
    }
  });
});

describe('an answer as text', () => {
  const answer = {
    answer: 'You promised Sam the draft by Friday.',
    sources: [{ id: 'c1', title: 'Call with Sam', created_at: '2026-11-28T10:00:00Z' }],
  };
  it('in Markdown: the question as a heading, the sources as a list', () => {
    assert.equal(
      answerText('What did I  promise Sam?', answer, true, (iso) => iso.slice(0, 10)),
      '### What did I promise Sam?\n\nYou promised Sam the draft by Friday.\n\nSources:\n- Call with Sam (2026-11-28)\n',
    );
  });
  it('keeps Omi’s text literal, without sources when there are none', () => {
    const literal = ['$1 and $', '{HOME} <b>'].join('');
    const text = answerText('Q', { answer: literal, sources: [] }, false, (iso) => iso);
    assert.equal(text, `Q\n\n${literal}\n`);
  });
});

describe('compact text for language models', () => {
  it('keeps within the budget and says how many lines were left out', () => {
    const lines = Array.from({ length: 100 }, (_, i) => `line ${i} ${'x'.repeat(90)}`);
    const text = withinBudget(lines, 1000);
    assert.ok(text.length <= 1100);
    assert.match(text, /… and \d+ more not shown\.$/);
    assert.equal(withinBudget(['a', 'b'], 1000), 'a\nb');
  });

  it('one line per item, with its id and the facts that matter', () => {
    assert.equal(
      memoryLine({ id: 'm1', content: ' Likes\njazz ', category: 'interests', relevance_score: 0.876 }),
      '- [memory m1] (interests relevance=0.88) Likes jazz',
    );
    const item = {
      id: 'a1',
      description: 'Send the draft',
      completed: false,
      due_at: '2026-12-05T23:59:00Z',
      conversation_id: 'c1',
    } as ActionItem;
    assert.equal(actionItemLine(item), '- [action item a1] (open, due=2026-12-05, conversation=c1) Send the draft');
  });

  it('a conversation in detail cuts a long transcript to the budget', () => {
    const segments = Array.from({ length: 2000 }, (_, i) => ({
      text: `sentence ${i} of the meeting`,
      speaker_id: i % 2,
      start: i,
      end: i + 1,
    }));
    const conversation = {
      id: 'c1',
      created_at: null,
      started_at: '2026-11-28T10:00:00Z',
      finished_at: null,
      structured: {
        title: 'Planning',
        overview: 'We planned.',
        emoji: '',
        category: 'work',
        action_items: [],
        events: [],
      },
      transcript_segments: segments,
    } as unknown as Conversation;
    const text = conversationDetail(conversation, 3000);
    assert.ok(text.startsWith('Planning [conversation c1]'));
    assert.ok(text.length < 3200, String(text.length));
    assert.match(text, /more not shown\.$/);
    assert.match(conversationDetail({ ...conversation, transcript_segments: undefined }), /Transcript not included/);
  });
});
