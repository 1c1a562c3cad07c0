import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractFromHtml } from '../../src/corpus/html.js';

const HTML = fileURLToPath(new URL('../fixtures/html/', import.meta.url));
const NEWS_PAGE = join(HTML, 'sahel-dispatch-convoy.html');
const JSONLD_PAGE = join(HTML, 'niamey-observer-takuba.html');
const BARE_PAGE = join(HTML, 'bare-page.html');

/** What the body of the Sahel Dispatch page reads as, checked by hand against the page. */
const NEWS_TEXT = readFileSync(join(HTML, 'sahel-dispatch-convoy.expected.txt'), 'utf8');

describe('extractFromHtml', () => {
  it('keeps the body paragraphs of a news page and none of its menu, logo, caption, sidebar, footer or script output', () => {
    const page = extractFromHtml(readFileSync(NEWS_PAGE, 'utf8'));
    expect(page.text).toBe(NEWS_TEXT);
    for (const furniture of [
      'Subscribe',
      'Sections',
      'logo',
      'News from the Sahel',
      'Armoured vehicles on the road',
      'Photo:',
      'Related stories',
      'Mali junta expels',
      'Wagner fighters',
      '© 2022',
      'Contact us',
      'Injected by a script',
      'By Aminata',
    ]) {
      expect(page.text).not.toContain(furniture);
    }
  });

  it('reads outlet, headline without its site suffix, date, canonical URL and language from meta tags', () => {
    const page = extractFromHtml(readFileSync(NEWS_PAGE, 'utf8'));
    expect(page.meta).toEqual({
      outlet: 'Sahel Dispatch',
      title: 'French convoy reaches Niger as last troops leave Gao',
      published: '2022-08-16',
      url: 'https://www.sahel-dispatch.example/africa/2022/08/16/french-convoy-reaches-niger/',
      language: 'en',
    });
    expect(page.from).toEqual({
      outlet: "the page's og:site_name meta tag",
      title: `the page's og:title meta tag, without its "| Sahel Dispatch" suffix`,
      published: `the page's article:published_time meta tag ("2022-08-16T09:30:00+02:00")`,
      url: "the page's <link rel=canonical>",
      language: "the page's <html lang> attribute",
    });
  });

  it('reads outlet, headline and date from JSON-LD when the page has no meta tags, and drops a "More on this story" list', () => {
    const page = extractFromHtml(readFileSync(JSONLD_PAGE));
    expect(page.meta).toEqual({
      outlet: 'The Niamey Observer',
      title: 'Takuba task force ends its mission in Mali',
      published: '2022-07-01',
      url: null,
      language: 'en-GB',
    });
    expect(page.text).toBe(
      `${[
        'The European special forces task force Takuba formally ended its operations in Mali on Thursday, the French armed forces ministry said, closing a mission that had brought together soldiers from ten countries.',
        'Takuba was launched in March 2020 to train and accompany Malian units in combat against jihadist groups in the border area with Niger and Burkina Faso.',
        '\u201CThe task force has achieved significant results despite a political context that made its work impossible,\u201D the ministry said in a statement.',
        'Sweden, Estonia and the Czech Republic had already announced that their contingents would leave before the end of the year.',
      ].join('\n\n')}\n`,
    );
  });

  it('leaves every field null on a page without metadata', () => {
    const page = extractFromHtml(readFileSync(BARE_PAGE, 'utf8'));
    expect(page.meta).toEqual({ outlet: null, title: null, published: null, url: null, language: null });
    expect(page.from).toEqual({ outlet: null, title: null, published: null, url: null, language: null });
    expect(page.text.split('\n\n')).toHaveLength(3);
  });

  it('resolves a relative canonical link against the page address and folds white space inside paragraphs', () => {
    const html = `<html><head><link rel="canonical" href="/news/mali-exit/#top"></head><body><article>
      <p>French   troops\n   finished
      their withdrawal<br>from Mali on Monday, the army said in Paris.</p></article></body></html>`;
    const page = extractFromHtml(html, 'https://news.example.org/world/page.html?utm_source=x');
    expect(page.meta.url).toBe('https://news.example.org/news/mali-exit/#top');
    expect(page.text).toBe(
      'French troops finished their withdrawal from Mali on Monday, the army said in Paris.\n',
    );
  });
});
