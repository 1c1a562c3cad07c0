/**
 * A learned judge of page furniture, beside the rules of furniture.ts: general features of a line
 * judged against its page (length, punctuation, capitals, function words and verbs, digits and
 * dates, credit and agency words in English and French, links and handles, position, the headline's
 * words, the words of the page's other paragraphs, the rules' verdict on its neighbours), weighed
 * by a logistic regression fitted on annotated pages. The rules fit the pages they were written
 * on; these features name no outlet, wording or page, so what they learn can be measured on a wave
 * of pages left out of the fit: `npm run furniture:cv` does so, wave by wave. It is not run by
 * classifyBlocks: measured that way it set aside no furniture the rules keep at a threshold that
 * drops no body line (README, "Furniture and speakers on real pages").
 */
import type { Block } from './furniture.js';
import { splitSentences } from './segment.js';
import { termsOf } from '../text/analyzer.js';
import { analyzerFor } from '../text/languages.js';

/** A fitted model: one weight per feature of {@link LINE_FEATURES}, a bias, and the threshold. */
export interface LineModel {
  /** The feature names, in the order of `weights` (checked against {@link LINE_FEATURES}). */
  features: readonly string[];
  weights: readonly number[];
  bias: number;
  /** A kept line whose furniture probability is at least this is set aside. */
  threshold: number;
}

/** What a line's features are judged against: its page as the rules read it. */
interface PageContext {
  text: string;
  blocks: readonly Block[];
  stems: (s: string) => string[];
  titleStems: ReadonlySet<string>;
  /** Index of the first and last block the rules keep as a sentence of the article (-1: none). */
  first: number;
  last: number;
}

/**
 * A verb, English or French. Word edges are lookarounds on letters, not `\b`: JavaScript's `\b`
 * knows only ASCII letters, so `\b` after "déclaré" or before "était" never matched and a French
 * line whose only verb ends in "é" read as verbless.
 */
const VERB =
  /(?<![\p{L}\p{N}_])(?:(?:is|are|was|were|be|been|has|have|had|will|would|can|could|should|may|might|must|did|does|do|said|says|say|told|added|announced|est|sont|était|étaient|sera|seront|a|ont|avait|avaient|fut|peut|peuvent|doit|doivent|dit|déclaré|annoncé|indiqué|affirmé)|\p{L}{3,}(?:ed|ing)|\p{L}{3,}(?:ait|aient|era|eront|é|ée|és|ées))(?![\p{L}\p{N}_])/iu;
const CREDIT_WORD =
  /\b(?:afp|reuters|ap|epa|efe|dpa|xinhua|anadolu|getty|pool|photos?|images?|pictures?|cr[ée]dits?|credit|copyright|illustration|archives?|file)\b|©/iu;
const AGENCY = /\b(?:AFP|Reuters|AP|EPA|EFE|DPA|Xinhua|Anadolu|ANI|PTI|IANS|APA|MAP|ATS)\b/u;
const LINK = /https?:\/\/|www\.|\.(?:com|org|net|fr|info)\b|(?:^|\s)[@#][\p{L}\d_]+/iu;
const DATE =
  /\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|janv|févr|avr|mai|juin|juil|août|sept|déc)\p{L}*\.?\s+\d{1,2}\b|\b\d{1,2}(?:er)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|janv|févr|avr|mai|juin|juil|août|sept|déc)\p{L}*/iu;
