/**
 * The registered analysers, by language tag, and the language of a question.
 */
import type { Analyzer } from './analyzer.js';
import { english } from './english.js';
import { french } from './french.js';
import { aliases } from './lexicon.js';

const ANALYZERS: ReadonlyMap<string, Analyzer> = new Map<string, Analyzer>([
  ['en', english],
  ['fr', french],
]);

/** The analyser for a BCP 47 tag ("fr", "fr-FR"); English for any language without its own. */
export function analyzerFor(language: string | null | undefined): Analyzer {
  const primary = (language ?? 'en').toLowerCase().split('-')[0]!;
  return ANALYZERS.get(primary) ?? english;
}

/** A word written in capitals: an abbreviation ("EU", "AU", "UN"), whatever its letters spell. */
const ABBREVIATION = /^\p{Lu}{2,}$/u;

let knownAbbreviations: ReadonlySet<string> | null = null;

/**
 * The abbreviations the newsroom's alias list writes in capitals, lower case ("un", "eu", "au"):
 * typed in lower case in a question they may be either the abbreviation or a French function
 * word, so they count for no language either.
 */
function abbreviations(): ReadonlySet<string> {
  knownAbbreviations ??= new Set(
    aliases()
      .flatMap((a) => a.names)
      .filter((n) => ABBREVIATION.test(n))
      .map((n) => n.toLowerCase()),
  );
  return knownAbbreviations;
}

/**
 * The language of a short text such as a question, by which analyser's stop words it uses
 * most (questions are too short for character n-gram detection to be reliable). Ties and texts
 * with no stop word at all read as English. A word in capitals counts for no language: "EU-AU
 * summit where" spells two French function words ("eu", "au") that are abbreviations here; nor
 * does one the alias list writes as an abbreviation, in any case ("un peacekeeping spokesman").
 */
export function questionLanguage(text: string): string {
  let best: Analyzer = english;
  let bestCount = -1;
  for (const analyzer of ANALYZERS.values()) {
    const tokens = analyzer.tokens(text);
    let n = 0;
    for (const t of tokens)
      if (
        analyzer.isStopWord(t.text) &&
        !ABBREVIATION.test(text.slice(t.start, t.end)) &&
        !abbreviations().has(t.text)
      )
        n++;
    if (n > bestCount) {
      best = analyzer;
      bestCount = n;
    }
  }
  return best.language;
}
