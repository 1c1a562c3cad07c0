import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { english } from '../../src/text/english.js';
import { french } from '../../src/text/french.js';
import { Lexicon, readAliases } from '../../src/text/lexicon.js';

/** A vocabulary of corpus terms, each seen as the given word. */
function vocabulary(...words: string[]): Map<string, Set<string>> {
  return new Map(words.map((w) => [english.term(w)!, new Set([w])]));
}

describe('word knowledge restricted to a corpus vocabulary', () => {
  const lexicon = Lexicon.build(
    vocabulary('expulsion', 'ambassador', 'germany', 'wagner', 'junta', 'withdraw', 'announcement'),
  );

  it('leads "expelled" to "expulsion" as a derived form, below an exact match', () => {
    expect(lexicon.expand(english.term('expelled')!)).toEqual([
      { term: 'expuls', weight: 0.7, via: 'derived' },
    ]);
  });

  it('leads "announce" to "announcement" only through its own stem (Porter2 makes them one term)', () => {
    expect(english.term('announce')).toBe(english.term('announcement'));
  });

  it('leads "the Germans" to "Germany" as members of it', () => {
    expect(lexicon.expand(english.term('germans')!)).toEqual([
      { term: 'germani', weight: 0.6, via: 'member' },
    ]);
  });

  it('leads "envoy" to "ambassador", a sister under "diplomat", weighted lower still', () => {
    expect(lexicon.expand(english.term('envoy')!)).toEqual([
      { term: 'ambassador', weight: 0.3, via: 'sister' },
    ]);
  });

  it('takes what no lexical database holds from the alias list: mercenary → Wagner, coup → junta', () => {
    expect(lexicon.expand(english.term('mercenary')!)).toEqual([
      { term: 'wagner', weight: 0.6, via: 'alias' },
    ]);
    expect(lexicon.expand(english.term('coup')!)).toEqual([{ term: 'junta', weight: 0.6, via: 'alias' }]);
  });

  it('expands a multiword phrase by its key ("pull out")', () => {
    expect(lexicon.expand('pull out').map((x) => x.term)).toEqual(['withdraw']);
  });

  it('never expands to a word the corpus does not use', () => {
    const small = Lexicon.build(vocabulary('expulsion'));
    expect(small.expand(english.term('envoy')!)).toEqual([]);
  });

  it('survives its saved form unchanged', () => {
    const restored = Lexicon.restore(JSON.parse(JSON.stringify(lexicon.snapshot())));
    expect(restored.expand('expel')).toEqual(lexicon.expand('expel'));
    expect(restored.size).toBe(lexicon.size);
  });
});

describe('the alias list across languages', () => {
  const names = [
    { names: ['Timbuktu', 'Tombouctou'], comment: 'the city in English and French' },
    { names: ['Bamako', 'Mali'], comment: 'the capital for the government' },
  ];
  const lexicon = Lexicon.build(vocabulary('timbuktu', 'mali'), english, names, [
    { analyzer: french, terms: new Set(['tombouctou', 'bamako', french.term('mali')!]) },
  ]);

  it('leads a French name to the English passages’ name, and the English name to the French one', () => {
    expect(lexicon.expand(french.term('tombouctou')!)).toEqual([
      { term: 'timbuktu', weight: 0.6, via: 'alias' },
    ]);
    expect(lexicon.expand(english.term('timbuktu')!)).toEqual([
      { term: 'tombouctou', weight: 0.6, via: 'alias' },
    ]);
  });

  it('leads a name the other language writes the same way to that language’s passages by itself only', () => {
    // French passages write "Bamako": the line's newsroom usage stays with the English passages.
    expect(lexicon.expand(english.term('bamako')!)).toEqual([{ term: 'mali', weight: 0.6, via: 'alias' }]);
  });
});

describe('the alias list', () => {
  const write = (text: string) => {
    const file = join(mkdtempSync(join(tmpdir(), 'aliases-')), 'aliases.txt');
    writeFileSync(file, text);
    return file;
  };

  it('reads one entry a line, with its comment', () => {
    expect(readAliases(write('# heading\n\ncoup | junta  # a junta is what a coup installs\n'))).toEqual([
      { names: ['coup', 'junta'], comment: 'a junta is what a coup installs' },
    ]);
  });

  it('names the file and line of an entry with one name', () => {
    const file = write('coup | junta  # fine\nWagner  # alone\n');
    expect(() => readAliases(file)).toThrow(
      /aliases\.txt:2: must list at least two names or words separated by "\|"/,
    );
  });

  it('names the file and line of an entry without a comment', () => {
    const file = write('\n\ncoup | junta\n');
    expect(() => readAliases(file)).toThrow(/aliases\.txt:3: must say after "#" why these names go together/);
  });

  it('says which file cannot be read', () => {
    expect(() => readAliases('/nonexistent/aliases.txt')).toThrow(
      '/nonexistent/aliases.txt: cannot be read (ENOENT)',
    );
  });
});
