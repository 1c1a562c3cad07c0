/**
 * `npx tsx scripts/rank-misses.ts [-v] [-f] [SET-NAME-PART …]`: ranking's near misses over the
 * tuning sets (never an untouched or a check set, see tuning-sets.ts), in one process.
 *
 * Prints the sums `npm run eval` prints per set for fact and conflict questions (hit@1 answered,
 * hit@1 status ignored, hit@3, hit@5, short answer, conflicts with both sides in the first five;
 * abstentions on the out-of-scope questions),
 * scored the same way on the same engine, in about a quarter of eval's time (no process per set);
 * and how many questions have the right passage first among the ranked candidates and at ranks
 * 2–5. With `-v`, each of those near misses: the best candidate's and the right one's matches
 * (question term = passage term / how) and the rank features where the right one loses or gains
 * more than 0.15 in the model's score (weight × difference); with `-f`, that difference per
 * feature averaged over the near misses. `npm run eval` stays the figure of record.
 */
import { basename } from 'node:path';
import { answersIt, norm, shortAnswerRight, sourceOf } from '../src/cli/question-set.js';
import { expandQuestion } from '../src/engine/expand.js';
import { HAND_RANK_MODEL, modelInUse, RANK_FEATURES } from '../src/engine/model.js';
import { analyzeQuestion } from '../src/engine/question.js';
import { tuningSets } from './tuning-sets.js';

const args = process.argv.slice(2);
const verbose = args.includes('-v');
const perFeature = args.includes('-f');
const only = args.filter((a) => !a.startsWith('-'));
const weights = (modelInUse().rank ?? HAND_RANK_MODEL).weights;

const sums = {
  questions: 0,
  answered: 0,
  first: 0,
  top3: 0,
  top5: 0,
  short: 0,
  conflicts: 0,
  shown: 0,
  outOfScope: 0,
  abstained: 0,
};
let rankedFirst = 0;
let near = 0;
const contribution = new Float64Array(RANK_FEATURES.length);
for (const { file, set, engine, corpus } of tuningSets(only)) {
  const view = engine.measurementView();
  for (const d of set.ask) {
    if (d.kind === 'abstain') {
      sums.outOfScope++;
      if (engine.ask(d.question).status !== 'answered') sums.abstained++;
      continue;
    }
    const right = (quote: string, articleId: string) => answersIt(d, quote, sourceOf(corpus, articleId));
    const a = engine.ask(d.question);
    const cited = a.citations.map((c) => right(c.quote, c.articleId));
    sums.questions++;
    if (cited[0]) sums.first++;
    if (cited[0] && a.status === 'answered') sums.answered++;
    if (cited.slice(0, 3).some(Boolean)) sums.top3++;
    if (cited.slice(0, 5).some(Boolean)) sums.top5++;
    if (shortAnswerRight(d, a.answer)) sums.short++;
    if (d.kind === 'conflict') {
      sums.conflicts++;
      const five = a.citations.slice(0, 5);
      if ((d.variants ?? []).every((g) => five.some((c) => g.some((x) => norm(c.quote).includes(norm(x))))))
        sums.shown++;
    }
    const asked = analyzeQuestion(d.question);
    if (asked.terms.length === 0) continue;
    const q = { ...asked, expansions: expandQuestion(asked, view.index) };
    const ranked = view.rank(q);
    const k = ranked.findIndex((r) => right(r.passage.text, r.passage.articleId));
    if (k === 0) rankedFirst++;
    if (k < 1 || k > 4) continue;
    near++;
    const top = ranked[0]!;
    const hit = ranked[k]!;
    const loses: string[] = [];
    for (let i = 0; i < RANK_FEATURES.length; i++) {
      const c = weights[i]! * (hit.features[i]! - top.features[i]!);
      contribution[i]! += c;
      if (Math.abs(c) > 0.15) loses.push(`${RANK_FEATURES[i]}:${c.toFixed(2)}`);
    }
    if (!verbose) continue;
    const matches = (r: typeof top) => [...r.matches].map(([t, m]) => `${t}=${m.term}/${m.via}`).join(' ');
    console.log(`\n${basename(file, '.json')} ${d.id} [${asked.answerType}] rank ${k + 1}: ${d.question}`);
    console.log(`  first ${top.final.toFixed(3)} ${matches(top)} | ${top.passage.text.slice(0, 200)}`);
    console.log(`  right ${hit.final.toFixed(3)} ${matches(hit)} | ${hit.passage.text.slice(0, 200)}`);
    console.log(`  right − first: ${loses.join(' ')}`);
  }
}
const of = (n: number, d = sums.questions) => `${n}/${d}`;
console.log(`
fact and conflict questions  ${sums.questions}
hit@1, answered              ${of(sums.answered)}
hit@1, status ignored        ${of(sums.first)}
hit@3                        ${of(sums.top3)}
hit@5                        ${of(sums.top5)}
short answer correct         ${of(sums.short)}
conflicts, both sides shown  ${of(sums.shown, sums.conflicts)}
abstentions                  ${of(sums.abstained, sums.outOfScope)}
ranked first (candidates)    ${of(rankedFirst)}
ranked 2–5 (candidates)      ${of(near)}`);
if (perFeature)
  for (let i = 0; i < RANK_FEATURES.length; i++)
    console.log(`${RANK_FEATURES[i]}\t${(contribution[i]! / Math.max(1, near)).toFixed(3)}`);
