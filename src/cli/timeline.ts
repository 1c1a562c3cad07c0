/**
 * `npm run timeline -- [--json] [--corpus DIR] [TOPIC]`: the dated events the corpus reports,
 * in date order, each with its verbatim sentences, sources and resolved dates.
 */
import { parseArgs } from 'node:util';
import { formatResolved } from '../corpus/dates.js';
import { CorpusError } from '../corpus/load.js';
import { BUNDLED_CORPUS_DIR, loadEngine, sourceLine, type Timeline } from '../engine/index.js';

const USAGE = `usage: npm run timeline -- [--json] [--corpus DIR] [TOPIC]
  TOPIC: only events about it (every word must be in the sentence, spelling slips allowed)`;

function fail(message: string): never {
  process.stderr.write(`timeline: ${message}\n`);
  process.exit(2);
}

/** The timeline for a person reading a terminal. */
export function formatTimeline(t: Timeline): string {
  if (t.error) return `Timeline: ${t.error}`;
  const head = t.topic ? `Timeline: ${t.topic}` : 'Timeline of the corpus';
  if (t.events.length === 0)
    return t.topic
      ? `No dated event in the corpus is about “${t.topic}”.`
      : 'No article in the corpus dates an event.';
  const lines = [`${head} (${t.events.length} event${t.events.length === 1 ? '' : 's'})`];
  for (const e of t.events) {
    lines.push('', formatResolved(e));
    for (const r of e.reports)
      lines.push(
        `  “${r.sentence.replace(/\s+/g, ' ').trim()}”`,
        `    ${sourceLine(r)} · “${r.words}” → ${formatResolved(r)}`,
      );
    if (e.dates.length > 1)
      lines.push(
        `  dates differ: ${e.dates.map((d) => `${formatResolved(d)} (${d.reports.map((i) => e.reports[i]!.outlet ?? 'Outlet not named').join(', ')})`).join(' · ')}`,
      );
  }
  return lines.join('\n');
}

function main(): void {
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        corpus: { type: 'string', default: BUNDLED_CORPUS_DIR },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (err) {
    fail(`${(err as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  let engine;
  try {
    engine = loadEngine(values.corpus);
  } catch (err) {
    if (err instanceof CorpusError) fail(err.message);
    throw err;
  }
  const topic = positionals.join(' ').trim() || null;
  const timeline = engine.timeline(topic);
  process.stdout.write(values.json ? `${JSON.stringify(timeline)}\n` : `${formatTimeline(timeline)}\n`);
  if (timeline.error) process.exitCode = 2;
}

main();
