/**
 * Restricting a question to some sources: one outlet, a span of publication dates, or both.
 * The engine applies a filter before ranking (only passages of matching articles are candidates),
 * so what a filtered question answers, and the disagreements it shows, come from within it.
 */
import type { Article, Corpus } from '../corpus/load.js';
import { comparable } from '../text/normalize.js';

/** A filter as given by a user, before checking: each part optional, dates as typed. */
export interface FilterInput {
  outlet?: string | null;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: from the start of that year, month or day. */
  from?: string | null;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: up to the end of that year, month or day. */
  to?: string | null;
}

/** A checked filter: the outlet as typed (matched ignoring case and accents), inclusive ISO date bounds. */
export interface AskFilter {
  outlet: string | null;
  /** First day included, `YYYY-MM-DD`, or null for no lower bound. */
  from: string | null;
  /** Last day included, `YYYY-MM-DD`, or null for no upper bound. */
  to: string | null;
}

/** A filter that cannot be used, naming the part at fault (`from`, `to` or `outlet`). */
export class FilterError extends Error {
  constructor(
    readonly part: 'outlet' | 'from' | 'to',
    detail: string,
  ) {
    super(`${part}: ${detail}`);
    this.name = 'FilterError';
  }
}

const FORMS = 'write a year (2022), a month (2022-08) or a day (2022-08-15)';

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * Reads one date bound. A year or a month stands for its first day as `from` and its last day
 * as `to`, so `from: 2022-08 to: 2022-08` is the whole of August. Throws {@link FilterError}.
 */
export function parseDateBound(text: string, part: 'from' | 'to'): string {
  const value = text.trim();
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(value);
  if (!m) throw new FilterError(part, `"${value}" is not a date; ${FORMS}`);
  const year = Number(m[1]);
  if (m[2] === undefined) return part === 'from' ? `${m[1]}-01-01` : `${m[1]}-12-31`;
  const month = Number(m[2]);
  if (month < 1 || month > 12)
    throw new FilterError(part, `"${value}" has no month ${month} (months are 01 to 12); ${FORMS}`);
  const last = daysIn(year, month);
  if (m[3] === undefined) return `${m[1]}-${pad(month)}-${pad(part === 'from' ? 1 : last)}`;
  const day = Number(m[3]);
  if (day < 1 || day > last)
    throw new FilterError(
      part,
      `"${value}" is not a day of the calendar (${m[1]}-${pad(month)} has ${last} days)`,
    );
  return `${m[1]}-${pad(month)}-${pad(day)}`;
}

/**
 * Checks a filter as typed. Blank parts are no filter. Throws {@link FilterError} on a date that
 * is not one, or a `from` after `to`. Returns null when nothing is filtered.
 */
export function parseFilter(input: FilterInput): AskFilter | null {
  const outlet = input.outlet?.trim() || null;
  const from = input.from?.trim() ? parseDateBound(input.from, 'from') : null;
  const to = input.to?.trim() ? parseDateBound(input.to, 'to') : null;
  if (from && to && from > to)
    throw new FilterError(
      'from',
      `"${input.from?.trim()}" is after to: "${input.to?.trim()}"; the dates are the other way round`,
    );
  if (outlet && outlet.length > 200) throw new FilterError('outlet', 'is longer than 200 characters');
  return outlet || from || to ? { outlet, from, to } : null;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function readable(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** "“DW”, from 1 Aug 2022 to 31 Aug 2022": the filter in words, for replies and notices. */
export function describeFilter(f: AskFilter): string {
  const parts: string[] = [];
  if (f.outlet) parts.push(`“${f.outlet}”`);
  if (f.from && f.to) parts.push(`from ${readable(f.from)} to ${readable(f.to)}`);
  else if (f.from) parts.push(`from ${readable(f.from)} on`);
  else if (f.to) parts.push(`up to ${readable(f.to)}`);
  return parts.join(', ');
}

/** Whether an article falls within a filter. An undated article is outside any date bound. */
export function articleMatches(article: Article, f: AskFilter): boolean {
  const m = article.meta;
  if (f.outlet && (m.outlet === null || comparable(m.outlet) !== comparable(f.outlet))) return false;
  if ((f.from || f.to) && m.published === null) return false;
  if (f.from && m.published! < f.from) return false;
  if (f.to && m.published! > f.to) return false;
  return true;
}

/** What a filter selects in a corpus: the passage ids of its articles, and why it is empty when it is. */
export interface FilterSelection {
  /** Ids of the passages of matching articles. */
  passages: Set<number>;
  /** How many articles match. */
  articles: number;
  /** The outlet as the corpus spells it, when the filter names one the corpus has; else as given. */
  outlet: string | null;
  /** When nothing matches: a plain sentence saying so, naming the outlet or dates. Otherwise null. */
  empty: string | null;
}

/** Works out which passages a filter lets through, and says plainly when it lets none. */
export function selectPassages(corpus: Corpus, f: AskFilter): FilterSelection {
  const passages = new Set<number>();
  let articles = 0;
  for (const a of corpus.articles) {
    if (!articleMatches(a, f)) continue;
    articles++;
    for (const p of a.passages) passages.add(p.id);
  }
  const outlets = [...new Set(corpus.articles.map((a) => a.meta.outlet).filter((o) => o !== null))].sort();
  const known = f.outlet ? outlets.find((o) => comparable(o) === comparable(f.outlet!)) : undefined;
  const outlet = known ?? f.outlet;
  if (articles > 0) return { passages, articles, outlet, empty: null };
  let empty: string;
  if (f.outlet && !known) {
    empty = `No article in the corpus is from an outlet named “${f.outlet}”. Outlets in the corpus: ${outlets.join(', ')}.`;
  } else {
    const dated = corpus.articles
      .filter((a) => a.meta.published !== null && (!known || a.meta.outlet === known))
      .map((a) => a.meta.published!)
      .sort();
    const first = dated[0];
    const last = dated.at(-1);
    const span =
      first === undefined || last === undefined
        ? 'none of them is dated'
        : first === last
          ? `all dated ${readable(first)}`
          : `dated ${readable(first)} to ${readable(last)}`;
    empty = `No article in the corpus matches ${describeFilter({ ...f, outlet })}: ${known ? `${known}’s articles` : 'the articles'} fall outside those dates (${span}).`;
  }
  return { passages, articles, outlet, empty };
}

/** Every outlet named in a corpus, most articles first, then by name. */
export function outletsOf(corpus: Corpus): string[] {
  const count = new Map<string, number>();
  for (const a of corpus.articles)
    if (a.meta.outlet !== null) count.set(a.meta.outlet, (count.get(a.meta.outlet) ?? 0) + 1);
  return [...count].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([o]) => o);
}
