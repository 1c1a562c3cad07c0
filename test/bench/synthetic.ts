/**
 * Deterministic synthetic news corpora for the benchmark.
 *
 * Text is drawn from a Zipf-distributed vocabulary (the real corpus's words first, then
 * pronounceable pseudo-words up to ~50k types), with English function words at natural
 * rates, capitalised names, numbers, dates and quotations. Articles are real `Corpus`
 * articles: metadata that satisfies the schema, a headline and body paragraphs, and passages
 * produced by the project's own `prepareArticle` (or built directly in the identical shape
 * when asked, for speed).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareArticle, type Article, type Corpus, type Passage } from '../../src/corpus/load.js';
import type { ArticleMetadata } from '../../src/corpus/schema.js';
import type { Block } from '../../src/corpus/furniture.js';
import { STOP_WORDS } from '../../src/text/stopwords.js';

/** A small seeded PRNG (mulberry32): same seed, same sequence, on every platform. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** An integer in [lo, hi], both included. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty array, uniformly. */
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
}

/**
 * Samples items by rank from a Zipf–Mandelbrot law, weight 1 / (rank + q)^s: the first items
 * are by far the most frequent, the tail is long.
 */
export class ZipfSampler<T> {
  private readonly cumulative: Float64Array;

  constructor(
    readonly items: readonly T[],
    s = 1.0,
    q = 2.7,
  ) {
    if (items.length === 0) throw new Error('ZipfSampler needs at least one item');
    this.cumulative = new Float64Array(items.length);
    let sum = 0;
    for (let r = 0; r < items.length; r++) {
      sum += 1 / (r + 1 + q) ** s;
      this.cumulative[r] = sum;
    }
  }

