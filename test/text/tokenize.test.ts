import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  comparable,
  foldDiacritics,
  foldQuotes,
  foldSpace,
  looseComparable,
  looseWords,
} from '../../src/text/normalize.js';
import { englishStem as stem } from '../../src/text/english.js';
import { indexTerms, tokenize } from '../../src/text/tokenize.js';

describe('tokenize', () => {
  it('folds case and diacritics', () => {
    expect(tokenize('Élysée Palace')).toEqual(['elysee', 'palace']);
  });

  it('treats curly and straight apostrophes alike', () => {
    expect(tokenize('Mali’s junta')).toEqual(tokenize("Mali's junta"));
    expect(tokenize('Mali’s junta')).toEqual(["mali's", 'junta']);
  });

  it('drops thousands separators so "2,400" and "2400" read the same', () => {
    expect(tokenize('about 2,400 troops')).toEqual(['about', '2400', 'troops']);
    expect(tokenize('close to 3000 troops')).toEqual(['close', 'to', '3000', 'troops']);
  });

  it('splits hyphenated words into their parts', () => {
    expect(tokenize('the ethnic-Tuareg separatists')).toEqual(['the', 'ethnic', 'tuareg', 'separatists']);
  });
});

describe('stem', () => {
  it('brings withdrawing, withdrawal and withdrawn to one stem', () => {
    expect([stem('withdrawing'), stem('withdrawal'), stem('withdrawn'), stem('withdrew')]).toEqual([
      'withdraw',
      'withdraw',
      'withdraw',
      'withdraw',
    ]);
  });

  it('maps the irregular "came" to the stem of "come"', () => {
    expect(stem('came')).toBe(stem('come'));
  });

  it('is Porter2: "news" stays apart from "new", and "constructor" is a word, not a function', () => {
    expect(stem('news')).toBe('news');
    expect(stem('new')).toBe('new');
    expect(stem('constructor')).toBe('constructor');
    expect(stem('toString')).toBe('toString');
  });
});

describe('indexTerms', () => {
  it('drops stop words and keeps the content words as stems', () => {
    expect(indexTerms('Who is the defence minister of Germany?')).toEqual(['defenc', 'minist', 'germani']);
  });

  it('drops a possessive', () => {
    expect(indexTerms("Mali's junta")).toEqual(indexTerms('Mali junta'));
  });
});

describe('comparable forms', () => {
  it('ignores case, diacritics, quote style and white space', () => {
    expect(comparable('  “Élysée”\u00A0 palace ')).toBe(comparable('"elysee" Palace'));
    expect(comparable('“Élysée” palace')).toBe('"elysee" palace');
  });

  it('loosely treats "de-facto" and "de facto" as the same words', () => {
    expect(looseComparable('de-facto authorities,')).toBe(looseComparable('de facto authorities'));
    expect(comparable('de-facto')).not.toBe(comparable('de facto'));
  });
});

describe('the country US', () => {
  it('is kept as a search term, while the pronoun "us" is a stop word', () => {
    expect(indexTerms('the US and us')).toEqual(['usa']);
    expect(indexTerms('the U.S. position')).toEqual(['usa', 'posit']);
  });
});

describe('looseWords', () => {
  it('gives the words of the loose comparison form', () => {
    expect(looseWords('The “Élysée” said: 2,400 de-facto troops—left.')).toEqual([
      'the',
      'elysee',
      'said',
      '2',
      '400',
      'de',
      'facto',
      'troops',
      'left',
    ]);
    expect(looseWords(' — ')).toEqual(['']);
  });

  it('splits every text as looseComparable does', () => {
    // Letters with and without accents, marks, quotes, dashes, primes, spaces of every kind,
    // ligatures and a dotted capital I, whose lower case carries a combining dot.
    const unit = fc.constantFrom(...'aZé9 \u00a0\u200b\t\n’\u00b4`«\u2033-–—.,ﬁİ\u0301ß'.split(''));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 24 }), (text) => {
        expect(looseWords(text)).toEqual(looseComparable(text).split(' '));
      }),
      { numRuns: 5_000 },
    );
  });

  it('splits plain ASCII text, read by its own pattern, as looseComparable does', () => {
    expect(looseWords("Mali's 2,400 troops (de-facto) left `today`")).toEqual([
      'mali',
      's',
      '2',
      '400',
      'troops',
      'de',
      'facto',
      'left',
      'today',
    ]);
    const unit = fc.constantFrom(..."aZ9 _`~!'-.,;".split(''));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 30 }), (text) => {
        expect(looseWords(text)).toEqual(looseComparable(text).split(' '));
      }),
      { numRuns: 5_000 },
    );
  });
});

describe('comparable on plain ASCII', () => {
  it('lower-cases a plain word or phrase and folds the rest as before', () => {
    expect(comparable('Barkhane')).toBe('barkhane');
    expect(comparable("Mali's 2,400 troops")).toBe("mali's 2,400 troops");
    expect(comparable(' Mali  `junta` ')).toBe("mali 'junta'");
  });

  it('gives what the whole folding chain gives, for any text', () => {
    const chain = (text: string) =>
      foldSpace(
        foldDiacritics(foldQuotes(text))
          .replace(/[\u2010-\u2015\u2212]/g, '-')
          .toLowerCase(),
      );
    const unit = fc.constantFrom(...'aZ9 _`~!\t\n\u00a0é’—-İ'.split(''));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 16 }), (text) => {
        expect(comparable(text)).toBe(chain(text));
      }),
      { numRuns: 5_000 },
    );
  });
});
