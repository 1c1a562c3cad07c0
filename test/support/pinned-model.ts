/**
 * Vitest's setup file (vitest.config.ts): runs before each test file, in its module graph, so
 * every engine the file builds without naming a model ranks by the tests' pinned copy
 * (FIXTURE_MODEL_FILE), not by the bundled file a retrain rewrites.
 */
import { useModelFile } from '../../src/engine/model.js';
import { FIXTURE_MODEL_FILE } from './corpus.js';

useModelFile(FIXTURE_MODEL_FILE);
