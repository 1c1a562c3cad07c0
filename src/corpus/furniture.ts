import type { ArticleMetadata } from './schema.js';
import { type Span, trimSpan } from './segment.js';
import { comparable } from '../text/normalize.js';

/** What a paragraph of an article is, for indexing purposes. */
export type BlockKind = 'body' | 'heading' | 'furniture';

/** One paragraph of an article with its classification. */
export interface Block extends Span {
  kind: BlockKind;
  /** Why a block is furniture or a heading, in words a newsroom reader understands. */
  reason?: string;
}

/** Headings that open a sidebar of unrelated stories: everything from them on is furniture. */
const SIDEBAR_HEADING =
  /^(?:most (?:viewed|read|popular|shared|watched)|related (?:stories|articles|content|news|coverage|topics)|read (?:more|next|also)|recommended(?: for you)?|trending(?: now)?|more (?:from|stories|on this|news)|you may (?:also )?like|editor'?s picks|top stories|latest (?:news|stories)|popular (?:now|stories))\b/i;

const NAVIGATION =
  /^(?:\d+\.\s*)?(?:skip to\b|jump to\b|back to top\b|main menu\b|menu$|search$|sign in$|log in$|subscribe$|share$|advertisement$)/i;

const IMAGE_LABEL =
  /^(?:logo\b|content image\b|image\s*[:-]|photo\s*[:-]|picture\s*[:-]|file photo\b|video\s*[:-])/i;

const INFOGRAPHIC = /^(?:infografik|infographic|graphic|grafik|interactive|map|chart)\b/i;

/** A photo credit that ends a caption: "…Image: Name/AGENCY", "…[Name/AFP]", "…. AFP". */
const CAPTION_CREDIT =
  /(?:Image:\s*\S[^.]*$|\[[^\]]*\/[^\]]*\]$|[.!?]\s+(?:AFP|Reuters|AP|EPA|EPA-EFE|Getty Images|Xinhua|Anadolu|Bloomberg|DPA|dpa)(?:\s*\/\s*[\w .-]+)?$|\((?:photo|image|picture):[^)]*\)$)/;

/**
 * Bylines, agency tags and "Source:" lines. The agency list in "ab/cd (AFP, Reuters)" has a
 * separator (a comma, white space or both) between every two names, so each name is matched one
 * way only: `(?:[A-Za-z]+,?\s*)+` could split "AFPReuters" every way, exponential in its length.
 */
const BYLINE =
  /^(?:source:\s|sources:\s|by\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}$|[a-z]{1,4}(?:\/[a-z]{1,4})+\s*\([A-Za-z]+(?:(?:,\s*|\s+)[A-Za-z]+)*,?\s*\)$|\((?:AFP|Reuters|AP|dpa)\)$|with (?:afp|reuters|ap)$|copyright\b|©)/i;

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
/** A block that is only a date or a "published/updated" stamp. */
const DATE_ONLY = new RegExp(
  `^(?:(?:published|updated|posted)(?: on)?:?\\s*)?(?:${MONTH}\\.? \\d{1,2},? \\d{4}|\\d{1,2} ${MONTH}\\.? \\d{4}|\\d{4}-\\d{2}-\\d{2})(?:[ ,]+\\d{1,2}[:.]\\d{2}.*)?$`,
  'i',
);

