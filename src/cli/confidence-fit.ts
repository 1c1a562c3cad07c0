/**
 * Fitting and judging the confidence model for `npm run train` (README, "Confidence"): a
 * logistic model over model.ts CONFIDENCE_FEATURES whose weights have the sign their meaning
 * gives them (more of the question left unmatched never raises confidence), its form and L2
 * strength chosen by leave-one-set-out inside each fold, and a rule of adoption that looks at
 * the worst sets, not only at how many sets it wins.
 *
 * Pure: rows in, tables and decisions out.
 */
import { CONFIDENCE_FEATURES, confidenceProbability, type ConfidenceFeature } from '../engine/model.js';
import { fitLogistic, type Fitted } from '../engine/model-fit.js';

/** One question as the confidence model reads it, under the ranking in use. */
export interface ConfidenceRow {
  set: string;
  /** False for an out-of-scope question. */
  answerable: boolean;
  /** Whether the first candidate is right (false for an out-of-scope question). */
  right: boolean;
  /** The hand chain's confidence (answer.ts confidenceOf). */
  hand: number;
  /** The features, in CONFIDENCE_FEATURES order. */
  vector: Float64Array;
}

/**
 * The sign each feature's weight must have: 1 where more of it can only mean surer (coverage,
 * a margin over the next passage), −1 where more can only mean less sure (question words or
 * names unmatched, an asked type absent), 0 where the meaning gives no sign.
 */
export const SIGNS: Readonly<Record<ConfidenceFeature, -1 | 0 | 1>> = {
  logHand: 1,
  coverage: 1,
  typed: 1,
  untyped: -1,
  near: 1,
  nowhere: -1,
  margin: 1,
  agreement: 1,
  unnamed: -1,
  bare: -1,
  exact: 1,
  proximity: 1,
  title: 0,
  missing: -1,
  unmetSpecific: -1,
  spread: 1,
};

/** A form of the confidence model: which features it uses, and whether their signs are held. */
export interface Variant {
  name: string;
  features: readonly ConfidenceFeature[];
  monotone: boolean;
}

/**
 * The form the engine uses: the hand chain with a few learned weights, on its logarithm, on the
 * question's specific words the corpus did not give (`missing`, `unmetSpecific`) and on how the
 * scores below the best spread (`spread`), every sign held. Chosen among FORMS by
 * leave-one-set-out over the eleven tuning sets of 2 Dec 2026 (README, "Confidence"): the others
 * won more on some sets and lost more on the worst, and their folds chose different forms.
 */
export const CHAIN_FORM: Variant = {
  name: 'chain+specific',
  features: ['logHand', 'missing', 'unmetSpecific', 'spread'],
  monotone: true,
};

/** The forms `npm run train` compares (the engine's first; the others printed beside it). */
export const FORMS: readonly Variant[] = [
  CHAIN_FORM,
  { name: 'all, monotone', features: CONFIDENCE_FEATURES, monotone: true },
  {
    name: 'all but the new three, free (last session)',
    features: CONFIDENCE_FEATURES.filter((f) => !['missing', 'unmetSpecific', 'spread'].includes(f)),
    monotone: false,
  },
];

/** The forms the engine's model is chosen among: the chain's alone (see CHAIN_FORM). */
export const VARIANTS: readonly Variant[] = [CHAIN_FORM];

/** L2 strengths tried (rows count one a question); the weights shrink towards the hand chain alone. */
export const CONFIDENCE_L2 = [1, 10, 100] as const;

/** The center the penalty pulls towards: the hand chain alone (weight 1 on its logarithm). */
const CENTER = Float64Array.from(CONFIDENCE_FEATURES.map((f) => (f === 'logHand' ? 1 : 0)));

/** The grid thresholds are chosen on. */
export const GRID = Array.from({ length: 17 }, (_, i) => Math.round((0.1 + 0.05 * i) * 100) / 100);

/** What answering at or above a threshold gives on some rows. */
export interface Tally {
  questions: number;
  answerable: number;
  answered: number;
  right: number;
  /** Out-of-scope questions answered. */
  outOfScope: number;
}

