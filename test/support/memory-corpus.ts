/** A small corpus built in memory for engine unit tests, through the project's own article preparation. */
import { createHash } from 'node:crypto';
import { prepareArticle, type Article, type Corpus } from '../../src/corpus/load.js';
import { ArticleMetadata } from '../../src/corpus/schema.js';

/**
 * Builds a corpus from [id, outlet, text] triples, each an article of 17 Feb 2022, in English
 * unless a fourth element gives its language ("fr").
 */
export function buildCorpus(
  docs: Array<[string, string, string] | [string, string, string, string]>,
): Corpus {
  const articles: Article[] = [];
  const passages: Article['passages'] = [];
  for (const [id, outlet, text, language = 'en'] of docs) {
    const meta = ArticleMetadata.parse({
      id,
      outlet,
      title: null,
      published: '2022-02-17',
      language,
      sha256: createHash('sha256').update(text).digest('hex'),
    });
    const article = prepareArticle(meta, text, `${id}.txt`, passages.length);
    articles.push(article);
    passages.push(...article.passages);
  }
  return { dir: 'memory', articles, byId: new Map(articles.map((a) => [a.meta.id, a])), passages };
}
