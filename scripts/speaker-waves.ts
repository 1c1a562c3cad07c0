/**
 * `npx tsx scripts/speaker-waves.ts [--show W,W] [--speakers]`: speaker accuracy per wave of the
 * annotated `rules` pages in test/fixtures/pages, so that a speaker mechanism written looking at
 * some waves can be measured on the waves it was not written on. Held-out pages are never read:
 * only `rules` pages are scored (waves 1 and 2 count their drawn `rules` pages only).
 * `--show` prints the misses of the waves named; `--speakers` lists every distinct speaker the
 * rules give over all rules pages (annotated quotations or not), most frequent first, to check
 * that each is a person or a body.
 */
import { parseArgs } from 'node:util';
import {
  articleOfPage,
  corpusOfArticle,
  readAnnotatedPages,
  scorePage,
  type PageResult,
} from '../src/corpus/measure.js';
import { QuotationIndex } from '../src/engine/quotes.js';
import { PLANNED_WAVES, RULES_ONLY_WAVES } from '../test/support/page-split.js';

/** The wave numbers of RULES_ONLY_WAVES, in its order (README of test/fixtures/pages). */
const RULES_ONLY_WAVE_NUMBERS = [3, 4, 5, 7, 8, 9, 10, 11, 12, 6, 14, 15, 16, 13, 17];

function waveOf(): Map<string, number> {
  if (RULES_ONLY_WAVE_NUMBERS.length !== RULES_ONLY_WAVES.length)
    throw new Error(
      `speaker-waves: RULES_ONLY_WAVES has ${RULES_ONLY_WAVES.length} waves, RULES_ONLY_WAVE_NUMBERS ${RULES_ONLY_WAVE_NUMBERS.length}: number the new wave`,
    );
  const out = new Map<string, number>();
  PLANNED_WAVES.forEach((w, i) => {
    for (const p of w) out.set(p.id, i + 1);
  });
  RULES_ONLY_WAVES.forEach((w, i) => {
    for (const p of w) out.set(p.id, RULES_ONLY_WAVE_NUMBERS[i]!);
  });
  return out;
}

function main(): void {
  const { values } = parseArgs({
    options: { show: { type: 'string' }, speakers: { type: 'boolean', default: false } },
  });
  const show = new Set((values.show ?? '').split(',').filter(Boolean).map(Number));
  const waves = waveOf();
  const pages = readAnnotatedPages('test/fixtures/pages').filter((p) => p.annotation.split === 'rules');
  const byWave = new Map<number, PageResult[]>();
  const given = new Map<string, number>();
  for (const page of pages) {
    const wave = waves.get(page.annotation.id);
    if (wave === undefined) throw new Error(`speaker-waves: ${page.annotation.id} is in no wave`);
    const article = articleOfPage(page);
    const found = new QuotationIndex(corpusOfArticle(article)).inArticle(article.meta.id);
    for (const f of found) if (f.speaker !== null) given.set(f.speaker, (given.get(f.speaker) ?? 0) + 1);
    const r = scorePage(page, article, found);
    byWave.set(wave, [...(byWave.get(wave) ?? []), r]);
    if (show.has(wave))
      for (const p of r.problems)
        if (/speaker|quotation not/.test(p)) process.stdout.write(`w${wave} ${r.id} ${p}\n`);
  }
  let right = 0;
  let all = 0;
  const cells: string[] = [];
  for (const wave of [...byWave.keys()].sort((a, b) => a - b)) {
    const rs = byWave.get(wave)!;
    const r = rs.reduce((n, x) => n + x.score.speakersRight, 0);
    const q = rs.reduce((n, x) => n + x.score.quotations, 0);
    right += r;
    all += q;
    cells.push(`w${wave} ${r}/${q}`);
  }
  process.stdout.write(`speakers per wave (rules pages): ${cells.join(' · ')} · all ${right}/${all}\n`);
  if (values.speakers)
    for (const [s, n] of [...given].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])))
      process.stdout.write(`  ${n}  ${s}\n`);
}

main();
