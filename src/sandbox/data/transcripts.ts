import type { TranscriptSegment } from '../types';
import type { Speaker, TranscriptPlan } from './conversations';
import { HOSTILE_SNIPPETS, megabyteText } from './hostile-strings';
import { Random } from './random';
import { type FillContext, fill, type RecentLines, spokenSentence } from './sentences';

interface Turn {
  speaker: Speaker;
  text: string;
  /** Seconds of speech. */
  length: number;
  /** Seconds of silence before this turn. */
  gap: number;
}

function nextSpeaker(rng: Random, speakers: readonly Speaker[], current: Speaker | null): Speaker {
  if (current && rng.chance(0.2)) {
    return current;
  }
  const others = speakers.filter((s) => s !== current);
  return rng.weighted(others.map((s) => [s, s.weight] as const));
}

function speechSeconds(rng: Random, text: string): number {
  const words = text.split(/\s+/).filter(Boolean).length;
  return Math.max(0.6, words / rng.float(2.2, 3.2) + rng.float(0.1, 0.5));
}

function turnText(rng: Random, ctx: FillContext, plan: TranscriptPlan, index: number, recent: RecentLines): string {
  const { topic } = plan;
  if (index === 0) {
    return fill(rng.pick(topic.openers), ctx);
  }
  if (index === plan.segmentCount - 1 && plan.segmentCount > 2) {
    return fill(rng.pick(topic.closers), ctx);
  }
  if (plan.oddity !== 'none' && rng.chance(0.05)) {
    return rng.pick(HOSTILE_SNIPPETS);
  }
  const sentences = rng.weighted([
    [1, 55],
    [2, 32],
    [3, 13],
  ] as const);
  return Array.from({ length: sentences }, () => spokenSentence(ctx, recent)).join(' ');
}

/** Stretches or squeezes the timeline so the last turn ends at the conversation's duration. */
function fitToDuration(rng: Random, turns: Turn[], durationSec: number): void {
  const total = turns.reduce((sum, t) => sum + t.gap + t.length, 0);
  if (total > durationSec) {
    const scale = durationSec / total;
    for (const t of turns) {
      t.gap *= scale;
      t.length *= scale;
    }
    return;
  }
  // Recorders keep running through silences: spend the extra time on a few long pauses.
  let pauses = turns.map((t, i) => (t.gap > 8 ? i : -1)).filter((i) => i > 0);
  if (pauses.length === 0 && turns.length > 1) {
    pauses = rng.sample(turns.map((_, i) => i).slice(1), Math.max(1, Math.floor(turns.length / 40)));
  }
  if (pauses.length === 0) {
    return;
  }
  const shares = pauses.map(() => rng.float(0.2, 1));
  const sum = shares.reduce((a, b) => a + b, 0);
  const extra = durationSec - total;
  pauses.forEach((turnIndex, i) => {
    turns[turnIndex]!.gap += (extra * shares[i]!) / sum;
  });
}

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

function speakerName(plan: TranscriptPlan, speaker: Speaker): string | null {
  if (plan.nameless) {
    return null;
  }
  return speaker.name ?? `Speaker ${speaker.id}`;
}

/** Hostile mode: some segments swap places, some overlap their predecessor, some have no speaker at all. */
function disorder(rng: Random, segments: TranscriptSegment[]): void {
  for (let i = 1; i < segments.length; i++) {
    if (rng.chance(0.05)) {
      segments[i] = { ...segments[i]!, speaker_id: null, speaker_name: null };
    }
    if (rng.chance(0.08)) {
      const previous = segments[i - 1]!;
      segments[i] = { ...segments[i]!, start: round(previous.start + 0.4) };
    }
    if (rng.chance(0.05)) {
      [segments[i - 1], segments[i]] = [segments[i]!, segments[i - 1]!];
    }
  }
}

export function generateTranscript(plan: TranscriptPlan): TranscriptSegment[] {
  const rng = new Random(plan.seed);
  const ctx: FillContext = {
    rng,
    topic: plan.topic,
    focus: plan.focus,
    participants: plan.participants,
    absent: plan.absent,
  };
  const turns: Turn[] = [];
  const recent: RecentLines = [];
  let speaker: Speaker | null = null;
  for (let i = 0; i < plan.segmentCount; i++) {
    // A crowd opens with a roll call so that every speaker is heard at least once.
    speaker =
      plan.oddity === 'crowd' && i < plan.speakers.length
        ? plan.speakers[i]!
        : nextSpeaker(rng, plan.speakers, speaker);
    const text = turnText(rng, ctx, plan, i, recent);
    const gap = i === 0 ? rng.float(0, 2.5) : rng.chance(0.03) ? rng.float(8, 60) : rng.float(0.05, 1.2);
    turns.push({ speaker, text, length: speechSeconds(rng, text), gap });
  }
  fitToDuration(rng, turns, plan.durationSec);

  const segments: TranscriptSegment[] = [];
  let clock = 0;
  for (const turn of turns) {
    const start = clock + turn.gap;
    const end = start + turn.length;
    clock = end;
    const segment: TranscriptSegment = {
      id: rng.uuid(),
      text: turn.text,
      speaker_id: turn.speaker.id,
      speaker_name: speakerName(plan, turn.speaker),
      start: round(start),
      end: round(end),
    };
    if (plan.withIsUser) {
      segment.is_user = turn.speaker.isUser;
    }
    segments.push(segment);
  }

  if (plan.oddity === 'disorder') {
    disorder(rng, segments);
  }
  if (plan.oddity === 'huge' && segments.length > 0) {
    segments[Math.floor(segments.length / 2)]!.text = megabyteText();
  }
  return segments;
}
