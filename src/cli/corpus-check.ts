/**
 * `npm run corpus:check`: validates the corpus and prints, per article, every passage indexed,
 * every heading kept, every block dropped as page furniture and why, and the quotations found
 * with their speakers; `--verbose` prints them whole. Files left out (an interrupted add's
 * leftovers) are named as warnings.
 * Exits 1 with a message naming the file and field on the first problem.
 */
import { parseArgs } from 'node:util';
import { tally } from '../corpus/speaker-misses.js';
import { loadCorpus, CorpusError } from '../corpus/load.js';
import { QuotationIndex } from '../engine/quotes.js';
import { BUNDLED_CORPUS_DIR } from '../engine/index.js';
import { formatDate, outletLabel, titleLabel } from '../engine/sources.js';
import { sourceOf } from '../engine/sources.js';
import { articleListing, quotationsOf } from './listing.js';
import {
  addScores,
  articleOfPage,
  corpusOfArticle,
  readAnnotatedPages,
  ruleReach,
  scoreLine,
  scorePage,
  type AnnotatedPage,
  type PageResult,
} from '../corpus/measure.js';

/**
 * `--against DIR-or-FILE`: reads hand-annotated pages, runs them through the furniture rules
 * and the quotation index as `corpus:add` would, and prints per page and per split (rules,
 * heldout) furniture precision and recall, speaker accuracy and repeats indexed once.
 * `--split rules|heldout` keeps one split (rules are written looking at `rules` pages only).
 * A held-out page's miss lines are printed only with `--show-heldout-misses`.
 */
function measureAgainst(
  target: string,
  only: string | undefined,
  showHeldout: boolean,
  byRule = false,
): number {
  if (only !== undefined && only !== 'rules' && only !== 'heldout') {
    process.stderr.write(`corpus:check --split: "${only}" is neither rules nor heldout\n`);
    return 1;
  }
  let pages: AnnotatedPage[];
  try {
    pages = readAnnotatedPages(target);
  } catch (err) {
    process.stderr.write(`corpus:check --against: ${(err as Error).message}\n`);
    return 1;
  }
  const results: PageResult[] = [];
  for (const page of pages) {
    const article = articleOfPage(page);
    const found = new QuotationIndex(corpusOfArticle(article)).inArticle(article.meta.id);
    const r = scorePage(page, article, found);
    if (only !== undefined && r.split !== only) continue;
    results.push(r);
    process.stdout.write(`${r.id}  [${r.split}]\n  ${scoreLine(r.score)}\n`);
    // Held-out pages only measure the rules: their misses are not printed unless asked for, so
    // that no one writing rules reads them by accident.
    if (r.split === 'heldout' && !showHeldout) {
      if (r.problems.length > 0)
        process.stdout.write(
          `    (${r.problems.length} miss line(s) not shown: a held-out page is measured, not read; --show-heldout-misses prints them)\n`,
        );
    } else for (const p of r.problems) process.stdout.write(`    ${p}\n`);
  }
  // What kind of speaker errors remain, per split, as counts only (held-out pages are measured,
  // never read); printed before the splits' figures, which stay the last lines.
  for (const split of ['rules', 'heldout'] as const) {
    const misses = results.filter((r) => r.split === split).flatMap((r) => r.speakerMisses);
    if (misses.length === 0) continue;
    process.stdout.write(
      `${split} speaker misses (${misses.length}): ${tally(misses.map((m) => m.kind))}\n` +
        `${split} speaker misses by kind and where the annotated speaker is printed: ${tally(misses.map((m) => `${m.kind}, ${m.where}`))}\n` +
        `${split} speaker misses by language and kind: ${tally(misses.map((m) => `${m.language}, ${m.kind}`))}\n`,
    );
  }
  // Each rule's reach over the rules pages (held-out pages measure the rules, they are not read).
  if (byRule) {
    const outletOf = new Map(pages.map((p) => [p.annotation.id, p.annotation.outlet]));
    const reach = ruleReach(
      results.filter((r) => r.split === 'rules'),
      outletOf,
    );
    process.stdout.write(
      `rules pages, furniture set aside by each rule (${reach.length} rules), widest reach first:\n`,
    );
    for (const r of reach)
      process.stdout.write(
        `  ${r.outlets} outlet(s), ${r.pages} page(s), ${r.right} unit(s)${r.wrong ? `, ${r.wrong} body` : ''}: ${r.reason}\n`,
      );
    const narrow = reach.filter((r) => r.outlets === 1);
    process.stdout.write(
      `rules pages: ${narrow.length} of ${reach.length} rules set aside furniture on one outlet only (${narrow.reduce((n, r) => n + r.right, 0)} of ${reach.reduce((n, r) => n + r.right, 0)} units)\n`,
    );
  }
  for (const split of ['rules', 'heldout'] as const) {
    const mine = results.filter((r) => r.split === split);
    if (mine.length === 0) continue;
    process.stdout.write(
      `${split} (${mine.length} page(s)): ${scoreLine(addScores(mine.map((r) => r.score)))}\n`,
    );
  }
  return 0;
}

const USAGE = `usage:
  npm run corpus:check -- [--corpus DIR] [--verbose]       every article's passages, furniture and quotations
  npm run corpus:check -- --against DIR-or-FILE [--split rules|heldout] [--show-heldout-misses] [--by-rule]
                                                           furniture and speaker figures on annotated pages
                                                           (--by-rule: what each rule sets aside on the rules pages)`;

function main(): void {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        corpus: { type: 'string', default: BUNDLED_CORPUS_DIR },
        verbose: { type: 'boolean', default: false },
        against: { type: 'string' },
        split: { type: 'string' },
        'show-heldout-misses': { type: 'boolean', default: false },
        'by-rule': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (err) {
    // node:util throws on an unknown option or a missing value; a user gets the reason and the
    // usage, not a stack trace.
    process.stderr.write(`corpus:check: ${(err as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }
  const { values } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (values.against !== undefined) {
    process.exitCode = measureAgainst(
      values.against,
      values.split,
      values['show-heldout-misses'],
      values['by-rule'],
    );
    return;
  }
  let corpus;
  try {
    corpus = loadCorpus(values.corpus);
  } catch (err) {
    if (err instanceof CorpusError) {
      process.stderr.write(`corpus:check failed: ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const quotes = new QuotationIndex(corpus).all();
  let furnitureTotal = 0;
  for (const a of corpus.articles) {
    const src = sourceOf(a);
    furnitureTotal += a.blocks.filter((b) => b.kind === 'furniture').length;
    const inferred = Object.keys(a.meta.inferred);
    const lines = [
      `${a.meta.id}  (${a.file})`,
      `  ${outletLabel(src)} · ${formatDate(src)} · ${titleLabel(src)} · ${a.meta.language}${inferred.length ? `  [inferred: ${inferred.join(', ')}]` : ''}`,
      ...articleListing(a, quotationsOf(a, quotes), { width: values.verbose ? 10_000 : 100 }),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  for (const l of corpus.leftovers ?? []) process.stdout.write(`warning: ${l}\n`);
  process.stdout.write(
    `corpus OK: ${corpus.articles.length} articles, ${corpus.passages.length} passages, ${furnitureTotal} furniture blocks dropped, ${quotes.length} distinct quotations${corpus.leftovers?.length ? `, ${corpus.leftovers.length} file(s) left out` : ''}\n`,
  );
}

main();
