import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../support/memory-corpus.js';
import { AnswerEngine } from '../../src/engine/answer.js';
import { expandQuestion } from '../../src/engine/expand.js';
import { analyzeQuestion } from '../../src/engine/question.js';
import { english } from '../../src/text/english.js';

describe('a member’s whole, from the question word’s side', () => {
  it('is what WordNet makes the word’s commonest senses members of', () => {
    expect(english.memberOf('nigerien')).toEqual(['niger']);
    expect(english.memberOf('german')).toEqual(['germany', 'deutschland', 'frg']);
    expect(english.memberOf('soldier')).toEqual([]);
  });

  // No passage says "Nigerien": the lexicon, built from the corpus words, cannot lead to "Niger".
  const engine = new AnswerEngine(
    buildCorpus([
      ['niamey', 'Outlet One', 'About 1,000 French soldiers will be based in Niamey, the capital of Niger.'],
      ['chad', 'Outlet Two', 'About 700 French soldiers are based in the capital of Chad.'],
    ]),
  );

  it('leads a question word to the whole the corpus names, at the member relation’s weight', () => {
    const read = analyzeQuestion('How many French soldiers are based in the Nigerien capital?');
    expect(expandQuestion(read, engine.index).get('niger')).toEqual({
      target: 'nigerien',
      weight: 0.6,
      via: 'member',
      from: 'nigerien',
    });
  });

  it('puts the passage on that whole first, and says how it matched', () => {
    const a = engine.ask('How many French soldiers are based in the Nigerien capital?');
    expect(a.citations[0]!.outlet).toBe('Outlet One');
    expect(a.citations[0]!.matched).toContainEqual({ question: 'nigerien', passage: 'Niger', how: 'member' });
  });
});

describe('the newsroom’s alias list', () => {
  const engine = new AnswerEngine(
    buildCorpus([['un', 'Outlet One', 'More than 170 peacekeepers have died in Mali.']]),
  );

  it('leads "blue helmets", a phrase no lexical database holds, to the peacekeepers', () => {
    const read = analyzeQuestion('How many blue helmets were killed in Mali?');
    expect(expandQuestion(read, engine.index).get('peacekeep')).toEqual({
      target: 'helmet',
      weight: 0.6,
      via: 'alias',
      from: 'blue helmets',
    });
  });
});
