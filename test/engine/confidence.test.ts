import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../support/memory-corpus.js';
import {
  AnswerEngine,
  askedTypeTerms,
  asksMoney,
  confidenceOf,
  countsThings,
  holdsNone,
  specificTerms,
} from '../../src/engine/answer.js';
import { expandQuestion } from '../../src/engine/expand.js';
import { loadEngine } from '../../src/engine/index.js';
import { analyzeQuestion } from '../../src/engine/question.js';
import { FIXTURE_CORPUS_DIR } from '../support/corpus.js';

const sure = {
  coverage: 1,
  typed: true,
  nowhere: 0,
  margin: 1,
  agreement: 1,
  near: 1,
  unnamed: 0,
  bare: false,
  missing: 0,
  unmetSpecific: 0,
  spread: 1,
};

describe('confidence from its features', () => {
  it('is the coverage when nothing is in doubt', () => {
    expect(confidenceOf(sure)).toBe(1);
    expect(confidenceOf({ ...sure, coverage: 0.6 })).toBeCloseTo(0.6, 10);
  });

  it('halves when the passage lacks an answer of the asked type, and not when no type is asked', () => {
    expect(confidenceOf({ ...sure, typed: false, near: 0 })).toBeCloseTo(0.5, 10);
    expect(confidenceOf({ ...sure, typed: null, near: 0 })).toBe(1);
  });

  it('drops by up to a fifth when the answer of the asked type stands far from the matched words', () => {
    expect(confidenceOf({ ...sure, near: 0 })).toBeCloseTo(0.8, 10);
    expect(confidenceOf({ ...sure, near: 0.5 })).toBeCloseTo(0.9, 10);
  });

  it('drops by half the share of question words matched nowhere', () => {
    expect(confidenceOf({ ...sure, nowhere: 0.4 })).toBeCloseTo(0.8, 10);
  });

  it('drops by up to 30% for no margin over the next passage and 10% for no agreement from another article', () => {
    expect(confidenceOf({ ...sure, margin: 0 })).toBeCloseTo(0.7, 10);
    expect(confidenceOf({ ...sure, margin: 0.125 })).toBeCloseTo(0.85, 10);
    expect(confidenceOf({ ...sure, agreement: 0 })).toBeCloseTo(0.9, 10);
  });

  it('halves again when a count or a date is asked of a passage that holds none', () => {
    expect(confidenceOf({ ...sure, typed: false, near: 0, bare: true })).toBeCloseTo(0.25, 10);
  });

  it("drops by the share of the question's names the passage does not meet", () => {
    expect(confidenceOf({ ...sure, unnamed: 0.4 })).toBeCloseTo(0.6, 10);
    expect(confidenceOf({ ...sure, unnamed: 1 })).toBe(0);
  });
});

describe('confidence on the fixture corpus', () => {
  const engine = loadEngine(FIXTURE_CORPUS_DIR);

  it('answers a question whose words the passage says otherwise ("expelled" → "expulsion")', () => {
    const a = engine.ask('Who expelled the French ambassador?');
    expect(a.status).toBe('answered');
    expect(a.citations[0]?.quote).toContain('led to the expulsion of the French ambassador');
    expect(a.citations[0]?.matched).toContainEqual({
      question: 'expelled',
      passage: 'expulsion',
      how: 'derived',
    });
  });

  it('abstains on a question that shares the topic words but asks what the articles never report', () => {
    const a = engine.ask('What did Putin say about Wagner in Mali?');
    expect([a.status, a.answer]).toEqual(['no_answer', null]);
    // The closest passages are still shown (the surfaces label them as not answering).
    expect(a.citations.length).toBeGreaterThan(0);
  });
});

/** The best passage for `question` and the features its confidence is built from. */
function featuresOf(engine: AnswerEngine, question: string) {
  const read = analyzeQuestion(question);
  const q = { ...read, expansions: expandQuestion(read, engine.index) };
  const ranked = engine.rank(q);
  return { first: ranked[0]?.passage.text, ...engine.confidenceFeatures(ranked, q) };
}

