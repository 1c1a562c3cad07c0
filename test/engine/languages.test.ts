import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadEngine } from '../../src/engine/index.js';
import { FIXTURE_CORPUS_DIR } from '../support/corpus.js';

const FR = 'le-monde-2022-08-15-dernier-soldat';

/** A temporary copy of the five seeds plus one French article (written for the tests). */
function corpusWithFrench(): string {
  const dir = mkdtempSync(join(tmpdir(), 'corpus-fr-'));
  cpSync(FIXTURE_CORPUS_DIR, dir, { recursive: true });
  const text = readFileSync(fileURLToPath(new URL(`../fixtures/french/${FR}.txt`, import.meta.url)));
  writeFileSync(join(dir, 'articles', `${FR}.txt`), text);
  const meta = {
    id: FR,
    outlet: null,
    title: 'Les derniers soldats français ont quitté le Mali',
    published: '2022-08-15',
    url: null,
    language: 'fr',
    sha256: createHash('sha256').update(text).digest('hex'),
    inferred: {
      outlet: 'A fixture written for the tests, from no outlet.',
      published: 'Dated for the tests to the last day of the withdrawal.',
      url: 'A fixture written for the tests, with no address.',
    },
  };
  writeFileSync(join(dir, 'articles', `${FR}.json`), JSON.stringify(meta, null, 2));
  return dir;
}

describe('a corpus in two languages', () => {
  const engine = loadEngine(corpusWithFrench());

  it('answers a French question from the French passage, analysed with French stems', () => {
    const a = engine.ask('Où resteront les soldats français ?');
    expect(a.citations[0]?.articleId).toBe(FR);
    expect(a.citations[0]?.quote).toBe(
      "Quelque 2 500 soldats français resteront dans la région, dont un millier à Niamey, selon l'état-major.",
    );
  });

  it('puts the French passage among the closest for an English question whose names and places match', () => {
    const a = engine.ask('Which base was handed back to Malian forces in April?');
    const french = a.citations.slice(0, 3).find((c) => c.articleId === FR);
    expect(french?.quote).toBe('La base de Gossi avait été rétrocédée aux forces maliennes en avril.');
  });

  it('leaves the English answers as they were', () => {
    const a = engine.ask('How many of the soldiers killed in Barkhane died in Mali?');
    expect([a.status, a.answer]).toEqual(['answered', '48 of the 53 soldiers']);
  });
});
