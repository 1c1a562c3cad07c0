/**
 * The compiled bot for tests that run it as `npm start` does (`node dist/src/index.js`): builds
 * dist/ with `npm run build` when it is missing or older than any source it is compiled from or any
 * data file its snapshot key covers, so such a test never runs stale JavaScript. `.ci/run` builds first, so there it is already fresh.
 * Test files that need it call {@link ensureBuilt} in `beforeAll`; a lock directory keeps two test
 * files (vitest runs them in parallel) from building into dist/ at the same time.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The compiled entry points. */
export const DIST = {
  index: join(ROOT, 'dist', 'src', 'index.js'),
  shard: join(ROOT, 'dist', 'src', 'shard.js'),
  deployCommands: join(ROOT, 'dist', 'src', 'deploy-commands.js'),
} as const;

// Written last by scripts/build.ts: its time is the build's.
const STAMP = join(ROOT, 'dist', 'src', 'engine', 'code-key.txt');
const LOCK = join(ROOT, 'dist.build-lock');

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

function fresh(): boolean {
  if (!existsSync(STAMP)) return false;
  // data/ too: its files (the rank model, word lists) are part of the code key the build records.
  const inputs = [
    'src',
    'commands',
    'scripts',
    'data',
    'tsconfig.json',
    'tsconfig.build.json',
    'package.json',
  ];
  return statSync(STAMP).mtimeMs >= Math.max(...inputs.map((input) => newestMtime(join(ROOT, input))));
}

async function lock(): Promise<void> {
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      return;
    } catch {
      if (Date.now() > deadline)
        throw new Error(`${LOCK} held for 3 minutes: remove it if no build is running`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/** Builds dist/ unless it is up to date. Takes tens of seconds on a busy machine when it builds. */
export async function ensureBuilt(): Promise<void> {
  if (fresh()) return;
  await lock();
  try {
    if (!fresh()) execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'pipe' });
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
