import { comparable } from './normalize.js';
import { stem } from './stem.js';
import { STOP_WORDS } from './stopwords.js';

/**
 * Splits text into lower-case, folded word tokens. Thousands separators are dropped from
 * numbers ("2,400" → "2400") so a number reads the same whichever style an outlet uses,
 * and hyphenated words split into their parts ("ethnic-Tuareg" → "ethnic", "tuareg").
 */
export function tokenize(text: string): string[] {
  // "US" the country must not fold into "us" the stop word; only the capitalised form is the country.
  const folded = comparable(text.replace(/\bU\.?S\.?(?![\p{L}])/gu, ' USA ')).replace(
    /(\d),(?=\d{3}\b)/g,
    '$1',
  );
  return folded.match(/[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu) ?? [];
}

/** Index form of one token: null for stop words, otherwise its stem. Possessive 's is dropped. */
export function indexTerm(token: string): string | null {
  const bare = token.replace(/'s$/, '').replace(/'/g, '');
  if (bare.length === 0 || STOP_WORDS.has(token) || STOP_WORDS.has(bare)) return null;
  return stem(bare);
}

/** Tokenizes and maps to index terms, dropping stop words. */
export function indexTerms(text: string): string[] {
  const out: string[] = [];
  for (const token of tokenize(text)) {
    const term = indexTerm(token);
    if (term !== null) out.push(term);
  }
  return out;
}
