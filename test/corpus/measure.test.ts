import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'measure-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A page of five lines: a byline, a caption, two body lines (one with a date stamp run in), a prompt. */
const TEXT = [
  ' date 2022-08-15 The last French soldiers left Mali on Monday, the army said.',
  'Soldiers board a plane in Gao (Jane Doe/AP)',
  '“The withdrawal is complete,” the French army said in a statement.',
  'Sign up for our newsletter',
  'The last French soldiers left Mali on Monday, the army said.',
].join('\n');

function annotation(split: 'rules' | 'heldout', speaker: string) {
  return {
    id: `page-${split}`,
    outlet: 'Test Outlet',
    title: 'Last French soldiers leave Mali',
    published: '2022-08-15',
    language: 'en',
    split,
    body: [1, 3, 5],
    furniture: [2, 4],
    furnitureWhy: { 2: 'photo caption with credit', 4: 'newsletter prompt' },
    inlineFurniture: [{ line: 1, text: ' date 2022-08-15 ', why: 'date stamp' }],
    quotations: [{ text: 'The withdrawal is complete', speaker, line: 3, partial: false }],
    repeatsBody: [{ line: 5, of: 1 }],
  };
}

for (const [split, speaker] of [
  ['rules', 'the French army'],
  ['heldout', 'Emmanuel Macron'],
] as const) {
  writeFileSync(join(dir, `page-${split}.txt`), TEXT);
  writeFileSync(join(dir, `page-${split}.json`), JSON.stringify(annotation(split, speaker)));
}

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

describe('npm run corpus:check -- --against', () => {
  it('prints furniture precision and recall, speaker accuracy and repeats per page and per split', () => {
    const r = check('--against', dir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.slice(-2)).toEqual([
      'rules (1 page(s)): furniture precision 100.0% (3/3) · recall 100.0% (3/3) · speakers 100.0% (1/1) · repeats indexed once 100.0% (1/1) · extra quotations 0',
      'heldout (1 page(s)): furniture precision 100.0% (3/3) · recall 100.0% (3/3) · speakers 0.0% (0/1) · repeats indexed once 100.0% (1/1) · extra quotations 0',
    ]);
    expect(r.stdout).toContain(
      '    line 3: speaker "French army", annotated "Emmanuel Macron": “The withdrawal is complete”\n',
    );
  });

  it('measures one page given by either of its files, and names a missing annotation', () => {
    const one = check('--against', join(dir, 'page-rules.txt'));
    expect(one.stdout.split('\n')[0]).toBe('page-rules  [rules]');
    const missing = check('--against', join(dir, 'nowhere.json'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe(`corpus:check --against: ${join(dir, 'nowhere.json')}: not found\n`);
  });
});
