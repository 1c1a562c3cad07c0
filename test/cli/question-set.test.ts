import { describe, expect, it } from 'vitest';
import { basename } from 'node:path';
import { bundledSets, CHECK_SETS, fitSets, shortAnswerRight } from '../../src/cli/question-set.js';

describe('the scoring of a short answer', () => {
  it('holds an expected answer as whole words, or stands inside one', () => {
    const d = { answers: ['2,400 troops', 'close to 3000'] };
    expect(shortAnswerRight(d, 'some 2,400 troops')).toBe(true);
    expect(shortAnswerRight(d, '3000')).toBe(true);
    expect(shortAnswerRight(d, '400')).toBe(false);
    expect(shortAnswerRight(d, null)).toBe(false);
  });

  it('scores a "when" answer also without its resolved date', () => {
    expect(shortAnswerRight({ answers: ['on Monday'] }, 'Monday (15 Aug 2022)')).toBe(true);
  });

  it('a yes/no answer with the opposite verdict is wrong, whatever clause it quotes', () => {
    const d = { answers: ['No', 'Norway has abandoned a planned deployment'] };
    expect(shortAnswerRight(d, 'No — Norway has abandoned a planned deployment')).toBe(true);
    expect(shortAnswerRight(d, 'Yes — Norway has abandoned a planned deployment')).toBe(false);
    expect(shortAnswerRight(d, 'No')).toBe(true);
    // Words that merely open with "no" give no verdict.
    expect(shortAnswerRight({ answers: ['Yes', 'no longer needed'] }, 'no longer needed')).toBe(true);
  });

  it('where the set gives only the evidence, the clause after the verdict is scored', () => {
    const d = { answers: ['at the request of Bamako'] };
    expect(shortAnswerRight(d, 'Yes — France intervened at the request of Bamako in 2013')).toBe(true);
    expect(shortAnswerRight(d, 'Yes — France intervened in 2013')).toBe(false);
  });
});

describe('the sets a model is fitted on', () => {
  const files = [
    '/e/dev.json',
    '/e/reworded-fresh10-tuning.json',
    '/e/pages-wave23.json',
    '/e/fresh11-untouched.json',
    '/e/pages-wave21.json',
  ];

  it('leaves out the untouched sets and the check sets', () => {
    expect(fitSets(files)).toEqual(['/e/dev.json', '/e/pages-wave21.json']);
  });

  it('takes the check sets only when asked, and never an untouched set', () => {
    expect(fitSets(files, true)).toEqual([
      '/e/dev.json',
      '/e/reworded-fresh10-tuning.json',
      '/e/pages-wave23.json',
      '/e/pages-wave21.json',
    ]);
  });

  it('names bundled sets, so a renamed set cannot slip back into the fit', () => {
    const bundled = bundledSets().map((f) => basename(f));
    for (const name of CHECK_SETS) expect(bundled).toContain(name);
  });
});
