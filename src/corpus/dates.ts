/**
 * Dates written in an article's text, resolved to calendar dates against the article's own
 * publication date: "on Monday" in an article of 15 Aug 2022 is 15 Aug 2022, "last month" is
 * July 2022, "in 2013" is the year 2013.
 *
 * Parsing is chrono-node's (English and French). Its known misreadings are corrected here:
 * number ranges such as "300 to 400" read as clock times are dropped (a mention must name a
 * day, weekday, month or year), a bare year ("in 2013", which chrono does not read) comes from
 * this module's own pattern, a weekday alone is the most recent one on or before the
 * publication date (news reports the past: "said on Thursday"; chrono would take the nearest,
 * which may be later in the week), and a month without a year is never put more than a month
 * after publication ("in February" in an August article is the February before).
 */
import * as chrono from 'chrono-node';

/** How precise a resolved date is. */
export type DateGranularity = 'day' | 'month' | 'year';

/** A date mention in a text, with the words as written and the date they stand for. */
export interface ResolvedDate {
  /** Offsets of the words in the text given: `text.slice(start, end) === words`. */
  start: number;
  end: number;
  /** The words exactly as written ("on Monday", "last month", "17 February 2022"). */
  words: string;
  /**
   * The date meant, as ISO: YYYY-MM-DD for a day, YYYY-MM for a month, YYYY for a year.
   * For a range ("3-4 September") it is the first day.
   */
  date: string;
  granularity: DateGranularity;
  /**
   * True when the date may be off: the words are vague ("last week", "early 2022",
   * "mid-August") or they are relative and the publication date they rest on is approximate.
   */
  approximate: boolean;
  /** True when the words need the publication date to mean anything ("on Monday", "last month"). */
  relative: boolean;
}

/** The date the text was written on, that relative words are read against. */
export interface DateReference {
  /** ISO YYYY-MM-DD, or null when unknown (then relative words are not resolved). */
  date: string | null;
  /** Whether that date is itself an estimate. */
  approximate?: boolean;
}

/**
 * A year the text states after a preposition or "early/late/mid" ("in 2013", "since 2014",
 * "early 2022"); chrono reads no bare year. Group 1: the vague word; group 2: the year.
 */
