/**
 * Conflicts about dates (src/engine/date-conflicts.ts): outlets dating the same event
 * differently are shown side by side; dates of different events, or dates that can be one, are
 * no conflict.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addArticle } from '../../src/corpus/ingest.js';
import { dateConflict } from '../../src/engine/date-conflicts.js';
import { loadEngine, type Engine } from '../../src/engine/index.js';
import { analyzeQuestion } from '../../src/engine/question.js';
import { FIXTURE_CORPUS_DIR } from '../support/corpus.js';

let dir: string;
let seeds: Engine;
let grown: Engine;

/** Adds a one-paragraph article to the corpus copy. */
function add(name: string, text: string, outlet: string, published: string): void {
  const file = join(dir, `${name}.txt`);
  writeFileSync(file, `${text}\n`);
  addArticle(join(dir, 'corpus'), file, { outlet, title: name, published, language: 'en' });
}

beforeAll(() => {
  seeds = loadEngine(FIXTURE_CORPUS_DIR);
  dir = mkdtempSync(join(tmpdir(), 'date-conflicts-'));
  cpSync(FIXTURE_CORPUS_DIR, join(dir, 'corpus'), { recursive: true });
  // 16 Aug 2022 was a Tuesday: "on Monday" is 15 Aug. 20 Aug was a Saturday: "on Sunday" is 14 Aug.
  add(
    'menaka-monday',
    'The last French engineers abandoned the Menaka airstrip on Monday, the army said.',
    'Sahel Wire',
    '2022-08-16',
  );
  add(
    'menaka-sunday',
    'The last French engineers abandoned the Menaka airstrip on Sunday, a local official said.',
    'Gao Daily',
    '2022-08-20',
  );
  add(
    'menaka-later',
    'Malian engineers repaired the Menaka airstrip on Friday, the governor said.',
    'Niger Post',
    '2022-08-20',
  );
  grown = loadEngine(join(dir, 'corpus'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('date conflicts', () => {
  it('shows both sides when two outlets date the same event on different days', () => {
    const a = grown.ask('When did the last French engineers abandon the Menaka airstrip?');
    expect(a.conflict?.map((s) => [s.value, s.sources.map((x) => x.outlet)])).toEqual([
      ['15 Aug 2022', ['Sahel Wire']],
      ['14 Aug 2022', ['Gao Daily']],
    ]);
    expect(a.citations.slice(0, 2).map((c) => [c.outlet, c.value])).toEqual([
      ['Sahel Wire', '15 Aug 2022'],
      ['Gao Daily', '14 Aug 2022'],
    ]);
  });

  it('shows both sides of the seeds’ dating of the coup: May 2020 (DW) and August 2020 (the unnamed outlet)', () => {
    const a = seeds.ask("When did Mali's first coup happen?");
    expect(a.answer).toBe('May 2020');
    // Al Jazeera's "coups in 2020 and 2021" fits both sides, and is on neither.
    expect(a.conflict?.map((s) => [s.value, s.sources.map((x) => x.outlet)])).toEqual([
      ['May 2020', ['DW']],
      ['Aug 2020', [null]],
    ]);
  });

  it('is no conflict when the only word the dates share names who acted ("the army")', () => {
    // "the army seized power in coup August 2020" and "the French army said on Monday" (Al
    // Jazeera, 15 Aug 2022) share only the question's "army": two events, not two datings of one.
    const a = seeds.ask('Since when has the army been in charge of the country?');
    expect(a.answer).toBe('August 2020');
    expect(a.conflict).toBeNull();
  });

  it('is no conflict when the dates are of different events sharing a word ("met the challenge", "meeting of leaders")', () => {
    const a = seeds.ask('When did the leaders meet in Paris?');
    expect(a.answer).toBe('Wednesday night (c. 16 Feb 2022)');
    expect(a.conflict).toBeNull();
    expect(grown.ask('When did engineers repair the Menaka airstrip?').conflict).toBeNull();
  });

  it('is no conflict when one date holds the other ("in February" and "on Thursday", 17 Feb 2022)', () => {
    const a = seeds.ask('When was the withdrawal announced?');
    expect(a.conflict).toBeNull();
    expect(a.citations.every((c) => c.value === null)).toBe(true);
  });
});

describe('a date conflict below a first passage that dates nothing', () => {
  /** A candidate as the answer engine ranks them: one passage with what it matched exactly. */
  const candidate = (id: number, articleId: string, text: string, terms: string[]) => ({
    passage: { id, articleId, block: 0, start: 0, end: text.length, text },
    matches: new Map(terms.map((t) => [t, { term: t, via: 'exact' as const, weight: 1 }])),
  });
  const ctx = {
    referenceOf: () => ({ reference: { date: '2022-02-03', approximate: false }, language: 'en' }),
    df: () => 1,
    size: 100,
  };
  const q = analyzeQuestion('When did the junta expel the ambassador?');

  it('is no conflict: the sides would move two other passages above the first', () => {
    const ranked = [
      candidate(0, 'lead', 'The junta expelled the ambassador over his remarks.', [
        'junta',
        'expel',
        'ambassador',
      ]),
      candidate(1, 'monday', 'The ambassador was expelled on Monday, officials said.', [
        'expel',
        'ambassador',
      ]),
      candidate(2, 'tuesday', 'The ambassador was expelled on Tuesday, the ministry said.', [
        'expel',
        'ambassador',
      ]),
    ];
    expect(dateConflict(ranked, q, ctx)).toBeNull();
  });

  it('is one when the first passage dates the event itself', () => {
    const ranked = [
      candidate(1, 'monday', 'The ambassador was expelled on Monday, officials said.', [
        'expel',
        'ambassador',
      ]),
      candidate(2, 'tuesday', 'The ambassador was expelled on Tuesday, the ministry said.', [
        'expel',
        'ambassador',
      ]),
    ];
    expect(dateConflict(ranked, q, ctx)?.sides.map((s) => s.label)).toEqual(['31 Jan 2022', '1 Feb 2022']);
  });
});
