/**
 * The cues of saying ("said", "a déclaré") found in a sentence are kept while its quotations are
 * read and by the reading of one article only: no cache of the engine outlives the index that
 * made it or is shared between two indexes built at the same time.
 */
import { describe, expect, it } from 'vitest';
import { QuotationIndex, SentenceCues } from '../../src/engine/quotes.js';
import { buildCorpus } from '../support/memory-corpus.js';

describe('SentenceCues', () => {
  const text = 'Jean Dupont said it was "over". Then the army stopped for a "pause".';
  const first = { start: 0, end: 31 };
  const second = { start: 32, end: text.length };

  it('finds where a sentence says who speaks, and reads a sentence once for all its quotations', () => {
    const cues = new SentenceCues(text);
    const found = cues.of(first);
    expect(found.map((c) => text.slice(c.start, c.end))).toEqual(['said']);
    expect(cues.of(first)).toBe(found);
    expect(cues.of(second).map((c) => text.slice(c.start, c.end))).toEqual([]);
  });

  it('holds the cues of one sentence at most, however many sentences it has read', () => {
    const cues = new SentenceCues(text);
    expect(cues.held).toBe(0);
    cues.of(first);
    cues.of(second);
    cues.of(first);
    expect(cues.held).toBe(1);
  });
});

describe('two quotation indexes built at the same time', () => {
  const one = buildCorpus([
    ['one', 'Gao Times', 'Jean Dupont spoke in Gao. "The handover is done," he said.\n'],
  ]);
  const two = buildCorpus([
    ['two', 'Sahel Post', 'Marie Curie spoke in Paris. The "handover" was late again.\n'],
  ]);

  it('give each article the speakers and scare quotes it gives when built alone', () => {
    const alone = [new QuotationIndex(one), new QuotationIndex(two)].map((ix) =>
      ix.all().map((q) => [q.text, q.speaker]),
    );
    // One step of each in turn: the second build reads its article between the first's steps.
    const a = QuotationIndex.stepwise(one);
    const b = QuotationIndex.stepwise(two);
    let ra = a.next();
    let rb = b.next();
    while (!ra.done || !rb.done) {
      if (!ra.done) ra = a.next();
      if (!rb.done) rb = b.next();
    }
    const together = [ra.value, rb.value].map((ix) => ix.all().map((q) => [q.text, q.speaker]));
    expect(together).toEqual(alone);
    expect(alone).toEqual([[['The handover is done', 'Jean Dupont']], []]);
  });
});
