/**
 * The real bot process from source (`node node_modules/tsx/dist/cli.mjs src/index.ts`, what
 * `npm run dev` runs; test/index.test.ts runs the compiled one `npm start` runs) against a fake Discord started here, reached through DISCORD_API_URL:
 * SIGTERM while a reply is in flight lets the reply finish and exits 0 after closing the gateway;
 * a rejected token and every configuration mistake end the process with one readable message
 * naming the problem, never the token, never a stack trace.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { FakeRoutes, startFakeDiscord, type FakeDiscord } from '../support/fake-discord.js';
import { embedOf, option, until } from '../bot/harness.js';
import { FIXTURE_CORPUS_DIR, FIXTURE_MODEL_FILE } from '../support/corpus.js';
import { type Child, killAll, startProcess as startChild } from '../support/process.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsxCli = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const entry = join(root, 'src', 'index.ts');
// An empty working directory, so that a developer's own .env is not read.
const cwd = mkdtempSync(join(tmpdir(), 'bot-shutdown-'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

/** Hang bound, not a measurement: start-up takes 2–5 s here (the exit bound is the shared helper's 15 s). */
const START_BOUND_MS = 20_000;

const TROOPS = 'How many French troops were in Mali?';

/** A token shaped like a real one (so the log's shape-based redaction would also catch it) that the fake does not accept. */
const WRONG_TOKEN = 'MTk4NjIyNDgzNDcxOTI1MjQ4.Gx7yQa.wrongwrongwrongwrongwrongwrongwrong12';

let fake: FakeDiscord | undefined;

afterEach(async () => {
  killAll();
  await fake?.stop();
  fake = undefined;
});

/** Starts the bot with exactly `env` and PATH (a DISCORD_TOKEN in the developer's shell must not leak in). */
function startProcess(env: Record<string, string>): Child {
  // Readable lines, as in a terminal (piped, the bot would write JSON lines; test/index.test.ts checks those).
  return startChild([tsxCli, entry], {
    cwd,
    env: { CORPUS_DIR: FIXTURE_CORPUS_DIR, RANK_MODEL_FILE: FIXTURE_MODEL_FILE, LOG_FORMAT: 'text', ...env },
  });
}

/** The start-up warning that the token goes to DISCORD_API_URL's host (the fake), not to Discord. */
const API_WARNING =
  /^\S+ WARN {2}DISCORD_API_URL is not Discord's API: requests and the bot token go to 127\.0\.0\.1:\d+\n/;

