import { describe, expect, it } from 'vitest';
import { FilterError, loadEngine, parseFilter } from '../../src/engine/index.js';
import { FIXTURE_CORPUS_DIR } from '../support/corpus.js';

const engine = loadEngine(FIXTURE_CORPUS_DIR);
const TROOPS = 'How many French troops were in Mali?';

function error(input: Parameters<typeof parseFilter>[0]): string {
  try {
    parseFilter(input);
  } catch (err) {
    if (err instanceof FilterError) return err.message;
    throw err;
  }
  return 'no error';
}

describe('reading a filter', () => {
  it('takes a year or a month as the whole of it, and a day as itself', () => {
    expect(parseFilter({ from: '2022', to: '2022' })).toEqual({
      outlet: null,
      from: '2022-01-01',
      to: '2022-12-31',
    });
    expect(parseFilter({ from: '2022-02', to: '2022-02' })).toEqual({
      outlet: null,
      from: '2022-02-01',
      to: '2022-02-28',
    });
    expect(parseFilter({ outlet: ' DW ', to: '2024-2-9' })).toEqual({
      outlet: 'DW',
      from: null,
      to: '2024-02-09',
    });
    expect(parseFilter({ outlet: '  ', from: '', to: null })).toBeNull();
  });

  it('names the option and the date at fault, and what to write instead', () => {
    expect(error({ from: 'last week' })).toBe(
      'from: "last week" is not a date; write a year (2022), a month (2022-08) or a day (2022-08-15)',
    );
    expect(error({ to: '2022-13' })).toBe(
      'to: "2022-13" has no month 13 (months are 01 to 12); write a year (2022), a month (2022-08) or a day (2022-08-15)',
    );
    expect(error({ from: '2023-02-29' })).toBe(
      'from: "2023-02-29" is not a day of the calendar (2023-02 has 28 days)',
    );
    expect(error({ from: '2022-09', to: '2022-08' })).toBe(
      'from: "2022-09" is after to: "2022-08"; the dates are the other way round',
    );
  });
});

describe('asking within a filter', () => {
  it('ranks only the outlet’s passages: the answer comes from them, not from the unfiltered list', () => {
    const unfiltered = engine.ask(TROOPS, 5);
    const within = engine.ask(TROOPS, 5, { outlet: 'al jazeera', from: null, to: null });
    expect(within.status).toBe('answered');
    expect(within.answer).toBe('about 2,400 troops');
    expect(within.citations).toHaveLength(5);
    expect(new Set(within.citations.map((c) => c.outlet))).toEqual(new Set(['Al Jazeera']));
    expect(within.citations[0]!.quote).toMatch(
      /^In February, France had about 2,400 troops and several bases/,
    );
    // Not the unfiltered answer with the other outlets' citations removed: there are more of them.
    const alJazeeraUnfiltered = unfiltered.citations.filter((c) => c.outlet === 'Al Jazeera');
    expect(alJazeeraUnfiltered.length).toBeLessThan(5);
    expect(within.filter).toEqual({ outlet: 'Al Jazeera', from: null, to: null, articles: 1, empty: null });
  });

  it('computes disagreements within the filter only', () => {
    // The sides come in ranking order; which comes first is not what this checks.
    expect(
      engine
        .ask(TROOPS, 5)
        .conflict?.map((s) => s.value)
        .sort(),
    ).toEqual(['2,400', 'close to 3000']);
    // Al Jazeera alone gives one count: there is nothing to disagree with.
    expect(engine.ask(TROOPS, 5, { outlet: 'Al Jazeera', from: null, to: null }).conflict).toBeNull();
    const february = engine.ask(TROOPS, 10, { outlet: null, from: '2022-02-01', to: '2022-02-28' });
    expect(february.conflict?.map((s) => s.value).sort()).toEqual(['2,400', 'close to 3000']);
    expect(february.citations.every((c) => c.published!.startsWith('2022-02'))).toBe(true);
    expect(february.conflict!.flatMap((s) => s.sources.map((x) => x.published))).not.toContain('2022-08-15');
  });

  it('says plainly when no article is within the filter, naming the outlet and the dates', () => {
    const none = engine.ask(TROOPS, 5, { outlet: 'DW', from: '2022-08-01', to: '2022-08-31' });
    expect(none.status).toBe('no_answer');
    expect(none.citations).toEqual([]);
    expect(none.filter?.empty).toBe(
      'No article in the corpus matches “DW”, from 1 Aug 2022 to 31 Aug 2022: DW’s articles fall outside those dates (all dated 17 Feb 2022).',
    );
    expect(engine.ask(TROOPS, 5, { outlet: 'Le Monde', from: null, to: null }).filter?.empty).toBe(
      'No article in the corpus is from an outlet named “Le Monde”. Outlets in the corpus: Al Jazeera, Brussels Morning Newspaper, DW, Phnom Penh Post.',
    );
    expect(engine.ask(TROOPS, 5, { outlet: null, from: '2023-01-01', to: null }).filter?.empty).toBe(
      'No article in the corpus matches from 1 Jan 2023 on: the articles fall outside those dates (dated 15 Feb 2022 to 15 Aug 2022).',
    );
  });

  it('still reports an unusable question as such within a filter', () => {
    const a = engine.ask('???', 5, { outlet: 'DW', from: null, to: null });
    expect(a.error).toBe(
      'no searchable words in the question (only stop words, symbols or numbers of one digit)',
    );
  });
});
