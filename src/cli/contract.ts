import type { AskFilter, Engine } from '../engine/index.js';
import { outletLabel, titleLabel } from '../engine/index.js';
import type { Answer, Quotation, QuoteResult, SourceInfo } from '../engine/types.js';

/**
 * The command-line JSON contract (test/data/eval/README.md): one object per input line, in
 * order. Outlet and title are always strings so every citation carries them; where the corpus
 * does not know them the string says so and `outletKnown` / `titleKnown` are false.
 */
function sourceJson(s: SourceInfo) {
  return {
    articleId: s.articleId,
    outlet: outletLabel(s),
    outletKnown: s.outlet !== null,
    title: titleLabel(s),
    titleKnown: s.title !== null,
    published: s.published,
    publishedApprox: s.publishedApprox,
    url: s.url,
  };
}

/** The JSON object printed for one question. */
export function answerJson(a: Answer) {
  return {
    question: a.question,
    status: a.status,
    ...(a.confidence !== undefined ? { confidence: a.confidence } : {}),
    answer: a.answer,
    ...(a.answerDate ? { answerDate: a.answerDate } : {}),
    citations: a.citations.map((c) => ({
      ...sourceJson(c),
      quote: c.quote,
      start: c.start,
      end: c.end,
      score: c.score,
      value: c.value,
      ...(c.matched ? { matched: c.matched } : {}),
      alsoIn: c.alsoIn.map((x) => ({ ...sourceJson(x), quote: x.quote, start: x.start, end: x.end })),
    })),
    conflict:
      a.conflict?.map((s) => ({
        value: s.value,
        citations: s.citations,
        sources: s.sources.map(sourceJson),
      })) ?? null,
    ...(a.filter !== undefined
      ? {
          filter: {
            outlet: a.filter.outlet,
            from: a.filter.from,
            to: a.filter.to,
            articles: a.filter.articles,
            empty: a.filter.empty,
          },
        }
      : {}),
    ...(a.error !== undefined ? { error: a.error } : {}),
  };
}

function quotationJson(q: Quotation) {
  return {
    text: q.text,
    speaker: q.speaker,
    ...sourceJson(q),
    start: q.start,
    end: q.end,
    context: q.context,
    alsoIn: q.alsoIn.map((x) => x.articleId),
    alsoInSources: q.alsoIn.map((x) => ({ ...sourceJson(x), text: x.text, start: x.start, end: x.end })),
  };
}

/** The JSON object printed for one quotation query. */
export function quoteJson(r: QuoteResult) {
  return {
    query: r.query,
    quotes: r.quotes.map(quotationJson),
    ...(r.error !== undefined ? { error: r.error } : {}),
  };
}

/** Answers one input line under the contract, within a filter when given; never throws. */
export function askLine(
  engine: Engine,
  line: string,
  limit?: number,
  filter: AskFilter | null = null,
): ReturnType<typeof answerJson> {
  return answerJson(engine.ask(line, limit, filter));
}

/** Looks up one input line under the contract; never throws. */
export function quoteLine(engine: Engine, line: string, speaker?: string): ReturnType<typeof quoteJson> {
  return quoteJson(engine.quote(line, { speaker: speaker ?? null }));
}
