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

describe('resolveDates: spans and counts are not dates', () => {
  it('drops "after nine years" and "for the past nine years" (chrono: 2031 and 2013), keeping the real year', () => {
    // Seed sentences: the unnamed outlet's lead, and Brussels Morning's.
    expect(
      shown(
        'France and its European allies will withdraw their troops from Mali after nine years, President Emmanuel Macron has announced.',
        '2022-02-17',
      ),
    ).toEqual([]);
    expect(
      shown(
        'A French contingent of 2,400 troops based in Mali for the past nine years was joined in 2020 by a several hundred-strong force of European allies.',
        '2022-02-17',
      ),
    ).toEqual(['2020 → 2020']);
  });

  it('drops spans in French and in rules-split pages, and "24/7", but keeps "ago" and a future "in two weeks"', () => {
    // france24 (rules split) and aniamey (rules split, published Aug 2022).
    expect(
      shown(
        'After nine years of involvement and support to local troops, not one French soldier is left in Mali.',
        '2022-08-17',
      ),
    ).toEqual([]);
    expect(
      shown(
        'Gao was once a French army base operating 24/7, but now an eerie quiet has settled in.',
        '2022-08-17',
      ),
    ).toEqual(['now → now (17 Aug 2022)']);
    expect(
      shown('mettant un terme à près de dix années de présence de l’armée française', '2022-08', 'fr', true),
    ).toEqual([]);
    expect(
      shown('Tensions have also grown over the past year between Mali and its neighbours.', '2022-08-15'),
    ).toEqual([]);
    expect(shown('"The answer will come in the next days," he said.', '2022-02-17')).toEqual([]);
    expect(
      shown('Three weeks ago the junta spoke; the troops will leave in two weeks.', '2022-02-17'),
    ).toEqual([
      'Three weeks ago → Three weeks ago (c. 27 Jan 2022)',
      'in two weeks → in two weeks (c. 3 Mar 2022)',
    ]);
    expect(shown('It took them two weeks.', '2022-02-17')).toEqual([]);
  });

  it('reads a four-digit count before a plural noun as a count, a year before a verb as a year', () => {
    expect(shown('The force was cut by 2000 troops in 2021; en 2000 soldats.', null)).toEqual([
      '2021 → 2021',
    ]);
    // Phnom Penh Post seed, and Al Jazeera's two coups.
    expect(shown('But the extremists regrouped and in 2015 moved into central Mali.', null)).toEqual([
      '2015 → 2015',
    ]);
    expect(shown('relations with Bamako frayed in wake of military coups in 2020 and 2021.', null)).toEqual([
      '2020 → 2020',
      '2021 → 2021',
    ]);
  });
});

