import MiniSearch from 'minisearch';
import type { Passage } from '../corpus/load.js';
import { indexTerm, tokenize } from '../text/tokenize.js';

/** One passage found by a search, with what it matched. */
export interface Hit {
  passage: Passage;
  /** BM25 score from minisearch (fuzzy matches weigh less). */
  score: number;
  /** The query terms (and related terms) this passage matched, exactly or fuzzily, in any field. */
  matched: Set<string>;
  /**
   * For each question term, how well the passage's own text matched it: 1 exactly, 0.8 by a
   * fuzzy match, 0.7 through a related word, 0.4 only in the context field.
   */
  weights: Map<string, number>;
}

/** Options of the passage search, chosen by measurement on the development questions. */
export interface SearchOptions {
  /** How many candidates to take from the index before reranking. */
  candidates: number;
}

type Doc = { id: number; text: string; context: string };

/**
 * Maximum edit distance for a query term. Short terms are never fuzzy (too many false friends);
 * longer ones allow one or two edits so misspellings and the corpus's own typos still meet.
 */
export function fuzzyDistance(term: string): number {
  if (term.length < 5) return 0;
  if (term.length < 6) return 1;
  return 2;
}

/**
 * A minisearch index over sentence passages. Each passage carries the sentence before it as a
 * low-weight context field, so a sentence that says "these states" still meets a question that
 * names them.
 */
export class PassageIndex {
  private readonly ms: MiniSearch<Doc>;
  private readonly docFreq = new Map<string, number>();
  readonly size: number;

  constructor(private readonly passages: readonly Passage[]) {
    // Each passage is tokenised once: the same terms feed minisearch and the document frequencies.
    const termsOf = new Map<string, string[]>();
    const analyse = (text: string): string[] => {
      let terms = termsOf.get(text);
      if (!terms) {
        terms = tokenize(text).map(indexTerm).filter((t): t is string => t !== null);
        termsOf.set(text, terms);
      }
      return terms;
    };
    this.ms = new MiniSearch<Doc>({
      fields: ['text', 'context'],
      storeFields: [],
      tokenize: (text) => analyse(text),
      processTerm: (term) => term,
      searchOptions: {
        boost: { text: 1, context: 0.25 },
        // minisearch's own defaults (k=1.2, b=0.7, d=0.5), written out as measured.
        bm25: { k: 1.2, b: 0.7, d: 0.5 },
      },
    });
    const docs: Doc[] = passages.map((p, i) => {
      const prev = passages[i - 1];
      const context = prev && prev.articleId === p.articleId ? prev.text : '';
      return { id: p.id, text: p.text, context };
    });
    this.ms.addAll(docs);
    for (const p of passages) {
      for (const term of new Set(analyse(p.text))) this.docFreq.set(term, (this.docFreq.get(term) ?? 0) + 1);
    }
    this.size = passages.length;
    this.rareLimit = Math.max(5, Math.floor(passages.length / 1000));
  }

  /** Terms in at most this many passages count as rare and may be matched fuzzily. */
  private readonly rareLimit: number;

  /** Number of passages whose text holds the term exactly. */
  df(term: string): number {
    return this.docFreq.get(term) ?? 0;
  }

  /** Inverse document frequency of a term (BM25's form); unseen terms weigh most. */
  idf(term: string): number {
    const n = this.size;
    const df = this.df(term);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Works out, per question term, how the passage matched it (see Hit.weights). */
  private matchWeights(terms: readonly string[], related: ReadonlyMap<string, string>, docTerms: string[], match: Record<string, string[]>): Map<string, number> {
    const weights = new Map<string, number>();
    const raise = (t: string, w: number) => {
      if ((weights.get(t) ?? 0) < w) weights.set(t, w);
    };
    for (const d of docTerms) {
      const inText = (match[d] ?? []).includes('text');
      let target: string | undefined;
      let w: number;
      if (terms.includes(d)) {
        target = d;
        w = 1;
      } else if (related.has(d)) {
        target = related.get(d);
        w = 0.7;
      } else {
        target = terms.find((t) => fuzzyDistance(t) > 0 && withinEdits(t, d, fuzzyDistance(t)));
        w = 0.8;
      }
      if (target !== undefined) raise(target, inText ? w : 0.4);
    }
    return weights;
  }

  /** Searches for passages matching any of the terms, best first. */
  search(terms: readonly string[], options: SearchOptions, related: ReadonlyMap<string, string> = new Map()): Hit[] {
    if (terms.length === 0) return [];
    const all = [...terms, ...[...related.keys()].filter((r) => !terms.includes(r))];
    const results = this.ms.search(all.join(' '), {
        boostTerm: (term) => (related.has(term) ? 0.3 : 1),
        combineWith: 'OR',
        // Terms are already index terms; do not process them again.
        tokenize: (s) => s.split(' '),
        processTerm: (t) => t,
        // Only unknown or rare terms go fuzzy: a word the corpus uses often is spelt as the
        // corpus spells it, and fuzzing it would cost time and add near-miss noise.
        fuzzy: (term) => {
          const d = fuzzyDistance(term);
          if (d === 0 || related.has(term)) return false;
          return this.df(term) <= this.rareLimit ? d : false;
        },
        weights: { fuzzy: 0.6, prefix: 0.3 },
    });
    const hits: Hit[] = [];
    for (const r of results.slice(0, options.candidates)) {
      const passage = this.passages[r.id as number];
      if (!passage) continue;
      hits.push({ passage, score: r.score, matched: new Set(r.queryTerms), weights: this.matchWeights(terms, related, r.terms, r.match) });
    }
    return hits;
  }
}

/** True when a and b are within `max` Levenshtein edits. */
export function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return false;
    prev = cur;
  }
  return prev[b.length]! <= max;
}
