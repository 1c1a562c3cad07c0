/**
 * `npm run eval`: scores the development questions (test/data/eval/dev.json) through the
 * command-line JSON contract, exactly as the scoring described in test/data/eval/README.md.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadCorpus, type Corpus } from '../corpus/load.js';
import { BUNDLED_CORPUS_DIR } from '../engine/index.js';

const DevSet = z.object({
  ask: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['fact', 'conflict', 'abstain']),
      question: z.string(),
      answers: z.array(z.string()).optional(),
      variants: z.array(z.array(z.string())).optional(),
      sources: z.array(z.string()).optional(),
    }),
  ),
  quote: z.array(
    z.object({
      id: z.string(),
      query: z.string(),
      speaker: z.string(),
      text: z.string(),
      sources: z.array(z.string()),
    }),
  ),
});

const root = fileURLToPath(new URL('../..', import.meta.url));
const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();

/** Runs one contract command over all lines at once (stdin batch) and parses its JSON lines. */
function runContract(command: 'ask' | 'quote', lines: string[], corpusDir: string): unknown[] {
  // A set with no quotation entries (such as reports exported by npm run feedback) has nothing to run.
  if (lines.length === 0) return [];
  const tsx = fileURLToPath(new URL('../../node_modules/tsx/dist/cli.mjs', import.meta.url));
  const res = spawnSync(
    process.execPath,
    [tsx, 'src/cli/main.ts', command, '--json', '--corpus', corpusDir],
    { cwd: root, input: `${lines.join('\n')}\n`, encoding: 'utf8' },
  );
  if (res.status !== 0) throw new Error(`${command} --json exited ${res.status}: ${res.stderr}`);
  const out = res.stdout.split('\n').filter((l) => l.length > 0);
  if (out.length !== lines.length)
    throw new Error(`${command} --json printed ${out.length} lines for ${lines.length} inputs`);
  return out.map((l) => JSON.parse(l));
}

type Cited = { articleId: string; outlet?: string; title?: string; quote?: string; text?: string };

/** Where a quoted text stands in its article, and whether that place is body text. */
function verbatim(corpus: Corpus, c: Cited, text: string): { ok: boolean; why?: string } {
  const article = corpus.byId.get(c.articleId);
  if (!article) return { ok: false, why: `unknown article ${c.articleId}` };
  if (!c.outlet || !c.title || !c.articleId) return { ok: false, why: 'missing outlet, title or article id' };
  const fold = (s: string) => s.replace(/\s+/g, ' ');
  const at = fold(article.text).indexOf(fold(text));
  if (at < 0) return { ok: false, why: 'not verbatim in the article' };
  // Map the folded position back by searching the raw text for the first word run.
  const raw = article.text.indexOf(text);
  if (raw >= 0) {
    const furniture = article.blocks.find(
      (b) => b.kind === 'furniture' && raw < b.end && raw + text.length > b.start,
    );
    if (furniture) return { ok: false, why: `from page furniture (${furniture.reason})` };
  }
  return { ok: true };
}

