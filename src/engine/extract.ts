import { englishNounOf, frenchNounsFor, QUESTION_FILLERS, type QuestionAnalysis } from './question.js';
import {
  dateMentions,
  durationMentions,
  firstNounClass,
  GROUP_CLASS,
  namesCity,
  nounClasses,
  PERSON_CLASS,
  namesPeople,
  namesPlace,
  nounPhraseEndingAt,
  numberMentions,
  personMentions,
  placeMentions,
  placeMentionsOnce,
  timeMentions,
  titleBefore,
  type Mention,
  type PersonMention,
} from './entities.js';
import { comparable } from '../text/normalize.js';
import { formatResolved, resolveDates, type DateReference, type ResolvedDate } from '../corpus/dates.js';
import { memoByText } from '../text/memo.js';
import { COUNTRIES, OTHER_PLACES, TITLE_WORDS } from './gazetteer.js';
import { english, englishStem as stem } from '../text/english.js';
import { tokenize } from '../text/tokenize.js';
import { STOP_WORDS } from '../text/stopwords.js';
import { withinEdits } from './search.js';
import { wordnet } from '../text/wordnet.js';
import { analyzerFor } from '../text/languages.js';

/** Words that count the same things, so "how many troops" also reads "2,400 soldiers". */
const COUNT_NOUNS: Record<string, string[]> = {
  troop: ['troop', 'soldier', 'forc', 'personnel', 'militari', 'contingent'],
  soldier: ['soldier', 'troop', 'forc', 'personnel'],
  peopl: ['peopl', 'civilian', 'person', 'resid'],
  civilian: ['civilian', 'peopl'],
  mercenari: ['mercenari', 'fighter'],
  countri: ['countri', 'nation', 'state'],
  // Occurrences: "three times", "on three occasions"; French "trois fois", "à trois reprises"
  // (the idioms each language counts repetitions with, as the English stemmer reads them).
  time: ['time', 'occas'],
  foi: ['foi', 'repris'],
  // Units of length, for "how far" (English and French spellings, as the English stemmer reads them).
  km: ['km', 'kilometr', 'kilomet', 'kilomètre', 'kilomètres', 'mile', 'metr', 'mètre', 'mètres'],
};

/** The stems ranking reads a head noun as: the noun and the words the list above counts with it. */
function narrowHeads(head: string | null): string[] {
  if (!head) return [];
  const s = stem(head);
  return COUNT_NOUNS[s] ?? [s];
}

/**
 * The stems a short answer may find the question's head noun as: those of narrowHeads and the
 * words the question's expansions reach from it ("countries" → "nations", "vote" →
 * "election"), antonyms aside.
 */
function headStems(q: QuestionAnalysis, close = false): string[] {
  const head = q.headNoun;
  if (!head) return [];
  const s = stem(head);
  const out = new Set(COUNT_NOUNS[s] ?? [s]);
  const target = english.term(head) ?? s;
  for (const [term, x] of q.expansions)
    if (x.target === target && x.via !== 'antonym' && (!close || !OTHER_KIND.has(x.via))) out.add(term);
  return [...out];
}

/**
 * Relations by which a word names another kind of thing than the question's head noun: a broader
 * word ("activity" for "help") or a sister; a narrower one names a kind of it ("elections" for
 * "vote", "daily" for "paper") and stands for it.
 */
const OTHER_KIND: ReadonlySet<string> = new Set(['broader', 'sister', 'antonym']);

/**
 * Relations too loose for a word to stand for the question's own in a span: a broader word
 * ("activity" for "help"), a sister ("confer" for "talk"), a narrower one ("continue" for
 * "talk"), an antonym.
 */
const LOOSE_RELATIONS: ReadonlySet<string> = new Set(['broader', 'narrower', 'sister', 'antonym']);

/**
 * Word tokens of a string with their offsets and their index terms in a language other than
 * English (its analyzer's: "transféré" → "transfer"), where words() has English stems.
 */
function analysedWords(text: string, language: string): Word[] {
  const analyzer = analyzerFor(language);
  return analyzer
    .tokens(text)
    .map((t) => ({ start: t.start, end: t.end, stem: analyzer.term(t.text) ?? t.text }));
}

/** Word tokens of a string with their offsets, for proximity measures. */
const words = memoByText(wordsUncached);

function wordsUncached(text: string): Array<{ start: number; end: number; stem: string }> {
  return [...text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'\u2019-]*/gu)].map((m) => ({
    start: m.index!,
    end: m.index! + m[0].length,
    stem: stemOfWord(comparable(m[0])),
  }));
}

/** The stem of a folded word, its possessive and apostrophes dropped (most words have none to drop). */
function stemOfWord(word: string): string {
  return stem(word.includes("'") ? word.replace(/'s$/, '').replace(/'/g, '') : word);
}

/** The question's stems, once per question (echoesQuestion runs once per candidate mention). */
const questionStems = new WeakMap<QuestionAnalysis, { set: Set<string>; long: string[] }>();

/** True when every word of a mention already stands in the question: an echo, not an answer. */
function echoesQuestion(mention: string, q: QuestionAnalysis): boolean {
  let qs = questionStems.get(q);
  if (!qs) {
    const guess = new Set(q.guess ?? []);
    const set = new Set(q.tokens.filter((t) => !guess.has(t)).map((t) => stem(t)));
    qs = { set, long: [...set].filter((x) => x.length >= 4) };
    questionStems.set(q, qs);
  }
  const { set, long } = qs;
  const mt = tokenize(mention).map((t) => stem(t));
  return mt.length > 0 && mt.every((t) => set.has(t) || long.some((x) => t.startsWith(x) || x.startsWith(t)));
}

/**
 * True when every word of a phrase is a question word or a close relative of one (a synonym,
 * an alias, a derived form: "elite soldiers" for "elite troops"), one at least the question's
 * own: the question's own thing said in other words, not an answer. For short answers only; ranking reads echoesQuestion alone.
 */
function echoesCloseWords(mention: string, q: QuestionAnalysis): boolean {
  const own = new Set(q.tokens.map((t) => stem(t)));
  const close = new Set(own);
  for (const [term, x] of q.expansions) if (!LOOSE_RELATIONS.has(x.via)) close.add(term);
  const mt = tokenize(mention)
    .filter((t) => !STOP_WORDS.has(t))
    .map((t) => stem(t));
  // A phrase, one of whose words the question says itself: a single word the question only
  // reaches by an alias ("Brussels" for "EU") may well be the answer.
  return mt.length >= 2 && mt.some((t) => own.has(t)) && mt.every((t) => close.has(t));
}

type Word = { start: number; end: number; stem: string };

/** Index of the first word ending after `pos` (words are in text order): a binary search. */
function firstEndingAfter(ws: readonly Word[], pos: number): number {
  let lo = 0;
  let hi = ws.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ws[mid]!.end > pos) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Positions (in `words(text)`) of the words matching a question term, per text and question. */
const termWordsCache = new WeakMap<QuestionAnalysis, Map<string, number[]>>();
function termWords(text: string, q: QuestionAnalysis): number[] {
  let byText = termWordsCache.get(q);
  if (!byText) {
    byText = new Map();
    termWordsCache.set(q, byText);
  }
  const cached = byText.get(text);
  if (cached) return cached;
  const terms = new Set(q.terms);
  const found: number[] = [];
  words(text).forEach((w, i) => {
    if (terms.has(w.stem)) found.push(i);
  });
  byText.set(text, found);
  return found;
}

/**
 * Distance in characters from a mention to the nearest word matching a question term (words
 * inside the mention do not count). The term words are found once per passage and question and
 * searched by position, not scanned whole per mention: that was quadratic in a long passage
 * (seconds for one 90,000-character sentence full of numbers).
 */
function distanceToTerms(text: string, m: Mention, q: QuestionAnalysis): number {
  const ws = words(text);
  const idx = termWords(text, q);
  // Term words in order; k: the first whose end is past the mention's start.
  let lo = 0;
  let hi = idx.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ws[idx[mid]!]!.end > m.start) hi = mid;
    else lo = mid + 1;
  }
  let best = Infinity;
  // Before the mention, the nearest is the last one ending at or before its start.
  if (lo > 0) best = m.start - ws[idx[lo - 1]!]!.end;
  // From there on, distance grows with position: the first not inside the mention is nearest.
  for (let i = lo; i < idx.length; i++) {
    const w = ws[idx[i]!]!;
    if (w.start >= m.start && w.end <= m.end) continue;
    best = Math.min(best, w.start - m.end);
    break;
  }
  return best;
}

/**
 * A clause is searched for no further than this either side: a "clause" is a few dozen words,
 * and an unbounded search per number was quadratic in a passage with no commas or full stops.
 */
const CLAUSE_REACH = 1000;

/** The clause around a position: from the previous to the next comma, semicolon or sentence end. */
function clauseAround(text: string, start: number, end: number): string {
  const floor = Math.max(0, start - CLAUSE_REACH);
  let from = floor;
  for (let i = start - 1; i >= floor; i--) {
    const c = text[i];
    if (c === ',' || c === ';' || (c === '.' && i + 1 < start && text[i + 1] === ' ')) {
      from = i + 1;
      break;
    }
  }
  const after = text.slice(end, end + CLAUSE_REACH).search(/[,;]|\.\s|\.$/);
  return text.slice(from, after < 0 ? Math.min(text.length, end + CLAUSE_REACH) : end + after);
}

const CASUALTY =
  /(?<![\p{L}])(?:kill(?:ed|ing|s)?|died|dies|die|dead|deaths?|wounded|injured|casualt(?:y|ies)|toll|tu[ée]e?s?|morte?s?|d[ée]c[ée]d[ée]e?s?|bless[ée]e?s?|pertes)(?![\p{L}])/iu;
/**
 * Also the lost: "ont perdu la vie", "perished", "France has lost 59 soldiers". Read by the short
 * answer and, since 4 Dec 2026, by ranking's count too (countFor): see countsToll.
 */
const CASUALTY_WIDE =
  /(?<![\p{L}])(?:perished|lost (?:their|his|her) li(?:ves|fe)|(?:ont|a|avaient|avait) perdu la vie)(?![\p{L}])/iu;
const LOST_BEFORE =
  /(?<![\p{L}])(?:lost|perdu)\s+(?:(?:some|about|around|nearly|almost|more than|environ|pr[èe]s de|plus de)\s+)?$/iu;

/**
 * True when a count in a passage is a toll (the dead, the wounded: "48 of the 53 soldiers killed",
 * "59 French soldiers had been killed"), read from the words just around it.
 */
export function countsToll(text: string, n: { start: number; end: number }, wide = false): boolean {
  const around = text.slice(Math.max(0, n.start - 25), n.end + 60);
  return (
    CASUALTY.test(around) ||
    (wide && (CASUALTY_WIDE.test(around) || LOST_BEFORE.test(text.slice(Math.max(0, n.start - 30), n.start))))
  );
}

/**
 * Where the noun a number counts ends, when it follows the number though the question named
 * another ("some 4,300 troops" for "how big was the force", "30 hectares"): at most two
 * capitalised words ("French", "MINUSMA") and then a plural noun, with only spaces between;
 * else `end` itself. A count is given with its noun.
 */
function countedNounEnd(text: string, end: number): number {
  const m = /^(\s+(?:\p{Lu}[\p{L}-]*\s+){0,2})(\p{Ll}[\p{L}-]*)/u.exec(text.slice(end));
  if (!m || !/s$/.test(m[2]!) || !isNoun(m[2]!)) return end;
  return end + m[0].length;
}

/** A number that counts the question's head noun ("2,400 troops", "3000 French troops"). */
export interface CountValue extends Mention {
  value: number;
  /** Where the counted noun ends when it follows the number ("2,400 French troops"), else the number's end. */
  nounEnd: number;
}

/**
 * Finds the count the passage gives for the question's head noun: a number followed within
 * three words by that noun (or a word that counts the same things), not a year, and not placed
 * by its clause in a place the question did not ask about.
 */
export function countFor(text: string, q: QuestionAnalysis, wide = false): CountValue | null {
  // A French question's counted noun is also found by its English noun ("combien de soldats"
  // in "some 4,300 troops"): passages in either language answer it.
  const inEnglish = q.language !== 'en' && q.headNoun ? englishNounOf(q.headNoun) : null;
  // In a French passage, by the other French nouns for the same English noun ("combien de
  // militaires" in "Environ 150 soldats").
  const sameNoun = inEnglish ? frenchNounsFor(inEnglish).map((fr) => stem(comparable(fr))) : [];
  const heads = [...(wide ? headStems(q) : narrowHeads(q.headNoun)), ...narrowHeads(inEnglish), ...sameNoun];
  // The question's own noun also as written short or misspelt ("mercs" for "mercenaries",
  // "civillians"), when it is no word WordNet knows: "bases" means bases, not "basements".
  const own = q.headNoun && english.lemmas(q.headNoun).length === 0 ? stem(q.headNoun) : '';
  const isHead = (s: string) =>
    heads.includes(s) ||
    (own.length >= 4 && s.length >= own.length + 3 && s.startsWith(own)) ||
    (own.length >= 6 && withinEdits(own, s, 1));
  const ws = words(text);
  // Question and clause strings are short-lived: not memoised, so they do not pile up in caches.
  const qPlaces = new Set(
    placeMentionsOnce(q.tokens.join(' ').replace(/\b\w/g, (c) => c.toUpperCase())).map((p) => p.text),
  );
  const countriesOnlyElsewhere = wide && [...qPlaces].every((p) => !COUNTRIES.has(p));
  let best: CountValue | null = null;
  let bestDist = Infinity;
  let bestOwn = false;
  // "how many soldiers has france lost": a count of the lost is a toll too. Ranking reads the
  // toll as the short answer does (the lost, "perished", "ont perdu la vie"), and the noun
  // unbroken after the number: measured on the read sets (4 Dec 2026), right first passages
  // answered 801 -> 808 of 1,292, status ignored 904 -> 907, short answers 650 -> 657.
  const askedCasualty =
    CASUALTY.test(q.tokens.join(' ')) ||
    q.tokens.some((t) => /^(?:lost|lose|loses|losses|perdu|perdus)$/.test(t));
  const headClasses = q.headNoun ? nounClasses(inEnglish ?? q.headNoun) : new Set<number>();
  const countsPeople = headClasses.has(PERSON_CLASS) || headClasses.has(GROUP_CLASS);
  // "total french deaths", "how many casualties": a toll counts people, whom the passage names
  // by their own noun ("48 of the 53 soldiers killed"); countsToll below keeps it a toll.
  const countsDead =
    q.headNoun !== null &&
    (CASUALTY.test(q.headNoun) || /^(?:loss|losses|fatalit(?:y|ies))$/i.test(q.headNoun));
  for (const n of numberMentions(text)) {
    if (n.value === null || n.isYear) continue;
    // The four words after the number (words are in order: found by position, not by a scan).
    let k = firstEndingAfter(ws, n.end);
    while (k < ws.length && ws[k]!.start < n.end) k++;
    const after = ws.slice(k, k + 4);
    // The noun follows the number with no conjunction or punctuation between: "2,400 troops and
    // several bases" does not count bases in thousands (for ranking too since 4 Dec 2026).
    const unbroken = (w: Word) => !/[,;:.()]|\b(?:and|or|but|while)\b/i.test(text.slice(n.end, w.start));
    const noun =
      heads.length > 0
        ? (after.find((w) => isHead(w.stem) && unbroken(w)) ??
          // For a short answer, people counted by another word for people ("some 1,000
          // mercenaries" for "how many wagner fighters", "about 1,000 soldiers" for "the size of
          // the garrison"): the asked noun names people or a body of them, the passage's a person.
          ((wide && countsPeople) || countsDead
            ? after.find((w) => unbroken(w) && firstNounClass(text.slice(w.start, w.end)) === PERSON_CLASS)
            : undefined))
        : undefined;
    const attached = noun !== undefined;
    // The asked noun itself, not another word for people: in "some 900 soldiers from a dozen
    // European countries", "how many countries" is answered by the dozen.
    const ownNoun = noun !== undefined && isHead(noun.stem);
    // "Of those, some 2,400 were stationed in Mali": a number standing for the noun named before
    // it; for a short answer also a number that opens the passage as its subject ("Another 300
    // to 400 would be dispatched…").
    const verbAfter = /^(?:\s+to\s+[\d,]+)?\s+(?:were|are|was|is|will|would|remain(?:ed)?|have|had)\b/.test(
      text.slice(n.end),
    );
    const standsFor =
      heads.length > 0 &&
      verbAfter &&
      (ws.some((w) => w.end <= n.start && isHead(w.stem)) ||
        (wide &&
          /^\s*(?:(?:another|some|about|around|roughly|nearly|up to)\s+)?$/i.test(text.slice(0, n.start))));
    // "A French contingent of 2,400 troops", "a force of 5,000": the asked noun, then "of", then
    // the number (its qualifier aside) counts it.
    const ofHead = (() => {
      const k = firstEndingAfter(ws, n.start) - 1;
      const w = ws[k];
      return (
        heads.length > 0 &&
        w !== undefined &&
        text.slice(w.start, w.end).toLowerCase() === 'of' &&
        k > 0 &&
        isHead(ws[k - 1]!.stem) &&
        /^\s+$/.test(text.slice(w.end, n.start))
      );
    })();
    if (heads.length > 0 && !attached && !standsFor && !ofHead) continue;
    const clause = clauseAround(text, n.start, n.end);
    // For a short answer, a question about a town or a region ("the timbuktu base", "the menaka camp") is not set
    // elsewhere by the country its clause names ("…after France began to withdraw", "in
    // northeast Mali"): the town lies in some country. Only another town or region is elsewhere.
    const places = placeMentionsOnce(clause)
      .map((p) => p.text)
      .filter((p) => !countriesOnlyElsewhere || !COUNTRIES.has(p));
    if (qPlaces.size > 0 && places.length > 0 && !places.some((p) => qPlaces.has(p))) continue;
    if (echoesQuestion(n.text, q)) continue;
    // A death toll is a different fact from a deployment count, and the other way round.
    if (countsToll(text, n, true) !== askedCasualty) continue;
    const d = distanceToTerms(text, n, q);
    if ((ownNoun && !bestOwn) || (ownNoun === bestOwn && d < bestDist)) {
      // "300 to 400": a range is given whole.
      const range = wide ? /^\s*(?:to|-|\u2013)\s*[\d,]+\b/.exec(text.slice(n.end)) : null;
      const end = noun?.end ?? n.end + (range?.[0].length ?? 0);
      best = { start: n.start, end: n.end, text: n.text, value: n.value, nounEnd: end };
      bestDist = d;
      bestOwn = ownNoun;
    }
  }
  return best;
}

