import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadEngine, type Engine } from '../../src/engine/index.js';
import { findSource, suggestNames } from '../../src/engine/lookup.js';
import { FIXTURE_CORPUS_DIR } from '../support/corpus.js';

let engine: Engine;
beforeAll(() => {
  engine = loadEngine(FIXTURE_CORPUS_DIR);
});

describe('suggestNames', () => {
  const names = ['Emmanuel Macron', 'Jean-Yves Le Drian', 'Josep Borrell', 'Assimi Goïta'];

  it('puts names with a word starting with what was typed first, then names containing it, accents ignored', () => {
    expect(suggestNames(names, 'goi')).toEqual(['Assimi Goïta']);
    expect(suggestNames(names, 'ma')).toEqual(['Emmanuel Macron']);
    // "el" starts no word: names containing it follow, in the given order.
    expect(suggestNames(names, 'el')).toEqual(['Emmanuel Macron', 'Josep Borrell']);
    expect(suggestNames(names, 'r')).toEqual(['Emmanuel Macron', 'Jean-Yves Le Drian', 'Josep Borrell']);
  });

  it('gives everything, in order, when nothing was typed, and leaves out names too long for a choice', () => {
    expect(suggestNames(names, '  ', 2)).toEqual(['Emmanuel Macron', 'Jean-Yves Le Drian']);
    expect(suggestNames(['x'.repeat(101), 'Macron'], '')).toEqual(['Macron']);
  });
});

describe('findSource', () => {
  it('finds an article by id, or by its exact headline in any case when the user typed it without picking', () => {
    const sources = engine.sources();
    expect(findSource(sources, 'dw-2022-02-17-france-announces-military-withdrawal-from-mali')?.outlet).toBe(
      'DW',
    );
    expect(findSource(sources, '  france ANNOUNCES military withdrawal from Mali ')?.articleId).toBe(
      'dw-2022-02-17-france-announces-military-withdrawal-from-mali',
    );
    expect(findSource(sources, 'military withdrawal')).toBeNull();
  });
});

describe('Engine.findQuotations', () => {
  it('merges a headline fragment into the full quotation and cites the outlet that prints its date', () => {
    const plain = engine.quote('hidden aims');
    expect(plain.quotes.map((q) => q.text)).toEqual([
      'We cannot remain militarily engaged alongside de facto authorities whose strategy and hidden aims we do not share',
      'strategy and hidden aims',
      'hidden aims',
    ]);
    const merged = engine.findQuotations('hidden aims');
    expect(merged.quotes).toHaveLength(1);
    const [q] = merged.quotes;
    expect(q!.fragments.map((f) => [f.outlet, f.text])).toEqual([
      ['DW', 'strategy and hidden aims'],
      ['DW', 'hidden aims'],
    ]);
    expect(q!.citedSource).toMatchObject({ outlet: 'DW', published: '2022-02-17', publishedApprox: false });
    expect(q!.citation).toBe(
      '“We cannot remain militarily engaged alongside de-facto authorities whose strategy and hidden aims we do not share,” Emmanuel Macron said (DW, 17 Feb 2022)',
    );
  });
});

const FR = 'quotes-2022-02-18-macron-bruxelles';

/** A temporary copy of the five seeds plus one French article written for these tests. */
function corpusWithFrench(): string {
  const dir = mkdtempSync(join(tmpdir(), 'corpus-quotes-fr-'));
  cpSync(FIXTURE_CORPUS_DIR, dir, { recursive: true });
  const text = readFileSync(fileURLToPath(new URL(`../fixtures/french/${FR}.txt`, import.meta.url)));
  writeFileSync(join(dir, 'articles', `${FR}.txt`), text);
  const meta = {
    id: FR,
    outlet: null,
    title: 'Retrait du Mali : Macron ne transigera pas sur la sécurité des soldats',
    published: '2022-02-18',
    url: null,
    language: 'fr',
    sha256: createHash('sha256').update(text).digest('hex'),
    inferred: {
      outlet: 'A fixture written for the tests, from no outlet.',
      published: 'Dated for the tests to the day after the withdrawal was announced.',
      url: 'A fixture written for the tests, with no address.',
    },
  };
  writeFileSync(join(dir, 'articles', `${FR}.json`), JSON.stringify(meta, null, 2));
  return dir;
}

describe('quotation look-up by role and in French', () => {
  it('finds a speaker’s quotations by the role the article gives them beside the name', () => {
    const r = engine.quote('peacekeeping spokesman');
    expect(r.quotes.map((q) => [q.speaker, q.text])).toEqual([
      ['Olivier Salgado', 'specific and complementary role.'],
      ['Olivier Salgado', 'there is bound to be an impact'],
    ]);
  });

  it('finds French quotations by their words, by speaker (accents ignored) and by role', () => {
    const fr = loadEngine(corpusWithFrench());
    expect(fr.quote('transigerai une seconde').quotes.map((q) => [q.speaker, q.text])[0]).toEqual([
      'Emmanuel Macron',
      'Je ne transigerai pas une seconde sur la sécurité de nos soldats',
    ]);
    expect(fr.quote('', { speaker: 'Maiga' }).quotes.map((q) => [q.speaker, q.text])).toEqual([
      [
        'Abdoulaye Maïga',
        'Le gouvernement invite les autorités françaises à retirer, sans délai, les forces Barkhane et Takuba',
      ],
    ]);
    expect(fr.quote('porte-parole du gouvernement malien').quotes[0]?.speaker).toBe('Abdoulaye Maïga');
    expect(fr.speakers()).toContain('Abdoulaye Maïga');
  });
});

describe('quotation look-up threshold: paraphrases pass, off-topic queries do not', () => {
  it('returns a paraphrase that meets the quotation in two words below the plain coverage threshold', () => {
    // "un" and "mission" meet Salgado's role (the MINUSMA peacekeeping mission), "impact" his
    // words: under 0.4 of the query's weight, but two words met firmly.
    expect(
      engine
        .quote('the un mission fears a big impact')
        .quotes.slice(0, 1)
        .map((q) => [q.speaker, q.text]),
    ).toEqual([['Olivier Salgado', 'there is bound to be an impact']]);
  });

  it('returns nothing for an off-topic query that meets the quotations in one word only', () => {
    // "fight" is in a quotation and "years" near one: one firm word is not a match.
    expect(engine.quote('the best fight in years').quotes).toEqual([]);
    expect(engine.quote('boxing title bout of the year').quotes).toEqual([]);
  });
});

describe('quotation look-up by a named speaker', () => {
  it('ranks the quotations of the speaker the query names before another speaker’s closer match', () => {
    // The French Presidency's statement has "Gulf of Guinea" in its words; Macron's, in the
    // sentence before. The query names Macron, so his comes first.
    expect(
      engine
        .quote('macron on terror groups around the gulf of guinea')
        .quotes.slice(0, 2)
        .map((q) => q.speaker),
    ).toEqual(['Emmanuel Macron', 'Emmanuel Macron']);
    expect(engine.quote('macron on terror groups around the gulf of guinea').quotes[0]?.text).toMatch(
      /^These states are increasingly exposed to efforts by terrorist groups/,
    );
  });
});
