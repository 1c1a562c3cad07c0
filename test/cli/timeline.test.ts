import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FIXTURE_CORPUS_DIR } from '../support/corpus.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function timeline(...args: string[]) {
  const r = spawnSync(
    process.execPath,
    ['node_modules/tsx/dist/cli.mjs', 'src/cli/timeline.ts', '--corpus', FIXTURE_CORPUS_DIR, ...args],
    { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
  );
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run timeline', () => {
  it('prints the events about a topic in date order, each sentence with its source, words and resolved date', () => {
    const r = timeline('Wednesday', 'meeting');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'Timeline: Wednesday meeting (2 events)',
        '',
        'c. 16 Feb 2022',
        '  “His decision was announced after a Wednesday night meeting of African and Western leaders in Paris, where they discussed plans to continue fighting Islamist militants in the Sahel region.”',
        '    Brussels Morning Newspaper · c. 17 Feb 2022 · (no headline) · “Wednesday night” → c. 16 Feb 2022',
        '',
        'c. 16 Feb 2022',
        '  “The move cane after a meeting of European and African leaders at the Elysee palace on Wednesday night.”',
        '    Outlet not named · c. 17 Feb 2022 · France and allies to withdraw troops from Mali after nine years of fighting insurgency · “on Wednesday night” → c. 16 Feb 2022',
        '',
      ].join('\n'),
    );
  });

  it('gives scripts the whole timeline as JSON, every sentence verbatim from its article', () => {
    const r = timeline('--json');
    expect(r.code).toBe(0);
    const t = JSON.parse(r.stdout);
    expect(t.topic).toBeNull();
    expect(t.events).toHaveLength(36);
    const dates: string[] = t.events.map((e: { date: string }) => e.date);
    expect(dates).toEqual([...dates].sort());
    expect(t.events[0].reports[0]).toMatchObject({ date: '2012', granularity: 'year', words: '2012' });
  });

  it('says what is wrong with a topic of no words, and with an unknown option', () => {
    expect(timeline('the')).toMatchObject({
      code: 2,
      stdout:
        'Timeline: no searchable words in the topic (only stop words, symbols or numbers of one digit)\n',
    });
    expect(timeline('--from', '2022').stderr.split('\n')[0]).toMatch(/^timeline: Unknown option '--from'/);
  });
});
