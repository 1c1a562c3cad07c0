/**
 * Runs the real bot (createBot, the real discord.js Client, the real commands and engine) against
 * the local fake Discord, and collects its log lines.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBot, type Bot, type BotOptions } from '../../src/bot/bot.js';
import { loadCommands, type CommandRegistry } from '../../src/bot/commands.js';
import { createLogger } from '../../src/bot/log.js';
import { parseConfig, type Config } from '../../src/config.js';
import { loadEngine, type Engine } from '../../src/engine/index.js';
import {
  startFakeDiscord,
  waitForClientReady,
  type FakeDiscord,
  type FakeDiscordOptions,
  type JsonObject,
  type RecordedRequest,
} from '../support/fake-discord.js';
import { FIXTURE_CORPUS_DIR } from '../support/corpus.js';

let sharedEngine: Engine | undefined;
let sharedCommands: Promise<CommandRegistry> | undefined;

/** The engine over the bundled corpus, built once per test file. */
export function engine(): Engine {
  sharedEngine ??= loadEngine(FIXTURE_CORPUS_DIR);
  return sharedEngine;
}

/** Options of {@link startBot}. */
export interface HarnessOptions {
  /** Configure the fake guild's second channel (`ask-the-desk`) as a Q&A channel. */
  qa?: boolean;
  /** Default 0 (off), so tests can ask in quick succession. */
  cooldownSeconds?: number;
  fake?: FakeDiscordOptions;
  /** Environment merged over the generated one. */
  env?: Record<string, string>;
  bot?: Partial<BotOptions>;
  /** Do not log in (for tests of start-up failures). */
  noStart?: boolean;
  /** A fake Discord already running (e.g. for a bot started again after a restart); not stopped by `stop()`. */
  existingFake?: FakeDiscord;
}

/** A running bot against a running fake. */
export interface Harness {
  fake: FakeDiscord;
  bot: Bot;
  config: Config;
  /** Every line the bot logged (debug included). */
  logs: string[];
  /** Id of the Q&A channel (`ask-the-desk`), configured or not. */
  qaChannelId: string;
  /** The button state database file (a fresh temporary one unless BUTTON_STATE_FILE is given). */
  stateFile: string;
  /** Stops the bot (waiting for it to settle) and the fake. */
  stop(): Promise<void>;
  /**
   * Stops this bot (not the fake) and starts a new one, a new process's worth of state, against
   * the same fake Discord and the same button state file: a restart between two clicks.
   */
  restart(options?: HarnessOptions): Promise<Harness>;
}

/** Starts the fake Discord and the bot against it; resolves once the bot is ready. */
export async function startBot(options: HarnessOptions = {}): Promise<Harness> {
  const fake =
    options.existingFake ??
    (await startFakeDiscord({
      guilds: [{ channels: [{ name: 'newsroom' }, { name: 'ask-the-desk' }] }],
      ...options.fake,
    }));
  const ownsFake = options.existingFake === undefined;
  // A fresh button state file per test, removed with the fake (a restarted bot is given the same file).
  const stateDir = options.env?.BUTTON_STATE_FILE ? null : mkdtempSync(join(tmpdir(), 'bot-state-'));
  const cleanUp = async (): Promise<void> => {
    await fake.stop();
    if (stateDir) rmSync(stateDir, { recursive: true, force: true });
  };
  const qaChannelId = (fake.guilds[0]!.channels as JsonObject[])[1]!.id as string;
  const config = parseConfig({
    DISCORD_TOKEN: fake.token,
    DISCORD_CLIENT_ID: fake.applicationId,
    DISCORD_GUILD_ID: fake.guildId,
    QA_CHANNEL_IDS: options.qa ? qaChannelId : '',
    COOLDOWN_SECONDS: String(options.cooldownSeconds ?? 0),
    LOG_LEVEL: 'debug',
    ...(stateDir ? { BUTTON_STATE_FILE: join(stateDir, 'buttons.sqlite') } : {}),
    ...options.env,
  });
  const logs: string[] = [];
  sharedCommands ??= loadCommands();
  const bot = createBot({
    config,
    getEngine: engine,
    commands: await sharedCommands,
    log: createLogger({ level: 'debug', secrets: [config.discordToken], write: (line) => logs.push(line) }),
    clientOptions: { rest: { api: fake.restUrl } },
    shutdownTimeoutMs: 3000,
    readyTimeoutMs: 10_000,
    ...options.bot,
  });
  const harness: Harness = {
    fake,
    bot,
    config,
    logs,
    qaChannelId,
    stateFile: config.buttonStateFile,
    async stop() {
      // The fake's helper: destroying during a reconnect back-off can hang @discordjs/ws.
      // (A client already destroyed by the test has no token left and needs no waiting.)
      if (bot.client.readyTimestamp !== null && bot.client.token !== null)
        await waitForClientReady(bot.client, 5000).catch(() => undefined);
      await bot.stop();
      if (ownsFake) await cleanUp();
    },
    async restart(more: HarnessOptions = {}) {
      await waitForClientReady(bot.client, 5000).catch(() => undefined);
      await bot.stop();
      const next = await startBot({
        ...options,
        ...more,
        existingFake: fake,
        env: { ...options.env, BUTTON_STATE_FILE: config.buttonStateFile, ...more.env },
      });
      // The fake now belongs to the new harness's caller through this one.
      return {
        ...next,
        stop: async () => {
          await next.stop();
          if (ownsFake) await cleanUp();
        },
      };
    },
  };
  if (!options.noStart) {
    try {
      await bot.start();
      await waitForClientReady(bot.client);
    } catch (error) {
      if (ownsFake) await cleanUp();
      throw error;
    }
  }
  return harness;
}

