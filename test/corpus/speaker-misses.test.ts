import { describe, expect, it } from 'vitest';
import { classifyMiss, tally } from '../../src/corpus/speaker-misses.js';

const lines = [
  'French President Emmanuel Macron spoke on Sunday.',
  '',
  'The junta met. “We will leave,” a spokesman said. The army said the base was closed.',
];

describe('classifyMiss: the kind of a missed speaker, for counts that show no page text', () => {
  const q = (speaker: string, text = 'We will leave', speakerKind?: string) => ({
    line: 3,
    text,
    speaker,
    speakerKind,
  });
  const at = lines[2]!.indexOf('We will leave');

  it('tells no speaker, a shorter name form, body against person and a wrong speaker apart', () => {
    expect(classifyMiss(lines, q('Emmanuel Macron'), at, null, false, 'en').kind).toBe('no speaker');
    expect(classifyMiss(lines, q('Emmanuel Macron'), at, 'Macron', false, 'en').kind).toBe('name form');
    expect(
      classifyMiss(lines, q('Emmanuel Macron', undefined, 'person'), at, 'the army', false, 'en').kind,
    ).toBe('body vs person');
    expect(classifyMiss(lines, q('Emmanuel Macron'), at, 'Florence Parly', false, 'en').kind).toBe(
      'wrong speaker',
    );
    expect(classifyMiss(lines, q('Emmanuel Macron', 'We will leave Mali'), -1, null, true, 'en').kind).toBe(
      'not found',
    );
  });

  it('counts one or two quoted words not found apart, as the scare quotes the engine sets aside', () => {
    expect(classifyMiss(lines, q('Emmanuel Macron', 'will leave'), -1, null, true, 'en').kind).toBe(
      'short, not found',
    );
    expect(classifyMiss(lines, q('Emmanuel Macron', 'leave'), -1, null, true, 'en').kind).toBe(
      'short, not found',
    );
  });

  it('says where the annotated speaker is printed: its sentence, the next one, elsewhere, or nowhere', () => {
    expect(classifyMiss(lines, q('a spokesman'), at, null, false, 'en').where).toBe('same sentence');
    expect(classifyMiss(lines, q('the army'), at, null, false, 'en').where).toBe('next or previous sentence');
    expect(classifyMiss(lines, q('Emmanuel Macron'), at, null, false, 'en').where).toBe(
      'elsewhere on the page',
    );
    expect(classifyMiss(lines, q('the Malian government'), at, null, false, 'fr')).toEqual({
      kind: 'no speaker',
      where: 'not printed as annotated',
      language: 'fr',
    });
  });

  it('tallies values most frequent first', () => {
    expect(tally(['no speaker', 'name form', 'no speaker'])).toBe('no speaker 2 · name form 1');
  });
});
