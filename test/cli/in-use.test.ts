import { describe, expect, it } from 'vitest';
import { judgeAgainstInUse, type InUseComparison } from '../../src/cli/in-use.js';

/** A set with the model in use at (right answered, out-of-scope abstained) and a refit at another. */
const set = (name: string, inUse: [number, number], refit: [number, number]): InUseComparison => ({
  set: name,
  inUse: { rightAnswered: inUse[0], outOfScopeAbstained: inUse[1] },
  refit: { rightAnswered: refit[0], outOfScopeAbstained: refit[1] },
});

describe('whether a refit replaces the model in use', () => {
  it('replaces it when most sets gain and none loses more than one on either count', () => {
    const v = judgeAgainstInUse([
      set('a', [10, 5], [11, 5]),
      set('b', [20, 3], [20, 4]),
      set('c', [15, 2], [14, 3]),
    ]);
    expect(v).toMatchObject({ adopted: true, better: 2, worse: 0, worstRightLoss: 1, reasons: [] });
    expect(v.refit).toEqual({ rightAnswered: 45, outOfScopeAbstained: 12 });
  });

  it('keeps it when one set loses two right answers, however much the others gain', () => {
    // The eleven-set rank refit of last session: better ordered, fewer right answers given on some sets.
    const v = judgeAgainstInUse([
      set('a', [10, 5], [15, 5]),
      set('b', [20, 3], [25, 3]),
      set('c', [15, 2], [13, 2]),
    ]);
    expect(v.adopted).toBe(false);
    expect(v.reasons).toEqual(['a set loses 2 right answers (at most 1 allowed)']);
  });

  it('keeps it when a set loses two abstentions on out-of-scope questions', () => {
    const v = judgeAgainstInUse([
      set('a', [10, 5], [13, 3]),
      set('b', [20, 3], [21, 4]),
      set('c', [15, 2], [16, 3]),
    ]);
    expect(v.adopted).toBe(false);
    expect(v.reasons).toEqual(['a set loses 2 out-of-scope abstentions (at most 1 allowed)']);
  });

  it('keeps it when the refit wins only half the sets, or loses a count over all of them', () => {
    const half = judgeAgainstInUse([set('a', [10, 5], [11, 5]), set('b', [20, 3], [19, 3])]);
    expect(half.adopted).toBe(false);
    expect(half.reasons).toEqual(['better on 1 of 2 sets, not most']);
    const fewer = judgeAgainstInUse([
      set('a', [10, 5], [9, 7]),
      set('b', [20, 3], [19, 5]),
      set('c', [15, 2], [14, 3]),
    ]);
    expect(fewer.adopted).toBe(false);
    expect(fewer.reasons).toEqual(['right answers 45 → 42 over all sets']);
  });

  it('keeps it when there is nothing to judge on', () => {
    expect(judgeAgainstInUse([]).adopted).toBe(false);
  });
});
