/**
 * `npm run eval [-- FILE …]`: scores question files through the command-line JSON contract,
 * exactly as the scoring described in test/data/eval/README.md. With no file it scores every
 * bundled set in test/data/eval/ and prints each apart. A set whose file name contains
 * "untouched" is scored without listing its misses: it is held out from tuning. A set that names
 * its own `corpus` (a folder relative to the set's file, such as real pages added with
 * `corpus:add` beside the seeds) is scored on that corpus; every other set on `--corpus`.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CorpusError, loadCorpus, type Corpus } from '../corpus/load.js';
import type { Block } from '../corpus/furniture.js';
import { CONFIDENCE, confidenceOf } from '../engine/answer.js';
import { BUNDLED_CORPUS_DIR, Engine } from '../engine/index.js';
import { useModelFile } from '../engine/model.js';
import { DataFileError } from '../text/datafile.js';
import {
  answersIt,
  bundledSets,
  isUntouched,
  norm,
  QuestionSet,
  shortAnswerRight,
  sourceOf,
} from './question-set.js';
import { calibrationTable, crossValidationTable, type CalibrationRow } from './calibration.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** The command line's `--model` for the contract runs: the model file eval was given, if any. */
let modelArgs: string[] = [];
/**
 * Runs one contract command over all lines at once (stdin batch) and parses its JSON lines. Each
 * run starts a process (about 2 s, most of it start-up), so runs go in parallel (see `pooled`).
 */
function runContract(command: 'ask' | 'quote', lines: string[], corpusDir: string): Promise<unknown[]> {
  // A set with no quotation entries (such as reports exported by npm run feedback) has nothing to run.
  if (lines.length === 0) return Promise.resolve([]);
  const tsx = fileURLToPath(new URL('../../node_modules/tsx/dist/cli.mjs', import.meta.url));
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      [tsx, 'src/cli/main.ts', command, '--json', '--corpus', corpusDir, ...modelArgs],
      {
        cwd: root,
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', fail);
    child.on('close', (code, signal) => {
      const what = `${command} --json on ${corpusDir}`;
      // 143 is 128 + SIGTERM: tsx relays a signal as that exit code.
      if (signal || code === 143 || code === 130)
        return fail(new Error(`${what} was stopped from outside (${signal ?? `exit ${code}`}): ${stderr}`));
      if (code !== 0) return fail(new Error(`${what} exited ${code}: ${stderr}`));
      const out = stdout.split('\n').filter((l) => l.length > 0);
      if (out.length !== lines.length)
        return fail(new Error(`${what} printed ${out.length} lines for ${lines.length} inputs`));
      done(out.map((l) => JSON.parse(l)));
    });
    child.stdin.end(`${lines.join('\n')}\n`);
  });
}

/** Runs `jobs` at most `limit` at a time; the results keep the jobs' order. */
function pooled<T>(jobs: Array<() => Promise<T>>, limit: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]!();
    }
  };
  return Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker)).then(() => results);
}

/** The most lines one contract process is given: enough to pay for its start-up, few enough to spread. */
const LINES_PER_RUN = 200;

/**
 * Runs every set's two contract commands with as few processes as the cores allow: the lines of all
 * sets that share a command and a corpus go through the same processes (split into runs of at most
 * `LINES_PER_RUN`), because each process spends about 2 s starting before it answers its first line;
 * with one process per set and command, twelve sets took 45 s, most of it start-up. Each answer line
 * depends only on its own input line, so batching changes no output. Results come back per request,
 * in the requests' order.
 */
async function runAllContracts(
  requests: Array<{ command: 'ask' | 'quote'; lines: string[]; corpusDir: string }>,
): Promise<unknown[][]> {
  const groups = new Map<string, { command: 'ask' | 'quote'; corpusDir: string; lines: string[] }>();
  const at = requests.map(({ command, corpusDir, lines }) => {
    const key = `${command}\u0000${corpusDir}`;
    let group = groups.get(key);
    if (!group) {
      group = { command, corpusDir, lines: [] };
      groups.set(key, group);
    }
    const start = group.lines.length;
    group.lines.push(...lines);
    return { group, start, count: lines.length };
  });
  const runs = [...groups.values()].flatMap((group) => {
    const chunks = Math.ceil(group.lines.length / LINES_PER_RUN);
    const size = Math.ceil(group.lines.length / Math.max(1, chunks));
    return Array.from({ length: chunks }, (_, c) => ({
      group,
      from: c * size,
      to: Math.min(group.lines.length, (c + 1) * size),
    }));
  });
  // The largest runs first, so a long run does not start last and leave the other cores idle.
  const order = runs
    .map((_, i) => i)
    .sort((a, b) => runs[b]!.to - runs[b]!.from - (runs[a]!.to - runs[a]!.from));
  const done = await pooled(
    order.map((i) => () => {
      const { group, from, to } = runs[i]!;
      return runContract(group.command, group.lines.slice(from, to), group.corpusDir);
    }),
    availableParallelism(),
  );
  const answers = new Map<object, unknown[]>();
  for (const group of groups.values()) answers.set(group, new Array(group.lines.length));
  order.forEach((i, k) => {
    const { group, from } = runs[i]!;
    const out = answers.get(group)!;
    done[k]!.forEach((a, j) => {
      out[from + j] = a;
    });
  });
  return at.map(({ group, start, count }) => answers.get(group)!.slice(start, start + count));
}

