/**
 * `npx tsx scripts/short-misses.ts [OUT.json]`: for every tuning set (never an untouched one), runs
 * each fact and conflict question through the engine in-process and writes one JSON line per question
 * with what the short-answer and conflict scoring sees: the answer, the expected answers, whether the
 * first citation is right, the first citations' quotes. A diagnosis aid for the short-answer work;
 * `npm run eval` stays the figure of record.
 */
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { tuningSets } from './tuning-sets.js';
import { askLine } from '../src/cli/contract.js';
import { analyzeQuestion } from '../src/engine/question.js';
import { answersIt, norm, shortAnswerRight, sourceOf } from '../src/cli/question-set.js';

const out = process.argv[2] ?? '/tmp/short-misses.jsonl';
const only = process.argv.slice(3);
const lines: string[] = [];
for (const { file, set, engine, corpus } of tuningSets(only)) {
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