describe('confidence features on a small corpus', () => {
  const engine = new AnswerEngine(
    buildCorpus([
      ['near', 'Outlet One', 'Denmark withdrew 90 soldiers from Mali in January.'],
      ['none', 'Outlet Two', 'Norway withdrew its soldiers from Mali after the talks.'],
      ['other', 'Outlet Three', 'Farmers near Mopti reported a poor harvest this year.'],
    ]),
  );
  const features = (question: string) => featuresOf(engine, question);

  it('sees the count of the asked noun beside the matched words', () => {
    expect(features('How many soldiers did Denmark withdraw?')).toMatchObject({
      first: 'Denmark withdrew 90 soldiers from Mali in January.',
      coverage: 1,
      typed: true,
      near: 1,
      nowhere: 0,
    });
  });

  it('sees a passage on the asked fact that gives no count, and halves its confidence for it', () => {
    const f = features('How many soldiers did Norway withdraw?');
    expect(f).toMatchObject({
      first: 'Norway withdrew its soldiers from Mali after the talks.',
      coverage: 1,
      typed: false,
      near: 0,
    });
    expect(engine.ask('How many soldiers did Norway withdraw?').confidence).toBeLessThanOrEqual(0.5);
  });

  it('abstains on a count asked of a passage that holds no number at all', () => {
    expect(features('How many soldiers did Norway withdraw?').bare).toBe(true);
    expect(features('How many soldiers did Denmark withdraw?').bare).toBe(false);
    expect(engine.ask('How many soldiers did Norway withdraw?').status).toBe('no_answer');
  });

  it('abstains when the rarest word of the question stands in no passage', () => {
    // "Portugal" is in no passage and weighs most of the question: most of it is matched nowhere.
    expect(features('How many soldiers did Portugal withdraw?').nowhere).toBeCloseTo(0.689, 3);
    expect(engine.ask('How many soldiers did Portugal withdraw?').status).toBe('no_answer');
  });

  it('counts the specific word no candidate matches as missing, and as unmet by the best passage', () => {
    // "portugal" (IDF ln 8 = 2.079, above the question's mean) is the only specific word:
    // "soldier" and "withdraw" (df 2, 0.470 each) are below the mean. 2.079 / 3.019 = 0.689.
    const f = features('How many soldiers did Portugal withdraw?');
    expect(f.missing).toBeCloseTo(0.689, 3);
    expect(f.unmetSpecific).toBeCloseTo(0.689, 3);
    // Every word met by the best passage: nothing missing or unmet.
    expect(features('How many soldiers did Denmark withdraw?')).toMatchObject({
      missing: 0,
      unmetSpecific: 0,
    });
  });

  it('reads the spread below the best as the margin when one other passage competes, 0 when none does', () => {
    const two = features('How many soldiers did Denmark withdraw?');
    expect(two.spread).toBe(two.margin);
    expect(two.spread).toBeGreaterThan(0);
    expect(two.spread).toBeLessThan(1);
    // No other passage: nothing is seen to fall below the best.
    expect(features('What did farmers near Mopti report?')).toMatchObject({
      first: 'Farmers near Mopti reported a poor harvest this year.',
      spread: 0,
      margin: 1,
    });
  });
});

describe('names of the question in the passage', () => {
  const engine = new AnswerEngine(
    buildCorpus([
      ['denmark', 'Outlet One', 'Denmark withdrew 90 soldiers from Mali in January.'],
      ['sweden', 'Outlet Two', 'Swedish soldiers stayed in Mali through March.'],
      ['other', 'Outlet Three', 'Farmers near Mopti reported a poor harvest this year.'],
    ]),
  );
  const features = (question: string) => featuresOf(engine, question);

  it('counts a name the best passage does not meet, though another passage does', () => {
    // "Swedish" stands in the second passage only; the first, with the count, answers for
    // another country.
    const f = features('How many Swedish soldiers withdrew from Mali?');
    expect(f.first).toBe('Denmark withdrew 90 soldiers from Mali in January.');
    expect(f.nowhere).toBe(0);
    // BM25 IDFs over 3 passages, ln(1 + (3 − df + 0.5) / (df + 0.5)): "swedish" and "withdraw"
    // (df 1) 0.981 each, "soldier" and "mali" (df 2) 0.470 each; 0.981 / 2.902 = 0.338.
    expect(f.unnamed).toBeCloseTo(0.338, 3);
  });

  it('counts as unmet specific the name the best passage misses, not as missing, since another candidate has it', () => {
    // Specific: "swedish" and "withdraw" (IDF 0.981, above the mean 0.726) and the name "mali";
    // the best passage misses "swedish" only (0.981 / 2.902), which the second passage holds.
    expect(features('How many Swedish soldiers withdrew from Mali?')).toMatchObject({
      first: 'Denmark withdrew 90 soldiers from Mali in January.',
      missing: 0,
    });
    expect(features('How many Swedish soldiers withdrew from Mali?').unmetSpecific).toBeCloseTo(0.338, 3);
  });

  it('counts nothing when the passage holds the name', () => {
    expect(features('How many soldiers did Denmark withdraw from Mali?')).toMatchObject({
      first: 'Denmark withdrew 90 soldiers from Mali in January.',
      unnamed: 0,
    });
    expect(engine.ask('How many soldiers did Denmark withdraw from Mali?')).toMatchObject({
      status: 'answered',
      answer: '90 soldiers',
    });
  });
});

