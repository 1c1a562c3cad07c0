/**
 * A quick loop for short-answer work, in two steps.
 *
 * `npx tsx scripts/short-fast.ts dump OUT.json [SET…]`: runs every tuning set's fact and conflict
 * questions (never an untouched set) through the engine once and keeps, for each, what the
 * short answer is cut from: the first citation's quote, its article's language, the sentence
 * before it, the passage terms ranking matched (withMatched in answer.ts), the status and the
 * short answer given.
 *
 * `npx tsx scripts/short-fast.ts score DUMP.json [OUT.jsonl]`: cuts the short answer again from
 * each kept first citation with the extractor as it is now, without ranking anything, and prints
 * per set how many are right when the engine answers (as `npm run eval` scores them) and how many
 * right first citations get a right span whatever the confidence. Valid only while ranking does
 * not change (the extractor's `span` path only); `npm run eval` stays the figure of record.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { analyzeQuestion } from '../src/engine/question.js';
import { expandQuestion } from '../src/engine/expand.js';
import { extractAnswer, dateAnswerText } from '../src/engine/extract.js';
import { type AnswerEngine, sentenceBefore } from '../src/engine/answer.js';
import { engineFor, tuningSets } from './tuning-sets.js';
import { answersIt, shortAnswerRight, sourceOf } from '../src/cli/question-set.js';

interface Row {
  set: string;
  dir: string;
  id: string;
  kind: string;
  q: string;
  answers: string[];
  status: string;
  given: string | null;
  firstRight: boolean;
  quote: string;
  articleId: string;
  published: string | null;
  publishedApprox: boolean;
  language: string;
  before: string;
  extra: string[];
  cites: string[];
}

const [mode, file, ...rest] = process.argv.slice(2);
if (mode === 'dump') {
  const rows: Row[] = [];
  for (const { file: setFile, set, dir, engine, corpus } of tuningSets(rest)) {
    const view: AnswerEngine = engine.measurementView();
    for (const d of set.ask) {
      if (d.kind === 'abstain') continue;
      const a = engine.ask(d.question);
      const first = a.citations[0];
      let extra: string[] = [];
      if (first) {
        const asked = analyzeQuestion(d.question);
        const q = { ...asked, expansions: expandQuestion(asked, view.index) };
        const hit = view
          .rank(q)
          .find((r) => r.passage.articleId === first.articleId && r.passage.start === first.start);
        if (hit) extra = [...hit.matches.values()].map((m) => m.term).filter((t) => !q.terms.includes(t));
      }
      const article = first ? corpus.byId.get(first.articleId) : undefined;
      rows.push({
        set: basename(setFile, '.json'),
        dir,
        id: d.id,
        kind: d.kind,
        q: d.question,
        answers: d.answers ?? [],
        status: a.status,
        given: a.answer,
        firstRight: first ? answersIt(d, first.quote, sourceOf(corpus, first.articleId)) : false,
        quote: first?.quote ?? '',
        articleId: first?.articleId ?? '',
        published: first?.published ?? null,
        publishedApprox: first?.publishedApprox ?? false,
        language: article?.meta.language ?? 'en',
        before: first ? sentenceBefore(article?.text ?? '', first.start) : '',
        extra,
        cites: a.citations
          .slice(0, 5)
          .map(
            (c) =>
              `[${sourceOf(corpus, c.articleId)}${answersIt(d, c.quote, sourceOf(corpus, c.articleId)) ? '*' : ''}] ${c.quote}`,
          ),
      });
    }
  }
  writeFileSync(file!, JSON.stringify(rows));
} else if (mode === 'score') {
  const rows = JSON.parse(readFileSync(file!, 'utf8')) as Row[];
  const out: string[] = [];
  const per = new Map<string, { n: number; right: number; rightFirst: number; spanRight: number }>();
  for (const r of rows) {
    const { engine } = engineFor(r.dir);
    const view = engine.measurementView();
    const asked = analyzeQuestion(r.q);
    const q0 = { ...asked, expansions: expandQuestion(asked, view.index) };
    const q = r.extra.length ? { ...q0, terms: [...q0.terms, ...r.extra] } : q0;
    const m = r.quote ? extractAnswer(r.quote, q, true, r.language, r.before) : null;
    const dated =
      m && q.answerType === 'date'
        ? dateAnswerText(
            m,
            r.quote,
            { date: r.published, approximate: r.publishedApprox } as never,
            r.language,
          )
        : null;
    const span = dated?.text ?? m?.text.replace(/\s+/g, ' ') ?? null;
    const answered = r.status === 'answered';
    const right = shortAnswerRight({ answers: r.answers }, span);
    const p = per.get(r.set) ?? { n: 0, right: 0, rightFirst: 0, spanRight: 0 };
    p.n++;
    if (answered && right) p.right++;
    if (r.firstRight) p.rightFirst++;
    if (r.firstRight && right) p.spanRight++;
    per.set(r.set, p);
    out.push(
      JSON.stringify({
        set: r.set,
        id: r.id,
        q: r.q,
        type: q.answerType,
        head: q.headNoun,
        lang: q.language,
        status: r.status,
        firstRight: r.firstRight,
        span,
        right,
        expected: r.answers,
        quote: r.quote,
        before: r.before,
      }),
    );
  }
  let tot = { n: 0, right: 0, rightFirst: 0, spanRight: 0 };
  for (const [s, p] of per) {
    console.log(
      `${s.padEnd(26)} short ${p.right}/${p.n}  span right on right first ${p.spanRight}/${p.rightFirst}`,
    );
    tot = {
      n: tot.n + p.n,
      right: tot.right + p.right,
      rightFirst: tot.rightFirst + p.rightFirst,
      spanRight: tot.spanRight + p.spanRight,
    };
  }
  console.log(
    `${'SUM'.padEnd(26)} short ${tot.right}/${tot.n}  span right on right first ${tot.spanRight}/${tot.rightFirst}`,
  );
  writeFileSync(rest[0] ?? '/tmp/short-fast.jsonl', `${out.join('\n')}\n`);
} else {
  console.error('usage: short-fast.ts dump OUT.json [SET…] | score DUMP.json [OUT.jsonl]');
  process.exit(2);
}
