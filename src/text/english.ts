/**
 * The English analyser: the shared tokeniser, the project's English stop words, the Porter2
 * (Snowball English) stemmer from `wink-porter2-stemmer` after a table of irregular forms, and
 * word knowledge from WordNet 3.1 (see wordnet.ts).
 */
import { join } from 'node:path';
import porter2 from 'wink-porter2-stemmer';
import { z } from 'zod';
import { wordTokens, type Analyzer, type RelatedWord, type Token } from './analyzer.js';
import { dataDir, readDataFile } from './datafile.js';
import { foldDiacritics } from './normalize.js';
import { STOP_WORDS } from './stopwords.js';
import { wordnet, type Pos } from './wordnet.js';
import { memoByText } from './memo.js';

const IrregularLine = z
  .object({ text: z.string(), comment: z.string() })
  .transform((l) => l.text.toLowerCase().split(/\s+/))
  .refine((f) => f.length === 2 && f.every((w) => /^[a-z]+$/.test(w)), {
    message: 'must be two lower-case words: FORM BASE (e.g. "came come")',
  });

let irregular: ReadonlyMap<string, string> | null = null;

/** Irregular forms ("came" → "come") from data/english-irregular.txt, read once. */
function irregularForms(): ReadonlyMap<string, string> {
  irregular ??= new Map(
    readDataFile(join(dataDir(), 'english-irregular.txt'), IrregularLine).map((f) => [f[0]!, f[1]!]),
  );
  return irregular;
}

/** The English index form of a lower-case word: irregular forms first, then Porter2. */
// Vocabularies are bounded in practice; the cap only guards against adversarial input.
export const englishStem = memoByText((word: string): string => {
  const base = irregularForms().get(word) ?? word;
  return base.length <= 2 || !/^[a-z]+$/.test(base) ? base : porter2(base);
}, 200_000);

/** WordNet's detachment rules (morphy) for finding a word's base form in each part of speech. */
const DETACH: Record<Pos, Array<[string, string]>> = {
  n: [
    ['s', ''],
    ['ses', 's'],
    ['xes', 'x'],
    ['zes', 'z'],
    ['ches', 'ch'],
    ['shes', 'sh'],
    ['men', 'man'],
    ['ies', 'y'],
  ],
  v: [
    ['s', ''],
    ['ies', 'y'],
    ['es', 'e'],
    ['es', ''],
    ['ed', 'e'],
    ['ed', ''],
    ['ing', 'e'],
    ['ing', ''],
  ],
  a: [
    ['er', ''],
    ['est', ''],
    ['er', 'e'],
    ['est', 'e'],
  ],
  r: [],
};

/** A parent with more children than this is too general for its children to count as sisters. */
const MAX_SISTERS = 12;

/** Most senses of one word followed into WordNet, most frequent first. */
export const MAX_SENSES = 3;

/** The English analyser. */
export class EnglishAnalyzer implements Analyzer {
  readonly language = 'en';

  tokens(text: string): Token[] {
    // The tokens are wordTokens' own, new on every call: folded in place, without a copy of each.
    const tokens = wordTokens(text);
    for (const t of tokens) t.text = foldDiacritics(t.text);
    return tokens;
  }

  isStopWord(token: string): boolean {
    return STOP_WORDS.has(token);
  }

  stem(token: string): string {
    return englishStem(token);
  }

  term(token: string): string | null {
    // Most tokens hold no apostrophe: the two replacements are skipped for them.
    const bare = token.includes("'") ? token.replace(/'s$/, '').replace(/'/g, '') : token;
    if (bare.length === 0 || STOP_WORDS.has(token) || STOP_WORDS.has(bare)) return null;
    return englishStem(bare);
  }

  /**
   * WordNet lemmas a word may be a form of, with their part of speech ("expelled" → expel/v).
   * Remembered per word: each question word costs dozens of binary searches in WordNet's index
   * files otherwise (at 100k passages, 4% of the ask time went to them).
   */
  readonly lemmas = memoByText((token: string) => this.findLemmas(token), 50_000);

  private findLemmas(token: string): Array<{ lemma: string; pos: Pos }> {
    const wn = wordnet();
    const word = token.replace(/'s$/, '').replace(/'/g, '').replace(/ /g, '_');
    const out: Array<{ lemma: string; pos: Pos }> = [];
    const add = (lemma: string, pos: Pos) => {
      if (lemma.length > 1 && wn.has(lemma, pos) && !out.some((o) => o.lemma === lemma && o.pos === pos))
        out.push({ lemma, pos });
    };
    const irr = irregularForms().get(word);
    for (const pos of ['n', 'v', 'a', 'r'] as Pos[]) {
      add(word, pos);
      if (irr) add(irr, pos);
      for (const [from, to] of DETACH[pos]) {
        if (!word.endsWith(from) || word.length <= from.length + 1) continue;
        const base = word.slice(0, -from.length) + to;
        add(base, pos);
        // "expelled" → "expell" → "expel": a doubled final consonant before -ed/-ing.
        if (to === '' && /([b-df-hj-np-tv-z])\1$/.test(base)) add(base.slice(0, -1), pos);
      }
    }
    return out;
  }

