/**
 * Property tests of the command-line JSON-lines contract (test/data/eval/README.md): for a
 * batch of hostile input lines, `ask --json` / `quote --json` print exactly one parseable JSON
 * object per line, in order, echoing the line, and nothing else on stdout.
 *
 * The CLI is spawned once per batch of ~100 lines (spawning per string would take minutes).
 *
 * What counts as "one line": the CLI reads stdin with node:readline (crlfDelay: Infinity), which
 * ends a line at "\n", "\r\n" and a lone "\r" — so a "\r" inside a generated string legitimately
 * splits it in two and would break the one-object-per-string count without being a bug. Those
 * two characters are therefore replaced by a space in generated lines. Readline does NOT split on
 * U+2028/U+2029 (line/paragraph separator), U+0085 (NEL), "\v" or "\f", so those stay in. JSON
 * .stringify writes U+2028/U+2029 raw, which is still valid JSON, and the output is split on "\n"
 * only. Lone UTF-16 surrogates cannot travel through UTF-8 stdin (they arrive as U+FFFD), so
 * lines are made well-formed first (String#toWellFormed) and the echo is compared with that.
 * Every line is followed by "\n" so a trailing empty line is still a line to readline.
 */
import { spawn, spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadEngine, type Engine } from '../../src/engine/index.js';
import { MAX_QUERY_LENGTH, queryProblem } from '../../src/engine/validate.js';
import { CONTROL, EMOJI, hostileKinds, longRun, MEASURED_RUNS, RTL, ZERO_WIDTH } from '../support/hostile.js';
import { FIXTURE_CORPUS_DIR, FIXTURE_MODEL_FILE } from '../support/corpus.js';

/** The most one line may take through `ask --json` / `quote --json` before it counts as hung. */
const LINE_HANG_GUARD_MS = 1000;

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BATCH = 100;
const RUNS = 2;

// ---------------------------------------------------------------------------------------------
// Hostile strings: the shared kinds (test/support/hostile.ts), made into single lines.

/** String#toWellFormed (Node 20, not in the ES2022 lib types): lone surrogates become U+FFFD. */
const wellFormed = (s: string): string => (s as string & { toWellFormed(): string }).toWellFormed();

/** One input line: never holds "\n" or "\r" and is well-formed UTF-16 (see the header). */
const line: fc.Arbitrary<string> = fc
  .oneof(
    ...hostileKinds,
    fc.constant('Mali '.repeat(MAX_QUERY_LENGTH).slice(0, MAX_QUERY_LENGTH)),
    fc.constantFrom(
      'How many French troops were in Mali?',
      'When did the last French troops leave Mali?',
      'hidden aims',
    ),
  )
  .map((s) => wellFormed(s.replace(/[\n\r]/g, ' ')));

// ---------------------------------------------------------------------------------------------

let engine: Engine;
beforeAll(() => {
  engine = loadEngine(FIXTURE_CORPUS_DIR);
});

/** The command line as both tests start it: one command, JSON lines, the fixture corpus and model. */
function cliArgs(command: 'ask' | 'quote'): string[] {
  return [
    'node_modules/tsx/dist/cli.mjs',
    'src/cli/main.ts',
    command,
    '--json',
    '--corpus',
    FIXTURE_CORPUS_DIR,
    '--model',
    FIXTURE_MODEL_FILE,
  ];
}

