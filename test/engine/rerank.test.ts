import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../support/memory-corpus.js';
import type { EngineModel } from '../../src/engine/model.js';

/** The hand formula, whatever the model file adopts: these tests place passages by its order. */
const HAND_ORDER: EngineModel = { rank: null, confidence: null };
import { AnswerEngine, proximity, spreadRepeats } from '../../src/engine/answer.js';
import type { Hit, Match } from '../../src/engine/search.js';

/** A hit whose matches are the given [question term, passage term, how] triples. */
function hitWith(matches: Array<[string, string, Match['via']]>): Hit {
  return {
    passage: { id: 0, articleId: 'a', block: 0, start: 0, end: 0, text: '' },
    score: 1,
    weights: new Map(matches.map(([t]) => [t, 1])),
    matches: new Map(matches.map(([t, term, via]) => [t, { term, via, weight: 1 }])),
  };
}

describe('proximity of the matched words', () => {
  const terms = ['french', 'troop', 'left', 'mali', 'yesterday', 'niger', 'troop'];

  it('is the number of question words matched over the shortest run of terms holding them all', () => {
    // "troop" … "mali": 3 terms hold both.
    expect(
      proximity(
        terms,
        hitWith([
          ['troop', 'troop', 'exact'],
          ['mali', 'mali', 'exact'],
        ]),
      ),
    ).toBeCloseTo(2 / 3, 10);
    // The last "troop" stands nearer "niger" than the first: 2 terms.
    expect(
      proximity(
        terms,
        hitWith([
          ['troop', 'troop', 'exact'],
          ['niger', 'niger', 'exact'],
        ]),
      ),
    ).toBe(1);
    // Through a related word too: "soldiers" met "troop".
    expect(
      proximity(
        terms,
        hitWith([
          ['soldier', 'troop', 'synonym'],
          ['french', 'french', 'exact'],
        ]),
      ),
    ).toBe(1);
  });

  it('is 0 with fewer than two question words matched in the passage itself', () => {
    expect(proximity(terms, hitWith([['mali', 'mali', 'exact']]))).toBe(0);
    // A word found only in the sentence before does not stand in this one.
    expect(
      proximity(
        terms,
        hitWith([
          ['mali', 'mali', 'exact'],
          ['niger', 'niger', 'context'],
        ]),
      ),
    ).toBe(0);
  });
});

describe('near-repeats among the first passages', () => {
  const ranked = (...xs: Array<[number, string]>) =>
    xs.map(([final, text]) => ({ final, passage: { text } }));
  const texts = (xs: Array<{ passage: { text: string } }>) => xs.map((x) => x.passage.text);
  const a = 'France will withdraw its troops from Mali after nine years';
  // Every word of `a` but two, in another order: overlap 8 of 10 words.
  const again = 'after nine years France will withdraw its soldiers from Bamako';
  const other = 'Niger will host the European special forces near its borders';

  it('give way to the next passage that says something else, the best passage staying first', () => {
    // The repeat scores 0.9 of the best but loses 0.3 (overlap 0.8 beyond 0.5): 0.6 < 0.7.
    expect(texts(spreadRepeats(ranked([1, a], [0.9, again], [0.7, other])))).toEqual([a, other, again]);
  });

  it('keep their place when the next different passage scores far below them', () => {
    expect(texts(spreadRepeats(ranked([1, a], [0.9, again], [0.5, other])))).toEqual([a, again, other]);
  });

  it('leave an order of different passages as it was', () => {
    const third = 'Germany has some 1,300 troops deployed as part of the EUTM';
    expect(texts(spreadRepeats(ranked([1, a], [0.4, other], [0.3, third])))).toEqual([a, other, third]);
  });
});

describe('reranking', () => {
  it('puts the passage whose matched words stand together above one where they are scattered', () => {
    const engine = new AnswerEngine(
      buildCorpus([
        [
          'scattered',
          'Outlet One',
          'A convoy of lorries that had waited for weeks at the border finally crossed the desert on Monday.',
        ],
        [
          'together',
          'Outlet Two',
          'Officials said the desert convoy, escorted by soldiers, reached Gao on Monday evening.',
        ],
        ['other', 'Outlet Three', 'Farmers near Mopti reported a poor harvest this year.'],
      ]),
      undefined,
      undefined,
      HAND_ORDER,
    );
    const a = engine.ask('desert convoy');
    expect(a.citations.map((c) => c.outlet)).toEqual(['Outlet Two', 'Outlet One']);
  });

  it('shows every year the passages give for a "when" question among the first five citations', () => {
    const engine = new AnswerEngine(
      buildCorpus([
        ['one', 'Outlet One', 'The French campaign against the insurgents began in 2013.'],
        [
          'two',
          'Outlet Two',
          'Officials recalled that the French campaign against insurgents began in 2013 in the north.',
        ],
        [
          'three',
          'Outlet Three',
          'Paris says its campaign against the insurgents began in 2013 at the request of Bamako.',
        ],
        [
          'four',
          'Outlet Four',
          'In 2013 a French campaign began, aimed at insurgents who held the desert towns.',
        ],
        [
          'five',
          'Outlet Five',
          'Its campaign against the insurgents, French generals wrote, began in 2013 with air strikes.',
        ],
        [
          'six',
          'Outlet Six',
          'A French campaign that began in 2013 pushed the insurgents out of Timbuktu within weeks.',
        ],
        [
          'eight',
          'Outlet Eight',
          'Analysts date the French campaign against the insurgents, which began in 2013, from the fall of Konna.',
        ],
        [
          'nine',
          'Outlet Nine',
          'The insurgents were routed when the French campaign began in 2013, the defence ministry said.',
        ],
        [
          'seven',
          'Outlet Seven',
          'According to one historian, French special forces began a quiet campaign against the insurgents in the desert in 2012, months before the main one was announced.',
        ],
      ]),
      undefined,
      undefined,
      HAND_ORDER,
    );
    const a = engine.ask('When did the French campaign against the insurgents begin?');
    // Ranked alone, the 2012 passage comes sixth; it takes the place of a passage repeating 2013.
    // Outlet Nine, which repeats less of the passages above it (word overlap 0.54 against 0.67),
    // comes before Outlet Two.
    expect(a.citations.map((c) => c.outlet)).toEqual([
      'Outlet Six',
      'Outlet Three',
      'Outlet Eight',
      'Outlet Nine',
      'Outlet Seven',
    ]);
    expect(a.citations[4]!.quote).toContain('in 2012');
  });
});
