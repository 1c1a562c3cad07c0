import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../support/memory-corpus.js';
import type { EngineModel } from '../../src/engine/model.js';

/** The hand formula, whatever the model file adopts: these tests place passages by its order. */
const HAND_ORDER: EngineModel = { rank: null, confidence: null };
import { AnswerEngine, otherSide } from '../../src/engine/answer.js';
import { expandQuestion } from '../../src/engine/expand.js';
import { analyzeQuestion } from '../../src/engine/question.js';

/** Passages that match every word of the troop question but give no count, from ten outlets. */
const FILLERS: Array<[string, string, string]> = [
  'French troops stationed in Mali patrolled the roads near Gao at dawn.',
  'Villagers said French troops stationed in Mali rarely left their camps.',
  'The French troops stationed in Mali were tired, one officer admitted.',
  'Reporters met French troops stationed in Mali at a desert outpost.',
  'French troops stationed in Mali guarded the airport through the night.',
  'Critics asked what French troops stationed in Mali had achieved.',
  'Families of French troops stationed in Mali waited for news.',
  'French troops stationed in Mali trained local soldiers on Tuesdays.',
  'Some French troops stationed in Mali were moved north in the spring.',
  'Supplies for French troops stationed in Mali came by air.',
].map((text, i) => [`filler-${i}`, `Filler ${i}`, text]);

const LEAD = 'In February, France had about 2,400 troops stationed in Mali, officials said.';

