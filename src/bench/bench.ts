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
 *   npm run bench -- --questions N    questions per corpus (default 1,000, quick 300)
 *
 * Figures depend on what else the machine is doing: the load average is printed at the start
 * and the end, and a warning is given when other processes compete for the cores.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { freemem, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import MiniSearch, { type SearchOptions, type SearchResult } from 'minisearch';
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
  /** What was built: the whole Engine, or the AnswerEngine alone when Engine does not load. */
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
  /** The very first call, cold (before warm-up): includes any work done lazily on first use. */
  firstMs: number;
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
  const t = performance.now();
  if (queries.length > 0) call(queries[0]!);
  const firstMs = performance.now() - t;
  for (const q of queries.slice(1, WARMUP)) call(q);
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
  return { ...summarize(samples), total: queries.length, capped: samples.length < queries.length, firstMs, errors, firstError };
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
  /** Heap E holds after its queries beyond what it held after build (per-text caches). */
  queryHeapGrowthE: number;
  profile: StageProfile | null;
  counters: SearchCounters | null;
  /** Why the profile or the counters are missing. */
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
// Where the engine's time goes

interface Stage {
  mean: number;
  p50: number;
  p99: number;
}

function stage(samples: number[]): Stage {
  const s = summarize(samples);
  return { mean: s.mean, p50: s.p50, p99: s.p99 };
}

/** E's ask time split into stages by CPU profile samples. */
interface StageProfile {
  questions: number;
  /** Mean wall time per ask while the sampler ran (it adds a little). */
  msPerAsk: number;
  /** Each stage's share of the samples taken while asking, and that share of msPerAsk. */
  stages: Array<{ stage: string; share: number; ms: number }>;
}

type Frame = { functionName: string; url: string };

/**
 * The stage a stack frame belongs to, or null for helpers (normalisation, stemming, memo
 * wrappers) whose time goes to the nearest caller that has a stage. Keyed on function and file
 * names, so a renamed function falls to its caller's stage or to "other".
 */
function stageOf(f: Frame): string | null {
  const file = f.url.slice(f.url.lastIndexOf('/') + 1);
  const fn = f.functionName;
  if (fn === '(garbage collector)') return 'garbage collection';
  if (f.url.includes('minisearch')) {
    if (fn === 'fuzzyGet' || fn === 'fuzzySearch' || fn === 'recurse') return 'search: fuzzy expansion (fuzzyGet)';
    if (fn === 'termResults') return 'search: BM25 over every posting (termResults)';
    return 'search: merge, build and sort all matches';
  }
  if (file === 'search.ts') return fn === 'matchWeights' || fn === 'withinEdits' ? 'search: match weights per candidate' : 'search: other';
  if (file === 'extract.ts' || file === 'entities.ts') return 'answer extraction (any caller)';
  if (file === 'answer.ts') {
    if (fn === 'conflictOrder') return 'conflicts';
    if (fn === 'cite' || fn === 'similarity') return 'citations and near-duplicate grouping';
    if (fn === 'rank' || fn === 'coverage') return 'rerank: coverage, sort';
    if (fn === 'ask') return 'ask: other';
    return null;
  }
  if (file === 'question.ts' || file === 'validate.ts') return 'question analysis';
  return null;
}

/** Runs E's ask over the questions under the V8 sampling profiler and attributes the samples. */
async function profileStages(ask: (q: string) => void, questions: readonly string[], capMs: number): Promise<StageProfile> {
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 100 });
    await session.post('Profiler.start');
    const t0 = performance.now();
    let n = 0;
    for (const q of questions) {
      ask(q);
      n++;
      if (performance.now() - t0 > capMs) break;
    }
    const wall = performance.now() - t0;
    const { profile } = await session.post('Profiler.stop');
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
    const parent = new Map<number, number>();
    for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
    const counts = new Map<string, number>();
    let total = 0;
    for (const id of profile.samples ?? []) {
      let at: number | undefined = id;
      let found: string | null = null;
      let inAsk = false;
      while (at !== undefined) {
        const frame = nodes.get(at)!.callFrame;
        found ??= stageOf(frame);
        if (frame.functionName === 'ask' || frame.functionName === '(garbage collector)') inAsk = true;
        at = parent.get(at);
      }
      if (!inAsk) continue; // the loop itself, the profiler, idle time
      total++;
      const key = found ?? 'other';
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const msPerAsk = n > 0 ? wall / n : NaN;
    const stages = [...counts.entries()]
      .map(([s, c]) => ({ stage: s, share: c / total, ms: (c / total) * msPerAsk }))
      .sort((a, b) => b.share - a.share);
    return { questions: n, msPerAsk, stages };
  } finally {
    await session.post('Profiler.disable').catch(() => undefined);
    session.disconnect();
  }
}

