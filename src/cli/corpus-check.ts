/**
 * `npm run corpus:check`: validates the corpus and prints, per article, what would be indexed
 * (passages), what page furniture is dropped and why, and the quotations found.
 * Exits 1 with a message naming the file and field on the first problem.
 */
import { parseArgs } from 'node:util';
import { loadCorpus, CorpusError } from '../corpus/load.js';
import { QuotationIndex } from '../engine/quotes.js';
import { BUNDLED_CORPUS_DIR } from '../engine/index.js';
import { formatDate, outletLabel, titleLabel } from '../engine/sources.js';
import { sourceOf } from '../engine/sources.js';

function main(): void {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string', default: BUNDLED_CORPUS_DIR },
      verbose: { type: 'boolean', default: false },
    },
  });
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
    const furniture = a.blocks.filter((b) => b.kind === 'furniture');
    const headings = a.blocks.filter((b) => b.kind === 'heading');
    const carried = quotes.filter(
      (q) => q.articleId === a.meta.id || q.alsoIn.some((x) => x.articleId === a.meta.id),
    );
    furnitureTotal += furniture.length;
    const inferred = Object.keys(a.meta.inferred);
    process.stdout.write(
      `${a.meta.id}  (${a.file})\n` +
        `  ${outletLabel(src)} · ${formatDate(src)} · ${titleLabel(src)}${inferred.length ? `  [inferred: ${inferred.join(', ')}]` : ''}\n` +
        `  ${a.passages.length} passages indexed, ${headings.length} headings kept for quotations, ${furniture.length} furniture blocks dropped, ${carried.length} quotations\n`,
    );
    for (const f of furniture) {
      const text = a.text.slice(f.start, f.end).replace(/\s+/g, ' ');
      process.stdout.write(
        `    dropped (${f.reason}): ${text.length > 70 ? `${text.slice(0, 70)}…` : text}\n`,
      );
    }
    if (values.verbose) {
      for (const q of carried)
        process.stdout.write(`    quote [${q.speaker ?? 'no speaker'}]: ${q.text.slice(0, 80)}\n`);
    }
  }
  process.stdout.write(
    `corpus OK: ${corpus.articles.length} articles, ${corpus.passages.length} passages, ${furnitureTotal} furniture blocks dropped, ${quotes.length} distinct quotations\n`,
  );
}

main();
