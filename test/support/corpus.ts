import { fileURLToPath } from 'node:url';

/**
 * The tests' own copy of the five seed articles. Tests read this, never `corpus/`, which a
 * newsroom grows with `npm run corpus:add`: their expectations must not move when it does.
 */
export const FIXTURE_CORPUS_DIR = fileURLToPath(new URL('../fixtures/corpus', import.meta.url));

/**
 * The tests' own copy of the model file (data/rank-model.json as it stood on main bcbbf41, 2 Dec
 * 2026). `npm run train` rewrites the bundled one whenever a refit passes its rule; what the
 * tests assert (which passage is quoted first, whether a question is answered) must not move
 * when it does. Every engine a test file builds in-process ranks by it
 * (test/support/pinned-model.ts, vitest's setup file); a test that starts the command line or
 * the bot as a process passes it on (`--model`, `RANK_MODEL_FILE`).
 */
export const FIXTURE_MODEL_FILE = fileURLToPath(new URL('../fixtures/rank-model.json', import.meta.url));
