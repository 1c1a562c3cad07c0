import { join } from 'node:path';
import { loadCorpus, type Corpus } from '../corpus/load.js';
import { PROJECT_ROOT } from '../root.js';
import { AnswerEngine, DEFAULT_SETTINGS, type AnswerSettings } from './answer.js';
import { QuotationIndex } from './quotes.js';
import { expandQuestion } from './expand.js';
import { analyzeQuestion } from './question.js';
import type { IndexSnapshot } from './search.js';
import { indexTerms } from '../text/tokenize.js';
import { findSource, mergeFragments, suggestSources, suggestNames, type QuotationLookup } from './lookup.js';
import { sourceOf } from './sources.js';
import type { Answer, Quotation, QuoteResult, SourceInfo } from './types.js';
import { outletsOf, selectPassages, type AskFilter, type FilterSelection } from './filter.js';
import { buildTimeline, datedSentences, type Timeline, type TimelineReport } from './timeline.js';
import { queryProblem } from './validate.js';

export type {
  Answer,
  Citation,
  ConflictSide,
  Quotation,
  QuoteResult,
  SourceInfo,
  AnswerType,
  AppliedFilter,
} from './types.js';
export type { QuotationLookup, QuotationResult } from './lookup.js';
export type { AskFilter, FilterInput } from './filter.js';
export type { Timeline, TimelineDate, TimelineEvent, TimelineReport } from './timeline.js';
export { FilterError, describeFilter, parseFilter } from './filter.js';
export { citationLine, formatDate, outletLabel, sourceLine, titleLabel } from './sources.js';

/** The corpus bundled with the project. */
export const BUNDLED_CORPUS_DIR = join(PROJECT_ROOT, 'corpus');

/** An article as listed by `/sources`: its source fields and its opening words. */
export interface ArticleSummary extends SourceInfo {
  passages: number;
  furnitureDropped: number;
  /** The first body paragraph, verbatim. */
  opening: string;
  /** How the publication date was worked out, where the article does not print it; null otherwise. */
  publishedNote: string | null;
}

/**
 * The whole answer engine over one corpus: questions, quotations and the source list.
 * Pure: no network, no Discord; build it once and share it.
 */
export class Engine {
  private readonly answers: AnswerEngine;
  private quotationIndex: QuotationIndex | null = null;

  constructor(
    readonly corpus: Corpus,
    settings: AnswerSettings = DEFAULT_SETTINGS,
    snapshot?: IndexSnapshot,
  ) {
    this.answers = new AnswerEngine(corpus, settings, snapshot);
  }

  /** The passage index's saved form, for a faster next start (see snapshot.ts). */
  indexSnapshot(): IndexSnapshot {
    return this.answers.index.snapshot();
  }

  /** Extracts the quotations now rather than on the first lookup (e.g. just after start-up). */
  warmQuotations(): void {
    void this.quotations;
  }

  /** The quotation index being built a step at a time by {@link prepareQuotations}, until done. */
  private quotationSteps: Generator<void, QuotationIndex, void> | null = null;
  private preparing: Promise<void> | null = null;

  /**
   * Builds the quotation index, and what its first look-up works out, between other work: in
   * slices of about `sliceMs` on the event loop, so that no question or quote look-up waits for
   * the whole build (at 100k passages it is tens of seconds). A request that needs the
   * quotations before the build is done finishes it there and then, so answers are the same
   * whether or not it was prepared. Resolves once the index is ready.
   */
  prepareQuotations(sliceMs = 10): Promise<void> {
    if (this.quotationIndex) return Promise.resolve();
    this.quotationSteps ??= QuotationIndex.stepwise(this.corpus, this.expandQuery);
    this.preparing ??= new Promise<void>((resolve, reject) => {
      const slice = (): void => {
        try {
          const until = performance.now() + sliceMs;
          while (this.quotationSteps) {
            const step = this.quotationSteps.next();
            if (step.done) {
              this.quotationIndex = step.value;
              this.quotationSteps = null;
            } else if (performance.now() >= until) return void setImmediate(slice);
          }
          resolve();
        } catch (error) {
          this.quotationSteps = null;
          reject(error);
        }
      };
      setImmediate(slice);
    });
    return this.preparing;
  }

  /**
   * The related words of a query's terms, for quotation look-ups. Cognates in other languages'
   * passages (French "malien" → English "Malian") are left out: measured on the look-ups they
   * moved no eval line, and they put a speaker whose role names Mali above the one a French
   * query's words describe.
   */
  private readonly expandQuery = (query: string) =>
    expandQuestion(analyzeQuestion(query), this.answers.index, { cognates: false });

