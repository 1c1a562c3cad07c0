import { describe, expect, it } from 'vitest';
import { bestThreshold, calibrationTable, thresholdResults } from '../../src/cli/calibration.js';

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
