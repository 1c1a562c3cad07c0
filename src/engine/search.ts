import type { Passage } from '../corpus/load.js';
import { analyzerFor } from '../text/languages.js';
import { english } from '../text/english.js';
import { aliases, Lexicon, type LexiconSnapshot, type Via } from '../text/lexicon.js';
import { memoByText } from '../text/memo.js';
import { foldDiacritics } from '../text/normalize.js';

/** Passages kept per common term in its impact list. */
const IMPACT_LIST = 128;

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
   * The question's language: a spelling variant no passage of that language uses (a word of
   * another language's passages) may differ by one edit only, since it is a cognate ("troupes" /
   * "troops"), not a slip of the keyboard, and at two edits mostly a false friend ("soldats" /
   * "solidarity").
   */
  language?: string;
  /**
   * Only these passages (by id) may be candidates: a question asked within an outlet or dates.
   * Applied before any candidate is chosen, so the best passages within it are found.
   */
  within?: ReadonlySet<number>;
}

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

/**
 * Edits a cognate in another language's passages may lie from a question word's index form in
 * that language: a spelling variant's (see fuzzyDistance), or for a form of five letters or more
 * two in five of its letters, rounded up, since the two languages' endings differ by more than a
 * slip of the keyboard does ("soldat" / "soldier", three). Measured on the read sets against the
 * spelling edits alone: hit@1 answered 711 -> 719 of 1,158, status ignored 811 -> 813.
 */
export function cognateEdits(word: string, form: string): number {
  const spelling = fuzzyDistance(word);
  if (spelling === 0 || form.length < 5) return spelling;
  return Math.max(spelling, Math.ceil(COGNATE_EDITS * form.length));
}

/** Share of a form's letters a cognate may differ by (see cognateEdits). */
const COGNATE_EDITS = 0.4;

/** What a PassageIndex saves to start faster next time (see engine/snapshot.ts). */
export interface IndexSnapshot {
  /** Index terms of each passage, by position in the passage list (the postings are rebuilt from them). */
  termsOf: string[][];
  /** Word knowledge restricted to the corpus vocabulary (see text/lexicon.ts). */
  lexicon: LexiconSnapshot;
  /** Languages of the passages, by position (BCP 47 primary tags). */
  languages: string[];
}

/**
 * The BM25+ parameters of the candidate walk (k 1.2, b 0.7, d 0.5: minisearch's defaults, which
 * this index used until it walked its own postings, kept so the candidates stay the same).
 */
const WALK = { k: 1.2, b: 0.7, d: 0.5 };

/** What one index walk did, for measurement (see PassageIndex.measurementView). */
export interface WalkObservation {
  /** The terms walked, rarest first. */
  probe: readonly string[];
  /** Passages the walk matched (within the filter, if any). */
  matched: number;
  /** Time the walk and its candidate cut took. */
  ms: number;
}

/**
 * An inverted index over sentence passages, with what the engine adds around it: document
 * frequencies, a posting budget with impact lists for common terms, spelling variants from a
 * bucketed vocabulary, and the sentence before each passage as low-weight context.
 *
 * The index is hand-written over typed arrays rather than kept in minisearch, which it used
 * before. Measured at 100k synthetic passages (`npm run bench`): minisearch's search built a
 * result object, a terms array and a match record per matched passage (about 700 per question)
 * and sorted them all, 1.5–1.9 ms of a 5 ms ask, though the engine only read the ids of the best
 * 240 and scored those itself; its index also held every posting in nested Maps (much of a
 * 190 MB heap) and took 1 s to restore from the snapshot. The walk below computes the same
 * BM25+ scores (same formula, same field lengths, same summation order, same tie order), so
 * the candidates and the answers are those minisearch gave, in a small fraction of the time.
 */
export class PassageIndex {
  readonly size: number;

