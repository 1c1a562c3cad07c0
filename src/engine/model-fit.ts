/**
 * Fitting the linear models of model.ts (offline, in `npm run train`): L2-regularised logistic
 * regression by Newton's method.
 *
 * Written by hand: the npm packages for it (ml-logistic-regression, and those of the big ML
 * frameworks) fit one-vs-all classifiers by plain gradient descent with a fixed learning rate and
 * neither weight rows nor shrink towards a prior, and pairwise ranking needs both (each question
 * counts once however many pairs it gives, and the weights shrink towards the hand formula).
 * Newton's method on a couple of dozen features converges in a few steps without a step size to
 * tune; it is a page of code.
 */

/** One training row: features, label, and how much it counts. */
export interface FitRow {
  x: ArrayLike<number>;
  y: 0 | 1;
  weight?: number;
}

/** Options of the fit. */
export interface FitOptions {
  /** L2 strength: the penalty is l2/2 × |w − center|² (the bias is not penalised). */
  l2: number;
  /** Fit a bias term too (not for pairwise rows, whose differences have none). */
  intercept: boolean;
  /** The weights the penalty shrinks towards (default all 0). */
  center?: ArrayLike<number>;
  /** Newton steps at most (default 50). */
  steps?: number;
  /**
   * Per feature, the sign its weight must have (1: at least 0, −1: at most 0, 0: either); a
   * weight that comes out with the other sign is held at 0 and the rest refitted (an active
   * set), so that, say, more of the question left unmatched can never raise confidence.
   */
  signs?: ArrayLike<number>;
  /** Per feature, false to hold its weight at its center (the feature is not used). */
  free?: ArrayLike<boolean>;
}

/** The fitted weights (and bias, 0 without intercept). */
export interface Fitted {
  weights: Float64Array;
  bias: number;
}

/** The largest change of one weight in one Newton step. */
const MAX_STEP = 4;

/** Solves A x = b in place by Gaussian elimination with partial pivoting (A is n × n, row-major). */
function solve(a: Float64Array, b: Float64Array, n: number): Float64Array {
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r * n + c]!) > Math.abs(a[p * n + c]!)) p = r;
    if (p !== c) {
      for (let k = 0; k < n; k++) [a[c * n + k], a[p * n + k]] = [a[p * n + k]!, a[c * n + k]!];
      [b[c], b[p]] = [b[p]!, b[c]!];
    }
    const d = a[c * n + c]!;
    if (Math.abs(d) < 1e-12) continue;
    for (let r = c + 1; r < n; r++) {
      const f = a[r * n + c]! / d;
      if (f === 0) continue;
      for (let k = c; k < n; k++) a[r * n + k]! -= f * a[c * n + k]!;
      b[r]! -= f * b[c]!;
    }
  }
  const x = new Float64Array(n);
  for (let r = n - 1; r >= 0; r--) {
    let s = b[r]!;
    for (let k = r + 1; k < n; k++) s -= a[r * n + k]! * x[k]!;
    const d = a[r * n + r]!;
    x[r] = Math.abs(d) < 1e-12 ? 0 : s / d;
  }
  return x;
}

/**
 * Fits P(y = 1 | x) = σ(w · x + b), minimising the weighted log loss plus the L2 penalty.
 * Throws when the rows are empty or of different lengths.
 */
export function fitLogistic(rows: readonly FitRow[], options: FitOptions): Fitted {
  if (!options.signs && !options.free) return fitFree(rows, options, null);
  const d = rows[0]?.x.length ?? 0;
  const held = Array.from({ length: d }, (_, i) => options.free?.[i] === false);
  for (;;) {
    const fitted = fitFree(rows, options, held);
    let changed = false;
    for (let i = 0; i < d; i++) {
      const sign = options.signs?.[i] ?? 0;
      if (held[i] || sign === 0 || fitted.weights[i]! * sign >= 0) continue;
      held[i] = true;
      changed = true;
    }
    if (!changed) return fitted;
  }
}

/**
 * The fit of fitLogistic with the features `held` (when given) kept at their center, or at 0
 * for a sign-constrained one the active set holds (a held feature's center is its value).
 */
