/**
 * Measures the furniture rules and speaker attribution against hand-annotated pages (the format
 * of test/fixtures/pages/README.md): which lines are page furniture, which fragments of a body
 * line are, and who said every quotation. This module reads only the annotation fields it
 * measures with, validated here so a bad file is named; the full schema lives with the fixtures.
 *
 * Furniture is scored over units: every non-blank line the annotation calls furniture, and every
 * inline fragment (furniture printed inside a body line). The rules find a unit when none of its
 * characters is kept (indexed, or kept as a heading searched for quotations); they claim a unit for every line they drop whole and every stretch of a
 * kept line they cut. Lines that repeat another body line are left out of these counts and
 * scored apart: a repeat must not be indexed a second time.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { classifyBlocks } from './furniture.js';
import { CorpusError, prepareArticle, type Article, type Corpus } from './load.js';
import { splitParagraphs } from './segment.js';
import { classifyMiss, type SpeakerMiss } from './speaker-misses.js';
import type { ArticleMetadata } from './schema.js';
import { comparable } from '../text/normalize.js';

const Line = z.number().int().positive();

/** The annotation fields measurement reads. */
export const MeasuredAnnotation = z.object({
  id: z.string().min(1),
  outlet: z.string().min(1),
  title: z.string().min(1),
  published: z.string().min(4),
  language: z.string().min(2),
  split: z.enum(['rules', 'heldout']),
  body: z.array(Line),
  furniture: z.array(Line),
  furnitureWhy: z.record(z.string(), z.string()),
  inlineFurniture: z.array(z.object({ line: Line, text: z.string().min(1), why: z.string() })),
  quotations: z.array(
    z.object({
      text: z.string().min(1),
      speaker: z.string().min(1),
      speakerKind: z.enum(['person', 'body']).optional(),
      line: Line,
      partial: z.boolean(),
    }),
  ),
  repeatsBody: z.array(z.object({ line: Line, of: Line })),
});
export type MeasuredAnnotation = z.infer<typeof MeasuredAnnotation>;

/** One annotated page: its annotation and its text as collected. */
export interface AnnotatedPage {
  annotation: MeasuredAnnotation;
  text: string;
  file: string;
}

/**
 * Reads annotated pages: a directory of `<id>.txt` + `<id>.json` pairs, or one of the two files
 * of a pair. Throws an Error naming the file (and field) of a problem.
 */
export function readAnnotatedPages(target: string): AnnotatedPage[] {
  let pairs: Array<{ json: string; txt: string }>;
  if (statSync(target, { throwIfNoEntry: false })?.isDirectory()) {
    pairs = readdirSync(target)
      .filter((n) => n.endsWith('.json'))
      .sort()
      .map((n) => ({ json: join(target, n), txt: join(target, n.replace(/\.json$/, '.txt')) }));
    if (pairs.length === 0)
      throw new Error(`${target}: no annotated pages (<id>.json beside <id>.txt) in it`);
  } else {
    const base = join(dirname(target), basename(target).replace(/\.(?:json|txt)$/, ''));
    pairs = [{ json: `${base}.json`, txt: `${base}.txt` }];
  }
  return pairs.map(({ json, txt }) => {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(json, 'utf8'));
    } catch (err) {
      throw new Error(
        `${json}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : `is not JSON (${(err as Error).message})`}`,
      );
    }
    const parsed = MeasuredAnnotation.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(`${json}: field "${issue.path.join('.') || '(root)'}": ${issue.message}`);
    }
    let text: string;
    try {
      text = readFileSync(txt, 'utf8');
    } catch {
      throw new Error(`${txt}: the page text of ${basename(json)} is missing`);
    }
    return { annotation: parsed.data, text, file: txt };
  });
}

/** How a page is read: as `corpus:add` would add its text with `--title` and `--language` given. */
export function articleOfPage(page: AnnotatedPage): Article {
  const a = page.annotation;
  const meta: ArticleMetadata = {
    id: a.id,
    outlet: a.outlet,
    title: a.title,
    published: a.published,
    publishedApprox: a.published.length < 10,
    url: null,
    language: a.language,
    sha256: '0'.repeat(64),
    inferred: {},
    furnitureHints: [],
  };
  try {
    return prepareArticle(meta, page.text, page.file);
  } catch (err) {
    // A page that is all furniture (a photo gallery, a caption alone) is refused by corpus:add;
    // measured, it is its blocks with no passage, so every line it drops is counted.
    if (!(err instanceof CorpusError) || !/no body text left/.test(err.message)) throw err;
    return {
      meta,
      text: page.text,
      file: page.file,
      blocks: classifyBlocks(page.text, splitParagraphs(page.text), meta),
      passages: [],
    };
  }
}

