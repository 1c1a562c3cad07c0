/**
 * A bad corpus must stop both `npm run corpus:check` (exit 1, naming the file and the field) and
 * the engine (loadEngine throws a CorpusError and returns nothing): the bot must never start on a
 * half-loaded corpus. Each case breaks one thing in a temporary copy of corpus/.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CorpusError } from '../../src/corpus/load.js';
import { loadEngine } from '../../src/engine/index.js';
import { FIXTURE_CORPUS_DIR } from '../support/corpus.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CORPUS = FIXTURE_CORPUS_DIR;
const ID = 'phnom-penh-post-2022-02-15-mali-withdrawal-announcement-nears';
const OTHER = 'dw-2022-02-17-france-announces-military-withdrawal-from-mali';

const temps: string[] = [];
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

/** A fresh copy of the bundled corpus, broken by `breakIt`. */
function brokenCorpus(breakIt: (articles: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'bad-corpus-'));
  temps.push(dir);
  cpSync(CORPUS, dir, { recursive: true });
  breakIt(join(dir, 'articles'));
  return dir;
}

function editMeta(articles: string, id: string, edit: (meta: Record<string, unknown>) => void): void {
  const file = join(articles, `${id}.json`);
  const meta = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  edit(meta);
  writeFileSync(file, `${JSON.stringify(meta, null, 2)}\n`);
}

/** Replaces an article's text bytes and re-seals its sha256 so only the intended fault remains. */
function replaceText(
  articles: string,
  id: string,
  bytes: Buffer,
  editMore: (meta: Record<string, unknown>) => void = () => {},
): void {
  writeFileSync(join(articles, `${id}.txt`), bytes);
  editMeta(articles, id, (meta) => {
    meta.sha256 = createHash('sha256').update(bytes).digest('hex');
    editMore(meta);
  });
}