const TIME = /\b\d{1,2}[:h]\d{2}\b/u;
const READER = /\b(?:you|your|vous|votre|vos)\b/iu;
const QUOTE_MARK = /["\u201C\u201D\u00AB\u00BB]/u;
const TERMINAL = /[.!?]["'\u201D\u2019)\u00BB]*$/u;
const SEPARATOR = /\s[|\u00B7\u2022]\s|\s\/\s/gu;

/** The features, in order; each is 0 or 1 or a share between 0 and 1. */
export const LINE_FEATURES = [
  'words <= 3',
  'words <= 6',
  'words <= 12',
  'words <= 25',
  'sentence punctuation at the end',
  'ends with a colon',
  'ends with an ellipsis',
  'share of capitalised words',
  'all capitals',
  'share of function words',
  'a verb',
  'more than one sentence',
  'share of digits',
  'a date',
  'a time of day',
  'credit or agency words',
  'an agency name',
  'a link or handle',
  'speaks to the reader',
  'quotation marks',
  'separators (| · • /)',
  'wholly in brackets',
  'opens with a bullet or dash',
  'share of its words in the headline',
  'share of its words in the rest of the page',
  'share of its words in the next or previous kept line',
  'before the first sentence of the article',
  'after the last sentence of the article',
  'first or last line of the page',
  'kept by the rules as a heading',
  'a neighbour the rules set aside',
  'a heading few of whose words the page uses elsewhere',
  "a heading few of whose words are the headline's",
  'short and outside the article',
  'short, with credit or agency words',
  'no verb and no sentence punctuation',
] as const;

function words(s: string): string[] {
  return s.split(/\s+/u).filter(Boolean);
}

function shareIn(own: readonly string[], set: ReadonlySet<string>): number {
  if (own.length === 0) return 0;
  return own.filter((t) => set.has(t)).length / own.length;
}

function contextOf(
  text: string,
  blocks: readonly Block[],
  title: string | null,
  language: string | undefined,
): PageContext {
  const analyzer = analyzerFor(language);
  const stems = (s: string) => [...new Set(termsOf(analyzer, s).map((t) => t.slice(0, 5)))];
  const isSentence = (b: Block) => {
    const s = text.slice(b.start, b.end).trim();
    return b.kind === 'body' && words(s).length >= 8 && TERMINAL.test(s);
  };
  let last = -1;
  blocks.forEach((b, i) => {
    if (isSentence(b)) last = i;
  });
  return {
    text,
    blocks,
    stems,
    titleStems: new Set(title === null ? [] : stems(title)),
    first: blocks.findIndex(isSentence),
    last,
  };
}

function features(ctx: PageContext, i: number): number[] {
  const { text, blocks } = ctx;
  const b = blocks[i]!;
  const s = text.slice(b.start, b.end).trim();
  const w = words(s);
  const n = w.length;
  const letters = w.filter((x) => /\p{L}/u.test(x));
  const capitalised = letters.filter((x) => /^\P{L}*\p{Lu}/u.test(x)).length;
  const own = ctx.stems(s);
  const rest = new Set(
    blocks
      .filter((o, k) => k !== i && o.kind !== 'furniture')
      .flatMap((o) => ctx.stems(text.slice(o.start, o.end))),
  );
  const near = (k: number) => blocks[k] !== undefined && blocks[k]!.kind !== 'furniture';
  const neighbours = new Set(
    [i - 1, i + 1].filter(near).flatMap((k) => ctx.stems(text.slice(blocks[k]!.start, blocks[k]!.end))),
  );
  const functionWords = n === 0 ? 0 : 1 - Math.min(1, own.length / n);
  const digits = s.replace(/\s/gu, '');
  return [
    n <= 3 ? 1 : 0,
    n <= 6 ? 1 : 0,
    n <= 12 ? 1 : 0,
    n <= 25 ? 1 : 0,
    TERMINAL.test(s) ? 1 : 0,
    /:$/u.test(s) ? 1 : 0,
    /(?:\.{3}|\u2026)$/u.test(s) ? 1 : 0,
    letters.length === 0 ? 0 : capitalised / letters.length,
    /\p{L}{2}/u.test(s) && s === s.toUpperCase() ? 1 : 0,
    functionWords,
    VERB.test(s) ? 1 : 0,
    splitSentences(s, { start: 0, end: s.length }).length > 1 ? 1 : 0,
    digits.length === 0 ? 0 : (digits.match(/\d/gu) ?? []).length / digits.length,
    DATE.test(s) ? 1 : 0,
    TIME.test(s) ? 1 : 0,
    CREDIT_WORD.test(s) ? 1 : 0,
    AGENCY.test(s) ? 1 : 0,
    LINK.test(s) ? 1 : 0,
    READER.test(s) ? 1 : 0,
    QUOTE_MARK.test(s) ? 1 : 0,
    Math.min(1, (s.match(SEPARATOR) ?? []).length / 2),
    /^\([^()]+\)$/u.test(s) ? 1 : 0,
    /^[-\u2013\u2014\u2022\u00B7*>]/u.test(s) ? 1 : 0,
    shareIn(own, ctx.titleStems),
    shareIn(own, rest),
    shareIn(own, neighbours),
    ctx.first === -1 || i < ctx.first ? 1 : 0,
    ctx.first === -1 || i > ctx.last ? 1 : 0,
    i === 0 || i === blocks.length - 1 ? 1 : 0,
    b.kind === 'heading' ? 1 : 0,
    [blocks[i - 1], blocks[i + 1]].some((o) => o?.kind === 'furniture') ? 1 : 0,
    b.kind === 'heading' ? 1 - shareIn(own, rest) : 0,
    b.kind === 'heading' ? 1 - shareIn(own, ctx.titleStems) : 0,
    n <= 12 && (ctx.first === -1 || i < ctx.first || i > ctx.last) ? 1 : 0,
    n <= 12 && CREDIT_WORD.test(s) ? 1 : 0,
    !VERB.test(s) && !TERMINAL.test(s) ? 1 : 0,
  ];
}

/**
 * The features of every block of a page, as the rules left it (their verdicts on the other blocks
 * are part of each block's context).
 */
export function lineFeatures(
  text: string,
  blocks: readonly Block[],
  title: string | null,
  language: string | undefined,
): number[][] {
  const ctx = contextOf(text, blocks, title, language);
  return blocks.map((_, i) => features(ctx, i));
}

/** The model's furniture probability for one line's features. */
export function furnitureProbability(model: LineModel, x: readonly number[]): number {
  let z = model.bias;
  for (let k = 0; k < x.length; k++) z += model.weights[k]! * x[k]!;
  return 1 / (1 + Math.exp(-z));
}

/** One labelled line for fitting: its features and whether the annotation calls it furniture. */
export interface LabelledLine {
  x: readonly number[];
  furniture: boolean;
}

/**
 * Fits a logistic regression by batch gradient descent with an L2 penalty. Written here because
 * the model is 31 weights over a few thousand lines, which a dozen lines fit exactly and
 * deterministically; no dependency may be installed this session (a library would be measured
 * against this one first).
 */
export function fitLogistic(
  rows: readonly LabelledLine[],
  { l2 = 0.01, rate = 0.5, steps = 3000 }: { l2?: number; rate?: number; steps?: number } = {},
): { weights: number[]; bias: number } {
  const d = LINE_FEATURES.length;
  const weights = new Array<number>(d).fill(0);
  let bias = 0;
  if (rows.length === 0) return { weights, bias };
  for (let step = 0; step < steps; step++) {
    const grad = new Array<number>(d).fill(0);
    let gBias = 0;
    for (const r of rows) {
      let z = bias;
      for (let k = 0; k < d; k++) z += weights[k]! * r.x[k]!;
      const err = 1 / (1 + Math.exp(-z)) - (r.furniture ? 1 : 0);
      for (let k = 0; k < d; k++) grad[k]! += err * r.x[k]!;
      gBias += err;
    }
    for (let k = 0; k < d; k++) weights[k] = weights[k]! - rate * (grad[k]! / rows.length + l2 * weights[k]!);
    bias -= (rate * gBias) / rows.length;
  }
  return { weights, bias };
}

/**
 * Sets aside every block the rules kept whose furniture probability reaches the model's threshold,
 * unless it holds a quotation mark or is the page's only prose. A model whose features are not
 * {@link LINE_FEATURES} is refused with an error naming the first difference.
 */
export function dropByLearnedShape(
  text: string,
  blocks: Block[],
  title: string | null,
  language: string | undefined,
  model: LineModel,
): void {
  const mismatch = LINE_FEATURES.findIndex((f, k) => model.features[k] !== f);
  if (mismatch !== -1 || model.features.length !== LINE_FEATURES.length)
    throw new Error(
      `line model: feature ${mismatch === -1 ? LINE_FEATURES.length : mismatch} is "${model.features[mismatch === -1 ? LINE_FEATURES.length : mismatch] ?? '(missing)'}", expected "${LINE_FEATURES[mismatch] ?? '(none)'}"`,
    );
  const xs = lineFeatures(text, blocks, title, language);
  const judged = blocks.map((b, i) => ({
    b,
    p: b.kind === 'furniture' ? 0 : furnitureProbability(model, xs[i]!),
  }));
  const bodies = blocks.filter((b) => b.kind === 'body').length;
  for (const { b, p } of judged) {
    if (b.kind === 'furniture' || p < model.threshold) continue;
    const s = text.slice(b.start, b.end);
    if (QUOTE_MARK.test(s) || (b.kind === 'body' && bodies <= 1)) continue;
    b.kind = 'furniture';
    b.reason = `page furniture by its learned shape (probability ${p.toFixed(2)})`;
  }
}