const YEAR =
  /\b(?:(?:in|since|until|by|from|during|before|after|en|depuis|dès)\s+(?:(early|late|mid-?|début|fin|mi-)\s*)?|(?<=^|[\s(,])(early|late|mid-?|début|fin|mi-)\s*)((?:19|20)\d{2})\b(?![-\u2013,.]\d)/giu;
/** A range of counts ("300 to 400", "2,000-3,000"), which chrono reads as clock times. */
const COUNT_RANGE = /\b\d{2,}(?:,\d{3})*\s*(?:to|-|\u2013|and|or|à|et)\s*\d+(?:,\d{3})*\b/giu;
/** Words that make a mention vague even when chrono gives it a day. */
const VAGUE = /\b(?:week|weeks|early|late|mid|semaine|semaines|début|fin|mi-)\b/iu;
/** A span counted from an event the sentence names, not from the publication date. */
const AFTER_EVENT = /\b(?:after|before|later|earlier|plus tard|avant|après)\s*$/iu;
/** Words that point forward from the publication date. */
const FORWARD = /\b(?:next|coming|prochain|prochaine)\b/iu;
/** Words that say which week a weekday is in; chrono reads these itself. */
const WEEK_MODIFIER = /\b(?:last|next|this|coming|past|dernier|dernière|prochain|prochaine)\b/iu;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function utc(isoDay: string): Date {
  return new Date(`${isoDay}T12:00:00Z`);
}

/**
 * Every date mention in `text`, in order, resolved against `reference`. Relative mentions are
 * left out when the reference date is unknown; absolute ones ("17 February 2022", "in 2013")
 * are always returned. `language` picks the parser: "fr…" for French, English otherwise.
 */
export function resolveDates(text: string, reference: DateReference, language = 'en'): ResolvedDate[] {
  const ref = reference.date;
  const refApprox = reference.approximate === true;
  const parser = /^fr\b/i.test(language) ? chrono.fr : chrono.en;
  // Without a publication date, chrono would read relative words against today: give it a
  // fixed instant and drop what depended on it below.
  const instant = ref ? utc(ref) : new Date('2000-01-01T12:00:00Z');
  const out: ResolvedDate[] = [];

  // Blank out count ranges, keeping every offset, so chrono cannot take them for times.
  const masked = text.replace(COUNT_RANGE, (m) => (/^\d{1,2}\D/.test(m) ? m : ' '.repeat(m.length)));
  for (const r of parser.parse(masked, { instant, timezone: 0 }, { forwardDate: false })) {
    const c = r.start;
    const has = (k: 'day' | 'weekday' | 'month' | 'year') => c.isCertain(k);
    // "300 to 400", "at 10": a clock time with no calendar part is a misreading, not a date.
    if (!has('day') && !has('weekday') && !has('month') && !has('year')) continue;
    // "a day after", "two weeks later": counted from another event, not from publication.
    if (AFTER_EVENT.test(r.text)) continue;
    const relative =
      !has('year') ||
      /\b(?:ago|last|next|this|yesterday|today|tomorrow|dernier|dernière|prochain|prochaine|hier|aujourd'hui|demain)\b/iu.test(
        r.text,
      ) ||
      (!has('day') && has('weekday'));
    if (relative && ref === null) continue;
    let d = c.date();
    const forward = FORWARD.test(r.text);
    if (has('weekday') && !has('day') && !WEEK_MODIFIER.test(r.text) && ref !== null) {
      // The most recent such weekday on or before publication.
      const back = (utc(ref).getUTCDay() - (c.get('weekday') ?? 0) + 7) % 7;
      d = new Date(utc(ref).getTime() - back * 86_400_000);
    } else if (!has('year') && has('month') && ref !== null && !forward) {
      const limit = utc(ref).getTime() + 31 * 86_400_000;
      if (d.getTime() > limit)
        d = new Date(Date.UTC(d.getUTCFullYear() - 1, d.getUTCMonth(), d.getUTCDate(), 12));
    }
    const y = d.getUTCFullYear();
    const m = d.getUTCMonth() + 1;
    const day = d.getUTCDate();
    // "last week", "two weeks ago" come back with a day chrono worked out, not one the text names.
    const dayNamed =
      has('day') ||
      has('weekday') ||
      /\b(?:yesterday|today|tomorrow|hier|aujourd'hui|demain)\b/iu.test(r.text);
    const weekish = /\bweeks?\b|\bsemaines?\b/iu.test(r.text);
    const granularity: DateGranularity = dayNamed || weekish ? 'day' : has('month') ? 'month' : 'year';
    const date =
      granularity === 'day' ? iso(y, m, day) : granularity === 'month' ? iso(y, m, 1).slice(0, 7) : String(y);
    const start = r.index;
    const words = r.text.replace(/[\s,;]+$/u, '');
    out.push({
      start,
      end: start + words.length,
      words,
      date,
      granularity,
      approximate: VAGUE.test(words) || weekish || (relative && refApprox),
      relative,
    });
  }

  for (const m of text.matchAll(YEAR)) {
    const vague = m[1] ?? m[2];
    const start = m.index! + m[0].indexOf(vague ?? m[3]!);
    const end = m.index! + m[0].length;
    if (out.some((o) => start < o.end && end > o.start)) continue;
    out.push({
      start,
      end,
      words: text.slice(start, end),
      date: m[3]!,
      granularity: 'year',
      approximate: vague !== undefined,
      relative: false,
    });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** "15 Aug 2022", "Jul 2022", "2013"; "c. " before it when approximate. */
export function formatResolved(d: Pick<ResolvedDate, 'date' | 'granularity' | 'approximate'>): string {
  const [y, m, day] = d.date.split('-').map(Number) as [number, number?, number?];
  const text =
    d.granularity === 'day'
      ? `${day} ${MONTHS[m! - 1]} ${y}`
      : d.granularity === 'month'
        ? `${MONTHS[m! - 1]} ${y}`
        : String(y);
  return d.approximate ? `c. ${text}` : text;
}

/**
 * The words with their resolved date beside them, for a reader: "on Monday (15 Aug 2022)".
 * Words that already state the whole date ("17 February 2022") are shown alone.
 */
export function withResolved(d: ResolvedDate): string {
  return d.relative || d.approximate ? `${d.words} (${formatResolved(d)})` : d.words;
}
