/**
 * Conflicts about dates: for a "when" question, passages of different articles that date the
 * same event differently ("since May 2020" and "August 2020" for Mali's first coup) are put
 * forward side by side, each with its resolved date (corpus/dates.ts).
 *
 * Two dates are about the same event only when the same predicate stands near them: the words
 * each passage matched for the question within a few words of its date (no names, time words
 * or counts, and none that most passages use, such as "troops") are the same in both.
 * "February 17" for the announcement and "Wednesday night" for the meeting before it share no
 * such word, and are no conflict. Dates that can be one (Feb 2022 and 17 Feb 2022) are one side.
 */
import type { Passage } from '../corpus/load.js';
import { formatResolved, resolveDates, type DateReference, type ResolvedDate } from '../corpus/dates.js';
import { indexTerms } from '../text/tokenize.js';
import { firstNounClass, GROUP_CLASS, PERSON_CLASS } from './entities.js';
import { extractAnswer } from './extract.js';
import type { QuestionAnalysis } from './question.js';
import type { Match } from './search.js';

/** How many of the best candidates are compared. */
const LOOK = 10;
/** Words either side of the date that are "near" it. */
const NEAR_WORDS = 8;
/** A word in more than this share of all passages names no event. */
const COMMON_SHARE = 0.1;

/** A ranked candidate, as the answer engine holds it. */
interface Candidate {
  passage: Passage;
  matches: ReadonlyMap<string, Match>;
}

/** What the date comparison needs from the corpus. */
export interface DateContext {
  /** The publication date and language of a passage's article. */
  referenceOf(p: Passage): { reference: DateReference; language: string };
  /** In how many passages a term stands, and how many passages there are. */
  df(term: string): number;
  size: number;
}

/** The sides of a date conflict: candidates reordered with each side's best first. */
export interface DateSides<R> {
  order: R[];
  sides: Array<{ label: string; values: Set<string> }>;
  /** The side label of every passage on a side, by `articleId:start`. */
  sideOf: Map<string, string>;
}

/** Whether two resolved dates can be the same: equal, or one contains the other. */
function compatible(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a);
}

/**
 * Words near a date that name no event: time words, prepositions of time, counts and order
 * ("since", "month", "two", "former"). Capitalised words (names, nationalities: "Paris",
 * "African") are left out too: they say who or where, not what happened.
 */
const NOT_EVENT =
  /^(?:since|until|till|from|after|before|during|ago|later|earlier|former|latter|first|second|last|next|early|late|mid|days?|weeks?|months?|years?|decades?|times?|one|two|three|four|five|six|seven|eight|nine|ten|several|few|many|\d[\d,.]*)$/iu;

/**
 * The terms of the event words within NEAR_WORDS of a date, in its sentence (see NOT_EVENT),
 * with those of words that name who acted (a noun whose most frequent WordNet sense is a person
 * or a group: "army", "junta") in `actors`.
 */
function nearTerms(text: string, d: ResolvedDate, actors?: Set<string>): Set<string> {
  const sentenceStart = Math.max(text.lastIndexOf('. ', d.start) + 1, 0);
  const nextStop = text.slice(d.end).search(/[.!?](?:\s|$)/);
  const sentenceEnd = nextStop < 0 ? text.length : d.end + nextStop;
  const before = text.slice(sentenceStart, d.start).split(/\s+/).filter(Boolean).slice(-NEAR_WORDS);
  const after = text.slice(d.end, sentenceEnd).split(/\s+/).filter(Boolean).slice(0, NEAR_WORDS);
  const words = [...before, ...after]
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((w) => w !== '' && !/^\p{Lu}/u.test(w) && !NOT_EVENT.test(w));
  if (actors)
    for (const w of words) {
      const c = firstNounClass(w);
      if (c === PERSON_CLASS || c === GROUP_CLASS) for (const t of indexTerms(w)) actors.add(t);
    }
  return new Set(indexTerms(words.join(' ')));
}

/**
 * Whether two dated passages speak of one event: the same question words stand near both
 * dates. "Engineers abandoned the airstrip on Monday" and "engineers repaired the airstrip on
 * Friday" share "engineers" and "airstrip" but not the predicate, and are two events.
 */
function sameEvent(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size > 0 && a.size === b.size && [...a].every((t) => b.has(t));
}

/**
 * For a date question: the sides where the best candidates of different articles date the
 * same event differently, or null when they do not.
 */
