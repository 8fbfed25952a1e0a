// Transcript segments as a reader wants them: speaker turns in time order (no vscode import: unit-tested).
import * as l10n from '@vscode/l10n';

// Segments come from the server unvalidated, so every field is read defensively: times may be null, negative or out
// of order, speakers may be missing, and a newer server may send shapes this version does not know.

/** Silence between turns at least this long is shown, and splits one speaker's talk into two turns. */
export const LONG_GAP_SECONDS = 30;
/** How many distinct speaker colours the theme offers (--vscode-charts-*). */
export const SPEAKER_COLOURS = 6;

export interface Speaker {
  /** "id:3", "name:Dana", "user" or "unknown": what makes two segments the same speaker. */
  key: string;
  label: string;
  isUser: boolean;
  /** 0..SPEAKER_COLOURS-1, by order of first appearance, so the first six speakers never share a colour. */
  colour: number;
  turns: number;
}

export interface Turn {
  /** Index into `Transcript.speakers`. */
  speaker: number;
  /** Seconds from the conversation's start; null when no segment of the turn has a time. */
  start: number | null;
  end: number | null;
  text: string;
  segments: number;
  /** The silence before this turn, when at least the long-gap threshold. */
  gapBefore: number | null;
}

export interface Transcript {
  speakers: Speaker[];
  turns: Turn[];
  segmentCount: number;
  /** Seconds up to the last moment any segment reaches; null when no segment has a time. */
  duration: number | null;
}

interface Segment {
  text: string;
  start: number | null;
  end: number | null;
  key: string;
  name: string | null;
  id: number | null;
  isUser: boolean;
}

function time(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, value) : null;
}

function readSegment(raw: unknown): Segment {
  const s = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const start = time(s.start);
  let end = time(s.end);
  if (start !== null && end !== null && end < start) end = start;
  const id = typeof s.speaker_id === 'number' && Number.isInteger(s.speaker_id) ? s.speaker_id : null;
  const name = typeof s.speaker_name === 'string' && s.speaker_name.trim() ? s.speaker_name.trim() : null;
  const isUser = s.is_user === true;
  const key = id !== null ? `id:${id}` : name !== null ? `name:${name}` : isUser ? 'user' : 'unknown';
  return { text: typeof s.text === 'string' ? s.text.trim() : '', start, end, key, name, id, isUser };
}

/** Time order; a segment without a start keeps its place after the segment before it. */
function inTimeOrder(segments: Segment[]): Segment[] {
  let carried = 0;
  const keyed = segments.map((segment) => {
    if (segment.start !== null) carried = segment.start;
    return { segment, at: carried };
  });
  // Array.prototype.sort is stable, so equal times keep the server's order.
  return keyed.sort((a, b) => a.at - b.at).map((k) => k.segment);
}

function speakerLabel(segment: Segment): string {
  if (segment.name !== null) return segment.name;
  if (segment.id !== null) return l10n.t('Speaker {0}', segment.id);
  return segment.isUser ? l10n.t('You') : l10n.t('Unknown');
}

export function buildTranscript(rawSegments: unknown, longGapSeconds = LONG_GAP_SECONDS): Transcript {
  const list = Array.isArray(rawSegments) ? rawSegments : [];
  const segments = inTimeOrder(list.map(readSegment));
  const speakers: Speaker[] = [];
  const speakerIndex = new Map<string, number>();
  const turns: Turn[] = [];
  let reached: number | null = null;
  let current: (Omit<Turn, 'text'> & { parts: string[] }) | undefined;

  const finish = () => {
    if (!current) return;
    const { parts, ...turn } = current;
    turns.push({ ...turn, text: parts.join(' ') });
    speakers[turn.speaker]!.turns++;
  };

  for (const segment of segments) {
    let index = speakerIndex.get(segment.key);
    if (index === undefined) {
      index = speakers.length;
      speakerIndex.set(segment.key, index);
      speakers.push({
        key: segment.key,
        label: speakerLabel(segment),
        isUser: segment.isUser,
        colour: index % SPEAKER_COLOURS,
        turns: 0,
      });
    } else if (segment.isUser) {
      speakers[index]!.isUser = true;
    }
    const gap = segment.start !== null && reached !== null ? segment.start - reached : null;
    const longGap = gap !== null && gap >= longGapSeconds ? gap : null;
    if (!current || current.speaker !== index || longGap !== null) {
      finish();
      current = { speaker: index, start: segment.start, end: segment.end, parts: [], segments: 0, gapBefore: longGap };
    }
    current.segments++;
    if (segment.text) current.parts.push(segment.text);
    current.start ??= segment.start;
    const segmentReach = segment.end ?? segment.start;
    if (segmentReach !== null) {
      current.end = current.end === null ? segmentReach : Math.max(current.end, segmentReach);
      reached = reached === null ? segmentReach : Math.max(reached, segmentReach);
    }
  }
  finish();
  return { speakers, turns, segmentCount: segments.length, duration: reached };
}

/** "0:07", "12:34", past an hour "1:02:03". Negative values read as 0; anything not finite as "". */
export function formatTimecode(seconds: number | null | undefined): string {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds)) return '';
  const whole = Math.floor(Math.max(0, seconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
