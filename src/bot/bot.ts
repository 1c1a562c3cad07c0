/**
 * Builds the bot: a discord.js client with the intents the configuration needs, the command
 * registry, the handlers, and a clean start and stop. `src/index.ts` and the end-to-end tests build
 * it the same way, the tests injecting a configuration, an engine and client options pointing at a
 * local fake Discord.
 */
import { Client, Events, GatewayIntentBits, Status, type ClientOptions } from 'discord.js';
import { DEFAULT_DISCORD_API_URL, type Config } from '../config.js';
import type { ReloadResult } from '../corpus/reload.js';
import type { Engine } from '../engine/index.js';
import type { ReportStore } from '../feedback/store.js';
import { AnswerStore } from './answer-store.js';
import type { BotContext } from './command.js';
import { loadCommands, type CommandRegistry } from './commands.js';
import { Cooldown } from './cooldown.js';
import { handleInteraction } from './interactions.js';
import { createLogger, redact, type Logger } from './log.js';
import { handleMessage } from './messages.js';
import { announceCorpusGrowth } from './notice.js';
import { renderNotice } from './render.js';
import { interactionLabel, send } from './respond.js';
import { watchStalls } from './stall.js';

/** What {@link createBot} needs. */
export interface BotOptions {
  config: Config;
  /** Returns the engine currently in service; called for every request so a reload takes effect at once. */
  getEngine: () => Engine;
  /** Reloads the corpus for `/reload`; omit when reloading is not available. */
  reloadCorpus?: (() => ReloadResult | Promise<ReloadResult>) | null;
  /** Where "Report a problem" reports go; omit or null to collect none (answers then show no such button). */
  reports?: ReportStore | null;
  /** Commands to serve. Default: the modules in `commands/`, loaded by `start()`. */
  commands?: CommandRegistry;
  /** Default: a logger at `config.logLevel` that redacts the token. */
  log?: Logger;
  /** Merged over the bot's client options (e.g. `{ rest: { api } }` to talk to a fake Discord). */
  clientOptions?: Partial<ClientOptions>;
  /** How long `stop()` waits for replies in progress. Default 5000 ms. */
  shutdownTimeoutMs?: number;
  /** How long `start()` waits for Discord to report ready. Default 60 000 ms. */
  readyTimeoutMs?: number;
}

/** A built bot. */
export interface Bot {
  readonly client: Client;
  readonly context: BotContext;
  /** Loads the commands (unless given), logs in and resolves once ready. Rejects with a {@link StartError}. */
  start(): Promise<void>;
  /** Stops taking new work, lets replies in progress finish (bounded), then disconnects. Idempotent. */
  stop(): Promise<void>;
  /**
   * Tells the corpus-notice channel (`CORPUS_NOTICE_CHANNEL_ID`) about the articles `after` has
   * that `before` had not; nothing without a channel or new articles. Never rejects.
   */
  announceCorpusChange(before: Engine, after: Engine): Promise<void>;
}

/** Why the bot could not start, worded for the person running it; never contains the token. */
export class StartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartError';
  }
}

/**
 * The gateway intents for a configuration: Guilds (threads, channels) and GuildMessages (messages
 * that mention the bot, whose content Discord delivers without the Message Content intent); the
 * privileged Message Content intent only when Q&A channels are configured, since reading
 * questions there that do not mention the bot needs it.
 */
export function intentsFor(config: Pick<Config, 'qaChannelIds'>): GatewayIntentBits[] {
  const intents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages];
  if (config.qaChannelIds.length > 0) intents.push(GatewayIntentBits.MessageContent);
  return intents;
}

/** Turns a login failure into what to do about it. */
export function describeStartFailure(error: unknown, token: string): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (
    code === 'TokenInvalid' ||
    /Authentication failed/i.test(message) ||
    (error as { status?: unknown } | null)?.status === 401
  ) {
    return 'Discord rejected DISCORD_TOKEN: it is not a valid bot token (or it was reset). Copy a new one from the Developer Portal (your application → Bot → Reset Token) into .env and start again.';
  }
  if (/disallowed intents/i.test(message)) {
    return 'Discord refused the Message Content intent, which the Q&A channels (QA_CHANNEL_IDS) need. Turn on "Message Content Intent" under Bot → Privileged Gateway Intents in the Developer Portal, or leave QA_CHANNEL_IDS empty.';
  }
  return `Could not connect to Discord: ${redact(message, [token])}`;
}

