import type { QuestionAnalysis } from './question.js';
import {
  dateMentions,
  durationMentions,
  numberMentions,
  personMentions,
  placeMentions,
  placeMentionsOnce,
  titleBefore,
  type Mention,
} from './entities.js';
import { comparable } from '../text/normalize.js';
import { formatResolved, resolveDates, type DateReference, type ResolvedDate } from '../corpus/dates.js';
import { memoByText } from './memo.js';
import { english, englishStem as stem } from '../text/english.js';
import { tokenize } from '../text/tokenize.js';

/** Words that count the same things, so "how many troops" also reads "2,400 soldiers". */
const COUNT_NOUNS: Record<string, string[]> = {
  troop: ['troop', 'soldier', 'forc', 'personnel', 'militari', 'contingent'],
  soldier: ['soldier', 'troop', 'forc', 'personnel'],
  peopl: ['peopl', 'civilian', 'person', 'resid'],
  civilian: ['civilian', 'peopl'],
  mercenari: ['mercenari', 'fighter'],
};

function headStems(head: string | null): string[] {
  if (!head) return [];
  const s = stem(head);
  return COUNT_NOUNS[s] ?? [s];
}

/** Word tokens of a string with their offsets, for proximity measures. */
const words = memoByText(wordsUncached);

function wordsUncached(text: string): Array<{ start: number; end: number; stem: string }> {
  return [...text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'\u2019-]*/gu)].map((m) => ({
    start: m.index!,
    end: m.index! + m[0].length,
    stem: stem(comparable(m[0]).replace(/'s$/, '').replace(/'/g, '')),
  }));
}

/** The question's stems, once per question (echoesQuestion runs once per candidate mention). */
const questionStems = new WeakMap<QuestionAnalysis, { set: Set<string>; long: string[] }>();

