/**
 * Deterministic synthetic news corpora for the benchmark.
 *
 * Text is drawn from a Zipf-distributed vocabulary (the real corpus's words first, then
 * pronounceable pseudo-words up to ~50k types), with English function words at natural
 * rates, capitalised names, numbers, dates and quotations; a share of articles may be written in
 * French instead (a French vocabulary with its accents, French function words, « » quotations,
 * `language: 'fr'`), since a newsroom's corpus is bilingual and the engine's non-ASCII and
 * French paths cost what the English ones do not. Articles are real `Corpus`
 * articles: metadata that satisfies the schema, a headline and body paragraphs, and passages
 * produced by the project's own `prepareArticle` (or built directly in the identical shape
 * when asked, for speed).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareArticle, type Article, type Corpus, type Passage } from '../../src/corpus/load.js';
import { MOIS } from '../../src/corpus/dates.js';
import type { ArticleMetadata } from '../../src/corpus/schema.js';
import type { Block } from '../../src/corpus/furniture.js';
import { fra } from 'stopword';
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

/** Vowels of French spelling, accents included, for French pseudo-words. */
const NUCLEI_FR = [
  'a',
  'e',
  'i',
  'o',
  'u',
  'é',
  'è',
  'ê',
  'à',
  'ou',
  'oi',
  'au',
  'eau',
  'ai',
  'ie',
  'é',
  'e',
  'a',
];
const CODAS_FR = ['', '', '', '', 'n', 'r', 's', 'l', 't', 'nt', 'rs', 'x', 'que', 'ce', 'ge', 'on', 'ion'];

