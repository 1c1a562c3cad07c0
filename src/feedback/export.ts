/**
 * Reports as people read them (`npm run feedback`) and as evaluation questions
 * (`npm run feedback -- --export FILE`, in the format of test/data/eval/README.md).
 */
import { PROBLEM_LABELS, type Report } from './store.js';

/** One question of the evaluation format, as exported: `kind`, `answers` and `sources` are for an editor to fill in. */
export interface ExportedQuestion {
  id: string;
  /** Empty: the editor sets `fact`, `conflict` or `abstain`. */
  kind: '';
  question: string;
  /** Empty: the editor lists what a correct citation must contain. */
  answers: string[];
  /** Empty: the editor lists the seed prefixes of the articles that answer it. */
  sources: string[];
  /** What the newsroom reported, for the editor; ignored by `npm run eval`. */
  reported: {
    reports: number[];
    problems: string[];
    details: string[];
    status: Report['status'];
    shortAnswer: string | null;
    citedPassages: string[];
    corpusVersion: string;
    filter: Report['filter'];
    newest: string;
  };
}

/** The exported file: the evaluation set's shape, with the reported questions under `ask`. */
export interface ExportedSet {
  about: string;
  ask: ExportedQuestion[];
  quote: never[];
}

/**
 * Turns reports (newest first) into evaluation questions, one per distinct question and filter:
 * reports of the same question are merged, newest first, so the editor sees them together.
 */
export function exportAsEval(reports: readonly Report[]): ExportedSet {
  const byQuestion = new Map<string, ExportedQuestion>();
  for (const r of reports) {
    const key = JSON.stringify([r.question.trim().replace(/\s+/g, ' ').toLowerCase(), r.filter]);
    const seen = byQuestion.get(key);
    if (seen) {
      seen.reported.reports.push(r.id);
      seen.reported.problems.push(r.problem);
      if (r.details) seen.reported.details.push(r.details);
      continue;
    }
    byQuestion.set(key, {
      id: `report-${r.id}`,
      kind: '',
      question: r.question,
      answers: [],
      sources: [],
      reported: {
        reports: [r.id],
        problems: [r.problem],
        details: r.details ? [r.details] : [],
        status: r.status,
        shortAnswer: r.shortAnswer,
        citedPassages: r.citedPassages,
        corpusVersion: r.corpusVersion,
        filter: r.filter,
        newest: r.createdAt,
      },
    });
  }
  return {
    about:
      'Questions the newsroom reported a problem with (npm run feedback -- --export). For each, set "kind" (fact, conflict or abstain), "answers" and "sources" as test/data/eval/README.md describes, then score with npm run eval -- --dev THIS_FILE. "reported" is what was shown and said; npm run eval ignores it.',
    ask: [...byQuestion.values()],
    quote: [],
  };
}

/** "2026-12-01 09:58 UTC" */
function when(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** Reports for a person reading a terminal, newest first as given. */
export function formatReports(
  reports: readonly Report[],
  describe: (filter: NonNullable<Report['filter']>) => string,
): string {
  return reports
    .map((r) => {
      const lines = [
        `#${r.id}  ${when(r.createdAt)}  ${PROBLEM_LABELS[r.problem]}  reported by ${r.userId}${r.askedBy && r.askedBy !== r.userId ? ` (asked by ${r.askedBy})` : ''}`,
        `    Q: ${r.question.replace(/\s+/g, ' ').trim()}${r.mode === 'claim' ? '  (a message checked with Find in sources)' : ''}`,
      ];
      if (r.filter) lines.push(`    within ${describe(r.filter)}`);
      const shown =
        r.status === 'answered'
          ? `answered${r.shortAnswer ? `: ${r.shortAnswer}` : ''}`
          : 'no confident answer';
      lines.push(
        `    shown: ${shown} · ${r.citedPassages.length} passage${r.citedPassages.length === 1 ? '' : 's'} cited · corpus ${r.corpusVersion}`,
      );
      if (r.citedPassages[0]) lines.push(`    first passage: ${r.citedPassages[0]}`);
      if (r.details) lines.push(`    “${r.details.replace(/\s+/g, ' ').trim()}”`);
      return lines.join('\n');
    })
    .join('\n\n');
}
