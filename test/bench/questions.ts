/**
 * Benchmark questions drawn from a corpus: natural question shapes ("How many … were …?",
 * "Who said …", "When did …", "Why …") filled with the corpus's own words, a mix of words
 * from one passage (frequent and rare alike, as they occur), deliberately rare words and
 * common ones; a share carry one misspelling. Also short quotation lookups.
 */
import type { Corpus } from '../../src/corpus/load.js';
import { STOP_WORDS } from '../../src/text/stopwords.js';
import { Rng } from './synthetic.js';

/** The questions for one corpus; every system is asked exactly these. */
export interface QuestionSet {
  ask: string[];
  /** Indices into `ask` of the questions that carry a misspelling. */
  misspelt: number[];
  /** 2–4 word lookups taken from quotations in the corpus. */
  quote: string[];
}

/** Options of `generateQuestions`. */
export interface QuestionOptions {
  count?: number;
  quotes?: number;
  seed?: number;
  /** Share of questions with one misspelt word (one edit in a word of five letters or more). */
  misspellRate?: number;
}

const WORD = /\p{L}[\p{L}'’-]*\p{L}|\p{L}/gu;

interface WordStats {
  /** Content word types, most frequent first (lower case). */
  byFrequency: string[];
  /** Types seen at most twice. */
  rare: string[];
}

function wordStats(corpus: Corpus): WordStats {
  const counts = new Map<string, number>();
  for (const p of corpus.passages) {
    for (const m of p.text.matchAll(WORD)) {
      const w = m[0].toLowerCase();
      if (w.length < 3 || STOP_WORDS.has(w)) continue;
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
  const byFrequency = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([w]) => w);
  const rare = byFrequency.filter((w) => counts.get(w)! <= 2);
  return {
    byFrequency,
    rare: rare.length > 0 ? rare : byFrequency.slice(-Math.max(1, byFrequency.length >> 2)),
  };
}

/** Content words and names of one passage, in order. */
function passageWords(text: string): { content: string[]; names: string[] } {
  const content: string[] = [];
  const names: string[] = [];
  let first = true;
  for (const m of text.matchAll(WORD)) {
    const w = m[0].replace(/['’]s$/, '');
    const lower = w.toLowerCase();
    const atStart = first;
    first = false;
    if (lower.length < 3 || STOP_WORDS.has(lower)) continue;
    if (/^\p{Lu}/u.test(w) && !atStart) names.push(w);
    else content.push(lower);
  }
  return { content, names };
}

/** A template: `C` is a content word, `N` a name; everything else is literal. */
const SHAPES: string[] = [
  'How many C were C in N?',
  'How many C did N C?',
  'How many C C were C?',
  'Who said C C C?',
  'Who said the C was C?',
  'Who C the C C?',
  'When did N C the C?',
  'When was the C C?',
  'When did the C C C C?',
  'Why did N C C?',
  'Why were C C in N?',
  'Why is the C C C C?',
  'Where is the C C?',
  'Where did N C the C?',
  'What is N?',
  'What did N say about the C C?',
  'Which C C the C C?',
  'Which C did N C?',
  'How long did the C C last?',
  'What was the C of the C C C?',
  'Is N C C C C C C?',
  'C C C',
  'N C C',
];

/** One random edit (substitution, insertion or deletion) away from the word; never the first letter. */
function misspell(word: string, rng: Rng): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const i = 1 + rng.int(word.length - 1);
  switch (rng.int(3)) {
    case 0: {
      let c = rng.pick([...letters]);
      while (c === word[i]!.toLowerCase()) c = rng.pick([...letters]);
      return word.slice(0, i) + c + word.slice(i + 1);
    }
    case 1:
      return word.slice(0, i) + rng.pick([...letters]) + word.slice(i);
    default:
      return word.slice(0, i) + word.slice(i + 1);
  }
}

function quotations(corpus: Corpus): string[] {
  const out: string[] = [];
  for (const a of corpus.articles) {
    for (const m of a.text.matchAll(/[“"]([^”"\n]{12,400})[”"]/g)) out.push(m[1]!);
  }
  return out;
}

/**
 * Generates the ask questions and quotation lookups for a corpus, deterministically from the
 * seed. Content words come 65% from one randomly chosen passage, 20% from the corpus's rare
 * words and 15% from its 500 most common ones.
 */
export function generateQuestions(corpus: Corpus, options: QuestionOptions = {}): QuestionSet {
  const count = options.count ?? 1000;
  const rng = new Rng(options.seed ?? 7);
  const stats = wordStats(corpus);
  const common = stats.byFrequency.slice(0, 500);
  const ask: string[] = [];
  const misspelt: number[] = [];
  const misspellRate = options.misspellRate ?? 0.15;

  while (ask.length < count) {
    const anchor = passageWords(rng.pick(corpus.passages).text);
    const shape = rng.pick(SHAPES);
    const filled: Array<{ text: string; slot: boolean }> = [];
    for (const token of shape.split(' ')) {
      const bare = token.replace(/[?]$/, '');
      const tail = token.slice(bare.length);
      let word: string | null = null;
      if (bare === 'C') {
        const k = rng.next();
        if (k < 0.65 && anchor.content.length > 0) word = rng.pick(anchor.content);
        else if (k < 0.85) word = rng.pick(stats.rare);
        else word = rng.pick(common);
      } else if (bare === 'N') {
        word = anchor.names.length > 0 ? rng.pick(anchor.names) : capitalise(rng.pick(common));
      }
      if (word === null) filled.push({ text: token, slot: false });
      else filled.push({ text: word + tail, slot: true });
    }
    // Capitalise the first word of templates that open with a slot.
    filled[0]!.text = capitalise(filled[0]!.text);
    let question = filled.map((f) => f.text).join(' ');
    const words = question.split(' ').length;
    if (words < 3 || words > 12) continue;
    if (rng.chance(misspellRate)) {
      const eligible = filled
        .map((f, i) => (f.slot && /^\p{L}{5,}/u.test(f.text) ? i : -1))
        .filter((i) => i >= 0);
      if (eligible.length > 0) {
        const i = rng.pick(eligible);
        const f = filled[i]!;
        const bare = f.text.replace(/[?]$/, '');
        f.text = misspell(bare, rng) + f.text.slice(bare.length);
        question = filled.map((x) => x.text).join(' ');
        misspelt.push(ask.length);
      }
    }
    ask.push(question);
  }

  const quotes: string[] = [];
  const pool = quotations(corpus);
  const wanted = options.quotes ?? 300;
  for (let guard = 0; quotes.length < wanted && guard < wanted * 20; guard++) {
    const source = pool.length > 0 ? rng.pick(pool) : rng.pick(corpus.passages).text;
    const words = source
      .split(/\s+/)
      .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
      .filter(Boolean);
    const n = rng.range(2, 4);
    if (words.length < n) continue;
    const at = rng.int(words.length - n + 1);
    const picked = words.slice(at, at + n);
    // A lookup of stop words only ("in the") is not how anyone searches for a quotation.
    if (!picked.some((w) => w.length >= 3 && !STOP_WORDS.has(w.toLowerCase()))) continue;
    quotes.push(picked.join(' '));
  }
  return { ask, misspelt, quote: quotes };
}

function capitalise(w: string): string {
  return w.charAt(0).toUpperCase() + w.slice(1);
}