function pseudoWord(rng: Rng, language: SyntheticLanguage = 'en'): string {
  const nuclei = language === 'fr' ? NUCLEI_FR : NUCLEI;
  const codas = language === 'fr' ? CODAS_FR : CODAS;
  // Mostly two or three syllables, as in news English content words.
  const syllables = rng.pick([1, 2, 2, 2, 2, 3, 3, 3, 4]);
  let w = '';
  // Simple onsets after the first syllable keep words pronounceable and near news lengths.
  for (let i = 0; i < syllables; i++)
    w +=
      (i === 0 ? rng.pick(ONSETS) : rng.pick(ONSETS).slice(0, 1)) +
      rng.pick(nuclei) +
      (i === syllables - 1 ? rng.pick(codas) : '');
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
function countWords(
  texts: readonly string[],
  language: SyntheticLanguage,
): { words: Map<string, number>; names: Map<string, number> } {
  const stop = language === 'fr' ? FRENCH_STOP : STOP_WORDS;
  // English words are plain letters; French ones keep their accents (é, è, à, ç, ï…).
  const lowerWord = language === 'fr' ? /^\p{Ll}+$/u : /^[a-z]+$/;
  const nameWord = language === 'fr' ? /^\p{Lu}\p{Ll}+$/u : /^[A-Z][a-z]+$/;
  const words = new Map<string, number>();
  const capitalised = new Map<string, number>();
  for (const text of texts) {
    for (const m of text.matchAll(/(?<=^|[^\p{L}'’-])\p{L}+(?=$|[^\p{L}'’-])/gu)) {
      const w = m[0];
      const lower = w.toLowerCase();
      if (lower.length < 2 || stop.has(lower) || !lowerWord.test(lower)) continue;
      const before = text.slice(Math.max(0, m.index! - 3), m.index!);
      const sentenceStart = m.index === 0 || /[.!?:"“”«»]\s*$|\n\s*$/.test(before);
      if (nameWord.test(w) && !sentenceStart) capitalised.set(w, (capitalised.get(w) ?? 0) + 1);
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
  options: { size?: number; nameCount?: number; seed?: number; language?: SyntheticLanguage } = {},
): Vocabulary {
  const language = options.language ?? 'en';
  const size = options.size ?? 50_000;
  const nameCount = options.nameCount ?? 5_000;
  const rng = new Rng(options.seed ?? 0x5eed);
  const counted = countWords(seedTexts, language);
  const words = byCount(counted.words).slice(0, size);
  const fromSeed = words.length;
  const taken = new Set<string>(words);
  for (const n of counted.names.keys()) taken.add(n.toLowerCase());
  for (const s of language === 'fr' ? FRENCH_STOP : STOP_WORDS) taken.add(s);
  let guard = 0;
  while (words.length < size && guard++ < size * 50) {
    const w = pseudoWord(rng, language);
    if (w.length < 3 || taken.has(w) || BANNED_OPENERS.has(w)) continue;
    taken.add(w);
    words.push(w);
  }
  const names = byCount(counted.names).slice(0, nameCount);
  guard = 0;
  while (names.length < nameCount && guard++ < nameCount * 50) {
    const w = pseudoWord(rng, language);
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

/** The languages a synthetic article may be written in. */
export type SyntheticLanguage = 'en' | 'fr';

/** French stop words as the French analyser reads them (the `stopword` package's list). */
const FRENCH_STOP: ReadonlySet<string> = new Set(fra.map((w) => w.toLowerCase()));

/** Function words with rough relative frequencies in news French (per 10k words). */
const FUNCTION_WORDS_FR: Array<[string, number]> = (
  [
    ['de', 500],
    ['la', 300],
    ['le', 250],
    ['les', 250],
    ['et', 220],
    ['des', 220],
    ['à', 200],
    ['en', 150],
    ['du', 130],
    ['un', 120],
    ['une', 110],
    ['que', 90],
    ['qui', 90],
    ['dans', 90],
    ['pour', 80],
    ['sur', 70],
    ['par', 70],
    ['au', 60],
    ['est', 60],
    ['a', 50],
    ['pas', 40],
    ['plus', 40],
    ['avec', 40],
    ['ont', 30],
    ['il', 30],
    ['elle', 20],
    ['ses', 20],
    ['son', 20],
    ['sa', 20],
    ['aux', 20],
    ['été', 20],
    ['mais', 15],
    ['ce', 15],
    ['cette', 15],
    ['depuis', 10],
    ['après', 10],
    ['entre', 8],
    ['contre', 8],
  ] as Array<[string, number]>
).filter(([w]) => FRENCH_STOP.has(w));

/**
 * French words that, opening a paragraph, the furniture rules would read as a link, a stamp,
 * a credit or a prompt; a synthetic French sentence never starts with one.
 */
const BANNED_OPENERS_FR = new Set(
  'lire aussi voir publié publiée mis modifié actualisé source sources photo photos vidéo crédit crédits abonnez abonnez-vous abonnement partager partagez suivez commentaires commentaire menu rechercher accueil connexion inscription newsletter image images légende'.split(
    ' ',
  ),
);

/** What a language's generated text is written with besides its vocabulary. */
interface Style {
  language: SyntheticLanguage;
  functionWords: Array<[string, number]>;
  bannedOpeners: ReadonlySet<string>;
  months: readonly string[];
  weekdays: readonly string[];
  titles: readonly string[];
  /** Put in front of a sentence that would open with digits. */
  digitOpener: string;
  /** Replaces an opener the furniture rules would misread. */
  plainOpener: string;
  numberLocale: string;
  scales: readonly string[];
  /** `[on, in, last]` before a weekday, a year and a month. */
  datePrepositions: readonly [string, string, string];
  /** The quotation shapes: inner words (already capitalised) and the speaker. */
  quotations: ReadonlyArray<(inner: string, speaker: string) => string>;
}

function capitalised(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const ENGLISH: Style = {
  language: 'en',
  functionWords: FUNCTION_WORDS,
  bannedOpeners: BANNED_OPENERS,
  months: MONTHS,
  weekdays: WEEKDAYS,
  titles: TITLES,
  digitOpener: 'some',
  plainOpener: 'The',
  numberLocale: 'en-US',
  scales: ['percent', 'million', 'billion'],
  datePrepositions: ['on', 'in', 'last'],
  quotations: [
    (inner, speaker) => `\u201C${inner},\u201D ${speaker} said.`,
    (inner, speaker) => `${capitalised(speaker)} said: \u201C${inner}.\u201D`,
    (inner, speaker) => `\u201C${inner},\u201D said ${speaker}.`,
  ],
};

const FRENCH: Style = {
  language: 'fr',
  functionWords: FUNCTION_WORDS_FR,
  bannedOpeners: BANNED_OPENERS_FR,
  months: MOIS,
  weekdays: ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'],
  titles: [
    'le président',
    'le ministre',
    'le général',
    'le colonel',
    'le porte-parole',
    'la ministre',
    'le Premier ministre',
  ],
  digitOpener: 'environ',
  plainOpener: 'Le',
  // French prints thousands with a narrow no-break space ("12 000").
  numberLocale: 'fr-FR',
  scales: ['%', 'millions', 'milliards'],
  datePrepositions: ['ce', 'en', 'fin'],
  quotations: [
    (inner, speaker) => `\u00AB\u00A0${inner}\u00A0\u00BB, a déclaré ${speaker}.`,
    (inner, speaker) => `Selon ${speaker}, \u00AB\u00A0${inner}\u00A0\u00BB.`,
    (inner, speaker) => `\u00AB\u00A0${inner}\u00A0\u00BB, affirme ${speaker}.`,
  ],
};

/** Word-level generator of news-like sentences over one vocabulary. */
class Writer {
  private readonly content: ZipfSampler<string>;
  private readonly names: ZipfSampler<string>;
  private readonly functions: { items: string[]; cumulative: number[]; total: number };

  constructor(
    private readonly rng: Rng,
    vocabulary: Vocabulary,
    readonly style: Style = ENGLISH,
  ) {
    this.content = new ZipfSampler(vocabulary.words);
    this.names = new ZipfSampler(vocabulary.names.length > 0 ? vocabulary.names : ['Name']);
    const cumulative: number[] = [];
    let total = 0;
    for (const [, f] of style.functionWords) {
      total += f;
      cumulative.push(total);
    }
    this.functions = { items: style.functionWords.map(([w]) => w), cumulative, total };
  }

  private functionWord(): string {
    const x = this.rng.next() * this.functions.total;
    const i = this.functions.cumulative.findIndex((c) => c > x);
    return this.functions.items[Math.max(i, 0)]!;
  }

  private name(): string[] {
    const r = this.rng;
    const out: string[] = [];
    if (r.chance(0.25)) out.push(...r.pick(this.style.titles).split(' '));
    out.push(this.names.sample(r));
    if (r.chance(0.55)) out.push(this.names.sample(r));
    return out;
  }

  private number(): string[] {
    const r = this.rng;
    const k = r.next();
    if (k < 0.35) return [String(r.range(2, 99))];
    if (k < 0.6) return [String(r.range(100, 999))];
    if (k < 0.8) return [(r.range(100, 9_999) * 10).toLocaleString(this.style.numberLocale)];
    if (k < 0.9) return [String(r.range(1990, 2023))];
    const decimal = this.style.language === 'fr' ? ',' : '.';
    return [`${r.range(1, 99)}${decimal}${r.range(1, 9)}`, r.pick(this.style.scales)];
  }

  private date(): string[] {
    const r = this.rng;
    const {
      months,
      weekdays,
      datePrepositions: [on, inYear, last],
    } = this.style;
    switch (r.int(5)) {
      case 0:
        return this.style.language === 'fr'
          ? [String(r.range(1, 28)), r.pick(months)]
          : [r.pick(months), String(r.range(1, 28))];
      case 1:
        return [String(r.range(1, 28)), r.pick(months), String(r.range(2012, 2023))];
      case 2:
        return [on, r.pick(weekdays)];
      case 3:
        return [inYear, String(r.range(2012, 2023))];
      default:
        return [last, r.pick(months)];
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
      words.unshift(this.style.digitOpener);
      words.pop();
    }
    const first = words[0]!.replace(/,$/, '');
    const plain = this.style.plainOpener;
    if (this.style.bannedOpeners.has(first.toLowerCase()))
      words[0] = words[0]!.endsWith(',') ? `${plain},` : plain;
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
      return r.pick(this.style.quotations)(inner, speaker);
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
  /**
   * Writes a share of the articles (0–1) in French with this French vocabulary
   * (`buildVocabulary(…, { language: 'fr' })`); none without it, and then the English corpus
   * of a seed is what it always was.
   */
  french?: { share: number; vocabulary: Vocabulary };
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
    language: writer.style.language,
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
  const french = options.french ? new Writer(rng, options.french.vocabulary, FRENCH) : null;
  const frenchShare = options.french?.share ?? 0;
  const articles: Article[] = [];
  const byId = new Map<string, Article>();
  const passages: Passage[] = [];
  let mismatches = 0;
  while (passages.length < options.passages) {
    const remaining = options.passages - passages.length;
    let want = Math.min(remaining, rng.range(lo, hi));
    // The language is drawn only when French is asked for, so an English-only corpus of a seed
    // stays the same text it always was.
    const w = french && rng.chance(frenchShare) ? french : writer;
    let article: Article | null = null;
    for (let attempt = 0; attempt < 8 && article === null; attempt++) {
      const draft = draftArticle(w, rng, seed, articles.length, want);
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
