/**
 * Adding an article to the corpus: read the input (plain text byte for byte, or a saved page
 * through html.ts), build its metadata (metadata.ts), refuse duplicates (duplicates.ts), validate
 * the corpus with it on a scratch copy, then write `<id>.txt` + `<id>.json` atomically.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  cpSync,
  existsSync,
  fsyncSync,
  openSync,
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
  corpusLeftovers,
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
import {
  SAME_STORY_OVERLAP,
  findDuplicate,
  mostSharedSentences,
  type SharedSentences,
} from './duplicates.js';
import { comparable } from '../text/normalize.js';

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
  /** The article as the corpus holds it once added: its blocks (with reasons) and passages. */
  article: Article;
  /**
   * The whole corpus with the article in it, as validated before writing: what a surface needs
   * to list the article's quotations with their speakers (found across the corpus).
   */
  corpus: Corpus;
  /** Files in the articles directory left out of the corpus (see corpusLeftovers). */
  leftovers: string[];
  /**
   * Added without --same-story although an article of the corpus prints 30% of its sentences or
   * more (the same wire story edited by another outlet, most likely): that article and the count.
   */
  sharesSentencesWith: SharedSentences | null;
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

/** The points of an add's write, in order; a test can stop the process at any of them. */
export type AddStep = 'staged' | 'text placed' | 'metadata placed';

