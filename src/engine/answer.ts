import type { Article, Corpus, Passage } from '../corpus/load.js';
import { analyzeQuestion, englishNounOf, type QuestionAnalysis } from './question.js';
import { answerQuality, countFor, countsToll, dateAnswerText, extractAnswer } from './extract.js';
import {
  dateMentions,
  firstNounClass,
  GROUP_CLASS,
  PERSON_CLASS,
  numberMentions,
  placeMentions,
  placeMentionsOnce,
  timeMentions,
  type Mention,
} from './entities.js';
import { PassageIndex, type Hit, type IndexSnapshot } from './search.js';
import { sourceOf } from './sources.js';
import { COUNTRIES } from './gazetteer.js';
import type { Answer, AnswerDate, AnswerType, Citation, ConflictSide, MatchedWord } from './types.js';
import type { ResolvedDate } from '../corpus/dates.js';
import { analyzerFor } from '../text/languages.js';
import { otherCountry } from './qualifiers.js';
import { looseComparable, looseWords } from '../text/normalize.js';
import { indexTerms } from '../text/tokenize.js';
import { queryProblem } from './validate.js';
import { memoByText } from '../text/memo.js';
import { expandQuestion } from './expand.js';
import { dateConflict, type DateContext } from './date-conflicts.js';
import {
  ANSWER_FEATURES,
  modelInUse,
  dot,
  HAND_RANK_MODEL,
  RANK_FEATURES,
  confidenceProbability,
  type EngineModel,
  type RankFeature,
  type RankModel,
} from './model.js';
import type { Via } from '../text/lexicon.js';

/** Ranking and abstention settings, chosen by measurement (see `npm run eval`). */
export interface AnswerSettings {
  /** Candidates taken from the index before reranking. */
  candidates: number;
  /** Below this confidence (see `confidence`) the engine abstains and shows the closest passages. */
  minConfidence: number;
  /** How much passage coverage of the question's terms counts against raw BM25 (0–1). */
  coverageWeight: number;
  /** Score bonus for a passage holding an answer of the expected type. */
  typeBonus: number;
  /** How many of the best candidates are examined for an answer of the expected type. */
  extractFrom: number;
}

export const DEFAULT_SETTINGS: AnswerSettings = {
  candidates: 60,
  minConfidence: 0.3,
  coverageWeight: 0.7,
  typeBonus: 1,
  extractFrom: 16,
};

/**
 * How much each doubt lowers confidence (see AnswerEngine.confidence), chosen by measurement on
 * the tuning sets (README, "Confidence").
 */
export const CONFIDENCE = {
  /** Factor when the question asks for a type of answer the passage does not hold. */
  untyped: 0.5,
  /** Share lost at most when the passage's answer of the asked type stands far from its matched words. */
  far: 0.2,
  /** Share lost for question terms matched nowhere among the best passages (by IDF). */
  nowhere: 0.5,
  /** Share lost at most when the next passage scores the same. */
  margin: 0.3,
  /** Share lost at most when no other article's passage covers the same words. */
  agreement: 0.1,
  /** Share lost per IDF share of the question's names the passage does not meet (see ConfidenceFeatures.unnamed). */
  unnamed: 1,
  /** Share lost when a count or a date is asked and the passage holds no number or date at all (see ConfidenceFeatures.bare). */
  bare: 0.5,
};

/** What the confidence of an answer is built from (see AnswerEngine.confidence). */
export interface ConfidenceFeatures {
  /**
   * Share of the question's IDF weight the best passage covers, through related words too, and
   * through its answer of the asked type for the words that name that type (ASKED_TYPE_WORDS:
   * "date", "how long", "total") when it holds one (0–1).
   */
  coverage: number;
  /** Whether the best passage holds an answer of the asked type; null when no type is asked. */
  typed: boolean | null;
  /** IDF share of question terms that no passage among the best ten matches in any way, the words naming a type the best passage answers aside (0–1). */
  nowhere: number;
  /**
   * How far the next different passage scores below the best: 1 − its score / the best's (0–1),
   * both scored by the hand formula (model.ts HAND_RANK) whatever model ranked them. Among the
   * next three, a passage that holds the best one's answer (a rare one: see isRareAnswer), or
   * one of another article that shares a rare word of the best beyond the question's (see
   * SAME_REPORT_SHARE), agrees rather than competes, and the margin is read against the next
   * that does not.
   */
  margin: number;
  /** Most of the best passage's matched terms that a passage of another article also matches (0–1). */
  agreement: number;
  /** How near the typed answer stands to the passage's matched words: 1 beside them, 0 far or absent. */
  near: number;
  /**
   * Share of the question's IDF weight in names ("Canadian", "Kremlin": see Analyzer.isName)
   * that the passage does not meet, in its own text or the sentence before, by the word itself
   * or a close relative (spelling, derived form, pertainym, member, alias, another language's
   * form): "how many Canadian troops…" answered by Germany's troops (0–1). Broader or sister
   * words ("British" → "European") do not meet a name.
   */
  unnamed: number;
  /**
   * True when the question asks for a count or a date and the passage holds none at all: no
   * number but years for a count, no date, year or time for a date ("how many soldiers were in
   * the Danish contingent" met by "Denmark announced it was withdrawing its contingent…"). Unlike
   * `typed`, which also fails where the passage's count counts another thing or its span is not
   * read, a passage with no number cannot give one.
   */
  bare: boolean;
  /**
   * IDF share of the question's specific words (see specificTerms: names, numbers, and words
   * rarer in the corpus than the question's average) that no candidate passage matches in any
   * way, through expansions included: what was asked about is not in what the corpus gave (0–1).
   * Like `nowhere`, it leaves aside the words naming a type the best passage answers.
   */
  missing: number;
  /**
   * IDF share of the question's specific words that the best passage does not match in any way,
   * in its own text or the sentence before (0–1).
   */
  unmetSpecific: number;
  /**
   * How far the scores fall below the best among the next (at most four) different passages:
   * 1 − their mean score over the best's, on the hand formula's scale (0–1; 0 with no other
   * passage, where nothing is seen to fall). A flat top (several passages about as good, none
   * better) is how an unanswerable question often looks.
   */
  spread: number;
}

/**
 * The question's specific terms: those of its names (Analyzer.isName), of words holding a
 * digit, and those whose IDF is at least the mean of its terms' IDFs (the rarer half, by
 * weight). Scale-free: no corpus-size constant.
 */
export function specificTerms(
  q: Pick<QuestionAnalysis, 'terms' | 'words' | 'language'>,
  idf: (term: string) => number,
): Set<string> {
  const out = new Set<string>();
  if (q.terms.length === 0) return out;
  const idfs = q.terms.map(idf);
  const mean = idfs.reduce((a, b) => a + b, 0) / idfs.length;
  q.terms.forEach((t, i) => {
    if (idfs[i]! >= mean) out.add(t);
  });
  const analyzer = analyzerFor(q.language);
  for (const w of q.words)
    if (w.term !== null && q.terms.includes(w.term) && (/\d/.test(w.text) || analyzer.isName(w.text)))
      out.add(w.term);
  return out;
}

/** How much each doubt lowers confidence (see CONFIDENCE). */
export type ConfidenceWeights = typeof CONFIDENCE;

/**
 * Confidence from its features, 0–1: coverage, scaled down by each doubt (see CONFIDENCE; other
 * weights only for measuring them, as `npm run eval -- --cross-validate` does).
 */
export function confidenceOf(f: ConfidenceFeatures, c: ConfidenceWeights = CONFIDENCE): number {
  let conf = f.coverage;
  if (f.typed === false) conf *= c.untyped;
  if (f.typed === true) conf *= 1 - c.far * (1 - f.near);
  conf *= 1 - c.nowhere * f.nowhere;
  conf *= 1 - c.margin + c.margin * Math.min(1, f.margin * 4);
  conf *= 1 - c.agreement + c.agreement * f.agreement;
  conf *= Math.max(0, 1 - c.unnamed * f.unnamed);
  if (f.bare) conf *= 1 - c.bare;
  return Math.max(0, Math.min(1, conf));
}

/**
 * Words that say which type of answer a question asks rather than what it is about ("on what
 * date", "how long", "the total", "en quelle année", "quel pays"), by language and asked type.
 * A passage holding an answer of that type meets them through the answer itself: "1er août
 * 2014" answers "date" though the passage never writes the word, so for the confidence they
 * count as covered, and not as matched nowhere or unmet, wherever the best passage holds an
 * answer of the asked type (ranking is not changed: it rewards that answer already).
 */
const ASKED_TYPE_WORDS: Readonly<Record<string, Partial<Record<AnswerType, readonly string[]>>>> = {
  en: {
    date: ['date', 'day', 'year', 'yr', 'month', 'time', 'hour'],
    duration: ['long', 'time', 'duration', 'period'],
    number: ['number', 'total', 'size', 'count', 'toll', 'figure', 'tally', 'strength'],
    place: ['country', 'city', 'town', 'place', 'region', 'location'],
  },
  fr: {
    date: ['date', 'jour', 'année', 'mois', 'heure'],
    duration: ['temps', 'durée', 'période'],
    number: ['nombre', 'total', 'effectif', 'bilan'],
    place: ['pays', 'ville', 'région', 'lieu', 'endroit'],
    person: ['nom'],
  },
};

/** ASKED_TYPE_WORDS as index terms, by language and type, read once. */
const askedTypeTermsBy = new Map<string, Set<string>>();

/** The question's terms that name its asked type (see ASKED_TYPE_WORDS); empty when it asks none. */
export function askedTypeTerms(q: Pick<QuestionAnalysis, 'terms' | 'answerType' | 'language'>): Set<string> {
  const key = `${q.language}:${q.answerType}`;
  let terms = askedTypeTermsBy.get(key);
  if (!terms) {
    const analyzer = analyzerFor(q.language);
    terms = new Set();
    for (const w of ASKED_TYPE_WORDS[q.language]?.[q.answerType] ?? []) {
      const t = analyzer.term(w);
      if (t !== null) terms.add(t);
    }
    askedTypeTermsBy.set(key, terms);
  }
  const out = new Set<string>();
  for (const t of q.terms) if (terms.has(t)) out.add(t);
  return out;
}

