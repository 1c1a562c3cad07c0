/**
 * `npm run bench`: side-by-side figures for the answer engine (E), the obvious minisearch
 * approach (a) and a minimal BM25 index (b) over the bundled corpus and synthetic corpora of
 * 10k and 100k passages (1M with --huge). Prints figures; asserts nothing.
 *
 *   npm run bench                     real corpus, 10k, 100k; 1,000 questions each
 *   npm run bench -- --quick          real corpus and 10k only, 300 questions
 *   npm run bench -- --huge           also 1,000,000 passages, when memory allows
 *   npm run bench -- --json FILE      also write every figure as JSON
 *   npm run bench -- --cap SECONDS    time limit per system and query kind (default 60, quick 20)
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { freemem, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import MiniSearch from 'minisearch';
import { loadCorpus, type Corpus } from '../corpus/load.js';
import { indexTerm, tokenize } from '../text/tokenize.js';
import { Bm25Index } from './bm25.js';
import { generateQuestions, type QuestionSet } from './questions.js';
import { buildVocabulary, corpusTexts, generateCorpus, writeCorpus, type PassageMode, type Vocabulary } from './synthetic.js';
import {
  canCollect,
  formatBytes,
  formatCount,
  formatMs,
  formatRatio,
  heapLimit,
  heapUsed,
  machineInfo,
  summarize,
  table,
  timed,
  type LatencySummary,
  type MachineInfo,
} from './stats.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const REAL_DIR = join(ROOT, 'corpus');
const SCRATCH = join(ROOT, '.bench');
const SEED = 20220217;
const WARMUP = 50;
const FIRST_QUESTION = 'How many French troops were deployed in Mali?';

// ---------------------------------------------------------------------------------------------
// Options

interface Options {
  quick: boolean;
  huge: boolean;
  json: string | null;
  capMs: number;
  questions: number;
  quotes: number;
}

function parseOptions(argv: readonly string[]): Options {
  const quick = argv.includes('--quick');
  const opt: Options = { quick, huge: argv.includes('--huge'), json: null, capMs: (quick ? 20 : 60) * 1000, questions: quick ? 300 : 1000, quotes: 300 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') opt.json = resolve(argv[++i] ?? 'bench.json');
    else if (a === '--cap') opt.capMs = Number(argv[++i]) * 1000;
    else if (a === '--questions') opt.questions = Number(argv[++i]);
    else if (a === '--help' || a === '-h') {
      console.log('usage: npm run bench -- [--quick] [--huge] [--json FILE] [--cap SECONDS] [--questions N]');
      process.exit(0);
    } else if (a !== '--quick' && a !== '--huge') {
      console.error(`bench: unknown option ${a}`);
      process.exit(2);
    }
  }
  if (!(opt.capMs > 0) || !(opt.questions > 0)) {
    console.error('bench: --cap and --questions take positive numbers');
    process.exit(2);
  }
  return opt;
}

// ---------------------------------------------------------------------------------------------
// The engine, loaded defensively: other work on src/engine/ may leave parts missing.

/** What the benchmark needs of the project's engine. */
interface EngineUnderTest {
  ask(question: string): { status: string };
  quote: ((query: string) => unknown) | null;
  /** The AnswerEngine inside, for the stage breakdown (private API, may change). */
  answers: unknown;
}

interface EngineFactory {
  make(corpus: Corpus): EngineUnderTest;
  /** What was built: "Engine (answers + quotations)" or the fallback taken. */
  label: string;
  /** Why quotations cannot be measured, or null when they can. */
  quoteProblem: string | null;
}

function firstLine(err: unknown): string {
  return String((err as Error)?.message ?? err).split('\n')[0]!;
}

