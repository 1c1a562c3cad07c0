import { describe, expect, it } from 'vitest';
import { extractAnswer } from '../../src/engine/extract.js';
import { analyzeQuestion } from '../../src/engine/question.js';

/** The short answer a passage gives a question, as a reader would see it. */
const short = (question: string, passage: string) =>
  extractAnswer(passage, analyzeQuestion(question), true)?.text ?? null;

describe('short answers, one span per asked type', () => {
  it('a count with its noun, also where the number stands for a noun named before it', () => {
    expect(short('How many soldiers will stay?', 'About two hundred soldiers will stay in Gao.')).toBe(
      'About two hundred',
    );
    expect(
      short(
        'How many French troops were in Mali?',
        'France has some 4,300 troops in the Sahel region. Of those, some 2,400 were stationed in Mali.',
      ),
    ).toBe('some 2,400');
  });

  it('a date, the most specific one', () => {
    expect(
      short(
        'When was the withdrawal announced?',
        'Macron announced the withdrawal on Thursday, February 17, 2022, in Paris.',
      ),
    ).toBe('Thursday, February 17, 2022');
  });

  it('a person by full name, without the title before it', () => {
    expect(
      short(
        'Who announced the withdrawal?',
        'French President Emmanuel Macron announced the withdrawal on Thursday.',
      ),
    ).toBe('Emmanuel Macron');
  });

  it('a place', () => {
    expect(
      short(
        'Where will the troops be based?',
        'The troops will be based in the capital, Niamey, officials said.',
      ),
    ).toBe('Niamey');
  });

  it('a duration', () => {
    expect(
      short(
        'How long will the withdrawal take?',
        'The withdrawal will take place over a period of several months.',
      ),
    ).toBe('several months');
  });

  it('a reason clause', () => {
    expect(
      short(
        'Why is France leaving Mali?',
        'France is leaving Mali because of a breakdown in relations with the junta.',
      ),
    ).toBe('a breakdown in relations with the junta');
  });

  it('a named thing', () => {
    expect(
      short(
        'Which Russian group is operating in Mali?',
        'Russian mercenary group Wagner is operating in Mali.',
      ),
    ).toBe('Wagner');
    expect(
      short(
        'name of the village near the ambush',
        'The ambush happened near the village of Djallo, in the centre.',
      ),
    ).toBe('Djallo');
  });

  it('for other questions, the new words beside the matched ones', () => {
    expect(
      short(
        'What did Macron say the Wagner group came to do?',
        'Macron said the group had come to secure their economic interests and the junta itself.',
      ),
    ).toBe('secure their economic interests and the junta');
  });

  it('no short answer to a yes/no question the passage does not answer plainly', () => {
    expect(short('Did France leave Mali?', 'France has left Mali.')).toBeNull();
  });
});
