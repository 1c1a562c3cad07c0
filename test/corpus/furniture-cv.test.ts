import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'furniture-cv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cv(...args: string[]) {
  const r = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/furniture-cv.ts', ...args],
    { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
  );
  if (r.error) throw r.error;
  return r;
}

describe('npm run furniture:cv', () => {
  it('names a bad option in one line and exits 1', () => {
    const train = cv('--train', 'some');
    expect([train.status, train.stderr]).toEqual([
      1,
      'furniture:cv --train: "some" is neither all nor kept\n',
    ]);
    const floor = cv('--floor', '1.5');
    expect([floor.status, floor.stderr]).toEqual([
      1,
      'furniture:cv --floor: "1.5" is not a number in [0, 1)\n',
    ]);
    const unknown = cv('--flor', '0.5');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toBe("furniture:cv: Unknown option '--flor'\n");
  });

  it('refuses a rules page it cannot place in a wave, naming the page, and a directory with no pages', () => {
    writeFileSync(join(dir, 'page-x.txt'), 'The last French soldiers left Mali on Monday, the army said.');
    writeFileSync(
      join(dir, 'page-x.json'),
      JSON.stringify({
        id: 'page-x',
        outlet: 'Test Outlet',
        title: 'Last French soldiers leave Mali',
        published: '2022-08-15',
        language: 'en',
        split: 'rules',
        body: [1],
        furniture: [],
        furnitureWhy: {},
        inlineFurniture: [],
        quotations: [],
        repeatsBody: [],
      }),
    );
    const r = cv('--against', dir);
    expect([r.status, r.stderr]).toEqual([
      1,
      `furniture:cv: ${join(dir, 'page-x.txt')}: page page-x is in no wave of test/support/page-split.ts\n`,
    ]);
    const empty = mkdtempSync(join(tmpdir(), 'furniture-cv-empty-'));
    const none = cv('--against', empty);
    rmSync(empty, { recursive: true, force: true });
    expect([none.status, none.stderr]).toEqual([
      1,
      `furniture:cv --against: ${empty}: no annotated pages (<id>.json beside <id>.txt) in it\n`,
    ]);
  });

  it("--rules-only scores the rules wave by wave with no model, and --misses prints one wave's misses", () => {
    const one = join(dir, 'wave17');
    mkdirSync(one);
    const id = 'atlantico-2022-04-22-mercenaires-russes-charnier-gossi';
    for (const ext of ['.json', '.txt'])
      copyFileSync(join(ROOT, 'test/fixtures/pages', `${id}${ext}`), join(one, `${id}${ext}`));
    const r = cv('--rules-only', '--misses', '17', '--against', one);
    expect([r.status, r.stdout.split('\n')]).toEqual([
      0,
      [
        'wave 17 (1 pages): rules precision n/a (0/0) · recall 0.0% (0/1) · out of the index 0.0% (0/1)',
        `    ${id} line 1: furniture kept (the collection's date field run into a photo caption (a soldier of the 126e régiment d'infanterie on the Gossi–Hombori road)): date 2022-04 Un soldat français du 126e régiment d'infanterie surveil…`,
        'all waves: rules precision n/a (0/0) · recall 0.0% (0/1) · out of the index 0.0% (0/1)',
        '',
      ],
    ]);
  });
});
