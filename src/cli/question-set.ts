/**
 * The question sets of test/data/eval (format: test/data/eval/README.md), as `npm run eval` and
 * `npm run train` read them.
 */
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Corpus } from '../corpus/load.js';

/** A question set file. */
export const QuestionSet = z.object({
  /** A corpus folder of its own, relative to the set's file; the set is scored on it. */
  corpus: z.string().optional(),
  ask: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['fact', 'conflict', 'abstain']),
      question: z.string(),
      answers: z.array(z.string()).optional(),
      variants: z.array(z.array(z.string())).optional(),
      sources: z.array(z.string()).optional(),
    }),
  ),
  quote: z
    .array(
      z.union([
        z.object({
          id: z.string(),
          query: z.string(),
          speaker: z.string(),
          text: z.string(),
          sources: z.array(z.string()),
        }),
        z.object({ id: z.string(), query: z.string(), absent: z.literal(true) }),
      ]),
    )
    .default([]),
});
export type QuestionSet = z.infer<typeof QuestionSet>;

/** The bundled sets' folder. */
export const EVAL_DIR = join(fileURLToPath(new URL('../..', import.meta.url)), 'test', 'data', 'eval');

/** Every bundled set, dev.json first, then by name. */
export function bundledSets(): string[] {
  return readdirSync(EVAL_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort((a, b) => (a === 'dev.json' ? -1 : b === 'dev.json' ? 1 : a.localeCompare(b)))
    .map((name) => join(EVAL_DIR, name));
}

/** True for a set held out from tuning: its file name says `untouched`. */
export function isUntouched(file: string): boolean {
  return /untouched/i.test(basename(file));
}

/** Text as the scoring compares it: lower case, straight quotes, white space folded. */
export const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();

/** The source name a set gives an article: the first three characters of the file it was collected as. */
export function sourceOf(corpus: Corpus, articleId: string): string {
  return corpus.byId.get(articleId)?.meta.collectedAs?.slice(0, 3) ?? '?';
}

/** The scoring's rule for a fact: `text` holds one of the answers and stands in one of the sources. */
export function answersIt(
  d: { answers?: readonly string[]; sources?: readonly string[] },
  text: string,
  source: string,
): boolean {
  return (d.answers ?? []).some((x) => norm(text).includes(norm(x))) && (d.sources ?? []).includes(source);
}
