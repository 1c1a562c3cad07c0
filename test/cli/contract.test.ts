import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FIXTURE_CORPUS_DIR, FIXTURE_MODEL_FILE } from '../support/corpus.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The command, then the tests' own corpus unless the test names one. */
function withFixtureCorpus(args: string[]): string[] {
  const withModel = [args[0]!, '--model', FIXTURE_MODEL_FILE, ...args.slice(1)];
  return args.includes('--corpus')
    ? withModel
    : [withModel[0]!, '--corpus', FIXTURE_CORPUS_DIR, ...withModel.slice(1)];
}

/** Runs the CLI as a user would, returning its exit code and output. */
function cli(args: string[], input = '') {
  const r = spawnSync(
    process.execPath,
    ['node_modules/tsx/dist/cli.mjs', 'src/cli/main.ts', ...withFixtureCorpus(args)],
    {
      cwd: ROOT,
      input,
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the command-line JSON contract', () => {
  it('prints one JSON object per input line, in order, with a blank line unanswered and flagged', () => {
    const q1 = "Who is Germany's defence minister?";
    const q3 = 'How many German troops are deployed in Mali?';
    const r = cli(['ask', '--json'], `${q1}\n\n${q3}\n`);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
    const [a1, a2, a3] = lines.slice(0, 3).map((l) => JSON.parse(l));
    expect([a1.question, a1.status, a1.answer]).toEqual([q1, 'answered', 'Christine Lambrecht']);
    expect([a2.question, a2.status, a2.answer, a2.citations, a2.error]).toEqual([
      '',
      'no_answer',
      null,
      [],
      'empty query: type a question or some words to look up',
    ]);
    expect([a3.question, a3.status, a3.answer]).toEqual([q3, 'answered', 'some 1,300 troops']);
    expect(a3.citations[0]).toMatchObject({
      articleId: 'dw-2022-02-17-france-announces-military-withdrawal-from-mali',
      outlet: 'DW',
      outletKnown: true,
    });
  });

  it('looks up a quotation with its speaker and the outlets that carry it', () => {
    const r = cli(['quote', '--json', 'hidden aims']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0]!);
    expect(out.query).toBe('hidden aims');
    expect(out.quotes[0]).toMatchObject({
      speaker: 'Emmanuel Macron',
      articleId: 'brussels-morning-2022-02-17-macron-announces-mali-withdrawal',
      alsoIn: [
        'dw-2022-02-17-france-announces-military-withdrawal-from-mali',
        'unnamed-outlet-2022-02-17-france-allies-withdraw-mali',
      ],
    });
  });

  it('lists the five sources with their ids', () => {
    const r = cli(['sources', '--json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as Array<{ articleId: string }>;
    expect(list.map((s) => s.articleId)).toEqual([
      'al-jazeera-2022-08-15-last-french-troops-leave-mali',
      'brussels-morning-2022-02-17-macron-announces-mali-withdrawal',
      'dw-2022-02-17-france-announces-military-withdrawal-from-mali',
      'phnom-penh-post-2022-02-15-mali-withdrawal-announcement-nears',
      'unnamed-outlet-2022-02-17-france-allies-withdraw-mali',
    ]);
  });

  it('exits 2 on an unknown flag, naming the flag', () => {
    const r = cli(['ask', '--bogus', 'Who left?']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--bogus');
  });

  it('exits 2 on a corpus directory without articles, naming the directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-no-corpus-'));
    try {
      const r = cli(['ask', '--json', '--corpus', dir, 'Who left?']);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(join(dir, 'articles'));
      expect(r.stderr).toContain('directory not found');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
