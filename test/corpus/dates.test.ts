import { describe, expect, it } from 'vitest';
import { formatResolved, resolveDates, withResolved } from '../../src/corpus/dates.js';

/** Each mention as "words → shown", the way a reader sees it. */
function shown(text: string, date: string | null, language?: string, approximate = false): string[] {
  return resolveDates(text, { date, approximate }, language).map((d) => `${d.words} → ${withResolved(d)}`);
}

describe('resolveDates', () => {
  it('reads a weekday as the most recent one on or before publication, the publication day included', () => {
    // 15 Aug 2022 was a Monday.
    expect(
      shown('The last soldiers left on Monday, a day after talks on Thursday morning.', '2022-08-15'),
    ).toEqual([
      'on Monday → on Monday (15 Aug 2022)',
      'on Thursday morning → on Thursday morning (11 Aug 2022)',
    ]);
  });

  it('resolves "last month", "last week" and "two weeks ago", marking the week-based ones approximate', () => {
    expect(
      shown('Last month the junta spoke; last week and two weeks ago it repeated it.', '2022-08-15'),
    ).toEqual([
      'Last month → Last month (Jul 2022)',
      'last week → last week (c. 8 Aug 2022)',
      'two weeks ago → two weeks ago (c. 1 Aug 2022)',
    ]);
  });

  it('puts a month without a year before publication, not in the next year', () => {
    const [feb] = resolveDates('In February, France had about 2,400 troops.', { date: '2022-08-15' });
    expect(feb).toMatchObject({ words: 'February', date: '2022-02', granularity: 'month', relative: true });
    expect(feb!.start).toBe(3);
  });

  it('keeps offsets into the text so the words can be sliced back out verbatim', () => {
    const text = 'Speaking on Thursday, February 17, Macron said the decision was taken.';
    const [d] = resolveDates(text, { date: '2022-02-18' });
    expect(text.slice(d!.start, d!.end)).toBe('on Thursday, February 17');
    expect(d).toMatchObject({ date: '2022-02-17', granularity: 'day', approximate: false });
  });

  it('never reads a range of counts as a time, with chrono alone or once masked', () => {
    expect(
      shown('Between 300 to 400 soldiers and 2,000-3,000 civilians left last month.', '2022-08-15'),
    ).toEqual(['last month → last month (Jul 2022)']);
  });

  it('reads a year after a preposition or "early" with its own pattern, and no other bare number', () => {
    expect(
      shown('Serval began in 2013, Barkhane since 2014; early 2022 it had 2022 troops, then 5,100.', null),
    ).toEqual(['2013 → 2013', '2014 → 2014', 'early 2022 → early 2022 (c. 2022)']);
  });

  it('leaves relative words unresolved when the publication date is unknown, but keeps full dates', () => {
    expect(shown('The troops left on Monday, a day after the talks.', null)).toEqual([]);
    expect(shown('On Monday, 17 February 2022, the leaders met.', null)).toEqual([
      'On Monday, 17 February 2022 → On Monday, 17 February 2022',
    ]);
  });

  it('marks a relative date approximate when the publication date it rests on is', () => {
    expect(shown('The troops left on Monday.', '2022-08-15', 'en', true)).toEqual([
      'on Monday → on Monday (c. 15 Aug 2022)',
    ]);
  });

  it('reads French: "lundi dernier", "jeudi matin", "le mois dernier", "depuis 2013"', () => {
    expect(
      shown(
        'Le président a annoncé lundi dernier le retrait, jeudi matin, le mois dernier, depuis 2013.',
        '2022-08-15',
        'fr',
      ),
    ).toEqual([
      'lundi dernier → lundi dernier (8 Aug 2022)',
      'jeudi matin → jeudi matin (11 Aug 2022)',
      'le mois dernier → le mois dernier (Jul 2022)',
      '2013 → 2013',
    ]);
  });
});

describe('formatResolved', () => {
  it('shows a day, a month or a year, with "c." when approximate', () => {
    expect(formatResolved({ date: '2022-08-15', granularity: 'day', approximate: false })).toBe(
      '15 Aug 2022',
    );
    expect(formatResolved({ date: '2022-07', granularity: 'month', approximate: true })).toBe('c. Jul 2022');
    expect(formatResolved({ date: '2013', granularity: 'year', approximate: false })).toBe('2013');
  });
});

describe('"when" answers show the resolved date beside the words', () => {
  it('answers "Monday" in an article of (c.) 15 Aug 2022 with that day', async () => {
    const { loadEngine } = await import('../../src/engine/index.js');
    const { FIXTURE_CORPUS_DIR } = await import('../support/corpus.js');
    const a = loadEngine(FIXTURE_CORPUS_DIR).ask('When did JNIM say it killed fighters?');
    expect([a.answerType, a.answer]).toEqual(['date', 'Monday (c. 15 Aug 2022)']);
    expect(a.citations[0]!.quote.startsWith('On Monday, the al-Qaeda-affiliated Support Group')).toBe(true);
  });

  it('leaves a year the passage states as it is', async () => {
    const { loadEngine } = await import('../../src/engine/index.js');
    const { FIXTURE_CORPUS_DIR } = await import('../support/corpus.js');
    expect(loadEngine(FIXTURE_CORPUS_DIR).ask('When did France intervene in Mali?').answer).toBe('2013');
  });
});
