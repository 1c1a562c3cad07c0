/**
 * Adding an article to the corpus: text extraction from a saved web page, metadata with an
 * honest note for every value the text does not state, duplicate detection, validation
 * against the loader, and an atomic write of `<id>.txt` + `<id>.json`.
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
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';
import { ArticleMetadata } from './schema.js';
import {
  CorpusError,
  checkStatedOrInferred,
  loadCorpus,
  parseMetadata,
  prepareArticle,
  type Article,
  type Corpus,
} from './load.js';
import { comparable, foldDiacritics, foldQuotes } from '../text/normalize.js';
import { STOP_WORDS } from '../text/stopwords.js';

/** A problem with one input file or one flag; the message says what is wrong, without the file name. */
export class IngestError extends Error {
  constructor(
    /** The input file as given on the command line. */
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'IngestError';
  }
}

/** Source fields read from a page; null where the page does not give them. */
export interface PageMetadata {
  outlet: string | null;
  title: string | null;
  /** ISO date YYYY-MM-DD. */
  published: string | null;
  url: string | null;
  /** BCP 47 tag, primary subtag lower-cased. */
  language: string | null;
}

/** The fields of PageMetadata, one name each. */
export type PageField = keyof PageMetadata;

/** For each field found, where on the page it came from ("the page's og:title meta tag"); null where not found. */
export type PageProvenance = Record<PageField, string | null>;

/** The result of extracting an article from a saved web page. */
export interface ExtractedPage {
  /** Plain text: one paragraph per block, blank line between blocks, ending in a newline. */
  text: string;
  meta: PageMetadata;
  from: PageProvenance;
}

/** Values supplied on the command line; each wins over what the page says. */
export interface Overrides {
  id?: string;
  outlet?: string;
  title?: string;
  published?: string;
  url?: string;
  language?: string;
}

/** A metadata document and the exact text it describes, ready to be written. */
export interface BuiltArticle {
  meta: ArticleMetadata;
  text: string;
  /** How the language was decided, for the report (the schema has no `inferred.language`). */
  languageFrom: string;
}

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

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const LANGUAGE_PATTERN = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
const MAX_ID_LENGTH = 80;
const DEFAULT_LANGUAGE = 'en';
/** Share of a new article's sentences found in one existing article that makes it a duplicate. */
const SENTENCE_OVERLAP = 0.9;

// ---------------------------------------------------------------------------------------------
// Small value helpers

/** Is `s` a real calendar date written YYYY-MM-DD? */
function isRealDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/**
 * Turns a page's date-time into an ISO date. A leading YYYY-MM-DD is taken as written, because
 * converting "2022-02-17T23:30:00-05:00" to UTC would move the story to the next day.
 */
export function isoDateOf(value: string): string | null {
  const v = value.trim();
  const leading = /^(\d{4}-\d{2}-\d{2})(?:$|[T\s])/.exec(v);
  if (leading) return isRealDate(leading[1]!) ? leading[1]! : null;
  if (!/[a-z]/i.test(v) || !/\d{4}/.test(v)) return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
}

/** A URL the schema accepts and a reader can open: absolute http(s) only. */
function httpUrl(href: string, base?: string): string | null {
  try {
    const u = new URL(href.trim(), base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return ArticleMetadata.shape.url.safeParse(u.href).success ? u.href : null;
  } catch {
    return null;
  }
}

/** Lower-cases the primary subtag and turns "en_GB" into "en-GB"; null when it is not a tag. */
function languageTag(value: string): string | null {
  const parts = value.trim().replace(/_/g, '-').split('-');
  parts[0] = (parts[0] ?? '').toLowerCase();
  const tag = parts.join('-');
  return LANGUAGE_PATTERN.test(tag) ? tag : null;
}

/**
 * The form of a URL used to spot the same page twice: no fragment, no utm_* tracking
 * parameters, no trailing slash on the path.
 */
export function normaliseUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url.trim();
  }
  u.hash = '';
  for (const key of [...u.searchParams.keys()]) if (/^utm_/i.test(key)) u.searchParams.delete(key);
  if (u.pathname.length > 1) u.pathname = u.pathname.replace(/\/+$/, '');
  let s = u.href;
  if (s.endsWith('?')) s = s.slice(0, -1);
  return s.replace(/\/$/, '');
}

