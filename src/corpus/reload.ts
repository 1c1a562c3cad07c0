/**
 * Keeps a value built from a corpus directory (the answer engine, in the bot) current while the
 * corpus changes on disk, without ever serving a half-loaded or broken corpus.
 */
import { watch as watchDir, type FSWatcher } from 'node:fs';
import { join } from 'node:path';

/** The outcome of one reload: a short summary, or why the new corpus was refused. */
export type ReloadResult = { ok: true; summary: string } | { ok: false; error: string };

/** Options for CorpusHolder.watch. */
export interface WatchOptions {
  /** Quiet time after the last change before reloading, so a two-file add reloads once. Default 300 ms. */
  debounceMs?: number;
  /** Called after every reload the watcher triggers, good or bad. */
  onReload?: (result: ReloadResult) => void;
}

/**
 * Holds the value built from a corpus directory by `load(dir)`. A reload that fails keeps the
 * last good value in service and reports why; `watch` reloads by itself when
 * `<dir>/articles` changes.
 */
export class CorpusHolder<T> {
  private value: T;
  private watcher: FSWatcher | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly listeners: Array<(before: T, after: T) => void> = [];

  /**
   * Loads the corpus once; throws what `load` throws, since there is no earlier value to fall
   * back on. `describe` turns a loaded value into the summary reported by reload().
   */
  constructor(
    readonly dir: string,
    private readonly load: (dir: string) => T,
    private readonly describe: (value: T) => string = () => `corpus in ${dir} loaded`,
  ) {
    this.value = load(dir);
  }

  /** The value built from the last corpus that loaded. */
  current(): T {
    return this.value;
  }

  /** Loads the corpus again; on failure the previous value stays current. Never throws. */
  reload(): ReloadResult {
    let next: T;
    try {
      next = this.load(this.dir);
    } catch (err) {
      return { ok: false, error: err instanceof Error ? err.message : String(err) };
    }
    const before = this.value;
    this.value = next;
    for (const listener of this.listeners) {
      // A listener's failure is its own: the new corpus is in service either way.
      try {
        listener(before, next);
      } catch {
        /* ignored: listeners report their own errors */
      }
    }
    let summary: string;
    try {
      summary = this.describe(next);
    } catch (err) {
      summary = `corpus in ${this.dir} loaded (summary failed: ${err instanceof Error ? err.message : String(err)})`;
    }
    return { ok: true, summary };
  }

  /**
   * Calls `listener(before, after)` after every reload that put a new value in service (from
   * reload() or the watch). A listener that throws does not affect the reload.
   */
  onChange(listener: (before: T, after: T) => void): void {
    this.listeners.push(listener);
  }

  /**
   * Watches `<dir>/articles` and reloads once changes to `.json`/`.txt` files have settled for
   * `debounceMs`, passing each result to `onReload`. Calling it again replaces the earlier watch.
   * Throws if the directory cannot be watched.
   */
  watch(options: WatchOptions = {}): void {
    this.close();
    const debounceMs = options.debounceMs ?? 300;
    const articles = join(this.dir, 'articles');
    const schedule = () => {
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => {
        this.timer = null;
        const result = this.reload();
        options.onReload?.(result);
      }, debounceMs);
    };
    const watcher = watchDir(articles, { persistent: true }, (_event, name) => {
      // Hidden files are editors' swap files and corpus:add's staging files; the renames that
      // follow them are reported under the real names.
      const file = name === null ? null : String(name);
      if (file !== null && (file.startsWith('.') || !/\.(?:json|txt)$/.test(file))) return;
      schedule();
    });
    watcher.on('error', (err) => {
      options.onReload?.({ ok: false, error: `stopped watching ${articles}: ${err.message}` });
      this.close();
    });
    this.watcher = watcher;
  }

  /** Stops watching and cancels a pending reload. The current value stays available. */
  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.watcher?.close();
    this.watcher = null;
  }
}