function corpusCheck(dir: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(
    process.execPath,
    ['node_modules/tsx/dist/cli.mjs', 'src/cli/corpus-check.ts', '--corpus', dir],
    { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
  );
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function loadError(dir: string): unknown {
  let engine: unknown;
  try {
    engine = loadEngine(dir);
  } catch (err) {
    return err;
  }
  throw new Error(
    `loadEngine returned an engine over a bad corpus (${(engine as { corpus: { articles: unknown[] } }).corpus.articles.length} articles)`,
  );
}

interface BadCase {
  name: string;
  breakIt: (articles: string) => void;
  /** File name the message must name. */
  file: string;
  /** Field the message must name, where one is at fault. */
  field: string | null;
  /** Words the message must hold. */
  says: RegExp;
}

const CASES: BadCase[] = [
  {
    name: 'an article whose text file is missing (.json without .txt)',
    breakIt: (a) => unlinkSync(join(a, `${ID}.txt`)),
    file: `${ID}.json`,
    field: null,
    says: new RegExp(`${ID}\\.txt is missing`),
  },
  {
    name: 'a duplicate id (an article copied under another file name)',
    breakIt: (a) => {
      cpSync(join(a, `${ID}.json`), join(a, 'zz-copy.json'));
      cpSync(join(a, `${ID}.txt`), join(a, 'zz-copy.txt'));
    },
    file: 'zz-copy.json',
    field: 'id',
    says: new RegExp(`duplicate id "${ID}"`),
  },
  {
    name: 'a metadata field of the wrong type (published as a number)',
    breakIt: (a) => editMeta(a, ID, (m) => (m.published = 20220215)),
    file: `${ID}.json`,
    field: 'published',
    says: /string|expected/i,
  },
  {
    name: 'a metadata field of the wrong type (outlet as an array)',
    breakIt: (a) => editMeta(a, OTHER, (m) => (m.outlet = ['DW'])),
    file: `${OTHER}.json`,
    field: 'outlet',
    says: /string|expected/i,
  },
  {
    name: 'an unknown metadata field (a misspelt key)',
    breakIt: (a) => editMeta(a, ID, (m) => (m.publised = '2022-02-15')),
    file: `${ID}.json`,
    field: null,
    says: /publised/,
  },
  {
    name: 'an invalid calendar date',
    breakIt: (a) => editMeta(a, ID, (m) => (m.published = '2022-02-30')),
    file: `${ID}.json`,
    field: 'published',
    says: /not a real calendar date/,
  },
  {
    name: 'a date that is not ISO',
    breakIt: (a) => editMeta(a, ID, (m) => (m.published = '15/02/2022')),
    file: `${ID}.json`,
    field: 'published',
    says: /ISO date/,
  },
  {
    name: 'metadata that is not valid JSON',
    breakIt: (a) => writeFileSync(join(a, `${ID}.json`), '{ "id": "oops", '),
    file: `${ID}.json`,
    field: null,
    says: /not valid JSON/,
  },
  {
    name: 'a text file that is not UTF-8 (Latin-1 bytes)',
    breakIt: (a) =>
      replaceText(
        a,
        ID,
        Buffer.concat([
          readFileSync(join(a, `${ID}.txt`)),
          Buffer.from('\nLe retrait fran\xe7ais du Mali.\n', 'latin1'),
        ]),
      ),
    file: `${ID}.txt`,
    field: null,
    says: /not valid UTF-8/,
  },
  {
    name: 'an edited text file (its bytes no longer match sha256)',
    breakIt: (a) =>
      writeFileSync(join(a, `${ID}.txt`), `${readFileSync(join(a, `${ID}.txt`), 'utf8')}\nOne more line.\n`),
    file: `${ID}.json`,
    field: 'sha256',
    says: /does not match/,
  },
  {
    name: 'an empty article (a zero-byte text file)',
    breakIt: (a) =>
      replaceText(a, ID, Buffer.alloc(0), (m) => {
        m.inferred = {
          outlet: 'Known from where it was collected.',
          title: 'Known from where it was collected.',
          published: 'Known from where it was collected.',
        };
      }),
    file: `${ID}.txt`,
    field: null,
    says: /is empty/,
  },
  {
    name: 'an article of white space only',
    breakIt: (a) =>
      replaceText(a, ID, Buffer.from(' \n\n\t\n'), (m) => {
        m.inferred = {
          outlet: 'Known from where it was collected.',
          title: 'Known from where it was collected.',
          published: 'Known from where it was collected.',
        };
      }),
    file: `${ID}.txt`,
    field: null,
    says: /is empty/,
  },
  {
    name: 'a corpus with no articles at all',
    breakIt: (a) => {
      rmSync(a, { recursive: true });
      cpSync(join(CORPUS, 'articles'), a, { recursive: true, filter: (src) => !/\.(json|txt)$/.test(src) });
    },
    file: 'articles',
    field: null,
    says: /holds no articles/,
  },
];

describe('a bad corpus is refused whole', () => {
  it('accepts the bundled corpus as it stands', () => {
    const r = corpusCheck(CORPUS);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/corpus OK: \d+ articles/);
  });

  describe.each(CASES)('with $name', ({ breakIt, file, field, says }) => {
    const dir = brokenCorpus(breakIt);

    it('makes corpus:check exit 1 with a message naming the file and field', () => {
      const r = corpusCheck(dir);
      expect(r.status, `stdout: ${r.stdout}\nstderr: ${r.stderr}`).toBe(1);
      expect(r.stderr).toMatch(/^corpus:check failed: corpus: /);
      expect(r.stderr).toContain(file);
      if (field) expect(r.stderr).toContain(`field "${field}"`);
      expect(r.stderr).toMatch(says);
      expect(r.stdout).not.toMatch(/corpus OK/);
    });

    it('makes loadEngine throw a CorpusError instead of returning a partial engine', () => {
      const err = loadError(dir);
      expect(err).toBeInstanceOf(CorpusError);
      const ce = err as CorpusError;
      expect(ce.file).toContain(file);
      if (field) expect(ce.field).toBe(field);
      expect(ce.message).toMatch(says);
    });
  });
});
