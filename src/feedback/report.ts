/**
 * What a report records about the answer it is on: the pieces of an engine answer that let an
 * editor see what was shown and reproduce it (question, status, short answer, cited passages,
 * the corpus it came from, the filter).
 */
import { createHash } from 'node:crypto';
import type { Corpus } from '../corpus/load.js';
import type { Answer, Citation } from '../engine/types.js';
import type { Problem, ReportInput } from './store.js';

/**
 * A short fingerprint of a corpus: its articles' ids and text hashes. Two answers with the same
 * version came from the same texts; any article added, removed or replaced changes it.
 */
export function corpusVersion(corpus: Pick<Corpus, 'articles'>): string {
  const hash = createHash('sha256');
  for (const line of corpus.articles.map((a) => `${a.meta.id}\t${a.meta.sha256}\n`).sort()) hash.update(line);
  return hash.digest('hex').slice(0, 12);
}

/** A cited passage's stable id: `articleId:start-end`, offsets into the article text. */
export function passageId(c: Pick<Citation, 'articleId' | 'start' | 'end'>): string {
  return `${c.articleId}:${c.start}-${c.end}`;
}

/** Who reported what, and where. */
export interface ReportContext {
  problem: Problem;
  details: string;
  userId: string;
  askedBy: string | null;
  guildId: string | null;
  channelId: string | null;
  corpusVersion: string;
}

/** The report to store for an answer. */
export function reportOf(answer: Answer, mode: 'question' | 'claim', who: ReportContext): ReportInput {
  return {
    ...who,
    details: who.details.trim(),
    question: answer.question,
    mode,
    status: answer.status,
    shortAnswer: answer.answer,
    citedPassages: answer.citations.map(passageId),
    filter: answer.filter
      ? { outlet: answer.filter.outlet, from: answer.filter.from, to: answer.filter.to }
      : null,
  };
}