/** Direct measurements of the engine's minisearch query (private API; skipped when it has changed). */
interface SearchCounters {
  questions: number;
  /** Query terms per question, related terms included. */
  meanTerms: number;
  meanFuzzyTerms: number;
  /** Index terms within the edit distance of a fuzzy query term, exact term excluded. */
  meanVariants: number;
  /** Postings (term, field, passage) the query visits, exact terms only / with fuzzy variants. */
  meanPostingsExact: number;
  meanPostingsFuzzy: number;
  /** Passages matched (all scored, built and sorted by minisearch) before the cut to candidates. */
  meanMatched: number;
  meanMatchedExact: number;
  /** How many of the matches the engine keeps for reranking (its `candidates` setting). */
  candidates: number | null;
  /** The engine's query as it is; with fuzzy off; fuzzy on but the text field only; fuzzyGet alone. */
  search: Stage;
  searchExact: Stage;
  searchTextOnly: Stage;
  fuzzyGet: Stage;
}

type FieldMap = Map<number, Map<number, number>>;

async function searchCounters(answers: unknown, questions: readonly string[], capMs: number): Promise<SearchCounters> {
  const { analyzeQuestion } = await import('../engine/question.js');
  const ae = answers as { index?: { search?: (t: readonly string[], o: { candidates: number }, r: ReadonlyMap<string, string>) => unknown[] }; settings?: { candidates?: number } };
  const ms = engineMiniSearch(answers);
  const tree = (ms as unknown as { _index?: { get: (k: string) => FieldMap | undefined; fuzzyGet: (k: string, d: number) => Map<string, [FieldMap, number]> } } | null)?._index;
  const search = ae.index?.search;
  if (!ms || !tree || typeof tree.fuzzyGet !== 'function' || typeof search !== 'function') {
    throw new Error("the engine's minisearch index is not where it was (src/engine/search.ts changed)");
  }
  const candidates = ae.settings?.candidates ?? 60;
  const postings = (m: FieldMap | undefined) => {
    let n = 0;
    for (const docs of m?.values() ?? []) n += docs.size;
    return n;
  };
  // The engine's own query is recorded as it is sent and then replayed with variations, so the
  // figures follow whatever options PassageIndex.search uses today.
  type Run = (query: string, options?: SearchOptions) => SearchResult[];
  const target = ms as unknown as { search: Run };
  const original: Run = ms.search.bind(ms) as Run;
  let sent: { query: string; options: SearchOptions } | null = null;
  target.search = (query, options = {}) => {
    sent = { query, options };
    return original(query, options);
  };
  const cols = { search: [] as number[], exact: [] as number[], textOnly: [] as number[], fuzzyGet: [] as number[] };
  let n = 0;
  let terms = 0;
  let fuzzyTerms = 0;
  let variants = 0;
  let postingsExact = 0;
  let postingsFuzzy = 0;
  let matched = 0;
  let matchedExact = 0;
  const started = performance.now();
  try {
    for (const question of questions) {
      const q = analyzeQuestion(question);
      if (q.terms.length === 0) continue;
      sent = null;
      search.call(ae.index, q.terms, { candidates }, q.expansions);
      const captured = sent as { query: string; options: SearchOptions } | null;
      if (captured === null) continue;
      const { query, options } = captured;
      let t = performance.now();
      const withFuzzy = original(query, options);
      cols.search.push(performance.now() - t);
      t = performance.now();
      const exact = original(query, { ...options, fuzzy: false });
      cols.exact.push(performance.now() - t);
      t = performance.now();
      original(query, { ...options, fields: ['text'] });
      cols.textOnly.push(performance.now() - t);
      const all = (options.tokenize ?? ((s: string) => s.split(' ')))(query);
      let fuzzyMs = 0;
      all.forEach((term, i) => {
        const exactPostings = postings(tree.get(term));
        postingsExact += exactPostings;
        postingsFuzzy += exactPostings;
        const d = editDistanceFor(options.fuzzy, term, i, all);
        if (d === 0) return;
        fuzzyTerms++;
        const f0 = performance.now();
        const found = tree.fuzzyGet(term, d);
        fuzzyMs += performance.now() - f0;
        for (const [variant, [data]] of found) {
          if (variant === term) continue;
          variants++;
          postingsFuzzy += postings(data);
        }
      });
      cols.fuzzyGet.push(fuzzyMs);
      terms += all.length;
      matched += withFuzzy.length;
      matchedExact += exact.length;
      n++;
      if (performance.now() - started > capMs) break;
    }
  } finally {
    delete (target as Partial<typeof target>).search;
  }
  const per = (x: number) => (n > 0 ? x / n : NaN);
  return {
    questions: n,
    meanTerms: per(terms),
    meanFuzzyTerms: per(fuzzyTerms),
    meanVariants: fuzzyTerms > 0 ? variants / fuzzyTerms : 0,
    meanPostingsExact: per(postingsExact),
    meanPostingsFuzzy: per(postingsFuzzy),
    meanMatched: per(matched),
    meanMatchedExact: per(matchedExact),
    candidates: ae.settings?.candidates ?? null,
    search: stage(cols.search),
    searchExact: stage(cols.exact),
    searchTextOnly: stage(cols.textOnly),
    fuzzyGet: stage(cols.fuzzyGet),
  };
}