/** No terms (shared, never written to). */
const NO_TERMS: ReadonlySet<string> = new Set();

/** A ranked candidate passage. */
export interface Ranked extends Hit {
  coverage: number;
  /** Its rank score, e^(model · features): with the hand formula, its product of factors. */
  final: number;
  hasAnswer: boolean;
  /** The answer of the asked type found in the passage, if looked for and found. */
  found: Mention | null;
  /** Its rank features (model.ts RANK_FEATURES order). */
  features: Float64Array;
}

/** A question as `npm run train` reads it (see AnswerEngine.trainingQuestion). */
export interface TrainingQuestion {
  q: QuestionAnalysis;
  /** Every candidate, with every feature read (the answer features of all of them). */
  candidates: Array<{ passage: Passage; features: Float64Array }>;
  /** The candidates as rank would order them under a rank model. */
  order(model: RankModel): Ranked[];
  /** For an order: the hand chain's confidence and the confidence model's features; null with no passage. */
  confidence(ranked: Ranked[]): { hand: number; vector: Float64Array } | null;
}

const at = (name: RankFeature) => RANK_FEATURES.indexOf(name);
const LOG_BM25 = at('logBm25');
const LOG_COVERAGE = at('logCoverage');
const LOG_PROXIMITY = at('logProximity');
const UNNAMED = at('unnamed');
const NAMED = at('named');
const LEAD = at('lead');
const LENGTH = at('length');
const TITLE = at('title');
const AGREE = at('agree');
const FOUND = at('found');
const LOG_QUALITY = at('logQuality');
const BARE = at('bare');
const COV_EXACT = at('covExact');
const ANSWER_AT = ANSWER_FEATURES.map(at);
/** Where each way of matching adds its coverage share. */
const COVERAGE_BY: Record<Via, number> = {
  exact: at('covExact'),
  spelling: at('covSpelling'),
  form: at('covForm'),
  synonym: at('covSynonym'),
  derived: at('covDerived'),
  pertainym: at('covPertainym'),
  broader: at('covBroader'),
  narrower: at('covNarrower'),
  instance: at('covNarrower'),
  sister: at('covSister'),
  similar: at('covSimilar'),
  member: at('covMember'),
  region: at('covRegion'),
  antonym: at('covAntonym'),
  alias: at('covAlias'),
  context: at('covContext'),
};
/** Candidates, best by BM25, against which a candidate's agreement is read (the `agree` feature). */
const AGREE_AMONG = 10;

/** A candidate's score by the hand formula (model.ts HAND_RANK), whatever model ranked it. */
function handFinal(r: Ranked): number {
  return Math.exp(dot(HAND_RANK_MODEL.weights, r.features));
}

/** The confidence model's features (model.ts CONFIDENCE_FEATURES order) of an answer's best passage. */
export function confidenceVector(f: ConfidenceFeatures, best: Ranked): Float64Array {
  return Float64Array.from([
    Math.log(Math.max(0.01, confidenceOf(f))),
    f.coverage,
    f.typed === true ? 1 : 0,
    f.typed === false ? 1 : 0,
    f.near,
    f.nowhere,
    Math.min(1, f.margin * 4),
    f.agreement,
    f.unnamed,
    f.bare ? 1 : 0,
    best.features[COV_EXACT]!,
    best.features[LOG_PROXIMITY]!,
    best.features[TITLE]!,
    f.missing,
    f.unmetSpecific,
    f.spread,
  ]);
}

/**
 * Share of the question's IDF weight that a passage matched. `idfs` are the question terms'
 * IDFs in order, when the caller has them already (rank scores every candidate twice).
 */
function coverage(
  index: PassageIndex,
  q: QuestionAnalysis,
  weights: Map<string, number>,
  idfs?: readonly number[],
): number {
  let total = 0;
  let got = 0;
  for (let i = 0; i < q.terms.length; i++) {
    const t = q.terms[i]!;
    const w = idfs ? idfs[i]! : index.idf(t);
    total += w;
    got += w * (weights.get(t) ?? 0);
  }
  return total === 0 ? 0 : got / total;
}

/** How a passage may meet a name of the question (see ConfidenceFeatures.unnamed); 'context' is the sentence before. */
const NAME_MATCHES: ReadonlySet<string> = new Set([
  'exact',
  'spelling',
  'form',
  'derived',
  'pertainym',
  'member',
  'alias',
  'context',
]);

/** A French count: digits that are no year, or a number word ("dix pays", "un millier"). */
const FRENCH_COUNT =
  /(?<![\d.,])(?!(?:1[89]|20)\d\d(?!\d|[.,]\d))\d|\b(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt|trente|quarante|cinquante|soixante|cent|cents|mille|milliers?|centaines?|dizaines?|millions?)\b/iu;
