import MiniSearch from 'minisearch';
import type { Passage } from '../corpus/load.js';
import { analyzerFor } from '../text/languages.js';
import { Lexicon, type LexiconSnapshot, type Via } from '../text/lexicon.js';

/** The shape of a minisearch result this module reads. */
type SearchResultLike = {
  id: unknown;
  score: number;
  terms: string[];
  queryTerms: string[];
  match: Record<string, string[]>;
};

/** Passages kept per common term in its impact list. */
const IMPACT_LIST = 128;

/** How often each searched term occurs in a list of terms. */
function countSearched(
  terms: readonly string[],
  searched: ReadonlyMap<string, unknown>,
): Map<string, number> {
  const tf = new Map<string, number>();
  for (const x of terms) if (searched.has(x)) tf.set(x, (tf.get(x) ?? 0) + 1);
  return tf;
}

/** Weight of a term matched only in the sentence before a passage. */
const CONTEXT_WEIGHT = 0.25;

/** Weight of a spelling variant of a question term, relative to the term itself. */
const FUZZY_WEIGHT = 0.6;
/**
 * BM25 boost of a related word, as a share of its relation weight (see text/lexicon.ts): a
 * related word counts fully towards coverage but less towards the raw score, so a passage
 * with the question's own words still ranks above one that only paraphrases them.
 */
const RELATED_BOOST = 0.5;

/** A word searched for a question term other than the term itself. */
export interface Related {
  /** The question term it stands for. */
  target: string;
  /** Weight relative to an exact match. */
  weight: number;
  via: Via;
}

/** How a passage matched one question term: through which of its terms, how, how well. */
export interface Match {
  term: string;
  via: Via;
  weight: number;
}

/** One passage found by a search, with what it matched. */
export interface Hit {
  passage: Passage;
  /** BM25 score from minisearch (fuzzy matches weigh less). */
  score: number;
  /**
   * For each question term, how well the passage's own text matched it: 1 exactly, 0.8 by a
   * fuzzy match, a related word's weight through it, 0.4 of that only in the sentence before.
   */
  weights: Map<string, number>;
  /** For each question term matched, the passage term that matched it and how. */
  matches: Map<string, Match>;
}

/** Options of the passage search, chosen by measurement on the development questions. */
export interface SearchOptions {
  /** How many candidates to take from the index before reranking. */
  candidates: number;
  /**
   * Terms whose word the language's dictionary knows: their spelling variants may differ by one
   * edit only ("defence"/"defense"), since "ground" is no misspelling of "group", however rare
   * either is in the corpus.
   */
  dictionary?: ReadonlySet<string>;
  /**
   * Only these passages (by id) may be candidates: a question asked within an outlet or dates.
   * Applied before any candidate is chosen, so the best passages within it are found.
   */
  within?: ReadonlySet<number>;
}

type Doc = { id: number; text: string };

/** A term searched: the question term it stands for, its BM25 boost and its match weight. */
type Searched = { target: string; boost: number; weight: number; via: Via };

/**
 * Maximum edit distance for a query term. Short terms are never fuzzy (too many false friends);
 * longer ones allow one or two edits so misspellings and the corpus's own typos still meet.
 */
export function fuzzyDistance(term: string): number {
  if (term.length < 5) return 0;
  if (term.length < 6) return 1;
  return 2;
}

/** What a PassageIndex saves to start faster next time (see engine/snapshot.ts). */
export interface IndexSnapshot {
  /** minisearch's own serialised form. */
  minisearch: unknown;
  /** Index terms of each passage, by position in the passage list. */
  termsOf: string[][];
  /** Word knowledge restricted to the corpus vocabulary (see text/lexicon.ts). */
  lexicon: LexiconSnapshot;
  /** Languages of the passages, by position (BCP 47 primary tags). */
  languages: string[];
}

