import { citationLine, describeFilter, formatDate, outletLabel, sourceLine } from '../engine/index.js';
import type { Answer, QuoteResult } from '../engine/types.js';
import type { ArticleSummary } from '../engine/index.js';

/** Folds white space so a quotation prints on one logical line. */
function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Renders an answer for a person reading a terminal. */
export function formatAnswer(a: Answer): string {
  const lines: string[] = [`Q: ${oneLine(a.question)}`];
  if (a.filter)
    lines.push(
      `Within: ${describeFilter(a.filter)} (${a.filter.articles} article${a.filter.articles === 1 ? '' : 's'})`,
    );
  if (a.error) {
    lines.push(`Not a usable question: ${a.error}`);
    return lines.join('\n');
  }
  if (a.filter?.empty) {
    lines.push(a.filter.empty);
    return lines.join('\n');
  }
  if (a.status === 'answered') {
    lines.push(a.answer ? `Answer: ${a.answer}` : 'Answer: see the passages below.');
  } else {
    lines.push(
      'No confident answer in the corpus. The closest passages are below; they may not answer the question.',
    );
  }
  if (a.conflict) {
    lines.push('', 'Sources disagree:');
    for (const side of a.conflict) {
      const who = side.sources.map((s) => `${outletLabel(s)} (${formatDate(s)})`).join(', ');
      lines.push(`  • ${side.value}: ${who}`);
    }
  }
  a.citations.forEach((c, i) => {
    // Passages are printed as they stand; a passage that opens with a quotation keeps its own marks.
    lines.push('', `[${i + 1}] ${oneLine(c.quote)}`, `    ${sourceLine(c)}`);
    for (const x of c.alsoIn) lines.push(`    also in: ${sourceLine(x)}`);
  });
  if (a.citations.length === 0) lines.push('', 'No passage in the corpus comes close.');
  return lines.join('\n');
}

/** Renders quotation results for a person. */
export function formatQuotes(r: QuoteResult): string {
  if (r.error) return `Quote lookup "${oneLine(r.query)}": ${r.error}`;
  if (r.quotes.length === 0) return `No quotation in the corpus matches "${oneLine(r.query)}".`;
  const lines: string[] = [];
  r.quotes.forEach((q, i) => {
    const speaker = q.speaker ?? 'Unattributed (the article names no speaker)';
    lines.push(`[${i + 1}] “${oneLine(q.text)}”`, `    ${speaker} · ${sourceLine(q)}`);
    lines.push(`    cite as: ${citationLine(q)}`);
    for (const x of q.alsoIn) lines.push(`    also in: ${sourceLine(x)}`);
    lines.push('');
  });
  return lines.join('\n').trimEnd();
}

/** Renders the source list. */
export function formatSources(list: ArticleSummary[]): string {
  return list
    .map(
      (s) =>
        `${s.articleId}\n    ${sourceLine(s)}${s.url ? `\n    ${s.url}` : ''}\n    ${s.passages} passages indexed, ${s.furnitureDropped} furniture blocks dropped`,
    )
    .join('\n');
}
