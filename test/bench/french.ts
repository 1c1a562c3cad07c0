/**
 * The French half of the bench's bilingual synthetic corpora, shared by `npm run bench` and
 * test/bench/tail.ts so that both time the same corpus: the vocabulary comes from the French
 * fixture pages' body lines (test/fixtures/pages), which stay put as the newsroom's corpus grows.
 */
import { loadPageFixtures } from '../support/page-annotations.js';
import { buildVocabulary, type Vocabulary } from './synthetic.js';

/** Share of synthetic articles written in French unless `--french` says otherwise. */
export const DEFAULT_FRENCH_SHARE = 0.25;

/** The French vocabulary of the bench (deterministic for a seed) and how many pages it read. */
export function frenchVocabulary(seed: number): { vocabulary: Vocabulary; pages: number } {
  const pages = loadPageFixtures().filter((f) => f.annotation.language === 'fr');
  const vocabulary = buildVocabulary(
    pages.map((f) => f.annotation.body.map((n) => f.lines[n - 1]!).join('\n\n')),
    { size: 50_000, seed, language: 'fr' },
  );
  return { vocabulary, pages: pages.length };
}
