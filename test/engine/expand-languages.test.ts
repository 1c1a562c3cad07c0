import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../support/memory-corpus.js';
import { AnswerEngine } from '../../src/engine/answer.js';
import { expandQuestion } from '../../src/engine/expand.js';
import { analyzeQuestion } from '../../src/engine/question.js';

describe('a question word in another language’s index form', () => {
  // The French analyser indexes "leader" as "lead", which the English analyser makes of "led".
  const english = [
    'junta',
    'Outlet One',
    'The junta led by Colonel Assimi Goita expelled the French ambassador.',
  ] as [string, string, string];

  it('is searched only where a passage of that language uses it', () => {
    const engine = new AnswerEngine(
      buildCorpus([english, ['junte', 'Outlet Two', 'La junte a expulsé l’ambassadeur de France.', 'fr']]),
    );
    expect(engine.index.usedIn('lead', 'en')).toBe(true);
    expect(engine.index.usedIn('lead', 'fr')).toBe(false);
    // Only WordNet's derived form reaches the English "led" ("leader" / "lead"), below the form's weight.
    const read = analyzeQuestion('Who is the junta leader?');
    expect(expandQuestion(read, engine.index).get('lead')).toEqual({
      target: 'leader',
      weight: 0.7,
      via: 'derived',
      from: 'leader',
    });
  });

  it('is searched at the form weight where one does', () => {
    const engine = new AnswerEngine(
      buildCorpus([english, ['junte', 'Outlet Two', 'Le leader de la junte a expulsé l’ambassadeur.', 'fr']]),
    );
    const read = analyzeQuestion('Who is the junta leader?');
    expect(expandQuestion(read, engine.index).get('lead')).toEqual({
      target: 'leader',
      weight: 0.8,
      via: 'form',
      from: 'leader',
    });
  });
});

describe('cognates in another language’s passages', () => {
  const engine = new AnswerEngine(
    buildCorpus([
      ['niamey', 'Outlet One', 'About 1,000 soldiers are stationed in Niamey.'],
      ['gossi', 'Outlet Two', 'La base de Gossi accueillait 300 soldats français.', 'fr'],
      ['ambassade', 'Outlet Three', 'L’ambassadeur a quitté Bamako le jeudi 3 février.', 'fr'],
    ]),
  );

  it('are the other language’s words sharing the form’s first four letters, within its edits', () => {
    // "soldiers" is "soldi" to the French analyser; "ambassador" is "ambassador".
    expect(engine.index.cognates('fr:soldiers:soldi')).toEqual(['soldat']);
    expect(engine.index.cognates('fr:ambassador:ambassador')).toEqual(['ambassadeur']);
    // A short word allows no edit.
    expect(engine.index.cognates('fr:bases:bas')).toEqual([]);
  });

  it('from a French word meet English passages up to two edits in five letters, accents folded', () => {
    // "soldat" is three edits from "soldier": within two in five of its six letters.
    expect(engine.index.cognates('en:soldats:soldat')).toEqual(['soldier']);
    // The English analyser keeps "stationnés" as written; folded, it meets "station".
    expect(engine.index.cognates('en:stationnés:stationnés')).toEqual(['station']);
    // Four letters allow no such edits ("sold" is no "soldier"), nor other first letters.
    expect(engine.index.cognates('en:sold:sold')).toEqual([]);
    expect(engine.index.cognates('en:troupes:troup')).toEqual([]);
  });

  it('bring a French question to the English passage that carries the fact', () => {
    const read = analyzeQuestion('Combien de soldats sont stationnés à Niamey ?');
    expect(expandQuestion(read, engine.index).get('soldier')).toEqual({
      target: 'soldat',
      weight: 0.6,
      via: 'form',
      from: 'soldats',
    });
    const a = engine.ask('Combien de soldats sont stationnés à Niamey ?');
    expect(a.citations[0]?.articleId).toBe('niamey');
    expect(a.citations[0]?.matched).toEqual([
      { question: 'soldats', passage: 'soldiers', how: 'form' },
      { question: 'stationnés', passage: 'stationed', how: 'exact' },
      { question: 'niamey', passage: 'Niamey', how: 'exact' },
    ]);
  });

  it('meet an English question word, below the word itself, and say how', () => {
    const read = analyzeQuestion('How many soldiers were based at Gossi?');
    expect(expandQuestion(read, engine.index).get('soldat')).toEqual({
      target: 'soldier',
      weight: 0.6,
      via: 'form',
      from: 'soldiers',
    });
    // Left out when asked to (quotation look-ups do).
    expect(expandQuestion(read, engine.index, { cognates: false }).get('soldat')).toBeUndefined();
    const a = engine.ask('How many soldiers were based at Gossi?');
    const gossi = a.citations.find((c) => c.articleId === 'gossi');
    expect(gossi?.matched).toEqual([
      { question: 'soldiers', passage: 'soldats', how: 'form' },
      { question: 'gossi', passage: 'Gossi', how: 'spelling' },
    ]);
  });
});

describe('a spelling variant from another language’s passages', () => {
  // "solidarity" (English "solidar") is two edits from "soldat": a false friend, not a typo.
  const engine = new AnswerEngine(
    buildCorpus([
      ['eu', 'Outlet One', 'The EU voiced solidarity with Denmark.'],
      ['troupes', 'Outlet Two', 'Les soldats restent au Niger.', 'fr'],
    ]),
  );

  it('is searched within one edit only', () => {
    const hits = engine.index.search(['soldat'], { candidates: 10, language: 'fr' });
    expect(hits.map((h) => h.passage.text)).toEqual(['Les soldats restent au Niger.']);
  });

  it('within two, as before, when the question’s language is not given', () => {
    const hits = engine.index.search(['soldat'], { candidates: 10 });
    expect(hits.map((h) => h.passage.text)).toEqual([
      'Les soldats restent au Niger.',
      'The EU voiced solidarity with Denmark.',
    ]);
  });
});

describe('names and numbers across languages', () => {
  // Each fact stands in one language only; the other passage shares the question's common words.
  const engine = new AnswerEngine(
    buildCorpus([
      ['timbuktu', 'Outlet One', 'About 2,400 soldiers had left Timbuktu by then.'],
      ['gao', 'Outlet Two', 'Les soldats français ont quitté la base de Gao en août.', 'fr'],
      ['tombouctou', 'Outlet Three', 'Les 2 400 soldats ont quitté Tombouctou en décembre.', 'fr'],
      ['niger', 'Outlet Four', 'Some soldiers left for Niger in December.'],
    ]),
  );

  it('bring an English question to the French passage that carries the fact', () => {
    const a = engine.ask('When did 2,400 soldiers leave Timbuktu?');
    expect(a.citations[0]?.articleId).toBe('tombouctou');
    expect(a.citations[0]?.matched).toEqual([
      { question: '2400', passage: '2 400', how: 'exact' },
      { question: 'soldiers', passage: 'soldats', how: 'form' },
      { question: 'timbuktu', passage: 'Tombouctou', how: 'alias' },
    ]);
  });

  it('bring a French question to the English passage by its number, its place and a cognate', () => {
    const a = engine.ask('Combien de soldats avaient quitté Tombouctou, 2 400 ?');
    const english = a.citations.find((c) => c.articleId === 'timbuktu');
    expect(english?.matched).toEqual([
      { question: 'soldats', passage: 'soldiers', how: 'form' },
      { question: 'tombouctou', passage: 'Timbuktu', how: 'alias' },
      { question: '2400', passage: '2,400', how: 'exact' },
    ]);
  });
});
