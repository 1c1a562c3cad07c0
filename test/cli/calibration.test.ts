import { describe, expect, it } from 'vitest';
import {
  bestThreshold,
  calibrationTable,
  crossValidate,
  crossValidationTable,
  thresholdResults,
} from '../../src/cli/calibration.js';

/** Five questions: three answerable (two with a right first citation), two out of scope. */
const rows = [
  { confidence: 0.9, answerable: true, right: true },
  { confidence: 0.5, answerable: true, right: true },
  { confidence: 0.45, answerable: false, right: false },
  { confidence: 0.3, answerable: true, right: false },
  { confidence: 0.1, answerable: false, right: false },
];

describe('the calibration table', () => {
  it('counts what answering at each threshold would give', () => {
    expect(thresholdResults(rows, [0, 0.4, 0.6])).toEqual([
      { threshold: 0, answered: 5, right: 2, wrong: 3, outOfScope: 2, precision: 0.4, recall: 2 / 3 },
      { threshold: 0.4, answered: 3, right: 2, wrong: 1, outOfScope: 1, precision: 2 / 3, recall: 2 / 3 },
      { threshold: 0.6, answered: 1, right: 1, wrong: 0, outOfScope: 0, precision: 1, recall: 1 / 3 },
    ]);
  });

  it('names the threshold with the most right answers net of wrong ones, the lower on a tie', () => {
    // 0.4 and 0.6 both net 1: the lower answers more.
    expect(bestThreshold(thresholdResults(rows, [0, 0.4, 0.6]))?.threshold).toBe(0.4);
    expect(bestThreshold(thresholdResults(rows, [0.6, 0.46]))?.threshold).toBe(0.46);
    expect(bestThreshold([])).toBeNull();
  });

  it('prints one line per threshold and the best one', () => {
    expect(calibrationTable(rows, [0, 0.5])).toEqual([
      'confidence ≥   answered   right   wrong   precision   recall   out-of-scope answered',
      '        0.00          5       2       3         40%      67%       2',
      '        0.50          2       2       0        100%      67%       0',
      'most right net of wrong: confidence ≥ 0.50 (2 right, 0 wrong, 0 of them out of scope)',
    ]);
  });
});

describe('cross-validation of a confidence setting', () => {
  // Ten questions, two settings: the second lowers the two out-of-scope ones below 0.4.
  const rows = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => {
    const outOfScope = i === 3 || i === 8;
    return {
      confidences: [0.5, outOfScope ? 0.3 : 0.5],
      answerable: !outOfScope,
      right: !outOfScope && i !== 9,
    };
  });

  it('chooses each fold’s setting and threshold on the other folds and scores it on its own', () => {
    const folds = crossValidate(rows, 2, 5, [0, 0.4]);
    // Fold 4 holds questions 3 and 8 (i mod 5 = 3), the two out of scope: the other folds hold
    // none, so both settings net 6 there, the first is kept at the lower threshold, and both
    // out-of-scope questions are answered.
    expect(folds[3]).toEqual({
      fold: 3,
      questions: 2,
      outOfScopeQuestions: 2,
      setting: 0,
      threshold: 0,
      right: 0,
      wrong: 2,
      outOfScope: 2,
    });
    // Elsewhere the second setting at 0.4 nets 6 or 4 on the other folds against 4 or 2.
    expect(folds.map((f) => [f.setting, f.threshold, f.right, f.wrong])).toEqual([
      [1, 0.4, 2, 0],
      [1, 0.4, 2, 0],
      [1, 0.4, 2, 0],
      [0, 0, 0, 2],
      [1, 0.4, 1, 1],
    ]);
  });

  it('prints each fold, the folds together and each setting alone', () => {
    const lines = crossValidationTable(rows, ['plain', 'names'], 5, [0, 0.4]);
    expect(lines[0]).toBe(
      'fold 1: 2 questions (0 out of scope); chose names, confidence ≥ 0.40 on the others; here 2 right, 0 wrong (0 out of scope answered)',
    );
    expect(lines.slice(5)).toEqual([
      'folds together: 7 right, 3 wrong (2 out of scope answered), net 4',
      'plain alone: 7 right, 3 wrong (2 out of scope answered), net 4',
      'names alone: 7 right, 3 wrong (2 out of scope answered), net 4',
    ]);
  });
});
