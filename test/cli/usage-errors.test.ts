import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function run(script: string, ...args: string[]) {
  const r = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', script, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// A mistyped option used to end these two commands with node's stack trace and no usage.
describe('the measuring commands on a mistyped option', () => {
  it('eval names the unknown option, prints its usage and exits 2', () => {
    const r = run('src/cli/eval.ts', '--calibrat');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toMatch(/^eval: Unknown option '--calibrat'/);
    expect(r.stderr).toContain('usage: npm run eval -- [--corpus DIR]');
    expect(r.stderr).not.toContain('    at ');
  });

  it('eval names a corpus folder that is not there', () => {
    const r = run('src/cli/eval.ts', '--corpus', '/nonexistent-corpus');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('eval: corpus: /nonexistent-corpus/articles: directory not found\n');
  });

  it('corpus:check names the unknown option, prints its usage and exits 2', () => {
    const r = run('src/cli/corpus-check.ts', '--againts', 'pages');
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe("corpus:check: Unknown option '--againts'");
    expect(r.stderr).toContain('npm run corpus:check -- --against DIR-or-FILE');
    expect(r.stderr).not.toContain('    at ');
  });

  it('corpus:check --help prints the usage on standard output', () => {
    const r = run('src/cli/corpus-check.ts', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('npm run corpus:check -- [--corpus DIR] [--verbose]');
  });
});
