import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURE_CORPUS_DIR } from '../support/corpus.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function run(script: string, ...args: string[]) {
  const r = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', script, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// A mistyped option used to end these two commands with node's stack trace and no usage.
describe('the measuring commands on a mistyped option', () => {
  it('eval names the unknown option, prints its usage and exits 2', () => {
    const r = run('src/cli/eval.ts', '--calibrat');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toMatch(/^eval: Unknown option '--calibrat'/);
    expect(r.stderr).toContain('usage: npm run eval -- [--corpus DIR]');
    expect(r.stderr).not.toContain('    at ');
  });

  it('eval names a corpus folder that is not there', () => {
    const r = run('src/cli/eval.ts', '--corpus', '/nonexistent-corpus');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('eval: corpus: /nonexistent-corpus/articles: directory not found\n');
  });

  it('ask and eval name a model file that is not there or is not a model file, and exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bad-model-'));
    try {
      const missing = join(dir, 'retrained.json');
      const ask = run('src/cli/main.ts', 'ask', '--model', missing, 'Who left?');
      expect(ask.code).toBe(2);
      expect(ask.stdout).toBe('');
      expect(ask.stderr).toBe(`ask: --model: ${relative(ROOT, missing)}: cannot be read (ENOENT)\n`);
      const bad = join(dir, 'bad.json');
      writeFileSync(bad, '{"version": 1, "rank": {}}');
      const evaluated = run('src/cli/eval.ts', '--model', bad);
      expect(evaluated.code).toBe(2);
      expect(evaluated.stderr).toBe(
        `eval: --model: ${relative(ROOT, bad)}: rank.adopted: Invalid input: expected boolean, received undefined\n`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('corpus:check names the unknown option, prints its usage and exits 2', () => {
    const r = run('src/cli/corpus-check.ts', '--againts', 'pages');
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe("corpus:check: Unknown option '--againts'");
    expect(r.stderr).toContain('npm run corpus:check -- --against DIR-or-FILE');
    expect(r.stderr).not.toContain('    at ');
  });

  it('corpus:check --help prints the usage on standard output', () => {
    const r = run('src/cli/corpus-check.ts', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('npm run corpus:check -- [--corpus DIR] [--verbose]');
  });
});

describe('eval on a question set that names its own corpus', () => {
  let dir: string | null = null;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = null;
  });

  /** A question set file in a temporary folder, naming `corpus` relative to it. */
  function setFile(corpus: string): string {
    dir = mkdtempSync(join(tmpdir(), 'eval-own-corpus-'));
    const file = join(dir, 'pages.json');
    writeFileSync(
      file,
      JSON.stringify({
        corpus,
        ask: [
          {
            id: 'p1',
            kind: 'fact',
            question: 'which city hosts the french fighter jets, drones and helicopters in niger',
            answers: ['Niamey'],
            sources: ['003'],
          },
        ],
        quote: [],
      }),
    );
    return file;
  }

  it('scores the set on that corpus, whatever --corpus says, and says so in its heading', () => {
    const file = setFile('corpora/mine');
    cpSync(FIXTURE_CORPUS_DIR, join(dir!, 'corpora', 'mine'), { recursive: true });
    const r = run('src/cli/eval.ts', '--corpus', '/nonexistent-corpus', file);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(
      'pages.json (on its own corpus, corpora/mine): 1 questions, 0 quotation lookups (through ask/quote --json)',
    );
    expect(r.stdout).toContain('  hit@5 (fact + conflict)            1/1 (100%)');
  });

  it('names the set file and the missing folder when its corpus is not there', () => {
    const file = setFile('corpora/missing');
    const r = run('src/cli/eval.ts', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `eval: ${file}: its corpus: corpus: ${join(dir!, 'corpora', 'missing', 'articles')}: directory not found\n`,
    );
  });
});