/** Lower-case words joined by hyphens, diacritics and apostrophes dropped. */
export function slugify(s: string): string {
  return foldDiacritics(foldQuotes(s))
    .toLowerCase()
    .replace(/'/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function fold(s: string): string {
  return s.replace(/[ \t\n\r\f\v]+/g, ' ').trim();
}

function display(path: string): string {
  return relative(process.cwd(), path) || path;
}

// ---------------------------------------------------------------------------------------------
// HTML extraction

/**
 * Elements that are never article text, wherever they stand. `form` is not among them: some
 * sites wrap their whole page in one.
 */
const NEVER_TEXT =
  'script, style, noscript, template, iframe, object, embed, svg, canvas, button, select, input, textarea';
/** Page furniture removed before Readability looks for the article. */
const FURNITURE =
  'nav, aside, figure, figcaption, footer, [role="navigation"], [role="complementary"], [role="contentinfo"]';
/** class/id words that mark a block of links to other stories or sharing tools. */
const FURNITURE_NAME =
  /(?:^|[\s_-])(?:related|recommend(?:ed|ations)?|read-?more|more-stories|newsletter|share-?(?:bar|tools|buttons|links)|social(?:-links|-share)?|breadcrumbs?|promo)(?:$|[\s_-])/i;
const FURNITURE_HEADING =
  /^(?:related(?: stories| articles| content| news| coverage)?|more (?:on this|from|stories|news)|read (?:more|next|also)|recommended|most (?:read|viewed|popular)|you may (?:also )?like|latest (?:news|stories)|top stories)\b/i;
const BLOCK_TAGS = new Set([
  'P',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'BLOCKQUOTE',
  'PRE',
  'DD',
  'DT',
  'TD',
  'TH',
  'CAPTION',
]);
const CONTAINER_TAGS = new Set([
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'HEADER',
  'UL',
  'OL',
  'DL',
  'TABLE',
  'THEAD',
  'TBODY',
  'TFOOT',
  'TR',
  'BODY',
  'CENTER',
  'DETAILS',
  'SUMMARY',
  'ADDRESS',
  'HGROUP',
]);

/** True for a block of links to other stories, however the page marks it up. */
function isFurnitureBlock(el: Element): boolean {
  if (el.matches(`${NEVER_TEXT}, ${FURNITURE}`)) return true;
  // Class names on the page's outer elements describe the whole page ("article related-topics"),
  // not a sidebar inside it.
  if (['HTML', 'BODY', 'MAIN', 'ARTICLE'].includes(el.tagName)) return false;
  const name = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  if (FURNITURE_NAME.test(name)) return true;
  const first = el.firstElementChild;
  return (
    first !== null &&
    (el.tagName === 'DIV' || el.tagName === 'SECTION') &&
    /^H[2-6]$/.test(first.tagName) &&
    FURNITURE_HEADING.test(fold(first.textContent ?? '')) &&
    fold(first.textContent ?? '').split(' ').length <= 6
  );
}

/** Removes furniture and the page's own header (logo, menus), keeping an article's header. */
function stripFurniture(doc: Document): void {
  for (const el of [...doc.querySelectorAll('*')]) {
    if (!el.isConnected) continue;
    if (isFurnitureBlock(el)) el.remove();
    else if (el.tagName === 'HEADER' && el.closest('article, main') === null) el.remove();
  }
}

/**
 * Flattens an element into paragraphs: each block element (p, headings, li, blockquote, …) is one
 * paragraph with its white space folded; inline text loose in a container becomes a paragraph too.
 */
function paragraphsOf(root: Element): string[] {
  const out: string[] = [];
  let inline = '';
  const flush = () => {
    const p = fold(inline);
    if (p) out.push(p);
    inline = '';
  };
  const containsBlock = (el: Element) =>
    [...el.querySelectorAll('*')].some((d) => BLOCK_TAGS.has(d.tagName) || CONTAINER_TAGS.has(d.tagName));
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      inline += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (isFurnitureBlock(el)) return;
    if (el.tagName === 'BR') {
      inline += ' ';
      return;
    }
    const isBlock = BLOCK_TAGS.has(el.tagName);
    if ((isBlock && containsBlock(el)) || CONTAINER_TAGS.has(el.tagName)) {
      flush();
      el.childNodes.forEach(walk);
      flush();
      return;
    }
    if (isBlock) {
      flush();
      el.childNodes.forEach(walk);
      flush();
      return;
    }
    el.childNodes.forEach(walk);
  };
  walk(root);
  flush();
  return out;
}

