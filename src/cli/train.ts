/**
 * `npm run train`: fits the rank model and the confidence model (src/engine/model.ts) on every
 * tuning set of test/data/eval (each on its own corpus, as `npm run eval` scores it; every set
 * whose name says `untouched` is left out, and so are the session's check sets, CHECK_SETS in
 * question-set.ts, unless `--with-check-sets` is given), prints what each gives on each set while that set
 * was left out of the fit (leave-one-set-out) beside the hand formula, and writes the models to
 * data/rank-model.json, each adopted only where leave-one-set-out beats the hand formula on most
 * sets.
 *
 * A candidate is right as eval scores a citation: its passage contains one of the question's
 * answers and stands in one of its source articles.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CorpusError, loadCorpus, type Corpus } from '../corpus/load.js';
import { DEFAULT_SETTINGS, type Ranked, type TrainingQuestion } from '../engine/answer.js';
import { BUNDLED_CORPUS_DIR, Engine } from '../engine/index.js';
import {
  CONFIDENCE_FEATURES,
  engineModelOf,
  HAND_RANK_MODEL,
  loadModelFile,
  modelFilePath,
  vectorOf,
  RANK_FEATURES,
  confidenceProbability,
  ModelFile,
  type ConfidenceModel,
  type EngineModel,
  type RankModel,
} from '../engine/model.js';
import { fitLogistic, pairwiseRows, type Fitted } from '../engine/model-fit.js';
import {
  adoption,
  bestThreshold,
  chooseSetting,
  fitConfidence,
  FORMS,
  leaveOneSetOut,
  fitConfidence as fitConfidenceForm,
  net,
  probability,
  tally,
  type ConfidenceRow,
  type SetComparison,
  type Tally,
} from './confidence-fit.js';
import { judgeAgainstInUse, type EndToEnd, type InUseComparison, type InUseVerdict } from './in-use.js';
import { answersIt, bundledSets, fitSets, QuestionSet, sourceOf } from './question-set.js';

/** L2 strengths tried; each held-out set's is chosen by leave-one-set-out over the other sets. */
const RANK_L2 = [0.1, 0.3, 1, 3];
/** Thresholds of the confidence table. */
const THRESHOLDS = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8];

/** One question of a tuning set, read once. */
interface Question {
  set: string;
  kind: 'fact' | 'conflict' | 'abstain';
  tq: TrainingQuestion;
  /** Per candidate (by passage id): whether it is right. */
  right: Set<number>;
  /**
   * The candidates pairs are made of: every right one and the wrong ones among the best POOL
   * by the hand formula, those a right passage must pass (a pair with the 50th candidate
   * teaches little about the first place and costs as much to fit).
   */
  pool: Array<{ passage: { id: number }; features: Float64Array }>;
}

/** Wrong candidates per question, best by the hand formula, that pairs are made with. */
const POOL = 20;

/** Reads every tuning set on its own corpus. */
function readSets(files: readonly string[]): Map<string, Question[]> {
  const corpora = new Map<string, Corpus>();
  const engines = new Map<string, ReturnType<Engine['measurementView']>>();
  const out = new Map<string, Question[]>();
  for (const file of files) {
    const set = QuestionSet.parse(JSON.parse(readFileSync(file, 'utf8')));
    const dir = set.corpus ? resolve(dirname(file), set.corpus) : BUNDLED_CORPUS_DIR;
    let corpus = corpora.get(dir);
    if (!corpus) {
      corpus = loadCorpus(dir);
      corpora.set(dir, corpus);
    }
    let engine = engines.get(dir);
    if (!engine) {
      engine = new Engine(corpus).measurementView();
      engines.set(dir, engine);
    }
    const name = basename(file, '.json');
    const questions: Question[] = [];
    for (const d of set.ask) {
      const tq = engine.trainingQuestion(d.question);
      if (!tq) continue;
      const right = new Set<number>();
      if (d.kind !== 'abstain')
        for (const c of tq.candidates)
          if (answersIt(d, c.passage.text, sourceOf(corpus, c.passage.articleId))) right.add(c.passage.id);
      const top = new Set(
        tq
          .order(HAND_RANK_MODEL)
          .slice(0, POOL)
          .map((r) => r.passage.id),
      );
      const pool = tq.candidates.filter((c) => right.has(c.passage.id) || top.has(c.passage.id));
      questions.push({ set: name, kind: d.kind, tq, right, pool });
    }
    out.set(name, questions);
  }
  return out;
}

