import { describe, expect, it } from 'vitest';
import { loadEngine, type Answer } from '../../src/engine/index.js';
import { FIXTURE_CORPUS_DIR } from '../support/corpus.js';

const engine = loadEngine(FIXTURE_CORPUS_DIR);
const corpus = engine.corpus;

const DW = 'dw-2022-02-17-france-announces-military-withdrawal-from-mali';
const AJ = 'al-jazeera-2022-08-15-last-french-troops-leave-mali';
const BM = 'brussels-morning-2022-02-17-macron-announces-mali-withdrawal';
const UN = 'unnamed-outlet-2022-02-17-france-allies-withdraw-mali';
const PP = 'phnom-penh-post-2022-02-15-mali-withdrawal-announcement-nears';

/** Every quoted span of an answer (citations and their alsoIn), as [articleId, start, end, quote]. */
function spans(a: Answer): Array<[string, number, number, string]> {
  return a.citations.flatMap((c) =>
    [c, ...c.alsoIn].map((x): [string, number, number, string] => [x.articleId, x.start, x.end, x.quote]),
  );
}
/** Spans whose quote is not the article's own text at those offsets. */
function notVerbatim(a: Answer) {
  return spans(a).filter(([id, s, e, q]) => corpus.byId.get(id)!.text.slice(s, e) !== q);
}
/** Spans that overlap a block the corpus set aside as page furniture. */
function onFurniture(a: Answer) {
  return spans(a).filter(([id, s, e]) =>
    corpus.byId.get(id)!.blocks.some((b) => b.kind === 'furniture' && b.start < e && s < b.end),
  );
}

describe('short answers from the bundled corpus', () => {
  it('names Christine Lambrecht as Germany’s defence minister', () => {
    const a = engine.ask("Who is Germany's defence minister?");
    expect([a.status, a.answerType, a.answer]).toEqual(['answered', 'person', 'Christine Lambrecht']);
    expect(a.citations[0]!.articleId).toBe(DW);
    expect(a.citations[0]!.quote.startsWith("Germany's Defense Minister Christine Lambrecht said")).toBe(
      true,
    );
  });

  it('names Josep Borrell as the EU foreign policy chief', () => {
    const a = engine.ask('Who is the EU foreign policy chief?');
    expect([a.status, a.answerType, a.answer]).toEqual(['answered', 'person', 'Josep Borrell']);
  });

  it('counts some 1,300 German troops in Mali, citing DW', () => {
    const a = engine.ask('How many German troops are deployed in Mali?');
    expect([a.status, a.answerType, a.answer]).toEqual(['answered', 'number', 'some 1,300 troops']);
    // The DW text has no-break spaces here; compare with white space folded.
    expect(a.citations[0]!.quote.replace(/\s+/g, ' ')).toBe(
      "Germany has some 1,300 troops deployed in Mali, as part of the EUTM and the UN's MINUSMA mission.",
    );
    expect(a.citations[0]!.outlet).toBe('DW');
  });

  it('counts some 1,000 Wagner mercenaries in Mali', () => {
    const a = engine.ask('How many mercenaries from Wagner are in Mali?');
    expect([a.status, a.answerType, a.answer]).toEqual(['answered', 'number', 'some 1,000 mercenaries']);
    expect(a.citations[0]!.articleId).toBe(DW);
  });

  it('dates Denmark’s withdrawal announcement to late January, with the year its article implies', () => {
    const a = engine.ask('When did Denmark announce it was withdrawing?');
    // The Phnom Penh Post's date (c. 15 Feb 2022) is inferred, so the resolved month is approximate.
    expect([a.status, a.answerType, a.answer]).toEqual(['answered', 'date', 'late January (c. Jan 2022)']);
    expect(
      a.citations[0]!.quote.startsWith(
        'Denmark announced it was withdrawing its contingent of elite soldiers in late January',
      ),
    ).toBe(true);
  });

  // Known loss of the learned models (data/rank-model.json, README "Ranking"): the rank model ranks first
  // "The withdrawal comes amid tanking relations between Paris and Bamako, which has increasingly
  // turned to Russia…" (a reason found in it counts for much, and none is read from "since Mali's
  // military leaders reneged…"), and the learned confidence abstains (0.456).
  it.fails('cites the DW passage on why relations between Paris and Bamako deteriorated', () => {
    const a = engine.ask('Why did relations between Paris and Bamako deteriorate?');
    expect([a.status, a.answerType]).toEqual(['answered', 'reason']);
    expect(a.citations[0]!.quote).toBe(
      "Relations have deteriorated between Paris and Bamako since Mali's military leaders reneged on an agreement to hold elections in February.",
    );
  });

  // The passage also names "the Sahel", nearer to "French"; the answer is where they are "based in".
  it('says about 1,000 French soldiers will be based in Niamey, Niger', () => {
    const a = engine.ask('Where will about 1,000 French soldiers be based?');
    expect(
      a.citations[0]!.quote.startsWith(
        'Niger will now become the hub for French troops in the Sahel, with about 1,000 soldiers based in the capital, Niamey',
      ),
    ).toBe(true);
    expect(a.answer).toMatch(/Niamey|Niger/);
  });

  // BUG: answers "last month" (from "French officials told reporters last month" in the Niger-hub
  // passage, ranked first) instead of "on Monday" from "the French army said on Monday" / "France
  // has said its final troops have left Mali".
  it.fails('dates the departure of the last French troops to Monday', () => {
    const a = engine.ask('When did the last French troops leave Mali?');
    expect(a.answer).toMatch(/Monday/);
  });
});

