import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { z } from 'zod';
import { ArticleMetadata } from './schema.js';
import { classifyBlocks, type Block } from './furniture.js';
import { splitParagraphs, splitSentences, type Span } from './segment.js';
import { comparable } from '../text/normalize.js';

/** An error in the corpus, naming the file and, where one is at fault, the field. */
export class CorpusError extends Error {
  constructor(
    readonly file: string,
    readonly field: string | null,
    detail: string,
  ) {
    super(`corpus: ${file}${field ? `: field "${field}"` : ''}: ${detail}`);
    this.name = 'CorpusError';
  }
}

/** One sentence-level passage of body text: the unit that is indexed and cited. */
export interface Passage extends Span {
  /** Position in the whole corpus's passage list. */
  id: number;
  articleId: string;
  /** Index of the paragraph (block) the passage stands in. */
  block: number;
  /** The exact text, `article.text.slice(start, end)`. */
  text: string;
}

/** An article with its text and everything derived from it for indexing. */
export interface Article {
  meta: ArticleMetadata;
  /** The text exactly as stored, byte for byte. */
  text: string;
  /** Path of the text file, relative to the working directory, for messages. */
  file: string;
  blocks: Block[];
  passages: Passage[];
}

/** A loaded, validated corpus. */
export interface Corpus {
  dir: string;
  articles: Article[];
  byId: Map<string, Article>;
  passages: Passage[];
  /**
   * Files in the articles directory that are not part of the corpus and were left out: what an
   * interrupted `corpus:add` leaves behind (a text without its metadata, a hidden staging file).
   * One sentence each, naming the file; shown by `corpus:check` and logged by the bot.
   */
  leftovers?: string[];
}

/** A staging file of an add that did not finish: `.<id>.txt.<pid>-<hex>.tmp`. */
const STAGING = /^\..+\.(?:txt|json)\.\d+-[0-9a-f]+\.tmp$/;

/** Decodes UTF-8 strictly: a file in another encoding is an error, not mojibake. */
function decodeUtf8(bytes: Buffer, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CorpusError(file, null, 'is not valid UTF-8 text; save it as UTF-8 and run the check again');
  }
}

function fieldOf(issue: z.core.$ZodIssue): string {
  return issue.path.length > 0 ? issue.path.join('.') : '(root)';
}

