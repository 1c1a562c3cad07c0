/**
 * Lookups the surfaces need beside questions: suggestions while a user types a speaker or an
 * article, finding an article by id or headline, and quotation results with fragments of one
 * quotation merged and a citation line that cites an exactly dated outlet first. Pure functions
 * over engine data; the Engine exposes them as methods.
 */
import { citationLine } from './sources.js';
import type { Quotation, QuoteResult, SourceInfo } from './types.js';

/** Lower-cased, without accents, quotes folded: for matching what a user types against names and text. */
function folded(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`]/g, "'")
    .replace(/\s+/g, ' ')
    .toLowerCase()
    .trim();
}

/**
 * Names (speakers, outlets) matching what was typed: names starting with it (or with a word
 * starting with it) first, then names containing it, each group in the given order (most quoted,
 * or most articles, first); everything when nothing was typed. Accents and case are ignored.
 * Names longer than `maxLength` are left out (Discord's choice limit).
 */
export function suggestNames(names: readonly string[], typed: string, limit = 25, maxLength = 100): string[] {
  const query = folded(typed);
  const fitting = names.filter((name) => name.length <= maxLength);
  const starts = fitting.filter(
    (name) =>
      folded(name).startsWith(query) ||
      folded(name)
        .split(' ')
        .some((word) => word.startsWith(query)),
  );
  const contains = fitting.filter((name) => !starts.includes(name) && folded(name).includes(query));
  return [...starts, ...contains].slice(0, limit);
}

/** Something with an article id, a headline and an outlet. */
type Listed = Pick<SourceInfo, 'articleId' | 'title' | 'outlet'>;

/**
 * Articles whose id, headline or outlet contains what was typed (all when nothing was), in corpus
 * order; ids longer than `maxLength` are left out (they could not be sent back as a choice value).
 */
export function suggestSources<T extends Listed>(
  sources: readonly T[],
  typed: string,
  limit = 25,
  maxLength = 100,
): T[] {
  const query = folded(typed);
  return sources
    .filter((s) => s.articleId.length <= maxLength)
    .filter(
      (s) =>
        !query || [s.articleId, s.title ?? '', s.outlet ?? ''].some((field) => folded(field).includes(query)),
    )
    .slice(0, limit);
}

/** The article with this id, or else the one with exactly this headline (a user who typed it without picking), or null. */
export function findSource<T extends Listed>(sources: readonly T[], wanted: string): T | null {
  const query = wanted.trim();
  return (
    sources.find((s) => s.articleId === query) ??
    sources.find((s) => s.title !== null && folded(s.title) === folded(query)) ??
    null
  );
}

/** A quotation as `/quote` shows it: fragments merged in, and the line to paste. */
export interface QuotationResult extends Quotation {
  /**
   * A copy-ready citation line, citing the first outlet carrying the quotation whose date is
   * printed in the article (exactly dated), in that outlet's own words; the first outlet otherwise.
   */
  citation: string;
  /** The outlet and date the citation line cites. */
  citedSource: SourceInfo;
  /** Shorter quotations of the same words (a headline fragment, say) folded into this one. */
  fragments: Array<SourceInfo & { text: string; start: number; end: number }>;
}

/** A quotation lookup with {@link QuotationResult}s. */
export interface QuotationLookup extends Omit<QuoteResult, 'quotes'> {
  quotes: QuotationResult[];
}

function sourceFields(s: SourceInfo): SourceInfo {
  return {
    articleId: s.articleId,
    outlet: s.outlet,
    title: s.title,
    published: s.published,
    publishedApprox: s.publishedApprox,
    url: s.url,
  };
}

/** The citation line for a quotation: an exactly dated outlet first, in its own words. */
export function preferredCitation(q: Quotation): { citation: string; citedSource: SourceInfo } {
  const carriers = [
    { ...sourceFields(q), text: q.text },
    ...q.alsoIn.map((a) => ({ ...sourceFields(a), text: a.text })),
  ];
  const cited = carriers.find((c) => c.published !== null && !c.publishedApprox) ?? carriers[0]!;
  return {
    citation: citationLine({ ...cited, speaker: q.speaker }),
    citedSource: sourceFields(cited),
  };
}

/**
 * Merges quotations that are fragments of another found one: the same speaker (or none named)
 * and words contained in the other's (as in the article or in any outlet carrying it). The
 * fragment's outlet joins "Also in" when it is another article. Order is kept, by the longer one.
 */
export function mergeFragments(quotes: readonly Quotation[]): QuotationResult[] {
  const merged: QuotationResult[] = [];
  const byLength = [...quotes].sort((a, b) => b.text.length - a.text.length);
  const host = new Map<Quotation, Quotation>();
  for (const q of byLength) {
    const words = folded(q.text);
    const into = byLength.find(
      (other) =>
        other !== q &&
        !host.has(other) &&
        other.text.length > q.text.length &&
        (q.speaker === null || other.speaker === q.speaker) &&
        [other.text, ...other.alsoIn.map((a) => a.text)].some((text) => folded(text).includes(words)),
    );
    if (into) host.set(q, into);
  }
  const results = new Map<Quotation, QuotationResult>();
  for (const q of quotes) {
    if (host.has(q)) continue;
    const result: QuotationResult = { ...q, alsoIn: [...q.alsoIn], ...preferredCitation(q), fragments: [] };
    results.set(q, result);
    merged.push(result);
  }
  for (const q of quotes) {
    let root = host.get(q);
    while (root && host.has(root)) root = host.get(root);
    const target = root ? results.get(root) : undefined;
    if (!target) continue;
    target.fragments.push({ ...sourceFields(q), text: q.text, start: q.start, end: q.end });
    const known = [target.articleId, ...target.alsoIn.map((a) => a.articleId)];
    if (!known.includes(q.articleId))
      target.alsoIn.push({ ...sourceFields(q), text: q.text, start: q.start, end: q.end });
  }
  return merged;
}