type Cited = { articleId: string; outlet?: string; title?: string; quote?: string; text?: string };
type Asked = {
  status: string;
  answer: string | null;
  confidence?: number;
  citations: Array<Cited & { quote: string }>;
};

/** Where a quoted text stands in its article, and whether that place is body text. */
function verbatim(corpus: Corpus, c: Cited, text: string): { ok: boolean; why?: string } {
  const article = corpus.byId.get(c.articleId);
  if (!article) return { ok: false, why: `unknown article ${c.articleId}` };
  if (!c.outlet || !c.title || !c.articleId) return { ok: false, why: 'missing outlet, title or article id' };
  const fold = (s: string) => s.replace(/\s+/g, ' ');
  const at = fold(article.text).indexOf(fold(text));
  if (at < 0) return { ok: false, why: 'not verbatim in the article' };
  // A paragraph the page prints twice is indexed once, and the printing set aside may be the first:
  // the quote is clean when one of its printings stands wholly outside furniture.
  let firstFurniture: Block | undefined;
  for (let raw = article.text.indexOf(text); raw >= 0; raw = article.text.indexOf(text, raw + 1)) {
    const furniture = article.blocks.find(
      (b) => b.kind === 'furniture' && raw < b.end && raw + text.length > b.start,
    );
    if (!furniture) return { ok: true };
    firstFurniture ??= furniture;
  }
  if (firstFurniture) return { ok: false, why: `from page furniture (${firstFurniture.reason})` };
  return { ok: true };
}

/** The figures of one set, for printing and for the calibration table. */
interface SetResult {
  lines: string[];
  /** Per ask question: its confidence, whether it is answerable, whether the first citation is right. */
  calibration: CalibrationRow[];
}

type Quoted = { quotes: Array<Cited & { text: string; speaker: string | null }> };

