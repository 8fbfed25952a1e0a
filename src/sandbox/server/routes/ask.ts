import type { ConversationRow } from '../../data/dataset';
import { SCOPES } from '../../data/keys';
import { USER_NAME } from '../../data/people';
import { bm25, type IndexedDocument, idfs, indexDocument, sentences, terms } from '../../data/text-search';
import {
  type DayNumber,
  dayNumber,
  isIanaTimeZone,
  localParts,
  shortDate,
  startOfLocalDay,
} from '../../data/zoned-time';
import type { TranscriptSegment } from '../../types';
import { authorize } from '../auth';
import { BodyReader, parseJsonBody } from '../body';
import { json, type Reply, type RequestContext, sandboxNow } from '../context';

// POST /user/ask, the real server's "answer from my conversations": it searches the user's conversations
// semantically, then has an LLM write a cited answer from the best ones. The sandbox does the same without a
// model: BM25 over each conversation's title, overview and transcript, then the best-matching sentences of the
// top conversations, quoted with who said them and when.

const NOTHING = "I couldn't find anything about that in your conversations.";
/** How many of the sources the answer quotes from; the others are named at the end. */
const QUOTED = 3;
const MAX_QUOTE = 300;
/** Words of asking about time, not about a topic: left out of the search once the range is read. */
const TIME_TERMS = new Set(
  terms('day days week weeks month months today yesterday tonight morning afternoon evening last past previous'),
);

/** Transcript terms per transcript (transcripts never change once generated). */
const transcriptTerms = new WeakMap<readonly TranscriptSegment[], string[]>();

function termsOfTranscript(segments: readonly TranscriptSegment[]): string[] {
  let cached = transcriptTerms.get(segments);
  if (!cached) {
    cached = [];
    for (const segment of segments) {
      for (const term of terms(typeof segment.text === 'string' ? segment.text : '')) {
        cached.push(term);
      }
    }
    transcriptTerms.set(segments, cached);
  }
  return cached;
}

function title(row: ConversationRow): string {
  return row.summary.structured.title ?? '';
}

/** A conversation's searchable fields: each is scored on its own (BM25F-style), then weighted. */
interface Fields {
  title: IndexedDocument;
  overview: IndexedDocument;
  transcript: IndexedDocument;
  all: IndexedDocument;
}

/** The title says most about what a conversation is about, then the overview, then what was said. */
const FIELD_WEIGHTS = { title: 3, overview: 2, transcript: 1 } as const;

function fieldsOf(row: ConversationRow): Fields {
  const titleTerms = terms(title(row));
  const overviewTerms = terms(row.summary.structured.overview ?? '');
  const transcriptTerms = termsOfTranscript(row.conversation.transcript_segments ?? []);
  return {
    title: indexDocument(titleTerms),
    overview: indexDocument(overviewTerms),
    transcript: indexDocument(transcriptTerms),
    all: indexDocument([...titleTerms, ...overviewTerms, ...transcriptTerms]),
  };
}

/** Weighted sum of each field's BM25: long transcripts do not drown a title that matches. */
function score(fields: readonly Fields[], query: readonly string[]): number[] {
  const total = fields.map(() => 0);
  for (const field of ['title', 'overview', 'transcript'] as const) {
    const scores = bm25(
      fields.map((f) => f[field]),
      query,
    );
    scores.forEach((value, i) => {
      total[i]! += FIELD_WEIGHTS[field] * value;
    });
  }
  return total;
}

interface TimeRange {
  from: DayNumber;
  /** Inclusive. */
  to: DayNumber;
}

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  ten: 10,
  fourteen: 14,
  thirty: 30,
};

/**
 * Reads the time words of a question ("today", "yesterday", "last week", "past 3 days", ...) as a range of days
 * in the user's time zone, and returns the question without them.
 */
export function timeRange(
  question: string,
  nowMs: number,
  timeZone: string,
): { range: TimeRange | null; rest: string } {
  const today = dayNumber(nowMs, timeZone);
  const weekday = localParts(nowMs, timeZone).weekday;
  const monday = today - ((weekday + 6) % 7);
  const { year, month } = localParts(nowMs, timeZone);
  const firstOfMonth = (y: number, m: number): DayNumber => Math.floor(Date.UTC(y, m - 1, 1) / 86_400_000);
  const rules: [RegExp, (m: RegExpExecArray) => TimeRange][] = [
    [
      /\b(?:last|past|previous)\s+(\d{1,3}|two|three|four|five|six|seven|ten|fourteen|thirty)\s+days\b/i,
      (m) => {
        const n = NUMBER_WORDS[m[1]!.toLowerCase()] ?? Number(m[1]);
        return { from: today - Math.max(1, n) + 1, to: today };
      },
    ],
    [/\b(?:past|last)\s+7\s+days\b|\bpast\s+week\b/i, () => ({ from: today - 6, to: today })],
    [/\b(?:last|previous)\s+week\b/i, () => ({ from: monday - 7, to: monday - 1 })],
    [/\bthis\s+week\b/i, () => ({ from: monday, to: today })],
    [
      /\b(?:last|previous)\s+month\b/i,
      () => {
        const from = month === 1 ? firstOfMonth(year - 1, 12) : firstOfMonth(year, month - 1);
        return { from, to: firstOfMonth(year, month) - 1 };
      },
    ],
    [/\bthis\s+month\b/i, () => ({ from: firstOfMonth(year, month), to: today })],
    [/\byesterday\b|\blast\s+night\b/i, () => ({ from: today - 1, to: today - 1 })],
    [/\btoday\b|\btonight\b|\bthis\s+(?:morning|afternoon|evening)\b/i, () => ({ from: today, to: today })],
  ];
  for (const [pattern, range] of rules) {
    const match = pattern.exec(question);
    if (match) {
      return { range: range(match), rest: question.replace(pattern, ' ') };
    }
  }
  return { range: null, rest: question };
}

