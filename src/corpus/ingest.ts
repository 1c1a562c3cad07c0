/**
 * Adding an article to the corpus: read the input (plain text byte for byte, or a saved page
 * through html.ts), build its metadata (metadata.ts), refuse duplicates (duplicates.ts), validate
 * the corpus with it on a scratch copy, then write `<id>.txt` + `<id>.json` atomically.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  cpSync,
  existsSync,
  linkSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import type { ArticleMetadata } from './schema.js';
import {
  CorpusError,
  checkStatedOrInferred,
  loadCorpus,
  parseMetadata,
  prepareArticle,
  type Article,
  type Corpus,
} from './load.js';
import { extractFromHtml, type ExtractedPage } from './html.js';
import {
  IngestError,
  buildArticle,
  validateOverrides,
  type BuiltArticle,
  type Overrides,
} from './metadata.js';
import { findDuplicate } from './duplicates.js';

/** One source field in the report: its value and, when the text does not state it, how it was worked out. */
export interface ReportedField {
  value: string | null;
  /** The `inferred` note, or null when the article text states the value itself. */
  inferred: string | null;
}

/** What `addArticle` did (or, on a dry run, would do). */
export interface AddReport {
  id: string;
  dryRun: boolean;
  /** Paths of the text and metadata files, relative to the working directory. */
  textFile: string;
  metaFile: string;
  outlet: ReportedField;
  title: ReportedField;
  published: ReportedField;
  url: ReportedField;
  language: { value: string; from: string };
  /** Sentence passages that will be indexed and can be cited. */
  passages: number;
  /** Blocks kept as headings (searchable for quotations, never cited). */
  headings: number;
  /** Blocks set aside as page furniture, with the rule that caught each. */
  furniture: Array<{ reason: string; excerpt: string }>;
  /** Pairs of quotation marks (curly or straight) in the body text. */
  quotations: number;
  meta: ArticleMetadata;
}

function display(path: string): string {
  return relative(process.cwd(), path) || path;
}

/** Reads an input file: plain text byte for byte, or a saved page through extractFromHtml. */
function readInput(
  inputFile: string,
  overrides: Overrides,
): { bytes: Buffer; text: string; page: ExtractedPage | null } {
  const ext = extname(inputFile).toLowerCase();
  if (!['.txt', '.html', '.htm'].includes(ext)) {
    throw new IngestError(
      inputFile,
      `unsupported file type "${ext || '(none)'}"; give a .txt, .html or .htm file`,
    );
  }
  if (!existsSync(inputFile)) throw new IngestError(inputFile, 'file not found');
  if (statSync(inputFile).isDirectory()) throw new IngestError(inputFile, 'is a directory, not a file');
  const bytes = readFileSync(inputFile);
  if (ext === '.txt') {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new IngestError(inputFile, 'is not valid UTF-8 text; save it as UTF-8 and try again');
    }
    return { bytes, text, page: null };
  }
  // Valid UTF-8 is taken as UTF-8 whatever the page declares (saved pages often lack or misstate
  // their charset, and jsdom would then fall back to windows-1252); anything else is left to
  // jsdom's sniffing of the declared encoding.
  let html: string | Buffer = bytes;
  try {
    html = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // not UTF-8: keep the bytes
  }
  const page = extractFromHtml(html, overrides.url);
  if (page.text.trim() === '') throw new IngestError(inputFile, 'no article text found in the page');
  return { bytes: Buffer.from(page.text, 'utf8'), text: page.text, page };
}

/** Re-words a CorpusError for the `corpus:add: <file>:` prefix, mapping temporary paths back. */
function corpusProblem(err: unknown, file: string, paths: Array<[string, string]> = []): IngestError {
  if (!(err instanceof Error)) return new IngestError(file, String(err));
  let message = err instanceof CorpusError ? err.message.replace(/^corpus: /, '') : err.message;
  for (const [from, to] of paths) message = message.split(from).join(to);
  return new IngestError(file, message);
}

function excerpt(s: string, max = 60): string {
  const f = s.replace(/\s+/g, ' ').trim();
  return f.length > max ? `${f.slice(0, max - 1).trimEnd()}…` : f;
}

