/**
 * Articles with long runs of names, places, dates, quotation marks or byline-like text, added
 * through `corpus:add`'s own code (addArticle) to a copy of the five seed articles: loading the
 * corpus, the first quotation look-up (which extracts every quotation) and questions over it
 * must stay fast. A 5,000-character run of capitalised names once made the first look-up take
 * about 12 s, and "ab/cd (" with 40 letters and no closing bracket hung the furniture rules.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { addArticle } from '../../src/corpus/ingest.js';
import { loadEngine } from '../../src/engine/index.js';
import { FIXTURE_CORPUS_DIR } from '../support/corpus.js';
import { CAPITALISED_PAIRS, longRun } from '../support/hostile.js';

/*
 * These budgets are hang guards, not speed checks (speed is `npm run bench`'s job). The
 * pathological articles they guard against took 4–12 s; the steps now take tens to a few hundred
 * milliseconds, and up to ~0.8 s when the rest of the suite shares the machine's two cores (a
 * first quotation look-up was seen at 760 ms then). Each budget sits well above that and well
 * below the old behaviour, so the test fails on a regression, not on a busy machine.
 */
/** Loading six articles; a pathological article took seconds. */
const LOAD_BUDGET_MS = 4000;
/** The first quotation look-up extracts every quotation in the corpus (once ~12 s). */
const FIRST_QUOTE_BUDGET_MS = 2500;
/**
 * A paragraph of hundreds of quotations in 41,000 characters: every quotation's sentence was
 * read whole for it (is it a scare quote? what did the analyser make of its sentence?), so the
 * first look-up was quadratic: 112 s for 'Macron said "ab0 cd ef".' repeated, 210 s for
 * '"We0 leave now."' repeated, 18 s for one sentence of a thousand attributed quotations (2 Dec
 * 2026, before those reads were bounded); now about 1–2 s. A hang guard, not a speed check.
 */
const QUOTATION_PARAGRAPH_BUDGET_MS = 20_000;
/** Adding and loading an article of 41,000 characters, under the same load (seen at 2.8 s). */
const LONG_ARTICLE_LOAD_BUDGET_MS = 10_000;
const ASK_BUDGET_MS = 1000;
/**
 * A question over one 60,000-character sentence: its passage is read whole. Number answers once
 * scanned the passage per number (about 4 s here, 7 s at 90,000 characters); now ~100–300 ms.
 */
const LONG_SENTENCE_ASK_BUDGET_MS = 2500;

const ID = 'hostile-times-2022-02-17-run';
const OPENING = 'France said on Thursday it would withdraw its troops from Mali, officials said.';
const CLOSING = 'A spokesman said: "We leave Mali with our heads held high."';
const temps: string[] = [];
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

let worst = { ms: 0, what: '' };
/**
 * The lesser of the step's wall-clock time and its CPU time in this test process (vitest runs each
 * file in its own process). A hang spends both. A machine shared with other suites stretches only
 * the wall clock (one run at load 10 saw a 1,076 ms ask against the 1,000 ms budget), and the
 * collector's helper threads only the CPU time (a first look-up of 3.5 s of CPU in about 2 s).
 */
function timed<T>(what: string, budget: number, fn: () => T): T {
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  const out = fn();
  const wall = performance.now() - wall0;
  const used = process.cpuUsage(cpu0);
  const ms = Math.min(wall, (used.user + used.system) / 1000);
  if (ms > worst.ms) worst = { ms, what };
  expect(ms, `${what} took ${ms.toFixed(0)} ms`).toBeLessThan(budget);
  return out;
}
afterAll(() => {
  console.log(`[reliability] article runs: slowest step ${worst.ms.toFixed(0)} ms (${worst.what})`);
});

