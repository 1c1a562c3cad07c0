/**
 * An article's source fields: the values read from a page or supplied on the command line, the
 * checks on those values, the id an article gets, and the metadata document with an honest
 * `inferred` note for every value the text does not state.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { ArticleMetadata, isPublicationDate } from './schema.js';
import { francAll } from 'franc-min';
import { CorpusError, checkStatedOrInferred } from './load.js';
import { foldDiacritics, foldQuotes } from '../text/normalize.js';
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

/** Values supplied on the command line; each wins over what the page says. */
export interface Overrides {
  id?: string;
  outlet?: string;
  title?: string;
  /** YYYY-MM-DD, or YYYY-MM / YYYY when only the month or year is known (then approximate). */
  published?: string;
  url?: string;
  language?: string;
}

/** Yes/no flags of an add, beside the values in Overrides. */
export interface AddFlags {
  /** `--approximate`: the `--published` date (or the page's) is an estimate. */
  approximate?: boolean;
}

/** A metadata document and the exact text it describes, ready to be written. */
export interface BuiltArticle {
  meta: ArticleMetadata;
  text: string;
  /** How the language was decided, for the report (the schema has no `inferred.language`). */
  languageFrom: string;
}

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const LANGUAGE_PATTERN = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
const MAX_ID_LENGTH = 80;
const DEFAULT_LANGUAGE = 'en';

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
export function httpUrl(href: string, base?: string): string | null {
  try {
    const u = new URL(href.trim(), base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return ArticleMetadata.shape.url.safeParse(u.href).success ? u.href : null;
  } catch {
    return null;
  }
}

/** Lower-cases the primary subtag and turns "en_GB" into "en-GB"; null when it is not a tag. */
export function languageTag(value: string): string | null {
  const parts = value.trim().replace(/_/g, '-').split('-');
  parts[0] = (parts[0] ?? '').toLowerCase();
  const tag = parts.join('-');
  return LANGUAGE_PATTERN.test(tag) ? tag : null;
}

/**
 * The form of a URL used to spot the same page twice: no fragment, no utm_* tracking
 * parameters, no trailing slash on the path.

/** Lower-case words joined by hyphens, diacritics and apostrophes dropped. */
export function slugify(s: string): string {
  return foldDiacritics(foldQuotes(s))
    .toLowerCase()
    .replace(/'/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function fold(s: string): string {
  return s.replace(/[ \t\n\r\f\v]+/g, ' ').trim();
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
      if (!/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(v))
        throw new IngestError(
          file,
          `${flag} "${raw}" is not a date in the form YYYY-MM-DD (or YYYY-MM, or YYYY, where only the month or year is known)`,
        );
      if (!isPublicationDate(v)) throw new IngestError(file, `${flag} "${raw}" is not a real date`);
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
  // A date stamp a page runs into its first line ("date 2022-02 …") is no topic word.
  const source = (meta.title ?? text.split(/\n\s*\n/).find((p) => p.trim()) ?? '').replace(
    /^\s*(?:date|published|updated|posted)\s*:?\s*\d{4}(?:-\d{2}){0,2}\s+/i,
    '',
  );
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
  /** Yes/no flags (see AddFlags). */
  flags?: AddFlags;
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

  const lang = decideLanguage(text, overrides.language ?? null, page.language, from.language);
  const partial = values.published !== null && values.published.length < 10;
  if (values.published !== null && (partial || input.flags?.approximate)) {
    const only = partial
      ? values.published.length === 4
        ? 'only the year is known'
        : 'only the month is known'
      : 'an estimate';
    notes.published = `${notes.published.replace(/\.$/, '')}; ${only}${input.flags?.approximate ? ' (--approximate)' : ''}.`;
  }

  const id = overrides.id ?? articleId(values, text);
  const meta: ArticleMetadata = {
    id,
    outlet: values.outlet,
    title: values.title,
    published: values.published,
    url: values.url,
    language: lang.tag,
    sha256: input.sha256 ?? createHash('sha256').update(text, 'utf8').digest('hex'),
    collectedAs: basename(sourceFile),
    // A date from the page's publication metadata or from the editor is exact, not an estimate,
    // unless it gives only a month or a year or the editor said it is approximate.
    ...(values.published !== null ? { publishedApprox: partial || input.flags?.approximate === true } : {}),
    inferred: { ...notes, language: lang.note },
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
  return { meta, text, languageFrom: lang.from };
}

/** ISO 639-3 codes franc returns, and the shorter ISO 639-1 tag BCP 47 prefers where one exists. */
const TWO_LETTER: Record<string, string> = {
  eng: 'en',
  fra: 'fr',
  deu: 'de',
  spa: 'es',
  por: 'pt',
  ita: 'it',
  nld: 'nl',
  arb: 'ar',
  rus: 'ru',
  tur: 'tr',
  pol: 'pl',
  ukr: 'uk',
  swe: 'sv',
  ron: 'ro',
  hau: 'ha',
  bam: 'bm',
  swh: 'sw',
  zho: 'zh',
  cmn: 'zh',
  jpn: 'ja',
  kor: 'ko',
  hin: 'hi',
  ben: 'bn',
  ind: 'id',
  vie: 'vi',
  fuv: 'ff',
  wol: 'wo',
};
const LANGUAGE_NAME: Record<string, string> = { en: 'English', fr: 'French' };
/** Below this many characters franc's guess is not trusted. */
const MIN_DETECT_LENGTH = 100;

/**
 * The language of a text by franc (trigram statistics, no dictionary), or null when the text is
 * too short or two languages score too close to tell.
 */
export function detectLanguage(text: string): string | null {
  if (text.trim().length < MIN_DETECT_LENGTH) return null;
  const [best, second] = francAll(text, { minLength: MIN_DETECT_LENGTH });
  if (!best || best[0] === 'und') return null;
  if (second && second[1] >= 0.99) return null;
  return TWO_LETTER[best[0]] ?? best[0];
}

/**
 * Decides an article's language: the `--language` flag; else the page's declared language
 * unless the text clearly reads as another (a site-wide default `lang="en"` on a French page);
 * else what franc detects; else "en". Says how in an `inferred.language` note.
 */
function decideLanguage(
  text: string,
  supplied: string | null,
  declared: string | null,
  declaredFrom: string | null,
): { tag: string; note: string; from: string } {
  if (supplied !== null)
    return { tag: supplied, note: 'Supplied with --language when added.', from: 'supplied with --language' };
  const detected = detectLanguage(text);
  const name = (tag: string) => LANGUAGE_NAME[tag] ?? `"${tag}"`;
  if (declared !== null) {
    const primary = declared.split('-')[0]!;
    if (detected === null || detected === primary)
      return { tag: declared, note: `From ${declaredFrom}.`, from: `from ${declaredFrom}` };
    const note = `The page declares "${declared}" (${declaredFrom}) but its text reads as ${name(detected)}, detected with franc.`;
    return { tag: detected, note, from: `detected with franc; ${note}` };
  }
  if (detected !== null) {
    const note = `Not declared; the text reads as ${name(detected)}, detected with franc.`;
    return { tag: detected, note, from: `inferred: ${note}` };
  }
  const note = `Not declared and the text is too short or too mixed to detect; assumed "${DEFAULT_LANGUAGE}" (use --language to change).`;
  return { tag: DEFAULT_LANGUAGE, note, from: note };
}