describe('citations', () => {
  const questions = [
    "Who is Germany's defence minister?",
    'How many French troops were in Mali?',
    'Why did relations between Paris and Bamako deteriorate?',
    'Where will about 1,000 French soldiers be based?',
    'What did Macron say about the hidden aims of the junta?',
  ];

  it.each(questions)('are verbatim slices of their articles for "%s"', (q) => {
    const a = engine.ask(q);
    expect(a.citations).toHaveLength(5);
    expect(notVerbatim(a)).toEqual([]);
  });

  it.each(questions)('never overlap page furniture for "%s"', (q) => {
    expect(onFurniture(engine.ask(q))).toEqual([]);
  });

  it('shows a passage carried nearly word for word by three outlets once, with the other two in alsoIn', () => {
    const a = engine.ask('Who said France cannot remain militarily engaged alongside de facto authorities?');
    const carrying = a.citations.filter((c) => c.quote.includes('We cannot remain militarily engaged'));
    expect(carrying).toHaveLength(1);
    expect(carrying[0]!.articleId).toBe(DW);
    expect(carrying[0]!.alsoIn.map((x) => x.articleId)).toEqual([BM, UN]);
    expect(carrying[0]!.alsoIn.map((x) => x.quote)).toEqual([
      '“We cannot remain militarily engaged alongside de facto authorities whose strategy and hidden aims we do not share”, Macron told a news conference in announcing the withdrawal.',
      '“We cannot remain militarily engaged alongside de-facto authorities whose strategy and hidden aims we do not share”, Mr Macron told a news conference in Paris on Thursday.',
    ]);
  });
});

describe('conflicting figures', () => {
  it('shows 2,400 against close to 3000 French troops in Mali, each with its outlets', () => {
    const a = engine.ask('How many French troops were in Mali?');
    expect(a.status).toBe('answered');
    expect(a.conflict).not.toBeNull();
    // Which side comes first, and which 2,400 passage leads its side, depend on ranking; the
    // reader sees the same two sides.
    const sides = a.conflict!.map((s) => ({
      count: s.value.replace(/^(?:about|some) /, ''),
      outlets: s.sources.map((x) => x.outlet).sort(),
      ids: s.sources.map((x) => x.articleId).sort(),
    }));
    sides.sort((x, y) => x.count.localeCompare(y.count));
    expect(sides).toEqual([
      { count: '2,400', outlets: ['Al Jazeera', 'Brussels Morning Newspaper'], ids: [AJ, BM] },
      { count: 'close to 3000', outlets: [null], ids: [UN] },
    ]);
    for (const side of a.conflict!) {
      for (const i of side.citations)
        expect(a.citations[i]!.quote).toContain(side.value === 'close to 3000' ? '3000' : '2,400');
    }
  });

  it('shows 48 against 59 French soldiers killed in Mali', () => {
    const a = engine.ask('How many French soldiers died in Mali?');
    expect(a.conflict!.map((s) => [s.value, s.sources.map((x) => x.outlet)])).toEqual([
      ['48 of the 53', ['DW']],
      ['59', ['Al Jazeera']],
    ]);
    expect(a.citations[a.conflict![1]!.citations[0]!]!.quote).toBe(
      'He added that 59 French soldiers had been killed in Mali during the nine years of French involvement.',
    );
  });
});

