/**
 * The real bot process (src/index.ts) files reports from "Report a problem" modals submitted
 * through the local fake Discord, and is killed with SIGKILL while submissions are still being
 * written. Every report whose "Thank you" reached Discord is in the reopened database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ReportStore } from '../../src/feedback/store.js';
import { buttonsOf, finalEdit, option, until } from '../bot/harness.js';
import { FIXTURE_CORPUS_DIR, FIXTURE_MODEL_FILE } from '../support/corpus.js';
import { type FakeDiscord, startFakeDiscord } from '../support/fake-discord.js';
import { killAll, startProcess } from '../support/process.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const START_BOUND_MS = 20_000;
const SUBMISSIONS = 150;
const KILL_AFTER = 15;

let fake: FakeDiscord | undefined;
let dir: string | undefined;

afterEach(async () => {
  killAll();
  await fake?.stop();
  fake = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('reports through a bot process killed with SIGKILL', () => {
  it('keeps every report the user was thanked for', async () => {
    dir = mkdtempSync(join(tmpdir(), 'reports-kill-'));
    const db = join(dir, 'reports.sqlite');
    fake = await startFakeDiscord();
    // One process (node with tsx's loader, not the tsx CLI, which would run the bot in a child of its own).
    const loader = pathToFileURL(join(root, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
    const bot = startProcess(['--import', loader, join(root, 'src', 'index.ts')], {
      cwd: dir,
      env: {
        DISCORD_TOKEN: fake.token,
        DISCORD_API_URL: fake.restUrl,
        CORPUS_DIR: FIXTURE_CORPUS_DIR,
        RANK_MODEL_FILE: FIXTURE_MODEL_FILE,
        REPORTS_DB: db,
        COOLDOWN_SECONDS: '0',
        LOG_LEVEL: 'info',
        // Readable lines (piped, the bot would write JSON lines).
        LOG_FORMAT: 'text',
      },
    });
    await until(
      () => bot.stdout().includes(' INFO  ready as '),
      START_BOUND_MS,
      `the bot to log in:\n${bot.output()}`,
    );

    const ask = fake.sendInteraction({
      commandName: 'ask',
      options: [option('question', 'Who announced the withdrawal?')],
    });
    const edit = await finalEdit(fake, ask.id);
    const report = buttonsOf(edit.body)
      .find((b) => b.startsWith('Report a problem → '))!
      .split(' → ')[1]!;
    const message = fake.messages().at(-1)!;

    // Every user opens the form; then all submit at once, and the process is killed mid-stream.
    const clicks = Array.from({ length: SUBMISSIONS }, () =>
      fake!.sendInteraction({ customId: report, message }),
    );
    await until(
      () => clicks.every((c) => fake!.interactionResponses(c.id).callback !== undefined),
      START_BOUND_MS,
      'every form to open',
    );
    const details = new Map<string, string>();
    for (const [i, click] of clicks.entries()) {
      const text = `submission ${i}: the answer names the wrong person`;
      details.set(fake.submitModal(click.id, { problem: ['wrong_answer'], details: text }).id, text);
    }
    const thanked = (): Array<{ id: number; details: string }> =>
      [...details].flatMap(([id, text]) => {
        const body = fake!.interactionResponses(id).callback?.body as
          | { data?: { content?: string } }
          | undefined;
        const n = /^Thank you: report #(\d+) /.exec(body?.data?.content ?? '')?.[1];
        return n ? [{ id: Number(n), details: text }] : [];
      });
    // Killed the moment the KILL_AFTER-th acknowledgement reaches Discord, with the rest in flight.
    let acks = 0;
    await fake.waitForRequest(
      (r) =>
        r.path.endsWith('/callback') &&
        r.status !== undefined &&
        r.status < 300 &&
        /^Thank you: report #/.test(String((r.body as { data?: { content?: string } }).data?.content)) &&
        ++acks >= KILL_AFTER,
      { timeoutMs: START_BOUND_MS, description: `${KILL_AFTER} reports to be acknowledged` },
    );
    bot.kill('SIGKILL');
    expect((await bot.exited()).signal).toBe('SIGKILL');

    const acknowledged = thanked();
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);
    // How many submissions the kill cut off varies with the machine's load (none when the bot
    // had already answered them all); the kill in the middle of a write is what
    // test/feedback/store.test.ts makes sure of, with a writer that never stops.
    const store = ReportStore.open(db, { mustExist: true });
    const kept = new Map(store.list().map((r) => [r.id, r]));
    store.close();
    for (const a of acknowledged) {
      expect(kept.get(a.id), `report #${a.id} was acknowledged but is missing`).toMatchObject({
        problem: 'wrong_answer',
        details: a.details,
        question: 'Who announced the withdrawal?',
      });
    }
  });
});
