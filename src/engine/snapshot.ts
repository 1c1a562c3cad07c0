/**
 * A saved engine for large corpora: the prepared passages and the built index, written beside
 * the corpus in `.cache/` after a full load and used on the next start when nothing has changed.
 *
 * The snapshot is keyed by every metadata file's bytes (which carry each text's SHA-256) and by
 * the source of the code that prepares and indexes passages, so an edited article, an added one
 * or a changed furniture rule all make a fresh build. Article texts are still read and checked
 * against their hashes on every start: quotations are only ever sliced from verified bytes.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CorpusError,
  loadCorpus,
  parseMetadata,
  type Article,
  type Corpus,
  type Passage,
} from '../corpus/load.js';
import type { Block } from '../corpus/furniture.js';
import { Engine } from './index.js';
import type { IndexSnapshot } from './search.js';

/** Bumped when the snapshot's shape changes. */
const FORMAT = 1;

interface CorpusSnapshot {
  format: number;
  key: string;
  articles: Array<{ id: string; blocks: Block[]; passages: Array<[number, number, number]> }>;
  index: IndexSnapshot;
}

/** Where the snapshot of a corpus directory lives. */
export function snapshotDir(corpusDir: string): string {
  return join(corpusDir, '.cache');
}

/**
 * The file `npm run build` writes beside the compiled copy of this module: the {@link sourceCodeKey}
 * of the source it was compiled from, so that `node dist/…` and `tsx src/…` on the same source share
 * one snapshot instead of each rebuilding over the other's.
 */
export const BUILT_CODE_KEY_FILE = 'code-key.txt';

/** Every file under `dir`, recursively, as sorted relative paths (data files count as code here). */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) =>
      entry.isDirectory()
        ? filesUnder(join(dir, entry.name), `${prefix}${entry.name}/`)
        : entry.isFile()
          ? [`${prefix}${entry.name}`]
          : [],
    );
}

/** A digest of the code that decides passages and index contents: every file of `corpus/`, `engine/` and `text/` under `srcDir`. */
export function sourceCodeKey(srcDir: string): string {
  const hash = createHash('sha256');
  for (const sub of ['corpus', 'engine', 'text']) {
    const dir = join(srcDir, sub);
    for (const name of filesUnder(dir)) {
      // The build's own output is not an input: it would make the compiled key differ from the source's.
      if (sub === 'engine' && name === BUILT_CODE_KEY_FILE) continue;
      hash.update(name);
      hash.update(readFileSync(join(dir, name)));
    }
  }
  return hash.digest('hex');
}

let codeDigest: string | null = null;

/** The running code's key: the build's record when running compiled, else the digest of the source tree it runs from. */
function codeKey(): string {
  if (codeDigest) return codeDigest;
  const built = fileURLToPath(new URL(`./${BUILT_CODE_KEY_FILE}`, import.meta.url));
  // Without the build's record (dist/ compiled by hand), the compiled files themselves are hashed: still keyed on what runs.
  codeDigest = existsSync(built)
    ? readFileSync(built, 'utf8').trim()
    : sourceCodeKey(fileURLToPath(new URL('..', import.meta.url)));
  return codeDigest;
}

/** The key of a corpus directory's current state: its metadata files' names and bytes, and the code. */
export function corpusKey(corpusDir: string): string {
  const articles = join(corpusDir, 'articles');
  const hash = createHash('sha256').update(`format ${FORMAT}\n${codeKey()}\n`);
  for (const name of readdirSync(articles).sort()) {
    hash.update(name);
    if (name.endsWith('.json')) hash.update(readFileSync(join(articles, name)));
  }
  return hash.digest('hex').slice(0, 32);
}

/** Rebuilds the corpus from a snapshot, reading and verifying every article text. */
function restoreCorpus(corpusDir: string, snap: CorpusSnapshot): Corpus {
  const articlesDir = join(corpusDir, 'articles');
  const articles: Article[] = [];
  const byId = new Map<string, Article>();
  const passages: Passage[] = [];
  for (const saved of snap.articles) {
    const metaPath = join(articlesDir, `${saved.id}.json`);
    const meta = parseMetadata(readFileSync(metaPath, 'utf8'), metaPath);
    const textPath = join(articlesDir, `${saved.id}.txt`);
    const bytes = readFileSync(textPath);
    if (createHash('sha256').update(bytes).digest('hex') !== meta.sha256) {
      throw new CorpusError(
        metaPath,
        'sha256',
        `does not match ${textPath}; article text must not be edited once added`,
      );
    }
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    const own: Passage[] = saved.passages.map(([start, end, block], i) => ({
      id: passages.length + i,
      articleId: meta.id,
      block,
      start,
      end,
      text: text.slice(start, end),
    }));
    const article: Article = { meta, text, file: textPath, blocks: saved.blocks, passages: own };
    articles.push(article);
    byId.set(meta.id, article);
    passages.push(...own);
  }
  return { dir: corpusDir, articles, byId, passages };
}

/** Writes a snapshot atomically; a failure (read-only directory, full disk) only costs the speed-up. */
function writeSnapshot(corpusDir: string, key: string, engine: Engine): void {
  const dir = snapshotDir(corpusDir);
  const snap: CorpusSnapshot = {
    format: FORMAT,
    key,
    articles: engine.corpus.articles.map((a) => ({
      id: a.meta.id,
      blocks: a.blocks,
      passages: a.passages.map((p) => [p.start, p.end, p.block]),
    })),
    index: engine.indexSnapshot(),
  };
  try {
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `engine-${key}.json`);
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(snap));
    renameSync(tmp, file);
    for (const old of readdirSync(dir))
      if (old.startsWith('engine-') && old !== `engine-${key}.json` && !old.endsWith('.tmp'))
        rmSync(join(dir, old), { force: true });
  } catch {
    // Serving matters more than saving; the next start builds again.
  }
}

/** How an engine was obtained, for the log. */
export type SnapshotUse = 'restored' | 'built';

/**
 * Loads the engine for a corpus directory, from its snapshot when the corpus and the code are
 * unchanged, else by a full load (which validates everything) followed by a fresh snapshot.
 * A damaged or stale snapshot is ignored, never trusted.
 */
export function loadEngineFast(corpusDir: string): { engine: Engine; source: SnapshotUse } {
  const key = corpusKey(corpusDir);
  const file = join(snapshotDir(corpusDir), `engine-${key}.json`);
  if (existsSync(file)) {
    try {
      const snap = JSON.parse(readFileSync(file, 'utf8')) as CorpusSnapshot;
      if (snap.format === FORMAT && snap.key === key) {
        const corpus = restoreCorpus(corpusDir, snap);
        return { engine: new Engine(corpus, undefined, snap.index), source: 'restored' };
      }
    } catch (error) {
      // A text edited under an unchanged hash is a real corpus error; anything else is a bad cache.
      if (error instanceof CorpusError) throw error;
    }
  }
  const engine = new Engine(loadCorpus(corpusDir));
  writeSnapshot(corpusDir, key, engine);
  return { engine, source: 'built' };
}
