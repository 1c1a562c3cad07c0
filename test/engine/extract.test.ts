import { describe, expect, it } from 'vitest';
import { extractAnswer } from '../../src/engine/extract.js';
import { analyzeQuestion } from '../../src/engine/question.js';

/** The short answer a passage gives a question, as a reader would see it. */
const short = (question: string, passage: string) =>
  extractAnswer(passage, analyzeQuestion(question), true)?.text ?? null;

describe('short answers, one span per asked type', () => {
  it('a count with its noun, also where the number stands for a noun named before it', () => {
    expect(short('How many soldiers will stay?', 'About two hundred soldiers will stay in Gao.')).toBe(
      'About two hundred soldiers',
    );
    expect(
      short('How many countries are in Takuba?', 'The Takuba mission includes some 14 European countries.'),
    ).toBe('some 14 European countries');
    // A count of one thing is not a count of the next one named after "and".
    expect(
      short('How many bases did France have?', 'France had about 2,400 troops and several bases in Mali.'),
    ).toBeNull();
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

  it('a time of day for "at what time"', () => {
    expect(
      short(
        'At what time did the last troops cross the border?',
        'Today at 1pm Paris time the final contingent crossed the border, in a mission launched in 2014.',
      ),
    ).toBe('1pm Paris time');
  });

  it('who: a phrase naming a body of people where no full name is given', () => {
    expect(
      short(
        'Who is running Burkina Faso?',
        "France's Sabre special forces remain in Burkina Faso, where a military junta is in charge.",
      ),
    ).toBe('military junta');
    expect(
      short(
        'Who was France fighting when it went in?',
        'France intervened in 2013, under Operation Serval, to respond to an offensive by the ethnic-Tuareg separatist movement in the north.',
      ),
    ).toBe('ethnic-Tuareg separatist movement');
  });

  it('where: a phrase naming part of a place, after a question word', () => {
    expect(
      short(
        'Where in Mali are the armed groups fighting for control?',
        "Armed groups are jockeying for control in the country's sprawling central region.",
      ),
    ).toBe("country's sprawling central region");
  });

  it('which: the name beside the head noun with the question words around it', () => {
    expect(
      short(
        'Which Russian group is operating in Mali?',
        'The Support Group for Islam and Muslims said it had killed four mercenaries from the Russian private security group Wagner in central Mali.',
      ),
    ).toBe('Wagner');
    expect(
      short(
        'Which newspaper did the minister talk to?',
        'The minister told the Postimees newspaper on February 12.',
      ),
    ).toBe('Postimees newspaper');
  });

  it('who is X, with the name misspelt', () => {
    expect(
      short(
        'delina goxo - who is she',
        'Delina Goxho, researcher on the Sahel region at the Scuola Normale Superiore, told DW that the expulsion had proved decisive.',
      ),
    ).toBe('researcher on the Sahel region at the Scuola Normale Superiore');
  });

  it('yes or no where the passage says so plainly, with the words that say it', () => {
    expect(short('Did France leave Mali?', 'France has left Mali.')).toBe('Yes — France has left Mali');
    expect(
      short(
        'Does Mali admit there are Russian mercenaries in the country?',
        "Mali's military leaders have denied that Russian mercenaries have been deployed to the country.",
      ),
    ).toBe(
      "No — Mali's military leaders have denied that Russian mercenaries have been deployed to the country",
    );
    expect(
      short(
        "Doesn't Denmark still have its elite troops in Mali?",
        'Denmark announced it was withdrawing its elite troops from Mali in late January.',
      ),
    ).toBe('No — Denmark announced it was withdrawing its elite troops from Mali in late January');
    // "the troops leaving Mali" describes the troops: it says nothing against the agreement.
    expect(
      short(
        'so has Niger agreed to host the troops leaving Mali?',
        'Macron revealed that Niger had agreed to host some of the troops leaving Mali.',
      ),
    ).toBe('Yes — Macron revealed that Niger had agreed to host some of the troops leaving Mali');
  });

  it('no yes or no where the passage hedges or does not meet the question', () => {
    expect(
      short('Will France keep troops in Niger?', 'France is expected to keep troops in Niger.'),
    ).toBeNull();
    expect(
      short('Was Mali relaxed about the cut?', 'The cut prompted a furious reaction from Mali.'),
    ).toBeNull();
  });

  it('a passage that refers back is answered from the sentence before it', () => {
    const q = analyzeQuestion('Who spoke to the Postimees daily?');
    const before = 'Estonian Defence Minister Kalle Laanet was blunt.';
    const passage = 'He told the Postimees daily on February 12 that it was impossible to continue.';
    expect(extractAnswer(passage, q, true, 'en', before)?.text).toBe('Kalle Laanet');
    const where = analyzeQuestion('Where were the mercenaries killed?');
    expect(
      extractAnswer(
        'They were ambushed there.',
        where,
        true,
        'en',
        'Four mercenaries died near Bandiagara in central Mali.',
      )?.text,
    ).toBe('Bandiagara');
    // Without a word that refers back, the sentence before is not read.
    expect(
      extractAnswer('The mercenaries were ambushed.', where, true, 'en', 'They died near Bandiagara.'),
    ).toBeNull();
  });

  it('a name asked in lower case is described', () => {
    expect(
      short(
        'who is olivier salgado',
        'Olivier Salgado, the spokesman for the MINUSMA mission, told Reuters.',
      ),
    ).toBe('the spokesman for the MINUSMA mission');
    expect(short('what is minusma', 'The UN peacekeeping mission in Mali, MINUSMA, has 13,000 troops.')).toBe(
      'The UN peacekeeping mission in Mali',
    );
  });

  it("a degree: the phrase of the adjective's form", () => {
    expect(
      short(
        'how poor is mali compared with the rest of the world?',
        'Relations between France and Mali, which is one of the world’s poorest nations, have deteriorated.',
      ),
    ).toBe('world’s poorest nations');
  });

  it('a French question gets no English phrase, and no yes or no', () => {
    const q = analyzeQuestion('Est-ce que la France a quitté le Mali ?');
    expect(extractAnswer('France has left Mali.', q, true, 'en')).toBeNull();
    expect(extractAnswer('La France a quitté le Mali.', q, true, 'fr')).toBeNull();
  });
});
