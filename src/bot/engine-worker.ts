/**
 * Runs in a worker thread for {@link EngineHolder.reload}: validates the corpus and builds (or
 * checks) its engine snapshot, off the main thread, and reports whether the corpus can be served.
 * The main thread then restores the engine from that snapshot, which is the fast path.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadEngineFast } from '../engine/snapshot.js';

/** What the worker reports. */
export type WorkerReport = { ok: true; source: 'restored' | 'built' } | { ok: false; error: string };

const { dir } = workerData as { dir: string };
let report: WorkerReport;
try {
  report = { ok: true, source: loadEngineFast(dir).source };
} catch (error) {
  report = { ok: false, error: error instanceof Error ? error.message : String(error) };
}
parentPort?.postMessage(report);
