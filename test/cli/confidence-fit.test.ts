import { describe, expect, it } from 'vitest';
import {
  adoption,
  bestThreshold,
  CHAIN_FORM,
  fitConfidence,
  leaveOneSetOut,
  tally,
  type ConfidenceRow,
  type Tally,
} from '../../src/cli/confidence-fit.js';
import { CONFIDENCE_FEATURES } from '../../src/engine/model.js';
import { fitLogistic } from '../../src/engine/model-fit.js';

const at = (name: (typeof CONFIDENCE_FEATURES)[number]) => CONFIDENCE_FEATURES.indexOf(name);

/** A row whose only features are the hand chain's logarithm and the spread below the best. */
function row(set: string, hand: number, spread: number, right: boolean, answerable = true): ConfidenceRow {
  const vector = new Float64Array(CONFIDENCE_FEATURES.length);
  vector[at('logHand')] = Math.log(hand);
  vector[at('spread')] = spread;
  return { set, answerable, right, hand, vector };
}

const t = (answered: number, right: number, outOfScope: number): Tally => ({
  questions: 20,
  answerable: 16,
  answered,
  right,
  outOfScope,
});

describe('what answering at a threshold gives', () => {
  const rows = [
    row('a', 0.9, 0, true),
    row('a', 0.6, 0, false),
    row('a', 0.5, 0, false, false),
    row('a', 0.2, 0, true),
  ];

  it('counts the answered, the right and the out-of-scope questions answered', () => {
    expect(tally(rows, (r) => r.hand, 0.5)).toEqual({
      questions: 4,
      answerable: 3,
      answered: 3,
      right: 1,
      outOfScope: 1,
    });
  });

  it('chooses the threshold with the most right answers net of wrong ones, the lower on a tie', () => {
    // At 0.2: 2 right, 2 wrong (net 0); at 0.7: 1 right, 0 wrong (net 1); at 0.95 none (net 0).
    expect(bestThreshold(rows, (r) => r.hand, [0.2, 0.7, 0.8, 0.95])).toBe(0.7);
  });
});

describe('the rule of adoption', () => {
  it('adopts a model better in all that loses no set badly and answers no more out-of-scope questions', () => {
    const a = adoption([
      { set: 'x', hand: t(10, 6, 2), learned: t(10, 8, 1) },
      { set: 'y', hand: t(10, 6, 2), learned: t(9, 5, 2) },
      { set: 'z', hand: t(10, 6, 2), learned: t(10, 7, 2) },
    ]);
    expect(a).toMatchObject({
      adopted: true,
      better: 2,
      worse: 1,
      handNet: 6,
      learnedNet: 11,
      worstDelta: -1,
      handOutOfScope: 6,
      learnedOutOfScope: 5,
      worstOutOfScopeRise: 0,
      reasons: [],
    });
  });

  it('refuses a model that wins in all but loses one set by more than two, and answers more out of scope there', () => {
    const a = adoption([
      { set: 'x', hand: t(10, 6, 2), learned: t(10, 10, 0) },
      { set: 'y', hand: t(10, 6, 0), learned: t(12, 5, 2) },
      { set: 'z', hand: t(10, 6, 2), learned: t(10, 7, 2) },
    ]);
    expect(a.adopted).toBe(false);
    expect(a.reasons).toEqual([
      'a set loses 4 net (at most 2 allowed)',
      'a set answers 2 more out-of-scope questions (at most 1 allowed)',
    ]);
    expect([a.better, a.worse, a.worstDelta, a.worstOutOfScopeRise, a.handNet, a.learnedNet]).toEqual([
      2, 1, -4, 2, 6, 12,
    ]);
  });

  it('refuses a model that wins as many sets as it loses, and says why', () => {
    const a = adoption([
      { set: 'x', hand: t(10, 6, 2), learned: t(10, 7, 2) },
      { set: 'y', hand: t(10, 6, 2), learned: t(10, 5, 2) },
    ]);
    expect(a.reasons).toEqual(["net 4 not above the hand chain's 4", 'better on 1 sets, worse on 1']);
  });
});

describe('a fit with signs held', () => {
  it('holds at 0 a weight whose sign the meaning forbids, and fits the rest', () => {
    // y follows x0; x1 follows y too, but its sign must be ≤ 0: held at 0.
    const rows = [
      { x: [1, 1], y: 1 as const },
      { x: [1, 0.5], y: 1 as const },
      { x: [-1, 0], y: 0 as const },
      { x: [-1, -0.5], y: 0 as const },
    ];
    const free = fitLogistic(rows, { l2: 1, intercept: false });
    const held = fitLogistic(rows, { l2: 1, intercept: false, signs: [1, -1] });
    expect(free.weights[1]).toBeGreaterThan(0);
    expect(held.weights[1]).toBe(0);
    // With x1 held, x0's weight is the one-feature optimum of rows x = ±1: w = 4(1 − σ(w)) over four rows.
    const w = held.weights[0]!;
    expect(Math.abs(w - 4 * (1 - 1 / (1 + Math.exp(-w))))).toBeLessThan(1e-9);
  });

  it('keeps a feature the form does not use at its center', () => {
    const rows = [
      { x: [1, 1], y: 1 as const },
      { x: [-1, -1], y: 0 as const },
    ];
    expect(
      [...fitLogistic(rows, { l2: 1, intercept: false, center: [0, 0.5], free: [true, false] }).weights][1],
    ).toBe(0.5);
  });
});

describe('the chain form, left out set by set', () => {
  // Two sets where a wide spread below the best means a right answer, whatever the chain says.
  const rows: ConfidenceRow[] = [];
  for (const set of ['a', 'b', 'c'])
    for (let i = 0; i < 10; i++) {
      rows.push(row(set, 0.5, 0.8, true));
      rows.push(row(set, 0.5, 0.1, false, i % 2 === 0));
    }

  it('learns a positive weight on the spread and scores each set by a model fitted on the others', () => {
    const held = leaveOneSetOut(rows, [CHAIN_FORM], [1]);
    for (const fit of held.fit.values()) {
      expect(fit.weights[at('spread')]).toBeGreaterThan(1);
      // Features the form does not use stay at the chain's center: 0.
      expect(fit.weights[at('coverage')]).toBe(0);
    }
    // Each set at the threshold its fold chose: every right answer given, every other withheld.
    const a = ['a', 'b', 'c']
      .map((set) =>
        tally(
          rows.filter((r) => r.set === set),
          (r) => held.p.get(r)!,
          held.threshold.get(set)!,
        ),
      )
      .reduce((x, y) => ({
        questions: x.questions + y.questions,
        answerable: x.answerable + y.answerable,
        answered: x.answered + y.answered,
        right: x.right + y.right,
        outOfScope: x.outOfScope + y.outOfScope,
      }));
    expect(a).toEqual({ questions: 60, answerable: 45, answered: 30, right: 30, outOfScope: 0 });
  });

  it('fits the same weights on the same rows (a refit does not flip)', () => {
    const one = fitConfidence(rows, CHAIN_FORM, 1);
    const two = fitConfidence([...rows].reverse(), CHAIN_FORM, 1);
    expect([...one.weights].map((w) => w.toFixed(9))).toEqual([...two.weights].map((w) => w.toFixed(9)));
  });
});
