/**
 * `npm run start:sharded` (`node dist/src/shard.js`, discord.js's ShardingManager) against the
 * local fake gateway: two hosts with different SHARD_IDS each identify with exactly their own
 * shards of the same SHARD_COUNT, and without SHARD_COUNT the recommended count comes from the
 * configured API (DISCORD_API_URL), not discord.com.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { until } from './bot/harness.js';
import { DIST, ensureBuilt } from './support/build.js';
import { FIXTURE_CORPUS_DIR, FIXTURE_MODEL_FILE } from './support/corpus.js';
import { startFakeDiscord, type FakeDiscord } from './support/fake-discord.js';
import { killAll, startProcess, type Child } from './support/process.js';

/** Hang bound: discord.js's manager waits 5.5 s between two shards of one host, as Discord asks. */
const BOUND_MS = 45_000;

const cwd = mkdtempSync(join(tmpdir(), 'sharded-bot-'));
let fake: FakeDiscord | undefined;

beforeAll(ensureBuilt, 240_000);
afterEach(async () => {
  killAll();
  await fake?.stop();
  fake = undefined;
});
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

function host(fakeDiscord: FakeDiscord, env: Record<string, string>): Child {
  return startProcess([DIST.shard], {
    cwd,
    env: {
      DISCORD_TOKEN: fakeDiscord.token,
      DISCORD_API_URL: fakeDiscord.restUrl,
      CORPUS_DIR: FIXTURE_CORPUS_DIR,
      RANK_MODEL_FILE: FIXTURE_MODEL_FILE,
      LOG_FORMAT: 'text',
      ...env,
    },
  });
}

/** The shards identified so far, as `[id, count]`, in arrival order. */
function identified(fakeDiscord: FakeDiscord): Array<[number, number] | null> {
  return fakeDiscord.identifies.filter((i) => i.accepted).map((i) => i.shard);
}

async function stop(child: Child): Promise<void> {
  child.kill('SIGTERM');
  expect(await child.exited(BOUND_MS)).toEqual({ code: 0, signal: null });
}

describe('several hosts, one bot', () => {
  it('each host identifies with exactly the shards in its SHARD_IDS, of the same SHARD_COUNT', async () => {
    fake = await startFakeDiscord();
    const a = host(fake, { SHARD_COUNT: '3', SHARD_IDS: '0' });
    await until(() => identified(fake!).length === 1, BOUND_MS, `host A's shard; output:\n${a.output()}`);
    expect(identified(fake)).toEqual([[0, 3]]);

    const b = host(fake, { SHARD_COUNT: '3', SHARD_IDS: '1-2' });
    await until(() => identified(fake!).length === 3, BOUND_MS, `host B's shards; output:\n${b.output()}`);
    expect(identified(fake)).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
    ]);
    // Each manager reports the slice it runs.
    expect(a.stdout()).toContain('INFO  starting shards shards=0 of=3');
    expect(b.stdout()).toContain('INFO  starting shards shards=1,2 of=3');

    await Promise.all([stop(a), stop(b)]);
    expect(a.output() + b.output()).not.toContain(fake.token);
  }, 120_000);
});

describe('without SHARD_COUNT', () => {
  it('runs the number of shards the configured API recommends', async () => {
    fake = await startFakeDiscord({ recommendedShards: 2 });
    const manager = host(fake, {});
    await until(() => identified(fake!).length === 2, BOUND_MS, `two shards; output:\n${manager.output()}`);
    expect(identified(fake)).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(manager.stdout()).toContain('INFO  starting shards shards=0,1 of=2');
    await stop(manager);
  }, 120_000);
});

describe('npm start on a host given SHARD_IDS', () => {
  it('runs exactly that slice in its one process', async () => {
    fake = await startFakeDiscord();
    const bot = startProcess([DIST.index], {
      cwd,
      env: {
        DISCORD_TOKEN: fake.token,
        DISCORD_API_URL: fake.restUrl,
        CORPUS_DIR: FIXTURE_CORPUS_DIR,
        RANK_MODEL_FILE: FIXTURE_MODEL_FILE,
        SHARD_COUNT: '4',
        SHARD_IDS: '1,3',
      },
    });
    await until(() => identified(fake!).length === 2, BOUND_MS, `two shards; output:\n${bot.output()}`);
    expect(identified(fake).sort()).toEqual([
      [1, 4],
      [3, 4],
    ]);
    await stop(bot);
  }, 120_000);
});
