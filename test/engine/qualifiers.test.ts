import { describe, expect, it } from 'vitest';
import { AnswerEngine } from '../../src/engine/answer.js';
import { extractAnswer } from '../../src/engine/extract.js';
import { analyzeQuestion } from '../../src/engine/question.js';
import { answerCountries, askedCountries, countryOf, otherCountry } from '../../src/engine/qualifiers.js';
import { buildCorpus } from '../support/memory-corpus.js';

describe('the country a word names or pertains to', () => {
  it('reads countries, nationalities and possessives, and nothing from other words', () => {
    expect(['France', 'french', 'Malian', "Germany's", 'Estonian', 'danish'].map(countryOf)).toEqual([
      'france',
      'france',
      'mali',
      'germany',
      'estonia',
      'denmark',
    ]);
    expect(['defence', 'minister', 'EU', 'Wagner', 'soldiers'].map(countryOf)).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});

describe('the countries a question puts on what it asks', () => {
  it("reads a person's role and a count's noun, not the rest of the question", () => {
    expect(
      askedCountries(analyzeQuestion("Who was France's defence minister during the withdrawal?")),
    ).toEqual(new Set(['france']));
    expect(askedCountries(analyzeQuestion('How many Malian soldiers were killed in 2021?'))).toEqual(
      new Set(['mali']),
    );
    // "Mali" qualifies no role or counted noun here, and "the French ambassador" is not the
    // person asked for but the one expelled.
    expect(askedCountries(analyzeQuestion('Who expelled the ambassador from Mali?'))).toEqual(new Set());
    expect(askedCountries(analyzeQuestion('Who expelled the French ambassador?'))).toEqual(new Set());
    expect(askedCountries(analyzeQuestion('How many soldiers were killed in Mali?'))).toEqual(new Set());
  });
});

describe('the countries a passage puts on its answer', () => {
  const found = (question: string, text: string) => {
    const q = analyzeQuestion(question);
    const m = extractAnswer(text, q);
    if (!m) throw new Error(`no answer in: ${text}`);
    return { q, m, text };
  };

  it("reads a person's title and a count's words before its noun", () => {
    const person = found(
      'Who is the defence minister?',
      'Estonian defence minister Kalle Lane told reporters.',
    );
    expect(answerCountries(person.text, person.m, person.q)).toEqual(new Set(['estonia']));
    const count = found('How many soldiers were killed?', 'He said 59 French soldiers had been killed.');
    expect(answerCountries(count.text, count.m, count.q)).toEqual(new Set(['france']));
  });

  it('tells another country’s answer from the asked one', () => {
    const q = analyzeQuestion("Who was France's defence minister?");
    const other = 'Estonian defence minister Kalle Lane told reporters.';
    const own = 'French defence minister Florence Parly told reporters.';
    expect(otherCountry(other, extractAnswer(other, q)!, q)).toBe(true);
    expect(otherCountry(own, extractAnswer(own, q)!, q)).toBe(false);
  });
});

describe("confidence in another country's answer", () => {
  const engineWith = (text: string) =>
    new AnswerEngine(
      buildCorpus([
        ['minister', 'Outlet One', text],
        ['other', 'Outlet Two', 'Farmers near Mopti reported a poor harvest this year.'],
        ['more', 'Outlet Three', 'Denmark withdrew 90 soldiers from Mali in January.'],
      ]),
    );
  const question = "Who was France's defence minister during the withdrawal?";

  it('abstains when the only minister the passages name is another country’s', () => {
    const a = engineWith('Estonian defence minister Kalle Lane said the French withdrawal was a blow.').ask(
      question,
    );
    expect(a.status).toBe('no_answer');
  });

  it('answers with the minister of the asked country', () => {
    const a = engineWith('French defence minister Florence Parly said the French withdrawal was a blow.').ask(
      question,
    );
    expect([a.status, a.answer]).toEqual(['answered', 'Florence Parly']);
  });
});
