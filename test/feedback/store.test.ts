import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ReportStore, type ReportInput } from '../../src/feedback/store.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let dir: string;

afterEach(() => rmSync(dir, { recursive: true, force: true }));

function temp(): string {
  dir = mkdtempSync(join(tmpdir(), 'reports-'));
  return dir;
}

const REPORT: ReportInput = {
  problem: 'wrong_source',
  details: 'Passage 2 is Reuters copy.',
  question: 'How many French troops were in Mali?',
  mode: 'question',
  status: 'answered',
  shortAnswer: '2,400',
  citedPassages: ['dw-a:10-80', 'aj-b:0-50'],
  corpusVersion: '0123456789ab',
  filter: { outlet: 'DW', from: '2022-02-01', to: null },
  userId: '111111111111111111',
  askedBy: '222222222222222222',
  guildId: '333333333333333333',
  channelId: '444444444444444444',
};

describe('the reports database', () => {
  it('keeps reports across a reopen, newest first, in WAL mode', () => {
    const path = join(temp(), 'nested', 'reports.sqlite');
    let clock = Date.parse('2026-11-30T10:00:00Z');
    const store = ReportStore.open(path, {
      now: () => {
        clock += 60_000;
        return new Date(clock);
      },
    });
    const first = store.add(REPORT);
    store.add({ ...REPORT, problem: 'other', details: 'second', filter: null, shortAnswer: null });
    store.close();

    const again = ReportStore.open(path, { mustExist: true });
    const listed = again.list();
    expect(listed.map((r) => [r.id, r.problem, r.createdAt])).toEqual([
      [2, 'other', '2026-11-30T10:02:00.000Z'],
      [1, 'wrong_source', '2026-11-30T10:01:00.000Z'],
    ]);
    expect(listed[1]).toEqual({ ...REPORT, id: 1, createdAt: first.createdAt });
    expect(listed[0]!.filter).toBeNull();
    expect(again.list(1).map((r) => r.id)).toEqual([2]);
    again.close();
  });

  it('names the path when the file is not a database, is missing, or is from a newer version', () => {
    const d = temp();
    writeFileSync(join(d, 'notes.sqlite'), 'these are my notes, not a database\n'.repeat(200));
    expect(() => ReportStore.open(join(d, 'notes.sqlite'))).toThrow(
      `reports database ${join(d, 'notes.sqlite')}: is not a SQLite database (was another file put at this path?)`,
    );
    expect(() => ReportStore.open(join(d, 'none.sqlite'), { mustExist: true })).toThrow(
      `reports database ${join(d, 'none.sqlite')}: does not exist (no report has been filed yet, or the path is wrong)`,
    );
  });

  it('loses no acknowledged report when the writing process is killed with SIGKILL mid-write', async () => {
    const path = join(temp(), 'reports.sqlite');
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/feedback/writer.ts', path], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked = new Map<number, number>();
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk);
    });
    let buffered = '';
    const killed = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    child.stdout.on('data', (chunk) => {
      buffered += String(chunk);
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        const [, id, n] = line.split(' ');
        acked.set(Number(id), Number(n));
      }
      // Killed while it is writing: it writes without pause, so the kill lands inside a write or a commit.
      if (acked.size >= 300 && child.exitCode === null && !child.killed) child.kill('SIGKILL');
    });
    expect(await killed).toBe('SIGKILL');
    expect(stderr).toBe('');
    expect(acked.size).toBeGreaterThanOrEqual(300);

    const store = ReportStore.open(path, { mustExist: true });
    const kept = new Map(store.list().map((r) => [r.id, r]));
    store.close();
    for (const [id, n] of acked) {
      const r = kept.get(id);
      expect(r, `acknowledged report ${id} is missing`).toBeDefined();
      expect(r!.shortAnswer).toBe(String(n));
      expect(r!.details).toBe(`details of report ${n}`);
      expect(r!.citedPassages).toEqual([`article-${n}:0-10`]);
    }
    // Nothing half-written either: every row kept is whole, ids without gaps.
    const ids = [...kept.keys()].sort((a, b) => a - b);
    expect(ids).toEqual(Array.from({ length: ids.length }, (_, i) => i + 1));
    expect(ids.length).toBeGreaterThanOrEqual(acked.size);
  });
});
