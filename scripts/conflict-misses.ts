import { basename } from 'node:path';
import { tuningSets } from './tuning-sets.js';
import { analyzeQuestion } from '../src/engine/question.js';
import { expandQuestion } from '../src/engine/expand.js';
import { norm } from '../src/cli/question-set.js';

const only = process.argv.slice(2);
for (const { file, set, engine, corpus } of tuningSets(only)) {
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