  /** Term → term number; numbers follow first use in passage order. */
  private readonly vocabulary = new Map<string, number>();
  /** Term number → term. */
  private readonly terms: string[] = [];
  /** Passages holding each term, by term number. */
  private readonly docFreq: Uint32Array;
  /** Every passage's terms as term numbers, passage after passage; passage i at docStart[i]…docStart[i+1]. */
  private readonly docTerms: Int32Array;
  private readonly docStart: Uint32Array;
  /**
   * Postings: for term number t, pairs (passage, occurrences) at postStart[t]…postStart[t+1],
   * passages rising.
   */
  private readonly postings: Uint32Array;
  private readonly postStart: Uint32Array;
  /** Distinct terms of each passage (the field length of the walk's BM25+), and their running mean. */
  private readonly distinct: Uint32Array;
  private readonly distinctMean: number;

  // Per-query scratch space, reused: scores and match counts of the walk, by passage, and the
  // searched-term slot of each term number (-1 when not searched).
  private readonly walkScore: Float64Array;
  private readonly walkCount: Uint32Array;
  private readonly walked: Int32Array;
  private readonly slotOf: Int32Array;

  private walkObserver: ((o: WalkObservation) => void) | null = null;

  /**
   * For measurement only (`npm run bench` counts and times the search's parts): the impact
   * lists and the posting budget as they stand, and a way to observe each index walk.
   * Product code never calls it.
   */
  measurementView(): {
    impact: ReadonlyMap<string, readonly number[]>;
    postingBudget: number;
    observeWalks: (observer: ((o: WalkObservation) => void) | null) => void;
  } {
    return {
      impact: this.impact,
      postingBudget: this.postingBudget,
      observeWalks: (observer) => {
        this.walkObserver = observer;
      },
    };
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
      termsOf = snapshot.termsOf;
      this.lexicon = Lexicon.restore(snapshot.lexicon ?? []);
      this.languageList = snapshot.languages ?? passages.map(() => 'en');
    } else {
      // Each passage is analysed once: the same terms feed the postings, the frequencies and
      // the vocabulary the word knowledge is restricted to.
      const byText = new Map<string, string[]>();
      const vocabulary = new Map<string, Set<string>>();
      // The terms of the passages of other languages than English, for the alias list.
      const otherTerms = new Map<string, Set<string>>();
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
            if (analyzer.language !== 'en') {
              const own =
                otherTerms.get(analyzer.language) ??
                otherTerms.set(analyzer.language, new Set()).get(analyzer.language)!;
              own.add(term);
              continue;
            }
            const surfaces = vocabulary.get(term) ?? vocabulary.set(term, new Set()).get(term)!;
            if (surfaces.size < 4) surfaces.add(t.text);
          }
          byText.set(key, terms);
        }
        return terms;
      });
      this.lexicon = Lexicon.build(
        vocabulary,
        english,
        aliases(),
        [...otherTerms].map(([language, terms]) => ({ analyzer: analyzerFor(language), terms })),
      );
    }
    this.languages = new Set(this.languageList);
    const n = passages.length;
    this.size = n;

    // Term numbers and each passage's terms as numbers.
    let total = 0;
    for (const own of termsOf) total += own.length;
    this.docTerms = new Int32Array(total);
    this.docStart = new Uint32Array(n + 1);
    let at = 0;
    for (let i = 0; i < n; i++) {
      this.docStart[i] = at;
      for (const term of termsOf[i]!) {
        let t = this.vocabulary.get(term);
        if (t === undefined) {
          t = this.terms.length;
          this.vocabulary.set(term, t);
          this.terms.push(term);
        }
        this.docTerms[at++] = t;
      }
    }
    this.docStart[n] = at;
    const v = this.terms.length;

    // The languages each term is used in, one bit per language (see usedIn).
    this.termLanguages = new Uint32Array(v);
    for (let i = 0; i < n; i++) {
      const bit = this.languageBit(this.languageList[i] ?? 'en');
      for (let k = this.docStart[i]!; k < this.docStart[i + 1]!; k++)
        this.termLanguages[this.docTerms[k]!]! |= bit;
    }

    // Document frequencies and distinct terms per passage.
    this.docFreq = new Uint32Array(v);
    this.distinct = new Uint32Array(n);
    const lastSeen = new Int32Array(v).fill(-1);
    let mean = 0;
    for (let i = 0; i < n; i++) {
      let distinct = 0;
      for (let k = this.docStart[i]!; k < this.docStart[i + 1]!; k++) {
        const t = this.docTerms[k]!;
        if (lastSeen[t] === i) continue;
        lastSeen[t] = i;
        this.docFreq[t]!++;
        distinct++;
      }
      this.distinct[i] = distinct;
      // The running mean, computed as minisearch computed its average field length.
      mean = (mean * i + distinct) / (i + 1);
    }
    this.distinctMean = mean;

    // Postings, filled passage by passage so each list is in rising passage order.
    this.postStart = new Uint32Array(v + 1);
    for (let t = 0; t < v; t++) this.postStart[t + 1] = this.postStart[t]! + 2 * this.docFreq[t]!;
    this.postings = new Uint32Array(this.postStart[v]!);
    const cursor = this.postStart.slice(0, v);
    const count = new Uint32Array(v);
    const order: number[] = [];
    for (let i = 0; i < n; i++) {
      order.length = 0;
      for (let k = this.docStart[i]!; k < this.docStart[i + 1]!; k++) {
        const t = this.docTerms[k]!;
        if (count[t] === 0) order.push(t);
        count[t]!++;
      }
      for (const t of order) {
        this.postings[cursor[t]!++] = i;
        this.postings[cursor[t]!++] = count[t]!;
        count[t] = 0;
      }
    }

    this.averageLength = total / Math.max(1, n);
    this.walkScore = new Float64Array(n);
    this.walkCount = new Uint32Array(n);
    this.walked = new Int32Array(n);
    this.slotOf = new Int32Array(v).fill(-1);
    this.postingBudget = tuning.postingBudget ?? Math.max(2_000, Math.floor(n / 50));
    this.rareLimit = 5;
    this.buildImpactLists();
    const lists = new Map<string, string[]>();
    for (const term of this.terms) {
      if (term.length < 4) continue;
      const key = `${term[0]}${term.length}`;
      (lists.get(key) ?? lists.set(key, []).get(key)!).push(term);
    }
    for (const [key, terms] of lists)
      this.buckets.set(key, { terms, letters: Int32Array.from(terms, letterMask) });
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
    for (let t = 0; t < this.terms.length; t++) {
      if (2 * this.docFreq[t]! <= this.postingBudget) continue;
      const list: Array<[number, number]> = [];
      for (let k = this.postStart[t]!; k < this.postStart[t + 1]!; k += 2) {
        const id = this.postings[k]!;
        list.push([id, this.termScore(this.postings[k + 1]!, this.docStart[id + 1]! - this.docStart[id]!)]);
      }
      list.sort((a, b) => b[1] - a[1]);
      this.impact.set(
        this.terms[t]!,
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

  /**
   * Vocabulary by first letter and length, where spelling variants of a query term are looked
   * for, each term with its letterMask beside it: the mask test turns away most of a bucket in a
   * few operations, before withinEdits counts letters. At 100k synthetic passages a bucket holds
   * up to 1,600 terms and a question's unknown words scanned them all.
   */
  private readonly buckets = new Map<string, { terms: string[]; letters: Int32Array }>();
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
    const termsOf: string[][] = [];
    for (let i = 0; i < this.size; i++) termsOf.push([...this.termsAt(i)]);
    return { termsOf, lexicon: this.lexicon.snapshot(), languages: this.languageList };
  }

  /** The index terms of one passage's own text, in order (by position in the passage list). */
  termsAt(passageId: number): readonly string[] {
    const own: string[] = [];
    if (passageId < 0 || passageId >= this.size) return own;
    for (let k = this.docStart[passageId]!; k < this.docStart[passageId + 1]!; k++)
      own.push(this.terms[this.docTerms[k]!]!);
    return own;
  }

  /**
   * True when one passage's own text holds the index term (as termsAt lists them), read from the
   * index without building the list: for checks run on many candidates per question.
   */
  holds(passageId: number, term: string): boolean {
    const t = this.vocabulary.get(term);
    if (t === undefined || passageId < 0 || passageId >= this.size) return false;
    for (let k = this.docStart[passageId]!; k < this.docStart[passageId + 1]!; k++)
      if (this.docTerms[k] === t) return true;
    return false;
  }

  /** One bit per language the passages are written in, in order of first use. */
  private readonly languageBits = new Map<string, number>();
  /** By term number: the bits of the languages whose passages use the term. */
  private readonly termLanguages: Uint32Array;

  private languageBit(language: string): number {
    let bit = this.languageBits.get(language);
    if (bit === undefined) {
      bit = 1 << Math.min(31, this.languageBits.size);
      this.languageBits.set(language, bit);
    }
    return bit;
  }

  /**
   * True when a passage written in `language` holds the term: an English word's French index form
   * ("leader" → "lead") is looked for in French passages, not in English ones that happen to
   * index the same letters.
   */
  usedIn(term: string, language: string): boolean {
    const t = this.vocabulary.get(term);
    const bit = this.languageBits.get(language);
    return t !== undefined && bit !== undefined && (this.termLanguages[t]! & bit) !== 0;
  }

  /** Number of passages whose text holds the term exactly. */
  df(term: string): number {
    const t = this.vocabulary.get(term);
    return t === undefined ? 0 : this.docFreq[t]!;
  }

  /** Inverse document frequency of a term (BM25's form); unseen terms weigh most. */
  idf(term: string): number {
    const n = this.size;
    const df = this.df(term);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /**
   * Scores candidate passages on every searched term, the common ones left out of the walk
   * included, and returns the best `options.candidates` (see scoreOne for the formula).
   */
  private finishWithCommonTerms(
    pool: ArrayLike<number>,
    searched: ReadonlyMap<string, Searched>,
    options: SearchOptions,
  ): Hit[] {
    const q = this.prepare(searched);
    try {
      const scores = new Float64Array(pool.length);
      const order: number[] = [];
      for (let i = 0; i < pool.length; i++) {
        scores[i] = this.scoreOne(pool[i]!, q);
        order.push(i);
      }
      order.sort((x, y) => scores[y]! - scores[x]! || pool[x]! - pool[y]!);
      const hits: Hit[] = [];
      for (const i of order.slice(0, options.candidates)) {
        const id = pool[i]!;
        hits.push(this.hitOf(id, q, scores[i]!));
      }
      return hits;
    } finally {
      for (const t of q.termNumbers) this.slotOf[t] = -1;
    }
  }

  /**
   * The searched terms of one question as the scorer reads them: each term's slot by term
   * number (in this.slotOf, cleared by the caller), its question term's number, and its BM25
   * factor in the passage's own text and in the sentence before.
   */
  private prepare(searched: ReadonlyMap<string, Searched>): Prepared {
    const entries: Array<[string, Searched]> = [];
    const targetNumber = new Map<string, number>();
    const targetOf: number[] = [];
    const own: number[] = [];
    const context: number[] = [];
    const termNumbers: number[] = [];
    for (const [term, s] of searched) {
      const t = this.vocabulary.get(term);
      if (t === undefined) continue;
      let target = targetNumber.get(s.target);
      if (target === undefined) {
        target = targetNumber.size;
        targetNumber.set(s.target, target);
      }
      this.slotOf[t] = entries.length;
      termNumbers.push(t);
      entries.push([term, s]);
      targetOf.push(target);
      const idf = this.idf(term);
      // Grouped as the per-passage products were written: (boost · idf) · tf part.
      own.push(s.boost * idf);
      context.push(CONTEXT_WEIGHT * s.boost * idf);
    }
    const targets = targetNumber.size;
    return {
      entries,
      targetOf,
      own,
      context,
      termNumbers,
      tf: new Uint32Array(entries.length),
      seen: new Int32Array(entries.length),
      bestScore: new Float64Array(targets),
      bestEntry: new Int32Array(targets).fill(-1),
      bestInText: new Uint8Array(targets),
      targetOrder: new Int32Array(targets),
      targets: 0,
    };
  }

  /**
   * Scores one passage against the searched terms with a BM25+ formula (k 1.2, b 0.7, d 0.5),
   * taking for each question term only its best-matching searched word (a disjunction-max, as
   * Lucene scores synonyms): a long passage that holds many weak relatives of one word gains no
   * more than one that holds the word itself. The sentence before, in the same article, counts
   * at a quarter weight for question terms the passage does not match: it often names what
   * this one calls "these states" or "he". Leaves each question term's best match in `q`.
   */
  private scoreOne(id: number, q: Prepared): number {
    const { tf, own, context, targetOf, bestEntry, bestScore, bestInText, seen, targetOrder } = q;
    bestEntry.fill(-1);
    let targets = 0;
    let n = this.countInto(id, q);
    const docStart = this.docStart;
    const length = docStart[id + 1]! - docStart[id]!;
    for (let i = 0; i < n; i++) {
      const e = seen[i]!;
      const score = own[e]! * this.termScore(tf[e]!, length);
      tf[e] = 0;
      const target = targetOf[e]!;
      if (bestEntry[target]! < 0) {
        targetOrder[targets++] = target;
        bestEntry[target] = e;
        bestScore[target] = score;
        bestInText[target] = 1;
      } else if (bestScore[target]! < score) {
        bestEntry[target] = e;
        bestScore[target] = score;
      }
    }
    const before = this.passages[id - 1];
    // The sentence before can only add question terms the passage's own text did not match.
    if (targets < bestEntry.length && before && before.articleId === this.passages[id]!.articleId) {
      n = this.countInto(id - 1, q);
      const length = docStart[id]! - docStart[id - 1]!;
      for (let i = 0; i < n; i++) {
        const e = seen[i]!;
        const count = tf[e]!;
        tf[e] = 0;
        const target = targetOf[e]!;
        const had = bestEntry[target]! >= 0;
        if (had && bestInText[target]) continue;
        const score = context[e]! * this.termScore(count, length);
        if (!had) {
          targetOrder[targets++] = target;
          bestEntry[target] = e;
          bestScore[target] = score;
          bestInText[target] = 0;
        } else if (bestScore[target]! < score) {
          bestEntry[target] = e;
          bestScore[target] = score;
        }
      }
    }
    q.targets = targets;
    let score = 0;
    for (let i = 0; i < targets; i++) score += bestScore[targetOrder[i]!]!;
    return score;
  }

  /**
   * Counts the searched terms of a passage into q.tf, listing them in q.seen in order of first
   * use; returns how many there are.
   */
  private countInto(id: number, q: Prepared): number {
    const { tf, seen } = q;
    const slotOf = this.slotOf;
    const docTerms = this.docTerms;
    let n = 0;
    for (let k = this.docStart[id]!, end = this.docStart[id + 1]!; k < end; k++) {
      const e = slotOf[docTerms[k]!]!;
      if (e < 0) continue;
      if (tf[e] === 0) seen[n++] = e;
      tf[e]!++;
    }
    return n;
  }

  /** A scored passage as a Hit: scoreOne again for its matches, then each question term's weight and match. */
  private hitOf(id: number, q: Prepared, score: number): Hit {
    this.scoreOne(id, q);
    const weights = new Map<string, number>();
    const matches = new Map<string, Match>();
    for (let i = 0; i < q.targets; i++) {
      const target = q.targetOrder[i]!;
      const [term, s] = q.entries[q.bestEntry[target]!]!;
      const inText = q.bestInText[target] === 1;
      // Exact 1, spelling variant 0.8, a related word its relation's weight; context alone 0.4 of that.
      const w = (inText ? 1 : 0.4) * s.weight;
      weights.set(s.target, w);
      matches.set(s.target, { term, via: inText ? s.via : 'context', weight: w });
    }
    return { passage: this.passages[id]!, score, weights, matches };
  }

  /**
   * Spelling variants of an unknown or rare term: vocabulary terms with the same first letter
   * and a length within the allowed edits, at most that many edits away. Looking only there
   * keeps this cheap however large the vocabulary; misspellings rarely change the first letter.
   */
  // Newsroom questions repeat their words; the cap keeps odd input from growing it for ever.
  readonly variants = memoByText((term: string) => this.findVariants(term), 10_000);

  /**
   * The spelling variants searched for a question term: none for a word the language's dictionary
   * knows and the passages use as written, since a real word the corpus holds is no misspelling
   * of a neighbour ("expel" is not "excel", "flight" not "fight", "probe" not "prove"). Measured
   * on the read sets (4 Dec 2026): hit@1 answered 808 -> 809 of 1,292, status ignored 907 -> 908,
   * hit@3 1089 -> 1090, abstentions 267 -> 270 of 415; wave 23 one more abstention (8 -> 9 of 18),
   * fresh10 unchanged.
   */
  private spellingVariants(term: string, options: SearchOptions): readonly string[] {
    if (options.dictionary?.has(term) && this.df(term) > 0) return [];
    return this.variants(term);
  }

  private findVariants(term: string): string[] {
    const max = fuzzyDistance(term);
    if (max === 0 || this.df(term) > this.rareLimit) return [];
    const out = this.nearInBuckets(term, max).filter((v) => withinEdits(term, v, max, true));
    // The commonest variants first: a misspelling most likely meant a word the corpus uses often.
    return out.sort((a, b) => this.df(b) - this.df(a)).slice(0, 8);
  }

  /**
   * Words of another language's passages that look like a question word's index form in that
   * language: the same first four letters, accents folded, and within cognateEdits of it
   * ("soldi", the French analyser's form of "soldiers", meets "soldat"; "militari" meets
   * "militair"; "ambassador" meets "ambassadeur"; the English analyser's "soldat" meets
   * "soldier", its "résolution" "resolut"). Only terms the passages of `language` use. The key
   * is `language:word:form`. Most cognates differ in their endings, which the two stemmers cut
   * differently; the shared start keeps false friends of the same length out ("bases" is no
   * "basse").
   */
  readonly cognates = memoByText((key: string) => {
    const [language, word, form] = key.split(':') as [string, string, string];
    return this.findCognates(foldDiacritics(form), language, cognateEdits(word, form));
  }, 10_000);

  /**
   * The terms of the spelling buckets that may lie within `max` edits of `form`, `form` itself
   * left out: a length within `max` and, by letterMask, no more than `max` letters apart. The
   * candidates findVariants and findCognates then check with withinEdits, in bucket order.
   */
  private nearInBuckets(form: string, max: number): string[] {
    const out: string[] = [];
    const letters = letterMask(form);
    for (let len = form.length - max; len <= form.length + max; len++) {
      const bucket = this.buckets.get(`${form[0]}${len}`);
      if (!bucket) continue;
      const { terms, letters: masks } = bucket;
      for (let i = 0; i < terms.length; i++)
        if (lettersApart(letters, masks[i]!) <= max && terms[i] !== form) out.push(terms[i]!);
    }
    return out;
  }

  private findCognates(form: string, language: string, max: number): string[] {
    if (max === 0) return [];
    const start = form.slice(0, 4);
    const out = this.nearInBuckets(form, max).filter(
      (v) => v.startsWith(start) && this.usedIn(v, language) && withinEdits(form, v, max),
    );
    return out.sort((a, b) => this.df(b) - this.df(a)).slice(0, 4);
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
      for (const v of this.spellingVariants(t, options).filter(
        (x) =>
          !(options.dictionary?.has(t) || (options.language && !this.usedIn(x, options.language))) ||
          withinEdits(t, x, 1, true),
      ))
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
      return this.finishWithCommonTerms([...within], searched, options).filter((h) => h.score > 0);
    }
    if (rarest !== undefined && 2 * this.df(rarest) > this.postingBudget) {
      return this.searchImpact(byRarity, searched, options);
    }
    // The rarest terms are walked until the budget is spent; the commoner ones are scored on
    // the candidates alone (finishWithCommonTerms).
    const probe: string[] = [];
    let postings = 0;
    for (const t of byRarity) {
      // Counted as twice the document frequency (the budget was set when two fields were walked).
      const cost = 2 * this.df(t);
      if (probe.length > 0 && postings + cost > this.postingBudget) break;
      probe.push(t);
      postings += cost;
    }
    const started = this.walkObserver ? performance.now() : 0;
    const { pool, matched } = this.walk(probe, searched, options.candidates * 4, within);
    this.walkObserver?.({ probe, matched, ms: performance.now() - started });
    return this.finishWithCommonTerms(pool, searched, options);
  }

  /**
   * Walks the postings of the probe terms and returns the `poolSize` passages with the best
   * BM25+ score over them (ties in order of first match), and how many passages matched. The
   * score is the one minisearch gave, operation for operation, so the cut is the same: per
   * term, boost · idf · (d + tf·(k+1) / (tf + k·(1 − b + b·distinct/mean distinct))), summed in
   * probe order and multiplied by the number of probe terms the passage holds.
   */
  private walk(
    probe: readonly string[],
    searched: ReadonlyMap<string, Searched>,
    poolSize: number,
    within?: ReadonlySet<number>,
  ): { pool: Int32Array; matched: number } {
    const { k, b, d } = WALK;
    const n = this.size;
    const score = this.walkScore;
    const count = this.walkCount;
    const walked = this.walked;
    let matched = 0;
    for (const term of probe) {
      const t = this.vocabulary.get(term);
      if (t === undefined) continue;
      const boost = searched.get(term)?.boost ?? 1;
      const df = this.docFreq[t]!;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      for (let p = this.postStart[t]!, end = this.postStart[t + 1]!; p < end; p += 2) {
        const id = this.postings[p]!;
        if (within && !within.has(id)) continue;
        const tf = this.postings[p + 1]!;
        const fieldLength = this.distinct[id]!;
        const raw = idf * (d + (tf * (k + 1)) / (tf + k * (1 - b + (b * fieldLength) / this.distinctMean)));
        const weighted = boost * raw;
        if (count[id] === 0) {
          walked[matched++] = id;
          score[id] = weighted;
        } else score[id] = score[id]! + weighted;
        count[id]!++;
      }
    }
    for (let i = 0; i < matched; i++) {
      const id = walked[i]!;
      score[id] = score[id]! * count[id]!;
    }
    // The best poolSize by score, ties in order of first match (as minisearch's stable sort of
    // its results gave them). Their order does not matter: finishWithCommonTerms sorts its own.
    let pool: Int32Array;
    if (matched <= poolSize) pool = walked.slice(0, matched);
    else {
      const sorted = new Float64Array(matched);
      for (let i = 0; i < matched; i++) sorted[i] = score[walked[i]!]!;
      sorted.sort();
      const threshold = sorted[matched - poolSize]!;
      let above = 0;
      for (let i = 0; i < matched; i++) if (score[walked[i]!]! > threshold) above++;
      pool = new Int32Array(poolSize);
      let taken = 0;
      let ties = poolSize - above;
      for (let i = 0; i < matched && taken < poolSize; i++) {
        const id = walked[i]!;
        const s = score[id]!;
        if (s > threshold || (s === threshold && ties-- > 0)) pool[taken++] = id;
      }
    }
    for (let i = 0; i < matched; i++) {
      const id = walked[i]!;
      score[id] = 0;
      count[id] = 0;
    }
    return { pool, matched };
  }

  /** Every term is common: candidates come from the terms' impact lists (within a filter if given), scored here. */
  private searchImpact(
    byRarity: readonly string[],
    searched: ReadonlyMap<string, Searched>,
    options: SearchOptions,
    within?: ReadonlySet<number>,
  ): Hit[] {
    const pool = new Set<number>();
    for (const t of byRarity)
      for (const id of this.impact.get(t) ?? []) if (!within || within.has(id)) pool.add(id);
    return this.finishWithCommonTerms([...pool], searched, options);
  }
}