describe('abstention', () => {
  it('does not answer who won the 2018 World Cup, and its closest passages are verbatim', () => {
    const a = engine.ask('Who won the 2018 World Cup?');
    expect([a.status, a.answer, a.conflict]).toEqual(['no_answer', null, null]);
    expect(a.citations.length).toBeGreaterThan(0);
    expect(notVerbatim(a)).toEqual([]);
    expect(onFurniture(a)).toEqual([]);
  });

  it('does not answer about the Kun Khmer match, which only a dropped sidebar mentions', () => {
    const a = engine.ask('What is the Kun Khmer match?');
    expect([a.status, a.answer, a.citations]).toEqual(['no_answer', null, []]);
  });

  it('does not answer about the weather in Paris, and its closest passages are verbatim', () => {
    const a = engine.ask('What is the weather in Paris?');
    expect([a.status, a.answer]).toEqual(['no_answer', null]);
    expect(a.citations).toHaveLength(5);
    expect(notVerbatim(a)).toEqual([]);
    expect(a.citations.some((c) => c.articleId === PP && /Cambodia/.test(c.quote))).toBe(false);
  });
});

describe('unusable input', () => {
  it.each([
    ['empty', '', 'empty query: type a question or some words to look up'],
    ['white space', '   \t ', 'empty query: type a question or some words to look up'],
    ['1,001 characters', 'a'.repeat(1001), 'query too long: 1001 characters, the limit is 1000'],
    [
      'a control character',
      'Who\u0007 left?',
      'query holds an unprintable control character (U+0007) at character 4',
    ],
  ])('answers %s input with an error and no citations, without throwing', (_, input, error) => {
    const a = engine.ask(input);
    expect(a).toEqual({
      question: input,
      status: 'no_answer',
      answer: null,
      answerType: a.answerType,
      citations: [],
      conflict: null,
      error,
    });
  });

  it('accepts a question of exactly 1,000 characters', () => {
    const q = `How many French troops were in Mali?${' '.repeat(1000 - 36)}`;
    expect(q).toHaveLength(1000);
    expect(engine.ask(q).error).toBeUndefined();
  });
});

describe('checking a claim', () => {
  it('marks passages on the same fact as giving the same or a different figure', () => {
    const a = engine.check('France had 3,000 troops in Mali.', 10);
    const marked = a.citations.filter((c) => c.stance).map((c) => [c.stance, c.value, c.articleId]);
    // Every passage giving a count for French troops in Mali is marked; their order is the ranking's.
    expect(marked.sort((x, y) => String(x[2]).localeCompare(String(y[2])))).toEqual([
      ['differs', 'about 2,400', AJ],
      ['differs', '2,400', BM],
      ['agrees', 'close to 3000', UN],
    ]);
  });

  it('gives no stance for a count about another place or another fact', () => {
    const a = engine.check('France had 3,000 troops in Mali.', 10);
    const sahel = a.citations.find((c) => c.quote.includes('4,300 troops in the Sahel'));
    expect(sahel?.stance).toBeNull();
    const died = engine.check('59 French soldiers died in Mali', 10);
    expect(died.citations.filter((c) => c.stance === 'agrees').map((c) => c.value)).toEqual(['59']);
    expect(died.citations.filter((c) => c.stance === 'differs').map((c) => c.value)).toEqual([
      '48 of the 53',
    ]);
  });

  it('judges nothing for a claim without a figure, and shows the closest passages', () => {
    const a = engine.check('Macron announced the withdrawal from Mali.');
    expect(a.citations.length).toBeGreaterThan(0);
    expect(a.citations.every((c) => c.stance === undefined || c.stance === null)).toBe(true);
  });
});

describe('who questions', () => {
  it('answers "who said" with the speaker the article gives the quotation, even where the passage says only "he"', () => {
    const a = engine.ask('Who said the answer will come in the next days?');
    expect(a.citations[0]!.quote).toBe('"The answer will come in the next days," he said.');
    expect(a.answer).toBe('Josep Borrell');
  });

  it('describes a named person from the apposition or the title beside the name', () => {
    expect(engine.ask('Who is Olivier Salgado?').answer).toBe(
      'the spokesman for the MINUSMA peacekeeping mission in Mali',
    );
    expect(engine.ask('Who is Josep Borrell?').answer).toBe('EU foreign policy chief');
  });

  it('still names the person for "who is" followed by a role', () => {
    expect(engine.ask('Who is the French foreign minister?').answer).toBe('Jean-Yves Le Drian');
  });
});

describe('date questions', () => {
  it('reads "since when" as asking for a date', () => {
    const a = engine.ask('Since when have French troops been fighting in Mali?');
    expect(a.answerType).toBe('date');
    expect(a.answer).toBe('2012');
  });
});