describe('resolveDates: the tense of the clause places a date the words leave open', () => {
  it('puts "an election looming in April" in a February article in that April, not the April before', () => {
    // Phnom Penh Post seed, published 15 Feb 2022.
    const [april, lastYear] = resolveDates(
      'With a presidential election looming in April, Macron is eager to avoid comparisons with the US’ chaotic withdrawal from Afghanistan last year.',
      { date: '2022-02-15' },
    );
    expect(april).toMatchObject({ words: 'April', date: '2022-04', granularity: 'month', relative: true });
    expect(lastYear).toMatchObject({ words: 'last year', date: '2021', granularity: 'year' });
  });

  it('reads a month in a past clause as the latest one on or before publication', () => {
    expect(shown('It happened in March.', '2022-02-17')).toEqual(['March → March (Mar 2021)']);
    expect(shown('It will happen in March.', '2022-02-17')).toEqual(['March → March (Mar 2022)']);
    // Yahoo (rules split), 15 Aug 2022: the February before.
    expect(
      shown(
        'France had about 4,300 troops in the Sahel region, including 2,400 in Mali, in February when Macron announced the withdrawal.',
        '2022-08-15',
      ),
    ).toEqual(['February → February (Feb 2022)']);
  });

  it('reads the tense in the text’s own language: English "a private" is no French passé composé', () => {
    expect(shown('Troops from a private company arrive in March.', '2022-02-17')).toEqual([
      'March → March (Mar 2022)',
    ]);
    expect(shown('Les troupes sont arrivées en mars.', '2022-02-17', 'fr')).toEqual([
      'mars → mars (Mar 2021)',
    ]);
  });

  it('reads a weekday in a future clause as the next one: devdiscourse (rules split), Tuesday 15 Feb 2022', () => {
    const text =
      "French President Emmanuel Macron will meet with ministers on Wednesday evening to discuss further steps regarding the country's military presence in Mali, said French government spokesman Gabriel Attal.";
    expect(shown(text, '2022-02-15')).toEqual(['on Wednesday evening → on Wednesday evening (16 Feb 2022)']);
    expect(
      shown(
        'French Foreign Minister Jean-Yves Le Drian on Monday said conditions were no longer in place.',
        '2022-02-15',
      ),
    ).toEqual(['on Monday → on Monday (14 Feb 2022)']);
    // DW seed: the weekday belongs to "a joint statement said", not to "would begin".
    expect(
      shown(
        'France and its partners said they would begin a coordinated withdrawal, a joint statement said on Thursday.',
        '2022-02-17',
      ),
    ).toEqual(['on Thursday → on Thursday (17 Feb 2022)']);
  });

  it('reads a day without its year by tense too: "scheduled … on February 16", "from June 30"', () => {
    expect(
      shown(
        'He was scheduled to host allied African leaders for informal talks in Paris on February 16 ahead of the summit.',
        '2022-02-15',
      ),
    ).toEqual(['February 16 → February 16 (16 Feb 2022)']);
    // tellerreport (rules split), 1 Jul 2022: "would" points forward from the announcing, not from publication.
    expect(
      shown(
        'The task force announced on Friday July 1 that it would end its anti-jihadist operations in the country "from June 30".',
        '2022-07-01',
      ),
    ).toEqual(['on Friday July 1 → on Friday July 1 (1 Jul 2022)', 'June 30 → June 30 (30 Jun 2022)']);
  });

  it('reads seasons forward or back: "will leave by the end of the summer", "last summer", "cet été"', () => {
    expect(shown('The last French troops will leave by the end of the summer.', '2022-02-17')).toEqual([
      'the end of the summer → the end of the summer (c. Aug 2022)',
    ]);
    expect(shown('The troops left last summer.', '2022-02-17')).toEqual([
      'last summer → last summer (c. Jul 2021)',
    ]);
    // tf1 (rules split), published Feb 2022.
    expect(
      shown(
        "Ce retrait du Mali rapide, au plus tard d'ici cet été, pose aussi des questions sécuritaires.",
        '2022-02',
        'fr',
        true,
      ),
    ).toEqual(['cet été → cet été (c. Jul 2022)']);
    expect(shown('The fall of Kabul shocked Paris.', '2022-02-17')).toEqual([]);
  });

  it('reads French months chrono.fr does not: "novembre dernier", "en avril", "fin janvier", "août 2020"', () => {
    // tf1 (rules split), published Feb 2022: only the month is known, so the date is approximate.
    expect(
      shown(
        "En novembre dernier, un convoi de l'opération Barkhane avait été bloqué par des manifestants.",
        '2022-02',
        'fr',
        true,
      ),
    ).toEqual(['novembre dernier → novembre dernier (c. Nov 2021)']);
    expect(
      shown(
        'Les troupes partiront en avril; fin janvier, le Danemark a annoncé son départ.',
        '2022-02-17',
        'fr',
      ),
    ).toEqual(['avril → avril (Apr 2022)', 'fin janvier → fin janvier (c. Jan 2022)']);
    expect(shown('Les relations se sont dégradées depuis août 2020.', null, 'fr')).toEqual([
      'août 2020 → août 2020',
    ]);
  });

  it('takes the year the words give just after the month, and the one a weekday fits', () => {
    expect(shown('The last coup took place in May of last year.', '2022-08-15')).toEqual([
      'May → May (May 2021)',
      'last year → last year (2021)',
    ]);
    // bifamomag (rules split), published Feb 2022: 17 Feb was a Thursday in 2022, not in 2021.
    expect(
      shown(
        'Jeudi 17 février, Emmanuel Macron a officialisé le retrait des soldats français du Mali.',
        '2022-02',
        'fr',
        true,
      ),
    ).toEqual(['Jeudi 17 février → Jeudi 17 février (c. 17 Feb 2022)']);
  });

  it('drops French spans and days counted from an event: "dans les prochains jours", "à la veille de"', () => {
    // bifamomag and abidjan4all (rules split).
    expect(
      shown(
        'Un nouveau cap du désamour entre Paris et Bamako sera probablement franchi dans les prochains jours.',
        '2022-02',
        'fr',
        true,
      ),
    ).toEqual([]);
    expect(
      shown(
        'À la veille de ce sommet, les dirigeants Maliens seront face aux représentants.',
        '2024-06-13',
        'fr',
      ),
    ).toEqual([]);
  });

  it('keeps the vague word chrono leaves out: "in late January" is "late January", approximate', () => {
    expect(
      shown(
        'Denmark announced it was withdrawing its contingent of elite soldiers in late January and Norway has abandoned a planned deployment.',
        '2022-02-15',
      ),
    ).toEqual(['late January → late January (c. Jan 2022)']);
  });
});

describe('resolveDates: a publication date known only to the month or year', () => {
  it('resolves "lundi" in an article of August 2022 to c. Aug 2022, no more precise than its date', () => {
    // leglobefrance (rules split), published 2022-08.
    const [monday] = resolveDates(
      'Les militaires français de la force antijihadiste Barkhane ont quitté lundi le Mali après neuf ans de présence.',
      { date: '2022-08', approximate: true },
      'fr',
    );
    expect(monday).toMatchObject({
      words: 'lundi',
      date: '2022-08',
      granularity: 'month',
      approximate: true,
    });
    expect(withResolved(monday!)).toBe('lundi (c. Aug 2022)');
  });

  it('keeps a day the words name, taking only its year from a month-only publication date', () => {
    expect(
      shown('The troops left on Monday and on 7 August; on 17 February Macron had announced it.', '2022-08'),
    ).toEqual([
      'on Monday → on Monday (c. Aug 2022)',
      'on 7 August → on 7 August (c. 7 Aug 2022)',
      'on 17 February → on 17 February (c. 17 Feb 2022)',
    ]);
  });

  it('marks dates resolved against a month or a year approximate even when not told so, and leaves full dates exact', () => {
    expect(shown('Last month the junta spoke; on 15 August 2022 the last troops left.', '2022-08')).toEqual([
      'Last month → Last month (c. Jul 2022)',
      'on 15 August 2022 → on 15 August 2022',
    ]);
    expect(shown('The troops left on Monday, last month and last year.', '2022')).toEqual([
      'on Monday → on Monday (c. 2022)',
      'last month → last month (c. 2022)',
      'last year → last year (c. 2021)',
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