/** Writes bytes to a new file and flushes them to disk before returning. */
function writeDurably(path: string, data: Buffer | string): void {
  const fd = openSync(path, 'wx');
  try {
    writeFileSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Puts an article's two files in place so that a crash at any point leaves either the corpus
 * as it was or the article complete. Both are staged under hidden names in the same directory
 * and flushed; then the text is put in place, then the metadata. The metadata is the commit
 * point: the loader reads articles by their metadata, and reports a text without one (what a
 * crash between the two steps leaves) as a leftover instead of refusing the corpus. A text left
 * over from an earlier interrupted add of the same id is replaced.
 */
function writeArticle(
  textPath: string,
  text: Buffer,
  metaPath: string,
  metaJson: string,
  onStep: (step: AddStep) => void,
): void {
  const suffix = `.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  const stage = (path: string) => join(dirname(path), `.${basename(path)}${suffix}`);
  const textTemp = stage(textPath);
  const metaTemp = stage(metaPath);
  let textPlaced = false;
  try {
    writeDurably(textTemp, text);
    writeDurably(metaTemp, metaJson);
    onStep('staged');
    renameSync(textTemp, textPath);
    textPlaced = true;
    onStep('text placed');
    // A hard link fails instead of overwriting if another add of the same id got there first.
    linkSync(metaTemp, metaPath);
    unlinkSync(metaTemp);
    onStep('metadata placed');
  } catch (err) {
    rmSync(textTemp, { force: true });
    rmSync(metaTemp, { force: true });
    if (textPlaced && !existsSync(metaPath)) rmSync(textPath, { force: true });
    throw err;
  }
  // Make the renames themselves durable.
  try {
    const dirFd = openSync(dirname(metaPath), 'r');
    try {
      fsyncSync(dirFd);
    } finally {
      closeSync(dirFd);
    }
  } catch {
    // Some file systems cannot sync a directory; the files themselves are already flushed.
  }
}

/** Whether two articles' metadata name the same outlet (case, accents and spacing aside). */
function sameOutlet(a: { outlet: string | null }, b: { outlet: string | null }): boolean {
  return a.outlet !== null && b.outlet !== null && comparable(a.outlet) === comparable(b.outlet);
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
  options: {
    dryRun?: boolean;
    /** `--approximate`: the publication date is an estimate. */
    approximate?: boolean;
    /**
     * `--same-story`: the input is the same story as an article already in the corpus (wire
     * copy carried by another outlet). Instead of being refused as a duplicate it is added,
     * recorded in `sameStoryAs`, and shown with its twin in answers.
     */
    sameStory?: boolean;
    /** Called after each step of the write; for tests that simulate a crash between steps. */
    onStep?: (step: AddStep) => void;
  } = {},
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
      flags: { approximate: options.approximate === true },
    });
  } catch (err) {
    throw corpusProblem(err, inputFile);
  }
  const { meta, text } = built;
  const textPath = join(articlesDir, `${meta.id}.txt`);
  const metaPath = join(articlesDir, `${meta.id}.json`);
  let metaJson = `${JSON.stringify(meta, null, 2)}\n`;

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
  let sharesSentencesWith: SharedSentences | null = null;
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
    const shared = dup ? null : mostSharedSentences(existing, article);
    if (!options.sameStory && shared && shared.shared / shared.total >= SAME_STORY_OVERLAP)
      sharesSentencesWith = { ...shared, file: display(shared.file) };
    const twin = dup
      ? existing.byId.get(dup.id)
      : shared && options.sameStory
        ? existing.byId.get(shared.id)
        : undefined;
    if (dup && options.sameStory && twin && !/same URL/.test(dup.reason)) {
      if (sameOutlet(twin.meta, meta))
        throw new IngestError(
          inputFile,
          `duplicates article "${dup.id}" (${dup.file}), which ${dup.reason}, from the same outlet (${meta.outlet}); --same-story is for the same story from another outlet`,
        );
      meta.sameStoryAs = [dup.id];
      metaJson = `${JSON.stringify(meta, null, 2)}\n`;
    } else if (!dup && options.sameStory) {
      // Below the duplicate threshold, --same-story names the article printing most of its
      // sentences; with none printing enough, the flag is refused rather than silently ignored.
      if (!shared || !twin || shared.shared / shared.total < SAME_STORY_OVERLAP)
        throw new IngestError(
          inputFile,
          `--same-story: no article in the corpus prints its sentences (${shared ? `the most any prints is ${shared.shared} of its ${shared.total}, in "${shared.id}"` : 'none prints any'}); add it without --same-story`,
        );
      if (sameOutlet(twin.meta, meta))
        throw new IngestError(
          inputFile,
          `shares ${shared.shared} of its ${shared.total} sentences with article "${shared.id}" (${display(shared.file)}) from the same outlet (${meta.outlet}); --same-story is for the same story from another outlet`,
        );
      meta.sameStoryAs = [shared.id];
      metaJson = `${JSON.stringify(meta, null, 2)}\n`;
    } else if (dup)
      throw new IngestError(
        inputFile,
        `duplicates article "${dup.id}" (${dup.file}), which ${dup.reason}${/same URL/.test(dup.reason) ? '' : '; if it is the same story from another outlet, add it with --same-story'}`,
      );
  }
  // A text without its metadata is a leftover of an interrupted add, not an article: it is replaced.
  if (existsSync(metaPath))
    throw new IngestError(
      inputFile,
      `id "${meta.id}" is taken: ${display(metaPath)} exists; choose another with --id`,
    );

  // Load the whole corpus with the new article from a scratch copy: whatever the loader would
  // reject later is rejected now, before the real directory is touched.
  const scratch = mkdtempSync(join(tmpdir(), 'corpus-add-'));
  let withArticle: Corpus;
  try {
    const scratchArticles = join(scratch, 'articles');
    cpSync(articlesDir, scratchArticles, { recursive: true });
    writeFileSync(join(scratchArticles, `${meta.id}.txt`), input.bytes);
    writeFileSync(join(scratchArticles, `${meta.id}.json`), metaJson);
    try {
      withArticle = loadCorpus(scratch);
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
      writeArticle(textPath, input.bytes, metaPath, metaJson, options.onStep ?? (() => {}));
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
    article: withArticle.byId.get(meta.id) ?? article,
    corpus: withArticle,
    leftovers: corpusLeftovers(corpusDir),
    sharesSentencesWith,
  };
}
