import * as assert from 'node:assert/strict';
import { toConversationView } from '../../../src/transcript/conversationView';
import {
  type ConversationView,
  FIRST_SCREEN_CHARACTERS,
  FIRST_SCREEN_TURNS,
  firstScreen,
  firstScreenLength,
  parseTranscriptState,
  showMessage,
  type TurnView,
} from '../../../src/transcript/messages';
import { buildTranscript } from '../../../src/transcript/turns';
import { sampleConversation } from './fixtures';

const NOW = new Date('2026-11-28T12:00:00Z');

/** A conversation of `count` turns, two speakers taking turns, each turn `text` long. */
function viewWithTurns(count: number, text = 'Some words.'): ConversationView {
  const segments = Array.from({ length: count }, (_, i) => ({
    speaker_id: i % 2,
    speaker_name: i % 2 ? 'Dana' : 'Alex',
    text,
    start: i * 2,
    end: i * 2 + 1,
  }));
  const conversation = sampleConversation({ transcript_segments: segments });
  return toConversationView(conversation, buildTranscript(segments), NOW);
}

function turns(n: number, text = 'x'): TurnView[] {
  return Array.from({ length: n }, () => ({ speaker: 0, time: '0:01', text, gap: null }));
}

describe('the message that carries a conversation to its panel', () => {
  it('holds a short conversation whole as its first screen', () => {
    const view = viewWithTurns(3);
    assert.deepEqual(showMessage(view), { type: 'show', conversation: view, totalTurns: 3, rest: [] });
  });

  it('holds a long one as its first screen, then every other turn once, in order', () => {
    const view = viewWithTurns(1234);
    assert.equal(view.turns.length, 1234);
    const show = showMessage(view);
    assert.equal(show.totalTurns, 1234);
    assert.equal(show.conversation.turns.length, FIRST_SCREEN_TURNS);
    assert.deepEqual({ ...show.conversation, turns: view.turns }, view, 'the header and sections are all there');
    assert.deepEqual([...show.conversation.turns, ...(show.rest ?? [])], view.turns);
  });

  it('for a new title over the same turns, holds the first screen alone', () => {
    const view = viewWithTurns(1234);
    const { rest: _rest, ...screen } = showMessage(view);
    assert.deepEqual(firstScreen(view), screen);
  });

  it('keeps the first screen to about a screenful of text, but always at least one turn', () => {
    assert.equal(firstScreenLength([]), 0);
    assert.equal(firstScreenLength(turns(5)), 5);
    assert.equal(firstScreenLength(turns(FIRST_SCREEN_TURNS + 1)), FIRST_SCREEN_TURNS);
    assert.equal(firstScreenLength(turns(3, 'x'.repeat(FIRST_SCREEN_CHARACTERS * 2))), 1);
    const half = Math.ceil(FIRST_SCREEN_CHARACTERS / 2);
    assert.equal(firstScreenLength(turns(10, 'x'.repeat(half))), 2);
  });
});

describe('the first screen a transcript webview saves', () => {
  const view = viewWithTurns(100);
  const screen = firstScreen(view);
  const saved = (shown: unknown) => ({ conversationId: view.id, hiddenSpeakers: [1], firstScreen: shown });

  it('is read back with the rest of the state', () => {
    assert.deepEqual(parseTranscriptState(JSON.parse(JSON.stringify(saved(screen)))), saved(screen));
  });

  it('is read back without the rest of the turns', () => {
    assert.deepEqual(parseTranscriptState(saved(showMessage(view))), saved(screen));
  });

  it('comes with the reader’s place when that is a turn index', () => {
    assert.deepEqual(parseTranscriptState({ ...saved(screen), topTurn: 70 }), {
      ...saved(screen),
      topTurn: 70,
    });
    for (const topTurn of [-1, 1.5, '70', null, 2 ** 60]) {
      assert.deepEqual(parseTranscriptState({ ...saved(screen), topTurn }), saved(screen));
    }
  });

  it('is dropped, keeping the rest of the state, when it is not a first screen of that conversation', () => {
    const turn = screen.conversation.turns[0]!;
    const other = (conversation: Partial<ConversationView> & Record<string, unknown>, totalTurns = 100) => ({
      type: 'show',
      conversation: { ...screen.conversation, ...conversation },
      totalTurns,
    });
    for (const bad of [
      null,
      'show',
      { ...screen, type: 'turns' },
      other({ id: 'another conversation' }),
      other({}, 3),
      other({}, -1),
      other({ title: 5 } as never),
      other({ facts: [{ label: 'Started' }] } as never),
      other({ speakers: 'Alex' } as never),
      other({ turns: [{ ...turn, text: ['<b>'] }] } as never),
      other({ turns: [{ ...turn, speaker: 7 }] }),
      other({ turns: [{ ...turn, gap: 3 }] } as never),
      other({ actionItems: [{ description: 'x', completed: 'no', due: null, overdue: false }] } as never),
    ]) {
      assert.deepEqual(parseTranscriptState(saved(bad)), { conversationId: view.id, hiddenSpeakers: [1] });
    }
  });
});
