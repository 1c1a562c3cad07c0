/**
 * Dates written in an article's text, resolved to calendar dates against the article's own
 * publication date: "on Monday" in an article of 15 Aug 2022 is 15 Aug 2022, "last month" is
 * July 2022, "in 2013" is the year 2013.
 *
 * Parsing is chrono-node's (English and French). Its known misreadings are corrected here:
 * - spans and counts are not dates: "after nine years" (chrono: nine years after publication),
 *   "for the past nine years" (nine years before it), "de dix années", "les dernières heures",
 *   number ranges such as "300 to 400" read as clock times, "24/7" read as 24 July;
 * - a bare year ("in 2013", "since 2014", "early 2022"), which chrono does not read, comes from
 *   this module's own pattern, and a four-digit number counting something ("by 2000 troops") is
 *   not a year;
 * - French months without a day ("en avril", "novembre dernier", "fin janvier") and seasons
 *   ("by the end of the summer", "d'ici cet été"), which chrono does not read, come from this
 *   module's own patterns;
 * - words chrono leaves out that make a date vague ("late January", "mid-August") are kept;
 * - a date the words leave open (a weekday alone, a month or a day without its year, a season)
 *   is placed by the tense of its clause: after publication when the clause speaks of what will
 *   be ("will meet on Wednesday", "an election looming in April"), on or before it when it
 *   speaks of what was; with no tense to go by, a weekday is the latest one on or before
 *   publication (news reports the past) and a month is never put more than a month after it.
 * When the publication date is itself approximate, or gives only a month or a year, every date
 * resolved against it is approximate too, and no more precise than it: "on Monday" in an article
 * of August 2022 is "c. Aug 2022".
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
   * "mid-August", "the summer") or they are relative and the publication date they rest on is
   * approximate or gives only a month or a year.
   */
  approximate: boolean;
  /** True when the words need the publication date to mean anything ("on Monday", "last month"). */
  relative: boolean;
}

/** The date the text was written on, that relative words are read against. */
export interface DateReference {
  /**
   * ISO YYYY-MM-DD, or YYYY-MM / YYYY when only the month or year is known (then relative
   * words resolve no more precisely than that, and approximately); null when unknown (then
   * relative words are not resolved).
   */
  date: string | null;
  /** Whether that date is itself an estimate. */
  approximate?: boolean;
}

/** Which way from publication the clause around a date points. */
export type Tense = 'past' | 'future' | null;

/**
 * A year the text states after a preposition or "early/late/mid" ("in 2013", "since 2014",
 * "early 2022"); chrono reads no bare year. Group 1 or 2: the vague word; group 3: the year.
 * A four-digit number followed by a plural noun is a count ("by 2000 troops", "en 2000
 * soldats"), not a year; a verb may follow a year ("in 2015 moved").
 */