async function engineFactory(): Promise<EngineFactory> {
  try {
    const m = (await import('../engine/index.js')) as typeof import('../engine/index.js');
    return {
      label: 'Engine (ask + quote)',
      quoteProblem: null,
      make(corpus) {
        const e = new m.Engine(corpus);
        return {
          ask: (q) => e.ask(q),
          quote: typeof e.quote === 'function' ? (q) => e.quote(q) : null,
          answers: (e as unknown as { answers: unknown }).answers,
        };
      },
    };
  } catch (err) {
    const why = `src/engine/index.ts does not load (${firstLine(err)})`;
    const m = await import('../engine/answer.js');
    return {
      label: 'AnswerEngine only (Engine unavailable)',
      quoteProblem: why,
      make(corpus) {
        const e = new m.AnswerEngine(corpus);
        return { ask: (q) => e.ask(q), quote: null, answers: e };
      },
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Measurement

/** Latency figures of one system on one kind of query. */
interface Latency extends LatencySummary {
  /** Queries asked in all (after warm-up). */
  total: number;
  /** True when the time cap stopped the run before every query was asked. */
  capped: boolean;
  errors: number;
  firstError?: string;
}

/**
 * Times `run` on each query with performance.now(), after running the first WARMUP queries
 * untimed; stops once `capMs` has passed. `onTimed` is called when timing starts.
 */
function measure(queries: readonly string[], run: (q: string) => void, capMs: number, onTimed?: () => void): Latency {
  let errors = 0;
  let firstError: string | undefined;
  const call = (q: string) => {
    try {
      run(q);
    } catch (err) {
      errors++;
      firstError ??= firstLine(err);
    }
  };
  for (const q of queries.slice(0, WARMUP)) call(q);
  errors = 0;
  firstError = undefined;
  onTimed?.();
  heapUsed();
  const samples: number[] = [];
  const started = performance.now();
  for (const q of queries) {
    const t0 = performance.now();
    call(q);
    samples.push(performance.now() - t0);
    if (performance.now() - started > capMs) break;
  }
  return { ...summarize(samples), total: queries.length, capped: samples.length < queries.length, errors, firstError };
}

/** Build, memory and persistence figures of one system on one corpus. */
interface BuildFigures {
  buildMs: number;
  heapBytes: number;
  serializedBytes: number | null;
  loadMs: number | null;
  /** What the serialized figures cover, when not the whole index. */
  serializedNote?: string;
}

/** Everything measured on one corpus. */
interface CorpusFigures {
  name: string;
  passages: number;
  articles: number;
  paragraphs: number;
  questions: number;
  misspelt: number;
  generateMs: number | null;
  generateMode: PassageMode | 'loaded';
  /** Heap with the corpus and questions loaded and no index built. */
  corpusHeapBytes: number;
  build: { E: BuildFigures; a: BuildFigures; b: BuildFigures };
  ask: { E: Latency; a: Latency; b: Latency };
  quote: Latency | null;
  quoteProblem: string | null;
  answeredShare: number;
  stages: StageFigures | null;
  stagesProblem: string | null;
  startup: Startup | null;
}

function bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** Paragraph documents for the obvious approach: each body block of each article. */
function paragraphs(corpus: Corpus): Array<{ id: number; text: string }> {
  const docs: Array<{ id: number; text: string }> = [];
  for (const a of corpus.articles) {
    for (const b of a.blocks) if (b.kind === 'body') docs.push({ id: docs.length, text: a.text.slice(b.start, b.end) });
  }
  return docs;
}

/** The minisearch inside the engine's PassageIndex (private API, may change). */
function engineMiniSearch(answers: unknown): MiniSearch | null {
  const ms = (answers as { index?: { ms?: unknown } })?.index?.ms;
  return ms instanceof MiniSearch ? ms : null;
}

function engineSerialization(answers: unknown): Pick<BuildFigures, 'serializedBytes' | 'loadMs' | 'serializedNote'> {
  const ms = engineMiniSearch(answers);
  if (!ms) return { serializedBytes: null, loadMs: null, serializedNote: 'no minisearch index found inside the engine' };
  const json = JSON.stringify(ms);
  const loaded = timed(() =>
    MiniSearch.loadJSON(json, {
      fields: ['text', 'context'],
      storeFields: [],
      tokenize: (text: string) => tokenize(text),
      processTerm: (token: string) => indexTerm(token) ?? null,
    }),
  );
  return {
    serializedBytes: bytes(json),
    loadMs: loaded.ms,
    serializedNote: 'minisearch part only (the engine has no serialisation of its own)',
  };
}

// ---------------------------------------------------------------------------------------------
// Where the engine's time goes (private API; skipped with a reason when it has changed)

interface Stage {
  mean: number;
  p50: number;
  p99: number;
}

interface StageFigures {
  sample: number;
  analyze: Stage;
  /** PassageIndex.search: minisearch with fuzzy and related terms, cut to the candidates. */
  search: Stage;
  /** The same minisearch query with fuzzy matching off. */
  searchExact: Stage;
  /** SearchableMap.fuzzyGet alone for every fuzzy query term. */
  fuzzyLookup: Stage;
  /** rank() minus its search: coverage and answer extraction over the candidates. */
  rerank: Stage;
  /** ask() minus analysis and rank(): conflicts, citations, short answer. */
  rest: Stage;
  ask: Stage;
  meanTerms: number;
  meanFuzzyTerms: number;
  meanFuzzyVariants: number;
  meanMatchedDocs: number;
  meanMatchedDocsExact: number;
}

function stage(samples: number[]): Stage {
  const s = summarize(samples.map((x) => Math.max(0, x)));
  return { mean: s.mean, p50: s.p50, p99: s.p99 };
}

async function stageBreakdown(answers: unknown, questions: readonly string[], capMs: number): Promise<StageFigures> {
  const { analyzeQuestion } = await import('../engine/question.js');
  const { fuzzyDistance } = await import('../engine/search.js');
  const ae = answers as {
    index: { search: (t: readonly string[], o: { candidates: number }, r: ReadonlyMap<string, string>) => unknown[] };
    settings: { candidates: number };
    rank: (q: unknown) => unknown[];
    ask: (q: string) => unknown;
  };
  const ms = engineMiniSearch(answers);
  if (!ms || typeof ae.rank !== 'function' || typeof ae.index?.search !== 'function') throw new Error('AnswerEngine internals have changed');
  const tree = (ms as unknown as { _index: { fuzzyGet: (k: string, d: number) => Map<string, unknown> } })._index;
  const cols = { analyze: [] as number[], search: [] as number[], searchExact: [] as number[], fuzzy: [] as number[], rerank: [] as number[], rest: [] as number[], ask: [] as number[] };
  let terms = 0;
  let fuzzyTerms = 0;
  let variants = 0;
  let matched = 0;
  let matchedExact = 0;
  const started = performance.now();
  let n = 0;
  for (const question of questions) {
    const t0 = performance.now();
    const q = analyzeQuestion(question);
    const t1 = performance.now();
    if (q.terms.length === 0) continue;
    ae.index.search(q.terms, { candidates: ae.settings.candidates }, q.expansions);
    const t2 = performance.now();
    ae.rank(q);
    const t3 = performance.now();
    ae.ask(question);
    const t4 = performance.now();
    const all = [...q.terms, ...[...q.expansions.keys()].filter((r) => !q.terms.includes(r))];
    const base = {
      boostTerm: (term: string) => (q.expansions.has(term) ? 0.5 : 1),
      combineWith: 'OR' as const,
      tokenize: (s: string) => s.split(' '),
      processTerm: (t: string) => t,
      weights: { fuzzy: 0.6, prefix: 0.3 },
    };
    const t5 = performance.now();
    const exact = ms.search(all.join(' '), { ...base, fuzzy: false });
    const t6 = performance.now();
    const fuzzy = ms.search(all.join(' '), { ...base, fuzzy: (t: string) => fuzzyDistance(t) || false });
    let fuzzyMs = 0;
    for (const t of all) {
      const d = fuzzyDistance(t);
      if (d === 0) continue;
      fuzzyTerms++;
      const f0 = performance.now();
      variants += tree.fuzzyGet(t, d).size;
      fuzzyMs += performance.now() - f0;
    }
    terms += all.length;
    matched += fuzzy.length;
    matchedExact += exact.length;
    cols.analyze.push(t1 - t0);
    cols.search.push(t2 - t1);
    cols.rerank.push(t3 - t2 - (t2 - t1));
    cols.rest.push(t4 - t3 - (t1 - t0) - (t3 - t2));
    cols.ask.push(t4 - t3);
    cols.searchExact.push(t6 - t5);
    cols.fuzzy.push(fuzzyMs);
    n++;
    if (performance.now() - started > capMs) break;
  }
  const per = (x: number) => (n > 0 ? x / n : NaN);
  return {
    sample: n,
    analyze: stage(cols.analyze),
    search: stage(cols.search),
    searchExact: stage(cols.searchExact),
    fuzzyLookup: stage(cols.fuzzy),
    rerank: stage(cols.rerank),
    rest: stage(cols.rest),
    ask: stage(cols.ask),
    meanTerms: per(terms),
    meanFuzzyTerms: per(fuzzyTerms),
    meanFuzzyVariants: fuzzyTerms > 0 ? variants / fuzzyTerms : 0,
    meanMatchedDocs: per(matched),
    meanMatchedDocsExact: per(matchedExact),
  };
}

// ---------------------------------------------------------------------------------------------
// Process start to first answer, in a fresh process

interface Startup {
  runs: number;
  /** Median wall time from spawn to the printed answer. */
  wallMs: number;
  /** Median wall time of a bare `node --import tsx -e "1"`. */
  baselineMs: number;
  /** wallMs − baselineMs: what loading the corpus, building the engine and answering add. */
  netMs: number;
  /** Median time, on the child's own clock from process start, at which the engine was ready. */
  readyMs: number;
  /** Medians on the child's clock: process start to script, imports, loadCorpus, engine build, first ask. */
  phases: { toScript: number; imports: number; loadCorpus: number; build: number; firstAsk: number };
  /** Heap of the child after the answer, after full collections. */
  heapBytes: number | null;
  status: string;
  answer: string | null;
  note: string | null;
}

function childScript(dir: string, question: string): string {
  const url = (p: string) => JSON.stringify(pathToFileURL(join(ROOT, p)).href);
  // loadEngine(dir) is new Engine(loadCorpus(dir)); the two steps are called apart to time each.
  return `(async () => {
  const entered = performance.now();
  let make, note = null;
  const l = await import(${url('src/corpus/load.ts')});
  try {
    const m = await import(${url('src/engine/index.ts')});
    make = (c) => new m.Engine(c);
  } catch (err) {
    note = 'Engine unavailable, timed loadCorpus + AnswerEngine: ' + String((err && err.message) || err).split('\\n')[0];
    const a = await import(${url('src/engine/answer.ts')});
    make = (c) => new a.AnswerEngine(c);
  }
  const imported = performance.now();
  const corpus = l.loadCorpus(${JSON.stringify(dir)});
  const loaded = performance.now();
  const e = make(corpus);
  const ready = performance.now();
  const r = e.ask(${JSON.stringify(question)});
  const answered = performance.now();
  process.stdout.write('RESULT ' + JSON.stringify({ entered, imported, loaded, ready, answered, status: r.status, answer: r.answer, note }) + '\\n');
  if (globalThis.gc) { globalThis.gc(); globalThis.gc(); }
  process.stdout.write('HEAP ' + process.memoryUsage().heapUsed + '\\n');
})().catch((e) => { process.stderr.write(String((e && e.stack) || e)); process.exit(1); });`;
}

interface ChildRun {
  /** Spawn to the RESULT line (or to exit when there is none). */
  wallMs: number;
  result: { entered: number; imported: number; loaded: number; ready: number; answered: number; status: string; answer: string | null; note: string | null } | null;
  heap: number | null;
  stderr: string;
  code: number | null;
}

function runChild(args: string[], timeoutMs = 300_000): Promise<ChildRun> {
  return new Promise((done) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } });
    let out = '';
    let err = '';
    let wallMs: number | null = null;
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (wallMs === null && out.includes('RESULT ') && out.slice(out.indexOf('RESULT ')).includes('\n')) wallMs = performance.now() - t0;
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('close', (code) => {
      clearTimeout(timer);
      const end = performance.now() - t0;
      const line = /^RESULT (.*)$/m.exec(out)?.[1];
      const heap = /^HEAP (\d+)$/m.exec(out)?.[1];
      done({ wallMs: wallMs ?? end, result: line ? JSON.parse(line) : null, heap: heap ? Number(heap) : null, stderr: err.trim(), code });
    });
  });
}