/** A rank model fitted on some questions, shrunk towards the hand formula. */
function fitRank(questions: readonly Question[], l2: number): RankModel {
  const rows = questions.flatMap((q) => {
    if (q.kind === 'abstain') return [];
    const pool = q.pool;
    return pairwiseRows(
      pool.map((c) => c.features),
      pool.map((c) => q.right.has(c.passage.id)),
    );
  });
  const fitted = fitLogistic(rows, { l2, intercept: false, center: HAND_RANK_MODEL.weights });
  return { weights: fitted.weights };
}

/** hit@1 and hit@3 of an order on the answerable questions. */
function hits(questions: readonly Question[], model: RankModel): { h1: number; h3: number; n: number } {
  let h1 = 0;
  let h3 = 0;
  let n = 0;
  for (const q of questions) {
    if (q.kind === 'abstain') continue;
    n++;
    const ranked = q.tq.order(model);
    if (ranked[0] && q.right.has(ranked[0].passage.id)) h1++;
    if (ranked.slice(0, 3).some((r) => q.right.has(r.passage.id))) h3++;
  }
  return { h1, h3, n };
}

/** Rank models by the sets left out and L2 strength: the nested choice of L2 fits each pair of left-out sets once. */
const fits = new Map<string, RankModel>();

/** The rank model fitted on every set but `without`. */
function fitWithout(
  sets: ReadonlyMap<string, Question[]>,
  without: readonly string[],
  l2: number,
): RankModel {
  const key = `${[...without].sort().join('|')}:${l2}`;
  let model = fits.get(key);
  if (!model) {
    model = fitRank(
      [...sets].filter(([n]) => !without.includes(n)).flatMap(([, q]) => q),
      l2,
    );
    fits.set(key, model);
  }
  return model;
}

/**
 * The L2 strength whose leave-one-set-out hit@1 over every set but `without` is highest (the
 * first on a tie).
 */
function chooseL2(sets: ReadonlyMap<string, Question[]>, without: readonly string[]): number {
  let best = RANK_L2[0]!;
  let bestScore = -1;
  for (const l2 of RANK_L2) {
    let score = 0;
    for (const [name, qs] of sets) {
      if (without.includes(name)) continue;
      score += hits(qs, fitWithout(sets, [...without, name], l2)).h1;
    }
    if (score > bestScore) {
      bestScore = score;
      best = l2;
    }
  }
  return best;
}

const pad = (s: string | number, n: number) => String(s).padStart(n);
const pct = (a: number, b: number) => (b === 0 ? '-' : `${Math.round((100 * a) / b)}%`);

/**
 * The confidence model, judged leave-one-set-out and fitted on every set: prints the table of
 * each threshold (hand chain and held-out model over every set), the table of each set at the
 * threshold chosen from it, and the rule of adoption's reading (confidence-fit.ts adoption).
 */
