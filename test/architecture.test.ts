import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every TypeScript file under a directory, recursively. */
function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('layers', () => {
  it('keeps the corpus, text and engine layers free of discord.js, so the answers never depend on Discord', () => {
    const offenders = ['src/corpus', 'src/text', 'src/engine']
      .flatMap(files)
      .filter((f) => /from ['"](?:discord\.js|@discordjs\/)/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('reads process.env only in the config module', () => {
    const offenders = [...files('src'), ...files('commands')]
      .filter((f) => !f.endsWith(join('src', 'config.ts')) && !f.includes(join('src', 'bench')))
      .filter((f) => /process\.env\b/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
