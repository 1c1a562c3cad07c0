/**
 * Small measuring and printing helpers for the benchmark: percentiles, heap readings after a
 * full collection, human-readable sizes and an aligned plain-text table.
 */
import { cpus, totalmem, freemem, platform, arch } from 'node:os';
import { getHeapStatistics } from 'node:v8';

/** Summary of a set of latency samples, in milliseconds. */
export interface LatencySummary {
  count: number;
  mean: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

/**
 * The p-th percentile (0–100) of samples already sorted ascending, by linear interpolation
 * between the two nearest ranks. NaN for an empty list.
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  if (sorted.length === 1) return sorted[0]!;
  const rank = (Math.min(100, Math.max(0, p)) / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}

/** Mean, p50, p90, p99 and max of a list of samples (the list is not modified). */
export function summarize(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((s, x) => s + x, 0);
  return {
    count: sorted.length,
    mean: sorted.length ? sum / sorted.length : NaN,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1]! : NaN,
  };
}

/** True when the process was started with --expose-gc. */
export function canCollect(): boolean {
  return typeof globalThis.gc === 'function';
}

/**
 * Bytes of JS heap in use after full collections. Without --expose-gc the reading includes
 * garbage and is only an upper bound.
 */
export function heapUsed(): number {
  if (canCollect()) {
    // Two passes: the first can leave weak/finalizable objects that only the second frees.
    globalThis.gc!();
    globalThis.gc!();
  }
  return process.memoryUsage().heapUsed;
}

/** The V8 heap limit of this process, in bytes. */
export function heapLimit(): number {
  return getHeapStatistics().heap_size_limit;
}

/** Runs `fn` once and returns its result with the elapsed wall time in milliseconds. */
export function timed<T>(fn: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t0 };
}

/** "0.042 ms", "3.10 ms", "1.25 s" — enough digits to compare, no more. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  if (ms >= 1) return `${ms.toFixed(2)} ms`;
  return `${ms.toFixed(3)} ms`;
}

/** Bytes as "812 KB", "41.3 MB", "1.20 GB" (powers of 1024). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return '—';
  const sign = bytes < 0 ? '-' : '';
  let n = Math.abs(bytes);
  const units = ['B', 'KB', 'MB', 'GB'];
  let u = 0;
  while (n >= 1024 && u < units.length - 1) {
    n /= 1024;
    u++;
  }
  return `${sign}${u === 0 ? n.toFixed(0) : n >= 100 ? n.toFixed(0) : n.toFixed(1)} ${units[u]}`;
}

/** A ratio such as "12.3×", or "—" when either side is missing. */
export function formatRatio(a: number, b: number): string {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b <= 0) return '—';
  const r = a / b;
  return `${r >= 100 ? r.toFixed(0) : r >= 10 ? r.toFixed(1) : r.toFixed(2)}×`;
}

/** Thousands separated with thin commas: 100000 → "100,000". */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/**
 * Renders rows as a markdown table with padded columns, so it reads aligned in a terminal and
 * renders as a table when pasted. Columns listed in `right` are right-aligned.
 */
export function table(
  headers: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
  right: ReadonlySet<number> = new Set(),
): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const cell = (s: string, i: number) => (right.has(i) ? s.padStart(widths[i]!) : s.padEnd(widths[i]!));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => cell(c, i)).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (right.has(i) ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(headers), rule, ...rows.map((r) => line(headers.map((_, i) => r[i] ?? '')))].join('\n');
}

/** The machine the figures were taken on. */
export interface MachineInfo {
  cpu: string;
  cores: number;
  totalMemory: number;
  freeMemory: number;
  heapLimit: number;
  node: string;
  platform: string;
}

/** CPU model, core count, memory and Node version of this machine. */
export function machineInfo(): MachineInfo {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    totalMemory: totalmem(),
    freeMemory: freemem(),
    heapLimit: heapLimit(),
    node: process.version,
    platform: `${platform()} ${arch()}`,
  };
}