function metaContent(doc: Document, selector: string): string | null {
  const v = doc.querySelector(selector)?.getAttribute('content');
  return v && fold(v) ? fold(v) : null;
}

type JsonLdItem = Record<string, unknown>;

/** Every object in the page's JSON-LD blocks, @graph entries included; unreadable blocks are skipped. */
function jsonLdItems(doc: Document): JsonLdItem[] {
  const items: JsonLdItem[] = [];
  const visit = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      items.push(v as JsonLdItem);
      const graph = (v as JsonLdItem)['@graph'];
      if (graph) visit(graph);
    }
  };
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // A malformed block says nothing reliable; the other sources still apply.
    }
  }
  return items;
}

/** The page's article in JSON-LD, and every JSON-LD object by its @id for resolving references. */
function jsonLdArticle(doc: Document): { article: JsonLdItem | null; byId: Map<string, JsonLdItem> } {
  const items = jsonLdItems(doc);
  const typeOf = (i: JsonLdItem) => [i['@type']].flat().map(String).join(' ');
  const byId = new Map<string, JsonLdItem>();
  for (const i of items) if (typeof i['@id'] === 'string' && Object.keys(i).length > 1) byId.set(i['@id'], i);
  const article =
    items.find((i) => /(?:^|\s)(?:\w*Article|Report|BlogPosting)(?:\s|$)/.test(typeOf(i))) ??
    items.find((i) => typeof i.headline === 'string' || typeof i.datePublished === 'string') ??
    null;
  return { article, byId };
}

function jsonLdString(v: unknown): string | null {
  if (typeof v === 'string' && fold(v)) return fold(v);
  if (Array.isArray(v)) return jsonLdString(v[0]);
  return null;
}

function jsonLdPublisher(item: JsonLdItem | null, byId: Map<string, JsonLdItem>): string | null {
  if (!item) return null;
  let publisher = [item.publisher].flat()[0];
  if (!publisher || typeof publisher !== 'object') return null;
  const ref = (publisher as JsonLdItem)['@id'];
  // A @graph usually gives the publisher once and points to it: {"publisher": {"@id": "#org"}}.
  if ((publisher as JsonLdItem).name === undefined && typeof ref === 'string') publisher = byId.get(ref);
  return publisher && typeof publisher === 'object' ? jsonLdString((publisher as JsonLdItem).name) : null;
}

/** Cuts a " | Site" or " - Site" suffix that repeats the outlet (or, after a pipe, any short site name). */
function stripTitleSuffix(title: string, outlet: string | null): { title: string; suffix: string | null } {
  const m = /^(.*\S)\s+([|\u2013\u2014-]|::)\s+([^|\u2013\u2014]+)$/.exec(title);
  if (!m) return { title, suffix: null };
  const [, head, sep, tail] = m as unknown as [string, string, string, string];
  const isOutlet = outlet !== null && comparable(tail) === comparable(outlet);
  const shortSiteName = sep === '|' && tail.split(/\s+/).length <= 5;
  return isOutlet || shortSiteName ? { title: head, suffix: `${sep} ${tail}` } : { title, suffix: null };
}