interface Candidate {
  row: ConversationRow;
  score: number;
}

interface Quote {
  text: string;
  /** null: the conversation's summary; otherwise who said it. */
  speaker: string | null;
  isUser: boolean;
}

function clip(text: string): string {
  const chars = [...text.trim()];
  return chars.length > MAX_QUOTE ? `${chars.slice(0, MAX_QUOTE - 1).join('')}…` : chars.join('');
}

/** The sentence of the conversation (summary or transcript) sharing the most query weight; ties: the earliest. */
function bestQuote(row: ConversationRow, queryTerms: readonly string[], idf: (term: string) => number): Quote | null {
  const wanted = new Set(queryTerms);
  const texts: Quote[] = [{ text: row.summary.structured.overview ?? '', speaker: null, isUser: false }];
  if (wanted.size > 0) {
    for (const segment of row.conversation.transcript_segments ?? []) {
      if (typeof segment.text === 'string') {
        const isUser = segment.is_user === true || segment.speaker_name === USER_NAME;
        texts.push({ text: segment.text, speaker: segment.speaker_name, isUser });
      }
    }
  }
  let best: Quote | null = null;
  let bestScore = 0;
  for (const source of texts) {
    for (const sentence of sentences(source.text)) {
      let score = 0;
      for (const term of new Set(terms(sentence))) {
        if (wanted.has(term)) score += idf(term);
      }
      if (score > bestScore) {
        bestScore = score;
        best = { ...source, text: sentence };
      }
    }
  }
  if (best) {
    return best;
  }
  // No words to match (a question of time words only): what the conversation was about.
  const first = sentences(row.summary.structured.overview ?? '')[0];
  return first ? { text: first, speaker: null, isUser: false } : null;
}

function quoteLine(row: ConversationRow, quote: Quote | null, when: string): string {
  const name = title(row) || 'an untitled conversation';
  const where = title(row) ? `in “${name}”` : `in ${name}`;
  if (!quote) {
    return `On ${when}, ${where}.`;
  }
  const text = clip(quote.text);
  if (quote.speaker === null) {
    return `On ${when}, ${where}: ${text}`;
  }
  const who = quote.isUser ? 'you' : /^Speaker \d+$/.test(quote.speaker) ? 'someone' : quote.speaker;
  return `On ${when}, ${where}, ${who} said: “${text}”`;
}

/** POST /user/ask {question 1-1000, limit 1-10 = 5, timezone = "UTC"} → {answer, sources: [{id, title, created_at}]}. */
export function ask(ctx: RequestContext): Reply {
  const body = parseJsonBody(ctx.body);
  authorize(ctx, SCOPES.conversations, ['ask']);
  const { reader, finish } = BodyReader.root(body);
  const question = reader?.requiredString('question', { min: 1, max: 1000 });
  const limit = reader?.int('limit', { ge: 1, le: 10 }) ?? 5;
  const timeZone = reader?.string('timezone') ?? 'UTC';
  if (reader?.has('timezone') && !isIanaTimeZone(timeZone)) {
    reader.valueError('timezone', `'${timeZone}' is not a valid IANA timezone`);
  }
  finish();

  const nowMs = sandboxNow(ctx.state);
  const { range, rest } = timeRange(question ?? '', nowMs, timeZone);
  const queryTerms = terms(rest).filter((term) => !TIME_TERMS.has(term));
  const rows = ctx.state.dataset.conversations.filter((row) => !row.hidden && !Number.isNaN(row.createdMs));
  const inRange = range
    ? rows.filter(
        (row) =>
          row.createdMs >= startOfLocalDay(range.from, timeZone) &&
          row.createdMs < startOfLocalDay(range.to + 1, timeZone),
      )
    : rows;

  let candidates: Candidate[];
  let idf: (term: string) => number = () => 1;
  if (queryTerms.length > 0) {
    const fields = inRange.map(fieldsOf);
    idf = idfs(fields.map((f) => f.all));
    const scores = score(fields, queryTerms);
    candidates = inRange.map((row, i) => ({ row, score: scores[i]! })).filter((c) => c.score > 0);
  } else {
    // Only time words ("what happened yesterday?"): everything in the range, newest first.
    candidates = range ? inRange.map((row) => ({ row, score: 0 })) : [];
  }
  candidates.sort((a, b) => b.score - a.score || b.row.createdMs - a.row.createdMs);
  const top = candidates.slice(0, limit);

  if (top.length === 0) {
    return json({ answer: NOTHING, sources: [] });
  }
  const lines = top
    .slice(0, QUOTED)
    .map((c) => quoteLine(c.row, bestQuote(c.row, queryTerms, idf), shortDate(c.row.createdMs, timeZone, nowMs)));
  const others = top.slice(QUOTED);
  if (others.length > 0) {
    const named = others.map((c) => `“${title(c.row) || 'Untitled'}” (${shortDate(c.row.createdMs, timeZone, nowMs)})`);
    lines.push(`Also related: ${named.join(', ')}.`);
  }
  return json({
    answer: lines.join('\n'),
    sources: top.map((c) => ({ id: c.row.summary.id, title: title(c.row), created_at: c.row.summary.created_at })),
  });
}
