/**
 * The work a quotation look-up does over a paragraph of a thousand quotations, counted rather
 * than timed (speed is `npm run bench`'s job): the characters the word analyser reads while the
 * index is built and first looked up. Each quotation's sentence used to be analysed once per
 * quotation in it, so one 41,000-character sentence of a thousand quotations was read a thousand
 * times (about 18 s to a first look-up on 2 Dec 2026); it is now read once.
 */
import { describe, expect, it, vi } from 'vitest';
import { QuotationIndex } from '../../src/engine/quotes.js';
import { buildCorpus } from '../support/memory-corpus.js';

const work = vi.hoisted(() => ({ analysed: 0 }));
vi.mock('../../src/text/analyzer.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/text/analyzer.js')>();
  return {
    ...original,
    termsOf: (...args: Parameters<typeof original.termsOf>) => {
      work.analysed += args[1].length;
      return original.termsOf(...args);
    },
  };
});

const OPENING = 'Jean Dupont, the French defence minister, spoke in Paris on Thursday.';

describe('a paragraph of a thousand quotations', () => {
  it('is read a bounded number of times by the first look-up, which finds the one asked for', () => {
    const quotations = Array.from(
      { length: 1000 },
      (_, i) => `"Convoy ${i} will leave Gao in good order," he said`,
    );
    const text = `${OPENING}\n\n${quotations.join(', ')}.\n`;
    expect(text.length).toBeGreaterThan(40_000);
    const index = new QuotationIndex(buildCorpus([['runs', 'Hostile Times', text]]));
    work.analysed = 0;
    const found = index.lookup('convoy 617 leave gao good order');
    expect(found.quotes[0]?.text).toBe('Convoy 617 will leave Gao in good order');
    expect(found.quotes[0]?.speaker).toBe('Jean Dupont');
    // Each quotation's words, its sentence once and the sentence before once: a few times the
    // text, where a sentence analysed once per quotation in it is a thousand times the text.
    expect(work.analysed).toBeLessThan(5 * text.length);
  });
});
