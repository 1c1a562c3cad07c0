import { cpSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCorpus, type Corpus } from '../../src/corpus/load.js';
import { CorpusHolder, type ReloadResult } from '../../src/corpus/reload.js';
import { addArticle } from '../../src/corpus/ingest.js';
import { FIXTURE_CORPUS_DIR } from '../support/corpus.js';

const CORPUS = FIXTURE_CORPUS_DIR;
const NEWS_PAGE = fileURLToPath(new URL('../fixtures/html/sahel-dispatch-convoy.html', import.meta.url));
const NEWS_ID = 'sahel-dispatch-2022-08-16-french-convoy-reaches-niger-last-troops';

const cleanup: Array<() => void> = [];
afterEach(() => {
  for (const fn of cleanup.splice(0)) fn();
});

function tempCorpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'reload-corpus-'));
  cpSync(CORPUS, dir, { recursive: true });
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function holderFor(dir: string): CorpusHolder<Corpus> {
  const holder = new CorpusHolder(dir, loadCorpus, (c) => `${c.articles.length} articles`);
  cleanup.unshift(() => holder.close());
  return holder;
}

/** Waits until `check` holds, polling every 20 ms, failing after `timeoutMs`. */
async function until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('CorpusHolder', () => {
  it('keeps serving the last good corpus when a bad file is added, and says which file is wrong', () => {
    const dir = tempCorpus();
    const holder = holderFor(dir);
    const first = holder.current();
    writeFileSync(join(dir, 'articles', 'broken.json'), '{ "id": "broken", ');
    const result = holder.reload();
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error).toMatch(/broken\.json: is not valid JSON/);
    expect(holder.current()).toBe(first);
    expect(holder.current().articles).toHaveLength(5);
  });

  it('picks up a good new article on reload once the bad file is gone', () => {
    const dir = tempCorpus();
    const holder = holderFor(dir);
    writeFileSync(join(dir, 'articles', 'broken.json'), 'not json');
    expect(holder.reload().ok).toBe(false);
    unlinkSync(join(dir, 'articles', 'broken.json'));
    addArticle(dir, NEWS_PAGE);
    expect(holder.reload()).toEqual({ ok: true, summary: '6 articles' });
    expect(holder.current().byId.has(NEWS_ID)).toBe(true);
  });

  it('throws at construction when there is no good corpus to start from', () => {
    const dir = tempCorpus();
    writeFileSync(join(dir, 'articles', 'broken.json'), '{');
    expect(() => new CorpusHolder(dir, loadCorpus)).toThrow(/broken\.json: is not valid JSON/);
  });

  it('reloads by itself when the articles directory changes, keeping the old corpus through a bad change', async () => {
    const dir = tempCorpus();
    const holder = holderFor(dir);
    const results: ReloadResult[] = [];
    holder.watch({ debounceMs: 50, onReload: (r) => results.push(r) });

    writeFileSync(join(dir, 'articles', 'broken.json'), '{');
    await until(() => results.some((r) => !r.ok), 'a failed reload');
    const failure = results.find((r) => !r.ok)!;
    expect(failure.ok ? '' : failure.error).toMatch(/broken\.json: is not valid JSON/);
    expect(holder.current().articles).toHaveLength(5);

    unlinkSync(join(dir, 'articles', 'broken.json'));
    addArticle(dir, NEWS_PAGE);
    await until(() => holder.current().byId.has(NEWS_ID), 'the new article to be served');
    expect(results[results.length - 1]).toEqual({ ok: true, summary: '6 articles' });
  });

  it('stops reloading after close', async () => {
    const dir = tempCorpus();
    const holder = holderFor(dir);
    const results: ReloadResult[] = [];
    holder.watch({ debounceMs: 20, onReload: (r) => results.push(r) });
    holder.close();
    addArticle(dir, NEWS_PAGE);
    // Nothing to poll for: allow several debounce periods for a reload that must not come.
    await new Promise((r) => setTimeout(r, 200));
    expect(results).toEqual([]);
    expect(holder.current().articles).toHaveLength(5);
    expect(holder.reload()).toEqual({ ok: true, summary: '6 articles' });
  });
});
