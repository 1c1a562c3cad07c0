import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * Real news pages about the withdrawal, each kept as collected (`<id>.txt`) beside its hand-made
 * annotation (`<id>.json`). The format is described in test/fixtures/pages/README.md. Furniture
 * rules and speaker attribution are measured against these annotations; they were written by an
 * annotator who did not read the project's rules.
 */
export const PAGE_FIXTURES_DIR = fileURLToPath(new URL('../fixtures/pages', import.meta.url));

/** A 1-based line number, lines being the page text split on `\n`. */
const LineNumber = z.number().int().positive();

/** The shapes of page the split is stratified over (see the README). */
export const PAGE_SHAPES = ['wire', 'captions', 'aggregator', 'original', 'repeated-body'] as const;

/** One direct quotation in the body. */
export const QuotationSchema = z.strictObject({
  /** The quoted words exactly as printed, without the quotation marks around them. */
  text: z.string().min(1),
  /** Who said or wrote it, by the fullest name the page gives (a person or a body). */
  speaker: z.string().min(1),
  /** Whether the speaker is a person or a body (a ministry, an army, a government, a statement's issuers). */
  speakerKind: z.enum(['person', 'body']),
  /** The body line the quotation is printed on. */
  line: LineNumber,
  /** True for a fragment woven into the writer's own sentence (“the “heart” of the operation”). */
  partial: z.boolean(),
  /** Why this attribution, where it is not obvious from the sentence itself. */
  note: z.string().min(1).optional(),
});

/** The annotation of one page. */
export const PageAnnotationSchema = z.strictObject({
  /** `outlet-date-slug`, lower case; equals the file names. */
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens'),
  /** The address the page was collected from; null when the collection gave none. */
  url: z.url().nullable(),
  /** The outlet that published the page (not the wire agency it carries). */
  outlet: z.string().min(1),
  /** YYYY-MM-DD, or YYYY-MM / YYYY when only that is known. */
  published: z
    .string()
    .regex(
      /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/,
      'must be YYYY-MM-DD, YYYY-MM or YYYY',
    ),
  /** True when `published` is inferred (from the text, the address, a sibling copy) rather than printed as the page's date. */
  publishedApprox: z.boolean(),
  /** Where the date comes from. */
  publishedWhy: z.string().min(1),
  language: z.enum(['en', 'fr']),
  /** The headline, as printed where the page prints one, else a description in the page's words. */
  title: z.string().min(1),
  /** `rules`: rules may be written looking at this page; `heldout`: only measured on it. */
  split: z.enum(['rules', 'heldout']),
  /** The page's shape, the stratum the split was drawn from. */
  shape: z.enum(PAGE_SHAPES),
  /** True when the collected text stops mid-page (the collection keeps at most 2,000 characters). */
  truncated: z.boolean(),
  /** Line numbers of body text (article prose, headline, subheadings, pull quotes). */
  body: z.array(LineNumber),
  /** The body lines that are the headline or a subheading. */
  headings: z.array(LineNumber),
  /** Line numbers of page furniture. */
  furniture: z.array(LineNumber),
  /** Why each furniture line is furniture, keyed by its line number. */
  furnitureWhy: z.record(z.string().regex(/^[1-9]\d*$/, 'keys must be line numbers'), z.string().min(1)),
  /** Furniture printed inside a body line (a credit or date stamp run into a sentence). */
  inlineFurniture: z.array(
    z.strictObject({ line: LineNumber, text: z.string().min(1), why: z.string().min(1) }),
  ),
  /** Every direct quotation in the body, once (not again on a line that repeats another). */
  quotations: z.array(QuotationSchema),
  /** Body lines whose every word is printed again on another body line (`of`): index them once. */
  repeatsBody: z.array(z.strictObject({ line: LineNumber, of: LineNumber })),
  /** The same wire story collected from another outlet, when it is in this collection. */
  duplicateOf: z.strictObject({ id: z.string().min(1), why: z.string().min(1) }).nullable(),
  /** Anything uncertain about this page's annotation. */
  notes: z.array(z.string().min(1)),
});

/** The annotation of one page, as validated. */
export type PageAnnotation = z.infer<typeof PageAnnotationSchema>;

/** One page: its annotation and its text as collected. */
export interface PageFixture {
  annotation: PageAnnotation;
  /** The page text as collected, byte for byte. */
  text: string;
  /** `text` split on `\n`; line n is `lines[n - 1]`. */
  lines: string[];
  textPath: string;
  annotationPath: string;
}

/** A fixture that breaks the format; the message names the file and the field. */
export class PageFixtureError extends Error {
  constructor(file: string, field: string, problem: string) {
    super(`${file}: ${field}: ${problem}`);
    this.name = 'PageFixtureError';
  }
}

/**
 * Reads every `<id>.txt`/`<id>.json` pair in `dir`, validates each annotation against the schema
 * and against its text, and returns them sorted by id. Throws a {@link PageFixtureError} naming the
 * file and field of the first problem: a file without its pair, a schema violation, a line number
 * past the end, a non-blank line left unclassified or classified twice, a quotation or inline
 * furniture not printed on its line, a repeat whose words are not on the line it repeats, a
 * `duplicateOf` naming no page.
 */
