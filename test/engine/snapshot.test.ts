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

/** A saved snapshot as these tests tamper with it (src/engine/snapshot.ts writes it). */
interface Saved {
  articles: Array<{
    id: string;
    sha256: string;
    blocks: Array<{ start: number; end: number; kind: string }>;
    passages: number[][];
  }>;
  index: { termsOf: string[][] };
}

/** The snapshot file of a corpus directory, parsed, and a way to write it back changed. */
function snapshotOf(dir: string): { file: string; snap: Saved; save: (snap: unknown) => void } {
  const name = readdirSync(snapshotDir(dir)).find((f) => f.startsWith('engine-') && f.endsWith('.json'))!;
  const file = join(snapshotDir(dir), name);
  return {
    file,
    snap: JSON.parse(readFileSync(file, 'utf8')),
    save: (snap) => writeFileSync(file, JSON.stringify(snap)),
  };
}

const DW = 'dw-2022-02-17-france-announces-military-withdrawal-from-mali';

describe('a snapshot whose key is right but whose contents disagree with the corpus', () => {
  /** Tampers with a saved snapshot, restarts, and checks it was rebuilt, logged and served whole. */
  function expectRebuilt(tamper: (snap: Saved) => void, reason: RegExp): void {
    const dir = tempCorpus();
    loadEngineFast(dir);
    const { file, snap, save } = snapshotOf(dir);
    tamper(snap);
    save(snap);
    const warnings: Array<{ message: string; fields: Record<string, unknown> }> = [];
    const again = loadEngineFast(dir, { warn: (message, fields) => warnings.push({ message, fields }) });
    expect(again.source).toBe('built');
    expect(again.rejected).toMatch(reason);
    expect(warnings).toEqual([
      {
        message: 'engine snapshot set aside; rebuilding from the articles',
        fields: { file, reason: again.rejected },
      },
    ]);
    // What is served is the whole corpus, answering as a fresh load does.
    expect(again.engine.sources()).toHaveLength(5);
    expect(again.engine.ask('Who is the French foreign minister?').answer).toBe('Jean-Yves Le Drian');
    // The rebuilt snapshot replaced the bad one and is trusted on the next start.
    expect(loadEngineFast(dir).source).toBe('restored');
  }

  it('rebuilds when the snapshot holds no articles, instead of serving none', () => {
    expectRebuilt((snap) => {
      snap.articles = [];
    }, /^it holds no articles$/);
  });

  it('rebuilds when the snapshot has dropped an article', () => {
    expectRebuilt(
      (snap) => {
        snap.articles = snap.articles.filter((a) => a.id !== DW);
      },
      new RegExp(`^its articles are not the corpus's; missing: ${DW}$`),
    );
  });

  it('rebuilds when a passage points at page furniture', () => {
    expectRebuilt(
      (snap) => {
        const a = snap.articles.find((x) => x.id === DW)!;
        const furniture = a.blocks.findIndex((b) => b.kind === 'furniture');
        const b = a.blocks[furniture]!;
        a.passages[0] = [b.start, b.end, furniture];
      },
      new RegExp(`^article "${DW}" passage 0 points at a furniture block, not body text$`),
    );
  });

  it('rebuilds when a passage runs past its block or its text', () => {
    expectRebuilt(
      (snap) => {
        const a = snap.articles.find((x) => x.id === DW)!;
        a.passages[1]![1] = 10_000_000;
      },
      new RegExp(`^article "${DW}" passage 1 \\(\\d+-10000000\\) is outside its body block \\(\\d+-\\d+\\)$`),
    );
    expectRebuilt(
      (snap) => {
        const a = snap.articles.find((x) => x.id === DW)!;
        a.blocks[a.blocks.length - 1]!.end = 10_000_000;
      },
      new RegExp(
        `^article "${DW}" block \\d+ \\(\\d+-10000000\\) is out of order or outside its \\d+-character text$`,
      ),
    );
    expectRebuilt((snap) => {
      const first = snap.articles[0]!;
      first.passages[0] = [-5, 3, first.passages[0]![2]!];
    }, /^article "[a-z0-9-]+" passage 0 is malformed$/);
  });

  it('rebuilds when the snapshot was cut from another version of an article', () => {
    // The key is this corpus's, but the blocks and passages are those of a different text.
    expectRebuilt(
      (snap) => {
        const a = snap.articles.find((x) => x.id === DW)!;
        a.sha256 = '0'.repeat(64);
      },
      new RegExp(`^article "${DW}" was cut from another text \\(sha256 differs\\)$`),
    );
  });

  it('rebuilds when the index does not hold the passages', () => {
    expectRebuilt((snap) => {
      snap.index.termsOf.pop();
    }, /^the index holds \d+ passages, the articles \d+$/);
  });
});