describe('an amount of money asked of passages that give none', () => {
  const engineWith = (cost: string) =>
    new AnswerEngine(
      buildCorpus([
        ['cost', 'Outlet One', cost],
        ['other', 'Outlet Two', 'Farmers near Mopti reported a poor harvest this year.'],
        ['more', 'Outlet Three', 'Denmark withdrew 90 soldiers from Mali in January.'],
      ]),
    );
  const question = 'How much did Operation Barkhane cost France?';

  it('abstains when the passage on the operation gives only a count of years', () => {
    const engine = engineWith('Operation Barkhane cost France dearly over nine years of fighting.');
    expect(featuresOf(engine, question).bare).toBe(true);
    expect(engine.ask(question).status).toBe('no_answer');
  });

  it('answers when the passage gives the amount', () => {
    const engine = engineWith('Operation Barkhane cost France about €1 billion a year over nine years.');
    expect(featuresOf(engine, question).bare).toBe(false);
    expect(engine.ask(question).status).toBe('answered');
  });
});

describe('a count of things asked of a passage that counts only people', () => {
  const engine = new AnswerEngine(
    buildCorpus([
      [
        'hub',
        'Outlet One',
        'Niger will become the hub for French troops, with about 1,000 soldiers based in Niamey, along with fighter jets, drones and helicopters.',
      ],
      ['other', 'Outlet Two', 'Farmers near Mopti reported a poor harvest this year.'],
      ['more', 'Outlet Three', 'Denmark withdrew 90 soldiers from Mali in January.'],
    ]),
  );

  it('tells things counted from people counted', () => {
    expect(countsThings(analyzeQuestion('How many drones are stationed in Niamey?'))).toBe(true);
    expect(countsThings(analyzeQuestion('How many soldiers are based in Niamey?'))).toBe(false);
    expect(countsThings(analyzeQuestion('How many Wagner men were killed?'))).toBe(false);
    // A French noun is read through its English noun (data/french-question-nouns.txt), where it has one.
    expect(countsThings(analyzeQuestion('combien de soldats ont été déployés ?'))).toBe(false);
    expect(countsThings(analyzeQuestion('When did the drones arrive?'))).toBe(false);
  });

  it('abstains on the drones, whose number the passage does not give, and answers the soldiers', () => {
    expect(featuresOf(engine, 'How many drones are stationed in Niamey?').bare).toBe(true);
    expect(engine.ask('How many drones are stationed in Niamey?').status).toBe('no_answer');
    expect(engine.ask('How many soldiers are based in Niamey?')).toMatchObject({
      status: 'answered',
      answer: 'about 1,000 soldiers',
    });
  });
});

