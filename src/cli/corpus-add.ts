/**
 * `npm run corpus:add -- FILE [flags]`: adds one article (a .txt kept byte for byte, or a saved
 * .html/.htm page) to the corpus, with metadata whose every unstated value says where it came
 * from. Prints what was added; on any problem prints one line
 * `corpus:add: <file>: <what is wrong>` and exits 1, leaving the corpus untouched.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { addArticle, type AddReport, type ReportedField } from '../corpus/ingest.js';
import { IngestError, type Overrides } from '../corpus/metadata.js';
import { QuotationIndex } from '../engine/quotes.js';
import { articleListing, quotationsOf } from './listing.js';

const DEFAULT_CORPUS_DIR = fileURLToPath(new URL('../../corpus', import.meta.url));

const OPTIONS = {
  id: { type: 'string' },
  outlet: { type: 'string' },
  title: { type: 'string' },
  published: { type: 'string' },
  url: { type: 'string' },
  language: { type: 'string' },
  corpus: { type: 'string' },
  approximate: { type: 'boolean' },
  'same-story': { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const USAGE = `usage: npm run corpus:add -- FILE [--id ID] [--outlet NAME] [--title TEXT] [--published YYYY-MM-DD]
                              [--approximate] [--url URL] [--language en] [--same-story] [--dry-run] [--corpus DIR]
  FILE        a .txt file (stored byte for byte) or a saved .html/.htm page (article text extracted)
  --id        id for the article (default: outlet-date-first-words-of-title)
  --outlet, --title, --published, --url, --language
              values that win over what the page says; recorded as supplied by hand.
              --published also takes YYYY-MM or YYYY when only the month or year is known
              (shown as approximate, "c. Aug 2022"); without --language the language is detected
  --approximate  the publication date is an estimate (shown with "c.")
  --same-story   the same story (wire copy) as an article already in the corpus, from another
              outlet: added and shown with its twin in answers instead of refused as a duplicate
  --dry-run   check and report, write nothing
  --corpus    corpus directory (default: the bundled corpus)`;

/** Best guess at the input file when the flags themselves could not be parsed, for the error line. */
function guessFile(args: readonly string[]): string {
  const takesValue = new Set(
    Object.entries(OPTIONS)
      .filter(([, o]) => o.type === 'string')
      .map(([k]) => `--${k}`),
  );
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (takesValue.has(a)) i++;
    else if (!a.startsWith('-')) return a;
  }
  return '(no file)';
}

/** Turns node:util's parse errors into a sentence naming the flag. */
function flagProblem(err: unknown): string {
  const e = err as Error & { code?: string };
  const name = /'(-{1,2}[^'\s]+)/.exec(e.message)?.[1];
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown flag ${name ?? e.message}; known flags: ${Object.keys(OPTIONS)
        .map((k) => `--${k}`)
        .join(' ')}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      // "argument missing" at the end, "argument is ambiguous" when the next word is another flag.
      return /argument (?:missing|is ambiguous)/.test(e.message)
        ? `${name ?? 'a flag'} needs a value`
        : `${name ?? 'a flag'} takes no value`;
    default:
      return e.message;
  }
}

function fieldLine(label: string, f: ReportedField, empty: string): string {
  const value = f.value ?? empty;
  return f.inferred === null
    ? `  ${label.padEnd(10)} ${value}  (stated in the text)`
    : `  ${label.padEnd(10)} ${value}  (not in the text: ${f.inferred})`;
}

/** The report as a person reads it. */
function formatReport(r: AddReport): string {
  const quotes = quotationsOf(r.article, new QuotationIndex(r.corpus).all());
  const lines = [
    r.dryRun ? `Dry run: would add ${r.id} (nothing written)` : `Added ${r.id}`,
    `  text       ${r.textFile}`,
    `  metadata   ${r.metaFile}`,
    fieldLine('outlet', r.outlet, '(unknown)'),
    fieldLine('title', r.title, '(none)'),
    fieldLine('published', r.published, '(unknown)'),
    fieldLine('url', r.url, '(unknown)'),
    `  language   ${r.language.value}  (${r.language.from})`,
    ...(r.meta.sameStoryAs?.length
      ? [`  same story as ${r.meta.sameStoryAs.join(', ')} (shown together in answers)`]
      : []),
    ...articleListing(r.article, quotes),
    ...(r.sharesSentencesWith
      ? [
          `  note: ${r.sharesSentencesWith.shared} of its ${r.sharesSentencesWith.total} sentences are also in "${r.sharesSentencesWith.id}" (${r.sharesSentencesWith.file}); if it is the same story from another outlet, add it with --same-story to record the twin`,
        ]
      : []),
    ...r.leftovers.map((l) => `  warning: ${l}`),
  ];
  return `${lines.join('\n')}\n`;
}

function main(argv: readonly string[]): number {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    process.stderr.write(`corpus:add: ${guessFile(argv)}: ${flagProblem(err)}\n`);
    return 1;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1) {
    const what =
      positionals.length === 0
        ? 'no input file given (see --help)'
        : `give exactly one input file, not ${positionals.length} (${positionals.join(', ')})`;
    process.stderr.write(`corpus:add: ${positionals[0] ?? '(no file)'}: ${what}\n`);
    return 1;
  }
  const file = positionals[0]!;
  const overrides: Overrides = {};
  for (const key of ['id', 'outlet', 'title', 'published', 'url', 'language'] as const) {
    if (values[key] !== undefined) overrides[key] = values[key];
  }
  try {
    const report = addArticle(values.corpus ?? DEFAULT_CORPUS_DIR, file, overrides, {
      dryRun: values['dry-run'] === true,
      approximate: values.approximate === true,
      sameStory: values['same-story'] === true,
    });
    process.stdout.write(formatReport(report));
    return 0;
  } catch (err) {
    const message =
      err instanceof IngestError
        ? err.message
        : `unexpected error: ${err instanceof Error ? err.message : String(err)}`;
    process.stderr.write(`corpus:add: ${file}: ${message}\n`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
