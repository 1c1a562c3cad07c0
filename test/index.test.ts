/**
 * The compiled bot, run exactly as `npm start` runs it (`node dist/src/index.js`, no tsx), against
 * the local fake Discord: it answers /ask, warns about the non-default API host it sends the token
 * to, shares the corpus snapshot with the TypeScript source, and every compiled entry point reports
 * a configuration mistake the same way.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { corpusKey } from '../src/engine/snapshot.js';
import { embedOf, finalEdit, option, until } from './bot/harness.js';
import { DIST, ensureBuilt } from './support/build.js';
import { FIXTURE_CORPUS_DIR, FIXTURE_MODEL_FILE } from './support/corpus.js';
import { startFakeDiscord, type FakeDiscord } from './support/fake-discord.js';
import { killAll, startProcess } from './support/process.js';

/** Hang bounds, not measurements. */
const START_BOUND_MS = 20_000;

// An empty working directory, so that a developer's own .env is not read.
const cwd = mkdtempSync(join(tmpdir(), 'compiled-bot-'));
let fake: FakeDiscord | undefined;

beforeAll(ensureBuilt, 240_000);
afterEach(async () => {
  killAll();
  await fake?.stop();
  fake = undefined;
});
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

describe('the compiled bot (node dist/src/index.js)', () => {
  it('answers /ask through the real client, warning that the token goes to the fake rather than Discord', async () => {
    // A private copy of the corpus: the snapshot the bot writes goes into its .cache/.
    const corpus = join(cwd, 'corpus');
    cpSync(FIXTURE_CORPUS_DIR, corpus, { recursive: true });
    fake = await startFakeDiscord();
    const bot = startProcess([DIST.index], {
      cwd,
      env: {
        DISCORD_TOKEN: fake.token,
        DISCORD_API_URL: fake.restUrl,
        CORPUS_DIR: corpus,
        RANK_MODEL_FILE: FIXTURE_MODEL_FILE,
        COOLDOWN_SECONDS: '0',
      },
    });
    await until(
      () => bot.stdout().includes('"msg":"ready as newsroom-bot'),
      START_BOUND_MS,
      `ready; got:\n${bot.output()}`,
    );

    const { id } = fake.sendInteraction({
      commandName: 'ask',
      options: [option('question', 'How many French troops were in Mali?')],
    });
    const edit = await finalEdit(fake, id);
    expect(embedOf(edit.body).description?.split('\n')[0]).toBe(
      '**Answer:** 2,400 troops [1] — sources disagree: close to 3000 [2]',
    );

    // Not a terminal (as under systemd): one JSON object per line, warnings on stderr.
    const records = (text: string) =>
      text
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { level: string; msg: string; time: string });
    // The stall warning depends on the machine's load, not on the bot: it is left out here (its
    // own tests are in test/bot/stall.test.ts).
    const timed = (r: { msg: string }) => !r.msg.startsWith('event loop blocked');
    expect(records(bot.stderr()).filter(timed)).toEqual([
      {
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        level: 'warn',
        msg: `DISCORD_API_URL is not Discord's API: requests and the bot token go to 127.0.0.1:${fake.port}`,
      },
    ]);
    expect(records(bot.stdout()).map((r) => `${r.level} ${r.msg}`)).toEqual([
      'info corpus loaded',
      'info ready as newsroom-bot',
    ]);
    expect(bot.output()).not.toContain(fake.token);
    // Compiled, the bot keys its snapshot as the TypeScript source does (the build records the
    // source's digest), so `npm start` restores what `npm run ask` built and the other way round.
    expect(readdirSync(join(corpus, '.cache'))).toEqual([`engine-${corpusKey(corpus)}.json`]);

    bot.kill('SIGTERM');
    expect(await bot.exited()).toEqual({ code: 0, signal: null });
  });
});

describe('configuration mistakes in every compiled entry point', () => {
  it('bot, sharding manager and command registration each print the same problems by variable name and exit 1', async () => {
    const env = { LOG_LEVEL: 'loud', DISCORD_API_URL: 'http://discord.example/api' };
    const expected = [
      'Missing DISCORD_TOKEN: set it in .env (see .env.example)',
      'LOG_LEVEL must be one of debug, info, warn, error; got "loud"',
      'DISCORD_API_URL must use https:// (the bot token is sent there); http:// is allowed only for this machine (127.0.0.1, ::1, localhost), not for host "discord.example"',
      '',
    ].join('\n');
    const results = await Promise.all(
      [DIST.index, DIST.shard, DIST.deployCommands].map(async (entry) => {
        const child = startProcess([entry], { cwd, env });
        const { code } = await child.exited(START_BOUND_MS);
        return { code, stdout: child.stdout(), stderr: child.stderr() };
      }),
    );
    expect(results).toEqual([0, 1, 2].map(() => ({ code: 1, stdout: '', stderr: expected })));
  });

  it('without a token, the bot exits 1 at once saying which variable and where to set it', async () => {
    const child = startProcess([DIST.index], { cwd, env: {} });
    expect(await child.exited(START_BOUND_MS)).toEqual({ code: 1, signal: null });
    expect({ stdout: child.stdout(), stderr: child.stderr() }).toEqual({
      stdout: '',
      stderr: 'Missing DISCORD_TOKEN: set it in .env (see .env.example)\n',
    });
  });

  it('deploy-commands exits 1 without DISCORD_CLIENT_ID, before contacting Discord, never printing the token', async () => {
    const token = 'MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789AB';
    const child = startProcess([DIST.deployCommands], { cwd, env: { DISCORD_TOKEN: token } });
    expect(await child.exited(START_BOUND_MS)).toEqual({ code: 1, signal: null });
    expect({ stdout: child.stdout(), stderr: child.stderr() }).toEqual({
      stdout: '',
      stderr:
        'Missing DISCORD_CLIENT_ID: set it in .env (see .env.example); it is the Application ID on the Developer Portal\n',
    });
  });

  it('deploy-commands registers every command in the guild through the configured API, warning where the token goes', async () => {
    fake = await startFakeDiscord();
    const child = startProcess([DIST.deployCommands], {
      cwd,
      env: {
        DISCORD_TOKEN: fake.token,
        DISCORD_CLIENT_ID: fake.applicationId,
        DISCORD_GUILD_ID: fake.guildId,
        DISCORD_API_URL: fake.restUrl,
      },
    });
    expect(await child.exited(START_BOUND_MS)).toEqual({ code: 0, signal: null });
    expect(child.stderr()).toBe(
      `warning: DISCORD_API_URL is not Discord's API: requests and the bot token go to 127.0.0.1:${fake.port}\n`,
    );
    // What the fake now holds for the guild, as Discord would: /ask and the rest of commands/.
    const names = fake.registeredCommands(fake.guildId).map((c) => c.name as string);
    expect(names).toEqual(
      expect.arrayContaining(['ask', 'quote', 'sources', 'source', 'help', 'Find in sources']),
    );
    expect(child.stdout().split('\n')[0]).toBe(
      `Registered ${names.length} commands in guild ${fake.guildId} (available now): ${names.join(', ')}`,
    );
  });
});
