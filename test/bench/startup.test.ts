/**
 * What `npm run bench` relies on when it times start-up both ways: a corpus written with
 * writeCorpus loads with loadCorpus, loadEngineFast builds and saves a snapshot in `<dir>/.cache/`
 * on the first run and restores it on the second, and both engines answer alike.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { Engine } from '../../src/engine/index.js';
import { loadEngineFast } from '../../src/engine/snapshot.js';
import { buildVocabulary, generateCorpus, writeCorpus } from './synthetic.js';

const SEED_TEXT = [
  'France announced on Thursday that its troops would withdraw from Mali after nine years, as relations with the ruling junta in Bamako broke down.',
  'President Emmanuel Macron said the military operation against Islamist insurgents would move to Niger, where some 2,400 soldiers remain.',
].join('\n\n');

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('start-up paths timed by the bench', () => {
  it('builds and saves a snapshot first, restores it next, and answers the same', () => {
    const vocabulary = buildVocabulary([SEED_TEXT], { size: 2_000, nameCount: 200, seed: 3 });
    const corpus = generateCorpus({ passages: 300, vocabulary, seed: 8 });
    const dir = mkdtempSync(join(tmpdir(), 'bench-test-'));
    dirs.push(dir);
    writeCorpus(corpus, dir);

    const built = new Engine(loadCorpus(dir));
    expect(built.corpus.passages.map((p) => p.text)).toEqual(corpus.passages.map((p) => p.text));

    const first = loadEngineFast(dir);
    expect(first.source).toBe('built');
    const files = readdirSync(join(dir, '.cache')).filter(
      (n) => n.startsWith('engine-') && n.endsWith('.json'),
    );
    expect(files).toHaveLength(1);
    expect(statSync(join(dir, '.cache', files[0]!)).size).toBeGreaterThan(0);

    const second = loadEngineFast(dir);
    expect(second.source).toBe('restored');

    const question = `What did ${corpus.passages[5]!.text.split(' ').slice(2, 6).join(' ')} say?`;
    const a = built.ask(question);
    const b = second.engine.ask(question);
    expect(b.status).toBe(a.status);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });
});