/** The edit distance minisearch allows a term under a `fuzzy` option (its own rules, default maxFuzzy 6). */
function editDistanceFor(fuzzy: SearchOptions['fuzzy'], term: string, i: number, terms: string[]): number {
  const f = typeof fuzzy === 'function' ? fuzzy(term, i, terms) : fuzzy;
  if (!f) return 0;
  const x = f === true ? 0.2 : f;
  return x < 1 ? Math.min(6, Math.round(term.length * x)) : x;
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
  const beforeQueries = heapUsed();
  let answered = 0;
  let asked = 0;
  const askE = measure(qs.ask, (q) => {
    asked++;
    if (e.value.ask(q).status === 'answered') answered++;
  }, opt.capMs, () => {
    answered = 0;
    asked = 0;
  });
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
  const queryHeapGrowthE = heapUsed() - beforeQueries;

  log('  asking a…');
  const askA = measure(qs.ask, (q) => void a.value.search(q).slice(0, 10), opt.capMs);
  log('  asking b…');
  const askB = measure(qs.ask, (q) => void b.value.search(q, 10), opt.capMs);

  log('  profiling E…');
  const problems: string[] = [];
  let profile: StageProfile | null = null;
  let counters: SearchCounters | null = null;
  const sample = qs.ask.slice(0, 200);
  const budget = Math.min(opt.capMs, 30_000);
  try {
    profile = await profileStages((q) => void e.value.ask(q), sample, budget);
  } catch (err) {
    problems.push(`profile: ${firstLine(err)}`);
  }
  try {
    counters = await searchCounters(e.value.answers, sample, budget);
  } catch (err) {
    problems.push(`search counters: ${firstLine(err)}`);
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
    queryHeapGrowthE,
    profile,
    counters,
    stagesProblem: problems.length > 0 ? problems.join('; ') : null,
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
    row('first ask, cold', formatMs(f.ask.E.firstMs), formatMs(f.ask.a.firstMs), formatMs(f.ask.b.firstMs)),
    row('quote p50', f.quote ? formatMs(f.quote.p50) : 'n/a', '', ''),
    row('quote p99', f.quote ? formatMs(f.quote.p99) : 'n/a', '', ''),
    row('quotes timed', f.quote ? countNote(f.quote) : 'n/a', '', ''),
    row('first quote, cold', f.quote ? formatMs(f.quote.firstMs) : 'n/a', '', ''),
  ];
  return table(['metric', 'E engine', 'a minisearch', 'b BM25', 'E/a', 'E/b'], rows, new Set([1, 2, 3, 4, 5]));
}

