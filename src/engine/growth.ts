/**
 * What a new corpus adds to the one before it: the articles that were not there, with what the
 * engine made of each (passages indexed, quotations found). For the notice the bot posts when
 * the corpus grows.
 */
import type { Corpus } from '../corpus/load.js';
import { QuotationIndex } from './quotes.js';
import { sourceOf } from './sources.js';
import type { SourceInfo } from './types.js';

/** An article new in a corpus. */
export interface AddedArticle extends SourceInfo {
  /** Sentence passages indexed (and so citable). */
  passages: number;
  /** Distinct quotations found in it. */
  quotations: number;
}

/**
 * The articles of `after` whose ids `before` does not have, in corpus order. Quotations are
 * counted by the engine's own extractor, run over the new articles only.
 */
export function addedArticles(before: Pick<Corpus, 'byId'>, after: Corpus): AddedArticle[] {
  const added = after.articles.filter((a) => !before.byId.has(a.meta.id));
  if (added.length === 0) return [];
  const quotes = new QuotationIndex({
    dir: after.dir,
    articles: added,
    byId: new Map(added.map((a) => [a.meta.id, a])),
    passages: added.flatMap((a) => a.passages),
  }).all();
  return added.map((a) => ({
    ...sourceOf(a),
    passages: a.passages.length,
    quotations: quotes.filter(
      (q) => q.articleId === a.meta.id || q.alsoIn.some((x) => x.articleId === a.meta.id),
    ).length,
  }));
}
