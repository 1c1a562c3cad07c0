import { describe, expect, it } from 'vitest';
import { ArticleMetadata } from '../../src/corpus/schema.js';
import { Bm25Index } from './bm25.js';
import { generateQuestions } from './questions.js';
import { buildVocabulary, generateCorpus, Rng, type SyntheticCorpus } from './synthetic.js';

const SEED_TEXT = [
  'France announced on Thursday that its troops would withdraw from Mali after nine years, as relations with the ruling junta in Bamako broke down.',
  'President Emmanuel Macron said the military operation against Islamist insurgents would move to Niger, where some 2,400 soldiers remain.',
  'The European Takuba task force and the Barkhane operation will leave their bases in the coming months, officials told reporters.',
].join('\n\n');

const vocabulary = buildVocabulary([SEED_TEXT], { size: 3_000, nameCount: 300, seed: 11 });

const FRENCH_SEED_TEXT = [
  'La France a annoncé jeudi le retrait de ses soldats du Mali, après neuf années de présence militaire.',
  'Le président Emmanuel Macron a déclaré que la force Barkhane quitterait ses bases de Gao et de Ménaka.',
  'Les autorités maliennes ont exigé un départ « sans délai » des troupes françaises et européennes.',
].join('\n\n');

const frenchVocabulary = buildVocabulary([FRENCH_SEED_TEXT], {
  size: 2_000,
  nameCount: 200,
  seed: 12,
  language: 'fr',
});

function texts(c: SyntheticCorpus): string[] {
  return c.articles.map((a) => a.text);
}

describe('synthetic corpus generator', () => {
  it('is deterministic: the same seed gives identical text, another seed different text', () => {
    const a = generateCorpus({ passages: 400, vocabulary, seed: 5 });
    const b = generateCorpus({ passages: 400, vocabulary, seed: 5 });
    const c = generateCorpus({ passages: 400, vocabulary, seed: 6 });
    expect(texts(b)).toEqual(texts(a));
    expect(b.passages.map((p) => p.text)).toEqual(a.passages.map((p) => p.text));
    expect(texts(c)).not.toEqual(texts(a));
  });

  it('builds the same vocabulary from the same seed text', () => {
    expect(buildVocabulary([SEED_TEXT], { size: 3_000, nameCount: 300, seed: 11 })).toEqual(vocabulary);
    expect(vocabulary.words).toHaveLength(3_000);
    expect(new Set(vocabulary.words).size).toBe(3_000);
    expect(vocabulary.words.slice(0, vocabulary.fromSeed)).toContain('troops');
  });

  it.each([1, 37, 500, 1_234])('produces exactly %i passages through prepareArticle', (n) => {
    const c = generateCorpus({ passages: n, vocabulary, seed: 3 });
    expect(c.passages).toHaveLength(n);
    expect(c.mismatches).toBe(0);
  });

  it('gives passages with correct ids and offsets, and metadata the schema accepts', () => {
    const c = generateCorpus({ passages: 300, vocabulary, seed: 9 });
    c.passages.forEach((p, i) => {
      expect(p.id).toBe(i);
      const article = c.byId.get(p.articleId)!;
      expect(article.text.slice(p.start, p.end)).toBe(p.text);
      expect(article.blocks[p.block]!.kind).toBe('body');
    });
    for (const a of c.articles) {
      expect(ArticleMetadata.parse(a.meta)).toEqual(a.meta);
      const words = a.passages.map((p) => p.text.split(/\s+/).length);
      expect(Math.min(...words)).toBeGreaterThanOrEqual(12);
    }
  });

  it('writes about the asked share of articles in French, accents and « » quotations included, in the shape prepareArticle gives', () => {
    const french = { share: 0.3, vocabulary: frenchVocabulary };
    const project = generateCorpus({ passages: 1_500, vocabulary, seed: 4, french });
    const direct = generateCorpus({ passages: 1_500, vocabulary, seed: 4, mode: 'direct', french });
    const fr = project.articles.filter((a) => a.meta.language === 'fr');
    expect(fr.length / project.articles.length).toBeGreaterThan(0.15);
    expect(fr.length / project.articles.length).toBeLessThan(0.45);
    expect(frenchVocabulary.words.slice(0, frenchVocabulary.fromSeed)).toContain('présence');
    const frText = fr.map((a) => a.text).join('\n');
    expect(frText).toMatch(/[éèàê]/);
    expect(frText).toContain('\u00AB\u00A0');
    expect(frText).toMatch(/ (?:de|la|les) /);
    for (const a of project.articles.filter((x) => x.meta.language === 'en'))
      expect(a.text).not.toContain('\u00AB');
    expect(project.mismatches).toBe(0);
    expect(direct.passages).toEqual(project.passages);
  });

  it('builds passages directly in exactly the shape prepareArticle gives', () => {
    const project = generateCorpus({ passages: 600, vocabulary, seed: 4, mode: 'project' });
    const direct = generateCorpus({ passages: 600, vocabulary, seed: 4, mode: 'direct' });
    expect(direct.articles.map((a) => a.blocks)).toEqual(project.articles.map((a) => a.blocks));
    expect(direct.passages).toEqual(project.passages);
  });
});

describe('seeded PRNG', () => {
  it('repeats its sequence for a seed and stays in [0, 1)', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const xs = Array.from({ length: 1000 }, () => a.next());
    expect(Array.from({ length: 1000 }, () => b.next())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('benchmark questions', () => {
  it('are deterministic, 3–12 words, and about 15% carry a misspelling', () => {
    const c = generateCorpus({ passages: 500, vocabulary, seed: 2 });
    const q1 = generateQuestions(c, { count: 400, quotes: 50, seed: 1 });
    const q2 = generateQuestions(c, { count: 400, quotes: 50, seed: 1 });
    expect(q2).toEqual(q1);
    expect(q1.ask).toHaveLength(400);
    for (const q of q1.ask) expect(q.split(' ').length).toBeGreaterThanOrEqual(3);
    for (const q of q1.ask) expect(q.split(' ').length).toBeLessThanOrEqual(12);
    expect(q1.misspelt.length / 400).toBeGreaterThan(0.08);
    expect(q1.misspelt.length / 400).toBeLessThan(0.2);
    expect(q1.quote).toHaveLength(50);
  });
});

describe('BM25 reference index', () => {
  const docs = [
    'The junta in Bamako expelled the French ambassador.',
    'France will keep some troops in Niger after the withdrawal.',
    'Some 2,400 French troops were deployed in Mali when the withdrawal was announced.',
    'Troops, troops and more troops: the Sahel has seen many deployments.',
  ];

  it('ranks the passage that matches the question exactly first', () => {
    const index = Bm25Index.build(docs);
    const hits = index.search('How many French troops were deployed in Mali?', 10);
    expect(hits[0]!.doc).toBe(2);
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
  });

  it('returns at most k hits, none for unknown words, and survives a JSON round trip', () => {
    const index = Bm25Index.build(docs);
    expect(index.search('troops', 2)).toHaveLength(2);
    expect(index.search('zzyzx')).toEqual([]);
    const copy = Bm25Index.fromJSON(JSON.stringify(index));
    expect(copy.search('French ambassador Bamako')).toEqual(index.search('French ambassador Bamako'));
  });
});
