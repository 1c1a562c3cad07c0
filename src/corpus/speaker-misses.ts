/**
 * Sorts the quotations whose speaker was missed into kinds of error, so a split's figures say what
 * kind of mistake remains without anyone reading the pages (held-out pages are measured only):
 * what went wrong, where the annotated speaker is printed relative to the quotation, and the
 * page's language. Counts only; no text of a page leaves this module.
 */
import { comparable } from '../text/normalize.js';

/** What went wrong with one annotated quotation. */
export type MissKind =
  | 'not found'
  | 'short, not found'
  | 'no speaker'
  | 'body vs person'
  | 'name form'
  | 'wrong speaker';

/** Where the annotated speaker's name is printed, relative to the quotation. */
export type MissWhere =
  | 'same sentence'
  | 'next or previous sentence'
  | 'same paragraph'
  | 'elsewhere on the page'
  | 'not printed as annotated';

/** One missed quotation, classified. */
export interface SpeakerMiss {
  kind: MissKind;
  where: MissWhere;
  language: string;
}

/** Nouns that name a body rather than a person, in either language. */
const BODY_WORD =
  /(?<![\p{L}])(?:ministry|ministere|army|armee|armees|military|government|gouvernement|presidency|presidence|elysee|junta|junte|forces?|mission|council|conseil|union|commission|office|staff|etat-major|state|authorities|autorites|statement|communique|allies|partners|partenaires|countries|pays|group|groupe|coalition|embassy|ambassade|agency|agence|command|commandement|department|parties|task force)(?![\p{L}])/u;

/** Words that say nothing about who spoke: articles, prepositions, titles of courtesy. */
const LIGHT = new Set(
  'the a an of for and de du des la le les l d et en au aux mr mrs ms m mme sa son ses its his her'.split(
    ' ',
  ),
);

function contentWords(name: string): string[] {
  return comparable(name)
    .replace(/['\u2019]s(?![\p{L}])/gu, '')
    .split(/[^\p{L}\p{N}-]+/u)
    .filter((w) => w.length > 1 && !LIGHT.has(w));
}

/** Sentence spans of a line, cut after . ! ? and a space (rough, for counting only). */
function sentencesOf(line: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let start = 0;
  for (const m of line.matchAll(/[.!?…]["\u201D\u00BB\u2019]?\s+(?=[\p{Lu}"\u201C\u00AB\u2018])/gu)) {
    const end = m.index! + m[0].length;
    out.push({ start, end });
    start = end;
  }
  out.push({ start, end: line.length });
  return out;
}

/**
 * Classifies one quotation whose speaker was missed. `lines` is the page split on "\n";
 * `quoteAt` the offset of the quoted words in their line (−1 when the quotation was not found
 * there); `found` the speaker given, or null.
 */
export function classifyMiss(
  lines: readonly string[],
  quotation: { line: number; text: string; speaker: string; speakerKind?: string },
  quoteAt: number,
  found: string | null,
  notFound: boolean,
  language: string,
): SpeakerMiss {
  const annotated = contentWords(quotation.speaker);
  let kind: MissKind;
  // One or two quoted words are what the engine sets aside as scare quotes when nothing in
  // their sentence attributes them: counted apart, since a rule on attribution cannot reach them.
  if (notFound) kind = quotation.text.trim().split(/\s+/u).length <= 2 ? 'short, not found' : 'not found';
  else if (found === null) kind = 'no speaker';
  else {
    const given = contentWords(found);
    const foundKind = BODY_WORD.test(comparable(found)) ? 'body' : 'person';
    const annotatedKind =
      quotation.speakerKind ?? (BODY_WORD.test(comparable(quotation.speaker)) ? 'body' : 'person');
    if (foundKind !== annotatedKind) kind = 'body vs person';
    else if (given.some((w) => annotated.includes(w))) kind = 'name form';
    else kind = 'wrong speaker';
  }
  // Where the speaker is printed: the whole name as annotated first, else its last content word.
  const whole = comparable(quotation.speaker).replace(/^(?:(?:the|a|an|les|le|la)\s+|l['\u2019])/u, '');
  const lastWord = annotated[annotated.length - 1] ?? '';
  const has = (s: string) => whole.length > 0 && s.includes(whole);
  const hasWord = (s: string) =>
    lastWord !== '' &&
    new RegExp(`(?<![\\p{L}])${lastWord.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u').test(s);
  const line = lines[quotation.line - 1] ?? '';
  const folded = comparable(line);
  const at = quoteAt >= 0 ? quoteAt : Math.max(0, line.indexOf(quotation.text));
  const sentences = sentencesOf(line);
  const i = Math.max(
    0,
    sentences.findIndex((s) => at >= s.start && at < s.end),
  );
  const piece = (a: number, b: number) =>
    comparable(
      line.slice(sentences[Math.max(0, a)]!.start, sentences[Math.min(sentences.length - 1, b)]!.end),
    );
  const page = comparable(lines.join('\n'));
  const printed = page.includes(whole);
  const test = printed ? has : hasWord;
  let where: MissWhere;
  if (!printed && !hasWord(page)) where = 'not printed as annotated';
  else if (test(piece(i, i))) where = 'same sentence';
  else if (test(piece(i - 1, i + 1))) where = 'next or previous sentence';
  else if (test(folded)) where = 'same paragraph';
  else where = 'elsewhere on the page';
  return { kind, where, language };
}

/** "no speaker 3 · name form 2": counts of each value, most first. */
export function tally(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([v, n]) => `${v} ${n}`)
    .join(' · ');
}
