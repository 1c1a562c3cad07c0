/**
 * Command line over the engine: `ask`, `quote` and `sources`, for people (default) and for
 * scripts (`--json`, one JSON object per input line; see test/data/eval/README.md).
 */
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  loadEngine,
  BUNDLED_CORPUS_DIR,
  FilterError,
  parseFilter,
  type AskFilter,
  type Engine,
} from '../engine/index.js';
import { CorpusError } from '../corpus/load.js';
import { useModelFile } from '../engine/model.js';
import { DataFileError } from '../text/datafile.js';
import { askLine, quoteLine } from './contract.js';
import { formatAnswer, formatQuotes, formatSources } from './format.js';

const USAGE = `usage:
  npm run ask -- [--json] [--limit N] [--outlet NAME] [--from DATE] [--to DATE] ["QUESTION"]
                                                       (no question: one per line on stdin;
                                                        DATE: 2022, 2022-08 or 2022-08-15)
  npm run quote -- [--json] [--speaker NAME] ["TEXT OR SPEAKER"]
  npm run sources -- [--json]
options: --corpus DIR (default: the bundled corpus)
         --model FILE (a model file to rank by instead of data/rank-model.json, e.g. a retrain's)`;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

async function* stdinLines(): AsyncGenerator<string> {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) yield line;
}

/** Runs one command line (`argv` without node and the script: `['ask', '--json', …]`), writing to stdout. */
export async function main(argv: readonly string[]): Promise<void> {
  const [command, ...rest] = argv;
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        limit: { type: 'string' },
        speaker: { type: 'string' },
        outlet: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        corpus: { type: 'string', default: BUNDLED_CORPUS_DIR },
        model: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (err) {
    fail(`${command ?? 'cli'}: ${(err as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help || !command || !['ask', 'quote', 'sources'].includes(command)) {
    if (values.help) {
      process.stdout.write(`${USAGE}\n`);
      return;
    }
    fail(`unknown command "${command ?? ''}"\n${USAGE}`);
  }
  let limit: number | undefined;
  if (values.limit !== undefined) {
    limit = Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 10)
      fail(`${command}: --limit "${values.limit}" must be a whole number from 1 to 10`);
  }

  let filter: AskFilter | null = null;
  if (values.outlet !== undefined || values.from !== undefined || values.to !== undefined) {
    if (command !== 'ask') fail(`${command}: --outlet, --from and --to apply to ask only\n${USAGE}`);
    try {
      filter = parseFilter({ outlet: values.outlet, from: values.from, to: values.to });
    } catch (err) {
      if (err instanceof FilterError) fail(`ask: --${err.message}`);
      throw err;
    }
  }

  if (values.model !== undefined) {
    try {
      useModelFile(values.model);
    } catch (err) {
      if (err instanceof DataFileError) fail(`${command}: --model: ${err.message}`);
      throw err;
    }
  }

  let engine: Engine;
  try {
    engine = loadEngine(values.corpus);
  } catch (err) {
    if (err instanceof CorpusError) fail(err.message);
    throw err;
  }

  if (command === 'sources') {
    const list = engine.sources();
    process.stdout.write(values.json ? `${JSON.stringify(list)}\n` : `${formatSources(list)}\n`);
    return;
  }

  const answerOne = (line: string): string => {
    if (command === 'ask') {
      return values.json
        ? JSON.stringify(askLine(engine, line, limit, filter))
        : formatAnswer(engine.ask(line, limit, filter));
    }
    // Only the form that is printed is computed: each query is looked up once.
    return values.json
      ? JSON.stringify(quoteLine(engine, line, values.speaker))
      : formatQuotes(engine.quote(line, { speaker: values.speaker ?? null }));
  };

  if (positionals.length > 0) {
    process.stdout.write(`${answerOne(positionals.join(' '))}\n`);
    return;
  }
  if (process.stdin.isTTY)
    fail(`${command}: give the query as an argument, or pipe one query per line\n${USAGE}`);
  let first = true;
  for await (const line of stdinLines()) {
    process.stdout.write(`${values.json || first ? '' : '\n'}${answerOne(line)}\n`);
    first = false;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    process.stderr.write(`internal error: ${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  });
}
