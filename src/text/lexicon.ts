/**
 * Word knowledge restricted to one corpus's vocabulary, computed when the index is built and
 * saved with it: for each word a question might use, the corpus terms it relates to, how, and
 * with what weight. A question then costs a few map lookups, and rare senses whose words the
 * corpus never uses cannot reach the ranking.
 *
 * The knowledge comes from each analyser's lexical database (WordNet for English) and from the
 * newsroom's alias list (data/aliases.txt) for what no lexical database holds.
 */
import { join } from 'node:path';
import { z } from 'zod';
import type { Analyzer } from './analyzer.js';
import { dataDir, readDataFile } from './datafile.js';
import { english } from './english.js';
import type { Relation } from './wordnet.js';

/**
 * How a question word reached a passage word. `form` is the same word as another language's
 * analyser indexes it (a name or number in a French passage for an English question).
 */
export type Via = Relation | 'alias' | 'spelling' | 'exact' | 'context' | 'form';

/** One corpus term a question word expands to. */
export interface Expansion {
  term: string;
  /** Weight relative to an exact match (which weighs 1). */
  weight: number;
  via: Via;
}

/**
 * Weight of each relation, relative to an exact match, chosen by measurement on the tuning
 * sets (dev.json, dev-reworded.json and the tuning half of the held-out questions).
 * `broader` means the passage's word is broader than the question's ("diplomat" for "envoy").
 */
export const RELATION_WEIGHTS: Record<Relation | 'alias', number> = {
  synonym: 0.6,
  derived: 0.7,
  pertainym: 0.85,
  member: 0.6,
  region: 0.5,
  broader: 0.35,
  narrower: 0.4,
  instance: 0,
  sister: 0.3,
  similar: 0.4,
  antonym: 0.3,
  alias: 0.6,
};

/** The relation seen from the other word's side. */
const INVERSE: Partial<Record<Via, Via>> = { broader: 'narrower', narrower: 'broader' };

/** Weight kept for a relation reached through a word's second or later sense. */
const LATER_SENSE = 0.85;
/** Corpus terms kept per question word, best first. */
const MAX_PER_KEY = 12;

/** The saved form of a lexicon (see IndexSnapshot). */
export type LexiconSnapshot = Array<[string, Array<[string, number, Via]>]>;

const AliasLine = z
  .object({ text: z.string(), comment: z.string() })
  .transform((l) => ({ names: l.text.split('|').map((s) => s.trim()), comment: l.comment }))
  .refine((a) => a.names.length >= 2 && a.names.every((n) => n.length > 0), {
    message: 'must list at least two names or words separated by "|" (e.g. "coup | junta")',
  })
  .refine((a) => a.comment.length >= 3, { message: 'must say after "#" why these names go together' });

/** One line of data/aliases.txt: names or words a newsroom reads as the same thing. */
export type Alias = z.infer<typeof AliasLine>;

/** Reads an alias list (data/aliases.txt by default); throws DataFileError on a bad line. */
export function readAliases(file = join(dataDir(), 'aliases.txt')): Alias[] {
  return readDataFile(file, AliasLine);
}

let bundledAliases: Alias[] | null = null;

/** The bundled alias list, read once. */
export function aliases(): Alias[] {
  bundledAliases ??= readAliases();
  return bundledAliases;
}

/** The lookup key of a word or phrase: its words' stems (stop words kept) joined by spaces. */
export function keyOf(analyzer: Analyzer, phrase: string): string {
  return analyzer
    .tokens(phrase)
    .map((t) => analyzer.stem(t.text.replace(/'s$/, '').replace(/'/g, '')))
    .join(' ');
}

/** Content terms of a phrase under an analyser. */
function contentTerms(analyzer: Analyzer, phrase: string): string[] {
  const out: string[] = [];
  for (const t of analyzer.tokens(phrase)) {
    const term = analyzer.term(t.text);
    if (term !== null) out.push(term);
  }
  return out;
}

/** Corpus-restricted word knowledge: question word key → corpus terms. */
export class Lexicon {
  private constructor(private readonly map: ReadonlyMap<string, readonly Expansion[]>) {}

  /** An empty lexicon (no word knowledge). */
  static empty(): Lexicon {
    return new Lexicon(new Map());
  }