export function dateConflict<R extends Candidate>(
  ranked: R[],
  q: QuestionAnalysis,
  ctx: DateContext,
): DateSides<R> | null {
  // Resolving a passage's dates (chrono) is most of the cost of a "when" question, so it is done
  // only where it can matter: for the best candidates in order until the lead is found, then for
  // those of other articles that matched every word of the lead's event, and for the rest only
  // once a conflict is certain. The result is the same as resolving all ten.
  type Dated = { r: R; date: ResolvedDate; event: Set<string> };
  const candidates: Array<{
    r: R;
    m: NonNullable<ReturnType<typeof extractAnswer>>;
    rare: Set<string>;
    dated?: Dated | null;
  }> = [];
  for (const r of ranked.slice(0, LOOK)) {
    const m = extractAnswer(r.passage.text, q);
    if (!m) continue;
    // The event is made of these words only: a candidate without any has none.
    const rare = new Set<string>();
    for (const x of r.matches.values()) if (ctx.df(x.term) <= COMMON_SHARE * ctx.size) rare.add(x.term);
    if (rare.size > 0) candidates.push({ r, m, rare });
  }
  const datedOf = (c: (typeof candidates)[number]): Dated | null => {
    if (c.dated !== undefined) return c.dated;
    const { r, m } = c;
    const text = r.passage.text;
    const { reference, language } = ctx.referenceOf(r.passage);
    const date = resolveDates(text, reference, language).find((d) => d.start < m.end && d.end > m.start);
    // The event: the words the passage matched for the question that stand near its date. One
    // that names who acted, alone, tells no event ("the army seized power in August 2020" and
    // "the French army said on Monday" share only "army").
    const actors = new Set<string>();
    const event = date ? new Set([...nearTerms(text, date, actors)].filter((t) => c.rare.has(t))) : null;
    const told = event !== null && [...event].some((t) => !actors.has(t));
    c.dated = date && event && told ? { r, date, event } : null;
    return c.dated;
  };
  // The event is the best dated candidate's (the answer's): another article must contradict it.
  const leadAt = candidates.findIndex((c) => datedOf(c) !== null);
  const lead = leadAt < 0 ? null : datedOf(candidates[leadAt]!)!;
  // The lead is the first passage, whose date the answer gives: sides found below a first passage
  // that dates nothing (or not the same way) would move two other passages above it.
  if (
    !lead ||
    lead.r !== ranked[0] ||
    !candidates.slice(leadAt + 1).some((c) => {
      if (c.r.passage.articleId === lead.r.passage.articleId) return false;
      if (![...lead.event].every((t) => c.rare.has(t))) return false; // its event cannot be the same
      const b = datedOf(c);
      return b !== null && sameEvent(lead.event, b.event) && !compatible(lead.date.date, b.date.date);
    })
  )
    return null;
  const dated = candidates.map(datedOf).filter((d): d is Dated => d !== null);
  const members = dated.filter((d) => d === lead || sameEvent(lead.event, d.event));
  // Sides from the most precise dates; a vaguer one joins the side it fits, and none when it
  // fits several ("2020" fits both "May 2020" and "August 2020").
  const byPrecision = [...members].sort((a, b) => b.date.date.length - a.date.date.length);
  const groups: Array<{ date: string; label: string; members: typeof dated }> = [];
  for (const d of byPrecision) {
    const fits = groups.filter((x) => compatible(x.date, d.date.date));
    if (fits.length === 1) fits[0]!.members.push(d);
    else if (fits.length === 0)
      groups.push({ date: d.date.date, label: formatResolved(d.date), members: [d] });
  }
  // Each side's members, and the sides, in ranking order.
  const rank = (d: (typeof dated)[number]) => ranked.indexOf(d.r);
  for (const g of groups) g.members.sort((a, b) => rank(a) - rank(b));
  groups.sort((a, b) => rank(a.members[0]!) - rank(b.members[0]!));
  if (groups.length < 2) return null;
  const sideOf = new Map<string, string>();
  for (const g of groups)
    for (const d of g.members) sideOf.set(`${d.r.passage.articleId}:${d.r.passage.start}`, g.label);
  const leaders = groups.map((g) => g.members[0]!.r);
  return {
    order: [...leaders, ...ranked.filter((r) => !leaders.includes(r))],
    sides: groups.map((g) => ({ label: g.label, values: new Set([g.label]) })),
    sideOf,
  };
}
