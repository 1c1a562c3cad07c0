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
  /^(?:les plus (?:lus|partag\u00E9s|populaires)|dans la m\u00EAme rubrique|articles? (?:li\u00E9s|similaires)|sur le m\u00EAme sujet|\u00E0 lire aussi|lire aussi|related articles|more to read|more like this|you might also like|most (?:viewed|read|popular|shared|watched)|related (?:stories|articles|content|news|coverage|topics)|read (?:more|next|also)|recommended(?: for you)?|trending(?: now)?|more (?:from|stories|on this|news)|you may (?:also )?like|editor'?s picks|top stories|latest (?:news|stories)|popular (?:now|stories))\b/i;

const NAVIGATION =
  /^(?:\d+\.\s*)?(?:skip to\b|jump to\b|back to top\b|main menu\b|menu$|search$|sign in$|log in$|subscribe$|share$|advertisement$)/i;

const IMAGE_LABEL =
  /^(?:\(?(?:image|photo|picture|cr\u00E9dit photo) credit\b|\(?cr\u00E9dit photo\b|logo\b|content image\b|image\s*[:-]|photo\s*[:-]|picture\s*[:-]|file photo\b|video\s*[:-])/i;

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
  /^(?:source:\s|sources:\s|(?:by|par)\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}$|[a-z]{1,4}(?:\/[a-z]{1,4})+\s*\([A-Za-z]+(?:(?:,\s*|\s+)[A-Za-z]+)*,?\s*\)$|\((?:AFP|Reuters|AP|dpa)\)$|with (?:afp|reuters|ap)$|copyright\b|©)/i;

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
/** A block that is only a date or a "published/updated" stamp. */
const DATE_ONLY = new RegExp(
  `^(?:(?:published|updated|posted)(?: on)?:?\\s*)?(?:${MONTH}\\.? \\d{1,2},? \\d{4}|\\d{1,2} ${MONTH}\\.? \\d{4}|\\d{4}-\\d{2}-\\d{2})(?:[ ,]+\\d{1,2}[:.]\\d{2}.*)?$`,
  'i',
);

const TERMINAL = /[.!?]["'\u201D\u2019)\u00BB]*$|["\u201D\u00BB]$/;

const DAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const FULL_MONTH =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December)';

/**
 * A date stamp run into the start of a line: "date 2022-02-15 …", "Published: 17 Feb 2022 …",
 * "Publié le 17/02/2022 à 10h30 …". Cut off, and the rest of the line classified on its own.
 */
const DATE_STAMP_PREFIX = new RegExp(
  String.raw`^\s*(?:date|published|updated|posted|publié|mis à jour|modifié)(?:\s+(?:on|le))?\s*:?\s+(?:\d{4}(?:-\d{2}(?:-\d{2})?)?|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|${MONTH}\.? \d{1,2},? \d{4}|\d{1,2} ${MONTH}\.? \d{4})(?:\s*(?:at|à|-)?\s*\d{1,2}[:h.]\d{2}(?:\s*[ap]\.?m\.?)?)?(?:\s+|$)`,
  'iu',
);

/**
 * Furniture run onto the end of a body line: a link to the rest of the article ("… suite de
 * l'article sur RFI", "Read more"), a report credit ("TF1 | Reportage B. Christal"), a photo
 * credit ("© Name / Outlet", "(Photo: AFP)").
 */
const INLINE_SUFFIX: Array<[RegExp, string]> = [
  [
    /(?:\.{3}|…)?\s*(?:suite de l'article|suite de l’article|lire la suite|la suite sur|read more|continue reading|read the full (?:article|story)|full story)\b[^.!?]{0,80}$/iu,
    'link to the rest of the article',
  ],
  [
    /\s(?:[\p{Lu}\d][\p{L}\d'-]*(?: [\p{Lu}\d][\p{L}\d'-]*){0,3}\s)?\|\s*(?:[Rr]eportage|[Rr]eport|[Pp]ar|[Bb]y|[Vv]id\u00E9o|[Vv]ideo|[Tt]exte|[Tt]ext|[Pp]hotos?)\b[^|]{0,80}$/u,
    'report credit',
  ],
  [/\s(?:©|\(c\))\s*[^.!?©]{1,60}$/iu, 'photo credit'],
  [/\s\((?:photo|image|picture|crédit photo|credit)s?\s*(?:credit)?\s*:[^()]{1,60}\)$/iu, 'photo credit'],
];

/** A photo caption in the agencies' style: it ends with the day the photo was taken. */
const CAPTION_DATE_END = new RegExp(String.raw`,?\s(?:on\s+)?${DAY},\s+${FULL_MONTH}\s+\d{1,2},\s+\d{4}\.?$`);

/** A credit at the end of a caption: "EFE/EPA/IAN LANGSDON / POOL", "(Name/AP)", "Photo: Name/AFP". */
const CREDIT_END =
  /(?:\b[A-Z]{2,}(?:-[A-Z]{2,})?\/(?:[A-Z]{2,}\/)*[A-Z][A-Z .'-]*[A-Z](?:\s*\/\s*[A-Z]+)?|\([^()]{0,60}\/\s*[\p{L}. -]{2,30}\)|\((?:AP|AFP|Reuters|EPA|Getty Images|Xinhua|Anadolu)\s+(?:photo|Photo)[^()]*\))$/u;

/** Reading times and sharing counters: "·2 min read", "3 minutes de lecture". */
const READ_TIME = /^[·•|\-\s]*\d+\s*(?:min(?:ute)?s?|mn)\.?\s*(?:read|de lecture|lecture)\b/iu;

/** Wire agencies named on a line of their own, as the second line of a byline. */
const AGENCY_LINE =
  /^(?:the\s+)?(?:associated press|reuters|afp|agence france[- ]presse|ap|efe|dpa|xinhua|anadolu agency|sputnik|ansa|pa media|upi)$/iu;

/** Paywall, subscription, newsletter and app prompts. */
const PROMPT =
  /(?:^(?:already (?:a )?subscribed|already a subscriber|looking to read the full|subscribe (?:now|today|to (?:continue|read))|sign up (?:for|to)|(?:i |je m')?(?:subscribe|abonne)$|abonnez-vous|inscrivez-vous|s'abonner|cet article est réservé|this (?:article|content) is (?:reserved|available|only) (?:for|to) (?:subscribers|members)|download the\b.*\bapp\b|get the\b.*\bapp\b|téléchargez l'application)|\binvites? you to\b|\bnewsletter\b|\bsubscribe to\b|\bsubscriber-only\b)/iu;

/** A teaser for another story printed inside the body. */
const TEASER =
  /^(?:read (?:more|also|next)|also read|related|see also|watch|lire (?:aussi|également)|à lire (?:aussi|également)|voir aussi|sur le même sujet)\s*[:–—-]/iu;

/** A call to action: short, ends with "!", opens with an order or speaks to the reader. */
function isPromotion(s: string): boolean {
  if (!/!\s*$/.test(s) || /["\u201C\u201D\u00AB\u00BB]/.test(s) || wordCount(s) > 12) return false;
  return (
    /^(?:find|discover|take|get|download|join|follow|subscribe|sign up|read|watch|listen|try|install|share|d\u00E9couvrez|rejoignez|suivez|t\u00E9l\u00E9chargez)\b/iu.test(
      s,
    ) || /\b(?:you|your|vous|votre|vos)\b/iu.test(s)
  );
}

/** "(With input from AFP)", "With agencies", "Avec AFP": the agencies a story draws on. */
const AGENCY_CREDIT =
  /^\(?(?:with (?:input|inputs|reporting) from|with|avec|source\s*:)\s+(?:(?:the\s+)?(?:agencies|agences|afp|reuters|ap|associated press|efe|dpa|xinhua|anadolu|ians|pti|apa|mapa?)(?:\s*(?:,|and|et|&)\s*)?)+\)?\.?$/iu;

/** An author's biography line: "Jane Doe is a correspondent for …". */
const AUTHOR_BIO =
  /^[\p{Lu}][\p{L}.'-]+(?:\s+[\p{Lu}][\p{L}.'-]+){1,3}\s+(?:is|est)\s+(?:a|an|the|un|une|le|la|our)\s+(?:[\p{L}-]+\s+){0,4}(?:correspondent|journalist|reporter|editor|writer|columnist|analyst|contributor|journaliste|correspondant|correspondante|r\u00E9dacteur|r\u00E9dactrice|chroniqueur|chroniqueuse)\b/u;

/** Sharing tools printed as text: "Share", "Facebook Twitter WhatsApp", "Partager sur Facebook". */
const SHARE =
  /^(?:(?:share|partager|tweet|email|e-mail|print|imprimer|copy link|copier le lien|facebook|twitter|whatsapp|linkedin|telegram|messenger|reddit|pinterest|flipboard|x)(?:\s+(?:on|sur|this|cet article|article|story))?(?:[\s|\u00B7,/]+|$))+$/iu;

/** An embedded social-media post: "pic.twitter.com/…", "— Name (@handle) February 17, 2022". */
const SOCIAL_POST =
  /pic\.twitter\.com\/|\(@\w{1,30}\)\s+\p{L}+\s+\d{1,2},\s+\d{4}$|^\u2014\s.*\(@\w{1,30}\)/u;

/** Messages of a video player, screen-reader labels, ads and cookie notices. */
const PLAYER_OR_NOTICE =
  /^(?:your browser (?:does not|doesn't) support|this video (?:is|can|has)|please enable javascript|video (?:player|unavailable)|play video|watch the video|regarder la vid\u00E9o|votre navigateur ne|article content$|contenu de l'article$|story continues below|continue reading below|advertisement$|skip advertisement|publicit\u00E9$|sponsored$|ad$|(?:we|this (?:site|website)) uses? cookies|nous utilisons des cookies|ce site utilise des cookies|accept(?:er)? (?:all )?(?:the )?cookies|all rights reserved|tous droits r\u00E9serv\u00E9s)/iu;

/** A stamp of when the page was updated or published, with no sentence around it. */
const UPDATE_STAMP =
  /^(?:last\s+)?(?:updated|published|posted|mis \u00E0 jour|publi\u00E9|modifi\u00E9)\b.{0,50}(?:\d{1,2}[:h]\d{2}|\bago\b|\bil y a\b|\d{4})\s*(?:[ap]\.?m\.?|gmt|utc|cet|cest)?\.?$/iu;

/** The words of a photo caption: who stands where in the picture, what it shows. */
const CAPTION_WORDS =
  /\b(?:is|are) (?:seen|pictured)\b|\bgestures?\b (?:as|while|during)|\blooks on\b|\bposes? for\b|\(\s*(?:L|R|C|\d-[LR]|left|right|centre|center)\s*\)|\bin this (?:file )?(?:photo|picture|image)\b|\bfile (?:photo|picture|image)\b|\bphoto(?:graph)? taken\b|\bphoto d'archives\b|\(\s*(?:photo|image)\s+(?:by|de)\b/iu;

/** A line that is a file or image name ("google-play-badge_FR", "IMG_2041.jpg"). */
const FILE_NAME = /^[\w.-]*(?:_[\w.-]*|\.(?:jpe?g|png|gif|webp|svg))$/u;

function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

/**
 * Classifies every paragraph of an article as body text, a heading, or page furniture, using
 * general rules (navigation, image labels and captions, credits, bylines, date stamps,
 * infographic labels, repeated headlines, sidebars, reading times, paywall and app prompts,
 * teasers, credits) and then the article's own hints. Headings are kept for quotation lookup but
 * never cited as answer passages; furniture is never indexed at all. A date stamp run into the
 * start of a line and a link or credit run onto its end are cut off as furniture of their own;
 * datelines stay with their sentence. A paragraph printed again is indexed once.
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

  for (let i = 0; i < paragraphs.length; i++) {
    let span = paragraphs[i]!;
    // Furniture run into a body line is cut off first, so the rest is classified on its own.
    const stamp = DATE_STAMP_PREFIX.exec(text.slice(span.start, span.end));
    if (stamp) {
      const cut = trimSpan(text, { start: span.start, end: span.start + stamp[0].length });
      if (cut.end > cut.start) blocks.push({ ...cut, kind: 'furniture', reason: 'date stamp' });
      span = trimSpan(text, { start: span.start + stamp[0].length, end: span.end });
      if (span.end <= span.start) continue;
    }
    for (const [re, reason] of INLINE_SUFFIX) {
      const line = text.slice(span.start, span.end);
      const m = re.exec(line);
      // Only a tail: a line that is nothing but the credit is dropped whole below.
      if (!m || m.index < 20) continue;
      const cut = trimSpan(text, { start: span.start + m.index, end: span.end });
      blocks.push({ ...cut, kind: 'furniture', reason });
      span = trimSpan(text, { start: span.start, end: span.start + m.index });
    }
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
    if (READ_TIME.test(body)) {
      furniture('reading time');
      continue;
    }
    if (AGENCY_LINE.test(body.trim())) {
      furniture('byline or agency line');
      continue;
    }
    if (TEASER.test(body)) {
      furniture('teaser for another story');
      continue;
    }
    if ((PROMPT.test(body) && wordCount(body) <= 25) || isPromotion(body)) {
      furniture('paywall, subscription, newsletter or app prompt');
      continue;
    }
    if (AGENCY_CREDIT.test(body.trim())) {
      furniture('agency credit');
      continue;
    }
    if (AUTHOR_BIO.test(body)) {
      furniture('author bio');
      continue;
    }
    if (SHARE.test(body.trim())) {
      furniture('sharing buttons');
      continue;
    }
    if (SOCIAL_POST.test(body.trim())) {
      furniture('embedded social-media post');
      continue;
    }
    if (PLAYER_OR_NOTICE.test(body.trim()) && wordCount(body) <= 40) {
      furniture('video player, screen-reader, advertising or cookie notice');
      continue;
    }
    if (UPDATE_STAMP.test(body.trim())) {
      furniture('date stamp');
      continue;
    }
    if (CAPTION_WORDS.test(body) && !/["\u201C\u00AB]/u.test(body)) {
      furniture('image caption');
      continue;
    }
    if (FILE_NAME.test(body.trim())) {
      furniture('image file name');
      continue;
    }
    if (CREDIT_END.test(body.trim())) {
      furniture('image caption with credit');
      continue;
    }
    if (CAPTION_DATE_END.test(body.trim())) {
      furniture('photo caption (ends with the day the photo was taken)');
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

    // A dateline ("PARIS (AP) —") is kept with its sentence: it is where the story was filed,
    // and cutting it would leave the first passage starting mid-sentence.
    const start = span.start;
    bodySeen = true;
    blocks.push({ ...trimSpan(text, { start, end: span.end }), kind: 'body' });
  }
  blocks.sort((a, b) => a.start - b.start);
  dropRepeats(text, blocks);
  dropPromptFragments(blocks);
  return blocks;
}

/**
 * A page that prints its body twice, or a summary that repeats a paragraph word for word, is
 * indexed once: a body paragraph whose words stand again in another body paragraph (the same
 * paragraph printed later, or a longer one holding it) is set aside.
 */
function dropRepeats(text: string, blocks: Block[]): void {
  const body = blocks
    .map((b, i) => ({ b, i, key: comparable(text.slice(b.start, b.end)) }))
    .filter((x) => x.b.kind === 'body' && x.key.split(' ').length >= 6);
  for (const x of body) {
    const holder = body.find(
      (y) =>
        y !== x &&
        y.b.kind === 'body' &&
        (y.key.length > x.key.length ? y.key.includes(x.key) : y.key === x.key && y.i < x.i),
    );
    if (holder) {
      x.b.kind = 'furniture';
      x.b.reason = 'repeated paragraph (the page prints it again)';
    }
  }
}

/** A short line kept as a heading right before or after a prompt is part of that prompt ("The summary of the"). */
function dropPromptFragments(blocks: Block[]): void {
  const isPrompt = (b: Block | undefined) => b?.kind === 'furniture' && /prompt/.test(b.reason ?? '');
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (
      b.kind === 'heading' &&
      b.reason === 'subheading' &&
      (isPrompt(blocks[i + 1]) || isPrompt(blocks[i - 1]))
    ) {
      b.kind = 'furniture';
      b.reason = 'paywall, subscription, newsletter or app prompt (its first words)';
    }
  }
}
