/**
 * The French analyser: the shared tokeniser, French stop words (the `stopword` package's list),
 * elision ("l'armée" → "armée", "qu'il" → "il") and the Snowball French stemmer from
 * `@orama/stemmers`. Diacritics are folded before stemming: a question typed without accents
 * ("Elysee", "armee") must meet the article's "Élysée" and "armée", which matters more than
 * the few suffixes the stemmer reads from an accent. French has no lexical database here.
 */
import { stemmer as snowballFrench } from '@orama/stemmers/french';
import { fra } from 'stopword';
import { wordTokens, type Analyzer, type RelatedWord, type Token } from './analyzer.js';
import { foldDiacritics } from './normalize.js';
import { memoByText } from './memo.js';

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

/** A word without its elision to its index form, once per word (bounded against odd input). */
const frenchStem = memoByText((bare: string): string => {
  const folded = foldDiacritics(bare);
  return /^\p{L}+$/u.test(folded) && folded.length > 2 ? snowballFrench(folded) : folded;
}, 200_000);

/** The French analyser. */
export class FrenchAnalyzer implements Analyzer {
  readonly language = 'fr';

  tokens(text: string): Token[] {
    // French copy groups digits with a space or a dot ("2 400 soldats", "5.500 hommes").
    return wordTokens(text, 'spaceAndDot');
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
    return frenchStem(this.bare(token));
  }

  term(token: string): string | null {
    if (this.isStopWord(token)) return null;
    return this.stem(token);
  }

  /** No French lexical database is bundled: no word is known as a name. */
  isName(_token: string): boolean {
    return false;
  }

  /** No French lexical database is bundled: no word is a member of anything. */
  memberOf(_token: string): readonly string[] {
    return [];
  }

  related(_token: string): RelatedWord[] {
    return [];
  }
}

/** The shared French analyser. */
export const french = new FrenchAnalyzer();