function runCli(
  command: 'ask' | 'quote',
  lines: string[],
  eol = '\n',
): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, cliArgs(command), {
    cwd: ROOT,
    input: lines.map((l) => l + eol).join(''),
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Splits stdout into its JSON lines, checking it ends with a newline and holds nothing else. */
function jsonLines(stdout: string, expected: number): unknown[] {
  expect(stdout.endsWith('\n') || expected === 0).toBe(true);
  const out = stdout.split('\n').slice(0, -1);
  expect(out.length).toBe(expected);
  return out.map((l, i) => {
    try {
      const v: unknown = JSON.parse(l);
      expect(
        typeof v === 'object' && v !== null && !Array.isArray(v),
        `output line ${i + 1} is a JSON object`,
      ).toBe(true);
      return v;
    } catch (err) {
      throw new Error(
        `output line ${i + 1} is not JSON: ${JSON.stringify(l.slice(0, 120))} (${(err as Error).message})`,
      );
    }
  });
}

function expectVerbatim(articleId: string, start: number, end: number, quoted: string): void {
  const article = engine.corpus.byId.get(articleId);
  expect(article, `article ${articleId}`).toBeDefined();
  expect(article!.text.slice(start, end)).toBe(quoted);
}

interface AskJson {
  question: string;
  status: string;
  answer: string | null;
  citations: Array<{
    articleId: string;
    outlet: string;
    title: string;
    quote: string;
    start: number;
    end: number;
  }>;
  error?: string;
}
interface QuoteJson {
  query: string;
  quotes: Array<{
    articleId: string;
    outlet: string;
    title: string;
    text: string;
    start: number;
    end: number;
  }>;
  error?: string;
}

function checkAskBatch(lines: string[], eol = '\n'): void {
  const r = runCli('ask', lines, eol);
  expect(r.status, r.stderr).toBe(0);
  const objects = jsonLines(r.stdout, lines.length) as AskJson[];
  objects.forEach((o, i) => {
    const input = lines[i]!;
    expect(o.question, `object ${i + 1} echoes its line`).toBe(input);
    expect(['answered', 'no_answer']).toContain(o.status);
    expect(o.citations.length).toBeLessThanOrEqual(5);
    if (queryProblem(input) !== null) {
      expect(o.status).toBe('no_answer');
      expect(typeof o.error).toBe('string');
    }
    for (const c of o.citations) {
      expect(typeof c.outlet === 'string' && typeof c.title === 'string' && c.articleId.length > 0).toBe(
        true,
      );
      expectVerbatim(c.articleId, c.start, c.end, c.quote);
    }
  });
}

function checkQuoteBatch(lines: string[]): void {
  const r = runCli('quote', lines);
  expect(r.status, r.stderr).toBe(0);
  const objects = jsonLines(r.stdout, lines.length) as QuoteJson[];
  objects.forEach((o, i) => {
    const input = lines[i]!;
    expect(o.query, `object ${i + 1} echoes its line`).toBe(input);
    expect(Array.isArray(o.quotes)).toBe(true);
    if (queryProblem(input) !== null) {
      expect(o.quotes).toEqual([]);
      expect(typeof o.error).toBe('string');
    }
    for (const q of o.quotes) expectVerbatim(q.articleId, q.start, q.end, q.text);
  });
}

/** One line of every hostile kind, so each kind is covered whatever the generator draws. */
const EVERY_KIND = [
  '',
  '   ',
  '\t\u3000\u00A0',
  'How many French troops were in Mali?',
  EMOJI.join(''),
  RTL.join(' '),
  `Mali${ZERO_WIDTH.join('')}troops`,
  ZERO_WIDTH.join(''),
  CONTROL.filter((c) => c !== '\n' && c !== '\r').join(''), // "\n" and "\r" end a line for readline
  'Mali\u0000troops',
  '.*+?^${}()|[]\\',
  '**_~|>#',
  '@everyone <@123> <@&456> <#789>',
  'the of and is',
  '2022',
  '4300 2400 17',
  Array(300).fill('Mali').join(' '),
  'x'.repeat(10_000),
  'Mali\u2028troops\u2029France\u0085Macron',
  '\uFEFFWho is Macron?',
  '""\'\'«»“”',
  '{"question":"injected"}',
  '',
];

describe('the command-line JSON-lines contract on hostile input', () => {
  it('prints one ask object per hostile line of every kind, in order, and nothing else', () => {
    checkAskBatch(EVERY_KIND);
  }, 120_000);

  it('prints one quote object per hostile line of every kind, in order, and nothing else', () => {
    checkQuoteBatch(EVERY_KIND);
  }, 120_000);

  it('treats a Windows line ending as one line break, not two', () => {
    checkAskBatch(['Who is Macron?', '', 'hidden aims', 'Mali'], '\r\n');
  }, 120_000);

  it('prints one ask object per generated line for batches of a hundred lines', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: BATCH, maxLength: BATCH }), (lines) => {
        checkAskBatch(lines);
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  }, 240_000);

  it('prints one quote object per generated line for batches of a hundred lines', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: BATCH, maxLength: BATCH }), (lines) => {
        checkQuoteBatch(lines);
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  }, 240_000);

  // A hang guard, not a benchmark (speed is `npm run bench`'s): the blow-ups these shapes caught
  // took whole seconds a line; 1 s a line leaves room for a loaded CI box, where 250 ms failed
  // landings while the answers were right.
  it('answers each long-run shape within a second a line, timed line by line in one batch', async () => {
    // One process for every line, so its start-up is paid once (by a warm-up line) and each
    // line's time is only its own: written, then timed until its object comes back.
    const lines = [...MEASURED_RUNS, ...fc.sample(longRun(MAX_QUERY_LENGTH), 20)].map((l) =>
      l.replace(/[\n\r]/g, ' '),
    );
    for (const command of ['ask', 'quote'] as const) {
      const child = spawn(process.execPath, cliArgs(command), {
        cwd: ROOT,
        stdio: ['pipe', 'pipe', 'inherit'],
      });
      const replies = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
      const send = async (l: string): Promise<{ ms: number; object: Record<string, unknown> }> => {
        const t0 = performance.now();
        child.stdin.write(`${l}\n`);
        const next = await replies.next();
        return { ms: performance.now() - t0, object: JSON.parse(next.value as string) };
      };
      // Warm-up: the first "who said" question extracts the corpus's quotations, once.
      for (const warm of ['Why is France withdrawing from Mali?', 'Who said the junta had hidden aims?'])
        await send(warm);
      let worst = 0;
      for (const l of lines) {
        const { ms, object } = await send(l);
        worst = Math.max(worst, ms);
        expect(object[command === 'ask' ? 'question' : 'query']).toBe(l);
        expect(ms, `${command} took ${ms.toFixed(0)} ms on ${JSON.stringify(l.slice(0, 60))}`).toBeLessThan(
          LINE_HANG_GUARD_MS,
        );
      }
      child.stdin.end();
      await new Promise((done) => child.on('close', done));
      console.log(`[reliability] ${command} --json: slowest long-run line ${worst.toFixed(0)} ms`);
    }
  }, 120_000);
});