describe('the other side of a count or a date, from anywhere among the candidates', () => {
  it('brings another article’s count of the same noun beside the question’s words into the first five', () => {
    const other = 'Relations soured despite close to 3000 French troops deployed in Mali.';
    const engine = new AnswerEngine(
      buildCorpus([['lead', 'Lead Outlet', LEAD], ...FILLERS, ['other', 'Other Outlet', other]]),
      undefined,
      undefined,
      HAND_ORDER,
    );
    const a = engine.ask('How many French troops were stationed in Mali?');
    expect(a.citations[0]!.quote).toBe(LEAD);
    // Ranked alone it comes twelfth (it lacks "stationed"); it takes the fifth place.
    expect(a.citations.map((c) => c.quote).indexOf(other)).toBe(4);
  });

  it('leaves out a count of another noun, and one far from the question’s words', () => {
    const vehicles = 'Relations soured despite close to 3000 French vehicles deployed in Mali.';
    const elsewhere = 'About 3000 troops, the ministry said in a long statement on French policy in Mali.';
    const engine = new AnswerEngine(
      buildCorpus([
        ['lead', 'Lead Outlet', LEAD],
        ...FILLERS,
        ['vehicles', 'Vehicle Outlet', vehicles],
        ['elsewhere', 'Elsewhere Outlet', elsewhere],
      ]),
      undefined,
      undefined,
      HAND_ORDER,
    );
    const a = engine.ask('How many French troops were stationed in Mali?');
    expect(a.citations[0]!.quote).toBe(LEAD);
    expect(a.citations.map((c) => c.outlet)).not.toContain('Vehicle Outlet');
    expect(a.citations.map((c) => c.outlet)).not.toContain('Elsewhere Outlet');
  });

  it('brings another article’s year for the same event, told in related words, into the first five', () => {
    const lead = 'French troops stationed in Mali have fought Islamist militants there since 2012.';
    const other = 'France first deployed troops in 2013 to push back jihadist fighters.';
    // The fillers give the lead's year and outrank the other side; unrelated reports make the
    // question's words rarer.
    const fillers = FILLERS.map(([id, outlet, text]): [string, string, string] => [
      id,
      outlet,
      text.replace('stationed in Mali', 'stationed in Mali since 2012'),
    ]);
    const unrelated = ['rain', 'wheat', 'markets', 'schools', 'roads', 'music', 'football', 'prices'].map(
      (w): [string, string, string] => [
        `n-${w}`,
        `Notes ${w}`,
        `Reports about ${w} in the capital came out this week.`,
      ],
    );
    const engine = new AnswerEngine(
      buildCorpus([
        ['lead', 'Lead Outlet', lead],
        ...fillers,
        ...unrelated,
        ['other', 'Other Outlet', other],
      ]),
      undefined,
      undefined,
      HAND_ORDER,
    );
    const a = engine.ask('Since what year have French troops stationed in Mali been fighting?');
    expect(a.citations[0]!.quote).toBe(lead);
    // Ranked alone it comes twelfth. "Islamist" and "jihadist" (an alias), "fought" and
    // "fighters" (derived) around the years: the same event; it takes the fifth place.
    expect(a.citations.map((c) => c.quote).indexOf(other)).toBe(4);
  });

  it('leaves out a count of another country’s troops, and brings the lead country’s other count', () => {
    // It matches every word of the question and ranks above the other side.
    const german = 'Beside the French troops stationed in Mali, Germany has some 1,300 troops.';
    const other = 'Relations soured despite close to 3000 French troops deployed in Mali.';
    const engine = new AnswerEngine(
      buildCorpus([
        ['lead', 'Lead Outlet', LEAD],
        ...FILLERS,
        ['german', 'German Outlet', german],
        ['other', 'Other Outlet', other],
      ]),
      undefined,
      undefined,
      HAND_ORDER,
    );
    const a = engine.ask('How many French troops were stationed in Mali?');
    expect(a.citations[0]!.quote).toBe(LEAD);
    const quotes = a.citations.map((c) => c.quote);
    expect(quotes).toContain(other);
    expect(quotes).not.toContain(german);
  });

  it('searches the lead’s own words around its date when no candidate gives another one', () => {
    const lead = 'The army seized power in a coup in August 2020, months after mass protests.';
    // The other side shares "coup" and "protests" with the lead, and none of the question's
    // words: no search for the question reaches it. Its article has a candidate passage.
    const sideText = 'Two coups have shaken the country since May 2020, as the protests grew.';
    const other = `The army patrols the streets at night.\n\n${sideText}`;
    // Another date with none of the lead's words around it is no side.
    const festival = 'The music festival moved to May 2021 after the rains.';
    const unrelated = ['rain', 'wheat', 'markets', 'schools', 'roads', 'music', 'football', 'prices'].flatMap(
      (w): Array<[string, string, string]> => [
        [`n-${w}`, `Notes ${w}`, `Reports about ${w} in the capital came out this week.`],
        [`m-${w}`, `More ${w}`, `A longer report about ${w} and the capital is due next month.`],
      ],
    );
    const engine = new AnswerEngine(
      buildCorpus([
        ['lead', 'Lead Outlet', lead],
        ['other', 'Other Outlet', other],
        ['festival', 'Festival Outlet', festival],
        ...['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'].map(
          (d, i): [string, string, string] => [`army-${i}`, `Army ${i}`, `The army held a parade on ${d}.`],
        ),
        ...unrelated,
      ]),
      undefined,
      undefined,
      HAND_ORDER,
    );
    const a = engine.ask('When did the army grab power?');
    expect(a.citations[0]!.quote).toBe(lead);
    expect(a.citations.map((c) => c.quote)).toContain(sideText);
    expect(a.citations.map((c) => c.quote)).not.toContain(festival);
  });

  it('leaves out a count of the same noun beside another place than the lead’s and the question’s', () => {
    const chad = 'About 1,000 French troops are also stationed in Chad, officials said.';
    const engine = new AnswerEngine(
      buildCorpus([['lead', 'Lead Outlet', LEAD], ...FILLERS, ['chad', 'Chad Outlet', chad]]),
      undefined,
      undefined,
      HAND_ORDER,
    );
    const a = engine.ask('How many French troops were stationed in Mali?');
    expect(a.citations[0]!.quote).toBe(LEAD);
    expect(a.citations.map((c) => c.outlet)).not.toContain('Chad Outlet');
  });

  it('looks at the lead’s other counts when its answer counts something the question does not name', () => {
    const lead =
      'A French contingent of 2,400 troops stationed in Mali for the past nine years was joined by allies.';
    const other = 'Relations soured despite close to 3000 French troops deployed in Mali.';
    const engine = new AnswerEngine(
      buildCorpus([['lead', 'Lead Outlet', lead], ...FILLERS, ['other', 'Other Outlet', other]]),
      undefined,
      undefined,
      HAND_ORDER,
    );
    const read = analyzeQuestion('How many French soldiers were on the ground in Mali?');
    const q = { ...read, expansions: expandQuestion(read, engine.index) };
    const ranked = engine.rank(q).filter((r) => r.passage.text !== other);
    const otherRanked = engine.rank(q).find((r) => r.passage.text === other)!;
    // The lead's answer read as "nine years" (the question names no years): its troops count.
    const nine = lead.indexOf('nine years');
    const head = [
      ranked.find((r) => r.passage.text === lead)!,
      ...ranked.filter((r) => r.passage.text !== lead).slice(0, 4),
    ];
    head[0]!.found = { start: nine, end: nine + 'nine years'.length, text: 'nine years' };
    otherSide([...head, ...ranked.slice(5), otherRanked], head, q, engine.index);
    expect(head.map((r) => r.passage.text)[4]).toBe(other);
    // Asked for years, the answer's own count is the one compared: no troop count comes in.
    const years = analyzeQuestion('For how many years were French soldiers on the ground in Mali?');
    const qy = { ...years, expansions: expandQuestion(years, engine.index) };
    const headY = [head[0]!, ...ranked.filter((r) => r.passage.text !== lead).slice(0, 4)];
    otherSide([...headY, otherRanked], headY, qy, engine.index);
    expect(headY.map((r) => r.passage.text)).not.toContain(other);
  });

  it('reads a place as where a count is only after "in", "to", "across"…: "for France" names whose it is', () => {
    const lead = 'The mission has been costly for France, with 48 soldiers killed since it began.';
    const other = 'Officials said 59 French soldiers had been killed in Mali during the mission.';
    const fillers = FILLERS.map(([id, outlet, text]): [string, string, string] => [
      id,
      outlet,
      text.replace('French troops stationed in Mali', 'French soldiers of the mission'),
    ]);
    const engine = new AnswerEngine(
      buildCorpus([['lead', 'Lead Outlet', lead], ...fillers, ['other', 'Other Outlet', other]]),
    );
    const read = analyzeQuestion('How many French soldiers were killed during the mission?');
    const q = { ...read, expansions: expandQuestion(read, engine.index) };
    const ranked = engine.rank(q);
    const leadRanked = ranked.find((r) => r.passage.text === lead)!;
    expect(leadRanked.found?.text).toBe('48');
    const head = [
      leadRanked,
      ...ranked.filter((r) => r.passage.text !== lead && r.passage.text !== other).slice(0, 4),
    ];
    otherSide(ranked, head, q, engine.index);
    expect(head.map((r) => r.passage.text)[4]).toBe(other);
  });

  it('compares dates at the grain of the lead’s answer: "August 2020" and "since May 2020" differ', () => {
    const lead = 'Relations soured after the army seized power in August 2020.';
    const other = 'The army seized power in May 2020, one report says.';
    const fillers = FILLERS.map(([id, outlet, text]): [string, string, string] => [
      id,
      outlet,
      text.replace('French troops stationed in Mali', 'Army officers in Mali'),
    ]);
    // Unrelated reports make the two passages' shared words ("seized", "power") rare.
    const unrelated = ['rain', 'wheat', 'markets', 'schools', 'roads', 'music', 'football', 'prices'].map(
      (w): [string, string, string] => [
        `n-${w}`,
        `Notes ${w}`,
        `Reports about ${w} in the capital came out this week.`,
      ],
    );
    const engine = new AnswerEngine(
      buildCorpus([
        ['lead', 'Lead Outlet', lead],
        ...fillers,
        ...unrelated,
        ['other', 'Other Outlet', other],
      ]),
    );
    const read = analyzeQuestion('When did the army seize power?');
    const q = { ...read, expansions: expandQuestion(read, engine.index) };
    const ranked = engine.rank(q);
    const leadRanked = ranked.find((r) => r.passage.text === lead)!;
    const at = lead.indexOf('August 2020');
    leadRanked.found = { start: at, end: at + 'August 2020'.length, text: 'August 2020' };
    const head = [
      leadRanked,
      ...ranked.filter((r) => r.passage.text !== lead && r.passage.text !== other).slice(0, 4),
    ];
    otherSide(ranked, head, q, engine.index);
    expect(head[0]!.passage.text).toBe(lead);
    expect(head.map((r) => r.passage.text)).toContain(other);
    // Asked for a year, the two are one side (2020): nothing comes in.
    const year = analyzeQuestion('What year did the army seize power?');
    const qy = { ...year, expansions: expandQuestion(year, engine.index) };
    const headY = [
      leadRanked,
      ...ranked.filter((r) => r.passage.text !== lead && r.passage.text !== other).slice(0, 4),
    ];
    otherSide(ranked, headY, qy, engine.index);
    expect(headY.map((r) => r.passage.text)).not.toContain(other);
  });
});