function scoreSet(
  name: string,
  set: QuestionSet,
  corpus: Corpus,
  { asks, quotes }: { asks: Asked[]; quotes: Quoted[] },
  showMisses: boolean,
): SetResult {
  const prefixOf = (id: string) => sourceOf(corpus, id);

  let factN = 0,
    h1 = 0,
    h1any = 0,
    h3 = 0,
    h5 = 0,
    shortOk = 0,
    conflictN = 0,
    conflictShown = 0,
    abstainN = 0,
    abstained = 0,
    answeredN = 0,
    answeredRight = 0;
  let cited = 0,
    verbatimOk = 0;
  const misses: string[] = [];
  const calibration: SetResult['calibration'] = [];
  set.ask.forEach((d, i) => {
    const a = asks[i]!;
    for (const c of a.citations) {
      cited++;
      const v = verbatim(corpus, c, c.quote);
      if (v.ok) verbatimOk++;
      else misses.push(`${d.id} citation not verbatim/clean: ${v.why}: ${c.quote.slice(0, 60)}`);
    }
    const answered = a.status === 'answered';
    if (answered) answeredN++;
    if (d.kind === 'abstain') {
      abstainN++;
      calibration.push({ confidence: a.confidence ?? 0, answerable: false, right: false });
      if (!answered) abstained++;
      else
        misses.push(
          `${d.id} should abstain: "${d.question}" answered from ${a.citations[0]?.articleId} (confidence ${a.confidence})`,
        );
      return;
    }
    factN++;
    const hit = (c: Cited & { quote: string }) => answersIt(d, c.quote, prefixOf(c.articleId));
    const first = a.citations[0];
    const firstRight = first !== undefined && hit(first);
    calibration.push({ confidence: a.confidence ?? 0, answerable: true, right: firstRight });
    if (firstRight) h1any++;
    if (firstRight && answered) {
      h1++;
      answeredRight++;
    } else
      misses.push(
        `${d.id} hit@1 missed${firstRight ? ' (right passage, but abstained)' : ''}: "${d.question}" → ${first ? `[${prefixOf(first.articleId)}] ${first.quote.slice(0, 80)}` : 'no citation'} (confidence ${a.confidence})`,
      );
    if (a.citations.slice(0, 3).some(hit)) h3++;
    if (a.citations.slice(0, 5).some(hit)) h5++;
    const shortRight = shortAnswerRight(d, a.answer);
    if (shortRight) shortOk++;
    else if (answered && firstRight) misses.push(`${d.id} short answer: ${JSON.stringify(a.answer)}`);
    if (d.kind === 'conflict') {
      conflictN++;
      const shown = (d.variants ?? []).every((group) =>
        a.citations.slice(0, 5).some((c) => group.some((x) => norm(c.quote).includes(norm(x)))),
      );
      if (shown) conflictShown++;
      else misses.push(`${d.id} conflict: not every side among the first five citations`);
    }
  });

  let quoteN = 0,
    quoteTop = 0,
    speakerOk = 0,
    absentN = 0,
    absentOk = 0;
  set.quote.forEach((d, i) => {
    const found = quotes[i]!.quotes;
    for (const q of found) {
      cited++;
      const v = verbatim(corpus, q, q.text);
      if (v.ok) verbatimOk++;
      else misses.push(`${d.id} quotation not verbatim/clean: ${v.why}`);
    }
    if ('absent' in d) {
      absentN++;
      if (found.length === 0) absentOk++;
      else
        misses.push(`${d.id} "${d.query}" should find no quotation, found "${found[0]!.text.slice(0, 50)}"`);
      return;
    }
    quoteN++;
    const first = found[0];
    const textOk =
      first !== undefined &&
      norm(first.text).includes(norm(d.text)) &&
      d.sources.includes(prefixOf(first.articleId));
    const spOk = first?.speaker?.toLowerCase().includes(d.speaker.toLowerCase());
    if (textOk) quoteTop++;
    if (textOk && spOk) speakerOk++;
    if (!textOk || !spOk)
      misses.push(
        `${d.id} quote "${d.query}": got ${first ? `"${first.text.slice(0, 50)}" by ${first.speaker}` : 'nothing'}`,
      );
  });

  const pct = (a: number, b: number) => `${a}/${b}${b ? ` (${Math.round((100 * a) / b)}%)` : ''}`;
  const lines = [
    `${name}: ${set.ask.length} questions, ${set.quote.length} quotation lookups (through ask/quote --json)`,
    `  hit@1, answered (fact + conflict)  ${pct(h1, factN)}`,
    `  hit@1, status ignored              ${pct(h1any, factN)}`,
    `  hit@3 (fact + conflict)            ${pct(h3, factN)}`,
    `  hit@5 (fact + conflict)            ${pct(h5, factN)}`,
    `  short answer correct               ${pct(shortOk, factN)}`,
    `  conflicts, both sides shown        ${pct(conflictShown, conflictN)}`,
    `  abstentions                        ${pct(abstained, abstainN)}`,
    `  answered precision                 ${pct(answeredRight, answeredN)}`,
    `  quotation top-1                    ${pct(quoteTop, quoteN)}`,
    `  speaker accuracy (top-1)           ${pct(speakerOk, quoteN)}`,
    ...(absentN ? [`  no quotation where none           ${pct(absentOk, absentN)}`] : []),
    `  verbatim, furniture-free           ${pct(verbatimOk, cited)}`,
  ];
  if (!showMisses) lines.push(`  misses: ${misses.length} (not listed: held-out set)`);
  else
    lines.push(misses.length ? `  misses:\n${misses.map((m) => `    - ${m}`).join('\n')}` : '  misses: none');
  return { lines, calibration };
}

const USAGE = `usage: npm run eval -- [--corpus DIR] [--model FILE] [--calibrate] [--cross-validate] [--show-untouched-misses] [FILE ...]
  FILE: a question set in the format of test/data/eval/README.md (default: every bundled set)
  --model FILE: rank and judge confidence by this model file instead of data/rank-model.json
  --cross-validate: five-fold cross-validation, over every set but the untouched ones, of the
    weight of a count or a date asked of a passage holding none, and of the threshold`;