/** A one-line summary of the corpus an engine serves, for the log and `/reload`. */
export function describeEngine(engine: Engine): string {
  return `${engine.corpus.articles.length} articles, ${engine.corpus.passages.length} passages, ${engine.speakers().length} quoted speakers`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/** Builds the bot without connecting it. */
export function createBot(options: BotOptions): Bot {
  const { config } = options;
  const log = options.log ?? createLogger({ level: config.logLevel, secrets: [config.discordToken] });
  const client = new Client({
    intents: intentsFor(config),
    // The default for every message, on top of the explicit one respond.ts sets.
    allowedMentions: { parse: [], repliedUser: false },
    // DISCORD_API_URL, for a proxy or a local fake of Discord; the gateway address comes from the REST API.
    rest: { api: config.discordApiUrl ?? DEFAULT_DISCORD_API_URL },
    ...options.clientOptions,
  });
  const context: BotContext = {
    config,
    getEngine: options.getEngine,
    reloadCorpus: options.reloadCorpus ?? null,
    log,
    cooldown: new Cooldown(config.cooldownSeconds),
    answers: new AnswerStore(),
    reports: options.reports ?? null,
  };

  let registry: CommandRegistry | null = options.commands ?? null;
  // One answer blocking the loop delays every other user's: such a block is logged by name.
  const stalls = watchStalls({ log });
  let stopping: Promise<void> | null = null;
  const inFlight = new Set<Promise<void>>();
  const track = (work: Promise<void>): void => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  };

  client.on(Events.InteractionCreate, (interaction) => {
    if (!registry) return;
    if (stopping !== null) {
      if (interaction.isRepliable()) {
        track(
          send(interaction, renderNotice('The bot is restarting. Try again in a minute.'), {
            ephemeral: true,
          }).catch(() => undefined),
        );
      }
      return;
    }
    const handling = registry;
    track(
      stalls.around(interactionLabel(interaction), () => handleInteraction(interaction, handling, context)),
    );
  });
  client.on(Events.MessageCreate, (message) => {
    if (stopping !== null || !registry) return;
    track(
      stalls.around({ message: message.id, channel: message.channelId }, () =>
        handleMessage(message, context),
      ),
    );
  });
  client.on(Events.ClientReady, (ready) => {
    log.info(`ready as ${ready.user.tag}`, {
      guilds: ready.guilds.cache.size,
      commands: registry?.json.length ?? 0,
      qaChannels: config.qaChannelIds.length,
      messageContent: config.qaChannelIds.length > 0,
    });
    if (config.discordClientId && ready.application.id !== config.discordClientId) {
      log.warn(
        'DISCORD_CLIENT_ID is not the id of the application this token belongs to; deploy-commands would register commands for another application',
        {
          configured: config.discordClientId,
          actual: ready.application.id,
        },
      );
    }
  });
  client.on(Events.Error, (error) => log.error('discord client error', { error }));
  client.on(Events.Warn, (message) => log.warn(message));
  client.on(Events.Debug, (message) => log.debug(message));
  client.on(Events.ShardDisconnect, (event, shard) =>
    log.warn('gateway disconnected and will not reconnect', { shard, code: event.code }),
  );
  client.on(Events.ShardReconnecting, (shard) => {
    // discord.js reports its own shutdown as a reconnect too.
    if (stopping === null) log.info('gateway connection lost; reconnecting', { shard });
  });
  client.on(Events.ShardResume, (shard, replayed) =>
    log.info('gateway session resumed', { shard, replayed }),
  );

  async function start(): Promise<void> {
    registry ??= await loadCommands();
    const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
    try {
      await client.login(config.discordToken);
    } catch (error) {
      log.debug('login failed', { error });
      throw new StartError(describeStartFailure(error, config.discordToken));
    }
    const timeoutMs = options.readyTimeoutMs ?? 60_000;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const outcome = await Promise.race([ready.then(() => 'ready' as const), timedOut]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      await client.destroy();
      throw new StartError(`Discord did not report the bot ready within ${Math.round(timeoutMs / 1000)} s.`);
    }
  }

  function stop(): Promise<void> {
    stopping ??= (async () => {
      const pending = [...inFlight];
      if (pending.length > 0) log.info('waiting for replies in progress', { count: pending.length });
      const waitMs = options.shutdownTimeoutMs ?? 5000;
      const finished = await Promise.race([
        Promise.allSettled(pending).then(() => true),
        sleep(waitMs).then(() => false),
      ]);
      if (!finished)
        log.warn('some replies did not finish before shutdown', { count: inFlight.size, waitedMs: waitMs });
      // Destroying while @discordjs/ws sits in a reconnect back-off can leave it reconnecting; let it settle (bounded).
      if (client.readyTimestamp !== null) {
        const deadline = Date.now() + waitMs;
        const settled = (): boolean =>
          client.ws.shards.every((shard) =>
            [Status.Ready, Status.Disconnected, Status.Idle].includes(shard.status),
          );
        while (!settled() && Date.now() < deadline) await sleep(20);
      }
      await client.destroy();
      stalls.stop();
      log.info('disconnected from Discord');
    })();
    return stopping;
  }

  function announceCorpusChange(before: Engine, after: Engine): Promise<void> {
    const work = announceCorpusGrowth(client, config.corpusNoticeChannelId, log, before, after);
    track(work);
    return work;
  }

  return { client, context, start, stop, announceCorpusChange };
}