function profileTable(p: StageProfile): string {
  return table(
    ['stage (innermost attributed frame)', 'share', 'ms per ask'],
    p.stages.map((x) => [x.stage, `${(x.share * 100).toFixed(1)}%`, formatMs(x.ms)]),
    new Set([1, 2]),
  );
}

function countersTable(c: SearchCounters): string {
  const r = (name: string, x: Stage) => [name, formatMs(x.mean), formatMs(x.p50), formatMs(x.p99)];
  return table(
    ['minisearch query of E, alone', 'mean', 'p50', 'p99'],
    [
      r('as the engine runs it (fuzzy, text + context)', c.search),
      r('fuzzy off', c.searchExact),
      r('fuzzy on, text field only', c.searchTextOnly),
      r('fuzzyGet alone, all fuzzy terms', c.fuzzyGet),
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
  // Steady state: the fresh process after its first answer plus what E's per-text caches grew
  // by over the timed queries in this process.
  const growth = big ? Math.max(0, big.queryHeapGrowthE) : 0;
  const base = sb?.heapBytes ?? (big ? big.corpusHeapBytes + big.build.E.heapBytes : null);
  const heap = base === null ? null : base + growth;
  out.push({
    target: 'heap < 300 MB at 100k',
    measured:
      heap === null
        ? '—'
        : `${formatBytes(heap)} (${sb?.heapBytes ? 'fresh process after first answer' : 'in-process corpus + engine'} ${formatBytes(base!)} + query-cache growth ${formatBytes(growth)})`,
    verdict: heap === null ? 'not measured' : verdict(heap / 1024 / 1024, 300),
    note: big ? `in-process: corpus and bench state ${formatBytes(big.corpusHeapBytes)}, engine after build ${formatBytes(big.build.E.heapBytes)}, caches after queries ${formatBytes(big.queryHeapGrowthE)}` : undefined,
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
    print(`E heap growth over its queries (per-text caches): ${formatBytes(f.queryHeapGrowthE)}`);
    if (f.profile) {
      print();
      print(`Where E's ask time goes: V8 sampling profile of the first ${f.profile.questions} questions, ${formatMs(f.profile.msPerAsk)} per ask while sampled; each sample goes to the innermost frame with a stage (helpers such as normalisation and stemming count for their caller).`);
      print();
      print(profileTable(f.profile));
    }
    if (f.counters) {
      const c = f.counters;
      print();
      print(`E's minisearch query (${c.questions} questions): ${c.meanTerms.toFixed(1)} terms incl. related, ${c.meanFuzzyTerms.toFixed(1)} fuzzy with ${c.meanVariants.toFixed(1)} index variants each; postings visited ${formatCount(c.meanPostingsExact)} exact → ${formatCount(c.meanPostingsFuzzy)} with variants (both fields); passages matched, scored and sorted per query ${formatCount(c.meanMatched)} (${formatCount(c.meanMatchedExact)} with fuzzy off)${c.candidates ? `, of which the engine keeps ${c.candidates}` : ''}.`);
      print();
      print(countersTable(c));
    }
    if (f.stagesProblem) print(`stage breakdown incomplete: ${f.stagesProblem}`);
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