  /**
   * Quotations are extracted on first use (or by prepareQuotations), so the engine is ready to
   * answer sooner; a build under way is finished here.
   */
  private get quotations(): QuotationIndex {
    if (!this.quotationIndex && this.quotationSteps) {
      let step = this.quotationSteps.next();
      while (!step.done) step = this.quotationSteps.next();
      this.quotationIndex = step.value;
      this.quotationSteps = null;
    }
    this.quotationIndex ??= new QuotationIndex(this.corpus, this.expandQuery);
    return this.quotationIndex;
  }

  /**
   * Answers a question with up to `limit` citations (1–10). Never throws on any string. With a
   * filter, only the passages of the articles within it are ranked and cited; when no article is
   * within it, the answer is empty and `filter.empty` says so.
   */
  ask(question: string, limit = 5, filter: AskFilter | null = null): Answer {
    const n = Math.max(1, Math.min(10, Math.floor(limit) || 5));
    if (!filter) {
      const answer = this.answers.ask(question, n);
      return SAID_Q.test(question) ? this.withSpeaker(answer) : answer;
    }
    const selection = this.selection(filter);
    const applied = {
      ...filter,
      outlet: selection.outlet,
      articles: selection.articles,
      empty: selection.empty,
    };
    if (selection.empty) {
      const base = this.answers.ask(question, n, selection.passages);
      return { ...base, status: 'no_answer', answer: null, citations: [], conflict: null, filter: applied };
    }
    const answer = { ...this.answers.ask(question, n, selection.passages), filter: applied };
    return SAID_Q.test(question) ? this.withSpeaker(answer) : answer;
  }

  /** Selections of recent filters: working one out walks every article. */
  private readonly selections = new Map<string, FilterSelection>();

  private selection(filter: AskFilter): FilterSelection {
    const key = JSON.stringify([filter.outlet?.toLowerCase() ?? null, filter.from, filter.to]);
    let found = this.selections.get(key);
    if (!found) {
      found = selectPassages(this.corpus, filter);
      if (this.selections.size >= 64) this.selections.delete(this.selections.keys().next().value!);
      this.selections.set(key, found);
    }
    return found;
  }

  /** Every body sentence that dates something, worked out on the first timeline asked for. */
  private dated: Array<{ report: TimelineReport; terms: Set<string> }> | null = null;
  private fullTimeline: Timeline | null = null;

  /**
   * The dated events the corpus reports, in date order (see engine/timeline.ts). With a topic,
   * only the events one of whose sentences holds every word of it (a spelling slip allowed).
   * Never throws on any string; an unusable topic gets `error`.
   */
  timeline(topic: string | null = null): Timeline {
    const asked = topic?.trim() || null;
    const problem = asked === null ? null : queryProblem(asked);
    if (problem) return { topic: asked, events: [], error: problem };
    this.dated ??= this.corpus.articles.flatMap(datedSentences);
    this.fullTimeline ??= buildTimeline(this.dated, null, (t) => this.answers.index.idf(t));
    if (asked === null) return this.fullTimeline;
    const terms = [...new Set(indexTerms(asked))];
    if (terms.length === 0)
      return {
        topic: asked,
        events: [],
        error: 'no searchable words in the topic (only stop words, symbols or numbers of one digit)',
      };
    const wanted = terms.map((t) => [t, ...this.answers.index.variants(t)]);
    const about = (sentence: string): boolean => {
      const own = new Set(indexTerms(sentence));
      return wanted.every((forms) => forms.some((f) => own.has(f)));
    };
    return {
      topic: asked,
      events: this.fullTimeline.events.filter((e) => e.reports.some((r) => about(r.sentence))),
    };
  }

  /** Every outlet named in the corpus, most articles first (for `outlet:` suggestions). */
  outlets(): string[] {
    return outletsOf(this.corpus);
  }

  /**
   * "Who said …?": when the first passage holds a quotation, its speaker (as the article
   * attributes it) is the short answer, rather than whichever name the sentence mentions.
   */
  private withSpeaker(answer: Answer): Answer {
    const first = answer.citations[0];
    if (answer.status !== 'answered' || answer.answerType !== 'person' || !first) return answer;
    const inFirst = (id: string, start: number, end: number) =>
      id === first.articleId && start >= first.start && end <= first.end;
    const asked = new Set(indexTerms(answer.question));
    const quotes = this.quotationsIn(first.articleId).filter(
      (q) =>
        q.speaker !== null &&
        (inFirst(q.articleId, q.start, q.end) || q.alsoIn.some((x) => inFirst(x.articleId, x.start, x.end))),
    );
    const best = quotes.sort((a, b) => overlap(b.text, asked) - overlap(a.text, asked))[0];
    return best ? { ...answer, answer: best.speaker } : answer;
  }