function median(xs: number[]): number {
  return summarize(xs).p50;
}

async function startup(dir: string, runs: number, baselineMs: number | null): Promise<{ startup: Startup | null; baselineMs: number; problem: string | null }> {
  const walls: number[] = [];
  const readies: number[] = [];
  const phases = { toScript: [] as number[], imports: [] as number[], loadCorpus: [] as number[], build: [] as number[], firstAsk: [] as number[] };
  const bases: number[] = [];
  let last: ChildRun | null = null;
  for (let i = 0; i < runs; i++) {
    if (baselineMs === null) bases.push((await runChild(['--import', 'tsx', '-e', '1'])).wallMs);
    const r = await runChild(['--expose-gc', '--import', 'tsx', '-e', childScript(dir, FIRST_QUESTION)]);
    if (!r.result) return { startup: null, baselineMs: baselineMs ?? median(bases), problem: `child process failed (exit ${r.code}): ${r.stderr.split('\n').slice(0, 3).join(' / ')}` };
    walls.push(r.wallMs);
    readies.push(r.result.ready);
    const x = r.result;
    phases.toScript.push(x.entered);
    phases.imports.push(x.imported - x.entered);
    phases.loadCorpus.push(x.loaded - x.imported);
    phases.build.push(x.ready - x.loaded);
    phases.firstAsk.push(x.answered - x.ready);
    last = r;
  }
  const base = baselineMs ?? median(bases);
  const wall = median(walls);
  return {
    baselineMs: base,
    problem: null,
    startup: {
      runs,
      wallMs: wall,
      baselineMs: base,
      netMs: wall - base,
      readyMs: median(readies),
      phases: {
        toScript: median(phases.toScript),
        imports: median(phases.imports),
        loadCorpus: median(phases.loadCorpus),
        build: median(phases.build),
        firstAsk: median(phases.firstAsk),
      },
      heapBytes: last!.heap,
      status: last!.result!.status,
      answer: last!.result!.answer,
      note: last!.result!.note,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// One corpus, all systems

async function benchCorpus(
  name: string,
  corpus: Corpus,
  qs: QuestionSet,
  factory: EngineFactory,
  opt: Options,
  generated: { ms: number | null; mode: PassageMode | 'loaded' },
  log: (s: string) => void,
): Promise<Omit<CorpusFigures, 'startup'>> {
  const corpusHeap = heapUsed();

  log(`  building E (${factory.label})…`);
  const e = timed(() => factory.make(corpus));
  const heapE = heapUsed() - corpusHeap;
  const eSer = engineSerialization(e.value.answers);

  log('  building a (MiniSearch defaults over paragraphs)…');
  const docs = paragraphs(corpus);
  let h = heapUsed();
  const a = timed(() => {
    const ms = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
    ms.addAll(docs);
    return ms;
  });
  const heapA = heapUsed() - h;
  const aJson = JSON.stringify(a.value);
  const aLoad = timed(() => MiniSearch.loadJSON(aJson, { fields: ['text'] }));

  log('  building b (BM25 reference)…');
  h = heapUsed();
  const b = timed(() => Bm25Index.build(corpus.passages.map((p) => p.text)));
  const heapB = heapUsed() - h;
  const bJson = JSON.stringify(b.value);
  const bLoad = timed(() => Bm25Index.fromJSON(bJson));

  log(`  asking ${qs.ask.length} questions: E…`);
  let answered = 0;
  let asked = 0;
  const askE = measure(qs.ask, (q) => {
    asked++;
    if (e.value.ask(q).status === 'answered') answered++;
  }, opt.capMs, () => {
    answered = 0;
    asked = 0;
  });
  log('  … a …');
  const askA = measure(qs.ask, (q) => void a.value.search(q).slice(0, 10), opt.capMs);
  log('  … b …');
  const askB = measure(qs.ask, (q) => void b.value.search(q, 10), opt.capMs);

  let quote: Latency | null = null;
  let quoteProblem = factory.quoteProblem;
  if (e.value.quote) {
    log(`  quoting ${qs.quote.length} lookups…`);
    const q = e.value.quote;
    quote = measure(qs.quote, (s) => void q(s), opt.capMs);
    if (quote.errors === quote.count) {
      quoteProblem = `engine.quote throws: ${quote.firstError}`;
      quote = null;
    }
  } else quoteProblem ??= 'engine.quote is missing';

  let stages: StageFigures | null = null;
  let stagesProblem: string | null = null;
  if (corpus.passages.length >= 10_000) {
    log('  stage breakdown of E…');
    try {
      stages = await stageBreakdown(e.value.answers, qs.ask.slice(0, 300), Math.min(opt.capMs, 45_000));
    } catch (err) {
      stagesProblem = firstLine(err);
    }
  }

  return {
    name,
    passages: corpus.passages.length,
    articles: corpus.articles.length,
    paragraphs: docs.length,
    questions: qs.ask.length,
    misspelt: qs.misspelt.length,
    generateMs: generated.ms,
    generateMode: generated.mode,
    corpusHeapBytes: corpusHeap,
    build: {
      E: { buildMs: e.ms, heapBytes: heapE, ...eSer },
      a: { buildMs: a.ms, heapBytes: heapA, serializedBytes: bytes(aJson), loadMs: aLoad.ms },
      b: { buildMs: b.ms, heapBytes: heapB, serializedBytes: bytes(bJson), loadMs: bLoad.ms },
    },
    ask: { E: askE, a: askA, b: askB },
    quote,
    quoteProblem,
    answeredShare: asked > 0 ? answered / asked : NaN,
    stages,
    stagesProblem,
  };
}

// ---------------------------------------------------------------------------------------------
// Printing

function latencyCell(l: Latency, pick: 'p50' | 'p99'): string {
  return formatMs(l[pick]);
}

function countNote(l: Latency): string {
  const base = `${formatCount(l.count)}/${formatCount(l.total)}`;
  return `${base}${l.capped ? ' (capped)' : ''}${l.errors ? ` ${l.errors} errors` : ''}`;
}

function corpusTable(f: CorpusFigures): string {
  const { E, a, b } = f.build;
  const row = (metric: string, e: string, av: string, bv: string, ea = '', eb = '') => [metric, e, av, bv, ea, eb];
  const size = (x: BuildFigures) => (x.serializedBytes === null ? 'n/a' : formatBytes(x.serializedBytes));
  const load = (x: BuildFigures) => (x.loadMs === null ? 'n/a' : formatMs(x.loadMs));
  const rows = [
    row('index build', formatMs(E.buildMs), formatMs(a.buildMs), formatMs(b.buildMs), formatRatio(E.buildMs, a.buildMs), formatRatio(E.buildMs, b.buildMs)),
    row('heap after build', formatBytes(E.heapBytes), formatBytes(a.heapBytes), formatBytes(b.heapBytes), formatRatio(E.heapBytes, a.heapBytes), formatRatio(E.heapBytes, b.heapBytes)),
    row(`serialized size${E.serializedNote ? ' (E: minisearch)' : ''}`, size(E), size(a), size(b)),
    row('load serialized', load(E), load(a), load(b)),
    row('ask p50', latencyCell(f.ask.E, 'p50'), latencyCell(f.ask.a, 'p50'), latencyCell(f.ask.b, 'p50'), formatRatio(f.ask.E.p50, f.ask.a.p50), formatRatio(f.ask.E.p50, f.ask.b.p50)),
    row('ask p99', latencyCell(f.ask.E, 'p99'), latencyCell(f.ask.a, 'p99'), latencyCell(f.ask.b, 'p99'), formatRatio(f.ask.E.p99, f.ask.a.p99), formatRatio(f.ask.E.p99, f.ask.b.p99)),
    row('ask max', formatMs(f.ask.E.max), formatMs(f.ask.a.max), formatMs(f.ask.b.max)),
    row('questions timed', countNote(f.ask.E), countNote(f.ask.a), countNote(f.ask.b)),
    row('quote p50', f.quote ? formatMs(f.quote.p50) : 'n/a', '', ''),
    row('quote p99', f.quote ? formatMs(f.quote.p99) : 'n/a', '', ''),
    row('quotes timed', f.quote ? countNote(f.quote) : 'n/a', '', ''),
  ];
  return table(['metric', 'E engine', 'a minisearch', 'b BM25', 'E/a', 'E/b'], rows, new Set([1, 2, 3, 4, 5]));
}

function stageTable(s: StageFigures): string {
  const r = (name: string, x: Stage, what: string) => [name, formatMs(x.mean), formatMs(x.p50), formatMs(x.p99), what];
  return table(
    ['stage', 'mean', 'p50', 'p99', 'what'],
    [
      r('analyse question', s.analyze, 'analyzeQuestion: tokenize, stem, answer type, related terms'),
      r('search (fuzzy)', s.search, `PassageIndex.search: minisearch OR query, fuzzy, cut to candidates`),
      r('  same, fuzzy off', s.searchExact, 'the same minisearch query with fuzzy: false'),
      r('  fuzzyGet alone', s.fuzzyLookup, 'SearchableMap.fuzzyGet for each fuzzy term'),
      r('rerank + extract', s.rerank, 'rank() minus search: coverage, extractAnswer per candidate'),
      r('conflicts + cite', s.rest, 'ask() minus analysis and rank(): conflictOrder, cite, short answer'),
      r('ask (whole)', s.ask, ''),
    ],
    new Set([1, 2, 3]),
  );
}

type Verdict = 'met' | 'MISSED' | 'not measured';

interface Target {
  target: string;
  measured: string;
  verdict: Verdict;
  note?: string;
}

function verdict(value: number | null | undefined, limit: number): Verdict {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'not measured';
  return value < limit ? 'met' : 'MISSED';
}

function targets(figures: CorpusFigures[]): Target[] {
  const real = figures.find((f) => f.name === 'real');
  const big = figures.find((f) => f.passages === 100_000);
  const out: Target[] = [];
  const p99 = (f: CorpusFigures | undefined) => f?.ask.E.p99;
  out.push({ target: 'full ask p99 < 10 ms at 100k passages', measured: big ? `${formatMs(big.ask.E.p99)}${big.ask.E.capped ? ` over ${big.ask.E.count} questions (capped)` : ''}` : '—', verdict: verdict(p99(big), 10) });
  out.push({ target: 'full ask p99 < 1 ms on the real corpus', measured: real ? formatMs(real.ask.E.p99) : '—', verdict: verdict(p99(real), 1) });
  const s = real?.startup;
  out.push({
    target: 'engine ready < 300 ms after process start (real corpus)',
    measured: s ? `${formatMs(s.netMs)} net (${formatMs(s.wallMs)} to answer − ${formatMs(s.baselineMs)} bare node+tsx)` : '—',
    verdict: verdict(s?.netMs, 300),
    note: s ? `child's own clock: ready ${formatMs(s.readyMs)} after process start, tsx start included` : undefined,
  });
  const sb = big?.startup;
  out.push({
    target: 'engine ready < 3 s after process start at 100k',
    measured: sb ? `${formatMs(sb.netMs)} net (${formatMs(sb.wallMs)} to answer − ${formatMs(sb.baselineMs)} bare node+tsx)` : big ? `in-process build ${formatMs(big.build.E.buildMs)} (no child run)` : '—',
    verdict: sb ? verdict(sb.netMs, 3000) : 'not measured',
    note: sb ? `child reads ${formatCount(big!.articles)} article files, checks hashes, segments, builds; ready at ${formatMs(sb.readyMs)} on its clock` : undefined,
  });
  const heap = sb?.heapBytes ?? (big ? big.corpusHeapBytes + big.build.E.heapBytes : null);
  out.push({
    target: 'heap < 300 MB at 100k',
    measured: heap === null ? '—' : `${formatBytes(heap)}${sb?.heapBytes ? ' (child: corpus + engine)' : ' (in-process corpus + engine)'}`,
    verdict: heap === null ? 'not measured' : verdict(heap / 1024 / 1024, 300),
    note: big ? `in-process: corpus ${formatBytes(big.corpusHeapBytes)} + engine ${formatBytes(big.build.E.heapBytes)}` : undefined,
  });
  return out;
}

function machineLines(m: MachineInfo): string[] {
  return [
    `CPU      ${m.cpu} × ${m.cores} cores`,
    `memory   ${formatBytes(m.totalMemory)} total, ${formatBytes(m.freeMemory)} free; V8 heap limit ${formatBytes(m.heapLimit)}`,
    `runtime  Node ${m.node} on ${m.platform}; gc ${canCollect() ? 'exposed (heap read after full collections)' : 'NOT exposed: heap figures include garbage'}`,
    loadLine(m.cores),
  ];
}

/** The 1-minute load average, with a warning when other work competes for the cores. */
function loadLine(cores: number): string {
  const [one, five] = loadavg() as [number, number, number];
  const busy = one > cores * 0.5 ? ' — WARNING: other processes are using the CPU; timings are inflated and noisy' : '';
  return `load     ${one.toFixed(2)} (1 min), ${five.toFixed(2)} (5 min) on ${cores} cores${busy}`;
}

// ---------------------------------------------------------------------------------------------
// Main

interface Plan {
  name: string;
  passages: number;
  mode: PassageMode;
}

/** Rough heap a corpus of n passages needs with all three systems built, from a measured corpus. */
function estimateHeap(n: number, from: CorpusFigures): number {
  const per = (from.corpusHeapBytes + from.build.E.heapBytes + from.build.a.heapBytes + from.build.b.heapBytes) / from.passages;
  // Index structures grow a little faster than linearly (longer postings, bigger maps); keep a margin.
  return per * n * 1.3;
}

async function main(): Promise<void> {
  const opt = parseOptions(process.argv.slice(2));
  const started = performance.now();
  const log = (s: string) => process.stderr.write(`${s}\n`);
  const machine = machineInfo();
  const out: string[] = [];
  const print = (s = '') => {
    out.push(s);
    console.log(s);
  };

  print(`# Benchmark: answer engine (E) vs MiniSearch defaults (a) vs BM25 reference (b)${opt.quick ? ' — quick' : ''}`);
  print();
  for (const l of machineLines(machine)) print(l);
  print(`date     ${new Date().toISOString()}; seed ${SEED}; ${opt.questions} questions and ${opt.quotes} quote lookups per corpus; warm-up ${WARMUP}; cap ${opt.capMs / 1000} s per system and query kind`);
  print();

  const factory = await engineFactory();
  print(`E  = ${factory.label}: engine.ask (ranking, answer extraction, conflicts)${factory.quoteProblem ? '' : ' and engine.quote'}`);
  if (factory.quoteProblem) print(`     quote not measured: ${factory.quoteProblem}`);
  print('a  = new MiniSearch({ fields: [\'text\'] }), default options, one document per body paragraph, queried with the raw question');
  print('b  = hand-written BM25 (k1 1.2, b 0.75) over passages, project tokenize + indexTerm, top 10 by heap');
  print();

  log('loading the bundled corpus…');
  const realLoad = timed(() => loadCorpus(REAL_DIR));
  const vocabulary: Vocabulary = buildVocabulary(corpusTexts(realLoad.value), { size: 50_000, seed: SEED });
  print(`vocabulary: ${formatCount(vocabulary.words.length)} content-word types (${formatCount(vocabulary.fromSeed)} from the real corpus, rest pseudo-words), ${formatCount(vocabulary.names.length)} names; Zipf s=1.0 q=2.7`);
  print();

  const plans: Plan[] = [{ name: '10k', passages: 10_000, mode: 'project' }];
  if (!opt.quick) plans.push({ name: '100k', passages: 100_000, mode: 'project' });
  if (opt.huge) plans.push({ name: '1M', passages: 1_000_000, mode: 'direct' });

  const figures: CorpusFigures[] = [];
  let baselineMs: number | null = null;

  // The real corpus.
  {
    log('real corpus:');
    const qs = generateQuestions(realLoad.value, { count: opt.questions, quotes: opt.quotes, seed: SEED });
    const f = await benchCorpus('real', realLoad.value, qs, factory, opt, { ms: realLoad.ms, mode: 'loaded' }, log);
    log('  process start to first answer (5 runs)…');
    const s = await startup(REAL_DIR, 5, null);
    baselineMs = s.baselineMs;
    figures.push({ ...f, startup: s.startup });
    if (s.problem) print(`real corpus: start-up not measured: ${s.problem}`);
  }

  for (const plan of plans) {
    if (plan.passages >= 1_000_000) {
      const from = figures[figures.length - 1]!;
      const need = estimateHeap(plan.passages, from);
      const limit = heapLimit();
      const free = freemem();
      if (need > limit * 0.85 || need > free * 0.8) {
        print(`1M passages: skipped — estimated heap ${formatBytes(need)} (from the ${from.name} run) exceeds ${need > limit * 0.85 ? `85% of the V8 heap limit ${formatBytes(limit)}; run with NODE_OPTIONS=--max-old-space-size=<MB> to allow more` : `80% of free memory ${formatBytes(free)}`}`);
        continue;
      }
      print(`1M passages: estimated heap ${formatBytes(need)} fits (limit ${formatBytes(limit)}, free ${formatBytes(free)}); passages built directly (prepareArticle would take ~10× the 100k time)`);
    }
    log(`${plan.name} synthetic corpus: generating…`);
    const gen = timed(() => generateCorpus({ passages: plan.passages, vocabulary, seed: SEED + plan.passages, mode: plan.mode }));
    const corpus = gen.value;
    if (corpus.mismatches > 0) print(`${plan.name}: note: ${corpus.mismatches} articles segmented into a different number of passages than sentences written`);
    const qs = generateQuestions(corpus, { count: opt.questions, quotes: opt.quotes, seed: SEED + 1 });
    const f = await benchCorpus(plan.name, corpus, qs, factory, opt, { ms: gen.ms, mode: plan.mode }, log);
    let s: Startup | null = null;
    if (plan.passages <= 100_000) {
      log('  writing it to .bench/ and timing a fresh process to first answer…');
      const dir = join(SCRATCH, `corpus-${plan.name}`);
      rmSync(dir, { recursive: true, force: true });
      writeCorpus(corpus, dir);
      const r = await startup(dir, 1, baselineMs);
      rmSync(dir, { recursive: true, force: true });
      s = r.startup;
      if (r.problem) print(`${plan.name}: start-up not measured: ${r.problem}`);
    }
    figures.push({ ...f, startup: s });
  }

  // Report.
  for (const f of figures) {
    print();
    const gen = f.generateMode === 'loaded' ? `loaded from ${REAL_DIR.replace(`${ROOT}/`, '')} in ${formatMs(f.generateMs!)}` : `generated in ${formatMs(f.generateMs!)} (passages by ${f.generateMode === 'project' ? "the project's prepareArticle" : 'direct construction, same shape'})`;
    print(`## ${f.name === 'real' ? 'Real corpus' : `Synthetic ${f.name}`}: ${formatCount(f.passages)} passages, ${formatCount(f.articles)} articles, ${formatCount(f.paragraphs)} paragraphs; ${gen}`);
    print(`   ${formatCount(f.questions)} questions (${formatCount(f.misspelt)} with a misspelling); E answered ${(f.answeredShare * 100).toFixed(0)}% of those it was asked; heap with corpus loaded, no index: ${formatBytes(f.corpusHeapBytes)}`);
    print();
    print(corpusTable(f));
    if (f.build.E.serializedNote) print(`E serialized: ${f.build.E.serializedNote}.`);
    if (f.quoteProblem) print(`quote: not measured — ${f.quoteProblem}`);
    const capped = (['E', 'a', 'b'] as const).filter((k) => f.ask[k].capped);
    if (capped.length > 0) print(`capped: ${capped.join(', ')} stopped after ${opt.capMs / 1000} s; percentiles are over the questions asked by then (the first ones, in order).`);
    if (f.startup) {
      const s = f.startup;
      const ph = s.phases;
      print(`start to first answer: ${formatMs(s.wallMs)} wall (median of ${s.runs}), bare node+tsx ${formatMs(s.baselineMs)}, net ${formatMs(s.netMs)}; child heap ${s.heapBytes ? formatBytes(s.heapBytes) : 'n/a'}; answer: ${s.status}${s.answer ? ` "${s.answer}"` : ''}`);
      print(`  child's clock: script starts ${formatMs(ph.toScript)} after process start, imports ${formatMs(ph.imports)}, loadCorpus ${formatMs(ph.loadCorpus)}, new Engine ${formatMs(ph.build)} (ready at ${formatMs(s.readyMs)}), first ask ${formatMs(ph.firstAsk)}`);
      if (s.note) print(`  (${s.note})`);
    }
    if (f.stages) {
      print();
      print(`Where E's time goes (first ${f.stages.sample} questions; each stage timed in a separate call): ${f.stages.meanTerms.toFixed(1)} query terms incl. related, ${f.stages.meanFuzzyTerms.toFixed(1)} of them fuzzy with ${f.stages.meanFuzzyVariants.toFixed(0)} index variants each on average; minisearch matches ${formatCount(f.stages.meanMatchedDocs)} passages per query (${formatCount(f.stages.meanMatchedDocsExact)} with fuzzy off) before the cut to candidates.`);
      print();
      print(stageTable(f.stages));
    } else if (f.stagesProblem) print(`stage breakdown unavailable: ${f.stagesProblem}`);
  }

  print();
  print('## Targets');
  print();
  const ts = targets(figures);
  print(table(['target', 'measured', 'verdict'], ts.map((t) => [t.target, t.measured, t.verdict])));
  for (const t of ts) if (t.note) print(`- ${t.target}: ${t.note}`);
  print();
  print(`total bench time ${formatMs(performance.now() - started)}; at the end, ${loadLine(machine.cores).replace(/^load\s+/, 'load ')}`);

  if (opt.json) {
    mkdirSync(dirname(opt.json), { recursive: true });
    writeFileSync(opt.json, `${JSON.stringify({ machine, options: opt, seed: SEED, engine: factory.label, figures, targets: ts }, null, 2)}\n`);
    log(`figures written to ${opt.json}`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