describe('a passage that holds no count or date at all', () => {
  it('holds no count when its only numbers are years', () => {
    expect(
      holdsNone('Norway withdrew its soldiers from Mali after the talks.', { answerType: 'number' }),
    ).toBe(true);
    expect(holdsNone('France deployed troops in 2013.', { answerType: 'number' })).toBe(true);
    expect(holdsNone('Denmark withdrew 90 soldiers from Mali.', { answerType: 'number' })).toBe(false);
    expect(holdsNone('Several hundred soldiers stayed.', { answerType: 'number' })).toBe(false);
  });

  it('holds a date when it names a month, a year or a time of day', () => {
    expect(holdsNone('Denmark withdrew its soldiers in late January.', { answerType: 'date' })).toBe(false);
    expect(holdsNone('France deployed troops in 2013.', { answerType: 'date' })).toBe(false);
    expect(holdsNone('The convoy crossed the border at 1pm Paris time.', { answerType: 'date' })).toBe(false);
    expect(holdsNone('Norway withdrew its soldiers after the talks.', { answerType: 'date' })).toBe(true);
  });

  it('reads a French passage for digits, number words, weekdays and months', () => {
    expect(holdsNone('Elle regroupait dix pays européens.', { answerType: 'number' }, 'fr')).toBe(false);
    expect(holdsNone('Elle a été lancée en mars 2020.', { answerType: 'number' }, 'fr')).toBe(true);
    expect(holdsNone('L’armée a remis mardi la base aux FAMa.', { answerType: 'date' }, 'fr')).toBe(false);
    expect(holdsNone('Elle regroupait 800 soldats de forces spéciales.', { answerType: 'date' }, 'fr')).toBe(
      true,
    );
  });

  it('holds no amount of money, for a question asking one, unless it gives a currency', () => {
    const cost = analyzeQuestion('How much did Operation Barkhane cost France per year?');
    expect(asksMoney(cost)).toBe(true);
    expect(holdsNone('Barkhane, a nine-year operation, cost France dearly.', cost)).toBe(true);
    expect(holdsNone('Barkhane cost France about €1 billion a year.', cost)).toBe(false);
    expect(holdsNone('The operation cost some 880 million euros a year.', cost)).toBe(false);
    const paid = analyzeQuestion('combien le Mali a-t-il payé Wagner ?');
    expect(asksMoney(paid)).toBe(true);
    expect(holdsNone('Le Mali a fait appel à environ 1 000 mercenaires.', paid, 'fr')).toBe(true);
    // "pays" is a country in French, and a count of a noun counts that noun, even where it costs.
    expect(asksMoney(analyzeQuestion('combien de pays participaient à Takuba ?'))).toBe(false);
    expect(asksMoney(analyzeQuestion('How many lives did the operation cost?'))).toBe(false);
  });

  it('holds no time of day, for "what time", when it gives only a day', () => {
    const time = analyzeQuestion('At what time did the last convoy cross into Niger?');
    expect(time.dateKind).toBe('time');
    expect(holdsNone('The last convoy crossed into Niger on Monday.', time)).toBe(true);
    expect(holdsNone('The last convoy crossed into Niger today at 1300 Paris time.', time)).toBe(false);
    expect(holdsNone('Le dernier convoi a franchi la frontière le 15 août.', time, 'fr')).toBe(true);
    expect(
      holdsNone(
        'The last convoy crossed into Niger on Monday.',
        analyzeQuestion('When did the last convoy cross?'),
      ),
    ).toBe(false);
  });

  it('never counts for a question that asks for neither', () => {
    expect(holdsNone('Norway withdrew its soldiers after the talks.', { answerType: 'person' })).toBe(false);
  });
});

describe("the question's specific words", () => {
  const q = (words: string[]) => ({
    terms: words.map((w) => w.toLowerCase()),
    // As analyzeQuestion gives them: folded to lower case.
    words: words.map((w) => ({ text: w.toLowerCase(), term: w.toLowerCase() })),
    language: 'en',
  });
  const idfs: Record<string, number> = { troops: 0.5, withdrew: 1, 2022: 0.2, canadian: 0.3, convoy: 2.5 };

  it('are the words at or above the mean IDF, the names and the numbers', () => {
    // Mean IDF 0.9: "withdrew" and "convoy" are above it; "2022" holds a digit; "Canadian" is a name.
    expect(
      [...specificTerms(q(['troops', 'withdrew', '2022', 'Canadian', 'convoy']), (t) => idfs[t]!)].sort(),
    ).toEqual(['2022', 'canadian', 'convoy', 'withdrew']);
  });

  it('are none for a question with no terms', () => {
    expect(specificTerms(q([]), () => 1).size).toBe(0);
  });
});

describe('the words that name the asked type', () => {
  const engine = new AnswerEngine(
    buildCorpus([
      [
        'ended',
        'Outlet One',
        'The UN mission in Mali ended on December 31 after the junta asked it to leave.',
      ],
      ['other', 'Outlet Two', 'Farmers near Mopti reported a poor harvest this year.'],
      ['more', 'Outlet Three', 'Peacekeepers of the mission patrolled Gao and Timbuktu for ten years.'],
    ]),
  );
  const features = (question: string) => featuresOf(engine, question);

  it('are the words of the question that say which type is asked, in English and French', () => {
    const terms = (question: string) => [...askedTypeTerms(analyzeQuestion(question))];
    expect(terms('On what date did the UN mission end?')).toEqual(['date']);
    expect(terms('How long was the Swedish deployment meant to last?')).toEqual(['long']);
    expect(terms("France's total troop strength across the Sahel?")).toEqual(['total', 'strength']);
    expect(terms('En quelle année la base de Ménaka a-t-elle ouvert ?')).toEqual(['anne']);
    expect(terms('Quel pays a retiré ses soldats ?')).toEqual(['pay']);
    // "date" names no type a "who" question asks.
    expect(terms('Who set the date of the UN mission?')).toEqual([]);
  });

  it('count as met by the answer of the asked type, so the passage covers the whole question', () => {
    expect(features('On what date did the UN mission end?')).toMatchObject({
      first: 'The UN mission in Mali ended on December 31 after the junta asked it to leave.',
      typed: true,
      coverage: 1,
      nowhere: 0,
      unmetSpecific: 0,
    });
    // Before, "date" (in no passage, the rarest word) and "officially" left the passage
    // covering under half of the question's weight: the engine abstained (0.443) above it.
    const a = engine.ask('What date did the mission officially end?');
    expect([a.status, a.answer, a.citations[0]?.quote]).toEqual([
      'answered',
      'December 31',
      'The UN mission in Mali ended on December 31 after the junta asked it to leave.',
    ]);
    // Without an answer of the asked type the word stays unmatched: "date" is in no passage.
    expect(features('On what date did farmers near Mopti arrive?')).toMatchObject({
      first: 'Farmers near Mopti reported a poor harvest this year.',
    });
    expect(features('On what date did farmers near Mopti arrive?').nowhere).toBeGreaterThan(0);
  });
});

