import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReportStore, type ReportInput } from '../../src/feedback/store.js';
import { FIXTURE_CORPUS_DIR, FIXTURE_MODEL_FILE } from '../support/corpus.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let dir: string;
let db: string;

function run(script: string, args: string[]) {
  const r = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', script, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const feedback = (...args: string[]) => run('src/cli/feedback.ts', ['--db', db, ...args]);

const BASE: ReportInput = {
  problem: 'wrong_answer',
  details: '',
  question: 'When was the withdrawal announced?',
  mode: 'question',
  status: 'answered',
  shortAnswer: 'February',
  citedPassages: ['al-jazeera-a:120-260', 'dw-b:0-80'],
  corpusVersion: '0123456789ab',
  filter: null,
  userId: '111111111111111111',
  askedBy: '222222222222222222',
  guildId: null,
  channelId: null,
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'feedback-cli-'));
  db = join(dir, 'reports.sqlite');
  let clock = Date.parse('2026-11-30T09:00:00Z');
  const store = ReportStore.open(db, {
    now: () => {
      clock += 3_600_000;
      return new Date(clock);
    },
  });
  store.add({ ...BASE, details: 'It was 17 February.' });
  store.add({
    ...BASE,
    problem: 'should_have_answered',
    question: 'Who commands Barkhane?',
    status: 'no_answer',
    shortAnswer: null,
    citedPassages: [],
    filter: { outlet: 'DW', from: '2022-02-01', to: '2022-02-28' },
    userId: '222222222222222222',
  });
  store.add({ ...BASE, problem: 'wrong_source', question: 'When was the  withdrawal announced?' });
  store.close();
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run feedback', () => {
  it('lists the reports newest first', () => {
    const r = feedback();
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        '#3  2026-11-30 12:00 UTC  Wrong source  reported by 111111111111111111 (asked by 222222222222222222)',
        '    Q: When was the withdrawal announced?',
        '    shown: answered: February · 2 passages cited · corpus 0123456789ab',
        '    first passage: al-jazeera-a:120-260',
        '',
        '#2  2026-11-30 11:00 UTC  Should have answered  reported by 222222222222222222',
        '    Q: Who commands Barkhane?',
        '    within “DW”, from 1 Feb 2022 to 28 Feb 2022',
        '    shown: no confident answer · 0 passages cited · corpus 0123456789ab',
        '',
        '#1  2026-11-30 10:00 UTC  Wrong answer  reported by 111111111111111111 (asked by 222222222222222222)',
        '    Q: When was the withdrawal announced?',
        '    shown: answered: February · 2 passages cited · corpus 0123456789ab',
        '    first passage: al-jazeera-a:120-260',
        '    “It was 17 February.”',
        '',
      ].join('\n'),
    );
    expect(feedback('--limit', '1').stdout.split('\n')[0]).toMatch(/^#3 /);
  });

  it('exports them as eval questions that npm run eval scores once an editor fills them in', () => {
    const out = join(dir, 'reported.json');
    const r = feedback('--export', out);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      `Wrote 2 questions from 3 reports to ${out}.\n` +
        'Fill in each "kind" (fact, conflict or abstain), "answers" and "sources", then score them with\n' +
        `  npm run eval -- --dev ${out}\n`,
    );
    const set = JSON.parse(readFileSync(out, 'utf8'));
    expect(set.quote).toEqual([]);
    expect(
      set.ask.map(
        (q: { id: string; kind: string; question: string; answers: string[]; sources: string[] }) => [
          q.id,
          q.kind,
          q.question,
          q.answers,
          q.sources,
        ],
      ),
    ).toEqual([
      ['report-3', '', 'When was the  withdrawal announced?', [], []],
      ['report-2', '', 'Who commands Barkhane?', [], []],
    ]);
    expect(set.ask[0].reported).toMatchObject({
      reports: [3, 1],
      problems: ['wrong_source', 'wrong_answer'],
      details: ['It was 17 February.'],
      shortAnswer: 'February',
    });
    expect(set.ask[1].reported.filter).toEqual({ outlet: 'DW', from: '2022-02-01', to: '2022-02-28' });

    // The editor completes the first question; eval scores it through the JSON contract.
    set.ask = [
      { ...set.ask[0], kind: 'fact', answers: ['February 17', 'Thursday'], sources: ['000', '002'] },
    ];
    writeFileSync(out, JSON.stringify(set));
    const scored = run('src/cli/eval.ts', [
      '--dev',
      out,
      '--corpus',
      FIXTURE_CORPUS_DIR,
      '--model',
      FIXTURE_MODEL_FILE,
    ]);
    expect(scored.stderr).toBe('');
    expect(scored.code).toBe(0);
    expect(scored.stdout).toMatch(/^ {2}hit@1, status ignored +[01]\/1 /m);
  });

  it('says clearly what is wrong with an option or a path, and overwrites nothing', () => {
    expect(feedback('--limit', 'ten').stderr).toBe(
      'feedback: --limit "ten" must be a whole number of reports, 1 or more\n',
    );
    expect(feedback('--format', 'csv').stderr.split('\n')[0]).toBe("feedback: Unknown option '--format'");
    const missing = join(dir, 'no-such-folder', 'out.json');
    expect(feedback('--export', missing)).toMatchObject({
      code: 2,
      stderr: `feedback: --export ${missing}: the folder ${join(dir, 'no-such-folder')} does not exist\n`,
    });
    mkdirSync(join(dir, 'folder'));
    expect(feedback('--export', join(dir, 'folder')).stderr).toBe(
      `feedback: --export ${join(dir, 'folder')} is a folder; give a file name such as reports.json\n`,
    );
    writeFileSync(join(dir, 'kept.json'), 'an editor’s work\n');
    expect(feedback('--export', join(dir, 'kept.json')).stderr).toBe(
      `feedback: --export ${join(dir, 'kept.json')} already exists; pass --force to replace it\n`,
    );
    expect(readFileSync(join(dir, 'kept.json'), 'utf8')).toBe('an editor’s work\n');
    expect(feedback('--export', join(dir, 'kept.json'), '--force').code).toBe(0);
    writeFileSync(join(dir, 'notes.sqlite'), 'not a database\n'.repeat(100));
    expect(run('src/cli/feedback.ts', ['--db', join(dir, 'notes.sqlite')]).stderr).toBe(
      `feedback: reports database ${join(dir, 'notes.sqlite')}: is not a SQLite database (was another file put at this path?)\n`,
    );
    expect(run('src/cli/feedback.ts', ['--db', join(dir, 'none.sqlite')]).stdout).toBe(
      `No reports yet: there is no reports database at ${join(dir, 'none.sqlite')}.\n`,
    );
    // Nine commands run one after another: on a loaded machine they took over the default 30 s.
  }, 120_000);
});
