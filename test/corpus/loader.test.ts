import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CorpusError, loadCorpus } from '../../src/corpus/load.js';
import { FIXTURE_CORPUS_DIR } from '../support/corpus.js';

const CORPUS = FIXTURE_CORPUS_DIR;
const DW = 'dw-2022-02-17-france-announces-military-withdrawal-from-mali';
const AJ = 'al-jazeera-2022-08-15-last-french-troops-leave-mali';

const cleanup: Array<() => void> = [];
afterEach(() => {
  for (const fn of cleanup.splice(0)) fn();
});

/** A writable copy of the bundled corpus. */
function tempCorpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'loader-corpus-'));
  cpSync(CORPUS, dir, { recursive: true });
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const art = (dir: string, name: string) => join(dir, 'articles', name);
const sha = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

function readMeta(dir: string, id: string): Record<string, unknown> {
  return JSON.parse(readFileSync(art(dir, `${id}.json`), 'utf8')) as Record<string, unknown>;
}
function writeMeta(dir: string, id: string, meta: unknown, name = `${id}.json`): void {
  writeFileSync(art(dir, name), JSON.stringify(meta, null, 2));
}

/** Loads the corpus and returns the CorpusError it throws (failing if it throws nothing else). */
function loadError(dir: string): CorpusError {
  try {
    loadCorpus(dir);
  } catch (err) {
    expect(err).toBeInstanceOf(CorpusError);
    return err as CorpusError;
  }
  throw new Error('loadCorpus accepted a broken corpus');
}

describe('the bundled corpus', () => {
  it('loads all five articles in file-name order', () => {
    const corpus = loadCorpus(CORPUS);
    expect(corpus.articles.map((a) => a.meta.id)).toEqual([
      AJ,
      'brussels-morning-2022-02-17-macron-announces-mali-withdrawal',
      DW,
      'phnom-penh-post-2022-02-15-mali-withdrawal-announcement-nears',
      'unnamed-outlet-2022-02-17-france-allies-withdraw-mali',
    ]);
    expect(corpus.byId.size).toBe(5);
  });

  it('gives every passage text that is exactly the slice of its article at its offsets', () => {
    const corpus = loadCorpus(CORPUS);
    const mismatched = corpus.passages.filter(
      (p) => corpus.byId.get(p.articleId)!.text.slice(p.start, p.end) !== p.text,
    );
    expect(mismatched).toEqual([]);
    expect(corpus.passages.map((p) => p.id)).toEqual(corpus.passages.map((_, i) => i));
  });
});

describe('a malformed corpus is refused with a message naming the file and the field', () => {
  it('reports a metadata file that is not valid JSON', () => {
    const dir = tempCorpus();
    writeFileSync(art(dir, `${DW}.json`), '{"id": "oops",');
    const err = loadError(dir);
    expect(err.file).toContain(`${DW}.json`);
    expect(err.message).toContain(`${DW}.json: is not valid JSON`);
  });

  it('reports an outlet given as a number', () => {
    const dir = tempCorpus();
    writeMeta(dir, DW, { ...readMeta(dir, DW), outlet: 5 });
    const err = loadError(dir);
    expect(err.message).toContain(`${DW}.json: field "outlet"`);
    expect(err.field).toBe('outlet');
  });

  it('reports 30 February as not a real calendar date', () => {
    const dir = tempCorpus();
    writeMeta(dir, DW, { ...readMeta(dir, DW), published: '2022-02-30' });
    const err = loadError(dir);
    expect(err.message).toContain(`${DW}.json: field "published": is not a real calendar date`);
  });

  it('reports an id that is not lower-case words joined by hyphens', () => {
    const dir = tempCorpus();
    writeMeta(dir, DW, { ...readMeta(dir, DW), id: 'DW_Mali' });
    const err = loadError(dir);
    expect(err.message).toContain(`${DW}.json: field "id": must be lower-case words joined by hyphens`);
  });

  it('reports a misspelt key by name', () => {
    const dir = tempCorpus();
    writeMeta(dir, DW, { ...readMeta(dir, DW), autor: 'Someone' });
    const err = loadError(dir);
    expect(err.message).toContain(`${DW}.json`);
    expect(err.message).toContain('Unrecognized key: "autor"');
  });

  it('reports text edited by one byte as a sha256 mismatch that must not happen', () => {
    const dir = tempCorpus();
    const bytes = readFileSync(art(dir, `${DW}.txt`));
    bytes[bytes.indexOf('Mali')] = 'm'.charCodeAt(0);
    writeFileSync(art(dir, `${DW}.txt`), bytes);
    const err = loadError(dir);
    expect(err.message).toContain(`${DW}.json: field "sha256": does not match`);
    expect(err.message).toContain(`${DW}.txt`);
    expect(err.message).toContain('article text must not be edited once added');
  });

  it('reports a metadata file whose text file is missing', () => {
    const dir = tempCorpus();
    unlinkSync(art(dir, `${DW}.txt`));
    const err = loadError(dir);
    expect(err.message).toContain(`${DW}.json: its article text`);
    expect(err.message).toContain(`${DW}.txt is missing`);
  });

  it('leaves out a text file without a metadata file beside it, naming it, and loads the rest', () => {
    const dir = tempCorpus();
    unlinkSync(art(dir, `${DW}.json`));
    const corpus = loadCorpus(dir);
    expect(corpus.articles).toHaveLength(4);
    expect(corpus.byId.has(DW)).toBe(false);
    expect(corpus.leftovers).toEqual([
      `${relative(process.cwd(), art(dir, `${DW}.txt`))}: left out, it has no metadata file ${DW}.json beside it (an interrupted corpus:add leaves this; add the article again or delete the file)`,
    ]);
  });

  it('reports text that is not UTF-8, naming the text file', () => {
    const dir = tempCorpus();
    const bytes = Buffer.from([0xff, 0xfe, 0x41]);
    writeFileSync(art(dir, `${DW}.txt`), bytes);
    writeMeta(dir, DW, { ...readMeta(dir, DW), sha256: sha(bytes) });
    const err = loadError(dir);
    expect(err.message).toContain(`${DW}.txt: is not valid UTF-8 text`);
  });

  it('reports an empty article', () => {
    const dir = tempCorpus();
    writeFileSync(art(dir, `${DW}.txt`), '');
    const meta = readMeta(dir, DW);
    writeMeta(dir, DW, {
      ...meta,
      sha256: sha(''),
      inferred: {
        outlet: 'Known from the page it came from.',
        title: 'Known from the page it came from.',
        published: 'Known from the page it came from.',
      },
    });
    const err = loadError(dir);
    expect(err.message).toContain(`${DW}.txt: is empty`);
  });

  it('reports an outlet the text does not state when inferred.outlet does not explain it', () => {
    const dir = tempCorpus();
    writeMeta(dir, AJ, { ...readMeta(dir, AJ), outlet: 'Le Monde' });
    const err = loadError(dir);
    expect(err.message).toContain(
      `${AJ}.json: field "inferred.outlet": outlet "Le Monde" is not stated in the article text`,
    );
  });

  it('reports a second metadata file claiming an id that is already taken, naming that file', () => {
    const dir = tempCorpus();
    writeMeta(dir, DW, readMeta(dir, DW), 'dw-copy.json');
    const err = loadError(dir);
    expect(err.message).toContain(`dw-copy.json: field "id": duplicate id "${DW}": `);
    expect(err.message).toContain(`${DW}.json already uses it`);
  });

  it('reports a corpus directory without articles, naming the directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'loader-empty-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const err = loadError(dir);
    expect(err.message).toContain(`${join(dir, 'articles')}: directory not found`);
  });
});