const MINISEARCH_OPTIONS = {
  fields: ['text'],
  storeFields: [],
  processTerm: (term: string) => term,
  searchOptions: {
    // minisearch's own defaults (k=1.2, b=0.7, d=0.5), written out as measured.
    bm25: { k: 1.2, b: 0.7, d: 0.5 },
  },
};

/**
 * A minisearch index over sentence passages, with what the engine adds around it: document
 * frequencies, a posting budget with impact lists for common terms, spelling variants from a
 * bucketed vocabulary, and the sentence before each passage as low-weight context.
 */
export class PassageIndex {
  private readonly ms: MiniSearch<Doc>;
  private readonly docFreq = new Map<string, number>();
  readonly size: number;

  /**
   * For measurement only (`npm run bench` counts and times the search's parts): the minisearch
   * instance, the impact lists and the posting budget, as they stand. Product code never calls it.
   */
  measurementView(): {
    miniSearch: MiniSearch<Doc>;
    impact: ReadonlyMap<string, readonly number[]>;
    postingBudget: number;
  } {
    return { miniSearch: this.ms, impact: this.impact, postingBudget: this.postingBudget };
  }

  /** Word knowledge over this index's vocabulary. */
  readonly lexicon: Lexicon;
  /** The languages the passages are written in. */
  readonly languages: ReadonlySet<string>;

  /**
   * Builds the index, or restores it from a snapshot taken of the same passages. Each passage
   * is analysed once, with its language's analyser (`languageOf`, English by default).
   */
  constructor(
    private readonly passages: readonly Passage[],
    snapshot?: IndexSnapshot,
    tuning: { postingBudget?: number } = {},
    languageOf: (p: Passage) => string = () => 'en',
  ) {
    let termsOf: string[][];
    if (snapshot) {
      if (snapshot.termsOf.length !== passages.length)
        throw new Error(
          `index snapshot holds ${snapshot.termsOf.length} passages, the corpus ${passages.length}`,
        );
      this.ms = MiniSearch.loadJS<Doc>(snapshot.minisearch as Parameters<typeof MiniSearch.loadJS>[0], {
        ...MINISEARCH_OPTIONS,
        tokenize: (t: string) => t.split(' '),
      });
      termsOf = snapshot.termsOf;
      this.lexicon = Lexicon.restore(snapshot.lexicon ?? []);
      this.languageList = snapshot.languages ?? passages.map(() => 'en');
    } else {
      // Each passage is analysed once: the same terms feed minisearch, the frequencies and the
      // vocabulary the word knowledge is restricted to.
      const byText = new Map<string, string[]>();
      const vocabulary = new Map<string, Set<string>>();
      this.languageList = passages.map((p) => analyzerFor(languageOf(p)).language);
      termsOf = passages.map((p, i) => {
        const key = `${this.languageList[i]}:${p.text}`;
        let terms = byText.get(key);
        if (!terms) {
          const analyzer = analyzerFor(this.languageList[i]);
          terms = [];
          for (const t of analyzer.tokens(p.text)) {
            const term = analyzer.term(t.text);
            if (term === null) continue;
            terms.push(term);
            if (analyzer.language !== 'en') continue;
            const surfaces = vocabulary.get(term) ?? vocabulary.set(term, new Set()).get(term)!;
            if (surfaces.size < 4) surfaces.add(t.text);
          }
          byText.set(key, terms);
        }
        return terms;
      });
      this.lexicon = Lexicon.build(vocabulary);
      // minisearch tokenises each document's text; hand it the terms already computed.
      const docs = passages.map((p, i) => ({ id: p.id, text: termsOf[i]!.join(' ') }));
      this.ms = new MiniSearch<Doc>({
        ...MINISEARCH_OPTIONS,
        tokenize: (t: string) => (t.length === 0 ? [] : t.split(' ')),
      });
      this.ms.addAll(docs);
    }
    this.languages = new Set(this.languageList);
    let totalLength = 0;
    this.termsOf = termsOf.map((terms) => {
      totalLength += terms.length;
      for (const term of new Set(terms)) this.docFreq.set(term, (this.docFreq.get(term) ?? 0) + 1);
      return terms;
    });
    this.averageLength = totalLength / Math.max(1, passages.length);
    this.size = passages.length;
    this.postingBudget = tuning.postingBudget ?? Math.max(2_000, Math.floor(passages.length / 50));
    this.rareLimit = 5;
    this.buildImpactLists();
    for (const term of this.docFreq.keys()) {
      if (term.length < 4) continue;
      const key = `${term[0]}${term.length}`;
      (this.buckets.get(key) ?? this.buckets.set(key, []).get(key)!).push(term);
    }
  }

