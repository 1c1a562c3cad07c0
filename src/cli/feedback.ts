/**
 * `npm run feedback`: the newsroom's reports on answers, newest first; `--export FILE` writes
 * them as evaluation questions (test/data/eval/README.md) for an editor to complete and score
 * with `npm run eval -- --dev FILE`.
 */
import { existsSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadReportsDbPath } from '../config.js';
import { describeFilter } from '../engine/index.js';
import { exportAsEval, formatReports } from '../feedback/export.js';
import { ReportStore, ReportStoreError, type Report } from '../feedback/store.js';

const USAGE = `usage:
  npm run feedback -- [--db FILE] [--limit N] [--json]     list reports, newest first
  npm run feedback -- [--db FILE] --export FILE [--force]  write them as eval questions
options: --db FILE (default: REPORTS_DB from .env, else data/reports.sqlite)`;

function fail(message: string): never {
  process.stderr.write(`feedback: ${message}\n`);
  process.exit(2);
}

function main(): void {
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      allowPositionals: false,
      options: {
        db: { type: 'string' },
        limit: { type: 'string' },
        json: { type: 'boolean', default: false },
        export: { type: 'string' },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (err) {
    fail(`${(err as Error).message}\n${USAGE}`);
  }
  const { values } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  let limit = -1;
  if (values.limit !== undefined) {
    limit = Number(values.limit);
    if (!/^\d+$/.test(values.limit) || limit < 1)
      fail(`--limit "${values.limit}" must be a whole number of reports, 1 or more`);
  }
  if (values.force && values.export === undefined) fail('--force only applies with --export FILE');
  const target = values.export === undefined ? null : checkExportPath(values.export, values.force);

  const path = values.db ?? loadReportsDbPath();
  let reports: Report[];
  if (!existsSync(path)) {
    if (target) fail(`no reports to export: there is no reports database at ${path}`);
    process.stdout.write(`No reports yet: there is no reports database at ${path}.\n`);
    return;
  }
  try {
    const store = ReportStore.open(path, { mustExist: true });
    reports = store.list(limit);
    store.close();
  } catch (err) {
    if (err instanceof ReportStoreError) fail(err.message);
    throw err;
  }

  if (target) {
    if (reports.length === 0) fail(`no reports to export: ${path} holds none`);
    const exported = exportAsEval(reports);
    // Written beside the target and renamed into place, so a failed write leaves no half file.
    const temp = `${target}.${process.pid}.tmp`;
    writeFileSync(temp, `${JSON.stringify(exported, null, 2)}\n`);
    renameSync(temp, target);
    process.stdout.write(
      `Wrote ${exported.ask.length} question${exported.ask.length === 1 ? '' : 's'} from ${reports.length} report${reports.length === 1 ? '' : 's'} to ${values.export}.\n` +
        'Fill in each "kind" (fact, conflict or abstain), "answers" and "sources", then score them with\n' +
        `  npm run eval -- --dev ${values.export}\n`,
    );
    return;
  }
  if (values.json) {
    process.stdout.write(`${JSON.stringify(reports)}\n`);
    return;
  }
  process.stdout.write(
    reports.length === 0 ? `No reports yet in ${path}.\n` : `${formatReports(reports, describeFilter)}\n`,
  );
}

/** The export target, checked before anything is read: its folder exists, and it is not a folder or (without --force) a file. */
function checkExportPath(file: string, force: boolean): string {
  const full = resolve(file);
  const folder = dirname(full);
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    fail(`--export ${file}: the folder ${folder} does not exist`);
  if (existsSync(full)) {
    if (statSync(full).isDirectory())
      fail(`--export ${file} is a folder; give a file name such as reports.json`);
    if (!force) fail(`--export ${file} already exists; pass --force to replace it`);
  }
  return full;
}

main();
