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

/** One question as cross-validation reads it: its confidence under each candidate setting. */
export interface SettingsRow {
  /** The confidence under each setting, in the order of the settings' labels. */
  confidences: readonly number[];
  answerable: boolean;
  right: boolean;
}

/** What one fold chose on the other folds, and what that gave on its own questions. */
export interface FoldResult {
  fold: number;
  /** Questions in the fold, and how many of them are out of scope. */
  questions: number;
  outOfScopeQuestions: number;
  /** The setting (by index) and threshold with the most right answers net of wrong ones on the other folds. */
  setting: number;
  threshold: number;
  /** On this fold's questions, at that setting and threshold. */
  right: number;
  wrong: number;
  outOfScope: number;
}

/**
 * K-fold cross-validation of a confidence setting and its threshold: question i is in fold i mod
 * k; each fold takes the setting and threshold with the most right answers net of wrong ones on
 * the other folds (the first setting, then the lower threshold, on a tie) and is scored with them.
 */
export function crossValidate(
  rows: readonly SettingsRow[],
  settings: number,
  k = 5,
  thresholds: readonly number[] = THRESHOLDS,
): FoldResult[] {
  const out: FoldResult[] = [];
  for (let fold = 0; fold < k; fold++) {
    const train = rows.filter((_, i) => i % k !== fold);
    const test = rows.filter((_, i) => i % k === fold);
    let best = { setting: 0, threshold: thresholds[0] ?? 0, net: -Infinity };
    for (let s = 0; s < settings; s++) {
      const results = thresholdResults(
        train.map((r) => ({ confidence: r.confidences[s]!, answerable: r.answerable, right: r.right })),
        thresholds,
      );
      const b = bestThreshold(results);
      if (b && b.right - b.wrong > best.net)
        best = { setting: s, threshold: b.threshold, net: b.right - b.wrong };
    }
    const answered = test.filter((r) => r.confidences[best.setting]! >= best.threshold);
    const right = answered.filter((r) => r.right).length;
    out.push({
      fold,
      questions: test.length,
      outOfScopeQuestions: test.filter((r) => !r.answerable).length,
      setting: best.setting,
      threshold: best.threshold,
      right,
      wrong: answered.length - right,
      outOfScope: answered.filter((r) => !r.answerable).length,
    });
  }
  return out;
}

/** The cross-validation as printed: one line per fold, then the folds together. */
export function crossValidationTable(
  rows: readonly SettingsRow[],
  labels: readonly string[],
  k = 5,
  thresholds: readonly number[] = THRESHOLDS,
): string[] {
  const folds = crossValidate(rows, labels.length, k, thresholds);
  const out = folds.map(
    (f) =>
      `fold ${f.fold + 1}: ${f.questions} questions (${f.outOfScopeQuestions} out of scope); chose ${labels[f.setting]}, confidence ≥ ${f.threshold.toFixed(2)} on the others; here ${f.right} right, ${f.wrong} wrong (${f.outOfScope} out of scope answered)`,
  );
  const sum = (key: 'right' | 'wrong' | 'outOfScope') => folds.reduce((n, f) => n + f[key], 0);
  out.push(
    `folds together: ${sum('right')} right, ${sum('wrong')} wrong (${sum('outOfScope')} out of scope answered), net ${sum('right') - sum('wrong')}`,
  );
  // Each setting held fixed, only the threshold chosen per fold: what choosing the setting adds.
  labels.forEach((label, s) => {
    const alone = crossValidate(
      rows.map((r) => ({ ...r, confidences: [r.confidences[s]!] })),
      1,
      k,
      thresholds,
    );
    const right = alone.reduce((n, f) => n + f.right, 0);
    const wrong = alone.reduce((n, f) => n + f.wrong, 0);
    const oos = alone.reduce((n, f) => n + f.outOfScope, 0);
    out.push(
      `${label} alone: ${right} right, ${wrong} wrong (${oos} out of scope answered), net ${right - wrong}`,
    );
  });
  return out;
}