/** A French date: a weekday, a month, a year or a time of day ("remis mardi", "13 juin", "13h"). */
const FRENCH_DATE =
  /\b(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre|hier|aujourd'hui|(?:1[89]|20)\d\d|\d{1,2}\s?h(?:\d\d)?)\b/iu;

/**
 * Words that ask an amount of money, in English and French (the verbs and nouns of costing,
 * paying, spending and funding, and the currencies): "how much did Barkhane cost", "combien a
 * coûté le retrait", "le budget annuel". A general class of words, not chosen from questions.
 */
const MONEY_ASKED: Readonly<Record<string, RegExp>> = {
  en: /^(?:costs?|costing|spend|spends|spent|spending|pay|pays|paid|paying|payments?|prices?|priced|budgets?|funding|funded|worth|money|expenditures?|euros?|dollars?)$/iu,
  // Not "pays" (a country in French).
  fr: /^(?:co[uû]t(?:e|ent|é|ait|aient|er|s)?|pa(?:y|i)(?:e|ent|é|er|ait|aient)|d[ée]pens(?:e|es|ent|é|ée|és|ées|er|ait)|prix|budgets?|argent|financement|euros?|dollars?)$/iu,
};
/** An amount of money in a text: a currency sign or a currency's name ("€1bn", "700 million euros", "francs CFA"). */
const MONEY_GIVEN = /[€$£]|\b(?:euros?|dollars?|pounds sterling|francs? CFA|CFA francs?|USD|EUR)\b/iu;

/** True when a count question asks an amount of money ("how much did Barkhane cost France"). */
export function asksMoney(
  q: Pick<QuestionAnalysis, 'answerType'> &
    Partial<Pick<QuestionAnalysis, 'words' | 'language' | 'headNoun'>>,
): boolean {
  const asked = MONEY_ASKED[q.language ?? 'en'];
  // A count of a noun counts that noun, even where it costs ("how many lives did it cost").
  return (
    q.answerType === 'number' &&
    !q.headNoun &&
    asked !== undefined &&
    (q.words ?? []).some((w) => asked.test(w.text))
  );
}

/**
 * True when the question counts things ("how many drones", "combien de conteneurs"): its
 * counted noun's commonest sense names no person or body of people. A passage counts people by
 * other nouns than the question's ("four mercenaries" for "how many Wagner men"), which the
 * short answer reads; things it counts by their own noun or not at all.
 */
export function countsThings(q: Pick<QuestionAnalysis, 'answerType' | 'headNoun' | 'language'>): boolean {
  if (q.answerType !== 'number' || !q.headNoun) return false;
  const noun = q.language === 'en' ? q.headNoun : englishNounOf(q.headNoun);
  const c = noun ? firstNounClass(noun) : null;
  return c !== null && c !== PERSON_CLASS && c !== GROUP_CLASS;
}

/**
 * True when a count or a date is asked and the text holds no number that is no year (for a
 * count) or no date, year or time of day (for a date): see ConfidenceFeatures.bare. A count of
 * money asks an amount (a currency sign or name: see asksMoney), and "what time" asks a time of
 * day (q.dateKind): a passage with none holds no answer of that kind, whatever numbers or days
 * it gives ("nine years", "Monday"). A French text is read for digits, number words, weekdays
 * and months (entities.ts reads English ones: "dix pays", "remis mardi").
 */
export function holdsNone(
  text: string,
  q: Pick<QuestionAnalysis, 'answerType'> &
    Partial<Pick<QuestionAnalysis, 'dateKind' | 'words' | 'language'>>,
  language = 'en',
): boolean {
  if (asksMoney(q) && !MONEY_GIVEN.test(text)) return true;
  if (q.answerType === 'date' && q.dateKind === 'time' && timeMentions(text).length === 0) return true;
  if (language === 'fr') {
    if (q.answerType === 'number') return !FRENCH_COUNT.test(text);
    if (q.answerType === 'date') return !FRENCH_DATE.test(text);
    return false;
  }
  if (q.answerType === 'number') return !numberMentions(text).some((n) => n.value !== null && !n.isYear);
  if (q.answerType === 'date')
    return (
      dateMentions(text).length === 0 &&
      timeMentions(text).length === 0 &&
      !numberMentions(text).some((n) => n.isYear)
    );
  return false;
}

/** How many passages after the best may corroborate its answer rather than compete with it (ConfidenceFeatures.margin). */
const CORROBORATE_AMONG = 3;
/**
 * The largest share of the passages a word of the best passage beyond the question's may stand
 * in for another article's passage holding it to report the same fact (ConfidenceFeatures.margin):
 * one in fifty, chosen before measuring (0.05 measured about the same: docs/how-it-works.md).
 */
const SAME_REPORT_SHARE = 0.02;
/**
 * The largest share of the passages an answer's rarest word may stand in for another passage
 * holding it to corroborate it: one in ten.
 */
const RARE_SHARE = 0.1;

/** How many passages after the best the spread of the scores is read over (ConfidenceFeatures.spread). */
const SPREAD_OF = 4;

/** Words between a typed answer and the nearest word of the passage that matched the question. */
const NEAR_WORDS = 12;

/**
 * How near a passage's typed answer stands to the words that matched the question: 1 when a
 * matched word touches it, falling to 0 at NEAR_WORDS words away. An answer of the asked type
 * far from what the question asks about is most often the answer to another question.
 */
function nearness(h: Ranked, found: Mention, index: PassageIndex): number {
  const matched = new Set([...h.matches.values()].filter((m) => m.via !== 'context').map((m) => m.term));
  const tokens = tokenTerms(index.languageOf(h.passage.id))(h.passage.text);
  let at = tokens.findIndex((t) => t.end > found.start);
  if (at < 0) at = tokens.length;
  let endAt = tokens.findIndex((t) => t.start >= found.end);
  if (endAt < 0) endAt = tokens.length;
  let best = Infinity;
  tokens.forEach((t, i) => {
    if ((i >= at && i < endAt) || t.term === null || !matched.has(t.term)) return;
    best = Math.min(best, i < at ? at - i - 1 : i - endAt);
  });
  return best === Infinity ? 0 : Math.max(0, 1 - best / NEAR_WORDS);
}

/** A passage's word tokens with their index terms, worked out once per text and language. */
type TokenTerm = { start: number; end: number; term: string | null };
const tokenTermsBy = new Map<string, (text: string) => TokenTerm[]>();
function tokenTerms(language: string): (text: string) => TokenTerm[] {
  let memo = tokenTermsBy.get(language);
  if (!memo) {
    const analyzer = analyzerFor(language);
    memo = memoByText((text) =>
      analyzer.tokens(text).map((t) => ({ start: t.start, end: t.end, term: analyzer.term(t.text) })),
    );
    tokenTermsBy.set(language, memo);
  }
  return memo;
}

/** How much a passage whose matched words stand together gains over one where they are scattered. */
const PROXIMITY = 0.3;

/**
 * How closely the question words a passage matched stand together in it, 0–1: the number of
 * different question words matched in its own text over the length of the shortest run of its
 * terms holding one of each (1 when they stand side by side; 0 with fewer than two matched).
 */
export function proximity(terms: readonly string[], h: Hit): number {
  const want = new Map<string, string>();
  for (const [target, m] of h.matches) if (m.via !== 'context') want.set(m.term, target);
  const k = new Set(want.values()).size;
  if (k < 2) return 0;
  const have = new Map<string, number>();
  let covered = 0;
  let best = Infinity;
  let lo = 0;
  for (let hi = 0; hi < terms.length; hi++) {
    const t = want.get(terms[hi]!);
    if (t === undefined) continue;
    have.set(t, (have.get(t) ?? 0) + 1);
    if (have.get(t) === 1) covered++;
    while (covered === k) {
      best = Math.min(best, hi - lo + 1);
      const u = want.get(terms[lo]!);
      lo++;
      if (u === undefined) continue;
      const n = have.get(u)! - 1;
      have.set(u, n);
      if (n === 0) covered--;
    }
  }
  return best === Infinity ? 0 : k / best;
}

/** Token-set similarity of two passages, for grouping near-identical reports. */
const wordSet = memoByText((text: string) => new Set(looseWords(text)));
const ownTerms = memoByText((text: string) => new Set(indexTerms(text)));

/**
 * The first word of a text whose index term is `term`, for Citation.matched: read from the
 * text's tokenTerms, which nearness and the conflict checks have most often worked out already
 * for the same passage (firstWord kept a tokenisation of its own, a second one per cited text).
 */
function firstWord(language: string, text: string, term: string): TokenTerm | undefined {
  for (const t of tokenTerms(language)(text)) if (t.term === term) return t;
  return undefined;
}

function similarity(a: string, b: string): number {
  const ta = wordSet(a);
  const tb = wordSet(b);
  let inter = 0;
  for (const t of ta) if (tb.has(t)) inter++;
  return inter / Math.max(1, Math.min(ta.size, tb.size));
}

/** Word overlap (see similarity) above which a passage counts as repeating one placed before it. */
const REPEAT_FROM = 0.5;
/** What a repeat loses per unit of overlap above REPEAT_FROM, as a share of the best passage's score. */
const REPEAT_PENALTY = 1;
/** Candidates among which the first places are filled, and how many places are. */
const REPEAT_POOL = 12;
const REPEAT_PLACES = 5;

/**
 * Orders the first REPEAT_PLACES passages so that a near-repeat of one already placed (the same
 * report in much the same words) gives way to the next passage that says something else, as
 * maximal marginal relevance does: each place goes to the candidate whose score over the best
 * passage's, less REPEAT_PENALTY times its overlap beyond REPEAT_FROM with the closest passage
 * placed, is highest. The best passage stays first; the rest keep their order after them.
 * Another outlet's near copy still folds into its twin's citation (see cite): it is moved down,
 * not dropped. Chosen by measurement (README, "Answer quality").
 */
export function spreadRepeats<T extends { final: number; passage: { text: string } }>(
  ranked: readonly T[],
): T[] {
  if (ranked.length < 3) return [...ranked];
  const top = ranked[0]!.final || 1;
  const pool = ranked.slice(1, REPEAT_POOL);
  const placed = [ranked[0]!];
  while (pool.length > 0 && placed.length < REPEAT_PLACES) {
    let pick = 0;
    let pickValue = -Infinity;
    pool.forEach((r, i) => {
      let overlap = 0;
      for (const p of placed) overlap = Math.max(overlap, similarity(p.passage.text, r.passage.text));
      const value = r.final / top - REPEAT_PENALTY * Math.max(0, overlap - REPEAT_FROM);
      if (value > pickValue) {
        pickValue = value;
        pick = i;
      }
    });
    placed.push(pool.splice(pick, 1)[0]!);
  }
  return [...placed, ...pool, ...ranked.slice(REPEAT_POOL)];
}

/** How many of `a`'s keys `b` holds too. */
function sharedKeys(a: ReadonlyMap<string, unknown>, b: ReadonlyMap<string, unknown>): number {
  let n = 0;
  for (const k of a.keys()) if (b.has(k)) n++;
  return n;
}

/** Answers questions from a corpus: ranks passages, extracts short answers, shows disagreements. */
export class AnswerEngine {
  readonly index: PassageIndex;

  constructor(
    private readonly corpus: Corpus,
    readonly settings: AnswerSettings = DEFAULT_SETTINGS,
    snapshot?: IndexSnapshot,
    /** The learned models (model.ts); the bundled data/rank-model.json by default. */
    readonly model: EngineModel = modelInUse(),
  ) {
    this.index = new PassageIndex(
      corpus.passages,
      snapshot,
      {},
      (p) => corpus.byId.get(p.articleId)?.meta.language ?? 'en',
    );
    for (const a of corpus.articles)
      a.passages.forEach((p, i) => {
        this.positions[p.id] = i;
      });
  }

  private article(p: Passage): Article {
    return this.corpus.byId.get(p.articleId)!;
  }

  /**
   * Ranks candidate passages for an analysed question, only among `within` (passage ids) when
   * given. A passage that meets the question only through related words, and for less than half
   * its weight, is no candidate: a word's other senses ("match" the contest, "match" to couple)
   * would otherwise put unrelated passages forward. Each candidate scores the rank model's dot
   * product with its features (model.ts); the answer features are read for the best
   * `extractFrom` candidates only, answer extraction being the costly part.
   */
  rank(q: QuestionAnalysis, within?: ReadonlySet<number>): Ranked[] {
    return this.orderBy(this.candidates(q, within), q, this.rankModel, (r) => this.readAnswer(r, q));
  }

  /** The rank model in use: the model file's when adopted, else the hand formula (model.ts HAND_RANK). */
  private get rankModel(): RankModel {
    return this.model.rank ?? HAND_RANK_MODEL;
  }

  /**
   * Orders candidates as rank does: by the model's score over their cheap features first, then,
   * once `answer` has read the answer features of the best `extractFrom` (for a question that
   * asks a type), by the score over all of them. `final` is e^score: the hand formula's product.
   */
  private orderBy(
    ranked: Ranked[],
    q: QuestionAnalysis,
    model: RankModel,
    answer: (r: Ranked) => void,
  ): Ranked[] {
    const byFinal = (a: Ranked, b: Ranked) => b.final - a.final || a.passage.id - b.passage.id;
    for (const r of ranked) r.final = Math.exp(dot(model.weights, r.features));
    ranked.sort(byFinal);
    if (q.answerType === 'other') return ranked;
    for (const r of ranked.slice(0, this.settings.extractFrom)) {
      answer(r);
      r.final = Math.exp(dot(model.weights, r.features));
    }
    return ranked.sort(byFinal);
  }

  /** Reads a candidate's answer features (model.ts ANSWER_FEATURES): extracts its answer of the asked type. */
  private readAnswer(r: Ranked, q: QuestionAnalysis): void {
    const found = extractAnswer(r.passage.text, q);
    r.hasAnswer = found !== null;
    r.found = found;
    const x = r.features;
    if (found) {
      x[FOUND] = 1;
      x[LOG_QUALITY] = Math.log(1 + this.settings.typeBonus * answerQuality(found, q));
    }
    x[BARE] = holdsNone(r.passage.text, q, this.index.languageOf(r.passage.id)) ? 1 : 0;
  }

  /** The search's candidates with their cheap features (model.ts CHEAP_FEATURES); answer features 0. */
  private candidates(q: QuestionAnalysis, within?: ReadonlySet<number>): Ranked[] {
    const s = this.settings;
    const idfs = q.terms.map((t) => this.index.idf(t));
    const hits = this.index
      .search(
        q.terms,
        { candidates: s.candidates, within, dictionary: q.dictionary, language: q.language },
        q.expansions,
      )
      .filter(
        (h) =>
          [...h.matches.values()].some(
            (m) => m.via === 'exact' || m.via === 'spelling' || m.via === 'form',
          ) || coverage(this.index, q, h.weights, idfs) >= 0.5,
      );
    const top = hits[0]?.score ?? 1;
    const total = idfs.reduce((a, b) => a + b, 0) || 1;
    // The question's names, once, with their IDFs (see ConfidenceFeatures.unnamed).
    const analyzer = analyzerFor(q.language);
    const names = new Map<string, number>();
    for (const w of q.words)
      if (w.term !== null && !names.has(w.term) && analyzer.isName(w.text))
        names.set(w.term, this.index.idf(w.term));
    // The loops below run for every candidate: they read plain arrays and count in place, where
    // iterating a Map and filtering into arrays allocated about a quarter of an ask's garbage
    // (a young-generation collection every twenty questions or so at 100k passages).
    const nameTerms = [...names.keys()];
    const nameIdfs = [...names.values()];
    // Agreement is read against the ten best by BM25, whatever the model: no circle.
    const byBm25 = [...hits].sort((a, b) => b.score - a.score).slice(0, AGREE_AMONG);
    return hits.map((h) => {
      const x = new Float64Array(RANK_FEATURES.length);
      let cov = 0;
      for (let i = 0; i < q.terms.length; i++) {
        const t = q.terms[i]!;
        const m = h.matches.get(t);
        if (!m) continue;
        const got = idfs[i]! * (h.weights.get(t) ?? 0);
        cov += got;
        x[COVERAGE_BY[m.via]]! += got / total;
      }
      cov /= total;
      const terms = this.index.termsAt(h.passage.id);
      x[LOG_BM25] = Math.log(Math.max(1e-9, h.score / top));
      x[LOG_COVERAGE] = Math.log(1 - s.coverageWeight + s.coverageWeight * cov);
      x[LOG_PROXIMITY] = Math.log(1 + PROXIMITY * proximity(terms, h));
      let unnamed = 0;
      let named = 0;
      for (let i = 0; i < nameTerms.length; i++) {
        const m = h.matches.get(nameTerms[i]!);
        if (m && NAME_MATCHES.has(m.via)) named += nameIdfs[i]!;
        else unnamed += nameIdfs[i]!;
      }
      x[UNNAMED] = Math.min(1, unnamed / total);
      x[NAMED] = Math.min(1, named / total);
      x[LEAD] = 1 / (1 + (this.positions[h.passage.id] ?? 0));
      x[LENGTH] = Math.log(1 + terms.length) / 5;
      const title = this.titleTerms(h.passage.articleId);
      let inTitle = 0;
      for (let i = 0; i < q.terms.length; i++) if (title.has(q.terms[i]!)) inTitle += idfs[i]!;
      x[TITLE] = inTitle / total;
      const agreeing: string[] = [];
      for (const r of byBm25) {
        if (r.passage.articleId === h.passage.articleId || agreeing.includes(r.passage.articleId)) continue;
        if (sharedKeys(h.weights, r.weights) * 2 >= h.weights.size) agreeing.push(r.passage.articleId);
      }
      x[AGREE] = Math.min(1, agreeing.length / 5);
      // Fields named rather than spread: with `...h` here, the collector promoted about 75 KB
      // more per question to the old generation (77 → 43 MB over 1,000 questions at 20k).
      return {
        passage: h.passage,
        score: h.score,
        weights: h.weights,
        matches: h.matches,
        coverage: cov,
        final: 0,
        hasAnswer: false,
        found: null as Mention | null,
        features: x,
      };
    });
  }

  /** Each passage's place in its article (0 for the first), by passage id. */
  private readonly positions: number[] = [];
  /** Each article's title terms, read when first needed. */
  private readonly titles = new Map<string, Set<string>>();

  private titleTerms(articleId: string): Set<string> {
    let terms = this.titles.get(articleId);
    if (!terms) {
      const article = this.corpus.byId.get(articleId);
      const analyzer = analyzerFor(article?.meta.language ?? 'en');
      terms = new Set();
      for (const t of analyzer.tokens(article?.meta.title ?? '')) {
        const term = analyzer.term(t.text);
        if (term !== null) terms.add(term);
      }
      this.titles.set(articleId, terms);
    }
    return terms;
  }

  /**
   * For `npm run train`: a question's candidates with every feature read, the answer features
   * of all of them (not only of the best `extractFrom`), to be ordered by any rank model exactly
   * as rank would order them (see TrainingQuestion). Null for a question with no searchable word.
   */
  trainingQuestion(question: string): TrainingQuestion | null {
    if (queryProblem(question)) return null;
    const asked = analyzeQuestion(question);
    if (asked.terms.length === 0) return null;
    const q = { ...asked, expansions: expandQuestion(asked, this.index) };
    const all = this.candidates(q);
    if (q.answerType !== 'other') for (const r of all) this.readAnswer(r, q);
    const cheap = (r: Ranked): Ranked => {
      const features = r.features.slice();
      for (const i of ANSWER_AT) features[i] = 0;
      return { ...r, features, hasAnswer: false, found: null };
    };
    const full = new Map(all.map((r) => [r.passage.id, r]));
    return {
      q,
      candidates: all.map((r) => ({ passage: r.passage, features: r.features })),
      order: (model) =>
        this.orderBy(all.map(cheap), q, model, (r) => {
          const f = full.get(r.passage.id)!;
          r.features = f.features;
          r.found = f.found;
          r.hasAnswer = f.hasAnswer;
        }),
      confidence: (ranked) => {
        const f = this.confidenceFeatures(ranked, q);
        return f ? { hand: confidenceOf(f), vector: confidenceVector(f, ranked[0]!) } : null;
      },
    };
  }

  /**
   * How sure the engine is that the best passage answers the question, from 0 to 1, built so a
   * reworded question can earn it: the share of the question's weight the passage covers (its
   * own words, their spelling variants and related words all count, at their weights), scaled
   * down when the question asks for a type of answer (a count, a date, a person…) the passage
   * does not hold, when question words match nowhere among the best passages, when the next
   * passage is about as good, and when no passage of another article covers the same words.
   */
  confidence(ranked: Ranked[], q: QuestionAnalysis): number {
    const f = this.confidenceFeatures(ranked, q);
    if (!f) return 0;
    const m = this.model.confidence;
    return m ? confidenceProbability(m, confidenceVector(f, ranked[0]!)) : confidenceOf(f);
  }

  /** Below this confidence the engine abstains: the confidence model's threshold, else settings.minConfidence. */
  get minConfidence(): number {
    return this.model.confidence?.threshold ?? this.settings.minConfidence;
  }

  /** For measurement (`npm run eval -- --cross-validate`): a question's confidence features, as ask reads them. */
  featuresOf(question: string): ConfidenceFeatures | null {
    if (queryProblem(question)) return null;
    const asked = analyzeQuestion(question);
    if (asked.terms.length === 0) return null;
    const q = { ...asked, expansions: expandQuestion(asked, this.index) };
    return this.confidenceFeatures(this.rank(q), q);
  }

  /**
   * Whether an answer's words are rare enough in the corpus that another passage holding them
   * says the same thing: not when each of them stands in more than RARE_SHARE of the passages
   * ("Mali", "France" stand in most of them; "72 hours", "Emmanuel Macron", "nine years" do not).
   */
  private isRareAnswer(text: string, language: string): boolean {
    // However small the corpus, an answer standing only in the passages that may corroborate it is rare.
    const limit = Math.max(1 + CORROBORATE_AMONG, RARE_SHARE * this.index.size);
    const analyzer = analyzerFor(language);
    return analyzer.tokens(text).some((t) => {
      const term = analyzer.term(t.text);
      return term !== null && this.index.df(term) <= limit;
    });
  }

  /**
   * The best passage's own terms that neither the question nor its expansions brought and that
   * stand in at most SAME_REPORT_SHARE of the passages (in a small corpus, in no more than the
   * passages that may corroborate it, and in fewer than half): what another passage sharing them
   * reports too.
   */
  private rareUnasked(best: Ranked, q: QuestionAnalysis): Set<string> {
    const asked = new Set([...q.terms, ...q.expansions.keys()]);
    for (const m of best.matches.values()) asked.add(m.term);
    // A word half the passages hold is no rare one, however small the corpus.
    const limit = Math.min(
      Math.max(1 + CORROBORATE_AMONG, SAME_REPORT_SHARE * this.index.size),
      this.index.size / 2,
    );
    const out = new Set<string>();
    for (const t of this.index.termsAt(best.passage.id))
      if (!asked.has(t) && this.index.df(t) <= limit) out.add(t);
    return out;
  }

  /** What the confidence is built from (see ConfidenceFeatures); null with no passage. */
  confidenceFeatures(ranked: Ranked[], q: QuestionAnalysis): ConfidenceFeatures | null {
    const best = ranked[0];
    if (!best) return null;
    // The words naming the asked type, met by the answer of that type the best passage holds.
    const typeTerms = best.hasAnswer ? askedTypeTerms(q) : NO_TERMS;
    // IDF share of question terms no passage among the best ten matches in any way.
    let total = 0;
    let nowhere = 0;
    let typeShare = 0;
    for (const t of q.terms) {
      const w = this.index.idf(t);
      total += w;
      if (typeTerms.has(t)) typeShare += w * (1 - (best.weights.get(t) ?? 0));
      else if (!ranked.slice(0, 10).some((r) => r.weights.has(t))) nowhere += w;
    }
    // A next passage that gives the best one's answer too corroborates it rather than competes
    // with it: among the next CORROBORATE_AMONG passages, those holding the answer's words are
    // passed over, and the margin is read against the first that does not.
    const answerWords =
      best.found && this.isRareAnswer(best.found.text, this.index.languageOf(best.passage.id))
        ? looseComparable(best.found.text)
        : '';
    const said = answerWords.trim() === '' ? null : ` ${answerWords} `;
    const holdsAnswer = (r: Ranked, i: number) =>
      said !== null && i <= CORROBORATE_AMONG && ` ${looseComparable(r.passage.text)} `.includes(said);
    // So does another article's passage that shares with the best a rare word the question did
    // not bring (a place, a name, a figure): two outlets reporting the same fact, which a
    // reworded question often meets at the same score. An out-of-scope question's best passage
    // stands out by the topic's words, and the passages below it seldom share its rare ones.
    const rareOwn = this.rareUnasked(best, q);
    const reportsSame = (r: Ranked, i: number) =>
      i <= CORROBORATE_AMONG &&
      r.passage.articleId !== best.passage.articleId &&
      this.index.termsAt(r.passage.id).some((t) => rareOwn.has(t));
    const second = ranked.find(
      (r, i) => r.passage.text !== best.passage.text && !holdsAnswer(r, i) && !reportsSame(r, i),
    );
    const keys = [...best.weights.keys()];
    let agreement = 0;
    for (const r of ranked.slice(1, 5)) {
      if (r.passage.articleId === best.passage.articleId) continue;
      agreement = Math.max(agreement, keys.filter((k) => r.weights.has(k)).length / Math.max(1, keys.length));
    }
    // IDF share of the question's names the best passage does not meet.
    const analyzer = analyzerFor(q.language);
    let unnamed = 0;
    const named = new Set<string>();
    for (const w of q.words) {
      if (w.term === null || named.has(w.term) || !analyzer.isName(w.text)) continue;
      named.add(w.term);
      const m = best.matches.get(w.term);
      if (!m || !NAME_MATCHES.has(m.via)) unnamed += this.index.idf(w.term);
    }
    // The question's specific words matched by no candidate, and by not the best passage.
    let missing = 0;
    let unmetSpecific = 0;
    for (const t of specificTerms(q, (term) => this.index.idf(term))) {
      if (typeTerms.has(t)) continue;
      const w = this.index.idf(t);
      if (!best.weights.has(t)) unmetSpecific += w;
      if (!ranked.some((r) => r.weights.has(t))) missing += w;
    }
    const otherCountryAnswer =
      best.found !== null &&
      this.index.languageOf(best.passage.id) === 'en' &&
      otherCountry(best.passage.text, best.found, q);
    // The next four different passages' scores against the best's, on the hand scale.
    const bestHand = handFinal(best);
    let following = 0;
    let counted = 0;
    const seen = new Set([best.passage.text]);
    for (const r of ranked) {
      if (counted === SPREAD_OF) break;
      if (seen.has(r.passage.text)) continue;
      seen.add(r.passage.text);
      following += Math.min(1, handFinal(r) / (bestHand || 1));
      counted++;
    }
    return {
      coverage: total === 0 ? best.coverage : Math.min(1, best.coverage + typeShare / total),
      // An answer of the asked type that is another country's ("Estonian defence minister Kalle
      // Lane" for France's) is not the asked one.
      typed: q.answerType === 'other' ? null : best.hasAnswer && !otherCountryAnswer,
      nowhere: total === 0 ? 0 : nowhere / total,
      // On the hand formula's scale whatever the rank model: a learned model's scores spread
      // wider, and the margin would read as surer than the confidence was calibrated for.
      margin: second ? Math.max(0, 1 - handFinal(second) / handFinal(best)) : 1,
      agreement,
      near: best.found && !otherCountryAnswer ? nearness(best, best.found, this.index) : 0,
      unnamed: total === 0 ? 0 : Math.min(1, unnamed / total),
      bare:
        otherCountryAnswer ||
        // Things asked and none of them counted: the passage's numbers count something else
        // ("about 1,000 soldiers" for "how many drones").
        (!best.hasAnswer && countsThings(q)) ||
        holdsNone(best.passage.text, q, this.index.languageOf(best.passage.id)),
      missing: total === 0 ? 0 : Math.min(1, missing / total),
      unmetSpecific: total === 0 ? 0 : Math.min(1, unmetSpecific / total),
      // With no other passage nothing is seen to fall below the best: a question one passage
      // matches at all ("how do i reset my iphone") earns no spread.
      spread: counted === 0 ? 0 : 1 - following / counted,
    };
  }

  /**
   * Answers one question. Never throws on any string; unusable input gets `error`. With `within`
   * (passage ids, from a filter), only those passages are ranked, cited or compared.
   */
  ask(question: string, limit = 5, within?: ReadonlySet<number>): Answer {
    const problem = queryProblem(question);
    return this.answer(question, analyzeQuestion(problem ? '' : question), limit, problem, within);
  }

  /**
   * Checks a claim (a message's text) against the corpus: finds the passages on the same fact
   * and, where the claim gives a count ("3,000 French troops"), marks each passage that gives a
   * count for the same thing as agreeing or differing. The engine does not judge other claims;
   * their passages are shown for the reader to weigh.
   */
  check(claim: string, limit = 5): Answer {
    const problem = queryProblem(claim);
    if (problem) return this.answer(claim, analyzeQuestion(''), limit, problem);
    const claimed = claimedCount(claim);
    if (!claimed) return this.answer(claim, analyzeQuestion(claim), limit, null);
    // Read the claim as the question "how many <noun> …", without its own number as a search term.
    const rest = `${claim.slice(0, claimed.start)} ${claim.slice(claimed.end)}`;
    const read = { ...analyzeQuestion(rest), answerType: 'number' as const, headNoun: claimed.noun };
    const q = { ...read, expansions: expandQuestion(read, this.index) };
    // The confidence model was fitted on questions as asked, not on claims read as one: a
    // claim's check abstains by the hand chain (README, "Confidence").
    const result = this.answer(claim, q, limit, null, undefined, true);
    for (const c of result.citations) {
      const given = onSameFact(c.quote, q) ? countFor(c.quote, q) : null;
      c.stance = given
        ? Math.abs(given.value - claimed.value) <= 0.05 * claimed.value
          ? 'agrees'
          : 'differs'
        : null;
    }
    // The passages that give a figure for the same thing come first, in ranking order, so the
    // reader sees every agreeing and differing figure before the rest.
    const order = result.citations
      .map((c, i) => ({ c, i }))
      .sort((a, b) => Number(b.c.stance != null) - Number(a.c.stance != null) || a.i - b.i);
    const moved = new Map(order.map((o, k) => [o.i, k]));
    return {
      ...result,
      citations: order.map((o) => o.c),
      conflict:
        result.conflict?.map((side) => ({
          ...side,
          citations: side.citations.map((i) => moved.get(i) ?? i),
        })) ?? null,
    };
  }

  private answer(
    question: string,
    asked: QuestionAnalysis,
    limit: number,
    problem: string | null,
    within?: ReadonlySet<number>,
    /** Abstain by the hand chain (confidenceOf at settings.minConfidence), not by the confidence model. */
    byHandChain = false,
  ): Answer {
    const q: QuestionAnalysis =
      asked.expansions.size > 0 ? asked : { ...asked, expansions: expandQuestion(asked, this.index) };
    const base: Answer = {
      question,
      status: 'no_answer',
      answer: null,
      answerType: q.answerType,
      citations: [],
      conflict: null,
    };
    if (problem) return { ...base, error: problem };
    if (q.terms.length === 0)
      return {
        ...base,
        error: 'no searchable words in the question (only stop words, symbols or numbers of one digit)',
      };

    const ranked = this.rank(q, within);
    const best = ranked[0];
    const handFeatures = byHandChain && best ? this.confidenceFeatures(ranked, q) : null;
    const confidence = handFeatures ? confidenceOf(handFeatures) : best ? this.confidence(ranked, q) : 0;
    const answered =
      best !== undefined && confidence >= (byHandChain ? this.settings.minConfidence : this.minConfidence);
    // Dates (owner: dates, see date-conflicts.ts): outlets dating the same event differently.
    const dateSides =
      answered && q.answerType === 'date' ? dateConflict(ranked, q, this.dateContext()) : null;
    // A passage that mostly repeats one ranked above it gives way to the next different one.
    const spread = spreadRepeats(ranked);
    const counted = dateSides ?? (answered ? this.conflictOrder(spread, q) : { order: spread, sides: null });
    // Where the sides on the same fact were told apart already, they lead; otherwise every
    // value the best passages give for a count or a date is shown in the first `limit`.
    const order = counted.sides
      ? counted
      : { ...counted, order: diversifyByValue(counted.order, q, limit, this.index) };
    const citations = this.cite(order.order, limit, q, answered, dateSides?.sideOf);
    if (dateSides)
      for (const c of citations) c.value = dateSides.sideOf.get(`${c.articleId}:${c.start}`) ?? null;
    let conflict: ConflictSide[] | null = null;
    if (answered && order.sides) {
      conflict = order.sides
        .map((side) => {
          const idx = citations
            .map((c, i) => (c.value !== null && side.values.has(c.value) ? i : -1))
            .filter((i) => i >= 0);
          const sources = idx
            .flatMap((i) => [citations[i]!, ...citations[i]!.alsoIn])
            .map(({ articleId, outlet, title, published, publishedApprox, url }) => ({
              articleId,
              outlet,
              title,
              published,
              publishedApprox,
              url,
            }));
          return { value: side.label, citations: idx, sources };
        })
        .filter((s) => s.citations.length > 0);
      if (conflict.length < 2) conflict = null;
    }
    const first = citations[0];
    const firstRanked = order.order.find(
      (r) => first && r.passage.start === first.start && r.passage.articleId === first.articleId,
    );
    const short =
      answered && first
        ? extractAnswer(
            first.quote,
            firstRanked ? withMatched(q, firstRanked) : q,
            true,
            this.corpus.byId.get(first.articleId)?.meta.language ?? 'en',
            sentenceBefore(this.corpus.byId.get(first.articleId)?.text ?? '', first.start),
          )
        : null;
    // "When": the words as written, with the day they mean beside them ("on Monday (15 Aug 2022)").
    const dated =
      short && first && q.answerType === 'date'
        ? dateAnswerText(
            short,
            first.quote,
            { date: first.published, approximate: first.publishedApprox },
            this.corpus.byId.get(first.articleId)?.meta.language ?? 'en',
          )
        : null;
    return {
      ...base,
      status: answered ? 'answered' : 'no_answer',
      confidence: Math.round(confidence * 1000) / 1000,
      answer: dated?.text ?? short?.text.replace(/\s+/g, ' ') ?? null,
      ...(dated?.resolved ? { answerDate: answerDateOf(dated.resolved) } : {}),
      citations,
      conflict,
    };
  }

  /**
   * For count questions: when relevant passages give different counts for the asked thing,
   * put the best passage of each count first so every side is seen, the count the most
   * articles give first.
   */
  private conflictOrder(
    ranked: Ranked[],
    q: QuestionAnalysis,
  ): { order: Ranked[]; sides: Array<{ label: string; values: Set<string> }> | null } {
    if (q.answerType !== 'number' || !q.headNoun) return { order: ranked, sides: null };
    const groups = new Map<number, { label: string; members: Ranked[] }>();
    for (const r of ranked) {
      // A side must be about the same fact: every question term matched, exactly or through a related word.
      if (!this.onSameFactAt(r.passage, q)) continue;
      const c = countFor(r.passage.text, q);
      if (!c) continue;
      const g = groups.get(c.value) ?? { label: c.text.replace(/\s+/g, ' '), members: [] };
      g.members.push(r);
      groups.set(c.value, g);
    }
    if (groups.size < 2) return { order: ranked, sides: null };
    // The count more articles give leads; between as many, the better ranked one.
    const articles = (g: { members: Ranked[] }) => new Set(g.members.map((m) => m.passage.articleId)).size;
    const ordered = [...groups.values()].sort((a, b) => articles(b) - articles(a));
    const leaders = ordered.map((g) => g.members[0]!);
    const rest = ranked.filter((r) => !leaders.includes(r));
    const sides = ordered.map((g) => ({
      label: g.label,
      values: new Set(g.members.map((m) => countFor(m.passage.text, q)!.text.replace(/\s+/g, ' '))),
    }));
    return { order: [...leaders, ...rest], sides };
  }

  /**
   * onSameFact for a passage of the index, read from the terms the index holds for it rather than
   * from a tokenisation of its text: the same terms where the passage is English (onSameFact reads
   * every text as English), which conflictOrder asks of each of a count question's candidates.
   */
  private onSameFactAt(p: Passage, q: QuestionAnalysis): boolean {
    if (this.index.languageOf(p.id) !== 'en') return onSameFact(p.text, q);
    return coversFact(new Set(this.index.termsAt(p.id)), q);
  }

  /** What date conflicts need from the corpus: each passage's publication date and language. */
  private dateContext(): DateContext {
    return {
      referenceOf: (p) => {
        const src = sourceOf(this.article(p));
        return {
          reference: { date: src.published, approximate: src.publishedApprox },
          language: this.article(p).meta.language ?? 'en',
        };
      },
      df: (t) => this.index.df(t),
      size: this.index.size,
    };
  }

  /** Each question word a passage matched, the passage word it met and how (Citation.matched). */
  private explain(r: Ranked, q: QuestionAnalysis): MatchedWord[] {
    const out: MatchedWord[] = [];
    for (const t of q.terms) {
      const m = r.matches.get(t);
      if (!m) continue;
      const expansion = q.expansions.get(m.term);
      const asked =
        m.term !== t && expansion?.target === t
          ? expansion.from
          : (q.words.find((w) => w.term === t)?.text ?? t);
      const inContext = m.via === 'context';
      const source = inContext ? this.corpus.passages[r.passage.id - 1] : r.passage;
      const language = this.index.languageOf(source?.id ?? r.passage.id);
      const token = source ? firstWord(language, source.text, m.term) : undefined;
      const word = source && token ? source.text.slice(token.start, token.end) : m.term;
      const how = inContext ? (m.term === t ? 'context' : `context, ${expansion?.via ?? 'related'}`) : m.via;
      out.push({ question: asked, passage: word, how });
    }
    return out;
  }

  /** Turns ranked passages into citations, folding near-identical passages from other outlets together. */
  private cite(
    ranked: Ranked[],
    limit: number,
    q: QuestionAnalysis,
    /** Give each citation the count it gives (when the engine answers, or a claim is checked). */
    withValues: boolean,
    /** Date sides by `articleId:start` (date-conflicts.ts): passages on different sides are never twins. */
    sideOf?: ReadonlyMap<string, string>,
  ): Citation[] {
    const out: Citation[] = [];
    // Near-identical passages from other outlets are looked for among the better candidates only.
    for (const r of ranked.slice(0, Math.max(limit * 4, 20))) {
      const p = r.passage;
      const src = sourceOf(this.article(p));
      const twin = out.find(
        (c) =>
          c.articleId !== p.articleId &&
          !c.alsoIn.some((a) => a.articleId === p.articleId) &&
          similarity(c.quote, p.text) >= 0.8 &&
          sideOf?.get(`${c.articleId}:${c.start}`) === sideOf?.get(`${p.articleId}:${p.start}`),
      );
      if (twin) {
        twin.alsoIn.push({ ...src, quote: p.text, start: p.start, end: p.end });
        continue;
      }
      if (out.length >= limit) continue;
      const value =
        withValues && q.answerType === 'number' && q.headNoun
          ? (countFor(p.text, q)?.text.replace(/\s+/g, ' ') ?? null)
          : null;
      out.push({
        ...src,
        quote: p.text,
        start: p.start,
        end: p.end,
        score: Math.round(r.final * 1000) / 1000,
        value,
        alsoIn: [],
        matched: this.explain(r, q),
      });
    }
    for (const c of out) c.alsoIn.sort((a, b) => a.articleId.localeCompare(b.articleId) || a.start - b.start);
    return out;
  }
}

/** Candidates, best first, among which every value given for a count or a date is shown. */
const DIVERSIFY_FROM = 10;
/** A candidate gives a side of the asked fact only with this share of the best candidate's coverage. */
const SIDE_COVERAGE = 0.75;
/** A side's value stands at least this near the passage's matched words (see nearness). */
const SIDE_NEARNESS = 0.5;

/** Month names, for comparing dates at the month a question asks for. */
const MONTH =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/;

/**
 * The count or date a passage gives for a question, as compared across passages: only one
 * standing near the words that matched the question (an answer far from them most often
 * answers another question), and a date at the grain the question asks ("what year": the year;
 * "what month": the month). Null when the passage gives none.
 */
function typedValue(r: Ranked, q: QuestionAnalysis, index: PassageIndex): string | null {
  // The answer rank() found: every candidate this compares was among those it looked in.
  const m = r.found;
  if (!m || nearness(r, m, index) < SIDE_NEARNESS) return null;
  const value = looseComparable(m.text);
  if (q.answerType !== 'date') return value;
  const asks = new Set(q.words.map((w) => w.text.toLowerCase()));
  const year = value.match(/\b(?:1[89]|20)\d\d\b/)?.[0] ?? null;
  if (asks.has('year') || asks.has('years')) return year;
  if (asks.has('month')) {
    const month = value.match(MONTH)?.[0];
    return month ? `${month.slice(0, 3)} ${year ?? ''}`.trim() : null;
  }
  return value;
}

/**
 * For a count or a date, makes sure the first `limit` passages show every value that the
 * passages on the same fact give, when they disagree ("2,400" and "3000" troops, "2012" and
 * "2013"): the best passage of each value not yet shown moves up into the first `limit`,
 * taking the place of the last passage that gives no new value. The first passage stays first.
 */
function diversifyByValue<T extends Ranked>(
  ranked: T[],
  q: QuestionAnalysis,
  limit: number,
  index: PassageIndex,
): T[] {
  if ((q.answerType !== 'number' && q.answerType !== 'date') || ranked.length <= limit) return ranked;
  const bestCoverage = ranked[0]!.coverage;
  const known = new Map<T, string | null>();
  const value = (r: T): string | null => {
    if (!known.has(r))
      known.set(r, r.coverage >= SIDE_COVERAGE * bestCoverage ? typedValue(r, q, index) : null);
    return known.get(r)!;
  };
  const head = ranked.slice(0, limit);
  for (const r of ranked.slice(limit, DIVERSIFY_FROM)) {
    const v = value(r);
    if (v === null || head.some((h) => value(h) === v)) continue;
    // The last passage of the first `limit` giving no value, or one an earlier passage gives, gives way.
    let j = head.length - 1;
    while (j >= 1) {
      const vj = value(head[j]!);
      if (vj === null || head.slice(0, j).some((h) => value(h) === vj)) break;
      j--;
    }
    if (j < 1) break;
    head.splice(j, 1);
    head.push(r);
  }
  otherSide(ranked, head, q, index);
  const inHead = new Set(head);
  return [...head, ...ranked.filter((r) => !inHead.has(r))];
}

/** Words either side of a value that say what it is the value of (see factTerms). */
const FACT_WINDOW = 8;
/** Fact words (or their related words) another article's value must share with the lead's. */
const FACT_SHARED = 2;
/** A word in more than this share of the passages ("troops", "Mali") says nothing of which fact it is. */
const FACT_COMMON = 0.1;
/** Relations close enough for a fact word to count as the same ("Islamist" and "jihadist"). */
const FACT_RELATIONS: ReadonlySet<string> = new Set(['derived', 'pertainym', 'alias']);

/**
 * A count or a year a passage gives, where it stands, and for a count the terms of the words right
 * after it, up to three and up to the first stop word or punctuation ("close to 3000 French troops
 * deployed": "french", "troop", "deploy"), among which stands the noun it counts.
 */
type GivenValue = { key: string; start: number; end: number; after: string[]; noun: string | null };

/**
 * The values of the asked kind a passage gives, as compared across articles: counts (not years)
 * or, for a date, years ("what month": the month and year). Read from the passage's number
 * mentions, with no answer extraction: this looks at every candidate.
 */
function givenValues(
  text: string,
  q: QuestionAnalysis,
  tokens: readonly TokenTerm[],
  byMonth = false,
): GivenValue[] {
  const out: GivenValue[] = [];
  const analyzer = analyzerFor(q.language);
  const month = byMonth || q.words.some((w) => w.text.toLowerCase() === 'month');
  for (const n of numberMentions(text)) {
    if (n.value === null) continue;
    if (q.answerType === 'number') {
      if (n.isYear) continue;
      const after: string[] = [];
      let noun: string | null = null;
      let end = n.end;
      for (let at = tokens.findIndex((t) => t.start >= n.end); at >= 0 && at < tokens.length; at++) {
        const t = tokens[at]!;
        if (t.term === null || after.length === 3 || /[,;:.()]/.test(text.slice(end, t.start))) break;
        after.push(t.term);
        // The counted noun: the first word after the number that is no name ("French troops").
        if (noun === null && !analyzer.isName(text.slice(t.start, t.end).toLowerCase())) noun = t.term;
        end = t.end;
      }
      out.push({ key: String(n.value), start: n.start, end: n.end, after, noun });
    } else if (n.isYear) {
      if (!month) {
        out.push({ key: n.text, start: n.start, end: n.end, after: [], noun: null });
        continue;
      }
      const before = looseComparable(text.slice(Math.max(0, n.start - 16), n.start)).match(MONTH);
      if (before)
        out.push({
          key: `${before[0].slice(0, 3)} ${n.text}`,
          start: n.start,
          end: n.end,
          after: [],
          noun: null,
        });
    }
  }
  return out;
}

/** The tokens a value spans: from `at` (its first) to `endAt` (the first after it). */
function valueTokens(
  tokens: readonly TokenTerm[],
  v: { start: number; end: number },
): { at: number; endAt: number } {
  const at = tokens.findIndex((t) => t.end > v.start);
  const endAt = tokens.findIndex((t) => t.start >= v.end);
  return { at: at < 0 ? tokens.length : at, endAt: endAt < 0 ? tokens.length : endAt };
}

/**
 * Words before a place that make it where a thing is or goes ("stationed in Mali", "across the
 * Sahel", "deployment to Mali"), not whose it is ("problems for France", "France's troops").
 */
const LOCATIVE =
  /\b(?:in|at|into|inside|within|across|throughout|to|from|out of)\s+(?:the\s+)?(?:[\p{L}'\u2019-]+\s+){0,2}$/iu;

/**
 * The places (entities.ts's gazetteer) named where something is (see LOCATIVE), lower case:
 * within FACT_WINDOW words of a value, or anywhere in the text when no value is given.
 */
function placesNear(
  text: string,
  tokens: readonly TokenTerm[],
  v: { start: number; end: number } | null,
): Set<string> {
  let from = 0;
  let to = text.length;
  if (v) {
    const { at, endAt } = valueTokens(tokens, v);
    from = tokens[Math.max(0, at - FACT_WINDOW)]?.start ?? 0;
    to = tokens[Math.min(tokens.length, endAt + FACT_WINDOW) - 1]?.end ?? text.length;
  }
  const out = new Set<string>();
  for (const p of placeMentions(text))
    if (p.start >= from && p.end <= to && LOCATIVE.test(text.slice(Math.max(0, p.start - 40), p.start)))
      out.add(p.text.toLowerCase());
  return out;
}

/**
 * Where a count is: the first place named after it (see LOCATIVE) within FACT_WINDOW words and
 * before the clause ends, lower case, or null ("some 4,300 troops in the Sahel region" → "sahel";
 * "some 2,400 were stationed in Mali" → "mali"; "also involved in Chad" later in the sentence is
 * not where the count is).
 */
function placeOfCount(
  text: string,
  tokens: readonly TokenTerm[],
  v: { start: number; end: number },
): string | null {
  const { endAt } = valueTokens(tokens, v);
  const to = tokens[Math.min(tokens.length, endAt + FACT_WINDOW) - 1]?.end ?? text.length;
  const stop = text.slice(v.end, to).search(/[,;:()]|\.(?:\s|$)/);
  const end = stop < 0 ? to : v.end + stop;
  for (const p of placeMentions(text))
    if (p.start >= v.end && p.end <= end && LOCATIVE.test(text.slice(Math.max(0, p.start - 40), p.start)))
      return p.text.toLowerCase();
  return null;
}

/**
 * The index terms of the countries named within FACT_WINDOW words of a value other than where
 * it is (see LOCATIVE): whose it is ("Germany has some 1,300 troops", "France's 4,300 troops").
 */
function ownersNear(
  text: string,
  tokens: readonly TokenTerm[],
  v: { start: number; end: number },
): Set<string> {
  const { at, endAt } = valueTokens(tokens, v);
  const from = tokens[Math.max(0, at - FACT_WINDOW)]?.start ?? 0;
  const to = tokens[Math.min(tokens.length, endAt + FACT_WINDOW) - 1]?.end ?? text.length;
  const out = new Set<string>();
  for (const p of placeMentions(text))
    if (
      p.start >= from &&
      p.end <= to &&
      COUNTRIES.has(p.text) &&
      !LOCATIVE.test(text.slice(Math.max(0, p.start - 40), p.start))
    )
      for (const t of indexTerms(p.text)) out.add(t);
  return out;
}

/**
 * The index terms standing within FACT_WINDOW words of a value (its own words left out), with
 * the corpus terms the lexicon relates to them ("Islamist" → "jihadist"): what the value is a
 * value of.
 */
function factTerms(
  tokens: readonly TokenTerm[],
  v: { start: number; end: number },
  index: PassageIndex,
  related = true,
): Set<string> {
  const out = new Set<string>();
  const { at, endAt } = valueTokens(tokens, v);
  for (let i = Math.max(0, at - FACT_WINDOW); i < Math.min(tokens.length, endAt + FACT_WINDOW); i++) {
    const term = tokens[i]!.term;
    if (term === null || (i >= at && i < endAt)) continue;
    if (!related || index.df(term) <= FACT_COMMON * index.size) out.add(term);
  }
  if (!related) return out;
  for (const term of [...out])
    for (const x of index.lexicon.expand(term)) if (FACT_RELATIONS.has(x.via)) out.add(x.term);
  return out;
}

/**
 * For a count or a date whose first `head` places show one value only (exported for its tests): the best-ranked passage
 * of another article, anywhere among the candidates, that gives another value for the same
 * thing takes the last place. The same thing: for a count, the same counted term after the number
 * ("2,400 troops", "close to 3000 French troops"); for both, at least FACT_SHARED of the words
 * around the lead's value (or words related to them) around its own ("deployed troops in 2013 to
 * beat back advancing jihadist fighters" beside "troops … fight against Islamist militants …
 * since 2012"). Reads only number mentions and index terms of candidates already ranked: no
 * search and no answer extraction.
 */
export function otherSide<T extends Ranked>(
  ranked: readonly T[],
  head: T[],
  q: QuestionAnalysis,
  index: PassageIndex,
): void {
  const lead = head[0];
  if (!lead?.found || head.length < 2) return;
  const leadTokens = tokenTerms(index.languageOf(lead.passage.id))(lead.passage.text);
  // Dates are compared at the grain the lead's answer gives: "August 2020" and "since May 2020"
  // differ, though both are 2020; a year question compares years.
  const byMonth =
    q.answerType === 'date' && q.dateKind !== 'year' && MONTH.test(looseComparable(lead.found.text));
  const values = givenValues(lead.passage.text, q, leadTokens, byMonth);
  const found = lead.found;
  // The lead's answer first, then (for a count) the passage's other counts, each with its noun.
  const first = values.filter((v) => v.start < found.end && v.end > found.start);
  // The passage's other counts, when the answer counts something the question does not name
  // ("nine years" for "French boots on the ground in Mali, how many?").
  const asked = new Set([...q.terms, ...q.expansions.keys()]);
  const rest =
    q.answerType === 'number' && first.every((v) => v.noun === null || !asked.has(v.noun))
      ? values.filter((v) => !first.includes(v)).slice(0, 3)
      : [];
  for (const leadValue of [...first, ...rest]) {
    const done = otherSideOf(leadValue, leadTokens, ranked, head, q, index, byMonth);
    if (done) return;
  }
  // None among the candidates: the question's words did not reach the other side ("grab power"
  // never meets "two coups … since May 2020"), but the lead's own words around its value may.
  // The index is searched once for them, and the passages found are compared the same way.
  for (const leadValue of first) {
    const extra = secondLook(leadValue, leadTokens, ranked, head, q, index);
    if (extra.length > 0 && otherSideOf(leadValue, leadTokens, extra, head, q, index, byMonth)) return;
  }
}

/** Four figures that may be a year: a text without them gives no year (NumberMention.isYear). */
const YEAR_DIGITS = /(?:19|20)\d\d/;

/** How many passages the second look of otherSide takes from the index. */
const SECOND_LOOK = 20;
/** At most this many of the lead's fact words (the rarest) are searched for. */
const SECOND_LOOK_TERMS = 12;

/**
 * Passages the candidates left out that hold at least FACT_SHARED of the rare words around the
 * lead's value (or words related to them), from other articles than the lead's among those the
 * candidates come from (so a question asked within an outlet or dates stays within them), as
 * candidates that take the last place when they give another value (see otherSideOf).
 */
function secondLook<T extends Ranked>(
  leadValue: GivenValue,
  leadTokens: readonly TokenTerm[],
  ranked: readonly T[],
  head: readonly T[],
  q: QuestionAnalysis,
  index: PassageIndex,
): T[] {
  const lead = head[0]!;
  // The rare words (as factTerms keeps them), no number or month: they say what the value is of.
  const fact = [...factTerms(leadTokens, leadValue, index, false)]
    .filter((t) => index.df(t) > 0 && index.df(t) <= FACT_COMMON * index.size)
    .filter((t) => !/^\d/.test(t) && !MONTH.test(t))
    .sort((a, b) => index.df(a) - index.df(b))
    .slice(0, SECOND_LOOK_TERMS);
  if (fact.length < FACT_SHARED) return [];
  const related = new Map<string, { target: string; weight: number; via: Via }>();
  for (const t of fact)
    for (const x of index.lexicon.expand(t))
      if (FACT_RELATIONS.has(x.via) && !fact.includes(x.term) && !related.has(x.term))
        related.set(x.term, { target: t, weight: 1, via: x.via });
  const articles = new Set(ranked.map((r) => r.passage.articleId));
  const known = new Set(ranked.map((r) => r.passage.id));
  const last = head[head.length - 1]!;
  return index
    .search(fact, { candidates: SECOND_LOOK, language: q.language }, related)
    .filter(
      (h) =>
        h.passage.articleId !== lead.passage.articleId &&
        articles.has(h.passage.articleId) &&
        !known.has(h.passage.id) &&
        h.matches.size >= FACT_SHARED,
    )
    .map(
      (h) =>
        ({
          ...h,
          coverage: 0,
          final: last.final,
          hasAnswer: false,
          found: null,
          features: new Float64Array(last.features.length),
        }) as unknown as T,
    );
}

/**
 * otherSide for one value of the lead passage: true when the first places already show another
 * value for the same thing, or one was brought in.
 */
function otherSideOf<T extends Ranked>(
  leadValue: GivenValue,
  leadTokens: readonly TokenTerm[],
  ranked: readonly T[],
  head: T[],
  q: QuestionAnalysis,
  index: PassageIndex,
  byMonth: boolean,
): boolean {
  const lead = head[0]!;
  // The noun the lead's count counts: the question's head noun where it follows the number, else
  // the last word right after it ("2,400 troops").
  const heads = new Set([q.headNoun ? analyzerFor(q.language).term(q.headNoun) : null]);
  for (const [term, x] of q.expansions) if (heads.has(x.target)) heads.add(term);
  const noun =
    q.answerType === 'number' ? (leadValue.after.find((t) => heads.has(t)) ?? leadValue.noun ?? null) : null;
  if (q.answerType === 'number' && noun === null) return false;

  const fact = factTerms(leadTokens, leadValue, index);
  // Where the lead's value is: the places around it, else those of its whole passage ("The
  // deployment to Mali … 48 of the 53 soldiers"), and those the question names (capitalised, as
  // countFor reads them). With none anywhere, no place rules another count out.
  const around = placesNear(lead.passage.text, leadTokens, leadValue);
  const leadPlaces = around.size > 0 ? around : placesNear(lead.passage.text, leadTokens, null);
  for (const p of placeMentionsOnce(q.tokens.join(' ').replace(/\b\w/g, (c) => c.toUpperCase())))
    leadPlaces.add(p.text.toLowerCase());
  // The question's own words, and the corpus words its expansions reach, each as one.
  const askedTerms = new Set([...q.terms, ...q.expansions.keys()]);
  // Whose a count may be: a country the question or the lead's words name, or one their words
  // pertain to ("French" → France, "German" → Germany).
  const owners = new Set([...askedTerms, ...factTerms(leadTokens, leadValue, index, false)]);
  for (const t of [...owners])
    for (const x of index.lexicon.expand(t))
      if (x.via === 'pertainym' || x.via === 'member') owners.add(x.term);
  const leadPlace = q.answerType === 'number' ? placeOfCount(lead.passage.text, leadTokens, leadValue) : null;
  const leadToll = countsToll(lead.passage.text, leadValue);
  const otherValue = (r: T): GivenValue | undefined => {
    // Most candidates cannot give a value: for a count, the passage must hold the counted noun
    // (every value's `after` terms are its own); for a date, a year ("1999", "2013"). Checked
    // before the passage is tokenised: at 100k passages, tokenising every candidate of a count
    // or date question was much of what made such a question one of the slowest.
    if (q.answerType === 'number' ? !index.holds(r.passage.id, noun!) : !YEAR_DIGITS.test(r.passage.text))
      return undefined;
    const tokens = tokenTerms(index.languageOf(r.passage.id))(r.passage.text);
    return givenValues(r.passage.text, q, tokens, byMonth).find((v) => {
      if (v.key === leadValue.key || (noun !== null && !v.after.includes(noun))) return false;
      // "48 of the 53 soldiers killed" is no other side of "involves 5100 soldiers": a toll and a
      // deployment count are two facts, however many words they share.
      if (q.answerType === 'number' && countsToll(r.passage.text, v) !== leadToll) return false;
      // "Germany has some 1,300 troops deployed in Mali" counts Germany's troops, not France's.
      if (q.answerType === 'number' && [...ownersNear(r.passage.text, tokens, v)].some((t) => !owners.has(t)))
        return false;
      // A value beside another place than the lead's and the question's is about that place.
      const places = placesNear(r.passage.text, tokens, v);
      if (
        q.answerType === 'number' &&
        leadPlaces.size > 0 &&
        places.size > 0 &&
        ![...places].some((p) => leadPlaces.has(p))
      )
        return false;
      const near = factTerms(tokens, v, index, false);
      let shared = 0;
      let asked = 0;
      for (const t of near) {
        if (t === noun) continue;
        if (fact.has(t)) shared++;
        if (askedTerms.has(t)) asked++;
      }
      // A count of the same noun beside the question's own words is about the same thing too,
      // and so is one of the same noun at the same place, where the lead's count names one
      // ("almost 5,000 troops deployed in the Sahel region" beside "some 4,300 troops in the
      // Sahel region"): on a small corpus every word around
      // such counts is common, and the shared rare words above cannot be found.
      if (shared >= FACT_SHARED || (q.answerType === 'number' && asked >= FACT_SHARED)) return true;
      return (
        q.answerType === 'number' &&
        leadPlace !== null &&
        placeOfCount(r.passage.text, tokens, v) === leadPlace
      );
    });
  };
  // Another value for the same thing is in the first places already.
  if (head.slice(1).some((h) => otherValue(h) !== undefined)) return true;
  const inHead = new Set(head);
  for (const r of ranked) {
    if (inHead.has(r) || r.passage.articleId === lead.passage.articleId) continue;
    const other = otherValue(r);
    if (!other) continue;
    // The last passage that gives no other value of the kind (for a count, of the same noun) gives way.
    for (let j = head.length - 1; j >= 1; j--) {
      const h = head[j]!;
      const tokens = tokenTerms(index.languageOf(h.passage.id))(h.passage.text);
      if (
        givenValues(h.passage.text, q, tokens, byMonth).some(
          (v) => v.key !== leadValue.key && (noun === null || v.after.includes(noun)),
        )
      )
        continue;
      head.splice(j, 1);
      head.push(r);
      return true;
    }
    return true;
  }
  return false;
}

/**
 * The question with the passage terms that matched it (spelling variants, related words) added
 * to its terms, so an extractor measuring nearness to the question's words sees them too.
 */
function withMatched(q: QuestionAnalysis, r: Hit): QuestionAnalysis {
  const extra = [...r.matches.values()].map((m) => m.term).filter((t) => !q.terms.includes(t));
  return extra.length === 0 ? q : { ...q, terms: [...q.terms, ...extra] };
}

/**
 * True when a passage is about the asked fact: every question term stands in the passage's own
 * words, exactly or through a related word (the sentence before, which helps ranking, does not count).
 */
function onSameFact(text: string, q: QuestionAnalysis): boolean {
  return coversFact(ownTerms(text), q);
}

/**
 * Whether a passage whose own index terms are `own` is about the question's fact: every question
 * term met, itself or through a related word the question's expansions reach (onSameFact reads
 * the terms from the text, AnswerEngine.onSameFactAt from the index).
 */
function coversFact(own: ReadonlySet<string>, q: QuestionAnalysis): boolean {
  const viaRelated = new Set([...own].map((m) => q.expansions.get(m)?.target));
  return q.terms.every((t) => own.has(t) || viaRelated.has(t));
}

/** The first count a claim makes ("3,000 French troops"), with the noun it counts. */
function claimedCount(claim: string): { start: number; end: number; value: number; noun: string } | null {
  for (const n of numberMentions(claim)) {
    if (n.value === null || n.isYear) continue;
    const after = claim
      .slice(n.end)
      .match(/^\s+((?:[A-Za-z'’-]+\s+){0,2}?)([a-z]+s|people|personnel|staff)\b/);
    if (after?.[2]) return { start: n.start, end: n.end, value: n.value, noun: after[2].toLowerCase() };
  }
  return null;
}

/**
 * The sentence before an offset of an article (at most 400 characters back), for a short answer
 * whose passage refers back to it ("He said…").
 */
export function sentenceBefore(text: string, start: number): string {
  const back = text.slice(Math.max(0, start - 400), start);
  const ends = [...back.matchAll(/[.!?]["\u201D]?\s+(?=\S)/g)];
  return ends.length >= 2
    ? back.slice(ends[ends.length - 2]!.index! + ends[ends.length - 2]![0].length)
    : back;
}

/** The resolved date of a "when" answer, as Answer.answerDate carries it. */
function answerDateOf(r: ResolvedDate): AnswerDate {
  return { words: r.words, date: r.date, granularity: r.granularity, approximate: r.approximate };
}