/** True when every word of a mention already stands in the question: an echo, not an answer. */
function echoesQuestion(mention: string, q: QuestionAnalysis): boolean {
  let qs = questionStems.get(q);
  if (!qs) {
    const set = new Set(q.tokens.map((t) => stem(t)));
    qs = { set, long: [...set].filter((x) => x.length >= 4) };
    questionStems.set(q, qs);
  }
  const { set, long } = qs;
  const mt = tokenize(mention).map((t) => stem(t));
  return mt.length > 0 && mt.every((t) => set.has(t) || long.some((x) => t.startsWith(x) || x.startsWith(t)));
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
  /\b(?:kill(?:ed|ing|s)?|died|dies|die|dead|deaths?|wounded|injured|casualt(?:y|ies)|toll)\b/i;

/** A number that counts the question's head noun ("2,400 troops", "3000 French troops"). */
export interface CountValue extends Mention {
  value: number;
}

/**
 * Finds the count the passage gives for the question's head noun: a number followed within
 * three words by that noun (or a word that counts the same things), not a year, and not placed
 * by its clause in a place the question did not ask about.
 */
export function countFor(text: string, q: QuestionAnalysis): CountValue | null {
  const heads = headStems(q.headNoun);
  const ws = words(text);
  // Question and clause strings are short-lived: not memoised, so they do not pile up in caches.
  const qPlaces = new Set(
    placeMentionsOnce(q.tokens.join(' ').replace(/\b\w/g, (c) => c.toUpperCase())).map((p) => p.text),
  );
  let best: CountValue | null = null;
  let bestDist = Infinity;
  const askedCasualty = CASUALTY.test(q.tokens.join(' '));
  for (const n of numberMentions(text)) {
    if (n.value === null || n.isYear) continue;
    // The four words after the number (words are in order: found by position, not by a scan).
    let k = firstEndingAfter(ws, n.end);
    while (k < ws.length && ws[k]!.start < n.end) k++;
    const after = ws.slice(k, k + 4);
    const attached = heads.length > 0 && after.some((w) => heads.includes(w.stem));
    // "Of those, some 2,400 were stationed in Mali": a number standing for the noun named before it.
    const standsFor =
      heads.length > 0 &&
      /^\s+(?:were|are|was|is|will|would|remain(?:ed)?|have|had)\b/.test(text.slice(n.end)) &&
      ws.some((w) => w.end <= n.start && heads.includes(w.stem));
    if (heads.length > 0 && !attached && !standsFor) continue;
    const clause = clauseAround(text, n.start, n.end);
    const places = placeMentionsOnce(clause).map((p) => p.text);
    if (qPlaces.size > 0 && places.length > 0 && !places.some((p) => qPlaces.has(p))) continue;
    if (echoesQuestion(n.text, q)) continue;
    // A death toll is a different fact from a deployment count, and the other way round.
    const near = text.slice(Math.max(0, n.start - 25), n.end + 60);
    if (CASUALTY.test(near) !== askedCasualty) continue;
    const d = distanceToTerms(text, n, q);
    if (d < bestDist) {
      best = { start: n.start, end: n.end, text: n.text, value: n.value };
      bestDist = d;
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
export function extractAnswer(text: string, q: QuestionAnalysis, span = false): Mention | null {
  const pick = (ms: Mention[], score: (m: Mention) => number): Mention | null => {
    let best: Mention | null = null;
    let bestScore = -Infinity;
    for (const m of ms) {
      if (echoesQuestion(m.text, q)) continue;
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

  switch (q.answerType) {
    case 'number': {
      const c = countFor(text, q);
      if (c) return c;
      if (q.headNoun) return null;
      return pick(
        numberMentions(text).filter((n) => !n.isYear),
        near,
      );
    }
    case 'date': {
      // Prefer the date nearest the question's words, then the most specific one.
      return pick(
        dateMentions(text),
        (m) => (m as Mention & { specificity: number }).specificity * 40 + near(m),
      );
    }
    case 'duration':
      return pick(
        durationMentions(text).map((m) => strip(m, /^(?:over|for|within|in)\s+(?:a period of\s+)?/i)),
        near,
      );
    case 'person': {
      const people = personMentions(text);
      return pick(people, (m) => (m.text.includes(' ') ? 1000 : 0) + near(m));
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
      return pick(placeMentions(text), (m) => (anchored(m) ? 1e7 : 0) + near(m));
    }
    case 'entity':
      return entityAnswer(text, q) ?? (span ? novelSpan(text, q) : null);
    case 'definition':
      return definitionAnswer(text, q);
    case 'reason':
      return reasonAnswer(text) ?? (span ? novelSpan(text, q) : null);
    default:
      // A yes/no question gets no short answer unless the passage says yes or no plainly,
      // which this extractor does not judge.
      return span && !YES_NO_Q.test(q.words[0]?.text ?? '') ? novelSpan(text, q) : null;
  }
}

/** Questions answered by yes or no ("Did…", "Was…"). */
const YES_NO_Q =
  /^(?:did|does|do|is|was|were|are|has|have|had|will|would|can|could|should)(?:n't)?$|^(?:won't|can't|cannot)$/;

/** Characters that end a clause, for the spans of novelSpan. */
const CLAUSE_BREAK = /[,;:()[\]"\u201C\u201D\u2014\u2013]|\.(?:\s|$)/;

/**
 * For questions no typed extractor answers ("what did X say…", "what is stoking…"): the run of
 * words the question does not use that stands next to the words it does, within one clause
 * ("…come to secure their economic interests…"). The passage's new words beside the matched
 * ones are most often what the question asks for.
 */
export function novelSpan(text: string, q: QuestionAnalysis): Mention | null {
  const asked = new Set([...q.terms, ...q.expansions.keys()]);
  const tokens = english.tokens(text);
  const isAsked = tokens.map((t) => {
    const term = english.term(t.text);
    return term !== null && (asked.has(term) || [...asked].some((a) => a.length >= 5 && term.startsWith(a)));
  });
  if (!isAsked.some(Boolean)) return null;
  let best: Mention | null = null;
  let bestScore = 0;
  let i = 0;
  while (i < tokens.length) {
    if (isAsked[i]) {
      i++;
      continue;
    }
    // A run of unasked words, cut at clause breaks.
    let j = i;
    while (
      j + 1 < tokens.length &&
      !isAsked[j + 1] &&
      !CLAUSE_BREAK.test(text.slice(tokens[j]!.end, tokens[j + 1]!.start))
    )
      j++;
    const run = tokens.slice(i, j + 1);
    const content = run.filter((t) => english.term(t.text) !== null).length;
    const before =
      i > 0 && isAsked[i - 1] && !CLAUSE_BREAK.test(text.slice(tokens[i - 1]!.end, tokens[i]!.start));
    const after =
      j + 1 < tokens.length &&
      isAsked[j + 1] &&
      !CLAUSE_BREAK.test(text.slice(tokens[j]!.end, tokens[j + 1]!.start));
    // Beside a matched word counts most; a run of one content word says too little, a long one too much.
    const score = (before || after ? 2 : 0.5) * Math.min(content, 8) - (content > 14 ? 4 : 0);
    if (content >= 2 && score > bestScore) {
      // Trim stop words off both ends.
      let a = 0;
      let b = run.length - 1;
      while (a < b && english.term(run[a]!.text) === null) a++;
      while (b > a && english.term(run[b]!.text) === null) b--;
      const start = run[a]!.start;
      const end = run[b]!.end;
      best = { start, end, text: text.slice(start, end) };
      bestScore = score;
    }
    i = j + 1;
  }
  return best;
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
 * For "which X" questions: a proper name right after the head noun ("group Wagner"), else the
 * noun phrase that ends in the head noun ("ethnic-Tuareg separatist movement"), else the nearest
 * place or name.
 */
function entityAnswer(text: string, q: QuestionAnalysis): Mention | null {
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

/** For "what is X": the noun phrase X stands in apposition to, or that X modifies. */
function definitionAnswer(text: string, q: QuestionAnalysis): Mention | null {
  if (!q.subject) return null;
  const at = comparable(text).indexOf(comparable(q.subject));
  if (at < 0) return null;
  const end = at + q.subject.length;
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
  if (apposition?.[1] && !/^(?:who|which|that|and|but|said|told|says)\b/.test(apposition[1])) {
    const start = end + apposition[0].indexOf(apposition[1]);
    return { start, end: start + apposition[1].length, text: apposition[1] };
  }
  // "EU foreign policy chief Josep Borrell": the title before a name says who they are.
  // Only for a person's name ("Who is Josep Borrell?"): before "MINUSMA", "the UN's" is no title.
  const personName = /^[A-Z][a-z][\w'’-]*(?:\s+[A-Z][\w'’-]*)+$/.test(q.subject);
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

/** For "why": the phrase after a causal marker, up to the next comma or sentence end. */
function reasonAnswer(text: string): Mention | null {
  CAUSE.lastIndex = 0;
  for (const m of text.matchAll(CAUSE)) {
    const start = m.index! + m[0].length;
    const rest = text.slice(start);
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