/**
 * Extracts an article from a saved web page with Mozilla Readability, and reads its source
 * fields from the page's metadata. Scripts are never run and no resource is fetched. Fields
 * the page does not give are null; `from` says where each found value came from.
 */
export function extractFromHtml(html: string | Buffer, pageUrl?: string): ExtractedPage {
  // jsdom neither runs scripts nor loads subresources unless asked; say so explicitly anyway,
  // and silence its console so a page's broken CSS does not print noise.
  const dom = new JSDOM(html, {
    url: pageUrl,
    runScripts: undefined,
    resources: undefined,
    virtualConsole: new VirtualConsole(),
  });
  const doc = dom.window.document;
  const { article: ld, byId: ldById } = jsonLdArticle(doc);

  // Metadata first: Readability rewrites the document as it works.
  const meta: PageMetadata = { outlet: null, title: null, published: null, url: null, language: null };
  const from: PageProvenance = { outlet: null, title: null, published: null, url: null, language: null };
  const take = (field: PageField, value: string | null, where: string) => {
    if (meta[field] === null && value !== null) {
      meta[field] = value;
      from[field] = where;
    }
  };

  take('outlet', metaContent(doc, 'meta[property="og:site_name"]'), "the page's og:site_name meta tag");
  take('outlet', metaContent(doc, 'meta[name="application-name"]'), "the page's application-name meta tag");
  take('outlet', jsonLdPublisher(ld, ldById), "the page's JSON-LD publisher.name");

  const h1 = doc.querySelector('article h1, main h1') ?? doc.querySelector('h1');
  const titleCandidates: Array<[string | null, string]> = [
    [metaContent(doc, 'meta[property="og:title"]'), "the page's og:title meta tag"],
    [jsonLdString(ld?.headline), "the page's JSON-LD headline"],
    [h1 && fold(h1.textContent ?? '') ? fold(h1.textContent ?? '') : null, "the page's <h1> heading"],
  ];

  const publishedCandidates: Array<[string | null, string]> = [
    [
      metaContent(doc, 'meta[property="article:published_time"]'),
      "the page's article:published_time meta tag",
    ],
    [jsonLdString(ld?.datePublished), "the page's JSON-LD datePublished"],
    [
      (doc.querySelector('article time[datetime]') ?? doc.querySelector('time[datetime]'))?.getAttribute(
        'datetime',
      ) ?? null,
      "the page's <time datetime> attribute",
    ],
  ];
  for (const [raw, where] of publishedCandidates) {
    const iso = raw === null ? null : isoDateOf(raw);
    take('published', iso, `${where} ("${raw}")`);
  }

  const canonical = doc.querySelector('link[rel~="canonical"]')?.getAttribute('href');
  take('url', canonical ? httpUrl(canonical, pageUrl) : null, "the page's <link rel=canonical>");
  const ogUrl = metaContent(doc, 'meta[property="og:url"]');
  take('url', ogUrl ? httpUrl(ogUrl, pageUrl) : null, "the page's og:url meta tag");

  const lang = doc.documentElement.getAttribute('lang');
  take('language', lang ? languageTag(lang) : null, "the page's <html lang> attribute");

  stripFurniture(doc);
  const article = new Readability<Node>(doc, { serializer: (node) => node }).parse();
  titleCandidates.push([
    article?.title ? fold(article.title) : null,
    "the page's <title> (as read by Readability)",
  ]);
  for (const [raw, where] of titleCandidates) {
    if (raw === null) continue;
    const { title, suffix } = stripTitleSuffix(raw, meta.outlet);
    take('title', title, suffix ? `${where}, without its "${suffix}" suffix` : where);
  }

  const content = article?.content;
  const root = content && content.nodeType === 1 ? (content as Element) : doc.body;
  const paragraphs = root ? paragraphsOf(root) : [];
  dom.window.close();
  return { text: paragraphs.length > 0 ? `${paragraphs.join('\n\n')}\n` : '', meta, from };
}

// ---------------------------------------------------------------------------------------------
// Metadata