function countQuotations(article: Article): number {
  let n = 0;
  for (const b of article.blocks) {
    if (b.kind !== 'body') continue;
    const s = article.text.slice(b.start, b.end);
    n += (s.match(/\u201C[^\u201C\u201D]*\u201D/g) ?? []).length + (s.match(/"[^"]*"/g) ?? []).length;
  }
  return n;
}

/** Writes the files under temporary names in the same directory, then renames them into place. */
function writeAtomically(files: Array<{ path: string; data: Buffer | string }>): void {
  const suffix = `.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  const staged = files.map((f) => ({ ...f, temp: join(dirname(f.path), `.${basename(f.path)}${suffix}`) }));
  const placed: string[] = [];
  try {
    for (const f of staged) writeFileSync(f.temp, f.data, { flag: 'wx' });
    for (const f of staged) {
      // A hard link fails instead of overwriting if another add got there first.
      try {
        linkSync(f.temp, f.path);
        unlinkSync(f.temp);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw err;
        if (existsSync(f.path)) throw err;
        renameSync(f.temp, f.path);
      }
      placed.push(f.path);
    }
  } catch (err) {
    for (const f of staged) rmSync(f.temp, { force: true });
    for (const p of placed) rmSync(p, { force: true });
    throw err;
  }
}

/**
 * Adds one article to a corpus directory from a `.txt` file (kept byte for byte) or a saved
 * `.html`/`.htm` page (extracted). Builds and validates the metadata, refuses duplicates and
 * taken ids, loads the corpus with the new article from a temporary copy, and only then writes
 * `<id>.txt` and `<id>.json` atomically. On any problem it throws IngestError and leaves the
 * directory as it was. With `dryRun` it writes nothing and reports what it would add.
 */
export function addArticle(
  corpusDir: string,
  inputFile: string,
  overrides: Overrides = {},
  options: { dryRun?: boolean } = {},
): AddReport {
  const flags = validateOverrides(overrides, inputFile);
  const articlesDir = resolve(corpusDir, 'articles');
  if (!existsSync(articlesDir) || !statSync(articlesDir).isDirectory()) {
    throw new IngestError(
      inputFile,
      `corpus directory ${display(articlesDir)} not found (choose one with --corpus)`,
    );
  }

  const input = readInput(inputFile, flags);
  if (input.text.trim() === '') throw new IngestError(inputFile, 'is empty');
  let built: BuiltArticle;
  try {
    built = buildArticle({
      text: input.text,
      meta: input.page?.meta ?? null,
      from: input.page?.from,
      overrides: flags,
      sourceFile: inputFile,
      sha256: createHash('sha256').update(input.bytes).digest('hex'),
    });
  } catch (err) {
    throw corpusProblem(err, inputFile);
  }
  const { meta, text } = built;
  const textPath = join(articlesDir, `${meta.id}.txt`);
  const metaPath = join(articlesDir, `${meta.id}.json`);
  const metaJson = `${JSON.stringify(meta, null, 2)}\n`;

  let article: Article;
  try {
    const parsed = parseMetadata(metaJson, display(metaPath));
    checkStatedOrInferred(parsed, text, display(metaPath));
    article = prepareArticle(parsed, text, display(textPath));
  } catch (err) {
    // The files do not exist yet, so a problem is the input's: drop their names from the message.
    throw corpusProblem(err, inputFile, [
      [`${display(textPath)}: `, ''],
      [`${display(metaPath)}: `, ''],
    ]);
  }

  const hasArticles = readdirSync(articlesDir).some((n) => n.endsWith('.json') || n.endsWith('.txt'));
  let existing: Corpus | null = null;
  if (hasArticles) {
    try {
      existing = loadCorpus(corpusDir);
    } catch (err) {
      throw new IngestError(
        inputFile,
        `the corpus in ${display(corpusDir)} does not load, so nothing can be added until it is fixed: ${corpusProblem(err, inputFile).message}`,
      );
    }
    const dup = findDuplicate(existing, article);
    if (dup)
      throw new IngestError(inputFile, `duplicates article "${dup.id}" (${dup.file}), which ${dup.reason}`);
  }
  for (const path of [metaPath, textPath]) {
    if (existsSync(path))
      throw new IngestError(
        inputFile,
        `id "${meta.id}" is taken: ${display(path)} exists; choose another with --id`,
      );
  }

  // Load the whole corpus with the new article from a scratch copy: whatever the loader would
  // reject later is rejected now, before the real directory is touched.
  const scratch = mkdtempSync(join(tmpdir(), 'corpus-add-'));
  try {
    const scratchArticles = join(scratch, 'articles');
    cpSync(articlesDir, scratchArticles, { recursive: true });
    writeFileSync(join(scratchArticles, `${meta.id}.txt`), input.bytes);
    writeFileSync(join(scratchArticles, `${meta.id}.json`), metaJson);
    try {
      loadCorpus(scratch);
    } catch (err) {
      throw corpusProblem(err, inputFile, [
        [scratchArticles, display(articlesDir)],
        [display(scratchArticles), display(articlesDir)],
      ]);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }

  if (!options.dryRun) {
    try {
      writeAtomically([
        { path: textPath, data: input.bytes },
        { path: metaPath, data: metaJson },
      ]);
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      throw new IngestError(
        inputFile,
        e.code === 'EEXIST'
          ? `id "${meta.id}" was taken while adding; choose another with --id`
          : `could not write to ${display(articlesDir)}: ${e.message}`,
      );
    }
  }

  const field = (name: 'outlet' | 'title' | 'published' | 'url'): ReportedField => ({
    value: meta[name],
    inferred: meta.inferred[name] ?? null,
  });
  return {
    id: meta.id,
    dryRun: options.dryRun === true,
    textFile: display(textPath),
    metaFile: display(metaPath),
    outlet: field('outlet'),
    title: field('title'),
    published: field('published'),
    url: field('url'),
    language: { value: meta.language, from: built.languageFrom },
    passages: article.passages.length,
    headings: article.blocks.filter((b) => b.kind === 'heading').length,
    furniture: article.blocks
      .filter((b) => b.kind === 'furniture')
      .map((b) => ({ reason: b.reason ?? 'furniture', excerpt: excerpt(text.slice(b.start, b.end)) })),
    quotations: countQuotations(article),
    meta,
  };
}
