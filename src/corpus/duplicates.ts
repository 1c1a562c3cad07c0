/**
 * Spotting an article the corpus already holds: the same URL, the same bytes, the same words,
 * or nearly all of the same sentences.
 */
import type { Article, Corpus } from './load.js';
import { comparable } from '../text/normalize.js';

/** Share of a new article's sentences found in one existing article that makes it a duplicate. */
const SENTENCE_OVERLAP = 0.9;

/**
 * The form of a URL used to spot the same page twice: no fragment, no utm_* tracking
 * parameters, no trailing slash on the path.
 */
export function normaliseUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url.trim();
  }
  u.hash = '';
  for (const key of [...u.searchParams.keys()]) if (/^utm_/i.test(key)) u.searchParams.delete(key);
  if (u.pathname.length > 1) u.pathname = u.pathname.replace(/\/+$/, '');
  let s = u.href;
  if (s.endsWith('?')) s = s.slice(0, -1);
  return s.replace(/\/$/, '');
}

/** Share of a new article's sentences found in one existing article that reads as the same story. */
export const SAME_STORY_OVERLAP = 0.3;

/** The existing article that prints most of a new article's sentences, and how many. */
export interface SharedSentences {
  id: string;
  file: string;
  /** Sentences of the new article (of four words or more) found word for word in that article. */
  shared: number;
  /** The new article's sentences of four words or more. */
  total: number;
}

/**
 * The article of `corpus` that prints most of the candidate's body sentences (of four words or
 * more, case, quotes and spacing folded), or null when none prints any. Below the duplicate
 * threshold this is how the same wire story edited by two outlets shows ("He referred to …" /
 * "He also referred to …").
 */
export function mostSharedSentences(
  corpus: Pick<Corpus, 'articles'>,
  candidate: Article,
): SharedSentences | null {
  const sentences = candidate.passages.map((p) => comparable(p.text)).filter((s) => s.split(' ').length >= 4);
  let best: SharedSentences | null = null;
  for (const a of corpus.articles) {
    const existing = comparable(a.text);
    const shared = sentences.filter((s) => existing.includes(s)).length;
    if (shared > 0 && (best === null || shared > best.shared))
      best = { id: a.meta.id, file: a.file, shared, total: sentences.length };
  }
  return best;
}

/** An existing article a new one duplicates, and why. */
export interface Duplicate {
  id: string;
  /** The existing article's text file, as the corpus names it. */
  file: string;
  reason: string;
}

/**
 * Finds an article in `corpus` that the candidate duplicates: the same URL (ignoring fragment,
 * utm_* parameters and a trailing slash), the same bytes, the same words once case, quotes and
 * white space are folded, or at least 90% of the candidate's body sentences in one article.
 */
export function findDuplicate(corpus: Pick<Corpus, 'articles'>, candidate: Article): Duplicate | null {
  const url = candidate.meta.url ? normaliseUrl(candidate.meta.url) : null;
  const folded = comparable(candidate.text);
  const sentences = candidate.passages.map((p) => comparable(p.text)).filter((s) => s.split(' ').length >= 4);
  for (const a of corpus.articles) {
    if (url !== null && a.meta.url && normaliseUrl(a.meta.url) === url)
      return { id: a.meta.id, file: a.file, reason: `has the same URL (${a.meta.url})` };
    if (a.meta.sha256 === candidate.meta.sha256)
      return { id: a.meta.id, file: a.file, reason: 'has exactly the same text' };
    if (comparable(a.text) === folded)
      return {
        id: a.meta.id,
        file: a.file,
        reason: 'has the same text once quotes, case and spacing are ignored',
      };
  }
  if (sentences.length === 0) return null;
  for (const a of corpus.articles) {
    const existing = comparable(a.text);
    const shared = sentences.filter((s) => existing.includes(s)).length;
    if (shared / sentences.length >= SENTENCE_OVERLAP) {
      return {
        id: a.meta.id,
        file: a.file,
        reason: `already has ${shared} of its ${sentences.length} sentences`,
      };
    }
  }
  return null;
}
