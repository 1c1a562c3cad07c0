/**
 * Cross-language hit@1 misses over the tuning sets: for each fact or conflict question whose first
 * citation does not answer it, the question's language, the first citation's language, the right
 * passage's language and its rank among the ranked candidates (or "no candidate").
 * `npx tsx scripts/xlang-misses.ts [SET-NAME-PART …]`
 */
import { basename } from 'node:path';
import { answersIt, sourceOf } from '../src/cli/question-set.js';
import { expandQuestion } from '../src/engine/expand.js';
import { analyzeQuestion } from '../src/engine/question.js';
import { tuningSets } from './tuning-sets.js';

const only = process.argv.slice(2);
const counts = new Map<string, number>();
for (const { file, set, engine, corpus } of tuningSets(only)) {
  const view = engine.measurementView();
  const lang = (articleId: string) => corpus.byId.get(articleId)?.meta.language ?? 'en';
  for (const d of set.ask) {
    if (d.kind === 'abstain') continue;
    const a = engine.ask(d.question);
    const first = a.citations[0];
    const ok =
      first !== undefined &&
      answersIt(d, first.quote, sourceOf(corpus, first.articleId)) &&
      a.status === 'answered';
    const asked = analyzeQuestion(d.question);
    const right = corpus.passages.filter((p) => answersIt(d, p.text, sourceOf(corpus, p.articleId)));
    const rightLang = [...new Set(right.map((p) => lang(p.articleId)))].join('+') || '-';
    const key0 = `${asked.language}->${rightLang}`;
    counts.set(`all ${key0}`, (counts.get(`all ${key0}`) ?? 0) + 1);
    if (ok) continue;
    const q = { ...asked, expansions: expandQuestion(asked, view.index) };
    const ranked = view.rank(q);
    const k = ranked.findIndex((r) => answersIt(d, r.passage.text, sourceOf(corpus, r.passage.articleId)));
    const firstLang = first ? lang(first.articleId) : '-';
    const key = `miss q=${asked.language} first=${firstLang} right=${rightLang} ${k < 0 ? 'nocand' : 'cand'}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    const cross = asked.language !== firstLang || !rightLang.includes(asked.language);
    if (!cross) continue;
    console.log(
      `${basename(file, '.json')}\t${d.id}\tq=${asked.language}\tfirst=${firstLang}\tright=${rightLang}\t${k < 0 ? 'no candidate' : `rank ${k + 1}/${ranked.length}`}\t${d.question}\n    → ${first?.quote.slice(0, 110) ?? '-'}\n    ✓ ${right[0]?.text.slice(0, 110) ?? '-'}`,
    );
  }
}
for (const [k, v] of [...counts].sort()) console.log(`${k}\t${v}`);
