import type { MemoryCategory } from '../../api/models';

// What the real server's language models do to written text, done simply and deterministically: the category of
// a memory written without one, and the title, overview, category and action items of a conversation created
// from text. The same text always gives the same result.

const WORD = /[\p{L}\p{N}']+/gu;

function words(text: string): string[] {
  return (text.toLowerCase().match(WORD) ?? []).map((w) => w.replace(/'s$/, ''));
}

/** The first entry whose keywords occur most often in the text (ties go to the earlier entry); null for none. */
function bestMatch<T>(text: string, table: readonly (readonly [T, readonly string[]])[]): T | null {
  const seen = words(text);
  const joined = ` ${seen.join(' ')} `;
  let best: T | null = null;
  let bestScore = 0;
  for (const [value, keywords] of table) {
    const score = keywords.reduce(
      (sum, keyword) =>
        sum +
        (keyword.includes(' ') ? Number(joined.includes(` ${keyword} `)) : seen.filter((w) => w === keyword).length),
      0,
    );
    if (score > bestScore) {
      best = value;
      bestScore = score;
    }
  }
  return best;
}

const MEMORY_KEYWORDS: readonly (readonly [MemoryCategory, readonly string[]])[] = [
  [
    'work',
    ['work', 'job', 'meeting', 'project', 'deadline', 'client', 'team', 'manager', 'office', 'colleague', 'sprint'],
  ],
  ['learnings', ['learned', 'learnt', 'til', 'discovered', 'realized', 'lesson']],
  ['habits', ['always', 'usually', 'every day', 'every morning', 'every week', 'routine', 'habit', 'daily']],
  ['skills', ['skill', 'good at', 'fluent', 'expert', 'certified', 'can speak']],
  ['hobbies', ['hobby', 'guitar', 'piano', 'painting', 'hiking', 'climbing', 'running', 'gaming', 'chess', 'cooking']],
  [
    'interests',
    ['likes', 'like', 'loves', 'love', 'favorite', 'favourite', 'prefers', 'prefer', 'enjoys', 'interested'],
  ],
  ['lifestyle', ['vegetarian', 'vegan', 'diet', 'sleep', 'lives', 'apartment', 'pet', 'dog', 'cat']],
];

/**
 * The category the server picks for a memory written without one: a keyword match, else `system` for a
 * statement about the user and `interesting` for anything else.
 */
export function categorizeMemory(content: string): MemoryCategory {
  const match = bestMatch(content, MEMORY_KEYWORDS);
  if (match) {
    return match;
  }
  const seen = words(content);
  return seen.some((w) => ['i', 'my', 'me', "i'm", 'mine'].includes(w)) ? 'system' : 'interesting';
}

const CONVERSATION_KEYWORDS: readonly (readonly [string, readonly string[]])[] = [
  [
    'work',
    ['work', 'meeting', 'project', 'deadline', 'client', 'team', 'standup', 'sprint', 'manager', 'release', 'roadmap'],
  ],
  ['business', ['revenue', 'startup', 'investor', 'investors', 'sales', 'market', 'pricing', 'customers', 'contract']],
  ['technology', ['code', 'software', 'bug', 'api', 'deploy', 'server', 'database', 'computer', 'app', 'laptop']],
  ['health', ['doctor', 'health', 'workout', 'gym', 'medicine', 'pain', 'appointment', 'dentist', 'therapy']],
  ['finance', ['money', 'budget', 'bank', 'invoice', 'tax', 'taxes', 'rent', 'savings', 'loan', 'bill']],
  ['family', ['mom', 'dad', 'kids', 'family', 'sister', 'brother', 'parents', 'grandma', 'son', 'daughter']],
  ['travel', ['flight', 'trip', 'hotel', 'airport', 'travel', 'vacation', 'passport', 'train']],
  ['education', ['lecture', 'class', 'exam', 'study', 'course', 'homework', 'school', 'university', 'teacher']],
  ['music', ['song', 'band', 'music', 'guitar', 'concert', 'album', 'rehearsal']],
  ['sports', ['match', 'football', 'soccer', 'tennis', 'basketball', 'race', 'marathon', 'score']],
];

const CATEGORY_EMOJI: Readonly<Record<string, string>> = {
  work: '💼',
  business: '📈',
  technology: '💻',
  health: '🩺',
  finance: '💰',
  family: '👨‍👩‍👧',
  travel: '✈️',
  education: '📚',
  music: '🎵',
  sports: '🏅',
  other: '🧠',
};

const COMMITMENT =
  /\b(i will|i'll|i need to|i have to|i must|i should|we need to|we should|we will|we'll|remember to|don't forget to|to-?do)\b/i;

export interface ProcessedText {
  title: string;
  overview: string;
  emoji: string;
  category: string;
  actionItems: string[];
  /** Too little to keep: the real server discards trivial conversations. */
  discarded: boolean;
}

export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?…])\s+|\n+/)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => /[\p{L}\p{N}]/u.test(s));
}

/** At most `max` characters, cut at a word boundary. */
function cut(text: string, max: number): string {
  if (text.length <= max) {
    return text;
  }
  const slice = text.slice(0, max);
  const space = slice.lastIndexOf(' ');
  return (space > max / 2 ? slice.slice(0, space) : slice).replace(/[\s,;:–-]+$/, '');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function actionItemText(sentence: string): string {
  const bare = sentence
    .replace(/^(todo|to-do|to do)\s*[:\-–]\s*/i, '')
    .replace(/[.!?…]+$/, '')
    .trim();
  return cut(capitalize(bare), 500);
}

/**
 * Title: the first sentence (at most 60 characters). Overview: the first three sentences (at most 300).
 * Category: keyword match among the conversation categories, else `other`. Action items: the sentences that
 * commit to something ("I will", "I need to", "we should", "todo", ...), at most 10. Discarded: fewer than five
 * words in all.
 */
export function processText(text: string): ProcessedText {
  const sentences = splitSentences(text);
  const first = sentences[0] ?? text.trim();
  const title = cut(first.replace(/[.!?…]+$/, ''), 60) || 'Untitled conversation';

  let overview = '';
  for (const sentence of sentences.slice(0, 3)) {
    const next = overview ? `${overview} ${sentence}` : sentence;
    if (overview && next.length > 300) break;
    overview = next;
  }
  overview = cut(overview || text.trim(), 300);

  const category = bestMatch(text, CONVERSATION_KEYWORDS) ?? 'other';
  const actionItems = [...new Set(sentences.filter((s) => COMMITMENT.test(s)).map(actionItemText))]
    .filter((s) => s.length > 0)
    .slice(0, 10);
  return {
    title,
    overview,
    emoji: CATEGORY_EMOJI[category] ?? '🧠',
    category,
    actionItems,
    discarded: words(text).length < 5,
  };
}
