/**
 * The confidence calibration table `npm run eval -- --calibrate` prints: for each threshold,
 * what the engine would answer if it answered exactly when its confidence reached it, so the
 * threshold can be chosen from the table (README, "Confidence").
 */

/** One question as calibration reads it. */
export interface CalibrationRow {
  /** The engine's confidence for it (0–1). */
  confidence: number;
  /** False for a question the corpus does not answer (an out-of-scope question). */
  answerable: boolean;
  /** Whether the first citation is right (always false for an out-of-scope question). */
  right: boolean;
}

/** The thresholds the table shows. */
export const THRESHOLDS = [0, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8, 0.9];

/** What answering at one threshold gives. */
export interface ThresholdResult {
  threshold: number;
  /** Questions answered (confidence at or above the threshold). */
  answered: number;
  /** Answered with a right first citation. */
  right: number;
  /** Answered with a wrong first citation, out-of-scope questions included. */
  wrong: number;
  /** Out-of-scope questions answered. */
  outOfScope: number;
  /** right / answered (0 when none is answered). */
  precision: number;
  /** right / answerable questions. */
  recall: number;
}

/** What answering at each threshold gives, in the order given. */
export function thresholdResults(
  rows: readonly CalibrationRow[],
  thresholds: readonly number[] = THRESHOLDS,
): ThresholdResult[] {
  const answerable = rows.filter((r) => r.answerable).length;
  return thresholds.map((threshold) => {
    const ans = rows.filter((r) => r.confidence >= threshold);
    const right = ans.filter((r) => r.right).length;
    return {
      threshold,
      answered: ans.length,
      right,
      wrong: ans.length - right,
      outOfScope: ans.filter((r) => !r.answerable).length,
      precision: ans.length === 0 ? 0 : right / ans.length,
      recall: right / Math.max(1, answerable),
    };
  });
}

/**
 * The threshold with the most right answers net of wrong ones (the lower one on a tie: it
 * answers more), the rule the engine's threshold is chosen by.
 */
export function bestThreshold(results: readonly ThresholdResult[]): ThresholdResult | null {
  let best: ThresholdResult | null = null;
  for (const r of results)
    if (
      !best ||
      r.right - r.wrong > best.right - best.wrong ||
      (r.right - r.wrong === best.right - best.wrong && r.threshold < best.threshold)
    )
      best = r;
  return best;
}

/** The table as printed, a header line and one line per threshold, then the best net threshold. */
export function calibrationTable(
  rows: readonly CalibrationRow[],
  thresholds: readonly number[] = THRESHOLDS,
): string[] {
  const results = thresholdResults(rows, thresholds);
  const pct = (x: number) => `${(100 * x).toFixed(0)}%`;
  const out = ['confidence ≥   answered   right   wrong   precision   recall   out-of-scope answered'];
  for (const r of results)
    out.push(
      `${r.threshold.toFixed(2).padStart(12)}   ${String(r.answered).padStart(8)}   ${String(r.right).padStart(5)}   ${String(r.wrong).padStart(5)}   ${pct(r.precision).padStart(9)}   ${pct(r.recall).padStart(6)}   ${String(r.outOfScope).padStart(5)}`,
    );
  const best = bestThreshold(results);
  if (best)
    out.push(
      `most right net of wrong: confidence ≥ ${best.threshold.toFixed(2)} (${best.right} right, ${best.wrong} wrong, ${best.outOfScope} of them out of scope)`,
    );
  return out;
}