  /** Quotations by each article that carries them (its own or in alsoIn), in `all()` order. */
  private quotesByArticle: Map<string, Quotation[]> | null = null;

  /**
   * The quotations an article carries, in the quotation index's order: what withSpeaker looks
   * through, rather than every quotation of the corpus (at 100k passages, filtering them all was
   * a tenth of the time of a "who said" question).
   */
  private quotationsIn(articleId: string): readonly Quotation[] {
    if (!this.quotesByArticle) {
      const by = new Map<string, Quotation[]>();
      for (const q of this.quotations.all())
        for (const id of new Set([q.articleId, ...q.alsoIn.map((a) => a.articleId)]))
          (by.get(id) ?? by.set(id, []).get(id)!).push(q);
      this.quotesByArticle = by;
    }
    return this.quotesByArticle.get(articleId) ?? [];
  }

  /**
   * For measurement only (`npm run bench` times the answer stages apart): the answer engine inside
   * (its `index` and `settings` are public). Product code goes through ask, quote and sources.
   */
  measurementView(): AnswerEngine {
    return this.answers;
  }

  /** Checks a claim against the corpus (see AnswerEngine.check). Never throws on any string. */
  check(claim: string, limit = 5): Answer {
    return this.answers.check(claim, Math.max(1, Math.min(10, Math.floor(limit) || 5)));
  }

  /** Finds quotations by their words or by speaker, optionally restricted to one speaker. */
  quote(query: string, options: { speaker?: string | null; limit?: number } = {}): QuoteResult {
    return this.quotations.lookup(query, options);
  }

  /** Every canonical speaker with at least one quotation, most quoted first. */
  speakers(): string[] {
    return this.quotations.speakers();
  }

  /** Every article indexed, in corpus order. */
  sources(): ArticleSummary[] {
    return this.corpus.articles.map((a) => {
      const firstBody = a.blocks.find((b) => b.kind === 'body');
      return {
        ...sourceOf(a),
        passages: a.passages.length,
        furnitureDropped: a.blocks.filter((b) => b.kind === 'furniture').length,
        opening: firstBody ? a.text.slice(firstBody.start, firstBody.end) : '',
        publishedNote: a.meta.inferred.published ?? null,
      };
    });
  }

  /** One article's summary by id, or null. */
  source(id: string): ArticleSummary | null {
    return this.sources().find((s) => s.articleId === id) ?? null;
  }

  /** The article with this id, or else the one with exactly this headline (any case), or null. */
  findSource(wanted: string): ArticleSummary | null {
    return findSource(this.sources(), wanted);
  }

  /** Articles whose id, headline or outlet contains what a user typed, for suggestions. */
  sourceSuggestions(typed: string, limit = 25): ArticleSummary[] {
    return suggestSources(this.sources(), typed, limit);
  }

  /** Speakers matching what a user typed (name or word starts first), most quoted first, for suggestions. */
  speakerSuggestions(typed: string, limit = 25): string[] {
    return suggestNames(this.speakers(), typed, limit);
  }

  /** Outlets matching what a user typed (a word starting with it first), most articles first, for suggestions. */
  outletSuggestions(typed: string, limit = 25): string[] {
    return suggestNames(this.outlets(), typed, limit);
  }

  /** {@link quote}, with fragments of one quotation merged and a citation line per quotation. */
  findQuotations(query: string, options: { speaker?: string | null; limit?: number } = {}): QuotationLookup {
    const result = this.quote(query, options);
    return { ...result, quotes: mergeFragments(result.quotes) };
  }
}

/** Questions about who said something. */
const SAID_Q = /\b(?:said|say|says|told|tell|warned|stated|declared|added|quoted)\b/i;

/** How many of the asked terms a text holds. */
function overlap(text: string, asked: ReadonlySet<string>): number {
  return indexTerms(text).filter((t) => asked.has(t)).length;
}

/** Loads a corpus directory and builds the engine over it. Throws CorpusError on a bad corpus. */
export function loadEngine(dir: string = BUNDLED_CORPUS_DIR, settings?: AnswerSettings): Engine {
  return new Engine(loadCorpus(dir), settings);
}
