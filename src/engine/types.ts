import type { DateGranularity } from '../corpus/dates.js';
/** Where a cited passage comes from, as shown to a reader. */
export interface SourceInfo {
  articleId: string;
  /** Outlet name, or null where the corpus does not know it. */
  outlet: string | null;
  /** Headline, or null where the article has none. */
  title: string | null;
  /** ISO date YYYY-MM-DD (or YYYY-MM / YYYY where only the month or year is known), or null where unknown. */
  published: string | null;
  /** True when `published` was inferred rather than stated by the article. */
  publishedApprox: boolean;
  url: string | null;
}

/** A verbatim quote from one article. `quote === article.text.slice(start, end)`. */
export interface Citation extends SourceInfo {
  quote: string;
  start: number;
  end: number;
  /** Ranking score; comparable only within one answer. */
  score: number;
  /** The fact value this passage gives for the asked fact, where one was extracted. */
  value: string | null;
  /** Other articles carrying the same passage, nearly word for word. */
  alsoIn: Array<SourceInfo & { quote: string; start: number; end: number }>;
  /** Why this passage was chosen: each question word it matched, and how. */
  matched?: MatchedWord[];
  /**
   * Only when checking a claim that gives a count: whether this passage gives the same count
   * for the same thing (`agrees`), a different one (`differs`), or none (null).
   */
  stance?: 'agrees' | 'differs' | null;
}

/**
 * How a question word met a passage word: `exact` (the same word or another form of it),
 * `spelling` (a spelling variant), a WordNet relation (`synonym`, `derived`, `pertainym`,
 * `broader`, `narrower`, `member`, `region`, `similar`, `antonym`), `alias` (the newsroom's
 * alias list), `form` (the same word in another language's passage), or `context` (only in
 * the sentence before the passage).
 */
export interface MatchedWord {
  /** The question word, as the question writes it (lower case). */
  question: string;
  /** The passage word it matched, verbatim from the passage (or the sentence before it). */
  passage: string;
  how: string;
}

/** One side of a disagreement between sources on the asked fact. */
export interface ConflictSide {
  value: string;
  /** Indices into `Answer.citations` of the citations giving this value. */
  citations: number[];
  sources: SourceInfo[];
}

/** What the engine understood a question to ask for. */
export type AnswerType =
  | 'number'
  | 'date'
  | 'person'
  | 'place'
  | 'reason'
  | 'duration'
  | 'entity'
  | 'definition'
  | 'other';

/** A date in a short answer: the words as written and the date they stand for (see corpus/dates.ts). */
export interface AnswerDate {
  /** The date words as the passage writes them ("on Monday", "last month", "in 2013"). */
  words: string;
  /** YYYY-MM-DD, YYYY-MM or YYYY, as precise as the words and the publication date allow. */
  date: string;
  granularity: DateGranularity;
  /** The words are vague, or the publication date they rest on is approximate. */
  approximate: boolean;
}

/** The engine's answer to one question. */
export interface Answer {
  question: string;
  status: 'answered' | 'no_answer';
  /** How sure the engine is that the first citation answers the question, 0–1 (answered at or above its threshold). */
  confidence?: number;
  /** A short direct answer taken from the first citation, or null. */
  answer: string | null;
  /**
   * For a date answer whose words the engine could resolve: the passage's date words and the
   * date they stand for, against the article's publication date ("on Monday" → 2022-08-15).
   */
  answerDate?: AnswerDate;
  answerType: AnswerType;
  /** Best first, at most five (or the number asked for). On no_answer: the closest passages. */
  citations: Citation[];
  /** Present when sources disagree on the asked fact. */
  conflict: ConflictSide[] | null;
  /** Why the input could not be used as a question, when it could not. */
  error?: string;
  /** The filter the question was asked within, when one was given (see engine/filter.ts). */
  filter?: AppliedFilter;
}

/** A filter as applied to one question: its bounds, how many articles it let through, and why none when none. */
export interface AppliedFilter {
  outlet: string | null;
  /** First day included, `YYYY-MM-DD`, or null. */
  from: string | null;
  /** Last day included, `YYYY-MM-DD`, or null. */
  to: string | null;
  /** Articles within the filter. */
  articles: number;
  /** When no article is within it: a plain sentence saying so, naming the outlet or dates. */
  empty: string | null;
}

/** A direct quotation found in the corpus, grouped across the articles that carry it. */
export interface Quotation extends SourceInfo {
  /** The words inside the quotation marks, verbatim from the first article. */
  text: string;
  start: number;
  end: number;
  /** Canonical speaker ("Emmanuel Macron"), or null where the article attributes it to no one. */
  speaker: string | null;
  /** The sentence the quotation stands in, verbatim. */
  context: string;
  contextStart: number;
  contextEnd: number;
  /** Other articles carrying the same quotation (small differences such as "de-facto"/"de facto" allowed). */
  alsoIn: Array<SourceInfo & { text: string; start: number; end: number }>;
}

/** The result of a quotation lookup. */
export interface QuoteResult {
  query: string;
  quotes: Quotation[];
  error?: string;
}