function judgeConfidence(rows: readonly ConfidenceRow[], names: readonly string[]) {
  const held = leaveOneSetOut(rows);
  const learnedP = (r: ConfidenceRow) => held.p.get(r)!;
  const handP = (r: ConfidenceRow) => r.hand;
  const out = (s: string) => process.stdout.write(s);
  out(
    `Confidence, leave-one-set-out (${rows.length} questions, ${rows.filter((r) => !r.answerable).length} out of scope; right = first candidate right; each set scored by the form, L2 and model chosen and fitted on the other sets):\n`,
  );
  out(
    `${'threshold'.padEnd(10)}${'hand chain: answered precision / recall / abstained / out-of-scope answered'.padEnd(78)}learned (held out)\n`,
  );
  const line = (a: Tally) =>
    `${pad(a.answered, 4)} ${pad(pct(a.right, a.answered), 5)} ${pad(pct(a.right, a.answerable), 5)} ${pad(a.questions - a.answered, 4)} ${pad(a.outOfScope, 3)}`;
  for (const t of THRESHOLDS)
    out(
      `${t.toFixed(2).padEnd(10)}${line(tally(rows, handP, t)).padEnd(78)}${line(tally(rows, learnedP, t))}\n`,
    );
  // The threshold the engine will use: the most right net of wrong over the held-out table.
  const threshold = bestThreshold(rows, learnedP);
  const handAt = DEFAULT_SETTINGS.minConfidence;
  out(
    `\nPer set (hand chain at ${handAt.toFixed(2)}; learned held out, at the threshold its fold chose on the other sets, and at ${threshold.toFixed(2)}, the best of the held-out table):\n`,
  );
  out(
    `${'set'.padEnd(24)}${pad('q', 4)}${pad('oos', 4)}  ${'hand: prec / recall / abst / oos abst / net'.padEnd(44)}${'learned, fold: t / form / prec / recall / abst / oos abst / net'.padEnd(72)}learned ≥ ${threshold.toFixed(2)}: prec / recall / abst / oos abst / net\n`,
  );
  const cell = (a: Tally) =>
    `${pad(`${a.right}/${a.answered}`, 7)} ${pad(`${a.right}/${a.answerable}`, 7)} ${pad(a.questions - a.answered, 4)} ${pad(`${a.questions - a.answerable - a.outOfScope}/${a.questions - a.answerable}`, 6)} ${pad(net(a), 4)}`;
  const comparisons: SetComparison[] = [];
  for (const name of names) {
    const rs = rows.filter((r) => r.set === name);
    const hand = tally(rs, handP, handAt);
    const t = held.threshold.get(name)!;
    const learned = tally(rs, learnedP, t);
    const at = tally(rs, learnedP, threshold);
    comparisons.push({ set: name, hand, learned });
    const setting = held.setting.get(name)!;
    out(
      `${name.padEnd(24)}${pad(rs.length, 4)}${pad(hand.questions - hand.answerable, 4)}  ${cell(hand).padEnd(44)}${`${t.toFixed(2)} ${`${setting.variant.name} L2 ${setting.l2}`.padEnd(26)} ${cell(learned)}`.padEnd(72)}${cell(at)}\n`,
    );
  }
  const sum = (f: (c: SetComparison) => Tally) =>
    comparisons.reduce<Tally>(
      (acc, c) => {
        const a = f(c);
        return {
          questions: acc.questions + a.questions,
          answerable: acc.answerable + a.answerable,
          answered: acc.answered + a.answered,
          right: acc.right + a.right,
          outOfScope: acc.outOfScope + a.outOfScope,
        };
      },
      { questions: 0, answerable: 0, answered: 0, right: 0, outOfScope: 0 },
    );
  out(
    `${'all'.padEnd(32)}  ${cell(sum((c) => c.hand)).padEnd(44)}${`${''.padEnd(31)} ${cell(sum((c) => c.learned))}`.padEnd(72)}${cell(tally(rows, learnedP, threshold))}\n`,
  );
  const verdict = adoption(comparisons);
  out(
    `learned (each fold at its own threshold) better on ${verdict.better} of ${names.length} sets, worse on ${verdict.worse}; net ${verdict.handNet} → ${verdict.learnedNet}; worst set ${verdict.worstDelta}; out of scope answered ${verdict.handOutOfScope} → ${verdict.learnedOutOfScope}, worst set +${verdict.worstOutOfScopeRise}: ${verdict.adopted ? 'adopted' : `NOT adopted (the hand chain stays): ${verdict.reasons.join('; ')}`}\n`,
  );
  // The folds' weights, to see whether refits agree.
  const weightsOf = (f: Fitted) =>
    `bias ${f.bias.toFixed(2)} ${CONFIDENCE_FEATURES.map((n, i) =>
      f.weights[i] ? `${n} ${f.weights[i]!.toFixed(2)}` : '',
    )
      .filter(Boolean)
      .join(' ')}`;
  out('weights of each fold (features at 0 not shown):\n');
  for (const name of names) out(`  without ${name.padEnd(24)} ${weightsOf(held.fit.get(name)!)}\n`);
  // The other forms, judged by the same rule, for comparison only.
  for (const form of FORMS.slice(1)) {
    const other = leaveOneSetOut(rows, [form]);
    const p = (r: ConfidenceRow) => other.p.get(r)!;
    const v = adoption(
      names.map((name) => {
        const rs = rows.filter((r) => r.set === name);
        return {
          set: name,
          hand: tally(rs, handP, handAt),
          learned: tally(rs, p, other.threshold.get(name)!),
        };
      }),
    );
    out(
      `for comparison, form "${form.name}": better on ${v.better}, worse on ${v.worse}; net ${v.handNet} → ${v.learnedNet}; worst set ${v.worstDelta}; out of scope answered ${v.handOutOfScope} → ${v.learnedOutOfScope}, worst set +${v.worstOutOfScopeRise}${v.adopted ? '' : `; would not be adopted: ${v.reasons.join('; ')}`}\n`,
    );
  }
  const setting = chooseSetting(rows);
  const fit = fitConfidence(rows, setting.variant, setting.l2);
  out(
    `fitted on every set (${setting.variant.name}, L2 ${setting.l2}), threshold ${threshold.toFixed(2)}: ${weightsOf(fit)}\n`,
  );
  return { ...verdict, fit, threshold };
}

