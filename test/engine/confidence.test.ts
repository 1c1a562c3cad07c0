import { describe, expect, it } from 'vitest';
import { confidenceOf } from '../../src/engine/answer.js';
import { loadEngine } from '../../src/engine/index.js';
import { FIXTURE_CORPUS_DIR } from '../support/corpus.js';

const sure = { coverage: 1, typed: true, nowhere: 0, margin: 1, agreement: 1 };

describe('confidence from its features', () => {
  it('is the coverage when nothing is in doubt', () => {
    expect(confidenceOf(sure)).toBe(1);
    expect(confidenceOf({ ...sure, coverage: 0.6 })).toBeCloseTo(0.6, 10);
  });

  it('drops by 30% when the passage lacks an answer of the asked type, and not when no type is asked', () => {
    expect(confidenceOf({ ...sure, typed: false })).toBeCloseTo(0.7, 10);
    expect(confidenceOf({ ...sure, typed: null })).toBe(1);
  });

  it('drops by half the share of question words matched nowhere', () => {
    expect(confidenceOf({ ...sure, nowhere: 0.4 })).toBeCloseTo(0.8, 10);
  });

  it('drops by up to a tenth each for no margin over the next passage and no agreement from another article', () => {
    expect(confidenceOf({ ...sure, margin: 0 })).toBeCloseTo(0.9, 10);
    expect(confidenceOf({ ...sure, margin: 0.125 })).toBeCloseTo(0.95, 10);
    expect(confidenceOf({ ...sure, agreement: 0 })).toBeCloseTo(0.9, 10);
  });
});

describe('confidence on the fixture corpus', () => {
  const engine = loadEngine(FIXTURE_CORPUS_DIR);

  it('answers a question whose words the passage says otherwise ("expelled" → "expulsion")', () => {
    const a = engine.ask('Who expelled the French ambassador?');
    expect(a.status).toBe('answered');
    expect(a.citations[0]?.quote).toContain('led to the expulsion of the French ambassador');
    expect(a.citations[0]?.matched).toContainEqual({
      question: 'expelled',
      passage: 'expulsion',
      how: 'derived',
    });
  });

  it('abstains on a question that shares the topic words but asks what the articles never report', () => {
    const a = engine.ask('What did Putin say about Wagner in Mali?');
    expect([a.status, a.answer]).toEqual(['no_answer', null]);
    // The closest passages are still shown (the surfaces label them as not answering).
    expect(a.citations.length).toBeGreaterThan(0);
  });
});
