/**
 * The tuning sets the diagnosis scripts read (every bundled set but the untouched and the check
 * sets, or those whose file name contains one of `only`), each with the engine of its own corpus;
 * one engine per corpus directory, built once and shared by the sets that use it.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { bundledSets, isUntouched, QuestionSet } from '../src/cli/question-set.js';
import { type Corpus, loadCorpus } from '../src/corpus/load.js';
import { BUNDLED_CORPUS_DIR, Engine } from '../src/engine/index.js';

export interface TuningSet {
  file: string;
  dir: string;
  set: QuestionSet;
  engine: Engine;
  corpus: Corpus;
}

const engines = new Map<string, { engine: Engine; corpus: Corpus }>();

/** The engine of a corpus directory, built on first use and kept for the script's run. */
export function engineFor(dir: string): { engine: Engine; corpus: Corpus } {
  let e = engines.get(dir);
  if (!e) {
    const corpus = loadCorpus(dir);
    e = { engine: new Engine(corpus), corpus };
    engines.set(dir, e);
  }
  return e;
}

/**
 * Sets held for checking changes this session: tuning material that nobody has read, scored only
 * as totals (`npm run eval -- FILE`) so that a change tuned on the other sets can be seen to carry
 * over. The diagnosis scripts, which print questions and misses, never read them.
 */
export const CHECK_SETS: readonly string[] = ['reworded-fresh9-tuning.json', 'pages-wave22.json'];

export function* tuningSets(only: readonly string[]): Generator<TuningSet> {
  for (const file of bundledSets()) {
    if (isUntouched(file) || CHECK_SETS.includes(basename(file))) continue;
    if (only.length && !only.some((o) => basename(file).includes(o))) continue;
    const set = QuestionSet.parse(JSON.parse(readFileSync(file, 'utf8')));
    const dir = set.corpus ? resolve(dirname(file), set.corpus) : BUNDLED_CORPUS_DIR;
    yield { file, dir, set, ...engineFor(dir) };
  }
}
