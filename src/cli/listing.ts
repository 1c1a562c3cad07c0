/**
 * What `corpus:add` and `corpus:check` print about one article: every passage indexed, every
 * heading kept (headline or subheading), every block dropped as page furniture with the rule
 * that dropped it, and every quotation found with its speaker.
 */
import type { Article } from '../corpus/load.js';
import type { Quotation } from '../engine/types.js';

function excerpt(s: string, max: number): string {
  const f = s.replace(/\s+/g, ' ').trim();
  return f.length > max ? `${f.slice(0, max - 1).trimEnd()}…` : f;
}

/** The quotations of `all` that stand in `article` (first found there, or carried as a twin). */
export function quotationsOf(article: Article, all: readonly Quotation[]): Quotation[] {
  return all.filter(
    (q) => q.articleId === article.meta.id || q.alsoIn.some((x) => x.articleId === article.meta.id),
  );
}

/**
 * The article's listing, one line each, indented by `indent`. Passages and quotations are cut
 * at `width` characters with "…"; the full text is in the article file.
 */
export function articleListing(
  article: Article,
  quotations: readonly Quotation[],
  options: { indent?: string; width?: number } = {},
): string[] {
  const pad = options.indent ?? '  ';
  const width = options.width ?? 100;
  const slice = (b: { start: number; end: number }) => article.text.slice(b.start, b.end);
  const headings = article.blocks.filter((b) => b.kind === 'heading');
  const furniture = article.blocks.filter((b) => b.kind === 'furniture');
  const lines = [
    `${pad}${article.passages.length} passage(s) indexed, the only text answers cite:`,
    ...article.passages.map((p, i) => `${pad}  [${i + 1}] ${excerpt(p.text, width)}`),
    `${pad}${headings.length} heading(s) kept, searched for quotations but never cited:`,
    ...headings.map((b) => `${pad}  ${b.reason ?? 'heading'}: ${excerpt(slice(b), width)}`),
    `${pad}${furniture.length} block(s) dropped as page furniture, never indexed:`,
    ...furniture.map((b) => `${pad}  ${b.reason ?? 'furniture'}: ${excerpt(slice(b), width)}`),
    `${pad}${quotations.length} quotation(s):`,
    ...quotations.map((q) => `${pad}  ${q.speaker ?? '(no speaker)'}: “${excerpt(q.text, width)}”`),
  ];
  return lines;
}
