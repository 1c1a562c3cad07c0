/**
 * `npx tsx scripts/speaker-waves.ts [--show W,W] [--speakers]`: speaker accuracy per wave of the
 * annotated `rules` pages in test/fixtures/pages, so that a speaker mechanism written looking at
 * some waves can be measured on the waves it was not written on. Held-out pages are never read:
 * only `rules` pages are scored (waves 1 and 2 count their drawn `rules` pages only).
 * `--show` prints the misses of the waves named; `--speakers` lists every distinct speaker the
 * rules give over all rules pages (annotated quotations or not), most frequent first, to check
 * that each is a person or a body; `--causes W,W` counts the misses of the waves named by kind
 * of error and by where the annotated speaker is printed (src/corpus/speaker-misses.ts), so a
 * wave's misses can be sorted by cause without reading them.
 */
import { parseArgs } from 'node:util';
import {
  articleOfPage,
  corpusOfArticle,
  readAnnotatedPages,
  scorePage,
  type PageResult,
} from '../src/corpus/measure.js';
import { tally } from '../src/corpus/speaker-misses.js';
import { QuotationIndex } from '../src/engine/quotes.js';
import { waveNumbers } from '../test/support/page-split.js';

function main(): void {
  const { values } = parseArgs({
    options: {
      show: { type: 'string' },
      causes: { type: 'string' },
      speakers: { type: 'boolean', default: false },
    },
  });
  const show = new Set((values.show ?? '').split(',').filter(Boolean).map(Number));
  const causes = new Set((values.causes ?? '').split(',').filter(Boolean).map(Number));
  const waves = waveNumbers();
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
  for (const wave of [...causes].sort((a, b) => a - b)) {
    const misses = (byWave.get(wave) ?? []).flatMap((r) => r.speakerMisses);
    process.stdout.write(`w${wave} misses by kind: ${tally(misses.map((m) => m.kind))}\n`);
    process.stdout.write(`w${wave} misses by where: ${tally(misses.map((m) => m.where))}\n`);
  }
  if (values.speakers)
    for (const [s, n] of [...given].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])))
      process.stdout.write(`  ${n}  ${s}\n`);
}

main();