/** A one-article corpus, for speaker attribution that knows only what the page says. */
export function corpusOfArticle(article: Article): Corpus {
  return {
    dir: dirname(article.file),
    articles: [article],
    byId: new Map([[article.meta.id, article]]),
    passages: article.passages,
  };
}

/** A quotation as the engine found it: where it stands and who it gives it to. */
export interface FoundQuotation {
  start: number;
  text: string;
  speaker: string | null;
}

/** Counts of one page or of a split. */
export interface Score {
  /** Furniture units the annotation lists. */
  furniture: number;
  /** Units the rules set aside (lines dropped whole, stretches cut from kept lines). */
  claimed: number;
  /** Claimed units that are furniture. */
  claimedRight: number;
  /** Annotated units none of whose characters is kept. */
  found: number;
  /**
   * Annotated units none of whose characters is indexed as a passage (kept as a heading at most:
   * searched for quotations, never cited as an answer).
   */
  outOfIndex: number;
  /** Repeated body lines, and those not indexed a second time. */
  repeats: number;
  repeatsOnce: number;
  /** Annotated quotations, and those found with the annotated speaker. */
  quotations: number;
  speakersRight: number;
  /** Quotations the engine found that the annotation does not list (scare quotes, caption words). */
  extraQuotations: number;
}

/** What went wrong on one page, one line each, for the report. */
export interface PageResult {
  id: string;
  split: 'rules' | 'heldout';
  score: Score;
  problems: string[];
  /** Each quotation whose speaker was missed, by kind of error (counts only, no page text). */
  speakerMisses: SpeakerMiss[];
  /** Every unit the rules set aside, with the reason the rules gave and whether it is furniture. */
  claims: Array<{ reason: string; right: boolean }>;
}

/** A score with nothing counted: the start of every sum. */
export const EMPTY_SCORE: Readonly<Score> = {
  furniture: 0,
  claimed: 0,
  claimedRight: 0,
  found: 0,
  outOfIndex: 0,
  repeats: 0,
  repeatsOnce: 0,
  quotations: 0,
  speakersRight: 0,
  extraQuotations: 0,
};

/** Adds scores together. */
export function addScores(scores: readonly Score[]): Score {
  const out = { ...EMPTY_SCORE };
  for (const s of scores) for (const k of Object.keys(out) as Array<keyof Score>) out[k] += s[k];
  return out;
}

/**
 * A rank or a title of courtesy before a name ("Colonel Abdoulaye Maiga", "le général Ianni",
 * "Mr. Goïta"): the same person with or without it, so it is not part of the name compared.
 */
const RANK_BEFORE_NAME =
  /^(?:colonel|col\.?|lieutenant-colonel|lieutenant|lt\.?|general|gen\.?|general de brigade|capitaine|captain|capt\.?|commandant|major|admiral|amiral|sergent|sergeant|president|mr\.?|mrs\.?|ms\.?|m\.|mme|dr\.?)\s+(?=\S)/;

/**
 * A speaker name as compared: case, diacritics, a leading article, a rank before the name and a
 * hyphen between two parts of a name ("Jean Yves" / "Jean-Yves") ignored.
 */
