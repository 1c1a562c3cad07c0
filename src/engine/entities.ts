import { memoByText } from './memo.js';
import { COUNTRIES, NOT_NAME_WORDS, OTHER_PLACES, TITLE_WORDS } from './gazetteer.js';

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

const QUALIFIER = String.raw`(?:(?:some|about|around|roughly|approximately|nearly|almost|close to|more than|over|under|fewer than|less than|at least|up to|an estimated|a total of(?: about)?)\s+)?`;
const NUMBER = String.raw`\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?`;
const NUMBER_WORDS =
  'two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds|thousands|several hundred|several thousand';
const NUMBER_RE = new RegExp(
  String.raw`\b${QUALIFIER}(?:(?:${NUMBER})(?:\s*(?:to|-|\u2013)\s*(?:${NUMBER}))?(?:\s+(?:of\s+the|of|out\s+of)\s+(?:${NUMBER}))?(?:\s*(?:million|billion|percent|per cent|%))?|(?:${NUMBER_WORDS})(?:\s+(?:million|thousand|hundred))?)\b`,
  'gi',
);

const WORD_VALUES: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  dozens: 24,
  hundreds: 200,
  thousands: 2000,
  several: 3,
};

/** A number in text, with its qualifier ("close to 3000") and numeric value for comparison. */
export interface NumberMention extends Mention {
  value: number | null;
  /** True for a bare four-digit year (1900–2099) with no qualifier. */
  isYear: boolean;
}

/** Finds counts and amounts, including qualified ones ("some 2,400", "48 of the 53", "700 to 1,000"). */
function numberMentionsUncached(text: string): NumberMention[] {
  const out: NumberMention[] = [];
  for (const m of text.matchAll(NUMBER_RE)) {
    const raw = m[0];
    const digits = /\d[\d,]*(?:\.\d+)?/.exec(raw);
    let value = digits ? Number(digits[0].replace(/,/g, '')) : null;
    if (value === null) {
      const word = /[a-z]+/i.exec(
        raw.replace(
          /^(?:some|about|around|roughly|approximately|nearly|almost|close to|more than|over|under|fewer than|less than|at least|up to|an estimated|a total of(?: about)?)\s+/i,
          '',
        ),
      );
      value = word ? (WORD_VALUES[word[0].toLowerCase()] ?? null) : null;
    }
    if (value !== null && /\bmillion\b/i.test(raw)) value *= 1_000_000;
    else if (value !== null && /\bthousand\b/i.test(raw)) value *= 1_000;
    const isYear = /^(?:19|20)\d{2}$/.test(raw);
    out.push({ start: m.index!, end: m.index! + raw.length, text: raw, value, isYear });
  }
  return out;
}

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
const DAYS = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';
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
  const re =
    /\b(?:(?:over|for|within|in)\s+)?(?:a period of\s+)?(?:several|a few|a couple of|many|\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|eighteen)\s+(?:days?|weeks?|months?|years?|decades?)\b/gi;
  return [...text.matchAll(re)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, text: m[0] }));
}

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
        if (COUNTRIES.has(span) || OTHER_PLACES.has(span)) {
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
