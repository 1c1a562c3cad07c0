import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FIXTURE_CORPUS_DIR, FIXTURE_MODEL_FILE } from '../support/corpus.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function ask(args: string[], input = '') {
  const r = spawnSync(
    process.execPath,
    [
      'node_modules/tsx/dist/cli.mjs',
      'src/cli/main.ts',
      'ask',
      '--corpus',
      FIXTURE_CORPUS_DIR,
      '--model',
      FIXTURE_MODEL_FILE,
      ...args,
    ],
    { cwd: ROOT, input, encoding: 'utf8', timeout: 60_000 },
  );
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run ask with --outlet, --from and --to', () => {
  it('answers within the filter and echoes it in the JSON contract', () => {
    const r = ask(
      ['--json', '--outlet', 'al jazeera', '--from', '2022-08'],
      'How many French troops were in Mali?\n',
    );
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.answer).toBe('about 2,400 troops');
    expect(json.citations.map((c: { outlet: string }) => c.outlet)).toEqual(Array(5).fill('Al Jazeera'));
    expect(json.filter).toEqual({
      outlet: 'Al Jazeera',
      from: '2022-08-01',
      to: null,
      articles: 1,
      empty: null,
    });
  });

  it('prints the filter and says plainly when nothing is within it', () => {
    const r = ask(['--outlet', 'DW', '--to', '2021', 'How many French troops were in Mali?']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'Q: How many French troops were in Mali?\n' +
        'Within: “DW”, up to 31 Dec 2021 (0 articles)\n' +
        'No article in the corpus matches “DW”, up to 31 Dec 2021: DW’s articles fall outside those dates (all dated 17 Feb 2022).\n',
    );
  });

  it('refuses a bad date naming the option, and a filter on another command', () => {
    const r = ask(['--from', '2022-13', 'Why?']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'ask: --from: "2022-13" has no month 13 (months are 01 to 12); write a year (2022), a month (2022-08) or a day (2022-08-15)\n',
    );
    const q = spawnSync(
      process.execPath,
      ['node_modules/tsx/dist/cli.mjs', 'src/cli/main.ts', 'quote', '--outlet', 'DW', 'Sahel'],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(q.status).toBe(2);
    expect(q.stderr.split('\n')[0]).toBe('quote: --outlet, --from and --to apply to ask only');
  });
});
