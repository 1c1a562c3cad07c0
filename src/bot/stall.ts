/**
 * Watches the bot's own event loop. Answering is synchronous work on one thread: while one
 * question is being searched, no other interaction is even read, and Discord gives each one 3 s.
 * A timer that should fire every few milliseconds measures how late it runs (timer drift, the
 * measure perf_hooks.monitorEventLoopDelay also takes, but read at each tick so a block can be
 * named); a block longer than the threshold is logged as a warning naming the interactions and
 * messages in progress while it happened: the work that blocked is one of them (with one in
 * progress, it is that one). A block with nothing in progress is only a debug line.
 */
import { performance } from 'node:perf_hooks';
import type { Logger, LogFields } from './log.js';

/** A block of the event loop longer than this is logged. */
export const STALL_THRESHOLD_MS = 250;
/** How often the loop is sampled: a block is measured to within this. */
const TICK_MS = 20;

/** Options of {@link watchStalls}. */
export interface StallOptions {
  log: Pick<Logger, 'warn' | 'debug'>;
  thresholdMs?: number;
}

/** A running watch: wraps each piece of work so a block is named after it. */
export interface StallWatch {
  /**
   * Runs `work` (an interaction's or a message's handling) as in progress under `label`
   * (`{ interaction, what, … }`), so a block while it runs names it. Resolves as `work` does.
   */
  around<T>(label: LogFields, work: () => Promise<T>): Promise<T>;
  /** Stops the timer. */
  stop(): void;
}

/** Starts watching the event loop; the timer never keeps the process alive. */
export function watchStalls(options: StallOptions): StallWatch {
  const threshold = options.thresholdMs ?? STALL_THRESHOLD_MS;
  const inProgress = new Set<LogFields>();
  // Everything that was in progress at some point since the last tick: work that blocked and
  // finished within one block is still named by the tick that sees the block.
  const sinceTick = new Set<LogFields>();
  let last = performance.now();

  const report = (blockedMs: number, during: LogFields[]): void => {
    // With nothing in progress (start-up, a corpus reload, a full collection) no user waited on
    // the bot's work: that is worth a debug line, not a warning.
    const level = during.length > 0 ? 'warn' : 'debug';
    options.log[level]('event loop blocked: other interactions waited', {
      blockedMs: Math.round(blockedMs),
      thresholdMs: threshold,
      ...(during.length === 1 ? during[0] : { during }),
    });
  };

  const timer = setInterval(() => {
    const now = performance.now();
    const blocked = now - last - TICK_MS;
    last = now;
    if (blocked > threshold) report(blocked, [...sinceTick]);
    sinceTick.clear();
    for (const label of inProgress) sinceTick.add(label);
  }, TICK_MS);
  timer.unref();

  return {
    async around<T>(label: LogFields, work: () => Promise<T>): Promise<T> {
      inProgress.add(label);
      sinceTick.add(label);
      // The synchronous start of the work is measured directly: it may block before any tick.
      const t0 = performance.now();
      let pending: Promise<T>;
      try {
        pending = work();
      } finally {
        const blocked = performance.now() - t0;
        if (blocked > threshold) {
          report(blocked, [label]);
          // The tick after this block would report it again.
          last = performance.now();
        }
      }
      try {
        return await pending;
      } finally {
        inProgress.delete(label);
      }
    },
    stop(): void {
      clearInterval(timer);
    },
  };
}