  /** Terms in at most this many passages count as rare and may be matched fuzzily. */
  private readonly rareLimit: number;
  /** For each common term, the passages where it weighs most (see buildImpactLists). */
  private readonly impact = new Map<string, number[]>();

  /**
   * For terms too common to walk within the posting budget, keeps the IMPACT_LIST passages
   * where the term's BM25 weight is highest. A question made only of common words is answered
   * from these lists instead of scoring every passage that contains them.
   */
  private buildImpactLists(): void {
    const common = new Set([...this.docFreq].filter(([, df]) => 2 * df > this.postingBudget).map(([t]) => t));
    if (common.size === 0) return;
    const lists = new Map<string, Array<[number, number]>>();
    this.termsOf.forEach((own, id) => {
      const tf = new Map<string, number>();
      for (const t of own) if (common.has(t)) tf.set(t, (tf.get(t) ?? 0) + 1);
      for (const [t, f] of tf) {
        const list = lists.get(t) ?? lists.set(t, []).get(t)!;
        list.push([id, this.termScore(f, own.length)]);
      }
    });
    for (const [t, list] of lists) {
      list.sort((a, b) => b[1] - a[1]);
      this.impact.set(
        t,
        list.slice(0, IMPACT_LIST).map(([id]) => id),
      );
    }
  }

  /** BM25+ weight of one term occurrence count in a passage, before IDF (minisearch's formula). */
  private termScore(tf: number, length: number): number {
    const k = 1.2;
    const b = 0.7;
    const d = 0.5;
    return d + (tf * (k + 1)) / (tf + k * (1 - b + (b * length) / this.averageLength));
  }

  /** Vocabulary by first letter and length, where spelling variants of a query term are looked for. */
  private readonly buckets = new Map<string, string[]>();
  /** Index terms of each passage's own text, by position in the passage list. */
  private readonly termsOf: string[][];
  private readonly averageLength: number;
  /**
   * How many postings the index walks per question. Terms are taken rarest first until this
   * budget is spent; the commoner ones are scored afterwards on the candidates alone, so a
   * question full of everyday words does not make the index score half the corpus.
   */
  private readonly postingBudget: number;

  /** Language of each passage, by position. */
  private readonly languageList: string[];

  /** The language of one passage. */
  languageOf(passageId: number): string {
    return this.languageList[passageId] ?? 'en';
  }

  /** The state to save so a restart can skip building (see IndexSnapshot). */
  snapshot(): IndexSnapshot {
    return {
      minisearch: this.ms.toJSON(),
      termsOf: this.termsOf,
      lexicon: this.lexicon.snapshot(),
      languages: this.languageList,
    };
  }

  /** The index terms of one passage's own text, in order (by position in the passage list). */
  termsAt(passageId: number): readonly string[] {
    return this.termsOf[passageId] ?? [];
  }

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

