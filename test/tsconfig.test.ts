/**
 * The TypeScript projects name only what exists: a folder in `include` that is missing would
 * type-check nothing and hide that the checked tree is not the one meant.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../', import.meta.url));

/** tsconfig files are JSON with comments. */
function includes(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8').replace(/^\s*\/\/.*$/gm, '');
  return (JSON.parse(text) as { include: string[] }).include;
}

function hasTypeScript(path: string): boolean {
  if (!statSync(path).isDirectory()) return path.endsWith('.ts');
  return readdirSync(path).some((name) => hasTypeScript(join(path, name)));
}

describe('tsconfig include lists', () => {
  for (const file of ['tsconfig.json', 'tsconfig.build.json']) {
    it(`${file} names only paths that exist and hold TypeScript`, () => {
      const missing = includes(file).filter((entry) => {
        const path = join(root, entry);
        return !existsSync(path) || !hasTypeScript(path);
      });
      expect(missing).toEqual([]);
    });
  }
});
