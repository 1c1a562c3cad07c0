import { fileURLToPath } from 'node:url';

/**
 * The tests' own copy of the five seed articles. Tests read this, never `corpus/`, which a
 * newsroom grows with `npm run corpus:add`: their expectations must not move when it does.
 */
export const FIXTURE_CORPUS_DIR = fileURLToPath(new URL('../fixtures/corpus', import.meta.url));
