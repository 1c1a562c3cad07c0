/**
 * `npm run build`: compiles the product (src/ and commands/) into dist/ with tsc, copies beside it
 * every non-TypeScript file the code reads at run time (data files kept next to their module), and
 * records the engine's source digest so the compiled bot shares the corpus snapshot with `tsx` runs.
 * dist/ is emptied first: a command file deleted from commands/ must not linger as dist/commands/*.js.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILT_CODE_KEY_FILE, sourceCodeKey } from '../src/engine/snapshot.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');

/** Files under `dir` that tsc does not carry over (anything but .ts), recursively. */
function dataFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return dataFiles(path);
    return entry.isFile() && !entry.name.endsWith('.ts') ? [path] : [];
  });
}

rmSync(dist, { recursive: true, force: true });
execFileSync(
  process.execPath,
  [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
const copied: string[] = [];
for (const top of ['src', 'commands']) {
  for (const file of dataFiles(join(root, top))) {
    const target = join(dist, relative(root, file));
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(file, target);
    copied.push(relative(root, file));
  }
}
writeFileSync(join(dist, 'src', 'engine', BUILT_CODE_KEY_FILE), `${sourceCodeKey(join(root, 'src'))}\n`);
process.stdout.write(
  `Built dist/ (${copied.length} data file${copied.length === 1 ? '' : 's'} copied${copied.length ? `: ${copied.join(', ')}` : ''}).\n`,
);
