/**
 * The language side of indexing and question reading, behind one small interface as Lucene's
 * per-language analyzers are: a tokeniser with offsets, stop words, the index form of a word
 * (its stem) and, where the language has a lexical database, word knowledge. English and French
 * are registered; any other language tag is analysed as English.
 */
import type { Relation } from './wordnet.js';

/** One word of a text: its folded lower-case form and where it stands in the original. */
export interface Token {
  /** Lower case, curly quotes folded, thousands separators dropped ("2,400" → "2400"). */
  text: string;
  start: number;
  end: number;
}

/** A word the lexical database relates to another, from the asking word's side. */
export interface RelatedWord {
  /** The related lemma, lower case; multiword lemmas keep their spaces ("pull out"). */
  word: string;
  relation: Relation;
  /** Rank of the sense it came through (0 = the word's most frequent sense). */
  sense: number;
}

/** Everything the engine asks of a language. */
export interface Analyzer {
  /** BCP 47 primary language subtag ("en", "fr"). */
  readonly language: string;
  /** The word tokens of a text, with offsets into it. */
  tokens(text: string): Token[];
  /** True for a word that carries no topic in this language. */
  isStopWord(token: string): boolean;
  /** The index form of a word (its stem), ignoring stop words. */
  stem(token: string): string;
  /** Index form of one token: null for a stop word, otherwise its stem. */
  term(token: string): string | null;
  /** Words the language's lexical database relates to this one (none where it has none). */
  related(token: string): RelatedWord[];
  /**
   * True for a word whose most frequent sense the lexical database knows as a name, or as the
   * adjective of one: a place, a body, a person ("Canada", "Kremlin", "Canadian"). False where
   * the language has no lexical database.
   */
  isName(token: string): boolean;
  /**
   * The wholes the lexical database makes the word's commonest senses a member of, as lemmas
   * ("Nigerien" → "niger", "German" → "germany"): a pointer that runs from the member's side only,
   * so the lexicon, built from the corpus words' side, misses it when the question word is not in
   * the corpus. None where the language has no lexical database.
   */
  memberOf(token: string): readonly string[];
}

/** Index terms of a text under one analyser, stop words dropped. */
export function termsOf(analyzer: Analyzer, text: string): string[] {
  const out: string[] = [];
  for (const t of analyzer.tokens(text)) {
    const term = analyzer.term(t.text);
    if (term !== null) out.push(term);
  }
  return out;
}

/**
 * How a language groups the digits of a number, beside the comma every outlet may use
 * ("2,400"): the no-break and thin spaces typeset French and SI style put between groups ("2 400")
 * are read as grouping in every language; `spaceAndDot` also reads a plain space and a dot so
 * ("2 400", "2.500"), as French copy writes them, where English copy would mean two numbers or a
 * decimal.
 */
export type DigitGrouping = 'comma' | 'spaceAndDot';

/** Splits text into word tokens with offsets (shared by the analysers of alphabetic languages). */
export function wordTokens(text: string, grouping: DigitGrouping = 'comma'): Token[] {
  if (isAscii(text)) return asciiWordTokens(text, grouping);
  return unicodeWordTokens(text, grouping);
}

/**
 * wordTokens by the Unicode patterns, whatever the text (exported for the tests that check the
 * ASCII path against it).
 */
export function unicodeWordTokens(text: string, grouping: DigitGrouping = 'comma'): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(grouping === 'comma' ? TOKEN : TOKEN_SPACE_AND_DOT)) {
    const raw = m[0];
    const start = m.index!;
    let folded: string;
    // "US" the country must not fold into "us" the pronoun; only the capitalised form is the country.
    if (/^U\.?S\.?$/.test(raw)) folded = 'usa';
    // A grouped number reads as its digits, whichever convention grouped them ("2,400", "2 400").
    else if (m[1] !== undefined) folded = raw.replace(/\D/g, '');
    else folded = raw.replace(/[\u2018\u2019\u02BC\u00B4`]/g, "'").toLowerCase();
    out.push({ text: folded, start, end: start + raw.length });
  }
  return out;
}

/**
 * The same tokens for a text of ASCII characters only, by patterns written for ASCII: there a
 * letter (\p{L}) is A–Z or a–z, a figure (\p{N}) 0–9, no character is a mark, the only
 * apostrophe is the straight one and the only digit separators are the comma, the full stop and
 * the space. The Unicode classes made the matching about twice as slow, and plain ASCII is half
 * the bundled corpus's passages and two in five of the real pages' (pages-wave13, -21); the index
 * tokenises every passage, and a question at 100k passages dozens it has not seen before.
 */
function asciiWordTokens(text: string, grouping: DigitGrouping): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(grouping === 'comma' ? ASCII_TOKEN : ASCII_TOKEN_SPACE_AND_DOT)) {
    const raw = m[0];
    const start = m.index!;
    let folded: string;
    if (raw.charCodeAt(0) === 85 && /^U\.?S\.?$/.test(raw)) folded = 'usa';
    else if (m[1] !== undefined) folded = raw.replace(/\D/g, '');
    // No curly quote or backtick can stand in an ASCII word token: only its case to fold.
    else folded = raw.toLowerCase();
    out.push({ text: folded, start, end: start + raw.length });
  }
  return out;
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** TOKEN and TOKEN_SPACE_AND_DOT below, for ASCII text (see asciiWordTokens). */
const ASCII_WORD = "[A-Za-z0-9]+(?:'[A-Za-z]+)?";
const asciiGrouped = (separators: string) =>
  String.raw`(?<![0-9.,])(\d{1,3}(?:[${separators}]\d{3})+)(?![0-9])`;
const ASCII_TOKEN = new RegExp(
  String.raw`\bU\.S\.?(?![A-Za-z])|\bUS\b|${asciiGrouped(',')}|${ASCII_WORD}`,
  'g',
);
const ASCII_TOKEN_SPACE_AND_DOT = new RegExp(
  String.raw`\bU\.S\.?(?![A-Za-z])|\bUS\b|${asciiGrouped(',. ')}|${ASCII_WORD}`,
  'g',
);

/** The word alternatives after the number: "U.S.", then letters and digits. */
const WORD = String.raw`[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['\u2018\u2019\u02BC][\p{L}][\p{L}\p{M}]*)?`;

/** A grouped number (captured), its separators as given; never the tail of a longer number. */
const grouped = (separators: string) => String.raw`(?<![\p{N}.,])(\d{1,3}(?:[${separators}]\d{3})+)(?!\p{N})`;

/**
 * A word: letters and digits (marks kept for the analyser to fold), with one apostrophe inside
 * ("l'armée", "Mali's"); a grouped number is one token; "U.S." is one token.
 */
const TOKEN = new RegExp(
  String.raw`\bU\.S\.?(?![\p{L}])|\bUS\b|${grouped(',\u00A0\u202F\u2009')}|${WORD}`,
  'gu',
);

/** The same, where a plain space or a dot also groups digits (see DigitGrouping). */
const TOKEN_SPACE_AND_DOT = new RegExp(
  String.raw`\bU\.S\.?(?![\p{L}])|\bUS\b|${grouped(',. \u00A0\u202F\u2009')}|${WORD}`,
  'gu',
);
