/**
 * The French analyser: the shared tokeniser, French stop words (the `stopword` package's list),
 * elision ("l'armée" → "armée", "qu'il" → "il") and the Snowball French stemmer from
 * `@orama/stemmers`. Diacritics are folded after stemming, so "Élysée" and "Elysee" meet while
 * the stemmer still sees the accents its rules are written for. French has no lexical database
 * here: its word knowledge is the newsroom's alias list alone.
 */
import { stemmer as snowballFrench } from '@orama/stemmers/french';
import { fra } from 'stopword';
import { wordTokens, type Analyzer, type RelatedWord, type Token } from './analyzer.js';
import { foldDiacritics } from './normalize.js';

/** Elided articles, pronouns and conjunctions written before a vowel with an apostrophe. */
const ELISION = /^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu)'/;

const STOP: ReadonlySet<string> = new Set([
  ...fra.map((w) => w.toLowerCase()),
  ...fra.map((w) => foldDiacritics(w.toLowerCase())),
  // Question words and verbs of saying the list leaves out.
  'quel',
  'quelle',
  'quels',
  'quelles',
  'combien',
  'pourquoi',
  'quand',
  'comment',
  'est-ce',
  'dit',
  'a',
]);

const cache = new Map<string, string>();

/** The French analyser. */
export class FrenchAnalyzer implements Analyzer {
  readonly language = 'fr';

  tokens(text: string): Token[] {
    return wordTokens(text);
  }

  /** The word without an elided article or pronoun before it. */
  private bare(token: string): string {
    return token.replace(ELISION, '');
  }

  isStopWord(token: string): boolean {
    const bare = this.bare(token);
    return bare.length === 0 || STOP.has(bare);
  }

  stem(token: string): string {
    const bare = this.bare(token);
    const hit = cache.get(bare);
    if (hit !== undefined) return hit;
    const result = foldDiacritics(/^\p{L}+$/u.test(bare) && bare.length > 2 ? snowballFrench(bare) : bare);
    if (cache.size >= 200_000) cache.clear();
    cache.set(bare, result);
    return result;
  }

  term(token: string): string | null {
    if (this.isStopWord(token)) return null;
    return this.stem(token);
  }

  related(_token: string): RelatedWord[] {
    return [];
  }
}

/** The shared French analyser. */
export const french = new FrenchAnalyzer();
