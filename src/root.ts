/**
 * The project's root directory (the one holding package.json and the bundled corpus/), the same
 * whether this code runs from the TypeScript source (src/, through tsx) or compiled (dist/src/,
 * through node): code that reads data kept beside the project asks here, not `../..`.
 */
import { fileURLToPath } from 'node:url';

/** True when running the compiled JavaScript in dist/ rather than the TypeScript source. */
export const COMPILED = import.meta.url.endsWith('.js');

/** The project root, with a trailing separator. */
export const PROJECT_ROOT = fileURLToPath(new URL(COMPILED ? '../../' : '../', import.meta.url));