export function loadPageFixtures(dir: string = PAGE_FIXTURES_DIR): PageFixture[] {
  const names = readdirSync(dir);
  const texts = new Set(names.filter((n) => n.endsWith('.txt')).map((n) => n.slice(0, -4)));
  const jsons = new Set(names.filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -5)));
  for (const id of texts) {
    if (!jsons.has(id))
      throw new PageFixtureError(join(dir, `${id}.txt`), '(file)', `has no annotation ${id}.json`);
  }
  for (const id of jsons) {
    if (!texts.has(id))
      throw new PageFixtureError(join(dir, `${id}.json`), '(file)', `has no page text ${id}.txt`);
  }
  const fixtures = [...jsons].sort().map((id) => loadOne(dir, id));
  const ids = new Set(fixtures.map((f) => f.annotation.id));
  for (const f of fixtures) {
    const dup = f.annotation.duplicateOf;
    if (dup && (!ids.has(dup.id) || dup.id === f.annotation.id)) {
      throw new PageFixtureError(f.annotationPath, 'duplicateOf.id', `"${dup.id}" is not another page here`);
    }
  }
  return fixtures;
}

function loadOne(dir: string, id: string): PageFixture {
  const annotationPath = join(dir, `${id}.json`);
  const textPath = join(dir, `${id}.txt`);
  const text = readFileSync(textPath, 'utf8');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(annotationPath, 'utf8'));
  } catch (error) {
    throw new PageFixtureError(annotationPath, '(file)', `is not JSON: ${(error as Error).message}`);
  }
  const parsed = PageAnnotationSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path
      .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`))
      .join('');
    throw new PageFixtureError(annotationPath, field || '(root)', issue.message);
  }
  const annotation = parsed.data;
  const fail = (field: string, problem: string): never => {
    throw new PageFixtureError(annotationPath, field, problem);
  };
  if (annotation.id !== basename(annotationPath, '.json'))
    fail('id', `"${annotation.id}" differs from the file name`);

  const lines = text.split('\n');
  const exists = (field: string, n: number) => {
    if (n > lines.length) fail(field, `line ${n} is past the end of the page (${lines.length} lines)`);
  };
  const seen = new Map<number, string>();
  for (const key of ['body', 'furniture'] as const) {
    annotation[key].forEach((n, i) => {
      const field = `${key}[${i}]`;
      exists(field, n);
      if (lines[n - 1]!.trim() === '') fail(field, `line ${n} is blank; blank lines are not classified`);
      const other = seen.get(n);
      if (other) fail(field, `line ${n} is already listed in ${other}`);
      seen.set(n, field);
    });
  }
  lines.forEach((line, i) => {
    if (line.trim() !== '' && !seen.has(i + 1)) fail('body', `line ${i + 1} is neither body nor furniture`);
  });
  const body = new Set(annotation.body);
  const furniture = new Set(annotation.furniture);
  annotation.headings.forEach((n, i) => {
    if (!body.has(n)) fail(`headings[${i}]`, `line ${n} is not a body line`);
  });
  for (const n of annotation.furniture) {
    if (!annotation.furnitureWhy[String(n)]) fail(`furnitureWhy.${n}`, `furniture line ${n} has no reason`);
  }
  for (const key of Object.keys(annotation.furnitureWhy)) {
    if (!furniture.has(Number(key))) fail(`furnitureWhy.${key}`, `line ${key} is not a furniture line`);
  }
  annotation.inlineFurniture.forEach(({ line, text: fragment }, i) => {
    if (!body.has(line)) fail(`inlineFurniture[${i}].line`, `line ${line} is not a body line`);
    if (!lines[line - 1]!.includes(fragment))
      fail(`inlineFurniture[${i}].text`, `"${fragment}" is not on line ${line}`);
  });
  const repeats = new Set<number>();
  annotation.repeatsBody.forEach(({ line, of }, i) => {
    for (const [field, n] of [
      ['line', line],
      ['of', of],
    ] as const) {
      if (!body.has(n)) fail(`repeatsBody[${i}].${field}`, `line ${n} is not a body line`);
    }
    if (line === of) fail(`repeatsBody[${i}].of`, 'a line cannot repeat itself');
    if (!lines[of - 1]!.includes(lines[line - 1]!.trim())) {
      fail(`repeatsBody[${i}].of`, `line ${line}'s text is not printed on line ${of}`);
    }
    repeats.add(line);
  });
  annotation.quotations.forEach(({ text: quoted, line }, i) => {
    if (!body.has(line)) fail(`quotations[${i}].line`, `line ${line} is not a body line`);
    if (repeats.has(line))
      fail(`quotations[${i}].line`, `line ${line} repeats another line; list the quotation there`);
    if (!lines[line - 1]!.includes(quoted))
      fail(`quotations[${i}].text`, `"${quoted}" is not printed on line ${line}`);
  });
  return { annotation, text, lines, textPath, annotationPath };
}