const FLAG_OF: Record<keyof Overrides, string> = {
  id: '--id',
  outlet: '--outlet',
  title: '--title',
  published: '--published',
  url: '--url',
  language: '--language',
};

/**
 * Checks command-line values before anything is read, naming the flag at fault. Returns them
 * trimmed, with empty values refused rather than ignored.
 */
export function validateOverrides(overrides: Overrides, file: string): Overrides {
  const out: Overrides = {};
  for (const key of Object.keys(FLAG_OF) as Array<keyof Overrides>) {
    const raw = overrides[key];
    if (raw === undefined) continue;
    const v = raw.trim();
    const flag = FLAG_OF[key];
    if (v === '') throw new IngestError(file, `${flag} is empty; leave it out or give a value`);
    if (key === 'published') {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v))
        throw new IngestError(file, `${flag} "${raw}" is not a date in the form YYYY-MM-DD`);
      if (!isRealDate(v)) throw new IngestError(file, `${flag} "${raw}" is not a real date`);
    }
    if (key === 'url' && httpUrl(v) === null)
      throw new IngestError(file, `${flag} "${raw}" is not an absolute http(s) URL`);
    if (key === 'language' && !LANGUAGE_PATTERN.test(v))
      throw new IngestError(file, `${flag} "${raw}" is not a language tag such as "en" or "fr"`);
    if (key === 'id') {
      if (!ID_PATTERN.test(v))
        throw new IngestError(
          file,
          `${flag} "${raw}" must be lower-case letters and digits joined by single hyphens`,
        );
      if (v.length > MAX_ID_LENGTH * 1.5)
        throw new IngestError(file, `${flag} "${raw}" is longer than ${MAX_ID_LENGTH * 1.5} characters`);
    }
    out[key] = key === 'url' ? httpUrl(v)! : v;
  }
  return out;
}

/**
 * The id an article gets unless `--id` is given:
 * `<outlet or unnamed-outlet>-<date or undated>-<first topic words of the title or text>`.
 */
export function articleId(meta: Pick<PageMetadata, 'outlet' | 'title' | 'published'>, text: string): string {
  const prefix = `${slugify(meta.outlet ?? '') || 'unnamed-outlet'}-${meta.published ?? 'undated'}`;
  const source = meta.title ?? text.split(/\n\s*\n/).find((p) => p.trim()) ?? '';
  const words = slugify(source.slice(0, 400))
    .split('-')
    .filter((w) => w && !STOP_WORDS.has(w));
  let id = prefix;
  for (const w of words.slice(0, 6)) {
    if (id.length + 1 + w.length > MAX_ID_LENGTH) break;
    id += `-${w}`;
  }
  return id === prefix ? `${prefix}-article` : id;
}

/** Inputs of buildArticle. */
export interface BuildInput {
  /** The article text exactly as it will be stored. */
  text: string;
  /** What the page says; null for plain text, which carries no metadata. */
  meta: PageMetadata | null;
  /** Where each page value came from; needed when `meta` is given. */
  from?: PageProvenance;
  /** Validated command-line values (see validateOverrides). */
  overrides: Overrides;
  /** The input file's path, recorded as `collectedAs` by its base name. */
  sourceFile: string;
  /** The SHA-256 of the bytes to be stored; computed from `text` as UTF-8 when absent. */
  sha256?: string;
}

/**
 * Builds the metadata document for an article. Every source field the text does not state gets
 * an `inferred` note saying where the value came from (page tag, command-line flag) or that it is
 * unknown; the result passes `checkStatedOrInferred`.
 */
