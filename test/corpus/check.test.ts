import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURE_CORPUS_DIR } from '../support/corpus.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const AJ = 'al-jazeera-2022-08-15-last-french-troops-leave-mali';

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function check(...args: string[]) {
  const r = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'src/cli/corpus-check.ts', ...args],
    {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  if (r.error) throw r.error;
  return r;
}

describe('npm run corpus:check', () => {
  it('lists each article’s passages, headings, furniture with its reason and quotations with speakers, and names a leftover without failing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-corpus-'));
    temps.push(dir);
    cpSync(FIXTURE_CORPUS_DIR, dir, { recursive: true });
    writeFileSync(join(dir, 'articles', 'half-added.txt'), 'A text whose metadata never arrived.\n');
    const r = check('--corpus', dir);
    expect(r.status).toBe(0);
    const aj = r.stdout.slice(
      r.stdout.indexOf(AJ),
      r.stdout.indexOf('\n', r.stdout.indexOf('8 quotation(s)')),
    );
    expect(aj).toContain(
      '\n  24 passage(s) indexed, the only text answers cite:\n    [1] France announced withdrawal in February',
    );
    expect(aj).toContain(
      '\n  2 heading(s) kept, searched for quotations but never cited:\n    headline: Last French troops leave Mali, ending nine-year deployment\n    subheading: Frayed relations\n',
    );
    expect(aj).toContain('\n    byline or agency line: Source: Al Jazeera and news agencies\n');
    expect(r.stdout).toContain('\n    Emmanuel Macron: “terrorist groups”\n');
    expect(r.stdout).toContain(
      `warning: ${relative(ROOT, join(dir, 'articles', 'half-added.txt'))}: left out, it has no metadata file half-added.json beside it`,
    );
    expect(r.stdout).toMatch(
      /corpus OK: 5 articles, \d+ passages, \d+ furniture blocks dropped, \d+ distinct quotations, 1 file\(s\) left out\n$/,
    );
  });
});
