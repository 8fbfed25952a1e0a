import * as assert from 'node:assert/strict';
import { buildTranscript, LONG_GAP_SECONDS, SPEAKER_COLOURS } from '../../../src/transcript/turns';

const seg = (
  speaker: number | null,
  start: unknown,
  end: unknown,
  text: string,
  extra: Record<string, unknown> = {},
) => ({
  speaker_id: speaker,
  speaker_name: speaker === null ? null : `Speaker ${speaker}`,
  start,
  end,
  text,
  ...extra,
});

describe('building speaker turns', () => {
  it('merges consecutive segments of one speaker into a turn', () => {
    const t = buildTranscript([
      seg(0, 0, 2, 'Hello.'),
      seg(0, 2.1, 4, 'How are you?'),
      seg(1, 4.5, 6, 'Fine.'),
      seg(0, 6.2, 7, 'Good.'),
    ]);
    assert.deepEqual(
      t.turns.map((turn) => [turn.speaker, turn.text, turn.start, turn.end, turn.segments]),
      [
        [0, 'Hello. How are you?', 0, 4, 2],
        [1, 'Fine.', 4.5, 6, 1],
        [0, 'Good.', 6.2, 7, 1],
      ],
    );
    assert.deepEqual(
      t.speakers.map((s) => [s.label, s.turns]),
      [
        ['Speaker 0', 2],
        ['Speaker 1', 1],
      ],
    );
    assert.equal(t.segmentCount, 4);
    assert.equal(t.duration, 7);
  });

  it('names speakers by speaker_name, else "Speaker N" from speaker_id, else Unknown', () => {
    const t = buildTranscript([
      { speaker_id: 0, speaker_name: 'Alex', text: 'a', start: 0, end: 1, is_user: true },
      { speaker_id: 3, text: 'b', start: 1, end: 2 },
      { speaker_id: null, speaker_name: '  ', text: 'c', start: 2, end: 3 },
      { text: 'd', start: 3, end: 4 },
      { speaker_name: 'Dana', text: 'e', start: 4, end: 5 },
    ]);
    assert.deepEqual(
      t.speakers.map((s) => [s.label, s.isUser]),
      [
        ['Alex', true],
        ['Speaker 3', false],
        ['Unknown', false],
        ['Dana', false],
      ],
    );
    // Two segments without any speaker are one Unknown speaker, so they merge into one turn.
    assert.deepEqual(
      t.turns.map((turn) => turn.text),
      ['a', 'b', 'c d', 'e'],
    );
  });

  it('gives the first speakers distinct colours, stable for the whole transcript', () => {
    const segments = Array.from({ length: 20 }, (_, i) => seg(i % 8, i, i + 0.5, `line ${i}`));
    const t = buildTranscript(segments);
    const firstSix = t.speakers.slice(0, SPEAKER_COLOURS).map((s) => s.colour);
    assert.deepEqual(firstSix, [0, 1, 2, 3, 4, 5]);
    assert.equal(t.speakers[6]?.colour, 0, 'colours repeat after the palette runs out');
    for (const turn of t.turns) {
      assert.equal(t.speakers[turn.speaker]?.key, `id:${Number(turn.text.slice(5)) % 8}`);
    }
  });

  it('puts unordered segments in time order, keeping the server order for equal times', () => {
    const t = buildTranscript([
      seg(1, 10, 11, 'third'),
      seg(0, 0, 1, 'first'),
      seg(2, 5, 6, 'second'),
      seg(3, 5, 6, 'tie'),
    ]);
    assert.deepEqual(
      t.turns.map((turn) => turn.text),
      ['first', 'second', 'tie', 'third'],
    );
  });

  it('survives overlaps, null and negative times and ends before starts', () => {
    const t = buildTranscript([
      seg(0, 0, 5, 'long'),
      seg(1, 2, 3, 'overlapping'),
      seg(1, null, null, 'untimed, after its predecessor'),
      seg(0, -3, -1, 'negative'),
      seg(2, 9, 4, 'ends before it starts'),
      seg(2, 'soon', {}, 'garbage times'),
    ]);
    const texts = t.turns.map((turn) => turn.text);
    assert.deepEqual(texts, [
      'long negative',
      'overlapping untimed, after its predecessor',
      'ends before it starts garbage times',
    ]);
    assert.equal(t.turns[0]?.start, 0, 'negative times read as the start');
    assert.equal(t.turns[2]?.end, 9, 'an end before the start is moved to the start');
    assert.ok(
      t.turns.every((turn) => turn.gapBefore === null),
      'overlaps are not gaps',
    );
    assert.equal(t.duration, 9);
  });

  it('keeps a transcript without any time readable, in server order', () => {
    const t = buildTranscript([seg(0, null, null, 'a'), seg(1, undefined, undefined, 'b'), seg(0, null, null, 'c')]);
    assert.deepEqual(
      t.turns.map((turn) => [turn.text, turn.start]),
      [
        ['a', null],
        ['b', null],
        ['c', null],
      ],
    );
    assert.equal(t.duration, null);
  });

  it('marks long silences, and splits one speaker’s talk across them', () => {
    const t = buildTranscript([
      seg(0, 0, 2, 'before'),
      seg(0, 2 + LONG_GAP_SECONDS, 40, 'after the pause'),
      seg(1, 41, 42, 'reply'),
      seg(0, 42 + LONG_GAP_SECONDS - 0.5, 80, 'short pause'),
    ]);
    assert.deepEqual(
      t.turns.map((turn) => [turn.text, turn.gapBefore]),
      [
        ['before', null],
        ['after the pause', LONG_GAP_SECONDS],
        ['reply', null],
        ['short pause', null],
      ],
    );
  });

  it('ignores what is not a segment list or not a segment', () => {
    assert.deepEqual(buildTranscript(undefined).turns, []);
    assert.deepEqual(buildTranscript({ length: 3 }).turns, []);
    const t = buildTranscript([null, 42, 'text', { text: 7, start: 1, end: 2 }]);
    assert.equal(t.segmentCount, 4);
    assert.equal(t.turns.length, 1, 'four speakerless segments are one Unknown turn');
    assert.equal(t.turns[0]?.text, '');
  });

  it('builds 5,000 segments into turns (its speed is measured by npm run bench)', () => {
    const segments = Array.from({ length: 5000 }, (_, i) =>
      seg(i % 3 === 0 ? 0 : (i % 5) + 1, i * 2, i * 2 + 1.5, `Sentence ${i}.`),
    );
    const t = buildTranscript(segments);
    assert.equal(t.segmentCount, 5000);
    assert.equal(
      t.turns.reduce((sum, turn) => sum + turn.segments, 0),
      5000,
      'every segment is in a turn',
    );
    assert.equal(t.speakers.length, 6);
  });
});
