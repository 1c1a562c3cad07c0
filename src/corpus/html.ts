/**
 * Reading a saved web page: the article body extracted with Mozilla Readability over jsdom (no
 * scripts run, nothing fetched), and the source fields read from the page's meta tags, JSON-LD,
 * canonical link and `<html lang>`.
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';
import { comparable } from '../text/normalize.js';
import {
  fold,
  httpUrl,
  isoDateOf,
  languageTag,
  type PageField,
  type PageMetadata,
  type PageProvenance,
} from './metadata.js';

/** The result of extracting an article from a saved web page. */
export interface ExtractedPage {
  /** Plain text: one paragraph per block, blank line between blocks, ending in a newline. */
  text: string;
  meta: PageMetadata;
  from: PageProvenance;
}

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
