import { describe, expect, it } from 'vitest';
import {
  mayHoldFrenchCount,
  placeMentions,
  dateMentions,
  durationMentions,
  firstNounClass,
  GROUP_CLASS,
  namesCity,
  numberMentions,
  PERSON_CLASS,
  timeMentions,
  wordNumberValue,
} from '../../src/engine/entities.js';

const numbers = (text: string) => numberMentions(text).map((n) => [n.text, n.value]);

describe('French times of day opened by "à"', () => {
  it('keeps "à" with "midi" and "minuit" (a word edge before an accented letter)', () => {
    expect(
      timeMentions('Les soldats sont partis mardi à la mi-journée, puis à midi.').map((m) => m.text),
    ).toEqual(['mardi à la mi-journée', 'à midi']);
    expect(timeMentions('Le convoi a quitté Gao à minuit.').map((m) => m.text)).toEqual(['à minuit']);
  });
});

describe('numbers', () => {
  it('reads written-out numbers past twelve, with their scale', () => {
    expect(numbers('two hundred soldiers')).toEqual([['two hundred', 200]]);
    expect(numbers('a several hundred-strong force')).toEqual([['several hundred', 300]]);
    expect(numbers('forty-eight of the fifty-three')).toEqual([
      ['forty-eight', 48],
      ['fifty-three', 53],
    ]);
    expect(numbers('three thousand five hundred troops')).toEqual([['three thousand five hundred', 3500]]);
    expect(numbers('thirteen more')).toEqual([['thirteen', 13]]);
  });

  it('keeps qualifiers, separators and ranges', () => {
    expect(numbers('some 2,400 troops')).toEqual([['some 2,400', 2400]]);
    expect(numbers('about 700 to 1,000 troops')).toEqual([['about 700 to 1,000', 700]]);
    expect(numbers('2.5 million people')).toEqual([['2.5 million', 2_500_000]]);
  });

  it('reads French thousands set apart by a space as one number', () => {
    expect(numbers('La France compte 2 400 soldats au Mali.')).toEqual([['2 400', 2400]]);
    expect(numbers('soit 5\u202F100 militaires')).toEqual([['5\u202F100', 5100]]);
    // A year then a count stay two numbers.
    expect(numbers('in 2013 500 soldiers')).toEqual([
      ['2013', 2013],
      ['500', 500],
    ]);
  });

  it('reads thousands set apart by full stops as one number, a decimal before a per cent as a decimal', () => {
    // The French qualifier is kept, as "some" is.
    expect(numbers('contre plus de 5.000 hommes aujourd’hui')).toEqual([['plus de 5.000', 5000]]);
    expect(numbers('une force de 13.000 casques bleus')).toEqual([['13.000', 13000]]);
    expect(numbers('entre 2.500-3.000 hommes')).toEqual([['2.500-3.000', 2500]]);
    expect(numbers('prices rose 1.250% in May')).toEqual([['1.250', 1.25]]);
    expect(numbers('a grave 3.6 km away')).toEqual([['3.6', 3.6]]);
  });

  it('reads French counts: number words, round amounts, French qualifiers and ranges with "à"', () => {
    expect(numbers('à quatre kilomètres du camp')).toEqual([['quatre', 4]]);
    expect(numbers('quatre-vingt-dix soldats et deux mille cinq cents hommes')).toEqual([
      ['quatre-vingt-dix', 90],
      ['deux mille cinq cents', 2500],
    ]);
    expect(numbers('trente et un morts')).toEqual([['trente et un', 31]]);
    expect(numbers('une dizaine de pays européens')).toEqual([['une dizaine', 10]]);
    expect(numbers('des milliers de déplacés')).toEqual([['des milliers', 2000]]);
    expect(numbers('jusqu’à 800 à 900 soldats d’élite')).toEqual([['jusqu’à 800 à 900', 800]]);
    expect(numbers('Environ 150 soldats français')).toEqual([['Environ 150', 150]]);
    expect(numbers('entre 600 et 700 hommes')).toEqual([['entre 600 et 700', 600]]);
    // Years stay years, a range of years is two, and "per cent" is no hundred.
    expect(numbers('de 2013 à 2014')).toEqual([
      ['2013', 2013],
      ['2014', 2014],
    ]);
    expect(numbers('10 per cent of them')).toEqual([['10 per cent', 10]]);
  });

  it('reads an English count the same whether or not a French word sits beside it', () => {
    // A French word sends the text through the French patterns too; its English counts must not move.
    const english = [
      'some 2,400 troops',
      'about two hundred soldiers',
      'an estimated 48 of the 53 bases',
      'about 700 to 1,000 troops',
      'more than 2.5 million people',
      'nearly 10 per cent of them',
      'several hundred Wagner fighters and dozens of advisers',
    ];
    for (const text of english) {
      const beside = numbers(`${text}, selon l'armée`);
      expect(beside).toEqual(numbers(text));
    }
    expect(numbers("about two hundred soldiers, selon l'armée")).toEqual([['about two hundred', 200]]);
  });

  it('takes only French words as a sign of a French count, and never reads "Sept." as seven', () => {
    // English words the French list once held: "six", "plus", "total", "per cent", "cents", "Sept."
    const english =
      'How many of the six bases, plus a total of 5 per cent, were left in Sept. 2022 for 40 cents?';
    expect(mayHoldFrenchCount(english)).toBe(false);
    expect(numbers(english)).toEqual([
      ['six', 6],
      ['a total of 5 per cent', 5],
      ['2022', 2022],
      ['40', 40],
    ]);
    // The month stays no count even where a French word sends the text through the French patterns.
    expect(numbers('troops left in Sept. 2022, selon Paris')).toEqual([['2022', 2022]]);
    expect(mayHoldFrenchCount('plus de 5 000 soldats')).toBe(true);
    expect(mayHoldFrenchCount('au total 800 hommes')).toBe(true);
    expect(mayHoldFrenchCount('cent soldats')).toBe(true);
    expect(mayHoldFrenchCount('ils étaient sept')).toBe(true);
    expect(numbers('ils étaient sept.')).toEqual([['sept', 7]]);
  });

  it('does not read the pronoun "one" as a count', () => {
    expect(numbers('one of them said')).toEqual([]);
  });

  it('reads number words as ranges, dozens and plural fractions, in English and French', () => {
    expect(numbers('four to six soldiers')).toEqual([['four to six', 4]]);
    expect(numbers('two or three bases')).toEqual([['two or three', 2]]);
    expect(numbers('a dozen European countries')).toEqual([['a dozen', 12]]);
    expect(numbers('two thirds of the troops')).toEqual([['two thirds', 2 / 3]]);
    expect(numbers('deux tiers des soldats')).toEqual([['deux tiers', 2 / 3]]);
    expect(numbers('quatre à six convois')).toEqual([['quatre à six', 4]]);
    // A singular fraction is as often an ordinal: no count.
    expect(numbers('a third country')).toEqual([]);
    expect(durationMentions('within four to six months').map((m) => m.text)).toEqual([
      'within four to six months',
    ]);
    expect(durationMentions('dans un délai de quatre à six mois').map((m) => m.text)).toEqual([
      'dans un délai de quatre à six mois',
    ]);
  });

  it('gives no value to words that are no number', () => {
    expect(wordNumberValue('hundred thousand')).toBe(100_000);
    expect(wordNumberValue('several')).toBe(3);
    expect(wordNumberValue('troops')).toBeNull();
  });
});