function fitFree(rows: readonly FitRow[], options: FitOptions, held: readonly boolean[] | null): Fitted {
  if (rows.length === 0) throw new Error('fitLogistic: no rows');
  const d = rows[0]!.x.length;
  for (const r of rows)
    if (r.x.length !== d) throw new Error(`fitLogistic: a row has ${r.x.length} features, not ${d}`);
  // The bias, when fitted, is the last coordinate.
  const n = d + (options.intercept ? 1 : 0);
  const center = Float64Array.from({ length: n }, (_, i) => (i < d ? (options.center?.[i] ?? 0) : 0));
  // A sign-held weight whose center has the wrong sign is held at 0, not at its center.
  if (held)
    for (let i = 0; i < d; i++)
      if (held[i] && options.free?.[i] !== false && (options.signs?.[i] ?? 0) * center[i]! < 0) center[i] = 0;
  const w = Float64Array.from(center);
  // Each row once as a dense vector, the bias's 1 last.
  const xs = rows.map((r) => Float64Array.from({ length: n }, (_, i) => (i < d ? r.x[i]! : 1)));
  for (let step = 0; step < (options.steps ?? 50); step++) {
    const grad = new Float64Array(n);
    const hess = new Float64Array(n * n);
    for (let i = 0; i < d; i++) {
      grad[i] = options.l2 * (w[i]! - center[i]!);
      hess[i * n + i] = options.l2;
    }
    rows.forEach((r, j) => {
      const x = xs[j]!;
      let z = 0;
      for (let i = 0; i < n; i++) z += w[i]! * x[i]!;
      const p = 1 / (1 + Math.exp(-z));
      const c = r.weight ?? 1;
      const s = c * p * (1 - p);
      const g = c * (p - r.y);
      for (let i = 0; i < n; i++) {
        const xi = x[i]!;
        if (xi === 0) continue;
        grad[i]! += g * xi;
        const sx = s * xi;
        // The upper triangle only; the lower is copied after.
        for (let k = i; k < n; k++) hess[i * n + k]! += sx * x[k]!;
      }
    });
    for (let i = 0; i < n; i++) for (let k = 0; k < i; k++) hess[i * n + k] = hess[k * n + i]!;
    if (held)
      for (let i = 0; i < d; i++) {
        if (!held[i]) continue;
        // A held weight does not move: its row and column of the system become the identity's.
        for (let k = 0; k < n; k++) {
          hess[i * n + k] = 0;
          hess[k * n + i] = 0;
        }
        hess[i * n + i] = 1;
        grad[i] = 0;
      }
    const delta = solve(hess, grad, n);
    let size = 0;
    for (let i = 0; i < n; i++) size = Math.max(size, Math.abs(delta[i]!));
    // A long step far from the optimum can overshoot: it is cut to MAX_STEP in its largest coordinate.
    const scale = size > MAX_STEP ? MAX_STEP / size : 1;
    for (let i = 0; i < n; i++) w[i]! -= scale * delta[i]!;
    if (size < 1e-7) break;
  }
  return { weights: w.slice(0, d), bias: options.intercept ? w[d]! : 0 };
}

/**
 * The pairwise rows of one question for a rank model: each right candidate's features minus
 * each wrong one's, labelled 1, and the reverse, labelled 0; together they weigh 1, so each
 * question counts once however many candidates it has. None when no candidate, or every
 * candidate, is right.
 */
export function pairwiseRows(features: readonly ArrayLike<number>[], right: readonly boolean[]): FitRow[] {
  const pos = features.filter((_, i) => right[i]);
  const neg = features.filter((_, i) => !right[i]);
  if (pos.length === 0 || neg.length === 0) return [];
  const weight = 1 / (2 * pos.length * neg.length);
  const rows: FitRow[] = [];
  for (const p of pos)
    for (const n of neg) {
      const d = Float64Array.from({ length: p.length }, (_, i) => p[i]! - n[i]!);
      rows.push({ x: d, y: 1, weight }, { x: d.map((v) => -v), y: 0, weight });
    }
  return rows;
}