  /** One item, drawn by its Zipf weight. */
  sample(rng: Rng): T {
    const c = this.cumulative;
    const x = rng.next() * c[c.length - 1]!;
    let lo = 0;
    let hi = c.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (c[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return this.items[lo]!;
  }
}

/** The words a synthetic corpus is written with. */
export interface Vocabulary {
  /** Lower-case content words, most frequent rank first. */
  words: string[];
  /** Capitalised names, most frequent rank first. */
  names: string[];
  /** How many of `words` come from the seed text (they take the top ranks). */
  fromSeed: number;
}

const ONSETS = [
  'b',
  'c',
  'd',
  'f',
  'g',
  'h',
  'j',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'w',
  'z',
  'br',
  'cr',
  'dr',
  'fr',
  'gr',
  'pr',
  'tr',
  'bl',
  'cl',
  'fl',
  'gl',
  'pl',
  'sl',
  'st',
  'sp',
  'sk',
  'sh',
  'ch',
  'th',
  'kw',
  '',
];
const NUCLEI = ['a', 'e', 'i', 'o', 'u', 'a', 'e', 'i', 'o', 'a', 'e', 'ai', 'ea', 'ou', 'io'];
const CODAS = ['', '', '', '', '', 'n', 'r', 's', 'l', 't', 'm', 'n', 'r', 'nd', 'st', 'rk', 'ng', 'x', 'ct'];

function pseudoWord(rng: Rng): string {
  // Mostly two or three syllables, as in news English content words.
  const syllables = rng.pick([1, 2, 2, 2, 2, 3, 3, 3, 4]);
  let w = '';
  // Simple onsets after the first syllable keep words pronounceable and near news lengths.
  for (let i = 0; i < syllables; i++)
    w +=
      (i === 0 ? rng.pick(ONSETS) : rng.pick(ONSETS).slice(0, 1)) +
      rng.pick(NUCLEI) +
      (i === syllables - 1 ? rng.pick(CODAS) : '');
  return w;
}

/** Abbreviations written with a full stop; a generated sentence ending in one would not end. */
const HONORIFICS = new Set([
  'Mr',
  'Mrs',
  'Ms',
  'Dr',
  'Gen',
  'Col',
  'Lt',
  'St',
  'Prof',
  'Sen',
  'Rep',
  'Gov',
  'Jr',
  'Sr',
]);

/**
 * Counts the seed texts' lower-case words and their names (words capitalised mid-sentence and
 * never seen in lower case), letters only, stop words left out.
 */
function countWords(texts: readonly string[]): { words: Map<string, number>; names: Map<string, number> } {
  const words = new Map<string, number>();
  const capitalised = new Map<string, number>();
  for (const text of texts) {
    for (const m of text.matchAll(/(?<=^|[^\p{L}'’-])\p{L}+(?=$|[^\p{L}'’-])/gu)) {
      const w = m[0];
      const lower = w.toLowerCase();
      if (lower.length < 2 || STOP_WORDS.has(lower) || !/^[a-z]+$/.test(lower)) continue;
      const before = text.slice(Math.max(0, m.index! - 3), m.index!);
      const sentenceStart = m.index === 0 || /[.!?:"“”]\s*$|\n\s*$/.test(before);
      if (/^[A-Z][a-z]+$/.test(w) && !sentenceStart) capitalised.set(w, (capitalised.get(w) ?? 0) + 1);
      else if (w === lower) words.set(lower, (words.get(lower) ?? 0) + 1);
    }
  }
  // A word that is capitalised mid-sentence and never seen in lower case is a name.
  const names = new Map<string, number>();
  for (const [w, n] of capitalised) if (!words.has(w.toLowerCase()) && !HONORIFICS.has(w)) names.set(w, n);
  return { words, names };
}

function byCount(m: Map<string, number>): string[] {
  return [...m.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([w]) => w);
}

/**
 * Builds a vocabulary of `size` content-word types: the seed texts' own words by frequency
 * first, then pseudo-words; and `nameCount` names, the seed's names first. Deterministic.
 */
export function buildVocabulary(
  seedTexts: readonly string[],
  options: { size?: number; nameCount?: number; seed?: number } = {},
): Vocabulary {
  const size = options.size ?? 50_000;
  const nameCount = options.nameCount ?? 5_000;
  const rng = new Rng(options.seed ?? 0x5eed);
  const counted = countWords(seedTexts);
  const words = byCount(counted.words).slice(0, size);
  const fromSeed = words.length;
  const taken = new Set<string>(words);
  for (const n of counted.names.keys()) taken.add(n.toLowerCase());
  for (const s of STOP_WORDS) taken.add(s);
  let guard = 0;
  while (words.length < size && guard++ < size * 50) {
    const w = pseudoWord(rng);
    if (w.length < 3 || taken.has(w) || BANNED_OPENERS.has(w)) continue;
    taken.add(w);
    words.push(w);
  }
  const names = byCount(counted.names).slice(0, nameCount);
  guard = 0;
  while (names.length < nameCount && guard++ < nameCount * 50) {
    const w = pseudoWord(rng);
    if (w.length < 4 || taken.has(w)) continue;
    taken.add(w);
    names.push(w[0]!.toUpperCase() + w.slice(1));
  }
  return { words, names, fromSeed };
}

/** Function words with rough relative frequencies in news English (per 10k words). */
const FUNCTION_WORDS: Array<[string, number]> = (
  [
    ['the', 600],
    ['of', 300],
    ['to', 270],
    ['and', 260],
    ['a', 220],
    ['in', 200],
    ['that', 110],
    ['is', 100],
    ['was', 90],
    ['for', 90],
    ['on', 70],
    ['with', 70],
    ['as', 60],
    ['by', 60],
    ['it', 60],
    ['at', 50],
    ['from', 50],
    ['his', 40],
    ['has', 40],
    ['have', 40],
    ['had', 40],
    ['be', 40],
    ['were', 40],
    ['are', 40],
    ['which', 30],
    ['its', 30],
    ['but', 30],
    ['their', 30],
    ['not', 30],
    ['this', 30],
    ['an', 30],
    ['they', 30],
    ['been', 30],
    ['after', 30],
    ['said', 30],
    ['who', 20],
    ['will', 20],
    ['would', 20],
    ['also', 20],
    ['over', 10],
    ['into', 10],
    ['than', 10],
    ['more', 10],
    ['about', 10],
    ['against', 10],
    ['during', 10],
    ['its', 10],
    ['between', 8],
    ['while', 8],
    ['under', 8],
  ] as Array<[string, number]>
).filter(([w]) => STOP_WORDS.has(w));

/**
 * Words that, opening a paragraph, the furniture rules would read as navigation, a byline, an
 * image label or a sidebar heading; a synthetic sentence never starts with one.
 */
const BANNED_OPENERS = new Set(
  'by source sources copyright skip jump back main menu search sign log subscribe share advertisement logo content image photo picture file video infografik infographic graphic grafik interactive map chart published updated posted with most related read recommended trending more you editor editors top latest popular'.split(
    ' ',
  ),
);

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const TITLES = [
  'President',
  'Minister',
  'General',
  'Colonel',
  'spokesman',
  'spokeswoman',
  'commander',
  'Prime Minister',
  'Defence Minister',
  'Foreign Minister',
];
const OUTLETS = [
  'Sahel Courier',
  'The Daily Dispatch',
  'Niger Valley Times',
  'West Africa Monitor',
  'The Evening Ledger',
  'Continental Wire',
  'Bamako Observer',
  'Global Affairs Review',
  'The Morning Post',
  'Desert Radio News',
  'Le Journal du Fleuve',
  'Harmattan Herald',
];

/** Word-level generator of news-like sentences over one vocabulary. */
class Writer {
  private readonly content: ZipfSampler<string>;
  private readonly names: ZipfSampler<string>;
  private readonly functions: { items: string[]; cumulative: number[]; total: number };

  constructor(
    private readonly rng: Rng,
    vocabulary: Vocabulary,
  ) {
    this.content = new ZipfSampler(vocabulary.words);
    this.names = new ZipfSampler(vocabulary.names.length > 0 ? vocabulary.names : ['Name']);
    const cumulative: number[] = [];
    let total = 0;
    for (const [, f] of FUNCTION_WORDS) {
      total += f;
      cumulative.push(total);
    }
    this.functions = { items: FUNCTION_WORDS.map(([w]) => w), cumulative, total };
  }

  private functionWord(): string {
    const x = this.rng.next() * this.functions.total;
    const i = this.functions.cumulative.findIndex((c) => c > x);
    return this.functions.items[Math.max(i, 0)]!;
  }

  private name(): string[] {
    const r = this.rng;
    const out: string[] = [];
    if (r.chance(0.25)) out.push(...r.pick(TITLES).split(' '));
    out.push(this.names.sample(r));
    if (r.chance(0.55)) out.push(this.names.sample(r));
    return out;
  }

  private number(): string[] {
    const r = this.rng;
    const k = r.next();
    if (k < 0.35) return [String(r.range(2, 99))];
    if (k < 0.6) return [String(r.range(100, 999))];
    if (k < 0.8) return [(r.range(100, 9_999) * 10).toLocaleString('en-US')];
    if (k < 0.9) return [String(r.range(1990, 2023))];
    return [`${r.range(1, 99)}.${r.range(1, 9)}`, r.pick(['percent', 'million', 'billion'])];
  }

  private date(): string[] {
    const r = this.rng;
    switch (r.int(5)) {
      case 0:
        return [r.pick(MONTHS), String(r.range(1, 28))];
      case 1:
        return [String(r.range(1, 28)), r.pick(MONTHS), String(r.range(2012, 2023))];
      case 2:
        return ['on', r.pick(WEEKDAYS)];
      case 3:
        return ['in', String(r.range(2012, 2023))];
      default:
        return ['last', r.pick(MONTHS)];
    }
  }

  /** `n` words of running text (names, numbers and dates count by their words). */
  words(n: number): string[] {
    const r = this.rng;
    const out: string[] = [];
    let prevFunction = r.chance(0.5);
    while (out.length < n) {
      const k = r.next();
      if (k < 0.04) out.push(...this.name());
      else if (k < 0.06) out.push(...this.number());
      else if (k < 0.07) out.push(...this.date());
      else {
        // Function and content words alternate loosely, giving roughly 45% function words.
        const fn = prevFunction ? r.chance(0.3) : r.chance(0.62);
        let w = fn ? this.functionWord() : this.content.sample(r);
        if (!fn && out.length < n - 2 && r.chance(0.05)) w += ',';
        out.push(w);
        prevFunction = fn;
        continue;
      }
      prevFunction = false;
    }
    out.length = n;
    const last = out[n - 1]!;
    if (last.endsWith(',')) out[n - 1] = last.slice(0, -1);
    return out;
  }

  /**
   * Capitalises the first word, replacing an opener the furniture rules would misread. A
   * sentence never opens with digits (the sentence segmenter does not break before them, and
   * news style avoids it): "Some" goes in front instead.
   */
  private opening(words: string[]): string[] {
    if (/^\d/.test(words[0]!)) {
      words.unshift('some');
      words.pop();
    }
    const first = words[0]!.replace(/,$/, '');
    if (BANNED_OPENERS.has(first.toLowerCase())) words[0] = words[0]!.endsWith(',') ? 'The,' : 'The';
    words[0] = words[0]!.charAt(0).toUpperCase() + words[0]!.slice(1);
    return words;
  }

  /** One sentence of 12–35 words; about one in ten is a quotation with its speaker. */
  sentence(): string {
    const r = this.rng;
    const length = r.range(12, 35);
    if (r.chance(0.1)) {
      const speaker = this.name().join(' ');
      const inner = this.opening(this.words(Math.max(6, length - speaker.split(' ').length - 1))).join(' ');
      switch (r.int(3)) {
        case 0:
          return `\u201C${inner},\u201D ${speaker} said.`;
        case 1:
          return `${speaker.charAt(0).toUpperCase()}${speaker.slice(1)} said: \u201C${inner}.\u201D`;
        default:
          return `\u201C${inner},\u201D said ${speaker}.`;
      }
    }
    return `${this.opening(this.words(length)).join(' ')}.`;
  }

  /** A headline of 6–11 words with no closing punctuation. */
  headline(): string {
    const words = this.opening(this.words(this.rng.range(6, 11)).map((w) => w.replace(/,$/, '')));
    return words.join(' ');
  }
}

/** How passages are made from the generated text. */
export type PassageMode = 'project' | 'direct';

/** Options of `generateCorpus`. */
export interface SyntheticOptions {
  /** Exact number of passages wanted. */
  passages: number;
  vocabulary: Vocabulary;
  seed?: number;
  /** Passages per article, inclusive range; default 24–36 (about 30). */
  perArticle?: [number, number];
  /**
   * 'project' runs `prepareArticle` (the real segmenter and furniture rules); 'direct' builds
   * the same blocks and passages from the generator's own sentence offsets, much faster.
   */
  mode?: PassageMode;
}

/** A generated corpus with what it took to make. */
export interface SyntheticCorpus extends Corpus {
  seed: number;
  mode: PassageMode;
  /** Articles whose segmentation gave a different passage count than sentences written. */
  mismatches: number;
}

interface Draft {
  meta: ArticleMetadata;
  text: string;
  /** Paragraph spans; the first is the headline. */
  paragraphs: Array<{ start: number; end: number }>;
  /** Sentence spans, in order. */
  sentences: Array<{ start: number; end: number; paragraph: number }>;
}

function draftArticle(writer: Writer, rng: Rng, seed: number, index: number, sentences: number): Draft {
  const id = `synthetic-s${seed}-${String(index).padStart(6, '0')}`;
  const title = writer.headline();
  let text = title;
  const paragraphs = [{ start: 0, end: title.length }];
  const spans: Draft['sentences'] = [];
  let left = sentences;
  while (left > 0) {
    // News paragraphs are short: one to four sentences.
    const k = Math.min(left, rng.pick([1, 2, 2, 3, 3, 4]));
    text += '\n\n';
    const pStart = text.length;
    for (let i = 0; i < k; i++) {
      if (i > 0) text += ' ';
      const s = writer.sentence();
      spans.push({ start: text.length, end: text.length + s.length, paragraph: paragraphs.length });
      text += s;
    }
    paragraphs.push({ start: pStart, end: text.length });
    left -= k;
  }
  text += '\n';
  const day = new Date(Date.UTC(2021, 0, 1) + rng.int(730) * 86_400_000).toISOString().slice(0, 10);
  const meta: ArticleMetadata = {
    id,
    outlet: rng.pick(OUTLETS),
    title,
    published: day,
    url: null,
    language: 'en',
    sha256: createHash('sha256').update(text).digest('hex'),
    collectedAs: `synthetic benchmark text, seed ${seed}`,
    inferred: {
      outlet: 'Synthetic benchmark article: the generator assigned the outlet.',
      published: 'Synthetic benchmark article: the generator assigned the date.',
    },
    furnitureHints: [],
  };
  return { meta, text, paragraphs, sentences: spans };
}

/** Blocks and passages exactly as `prepareArticle` makes them for generated text. */
function directArticle(d: Draft, file: string, firstPassageId: number): Article {
  const blocks: Block[] = d.paragraphs.map((p, i) =>
    i === 0 ? { ...p, kind: 'heading', reason: 'headline' } : { ...p, kind: 'body' },
  );
  const passages: Passage[] = d.sentences.map((s, i) => ({
    id: firstPassageId + i,
    articleId: d.meta.id,
    block: s.paragraph,
    start: s.start,
    end: s.end,
    text: d.text.slice(s.start, s.end),
  }));
  return { meta: d.meta, text: d.text, file, blocks, passages };
}

/**
 * Generates a corpus of exactly `options.passages` passages, deterministically from the seed.
 * Article ids are `synthetic-s<seed>-<n>`.
 */
export function generateCorpus(options: SyntheticOptions): SyntheticCorpus {
  const seed = options.seed ?? 1;
  const mode = options.mode ?? 'project';
  const [lo, hi] = options.perArticle ?? [24, 36];
  const rng = new Rng(seed);
  const writer = new Writer(rng, options.vocabulary);
  const articles: Article[] = [];
  const byId = new Map<string, Article>();
  const passages: Passage[] = [];
  let mismatches = 0;
  while (passages.length < options.passages) {
    const remaining = options.passages - passages.length;
    let want = Math.min(remaining, rng.range(lo, hi));
    let article: Article | null = null;
    for (let attempt = 0; attempt < 8 && article === null; attempt++) {
      const draft = draftArticle(writer, rng, seed, articles.length, want);
      const file = `synthetic/${draft.meta.id}.txt`;
      const a =
        mode === 'direct'
          ? directArticle(draft, file, passages.length)
          : prepareArticle(draft.meta, draft.text, file, passages.length);
      if (a.passages.length !== draft.sentences.length) mismatches++;
      // Segmentation that splits more finely than written could overshoot: write less and retry.
      if (a.passages.length > remaining) want = Math.max(1, want - (a.passages.length - remaining));
      else article = a;
    }
    if (article === null)
      throw new Error(
        `synthetic corpus: could not fit article ${articles.length} into the ${remaining} passages left`,
      );
    articles.push(article);
    byId.set(article.meta.id, article);
    for (const p of article.passages) passages.push(p);
  }
  return {
    dir: `synthetic:seed=${seed}:passages=${options.passages}`,
    articles,
    byId,
    passages,
    seed,
    mode,
    mismatches,
  };
}

/**
 * Writes a corpus as a corpus directory (`<dir>/articles/<id>.json` + `.txt`) that
 * `loadCorpus` reads back, so a fresh process can be timed loading it.
 */
export function writeCorpus(corpus: Corpus, dir: string): void {
  const articles = join(dir, 'articles');
  mkdirSync(articles, { recursive: true });
  for (const a of corpus.articles) {
    writeFileSync(join(articles, `${a.meta.id}.json`), `${JSON.stringify(a.meta, null, 2)}\n`);
    writeFileSync(join(articles, `${a.meta.id}.txt`), a.text);
  }
}

/** All body text of a corpus, for building a vocabulary from it. */
export function corpusTexts(corpus: Corpus): string[] {
  return corpus.articles.map((a) =>
    a.blocks
      .filter((b) => b.kind === 'body')
      .map((b) => a.text.slice(b.start, b.end))
      .join('\n\n'),
  );
}
