import { memoByText } from '../text/memo.js';
import { COUNTRIES, NOT_NAME_WORDS, OTHER_PLACES, TITLE_WORDS } from './gazetteer.js';
import { english } from '../text/english.js';
import { STOP_WORDS } from '../text/stopwords.js';
import { wordnet } from '../text/wordnet.js';

/** A typed span found in a passage; offsets are relative to the string searched. */
export interface Mention {
  start: number;
  end: number;
  text: string;
}

const CAP_WORD = String.raw`[A-Z][\p{Ll}\p{Lu}'\u2019-]*[\p{L}]`;
const NAME_PARTICLE = '(?:de|da|del|van|von|bin|ibn|al|el|la|le)';
const CAP_SEQUENCE = new RegExp(String.raw`${CAP_WORD}(?:\s+(?:${NAME_PARTICLE}\s+)?${CAP_WORD})*`, 'gu');

/** A person's name with the title words before it stripped ("French President Emmanuel Macron" → "Emmanuel Macron"). */
export interface PersonMention extends Mention {
  /** The name alone. */
  name: string;
  /** The title words that preceded the name, lower case ("french president"), or "". */
  title: string;
}

function isNameWord(word: string): boolean {
  const bare = word.replace(/['\u2019]s$/, '');
  if (NOT_NAME_WORDS.has(word) || NOT_NAME_WORDS.has(bare)) return false;
  if (TITLE_WORDS.has(bare.toLowerCase())) return false;
  if (COUNTRIES.has(bare) || OTHER_PLACES.has(bare)) return false;
  if (/^[\p{Lu}]{2,}$/u.test(bare)) return false; // acronyms name bodies, not people
  return /^[\p{Lu}][\p{Ll}'\u2019-]/u.test(word) || /^[\p{Lu}][\p{Lu}][\p{Ll}]/u.test(word);
}

/**
 * Finds people's names: runs of two to four capitalised words that are not places, titles,
 * months, days or organisation words, with any title in front recorded separately. Single
 * capitalised words are returned too (flagged by a one-word `name`) so surnames can be resolved
 * against full names seen elsewhere.
 */
function personMentionsUncached(text: string): PersonMention[] {
  const out: PersonMention[] = [];
  const places = placeMentions(text);
  // Names come in text order, as do places: one pointer finds the places a name could overlap.
  let place = 0;
  for (const m of text.matchAll(CAP_SEQUENCE)) {
    const words = m[0].split(/\s+/);
    const offsets: number[] = [];
    let pos = m.index!;
    for (const w of words) {
      pos = text.indexOf(w, pos);
      offsets.push(pos);
      pos += w.length;
    }
    // Title words before the name (lower- or upper-case) are read back from the text.
    let first = 0;
    while (first < words.length && !isNameWord(words[first]!)) first++;
    let last = first;
    while (
      last < words.length &&
      (isNameWord(words[last]!) || /^(?:de|da|del|van|von|bin|ibn|al|el|la|le)$/.test(words[last]!))
    )
      last++;
    if (first >= words.length || last - first > 4) continue;
    const nameWords = words.slice(first, last);
    // A lone capitalised word that opens a sentence is usually not a name.
    const start = offsets[first]!;
    const end = offsets[last - 1]! + words[last - 1]!.length;
    while (place < places.length && places[place]!.end <= start) place++;
    if (place < places.length && places[place]!.start < end) continue;
    const before = text.slice(Math.max(0, start - 40), start);
    if (nameWords.length === 1 && (start === 0 || /[.!?]["\u201D]?\s*$/.test(before))) continue;
    const name = nameWords.join(' ').replace(/['\u2019]s$/, '');
    out.push({ start, end: start + name.length, text: name, name, title: titleBefore(text, start) });
  }
  return out;
}

/**
 * Reads the run of title words just before a name ("EU foreign policy chief", "Germany's Defense
 * Minister"), lower case, or "" when the name has no title.
 */
export function titleBefore(text: string, start: number): string {
  const words = text
    .slice(Math.max(0, start - 80), start)
    .split(/\s+/)
    .filter(Boolean);
  const title: string[] = [];
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i]!;
    const bare = w.replace(/['\u2019]s$/, '').toLowerCase();
    const isTitle =
      TITLE_WORDS.has(bare) ||
      /^[A-Z]{2,4}$/.test(w) ||
      /^[A-Z][a-z]+(?:an|ish|ese|i|ch)$/.test(w) ||
      (/['\u2019]s$/.test(w) && /^[A-Z]/.test(w));
    if (!isTitle) break;
    title.unshift(w.toLowerCase());
  }
  return title.join(' ');
}

/** Thousands set apart by full stops, as French and German write them ("5.000", "2.500"). */
const DOT_THOUSANDS = String.raw`\d{1,3}(?:\.\d{3})+(?![\d,.])(?!\s*(?:%|percent|per cent|pour cent))`;
const QUALIFIER = String.raw`(?:(?:some|about|around|roughly|approximately|nearly|almost|close to|more than|over|under|fewer than|less than|at least|up to|an estimated|a total of(?: about)?)\s+)?`;
/**
 * "2,400", "2.5", and French thousands set apart by a space ("2 400", with the no-break or
 * narrow no-break space French typography uses, or a plain one) or by a full stop ("5.000",
 * "13.000": groups of exactly three figures, not before a per cent): read as one number, not as
 * "2" and "400" or 5.
 */
const NUMBER = String.raw`\d{1,3}(?:,\d{3})+|\d{1,3}(?:[\u00A0\u202F ]\d{3})+(?![\d,.])|${DOT_THOUSANDS}|\d+(?:\.\d+)?`;
const UNITS = 'one|two|three|four|five|six|seven|eight|nine';
const TEENS = 'ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';
const TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
const SCALES = 'dozen|hundred|thousand|million|billion';
/** One number word or a hyphenated compound ("forty-eight"); a bare "one" is left out (too often a pronoun). */
const WORD = `(?:(?:${TENS})(?:-(?:${UNITS}))?|${TEENS}|(?:${UNITS}))`;
/** A written-out number: "two hundred", "several hundred", "three thousand five hundred", "dozens". */
const NUMBER_WORDS_ONE = String.raw`(?:(?!one\b)${WORD}(?:\s+(?:and\s+)?(?:${WORD}|${SCALES}))*|(?:a|one|several|a few)\s+(?:${SCALES})(?:\s+(?:and\s+)?(?:${WORD}|${SCALES}))*|dozens|hundreds|thousands|millions)`;
/**
 * Number words, also as a range ("four to six", "two or three"), and plural fractions ("two
 * thirds", "three quarters": a singular "a third" is as often an ordinal, "a third country").
 */
const NUMBER_WORDS = String.raw`(?:(?:${UNITS})\s+(?:thirds|quarters|fifths)|${NUMBER_WORDS_ONE}(?:\s+(?:to|or)\s+${NUMBER_WORDS_ONE})?)`;
/**
 * French counts as French pages write them: a qualifier ("environ", "près de", "jusqu'à"), a
 * range with "à" ("800 à 900"), number words ("quatre", "vingt-deux", "deux cents", "trois
 * mille") and round amounts ("une dizaine", "une centaine", "des milliers"). Written out by hand:
 * the number-word packages on npm (words-to-numbers and the like) read English only, and the
 * words are a small closed class. A bare "un"/"une" is left out (an article as often as a count).
 */
const FR_QUALIFIER = String.raw`(?:(?:environ|pr[èe]s\s+de|plus\s+de|moins\s+de|quelque|au\s+moins|pas\s+moins\s+de|jusqu['\u2019][àa]|au\s+total|un\s+total\s+de)\s+)?`;
/** A French qualifier that must be there: before a bare figure, English's reading is the same. */
const FR_QUALIFIER_ONLY = FR_QUALIFIER.replace(/\)\?$/, ')');
const FR_UNITS = 'deux|trois|quatre|cinq|six|sept|huit|neuf';
const FR_TEENS = 'dix|onze|douze|treize|quatorze|quinze|seize|dix-sept|dix-huit|dix-neuf';
const FR_TENS = 'vingt|trente|quarante|cinquante|soixante|soixante-dix|quatre-vingts?|quatre-vingt-dix';
const FR_SCALES = 'cents?|mille|millions?|milliards?';
const FR_WORD = String.raw`(?:(?:${FR_TENS})(?:-(?:${FR_TEENS}|${FR_UNITS})|\s+et\s+(?:un|une|onze))?|${FR_TEENS}|${FR_UNITS})`;
const FR_ROUND =
  'dizaine|douzaine|quinzaine|vingtaine|trentaine|quarantaine|cinquantaine|soixantaine|centaine|millier';
const FR_NUMBER_WORDS_ONE = String.raw`(?:(?:${FR_WORD})(?:\s+(?:${FR_WORD}|${FR_SCALES}))*|(?:cent|mille)(?:\s+(?:${FR_WORD}|${FR_SCALES}))*|(?:une?)\s+(?:${FR_ROUND})|des\s+(?:dizaines|centaines|milliers))`;
/** French number words, also as a range ("quatre à six", "deux ou trois"), and plural fractions ("deux tiers", "trois quarts"). */
const FR_NUMBER_WORDS = String.raw`(?:(?:${FR_UNITS})\s+(?:tiers|quarts|cinqui[èe]mes)|${FR_NUMBER_WORDS_ONE}(?:\s+(?:[àa]|ou)\s+${FR_NUMBER_WORDS_ONE})?)`;
/**
 * English counts: a qualifier, then figures (a range, "48 of the 53", a scale or per cent) or
 * number words. One source for both patterns below, so the English reading cannot drift apart
 * between a text with a French word and one without.
 */
const ENGLISH_COUNT = String.raw`${QUALIFIER}(?:(?:${NUMBER})(?:\s*(?:to|-|\u2013)\s*(?:${NUMBER}))?(?:\s+(?:of\s+the|of|out\s+of)\s+(?:${NUMBER}))?(?:\s*(?:million|billion|percent|per cent|%))?|${NUMBER_WORDS})\b`;
/**
 * French counts: a range with "à", number words (not "per cent", nor "Sept. 12" or "Sept 2022", the
 * English month), a figure after a French qualifier, "entre X et Y".
 */
const FRENCH_COUNT = String.raw`${FR_QUALIFIER}(?:(?!(?:19|20)\d{2}\s)(?:${NUMBER})\s+[àa]\s+(?:${NUMBER})|(?<!per\s)(?!sept\.?\s+\d)${FR_NUMBER_WORDS})(?![\p{L}\p{N}])|${FR_QUALIFIER_ONLY}(?:${NUMBER})(?![\p{L}\p{N}])|entre\s+(?!(?:19|20)\d{2}\s)(?:${NUMBER})\s+et\s+(?:${NUMBER})(?![\p{L}\p{N}])`;
/** Counts in either language; at one position the English reading is tried first. */
const NUMBER_RE = new RegExp(String.raw`\b(?:${ENGLISH_COUNT}|${FRENCH_COUNT})`, 'giu');
/** The English counts alone: NUMBER_RE is slower, and only a text with a French word below needs it. */
const ENGLISH_NUMBER_RE = new RegExp(String.raw`\b${ENGLISH_COUNT}`, 'gi');
/**
 * Every French count NUMBER_RE reads holds one of these (an accented letter for "à", "près",
 * "jusqu'à"), and no English word does: "plus" and "total" only in their French phrases, "cent"
 * not after "per", "sept" not as the month. A French count that holds none of them ("six",
 * "2 millions") reads the same as English, so its text needs no French pattern.
 */
const FRENCH_COUNT_HINT =
  /[àâèéêîôû]|\b(?:environ|plus\s+de|moins|quelque|au\s+total|total\s+de|jusqu['\u2019]a|entre|deux|trois|quatre|cinq|sept(?!\.?\s+\d)|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingts?|trente|quarante|cinquante|soixante|(?<!per\s)cent|mille|milliards?|dizaines?|douzaine|quinzaine|vingtaine|trentaine|quarantaine|cinquantaine|soixantaine|centaines?|milliers?)\b/i;

/** Whether a text may hold a count only the French patterns read (see FRENCH_COUNT_HINT). */
export function mayHoldFrenchCount(text: string): boolean {
  return FRENCH_COUNT_HINT.test(text);
}

const WORD_VALUES: Record<string, number> = Object.fromEntries([
  ...UNITS.split('|').map((w, i) => [w, i + 1]),
  ...TEENS.split('|').map((w, i) => [w, i + 10]),
  ...TENS.split('|').map((w, i) => [w, (i + 2) * 10]),
  ['a', 1],
  // Indefinite amounts, read as their usual lower bound for comparison.
  ['several', 3],
  ['few', 3],
]);
const SCALE_VALUES: Record<string, number> = {
  dozen: 12,
  hundred: 100,
  thousand: 1_000,
  million: 1_000_000,
  billion: 1e9,
};
const PLURAL_VALUES: Record<string, number> = { dozens: 24, hundreds: 200, thousands: 2000, millions: 2e6 };

/**
 * The value of a written-out number ("two hundred" 200, "several hundred" 300, "forty-eight"
 * 48, "three thousand five hundred" 3500), or null when the words are no number.
 */
export function wordNumberValue(words: string): number | null {
  // "four to six": a range is compared by its lower end; "two thirds" is a fraction.
  const fraction = /^(\w+)\s+(thirds|quarters|fifths)$/i.exec(words.trim());
  if (fraction) {
    const n = WORD_VALUES[fraction[1]!.toLowerCase()];
    return n === undefined
      ? null
      : n / { thirds: 3, quarters: 4, fifths: 5 }[fraction[2]!.toLowerCase() as 'thirds'];
  }
  const parts = words
    .replace(/\s+(?:to|or)\s+.*$/i, '')
    .toLowerCase()
    .split(/[\s-]+/)
    .filter((w) => w !== 'and');
  if (parts.length === 1 && PLURAL_VALUES[parts[0]!] !== undefined) return PLURAL_VALUES[parts[0]!]!;
  let total = 0;
  let current = 0;
  let seen = false;
  for (const w of parts) {
    const unit = Object.hasOwn(WORD_VALUES, w) ? WORD_VALUES[w]! : undefined;
    const scale = Object.hasOwn(SCALE_VALUES, w) ? SCALE_VALUES[w]! : undefined;
    if (unit !== undefined) current += unit;
    else if (scale === 100) current = (current || 1) * 100;
    else if (scale !== undefined) {
      total += (current || 1) * scale;
      current = 0;
    } else return null;
    seen = true;
  }
  return seen ? total + current : null;
}

const FR_VALUES: Record<string, number> = Object.fromEntries([
  ...FR_UNITS.split('|').map((w, i) => [w, i + 2]),
  ...'dix onze douze treize quatorze quinze seize'.split(' ').map((w, i) => [w, i + 10]),
  ...'vingt trente quarante cinquante soixante'.split(' ').map((w, i) => [w, (i + 2) * 10]),
  ['un', 1],
  ['une', 1],
  ['et', 0],
]);
const FR_ROUND_VALUES: Record<string, number> = {
  dizaine: 10,
  douzaine: 12,
  quinzaine: 15,
  vingtaine: 20,
  trentaine: 30,
  quarantaine: 40,
  cinquantaine: 50,
  soixantaine: 60,
  centaine: 100,
  millier: 1000,
  // Indefinite plurals, read as their usual lower bound, as "dozens", "hundreds" are.
  dizaines: 24,
  centaines: 200,
  milliers: 2000,
};

/**
 * The value of French number words ("quatre" 4, "quatre-vingt-dix" 90, "deux cents" 200, "trois
 * mille" 3000, "une dizaine" 10), or null when the words are no French number.
 */
export function frenchWordValue(words: string): number | null {
  // "quatre à six": a range is compared by its lower end; "deux tiers" is a fraction.
  const fraction = /^(\S+)\s+(tiers|quarts|cinqui[èe]mes)$/iu.exec(words.trim());
  if (fraction) {
    const n = FR_VALUES[fraction[1]!.toLowerCase()];
    const of = fraction[2]!.toLowerCase();
    return n === undefined ? null : n / (of === 'tiers' ? 3 : of === 'quarts' ? 4 : 5);
  }
  const parts = words
    .replace(/\s+(?:[àa]|ou)\s+.*$/iu, '')
    .toLowerCase()
    .split(/[\s-]+/);
  if (parts.length === 2 && /^(?:une?|des)$/.test(parts[0]!) && FR_ROUND_VALUES[parts[1]!] !== undefined)
    return FR_ROUND_VALUES[parts[1]!]!;
  let total = 0;
  let current = 0;
  let seen = false;
  for (let i = 0; i < parts.length; i++) {
    const w = parts[i]!;
    // "quatre-vingt(s)": four twenties.
    if (w === 'quatre' && /^vingts?$/.test(parts[i + 1] ?? '')) {
      current += 80;
      i++;
    } else if (Object.hasOwn(FR_VALUES, w)) current += FR_VALUES[w]!;
    else if (/^cents?$/.test(w)) current = (current || 1) * 100;
    else if (w === 'mille') {
      total += (current || 1) * 1000;
      current = 0;
    } else if (/^millions?$/.test(w)) {
      total += (current || 1) * 1_000_000;
      current = 0;
    } else if (/^milliards?$/.test(w)) {
      total += (current || 1) * 1e9;
      current = 0;
    } else return null;
    seen = true;
  }
  return seen ? total + current : null;
}

/** A number in text, with its qualifier ("close to 3000") and numeric value for comparison. */
export interface NumberMention extends Mention {
  value: number | null;
  /** True for a bare four-digit year (1900–2099) with no qualifier. */
  isYear: boolean;
}

/** DOT_THOUSANDS at the first figure of a number mention. */
const DOT_THOUSANDS_AT = new RegExp(`^${DOT_THOUSANDS}`);

/** Finds counts and amounts, including qualified ones ("some 2,400", "48 of the 53", "700 to 1,000"). */
function numberMentionsUncached(text: string): NumberMention[] {
  const out: NumberMention[] = [];
  for (const m of text.matchAll(mayHoldFrenchCount(text) ? NUMBER_RE : ENGLISH_NUMBER_RE)) {
    const raw = m[0];
    // Read in the text, not the mention alone: "1.250%" is a decimal before its per cent sign.
    const at = raw.search(/\d/);
    const dotted =
      at < 0 ? null : DOT_THOUSANDS_AT.exec(text.slice(m.index! + at, m.index! + raw.length + 12));
    const digits = dotted ?? /\d(?:[\d,]|[\u00A0\u202F ](?=\d{3}(?![\d,.])))*(?:\.\d+)?/.exec(raw);
    let value = digits ? Number(digits[0].replace(dotted ? /\./g : /[,\u00A0\u202F ]/g, '')) : null;
    if (value === null) value = frenchWordValue(raw.replace(new RegExp(`^${FR_QUALIFIER}`, 'iu'), ''));
    if (value === null)
      value = wordNumberValue(
        raw.replace(
          /^(?:some|about|around|roughly|approximately|nearly|almost|close to|more than|over|under|fewer than|less than|at least|up to|an estimated|a total of(?: about)?)\s+/i,
          '',
        ),
      );
    else if (/\bmillion\b/i.test(raw)) value *= 1_000_000;
    else if (/\bbillion\b/i.test(raw)) value *= 1e9;
    const isYear = /^(?:19|20)\d{2}$/.test(raw);
    out.push({ start: m.index!, end: m.index! + raw.length, text: raw, value, isYear });
  }
  return out;
}

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
const DAYS = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';
const FR_MONTHS =
  'janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre';
const FR_DAYS = 'lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche';
const DATE_PATTERNS: Array<[RegExp, number]> = [
  [
    new RegExp(String.raw`\b(?:(?:${DAYS}),?\s+)?(?:${MONTHS})\s+\d{1,2}(?:-\d{1,2})?(?:,?\s+\d{4})?\b`, 'g'),
    4,
  ],
  [new RegExp(String.raw`\b(?:(?:${DAYS}),?\s+)?\d{1,2}\s+(?:${MONTHS})(?:\s+\d{4})?\b`, 'g'), 4],
  [new RegExp(String.raw`\b(?:${MONTHS})\s+\d{4}\b`, 'g'), 3],
  [
    new RegExp(
      String.raw`\b(?:(?:last|next|on|this)\s+)?(?:${DAYS})(?:\s+(?:morning|afternoon|evening|night))?\b`,
      'g',
    ),
    2,
  ],
  [/\b(?:in|since|until|by|from)\s+((?:19|20)\d{2})\b/g, 2],
  [
    new RegExp(
      String.raw`\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Ll]ast|[Nn]ext|[Ee]arly|[Ll]ate|[Mm]id-)\s*(?:${MONTHS})\b`,
      'g',
    ),
    1,
  ],
  [/\b(?:today|yesterday|last (?:week|month|year)|this week)\b/gi, 1],
  // French: "lundi 13 juin", "1er août 2014", "juin 2022", "en 2018", "fin 2019" (months and
  // days in lower case, as French writes them).
  [
    new RegExp(
      String.raw`\b(?:(?:${FR_DAYS})\s+)?(?:1er|\d{1,2})\s+(?:${FR_MONTHS})(?![\p{L}])(?:\s+\d{4})?`,
      'giu',
    ),
    4,
  ],
  [new RegExp(String.raw`\b(?:${FR_MONTHS})\s+(?:19|20)\d{2}\b`, 'giu'), 3],
  [/\b(?:en|depuis|fin|d[ée]but|mi-)\s*((?:19|20)\d{2})\b/giu, 2],
];

/** A date expression with how specific it is (4: day and month; 1: relative or month only). */
export interface DateMention extends Mention {
  specificity: number;
}

/** Finds date expressions, most specific first where they overlap. */
function dateMentionsUncached(text: string): DateMention[] {
  const found: DateMention[] = [];
  for (const [re, specificity] of DATE_PATTERNS) {
    for (const m of text.matchAll(re)) {
      let start = m.index!;
      let raw = m[0];
      if (m[1] !== undefined && /^\d{4}$/.test(m[1])) {
        start += raw.indexOf(m[1]);
        raw = m[1];
      }
      raw = raw.replace(/^(?:on|in|since|until|by|from|early|late|mid-)\s*/i, (p) => {
        start += p.length;
        return '';
      });
      const end = start + raw.length;
      if (found.some((f) => start < f.end && end > f.start)) continue;
      found.push({ start, end, text: raw, specificity });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Finds durations ("several months", "nine years", "a period of several months"). */
function durationMentionsUncached(text: string): Mention[] {
  return [...text.matchAll(DURATION_EN), ...text.matchAll(DURATION_FR)]
    .sort((a, b) => a.index! - b.index!)
    .map((m) => ({ start: m.index!, end: m.index! + m[0].length, text: m[0] }));
}

/** "over a period of several months", "nine years", "four to six months". */
const DURATION_EN =
  /\b(?:(?:over|for|within|in)\s+)?(?:a period of\s+)?(?:several|a few|a couple of|many|(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty|thirty)(?:\s*(?:to|or|-|\u2013)\s*(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty|thirty))?)\s+(?:hours?|days?|weeks?|months?|years?|decades?)\b/gi;
/** French: "soixante-douze heures", "un délai de 4 à 6 mois", "quatre à six mois", "plus de neuf ans", "72H". */
const DURATION_FR =
  /\b(?:(?:pendant|sous|dans|en|depuis)\s+)?(?:un d[ée]lai de\s+)?(?:(?:plus de|moins de|pr[èe]s de|environ|quelque|au moins)\s+)?(?:\d+\s*[hH](?![\p{L}\p{N}])|(?:\d+(?:\s*(?:à|a|-)\s*\d+)?|(?:un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt|trente|quarante|cinquante|soixante(?:-(?:douze|dix))?)(?:\s+(?:à|a|ou)\s+(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt|trente|quarante|cinquante|soixante(?:-(?:douze|dix))?))?|quelques|plusieurs)\s+(?:heures?|jours?|semaines?|mois|ans|ann[ée]es?)(?![\p{L}]))/giu;

/**
 * The most words any known place name has ("Central African Republic": 3). No longer sub-run
 * can be a place, so the scan below tries at most this many spans from each word: linear in the
 * text however long a run of capitalised words it holds (an unbounded scan of every sub-run was
 * cubic: seconds for one 300-word question).
 */
const MAX_PLACE_WORDS = Math.max(...[...COUNTRIES, ...OTHER_PLACES].map((p) => p.split(/\s+/).length));

/** The words of a capitalised run with their offsets in the text searched. */
function wordsAt(run: string, at: number): Array<{ word: string; start: number }> {
  return [...run.matchAll(/\S+/g)].map((w) => ({ word: w[0], start: at + w.index! }));
}

/** Finds places: known countries, regions and capitals, longest first. */
function placeMentionsUncached(text: string): Mention[] {
  const lakes: Mention[] = [];
  for (const m of text.matchAll(/\b(?:Gulf|Lake|Bay) of [A-Z][a-z]+|\bLake [A-Z][a-z]+/g)) {
    lakes.push({ start: m.index!, end: m.index! + m[0].length, text: m[0] });
  }
  // Both lists come in text order and neither overlaps itself, so one pointer into the lakes
  // answers "does this span overlap one?" (a scan of every earlier find per span was quadratic).
  let lake = 0;
  const overlapsLake = (start: number, end: number) => {
    while (lake < lakes.length && lakes[lake]!.end <= start) lake++;
    return lake < lakes.length && lakes[lake]!.start < end;
  };
  const found: Mention[] = [];
  for (const m of text.matchAll(CAP_SEQUENCE)) {
    const words = wordsAt(m[0], m.index!);
    // Try every sub-run of up to MAX_PLACE_WORDS words, longest first, so "Burkina Faso" wins
    // over "Burkina".
    for (let i = 0; i < words.length; i++) {
      for (let j = Math.min(words.length, i + MAX_PLACE_WORDS); j > i; j--) {
        const span = words
          .slice(i, j)
          .map((w) => w.word)
          .join(' ')
          .replace(/['\u2019]s$/, '');
        // The lists write the straight apostrophe; pages often the curly one ("N’Djamena").
        const key = span.replace(/\u2019/g, "'");
        if (COUNTRIES.has(key) || OTHER_PLACES.has(key)) {
          const start = words[i]!.start;
          const last = words[j - 1]!;
          const end = last.start + last.word.replace(/['\u2019]s$/, '').length;
          if (!overlapsLake(start, end)) found.push({ start, end, text: span });
          i = j - 1;
          break;
        }
      }
    }
  }
  return [...lakes, ...found].sort((a, b) => a.start - b.start);
}

/** People's names in a text (memoised per text; see personMentionsUncached). */
export const personMentions: (text: string) => PersonMention[] = memoByText(personMentionsUncached);
/** Counts and amounts in a text (memoised per text). */
export const numberMentions: (text: string) => NumberMention[] = memoByText(numberMentionsUncached);
/** Date expressions in a text (memoised per text). */
export const dateMentions: (text: string) => DateMention[] = memoByText(dateMentionsUncached);
/** Durations in a text (memoised per text). */
export const durationMentions: (text: string) => Mention[] = memoByText(durationMentionsUncached);
/** Places in a text, not memoised: for short-lived strings such as a clause or a question. */
export const placeMentionsOnce: (text: string) => Mention[] = (text) => placeMentionsUncached(text);
/** Places in a text (memoised per text). */
export const placeMentions: (text: string) => Mention[] = memoByText(placeMentionsUncached);

/** WordNet's lexicographer classes of nouns that name people or bodies of people. */
export const PERSON_CLASS = 18;
export const GROUP_CLASS = 14;
const LOCATION_CLASS = 15;
/** How many of a noun's senses, most frequent first, are read for its class. */
const CLASS_SENSES = 6;

const classCache = new Map<string, ReadonlySet<number>>();

/**
 * The WordNet classes a word can have as a noun, from its most frequent senses ("junta" group,
 * "sources" location and person, "region" location), empty for a word WordNet has no noun for.
 * Remembered per word.
 */
export function nounClasses(word: string): ReadonlySet<number> {
  const key = word.toLowerCase();
  const known = classCache.get(key);
  if (known) return known;
  const out = new Set<number>();
  const wn = wordnet();
  for (const { lemma, pos } of english.lemmas(key)) {
    if (pos !== 'n') continue;
    const entry = wn.entry(lemma, 'n');
    for (const offset of entry?.synsets.slice(0, CLASS_SENSES) ?? []) out.add(wn.synset(offset, 'n').lexFile);
  }
  if (classCache.size >= 50_000) classCache.clear();
  classCache.set(key, out);
  return out;
}

const firstClassCache = new Map<string, number | null>();

/**
 * The WordNet class of a noun's most frequent sense, in this form or as its plural ("soldiers"
 * → person, "garrison" → group), or null for a word WordNet has no noun for.
 */
export function firstNounClass(word: string): number | null {
  const w = word.toLowerCase();
  const known = firstClassCache.get(w);
  if (known !== undefined) return known;
  const wn = wordnet();
  let found: number | null = null;
  for (const { lemma, pos } of english.lemmas(w)) {
    if (pos !== 'n') continue;
    const first = wn.entry(lemma, 'n')?.synsets[0];
    if (first !== undefined) {
      found = wn.synset(first, 'n').lexFile;
      break;
    }
  }
  if (firstClassCache.size >= 50_000) firstClassCache.clear();
  firstClassCache.set(w, found);
  return found;
}

const cityCache = new Map<string, boolean>();

/**
 * True for a place WordNet holds as an instance of a city or town ("Niamey": a national capital,
 * a city; not "Sahel", a region), read up at most four broader steps. Remembered per name.
 */
export function namesCity(name: string): boolean {
  const key = name.toLowerCase().replace(/\s+/g, '_');
  const known = cityCache.get(key);
  if (known !== undefined) return known;
  const wn = wordnet();
  let found = false;
  const first = wn.entry(key, 'n')?.synsets[0];
  if (first !== undefined) {
    let level = wn
      .synset(first, 'n')
      .pointers.filter((p) => p.relation === 'instance' && p.pos === 'n')
      .map((p) => p.offset);
    for (let step = 0; step < 5 && level.length > 0 && !found; step++) {
      const next: string[] = [];
      for (const offset of level) {
        const s = wn.synset(offset, 'n');
        if (s.words.some((w) => /^(?:city|town|municipality|national_capital|capital)$/.test(w)))
          found = true;
        next.push(
          ...s.pointers.filter((p) => p.relation === 'broader' && p.pos === 'n').map((p) => p.offset),
        );
      }
      level = next;
    }
  }
  if (cityCache.size >= 10_000) cityCache.clear();
  cityCache.set(key, found);
  return found;
}

/** True for a noun that can name people or a body of them ("sources", "junta", "movement"). */
export function namesPeople(word: string): boolean {
  const c = nounClasses(word);
  return c.has(PERSON_CLASS) || c.has(GROUP_CLASS);
}

/** True for a noun whose commonest senses include a place ("region", "north", "border"). */
export function namesPlace(word: string): boolean {
  const c = nounClasses(word);
  return c.has(LOCATION_CLASS);
}

/** Words that open a noun phrase and are left out of it. */
const NP_OPENER =
  /^(?:the|a|an|its|their|his|her|our|this|that|these|those|some|several|many|most|all|any|each|every|other|such|no)$/i;

/**
 * The noun phrase that ends at a word (`end`, the offset after it), read back over the words
 * that can modify a noun: adjectives, nouns, possessives ("the country's"), hyphenated and
 * capitalised words, at most `max` of them; it stops at punctuation, a determiner, a function
 * word or a word WordNet knows only as a verb or adverb ("a military junta" → "military junta",
 * "the country's sprawling central region" → "country's sprawling central region"). Written by
 * hand over WordNet's parts of speech: a tagger (wink-nlp) measured slower than the index build
 * can afford at 100k passages (see the README's short-answer paragraph).
 */
export function nounPhraseEndingAt(text: string, start: number, end: number, max = 4): Mention {
  let from = start;
  let taken = 0;
  const before = /([\p{L}\p{N}][\p{L}\p{N}'\u2019-]*)(\s+)$/u;
  while (taken < max) {
    const m = before.exec(text.slice(Math.max(0, from - 60), from));
    if (!m?.[1]) break;
    const word = m[1];
    const bare = word.replace(/['\u2019]s$/, '').toLowerCase();
    if (NP_OPENER.test(word) || STOP_WORDS.has(bare) || STOP_WORDS.has(word.toLowerCase())) break;
    if (/^\d/.test(word)) break;
    const lemmas = english.lemmas(bare);
    const modifier =
      /['\u2019]s$/.test(word) ||
      /-/.test(word) ||
      /^\p{Lu}/u.test(word) ||
      lemmas.length === 0 ||
      lemmas.some((l) => l.pos === 'n' || l.pos === 'a');
    // A word WordNet reads first as a verb ending in -ed/-s is a predicate, not a modifier
    // ("rebels attacked"), but an -ing or -ed form before a noun often modifies it ("sprawling").
    if (!modifier) break;
    if (/(?:ed|s)$/.test(bare) && lemmas.length > 0 && lemmas.every((l) => l.pos === 'v')) break;
    from -= m[0].length;
    taken++;
  }
  return { start: from, end, text: text.slice(from, end) };
}

/**
 * One clock time as news writes it: "1pm Paris time", "11:00 GMT", "1300 Paris time", "13.00
 * (Paris time)" (a full stop between the figures only with a zone after, so "3.60" is none), and
 * as French pages write it: "13h", "13h30", "13 h 30".
 */
const CLOCK = String.raw`(?:\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)(?:\s+[A-Z][a-z]+\s+time)?|\d{1,2}:\d{2}(?:\s*(?:GMT|UTC|local time))?|(?:[01]\d|2[0-3])[0-5]\d\s+(?:[A-Z][a-z]+\s+time|GMT|UTC|local time|hours)|(?:[01]?\d|2[0-3])\.[0-5]\d\s*(?:\([A-Z][a-z]+\s+time\)|[A-Z][a-z]+\s+time|GMT|UTC|local time|hours)|(?:[01]?\d|2[0-3])\s?h(?:\s?[0-5]\d)?(?:\s+(?:GMT|UTC|heure\s+(?:locale|de\s+Paris)))?)`;
/**
 * Times of day: a clock time (four figures only with a zone or "hours" after them, so a year is
 * none), with the same time in another zone in brackets after it kept as one mention ("1300
 * Paris time (1100 GMT)", "1pm Paris time [11:00 GMT]"), or a part of the day ("Thursday
 * morning", "midnight"; in French "mardi à la mi-journée", "dans la soirée", "à midi").
 */
const TIME_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}_])(?:${CLOCK}(?:\s*[([]${CLOCK}[)\]])?|(?:(?:${DAYS})\s+)?(?:morning|afternoon|evening|night)|midnight|noon|midday|dawn|(?:(?:${FR_DAYS})\s+)?(?:(?:à\s+la|dans\s+la|en)\s+)?(?:mi-journée|matinée|après-midi|soirée|nuit)|(?:(?:${FR_DAYS})\s+)?(?:matin|soir)|(?:à\s+)?(?:midi|minuit))(?![\p{L}\d])`,
  'giu',
);

function timeMentionsUncached(text: string): Mention[] {
  return [...text.matchAll(TIME_RE)].map((m) => ({
    start: m.index!,
    end: m.index! + m[0].length,
    text: m[0],
  }));
}

/** Times of day in a text (memoised per text). */
export const timeMentions: (text: string) => Mention[] = memoByText(timeMentionsUncached);
