/**
 * The corpus as a timeline: every body sentence that dates something, with the date resolved
 * against its article's publication date (corpus/dates.ts: "on Monday" in a 15 Aug 2022 article
 * is 15 Aug 2022), in date order. Sentences from several articles about the same event are one
 * entry; where they date it differently, the dates are kept side by side rather than one chosen.
 */
import type { Article } from '../corpus/load.js';
import { resolveDates, type DateGranularity, type ResolvedDate } from '../corpus/dates.js';
import { indexTerms } from '../text/tokenize.js';
import { sourceOf } from './sources.js';
import type { SourceInfo } from './types.js';

/** One article's sentence dating an event. */
export interface TimelineReport extends SourceInfo {
  /** The sentence, verbatim: `article.text.slice(start, end)`. */
  sentence: string;
  start: number;
  end: number;
  /** The date words as written in the sentence ("on Monday", "in 2013"). */
  words: string;
  /** The resolved date: YYYY-MM-DD, YYYY-MM or YYYY. */
  date: string;
  granularity: DateGranularity;
  /** The date rests on vague words or on an approximate publication date. */
  approximate: boolean;
}

/** One date an event is given, and who gives it. */
export interface TimelineDate {
  date: string;
  granularity: DateGranularity;
  approximate: boolean;
  /** Indices into the event's `reports` giving this date. */
  reports: number[];
}

/** One event: the sentences reporting it, best dated first, and the dates they give. */
export interface TimelineEvent {
  /** The date the timeline places it at (the most precise one given, earliest on a tie). */
  date: string;
  granularity: DateGranularity;
  approximate: boolean;
  reports: TimelineReport[];
  /** The distinct dates given; more than one means the outlets date it differently. */
  dates: TimelineDate[];
}

/** A timeline, optionally about one topic. */
export interface Timeline {
  topic: string | null;
  events: TimelineEvent[];
  /** Why the topic could not be used, when it could not. */
  error?: string;
}

/** Words that date nothing: "now" is the publication date, not an event's. */
const NOT_AN_EVENT_DATE = /^(?:now|currently|at present|maintenant|actuellement)$/iu;
/**
 * A span of time rather than a point ("for the past nine years", "after nine years"): it dates no
 * event, and counting it back or forward from publication gives a wrong year.
 */
const DURATION =
  /\b(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few)\s+(?:years?|months?|weeks?|days?|decades?)\b(?!\s+ago)/iu;

/**
 * Cheap test for a sentence that might name a date: a digit, a month, a weekday or a relative
 * word, in English or French. A sentence without any of them cannot have one.
 */
const MIGHT_DATE =
  /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|janv|févr|fév|avr|mai|juin|juil|août|sept|déc|mon|tues?|wed|thu|thur|fri|sat|sun|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|today|yesterday|tomorrow|tonight|last|next|ago|week|month|year|hier|aujourd|demain|dernier|dernière|prochain|semaine|mois|an|année)/iu;

/**
 * Share of the smaller sentence's word weight (IDF) two sentences must share to report the same
 * event: words every article uses ("France", "Mali", "troops") weigh little, the ones that name
 * the event much.
 */
const SAME_EVENT = 0.5;
/** And at least this many words. */
const SAME_EVENT_MIN = 3;

const RANK: Record<DateGranularity, number> = { day: 3, month: 2, year: 1 };

/** Whether two dates can be the same: equal, or one contains the other (2022-02 holds 2022-02-17). */
function compatible(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a);
}

/** The dated sentences of one article, one per sentence (its first date that dates an event). */
export function datedSentences(article: Article): Array<{ report: TimelineReport; terms: Set<string> }> {
  const src = sourceOf(article);
  const out: Array<{ report: TimelineReport; terms: Set<string> }> = [];
  for (const p of article.passages) {
    // Most sentences name no date; the parser is costly, so it only sees those that might.
    if (!MIGHT_DATE.test(p.text)) continue;
    const mentions = resolveDates(
      p.text,
      { date: src.published, approximate: src.publishedApprox },
      article.meta.language,
    ).filter(
      (d) =>
        !NOT_AN_EVENT_DATE.test(d.words.trim()) && !(DURATION.test(d.words) && !/\bago\b/i.test(d.words)),
    );
    const first: ResolvedDate | undefined = mentions[0];
    if (!first) continue;
    // The event is what the sentence says besides its dates.
    let rest = p.text;
    for (const m of [...mentions].reverse()) rest = `${rest.slice(0, m.start)} ${rest.slice(m.end)}`;
    out.push({
      report: {
        ...src,
        sentence: p.text,
        start: p.start,
        end: p.end,
        words: first.words,
        date: first.date,
        granularity: first.granularity,
        approximate: first.approximate,
      },
      terms: new Set(indexTerms(rest)),
    });
  }
  return out;
}

function overlap(a: Set<string>, b: Set<string>, weight: (term: string) => number): number {
  let shared = 0;
  let sharedWeight = 0;
  let wa = 0;
  let wb = 0;
  for (const t of a) {
    wa += weight(t);
    if (b.has(t)) {
      shared++;
      sharedWeight += weight(t);
    }
  }
  for (const t of b) wb += weight(t);
  return shared < SAME_EVENT_MIN ? 0 : sharedWeight / Math.max(1e-9, Math.min(wa, wb));
}

/** Sorts dates so that a year comes before its months and a month before its days. */
function byDate(a: { date: string }, b: { date: string }): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}

/**
 * Builds the timeline from dated sentences: sentences of different articles saying the same
 * thing become one event; events in date order; within an event the most precise, exact
 * dates first.
 */
export function buildTimeline(
  dated: ReadonlyArray<{ report: TimelineReport; terms: Set<string> }>,
  topic: string | null = null,
  /** How much a shared word says about two sentences being the same event (the index's IDF). */
  weight: (term: string) => number = () => 1,
): Timeline {
  const groups: Array<Array<{ report: TimelineReport; terms: Set<string> }>> = [];
  for (const d of [...dated].sort((a, b) => byDate(a.report, b.report))) {
    const home = groups.find(
      (g) =>
        g.every((m) => m.report.articleId !== d.report.articleId) &&
        g.some((m) => overlap(m.terms, d.terms, weight) >= SAME_EVENT),
    );
    if (home) home.push(d);
    else groups.push([d]);
  }
  const events = groups.map((g): TimelineEvent => {
    const reports = g
      .map((m) => m.report)
      .sort(
        (a, b) =>
          RANK[b.granularity] - RANK[a.granularity] ||
          Number(a.approximate) - Number(b.approximate) ||
          byDate(a, b),
      );
    const dates: TimelineDate[] = [];
    reports.forEach((r, i) => {
      // Dates that can be one (Feb 2022 and 17 Feb 2022) are one; the more precise one leads.
      const same = dates.find((d) => compatible(d.date, r.date));
      if (same) same.reports.push(i);
      else dates.push({ date: r.date, granularity: r.granularity, approximate: r.approximate, reports: [i] });
    });
    const lead = reports[0]!;
    return { date: lead.date, granularity: lead.granularity, approximate: lead.approximate, reports, dates };
  });
  events.sort((a, b) => byDate(a, b) || RANK[a.granularity] - RANK[b.granularity]);
  return { topic, events };
}