/** Adds an article whose middle paragraph is `run` to a fresh copy of the seeds; checks the lot. */
function checkArticle(
  label: string,
  run: string,
  askBudget = ASK_BUDGET_MS,
  firstQuoteBudget = FIRST_QUOTE_BUDGET_MS,
  loadBudget = LOAD_BUDGET_MS,
): void {
  const dir = mkdtempSync(join(tmpdir(), 'article-runs-'));
  temps.push(dir);
  cpSync(FIXTURE_CORPUS_DIR, dir, { recursive: true });
  const input = join(dir, 'input.txt');
  writeFileSync(input, `${OPENING}\n\n${run}\n\n${CLOSING}\n`);
  timed(`${label}: corpus:add`, loadBudget, () =>
    addArticle(dir, input, { id: ID, outlet: 'Hostile Times', title: 'Runs', published: '2022-02-17' }),
  );
  const engine = timed(`${label}: load`, loadBudget, () => loadEngine(dir));
  const quotes = timed(`${label}: first quote look-up`, firstQuoteBudget, () =>
    engine.quote('heads held high'),
  );
  // The article's own quotation is still found, verbatim, with its words intact.
  expect(quotes.quotes[0]?.text).toBe('We leave Mali with our heads held high.');
  expect(quotes.quotes[0]?.articleId).toBe(ID);
  for (const q of [
    'Who said we leave Mali with our heads held high?',
    'How many troops did France withdraw?',
    'How many troops were in Mali?',
    'How many soldiers were in Niger?',
    'When did France withdraw its troops?',
    'Where did the troops go?',
    'Which country did the troops leave?',
    'Why did France leave Mali?',
    'What is Aa?',
    'Who is Aa Ab?',
    'How long did the troops stay in Mali?',
  ])
    timed(`${label}: ask "${q}"`, askBudget, () => engine.ask(q));
}

describe('articles with long runs', () => {
  it('loads, extracts and answers over a 5,000-character run of capitalised names', () => {
    checkArticle('name run', CAPITALISED_PAIRS.join(' ').slice(0, 5000));
  });

  it('loads "by" and 1,666 capitalised words, and a byline-like line that never closes', () => {
    checkArticle('by Aa', `Written by ${'Aa '.repeat(1666)}`.trimEnd());
    checkArticle('byline', `ab/cd (${'a'.repeat(60)}!`);
  });

  it('answers over one 60,000-character sentence of counts, places and dates', () => {
    const counts = Array.from(
      { length: 1400 },
      (_, i) => `${i + 2} troops in Mali and Niger on February ${(i % 28) + 1}`,
    );
    checkArticle('long sentence', `${counts.join(', ')}.`, LONG_SENTENCE_ASK_BUDGET_MS);
  });

  it('loads a paragraph of a thousand short quotations and finds them within budget', () => {
    checkArticle('quotation run', `How many troops did ${'"ab" '.repeat(1000)}`.trimEnd());
  });

  it('loads 41,000-character paragraphs of hundreds of quotations within their hang guard', () => {
    const paragraph = (unit: (i: number) => string) => {
      let s = '';
      for (let i = 0; s.length < 41_000; i++) s += `${unit(i)} `;
      return s.trimEnd();
    };
    for (const [label, unit] of [
      ['sentences of one quotation', (i: number) => `"We${i} leave now."`],
      ['a named speaker each', (i: number) => `Macron said "ab${i} cd ef".`],
      ['one sentence of attributed quotations', (i: number) => `"Convoy ${i} leaves Gao," he said,`],
    ] as const)
      checkArticle(
        label,
        paragraph(unit),
        LONG_SENTENCE_ASK_BUDGET_MS,
        QUOTATION_PARAGRAPH_BUDGET_MS,
        LONG_ARTICLE_LOAD_BUDGET_MS,
      );
  }, 180_000);

  it('loads any long run of names, places, dates or numbers within budget', () => {
    fc.assert(
      fc.property(longRun(5000, 4000), (run) => checkArticle(`run ${JSON.stringify(run.slice(0, 30))}`, run)),
      { numRuns: 12 },
    );
    // Twelve articles loaded and asked: about 15 s on a quiet machine, 42 s at load 11; each step
    // has its own CPU budget above, so the whole test's timeout is only a backstop.
  }, 120_000);
});
