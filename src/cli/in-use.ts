/**
 * The rule `npm run train` replaces the model in use by: each tuning set scored end to end (rank
 * order, then the confidence and its threshold) by a refit made without that set, against the
 * model file in use on the same set, by what a reader of the answers sees: right first passages
 * answered (hit@1 answered) and out-of-scope questions abstained.
 *
 * Its own rule rather than the rank and confidence rules alone: a rank refit that won 8 of 11
 * sets on the order of its candidates cost 30 right answers and gained 8 to 11 abstentions once
 * the confidence was applied (README, "Confidence"), which neither rule saw.
 */

/** What one set gives under one model, end to end. */
export interface EndToEnd {
  /** Answerable questions whose first candidate is right and whose confidence reaches the threshold. */
  rightAnswered: number;
  /** Out-of-scope questions whose confidence stays below the threshold (or with no candidate). */
  outOfScopeAbstained: number;
}

/** One set under the model in use and under the refit made without it. */
export interface InUseComparison {
  set: string;
  inUse: EndToEnd;
  refit: EndToEnd;
}

/** The most one set may lose, on either count, for the refit to replace the model in use. */
export const IN_USE_WORST_SET_LOSS = 1;

/** The rule's reading. */
export interface InUseVerdict {
  adopted: boolean;
  /** Sets where the refit gives more right answers plus abstentions than the model in use, and fewer. */
  better: number;
  worse: number;
  /** Summed over the sets: model in use, refit. */
  inUse: EndToEnd;
  refit: EndToEnd;
  /** The largest loss of one set, on each count (0 when none loses). */
  worstRightLoss: number;
  worstAbstainLoss: number;
  /** Why the refit does not replace the model in use (empty when it does). */
  reasons: string[];
}

/**
 * The refit replaces the model in use only when, held out set by set, it is better (right first
 * passages answered plus out-of-scope questions abstained) on most sets, no set loses more than
 * IN_USE_WORST_SET_LOSS on either count, and neither count falls over all the sets.
 */
export function judgeAgainstInUse(sets: readonly InUseComparison[]): InUseVerdict {
  const v: InUseVerdict = {
    adopted: false,
    better: 0,
    worse: 0,
    inUse: { rightAnswered: 0, outOfScopeAbstained: 0 },
    refit: { rightAnswered: 0, outOfScopeAbstained: 0 },
    worstRightLoss: 0,
    worstAbstainLoss: 0,
    reasons: [],
  };
  for (const s of sets) {
    const dRight = s.refit.rightAnswered - s.inUse.rightAnswered;
    const dAbstain = s.refit.outOfScopeAbstained - s.inUse.outOfScopeAbstained;
    if (dRight + dAbstain > 0) v.better++;
    if (dRight + dAbstain < 0) v.worse++;
    v.inUse.rightAnswered += s.inUse.rightAnswered;
    v.inUse.outOfScopeAbstained += s.inUse.outOfScopeAbstained;
    v.refit.rightAnswered += s.refit.rightAnswered;
    v.refit.outOfScopeAbstained += s.refit.outOfScopeAbstained;
    v.worstRightLoss = Math.max(v.worstRightLoss, -dRight);
    v.worstAbstainLoss = Math.max(v.worstAbstainLoss, -dAbstain);
  }
  if (v.better <= sets.length / 2) v.reasons.push(`better on ${v.better} of ${sets.length} sets, not most`);
  if (v.worstRightLoss > IN_USE_WORST_SET_LOSS)
    v.reasons.push(
      `a set loses ${v.worstRightLoss} right answers (at most ${IN_USE_WORST_SET_LOSS} allowed)`,
    );
  if (v.worstAbstainLoss > IN_USE_WORST_SET_LOSS)
    v.reasons.push(
      `a set loses ${v.worstAbstainLoss} out-of-scope abstentions (at most ${IN_USE_WORST_SET_LOSS} allowed)`,
    );
  if (v.refit.rightAnswered < v.inUse.rightAnswered)
    v.reasons.push(`right answers ${v.inUse.rightAnswered} → ${v.refit.rightAnswered} over all sets`);
  if (v.refit.outOfScopeAbstained < v.inUse.outOfScopeAbstained)
    v.reasons.push(
      `out-of-scope abstentions ${v.inUse.outOfScopeAbstained} → ${v.refit.outOfScopeAbstained} over all sets`,
    );
  v.adopted = sets.length > 0 && v.reasons.length === 0;
  return v;
}
