import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AnswerEngine } from '../../src/engine/answer.js';
import {
  CONFIDENCE_FEATURES,
  HAND_RANK,
  parseModelFile,
  RANK_FEATURES,
  vectorOf,
  type EngineModel,
} from '../../src/engine/model.js';
import { fitLogistic, pairwiseRows } from '../../src/engine/model-fit.js';
import { buildCorpus } from '../support/memory-corpus.js';

const HAND: EngineModel = { rank: null, confidence: null };

/** The parts of a model file's JSON the tests change. */
type ModelJson = {
  version: unknown;
  rank: { weights: Record<string, unknown> };
  confidence: { threshold: unknown; bias: unknown };
};

describe('the model file', () => {
  const good = JSON.parse(readFileSync(new URL('../../data/rank-model.json', import.meta.url), 'utf8'));
  const problem = (change: (m: ModelJson) => void): string => {
    const m = structuredClone(good) as ModelJson;
    change(m);
    try {
      parseModelFile(JSON.stringify(m), 'data/rank-model.json');
      return 'valid';
    } catch (err) {
      return (err as Error).message;
    }
  };

  it('accepts the bundled file', () => {
    expect(problem(() => {})).toBe('valid');
  });

  it('names the file and the field of a weight that is no number, missing or unknown', () => {
    expect(problem((m) => (m.rank.weights.logBm25 = '1'))).toBe(
      'data/rank-model.json: rank.weights.logBm25: Invalid input: expected number, received string',
    );
    expect(problem((m) => delete m.rank.weights.bare)).toBe(
      'data/rank-model.json: rank.weights.bare: Invalid input: expected number, received undefined',
    );
    expect(problem((m) => (m.rank.weights.bm25 = 1))).toBe(
      'data/rank-model.json: rank.weights.bm25: Unrecognized key: "bm25"',
    );
  });

  it('refuses a threshold above 1, a null bias, another version and text that is no JSON', () => {
    expect(problem((m) => (m.confidence.threshold = 1.5))).toBe(
      'data/rank-model.json: confidence.threshold: Too big: expected number to be <=1',
    );
    expect(problem((m) => (m.confidence.bias = null))).toBe(
      'data/rank-model.json: confidence.bias: Invalid input: expected number, received null',
    );
    expect(problem((m) => (m.version = 2))).toBe('data/rank-model.json: version: Invalid input: expected 1');
    expect(() => parseModelFile('{"version": 1,', 'data/rank-model.json')).toThrow(
      'data/rank-model.json: not JSON: Expected double-quoted property name in JSON at position 14',
    );
  });
});

describe('the logistic fit', () => {
  it('finds the regularised optimum of a separable toy set, where the gradient is zero', () => {
    // Rows x = 1 (y = 1) and x = −1 (y = 0), penalty w²/2: the optimum solves w = 2(1 − σ(w)).
    const { weights } = fitLogistic(
      [
        { x: [1], y: 1 },
        { x: [-1], y: 0 },
      ],
      { l2: 1, intercept: false },
    );
    const w = weights[0]!;
    expect(Math.abs(w - 2 * (1 - 1 / (1 + Math.exp(-w))))).toBeLessThan(1e-9);
    expect(w).toBeGreaterThan(0.67);
    expect(w).toBeLessThan(0.68);
  });

  it('separates a separable set in two dimensions with a bias', () => {
    const rows = [
      { x: [0, 0], y: 0 as const },
      { x: [1, 0], y: 0 as const },
      { x: [2, 1], y: 0 as const },
      { x: [0, 2], y: 1 as const },
      { x: [1, 3], y: 1 as const },
      { x: [2, 4], y: 1 as const },
    ];
    const fit = fitLogistic(rows, { l2: 0.01, intercept: true });
    const said = rows.map((r) =>
      Number(fit.weights[0]! * r.x[0]! + fit.weights[1]! * r.x[1]! + fit.bias > 0),
    );
    expect(said).toEqual([0, 0, 0, 1, 1, 1]);
  });

  it('stays at the centre it shrinks towards under a strong penalty', () => {
    const { weights } = fitLogistic(
      [
        { x: [1, 0], y: 1 },
        { x: [0, 1], y: 0 },
      ],
      { l2: 1e7, intercept: false, center: [0.5, -2] },
    );
    expect(weights[0]).toBeCloseTo(0.5, 6);
    expect(weights[1]).toBeCloseTo(-2, 6);
  });

  it('refuses rows of different lengths', () => {
    expect(() =>
      fitLogistic(
        [
          { x: [1, 0], y: 1 },
          { x: [1], y: 0 },
        ],
        { l2: 1, intercept: false },
      ),
    ).toThrow('fitLogistic: a row has 1 features, not 2');
  });

  it('makes pairwise rows that weigh one question once', () => {
    const rows = pairwiseRows(
      [
        [1, 0],
        [0, 1],
        [0, 0],
      ],
      [true, false, false],
    );
    expect(rows.map((r) => ({ x: Array.from(r.x), y: r.y, weight: r.weight }))).toEqual([
      { x: [1, -1], y: 1, weight: 0.25 },
      { x: [-1, 1], y: 0, weight: 0.25 },
      { x: [1, 0], y: 1, weight: 0.25 },
      { x: [-1, -0], y: 0, weight: 0.25 },
    ]);
    expect(pairwiseRows([[1], [2]], [true, true])).toEqual([]);
  });
});

