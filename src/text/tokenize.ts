import { termsOf } from './analyzer.js';
import { english } from './english.js';

/**
 * Splits English text into lower-case, folded word tokens. Thousands separators are dropped
 * from numbers ("2,400" → "2400") so a number reads the same whichever style an outlet uses,
 * and hyphenated words split into their parts ("ethnic-Tuareg" → "ethnic", "tuareg").
 * (The English analyser's tokens without their offsets; see text/analyzer.ts.)
 */
export function tokenize(text: string): string[] {
  return english.tokens(text).map((t) => t.text);
}

/** English index form of one token: null for stop words, otherwise its stem. Possessive 's is dropped. */
export function indexTerm(token: string): string | null {
  return english.term(token);
}

/** Tokenizes English text and maps to index terms, dropping stop words. */
export function indexTerms(text: string): string[] {
  return termsOf(english, text);
}
