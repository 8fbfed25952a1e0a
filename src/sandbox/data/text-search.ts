// Deterministic text retrieval for the endpoints the real server answers with embeddings and an LLM (POST /user/ask,
// GET /user/memories/vector/search): words, stems, BM25 and TF-IDF cosine. Small on purpose: the sandbox needs a
// ranking that behaves like a search (the item made of the query's words comes first, unrelated words find
// nothing), not a language model.

/** Words that carry no topic: dropped from queries and documents alike. */
const STOP_WORDS = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being below between ' +
    'both but by can could did do does doing down during each else even ever few for from further get got had has ' +
    'have having he her here hers herself him himself his how i if in into is it its itself just like me might ' +
    'more most much must my myself no nor not now of off on once only or other ought our ours ourselves out over ' +
    'own really same say said says shall she should so some such tell than that the their theirs them themselves ' +
    'then there these they this those through to too under until up us very was we were what when where which ' +
    'while who whom why will with would yes yet you your yours yourself yourselves ' +
    "i'm i've i'll i'd you're you've you'll we're we've we'll they're it's that's there's what's let's don't " +
    "doesn't didn't can't won't isn't aren't wasn't weren't haven't hasn't couldn't shouldn't wouldn't " +
    'also anything everything something nothing thing things know think thought remember recall mention mentioned ' +
    'talk talked talking discuss discussed conversation conversations anyone someone ok okay yeah ' +
    'happen happened happens happening go goes went going gone done make made take took give gave come came ' +
    'recently please show find'
  ).split(/\s+/),
);

/** Lower-case words (letters, digits, inner apostrophes), in order; markup and punctuation are separators. */
export function words(text: string): string[] {
  return (
    text
      .toLowerCase()
      .normalize('NFKC')
      .match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? []
  ).map((w) => w.replace(/’/g, "'"));
}

/**
 * A light suffix stemmer (a few of Porter's steps), so "renewal"/"renewing"/"renewed" and "meetings"/"meeting"
 * meet. Deterministic and cheap; it never needs to produce real words, only the same stem for related forms.
 */
export function stem(word: string): string {
  let w = word.replace(/'s$/, '');
  if (w.length <= 3) {
    return w;
  }
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  for (const suffix of ['ational', 'ization', 'fulness', 'iveness', 'ement', 'ments', 'ment', 'ness', 'ingly']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  for (const suffix of ['ing', 'edly', 'ed', 'ly', 'al', 'er']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, -suffix.length);
      // "planning" → "plann" → "plan"
      if (/([b-df-hj-np-tv-z])\1$/.test(w) && !/(ll|ss|zz)$/.test(w)) {
        w = w.slice(0, -1);
      }
      break;
    }
  }
  return w.endsWith('e') && w.length > 4 ? w.slice(0, -1) : w;
}

/** The terms a text is searched by: stems of its words that are not stop words. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const word of words(text)) {
    if (!STOP_WORDS.has(word) && (word.length > 1 || /\d/.test(word))) {
      out.push(stem(word));
    }
  }
  return out;
}

/** Sentences of a text: split after . ! ? (and line breaks), trimmed, empty ones dropped. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?…])\s+|\n+/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function counts(list: readonly string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const term of list) {
    map.set(term, (map.get(term) ?? 0) + 1);
  }
  return map;
}

/** One document of a corpus: its term counts and length. */
export interface IndexedDocument {
  counts: Map<string, number>;
  length: number;
}

export function indexDocument(termList: readonly string[]): IndexedDocument {
  return { counts: counts(termList), length: termList.length };
}

/** How many documents contain each term. */
function documentFrequencies(docs: readonly IndexedDocument[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const doc of docs) {
    for (const term of doc.counts.keys()) {
      df.set(term, (df.get(term) ?? 0) + 1);
    }
  }
  return df;
}

/** BM25's idf, never negative (a term in most documents still counts a little). */
function bm25Idf(n: number, df: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/**
 * Okapi BM25 (k1 = 1.2, b = 0.75) of each document for the query terms; 0 when a document shares no term with
 * the query. Repeated query terms count once.
 */
export function bm25(docs: readonly IndexedDocument[], query: readonly string[]): number[] {
  const n = docs.length;
  if (n === 0) {
    return [];
  }
  const df = documentFrequencies(docs);
  const average = docs.reduce((sum, d) => sum + d.length, 0) / n || 1;
  const unique = [...new Set(query)];
  return docs.map((doc) => {
    let score = 0;
    for (const term of unique) {
      const tf = doc.counts.get(term) ?? 0;
      if (tf > 0) {
        const norm = tf + 1.2 * (1 - 0.75 + (0.75 * doc.length) / average);
        score += bm25Idf(n, df.get(term) ?? 0) * ((tf * 2.2) / norm);
      }
    }
    return score;
  });
}

/** Inverse document frequencies over a corpus, smoothed like scikit-learn's (always > 0). */
export function idfs(docs: readonly IndexedDocument[]): (term: string) => number {
  const df = documentFrequencies(docs);
  const n = docs.length;
  return (term) => Math.log((1 + n) / (1 + (df.get(term) ?? 0))) + 1;
}

function weighted(doc: IndexedDocument, idf: (term: string) => number): { vector: Map<string, number>; norm: number } {
  const vector = new Map<string, number>();
  let sum = 0;
  for (const [term, tf] of doc.counts) {
    const weight = (1 + Math.log(tf)) * idf(term);
    vector.set(term, weight);
    sum += weight * weight;
  }
  return { vector, norm: Math.sqrt(sum) };
}

/**
 * TF-IDF cosine similarity of each document to the query, in [0, 1] (sublinear tf, idf from the documents).
 * A document that shares no term with the query scores 0.
 */
export function tfidfCosine(docs: readonly IndexedDocument[], query: readonly string[]): number[] {
  const idf = idfs(docs);
  const q = weighted(indexDocument(query), idf);
  if (q.norm === 0) {
    return docs.map(() => 0);
  }
  return docs.map((doc) => {
    const d = weighted(doc, idf);
    if (d.norm === 0) {
      return 0;
    }
    let dot = 0;
    for (const [term, weight] of q.vector) {
      dot += weight * (d.vector.get(term) ?? 0);
    }
    return Math.min(1, Math.max(0, dot / (q.norm * d.norm)));
  });
}