/** A chat-input option as Discord sends it. */
export function option(name: string, value: string | number | boolean, extra: JsonObject = {}): JsonObject {
  const type = typeof value === 'string' ? 3 : typeof value === 'number' ? 4 : 5;
  return { type, name, value, ...extra };
}

/** The successful edit of an interaction's original response (what the user finally sees after a defer). */
export async function finalEdit(fake: FakeDiscord, interactionId: string): Promise<RecordedRequest> {
  return fake.waitForRequest(
    (r) =>
      r.interactionId === interactionId &&
      r.method === 'PATCH' &&
      r.path.endsWith('/@original') &&
      r.status === 200,
    {
      description: `the edit of interaction ${interactionId}'s reply`,
    },
  );
}

/** The accepted callback of an interaction. */
export async function callback(fake: FakeDiscord, interactionId: string): Promise<RecordedRequest> {
  return fake.waitForRequest(
    (r) =>
      r.interactionId === interactionId &&
      r.path.endsWith('/callback') &&
      r.status !== undefined &&
      r.status < 300,
    {
      description: `the callback of interaction ${interactionId}`,
    },
  );
}

/** The first embed of a message body. */
export function embedOf(body: unknown): {
  title?: string;
  description?: string;
  fields?: Array<{ name: string; value: string }>;
  footer?: { text: string };
} {
  const data = (body as { data?: unknown }).data ?? body;
  return ((data as { embeds?: unknown[] }).embeds?.[0] ?? {}) as ReturnType<typeof embedOf>;
}

/** The buttons of a message body, as `label → custom_id`. */
export function buttonsOf(body: unknown): string[] {
  const data = ((body as { data?: unknown }).data ?? body) as {
    components?: Array<{ components: Array<{ label?: string; custom_id?: string }> }>;
  };
  return (data.components ?? []).flatMap((row) => row.components.map((c) => `${c.label} → ${c.custom_id}`));
}

/** Waits until `predicate` holds, polling. */
export async function until(
  predicate: () => boolean,
  timeoutMs = 15_000,
  what = 'a condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const MESSAGE_OPERATIONS = new Set([
  'create_message',
  'update_original_webhook_message',
  'update_webhook_message',
  'execute_webhook',
]);

/**
 * Checks every message the bot sent (channel messages, thread messages, interaction replies,
 * updates, edits and follow-ups): each carries `allowed_mentions: { parse: [], replied_user: false }`.
 */
export function assertNobodyPinged(fake: FakeDiscord): void {
  const offenders = fake.requests.filter((r) => {
    const op = r.operation?.operationId;
    let message: unknown;
    if (op && MESSAGE_OPERATIONS.has(op)) message = r.body;
    else if (op === 'create_interaction_response' && [4, 7].includes((r.body as { type?: number }).type ?? 0))
      message = (r.body as { data?: unknown }).data;
    else return false;
    const allowed = (message as { allowed_mentions?: unknown } | undefined)?.allowed_mentions;
    return JSON.stringify(allowed) !== JSON.stringify({ parse: [], replied_user: false });
  });
  if (offenders.length > 0) {
    throw new Error(
      `Messages sent without allowed_mentions { parse: [], replied_user: false }:\n${offenders.map((r) => `#${r.seq} ${r.method} ${r.path}`).join('\n')}`,
    );
  }
}

/**
 * The end of every end-to-end test: every body the bot sent must pass Discord's spec and ping
 * no one, and the bot and the fake are stopped whatever the outcome.
 */
export async function checkAndStop(h: Harness | undefined): Promise<void> {
  if (!h) return;
  try {
    h.fake.assertAllValid();
    assertNobodyPinged(h.fake);
  } finally {
    await h.stop();
  }
}