export function buildArticle(input: BuildInput): BuiltArticle {
  const { text, overrides, sourceFile } = input;
  const page = input.meta ?? { outlet: null, title: null, published: null, url: null, language: null };
  const from = input.from ?? { outlet: null, title: null, published: null, url: null, language: null };
  const isPage = input.meta !== null;

  const values = {
    outlet: overrides.outlet ?? page.outlet,
    title: overrides.title ?? page.title,
    published: overrides.published ?? page.published,
    url: overrides.url ?? page.url,
  };
  const notes: Record<keyof typeof values, string> = { outlet: '', title: '', published: '', url: '' };
  for (const field of Object.keys(values) as Array<keyof typeof values>) {
    if (overrides[field] !== undefined) notes[field] = `Supplied with ${FLAG_OF[field]} when added.`;
    else if (values[field] !== null && from[field]) notes[field] = `From ${from[field]}.`;
    else if (field === 'url')
      notes[field] = isPage
        ? 'The page gives no canonical address and none was supplied; unknown.'
        : 'Collected as plain text without its address; none supplied.';
    else
      notes[field] = isPage
        ? 'Not found in the page or supplied; unknown.'
        : 'Not stated in the text and not supplied when added; unknown.';
  }

  const language = overrides.language ?? page.language ?? DEFAULT_LANGUAGE;
  const languageFrom =
    overrides.language !== undefined
      ? 'supplied with --language'
      : page.language !== null
        ? `from ${from.language}`
        : `not declared; assumed "${DEFAULT_LANGUAGE}" (use --language to change)`;

  const id = overrides.id ?? articleId(values, text);
  const meta: ArticleMetadata = {
    id,
    outlet: values.outlet,
    title: values.title,
    published: values.published,
    url: values.url,
    language,
    sha256: input.sha256 ?? createHash('sha256').update(text, 'utf8').digest('hex'),
    collectedAs: basename(sourceFile),
    // A date from the page's publication metadata or from the editor is exact, not an estimate.
    ...(values.published !== null ? { publishedApprox: false } : {}),
    inferred: { ...notes },
    furnitureHints: [],
  };

  // A note is only for what the text does not state: ask the corpus's own rule, field by field.
  for (const field of ['outlet', 'title', 'published'] as const) {
    const without = { ...meta.inferred };
    delete without[field];
    try {
      checkStatedOrInferred({ ...meta, inferred: without }, text, sourceFile);
      meta.inferred = without;
    } catch (err) {
      if (!(err instanceof CorpusError)) throw err;
    }
  }
  checkStatedOrInferred(meta, text, sourceFile);
  return { meta, text, languageFrom };
}

// ---------------------------------------------------------------------------------------------
// Duplicates

/** An existing article a new one duplicates, and why. */
export interface Duplicate {
  id: string;
  /** The existing article's text file, as the corpus names it. */
  file: string;
  reason: string;
}

/**
 * Finds an article in `corpus` that the candidate duplicates: the same URL (ignoring fragment,
 * utm_* parameters and a trailing slash), the same bytes, the same words once case, quotes and
 * white space are folded, or at least 90% of the candidate's body sentences in one article.
 */
export function findDuplicate(corpus: Pick<Corpus, 'articles'>, candidate: Article): Duplicate | null {
  const url = candidate.meta.url ? normaliseUrl(candidate.meta.url) : null;
  const folded = comparable(candidate.text);
  const sentences = candidate.passages.map((p) => comparable(p.text)).filter((s) => s.split(' ').length >= 4);
  for (const a of corpus.articles) {
    if (url !== null && a.meta.url && normaliseUrl(a.meta.url) === url)
      return { id: a.meta.id, file: a.file, reason: `has the same URL (${a.meta.url})` };
    if (a.meta.sha256 === candidate.meta.sha256)
      return { id: a.meta.id, file: a.file, reason: 'has exactly the same text' };
    if (comparable(a.text) === folded)
      return {
        id: a.meta.id,
        file: a.file,
        reason: 'has the same text once quotes, case and spacing are ignored',
      };
  }
  if (sentences.length === 0) return null;
  for (const a of corpus.articles) {
    const existing = comparable(a.text);
    const shared = sentences.filter((s) => existing.includes(s)).length;
    if (shared / sentences.length >= SENTENCE_OVERLAP) {
      return {
        id: a.meta.id,
        file: a.file,
        reason: `already has ${shared} of its ${sentences.length} sentences`,
      };
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Adding

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