  /**
   * Builds the lexicon of a vocabulary: for each corpus term, the surface words it was seen
   * as. Every word the lexical database relates to one of those surfaces becomes a key that
   * leads back to the corpus term; so do the alias list's names.
   */
  static build(
    vocabulary: ReadonlyMap<string, ReadonlySet<string>>,
    analyzer: Analyzer = english,
    aliasList: readonly Alias[] = aliases(),
    /**
     * The index terms of the passages of other languages, by their analyser: an alias line's
     * names lead to those terms too, and from a question word as that language's analyser keys
     * it, so a place or body named one way in a French passage ("Tombouctou", "ONU") is met by
     * an English question naming it the other ("Timbuktu", "UN"), and the reverse.
     */
    otherLanguages: ReadonlyArray<{ analyzer: Analyzer; terms: ReadonlySet<string> }> = [],
  ): Lexicon {
    const map = new Map<string, Map<string, Expansion>>();
    const add = (key: string, term: string, weight: number, via: Via) => {
      if (key.length === 0 || key === term) return;
      const byTerm = map.get(key) ?? map.set(key, new Map()).get(key)!;
      const had = byTerm.get(term);
      if (!had || had.weight < weight) byTerm.set(term, { term, weight, via });
    };
    for (const [term, surfaces] of vocabulary) {
      for (const surface of surfaces) {
        for (const r of analyzer.related(surface)) {
          // From the question's side: a corpus word with a broader term is narrower than it.
          const via: Relation =
            r.relation === 'broader' ? 'narrower' : r.relation === 'narrower' ? 'broader' : r.relation;
          const weight = RELATION_WEIGHTS[via] * (r.sense === 0 ? 1 : LATER_SENSE);
          if (weight <= 0) continue;
          // Broader and narrower words only through the word's commonest sense: further senses
          // lead to hierarchies the reporter hardly means.
          if ((via === 'broader' || via === 'narrower') && r.sense > 0) continue;
          const key = keyOf(analyzer, r.word);
          // A related word that is itself only stop words ("be") carries nothing.
          if (contentTerms(analyzer, r.word).length === 0) continue;
          add(key, term, weight, via);
          // Some pointers run one way only ("French" → "France"): where the related word is in
          // the corpus too, the question word may also be this one.
          if (vocabulary.has(key)) add(term, key, weight, INVERSE[via] ?? via);
        }
      }
    }
    const languages = [{ analyzer, has: (t: string) => vocabulary.has(t) }].concat(
      otherLanguages.map((o) => ({ analyzer: o.analyzer, has: (t: string) => o.terms.has(t) })),
    );
    for (const alias of aliasList) {
      for (const from of alias.names)
        for (const to of alias.names) {
          if (from === to) continue;
          // Each language's key for the asking name, to each language's terms for the other.
          for (const asking of languages) {
            const key = keyOf(asking.analyzer, from);
            for (const target of languages) {
              // The list's words are English: within another language they would be read as
              // that language's words. Across languages, only where the other language's
              // passages do not write the asking name itself: "Timbuktu" leads to "Tombouctou",
              // but "Bamako", which French passages write as English ones do, meets them by
              // itself and does not carry the line's newsroom usage (Mali's government) there.
              if (
                target === asking
                  ? asking.analyzer !== analyzer
                  : contentTerms(target.analyzer, from).some((t) => target.has(t))
              )
                continue;
              for (const term of contentTerms(target.analyzer, to))
                if (target.has(term)) add(key, term, RELATION_WEIGHTS.alias, 'alias');
            }
          }
        }
    }
    const out = new Map<string, Expansion[]>();
    for (const [key, byTerm] of map)
      out.set(
        key,
        [...byTerm.values()]
          .sort((a, b) => b.weight - a.weight || a.term.localeCompare(b.term))
          .slice(0, MAX_PER_KEY),
      );
    return new Lexicon(out);
  }

  /** Restores a saved lexicon. */
  static restore(saved: LexiconSnapshot): Lexicon {
    return new Lexicon(
      new Map(saved.map(([key, xs]) => [key, xs.map(([term, weight, via]) => ({ term, weight, via }))])),
    );
  }

  /** The saved form. */
  snapshot(): LexiconSnapshot {
    return [...this.map].map(([key, xs]) => [key, xs.map((x) => [x.term, x.weight, x.via])]);
  }

  /** Corpus terms a question word (or phrase) key expands to, best first. */
  expand(key: string): readonly Expansion[] {
    return this.map.get(key) ?? [];
  }

  /** Number of keys. */
  get size(): number {
    return this.map.size;
  }
}
