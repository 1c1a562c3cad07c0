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

/** Bumped when the snapshot's shape changes (2: the index carries its lexicon and languages, and each
 * article's hash so a restore can be checked against the corpus; 4: no minisearch index, the
 * postings are rebuilt from each passage's terms). */
const FORMAT = 4;

interface CorpusSnapshot {
  format: number;
  key: string;
  articles: Array<{
    id: string;
    /** The SHA-256 of the article text the blocks and passages were cut from. */
    sha256: string;
    blocks: Block[];
    passages: Array<[number, number, number]>;
  }>;
  index: IndexSnapshot;
}

/** Why a snapshot cannot be trusted: the restore falls back to a full build and logs this. */
class SnapshotMismatch extends Error {}

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
  // The word lists (aliases, irregular forms, places) decide the lexicon saved with the index.
  const data = join(srcDir, '..', 'data');
  if (existsSync(data))
    for (const name of filesUnder(data)) {
      hash.update(`data/${name}`);
      hash.update(readFileSync(join(data, name)));
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

const BLOCK_KINDS: ReadonlySet<string> = new Set(['body', 'heading', 'furniture']);

const isOffset = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;

/**
 * Checks one article's saved blocks and passages against its verified text: blocks in order,
 * within the text and not overlapping; every passage inside a body block (never furniture or a
 * heading), within bounds and not blank; at least one passage, as the loader requires.
 */
function checkArticle(saved: CorpusSnapshot['articles'][number], text: string): void {
  const where = `article "${saved.id}"`;
  if (!Array.isArray(saved.blocks) || !Array.isArray(saved.passages))
    throw new SnapshotMismatch(`${where} has no block or passage list`);
  let end = 0;
  saved.blocks.forEach((b, i) => {
    if (!b || !BLOCK_KINDS.has(b.kind) || !isOffset(b.start) || !isOffset(b.end))
      throw new SnapshotMismatch(`${where} block ${i} is malformed`);
    if (b.start < end || b.end <= b.start || b.end > text.length)
      throw new SnapshotMismatch(
        `${where} block ${i} (${b.start}-${b.end}) is out of order or outside its ${text.length}-character text`,
      );
    end = b.end;
  });
  if (saved.passages.length === 0) throw new SnapshotMismatch(`${where} has no passages`);
  saved.passages.forEach((p, i) => {
    if (!Array.isArray(p) || p.length !== 3 || !p.every(isOffset))
      throw new SnapshotMismatch(`${where} passage ${i} is malformed`);
    const [start, stop, blockIndex] = p;
    const block = saved.blocks[blockIndex];
    if (block?.kind !== 'body')
      throw new SnapshotMismatch(
        `${where} passage ${i} points at ${block ? `a ${block.kind} block` : `missing block ${blockIndex}`}, not body text`,
      );
    if (start < block.start || stop > block.end || stop <= start)
      throw new SnapshotMismatch(
        `${where} passage ${i} (${start}-${stop}) is outside its body block (${block.start}-${block.end})`,
      );
    if (text.slice(start, stop).trim().length === 0)
      throw new SnapshotMismatch(`${where} passage ${i} (${start}-${stop}) is blank`);
  });
}

/** Checks the saved index against the restored passages: one entry of terms per passage. */
function checkIndex(index: IndexSnapshot, passages: readonly Passage[]): void {
  if (
    !index ||
    !Array.isArray(index.termsOf) ||
    index.termsOf.length !== passages.length ||
    !index.termsOf.every((terms) => Array.isArray(terms))
  )
    throw new SnapshotMismatch(
      `the index holds ${Array.isArray(index?.termsOf) ? index.termsOf.length : 'no'} passages, the articles ${passages.length}`,
    );
}

/**
 * Rebuilds the corpus from a snapshot, reading and verifying every article text, and checking
 * that the snapshot is of this corpus: the same articles (the metadata files present, in the
 * loader's order), the same text hashes, and blocks, passages and index that fit those texts.
 * Throws SnapshotMismatch, saying what disagrees, when anything does; CorpusError when an
 * article text no longer matches its own metadata (a real corpus error, whatever the snapshot).
 */
function restoreCorpus(corpusDir: string, snap: CorpusSnapshot): Corpus {
  const articlesDir = join(corpusDir, 'articles');
  if (!Array.isArray(snap.articles) || snap.articles.length === 0)
    throw new SnapshotMismatch('it holds no articles');
  const present = readdirSync(articlesDir)
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((n) => n.replace(/\.json$/, ''));
  const saved = snap.articles.map((a) => a?.id);
  if (saved.join('\n') !== present.join('\n')) {
    const missing = present.filter((id) => !saved.includes(id));
    const extra = saved.filter((id) => !present.includes(id));
    throw new SnapshotMismatch(
      `its articles are not the corpus's${missing.length ? `; missing: ${missing.join(', ')}` : ''}${extra.length ? `; not in the corpus: ${extra.join(', ')}` : ''}${!missing.length && !extra.length ? '; out of order' : ''}`,
    );
  }
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
    if (saved.sha256 !== meta.sha256)
      throw new SnapshotMismatch(`article "${saved.id}" was cut from another text (sha256 differs)`);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    checkArticle(saved, text);
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
  checkIndex(snap.index, passages);
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
      sha256: a.meta.sha256,
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

/** What loadEngineFast did, and why it did not restore when a snapshot was there. */
export interface FastLoad {
  engine: Engine;
  source: SnapshotUse;
  /** Why a snapshot present for this corpus was not used ("it holds no articles"), else null. */
  rejected: string | null;
}

/**
 * Loads the engine for a corpus directory, from its snapshot when the corpus and the code are
 * unchanged and the snapshot checks out against the corpus (see restoreCorpus), else by a full
 * load (which validates everything) followed by a fresh snapshot. A damaged, stale or
 * mismatched snapshot is never served: `warn` is told why it was set aside.
 */
export function loadEngineFast(
  corpusDir: string,
  options: { warn?: (message: string, fields: Record<string, unknown>) => void } = {},
): FastLoad {
  const key = corpusKey(corpusDir);
  const file = join(snapshotDir(corpusDir), `engine-${key}.json`);
  let rejected: string | null = null;
  if (existsSync(file)) {
    try {
      const snap = JSON.parse(readFileSync(file, 'utf8')) as CorpusSnapshot;
      if (snap?.format !== FORMAT) rejected = `its format is ${String(snap?.format)}, not ${FORMAT}`;
      else if (snap.key !== key) rejected = 'its key is not the corpus key';
      else {
        const corpus = restoreCorpus(corpusDir, snap);
        return { engine: new Engine(corpus, undefined, snap.index), source: 'restored', rejected: null };
      }
    } catch (error) {
      // A text edited under an unchanged hash is a real corpus error; anything else is a bad cache.
      if (error instanceof CorpusError) throw error;
      rejected =
        error instanceof SnapshotMismatch ? error.message : `it does not load (${(error as Error).message})`;
    }
    options.warn?.('engine snapshot set aside; rebuilding from the articles', { file, reason: rejected });
  }
  const engine = new Engine(loadCorpus(corpusDir));
  writeSnapshot(corpusDir, key, engine);
  return { engine, source: 'built', rejected };
}
