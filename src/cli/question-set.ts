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

/**
 * Sets held for checking changes this session (4 Dec 2026, 04:00-07:00 UTC; fresh9 and wave 22
 * the session before): tuning material nobody has tuned on
 * yet, scored only as totals so that a change tuned on the other sets can be seen to carry over.
 * The diagnosis scripts never read them and `npm run train` leaves them out of its fit (see
 * {@link fitSets}), so a refit cannot fit on them either.
 */
export const CHECK_SETS: readonly string[] = ['reworded-fresh10-tuning.json', 'pages-wave23.json'];

/** True for one of this session's check sets (see CHECK_SETS). */
export function isCheckSet(file: string): boolean {
  return CHECK_SETS.includes(basename(file));
}

/**
 * The sets a model may be fitted on: never an untouched set, and the check sets only where
 * `withCheckSets` says so (once a session's check is over and they become plain tuning material).
 */
export function fitSets(files: readonly string[], withCheckSets = false): string[] {
  return files.filter((f) => !isUntouched(f) && (withCheckSets || !isCheckSet(f)));
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

/**
 * True when `part` stands in `whole` as whole words (case, curly quotes and white space ignored):
 * a short answer "No" is not inside "announced", nor "2" or "400" inside "2,400".
 */
export function containsWords(whole: string, part: string): boolean {
  const p = norm(part);
  if (p === '') return false;
  const w = norm(whole);
  for (let at = w.indexOf(p); at !== -1; at = w.indexOf(p, at + 1)) {
    // A digit group of a longer number ("400" of "2,400", "4" of "4.5") is no whole word.
    const before = w.slice(Math.max(0, at - 2), at);
    const after = w.slice(at + p.length, at + p.length + 2);
    if (!/[\p{L}\p{N}]$|\p{N}[,.]$/u.test(before) && !/^[\p{L}\p{N}]|^[,.]\p{N}/u.test(after)) return true;
  }
  return false;
}

/** The verdict a yes/no short answer opens with ("No — Norway has abandoned…"), lower case, or null. */
function verdictOf(text: string): 'yes' | 'no' | null {
  // As the engine gives it: the verdict alone, or before a dash and the words that settle it
  // (an answer that merely opens with "non loin de…" gives none).
  const m = /^\s*(yes|no|oui|non)\s*(?:$|[\u2014\u2013-]\s)/i.exec(text);
  if (!m) return null;
  return /^(?:yes|oui)$/i.test(m[1]!) ? 'yes' : 'no';
}

/**
 * The scoring's rule for a short answer: it holds one of the expected answers as whole words, or
 * stands inside one (a 'when' answer is also scored without the resolved date it carries at its
 * end, "Monday (15 Aug 2022)", since the expected answers quote the article). A yes/no answer
 * ("Yes — <the clause that says so>") whose verdict is the opposite of the one the set gives
 * ("Yes" or "No" among its answers) is wrong, whatever clause it quotes: the clause alone is
 * evidence, the verdict is the answer.
 */
export function shortAnswerRight(d: { answers?: readonly string[] }, answer: string | null): boolean {
  if (answer === null) return false;
  const expected = d.answers ?? [];
  const given = verdictOf(answer);
  if (given !== null) {
    const verdicts = new Set(
      expected.map((x) => (/^\s*(?:yes|no|oui|non)\s*$/i.test(x) ? verdictOf(x) : null)),
    );
    if (verdicts.has(given === 'yes' ? 'no' : 'yes') && !verdicts.has(given)) return false;
  }
  return [answer, answer.replace(/\s*\([^()]*\)$/, '')].some((text) =>
    expected.some((x) => containsWords(text, x) || containsWords(x, text)),
  );
}
