/**
 * `npx tsx scripts/check-totals.ts`: this session's check sets (CHECK_SETS) scored in one
 * process, as totals only (no question, no miss is printed: they are read by nobody): per set,
 * right first passages answered and with the status ignored, answered, and out-of-scope
 * questions abstained. A quick look while working; `npm run eval` stays the figure of record.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { answersIt, CHECK_SETS, EVAL_DIR, QuestionSet, sourceOf } from '../src/cli/question-set.js';
import { BUNDLED_CORPUS_DIR } from '../src/engine/index.js';
import { engineFor } from './tuning-sets.js';

for (const name of CHECK_SETS) {
  const file = join(EVAL_DIR, name);
  const set = QuestionSet.parse(JSON.parse(readFileSync(file, 'utf8')));
  const dir = set.corpus ? resolve(dirname(file), set.corpus) : BUNDLED_CORPUS_DIR;
  const { engine, corpus } = engineFor(dir);
  let answerable = 0;
  let right = 0;
  let rightAnswered = 0;
  let answered = 0;
  let oos = 0;
  let abstained = 0;
  for (const d of set.ask) {
    const a = engine.ask(d.question);
    if (a.status === 'answered') answered++;
    if (d.kind === 'abstain') {
      oos++;
      if (a.status !== 'answered') abstained++;
      continue;
    }
    answerable++;
    const first = a.citations[0];
    if (first && answersIt(d, first.quote, sourceOf(corpus, first.articleId))) {
      right++;
      if (a.status === 'answered') rightAnswered++;
    }
  }
  console.log(
    `${name}: hit@1 answered ${rightAnswered}/${answerable}, status ignored ${right}/${answerable}, out of scope abstained ${abstained}/${oos}, answered ${answered}`,
  );
}
