import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEngineFast, snapshotDir } from '../../src/engine/snapshot.js';
import { CorpusError } from '../../src/corpus/load.js';
import { loadEngine } from '../../src/engine/index.js';
import { FIXTURE_CORPUS_DIR } from '../support/corpus.js';

function tempCorpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'snapshot-'));
  cpSync(join(FIXTURE_CORPUS_DIR, 'articles'), join(dir, 'articles'), { recursive: true });
  return dir;
}

const QUESTIONS = [
  'How many French troops were in Mali?',
  'Who is the French foreign minister?',
  'barkane force chad niger',
  'What is the price of bitcoin today?',
];

describe('engine snapshot', () => {
  it('builds and saves on the first start, then restores an engine that answers exactly as a fresh one', () => {
    const dir = tempCorpus();
    const first = loadEngineFast(dir);
    expect(first.source).toBe('built');
    expect(readdirSync(snapshotDir(dir)).filter((f) => f.startsWith('engine-'))).toHaveLength(1);
    const second = loadEngineFast(dir);
    expect(second.source).toBe('restored');
    const fresh = loadEngine(dir);
    for (const q of QUESTIONS) expect(second.engine.ask(q)).toEqual(fresh.ask(q));
    expect(second.engine.quote('hidden aims')).toEqual(fresh.quote('hidden aims'));
  });

  it("builds again when an article's metadata changes, and keeps only the new snapshot", () => {
    const dir = tempCorpus();
    loadEngineFast(dir);
    const metaFile = join(
      dir,
      'articles',
      'dw-2022-02-17-france-announces-military-withdrawal-from-mali.json',
    );
    const meta = JSON.parse(readFileSync(metaFile, 'utf8'));
    writeFileSync(metaFile, JSON.stringify({ ...meta, url: 'https://www.dw.com/en/example' }, null, 2));
    const after = loadEngineFast(dir);
    expect(after.source).toBe('built');
    expect(after.engine.source(meta.id)!.url).toBe('https://www.dw.com/en/example');
    expect(readdirSync(snapshotDir(dir)).filter((f) => f.startsWith('engine-'))).toHaveLength(1);
  });

  it('ignores a damaged snapshot and builds from the articles instead', () => {
    const dir = tempCorpus();
    loadEngineFast(dir);
    const file = readdirSync(snapshotDir(dir)).find((f) => f.startsWith('engine-'))!;
    writeFileSync(join(snapshotDir(dir), file), '{"format":1, truncated');
    const again = loadEngineFast(dir);
    expect(again.source).toBe('built');
    expect(again.engine.ask('Who is the French foreign minister?').answer).toBe('Jean-Yves Le Drian');
  });

  it('still refuses an article text edited after its hash was recorded, even with a snapshot present', () => {
    const dir = tempCorpus();
    loadEngineFast(dir);
    const textFile = join(
      dir,
      'articles',
      'dw-2022-02-17-france-announces-military-withdrawal-from-mali.txt',
    );
    writeFileSync(textFile, readFileSync(textFile, 'utf8').replace('2,400', '2,500'));
    expect(() => loadEngineFast(dir)).toThrow(CorpusError);
    expect(() => loadEngineFast(dir)).toThrow(/field "sha256": does not match .*must not be edited/);
  });
});
