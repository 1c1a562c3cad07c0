/**
 * The project's editable word lists (data/*.txt): one entry a line, `#` starts a comment, blank
 * lines ignored. Each list is validated line by line with zod, and a bad line is reported with
 * its file and line number. The folder is found from this module whether it runs from src/
 * (through tsx) or from a compiled build, so both read the same files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';

/** A data file that could not be read as its list: names the file and the line. */
export class DataFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    message: string,
  ) {
    super(`${relative(process.cwd(), file) || file}${line !== null ? `:${line}` : ''}: ${message}`);
    this.name = 'DataFileError';
  }
}

/** The project's data/ folder: the nearest one above this module (src/text or dist/…). */
export function dataDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'data');
    if (existsSync(join(candidate, 'english-irregular.txt'))) return candidate;
    dir = dirname(dir);
  }
  throw new DataFileError(
    join(dirname(fileURLToPath(import.meta.url)), 'data'),
    null,
    'data folder not found',
  );
}

/** One line of a list file: its text without the comment, the comment, and its line number. */
export interface DataLine {
  text: string;
  comment: string;
  line: number;
}

/** The entry lines of a list file's text. */
export function dataLines(text: string): DataLine[] {
  const out: DataLine[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const hash = raw.indexOf('#');
    const body = (hash < 0 ? raw : raw.slice(0, hash)).trim();
    if (body.length === 0) return;
    out.push({ text: body, comment: hash < 0 ? '' : raw.slice(hash + 1).trim(), line: i + 1 });
  });
  return out;
}

/**
 * Reads a list file and parses each entry line with `schema` (given the line's text and
 * comment). Throws DataFileError naming the file and line of the first bad entry.
 */
export function readDataFile<T>(file: string, schema: z.ZodType<T>): T[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new DataFileError(file, null, `cannot be read (${(err as NodeJS.ErrnoException).code ?? err})`);
  }
  return dataLines(text).map((l) => {
    const parsed = schema.safeParse({ text: l.text, comment: l.comment });
    if (!parsed.success)
      throw new DataFileError(file, l.line, parsed.error.issues[0]?.message ?? 'invalid entry');
    return parsed.data;
  });
}
