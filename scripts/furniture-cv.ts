/**
 * `npm run furniture:cv`: measures the learned furniture judge of src/corpus/line-shape.ts
 * leave-one-wave-out beside the rules. For each wave of annotated `rules` pages in
 * test/fixtures/pages, a logistic model is fitted on the other waves' lines (every line, or with
 * `--train kept` only those the rules keep), its threshold set just above the highest probability
 * it gives a body line the rules keep on those waves (so that, on them, it drops no body line;
 * never below `--floor`, 0.5), and it is run after the rules on the left-out wave. Printed per
 * wave and in total: furniture precision and recall of the rules alone and of the rules with the
 * model. Held-out pages are never read (only `rules` pages are loaded), and a page in no wave of
 * test/support/page-split.ts is refused by name. `--show WAVE` prints, for one wave, each line
 * whose verdict the model changed and the kept lines it scores highest. `--rules-only` fits no
 * model and prints the rules' figures wave by wave (to see which waves a change of rules moves);
 * with it, `--misses WAVE` prints that wave's furniture misses.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { classifyBlocks, type Block } from '../src/corpus/furniture.js';
import {
  dropByLearnedShape,
  fitLogistic,
  furnitureProbability,
  LINE_FEATURES,
  lineFeatures,
  type LabelledLine,
  type LineModel,
} from '../src/corpus/line-shape.js';
import {
  addScores,
  articleOfPage,
  percent,
  readAnnotatedPages,
  scorePage,
  type AnnotatedPage,
  type Score,
} from '../src/corpus/measure.js';
import { splitParagraphs } from '../src/corpus/segment.js';
import { waveNumbers } from '../test/support/page-split.js';

/** The rules' blocks of a page (no learned pass). */
function ruleBlocks(page: AnnotatedPage): Block[] {
  const a = page.annotation;
  return classifyBlocks(page.text, splitParagraphs(page.text), {
    title: a.title,
    furnitureHints: [],
    language: a.language,
    outlet: a.outlet,
  });
}

/**
 * Each block of a page with its features and its label: furniture when every line it covers is
 * annotated furniture, body when one is body. A stretch cut from inside a line, and a block
 * holding a repeated body line, are left out.
 */
function labelledBlocks(page: AnnotatedPage, blocks: Block[]): Array<LabelledLine & { block: Block }> {
  const a = page.annotation;
  const text = page.text;
  const starts: number[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    starts.push(at);
    at += line.length + 1;
  }
  const lineOf = (offset: number) => {
    let n = 0;
    while (n + 1 < starts.length && starts[n + 1]! <= offset) n++;
    return n + 1;
  };
  const furniture = new Set(a.furniture);
  const body = new Set(a.body);
  const repeats = new Set(a.repeatsBody.map((r) => r.line));
  const xs = lineFeatures(text, blocks, a.title, a.language);
  const out: Array<LabelledLine & { block: Block }> = [];
  blocks.forEach((b, i) => {
    const from = lineOf(b.start);
    const to = lineOf(Math.max(b.start, b.end - 1));
    const lineText = (n: number) => text.slice(starts[n - 1]!, (starts[n] ?? text.length + 1) - 1).trim();
    if (from === to && text.slice(b.start, b.end).trim() !== lineText(from)) return;
    const lines: number[] = [];
    for (let n = from; n <= to; n++) if (lineText(n) !== '') lines.push(n);
    if (lines.some((n) => repeats.has(n))) return;
    if (lines.some((n) => body.has(n))) out.push({ x: xs[i]!, furniture: false, block: b });
    else if (lines.every((n) => furniture.has(n))) out.push({ x: xs[i]!, furniture: true, block: b });
  });
  return out;
}

/**
 * Fits a model on pages: the weights on every block (or every block the rules keep), the threshold the lowest at which no body
 * block the rules keep on those pages would be set aside (never below `floor`).
 */
function fitModel(pages: readonly AnnotatedPage[], floor: number, keptOnly: boolean): LineModel {
  const rows = pages
    .flatMap((p) => labelledBlocks(p, ruleBlocks(p)))
    .filter((r) => !keptOnly || r.block.kind !== 'furniture');
  const { weights, bias } = fitLogistic(rows);
  const model: LineModel = { features: [...LINE_FEATURES], weights, bias, threshold: 1 };
  const keptBody = rows.filter((r) => !r.furniture && r.block.kind !== 'furniture');
  const highest = Math.max(0, ...keptBody.map((r) => furnitureProbability(model, r.x)));
  return { ...model, threshold: Math.max(floor, Math.min(0.999, highest + 0.001)) };
}

function scoreWith(page: AnnotatedPage, model: LineModel | null) {
  const a = page.annotation;
  const blocks = ruleBlocks(page);
  if (model) dropByLearnedShape(page.text, blocks, a.title, a.language, model);
  const article = { ...articleOfPage(page), blocks };
  return scorePage(page, article, []);
}