const CAUSE =
  /\b(?:because of|because|due to|owing to|as a result of|citing|cited|followed|blamed|forced|amid)\b\s+/gi;

/**
 * Extracts a short answer of the expected type from a passage, or null where it has none. With
 * `span`, a question no typed extractor answers gets the passage's new words beside the matched
 * ones (see novelSpan); ranking asks without it, so only a typed answer earns the type bonus.
 */
export function extractAnswer(
  text: string,
  q: QuestionAnalysis,
  span = false,
  passageLanguage: string = q.language,
  before = '',
): Mention | null {
  // A phrase answers only in the question's language: an English passage gives a French
  // question its number, date, name or place, never English words as its answer.
  if (span && passageLanguage.split('-')[0] !== q.language && !LANGUAGE_FREE.has(q.answerType)) return null;
  if (!span) return typedAnswer(text, q, false, '', false);
  const own = typedAnswer(text, q, true, before, false);
  if (own) return own;
  // "The group said it had killed…": a passage that refers back and has no answer of the asked
  // kind itself is answered from the sentence before, when that one has it.
  if (before !== '' && BACK_TYPES.has(q.answerType) && REFERS_TO.test(text)) {
    const back = typedAnswer(before, q, true, '', false);
    if (back) return back;
  }
  // A French "qui…" or "pourquoi…" the passage answers with no name or cause it can read
  // ("L'armée malienne a affirmé…"): its new words beside the matched ones, as for "what…".
  if (q.language !== 'en' && (q.answerType === 'person' || q.answerType === 'reason'))
    return novelSpan(text, q);
  // Else the passage's new words beside the matched ones, where the type allows (novelSpan).
  return typedAnswer(text, q, true, before, true);
}

/** Answer types a passage that refers back may take from the sentence before. */
const BACK_TYPES: ReadonlySet<string> = new Set(['person', 'entity', 'place', 'date', 'definition']);
/**
 * Words that refer back to something named before: "he", "it", "the group", "this", "there" as a
 * place ("ambushed there"; not "there had been disagreement", which names nothing).
 */
const REFERS_TO =
  /\b(?:he|she|it|its|they|their|this|these|that|there(?!\s+(?:is|are|was|were|has|have|had|will|would|may|might|could|seems?|appears?)\b)|then|the (?:group|force|mission|movement|operation|organisation|organization|country|city|region|force|contingent|junta|government|alliance|coalition|bloc|minister|president|spokesman|spokesperson|official))\b/i;