/**
 * Per topic, two articles: one says the topic's words twice in its second paragraph (BM25 puts it
 * first), the other once in its lead paragraph; here the lead is the right passage.
 */
const TOPICS: Array<[string, string, string]> = [
  ['convoy', 'desert convoy', 'Gao'],
  ['patrol', 'river patrol', 'Mopti'],
  ['outpost', 'border outpost', 'Menaka'],
  ['airlift', 'night airlift', 'Timbuktu'],
];
const corpus = buildCorpus([
  ...TOPICS.flatMap(
    ([id, words, place]): Array<[string, string, string]> => [
      [
        `${id}-later`,
        'Outlet One',
        `Farmers met in the morning to talk about the harvest.\n\nThe ${words} went on near ${place}, and the ${words} ended at the base.`,
      ],
      [
        `${id}-lead`,
        'Outlet Two',
        `A ${words} reached ${place} on Monday after a week on the road.\n\nOfficials said the road was safe.`,
      ],
    ],
  ),
  ['other', 'Outlet Three', 'Fishermen on the Niger river reported a good catch this year.'],
]);

describe('ranking by a rank model', () => {
  it('orders by the hand formula without a model, and by the model’s weights with one', () => {
    const hand = new AnswerEngine(corpus, undefined, undefined, HAND);
    expect(hand.ask('desert convoy').citations.map((c) => c.articleId)).toEqual([
      'convoy-later',
      'convoy-lead',
    ]);
    const lead = new AnswerEngine(corpus, undefined, undefined, {
      rank: { weights: vectorOf({ ...HAND_RANK, lead: 3 }, RANK_FEATURES) },
      confidence: null,
    });
    expect(lead.ask('desert convoy').citations.map((c) => c.articleId)).toEqual([
      'convoy-lead',
      'convoy-later',
    ]);
  });

  it('learns from three topics that the lead paragraph is right, and ranks it first on the fourth', () => {
    const hand = new AnswerEngine(corpus, undefined, undefined, HAND);
    const rows = TOPICS.slice(0, 3).flatMap(([id, words]) => {
      const tq = hand.trainingQuestion(words)!;
      return pairwiseRows(
        tq.candidates.map((c) => c.features),
        tq.candidates.map((c) => c.passage.articleId === `${id}-lead` && c.passage.text.startsWith('A ')),
      );
    });
    const fit = fitLogistic(rows, { l2: 1, intercept: false, center: vectorOf(HAND_RANK, RANK_FEATURES) });
    const learned = new AnswerEngine(corpus, undefined, undefined, { rank: fit, confidence: null });
    expect(hand.ask('night airlift').citations[0]!.articleId).toBe('airlift-later');
    expect(learned.ask('night airlift').citations[0]!.quote).toBe(
      'A night airlift reached Timbuktu on Monday after a week on the road.',
    );
  });
});

describe('confidence by a confidence model', () => {
  const withBias = (threshold: number) =>
    new AnswerEngine(corpus, undefined, undefined, {
      rank: null,
      confidence: { weights: new Float64Array(CONFIDENCE_FEATURES.length), bias: Math.log(3), threshold },
    });

  it('is the logistic of its score, and the engine abstains below the model’s threshold', () => {
    // Weights 0 and bias ln 3: σ(ln 3) = 3 / 4 whatever the features.
    expect(withBias(0.8).ask('desert convoy')).toMatchObject({ confidence: 0.75, status: 'no_answer' });
    expect(withBias(0.7).ask('desert convoy')).toMatchObject({ confidence: 0.75, status: 'answered' });
  });
});
