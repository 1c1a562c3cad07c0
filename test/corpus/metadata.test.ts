import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractFromHtml } from '../../src/corpus/html.js';
import { articleId, buildArticle, detectLanguage, isoDateOf } from '../../src/corpus/metadata.js';
import { normaliseUrl } from '../../src/corpus/duplicates.js';

const BARE_PAGE = fileURLToPath(new URL('../fixtures/html/bare-page.html', import.meta.url));
const NEWS_ID = 'sahel-dispatch-2022-08-16-french-convoy-reaches-niger-last-troops';

describe('metadata helpers', () => {
  it('keeps the date of a time stamp as written instead of moving it to UTC', () => {
    expect(isoDateOf('2022-02-17T23:30:00-05:00')).toBe('2022-02-17');
    expect(isoDateOf('Thu, 17 Feb 2022 10:00:00 GMT')).toBe('2022-02-17');
    expect(isoDateOf('2022-02-30')).toBeNull();
    expect(isoDateOf('yesterday')).toBeNull();
  });

  it('normalises URLs by dropping the fragment, utm parameters and the trailing slash', () => {
    expect(normaliseUrl('https://a.example/x/y/?utm_source=tw&id=3&utm_medium=s#comments')).toBe(
      'https://a.example/x/y?id=3',
    );
    expect(normaliseUrl('https://a.example/x/y')).toBe('https://a.example/x/y');
  });

  it('makes an id from outlet, date and the first topic words of the headline', () => {
    expect(
      articleId(
        {
          outlet: 'Sahel Dispatch',
          published: '2022-08-16',
          title: 'French convoy reaches Niger as last troops leave Gao',
        },
        '',
      ),
    ).toBe(NEWS_ID);
    expect(
      articleId(
        { outlet: null, published: null, title: null },
        'Crowds gathered in central Bamako on Tuesday.\n',
      ),
    ).toBe('unnamed-outlet-undated-crowds-gathered-central-bamako-tuesday');
  });

  it('notes where every unstated value came from and says so when a value is unknown', () => {
    const page = extractFromHtml(readFileSync(BARE_PAGE, 'utf8'));
    const built = buildArticle({
      text: page.text,
      meta: page.meta,
      from: page.from,
      overrides: { published: '2022-08-16' },
      sourceFile: 'in/bare-page.html',
    });
    expect(built.meta.inferred).toEqual({
      outlet: 'Not found in the page or supplied; unknown.',
      title: 'Not found in the page or supplied; unknown.',
      published: 'Supplied with --published when added.',
      url: 'The page gives no canonical address and none was supplied; unknown.',
      language: 'Not declared; the text reads as English, detected with franc.',
    });
    expect(built.meta).toMatchObject({
      outlet: null,
      title: null,
      published: '2022-08-16',
      url: null,
      language: 'en',
      collectedAs: 'bare-page.html',
    });
  });

  it('gives no note for a value the article text states itself', () => {
    const text =
      'France announces exit\n\nFebruary 17, 2022\n\nFrance will withdraw its troops from Mali, DW reported on Thursday.\n';
    const built = buildArticle({
      text,
      meta: null,
      overrides: { outlet: 'DW', title: 'France announces exit', published: '2022-02-17' },
      sourceFile: 'x.txt',
    });
    expect(built.meta.inferred).toEqual({
      url: 'Collected as plain text without its address; none supplied.',
      language: 'Not declared; the text reads as English, detected with franc.',
    });
  });

  it('detects English and French on real pages, even where other languages score close', () => {
    const page = (id: string) =>
      readFileSync(fileURLToPath(new URL(`../fixtures/pages/${id}.txt`, import.meta.url)), 'utf8');
    expect(detectLanguage(page('tellerreport-2022-07-01-takuba-ends-operations'))).toBe('en');
    expect(detectLanguage(page('lanouvelletribune-2022-02-macron-rejette-demande'))).toBe('fr');
    expect(detectLanguage('Too short to tell.')).toBeNull();
  });

  it('leaves a date stamp run into the first line out of the id', () => {
    expect(
      articleId(
        { outlet: 'TF1', published: '2022-02', title: null },
        ' date 2022-02 La France se retire du Mali\n',
      ),
    ).toBe('tf1-2022-02-la-france-se-retire-du-mali');
  });
});
