/**
 * Small general-knowledge word lists the answer extractor uses to recognise places, titles and
 * names. They describe the world, not the questions: nothing here names an answer. Each list is
 * a data file (data/*.txt, one entry a line) a newsroom can extend without touching code.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { dataDir, readDataFile } from '../text/datafile.js';

const Entry = z
  .object({ text: z.string(), comment: z.string() })
  .transform((l) => l.text)
  .refine((t) => !/[|]/.test(t) && t.length <= 60, {
    message: 'must be one name or word of at most 60 characters',
  });

function list(name: string): ReadonlySet<string> {
  return new Set(readDataFile(join(dataDir(), name), Entry));
}

/** Sovereign states and a few territories, as commonly written in English news (data/countries.txt). */
export const COUNTRIES: ReadonlySet<string> = list('countries.txt');

/** Regions, capitals and other places that often stand where a country would (data/places.txt). */
export const OTHER_PLACES: ReadonlySet<string> = list('places.txt');

/** Words of rank or office that can precede a person's name and are not part of it (data/title-words.txt). */
export const TITLE_WORDS: ReadonlySet<string> = list('title-words.txt');

/** Capitalised words that are never part of a person's name (data/not-name-words.txt). */
export const NOT_NAME_WORDS: ReadonlySet<string> = list('not-name-words.txt');

const FrenchNoun = z
  .object({ text: z.string(), comment: z.string() })
  .transform((l) => l.text.split('=').map((s) => s.trim().toLowerCase()))
  .refine((p) => p.length === 2 && p.every((w) => /^[\p{L}'\u2019-]{2,40}$/u.test(w)), {
    message: 'must be "french = english", one word each side',
  })
  .transform((p) => [p[0]!, p[1]!] as const);

/**
 * French nouns a question names its answer's kind by ("quelle ministre", "nom du porte-parole"),
 * each with the English noun whose WordNet sense types it (data/french-question-nouns.txt).
 */
export const FRENCH_QUESTION_NOUNS: ReadonlyMap<string, string> = new Map(
  readDataFile(join(dataDir(), 'french-question-nouns.txt'), FrenchNoun),
);
