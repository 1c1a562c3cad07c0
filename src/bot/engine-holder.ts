/**
 * The engine in service, and reloading it without blocking the gateway: a reload builds the new
 * engine's snapshot in a worker thread (validating the corpus there) while the bot keeps answering
 * from the old engine, then restores the engine from that snapshot on the main thread (the fast
 * path, a fraction of a build) and swaps it in. A corpus that fails validation is refused and the
 * old engine kept. Reloads requested while one runs are folded into one more after it.
 */
import { watch as watchDir, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { ReloadResult, WatchOptions } from '../corpus/reload.js';
import type { Engine } from '../engine/index.js';
import { loadEngineFast } from '../engine/snapshot.js';
import type { WorkerReport } from './engine-worker.js';

/** Options of {@link EngineHolder}. */
export interface EngineHolderOptions {
  /** Turns an engine into the summary a reload reports. */
  describe?: (engine: Engine) => string;
  /** Called with how long the main thread was busy swapping (restoring from the snapshot), in ms. */
  onSwap?: (mainThreadMs: number, source: 'restored' | 'built') => void;
}

const WORKER_URL = new URL(
  import.meta.url.endsWith('.ts') ? './engine-worker.ts' : './engine-worker.js',
  import.meta.url,
);

/** Builds the corpus's snapshot in a worker thread. */
function buildInWorker(dir: string): Promise<WorkerReport> {
  return new Promise((resolve) => {
    // From the TypeScript source (tests, tsx) the worker registers tsx's loader first (a worker does
    // not inherit the main thread's loader hooks); compiled, it is plain JavaScript.
    const worker = WORKER_URL.pathname.endsWith('.ts')
      ? new Worker(
          `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(WORKER_URL.href)}); });`,
          { eval: true, workerData: { dir } },
        )
      : new Worker(WORKER_URL, { workerData: { dir } });
    let settled = false;
    const done = (report: WorkerReport): void => {
      if (settled) return;
      settled = true;
      resolve(report);
      void worker.terminate();
    };
    worker.once('message', (report: WorkerReport) => done(report));
    worker.once('error', (error) => done({ ok: false, error: `the reload worker failed: ${error.message}` }));
    worker.once('exit', (code) => done({ ok: false, error: `the reload worker exited with code ${code}` }));
  });
}

/** Holds the engine over a corpus directory and reloads it in the background. */
export class EngineHolder {
  private engine: Engine;
  private running: Promise<ReloadResult> | null = null;
  private again: Promise<ReloadResult> | null = null;
  private watcher: FSWatcher | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly listeners: Array<(before: Engine, after: Engine) => void> = [];

  /** `initial` is the engine already loaded from `dir`. */
  constructor(
    readonly dir: string,
    initial: Engine,
    private readonly options: EngineHolderOptions = {},
  ) {
    this.engine = initial;
  }

  /** The engine in service. */
  current(): Engine {
    return this.engine;
  }

  /**
   * Reloads the corpus: built in a worker, swapped in when ready; the old engine answers
   * meanwhile and stays when the new corpus is refused. Never rejects.
   */
  reload(): Promise<ReloadResult> {
    if (!this.running) {
      this.running = this.reloadOnce().finally(() => {
        this.running = null;
      });
      return this.running;
    }
    // A change made while a reload runs may not be in it: one more reload after it covers every such request.
    this.again ??= this.running.then(() => {
      this.again = null;
      return this.reload();
    });
    return this.again;
  }

  private async reloadOnce(): Promise<ReloadResult> {
    const report = await buildInWorker(this.dir);
    if (!report.ok) return { ok: false, error: report.error };
    try {
      const started = performance.now();
      // The snapshot the worker wrote makes this a restore; the texts are read and checked again here.
      const { engine, source } = loadEngineFast(this.dir);
      const restoredMs = performance.now() - started;
      // Its quotations are extracted in slices while the old engine still answers: the summary
      // below counts speakers, and would otherwise build them in one go on this thread (tens of
      // seconds at 100k passages, the gateway kept waiting).
      await engine.prepareQuotations();
      this.options.onSwap?.(restoredMs, source);
      const before = this.engine;
      this.engine = engine;
      for (const listener of this.listeners) {
        // A listener's failure is its own: the new corpus is in service either way.
        try {
          listener(before, engine);
        } catch {
          /* ignored: listeners report their own errors */
        }
      }
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    let summary: string;
    try {
      summary = this.options.describe?.(this.engine) ?? `corpus in ${this.dir} loaded`;
    } catch (error) {
      summary = `corpus in ${this.dir} loaded (summary failed: ${error instanceof Error ? error.message : String(error)})`;
    }
    return { ok: true, summary };
  }

  /**
   * Watches `<dir>/articles` and reloads (in the background) once changes to `.json`/`.txt`
   * files have settled for `debounceMs`, passing each result to `onReload`, as
   * {@link CorpusHolder.watch} does. Throws if the directory cannot be watched.
   */
  watch(options: WatchOptions = {}): void {
    this.close();
    const debounceMs = options.debounceMs ?? 300;
    const articles = join(this.dir, 'articles');
    const watcher = watchDir(articles, { persistent: true }, (_event, name) => {
      // Hidden files are editors' swap files and corpus:add's staging files.
      const file = name === null ? null : String(name);
      if (file !== null && (file.startsWith('.') || !/\.(?:json|txt)$/.test(file))) return;
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => {
        this.timer = null;
        void this.reload().then((result) => options.onReload?.(result));
      }, debounceMs);
    });
    watcher.on('error', (error) => {
      options.onReload?.({ ok: false, error: `stopped watching ${articles}: ${error.message}` });
      this.close();
    });
    this.watcher = watcher;
  }

  /**
   * Calls `listener(before, after)` after every reload that put a new engine in service (from
   * reload() or the watch), as {@link CorpusHolder.onChange} does.
   */
  onChange(listener: (before: Engine, after: Engine) => void): void {
    this.listeners.push(listener);
  }

  /** Stops watching. The engine stays available. */
  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.watcher?.close();
    this.watcher = null;
  }
}
