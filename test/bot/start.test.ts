/**
 * The two entry points as a person runs them: a configuration mistake ends the process at once
 * with exit code 1 and one readable line, never a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsxCli = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
// An empty working directory, so that a developer's own .env is not read.
const cwd = mkdtempSync(join(tmpdir(), 'bot-start-'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

function run(
  script: string,
  env: Record<string, string>,
): { status: number | null; stdout: string; stderr: string } {
  // Only the given variables: a DISCORD_TOKEN exported in the developer's shell must not leak in.
  const result = spawnSync(process.execPath, [tsxCli, join(root, script)], {
    cwd,
    env,
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('starting the bot', () => {
  it('exits 1 at once without a token, saying which variable and where to set it', () => {
    const result = run('src/index.ts', {});
    expect(result).toEqual({
      status: 1,
      stdout: '',
      stderr: 'Missing DISCORD_TOKEN: set it in .env (see .env.example)\n',
    });
  });

  it('names a malformed variable and never prints the token', () => {
    const token = 'MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789AB';
    const result = run('src/index.ts', {
      DISCORD_TOKEN: token,
      QA_CHANNEL_IDS: 'newsroom',
      LOG_LEVEL: 'loud',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'QA_CHANNEL_IDS must be channel ids separated by commas; "newsroom" is not a Discord id (17 to 20 digits)\nLOG_LEVEL must be one of debug, info, warn, error; got "loud"\n',
    );
    expect(result.stdout + result.stderr).not.toContain(token);
  });
});

describe('npm run deploy-commands', () => {
  it('exits 1 without DISCORD_CLIENT_ID, before contacting Discord', () => {
    const result = run('src/deploy-commands.ts', {
      DISCORD_TOKEN: 'MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789AB',
    });
    expect(result).toEqual({
      status: 1,
      stdout: '',
      stderr:
        'Missing DISCORD_CLIENT_ID: set it in .env (see .env.example); it is the Application ID on the Developer Portal\n',
    });
  });
});
