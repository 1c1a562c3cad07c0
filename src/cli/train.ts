/**
 * `npm run train`: fits the rank model and the confidence model (src/engine/model.ts) on every
 * tuning set of test/data/eval (each on its own corpus, as `npm run eval` scores it; every set
 * whose name says `untouched` is left out), prints what each gives on each set while that set
 * was left out of the fit (leave-one-set-out) beside the hand formula, and writes the models to
 * data/rank-model.json, each adopted only where leave-one-set-out beats the hand formula on most
 * sets.
 *
 * A candidate is right as eval scores a citation: its passage contains one of the question's
 * answers and stands in one of its source articles.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CorpusError, loadCorpus, type Corpus } from '../corpus/load.js';
import type { Ranked, TrainingQuestion } from '../engine/answer.js';
import { BUNDLED_CORPUS_DIR, Engine } from '../engine/index.js';
import {
  CONFIDENCE_FEATURES,
  HAND_RANK_MODEL,
  modelFilePath,
  RANK_FEATURES,
  sigmoid,
  dot,
  type ModelFile,
  type RankModel,
} from '../engine/model.js';
import { fitLogistic, pairwiseRows } from '../engine/model-fit.js';
import { answersIt, bundledSets, isUntouched, QuestionSet, sourceOf } from './question-set.js';

/** L2 strengths tried; each held-out set's is chosen by leave-one-set-out over the other sets. */
const RANK_L2 = [0.1, 0.3, 1, 3];
/**
 * L2 strengths of the confidence model tried (rows count one a question), each held-out set's
 * chosen by leave-one-set-out over the other sets; the weights shrink towards the hand chain
 * alone (weight 1 on its logarithm, 0 elsewhere), which orders questions as the chain does.
 */
const CONFIDENCE_L2 = [1, 10, 100];
const CONFIDENCE_CENTER = Float64Array.from(CONFIDENCE_FEATURES.map((f) => (f === 'logHand' ? 1 : 0)));
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

/** A row of the confidence table: what answering at or above a threshold gives. */
interface AnsweredAt {
  answered: number;
  right: number;
  outOfScope: number;
  answerable: number;
  questions: number;
}

/** One question as the confidence model reads it, under the ranking in use. */
interface ConfidenceRow {
  set: string;
  answerable: boolean;
  right: boolean;
  hand: number;
  vector: Float64Array;
}

function answeredAt(
  rows: readonly ConfidenceRow[],
  conf: (r: ConfidenceRow) => number,
  t: number,
): AnsweredAt {
  const ans = rows.filter((r) => conf(r) >= t);
  return {
    answered: ans.length,
    right: ans.filter((r) => r.right).length,
    outOfScope: ans.filter((r) => !r.answerable).length,
    answerable: rows.filter((r) => r.answerable).length,
    questions: rows.length,
  };
}

/** The threshold with the most right answers net of wrong ones (the lower on a tie), as calibration.ts chooses. */
function bestThreshold(
  rows: readonly ConfidenceRow[],
  conf: (r: ConfidenceRow) => number,
  grid: readonly number[],
) {
  let best = grid[0]!;
  let net = -Infinity;
  for (const t of grid) {
    const a = answeredAt(rows, conf, t);
    const n = 2 * a.right - a.answered;
    if (n > net) {
      net = n;
      best = t;
    }
  }
  return best;
}

/** A finer grid the per-fold threshold is chosen from. */
const FINE = Array.from({ length: 17 }, (_, i) => 0.1 + 0.05 * i);

function fitConfidence(rows: readonly ConfidenceRow[], l2: number) {
  return fitLogistic(
    rows.map((r) => ({ x: r.vector, y: r.right ? 1 : 0 })),
    { l2, intercept: true, center: CONFIDENCE_CENTER },
  );
}

/** The probability a fitted confidence model gives a row. */
const probability = (fit: { weights: Float64Array; bias: number }) => (r: ConfidenceRow) =>
  sigmoid(dot(fit.weights, r.vector) + fit.bias);