export function speakerKey(name: string): string {
  return comparable(name)
    .replace(/^(?:(?:the|a|an|les|le|la|un|une)\s+|l')/, '')
    .replace(RANK_BEFORE_NAME, '')
    .replace(/(?<=\p{L})-(?=\p{L})/gu, ' ')
    .replace(/['’]s$/, '')
    .trim();
}

/**
 * Annotated speakers that say the page names no one ("non indiqué", "unknown"): the engine is
 * right there only when it gives no speaker.
 */
const NO_SPEAKER_PRINTED = /^(?:non indique|unknown|not given|not named)$/;

/** True when the speaker found is the annotated one (none, for a quotation the page attributes to no one). */
export function sameSpeaker(found: string | null, annotated: string): boolean {
  if (NO_SPEAKER_PRINTED.test(comparable(annotated).trim())) return found === null;
  return found !== null && speakerKey(found) === speakerKey(annotated);
}

/** Quoted words as compared: case, quote marks, spacing and final punctuation ignored. */
function quoteKey(text: string): string {
  return comparable(text)
    .replace(/[\s.,;:!?…]+$/u, '')
    .replace(/^[\s.,;:…]+/u, '');
}

function excerpt(s: string, max = 70): string {
  const f = s.replace(/\s+/g, ' ').trim();
  return f.length > max ? `${f.slice(0, max - 1)}…` : f;
}

/**
 * Scores one page: the article as the rules read it, and the quotations the engine found in it
 * (in that article's offsets).
 */
export function scorePage(
  page: AnnotatedPage,
  article: Article,
  found: readonly FoundQuotation[],
): PageResult {
  const a = page.annotation;
  const text = page.text;
  const problems: string[] = [];
  // Line n spans [lineStart[n-1], lineEnd[n-1]).
  const starts: number[] = [];
  const ends: number[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    starts.push(at);
    ends.push(at + line.length);
    at += line.length + 1;
  }
  const lineOf = (offset: number) => {
    let n = 0;
    while (n + 1 < starts.length && starts[n + 1]! <= offset) n++;
    return n + 1;
  };
  const indexed = new Uint8Array(text.length);
  for (const p of article.passages) indexed.fill(1, p.start, p.end);
  const kept = new Uint8Array(text.length);
  for (const b of article.blocks) if (b.kind !== 'furniture') kept.fill(1, b.start, b.end);
  const isSpace = (i: number) => /\s/.test(text[i]!);
  const anyIn = (arr: Uint8Array, from: number, to: number) => {
    for (let i = from; i < to; i++) if (arr[i] && !isSpace(i)) return true;
    return false;
  };

  const repeated = new Set(a.repeatsBody.map((r) => r.line));
  const furnitureLines = new Set(a.furniture);
  const inline = a.inlineFurniture.map((f) => {
    const start = starts[f.line - 1]! + text.slice(starts[f.line - 1]!, ends[f.line - 1]!).indexOf(f.text);
    return { ...f, start, end: start + f.text.length };
  });

  let furniture = 0;
  let claimed = 0;
  let claimedRight = 0;
  let foundUnits = 0;
  let outOfIndex = 0;
  const claims: PageResult['claims'] = [];
  // The reason of the furniture block that covers most of [from, to).
  const reasonAt = (from: number, to: number) => {
    let best: { reason: string; overlap: number } = { reason: '?', overlap: 0 };
    for (const b of article.blocks) {
      const overlap = Math.min(b.end, to) - Math.max(b.start, from);
      if (b.kind === 'furniture' && overlap > best.overlap) best = { reason: b.reason ?? '?', overlap };
    }
    return best.reason;
  };
  const nLines = starts.length;
  for (let n = 1; n <= nLines; n++) {
    const s = starts[n - 1]!;
    const e = ends[n - 1]!;
    if (text.slice(s, e).trim() === '' || repeated.has(n)) continue;
    const line = excerpt(text.slice(s, e));
    const droppedWhole = !anyIn(kept, s, e);
    if (furnitureLines.has(n)) {
      furniture++;
      if (droppedWhole) foundUnits++;
      else problems.push(`line ${n}: furniture kept (${a.furnitureWhy[String(n)] ?? 'furniture'}): ${line}`);
      if (!anyIn(indexed, s, e)) outOfIndex++;
      if (droppedWhole) {
        claimed++;
        claimedRight++;
        claims.push({ reason: reasonAt(s, e), right: true });
      }
      continue;
    }
    if (droppedWhole) {
      claimed++;
      const reason = reasonAt(s, e);
      claims.push({ reason, right: false });
      problems.push(`line ${n}: body dropped as furniture (${reason}): ${line}`);
      continue;
    }
    // A kept line: stretches the rules cut from it are claimed inline furniture.
    for (let i = s; i < e; ) {
      if (kept[i] || isSpace(i)) {
        i++;
        continue;
      }
      let j = i;
      while (j < e && !kept[j]) j++;
      if (/\S/.test(text.slice(i, j))) {
        claimed++;
        const hit = inline.some((f) => f.line === n && f.start < j && f.end > i);
        claims.push({ reason: reasonAt(i, j), right: hit });
        if (hit) claimedRight++;
        else problems.push(`line ${n}: body cut as furniture: "${excerpt(text.slice(i, j), 50)}"`);
      }
      i = j;
    }
  }
  for (const f of inline) {
    furniture++;
    if (!anyIn(indexed, f.start, f.end)) outOfIndex++;
    if (!anyIn(kept, f.start, f.end)) foundUnits++;
    else
      problems.push(
        `line ${f.line}: inline furniture kept (${f.why.slice(0, 60)}): "${excerpt(f.text, 50)}"`,
      );
  }

  let repeatsOnce = 0;
  for (const r of a.repeatsBody) {
    const s = starts[r.line - 1]!;
    const e = ends[r.line - 1]!;
    const orig = starts[r.of - 1]!;
    const origEnd = ends[r.of - 1]!;
    // Indexed once: the line itself or its printing inside `of`, not both.
    if (!(anyIn(indexed, s, e) && anyIn(indexed, orig, origEnd))) repeatsOnce++;
    else problems.push(`line ${r.line}: repeat of line ${r.of} indexed twice`);
  }

  let speakersRight = 0;
  const speakerMisses: SpeakerMiss[] = [];
  const lines = text.split('\n');
  const miss = (q: (typeof a.quotations)[number], hit: FoundQuotation | undefined) =>
    speakerMisses.push(
      classifyMiss(
        lines,
        q,
        hit ? hit.start - starts[q.line - 1]! : -1,
        hit?.speaker ?? null,
        hit === undefined,
        a.language,
      ),
    );
  const matched = new Set<FoundQuotation>();
  for (const q of a.quotations) {
    const key = quoteKey(q.text);
    const hit =
      found.find((f) => !matched.has(f) && lineOf(f.start) === q.line && quoteKey(f.text) === key) ??
      found.find(
        (f) =>
          !matched.has(f) &&
          lineOf(f.start) === q.line &&
          (quoteKey(f.text).includes(key) || key.includes(quoteKey(f.text))),
      );
    if (!hit) {
      problems.push(`line ${q.line}: quotation not found: “${excerpt(q.text, 50)}” (${q.speaker})`);
      miss(q, undefined);
      continue;
    }
    matched.add(hit);
    if (sameSpeaker(hit.speaker, q.speaker)) speakersRight++;
    else {
      miss(q, hit);
      problems.push(
        `line ${q.line}: speaker ${hit.speaker === null ? 'none' : `"${hit.speaker}"`}, annotated "${q.speaker}": “${excerpt(q.text, 40)}”`,
      );
    }
  }
  const extra = found.filter((f) => !matched.has(f));
  for (const f of extra)
    problems.push(
      `line ${lineOf(f.start)}: quotation not in the annotation: “${excerpt(f.text, 40)}” (${f.speaker ?? 'no speaker'})`,
    );

  return {
    id: a.id,
    split: a.split,
    score: {
      furniture,
      claimed,
      claimedRight,
      found: foundUnits,
      outOfIndex,
      repeats: a.repeatsBody.length,
      repeatsOnce,
      quotations: a.quotations.length,
      speakersRight,
      extraQuotations: extra.length,
    },
    problems,
    speakerMisses,
    claims,
  };
}

/** One rule's reach over a set of pages: what it set aside, on how many pages and outlets. */
export interface RuleReach {
  reason: string;
  /** Units it set aside that are furniture, and those that are body. */
  right: number;
  wrong: number;
  pages: number;
  outlets: number;
}

/**
 * What each rule (by the reason it gives, its varying parts folded: a quoted label, a count, the
 * evidence listed by the shape judge) set aside over these pages, widest reach first: a rule that catches
 * furniture on one page or one outlet only was written for that page's wording, one that catches it
 * on many outlets is a shape that may hold on the next.
 */
export function ruleReach(
  results: readonly PageResult[],
  outletOf: ReadonlyMap<string, string>,
): RuleReach[] {
  const by = new Map<string, { right: number; wrong: number; pages: Set<string>; outlets: Set<string> }>();
  for (const r of results)
    for (const c of r.claims) {
      const reason = c.reason
        .replace(/^(page furniture by its (?:learned )?shape) \(.*\)$/u, '$1')
        .replace(/"[^"]*"/gu, '"…"')
        .replace(/\d+(?:\.\d+)?/gu, 'N');
      const e = by.get(reason) ?? { right: 0, wrong: 0, pages: new Set(), outlets: new Set() };
      if (c.right) e.right++;
      else e.wrong++;
      if (c.right) {
        e.pages.add(r.id);
        e.outlets.add(outletOf.get(r.id) ?? r.id);
      }
      by.set(reason, e);
    }
  return [...by.entries()]
    .map(([reason, e]) => ({
      reason,
      right: e.right,
      wrong: e.wrong,
      pages: e.pages.size,
      outlets: e.outlets.size,
    }))
    .sort((a, b) => b.outlets - a.outlets || b.right - a.right || a.reason.localeCompare(b.reason));
}

/** "98.0% (49/50)", or "n/a (0/0)" where there is nothing to count. */
export function percent(part: number, whole: number): string {
  return whole === 0 ? `n/a (0/0)` : `${((100 * part) / whole).toFixed(1)}% (${part}/${whole})`;
}

/** One line of figures for a score. */
export function scoreLine(s: Score): string {
  return [
    `furniture precision ${percent(s.claimedRight, s.claimed)}`,
    `recall ${percent(s.found, s.furniture)}`,
    `out of the index ${percent(s.outOfIndex, s.furniture)}`,
    `speakers ${percent(s.speakersRight, s.quotations)}`,
    `repeats indexed once ${percent(s.repeatsOnce, s.repeats)}`,
    `extra quotations ${s.extraQuotations}`,
  ].join(' · ');
}