  /**
   * Scores the best candidates of the index walk on every searched term, the common ones left
   * out of the walk included, with the formula minisearch applies (BM25+, k 1.2, b 0.7, d 0.5).
   */
  private finishWithCommonTerms(
    results: SearchResultLike[],
    searched: ReadonlyMap<string, Searched>,
    options: SearchOptions,
    poolSize = options.candidates * 4,
  ): Hit[] {
    const pool = results.slice(0, poolSize);
    const hits: Hit[] = [];
    for (const r of pool) {
      const id = r.id as number;
      const passage = this.passages[id];
      if (!passage) continue;
      hits.push(this.scoreOne(id, passage, searched));
    }
    hits.sort((x, y) => y.score - x.score || x.passage.id - y.passage.id);
    return hits.slice(0, options.candidates);
  }

  /**
   * Scores one passage against the searched terms with minisearch's BM25+ formula, taking for
   * each question term only its best-matching searched word (a disjunction-max, as Lucene
   * scores synonyms): a long passage that holds many weak relatives of one word gains no more
   * than one that holds the word itself. The sentence before, in the same article, counts at a
   * quarter weight for question terms the passage does not match: it often names what this one
   * calls "these states" or "he".
   */
  private scoreOne(id: number, passage: Passage, searched: ReadonlyMap<string, Searched>): Hit {
    const own = this.termsOf[id] ?? [];
    const best = new Map<string, { score: number; term: string; inText: boolean }>();
    for (const [t, tf] of countSearched(own, searched)) {
      const s = searched.get(t)!;
      const score = s.boost * this.idf(t) * this.termScore(tf, own.length);
      const had = best.get(s.target);
      if (!had || had.score < score) best.set(s.target, { score, term: t, inText: true });
    }
    const before = this.passages[id - 1];
    if (before && before.articleId === passage.articleId) {
      const context = this.termsOf[id - 1] ?? [];
      for (const [t, tf] of countSearched(context, searched)) {
        const s = searched.get(t)!;
        if (best.get(s.target)?.inText) continue;
        const score = CONTEXT_WEIGHT * s.boost * this.idf(t) * this.termScore(tf, context.length);
        const had = best.get(s.target);
        if (!had || had.score < score) best.set(s.target, { score, term: t, inText: false });
      }
    }
    let score = 0;
    const weights = new Map<string, number>();
    const matches = new Map<string, Match>();
    for (const [target, b] of best) {
      score += b.score;
      const s = searched.get(b.term)!;
      // Exact 1, spelling variant 0.8, a related word its relation's weight; context alone 0.4 of that.
      const w = (b.inText ? 1 : 0.4) * s.weight;
      weights.set(target, w);
      matches.set(target, { term: b.term, via: b.inText ? s.via : 'context', weight: w });
    }
    return { passage, score, weights, matches };
  }

  /**
   * Spelling variants of an unknown or rare term: vocabulary terms with the same first letter
   * and a length within the allowed edits, at most that many edits away. Looking only there
   * keeps this cheap however large the vocabulary; misspellings rarely change the first letter.
   */
  variants(term: string): string[] {
    const known = this.variantCache.get(term);
    if (known) return known;
    const found = this.findVariants(term);
    // Newsroom questions repeat their words; the cap keeps odd input from growing it for ever.
    if (this.variantCache.size >= 10_000) this.variantCache.clear();
    this.variantCache.set(term, found);
    return found;
  }

  private readonly variantCache = new Map<string, string[]>();

  private findVariants(term: string): string[] {
    const max = fuzzyDistance(term);
    if (max === 0 || this.df(term) > this.rareLimit) return [];
    const out: string[] = [];
    for (let len = term.length - max; len <= term.length + max; len++) {
      for (const v of this.buckets.get(`${term[0]}${len}`) ?? []) {
        if (v !== term && withinEdits(term, v, max)) out.push(v);
      }
    }
    // The commonest variants first: a misspelling most likely meant a word the corpus uses often.
    return out.sort((a, b) => this.df(b) - this.df(a)).slice(0, 8);
  }