/** The searched terms of one question, ready for scoring passages (see PassageIndex.prepare). */
interface Prepared {
  /** Searched terms in the corpus, by slot. */
  entries: Array<[string, Searched]>;
  /** By slot: the number of the question term the term stands for. */
  targetOf: number[];
  /** By slot: boost · idf for the passage's own text, and the quarter weight for the sentence before. */
  own: number[];
  context: number[];
  /** Term numbers given a slot (to clear PassageIndex.slotOf after the question). */
  termNumbers: number[];
  /** Scratch, per passage: occurrences by slot, slots in order of first use. */
  tf: Uint32Array;
  seen: Int32Array;
  /** Scratch, per passage: each question term's best score, slot and whether in the passage's own text. */
  bestScore: Float64Array;
  bestEntry: Int32Array;
  bestInText: Uint8Array;
  /** Question term numbers in the order their first match was found, and how many (scoreOne's last passage). */
  targetOrder: Int32Array;
  targets: number;
}

/**
 * The letters a word uses, as a set of bits (character code modulo 32: a–z get a bit each; other
 * characters share bits, which can only make two words look nearer).
 */
export function letterMask(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i++) mask |= 1 << (word.charCodeAt(i) & 31);
  return mask;
}

/**
 * A lower bound on the edits between two words, from their letterMasks: one edit (a letter
 * inserted, deleted, replaced, or two swapped) makes at most one letter the first word uses
 * vanish and at most one new letter appear, so more letters than `max` on either side only means
 * more than `max` edits. withinEdits gives the same verdict on every pair this lets through.
 */