/** The rank model judged leave-one-set-out against the hand formula, and fitted on every set. */
function judgeRank(sets: ReadonlyMap<string, Question[]>, names: readonly string[]) {
  // Ranking, leave one set out: each set scored by a model fitted on the others.
  process.stdout.write(
    'Ranking, leave-one-set-out (candidates as rank orders them; hit@k over fact + conflict questions):\n',
  );
  process.stdout.write(
    `${'set'.padEnd(28)}${pad('n', 5)}${pad('hand@1', 8)}${pad('learn@1', 9)}${pad('hand@3', 8)}${pad('learn@3', 9)}  L2\n`,
  );
  let better = 0;
  let worse = 0;
  const tot = { n: 0, h1: 0, l1: 0, h3: 0, l3: 0 };
  const folds = new Map<string, RankModel>();
  for (const name of names) {
    const foldL2 = chooseL2(sets, [name]);
    const fold = fitWithout(sets, [name], foldL2);
    folds.set(name, fold);
    const hand = hits(sets.get(name)!, HAND_RANK_MODEL);
    const learned = hits(sets.get(name)!, fold);
    const cmp = learned.h1 - hand.h1 || learned.h3 - hand.h3;
    if (cmp > 0) better++;
    if (cmp < 0) worse++;
    tot.n += hand.n;
    tot.h1 += hand.h1;
    tot.l1 += learned.h1;
    tot.h3 += hand.h3;
    tot.l3 += learned.h3;
    process.stdout.write(
      `${name.padEnd(28)}${pad(hand.n, 5)}${pad(hand.h1, 8)}${pad(learned.h1, 9)}${pad(hand.h3, 8)}${pad(learned.h3, 9)}  ${foldL2}\n`,
    );
  }
  process.stdout.write(
    `${'all'.padEnd(28)}${pad(tot.n, 5)}${pad(tot.h1, 8)}${pad(tot.l1, 9)}${pad(tot.h3, 8)}${pad(tot.l3, 9)}\n`,
  );
  const adopted = better > names.length / 2;
  process.stdout.write(
    `learned better on ${better} of ${names.length} sets, worse on ${worse} (hit@1, then hit@3): ${adopted ? 'adopted' : 'NOT adopted (the hand formula stays)'}\n`,
  );
  const l2 = chooseL2(sets, []);
  const model = fitWithout(sets, [], l2);
  process.stdout.write(
    `fitted on every tuning set (L2 ${l2}): ${RANK_FEATURES.map((f, i) => `${f} ${model.weights[i]!.toFixed(3)}`).join(', ')}\n\n`,
  );

  return { adopted, better, worse, model, folds };
}

