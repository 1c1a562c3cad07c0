import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../support/memory-corpus.js';
import { Engine } from '../../src/engine/index.js';

const engine = new Engine(
  buildCorpus([
    [
      'sahel-wire-one',
      'Sahel Wire',
      [
        'Operation Barkhane will close its bases in Gao and Timbuktu by the summer.',
        'Christine Lambrecht, the German defence minister, visited the troops stationed in Gao.',
        'The Tabuka task force gathered special forces from a dozen European nations.',
      ].join('\n\n'),
    ],
    [
      'desert-post-two',
      'Desert Post',
      [
        'The withdrawal of the Danish contingent was announced in Copenhagen on Thursday.',
        'Farmers in the Mopti region reported a poor harvest this year.',
        'The junta described its “strategic partnership” with Moscow as a turning point.',
      ].join('\n\n'),
    ],
    [
      'river-news-three',
      'River News',
      [
        'Farmers in Segou reported good rains after a dry spring.',
        'Fighting in the Mopti region displaced thousands of families.',
        'A poor harvest was feared across the Sahel after the drought.',
      ].join('\n\n'),
    ],
    [
      // Decoys: each shares every word of one question except the misspelt or inflected name.
      'decoy-daily-four',
      'Decoy Daily',
      [
        'The army will close its bases in Kidal soon.',
        'The Estonian minister visited the troops in Menaka.',
        'A French task force gathered in Niamey last week.',
        'The Danish contingent was announced to parliament in Copenhagen.',
      ].join('\n\n'),
    ],
  ]),
);

const first = (q: string) => engine.ask(q).citations[0]?.quote ?? null;

describe('passage ranking on a small corpus', () => {
  it('ranks first the passage that holds every word of the question', () => {
    const a = engine.ask('Did farmers in the Mopti region report a poor harvest?');
    expect(a.status).toBe('answered');
    expect(a.citations[0]!.quote).toBe('Farmers in the Mopti region reported a poor harvest this year.');
    expect(a.citations[0]!.articleId).toBe('desert-post-two');
  });

  it('finds "Barkhane" when the question spells it "Barkane"', () => {
    expect(first('When will Barkane close its bases?')).toBe(
      'Operation Barkhane will close its bases in Gao and Timbuktu by the summer.',
    );
  });

  it('finds "Lambrecht" when the question spells it "Lambrekt"', () => {
    expect(first('Whom did Lambrekt visit?')).toBe(
      'Christine Lambrecht, the German defence minister, visited the troops stationed in Gao.',
    );
  });

  it('finds a passage that spells the task force "Tabuka" from the question word "Takuba"', () => {
    expect(first('What did the Takuba task force gather?')).toBe(
      'The Tabuka task force gathered special forces from a dozen European nations.',
    );
  });

  it('finds "withdrawal" from the question word "withdrawing"', () => {
    expect(first('Where was the Danish contingent withdrawing announced?')).toBe(
      'The withdrawal of the Danish contingent was announced in Copenhagen on Thursday.',
    );
  });

  it('ranks the same for curly and straight quotation marks in the question', () => {
    const curly = engine.ask('What did the junta call its “strategic partnership”?');
    const straight = engine.ask('What did the junta call its "strategic partnership"?');
    expect(curly.citations[0]!.quote).toBe(
      'The junta described its “strategic partnership” with Moscow as a turning point.',
    );
    expect(straight.citations.map((c) => [c.quote, c.score])).toEqual(
      curly.citations.map((c) => [c.quote, c.score]),
    );
  });
});

describe('ranking reads a count as the short answer does', () => {
  const counts = new Engine(
    buildCorpus([
      [
        'count-wire-one',
        'Count Wire',
        [
          'France keeps 5,100 French soldiers in the Sahel.',
          'France had about 2,400 troops and several bases in Mali until the summer.',
        ].join('\n\n'),
      ],
      [
        'count-post-two',
        'Count Post',
        [
          'Over nine years, 59 French soldiers perished in the Sahel.',
          'The army ran three bases in northern Mali.',
        ].join('\n\n'),
      ],
    ]),
  );
  const top = (q: string) => counts.ask(q).citations[0]?.quote ?? null;

  it('puts a toll of the lost first when the question asks how many were lost', () => {
    expect(top('How many French soldiers has France lost in the Sahel?')).toBe(
      'Over nine years, 59 French soldiers perished in the Sahel.',
    );
  });

  it('does not read "2,400 troops and several bases" as a count of bases', () => {
    expect(top('How many bases did France have in Mali?')).toBe('The army ran three bases in northern Mali.');
  });
});
