/**
 * The learned parts of ranking and confidence: the features each candidate passage and each
 * answer are described by, the linear models over them, and the model file (data/rank-model.json,
 * written by `npm run train`) they are read from, validated with zod.
 *
 * Query time costs one dot product per candidate: the features are read from what ranking has
 * already (BM25, the matches, the passage's place) and, for the best `extractFrom` candidates
 * only, from the answer extraction ranking ran before.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { DataFileError, dataDir } from '../text/datafile.js';

/**
 * What each candidate passage is described by, in vector order. The first group is read for
 * every candidate; ANSWER_FEATURES only for the candidates answer extraction looks in (0 for
 * the rest, as for a passage holding no answer of the asked type).
 */
export const CHEAP_FEATURES = [
  /** ln(BM25 / the best candidate's BM25): 0 for the best, below 0 for the rest. */
  'logBm25',
  /** ln(0.3 + 0.7 × coverage): the hand formula's coverage factor. */
  'logCoverage',
  /** ln(1 + 0.3 × proximity): the hand formula's proximity factor. */
  'logProximity',
  /** The IDF share of the question matched by each way a word can match (these sum to coverage's weight share). */
  'covExact',
  'covSpelling',
  'covForm',
  'covSynonym',
  'covDerived',
  'covPertainym',
  'covBroader',
  'covNarrower',
  'covSister',
  'covSimilar',
  'covMember',
  'covRegion',
  'covAntonym',
  'covAlias',
  'covContext',
  /** IDF share of the question's names (Analyzer.isName) the passage does not meet (see ConfidenceFeatures.unnamed). */
  'unnamed',
  /** IDF share of the question's names the passage meets. */
  'named',
  /** 1 for the first passage of its article, falling as 1 / (1 + position). */
  'lead',
  /** ln(1 + the passage's index terms) / 5: its length. */
  'length',
  /** IDF share of the question's terms that stand in the article's title. */
  'title',
  /** Other articles among the ten best by BM25 that match at least half of this passage's matched terms, over 5 (at most 1). */
  'agree',
] as const;

/** What the candidates answer extraction looks in are described by besides (see CHEAP_FEATURES). */
export const ANSWER_FEATURES = [
  /** 1 when an answer of the asked type is found in the passage. */
  'found',
  /** ln(1 + that answer's quality (extract.ts answerQuality)): the hand formula's type factor. */
  'logQuality',
  /** 1 when a count or a date is asked and the passage holds no number or date at all (ConfidenceFeatures.bare). */
  'bare',
] as const;

/** Every rank feature, in vector order. */
export const RANK_FEATURES = [...CHEAP_FEATURES, ...ANSWER_FEATURES] as const;
export type RankFeature = (typeof RANK_FEATURES)[number];

/**
 * What confidence is built from, in vector order (see ConfidenceFeatures in answer.ts; the last
 * three are read from the best candidate's rank features). The hand chain is one of them: the
 * model learns what to add to it.
 */
export const CONFIDENCE_FEATURES = [
  /** ln of the hand chain's confidence (answer.ts confidenceOf), at least ln 0.01. */
  'logHand',
  'coverage',
  /** 1 when a type is asked and the best passage holds an answer of it. */
  'typed',
  /** 1 when a type is asked and the best passage holds none. */
  'untyped',
  /** The typed answer's nearness to the matched words (0 when none). */
  'near',
  'nowhere',
  /** min(1, 4 × margin), as the hand chain reads the margin. */
  'margin',
  'agreement',
  'unnamed',
  'bare',
  /** The best passage's exact-match share of the question (its covExact). */
  'exact',
  /** The best passage's proximity factor (its logProximity). */
  'proximity',
  /** The best passage's title overlap (its title feature). */
  'title',
  /** IDF share of the question's specific words no candidate matches (ConfidenceFeatures.missing). */
  'missing',
  /** IDF share of the question's specific words the best passage does not match (ConfidenceFeatures.unmetSpecific). */
  'unmetSpecific',
  /** How far the next four passages score below the best (ConfidenceFeatures.spread). */
  'spread',
] as const;
export type ConfidenceFeature = (typeof CONFIDENCE_FEATURES)[number];

/**
 * The hand formula of the sessions before, as a rank model: final = BM25/top × (0.3 + 0.7
 * coverage) × (1 + 0.3 proximity) × (1 + answer quality), whose logarithm is the sum of four
 * features. `npm run train` compares every learned model with it.
 */
export const HAND_RANK: Readonly<Record<RankFeature, number>> = Object.fromEntries(
  RANK_FEATURES.map((f) => [f, ['logBm25', 'logCoverage', 'logProximity', 'logQuality'].includes(f) ? 1 : 0]),
) as Record<RankFeature, number>;

/** A rank model as the engine uses it: one weight per feature, in RANK_FEATURES order. */
export interface RankModel {
  weights: Float64Array;
}

/** A confidence model: logistic over CONFIDENCE_FEATURES, and the threshold below which the engine abstains. */
export interface ConfidenceModel {
  weights: Float64Array;
  bias: number;
  threshold: number;
}

/** What the engine reads from the model file: the models adopted (null where the hand formula is kept). */
export interface EngineModel {
  rank: RankModel | null;
  confidence: ConfidenceModel | null;
}