/** The answer of the asked type in one text (see extractAnswer). */
function typedAnswer(
  text: string,
  q: QuestionAnalysis,
  span: boolean,
  before: string,
  novel: boolean,
): Mention | null {
  const pick = (ms: Mention[], score: (m: Mention) => number): Mention | null => {
    let best: Mention | null = null;
    let bestScore = -Infinity;
    for (const m of ms) {
      if (echoesQuestion(m.text, q) || (span && echoesCloseWords(m.text, q))) continue;
      const s = score(m);
      if (best === null || s > bestScore) {
        best = m;
        bestScore = s;
      }
    }
    return best;
  };
  // Far from every question word still beats no candidate at all.
  const near = (m: Mention) => -Math.min(distanceToTerms(text, m, q), 1e6);
  // "Tabuka or Takuba?": the alternative the passage names, or the one it affirms.
  if (span && q.alternatives) {
    const chosen = choiceAnswer(text, q.alternatives);
    if (chosen) return chosen;
  }

  switch (q.answerType) {
    case 'number': {
      // "How big a change of course is…" asks a degree, not a count: no number of anything
      // ("two military coups") answers it.
      if (span && q.headNoun === null && DEGREE_OF_THING.test(q.words.map((w) => w.text).join(' ')))
        return null;
      const c = countFor(text, q, span);
      // The short answer is the count with the noun it counts ("some 14 European nations"),
      // when the noun follows it; ranking reads the number alone.
      if (c) {
        if (!span) return c;
        const end = c.nounEnd > c.end ? c.nounEnd : countedNounEnd(text, c.nounEnd);
        return { start: c.start, end, text: text.slice(c.start, end) };
      }
      if (q.headNoun) return null;
      return pick(
        numberMentions(text).filter((n) => !n.isYear),
        near,
      );
    }
    case 'date': {
      // "At what time": a time of day ("1pm Paris time"), where the passage gives one.
      // With none, no answer: a day ("Today") is no answer to "what time", and a reporter
      // would take it for one.
      if (span && q.dateKind === 'time') return pick(timeMentions(text), near);
      // "What year": a mention that gives the year, where the passage has one.
      const all = dateMentions(text);
      const years = span && q.dateKind === 'year' ? all.filter((m) => /\b(?:19|20)\d{2}\b/.test(m.text)) : [];
      // A date after "by" or "until" is a deadline, not the day a thing happened: the answer
      // to "when did they put out their declaration" is "Thursday morning", not "by June 2022".
      // "By when…", "till what year…", "the deadline for…" ask for that end itself.
      const asksEnd = q.words.some(
        (w, i) =>
          /^(?:deadlines?|cutoff|cut-off)$/.test(w.text) ||
          (/^(?:by|until|till|untill)$/.test(w.text) && (i === 0 || q.words[i + 1]?.text === 'when')),
      );
      const deadline = (m: Mention) =>
        span &&
        !asksEnd &&
        /\b(?:by|until|till|before)\s+(?:the\s+end\s+of\s+)?$/i.test(
          text.slice(Math.max(0, m.start - 20), m.start),
        );
      // Prefer the date nearest the question's words, then the most specific one.
      return pick(
        years.length > 0 ? years : all,
        (m) =>
          ((m as Mention & { specificity: number }).specificity - (deadline(m) ? 1.5 : 0)) * 40 + near(m),
      );
    }
    case 'duration': {
      const d = pick(
        durationMentions(text).map((m) =>
          strip(
            m,
            /^(?:(?:over|for|within|in|pendant|sous|dans|en|depuis)\s+)?(?:a period of\s+|un d[ée]lai de\s+)?/iu,
          ),
        ),
        near,
      );
      if (d || !span) return d;
      // "How long does the junta want to hold power": "until 2025", where no length is given.
      return pick(untilMentions(text), near);
    }
    case 'person': {
      // "who expelled the ambassador", "who got expelled", "who is Bamako turning to": the
      // asked argument of the asked verb, not the name nearest the question's words.
      const slot = span ? askedSlot(q) : null;
      const argument = slot ? slotAnswer(text, q, slot) : null;
      if (argument) return argument;
      const people = personMentions(text);
      // A name that stands as a person's (a title before it, a person noun in apposition, a
      // verb of saying after it) beats one nearer the question's words that may name a body
      // ("Delina Goxho, researcher … at the Scuola Normale Superiore").
      const named = pick(
        people,
        (m) =>
          (m.text.includes(' ') ? 1000 : 0) +
          (span && standsAsPerson(text, m as PersonMention) ? 500 : 0) +
          near(m),
      );
      if (!span || named?.text.includes(' ')) return named;
      // French passages name bodies and places by lone capitalised words ("le Nord") and no
      // lexical database tells people from them: a full name or nothing.
      if (q.language !== 'en') return null;
      // A lone capitalised word inside a longer name ("Operation Serval", "France's Sabre special
      // forces") names no person; one after a title ("President Macron") does.
      const lone = people.filter((m) => {
        const before = /([\p{L}'\u2019-]+)\s+$/u.exec(text.slice(Math.max(0, m.start - 40), m.start));
        const prev = before?.[1]?.replace(/['\u2019]s$/, '');
        return !prev || !/^\p{Lu}/u.test(prev) || TITLE_WORDS.has(prev.toLowerCase());
      });
      const named1 = pick(lone, near);
      // "He said…": a passage that refers back to a person is answered by the last full name of
      // the sentence before it.
      if (REFERS_BACK.test(text)) {
        const referent = personMentions(before)
          .filter((m) => (m.text.includes(' ') || m.title !== '') && !echoesQuestion(m.text, q))
          .pop();
        if (referent) return referent;
      }
      // No full name: a phrase naming people or a body of them ("security sources", "a military
      // junta"), or a country that acts ("Denmark announced…"), competes with a lone capitalised
      // word, the nearer to the question's words winning. "The country", "the group" refer back
      // to something named before, and the object of a verb ("to end the nine-year French
      // mission", "withdrawing its contingent") is acted on: neither is who did it.
      const phrases = headedPhrases(text, namesPeople).filter(
        (m) => !refersBack(text, m) && !objectOfVerb(text, m.start),
      );
      return pick([...(named1 ? [named1] : []), ...phrases, ...actingPlaces(text, q)], near);
    }
    case 'place': {
      // "based in the capital, Niamey": a place right after a question word and a preposition
      // is where that thing happens, whatever else stands nearer.
      const terms = new Set(q.terms);
      const ws = words(text);
      // Between the question word and the place stand at most four tokens (a preposition, an
      // article, two words), so only the few words just before the place can anchor it: checking
      // every word of the passage per place was quadratic.
      const anchored = (m: Mention) => {
        const k = firstEndingAfter(ws, m.start);
        for (let i = k - 1; i >= Math.max(0, k - 8); i--) {
          const w = ws[i]!;
          if (
            terms.has(w.stem) &&
            /^\s+(?:in|at|to|into|from|on)\s+(?:(?:the|a|an)\s+)?(?:[\p{L}-]+,?\s+){0,2}$/iu.test(
              text.slice(w.end, m.start),
            )
          )
            return true;
        }
        return false;
      };
      // "France's Sabre special forces would remain posted in Burkina Faso": a place in the
      // possessive names whose the thing is, not where it is; it answers only where the passage
      // names no other place.
      const named0 = placeMentions(text);
      const possessive = (m: Mention) => /^['\u2019]s\b/.test(text.slice(m.end, m.end + 3));
      const places = named0.some((m) => !possessive(m)) ? named0.filter((m) => !possessive(m)) : named0;
      const countries = /^(?:country|countries|nation|nations|state|states)$/.test(q.headNoun ?? '')
        ? places.filter((m) => COUNTRIES.has(m.text) && !echoesQuestion(m.text, q))
        : [];
      const named = pick(
        countries.length > 0 ? countries : places,
        (m) => (anchored(m) ? 1e7 : 0) + 1e5 + near(m),
      );
      if (!span) return named;
      const head = q.headNoun ?? '';
      // "Through which frontier…": the border the passage names ("border between Mali and Niger").
      if (/^(?:border|frontier)$/.test(head)) {
        const border = pick(borderMentions(text), near);
        if (border) return border;
      }
      // "Which city": a place WordNet holds as a city ("Niamey", not "Sahel").
      if (/^(?:city|cities|town|capital)$/.test(head)) {
        const city = pick(
          places.filter((m) => namesCity(m.text)),
          (m) => (anchored(m) ? 1e7 : 0) + near(m),
        );
        if (city) return city;
      }
      // "Which part of the country": a place with the part named ("northern Mali").
      const parts = /^(?:part|area|region|district|province)$/.test(head) ? partMentions(text) : [];
      // "Where in Mali…": a phrase naming a part of a place ("the country's sprawling central
      // region") answers when a question word stands just before it and a named place does not.
      return pick(
        [...parts, ...(named ? [named] : []), ...headedPhrases(text, namesPlace).filter(anchored)],
        (m) => (anchored(m) ? 1e7 : 0) + (parts.includes(m) ? 2e5 : 0) + (m === named ? 1e5 : 0) + near(m),
      );
    }
    case 'entity': {
      if (!span) return firstEntity(text, q);
      // "what else has been rubbing…": a head WordNet knows, but not as a noun, names no kind of
      // thing; the passage's new words answer, as for other questions.
      const head = q.headNoun ?? '';
      const noHead =
        QUESTION_FILLERS.has(head) ||
        (head !== '' && english.lemmas(head).length > 0 && !english.lemmas(head).some((l) => l.pos === 'n'));
      return (noHead ? null : entityAnswer(text, q)) ?? (novel ? novelSpan(text, q) : null);
    }
    case 'definition':
      return definitionAnswer(text, q);
    case 'reason':
      // A cause, else (for a short answer) a purpose ("to strengthen national defence"), else
      // the passage's new words.
      return (
        reasonAnswer(text, span) ??
        (span ? purposeAnswer(text, q) : null) ??
        (span && novel ? novelSpan(text, q) : null)
      );
    default:
      // A yes/no question gets "Yes" or "No" only where the passage says so plainly.
      if (q.yesNo || YES_NO_Q.test(q.words[0]?.text ?? '')) return span ? yesNoAnswer(text, q) : null;
      if (!span) return null;
      return (
        (asksWords(q) ? quotedAnswer(text, q) : null) ??
        objectAnswer(text, q) ??
        (q.predicateOf ? (mannerNounAnswer(text, q) ?? predicateAnswer(text, q)) : null) ??
        (q.purpose ? purposeAnswer(text, q) : null) ??
        (q.degree ? degreeAnswer(text, q.degree) : null) ??
        (novel ? progressiveObjectAnswer(text, q) : null) ??
        (novel ? novelSpan(text, q) : null)
      );
  }
}

/**
 * Question words that ask for someone's own words: "what did X say", "what did X call Y", "how
 * did X sum it up", "what did X accuse Y of" (English questions asked with "what" or "how").
 */
const WORDS_VERB =
  /^(?:say|says|said|call|calls|called|describe|describes|described|label|labels|labelled|labeled|term|termed|dub|dubbed|sum|summed|characterise|characterised|characterize|characterized|accuse|accused|brand|branded)$/;

/**
 * True for a question that asks for someone's own words (see WORDS_VERB), its question word among
 * its first three ("takuba - how did the french military sum it up"). Not when saying only
 * frames another question ("what does macron say became of…": what became of them is asked).
 */
function asksWords(q: QuestionAnalysis): boolean {
  if (q.language !== 'en' || !q.words.slice(0, 3).some((w) => /^(?:what|how)$/.test(w.text))) return false;
  if (q.words.some((w) => /^(?:became|become|becomes|happened|happens|happen)$/.test(w.text))) return false;
  return q.words.some((w) => WORDS_VERB.test(w.text));
}

/** A quotation of at most this many words is a phrase someone used, not a statement. */
const QUOTED_WORDS = 12;

/**
 * For a question asking for someone's own words: the phrase in quotation marks ("out of control",
 * "strategic and tactical success"), of at most QUOTED_WORDS words, that holds the most of the
 * question's own words, then the nearest to them; null where the passage quotes no phrase.
 */
function quotedAnswer(text: string, q: QuestionAnalysis): Mention | null {
  // The question's own words only: a related word the ranking matched ("saying" for "sum it
  // up") does not make a quotation, or one beside it, the one asked for.
  const terms = new Set(q.tokens.map((t) => stem(t)));
  const own = words(text).filter((w) => terms.has(w.stem));
  const distance = (m: Mention) =>
    Math.min(
      999,
      ...own
        .filter((w) => w.end <= m.start || w.start >= m.end)
        .map((w) => (w.end <= m.start ? m.start - w.end : w.start - m.end)),
    );
  let best: Mention | null = null;
  let bestScore = -Infinity;
  for (const m of text.matchAll(/[\u201C"]([^\u201C\u201D"]{2,200})[\u201D"]/gu)) {
    const inner = m[1]!.replace(/[\s,.;:]+$/, '');
    const count = inner.split(/\s+/).filter(Boolean).length;
    if (count === 0 || count > QUOTED_WORDS || echoesQuestion(inner, q)) continue;
    const start = m.index! + 1;
    const mention = { start, end: start + inner.length, text: inner };
    const inside = words(inner).filter((w) => terms.has(w.stem)).length;
    const score = inside * 1000 - distance(mention);
    if (score > bestScore) {
      best = mention;
      bestScore = score;
    }
  }
  return best;
}

/** Verbs of saying that follow a person's name ("Ann Linde told reporters"). */
const SAYS_AFTER = /^\s+(?:has\s+|had\s+)?(?:said|says|told|tells|added|announced|stated|wrote|warned)\b/;

/** True for a noun only, whose first sense WordNet holds as a person ("researcher"; not "told"). */
function personNoun(word: string): boolean {
  return english.lemmas(word).every((l) => l.pos === 'n') && firstNounClass(word) === PERSON_CLASS;
}

/**
 * True when a name reads as a person's: a title before it ("Defense Minister Christine
 * Lambrecht"), in apposition after a person noun ("France's ambassador to Bamako, Joël Meyer"),
 * a verb of saying after it, or a person noun in apposition after it ("Delina Goxho,
 * researcher on…"); "told" is a verb, though WordNet's "Tell" is a person.
 */
function standsAsPerson(text: string, m: PersonMention): boolean {
  if (m.title !== '') return true;
  const role = /([a-z]+)(?:\s+(?:to|of|for|in|at)\s+(?:the\s+)?[\p{L}'\u2019-]+){0,2},\s*$/u.exec(
    text.slice(Math.max(0, m.start - 60), m.start),
  );
  if (role?.[1] && personNoun(role[1])) return true;
  const after = text.slice(m.end, m.end + 60);
  if (SAYS_AFTER.test(after)) return true;
  const apposition = /^,\s+(?:(?:a|an|the)\s+)?(?:[a-z-]+\s+){0,2}?([a-z]+)\b/.exec(after);
  return apposition?.[1] !== undefined && personNoun(apposition[1]);
}

/**
 * True when a phrase starting at `at` is the object of the verb just before it: "withdrawing
 * its contingent", "to end the nine-year French mission" (a form in -ing or -ed, or a verb's
 * own form after "to", then at most a determiner).
 */
function objectOfVerb(text: string, at: number): boolean {
  const m =
    /(?:^|\s)(?:(to)\s+)?([a-z]+)\s+(?:(?:the|a|an|its|their|his|her|this|that|these|those)\s+)?$/.exec(
      text.slice(Math.max(0, at - 50), at),
    );
  const verb = m?.[2];
  if (!verb || STOP_WORDS.has(verb)) return false;
  const lemmas = english.lemmas(verb);
  if (m[1]) return lemmas.some((l) => l.pos === 'v' && l.lemma === verb);
  return /(?:ing|ed)$/.test(verb) && lemmas.some((l) => l.pos === 'v');
}

/** The argument of a verb a "who" question asks (see askedSlot). */
export interface AskedSlot {
  /** The asked verb as written, lower case. */
  verb: string;
  slot: 'subject' | 'object' | 'prep';
  /** For `prep`, the preposition. */
  prep?: string;
}

/** WordNet's lexicographer class of nouns naming a time (noun.time). */
const TIME_CLASS = 28;
const AUX_BE_GET = /^(?:is|are|was|were|be|been|got|get|gets|gotten)$/;
const AUX_OTHER = /^(?:has|have|had|will|would|can|could|did|does|do|should|might|may)$/;
const PREPOSITION =
  /^(?:to|with|from|for|against|by|at|on|about|towards|toward|into|after|behind|under|over|between|among)$/;

/** True for a word WordNet knows as a verb that is no auxiliary ("expelled", "turning"). */
function asVerb(word: string | undefined): boolean {
  if (!word || AUX_BE_GET.test(word) || AUX_OTHER.test(word) || STOP_WORDS.has(word)) return false;
  return english.lemmas(word).some((l) => l.pos === 'v');
}

/** A participle or past form: "expelled", "kicked", "taken", "held". */
function pastForm(word: string): boolean {
  if (/ing$/.test(word)) return false;
  return /(?:ed|en|wn)$/.test(word) || english.lemmas(word).some((l) => l.pos === 'v' && l.lemma !== word);
}

/**
 * Which argument of which verb an English "who" question asks: the one who did it ("who expelled
 * the ambassador": the subject), the one it was done to ("who got expelled", "Le Drian accused
 * who": the object), or the one after a preposition the question leaves standing ("who is
 * Bamako turning to"). Null for a question with no verb of its own ("who is the spokesman") and
 * for a noun before "who" that opens a relative clause ("the minister who announced…").
 */
export function askedSlot(q: QuestionAnalysis): AskedSlot | null {
  if (q.language !== 'en' || q.answerType !== 'person') return null;
  const ws = q.words.map((w) => w.text);
  const at = ws.findIndex((w) => w === 'who' || w === 'whom');
  if (at < 0) return null;
  const stranded = (from: number): string | undefined => {
    // A preposition right after the verb (or its object) with no noun phrase after it: "turning
    // to?", "turning to instead of Paris", "talked with last week".
    for (let k = from; k < Math.min(ws.length, from + 4); k++) {
      if (!PREPOSITION.test(ws[k]!)) continue;
      const next = ws[k + 1];
      // "…dinner with the night before the announcement": a time after the preposition is no
      // noun phrase it governs.
      const time = /^(?:the|that|a)$/.test(next ?? '') && firstNounClass(ws[k + 2] ?? '') === TIME_CLASS;
      if (
        next === undefined ||
        time ||
        /^(?:instead|before|after|in|on|at|last|this|since|during|when|now|then)$/.test(next)
      )
        return ws[k];
      return undefined;
    }
    return undefined;
  };
  if (at > 0) {
    // "Le Drian accused who of looting", "Macron talked to who": only a verb form before "who"
    // ("accused", "meets") makes it the object; a noun there opens a relative clause.
    const verbForm = (w: string | undefined) =>
      w !== undefined && asVerb(w) && (pastForm(w) || /(?:ing|[^s]s)$/.test(w));
    const before = ws[at - 1]!;
    if (PREPOSITION.test(before) && verbForm(ws[at - 2]))
      return { verb: ws[at - 2]!, slot: 'prep', prep: before };
    return verbForm(before) ? { verb: before, slot: 'object' } : null;
  }
  const w1 = ws[1];
  if (asVerb(w1)) return { verb: w1!, slot: 'subject' };
  if (w1 === undefined) return null;
  const w2 = ws[2];
  // "who was expelled", "who got kicked out": the one it was done to.
  if (AUX_BE_GET.test(w1) && w2 !== undefined && asVerb(w2) && pastForm(w2))
    return { verb: w2, slot: 'object' };
  // "who is withdrawing": the one who does it.
  if (AUX_BE_GET.test(w1) && w2 !== undefined && /ing$/.test(w2) && asVerb(w2))
    return { verb: w2, slot: 'subject' };
  // "who has expelled", "who will lead": the one who does it.
  if (AUX_OTHER.test(w1) && w1 !== 'did' && w1 !== 'does' && w1 !== 'do' && asVerb(w2))
    return { verb: w2!, slot: 'subject' };
  if (!AUX_BE_GET.test(w1) && !AUX_OTHER.test(w1)) return null;
  // "who did Macron meet", "who is Bamako turning to": the verb after the subject.
  for (let k = 2; k < Math.min(ws.length, 7); k++) {
    if (!asVerb(ws[k])) continue;
    const prep = stranded(k + 1);
    if (prep) return { verb: ws[k]!, slot: 'prep', prep };
    return w1 === 'did' || w1 === 'does' || w1 === 'do' ? { verb: ws[k]!, slot: 'object' } : null;
  }
  return null;
}

/** Verbs whose object is no thing asked for: doing, being, having, saying (its clause is asked). */
const NO_OBJECT_VERB =
  /^(?:do|does|did|done|doing|be|is|are|was|were|been|being|have|has|had|having|get|got|say|says|said|saying|think|thinks|thought|happen|happens|happened|mean|means|meant)$/;

/**
 * The verb whose object an English "what" question asks: its last verb, when no noun phrase
 * follows it ("what did macron say france prevented in mali", "what did paris hope sharing the
 * burden would reduce"), or the verb before a closing "what" ("…was supposed to help Paris limit
 * what?"). Null for "what did X do", "what happened", a verb with its object in the question.
 */
export function askedObjectVerb(q: QuestionAnalysis): string | null {
  if (q.language !== 'en' || q.answerType !== 'other' || q.yesNo || q.alternatives) return null;
  const ws = q.words.map((w) => w.text);
  const last = ws.length - 1;
  if (last >= 1 && ws[last] === 'what') {
    const v = ws[last - 1]!;
    return asVerb(v) && !NO_OBJECT_VERB.test(v) ? v : null;
  }
  if (ws[0] !== 'what' || !/^(?:did|does|do|has|have|had|will|would|could|can|should)$/.test(ws[1] ?? ''))
    return null;
  let k = -1;
  // A word WordNet knows only as a verb, or a past form ("troops" may be a verb, but is not asked as one).
  for (let i = 3; i < ws.length; i++)
    if (asVerb(ws[i]) && (/ed$/.test(ws[i]!) || english.lemmas(ws[i]!).every((l) => l.pos === 'v'))) k = i;
  if (k < 0) return null;
  const verb = ws[k]!;
  // A noun phrase after the verb is its object, said by the question itself: something else is asked.
  const next = ws[k + 1];
  if (
    NO_OBJECT_VERB.test(verb) ||
    (next !== undefined &&
      !PREPOSITION.test(next) &&
      !/^(?:in|on|at|during|after|before|since|from|now|then|there|here|back|up|out|off)$/.test(next))
  )
    return null;
  return verb;
}

/**
 * For "what did X say Y prevented": the object of the asked verb where the passage uses it
 * ("prevented the establishment of a territorial caliphate"), read as a "who" question's object
 * is (slotAnswer); null where the question asks no object or the passage does not use the verb.
 */
function objectAnswer(text: string, q: QuestionAnalysis): Mention | null {
  const verb = askedObjectVerb(q);
  return verb ? slotAnswer(text, q, { verb, slot: 'object' }, OBJECT_THROUGH) : null;
}

/**
 * Prepositions a thing asked for runs on through, as its complement ("a swift timeline for a
 * return to civilian rules"); a person's phrase stops there ("the ambassador to Mali").
 */
const OBJECT_THROUGH = /^(?:for|to)$/i;

/** Words that end a noun phrase read forwards: a preposition other than "of", a clause word. */
const NP_END =
  /^(?:in|at|on|to|for|from|with|about|after|before|during|since|by|as|over|under|into|while|which|who|whom|whose|when|where|because|amid|until|following|despite|than|but|or|is|are|was|were|has|have|had|will|would|said|says)$/i;
const NP_WORDS = 10;

/**
 * The noun phrase that starts at word `k`: up to a clause break, a preposition other than "of"
 * or a clause word, at most NP_WORDS words; a list of names ("Niger, Chad, Mauritania and…")
 * whole.
 */
function phraseFrom(text: string, ws: readonly Word[], k: number, through?: RegExp): Mention | null {
  let last = -1;
  for (let i = k; i < Math.min(ws.length, k + NP_WORDS); i++) {
    const w = text.slice(ws[i]!.start, ws[i]!.end);
    if (NP_END.test(w) && !(i > k && through?.test(w))) break;
    if (i > k) {
      const gap = text.slice(ws[i - 1]!.end, ws[i]!.start);
      const listed =
        /^,\s+$/.test(gap) && /^\p{Lu}/u.test(text.slice(ws[i - 1]!.start)) && /^\p{Lu}/u.test(w);
      if (!/^\s+$/.test(gap) && !listed) break;
    }
    last = i;
  }
  while (last >= k && STOP_WORDS.has(text.slice(ws[last]!.start, ws[last]!.end).toLowerCase())) last--;
  if (last < k) return null;
  const start = ws[k]!.start;
  const end = ws[last]!.end;
  return { start, end, text: text.slice(start, end) };
}

const PRONOUN_SUBJECT = /^(?:it|he|she|they)$/i;
const SAYS = /^(?:said|says|announced|announces|stated|declared|confirmed|added)$/i;
const DETERMINER_BEFORE = /^(?:the|a|an|its|their|his|her|this|that|whose)$/i;
const BE_BEFORE = /^(?:was|were|been|being|is|are|be|got|get|gets)$/i;
/** Words between a subject and its verb: auxiliaries, adverbs. */
const BETWEEN_SUBJECT =
  /^(?:has|have|had|will|would|could|was|were|is|are|been|also|then|later|now|already|initially|recently|reportedly|finally|officially)$/i;

/**
 * The stems a passage may say a verb by: its own, its lemma's, its first sense's synonyms and
 * the nouns WordNet derives from it ("expel" → "expulsion").
 */
function verbStems(verb: string, q: QuestionAnalysis): Set<string> {
  const out = new Set([stem(verb)]);
  for (const l of english.lemmas(verb)) if (l.pos === 'v') out.add(stem(l.lemma));
  for (const r of english.related(verb))
    if ((r.relation === 'derived' || r.relation === 'synonym') && r.sense === 0 && !r.word.includes(' '))
      out.add(stem(r.word));
  const target = english.term(verb);
  // …and the synonyms of the verb the passages use, of any sense ("request" for "ask"): the
  // expansions hold only words of the corpus.
  for (const [term, x] of q.expansions)
    if (x.target === target && (x.via === 'derived' || x.via === 'form' || x.via === 'synonym'))
      out.add(term);
  return out;
}

/**
 * The asked argument of the asked verb in a passage (see askedSlot): the subject before the
 * verb, or after "by" where the passage puts it in the passive or as a noun ("the expulsion …
 * by Mali"); the object after the verb, after "of" where the passage makes it a noun ("led to
 * the expulsion of the French ambassador"), before it in the passive; the phrase after the
 * question's preposition. Null where the passage does not use the verb.
 */
function slotAnswer(text: string, q: QuestionAnalysis, slot: AskedSlot, through?: RegExp): Mention | null {
  const stems = verbStems(slot.verb, q);
  const ws = words(text);
  const terms = new Set(q.terms);
  const own = stem(slot.verb);
  let best: Mention | null = null;
  let bestScore = -Infinity;
  const bare = (i: number) => text.slice(ws[i]!.start, ws[i]!.end);
  for (let k = 0; k < ws.length; k++) {
    if (!stems.has(ws[k]!.stem)) continue;
    const word = bare(k).toLowerCase();
    const prev = k > 0 ? bare(k - 1) : '';
    const ofAfter =
      k + 1 < ws.length && bare(k + 1) === 'of' && /^\s+$/.test(text.slice(ws[k]!.end, ws[k + 1]!.start));
    const lemmas = english.lemmas(word);
    // A noun made of the verb ("the expulsion", "Mali's request"), or a verb.
    const nominal =
      DETERMINER_BEFORE.test(prev) || /['\u2019]s$/.test(prev) || !lemmas.some((l) => l.pos === 'v');
    // "was expelled" is passive, "was withdrawing" is not.
    const passive = !nominal && BE_BEFORE.test(prev) && !/ing$/.test(word) && pastForm(word);
    let found: Mention | null = null;
    const after = (from: number) => (from < ws.length ? phraseFrom(text, ws, from, through) : null);
    const by = () => {
      for (let i = k + 1; i < Math.min(ws.length, k + 8); i++) {
        if (/[,;.]/.test(text.slice(ws[i - 1]!.end, ws[i]!.start))) return null;
        if (bare(i) === 'by') return after(i + 1);
      }
      return null;
    };
    if (slot.slot === 'prep') {
      // The preposition may stand past the verb's object and a time and place ("held a working
      // dinner last night in Paris with…"), within one clause.
      for (let i = k + 1; i < Math.min(ws.length, k + 8); i++) {
        if (/[,;.]/.test(text.slice(ws[i - 1]!.end, ws[i]!.start))) break;
        if (bare(i).toLowerCase() === slot.prep) {
          found = after(i + 1);
          break;
        }
      }
    } else if (slot.slot === 'subject') {
      if (nominal || passive) {
        found = by();
        if (!found && nominal && ofAfter) {
          // "at the request of Bamako": of whom the act is, where the question's own object is not it.
          const of = after(k + 2);
          if (of && !echoesQuestion(of.text, q)) found = of;
        }
        if (!found && nominal && /['\u2019]s$/.test(prev))
          found = nounPhraseEndingAt(text, ws[k - 1]!.start, ws[k - 1]!.end - 2, 3);
      } else {
        let j = k - 1;
        while (
          j >= 0 &&
          (BETWEEN_SUBJECT.test(bare(j)) || /ly$/.test(bare(j))) &&
          /^\s+$/.test(text.slice(ws[j]!.end, ws[j + 1]!.start))
        )
          j--;
        // "Denmark announced it was withdrawing": a pronoun after a verb of saying stands for
        // the one who says.
        if (j >= 0 && PRONOUN_SUBJECT.test(bare(j))) {
          const said = j - (j >= 2 && bare(j - 1).toLowerCase() === 'that' ? 2 : 1);
          if (said >= 1 && SAYS.test(bare(said))) j = said - 1;
        }
        if (
          j >= 0 &&
          /^\s+$/.test(text.slice(ws[j]!.end, ws[j + 1]!.start)) &&
          !STOP_WORDS.has(bare(j).toLowerCase())
        ) {
          const person = personMentions(text).find((m) => m.end === ws[j]!.end);
          found = person ?? nounPhraseEndingAt(text, ws[j]!.start, ws[j]!.end, 4);
        }
      }
    } else if (nominal) {
      if (ofAfter) found = after(k + 2);
    } else if (passive) {
      const j = k - 2;
      if (j >= 0)
        found =
          personMentions(text).find((m) => m.end === ws[j]!.end) ??
          nounPhraseEndingAt(text, ws[j]!.start, ws[j]!.end, 4);
    } else {
      // A particle of a phrasal verb ("kicked out") belongs to the verb.
      const from = /^(?:out|off|up|down|away|back)$/i.test(ws[k + 1] ? bare(k + 1) : '') ? k + 2 : k + 1;
      found = after(from);
    }
    if (!found || echoesQuestion(found.text, q)) continue;
    // The use of the verb among most of the question's other words wins, its own form before
    // a derived one.
    let support = 0;
    for (let i = Math.max(0, k - 10); i <= Math.min(ws.length - 1, k + 10); i++)
      if (i !== k && terms.has(ws[i]!.stem)) support++;
    const score = support + (ws[k]!.stem === own ? 0.5 : 0);
    if (score > bestScore) {
      best = found;
      bestScore = score;
    }
  }
  return best;
}

/** "the country", "the group": a head noun alone after "the" refers back to a thing named before. */
function refersBack(text: string, m: Mention): boolean {
  return (
    !m.text.includes(' ') && /\b(?:the|this|that)\s+$/i.test(text.slice(Math.max(0, m.start - 6), m.start))
  );
}

/** Compass words that name part of a place ("northern Mali", "central Mali", "north-eastern Nigeria"). */
const COMPASS =
  /\b((?:(?:north|south)(?:-?(?:east|west))?(?:ern)?|east(?:ern)?|west(?:ern)?|central|upper|lower)\s+)$/i;

/** Places with the part of them named before them: "northern Mali", "central Mali". */
function partMentions(text: string): Mention[] {
  return placeMentions(text).flatMap((p) => {
    const m = COMPASS.exec(text.slice(Math.max(0, p.start - 20), p.start));
    if (!m?.[1]) return [];
    const start = p.start - m[1].length;
    return [{ start, end: p.end, text: text.slice(start, p.end) }];
  });
}

/** "the border between Mali and Niger", "the frontier with Niger": a border named by its places. */
function borderMentions(text: string): Mention[] {
  const out: Mention[] = [];
  const placeAt = new Map(placeMentions(text).map((p) => [p.start, p]));
  for (const m of text.matchAll(/\b(?:borders?|frontiers?|boundary)\s+(?:between|with)\s+/gi)) {
    const at = m.index! + m[0].length;
    const first = placeAt.get(at);
    if (!first) continue;
    const and = /^\s+and\s+/.exec(text.slice(first.end, first.end + 10));
    const second = and ? placeAt.get(first.end + and[0].length) : undefined;
    const end = second?.end ?? first.end;
    out.push({ start: m.index!, end, text: text.slice(m.index!, end) });
  }
  return out;
}

/**
 * Countries that do what the question asks about: a country named just before a verb, with a
 * question word among the six words after it in the same clause ("Denmark announced it was
 * withdrawing…" for "who withdrew…"; not "Norway has abandoned a planned deployment").
 */
function actingPlaces(text: string, q: QuestionAnalysis): Mention[] {
  const terms = new Set(q.terms);
  const ws = words(text);
  return placeMentions(text).filter((p) => {
    if (!COUNTRIES.has(p.text)) return false;
    const next = /^\s+(?:has\s+|had\s+|have\s+|also\s+)?([a-z]+(?:ed|s))\b/.exec(
      text.slice(p.end, p.end + 30),
    );
    if (next?.[1] === undefined || !english.lemmas(next[1]).some((l) => l.pos === 'v')) return false;
    const k = firstEndingAfter(ws, p.end);
    for (let i = k; i < Math.min(ws.length, k + 6); i++) {
      const w = ws[i]!;
      const word = text.slice(w.start, w.end).toLowerCase();
      if (i > k && (/[,;:.]/.test(text.slice(ws[i - 1]!.end, w.start)) || word === 'and')) break;
      if (terms.has(w.stem) || english.lemmas(word).some((l) => terms.has(stem(l.lemma)))) return true;
    }
    return false;
  });
}

/**
 * For "X or Y?": the alternative the passage names when it names only one ("Takuba"), else the
 * one it does not deny or reverse ("denied that Russian mercenaries…, saying instead it had
 * invited “Russian trainers”" → "Russian trainers"), with the words before it that qualify it.
 */
function choiceAnswer(text: string, alternatives: string[]): Mention | null {
  const ws = words(text).slice(0, PHRASE_WORDS);
  const found = alternatives.map((alt) => {
    const s = stem(comparable(alt));
    return ws.filter((w) => {
      const word = comparable(text.slice(w.start, w.end));
      return (
        w.stem === s ||
        (s.length >= 5 && withinEdits(s, w.stem, 1)) ||
        (word.length >= 5 && withinEdits(comparable(alt), word, 1) && word[0] === comparable(alt)[0])
      );
    });
  });
  const present = found.map((f, i) => ({ i, at: f })).filter((f) => f.at.length > 0);
  if (present.length === 0) return null;
  let chosen = present;
  if (present.length > 1) {
    // Both named: the one not in a clause that denies or negates it.
    chosen = present.filter((p) => p.at.every((w) => !deniedAt(text, w.start)));
    if (chosen.length !== 1) return null;
  }
  const w = chosen[0]!.at[0]!;
  const word = text.slice(w.start, w.end);
  if (/^\p{Lu}/u.test(word)) return { start: w.start, end: w.end, text: word };
  // A year or a count with the preposition that places it ("since 2012", "in 2013").
  if (/^\p{N}/u.test(word)) {
    const prep = /(?:^|\s)((?:since|in|from|until|till|by|before|after|depuis|en|avant|apr[èe]s)\s+)$/iu.exec(
      text.slice(Math.max(0, w.start - 12), w.start),
    );
    const start = w.start - (prep?.[1]?.length ?? 0);
    return { start, end: w.end, text: text.slice(start, w.end) };
  }
  return nounPhraseEndingAt(text, w.start, w.end, 2);
}

/** True when a word stands after a negation or a denying word in its own clause. */
function deniedAt(text: string, at: number): boolean {
  const from = Math.max(0, at - 80);
  const back = text.slice(from, at);
  const clause = back.slice(Math.max(0, back.search(/[,;:.][^,;:.]*$/) + 1));
  return (
    NEGATION.test(clause) || /\b(?:deni(?:ed|es)|deny|denying|rejected|refused|dismissed)\b/i.test(clause)
  );
}

/** WordNet's lexicographer classes of nouns naming acts (noun.act) and events (noun.event). */
const ACT_CLASS = 4;
const EVENT_CLASS = 11;

/** Auxiliary verbs that open a predicate ("has shown", "had been neutralised"). */
const AUXILIARY =
  /^(?:has|have|had|is|are|was|were|will|would|can|could|did|does|do|may|might|must|should)$/i;
/** At most this many words of a passage make a predicate, purpose or other phrase answer. */
const PHRASE_ANSWER_WORDS = 12;

/**
 * For "what did X do", "what became of X", "how has X been treating…": what the passage says X
 * did, from the verb after X's words to the end of the clause (at most PHRASE_ANSWER_WORDS words,
 * a second predicate after "and" left off): "Changes of governments also aided jihadist
 * insurgents…" → "also aided jihadist insurgents operating in the wider region".
 */
function predicateAnswer(text: string, q: QuestionAnalysis): Mention | null {
  const subject = new Set(
    tokenize(q.predicateOf ?? '')
      .filter((t) => !STOP_WORDS.has(t))
      .map((t) => stem(t)),
  );
  if (subject.size === 0) return null;
  const related = new Set(
    [...q.expansions].filter(([, x]) => x.via !== 'antonym' && subject.has(x.target)).map(([t]) => t),
  );
  const ws = words(text).slice(0, PHRASE_WORDS);
  // "What happened to the French ambassador": first the event named of X ("the expulsion of the
  // French ambassador"), where the question asks what happened or became of X; X there is not
  // the subject of the verb after it.
  if (/\b(?:happened|happens|became|become)\b/.test(q.words.map((w) => w.text).join(' '))) {
    for (const m of text.slice(0, 4000).matchAll(/\b(?:the|an?|its|their)\s+([a-z]+)\s+of\s+(?:the\s+)?/gi)) {
      const after = firstEndingAfter(ws, m.index! + m[0].length);
      const w = ws[after];
      // The event's noun: an act or event to WordNet ("expulsion", "withdrawal", "death"; not
      // "presence" or "number"), or a word it does not know ("explusion", as printed).
      const classes = nounClasses(m[1]!);
      const known = english.lemmas(m[1]!.toLowerCase()).length > 0;
      const event = classes.has(ACT_CLASS) || classes.has(EVENT_CLASS);
      if (!w || (!subject.has(w.stem) && !related.has(w.stem)) || (known && !(isNoun(m[1]!) && event)))
        continue;
      let end = w.end;
      for (let k = after + 1; k < Math.min(ws.length, after + 4); k++) {
        if (!subject.has(ws[k]!.stem) && !related.has(ws[k]!.stem)) break;
        if (!/^\s+$/.test(text.slice(ws[k - 1]!.end, ws[k]!.start))) break;
        end = ws[k]!.end;
      }
      const start = m.index! + m[0].indexOf(m[1]!);
      return { start, end, text: text.slice(start, end) };
    }
  }
  for (let i = 0; i < ws.length; i++) {
    if (!subject.has(ws[i]!.stem) && !related.has(ws[i]!.stem)) continue;
    // The subject's phrase runs on over its other words; the predicate starts at the first
    // auxiliary or verb form within three words after it.
    let k = i + 1;
    while (k < ws.length && (subject.has(ws[k]!.stem) || related.has(ws[k]!.stem))) k++;
    for (let v = k; v < Math.min(ws.length, k + 4); v++) {
      if (/[,;:.]/.test(text.slice(ws[v - 1]!.end, ws[v]!.start))) break;
      const word = text.slice(ws[v]!.start, ws[v]!.end);
      const lower = word.toLowerCase();
      const verbForm =
        AUXILIARY.test(lower) ||
        (/(?:ed|en)$/.test(lower) && english.lemmas(lower).some((l) => l.pos === 'v'));
      if (!verbForm) continue;
      // "had come to secure…" for "what did the group come to do": the asked verb and "to" are
      // the question's own words; what follows them is the answer.
      const terms = new Set(q.terms);
      for (let t = v; t + 1 < Math.min(ws.length, v + 4); t++) {
        const word = text.slice(ws[t]!.start, ws[t]!.end).toLowerCase();
        if (terms.has(ws[t]!.stem) && text.slice(ws[t + 1]!.start, ws[t + 1]!.end) === 'to' && ws[t + 2])
          return clauseFrom(text, ws, ws[t + 2]!.start);
        if (!AUXILIARY.test(word) && !/ly$|^(?:been|be|also|already)$/.test(word)) break;
      }
      // "also aided": an adverb just before the verb stays with it.
      const adverb = v > k && /ly$|^also$|^already$/i.test(text.slice(ws[v - 1]!.start, ws[v - 1]!.end));
      return clauseFrom(text, ws, adverb ? ws[v - 1]!.start : ws[v]!.start);
    }
  }
  return null;
}

/**
 * The words from `start` to the end of their clause: a comma, semicolon, colon, sentence end,
 * or "and" before another verb; at most PHRASE_ANSWER_WORDS words, quotation marks off the ends
 * only where unbalanced.
 */
function clauseFrom(text: string, ws: readonly Word[], start: number): Mention | null {
  const k0 = firstEndingAfter(ws, start);
  let end = start;
  let n = 0;
  let lastContent = start;
  for (let k = k0; k < ws.length && n < PHRASE_ANSWER_WORDS; k++) {
    const w = ws[k]!;
    if (k > k0 && /[,;:\u2014\u2013]|\.(?:\s|$)/.test(text.slice(ws[k - 1]!.end, w.start))) break;
    const word = text.slice(w.start, w.end);
    if (k > k0 && /^(?:and|but|while|which|who)$/i.test(word)) {
      const next = ws[k + 1];
      const nextWord = next ? text.slice(next.start, next.end).toLowerCase() : '';
      if (/^(?:but|while|which|who)$/i.test(word) || /ed$/.test(nextWord) || AUXILIARY.test(nextWord)) break;
    }
    end = w.end;
    if (!STOP_WORDS.has(word.toLowerCase())) lastContent = w.end;
    n++;
  }
  // Cut at the word limit, a phrase does not end on "in" or "the".
  if (n >= PHRASE_ANSWER_WORDS && lastContent > start) end = lastContent;
  if (end <= start) return null;
  let span = text.slice(start, end);
  // A closing quotation mark right after the last word belongs with it when one was opened.
  if (/^[\u201D"]/.test(text.slice(end)) && /[\u201C"]/.test(span)) {
    span += text[end];
    end++;
  }
  return { start, end, text: span };
}

/**
 * For "what are the Russians in Mali for": the "to …" clause of purpose after the question's
 * words ("…invited “Russian trainers” to strengthen national defence" → "to strengthen national
 * defence"), the one nearest them.
 */
function purposeAnswer(text: string, q: QuestionAnalysis): Mention | null {
  const ws = words(text).slice(0, PHRASE_WORDS);
  const out: Mention[] = [];
  for (let i = 0; i + 1 < ws.length; i++) {
    if (text.slice(ws[i]!.start, ws[i]!.end) !== 'to') continue;
    const verb = text.slice(ws[i + 1]!.start, ws[i + 1]!.end).toLowerCase();
    // "to strengthen": a verb in its own base form, not "to Mali" or "to the bases".
    if (!english.lemmas(verb).some((l) => l.pos === 'v' && l.lemma === verb)) continue;
    const m = clauseFrom(text, ws, ws[i]!.start);
    if (m && m.text.split(/\s+/).length >= 3) out.push(m);
  }
  if (out.length === 0) return null;
  out.sort((a, b) => distanceToTerms(text, a, q) - distanceToTerms(text, b, q));
  return out[0]!;
}

/** "how big a change", "how large an operation": a degree of a thing, not a count. */
const DEGREE_OF_THING =
  /\bhow (?:big|large|serious|major|significant|important) (?:an? )?(?!(?:is|are|was|were|has|have|had|do|does|did|will|would|can|could)\b)[a-z]/;

/** How many words of a passage the WordNet-read spans (phrases, yes/no) look through. */
const PHRASE_WORDS = 400;

/**
 * Noun phrases of a passage whose last word passes `head` (names people, names a place): "a
 * military junta is also in charge" → "military junta". A word followed by another word of the
 * phrase ("security" in "security sources") is no head.
 */
function headedPhrases(text: string, head: (word: string) => boolean): Mention[] {
  const ws = words(text);
  const out: Mention[] = [];
  // Each word costs WordNet look-ups the first time it is seen: a passage is read only as far
  // as PHRASE_WORDS words (a sentence is a few dozen; a 60,000-character one took 0.6 s whole).
  for (let i = 0; i < Math.min(ws.length, PHRASE_WORDS); i++) {
    const w = ws[i]!;
    const word = text.slice(w.start, w.end);
    if (!/^\p{Ll}/u.test(word) || word.length < 3 || STOP_WORDS.has(word)) continue;
    const next = ws[i + 1];
    if (next && /^\s+$/.test(text.slice(w.end, next.start))) {
      const nextWord = text.slice(next.start, next.end).toLowerCase();
      // The next word is a noun in its own right ("operation", "sources"), not a form of a verb.
      const continues =
        !STOP_WORDS.has(nextWord) &&
        english
          .lemmas(nextWord)
          .some(
            (l) =>
              l.pos === 'n' &&
              (l.lemma === nextWord || `${l.lemma}s` === nextWord || `${l.lemma}es` === nextWord),
          );
      if (continues) continue;
    }
    if (!head(word)) continue;
    // A plural, or a phrase opened by a determiner ("a military junta", "the separatist
    // movement"): "acceptance of failure" names no one.
    const np = nounPhraseEndingAt(text, w.start, w.end);
    const opened = /\b(?:the|a|an|its|their|his|her|this|that|these|those|several|some)\s+$/i.test(
      text.slice(Math.max(0, np.start - 12), np.start),
    );
    if (opened || (/s$/.test(word) && !/ss$/.test(word))) out.push(np);
  }
  return out;
}

/**
 * For "how poor is Mali": the noun phrase holding a form of the adjective ("one of the world's
 * poorest nations" → "world's poorest nations"), or the adjective's own phrase up to its noun.
 */
function degreeAnswer(text: string, adjective: string): Mention | null {
  const root = stem(adjective);
  const ws = words(text);
  for (let i = 0; i < ws.length; i++) {
    const word = text.slice(ws[i]!.start, ws[i]!.end).toLowerCase();
    if (!word.startsWith(root) || word.length > root.length + 4) continue;
    // The noun it qualifies: the next word WordNet knows as a noun, at most two words on.
    for (let k = i + 1; k < Math.min(ws.length, i + 3); k++) {
      if (/[,;.]/.test(text.slice(ws[k - 1]!.end, ws[k]!.start))) break;
      const next = text.slice(ws[k]!.start, ws[k]!.end).toLowerCase();
      if (english.lemmas(next).some((l) => l.pos === 'n')) {
        const np = nounPhraseEndingAt(text, ws[k]!.start, ws[k]!.end);
        return np.start <= ws[i]!.start
          ? np
          : { start: ws[i]!.start, end: ws[k]!.end, text: text.slice(ws[i]!.start, ws[k]!.end) };
      }
    }
    return { start: ws[i]!.start, end: ws[i]!.end, text: text.slice(ws[i]!.start, ws[i]!.end) };
  }
  return null;
}

/** A passage whose subject is a pronoun for a person named before it ("He said…", "she added"). */
const REFERS_BACK = /^(?:He|She)\b|\b(?:he|she) (?:said|says|added|told|insisted|announced|warned|noted)\b/;

/** Answer types whose answers read the same in any language (numbers, dates, names, places). */
const LANGUAGE_FREE: ReadonlySet<string> = new Set(['number', 'date', 'person', 'place', 'duration']);

/** Questions answered by yes or no ("Did…", "Was…"). */
const YES_NO_Q =
  /^(?:did|does|do|is|was|were|are|has|have|had|will|would|can|could|should)(?:n't)?$|^(?:won't|can't|cannot)$/;

/** Characters that end a clause, for the spans of novelSpan (brackets do not: "ISIS (ISIL)"). */
const CLAUSE_BREAK = /[,;:"\u201C\u201D\u2014\u2013]|\.(?:\s|$)/;
/** Words that open another clause inside a sentence. */
const CLAUSE_WORD = /^(?:who|whom|whose|which|while|whereas|where|although|though)$/i;

/**
 * For questions no typed extractor answers ("what did X say…", "what is stoking…"): the run of
 * words the question does not use that stands next to the words it does, within one clause
 * ("…come to secure their economic interests…"). The passage's new words beside the matched
 * ones are most often what the question asks for.
 */
export function novelSpan(text: string, q: QuestionAnalysis): Mention | null {
  const analyzer = analyzerFor(q.language);
  // The question's words and their close relatives: a broader or narrower word ("continue" for
  // "talk") is new matter the passage brings, not a word the question already said.
  const asked = new Set([
    ...q.terms,
    ...[...q.expansions].filter(([, x]) => !LOOSE_RELATIONS.has(x.via)).map(([t]) => t),
  ]);
  const tokens = analyzer.tokens(text);
  const isAsked = tokens.map((t) => {
    const term = analyzer.term(t.text);
    return term !== null && (asked.has(term) || [...asked].some((a) => a.length >= 5 && term.startsWith(a)));
  });
  if (!isAsked.some(Boolean)) return null;
  // Between two tokens: a clause break, or a word that opens another clause ("who", "while").
  const breaks = (k: number) =>
    CLAUSE_BREAK.test(text.slice(tokens[k]!.end, tokens[k + 1]!.start)) ||
    CLAUSE_WORD.test(tokens[k + 1]!.text);
  let best: Mention | null = null;
  let bestScore = 0;
  let i = 0;
  while (i < tokens.length) {
    if (isAsked[i] || CLAUSE_WORD.test(tokens[i]!.text)) {
      i++;
      continue;
    }
    // A run of unasked words, cut at clause breaks.
    let j = i;
    while (j + 1 < tokens.length && !isAsked[j + 1] && !breaks(j)) j++;
    const run = tokens.slice(i, j + 1);
    const content = run.filter((t) => analyzer.term(t.text) !== null).length;
    // follows: a matched word just before the run ("linked to ISIS…"); precedes: one just after.
    const follows = i > 0 && isAsked[i - 1] && !breaks(i - 1);
    const precedes = j + 1 < tokens.length && isAsked[j + 1] && !breaks(j);
    // What follows a matched word (its object, its complement) answers most often, what links
    // two of them ("the junta has shown hostility towards the foreign troops") more often still;
    // a run of one content word says too little unless it links two, a long one too much.
    // When the question word is the subject ("what has undermined…"), the answer precedes.
    const [after, before] = q.askedSubject ? [1.2, 2] : [2, 1.2];
    const place = follows && precedes ? 2.5 : follows ? after : precedes ? before : 0.5;
    const score = place * Math.min(content, 8) - (content > 14 ? 4 : 0);
    if ((content >= 2 || (content === 1 && follows && precedes)) && score > bestScore) {
      // Trim stop words off both ends.
      let a = 0;
      let b = run.length - 1;
      while (a < b && analyzer.term(run[a]!.text) === null) a++;
      while (b > a && analyzer.term(run[b]!.text) === null) b--;
      let start = run[a]!.start;
      const end = run[b]!.end;
      // A matched verb or adjective just before is kept with what it governs ("committed to
      // combating Islamist insurgencies"), so the answer reads as the passage's predicate.
      if (follows && !q.askedSubject && q.language === 'en') {
        const anchor = tokens[i - 1]!;
        const lemmas = english.lemmas(anchor.text);
        const predicate =
          /(?:ed|ing)$/.test(anchor.text) ||
          (lemmas.length > 0 && lemmas.every((l) => l.pos === 'a' || l.pos === 'v'));
        if (predicate) start = anchor.start;
      }
      // At most PHRASE_ANSWER_WORDS words: a phrase, not a paragraph; the words next to the
      // matched one are kept.
      const inRun = run.filter((t) => t.start >= start && t.end <= end);
      if (inRun.length > PHRASE_ANSWER_WORDS) {
        const kept =
          follows || !precedes ? inRun.slice(0, PHRASE_ANSWER_WORDS) : inRun.slice(-PHRASE_ANSWER_WORDS);
        let k1 = kept.length - 1;
        while (k1 > 0 && analyzer.term(kept[k1]!.text) === null) k1--;
        let k0 = 0;
        while (k0 < k1 && analyzer.term(kept[k0]!.text) === null) k0++;
        const s0 = follows || !precedes ? start : kept[k0]!.start;
        // A hyphenated word is not cut in two ("decade-long").
        let e0 = kept[k1]!.end;
        while (e0 < end && /[\p{L}\p{N}'\u2019-]/u.test(text[e0]!)) e0++;
        best = { start: s0, end: e0, text: text.slice(s0, e0) };
      } else best = { start, end, text: text.slice(start, end) };
      bestScore = score;
    }
    i = j + 1;
  }
  return best;
}

/** "until 2025", "till the end of the year", "until February": an end, for "how long". */
function untilMentions(text: string): Mention[] {
  return dateMentions(text).flatMap((m) => {
    const before = /\b(?:until|till|through|to)\s+(?:the\s+end\s+of\s+|at\s+least\s+)?$/i.exec(
      text.slice(Math.max(0, m.start - 30), m.start),
    );
    if (!before) return [];
    const start = m.start - before[0].length;
    return [{ start, end: m.end, text: text.slice(start, m.end) }];
  });
}

function strip(m: Mention, prefix: RegExp): Mention {
  const p = prefix.exec(m.text);
  if (!p) return m;
  return { start: m.start + p[0].length, end: m.end, text: m.text.slice(p[0].length) };
}

const DETERMINER = /^(?:the|a|an|its|their|his|her|this|that|these|those|some|several)$/i;
const NP_BREAK =
  /^(?:and|or|but|of|in|on|at|by|for|with|to|from|as|which|who|that|is|are|was|were|has|have|had|will|would|be|been|said|told)$/i;

/**
 * Words after a noun that introduce what it is: a name ("force called Takuba", "known as"), the
 * bodies it is tied to ("groups linked to ISIS"), its members ("projects in the areas of
 * education, health…", "such as", "including") or its content ("pledge to hold elections").
 * Each kind with what may stand inside the answer: a list keeps its commas.
 */
const COMPLEMENT: ReadonlyArray<{ re: RegExp; list?: boolean; content?: boolean }> = [
  { re: /^\s+(?:called|named|dubbed|known as)\s+/i },
  { re: /^\s+(?:linked|tied|affiliated|allied|loyal|belonging|close)\s+(?:to|with)\s+(?:the\s+)?/i },
  {
    re: /^,?\s+(?:such as|including|like|in the (?:areas?|fields?|sectors?|domains?) of|ranging from)\s+/i,
    list: true,
  },
  { re: /^\s+to\s+(?=[a-z])/, content: true },
];
/** Where a complement stops: a clause break, or a word that opens another clause. */
const COMPLEMENT_END =
  /[;:"\u201C\u201D\u2014\u2013]|\.(?:\s|$)|\s(?:who|which|that|while|whereas|but|after|before|when|because|as)\s/i;

/**
 * What the passage says the head noun at `end` is (see COMPLEMENT), to the end of its clause
 * and at most PHRASE_ANSWER_WORDS words; null when no such words follow it. An infinitive
 * counts only after a noun that can hold one ("pledge to…", "plan to…"; not "troops to…"): one
 * of whose commoner WordNet senses is an act, a communication or a cognition.
 */
function complementAfter(text: string, end: number, noun: string): Mention | null {
  const rest = text.slice(end, end + 400);
  for (const { re, list, content } of COMPLEMENT) {
    const m = re.exec(rest);
    if (!m) continue;
    if (content && ![...nounClasses(noun)].some((c) => CONTENT_CLASSES.has(c))) return null;
    const from = end + m[0].length;
    const tail = text.slice(from, from + 300);
    const stop = tail.search(list ? COMPLEMENT_END : new RegExp(`,|${COMPLEMENT_END.source}`, 'i'));
    let body = stop < 0 ? tail : tail.slice(0, stop);
    const ws = body.match(/\S+/g) ?? [];
    if (ws.length === 0) return null;
    if (ws.length > PHRASE_ANSWER_WORDS) body = ws.slice(0, PHRASE_ANSWER_WORDS).join(' ');
    body = body.replace(/[\s,]+$/, '');
    return { start: from, end: from + body.length, text: text.slice(from, from + body.length) };
  }
  return null;
}

/** WordNet noun classes whose nouns take an infinitive of their content: act, communication, cognition. */
const CONTENT_CLASSES: ReadonlySet<number> = new Set([4, 9, 10]);

/**
 * For "which X" questions, every mention of the head noun (or a word the question reaches it
 * by) is a candidate: a proper name right after it ("group Wagner", "Operation Serval") or right
 * before it ("Postimees daily"), else the noun phrase it ends ("ethnic-Tuareg separatist
 * movement"), else the word itself where it is not the question's own ("vote" → "elections").
 * The mention with the most question words around it wins ("the Russian private security group
 * Wagner" over "Support Group for Islam" for "which Russian group"); with none, the nearest
 * place or name (a country for "which country").
 */
function entityAnswer(text: string, q: QuestionAnalysis): Mention | null {
  const heads = new Set([...headStems(q, true), ...compoundHeads(q)]);
  const own = q.headNoun ? stem(q.headNoun) : null;
  // A head WordNet does not know, misspelt by one letter ("missons"), meets the word it misspells.
  const misspelt = own !== null && own.length >= 6 && english.lemmas(q.headNoun!).length === 0;
  for (const w of words(text)) if (misspelt && withinEdits(own, w.stem, 1)) heads.add(w.stem);
  const terms = new Set(q.terms);
  const ws = words(text);
  let best: Mention | null = null;
  let bestScore = -Infinity;
  const consider = (m: Mention, score: number) => {
    if (score > bestScore && !echoesQuestion(m.text, q)) {
      best = m;
      bestScore = score;
    }
  };
  const capitalised = (w: Word) => /^\p{Lu}/u.test(text.slice(w.start, w.end));
  const joined = (a: Word, b: Word) => /^\s+$/.test(text.slice(a.end, b.start));
  // A capitalised word that opens a sentence may be capitalised only for that.
  const sentenceOpens = (at: number) =>
    at === 0 || /[.!?]["\u201D]?\s*$/.test(text.slice(Math.max(0, at - 4), at));
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    if (!heads.has(w.stem)) continue;
    // A word reached through the question's expansions stands for the head only as a noun:
    // "states" reaches "said" through the verb "state", which names no state.
    if (w.stem !== own && !isNoun(text.slice(w.start, w.end))) continue;
    let support = 0;
    for (let j = Math.max(0, i - 4); j <= Math.min(ws.length - 1, i + 4); j++)
      if (j !== i && terms.has(ws[j]!.stem) && !heads.has(ws[j]!.stem)) support++;
    // The head inside a capitalised name ("Support Group for Islam and Muslims (JNIM)"): the
    // whole name is the answer.
    if (capitalised(w) && i > 0 && !sentenceOpens(ws[i]!.start)) {
      const name = nameAround(text, ws, i);
      if (name) consider(name, 3 + support);
    }
    // A proper name after the head: up to three capitalised words, no punctuation between.
    let k = i;
    while (k + 1 < ws.length && k - i < 3 && capitalised(ws[k + 1]!) && joined(ws[k]!, ws[k + 1]!)) k++;
    if (k > i) {
      const after = {
        start: ws[i + 1]!.start,
        end: ws[k]!.end,
        text: text.slice(ws[i + 1]!.start, ws[k]!.end),
      };
      // "the Russian private security group Wagner" for a question naming Wagner: this head is
      // the question's own thing, not the one asked for.
      if (echoesQuestion(after.text, q)) continue;
      consider(after, 3 + support);
    }
    // A proper name before it, kept with the head ("Barkhane force"), or names joined by "and"
    // ("EUTM and EUCAP missions").
    let b = i;
    while (b > 0 && i - b < 5 && !capitalised(w)) {
      const prev = ws[b - 1]!;
      // A possessive ("the EU's EUTM missions", "the US' chaotic withdrawal") owns the name, it is not part of it.
      const possessive = /['\u2019]s?$/.test(text.slice(prev.start, prev.end));
      if (capitalised(prev) && joined(prev, ws[b]!) && !possessive) b--;
      else if (
        b < i &&
        b > 1 &&
        /^(?:and|or)$/i.test(text.slice(prev.start, prev.end)) &&
        capitalised(ws[b - 2]!) &&
        joined(ws[b - 2]!, prev) &&
        joined(prev, ws[b]!)
      )
        b -= 2;
      // A question word between the name and the head ("Sabre special forces" for "which
      // special forces unit") is read past, if a name stands before it.
      else if (!capitalised(prev) && terms.has(prev.stem) && joined(prev, ws[b]!) && !possessive) b--;
      else break;
    }
    while (b < i && !capitalised(ws[b]!)) b++;
    if (b < i && !sentenceOpens(ws[b]!.start))
      consider({ start: ws[b]!.start, end: w.end, text: text.slice(ws[b]!.start, w.end) }, 3 + support);
    // A name set after it between commas, or closing the sentence, is its name in apposition
    // ("the UN's most dangerous peacekeeping mission, MINUSMA."); a name followed by more of
    // its clause ("the mission, France said") is not.
    const apposed =
      /^,\s+(\p{Lu}[\p{L}'\u2019-]*(?:\s+(?:(?:of|for|de|du|des|la|le|al)\s+)?\p{Lu}[\p{L}'\u2019-]*){0,4})(?=\s*(?:[.,;:)]|$))/u.exec(
        text.slice(w.end, w.end + 80),
      );
    if (apposed?.[1] && !capitalised(w)) {
      const at = w.end + apposed[0].length - apposed[1].length;
      consider({ start: at, end: at + apposed[1].length, text: apposed[1] }, 3.5 + support);
    }
    // A quoted phrase right before it says what kind it is ('"hostile and outrageous" remarks').
    const quotedBefore = /[\u201C"]([^\u201C\u201D"]{1,80})[\u201D"]\s+$/u.exec(
      text.slice(Math.max(0, w.start - 90), w.start),
    );
    if (quotedBefore?.[1]) {
      const at = w.start - quotedBefore[0].length + 1;
      consider({ start: at, end: at + quotedBefore[1].length, text: quotedBefore[1] }, 3 + support);
    }
    // What the passage says it is ("force called Takuba", "pledge to hold…", "groups linked to
    // ISIS…"): the words after it, before the phrase it ends.
    const complement = complementAfter(text, w.end, text.slice(w.start, w.end));
    if (complement && !echoesQuestion(complement.text, q)) consider(complement, 4 + support);
    // The phrase it ends, with a named place or body after "in" or "of" ("countries in the Gulf
    // of Guinea").
    const np = nounPhraseEndingAt(text, w.start, w.end, 3);
    // Several names listed there are taken whole ("the former French colonies of Mali, Chad,
    // and Burkina Faso").
    const of =
      /^\s+(?:in|of|from)\s+(?:the\s+)?\p{Lu}[\p{L}'\u2019-]*(?:\s+(?:of\s+)?\p{Lu}[\p{L}'\u2019-]*){0,3}(?:(?:,\s+(?:and\s+)?|\s+and\s+)\p{Lu}[\p{L}'\u2019-]*(?:\s+\p{Lu}[\p{L}'\u2019-]*){0,2}){0,6}/u.exec(
        text.slice(w.end, w.end + 120),
      );
    const phrase = of
      ? { start: np.start, end: w.end + of[0].length, text: text.slice(np.start, w.end + of[0].length) }
      : np;
    // "The village of Djallo" for "which village": the name is the answer.
    // So is it for "which former French colonies": the words before the head are the question's own.
    const named =
      of && w.stem === own && (np.start === w.start || echoesQuestion(np.text, q)) && /^\s+of\s/.test(of[0]);
    if (named) {
      const at = w.end + of[0].search(/\p{Lu}/u);
      consider(
        { start: at, end: w.end + of[0].length, text: text.slice(at, w.end + of[0].length) },
        3 + support,
      );
    } else if (np.start < w.start || of) consider(phrase, 1 + support);
    else if (w.stem !== own) consider(phrase, 0.5 + support);
  }
  if (best) return best;
  const country = own !== null && /^(?:countri|nation|state)$/.test(own);
  const byDistance = (ms: Mention[]) =>
    ms
      .filter((m) => !echoesQuestion(m.text, q))
      .sort((a, b) => distanceToTerms(text, a, q) - distanceToTerms(text, b, q));
  if (country) return byDistance(placeMentions(text).filter((p) => COUNTRIES.has(p.text)))[0] ?? null;
  // A head that names neither a place nor people ("intervention", "operation") is answered by
  // a name of several words that is no place ("Operation Serval"), before a place or a person.
  // A head WordNet does not know (misspelt: "vilage") says nothing of what it names.
  const head = q.headNoun !== null && nounClasses(q.headNoun).size > 0 ? q.headNoun : '';
  if (head !== '' && !namesPlace(head) && !namesPeople(head)) {
    const things = byDistance(namedThings(text));
    if (things[0]) return things[0];
  }
  return byDistance([...placeMentions(text), ...personMentions(text)])[0] ?? null;
}

/**
 * For a head noun the question qualifies by the word before it into a compound WordNet knows
 * ("which wire service"): the stems of the last words of that compound's synonyms in its first
 * sense ("news agency", "press agency" → "agency"), which a passage names it by.
 */
function compoundHeads(q: QuestionAnalysis): string[] {
  const head = q.headNoun;
  if (!head) return [];
  const at = q.words.findIndex((w) => w.text === head);
  const before = at > 0 ? q.words[at - 1]!.text : null;
  if (!before || STOP_WORDS.has(before)) return [];
  const wn = wordnet();
  const first = wn.entry(`${before}_${head}`, 'n')?.synsets[0];
  if (first === undefined) return [];
  return wn
    .synset(first, 'n')
    .words.filter((w) => w.includes('_'))
    .map((w) => stem(w.split('_').pop()!.toLowerCase()));
}

/**
 * True for a word WordNet knows as a noun in this very form or its plural ("countries",
 * "missions"; not "said", whose noun is "say").
 */
function isNoun(word: string): boolean {
  const w = word.toLowerCase();
  return english
    .lemmas(w)
    .some(
      (l) =>
        l.pos === 'n' &&
        (l.lemma === w ||
          w === `${l.lemma}s` ||
          w === `${l.lemma}es` ||
          (l.lemma.endsWith('y') && w === `${l.lemma.slice(0, -1)}ies`)),
    );
}

/**
 * Names of several capitalised words that are no place and do not open a sentence ("Operation
 * Serval", "Support Group for Islam and Muslims"): named things, events, bodies.
 */
function namedThings(text: string): Mention[] {
  const ws = words(text).slice(0, PHRASE_WORDS);
  const places = placeMentions(text);
  const people = personMentions(text);
  const out: Mention[] = [];
  for (let i = 0; i < ws.length; i++) {
    if (!/^\p{Lu}/u.test(text.slice(ws[i]!.start, ws[i]!.end))) continue;
    const name = nameAround(text, ws, i);
    if (!name) continue;
    const opens = /(?:^|[.!?]["\u201D]?\s+)$/.test(text.slice(Math.max(0, name.start - 3), name.start));
    // A person's full name ("Josep Borrell") is no named thing.
    const person = people.some((p) => p.text.includes(' ') && p.start < name.end && p.end > name.start);
    if (!opens && !person && !places.some((p) => p.start === name.start && p.end === name.end))
      out.push(name);
    i = firstEndingAfter(ws, name.end - 1);
  }
  return out;
}

/** Lower-case words that may stand inside a capitalised name ("Support Group for Islam and Muslims"). */
const NAME_LINK = /^(?:for|of|and|the|de|du|des|la|le|pour|et)$/;

/**
 * The capitalised name a word stands in: the run of capitalised words around it, joined by
 * spaces and a few linking words ("for", "of", "and"), with an acronym in brackets after it
 * ("Support Group for Islam and Muslims (JNIM)" → "Support Group for Islam and Muslims"); null
 * when the word stands alone.
 */
function nameAround(text: string, ws: readonly Word[], i: number): Mention | null {
  const cap = (k: number) => /^\p{Lu}/u.test(text.slice(ws[k]!.start, ws[k]!.end));
  const gap = (a: number, b: number) => /^\s+$/.test(text.slice(ws[a]!.end, ws[b]!.start));
  const link = (k: number) => NAME_LINK.test(text.slice(ws[k]!.start, ws[k]!.end));
  let a = i;
  while (a > 0 && i - a < 4 && gap(a - 1, a) && cap(a - 1)) a--;
  let b = i;
  for (;;) {
    if (b + 1 < ws.length && gap(b, b + 1) && cap(b + 1) && b - i < 6) b++;
    else if (
      b + 2 < ws.length &&
      gap(b, b + 1) &&
      gap(b + 1, b + 2) &&
      link(b + 1) &&
      cap(b + 2) &&
      b - i < 6
    )
      b += 2;
    else break;
  }
  if (a === b) return null;
  return { start: ws[a]!.start, end: ws[b]!.end, text: text.slice(ws[a]!.start, ws[b]!.end) };
}

/**
 * Where a definition's subject stands in a passage: as written, or as a capitalised run of as
 * many words each within one edit of the asked word (two for long words), so a misspelt name
 * ("delina goxo") finds the passage's ("Delina Goxho").
 */
function subjectIn(text: string, subject: string): { at: number; end: number } | null {
  const exact = comparable(text).indexOf(comparable(subject));
  if (exact >= 0) return { at: exact, end: exact + subject.length };
  const asked = subject.split(/\s+/).map((w) => comparable(w));
  const ws = words(text);
  for (let i = 0; i + asked.length <= ws.length; i++) {
    if (!/^\p{Lu}/u.test(text.slice(ws[i]!.start, ws[i]!.end))) continue;
    const fits = asked.every((a, k) => {
      const w = comparable(text.slice(ws[i + k]!.start, ws[i + k]!.end));
      return withinEdits(a, w, a.length > 6 ? 2 : 1);
    });
    if (fits) return { at: ws[i]!.start, end: ws[i + asked.length - 1]!.end };
  }
  return null;
}

/** For "what is X": the noun phrase X stands in apposition to, or that X modifies. */
function definitionAnswer(text: string, q: QuestionAnalysis): Mention | null {
  if (!q.subject) return null;
  const found = subjectIn(text, q.subject);
  if (!found) return null;
  const { at, end } = found;
  // "Support Group for Islam and Muslims (JNIM)": an acronym spelled out before it.
  const spelled = /((?<![\w-])[A-Z][A-Za-z']*(?:\s+(?:for|of|and|the|in|[A-Z][A-Za-z']*))*)\s*\($/.exec(
    text.slice(0, at),
  );
  if (spelled?.[1] && spelled[1].split(/\s+/).length >= 2) {
    const start = at - spelled[0].length;
    return { start, end: start + spelled[1].length, text: spelled[1] };
  }
  // "Olivier Salgado, the spokesman for the MINUSMA mission, told…": an apposition after a comma.
  const apposition = /^,\s+((?:(?:the|a|an)\s+)?[a-z][^,;.]{3,100}?),/.exec(text.slice(end));
  if (
    apposition?.[1] &&
    !/^(?:who|which|that|and|but|said|told|says|has|have|had|is|are|was|were|will|would)\b/.test(
      apposition[1],
    )
  ) {
    const start = end + apposition[0].indexOf(apposition[1]);
    return { start, end: start + apposition[1].length, text: apposition[1] };
  }
  // "EU foreign policy chief Josep Borrell": the title before a name says who they are.
  // Only for a person's name ("Who is Josep Borrell?"): before "MINUSMA", "the UN's" is no title.
  const personName = /^[A-Z][a-z][\w'’-]*(?:\s+[A-Z][\w'’-]*)+$/.test(text.slice(at, end));
  const titleWords = personName ? titleBefore(text, at).split(' ').filter(Boolean).length : 0;
  if (titleWords > 0) {
    const words = text.slice(0, at).trimEnd().split(/\s+/);
    const title = words.slice(-titleWords).join(' ');
    const start = text.lastIndexOf(title, at);
    if (start >= 0) return { start, end: start + title.length, text: title };
  }
  // "X peacekeeping mission in Mali": X modifies the phrase after it.
  const after = /^\s+((?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*)/.exec(text.slice(end));
  if (after?.[1]) {
    const phrase = after[1].split(/\s+/);
    const cut = phrase.findIndex((w) => NP_BREAK.test(w));
    const kept = (cut < 0 ? phrase : phrase.slice(0, cut)).join(' ');
    if (kept.split(' ').length >= 2) {
      const start = end + after[0].indexOf(kept);
      return { start, end: start + kept.length, text: kept };
    }
  }
  // "the UN's most dangerous peacekeeping mission, X": the phrase before the comma.
  const before = /((?:the|a|an)\s+[^,]{3,80}),\s*$/i.exec(text.slice(0, at));
  if (before?.[1]) {
    const start = at - before[0].length;
    return { start, end: start + before[1].length, text: before[1] };
  }
  return null;
}

/**
 * Passive causal markers ("tensions fuelled by dwindling resources", "a shift spurred by a
 * breakdown"), read for short answers (ranking reads CAUSE alone, as before).
 */
const CAUSED_BY =
  /\b(?:fuel(?:l)?ed|driven|caused|sparked|triggered|prompted|spurred|stoked|fanned|motivated|explained)\s+(?:largely\s+|partly\s+|mainly\s+)?by\s+/gi;

/** For "why": the phrase after a causal marker, up to the next comma or sentence end. */
function reasonAnswer(text: string, span = false): Mention | null {
  CAUSE.lastIndex = 0;
  const marks = [...text.matchAll(CAUSE), ...(span ? text.matchAll(CAUSED_BY) : [])].sort(
    (a, b) => a.index! - b.index!,
  );
  for (const m of marks) {
    const start = m.index! + m[0].length;
    // A reason is a phrase: 400 characters are plenty, and a passage of thousands of markers
    // would copy the rest of itself for each one.
    const rest = text.slice(start, start + 400);
    const stop = rest.search(/[,;]|\.(?:\s|$)|\s(?:and|but|which|who|while)\s/);
    const phrase = rest.slice(0, stop < 0 ? rest.length : stop).trim();
    const n = phrase.split(/\s+/).length;
    if (n >= 2 && n <= 14) return { start, end: start + phrase.length, text: phrase };
  }
  return null;
}

/**
 * How good an extracted answer is as an answer of the expected type, from 0 to 1: a full date
 * beats a weekday, a named thing beats a common noun phrase, a full name beats a surname.
 */
export function answerQuality(m: Mention, q: QuestionAnalysis): number {
  switch (q.answerType) {
    case 'date':
      return ((m as Mention & { specificity?: number }).specificity ?? 1) / 4;
    case 'entity':
      return /\p{Lu}/u.test(m.text) ? 1 : 0.5;
    case 'person':
      return m.text.includes(' ') ? 1 : 0.7;
    default:
      return 1;
  }
}

/**
 * A date answer as a reader should see it, and the date it stands for: the passage's words with
 * the date beside them when the words alone do not say it ("Monday (15 Aug 2022)", "last month
 * (Jul 2022)"), resolved against the article's publication date (corpus/dates.ts); the words
 * alone when they state the date or name a month ("2013", "April"; the resolved date, April
 * 2022 in a February article, is in `resolved`). A vague word the date resolver reads with the
 * words stays with them ("late January (c. Jan 2022)").
 */
export function dateAnswerText(
  m: Mention,
  passage: string,
  reference: DateReference,
  language: string,
): { text: string; resolved: ResolvedDate | null } {
  let words = m.text.replace(/\s+/g, ' ');
  const r = resolveDates(passage, reference, language).find((d) => d.start < m.end && d.end > m.start);
  if (!r) return { text: words, resolved: null };
  const vague = /^(?:early|late|mid-?|début|fin|mi-)\s*/iu.exec(r.words);
  if (vague && r.start < m.start && !/^(?:early|late|mid|début|fin|mi)/iu.test(words))
    words = `${vague[0]}${words}`;
  // A month named without its year ("in February") reads plainly enough; a weekday, "last
  // month" or a vague word does not until the day or month is given.
  const shown = RELATIVE_WORDS.test(r.words) || (r.approximate && vague !== null);
  return { text: shown ? `${words} (${formatResolved(r)})` : words, resolved: r };
}

/** Words whose date depends on the day they were written. */
const RELATIVE_WORDS =
  /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|tomorrow|last|next|this|ago|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|aujourd'hui|demain|dernier|derni\u00E8re|prochain|prochaine)\b/iu;

/** Words that say a clause does not hold ("not", "never", "no longer", "without", "-n't"). */
const NEGATION =
  /(?:^|[^\p{L}])(?:not|never|no|nor|neither|without|none)(?![\p{L}])|n['\u2019]t(?![\p{L}])/iu;
/**
 * Stems of words that reverse what they govern: denying, refusing, going back on or leaving a
 * thing says it does not (or no longer) hold ("denied that Russian mercenaries have been
 * deployed", "reneged on its pledge", "withdrawing its contingent").
 */
const REVERSAL = new Set(
  `deni deny refus reject reneg withdraw withdrawn withdrew abandon halt cancel quit leav left exit pull pullout
  fail stop scrap ceas suspend end expel expuls revers back-track backtrack dismiss rule-out`
    .split(/\s+/)
    .filter(Boolean),
);
/** Words that make a statement less than plain (an exception too: "…will leave, except…"): a yes or no is not read from it. */
const HEDGE =
  /(?:^|[^\p{L}])(?:may|might|could|likely|unlikely|possibly|perhaps|reportedly|allegedly|suspected|expected|rumou?red|unclear|whether|if|plans?|planned|would|except|excluding)(?![\p{L}])/iu;
/** French words that say a clause does not hold ("n'est pas", "jamais", "sans incident", "aucun"). */
const NEGATION_FR =
  /(?:^|[^\p{L}])(?:ne|pas|jamais|aucune?|sans|ni|non)(?![\p{L}])|(?:^|[^\p{L}])n['\u2019]/iu;
/** French hedges: a conditional, "probablement", "peut-être", a plan or a prospect ("envisagé", "prévu"). */
const HEDGE_FR =
  /(?:^|[^\p{L}])(?:pourrait|pourraient|devrait|devraient|serait|seraient|probablement|peut-[êe]tre|sans doute|possible|envisag\p{L}*|pr[ée]vu\p{L}*|si|sauf)(?![\p{L}])/iu;
/** Where a sentence turns to another clause: a contrast or a semicolon. */
const CLAUSE_TURN = /;|,?\s+(?:but|while|whereas|although|though|however)\s+|\.(?:\s|$)/giu;
/** Question words that accuse: what they ask is whether someone said the thing was done. */
const ACCUSING = /^(?:accus(?:e|es|ed|ing)|blam(?:e|es|ed|ing)|alleg(?:e|es|ed|ing))$/i;
/** Verbs by which a passage reports a thing as done ("an investigation has said…", "found"). */
const REPORTING = /^(?:said|says|say|found|finds|concluded|concludes|reported|reports|stated|states)$/i;
/** At most this many words of the passage follow a "Yes —" or "No —": a clause, not a paragraph. */
const YES_NO_WORDS = 12;

/** Verbs of saying after the one who says: "did the UN say…", "has Paris claimed…". */
const SAYING = /^(?:say|said|says|claim|claimed|claims|announce|announced|report|reported|admit|admitted)$/;
/** Of a question's terms, at least this share must stand in a clause for a plain yes. */
const YES_SHARE = 0.75;

/**
 * True when a clause covers a yes/no question's terms well enough for a plain "Yes": all of
 * them, or at least YES_SHARE of them (two at least) with every name among them: a word the
 * dictionary does not know ("Barkhane", "MINUSMA") or a place ("Canada", "Bamako"), and every
 * verb. A word of the question's own framing ("in the first place") may find no counterpart in
 * a passage that says the thing; who (also who said it), where and what was done must.
 */
function plainlyCovered(
  covered: ReadonlySet<string>,
  own: readonly string[],
  q: QuestionAnalysis,
  asked: ReadonlyArray<{ text: string; term: string | null }>,
): boolean {
  // "did bamako ask france to intervene in the first place?", "did norway send troops in the
  // end?": a closing phrase a preposition opens, of no name, frames the question; the passage
  // need not say it, so its words count neither for nor against the share.
  const framingEnd = closingFrame(asked, q);
  const core = own.filter((t) => !framingEnd.has(t) || covered.has(t));
  const met = core.filter((t) => covered.has(t)).length;
  if (met === core.length) return true;
  if (met < Math.max(2, Math.ceil(YES_SHARE * core.length))) return false;
  const names = new Set(core.filter((t) => !q.dictionary.has(t)));
  asked.forEach((w, i) => {
    const cap = w.text.charAt(0).toUpperCase() + w.text.slice(1);
    if (w.term && (COUNTRIES.has(cap) || OTHER_PLACES.has(cap))) names.add(w.term);
    // "did the UN say…": who said it must be the one the passage has say it.
    if (w.term && SAYING.test(asked[i + 1]?.text ?? '')) names.add(w.term);
  });
  // The asked act must be met: a word that reads as the question's verb may go unmet only
  // inside a phrase a preposition opens ("in the first place").
  const framing = (i: number) =>
    asked.slice(Math.max(0, i - 3), i).some((w) => /^(?:in|of|at|on|for|by|from|with)$/.test(w.text));
  asked.forEach((w, i) => {
    if (w.term && !framing(i) && readsAsVerb(asked, i)) names.add(w.term);
  });
  return [...names].every((t) => covered.has(t));
}

/** Auxiliaries and modals that open a yes/no question or stand before its verb. */
const YES_NO_AUX =
  /^(?:did|does|do|has|have|had|will|would|can|could|should|shall|may|might|must|didn|doesn|don|hasn|haven|hadn|won|wouldn|couldn|shouldn|to|not)$/;

/**
 * True when a yes/no question's word reads as its verb: WordNet knows it as a verb and not as
 * a noun, or in a verb's inflected form ("kicked", "keeping"), or right after an auxiliary, a
 * "to" or the subject of a question opened by "did", "has", "will"… ("did denmark pull out").
 * A word that is also a noun, standing as one ("does any piece say so", "the main base"), is no
 * verb the passage must say.
 */
function readsAsVerb(asked: ReadonlyArray<{ text: string; term: string | null }>, i: number): boolean {
  const word = asked[i]!.text;
  const lemmas = english.lemmas(word);
  if (!lemmas.some((l) => l.pos === 'v')) return false;
  if (!lemmas.some((l) => l.pos === 'n')) return true;
  if (/(?:ed|ing)$/.test(word) && lemmas.some((l) => l.pos === 'v' && l.lemma !== word)) return true;
  if (YES_NO_AUX.test(asked[i - 1]?.text ?? '')) return true;
  // "did denmark pull out", "has the un extended": the first word after the opening auxiliary
  // and the subject's words, where the subject is one or two words.
  if (!YES_NO_AUX.test(asked[0]?.text ?? '') || i < 2 || i > 4) return false;
  for (let k = 2; k < i; k++) if (english.lemmas(asked[k]!.text).some((l) => l.pos === 'v')) return false;
  return true;
}

/**
 * The terms of a yes/no question's closing phrase that frames it: a preposition among its last
 * four words, then words of which none is a name (a word WordNet does not know, a country, a
 * place): "in the first place", "in the end", "before all this".
 */
function closingFrame(
  asked: ReadonlyArray<{ text: string; term: string | null }>,
  q: QuestionAnalysis,
): Set<string> {
  for (let k = Math.max(1, asked.length - 4); k < asked.length - 1; k++) {
    if (!/^(?:in|at|before|after|for|by)$/.test(asked[k]!.text)) continue;
    const rest = asked.slice(k + 1);
    const named = rest.some((w) => {
      const cap = w.text.charAt(0).toUpperCase() + w.text.slice(1);
      return (
        (w.term !== null && !q.dictionary.has(w.term)) ||
        COUNTRIES.has(cap) ||
        OTHER_PLACES.has(cap) ||
        /^\p{N}/u.test(w.text)
      );
    });
    if (named) return new Set();
    return new Set(rest.map((w) => w.term).filter((t): t is string => t !== null));
  }
  return new Set();
}

/**
 * "Yes" or "No" for a yes/no question, with the clause of the passage that says so ("No — Mali's
 * military leaders have denied that Russian mercenaries have been deployed to the country"), or
 * null where the passage does not say so plainly. The clause holding most of the question's
 * words is read: a negation or a word that reverses what it governs ("denied", "reneged",
 * "withdrawing"; not one the question itself asks about) or a WordNet antonym of a question word
 * ("leave" for "stay") makes it a No; with none of these, every question word met and no hedge
 * ("likely", "would"), a Yes. Both a negation and a reversal, or a hedge, leave it unanswered.
 */
export function yesNoAnswer(text: string, q: QuestionAnalysis): Mention | null {
  // A French question is read in a French passage (extractAnswer keeps phrases to the question's language).
  const negation = q.language === 'fr' ? NEGATION_FR : NEGATION;
  // "did Norway end up sending troops", "Mali used to be a French colony": "end up" and "used
  // to" say when, not what; the passage need not say them.
  const aspect = new Set<number>();
  q.words.forEach((w, i) => {
    const next = q.words[i + 1]?.text;
    if (
      (/^(?:end|ends|ended|ending|wind|winds|wound)$/.test(w.text) && next === 'up') ||
      (w.text === 'used' && next === 'to')
    )
      aspect.add(i);
    // "mali used to be a french colony right?": the tag asks for confirmation, it is no topic.
    if (i === q.words.length - 1 && /^(?:right|correct|true)$/.test(w.text)) aspect.add(i);
  });
  const asked = q.words.filter((_, i) => !aspect.has(i));
  const own = [
    ...new Set(
      q.words
        .filter((_, i) => !aspect.has(i))
        .map((w) => w.term)
        .filter((t): t is string => t !== null),
    ),
  ];
  if (own.length === 0) return null;
  // A passage word covers the question term it is, or the one it was reached from.
  const covers = (s: string): string | null =>
    own.includes(s)
      ? s
      : (() => {
          const x = q.expansions.get(s);
          return x && x.via !== 'antonym' && own.includes(x.target) ? x.target : null;
        })();
  // An irregular form covers its lemma's term too ("left" → "leave").
  const coversWord = (w: Word): string | null => {
    const direct = covers(w.stem);
    if (direct) return direct;
    for (const l of english.lemmas(text.slice(w.start, w.end).toLowerCase())) {
      const t = covers(stem(l.lemma));
      if (t) return t;
    }
    return null;
  };
  // "Did France leave Mali?" asks about a leaving itself: there, a reversing word in the
  // passage ("left") is the asked act, not a reversal of it.
  const asksReversal = asked.some((w) => REVERSAL.has(stem(w.text)) || REVERSAL.has(w.text));
  // As far as PHRASE_WORDS words: a yes or no is read from a sentence, not from pages of one.
  const ws = (q.language === 'en' ? words(text) : analysedWords(text, q.language)).slice(0, PHRASE_WORDS);
  // Clauses: [start, end) offsets, split at contrasts, semicolons and sentence ends.
  const cuts = [0];
  for (const m of text.matchAll(CLAUSE_TURN)) cuts.push(m.index!, m.index! + m[0].length);
  cuts.push(text.length);
  let best: { start: number; end: number; covered: Set<string> } | null = null;
  for (let c = 0; c + 1 < cuts.length; c += 2) {
    const start = cuts[c]!;
    const end = cuts[c + 1]!;
    const covered = new Set<string>();
    const inClause = ws.filter((w) => w.start >= start && w.end <= end);
    inClause.forEach((w, k) => {
      const t = coversWord(w);
      if (t) covered.add(t);
      // "anti-Islamist" covers "anti" and "islamist": a question may write a compound apart.
      const raw = text.slice(w.start, w.end);
      if (raw.includes('-'))
        for (const part of raw.split('-')) {
          const c = part.length > 1 ? covers(stem(comparable(part))) : null;
          if (c) covered.add(c);
        }
      // "air strikes" covers "airstrikes", "pull out" "pullout": two words written as one.
      const next = inClause[k + 1];
      if (next && /^[\s-]$/.test(text.slice(w.end, next.start))) {
        const joined = covers(
          stem(comparable(text.slice(w.start, w.end) + text.slice(next.start, next.end))),
        );
        if (joined) covered.add(joined);
      }
    });
    // "has a UN probe accused French airstrikes of killing civilians": an accusation is a
    // report that the thing was done; a verb of saying or finding in the clause covers it.
    if (inClause.some((w) => REPORTING.test(text.slice(w.start, w.end))))
      for (const w of asked) if (w.term && ACCUSING.test(w.text)) covered.add(w.term);
    if (!best || covered.size > best.covered.size) best = { start, end, covered };
  }
  if (!best || best.covered.size < Math.min(2, own.length)) return null;
  const clauseWords = ws.filter((w) => w.start >= best!.start && w.end <= best!.end);
  const clause = text.slice(best.start, best.end);
  const negated = negation.test(clause);
  const reversed =
    !asksReversal &&
    clauseWords.some((w, k) => {
      if (coversWord(w) !== null) return false;
      const word = text.slice(w.start, w.end).toLowerCase();
      if (!REVERSAL.has(w.stem) && !REVERSAL.has(word)) return false;
      // "the withdrawing forces": a participle before a noun describes it, it asserts nothing.
      if (
        /(?:ing|ed)$/.test(word) &&
        /\b(?:the|a|an|its|their|his|her|some of the)\s+$/i.test(text.slice(0, w.start))
      )
        return false;
      // It reverses the asked thing only when that is its object or subject: a question word
      // among the four after it ("denied that Russian mercenaries") or the three before it; an
      // object clause after "the idea that", "claims that" is read as far ("rejected the idea
      // that France had failed").
      const that = clauseWords
        .slice(k + 1, k + 4)
        .findIndex((x) => text.slice(x.start, x.end).toLowerCase() === 'that');
      const reach = that >= 0 ? k + 2 + that + 4 : k + 5;
      const around = [...clauseWords.slice(k + 1, reach), ...clauseWords.slice(Math.max(0, k - 3), k)];
      return around.some((x) => coversWord(x) !== null);
    });
  const opposite = clauseWords.some(
    (w) => q.expansions.get(w.stem)?.via === 'antonym' && !own.includes(w.stem),
  );
  let verdict: 'Yes' | 'No' | null = null;
  if (negated !== (reversed || opposite)) verdict = best.covered.size * 2 >= own.length ? 'No' : null;
  else if (!negated && !reversed && !opposite && plainlyCovered(best.covered, own, q, asked)) verdict = 'Yes';
  if (!verdict) return null;
  // The words that settle it, at most YES_NO_WORDS of the clause: the window holding the
  // negation, reversal or antonym (for a No) and the most question words, connectives and
  // function words off its ends ("No — Denmark announced it was withdrawing its contingent of
  // elite soldiers in late January").
  const decisive = clauseWords.flatMap((w, k) => {
    const word = text.slice(w.start, w.end).toLowerCase();
    const settles =
      verdict === 'No' &&
      (negation.test(word) ||
        REVERSAL.has(w.stem) ||
        REVERSAL.has(word) ||
        q.expansions.get(w.stem)?.via === 'antonym');
    return settles ? [k] : [];
  });
  const weight = clauseWords.map((w) => (coversWord(w) !== null ? 1 : 0));
  // A settling word with a question word within three words of it (its subject or object:
  // "Norway has abandoned…") is the one that answers, of two in a sentence; a name it governs
  // ("Norway") more than a common noun ("contingent").
  const governs = (d: number) => {
    let g = 0;
    for (let k = Math.max(0, d - 3); k < Math.min(clauseWords.length, d + 4); k++)
      if (weight[k]! > 0) g = Math.max(g, /^\p{Lu}/u.test(text.slice(clauseWords[k]!.start)) ? 1 : 0.5);
    return g;
  };
  let first = 0;
  let bestScore = -1;
  for (let a = 0; a < Math.max(1, clauseWords.length - YES_NO_WORDS + 1); a++) {
    const inside = decisive.filter((d) => d >= a && d < a + YES_NO_WORDS);
    if (decisive.length > 0 && inside.length === 0) continue;
    let score = Math.max(0, ...inside.map(governs));
    for (let k = a; k < Math.min(clauseWords.length, a + YES_NO_WORDS); k++) score += weight[k]!;
    if (score > bestScore) {
      bestScore = score;
      first = a;
    }
  }
  // The window starts at its first question word or settling word, and runs on from there.
  const settling = decisive.filter((d) => d >= first && d < first + YES_NO_WORDS);
  const limit = settling.length > 0 ? Math.min(...settling) : clauseWords.length - 1;
  while (first < limit && weight[first] === 0) first++;
  // A name just before the settling word is its subject: the answer starts there ("No — Norway
  // has abandoned a planned deployment", not the clause about Denmark before it).
  const d0 = settling.length > 0 ? settling.reduce((a, b) => (governs(b) > governs(a) ? b : a)) : -1;
  for (let k = Math.max(first, d0 - 3); d0 >= 0 && k < d0; k++)
    if (weight[k]! > 0 && /^\p{Lu}/u.test(text.slice(clauseWords[k]!.start))) {
      first = k;
      break;
    }
  // …with the words that qualify it ("former French colonies", not "French colonies").
  const np = nounPhraseEndingAt(text, clauseWords[first]!.start, clauseWords[first]!.end, 2);
  while (first > 0 && clauseWords[first - 1]!.start >= np.start) first--;
  let last = Math.min(clauseWords.length, first + YES_NO_WORDS) - 1;
  // A clause that ends two words later is kept whole, and a name or date the window cuts is
  // finished ("…in late January", not "…in late").
  if (clauseWords.length - 1 - last <= 2) last = clauseWords.length - 1;
  for (let extra = 0; extra < 2 && last + 1 < clauseWords.length; extra++) {
    const next = text.slice(clauseWords[last + 1]!.start, clauseWords[last + 1]!.end);
    // A name after "and" opens the next clause ("… in late January and Norway has…"): no name is cut there.
    if (
      !/^[\p{Lu}\p{N}]/u.test(next) ||
      !/^\s+$/.test(text.slice(clauseWords[last]!.end, clauseWords[last + 1]!.start)) ||
      /^(?:and|or|but)$/i.test(text.slice(clauseWords[last]!.start, clauseWords[last]!.end))
    )
      break;
    last++;
  }
  const bare = (k: number) => text.slice(clauseWords[k]!.start, clauseWords[k]!.end).toLowerCase();
  while (first < last && /^(?:and|but|so|as|that|which|who)$/.test(bare(first))) first++;
  while (last > first && STOP_WORDS.has(bare(last)) && !negation.test(bare(last))) last--;
  const from = clauseWords[first]!.start;
  // Words quoted from inside a quotation end where it closes ("Il n'est pas envisagé de
  // transférer Takuba au Niger », a précisé l'État-major" → "… au Niger"): the attribution
  // after it settles nothing.
  const lead = text.slice(best.start, from);
  const opened = (lead.match(/[«\u201C]/gu)?.length ?? 0) > (lead.match(/[»\u201D]/gu)?.length ?? 0);
  const closes = opened ? text.slice(from, clauseWords[last]!.end).search(/[\s,.;:]*[»\u201D]/u) : -1;
  const to = closes > 0 ? from + closes : clauseWords[last]!.end;
  // A hedge makes a Yes less than plain where it stands before the words that settle it or among
  // them, not in a clause the sentence goes on to after them ("Denmark announced it was
  // withdrawing its contingent … and Norway has abandoned a planned deployment").
  if (verdict === 'Yes' && (q.language === 'fr' ? HEDGE_FR : HEDGE).test(text.slice(best.start, to)))
    return null;
  const said = text.slice(from, to);
  return { start: from, end: to, text: `${verdict} \u2014 ${said}` };
}

/**
 * For "how did X react", "how has X responded": the noun the passage makes of the asked verb
 * (WordNet's derivationally related form, as the question's expansions hold it: "react" →
 * "reaction") with the words that qualify it before ("prompting a furious reaction from Mali" →
 * "a furious reaction"): the manner is told by what qualifies the act. Null where the passage
 * holds no such noun.
 */
function mannerNounAnswer(text: string, q: QuestionAnalysis): Mention | null {
  if (q.words[0]?.text !== 'how') return null;
  const verbs = new Set(
    q.words
      .filter((w) => w.term !== null && english.lemmas(w.text).some((l) => l.pos === 'v'))
      .map((w) => w.term!),
  );
  const derived = new Set(
    [...q.expansions].filter(([, x]) => x.via === 'derived' && verbs.has(x.target)).map(([t]) => t),
  );
  if (derived.size === 0) return null;
  for (const w of words(text).slice(0, PHRASE_WORDS)) {
    const word = text.slice(w.start, w.end);
    if (!derived.has(w.stem) || !isNoun(word)) continue;
    const np = nounPhraseEndingAt(text, w.start, w.end, 2);
    // A bare noun tells no manner: only one with a word that qualifies it.
    if (np.start < w.start && /\p{L}/u.test(text.slice(np.start, w.start))) return np;
  }
  return null;
}

/**
 * For "what is X waiting for", "what is X waiting to get": the question's verb in -ing, where the
 * passage uses the same verb, with what follows it in its clause ("waiting for assurances from
 * Mali's junta"): what the question asks is its object. Null where the passage lacks the verb.
 */
function progressiveObjectAnswer(text: string, q: QuestionAnalysis): Mention | null {
  if (q.words[0]?.text !== 'what' || q.askedSubject) return null;
  // The -ing form of the question's predicate: after "is X", "are they", "was the bloc"…
  const be = q.words[1]?.text ?? '';
  const verb = /^(?:is|are|was|were|'s)$/.test(be)
    ? q.words.find(
        (w, i) =>
          i > 2 &&
          w.term !== null &&
          /ing$/.test(w.text) &&
          english.lemmas(w.text).some((l) => l.pos === 'v'),
      )
    : undefined;
  if (!verb) return null;
  const ws = words(text).slice(0, PHRASE_WORDS);
  const at = ws.findIndex((w) => text.slice(w.start, w.end).toLowerCase() === verb.text);
  if (at < 0 || at + 1 >= ws.length) return null;
  const clause = clauseFrom(text, ws, ws[at]!.start);
  // The verb alone answers nothing.
  return clause && clause.end > ws[at]!.end ? clause : null;
}

/**
 * What ranking reads for a "which X" question (whether a passage has a typed answer, and how
 * good): the first mention of the head noun with a proper name after it or a phrase before it,
 * else the nearest place or name.
 */
function firstEntity(text: string, q: QuestionAnalysis): Mention | null {
  const head = q.headNoun ? stem(q.headNoun) : null;
  const ws = words(text);
  if (head) {
    for (let i = 0; i < ws.length; i++) {
      if (ws[i]!.stem !== head) continue;
      const next = ws[i + 1];
      if (next && /^[A-Z]/.test(text.slice(next.start)) && text.slice(ws[i]!.end, next.start).trim() === '') {
        const m = { start: next.start, end: next.end, text: text.slice(next.start, next.end) };
        if (!echoesQuestion(m.text, q)) return m;
      }
      let j = i;
      while (j > 0 && i - j < 4) {
        const w = ws[j - 1]!;
        const word = text.slice(w.start, w.end);
        if (DETERMINER.test(word) || NP_BREAK.test(word) || /[,.;:]/.test(text.slice(w.end, ws[j]!.start)))
          break;
        j--;
      }
      if (j < i) {
        const m = { start: ws[j]!.start, end: ws[i]!.end, text: text.slice(ws[j]!.start, ws[i]!.end) };
        if (!echoesQuestion(m.text, q)) return m;
      }
    }
  }
  const candidates: Mention[] = [...placeMentions(text), ...personMentions(text)];
  const near = candidates.filter((m) => !echoesQuestion(m.text, q));
  near.sort((a, b) => distanceToTerms(text, a, q) - distanceToTerms(text, b, q));
  return near[0] ?? null;
}