  readonly related = memoByText((token: string) => this.findRelated(token), 50_000);

  /**
   * True when the word's most frequent noun sense is an instance in WordNet ("Canada",
   * "Kremlin", "Paris": names, WordNet's `@i`), or its most frequent adjective sense pertains to
   * one ("Canadian", "British"). Remembered per word.
   */
  readonly isName = memoByText((token: string) => this.findIsName(token), 50_000);

  /**
   * The single-word lemmas of the synsets WordNet makes the word's commonest senses (at most
   * MAX_SENSES, the tagged ones) members of (`#m`, `%m`): "Nigerien" → "niger". Reads only those
   * pointers, not every relation as `related` does (about 1.5 ms a word the first time at load 10):
   * this runs on question words at query time. Remembered per word.
   */
  readonly memberOf = memoByText((token: string) => this.findMemberOf(token), 50_000);

  private findMemberOf(token: string): string[] {
    const wn = wordnet();
    const out = new Set<string>();
    for (const { lemma, pos } of this.lemmas(token)) {
      const entry = wn.entry(lemma, pos);
      if (!entry) continue;
      for (const offset of entry.synsets.slice(0, Math.max(1, Math.min(MAX_SENSES, entry.tagged))))
        for (const p of wn.synset(offset, pos).pointers)
          if (
            p.relation === 'member' &&
            (p.source === 0 || p.source === wn.synset(offset, pos).words.indexOf(lemma) + 1)
          )
            for (const w of wn.synset(p.offset, p.pos).words) if (!w.includes('_') && w !== lemma) out.add(w);
    }
    return [...out];
  }

  private findIsName(token: string): boolean {
    const wn = wordnet();
    for (const { lemma, pos } of this.lemmas(token)) {
      if (pos !== 'n' && pos !== 'a') continue;
      const first = wn.entry(lemma, pos)?.synsets[0];
      if (first === undefined) continue;
      const s = wn.synset(first, pos);
      if (pos === 'n' && s.instanceOf) return true;
      if (
        pos === 'a' &&
        s.pointers.some((p) => p.relation === 'pertainym' && wn.synset(p.offset, p.pos).instanceOf)
      )
        return true;
    }
    return false;
  }

  private findRelated(token: string): RelatedWord[] {
    const wn = wordnet();
    const out: RelatedWord[] = [];
    const seen = new Set<string>();
    const push = (word: string, relation: RelatedWord['relation'], sense: number) => {
      const w = word.replace(/_/g, ' ');
      const key = `${w}|${relation}`;
      if (seen.has(key)) return;
      seen.add(key);
      out.push({ word: w, relation, sense });
    };
    for (const { lemma, pos } of this.lemmas(token)) {
      const entry = wn.entry(lemma, pos);
      if (!entry) continue;
      // Frequent senses only: WordNet lists senses most frequent first and counts the tagged ones.
      const senses = entry.synsets.slice(0, Math.max(1, Math.min(MAX_SENSES, entry.tagged)));
      senses.forEach((offset, sense) => {
        const s = wn.synset(offset, pos);
        const self = s.words.indexOf(lemma) + 1;
        for (const w of s.words) if (w !== lemma) push(w, 'synonym', sense);
        for (const p of s.pointers) {
          if (p.source !== 0 && p.source !== self) continue;
          const target = wn.synset(p.offset, p.pos);
          const words = p.target === 0 ? target.words : [target.words[p.target - 1]!];
          for (const w of words) if (w && w !== lemma) push(w, p.relation, sense);
          // Sisters under a specific parent ("envoy" and "ambassador", both diplomats): only
          // through the commonest senses, and only where the parent has few children.
          if (p.relation === 'broader' && pos === 'n' && sense < 2) {
            const children = target.pointers.filter((c) => c.relation === 'narrower');
            if (children.length > MAX_SISTERS) continue;
            for (const c of children) {
              if (c.offset === offset) continue;
              for (const w of wn.synset(c.offset, c.pos).words) if (w !== lemma) push(w, 'sister', sense);
            }
          }
        }
      });
    }
    return out;
  }
}

/** The shared English analyser. */
export const english = new EnglishAnalyzer();