/**
 * The confidence model's L2 strength and threshold, chosen on some rows by leave-one-set-out
 * among their sets: the L2 whose held-out answers, at the threshold chosen on the other sets,
 * are the most right net of wrong (the first on a tie); then the threshold on all the rows.
 */
function chooseConfidence(rows: readonly ConfidenceRow[]): { l2: number } {
  const sets = [...new Set(rows.map((r) => r.set))];
  let best = CONFIDENCE_L2[0]!;
  let bestNet = -Infinity;
  for (const l2 of CONFIDENCE_L2) {
    let net = 0;
    for (const name of sets) {
      const train = rows.filter((r) => r.set !== name);
      const p = probability(fitConfidence(train, l2));
      const a = answeredAt(
        rows.filter((r) => r.set === name),
        p,
        bestThreshold(train, p, FINE),
      );
      net += 2 * a.right - a.answered;
    }
    if (net > bestNet) {
      bestNet = net;
      best = l2;
    }
  }
  return { l2: best };
}

const pad = (s: string | number, n: number) => String(s).padStart(n);
const pct = (a: number, b: number) => (b === 0 ? '-' : `${Math.round((100 * a) / b)}%`);

function main(): void {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: modelFilePath() },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  const files = bundledSets().filter((f) => !isUntouched(f));
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
    `Tuning sets (untouched sets left out): ${names.join(', ')}; ${all.length} questions.\n\n`,
  );

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
  for (const name of names) {
    const l2 = chooseL2(sets, [name]);
    const model = fitWithout(sets, [name], l2);
    const hand = hits(sets.get(name)!, HAND_RANK_MODEL);
    const learned = hits(sets.get(name)!, model);
    const cmp = learned.h1 - hand.h1 || learned.h3 - hand.h3;
    if (cmp > 0) better++;
    if (cmp < 0) worse++;
    tot.n += hand.n;
    tot.h1 += hand.h1;
    tot.l1 += learned.h1;
    tot.h3 += hand.h3;
    tot.l3 += learned.h3;
    process.stdout.write(
      `${name.padEnd(28)}${pad(hand.n, 5)}${pad(hand.h1, 8)}${pad(learned.h1, 9)}${pad(hand.h3, 8)}${pad(learned.h3, 9)}  ${l2}\n`,
    );
  }
  process.stdout.write(
    `${'all'.padEnd(28)}${pad(tot.n, 5)}${pad(tot.h1, 8)}${pad(tot.l1, 9)}${pad(tot.h3, 8)}${pad(tot.l3, 9)}\n`,
  );
  const rankAdopted = better > names.length / 2;
  process.stdout.write(
    `learned better on ${better} of ${names.length} sets, worse on ${worse} (hit@1, then hit@3): ${rankAdopted ? 'adopted' : 'NOT adopted (the hand formula stays)'}\n`,
  );
  const rankL2 = chooseL2(sets, []);
  const rankModel = fitWithout(sets, [], rankL2);
  process.stdout.write(
    `fitted on every tuning set (L2 ${rankL2}): ${RANK_FEATURES.map((f, i) => `${f} ${rankModel.weights[i]!.toFixed(3)}`).join(', ')}\n\n`,
  );

  // Confidence, under the ranking the engine will use.
  const used = rankAdopted ? rankModel : HAND_RANK_MODEL;
  const rows: ConfidenceRow[] = [];
  for (const q of all) {
    const ranked: Ranked[] = q.tq.order(used);
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
  // Each question's probability from the model fitted without its set.
  const held = new Map<ConfidenceRow, number>();
  const chosen = new Map<string, number>();
  const chosenL2 = new Map<string, number>();
  for (const name of names) {
    const train = rows.filter((r) => r.set !== name);
    const { l2 } = chooseConfidence(train);
    const p = probability(fitConfidence(train, l2));
    for (const r of rows) if (r.set === name) held.set(r, p(r));
    chosen.set(name, bestThreshold(train, p, FINE));
    chosenL2.set(name, l2);
  }
  const learnedP = (r: ConfidenceRow) => held.get(r)!;
  const handP = (r: ConfidenceRow) => r.hand;
  process.stdout.write(
    `Confidence, leave-one-set-out (${rows.length} questions, ${rows.filter((r) => !r.answerable).length} out of scope; right = first candidate right):\n`,
  );
  process.stdout.write(
    `${'threshold'.padEnd(10)}${'hand chain: answered precision / recall / abstentions / out-of-scope answered'.padEnd(80)}learned (held out)\n`,
  );
  const line = (a: AnsweredAt) =>
    `${pad(a.answered, 4)} ${pad(pct(a.right, a.answered), 5)} ${pad(pct(a.right, a.answerable), 5)} ${pad(a.questions - a.answered, 4)} ${pad(a.outOfScope, 3)}`;
  for (const t of THRESHOLDS)
    process.stdout.write(
      `${t.toFixed(2).padEnd(10)}${line(answeredAt(rows, handP, t)).padEnd(80)}${line(answeredAt(rows, learnedP, t))}\n`,
    );
  // Per set: the hand chain at its own threshold against the learned model at the threshold
  // chosen on the other sets.
  process.stdout.write(
    `\nPer set, net = right − wrong answered (hand chain at 0.30; learned at the threshold chosen on the other sets):\n`,
  );
  let cBetter = 0;
  let cWorse = 0;
  const net = (a: AnsweredAt) => 2 * a.right - a.answered;
  for (const name of names) {
    const rs = rows.filter((r) => r.set === name);
    const h = answeredAt(rs, handP, 0.3);
    const l = answeredAt(rs, learnedP, chosen.get(name)!);
    if (net(l) > net(h)) cBetter++;
    if (net(l) < net(h)) cWorse++;
    process.stdout.write(
      `${name.padEnd(28)} hand: ${h.right} right ${h.answered - h.right} wrong (${h.outOfScope} oos) net ${net(h)}   learned (L2 ${chosenL2.get(name)}) ≥ ${chosen.get(name)!.toFixed(2)}: ${l.right} right ${l.answered - l.right} wrong (${l.outOfScope} oos) net ${net(l)}\n`,
    );
  }
  const confAdopted = cBetter > names.length / 2;
  const confL2 = chooseConfidence(rows).l2;
  const confFit = fitConfidence(rows, confL2);
  const threshold = bestThreshold(rows, probability(confFit), FINE);
  process.stdout.write(
    `learned better on ${cBetter} of ${names.length} sets, worse on ${cWorse}: ${confAdopted ? 'adopted' : 'NOT adopted (the hand chain stays)'}; fitted on every set (L2 ${confL2}): threshold ${threshold.toFixed(2)}, bias ${confFit.bias.toFixed(3)}, ${CONFIDENCE_FEATURES.map((f, i) => `${f} ${confFit.weights[i]!.toFixed(3)}`).join(', ')}\n`,
  );

  const file: ModelFile = {
    version: 1,
    rank: {
      adopted: rankAdopted,
      weights: Object.fromEntries(
        RANK_FEATURES.map((f, i) => [f, round(rankModel.weights[i]!)]),
      ) as ModelFile['rank']['weights'],
      measured: { sets: names, better, worse },
    },
    confidence: {
      adopted: confAdopted,
      bias: round(confFit.bias),
      weights: Object.fromEntries(
        CONFIDENCE_FEATURES.map((f, i) => [f, round(confFit.weights[i]!)]),
      ) as ModelFile['confidence']['weights'],
      threshold: Math.round(threshold * 100) / 100,
      measured: { sets: names, better: cBetter, worse: cWorse },
    },
  };
  if (values['dry-run']) return;
  writeFileSync(values.out, `${JSON.stringify(file, null, 2)}\n`);
  process.stdout.write(`\nwrote ${relative(process.cwd(), values.out)}\n`);
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

main();