  /** Searches for passages matching any of the terms, best first. */
  search(
    terms: readonly string[],
    options: SearchOptions,
    related: ReadonlyMap<string, Related> = new Map(),
  ): Hit[] {
    if (terms.length === 0) return [];
    // Every term searched, with the question term it stands for and its weight.
    const searched = new Map<string, Searched>();
    for (const t of terms) searched.set(t, { target: t, boost: 1, weight: 1, via: 'exact' });
    for (const t of terms)
      for (const v of options.dictionary?.has(t)
        ? this.variants(t).filter((x) => withinEdits(t, x, 1))
        : this.variants(t))
        if (!searched.has(v))
          searched.set(v, { target: t, boost: FUZZY_WEIGHT, weight: 0.8, via: 'spelling' });
    for (const [r, x] of related)
      if (!searched.has(r))
        searched.set(r, {
          target: x.target,
          boost: x.via === 'form' ? x.weight : x.weight * RELATED_BOOST,
          weight: x.weight,
          via: x.via,
        });
    const byRarity = [...searched.keys()]
      .filter((t) => this.df(t) > 0 || terms.includes(t))
      .sort((a, b) => this.df(a) - this.df(b));
    const rarest = byRarity[0];
    const within = options.within;
    if (
      within &&
      (within.size <= this.postingBudget ||
        (rarest !== undefined && 2 * this.df(rarest) > this.postingBudget))
    ) {
      // A narrow filter (or one over only common words) is scored passage by passage, within it
      // alone: no more work than the posting budget, and no candidate lost to the impact lists' cut.
      if (within.size > 4 * this.postingBudget) return this.searchImpact(byRarity, searched, options, within);
      const pool: SearchResultLike[] = [];
      for (const id of within) pool.push({ id, score: 0, terms: [], queryTerms: [], match: {} });
      return this.finishWithCommonTerms(pool, searched, options, pool.length).filter((h) => h.score > 0);
    }
    if (rarest !== undefined && 2 * this.df(rarest) > this.postingBudget) {
      return this.searchImpact(byRarity, searched, options);
    }
    // The rarest terms are walked until the budget is spent; the commoner ones are scored on
    // the candidates alone (finishWithCommonTerms).
    const probe: string[] = [];
    let postings = 0;
    for (const t of byRarity) {
      // Both fields hold roughly the same postings, hence twice the document frequency.
      const cost = 2 * this.df(t);
      if (probe.length > 0 && postings + cost > this.postingBudget) break;
      probe.push(t);
      postings += cost;
    }
    const results = this.ms.search(probe.join(' '), {
      boostTerm: (term) => searched.get(term)?.boost ?? 1,
      combineWith: 'OR',
      // Terms are already index terms and variants are already resolved: no processing, no fuzzy.
      tokenize: (s) => s.split(' '),
      processTerm: (t) => t,
      fuzzy: false,
      prefix: false,
      ...(within ? { filter: (r: { id: unknown }) => within.has(r.id as number) } : {}),
    });
    return this.finishWithCommonTerms(results, searched, options);
  }

  /** Every term is common: candidates come from the terms' impact lists (within a filter if given), scored here. */
  private searchImpact(
    byRarity: readonly string[],
    searched: ReadonlyMap<string, Searched>,
    options: SearchOptions,
    within?: ReadonlySet<number>,
  ): Hit[] {
    const pool = new Map<number, SearchResultLike>();
    for (const t of byRarity)
      for (const id of this.impact.get(t) ?? [])
        if (!pool.has(id) && (!within || within.has(id)))
          pool.set(id, { id, score: 0, terms: [], queryTerms: [], match: {} });
    return this.finishWithCommonTerms([...pool.values()], searched, options, pool.size);
  }
}

/** Two reusable rows for withinEdits: query terms are short, so 64 cells is plenty. */
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/** True when a and b are within `max` Levenshtein edits (stops early once the band exceeds it). */
export function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  if (b.length + 1 > rowA.length) {
    rowA = new Int32Array(b.length + 1);
    rowB = new Int32Array(b.length + 1);
  }
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1));
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return false;
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[b.length]! <= max;
}
