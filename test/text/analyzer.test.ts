import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { termsOf, unicodeWordTokens, wordTokens } from '../../src/text/analyzer.js';
import { english } from '../../src/text/english.js';
import { french } from '../../src/text/french.js';
import { analyzerFor, questionLanguage } from '../../src/text/languages.js';

describe('tokens', () => {
  it('keep their offsets in the original text, through curly apostrophes and thousands separators', () => {
    const text = 'Mali’s junta: 2,400 troops';
    expect(english.tokens(text).map((t) => [t.text, text.slice(t.start, t.end)])).toEqual([
      ["mali's", 'Mali’s'],
      ['junta', 'junta'],
      ['2400', '2,400'],
      ['troops', 'troops'],
    ]);
  });
});

describe('grouped numbers', () => {
  const texts = (tokens: Array<{ text: string }>) => tokens.map((t) => t.text);

  it('read as one number in French copy, grouped by a space or a dot', () => {
    expect(texts(french.tokens('Les 2 400 soldats, puis 5.500 hommes (2.500-3.000) en 2013'))).toEqual([
      'les',
      '2400',
      'soldats',
      'puis',
      '5500',
      'hommes',
      '2500',
      '3000',
      'en',
      '2013',
    ]);
  });

  it('read as two numbers in English copy when a plain space parts them, as one when a no-break space does', () => {
    expect(texts(english.tokens('2 400 troops, 2\u202F400 troops, 2,400 troops, 2.5 million'))).toEqual([
      '2',
      '400',
      'troops',
      '2400',
      'troops',
      '2400',
      'troops',
      '2',
      '5',
      'million',
    ]);
  });
});

describe('the English analyser', () => {
  it('finds WordNet base forms of inflected words', () => {
    expect(english.lemmas('expelled')).toEqual([{ lemma: 'expel', pos: 'v' }]);
    expect(english.lemmas('germans')).toEqual([{ lemma: 'german', pos: 'n' }]);
  });

  it('maps irregular forms from its data file before stemming', () => {
    expect(english.term('withdrew')).toBe(english.term('withdraw'));
    expect(english.term('fought')).toBe(english.term('fight'));
  });
});

describe('the French analyser', () => {
  it('drops French stop words and elided articles, and stems with Snowball French', () => {
    expect(termsOf(french, "L'armée française a quitté le Mali, a-t-il déclaré.")).toEqual([
      'arme',
      'francais',
      'quitt',
      'mal',
      'declar',
    ]);
  });

  it('lets "Élysée" and "Elysee" meet', () => {
    expect(french.term('élysée')).toBe(french.term('elysee'));
  });

  it('is the analyser for "fr" and "fr-FR"; English is the default', () => {
    expect(analyzerFor('fr-FR').language).toBe('fr');
    expect(analyzerFor('de').language).toBe('en');
  });
});

describe('the language of a question', () => {
  it('is the one whose stop words it uses most', () => {
    expect(questionLanguage('Pourquoi la France a-t-elle quitté le Mali ?')).toBe('fr');
    expect(questionLanguage('Why did France leave Mali?')).toBe('en');
    expect(questionLanguage('Barkhane')).toBe('en');
  });

  it('counts no word written in capitals: "EU" and "AU" are abbreviations, not French "eu" and "au"', () => {
    expect(questionLanguage('EU-AU summit where')).toBe('en');
    expect(questionLanguage('sommet UE-UA, où ?')).toBe('fr');
  });

  it('counts no word the alias list writes as an abbreviation, typed in lower case', () => {
    expect(questionLanguage('un peacekeeping spokesman impact')).toBe('en');
    expect(questionLanguage('eu-au summit city')).toBe('en');
    // A French question has function words enough besides "au" and "un".
    expect(questionLanguage('combien de casques bleus compte la minusma au total')).toBe('fr');
    expect(questionLanguage('y a-t-il eu un vote ?')).toBe('fr');
  });
});

describe('names', () => {
  it('are words whose commonest sense WordNet knows as an instance, or the adjective of one', () => {
    const names = ['Canadian', 'kremlin', 'Paris', 'danish', 'Niger'].map((w) =>
      english.isName(w.toLowerCase()),
    );
    expect(names).toEqual([true, true, true, true, true]);
    const common = ['ambassador', 'troops', 'april', 'junta', 'wounded'].map((w) => english.isName(w));
    expect(common).toEqual([false, false, false, false, false]);
  });

  it('are none in French, which has no lexical database here', () => {
    expect(french.isName('canada')).toBe(false);
  });
});

describe('chat shorthand', () => {
  it('is indexed as the word it stands for, so "govt" meets "government"', () => {
    expect(['govt', 'ppl', 'yr', 'yrs', 'op', 'ops'].map((w) => english.term(w))).toEqual([
      'govern',
      'peopl',
      'year',
      'year',
      'oper',
      'oper',
    ]);
    expect(english.term('government')).toBe('govern');
    expect(english.term('operations')).toBe('oper');
  });
});

describe('plain ASCII text', () => {
  it('is tokenised as the Unicode patterns tokenise it: numbers, "U.S.", apostrophes and all', () => {
    const text = "U.S. and US troops: 2,400 (1,250.5) in 2013, Mali's 5.500 `men` USA";
    expect(wordTokens(text).map((t) => [t.text, text.slice(t.start, t.end)])).toEqual([
      ['usa', 'U.S.'],
      ['and', 'and'],
      ['usa', 'US'],
      ['troops', 'troops'],
      ['2400', '2,400'],
      ['1250', '1,250'],
      ['5', '5'],
      ['in', 'in'],
      ['2013', '2013'],
      ["mali's", "Mali's"],
      ['5', '5'],
      ['500', '500'],
      ['men', 'men'],
      ['usa', 'USA'],
    ]);
    expect(wordTokens(text)).toEqual(unicodeWordTokens(text));
  });

  it('gives the tokens of the Unicode patterns for any ASCII string, in both digit groupings', () => {
    const unit = fc.constantFrom(..."aUSs9 0,.'`-_\tZ".split(''));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 30 }), (text) => {
        expect(wordTokens(text)).toEqual(unicodeWordTokens(text));
        expect(wordTokens(text, 'spaceAndDot')).toEqual(unicodeWordTokens(text, 'spaceAndDot'));
      }),
      { numRuns: 3000 },
    );
  });
});
