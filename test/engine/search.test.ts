import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Passage } from '../../src/corpus/load.js';
import { lettersApart, letterMask, PassageIndex, withinEdits } from '../../src/engine/search.js';
import { indexTerms } from '../../src/text/tokenize.js';

/** Passages in one article, each a sentence; ids are positions. */
function passages(texts: string[]): Passage[] {
  let at = 0;
  return texts.map((text, id) => {
    const p = { id, articleId: 'a', block: id, start: at, end: at + text.length, text };
    at += text.length + 2;
    return p;
  });
}

// Many passages mention troops and Mali; one says both twice and is the best match.
const TEXTS = [
  ...Array.from(
    { length: 40 },
    (_, i) => `Report ${i}: troops moved through the region near Mali during week ${i}.`,
  ),
  'Troops left Mali; the last troops crossed from Mali into Niger.',
  'A convoy of troops was seen near Gao.',
  'Mali and its neighbours discussed the border.',
];

describe('PassageIndex posting budget', () => {
  it('finds the same best passage when common terms are scored on candidates as when every posting is walked', () => {
    const full = new PassageIndex(passages(TEXTS));
    const budgeted = new PassageIndex(passages(TEXTS), undefined, { postingBudget: 4 });
    const terms = indexTerms('troops Mali');
    const a = full.search(terms, { candidates: 10 });
    const b = budgeted.search(terms, { candidates: 10 });
    expect(a[0]!.passage.text).toBe('Troops left Mali; the last troops crossed from Mali into Niger.');
    expect(b[0]!.passage.text).toBe(a[0]!.passage.text);
    // Both terms still count as matched in the passage's own words, so coverage is unaffected.
    expect([...b[0]!.weights.entries()].sort()).toEqual([
      ['mali', 1],
      ['troop', 1],
    ]);
  });

  it('walks the rare term and scores the common one on its candidates when the budget allows only the rare one', () => {
    const budgeted = new PassageIndex(passages(TEXTS), undefined, { postingBudget: 4 });
    const hits = budgeted.search(indexTerms('troops Gao'), { candidates: 10 });
    expect(hits[0]!.passage.text).toBe('A convoy of troops was seen near Gao.');
    expect(hits[0]!.weights.get('troop')).toBe(1);
  });

  it('finds a misspelt rare word through its spelling variants, weighted below an exact match', () => {
    const index = new PassageIndex(passages(TEXTS));
    const hits = index.search(indexTerms('convvoy'), { candidates: 5 });
    expect(hits[0]!.passage.text).toBe('A convoy of troops was seen near Gao.');
    expect(hits[0]!.weights.get(indexTerms('convvoy')[0]!)).toBe(0.8);
  });
});

describe('PassageIndex.holds', () => {
  it("says whether one passage's own text holds an index term, as termsAt lists them", () => {
    const index = new PassageIndex(passages(TEXTS));
    const convoy = TEXTS.indexOf('A convoy of troops was seen near Gao.');
    expect(index.holds(convoy, 'convoy')).toBe(true);
    expect(index.holds(convoy, 'troop')).toBe(true);
    // Stop words are no index terms; a term of other passages only, or of none, is not held.
    expect(index.holds(convoy, 'of')).toBe(false);
    expect(index.holds(convoy, 'mali')).toBe(false);
    expect(index.holds(convoy, 'zebra')).toBe(false);
    expect(index.holds(-1, 'convoy')).toBe(false);
    expect(index.holds(TEXTS.length, 'convoy')).toBe(false);
    for (let id = 0; id < TEXTS.length; id++)
      for (const term of ['troop', 'mali', 'gao', 'niger', 'report'])
        expect(index.holds(id, term)).toBe(index.termsAt(id).includes(term));
  });
});

describe('two neighbouring letters swapped', () => {
  it('count as one edit with swaps, as two without', () => {
    expect(withinEdits('frist', 'first', 1, true)).toBe(true);
    expect(withinEdits('frist', 'first', 1)).toBe(false);
    expect(withinEdits('germnay', 'germani', 1, true)).toBe(false);
    expect(withinEdits('germnay', 'germany', 1, true)).toBe(true);
    // Two swaps are two edits; a letter carried over two places is no single swap.
    expect(withinEdits('cheif', 'chief', 1, true)).toBe(true);
    expect(withinEdits('abcd', 'badc', 1, true)).toBe(false);
    expect(withinEdits('abcd', 'badc', 2, true)).toBe(true);
    expect(withinEdits('abc', 'bca', 1, true)).toBe(false);
  });

  it('let a typed slip of a short word meet the word as a spelling variant', () => {
    const index = new PassageIndex(
      passages(['Germany sent troops.', 'Denmark recalled its soldiers.', 'Estonia stayed.']),
    );
    // "germnay" is two edits (a swap and y → i) from the index's "germani" with swaps, three without.
    expect(index.variants('germnay')).toEqual(['germani']);
    const hits = index.search(['germnay'], { candidates: 5 });
    expect(hits.map((h) => [h.passage.text, h.matches.get('germnay')?.via])).toEqual([
      ['Germany sent troops.', 'spelling'],
    ]);
  });
});

/** Optimal string alignment distance, written plainly: the reference for the letter bound. */
function osaDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(
        d[i - 1]![j]! + 1,
        d[i]![j - 1]! + 1,
        d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  return d[a.length]![b.length]!;
}

describe('the letter bound that spelling variants are first filtered by', () => {
  it('counts the letters one word uses and the other does not, the larger side', () => {
    expect(lettersApart(letterMask('mail'), letterMask('mali'))).toBe(0);
    // "troupes" uses u and e, which "troops" does not; "troops" uses none "troupes" lacks.
    expect(lettersApart(letterMask('troops'), letterMask('troupes'))).toBe(2);
    expect(lettersApart(letterMask('barkhane'), letterMask('serval'))).toBe(4);
  });

  it('is never above the edits between two words, swaps counted as one', () => {
    const word = fc.string({ unit: fc.constantFrom(...'abcdeéz1'), maxLength: 9 });
    fc.assert(
      fc.property(word, word, (a, b) => {
        expect(lettersApart(letterMask(a), letterMask(b))).toBeLessThanOrEqual(osaDistance(a, b));
      }),
      { numRuns: 5_000 },
    );
  });

  it('leaves the spelling variants of a misspelt word as they were', () => {
    const index = new PassageIndex(
      passages([
        'The withdrawal was announced in February.',
        'Withdrawals of troops continued.',
        'Witnesses described the attack.',
        'The wildlife reserve closed.',
      ]),
    );
    expect(index.variants('withdrwal')).toEqual(['withdraw']);
  });
});

describe('PassageIndex spelling variants of dictionary words', () => {
  const index = new PassageIndex(
    passages([
      'The junta decided to expel the French ambassador.',
      'His Excellency the ambassador was summoned on Monday.',
      'The defence ministry confirmed the departure.',
    ]),
  );
  const found = (word: string) =>
    index
      .search(indexTerms(word), { candidates: 10, dictionary: new Set(indexTerms(word)) })
      .map((h) => h.passage.text);

  it('takes no spelling variant for a dictionary word the passages use: "expel" does not meet "Excellency"', () => {
    expect(found('expel')).toEqual(['The junta decided to expel the French ambassador.']);
  });

  it('still meets a spelling variant of a dictionary word the passages never use ("defense" / "defence")', () => {
    expect(found('defense')).toEqual(['The defence ministry confirmed the departure.']);
  });
});
