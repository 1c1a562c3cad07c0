/**
 * `npx tsx scripts/short-misses.ts [OUT.json]`: for every tuning set (never an untouched one), runs
 * each fact and conflict question through the engine in-process and writes one JSON line per question
 * with what the short-answer and conflict scoring sees: the answer, the expected answers, whether the
 * first citation is right, the first citations' quotes. A diagnosis aid for the short-answer work;
 * `npm run eval` stays the figure of record.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { loadCorpus, type Corpus } from '../src/corpus/load.js';
import { BUNDLED_CORPUS_DIR, Engine } from '../src/engine/index.js';
import { askLine } from '../src/cli/contract.js';
import { analyzeQuestion } from '../src/engine/question.js';
import {
  answersIt,
  bundledSets,
  isUntouched,
  norm,
  QuestionSet,
  shortAnswerRight,
  sourceOf,
} from '../src/cli/question-set.js';

const out = process.argv[2] ?? '/tmp/short-misses.jsonl';
const only = process.argv.slice(3);
const engines = new Map<string, { engine: Engine; corpus: Corpus }>();
const lines: string[] = [];
for (const file of bundledSets()) {
  if (isUntouched(file)) continue;
  if (only.length && !only.some((o) => basename(file).includes(o))) continue;
  const set = QuestionSet.parse(JSON.parse(readFileSync(file, 'utf8')));
  const dir = set.corpus ? resolve(dirname(file), set.corpus) : BUNDLED_CORPUS_DIR;
  let e = engines.get(dir);
  if (!e) {
    const corpus = loadCorpus(dir);
    e = { engine: new Engine(corpus), corpus };
    engines.set(dir, e);
  }
  const { engine, corpus } = e;
  for (const d of set.ask) {
    if (d.kind === 'abstain') continue;
    const a = askLine(engine, d.question);
    const cites = a.citations as Array<{ articleId: string; quote: string }>;
    const hit = (c: { articleId: string; quote: string }) =>
      answersIt(d, c.quote, sourceOf(corpus, c.articleId));
    const first = cites[0];
    const conflictShown =
      d.kind === 'conflict'
        ? (d.variants ?? []).map((group) =>
            cites.slice(0, 5).some((c) => group.some((x) => norm(c.quote).includes(norm(x)))),
          )
        : null;
    lines.push(
      JSON.stringify({
        set: basename(file, '.json'),
        id: d.id,
        kind: d.kind,
        q: d.question,
        type: analyzeQuestion(d.question).answerType,
        head: analyzeQuestion(d.question).headNoun,
        status: a.status,
        answer: a.answer,
        expected: d.answers,
        variants: d.variants,
        firstRight: first ? hit(first) : false,
        shortRight: shortAnswerRight(d, a.answer),
        conflictShown,
        cites: cites
          .slice(0, 5)
          .map((c) => `[${sourceOf(corpus, c.articleId)}${hit(c) ? '*' : ''}] ${c.quote}`),
      }),
    );
  }
}
writeFileSync(out, `${lines.join('\n')}\n`);