export function lettersApart(a: number, b: number): number {
  return Math.max(popCount(a & ~b), popCount(b & ~a));
}

function popCount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** Three reusable rows for withinEdits (the third for swaps): query terms are short, so 64 cells is plenty. */
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/** Letter counts for withinEdits' first test, by character code modulo 64; all zero between calls. */
const letterCounts = new Int32Array(64);

/**
 * True when a and b are within `max` Levenshtein edits (stops early once the band exceeds it).
 * With `swaps`, two neighbouring letters swapped count as one edit ("frist" / "first", "cheif" /
 * "chief": the optimal string alignment distance), as a typist's slip most often is.
 */
export function withinEdits(a: string, b: string, max: number, swaps = false): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  // First a bound that rejects most words of a spelling bucket without the table: an edit changes
  // by at most one both the letters a has beyond b's and those b has beyond a's (letters counted
  // by code modulo 64, which can only lower both), so either above `max` means too far apart.
  for (let i = 0; i < a.length; i++) letterCounts[a.charCodeAt(i) & 63]!++;
  for (let j = 0; j < b.length; j++) letterCounts[b.charCodeAt(j) & 63]!--;
  let extra = 0;
  let missing = 0;
  for (let i = 0; i < a.length; i++) {
    const k = a.charCodeAt(i) & 63;
    const c = letterCounts[k]!;
    if (c > 0) extra += c;
    else missing -= c;
    letterCounts[k] = 0;
  }
  for (let j = 0; j < b.length; j++) {
    const k = b.charCodeAt(j) & 63;
    missing -= letterCounts[k]!;
    letterCounts[k] = 0;
  }
  if (extra > max || missing > max) return false;
  if (b.length + 1 > rowA.length) {
    rowA = new Int32Array(b.length + 1);
    rowB = new Int32Array(b.length + 1);
    rowC = new Int32Array(b.length + 1);
  }
  let before = rowC;
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  let lastMin = 0;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1));
      if (
        swaps &&
        i > 1 &&
        j > 1 &&
        ca === b.charCodeAt(j - 2) &&
        a.charCodeAt(i - 2) === b.charCodeAt(j - 1) &&
        before[j - 2]! + 1 < v
      )
        v = before[j - 2]! + 1;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    // A swap reaches back two rows, so with swaps the band is cut once two rows in turn exceed it.
    if (rowMin > max && (!swaps || lastMin > max)) return false;
    lastMin = rowMin;
    const t = before;
    before = prev;
    prev = cur;
    cur = t;
  }
  return prev[b.length]! <= max;
}