/** What answering when `conf(row) ≥ t` gives. */
export function tally(rows: readonly ConfidenceRow[], conf: (r: ConfidenceRow) => number, t: number): Tally {
  const out: Tally = { questions: rows.length, answerable: 0, answered: 0, right: 0, outOfScope: 0 };
  for (const r of rows) {
    if (r.answerable) out.answerable++;
    if (conf(r) < t) continue;
    out.answered++;
    if (r.right) out.right++;
    if (!r.answerable) out.outOfScope++;
  }
  return out;
}

/** Right answers net of wrong ones. */
export const net = (a: Tally): number => 2 * a.right - a.answered;

/** The threshold of `grid` with the most right answers net of wrong ones (the lower on a tie). */
export function bestThreshold(
  rows: readonly ConfidenceRow[],
  conf: (r: ConfidenceRow) => number,
  grid: readonly number[] = GRID,
): number {
  let best = grid[0]!;
  let bestNet = -Infinity;
  for (const t of grid) {
    const n = net(tally(rows, conf, t));
    if (n > bestNet) {
      bestNet = n;
      best = t;
    }
  }
  return best;
}

/** Fits a form of the model on rows (label: the first candidate is right). */
export function fitConfidence(rows: readonly ConfidenceRow[], variant: Variant, l2: number): Fitted {
  return fitLogistic(
    rows.map((r) => ({ x: r.vector, y: r.right ? 1 : 0 })),
    {
      l2,
      intercept: true,
      center: CENTER,
      free: CONFIDENCE_FEATURES.map((f) => variant.features.includes(f)),
      ...(variant.monotone ? { signs: CONFIDENCE_FEATURES.map((f) => SIGNS[f]) } : {}),
    },
  );
}

/** The probability a fitted model gives a row, as the engine reads it (model.ts confidenceProbability). */
export const probability =
  (fit: Fitted) =>
  (r: ConfidenceRow): number =>
    confidenceProbability(fit, r.vector);

/** A form and strength of the model. */
export interface Setting {
  variant: Variant;
  l2: number;
}

/**
 * The setting whose answers, each set of `rows` scored by the model fitted on the others at the
 * threshold chosen on those others, are the most right net of wrong (the first on a tie).
 */
export function chooseSetting(
  rows: readonly ConfidenceRow[],
  variants: readonly Variant[] = VARIANTS,
  l2s: readonly number[] = CONFIDENCE_L2,
): Setting {
  const sets = [...new Set(rows.map((r) => r.set))];
  let best: Setting = { variant: variants[0]!, l2: l2s[0]! };
  let bestNet = -Infinity;
  for (const variant of variants)
    for (const l2 of l2s) {
      let total = 0;
      for (const name of sets) {
        const train = rows.filter((r) => r.set !== name);
        const p = probability(fitConfidence(train, variant, l2));
        total += net(
          tally(
            rows.filter((r) => r.set === name),
            p,
            bestThreshold(train, p),
          ),
        );
      }
      if (total > bestNet) {
        bestNet = total;
        best = { variant, l2 };
      }
    }
  return best;
}

/** Leave-one-set-out: each set scored by the model chosen and fitted on the other sets. */
export interface HeldOut {
  /** Each row's probability from the model fitted without its set. */
  p: Map<ConfidenceRow, number>;
  /** Per set: the threshold and setting chosen on the other sets. */
  threshold: Map<string, number>;
  setting: Map<string, Setting>;
  /** Per set: the model fitted on the other sets. */
  fit: Map<string, Fitted>;
}