/** Lines that look like a JavaScript stack frame. */
const STACK_FRAME = /^\s+at .+[:(]/m;

describe('SIGTERM while a reply is in flight', () => {
  it('lets the reply reach Discord, closes the gateway connection and exits 0', async () => {
    fake = await startFakeDiscord();
    const bot = startProcess({
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.restUrl,
      COOLDOWN_SECONDS: '0',
      LOG_LEVEL: 'info',
    });
    await until(
      () => bot.stdout().includes(' INFO  ready as '),
      START_BOUND_MS,
      `the bot to log in; output so far:\n${bot.output()}`,
    );
    expect(fake.requests.every((r) => r.auth !== 'invalid')).toBe(true);

    // The edit that carries the answer is held by the fake long enough to signal the process meanwhile.
    fake.delayRoute(FakeRoutes.editOriginal, 1500);
    const { id } = fake.sendInteraction({ commandName: 'ask', options: [option('question', TROOPS)] });
    const pending = await fake.waitForRequest((r) => r.interactionId === id && r.method === 'PATCH', {
      includePending: true,
      timeoutMs: START_BOUND_MS,
    });
    expect(pending.status).toBeUndefined();
    bot.kill('SIGTERM');

    const { code, signal } = await bot.exited();
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    // The reply in flight completed: the user sees the answer, not a spinner.
    expect(pending.status).toBe(200);
    // The short answer the seed articles give, as the child process renders it.
    expect(embedOf(pending.body).description?.split('\n')[0]).toBe(
      '**Answer:** 2,400 troops [1] — sources disagree: close to 3000 [2]',
    );
    expect(fake.interactionResponses(id).callback?.body).toEqual({ type: 5, data: { flags: 0 } });
    // The client closed its gateway connection itself, normally, ending the session.
    const closes = fake.gatewayLog.filter((e) => e.kind === 'close');
    expect(closes.map((e) => ({ code: e.code, closedBy: e.closedBy }))).toEqual([
      { code: 1000, closedBy: 'client' },
    ]);
    expect(fake.sessions).toMatchObject([{ connected: false, ended: true }]);

    const lines = bot
      .stdout()
      .split('\n')
      .map((line) => line.replace(/^\S+ /, ''));
    const order = [
      'INFO  SIGTERM received; shutting down',
      'INFO  waiting for replies in progress count=1',
      'INFO  disconnected from Discord',
    ];
    for (const line of order) expect(lines).toContain(line);
    const positions = order.map((line) => lines.indexOf(line));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    // The one warning: the token goes to the fake, not to Discord.
    // Nothing else on stderr but, on a loaded machine, the event-loop watch (src/bot/stall.ts)
    // noting that the process's first, cold answer held the loop up.
    const STALL = /^\S+ WARN {2}event loop blocked: other interactions waited .*\n/gm;
    expect(bot.stderr().replace(API_WARNING, '').replace(STALL, '')).toBe('');
    expect(bot.stderr()).toMatch(API_WARNING);
    expect(bot.output()).not.toContain(fake.token);
  });
});

describe('a token Discord rejects', () => {
  it('ends the process with exit code 1 and a message naming DISCORD_TOKEN, with no token in any of its output, even at debug level', async () => {
    fake = await startFakeDiscord();
    const plainWrongToken = 'not-the-bot-token-but-close-3141';
    for (const token of [WRONG_TOKEN, plainWrongToken]) {
      const bot = startProcess({ DISCORD_TOKEN: token, DISCORD_API_URL: fake.restUrl, LOG_LEVEL: 'debug' });
      const { code } = await bot.exited(START_BOUND_MS);
      expect(code).toBe(1);
      expect(bot.stderr().replace(API_WARNING, '')).toBe(
        'Discord rejected DISCORD_TOKEN: it is not a valid bot token (or it was reset). Copy a new one from the Developer Portal (your application → Bot → Reset Token) into .env and start again.\n',
      );
      // Debug output is long (discord.js's own lines, the login error with its stack): none of it shows the token or any part of it.
      const output = bot.output();
      for (const part of [token, ...token.split('.').filter((p) => p.length >= 6)])
        expect(output).not.toContain(part);
      expect(output).toContain('DEBUG Provided token: [redacted]');
    }
    // Both attempts reached the fake (so the failure is Discord's answer, not a connection error) with a wrong token.
    expect(fake.requests.map((r) => `${r.method} ${r.path} ${r.auth} ${r.status}`)).toEqual([
      'GET /gateway/bot invalid 401',
      'GET /gateway/bot invalid 401',
    ]);
  });

  it('at the default log level prints one line saying what to do, and no stack trace', async () => {
    fake = await startFakeDiscord();
    const bot = startProcess({ DISCORD_TOKEN: WRONG_TOKEN, DISCORD_API_URL: fake.restUrl });
    const { code } = await bot.exited(START_BOUND_MS);
    expect(code).toBe(1);
    expect(bot.stdout()).toMatch(
      /^\S+ INFO {2}corpus loaded dir=\S+ summary="\d+ articles, \d+ passages, \d+ quoted speakers"\n$/,
    );
    expect(bot.stderr()).toMatch(API_WARNING);
    expect(bot.stderr().replace(API_WARNING, '')).toBe(
      'Discord rejected DISCORD_TOKEN: it is not a valid bot token (or it was reset). Copy a new one from the Developer Portal (your application → Bot → Reset Token) into .env and start again.\n',
    );
    expect(bot.output()).not.toMatch(STACK_FRAME);
  });
});

describe('configuration mistakes, reported by the real process', () => {
  const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789AB';
  const ID_HELP = '(17 to 20 digits; right-click → Copy ID with Developer Mode on)';
  const cases: Array<{ name: string; env: Record<string, string>; stderr: string }> = [
    { name: 'no token at all', env: {}, stderr: 'Missing DISCORD_TOKEN: set it in .env (see .env.example)' },
    {
      name: 'an empty token',
      env: { DISCORD_TOKEN: '' },
      stderr: 'Missing DISCORD_TOKEN: set it in .env (see .env.example)',
    },
    {
      name: 'a blank token, every other variable an empty string',
      env: {
        DISCORD_TOKEN: '   ',
        DISCORD_CLIENT_ID: '',
        DISCORD_GUILD_ID: '',
        QA_CHANNEL_IDS: '',
        LOG_LEVEL: '',
        COOLDOWN_SECONDS: '',
        CORPUS_DIR: '',
        DISCORD_API_URL: '',
      },
      stderr: 'Missing DISCORD_TOKEN: set it in .env (see .env.example)',
    },
    {
      name: 'a token with its "Bot " prefix',
      env: { DISCORD_TOKEN: `Bot ${TOKEN}` },
      stderr: 'DISCORD_TOKEN must be the bare token (no "Bot " prefix, no spaces or quotes)',
    },
    {
      name: 'a malformed client id',
      env: { DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: '42' },
      stderr: `DISCORD_CLIENT_ID must be a Discord id ${ID_HELP}, got "42"`,
    },
    {
      name: 'a malformed guild id',
      env: { DISCORD_TOKEN: TOKEN, DISCORD_GUILD_ID: 'newsroom' },
      stderr: `DISCORD_GUILD_ID must be a Discord id ${ID_HELP}, got "newsroom"`,
    },
    {
      name: 'the token pasted as the guild id',
      env: { DISCORD_TOKEN: TOKEN, DISCORD_GUILD_ID: TOKEN },
      stderr: `DISCORD_GUILD_ID must be a Discord id ${ID_HELP}, got (a long value, not shown)`,
    },
    {
      name: 'a malformed Q&A channel list',
      env: { DISCORD_TOKEN: TOKEN, QA_CHANNEL_IDS: '123456789012345678,#ask-the-desk' },
      stderr:
        'QA_CHANNEL_IDS must be channel ids separated by commas; "#ask-the-desk" is not a Discord id (17 to 20 digits)',
    },
    {
      name: 'an unknown log level',
      env: { DISCORD_TOKEN: TOKEN, LOG_LEVEL: 'verbose' },
      stderr: 'LOG_LEVEL must be one of debug, info, warn, error; got "verbose"',
    },
    {
      name: 'a cooldown that is not whole seconds',
      env: { DISCORD_TOKEN: TOKEN, COOLDOWN_SECONDS: '5s' },
      stderr: 'COOLDOWN_SECONDS must be a whole number of seconds from 0 to 3600; got "5s"',
    },
    {
      name: 'an API URL that is not http(s)',
      env: { DISCORD_TOKEN: TOKEN, DISCORD_API_URL: 'ftp://127.0.0.1/api' },
      stderr:
        'DISCORD_API_URL must be an http:// or https:// URL such as https://discord.com/api; got "ftp://127.0.0.1/api"',
    },
    {
      name: 'an API URL without a scheme',
      env: { DISCORD_TOKEN: TOKEN, DISCORD_API_URL: 'discord.com/api' },
      stderr:
        'DISCORD_API_URL must be an http:// or https:// URL such as https://discord.com/api; got "discord.com/api"',
    },
    {
      name: 'several mistakes at once',
      env: { DISCORD_GUILD_ID: '12x', LOG_LEVEL: 'loud' },
      stderr: [
        'Missing DISCORD_TOKEN: set it in .env (see .env.example)',
        `DISCORD_GUILD_ID must be a Discord id ${ID_HELP}, got "12x"`,
        'LOG_LEVEL must be one of debug, info, warn, error; got "loud"',
      ].join('\n'),
    },
  ];

  it('exits 1 before connecting, printing only what is wrong, by variable name, without the token or a stack trace', async () => {
    // Two at a time (one per core): each is a separate process, and none gets as far as the network.
    const results: Array<{ name: string; code: number | null; stdout: string; stderr: string }> = [];
    for (let i = 0; i < cases.length; i += 2) {
      results.push(
        ...(await Promise.all(
          cases.slice(i, i + 2).map(async ({ name, env }) => {
            const bot = startProcess(env);
            const { code } = await bot.exited(START_BOUND_MS);
            return { name, code, stdout: bot.stdout(), stderr: bot.stderr() };
          }),
        )),
      );
    }
    expect(results).toEqual(
      cases.map(({ name, stderr }) => ({ name, code: 1, stdout: '', stderr: `${stderr}\n` })),
    );
    for (const result of results) {
      expect(result.stderr).not.toContain(TOKEN);
      expect(result.stderr).not.toMatch(STACK_FRAME);
    }
  }, 120_000);
});
