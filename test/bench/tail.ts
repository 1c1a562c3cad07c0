/**
 * The ask tail at 100k passages, measured without the rest of the bench: the same synthetic
 * corpus and questions as `npm run bench` (same seeds), E built and its quotations prepared,
 * then the 1,000 questions asked once each in the bench's order after its warm-up.
 *
 *   node --expose-gc --import tsx test/bench/tail.ts [--passages N] [--slowest K]
 *        [--answers FILE] [--profile FILE.cpuprofile] [--rounds R] [--cache FILE]
 *        [--tail FILE] [--subset FILE] [--no-quotations] [--french SHARE]
 *
 * Prints the CPU time of the timed loop, the p50/p99 of wall time, and the K questions that took
 * the most CPU time. On a shared virtual machine neither is steady (the same tree's CPU time
 * moved by half between runs at load 5–8): compare trees by what they do, not by one run.
 * --answers writes E's answer to every question as JSON lines, to compare two trees byte for
 * byte; --cache keeps the generated corpus between runs (a minute of each run otherwise); --tail
 * writes the 50 slowest questions' indices, --subset times only the questions listed; --french
 * the share of French articles (the bench's default unless given; 0 for an all-English corpus).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCorpus, type Article, type Corpus } from '../../src/corpus/load.js';
import { Engine } from '../../src/engine/index.js';
import { generateQuestions } from './questions.js';
import { DEFAULT_FRENCH_SHARE, frenchVocabulary } from './french.js';
import { buildVocabulary, corpusTexts, generateCorpus } from './synthetic.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SEED = 20220217;
const WARMUP = 50;

const argv = process.argv.slice(2);
const arg = (name: string): string | null => {
  const i = argv.indexOf(name);
  return i >= 0 ? (argv[i + 1] ?? null) : null;
};
const passages = Number(arg('--passages') ?? 100_000);
const slowest = Number(arg('--slowest') ?? 25);
const answersFile = arg('--answers');
const profileFile = arg('--profile');
const rounds = Number(arg('--rounds') ?? 1);
const subsetFile = arg('--subset');
const tailFile = arg('--tail');

const real = loadCorpus(join(ROOT, 'corpus'));
const vocabulary = buildVocabulary(corpusTexts(real), { size: 50_000, seed: SEED });
let t = performance.now();
// --cache FILE: the generated corpus kept as JSON between runs (passage texts sliced again from
// their article's text on reading, as prepareArticle slices them).
const cacheFile = arg('--cache');
let corpus: Corpus;
if (cacheFile && existsSync(cacheFile)) {
  const articles = (JSON.parse(readFileSync(cacheFile, 'utf8')) as Article[]).map((a) => ({
    ...a,
    passages: a.passages.map((p) => ({ ...p, text: a.text.slice(p.start, p.end) })),
  }));
  corpus = {
    dir: 'synthetic',
    articles,
    byId: new Map(articles.map((a) => [a.meta.id, a])),
    passages: articles.flatMap((a) => a.passages),
  };
} else {
  const share = Number(arg('--french') ?? DEFAULT_FRENCH_SHARE);
  if (!(share >= 0 && share <= 1)) throw new Error('tail: --french takes a share between 0 and 1');
  // The bench's bilingual corpus: the same French vocabulary seed as test/bench/bench.ts.
  const french = share > 0 ? { share, vocabulary: frenchVocabulary(SEED + 7).vocabulary } : undefined;
  corpus = generateCorpus({ passages, vocabulary, seed: SEED + passages, mode: 'project', french });
  if (cacheFile)
    writeFileSync(
      cacheFile,
      JSON.stringify(
        corpus.articles.map((a) => ({ ...a, passages: a.passages.map((p) => ({ ...p, text: '' })) })),
      ),
    );
}
process.stderr.write(
  `generated ${corpus.passages.length} passages in ${(performance.now() - t).toFixed(0)} ms\n`,
);
const qs = generateQuestions(corpus, { count: 1000, quotes: 300, seed: SEED + 1 });
t = performance.now();
const engine = new Engine(corpus);
process.stderr.write(`built E in ${(performance.now() - t).toFixed(0)} ms\n`);
// --no-quotations: "who said" questions left out, so the quotation index is never built (about
// half a run's time at 100k); for quick comparisons of code the quotations do not touch.
const noQuotations = argv.includes('--no-quotations');
if (!noQuotations) {
  await engine.prepareQuotations();
  process.stderr.write('quotations prepared\n');
}

const all = noQuotations ? qs.ask.filter((q) => !/^who said\b/i.test(q)) : qs.ask;
engine.ask(all[0]!);
for (const q of all.slice(1, WARMUP)) engine.ask(q);
// --subset FILE: only the questions at these indices (one a line) are timed, in that order.
const qlist = subsetFile
  ? readFileSync(subsetFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((i) => all[Number(i)]!)
  : all;
(globalThis as { gc?: () => void }).gc?.();
for (const x of (globalThis as { MEMO_STATS?: Array<Record<string, number>> }).MEMO_STATS ?? [])
  for (const k of ['hits', 'misses', 'clears', 'missMs']) x[k] = 0;

let session: Session | null = null;
if (profileFile) {
  session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
}
for (let r = 0; r < rounds; r++) {
  const times: Array<{ q: string; ms: number; cpu: number; i: number }> = [];
  const cpu0 = process.cpuUsage();
  const w0 = performance.now();
  qlist.forEach((q, i) => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    engine.ask(q);
    const ms = performance.now() - t0;
    const c = process.cpuUsage(c0);
    times.push({ q, ms, cpu: (c.user + c.system) / 1000, i });
  });
  const wall = performance.now() - w0;
  const cpu = process.cpuUsage(cpu0);
  const sorted = times.map((x) => x.ms).sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  console.log(
    `round ${r + 1}: wall ${wall.toFixed(0)} ms, cpu user ${(cpu.user / 1000).toFixed(0)} ms system ${(cpu.system / 1000).toFixed(0)} ms; p50 ${pct(50).toFixed(2)} p90 ${pct(90).toFixed(2)} p99 ${pct(99).toFixed(2)} max ${sorted[sorted.length - 1]!.toFixed(2)} ms`,
  );
  if (r === 0 && tailFile)
    writeFileSync(
      tailFile,
      [...times]
        .sort((a, b) => b.cpu - a.cpu)
        .slice(0, 50)
        .map((x) => `${x.i}\n`)
        .join(''),
    );
  if (r === 0)
    for (const x of [...times].sort((a, b) => b.cpu - a.cpu).slice(0, slowest))
      console.log(
        `  ${x.ms.toFixed(2).padStart(7)} ms wall ${x.cpu.toFixed(2).padStart(7)} ms cpu  #${x.i}  ${x.q}`,
      );
}
const ms = (globalThis as { MEMO_STATS?: Array<Record<string, unknown>> }).MEMO_STATS;
if (ms) for (const x of ms) console.log(JSON.stringify(x));
if (session) {
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(profileFile!, JSON.stringify(profile));
  session.disconnect();
}
if (answersFile) {
  const lines = qlist.map((q) => `${JSON.stringify({ question: q, answer: engine.ask(q) })}\n`);
  writeFileSync(answersFile, lines.join(''));
}