/** Scores every set by the model (form, L2, threshold) chosen and fitted on the others. */
export function leaveOneSetOut(
  rows: readonly ConfidenceRow[],
  variants: readonly Variant[] = VARIANTS,
  l2s: readonly number[] = CONFIDENCE_L2,
): HeldOut {
  const out: HeldOut = { p: new Map(), threshold: new Map(), setting: new Map(), fit: new Map() };
  for (const name of new Set(rows.map((r) => r.set))) {
    const train = rows.filter((r) => r.set !== name);
    const setting = chooseSetting(train, variants, l2s);
    const fit = fitConfidence(train, setting.variant, setting.l2);
    const p = probability(fit);
    for (const r of rows) if (r.set === name) out.p.set(r, p(r));
    out.fit.set(name, fit);
    out.threshold.set(name, bestThreshold(train, p));
    out.setting.set(name, setting);
  }
  return out;
}

/** A set's answers by the hand chain and by the held-out model. */
export interface SetComparison {
  set: string;
  hand: Tally;
  learned: Tally;
}

/** Right net of wrong a set may lose against the hand chain, at most, for the model to be adopted. */
export const WORST_SET_LOSS = 2;
/** More out-of-scope questions answered than the hand chain a set may show, at most. */
export const WORST_SET_OUT_OF_SCOPE = 1;

/** The rule of adoption's reading of the held-out comparison. */
export interface Adoption {
  adopted: boolean;
  /** Sets where the model is better, worse (right net of wrong). */
  better: number;
  worse: number;
  /** Summed right net of wrong: hand chain, model. */
  handNet: number;
  learnedNet: number;
  /** The largest loss of one set (learned net − hand net at its lowest). */
  worstDelta: number;
  /** Out-of-scope questions answered over every set: hand chain, model; and the largest rise of one set. */
  handOutOfScope: number;
  learnedOutOfScope: number;
  worstOutOfScopeRise: number;
  /** Why it is not adopted (empty when it is). */
  reasons: string[];
}

/**
 * Adopted only when, held out set by set, it gives more right answers net of wrong ones in
 * all, wins more sets than it loses, loses no set more than WORST_SET_LOSS, answers no more
 * out-of-scope questions in all, and on no set more than WORST_SET_OUT_OF_SCOPE more: last
 * session's model won six of nine sets and answered more out-of-scope questions on new
 * material, which the count of sets won did not see.
 */
export function adoption(sets: readonly SetComparison[]): Adoption {
  const a: Adoption = {
    adopted: false,
    better: 0,
    worse: 0,
    handNet: 0,
    learnedNet: 0,
    worstDelta: Infinity,
    handOutOfScope: 0,
    learnedOutOfScope: 0,
    worstOutOfScopeRise: -Infinity,
    reasons: [],
  };
  for (const s of sets) {
    const d = net(s.learned) - net(s.hand);
    if (d > 0) a.better++;
    if (d < 0) a.worse++;
    a.handNet += net(s.hand);
    a.learnedNet += net(s.learned);
    a.worstDelta = Math.min(a.worstDelta, d);
    a.handOutOfScope += s.hand.outOfScope;
    a.learnedOutOfScope += s.learned.outOfScope;
    a.worstOutOfScopeRise = Math.max(a.worstOutOfScopeRise, s.learned.outOfScope - s.hand.outOfScope);
  }
  if (a.learnedNet <= a.handNet)
    a.reasons.push(`net ${a.learnedNet} not above the hand chain's ${a.handNet}`);
  if (a.better <= a.worse) a.reasons.push(`better on ${a.better} sets, worse on ${a.worse}`);
  if (a.worstDelta < -WORST_SET_LOSS)
    a.reasons.push(`a set loses ${-a.worstDelta} net (at most ${WORST_SET_LOSS} allowed)`);
  if (a.learnedOutOfScope > a.handOutOfScope)
    a.reasons.push(`${a.learnedOutOfScope} out-of-scope questions answered against ${a.handOutOfScope}`);
  if (a.worstOutOfScopeRise > WORST_SET_OUT_OF_SCOPE)
    a.reasons.push(
      `a set answers ${a.worstOutOfScopeRise} more out-of-scope questions (at most ${WORST_SET_OUT_OF_SCOPE} allowed)`,
    );
  a.adopted = sets.length > 0 && a.reasons.length === 0;
  return a;
}