/** Furniture precision and recall of a score, and the share of furniture kept out of the index. */
function furnitureLine(s: Score): string {
  return `precision ${percent(s.claimedRight, s.claimed)} · recall ${percent(s.found, s.furniture)} · out of the index ${percent(s.outOfIndex, s.furniture)}`;
}

function main(): void {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        against: { type: 'string', default: 'test/fixtures/pages' },
        train: { type: 'string', default: 'all' },
        show: { type: 'string' },
        floor: { type: 'string', default: '0.5' },
        'rules-only': { type: 'boolean', default: false },
        misses: { type: 'string' },
      },
    });
  } catch (err) {
    throw new Error(`furniture:cv: ${(err as Error).message}`);
  }
  const { values } = parsed;
  if (values.train !== 'all' && values.train !== 'kept')
    throw new Error(`furniture:cv --train: "${values.train}" is neither all nor kept`);
  const floor = Number(values.floor);
  if (!(floor >= 0 && floor < 1))
    throw new Error(`furniture:cv --floor: "${values.floor}" is not a number in [0, 1)`);
  const waves = waveNumbers();
  let pages: AnnotatedPage[];
  try {
    pages = readAnnotatedPages(values.against).filter((p) => p.annotation.split === 'rules');
  } catch (err) {
    throw new Error(`furniture:cv --against: ${(err as Error).message}`);
  }
  for (const p of pages)
    if (!waves.has(p.annotation.id))
      throw new Error(
        `furniture:cv: ${p.file}: page ${p.annotation.id} is in no wave of test/support/page-split.ts`,
      );
  const numbers = [...new Set(pages.map((p) => waves.get(p.annotation.id)!))].sort((x, y) => x - y);
  const totals: Record<'rules' | 'model', Score[]> = { rules: [], model: [] };
  for (const w of numbers) {
    const mine = pages.filter((p) => waves.get(p.annotation.id) === w);
    const others = pages.filter((p) => waves.get(p.annotation.id) !== w);
    if (values['rules-only']) {
      // The rules alone, wave by wave: no model fitted (quick, for measuring a change of rules).
      const rules = mine.map((p) => scoreWith(p, null));
      totals.rules.push(...rules.map((r) => r.score));
      process.stdout.write(
        `wave ${w} (${mine.length} pages): rules ${furnitureLine(addScores(rules.map((r) => r.score)))}\n`,
      );
      if (values.misses === String(w))
        for (const r of rules)
          for (const p of r.problems)
            if (!/quotation|speaker/.test(p)) process.stdout.write(`    ${r.id} ${p}\n`);
      continue;
    }
    const model = fitModel(others, floor, values.train === 'kept');
    const rules = mine.map((p) => scoreWith(p, null));
    const withModel = mine.map((p) => scoreWith(p, model));
    totals.rules.push(...rules.map((r) => r.score));
    totals.model.push(...withModel.map((r) => r.score));
    process.stdout.write(
      `wave ${w} (${mine.length} pages, threshold ${model.threshold.toFixed(3)}): rules ${furnitureLine(addScores(rules.map((r) => r.score)))}; rules+model ${furnitureLine(addScores(withModel.map((r) => r.score)))}\n`,
    );
    if (values.show !== String(w)) continue;
    withModel.forEach((r, k) => {
      const before = new Set(rules[k]!.problems);
      const after = new Set(r.problems);
      for (const p of r.problems) if (!before.has(p)) process.stdout.write(`    + ${r.id} ${p}\n`);
      for (const p of rules[k]!.problems) if (!after.has(p)) process.stdout.write(`    - ${r.id} ${p}\n`);
    });
    const kept = mine.flatMap((p) =>
      labelledBlocks(p, ruleBlocks(p))
        .filter((r) => r.block.kind !== 'furniture')
        .map((r) => ({
          p: furnitureProbability(model, r.x),
          r,
          text: p.text.slice(r.block.start, r.block.end),
        })),
    );
    kept.sort((x, y) => y.p - x.p);
    for (const q of kept.filter((q) => q.r.furniture || q.p >= 0.3))
      process.stdout.write(
        `    ${q.r.furniture ? 'furniture' : 'body     '} ${q.p.toFixed(3)} ${q.text.slice(0, 70)}\n`,
      );
  }
  if (values['rules-only']) {
    process.stdout.write(`all waves: rules ${furnitureLine(addScores(totals.rules))}\n`);
    return;
  }
  process.stdout.write(
    `all waves, each scored by a model fitted on the others: rules ${furnitureLine(addScores(totals.rules))}; rules+model ${furnitureLine(addScores(totals.model))}\n`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (err) {
    // A bad option or page is named in one line, not a stack trace.
    process.stderr.write(`${(err as Error).message}\n`);
    process.exitCode = 1;
  }
}