/** Parses and validates one metadata document, naming the first bad field. */
export function parseMetadata(json: string, file: string): ArticleMetadata {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (err) {
    throw new CorpusError(file, null, `is not valid JSON (${(err as Error).message})`);
  }
  const parsed = ArticleMetadata.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const extra =
      parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more problem(s))` : '';
    throw new CorpusError(file, fieldOf(issue), `${issue.message}${extra}`);
  }
  return parsed.data;
}

const DATE_FORMATS = (iso: string): string[] => {
  const d = new Date(`${iso}T00:00:00Z`);
  const month = d.toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
  const day = d.getUTCDate();
  const year = d.getUTCFullYear();
  return [`${month} ${day}, ${year}`, `${day} ${month} ${year}`, iso];
};

/**
 * Checks the honesty rule: a metadata value the text itself does not state needs an
 * `inferred` note saying how it was worked out (and a missing value one saying why).
 */
export function checkStatedOrInferred(meta: ArticleMetadata, text: string, file: string): void {
  const folded = comparable(text);
  const stated = {
    outlet: meta.outlet !== null && folded.includes(comparable(meta.outlet)),
    title: meta.title !== null && folded.includes(comparable(meta.title)),
    published:
      meta.published !== null &&
      meta.published.length === 10 &&
      DATE_FORMATS(meta.published).some((f) => folded.includes(comparable(f))),
  };
  for (const field of ['outlet', 'title', 'published'] as const) {
    if (!stated[field] && meta.inferred[field] === undefined) {
      const value = meta[field];
      throw new CorpusError(
        file,
        `inferred.${field}`,
        value === null
          ? `${field} is null; say why it is unknown in inferred.${field}`
          : `${field} "${value}" is not stated in the article text; say how it was inferred in inferred.${field}`,
      );
    }
  }
}

/** Builds blocks and sentence passages for one article. */
export function prepareArticle(
  meta: ArticleMetadata,
  text: string,
  file: string,
  firstPassageId = 0,
): Article {
  if (text.trim().length === 0) throw new CorpusError(file, null, 'is empty');
  const blocks = classifyBlocks(text, splitParagraphs(text), meta);
  const passages: Passage[] = [];
  blocks.forEach((block, b) => {
    if (block.kind !== 'body') return;
    for (const s of splitSentences(text, block)) {
      passages.push({
        id: firstPassageId + passages.length,
        articleId: meta.id,
        block: b,
        start: s.start,
        end: s.end,
        text: text.slice(s.start, s.end),
      });
    }
  });
  if (passages.length === 0)
    throw new CorpusError(file, null, 'has no body text left once headings and page furniture are set aside');
  return { meta, text, file, blocks, passages };
}

/** Reads one article from its metadata file and the text file beside it, checking both. */
export function readArticle(
  metaPath: string,
  firstPassageId = 0,
  taken: ReadonlyMap<string, string> = new Map(),
): Article {
  const metaFile = relative(process.cwd(), metaPath) || metaPath;
  const meta = parseMetadata(decodeUtf8(readFileSync(metaPath), metaFile), metaFile);
  const owner = taken.get(meta.id);
  if (owner !== undefined)
    throw new CorpusError(metaFile, 'id', `duplicate id "${meta.id}": ${owner} already uses it`);
  const expected = `${meta.id}.json`;
  if (basename(metaPath) !== expected)
    throw new CorpusError(
      metaFile,
      'id',
      `"${meta.id}" does not match the file name; name the file ${expected}`,
    );
  const textPath = metaPath.replace(/\.json$/, '.txt');
  const textFile = relative(process.cwd(), textPath) || textPath;
  if (!existsSync(textPath)) throw new CorpusError(metaFile, null, `its article text ${textFile} is missing`);
  const bytes = readFileSync(textPath);
  const digest = createHash('sha256').update(bytes).digest('hex');
  if (digest !== meta.sha256) {
    throw new CorpusError(
      metaFile,
      'sha256',
      `does not match ${textFile} (its bytes hash to ${digest}); article text must not be edited once added`,
    );
  }
  const text = decodeUtf8(bytes, textFile);
  checkStatedOrInferred(meta, text, metaFile);
  return prepareArticle(meta, text, textFile, firstPassageId);
}

/**
 * Files in `<dir>/articles` that are not part of the corpus, one sentence each naming the file:
 * a text without its metadata and hidden staging files, which is what an interrupted
 * `corpus:add` leaves. They are left out, never a reason to refuse the corpus.
 */
export function corpusLeftovers(dir: string): string[] {
  const articlesDir = join(dir, 'articles');
  if (!existsSync(articlesDir)) return [];
  const names = readdirSync(articlesDir).sort();
  const present = new Set(names);
  const out: string[] = [];
  for (const name of names) {
    const file = relative(process.cwd(), join(articlesDir, name)) || name;
    const meta = name.replace(/\.txt$/, '.json');
    // corpus:add writes the text first and the metadata last, so a text without metadata is an
    // add that never finished (or a text whose metadata was removed).
    if (name.endsWith('.txt') && !name.startsWith('.') && !present.has(meta))
      out.push(
        `${file}: left out, it has no metadata file ${meta} beside it (an interrupted corpus:add leaves this; add the article again or delete the file)`,
      );
    else if (STAGING.test(name))
      out.push(`${file}: left out, a staging file of a corpus:add that did not finish (safe to delete)`);
  }
  return out;
}

/**
 * Loads every article in a corpus directory (`<dir>/articles/<id>.json` + `<id>.txt`).
 * Any problem is a CorpusError: a corpus is loaded whole or not at all.
 */
export function loadCorpus(dir: string): Corpus {
  const articlesDir = join(dir, 'articles');
  if (!existsSync(articlesDir)) throw new CorpusError(articlesDir, null, 'directory not found');
  const names = readdirSync(articlesDir).sort();
  const leftovers = corpusLeftovers(dir);
  const articles: Article[] = [];
  const byId = new Map<string, Article>();
  const passages: Passage[] = [];
  const taken = new Map<string, string>();
  for (const name of names.filter((n) => n.endsWith('.json') && !n.startsWith('.'))) {
    const article = readArticle(join(articlesDir, name), passages.length, taken);
    taken.set(article.meta.id, article.file.replace(/\.txt$/, '.json'));
    articles.push(article);
    byId.set(article.meta.id, article);
    passages.push(...article.passages);
  }
  if (articles.length === 0) throw new CorpusError(articlesDir, null, 'holds no articles');
  return { dir, articles, byId, passages, leftovers };
}
