/**
 * The README's "Adding an article", followed as a newsroom would on a copy of the corpus: the
 * running engine reloads by itself, then `corpus:add`, `corpus:check` and a question all see
 * the new article.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { CorpusHolder, type ReloadResult } from '../../src/corpus/reload.js';
import { loadEngine, type Engine } from '../../src/engine/index.js';
import { FIXTURE_CORPUS_DIR } from '../support/corpus.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PAGE = fileURLToPath(new URL('../fixtures/html/sahel-dispatch-convoy.html', import.meta.url));
const ID = 'sahel-dispatch-2022-08-16-french-convoy-reaches-niger-last-troops';

const cleanup: Array<() => void> = [];
afterEach(() => {
  for (const f of cleanup.splice(0)) f();
});

function run(script: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), script, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (r.error) throw r.error;
  return r;
}

describe('adding an article as the README says', () => {
  it('is picked up by a running engine, listed by corpus:check, and cited in answers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'adding-flow-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    cpSync(FIXTURE_CORPUS_DIR, dir, { recursive: true });
    const holder = new CorpusHolder<Engine>(
      dir,
      (d) => loadEngine(d),
      (e) => `${e.corpus.articles.length} articles`,
    );
    cleanup.push(() => holder.close());
    const reloads: ReloadResult[] = [];
    holder.watch({ debounceMs: 50, onReload: (r) => reloads.push(r) });

    const add = run('src/cli/corpus-add.ts', PAGE, '--corpus', dir);
    expect(add.stderr).toBe('');
    expect(add.stdout.split('\n')[0]).toBe(`Added ${ID}`);

    const deadline = Date.now() + 10_000;
    while (!reloads.some((r) => r.ok) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(reloads.filter((r) => r.ok).pop()).toEqual({ ok: true, summary: '6 articles' });
    const answer = holder.current().ask('How many armoured vehicles were in the last convoy?');
    expect(answer.citations[0]!.articleId).toBe(ID);
    expect(answer.answer).toBe('47 armoured vehicles');

    const check = run('src/cli/corpus-check.ts', '--corpus', dir);
    expect(check.status).toBe(0);
    expect(check.stdout).toContain(`${ID}  (`);
    expect(check.stdout).toContain(
      '\n    Pierre Vasseur: “We left nothing behind that could be used against the Malian population”\n',
    );
    expect(check.stdout).toMatch(/corpus OK: 6 articles, /);
  });
});