/**
 * The weights that --cross-validate chooses among: of a count or a date asked of a passage that
 * holds none (CONFIDENCE.bare), every other weight as the engine has it.
 */
const BARE_GRID = [0, 0.25, 0.5, 0.75];

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        corpus: { type: 'string', default: BUNDLED_CORPUS_DIR },
        model: { type: 'string' },
        dev: { type: 'string' },
        calibrate: { type: 'boolean', default: false },
        'cross-validate': { type: 'boolean', default: false },
        'show-untouched-misses': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (err) {
    // An unknown option or a missing value: the reason and the usage, not a stack trace.
    process.stderr.write(`eval: ${(err as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (values.model !== undefined) {
    try {
      useModelFile(values.model);
      modelArgs = ['--model', resolve(values.model)];
    } catch (err) {
      if (!(err instanceof DataFileError)) throw err;
      process.stderr.write(`eval: --model: ${err.message}\n`);
      process.exit(2);
    }
  }
  const files = [...positionals, ...(values.dev ? [values.dev] : [])];
  if (files.length === 0) files.push(...bundledSets());
  // Each corpus is loaded once, however many sets are scored on it.
  const corpora = new Map<string, Corpus>();
  const corpusAt = (dir: string, forFile?: string): Corpus => {
    const known = corpora.get(dir);
    if (known) return known;
    try {
      const loaded = loadCorpus(dir);
      corpora.set(dir, loaded);
      return loaded;
    } catch (err) {
      if (!(err instanceof CorpusError)) throw err;
      process.stderr.write(`eval: ${forFile ? `${forFile}: its corpus: ` : ''}${err.message}\n`);
      process.exit(1);
    }
  };
  const tuned: SetResult['calibration'] = [];
  const tunedQuestions: Array<{ question: string; corpusDir: string }> = [];
  const sets = files.map((file) => {
    let set: QuestionSet;
    try {
      set = QuestionSet.parse(JSON.parse(readFileSync(file, 'utf8')));
    } catch (err) {
      process.stderr.write(`eval: ${file}: not a question set: ${(err as Error).message}\n`);
      process.exit(2);
    }
    const corpusDir = set.corpus ? resolve(dirname(file), set.corpus) : values.corpus;
    return { file, set, corpusDir, corpus: corpusAt(corpusDir, set.corpus ? file : undefined) };
  });
  const outputs = await runAllContracts(
    sets.flatMap(({ set, corpusDir }) => [
      { command: 'ask' as const, lines: set.ask.map((d) => d.question), corpusDir },
      { command: 'quote' as const, lines: set.quote.map((d) => d.query), corpusDir },
    ]),
  );
  sets.forEach(({ file, set, corpusDir, corpus }, i) => {
    const heldOut = isUntouched(file);
    const result = scoreSet(
      set.corpus ? `${basename(file)} (on its own corpus, ${set.corpus})` : basename(file),
      set,
      corpus,
      { asks: outputs[2 * i] as Asked[], quotes: outputs[2 * i + 1] as Quoted[] },
      !heldOut || values['show-untouched-misses'],
    );
    process.stdout.write(`${result.lines.join('\n')}\n\n`);
    if (!heldOut) {
      tuned.push(...result.calibration);
      tunedQuestions.push(...set.ask.map((d) => ({ question: d.question, corpusDir })));
    }
  });
  if (values.calibrate)
    process.stdout.write(
      `Calibration over every set but the untouched ones (${tuned.length} questions):\n${calibrationTable(tuned).join('\n')}\n`,
    );
  if (values['cross-validate']) {
    // The features are read in process, from the engine the contract ran each set on.
    const engines = new Map<string, ReturnType<Engine['measurementView']>>();
    const rows = tuned.map((row, i) => {
      const { question, corpusDir } = tunedQuestions[i]!;
      let answers = engines.get(corpusDir);
      if (!answers) {
        answers = new Engine(corpusAt(corpusDir)).measurementView();
        engines.set(corpusDir, answers);
      }
      const f = answers.featuresOf(question);
      return {
        ...row,
        confidences: BARE_GRID.map((w) => (f ? confidenceOf(f, { ...CONFIDENCE, bare: w }) : 0)),
      };
    });
    const labels = BARE_GRID.map((w) => `no-count/no-date weight ${w}`);
    process.stdout.write(
      `Five-fold cross-validation over every set but the untouched ones (${rows.length} questions; question i in fold i mod 5):\n${crossValidationTable(rows, labels).join('\n')}\n`,
    );
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`eval: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
