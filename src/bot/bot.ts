/**
 * Builds the bot: a discord.js client with the intents the configuration needs, the command
 * registry, the handlers (events.ts), and a clean start and stop (lifecycle.ts). `src/index.ts` and
 * the end-to-end tests build it the same way, the tests injecting a configuration, an engine and
 * client options pointing at a local fake Discord.
 */
import { Client, GatewayIntentBits, type ClientOptions } from 'discord.js';
import { DEFAULT_DISCORD_API_URL, type Config } from '../config.js';
import type { ReloadResult } from '../corpus/reload.js';
import type { Engine } from '../engine/index.js';
import type { ReportStore } from '../feedback/store.js';
import { AnswerStore, type AnswerStoreOptions } from './answer-store.js';
import type { BotContext } from './command.js';
import { loadCommands, type CommandRegistry } from './commands.js';
import { Cooldown } from './cooldown.js';
import { wireEvents } from './events.js';
import { startClient, stopClient } from './lifecycle.js';
import { createLogger, type Logger } from './log.js';
import { announceCorpusGrowth } from './notice.js';
import { exemptInteractionWebhooks } from './rest.js';
import { watchStalls } from './stall.js';

export { StartError, describeStartFailure } from './lifecycle.js';

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
  /** Options of the button state store; its file defaults to `config.buttonStateFile`. */
  answerStore?: AnswerStoreOptions;
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

/** A one-line summary of the corpus an engine serves, for the log and `/reload`. */
export function describeEngine(engine: Engine): string {
  return `${engine.corpus.articles.length} articles, ${engine.corpus.passages.length} passages, ${engine.speakers().length} quoted speakers`;
}

/** Builds the bot without connecting it. */
export function createBot(options: BotOptions): Bot {
  const { config } = options;
  const log =
    options.log ??
    createLogger({ level: config.logLevel, format: config.logFormat, secrets: [config.discordToken] });
  const client = new Client({
    intents: intentsFor(config),
    // The default for every message, on top of the explicit one respond.ts sets.
    allowedMentions: { parse: [], repliedUser: false },
    // DISCORD_API_URL, for a proxy or a local fake of Discord; the gateway address comes from the REST API.
    rest: { api: config.discordApiUrl ?? DEFAULT_DISCORD_API_URL },
    ...options.clientOptions,
  });
  // Interaction-reply edits and follow-ups are not held to discord.js's own 50-a-second global limit.
  exemptInteractionWebhooks(client);
  const context: BotContext = {
    config,
    getEngine: options.getEngine,
    reloadCorpus: options.reloadCorpus ?? null,
    log,
    cooldown: new Cooldown(config.cooldownSeconds),
    answers: new AnswerStore({ file: config.buttonStateFile, ...options.answerStore }),
    reports: options.reports ?? null,
  };

  let registry: CommandRegistry | null = options.commands ?? null;
  let stopping: Promise<void> | null = null;
  const inFlight = new Set<Promise<void>>();
  const track = (work: Promise<void>): void => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  };
  // One answer blocking the loop delays every other user's: such a block is logged by name.
  const stalls = watchStalls({ log });
  wireEvents(client, context, {
    registry: () => registry,
    stopping: () => stopping !== null,
    track,
    stalls,
  });

  return {
    client,
    context,
    async start() {
      registry ??= await loadCommands();
      await startClient(client, config.discordToken, log, options.readyTimeoutMs ?? 60_000);
    },
    stop() {
      stopping ??= stopClient(client, inFlight, log, options.shutdownTimeoutMs ?? 5000).finally(() => {
        stalls.stop();
        context.answers.close();
      });
      return stopping;
    },
    announceCorpusChange(before, after) {
      const work = announceCorpusGrowth(client, config.corpusNoticeChannelId, log, before, after);
      track(work);
      return work;
    },
  };
}
