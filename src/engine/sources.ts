import type { Article } from '../corpus/load.js';
import type { SourceInfo } from './types.js';

/** The reader-facing source fields of an article, straight from its metadata. */
export function sourceOf(article: Article): SourceInfo {
  const m = article.meta;
  return {
    articleId: m.id,
    outlet: m.outlet,
    title: m.title,
    published: m.published,
    publishedApprox:
      m.published !== null &&
      (m.published.length < 10 || (m.publishedApprox ?? m.inferred.published !== undefined)),
    url: m.url ?? null,
  };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * "17 Feb 2022", "c. 15 Feb 2022" when approximate, "c. Aug 2022" or "c. 2022" when only the
 * month or year is known, "date unknown" when null.
 */
export function formatDate(s: Pick<SourceInfo, 'published' | 'publishedApprox'>): string {
  if (!s.published) return 'date unknown';
  const [y, m, d] = s.published.split('-').map(Number) as [number, number?, number?];
  const text = d ? `${d} ${MONTHS[m! - 1]} ${y}` : m ? `${MONTHS[m - 1]} ${y}` : String(y);
  return s.publishedApprox ? `c. ${text}` : text;
}

/** Outlet as shown to a reader: the name, or a plain statement that it is not known. */
export function outletLabel(s: Pick<SourceInfo, 'outlet'>): string {
  return s.outlet ?? 'Outlet not named';
}

/** Headline as shown to a reader, or a plain statement that there is none. */
export function titleLabel(s: Pick<SourceInfo, 'title'>): string {
  return s.title ?? '(no headline)';
}

/** One source line: "DW · 17 Feb 2022 · France announces military withdrawal from Mali". */
export function sourceLine(s: SourceInfo): string {
  return `${outletLabel(s)} · ${formatDate(s)} · ${titleLabel(s)}`;
}

/**
 * A copy-ready citation line a reporter can paste:
 * “We cannot remain …,” Emmanuel Macron said (DW, 17 Feb 2022). A quotation that already ends
 * a sentence keeps its own full stop instead of taking a comma.
 */
export function citationLine(
  q: Pick<SourceInfo, 'outlet' | 'published' | 'publishedApprox'> & { text: string; speaker: string | null },
): string {
  const text = q.text.replace(/\s+/g, ' ').trim();
  const who = q.speaker ? `${q.speaker} said` : 'the article says, without naming a speaker';
  const closed = /[.!?]$/.test(text) ? `“${text}”` : `“${text},”`;
  return `${closed} ${who} (${outletLabel(q)}, ${formatDate(q)})`;
}
