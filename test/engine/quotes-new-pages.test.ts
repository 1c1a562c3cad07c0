/**
 * Speakers on pages of outlets the rules were not written on: pronouns, places and phrases that
 * are nobody, each in a short article of our own wording.
 */
import { describe, expect, it } from 'vitest';
import { QuotationIndex } from '../../src/engine/quotes.js';
import { buildCorpus } from '../support/memory-corpus.js';

/** Every quotation of a one-article corpus, as [quoted words, speaker]. */
function speakers(text: string, language = 'en'): Array<[string, string | null]> {
  const corpus = buildCorpus([['page', 'Some Outlet', text, language]]);
  return new QuotationIndex(corpus).inArticle('page').map((q) => [q.text, q.speaker]);
}

describe('speakers on new pages', () => {
  it('gives "…, soulignent-ils" to the pair of bodies the sentence names, never to a place', () => {
    expect(
      speakers(
        'Les pays du Golfe de Guinée craignent la contagion. « Faute de garanties de la junte », ' +
          "l'Allemagne et les autres membres de la mission « ont choisi de partir avant l'été », " +
          'expliquent-ils.\n',
        'fr',
      ),
    ).toEqual([
      ['Faute de garanties de la junte', "l'Allemagne et les autres membres de la mission"],
      ["ont choisi de partir avant l'été", "l'Allemagne et les autres membres de la mission"],
    ]);
  });

  it('reads past an aside between commas to the subject after a French verb of saying', () => {
    expect(
      speakers(
        "« La mission est terminée », rappelle, de son côté, l'Élysée. « Le Mali est dirigé par " +
          'des colonels », a ironisé, mardi soir sur une radio , le ministre des Affaires ' +
          'étrangères, Jean Dupuis, qui dénonce Wagner.\n',
        'fr',
      ),
    ).toEqual([
      ['La mission est terminée', "l'Élysée"],
      ['Le Mali est dirigé par des colonels', 'Jean Dupuis'],
    ]);
  });

  it('keeps the subject an aside holds: "a dit, dans la soirée le ministre X, à la télévision"', () => {
    expect(
      speakers(
        '« Vous ne pouvez pas rester », a dit, dans la soirée le ministre des affaires étrangères ' +
          'Moussa Traoré, à la télévision.\n',
        'fr',
      ),
    ).toEqual([['Vous ne pouvez pas rester', 'Moussa Traoré']]);
  });
});