describe('the other side of a count: the same noun at the same place, not a toll', () => {
  const lead =
    'France has some 4,300 troops in the Sahel region as part of the Barkhane force, also in Chad.';
  // Every filler holds the lead's words around its count: on so small a corpus none is rare.
  const fillers = FILLERS.map(([id, outlet, text]): [string, string, string] => [
    id,
    outlet,
    text.replace('French troops stationed in Mali', 'Barkhane troops in the Sahel region'),
  ]);
  const ask = (other: [string, string, string]) =>
    new AnswerEngine(
      buildCorpus([['lead', 'Lead Outlet', lead], ...fillers, other]),
      undefined,
      undefined,
      HAND_ORDER,
    ).ask('barkhane troop count');

  it('brings in another count of the same noun whose first place is the lead’s', () => {
    const other = 'Macron was planning to reduce the almost 5,000 troops deployed in the Sahel region.';
    const a = ask(['other', 'Other Outlet', other]);
    expect(a.citations[0]!.quote).toBe(lead);
    expect(a.citations.slice(0, 5).map((c) => c.quote)).toContain(other);
  });

  it('leaves out a count whose first place is another, and a toll beside a deployment', () => {
    const chad = 'About 1,000 troops are also based in Chad, in the Sahel region.';
    expect(ask(['chad', 'Chad Outlet', chad]).citations.map((c) => c.outlet)).not.toContain('Chad Outlet');
    const toll = 'Some 50 troops were killed in the Sahel region over nine years.';
    expect(ask(['toll', 'Toll Outlet', toll]).citations.map((c) => c.outlet)).not.toContain('Toll Outlet');
  });
});
