/**
 * `npx tsx scripts/conflict-misses.ts [SET…]`: for every conflict question of the tuning sets
 * (never an untouched set) whose sides are not all in the first five citations, says where each
 * missing side is: the rank of the best candidate passage giving it (ranking's candidates, at
 * most 60 are looked at by the other-side search), or "not a candidate" with whether any passage
 * of the corpus gives it at all, and whether the first citation gives a side. A diagnosis aid for
 * the conflict work; `npm run eval` stays the figure of record.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { loadCorpus, type Corpus } from '../src/corpus/load.js';
import { BUNDLED_CORPUS_DIR, Engine } from '../src/engine/index.js';
import { analyzeQuestion } from '../src/engine/question.js';
import { expandQuestion } from '../src/engine/expand.js';
import { bundledSets, isUntouched, norm, QuestionSet } from '../src/cli/question-set.js';

const only = process.argv.slice(2);
const engines = new Map<string, { engine: Engine; corpus: Corpus }>();
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
  const view = engine.measurementView();
  for (const d of set.ask) {
    if (d.kind !== 'conflict') continue;
    const a = engine.ask(d.question);
    const five = a.citations.slice(0, 5);
    const gives = (text: string, group: string[]) => group.some((x) => norm(text).includes(norm(x)));
    const shown = (d.variants ?? []).map((g) => five.some((c) => gives(c.quote, g)));
    if (shown.every(Boolean)) {
      console.log(`${basename(file, '.json')}\t${d.id}\tOK`);
      continue;
    }
    const asked = analyzeQuestion(d.question);
    const q = { ...asked, expansions: expandQuestion(asked, view.index) };
    const ranked = view.rank(q);
    const where = (d.variants ?? []).map((g, i) => {
      if (shown[i]) return 'shown';
      const k = ranked.findIndex((r) => gives(r.passage.text, g));
      if (k >= 0) return `rank ${k + 1}/${ranked.length}`;
      const inCorpus = corpus.passages.some((p) => gives(p.text, g));
      return inCorpus ? 'not a candidate' : 'in no passage';
    });
    const firstSide = five[0] ? (d.variants ?? []).findIndex((g) => gives(five[0]!.quote, g)) : -1;
    console.log(
      `${basename(file, '.json')}\t${d.id}\t${a.status}\ttype=${q.answerType}\thead=${q.headNoun}\tfirst gives side ${firstSide}\t${where.join(' | ')}`,
    );
  }
}