/** The rank model as a model file has it (for --confidence-only). */
function rankOfFile(path: string) {
  // Only the rank section is read: the confidence section may be of an older feature list.
  const file = { rank: ModelFile.shape.rank.parse(JSON.parse(readFileSync(path, 'utf8')).rank) };
  process.stdout.write(
    `Ranking as ${relative(process.cwd(), path)} has it (${file.rank.adopted ? 'adopted' : 'not adopted: the hand formula'}); not refitted.\n\n`,
  );
  return {
    adopted: file.rank.adopted,
    better: file.rank.measured.better,
    worse: file.rank.measured.worse,
    model: { weights: vectorOf(file.rank.weights, RANK_FEATURES) },
    // Not refitted: every fold ranks by the file's model.
    folds: new Map<string, RankModel>(),
  };
}

/** Every question's confidence row under a rank order (a question with no candidate has none). */
function rowsUnder(questions: readonly Question[], rank: RankModel): ConfidenceRow[] {
  const rows: ConfidenceRow[] = [];
  for (const q of questions) {
    const ranked: Ranked[] = q.tq.order(rank);
    const c = q.tq.confidence(ranked);
    if (!c) continue;
    rows.push({
      set: q.set,
      answerable: q.kind !== 'abstain',
      right: q.kind !== 'abstain' && ranked[0] !== undefined && q.right.has(ranked[0].passage.id),
      hand: c.hand,
      vector: c.vector,
    });
  }
  return rows;
}

/** The confidence model chosen, fitted and given its threshold on rows, as leaveOneSetOut does for one fold. */
function confidenceOn(rows: readonly ConfidenceRow[]): ConfidenceModel {
  const setting = chooseSetting(rows);
  const fit = fitConfidenceForm(rows, setting.variant, setting.l2);
  return { weights: fit.weights, bias: fit.bias, threshold: bestThreshold(rows, probability(fit)) };
}

/**
 * A set end to end, as a reader of the answers sees it: ordered by `rank`, then answered when
 * the confidence (the model's, or the hand chain at settings.minConfidence when null) reaches
 * its threshold.
 */
function endToEnd(questions: readonly Question[], rank: RankModel, conf: ConfidenceModel | null): EndToEnd {
  const out: EndToEnd = { rightAnswered: 0, outOfScopeAbstained: 0 };
  const threshold = conf ? conf.threshold : DEFAULT_SETTINGS.minConfidence;
  for (const q of questions) {
    const ranked: Ranked[] = q.tq.order(rank);
    const c = q.tq.confidence(ranked);
    const p = !c ? 0 : conf ? confidenceProbability(conf, c.vector) : c.hand;
    const answered = c !== null && p >= threshold;
    if (q.kind === 'abstain') {
      if (!answered) out.outOfScopeAbstained++;
    } else if (answered && ranked[0] && q.right.has(ranked[0].passage.id)) out.rightAnswered++;
  }
  return out;
}

/** A refit judged against the model in use: its full fit, and each set held out. */
interface Candidate {
  name: string;
  rank: RankModel;
  /** Null: the hand chain at settings.minConfidence. */
  confidence: ConfidenceModel | null;
  comparisons: InUseComparison[];
  verdict: InUseVerdict;
}

/**
 * Each set end to end under the model file in use, and under three refits made without it
 * (the rank model alone, the confidence model alone under the ranking in use, both), printed
 * set by set; the refits' verdicts by judgeAgainstInUse.
 */