/** The hand formula (HAND_RANK) as a RankModel. */
export const HAND_RANK_MODEL: RankModel = { weights: vectorOf(HAND_RANK, RANK_FEATURES) };

/** Weights by name as a vector in the order of `names`. */
export function vectorOf<N extends string>(
  weights: Readonly<Record<N, number>>,
  names: readonly N[],
): Float64Array {
  return Float64Array.from(names.map((n) => weights[n]));
}

/** w · x. */
export function dot(w: ArrayLike<number>, x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < w.length; i++) s += w[i]! * x[i]!;
  return s;
}

/**
 * The share a confidence model's probability keeps when a count or a date is asked of a passage
 * holding none (the `bare` feature), as the hand chain's CONFIDENCE.bare halves the chain: of the
 * 784 tuning questions of 2 Dec 2026, no right first passage was bare, and a passage that stands
 * far above the rest but holds no number cannot give one.
 */
export const BARE_KEEPS = 0.5;

const BARE_AT = CONFIDENCE_FEATURES.indexOf('bare');

/** A confidence model's probability for a feature vector (CONFIDENCE_FEATURES order), the bare share applied. */
export function confidenceProbability(
  m: { weights: ArrayLike<number>; bias: number },
  x: ArrayLike<number>,
): number {
  const p = sigmoid(dot(m.weights, x) + m.bias);
  return x[BARE_AT] === 1 ? BARE_KEEPS * p : p;
}

/** The logistic function. */
export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** Weights keyed by exactly the names given: a missing or unknown name is an error naming it. */
function weightsOf<N extends string>(names: readonly N[]) {
  const shape = Object.fromEntries(names.map((n) => [n, z.number().finite()])) as Record<N, z.ZodNumber>;
  return z.strictObject(shape);
}

/** How `npm run train` measured a model, kept with it for the reader (README, "Ranking"). */
const Measured = z.object({
  /** The tuning sets it was fitted on. */
  sets: z.array(z.string()),
  /** Sets (of those) where leave-one-set-out beat the hand formula, and where it lost. */
  better: z.number().int().nonnegative(),
  worse: z.number().int().nonnegative(),
});

/** The model file's schema (data/rank-model.json). */
export const ModelFile = z.strictObject({
  version: z.literal(1),
  rank: z.strictObject({
    /** Whether the engine ranks by these weights (else by the hand formula, HAND_RANK). */
    adopted: z.boolean(),
    weights: weightsOf(RANK_FEATURES),
    measured: Measured,
  }),
  confidence: z.strictObject({
    /** Whether the engine's confidence is this model's (else the hand chain, answer.ts CONFIDENCE). */
    adopted: z.boolean(),
    bias: z.number().finite(),
    weights: weightsOf(CONFIDENCE_FEATURES),
    /** Below this probability the engine abstains (0–1). */
    threshold: z.number().min(0).max(1),
    measured: Measured,
  }),
});
export type ModelFile = z.infer<typeof ModelFile>;

/** The bundled model file. */
export function modelFilePath(): string {
  return join(dataDir(), 'rank-model.json');
}

/**
 * Parses a model file's text. Throws DataFileError naming the file and the first bad field
 * ("data/rank-model.json: rank.weights.logBm25: Invalid input: expected number, received string").
 */
export function parseModelFile(text: string, file: string): ModelFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new DataFileError(file, null, `not JSON: ${(err as Error).message}`);
  }
  const parsed = ModelFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    const path = [...issue.path, ...keys.slice(0, 1)].join('.');
    throw new DataFileError(file, null, `${path || '(top level)'}: ${issue.message}`);
  }
  return parsed.data;
}

/** The models a parsed file adopts. */
export function engineModelOf(file: ModelFile): EngineModel {
  return {
    rank: file.rank.adopted ? { weights: vectorOf(file.rank.weights, RANK_FEATURES) } : null,
    confidence: file.confidence.adopted
      ? {
          weights: vectorOf(file.confidence.weights, CONFIDENCE_FEATURES),
          bias: file.confidence.bias,
          threshold: file.confidence.threshold,
        }
      : null,
  };
}

/** Reads and validates a model file (the bundled one by default); see parseModelFile. */
export function loadModelFile(file: string = modelFilePath()): ModelFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new DataFileError(file, null, `cannot be read (${(err as NodeJS.ErrnoException).code ?? err})`);
  }
  return parseModelFile(text, file);
}

let inUse: EngineModel | undefined;

/**
 * The adopted models of the model file this process's engines use by default, read once: the
 * bundled data/rank-model.json unless {@link useModelFile} chose another.
 */
export function modelInUse(): EngineModel {
  inUse ??= engineModelOf(loadModelFile());
  return inUse;
}

/**
 * Makes `file` the model file of the engines this process builds from now on (the bot's
 * `RANK_MODEL_FILE`, the command line's `--model`: to try a retrained model before it replaces
 * the bundled one; the tests' pinned copy, so that a retrain does not move what they assert).
 * Read and validated at once: a bad file throws DataFileError naming it, and nothing changes.
 */
export function useModelFile(file: string): void {
  inUse = engineModelOf(loadModelFile(file));
}
