import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadEngine } from '../../src/engine/index.js';
import { FIXTURE_CORPUS_DIR } from '../support/corpus.js';

const dir = mkdtempSync(join(tmpdir(), 'timeline-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes one article of a small corpus of this test's own. */
function article(id: string, outlet: string, published: string, text: string): void {
  mkdirSync(join(dir, 'articles'), { recursive: true });
  writeFileSync(join(dir, 'articles', `${id}.txt`), text);
  writeFileSync(
    join(dir, 'articles', `${id}.json`),
    JSON.stringify({
      id,
      outlet,
      title: `${outlet} report`,
      published,
      publishedApprox: false,
      url: null,
      language: 'en',
      sha256: createHash('sha256').update(text).digest('hex'),
      inferred: {
        outlet: 'Written for this test: the outlet is the test’s.',
        title: 'Written for this test: the title is the test’s.',
        published: 'Written for this test: the date is the test’s.',
      },
    }),
  );
}

article(
  'courier-crossing',
  'Sahel Courier',
  '2022-08-16',
  'The last French soldiers of the Barkhane force crossed the border into Niger on Monday, the army said.\n\nParis had announced the withdrawal in February after talks with the junta failed.\n',
);
article(
  'daily-crossing',
  'Desert Daily',
  '2022-08-20',
  'The last French soldiers of the Barkhane force crossed the border into Niger on 14 August, the army said.\n\nMarket prices rose sharply in Gao.\n',
);

const engine = loadEngine(dir);

describe('the timeline', () => {
  it('puts the dated events in date order, one verbatim sentence each, with the date resolved', () => {
    const t = engine.timeline();
    expect(t.events.map((e) => [e.date, e.granularity, e.reports.map((r) => r.sentence)])).toEqual([
      [
        '2022-02',
        'month',
        ['Paris had announced the withdrawal in February after talks with the junta failed.'],
      ],
      [
        '2022-08-14',
        'day',
        [
          'The last French soldiers of the Barkhane force crossed the border into Niger on 14 August, the army said.',
          'The last French soldiers of the Barkhane force crossed the border into Niger on Monday, the army said.',
        ],
      ],
    ]);
    // "on Monday" in an article of Tuesday 16 Aug 2022 is 15 Aug 2022.
    expect(t.events[1]!.reports.map((r) => [r.outlet, r.words, r.date, r.approximate])).toEqual([
      ['Desert Daily', 'on 14 August', '2022-08-14', false],
      ['Sahel Courier', 'on Monday', '2022-08-15', false],
    ]);
  });

  it('groups the same event from two outlets and keeps their different dates side by side', () => {
    const crossing = engine.timeline().events[1]!;
    expect(crossing.dates).toEqual([
      { date: '2022-08-14', granularity: 'day', approximate: false, reports: [0] },
      { date: '2022-08-15', granularity: 'day', approximate: false, reports: [1] },
    ]);
  });

  it('keeps only the events about a topic, a spelling slip allowed, and refuses a topic of no words', () => {
    expect(engine.timeline('Barkane').events.map((e) => e.date)).toEqual(['2022-08-14']);
    expect(engine.timeline('junta talks').events.map((e) => e.date)).toEqual(['2022-02']);
    expect(engine.timeline('bitcoin').events).toEqual([]);
    expect(engine.timeline('the of').error).toBe(
      'no searchable words in the topic (only stop words, symbols or numbers of one digit)',
    );
  });

  it('marks dates that rest on an approximate publication date, on the real seed articles', () => {
    const seeds = loadEngine(FIXTURE_CORPUS_DIR).timeline('Wednesday night meeting');
    expect(
      seeds.events.map((e) => [e.date, e.approximate, e.reports[0]!.outlet, e.reports[0]!.words]),
    ).toEqual([
      ['2022-02-16', true, 'Brussels Morning Newspaper', 'Wednesday night'],
      ['2022-02-16', true, null, 'on Wednesday night'],
    ]);
  });
});