function main(): void {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string', default: BUNDLED_CORPUS_DIR },
      dev: { type: 'string', default: `${root}test/data/eval/dev.json` },
    },
  });
  const dev = DevSet.parse(JSON.parse(readFileSync(values.dev, 'utf8')));
  const corpus = loadCorpus(values.corpus);
  const prefixOf = (id: string) => corpus.byId.get(id)?.meta.collectedAs?.slice(0, 3) ?? '?';

  const asks = runContract(
    'ask',
    dev.ask.map((d) => d.question),
    values.corpus,
  ) as Array<{ status: string; answer: string | null; citations: Array<Cited & { quote: string }> }>;
  const quotes = runContract(
    'quote',
    dev.quote.map((d) => d.query),
    values.corpus,
  ) as Array<{ quotes: Array<Cited & { text: string; speaker: string | null }> }>;

  let factN = 0,
    h1 = 0,
    h3 = 0,
    shortOk = 0,
    conflictN = 0,
    conflictShown = 0,
    abstainN = 0,
    abstained = 0;
  let cited = 0,
    verbatimOk = 0;
  const misses: string[] = [];
  dev.ask.forEach((d, i) => {
    const a = asks[i]!;
    for (const c of a.citations) {
      cited++;
      const v = verbatim(corpus, c, c.quote);
      if (v.ok) verbatimOk++;
      else misses.push(`${d.id} citation not verbatim/clean: ${v.why}: ${c.quote.slice(0, 60)}`);
    }
    if (d.kind === 'abstain') {
      abstainN++;
      if (a.status === 'no_answer') abstained++;
      else misses.push(`${d.id} should abstain: "${d.question}" answered from ${a.citations[0]?.articleId}`);
      return;
    }
    factN++;
    const hit = (c: Cited & { quote: string }) =>
      (d.answers ?? []).some((x) => norm(c.quote).includes(norm(x))) &&
      (d.sources ?? []).includes(prefixOf(c.articleId));
    const first = a.citations[0];
    if (first && hit(first)) h1++;
    else
      misses.push(
        `${d.id} hit@1 missed: "${d.question}" → ${first ? `[${prefixOf(first.articleId)}] ${first.quote.slice(0, 80)}` : 'no citation'}`,
      );
    if (a.citations.slice(0, 3).some(hit)) h3++;
    if (
      a.answer &&
      (d.answers ?? []).some((x) => norm(a.answer!).includes(norm(x)) || norm(x).includes(norm(a.answer!)))
    )
      shortOk++;
    if (d.kind === 'conflict') {
      conflictN++;
      const shown = (d.variants ?? []).every((group) =>
        a.citations.slice(0, 5).some((c) => group.some((x) => norm(c.quote).includes(norm(x)))),
      );
      if (shown) conflictShown++;
      else misses.push(`${d.id} conflict: not every side among the first five citations`);
    }
  });

  let quoteTop = 0,
    speakerOk = 0;
  dev.quote.forEach((d, i) => {
    const first = quotes[i]!.quotes[0];
    for (const q of quotes[i]!.quotes) {
      cited++;
      const v = verbatim(corpus, q, q.text);
      if (v.ok) verbatimOk++;
      else misses.push(`${d.id} quotation not verbatim/clean: ${v.why}`);
    }
    const textOk =
      first !== undefined &&
      norm(first.text).includes(norm(d.text)) &&
      d.sources.includes(prefixOf(first.articleId));
    const spOk = first?.speaker?.toLowerCase().includes(d.speaker.toLowerCase());
    if (textOk) quoteTop++;
    if (textOk && spOk) speakerOk++;
    if (!textOk || !spOk)
      misses.push(
        `${d.id} quote "${d.query}": got ${first ? `"${first.text.slice(0, 50)}" by ${first.speaker}` : 'nothing'}`,
      );
  });

  const pct = (a: number, b: number) => `${a}/${b}${b ? ` (${Math.round((100 * a) / b)}%)` : ''}`;
  process.stdout.write(
    `${[
      `Development set: ${dev.ask.length} questions, ${dev.quote.length} quotation lookups (through ask/quote --json)`,
      `hit@1 (fact + conflict)     ${pct(h1, factN)}`,
      `hit@3 (fact + conflict)     ${pct(h3, factN)}`,
      `short answer correct        ${pct(shortOk, factN)}`,
      `conflicts, both sides shown ${pct(conflictShown, conflictN)}`,
      `abstentions                 ${pct(abstained, abstainN)}`,
      `quotation top-1             ${pct(quoteTop, dev.quote.length)}`,
      `speaker accuracy (top-1)    ${pct(speakerOk, dev.quote.length)}`,
      `verbatim, furniture-free    ${pct(verbatimOk, cited)}`,
      misses.length ? `misses:\n${misses.map((m) => `  - ${m}`).join('\n')}` : 'misses: none',
    ].join('\n')}\n`,
  );
}

main();
