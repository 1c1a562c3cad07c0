/**
 * `npx tsx scripts/confidence-census.ts [OUT.jsonl] [SET-NAME-PART …]`: one JSON line per ask
 * question of the read sets (never an untouched or a check set, see tuning-sets.ts), with what the
 * confidence reads of its best passage: the engine's status and confidence, the hand chain, the
 * features (ConfidenceFeatures and the model's vector), whether the first citation is right, and
 * the best passage's matched words. For measuring a confidence feature offline at every threshold
 * before it goes into the engine; `npm run eval` stays the figure of record.
 */
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { answersIt, sourceOf } from '../src/cli/question-set.js';
import { confidenceOf, confidenceVector } from '../src/engine/answer.js';
import { expandQuestion } from '../src/engine/expand.js';
import { analyzeQuestion } from '../src/engine/question.js';
import { tuningSets } from './tuning-sets.js';

const args = process.argv.slice(2);
const out = args[0] ?? '/tmp/confidence-census.jsonl';
const only = args.slice(1);
const lines: string[] = [];
for (const { file, set, engine, corpus } of tuningSets(only)) {
  const view = engine.measurementView();
  for (const d of set.ask) {
    const a = engine.ask(d.question);
    const first = a.citations[0];
    const right =
      d.kind !== 'abstain' &&
      first !== undefined &&
      answersIt(d, first.quote, sourceOf(corpus, first.articleId));
    const asked = analyzeQuestion(d.question);
    const q = asked.terms.length ? { ...asked, expansions: expandQuestion(asked, view.index) } : null;
    const ranked = q ? view.rank(q) : [];
    const f = q ? view.confidenceFeatures(ranked, q) : null;
    const best = ranked[0];
    lines.push(
      JSON.stringify({
        set: basename(file, '.json'),
        id: d.id,
        kind: d.kind,
        question: d.question,
        status: a.status,
        confidence: a.confidence ?? 0,
        right,
        answer: a.answer,
        answerType: asked.answerType,
        headNoun: asked.headNoun,
        hand: f ? confidenceOf(f) : 0,
        features: f,
        vector: f && best ? [...confidenceVector(f, best)] : null,
        terms: asked.terms,
        best: best
          ? {
              text: best.passage.text.slice(0, 300),
              matches: [...best.matches].map(([t, m]) => [t, m.term, m.via]),
              found: best.found?.text ?? null,
              after: best.found ? best.passage.text.slice(best.found.end, best.found.end + 40) : null,
              beforeText: best.found
                ? best.passage.text.slice(Math.max(0, best.found.start - 50), best.found.start)
                : null,
            }
          : null,
      }),
    );
  }
}
writeFileSync(out, `${lines.join('\n')}\n`);
console.log(`${lines.length} questions → ${out}`);
