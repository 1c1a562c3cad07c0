import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { Engine } from '../../src/engine/index.js';
import { FIXTURE_CORPUS_DIR } from '../support/corpus.js';

const corpus = loadCorpus(FIXTURE_CORPUS_DIR);
const MACRON =
  'We cannot remain militarily engaged alongside de facto authorities whose strategy and hidden aims we do not share';

/** What a reporter sees of a quote look-up: each quotation's words, speaker and article. */
const seen = (engine: Engine, query: string) =>
  engine.quote(query).quotes.map((q) => [q.text, q.speaker, q.articleId, q.alsoIn.map((a) => a.articleId)]);

describe('Engine.prepareQuotations', () => {
  it('builds the quotation index between other work; look-ups then find the same quotations', async () => {
    const prepared = new Engine(corpus);
    await prepared.prepareQuotations(1);
    const top = prepared.quote('hidden aims').quotes[0]!;
    expect([top.text, top.speaker]).toEqual([MACRON, 'Emmanuel Macron']);
    expect(prepared.speakers().slice(0, 2)).toEqual(['Emmanuel Macron', 'France and its allies']);
    const lazy = new Engine(corpus);
    for (const query of ['hidden aims', 'Borrell', 'coordinated withdrawal', 'terrorism'])
      expect(seen(prepared, query)).toEqual(seen(lazy, query));
  });

  it('lets a look-up made while the build is under way finish it, with the same result', async () => {
    const engine = new Engine(corpus);
    const done = engine.prepareQuotations(0);
    // One slice runs, then the look-up needs the quotations before the rest of the build.
    await new Promise((resolve) => setImmediate(resolve));
    expect(engine.quote('hidden aims').quotes[0]!.speaker).toBe('Emmanuel Macron');
    await done;
    expect(seen(engine, 'Borrell')).toEqual(seen(new Engine(corpus), 'Borrell'));
  });

  it('answers "who said" with the speaker, prepared or not', async () => {
    const question = 'Who said France does not share the hidden aims of the junta?';
    const prepared = new Engine(corpus);
    await prepared.prepareQuotations();
    expect(prepared.ask(question).answer).toBe('Emmanuel Macron');
    expect(new Engine(corpus).ask(question).answer).toBe('Emmanuel Macron');
  });
});