describe('a next passage that gives the same answer', () => {
  const engine = new AnswerEngine(
    buildCorpus([
      ['one', 'Outlet One', 'The junta gave the French ambassador 72 hours to leave the country.'],
      ['two', 'Outlet Two', 'Joel Meyer, the envoy of France, has 72 hours to get out, the government said.'],
      ['three', 'Outlet Three', 'Farmers near Mopti reported a poor harvest this year.'],
      ['four', 'Outlet Four', 'The ambassador of Mali in Paris was recalled for talks.'],
      ['five', 'Outlet Five', 'Peacekeepers left Gao after ten years.'],
    ]),
  );
  const question = 'How many hours did the French envoy officially get to depart?';

  it('agrees with the best passage rather than competing with it: the margin is read past it', () => {
    const f = featuresOf(engine, question);
    expect(f.first).toBe('The junta gave the French ambassador 72 hours to leave the country.');
    // The second passage scores as high by the hand formula (margin 0 before) but says 72 hours
    // too; nothing else comes near.
    expect(f.margin).toBe(1);
    const a = engine.ask(question);
    // It abstained at 0.321 when the margin was read against the agreeing passage.
    expect([a.status, a.answer]).toEqual(['answered', '72 hours']);
  });

  it('is no agreement when the answer is a word most passages hold', () => {
    const common = new AnswerEngine(
      buildCorpus([
        ['one', 'Outlet One', 'Mali expelled the French ambassador in January.'],
        ['two', 'Outlet Two', 'Mali recalled its own envoy from Paris.'],
        ['three', 'Outlet Three', 'Troops left Mali for Niger.'],
        ['four', 'Outlet Four', 'Mali and Niger signed a border accord.'],
        ['five', 'Outlet Five', 'Drought hit Mali in the north.'],
      ]),
    );
    const f = featuresOf(common, 'Which country expelled an envoy?');
    // Both passages answer "Mali", which all five passages hold: the second still competes.
    expect(f.first).toBe('Mali expelled the French ambassador in January.');
    expect(f.margin).toBeCloseTo(0.311, 3);
  });
});

describe("another outlet's passage on the same fact", () => {
  const outlets = (second: string) =>
    new AnswerEngine(
      buildCorpus([
        ['one', 'Outlet One', second],
        ['two', 'Outlet Two', 'The French army handed over its Gossi camp to Malian soldiers.'],
        ['three', 'Outlet Three', 'Farmers near Mopti reported a poor harvest this year.'],
        ['four', 'Outlet Four', 'The ambassador of Mali in Paris was recalled for talks.'],
        ['five', 'Outlet Five', 'Peacekeepers left Gao after ten years.'],
      ]),
    );
  const question = 'What did the French troops give to the Malian military?';

  it('agrees with the best passage when it shares a rare word the question did not bring ("Gossi")', () => {
    const engine = outlets('French soldiers handed the Gossi base over to the Malian army on Tuesday.');
    const f = featuresOf(engine, question);
    expect(f.first).toBe('The French army handed over its Gossi camp to Malian soldiers.');
    // It scores as high as the best by the hand formula (margin 0.018 were it read against it).
    expect(f.margin).toBe(1);
    expect(engine.ask(question).status).toBe('answered');
  });

  it('competes with it when it shares only the words the question brought', () => {
    const engine = outlets('French soldiers passed the Tessit base to the Malian army on Tuesday.');
    const f = featuresOf(engine, question);
    expect(f.first).toBe('The French army handed over its Gossi camp to Malian soldiers.');
    expect(f.margin).toBeCloseTo(0.018, 3);
    expect(engine.ask(question)).toMatchObject({ status: 'no_answer', confidence: 0.265 });
  });
});