function judgeInUse(
  sets: ReadonlyMap<string, Question[]>,
  names: readonly string[],
  inUse: EngineModel,
  rankRefit: { model: RankModel; folds: ReadonlyMap<string, RankModel> },
): Candidate[] {
  const all = [...sets.values()].flat();
  const inUseRank = inUse.rank ?? HAND_RANK_MODEL;
  const inUseRows = rowsUnder(all, inUseRank);
  // Rows under each fold's rank model, for the confidence fitted with that fold's ranking.
  const heldConfidence = (rows: readonly ConfidenceRow[], name: string) =>
    confidenceOn(rows.filter((r) => r.set !== name));
  const kinds = [
    { name: 'rank refit', rank: true, confidence: false },
    { name: 'confidence refit', rank: false, confidence: true },
    { name: 'both refit', rank: true, confidence: true },
  ] as const;
  const table = new Map<string, Map<string, { inUse: EndToEnd; refit: EndToEnd }>>();
  for (const k of kinds) table.set(k.name, new Map());
  for (const name of names) {
    const qs = sets.get(name)!;
    const base = endToEnd(qs, inUseRank, inUse.confidence);
    const fold = rankRefit.folds.get(name) ?? rankRefit.model;
    const foldRows = rowsUnder(all, fold);
    for (const k of kinds) {
      const rank = k.rank ? fold : inUseRank;
      const conf = k.confidence ? heldConfidence(k.rank ? foldRows : inUseRows, name) : inUse.confidence;
      table.get(k.name)!.set(name, { inUse: base, refit: endToEnd(qs, rank, conf) });
    }
  }
  const out = (s: string) => process.stdout.write(s);
  out(
    '\nAgainst the model file in use, end to end (each set ordered, then answered or abstained, by a refit made without it; right = right first passage answered, abst = out-of-scope questions abstained):\n',
  );
  out(
    `${'set'.padEnd(24)}${pad('q', 4)}${pad('oos', 4)}  ${'in use: right abst'.padEnd(20)}${kinds.map((k) => `${k.name}: right abst`.padEnd(30)).join('')}\n`,
  );
  const cell = (e: EndToEnd) => `${pad(e.rightAnswered, 5)} ${pad(e.outOfScopeAbstained, 4)}`;
  const delta = (e: EndToEnd, b: EndToEnd) =>
    `${cell(e)} (${e.rightAnswered - b.rightAnswered >= 0 ? '+' : ''}${e.rightAnswered - b.rightAnswered}, ${e.outOfScopeAbstained - b.outOfScopeAbstained >= 0 ? '+' : ''}${e.outOfScopeAbstained - b.outOfScopeAbstained})`;
  for (const name of names) {
    const qs = sets.get(name)!;
    const oos = qs.filter((q) => q.kind === 'abstain').length;
    const base = table.get(kinds[0].name)!.get(name)!.inUse;
    out(
      `${name.padEnd(24)}${pad(qs.length, 4)}${pad(oos, 4)}  ${`${cell(base)}`.padEnd(20)}${kinds.map((k) => delta(table.get(k.name)!.get(name)!.refit, base).padEnd(30)).join('')}\n`,
    );
  }
  const candidates: Candidate[] = kinds.map((k) => {
    const comparisons = names.map((name) => ({ set: name, ...table.get(k.name)!.get(name)! }));
    const rank = k.rank ? rankRefit.model : inUseRank;
    const confidence = k.confidence
      ? confidenceOn(k.rank ? rowsUnder(all, rankRefit.model) : inUseRows)
      : inUse.confidence;
    return { name: k.name, rank, confidence, comparisons, verdict: judgeAgainstInUse(comparisons) };
  });
  const sum = (c: Candidate) => c.verdict;
  out(
    `${'all'.padEnd(32)}  ${cell(sum(candidates[0]!).inUse).padEnd(20)}${candidates.map((c) => delta(sum(c).refit, sum(c).inUse).padEnd(30)).join('')}\n`,
  );
  for (const c of candidates)
    out(
      `${c.name}: better on ${c.verdict.better} of ${names.length} sets, worse on ${c.verdict.worse}; worst set −${c.verdict.worstRightLoss} right, −${c.verdict.worstAbstainLoss} abstained: ${c.verdict.adopted ? 'replaces the model in use' : `the model in use stays (${c.verdict.reasons.join('; ')})`}\n`,
    );
  return candidates;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: modelFilePath() },
      'dry-run': { type: 'boolean', default: false },
      /** Keep the rank model of the file (--out) as it is and fit the confidence model alone under it. */
      'confidence-only': { type: 'boolean', default: false },
      /** Also write the refit of both models here, whatever the verdict (to try it: eval, the test suite). */
      'refit-out': { type: 'string' },
      /** Fit on the session's check sets too (CHECK_SETS), once they are no longer held for checking. */
      'with-check-sets': { type: 'boolean', default: false },
    },
  });
  // The model in use: the file at --out where there is one, else the bundled file.
  const inUseFile = loadModelFile(existsSync(values.out) ? values.out : modelFilePath());
  const inUse = engineModelOf(inUseFile);
  const files = fitSets(bundledSets(), values['with-check-sets']);
  let sets: Map<string, Question[]>;
  try {
    sets = readSets(files);
  } catch (err) {
    if (!(err instanceof CorpusError)) throw err;
    process.stderr.write(`train: ${err.message}\n`);
    process.exit(1);
  }
  const names = [...sets.keys()];
  const all = [...sets.values()].flat();
  process.stdout.write(
    `Tuning sets (untouched sets${values['with-check-sets'] ? '' : ' and check sets'} left out): ${names.join(', ')}; ${all.length} questions.\n\n`,
  );

  // Ranking: judged leave-one-set-out and refitted, or, with --confidence-only, as the model file has it.
  const rank = values['confidence-only'] ? rankOfFile(values.out) : judgeRank(sets, names);

  // Confidence, under the ranking the engine will use.
  const used = rank.adopted ? rank.model : HAND_RANK_MODEL;
  const rows = rowsUnder(all, used);
  // Judged against the hand chain (printed for the reader; what is written is judged against the file in use below).
  judgeConfidence(rows, names);

  // Against the model file in use, end to end: what replaces it, if anything.
  const candidates = judgeInUse(sets, names, inUse, rank);
  const refit = candidates.find((c) => c.name === 'both refit')!;
  const chosen = candidates
    .filter((c) => c.verdict.adopted)
    .sort(
      (a, b) =>
        b.verdict.refit.rightAnswered +
        b.verdict.refit.outOfScopeAbstained -
        (a.verdict.refit.rightAnswered + a.verdict.refit.outOfScopeAbstained),
    )[0];
  process.stdout.write(
    chosen
      ? `written: the ${chosen.name}\n`
      : `written: the model in use, unchanged (no refit passes; --refit-out FILE writes the refit of both to try it)\n`,
  );
  const measured = { sets: names, better: chosen?.verdict.better ?? 0, worse: chosen?.verdict.worse ?? 0 };
  const fileOf = (m: { rank: RankModel; confidence: ConfidenceModel | null }): ModelFile => ({
    version: 1,
    rank: {
      adopted: true,
      weights: Object.fromEntries(
        RANK_FEATURES.map((f, i) => [f, round(m.rank.weights[i]!)]),
      ) as ModelFile['rank']['weights'],
      measured,
    },
    confidence: m.confidence
      ? {
          adopted: true,
          bias: round(m.confidence.bias),
          weights: Object.fromEntries(
            CONFIDENCE_FEATURES.map((f, i) => [f, round(m.confidence!.weights[i]!)]),
          ) as ModelFile['confidence']['weights'],
          threshold: m.confidence.threshold,
          measured,
        }
      : {
          adopted: false,
          bias: 0,
          weights: Object.fromEntries(
            CONFIDENCE_FEATURES.map((f) => [f, 0]),
          ) as ModelFile['confidence']['weights'],
          threshold: DEFAULT_SETTINGS.minConfidence,
          measured,
        },
  });
  if (values['refit-out']) {
    writeFileSync(values['refit-out'], `${JSON.stringify(fileOf(refit), null, 2)}\n`);
    process.stdout.write(`wrote the refit of both to ${relative(process.cwd(), values['refit-out'])}\n`);
  }
  if (values['dry-run']) return;
  // A section the chosen refit does not replace is written back as the file in use has it.
  const file = fileOf(chosen ?? refit);
  if (!chosen || chosen.name === 'confidence refit') file.rank = inUseFile.rank;
  if (!chosen || chosen.name === 'rank refit') file.confidence = inUseFile.confidence;
  writeFileSync(values.out, `${JSON.stringify(file, null, 2)}\n`);
  process.stdout.write(`\nwrote ${relative(process.cwd(), values.out)}\n`);
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

main();
