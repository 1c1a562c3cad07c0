/**
 * A real process for tests that run the bot as a service would (compiled entry points, the
 * sharding manager): its output collected as it arrives, its exit awaited within a bound, and
 * killed at the end of the test whatever happened.
 */
import { spawn, type ChildProcess } from 'node:child_process';

/** A started process. */
export interface Child {
  readonly pid: number | undefined;
  /** stdout and stderr interleaved as they arrive. */
  output(): string;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code and signal; rejects after `boundMs` (and kills the process). */
  exited(boundMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal: NodeJS.Signals): void;
}

const running = new Set<ChildProcess>();

/** Kills (SIGKILL) every process {@link startProcess} started that is still running; call in `afterEach`. */
export function killAll(): void {
  for (const child of running)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  running.clear();
}

/**
 * Starts `node ...args` in `cwd` with exactly `env` (nothing inherited: a DISCORD_TOKEN in the
 * developer's shell must not leak in), PATH aside so that `npm` and `node` resolve.
 */
export function startProcess(args: string[], options: { cwd: string; env: Record<string, string> }): Child {
  const child = spawn(process.execPath, args, {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let all = '';
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    all += chunk;
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    err += chunk;
    all += chunk;
  });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal }));
  });
  return {
    pid: child.pid,
    output: () => all,
    stdout: () => out,
    stderr: () => err,
    exited(boundMs = 15_000) {
      let timer: NodeJS.Timeout | undefined;
      const bound = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          child.kill('SIGKILL');
          reject(new Error(`the process did not exit within ${boundMs} ms; output so far:\n${all}`));
        }, boundMs);
      });
      return Promise.race([exit, bound]).finally(() => clearTimeout(timer));
    },
    kill: (signal) => child.kill(signal),
  };
}