describe('dates and durations', () => {
  it('reads a full date with its weekday, and a duration with its span', () => {
    expect(dateMentions('on Thursday, February 17, 2022').map((m) => m.text)).toEqual([
      'Thursday, February 17, 2022',
    ]);
    expect(durationMentions('over a period of several months').map((m) => m.text)).toEqual([
      'over a period of several months',
    ]);
  });

  it('reads French dates in lower case, with a weekday, "1er" or a year alone', () => {
    const dates = (t: string) => dateMentions(t).map((m) => m.text);
    expect(dates('quitter la base de Ménaka, lundi 13 juin, a fait savoir')).toEqual(['lundi 13 juin']);
    expect(dates("l'opération lancée le 1er août 2014 au Sahel")).toEqual(['1er août 2014']);
    expect(dates('La base a été ouverte en 2018 au nord du pays.')).toEqual(['2018']);
    expect(dates('depuis juin 2022')).toEqual(['juin 2022']);
    // No month name in it: a number and a word are no date.
    expect(dates('13 mesures en faveur du Mali')).toEqual([]);
  });

  it('reads French durations: number words, ranges and hours written "72H"', () => {
    const spans = (t: string) => durationMentions(t).map((m) => m.text);
    expect(spans('quitter le territoire dans un délai de soixante-douze heures.')).toEqual([
      'dans un délai de soixante-douze heures',
    ]);
    expect(spans('Paris avance un délai de 4 à 6 mois pour évacuer ses bases')).toEqual([
      'un délai de 4 à 6 mois',
    ]);
    expect(spans('avaient donné 72H aux forces françaises')).toEqual(['72H']);
    expect(spans('après plus de neuf ans de présence')).toEqual(['plus de neuf ans']);
  });
});

describe("a noun's most frequent sense", () => {
  it('is a person for "soldiers" and "diplomat", a group for "junta", none for a verb alone', () => {
    expect(firstNounClass('soldiers')).toBe(PERSON_CLASS);
    expect(firstNounClass('diplomat')).toBe(PERSON_CLASS);
    expect(firstNounClass('junta')).toBe(GROUP_CLASS);
    expect(firstNounClass('bases')).not.toBe(PERSON_CLASS);
    expect(firstNounClass('neutralised')).toBeNull();
  });
});

describe('places', () => {
  it('are found whichever apostrophe the page prints, and given as printed', () => {
    expect(placeMentions('headquartered in N’Djamena, the capital of Chad').map((m) => m.text)).toEqual([
      'N’Djamena',
      'Chad',
    ]);
    expect(placeMentions("based in N'Djamena").map((m) => m.text)).toEqual(["N'Djamena"]);
  });
});

describe('cities', () => {
  it('are places WordNet holds as a city or a capital, not regions or countries', () => {
    expect(['Niamey', 'Bamako', 'Paris', 'Sahel', 'Niger', 'Gulf of Guinea'].map(namesCity)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});
