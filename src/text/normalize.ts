/**
 * Text folding shared by the index, the query parser and quotation matching.
 *
 * Everything here maps a string to a comparable form; none of it is ever shown to a
 * user as a quotation (quotations are always sliced from the original article bytes).
 */

const QUOTE_FOLDS: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201B': "'",
  '\u2032': "'",
  '\u00B4': "'",
  '`': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u201F': '"',
  '\u2033': '"',
  '\u00AB': '"',
  '\u00BB': '"',
};

const DASH_FOLDS = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/g;

/** Maps curly quotes, primes and guillemets to their straight ASCII forms. */
export function foldQuotes(text: string): string {
  return text.replace(
    /[\u2018\u2019\u201A\u201B\u2032\u00B4`\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g,
    (c) => QUOTE_FOLDS[c] ?? c,
  );
}

/** Printable ASCII only (other strings take the normalising path, which is right for them too). */
const ASCII = /^[ -~]*$/;

/** Removes diacritics (é → e) after canonical decomposition. */
export function foldDiacritics(text: string): string {
  // ASCII has no decompositions and no marks: most words are returned as they are, without the
  // cost of normalising them (it ran on every token of every passage tokenised).
  if (ASCII.test(text)) return text;
  return text.normalize('NFKD').replace(/\p{M}+/gu, '');
}

/** Collapses every run of white space (including no-break spaces) to one ASCII space and trims. */
export function foldSpace(text: string): string {
  return text.replace(/[\s\u00A0\u200B\u2060\uFEFF]+/g, ' ').trim();
}

/**
 * The comparison form used to decide whether two spans say the same words: case, diacritics,
 * quote style, dash style and white space are ignored.
 */
export function comparable(text: string): string {
  // Printable ASCII words, one space apart and without a backtick, have nothing to fold but their
  // case: most calls are single words of a passage (extract.ts reads every word of each new
  // passage this way), which the full chain scanned five times.
  if (PLAIN.test(text)) return text.toLowerCase();
  return foldSpace(foldDiacritics(foldQuotes(text)).replace(DASH_FOLDS, '-').toLowerCase());
}

/** Printable ASCII but the backtick, in words one space apart, neither leading nor trailing space. */
const PLAIN = /^[!-_a-~]+(?: [!-_a-~]+)*$/;

/**
 * A looser comparison form for grouping near-identical quotations across outlets: also treats
 * hyphens as spaces ("de-facto" / "de facto") and ignores punctuation.
 */
export function looseComparable(text: string): string {
  return foldSpace(
    comparable(text)
      .replace(/[-]/g, ' ')
      .replace(/[^\p{L}\p{N}\s]/gu, ' '),
  );
}

/**
 * The words of looseComparable(text), as `looseComparable(text).split(' ')` gives them (one empty
 * word for a text with none), without building the folded text: its words are the runs of
 * letters and digits of the diacritic-folded, lower-cased text, since every other character
 * becomes a space there. For comparing passages word by word on every question, where the five
 * passes over the whole text were most of a question's string garbage.
 */
export function looseWords(text: string): string[] {
  // Printable ASCII has nothing to fold, and there a letter or figure is a-z or 0-9 once lower-cased:
  // the same words by a pattern without the Unicode classes, about twice as fast.
  if (ASCII.test(text)) return text.toLowerCase().match(/[a-z0-9]+/g) ?? [''];
  return (
    foldDiacritics(text)
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? ['']
  );
}