/** A dateline that opens the first paragraph: "Belgium (Brussels Morning Newspaper) ", "PARIS (Reuters) - ". */
const DATELINE_PREFIX =
  /^[A-Z][A-Za-z.'\u2019 -]{1,40}?(?:,\s*[A-Z][a-z]{2,8}\.? \d{1,2})?\s*\([^()\n]{2,60}\)\s*(?:[-\u2013\u2014:]\s*)?(?=[A-Z\u201C"])/;

const TERMINAL = /[.!?]["'\u201D\u2019)]*$|["\u201D]$/;

function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

/**
 * Classifies every paragraph of an article as body text, a heading, or page furniture, using
 * general rules (navigation, image labels and captions, credits, bylines, date stamps,
 * infographic labels, repeated headlines, sidebars) and then the article's own hints.
 * Headings are kept for quotation lookup but never cited as answer passages; furniture is
 * never indexed at all. Dateline prefixes are cut from the first body paragraph.
 */
export function classifyBlocks(
  text: string,
  paragraphs: readonly Span[],
  meta: Pick<ArticleMetadata, 'title' | 'furnitureHints'>,
): Block[] {
  const blocks: Block[] = [];
  const seenHeadings = new Set<string>();
  if (meta.title) seenHeadings.add(comparable(meta.title));
  let titleSeen = false;
  let inSidebar: string | null = null;
  let bodySeen = false;
  /** Body paragraphs so far, folded: a page that prints its body twice is indexed once. */
  const seenBody = new Set<string>();

  for (let i = 0; i < paragraphs.length; i++) {
    const span = paragraphs[i]!;
    const raw = text.slice(span.start, span.end);
    const body = raw.replace(/^[\u2022\u00B7*\-\u2013]\s+/, '');
    const key = comparable(raw);
    const next = paragraphs[i + 1]
      ? comparable(text.slice(paragraphs[i + 1]!.start, paragraphs[i + 1]!.end))
      : '';
    const furniture = (reason: string) => blocks.push({ ...span, kind: 'furniture', reason });

    const hint = meta.furnitureHints.find((h) => raw.startsWith(h.startsWith));
    if (inSidebar !== null) {
      furniture(`sidebar "${inSidebar}"`);
      continue;
    }
    if (SIDEBAR_HEADING.test(body) && wordCount(body) <= 6) {
      inSidebar = raw.trim();
      furniture(`sidebar "${inSidebar}"`);
      continue;
    }
    if (hint) {
      furniture(hint.reason);
      continue;
    }
    if (NAVIGATION.test(body)) {
      furniture('navigation');
      continue;
    }
    if (IMAGE_LABEL.test(body)) {
      furniture('image label');
      continue;
    }
    if (INFOGRAPHIC.test(body) && !TERMINAL.test(body)) {
      furniture('infographic label');
      continue;
    }
    if (CAPTION_CREDIT.test(body)) {
      furniture('image caption with credit');
      continue;
    }
    if (next.length > key.length && next.startsWith(key) && !TERMINAL.test(raw)) {
      furniture('image alt text repeated by its caption');
      continue;
    }
    if (BYLINE.test(body)) {
      furniture('byline or agency line');
      continue;
    }
    if (DATE_ONLY.test(body)) {
      furniture('date stamp');
      continue;
    }

    const isTitle = meta.title !== null && key === comparable(meta.title);
    if (isTitle) {
      if (titleSeen) {
        furniture('repeated headline');
        continue;
      }
      titleSeen = true;
      blocks.push({ ...span, kind: 'heading', reason: 'headline' });
      continue;
    }
    const short = wordCount(body) <= 16;
    if (
      (short && !TERMINAL.test(body.trim())) ||
      (short && /\?$/.test(body) && wordCount(body) <= 8 && bodySeen)
    ) {
      if (seenHeadings.has(key)) {
        furniture('repeated headline');
        continue;
      }
      seenHeadings.add(key);
      blocks.push({ ...span, kind: 'heading', reason: 'subheading' });
      continue;
    }
    if (seenHeadings.has(key)) {
      furniture('repeated headline');
      continue;
    }

    if (seenBody.has(key)) {
      furniture('repeated paragraph (the page prints it twice)');
      continue;
    }
    seenBody.add(key);

    let start = span.start;
    if (!bodySeen) {
      const dateline = DATELINE_PREFIX.exec(raw);
      if (dateline) {
        blocks.push({
          start: span.start,
          end: span.start + dateline[0].trimEnd().length,
          kind: 'furniture',
          reason: 'dateline',
        });
        start = span.start + dateline[0].length;
      }
    }
    bodySeen = true;
    blocks.push({ ...trimSpan(text, { start, end: span.end }), kind: 'body' });
  }
  return blocks;
}