const YEAR =
  /\b(?:(?:in|since|until|by|from|during|before|after|en|depuis|dès|jusqu'en)\s+(?:(early|late|mid-?|début|fin|mi-)\s*)?|(?<=^|[\s(,])(early|late|mid-?|début|fin|mi-)\s*)((?:19|20)\d{2})\b(?![-\u2013,.]\d)(?!\s+(?!(?:was|has|is|does|goes|says|its|this|thus|as|us|plus|across|unless|less|les|des|ces|ses|nos|vos|leurs|dans|sous|sans|vers|puis|alors|mais|pas|très|après|dès|depuis|lors|moins|tous|toutes|ils|elles|nous|vous|fois)\b)\p{Ll}{2,}s\b)/giu;
/** A second year listed after one ("in 2020 and 2021"): group 1 is the year. */
const YEAR_LIST_TAIL = /^\s+(?:and|or|et|ou)\s+((?:19|20)\d{2})\b(?![-\u2013,.]\d)/iu;
/** A range of counts ("300 to 400", "2,000-3,000"), which chrono reads as clock times. */
const COUNT_RANGE = /\b\d{2,}(?:,\d{3})*\s*(?:to|-|\u2013|and|or|à|et)\s*\d+(?:,\d{3})*\b/giu;
/** Words that make a mention vague even when chrono gives it a day. */
const VAGUE = /\b(?:week|weeks|early|late|mid|semaine|semaines|début|fin|mi-)\b/iu;
/** Vague words chrono leaves out just before a month ("late January", "mid-August", "fin janvier"). */
const VAGUE_BEFORE = /(?:\b(?:early|late|mid|début|fin)\s+|\bmid-|\bmi-)$/iu;
/** A span counted from an event the sentence names, not from the publication date. */
const AFTER_EVENT =
  /\b(?:after|before|later|earlier|plus tard|avant|après)\s*$|^(?:la\s+)?veille$|^(?:le\s+)?lendemain$/iu;
/** Words that point forward from the publication date. */
const FORWARD = /\b(?:next|coming|prochain|prochaine)\b/iu;
/** Words that say which week a weekday is in; chrono reads these itself. */
const WEEK_MODIFIER = /\b(?:last|next|this|coming|past|dernier|dernière|prochain|prochaine)\b/iu;
/** Units of time, English and French. */
const UNIT =
  '(?:years?|months?|weeks?|days?|decades?|hours?|minutes?|ans?|années?|mois|semaines?|jours?|heures?|minutes?|décennies?)';
const COUNT = String.raw`(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|couple of|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quelques|plusieurs)`;
/**
 * A span of time, not a point: "after nine years", "for three months", "de dix années", "the past
 * year", "les dernières heures". "Nine years ago" / "il y a neuf ans" is a point and is kept.
 */
const SPAN = new RegExp(
  String.raw`\b${COUNT}\s+${UNIT}\b|\bpast\s+(?:${COUNT}\s+)?${UNIT}\b|\b(?:last|next)\s+${COUNT}\s+${UNIT}\b|\b(?:next|last|past|coming)\s+(?:years|months|weeks|days|decades)\b|\b(?:derniers?|dernières?|prochains?|prochaines?)\s+(?:heures|jours|semaines|mois|années)\b|\bsecondes?\b|\bseconds?\b|\b(?:hours?|heures?|minutes?)\b`,
  'iu',
);
/** A span that is a point after all: counted back from publication, or forward in a future clause. */
const SPAN_AGO = /\bago\b|\bil y a\b/iu;
const SPAN_IN = /^(?:in|within|dans)\s/iu;
/** Words that count from the day they were written ("last month", "yesterday", "lundi dernier"). */
const RELATIVE_WORD =
  /\b(?:ago|last|next|this|yesterday|today|tomorrow|dernier|dernière|prochain|prochaine|hier|aujourd'hui|demain|il y a|now|tonight|maintenant|actuellement)\b/iu;
/** Day and month in figures with no year ("24/7", "15/08"): too ambiguous to be read as a date. */
const NUMERIC_NO_YEAR = /^\d{1,2}[/.]\d{1,2}$/u;

/** Words that say the clause speaks of what will be, and of what was, in one language. */
interface TenseMarkers {
  future: RegExp;
  past: RegExp;
}
/**
 * English. "Would" is left out of the future: "said it would end operations from June 30" points
 * forward from the saying, not from publication.
 */
const ENGLISH_TENSE: TenseMarkers = {
  future:
    /(?<![\p{L}\p{N}_])(?:will|shall|won't|going to|(?:due|set|expected|scheduled|slated|poised|planned|planning|plans?|intends?|aims?) to|looming|upcoming|forthcoming|coming|next|ahead|from now|by the end of)(?![\p{L}\p{N}_])|'ll\b/giu,
  past: /(?<![\p{L}\p{N}_])(?:had|was|were|did|said|told|began|left|took|came|went|met|made|sent|fought|saw|held|gave|became|won|lost|ago|last|earlier|previously|already|since|[a-z]{2,}ed)(?![\p{L}\p{N}_])/giu,
};
/** French: the future tense and "aller" + infinitive; the passé composé and the imparfait. */
const FRENCH_TENSE: TenseMarkers = {
  future:
    /(?<![\p{L}\p{N}_])(?:d'ici|prochaine?s?|à venir|va|vont|sera|seront|aura|auront|fera|feront|devra|devront|pourra|pourront|ira|iront|\p{L}{2,}(?:eront|iront|era|ira))(?![\p{L}\p{N}_])/giu,
  past: /(?<![\p{L}\p{N}_])(?:dernier|dernière|derniers|dernières|il y a|(?:a|ont|avait|avaient|avons|avez|ai|est|sont|était|étaient)\s+(?:\p{L}+\s+)?\p{L}+(?:é|ée|és|ées|i|is|it|u|us|ert|te)|\p{L}{2,}(?:ait|aient))(?![\p{L}\p{N}_])/giu,
};
/**
 * "-ed" words that are adjectives far more often than past verbs, and those that begin a
 * phrase about what will be ("expected to").
 */
const NOT_PAST =
  /^(?:based|armed|called|named|united|concerned|related|supposed|advanced|detailed|limited|led|need|speed|seed|feed|bed|red|shed|hundred|planned|expected|scheduled|due)$/iu;
/** What bounds the clause a date's tense is read in. */
const CLAUSE_BREAK = /[.;!?]\s|[,:()\u201C\u201D"«»\u2014\u2013]/gu;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** French month names, January first (also what the bench's French synthetic articles write). */
export const MOIS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];
/**
 * A French month with no day before it, which chrono.fr does not read ("en avril", "novembre
 * dernier", "fin janvier", "août 2020"). Group 1: vague word; 2: month; 3: dernier/prochain; 4: year.
 */
const FRENCH_MONTH = new RegExp(
  String.raw`(?<!\d\s?)(?<![\p{L}\d])(?:(début|fin|mi-|courant)\s*)?(${MOIS.join('|')})(?:\s+(dernier|prochain))?(?:\s+((?:19|20)\d{2}))?(?![\p{L}\d])`,
  'giu',
);
/** The month that stands for a season ("the summer" is July; "the end of the summer" August). */
const SEASON_MONTH: Record<string, [number, number, number]> = {
  spring: [3, 4, 5],
  printemps: [3, 4, 5],
  summer: [6, 7, 8],
  été: [6, 7, 8],
  autumn: [9, 10, 11],
  fall: [9, 10, 11],
  automne: [9, 10, 11],
  winter: [12, 1, 2],
  hiver: [12, 1, 2],
};
/**
 * A season, which chrono does not read: "the summer", "this summer", "by the end of the summer",
 * "last winter", "cet été", "la fin de l'été", "l'hiver dernier". Group 1: start/end words;
 * 2: this/last/next; 3: the season; 4: dernier/prochain; 5: a year.
 */
const SEASON =
  /(?<![\p{L}\p{N}_])(?:(?:the\s+)?(start|beginning|middle|end|début|milieu|fin)\s+(?:of\s+|de\s+|du\s+)?)?(?:(this|last|next|the|coming|cet|cette|ce|l'|l’|le)\s*)(spring|summer|autumn|fall(?!\s+of\b)|winter|printemps|été|automne|hiver)(?![\p{L}\p{N}_])(?:\s+(dernier|prochain))?(?:\s+(?:of\s+)?((?:19|20)\d{2}))?/giu;

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function utc(isoDay: string): Date {
  return new Date(`${isoDay}T12:00:00Z`);
}

/** The reference as a day to count from, and how precise it is. */
interface Reference {
  day: Date;
  granularity: DateGranularity;
  approximate: boolean;
}

function referenceOf(r: DateReference): Reference | null {
  const d = r.date;
  if (!d || !/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(d)) return null;
  // Month or year only: count from its middle, and resolve no more precisely than it.
  const granularity: DateGranularity = d.length === 10 ? 'day' : d.length === 7 ? 'month' : 'year';
  const day = utc(granularity === 'day' ? d : granularity === 'month' ? `${d}-15` : `${d}-07-01`);
  if (Number.isNaN(day.getTime())) return null;
  return { day, granularity, approximate: r.approximate === true || granularity !== 'day' };
}

const RANK: Record<DateGranularity, number> = { day: 3, month: 2, year: 1 };

/**
 * The tense of the clause holding `text.slice(start, end)`: the nearest marker of what will be
 * or what was, in the text's language (English unless `language` is "fr…"), in the clause (between commas, quotation marks, dashes, sentence ends) or, when
 * the clause has none, in the sentence. Null when neither says.
 */
export function tenseAround(text: string, start: number, end: number, language = 'en'): Tense {
  const markers = /^fr\b/i.test(language) ? FRENCH_TENSE : ENGLISH_TENSE;
  const bounds = (breaks: RegExp) => {
    let from = 0;
    let to = text.length;
    for (const m of text.matchAll(breaks)) {
      const at = m.index!;
      if (at + m[0].length <= start) from = at + m[0].length;
      else if (at >= end) {
        to = at;
        break;
      }
    }
    return [from, to] as const;
  };
  for (const [from, to] of [bounds(CLAUSE_BREAK), bounds(/[.;!?](?:\s|$)/gu)]) {
    let best: { tense: Tense; distance: number } | null = null;
    const span = text.slice(from, to);
    const consider = (re: RegExp, tense: Tense, skip?: (w: string) => boolean) => {
      for (const m of span.matchAll(re)) {
        if (skip?.(m[0])) continue;
        const at = from + m.index!;
        const stop = at + m[0].length;
        if (at < end && stop > start) continue; // inside the date words themselves
        const distance = stop <= start ? start - stop : at - end;
        if (!best || distance < best.distance) best = { tense, distance };
      }
    };
    consider(markers.future, 'future');
    consider(markers.past, 'past', (w) => NOT_PAST.test(w));
    if (best) return (best as { tense: Tense }).tense;
  }
  return null;
}

/**
 * Places a month (1–12) without a year, or a day of it, in the year the tense implies: on or
 * before the reference for the past, on or after it for the future, otherwise the latest not
 * more than a month after it.
 */
function yearFor(month: number, day: number | null, ref: Date, tense: Tense): number {
  const y = ref.getUTCFullYear();
  const refMonth = ref.getUTCMonth() + 1;
  if (day === null) {
    if (tense === 'past') return month <= refMonth ? y : y - 1;
    if (tense === 'future') return month >= refMonth ? y : y + 1;
    return month <= refMonth + 1 ? y : y - 1;
  }
  const at = Date.UTC(y, month - 1, day, 12);
  if (tense === 'past') return at <= ref.getTime() ? y : y - 1;
  if (tense === 'future') return at >= ref.getTime() ? y : y + 1;
  return at <= ref.getTime() + 31 * 86_400_000 ? y : y - 1;
}

/**
 * Every date mention in `text`, in order, resolved against `reference`. Relative mentions are
 * left out when the reference date is unknown; absolute ones ("17 February 2022", "in 2013")
 * are always returned. `language` picks the parser: "fr…" for French, English otherwise.
 */
export function resolveDates(text: string, reference: DateReference, language = 'en'): ResolvedDate[] {
  // Parsing is costly and a "when" question resolves the same best passages more than once (its
  // date conflicts, then its answer's words): remembered per text, reference and language, the
  // only inputs. A copy of the list is returned; callers only read the dates in it.
  const key = `${language}\u0000${reference.date ?? ''}\u0000${reference.approximate === true}\u0000${text}`;
  let found = RESOLVED.get(key);
  if (!found) {
    found = resolveDatesUncached(text, reference, language);
    if (RESOLVED.size >= 5_000) RESOLVED.clear();
    RESOLVED.set(key, found);
  }
  return found.slice();
}

/** Recent {@link resolveDates} results, by their inputs. */
const RESOLVED = new Map<string, ResolvedDate[]>();

function resolveDatesUncached(text: string, reference: DateReference, language: string): ResolvedDate[] {
  const ref = referenceOf(reference);
  const parser = /^fr\b/i.test(language) ? chrono.fr : chrono.en;
  // Without a publication date, chrono would read relative words against today: give it a
  // fixed instant and drop what depended on it below.
  const instant = ref ? ref.day : new Date('2000-01-01T12:00:00Z');
  const out: ResolvedDate[] = [];
  const taken = (start: number, end: number) => out.some((o) => start < o.end && end > o.start);

  /**
   * Adds a mention, no more precise than the reference where it rests on it: "on Monday" in an
   * article of August 2022 is Aug 2022, but "on 17 February" names its day, and only its year
   * comes from the reference. `named`: the precision the words give by themselves.
   */
  const push = (
    start: number,
    words: string,
    y: number,
    m: number,
    day: number,
    granularity: DateGranularity,
    approximate: boolean,
    relative: boolean,
    named: DateGranularity | null = granularity,
  ) => {
    let g = granularity;
    if (relative && ref && RANK[ref.granularity] < RANK[g]) {
      const floor = named && RANK[named] > RANK[ref.granularity] ? named : ref.granularity;
      g = RANK[floor] < RANK[g] ? floor : g;
    }
    const date = g === 'day' ? iso(y, m, day) : g === 'month' ? iso(y, m, 1).slice(0, 7) : String(y);
    out.push({
      start,
      end: start + words.length,
      words,
      date,
      granularity: g,
      approximate: approximate || VAGUE.test(words) || (relative && ref?.approximate === true),
      relative,
    });
  };

  // Blank out count ranges, keeping every offset, so chrono cannot take them for times.
  const masked = text.replace(COUNT_RANGE, (m) => (/^\d{1,2}\D/.test(m) ? m : ' '.repeat(m.length)));
  for (const r of parser.parse(masked, { instant, timezone: 0 }, { forwardDate: false })) {
    const c = r.start;
    const has = (k: 'day' | 'weekday' | 'month' | 'year') => c.isCertain(k);
    // "300 to 400", "at 10": a clock time with no calendar part is a misreading, not a date.
    if (!has('day') && !has('weekday') && !has('month') && !has('year')) continue;
    // "a day after", "two weeks later": counted from another event, not from publication.
    if (AFTER_EVENT.test(r.text)) continue;
    if (NUMERIC_NO_YEAR.test(r.text.trim())) continue;
    let start = r.index;
    let words = r.text.replace(/[\s,;]+$/u, '').replace(/\s+(?:of|de)$/iu, '');
    const tense = ref ? tenseAround(text, start, start + words.length, language) : null;
    // "after nine years", "for the past nine years": a span, not a point in time.
    if (SPAN.test(words) && !SPAN_AGO.test(words) && !(SPAN_IN.test(words) && tense === 'future')) continue;
    const relative =
      !has('year') || RELATIVE_WORD.test(words) || SPAN.test(words) || (!has('day') && has('weekday'));
    if (relative && ref === null) continue;
    let d = c.date();
    const forward = FORWARD.test(words);
    if (has('weekday') && !has('day') && !WEEK_MODIFIER.test(words) && ref !== null) {
      // The latest such weekday on or before publication; the next one on or after it in a
      // clause about what will be.
      const weekday = c.get('weekday') ?? 0;
      const refDay = ref.day.getUTCDay();
      const shift = tense === 'future' ? (weekday - refDay + 7) % 7 : -((refDay - weekday + 7) % 7);
      d = new Date(ref.day.getTime() + shift * 86_400_000);
    } else if (!has('year') && has('month') && ref !== null && !forward) {
      const month = c.get('month')!;
      const day = has('day') ? c.get('day')! : null;
      let y = yearFor(month, day, ref.day, tense);
      // "May of last year", "in March this year": the year is said just after.
      const which = /^\s*(?:of\s+)?(last|next|this)\s+year\b/iu.exec(text.slice(start + words.length));
      if (which) {
        const w = which[1]!.toLowerCase();
        y = ref.day.getUTCFullYear() + (w === 'last' ? -1 : w === 'next' ? 1 : 0);
      }
      // A month-only reference cannot tell a day of its own month from past or future.
      if (day !== null && ref.granularity === 'month' && month === ref.day.getUTCMonth() + 1)
        y = ref.day.getUTCFullYear();
      // "Jeudi 17 février": the weekday says which year, the nearest where that day is one.
      if (day !== null && has('weekday')) {
        const weekday = c.get('weekday');
        const fits = [y, y - 1, y + 1, y - 2, y + 2].find(
          (yr) => new Date(Date.UTC(yr, month - 1, day, 12)).getUTCDay() === weekday,
        );
        if (fits !== undefined) y = fits;
      }
      d = new Date(Date.UTC(y, month - 1, day ?? 1, 12));
    }
    // "late January": the vague word chrono left out belongs to the words.
    const before = VAGUE_BEFORE.exec(text.slice(Math.max(0, start - 12), start));
    if (before && has('month') && !has('day')) {
      start -= before[0].length;
      words = text.slice(start, r.index) + words;
    }
    // "last week", "two weeks ago" come back with a day chrono worked out, not one the text names.
    const dayNamed =
      has('day') ||
      has('weekday') ||
      /\b(?:yesterday|today|tomorrow|hier|aujourd'hui|demain)\b/iu.test(words);
    const weekish = /\bweeks?\b|\bsemaines?\b/iu.test(words);
    const granularity: DateGranularity = dayNamed || weekish ? 'day' : has('month') ? 'month' : 'year';
    // What the words name by themselves: "17 February" a day, "in February" a month; "last
    // month" or "on Monday" nothing without the publication date.
    const counted = RELATIVE_WORD.test(words) || SPAN.test(words);
    const named: DateGranularity | null = counted || !has('month') ? null : has('day') ? 'day' : 'month';
    push(
      start,
      words,
      d.getUTCFullYear(),
      d.getUTCMonth() + 1,
      d.getUTCDate(),
      granularity,
      weekish || SPAN.test(words),
      relative,
      named,
    );
  }

  // French months with no day, which chrono.fr does not read.
  if (/^fr\b/i.test(language)) {
    for (const m of text.matchAll(FRENCH_MONTH)) {
      const start = m.index!;
      const words = m[0];
      if (taken(start, start + words.length)) continue;
      const month = MOIS.indexOf(m[2]!.toLowerCase()) + 1;
      if (m[4]) {
        push(start, words, Number(m[4]), month, 1, 'month', m[1] !== undefined, false);
        continue;
      }
      if (!ref) continue;
      const tense =
        m[3]?.toLowerCase() === 'dernier'
          ? 'past'
          : m[3]?.toLowerCase() === 'prochain'
            ? 'future'
            : tenseAround(text, start, start + words.length, language);
      // "novembre dernier" is the latest November before publication, never the current month.
      let y = yearFor(month, null, ref.day, tense);
      if (m[3]?.toLowerCase() === 'dernier' && month === ref.day.getUTCMonth() + 1) y -= 1;
      if (m[3]?.toLowerCase() === 'prochain' && month === ref.day.getUTCMonth() + 1) y += 1;
      push(start, words, y, month, 1, 'month', m[1] !== undefined, true);
    }
  }

  // Seasons, which chrono does not read in either language.
  for (const m of text.matchAll(SEASON)) {
    const start = m.index!;
    const words = m[0];
    if (taken(start, start + words.length)) continue;
    const part = (m[1] ?? '').toLowerCase();
    const which = ((m[2] ?? '') + (m[4] ?? '')).toLowerCase();
    const months = SEASON_MONTH[m[3]!.toLowerCase()]!;
    const month = /^(?:start|beginning|début)$/.test(part)
      ? months[0]
      : /^(?:end|fin)$/.test(part)
        ? months[2]
        : months[1];
    // A season's months cross the new year only in winter: its first month is December.
    const crosses = months[0] === 12 && month !== 12;
    if (m[5]) {
      push(start, words, Number(m[5]) + (crosses ? 1 : 0), month, 1, 'month', true, false);
      continue;
    }
    if (!ref) continue;
    const tense: Tense = /last|dernier/.test(which)
      ? 'past'
      : /next|coming|prochain/.test(which)
        ? 'future'
        : /this|cet|cette|^ce/.test(which)
          ? null
          : tenseAround(text, start, start + words.length, language);
    let y = yearFor(month, null, ref.day, tense);
    if (tense === null && /this|cet|cette|^ce/.test(which)) {
      // "this summer": the one of the publication year (this winter: the one holding or next to it).
      y = ref.day.getUTCFullYear() + (crosses && ref.day.getUTCMonth() + 1 >= 12 ? 1 : 0);
    }
    push(start, words, y, month, 1, 'month', true, true);
  }

  for (const m of text.matchAll(YEAR)) {
    const vague = m[1] ?? m[2];
    const start = m.index! + m[0].indexOf(vague ?? m[3]!);
    const end = m.index! + m[0].length;
    if (taken(start, end)) continue;
    push(start, text.slice(start, end), Number(m[3]), 1, 1, 'year', vague !== undefined, false);
    // "in 2020 and 2021": the second year is as much a year as the first.
    const tail = YEAR_LIST_TAIL.exec(text.slice(end));
    if (tail) {
      const at = end + tail[0].length - tail[1]!.length;
      if (!taken(at, at + 4)) push(at, tail[1]!, Number(tail[1]), 1, 1, 'year', false, false);
    }
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
