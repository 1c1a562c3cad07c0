/**
 * The bot's configuration: `.env` (via dotenv) under the process environment, parsed once by one
 * zod schema into a frozen, typed object. Nothing else in the project reads `process.env`.
 */
import dotenv from 'dotenv';
import { z } from 'zod';

/** Log levels, least severe first. */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;

/** One of {@link LOG_LEVELS}. */
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Shapes of log line: one JSON object per line, or readable text. */
export const LOG_FORMATS = ['json', 'text'] as const;

/** One of {@link LOG_FORMATS}. */
export type LogFormat = (typeof LOG_FORMATS)[number];

/** The validated configuration. */
export interface Config {
  /** Bot token from the Developer Portal (Bot → Reset Token). Secret: never logged. */
  readonly discordToken: string;
  /** Application id (General Information → Application ID); needed to register commands. */
  readonly discordClientId: string | null;
  /** A guild to register commands in (instant), instead of globally; null for global. */
  readonly discordGuildId: string | null;
  /** Newsroom Q&A channels: questions posted there are answered in a thread. Empty: none. */
  readonly qaChannelIds: readonly string[];
  /** Least severe level written to the log. Default `info`. */
  readonly logLevel: LogLevel;
  /**
   * `LOG_FORMAT`: `json` (one object per line, for a service) or `text` (readable lines). Default:
   * `text` when standard output is a terminal, `json` otherwise (systemd, Docker, a pipe).
   */
  readonly logFormat: LogFormat;
  /** Seconds a user waits between two questions; 0 turns the cooldown off. Default 5. */
  readonly cooldownSeconds: number;
  /** Corpus directory to load instead of the bundled one; null for the bundled corpus. */
  readonly corpusDir: string | null;
  /**
   * The SQLite file keeping what answer buttons need, so they work after a restart
   * (`BUTTON_STATE_FILE`). Default {@link DEFAULT_BUTTON_STATE_FILE}, relative to the working directory.
   */
  readonly buttonStateFile: string;
  /**
   * Base URL of Discord's REST API (`DISCORD_API_URL`), without a trailing slash; undefined (the key
   * absent) for Discord's own, {@link DEFAULT_DISCORD_API_URL}. Only the REST calls use it (the
   * gateway address comes from `GET /gateway/bot`). For a proxy or a local fake of Discord; the bot
   * token is sent there.
   */
  readonly discordApiUrl?: string;
  /**
   * A model file to rank and judge confidence by instead of the bundled data/rank-model.json
   * (`RANK_MODEL_FILE`, e.g. one `npm run train -- --refit-out FILE` wrote); undefined (the key
   * absent) for the bundled one.
   */
  readonly rankModelFile?: string;
  /** SQLite file where "Report a problem" reports are kept (`REPORTS_DB`). Default {@link DEFAULT_REPORTS_DB}. */
  readonly reportsDb: string;
  /** Channel told when the corpus gains articles (`CORPUS_NOTICE_CHANNEL_ID`); null for no notice. */
  readonly corpusNoticeChannelId: string | null;
  /**
   * Total number of shards across every host (`SHARD_COUNT`); null to take Discord's recommendation
   * (`GET /gateway/bot` on the configured API). Read by `npm run start:sharded`.
   */
  readonly shardCount: number | null;
  /**
   * The shards this host runs (`SHARD_IDS`, e.g. `0,1` or `0-3`), sorted; null for all of them.
   * Needs {@link Config.shardCount}, so that every host splits the same total.
   */
  readonly shardIds: readonly number[] | null;
  /**
   * True in a shard's process started by `npm run start:sharded` (discord.js's ShardingManager sets
   * `SHARDING_MANAGER` there and hands the shard its id itself).
   */
  readonly shardedChild: boolean;
}

/** Default of `REPORTS_DB`, relative to the working directory. */
export const DEFAULT_REPORTS_DB = 'data/reports.sqlite';

/** Discord's REST API, used when `DISCORD_API_URL` is not set (discord.js's own default). */
export const DEFAULT_DISCORD_API_URL = 'https://discord.com/api';

/** Default of `BUTTON_STATE_FILE`. */
export const DEFAULT_BUTTON_STATE_FILE = 'data/button-state.sqlite';

/** Default of `COOLDOWN_SECONDS`. */
export const DEFAULT_COOLDOWN_SECONDS = 5;

/** A configuration problem, worded for the person editing `.env`. Its message never contains the token. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}

const SNOWFLAKE = /^\d{17,20}$/;

/** Blank values are "not set", as t3-env does: `DISCORD_GUILD_ID=` in `.env` means no guild. */
function blankToUndefined(value: unknown): unknown {
  return typeof value === 'string' && value.trim() === '' ? undefined : value;
}

function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess(blankToUndefined, schema.optional());
}

function missing(name: string): string {
  return `Missing ${name}: set it in .env (see .env.example)`;
}

/** Shows a bad value in a message unless it could be (part of) the token or another secret. */
function shown(value: unknown, token: string | undefined): string {
  const text = String(value);
  const overlapsToken =
    token !== undefined && text.length >= 6 && (token.includes(text) || text.includes(token));
  return text.length > 24 || overlapsToken ? '(a long value, not shown)' : JSON.stringify(text);
}

/**
 * Whether a URL's host is this machine: 127.0.0.0/8, ::1 or `localhost`. The URL parser has already
 * normalised the spellings (`127.1`, `0x7f.1`, `[0:0::1]`), so these checks see the canonical form.
 */
export function isLoopbackHost(hostname: string): boolean {
  return (
    hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
  );
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      url.hostname !== '' &&
      url.username === '' &&
      url.password === '' &&
      url.search === '' &&
      url.hash === ''
    );
  } catch {
    return false;
  }
}

function snowflake(name: string, token: string | undefined) {
  return z
    .string()
    .trim()
    .refine((value) => SNOWFLAKE.test(value), {
      error: (issue) =>
        `${name} must be a Discord id (17 to 20 digits; right-click → Copy ID with Developer Mode on), got ${shown(issue.input, token)}`,
    });
}

function schemaFor(token: string | undefined) {
  return z.object({
    DISCORD_TOKEN: z.preprocess(
      blankToUndefined,
      z
        .string({ error: missing('DISCORD_TOKEN') })
        .trim()
        // A token pasted with its header or quotes would only fail later, at login, with a vaguer message.
        .refine((value) => !/^Bot\s/i.test(value) && !/[\s"'`]/.test(value), {
          error: 'DISCORD_TOKEN must be the bare token (no "Bot " prefix, no spaces or quotes)',
        }),
    ),
    DISCORD_CLIENT_ID: optional(snowflake('DISCORD_CLIENT_ID', token)),
    DISCORD_GUILD_ID: optional(snowflake('DISCORD_GUILD_ID', token)),
    QA_CHANNEL_IDS: optional(
      z.string().transform((value, ctx) => {
        const ids = value
          .split(',')
          .map((part) => part.trim())
          .filter((part) => part.length > 0);
        const bad = ids.find((id) => !SNOWFLAKE.test(id));
        if (bad !== undefined) {
          ctx.addIssue({
            code: 'custom',
            message: `QA_CHANNEL_IDS must be channel ids separated by commas; ${shown(bad, token)} is not a Discord id (17 to 20 digits)`,
          });
          return z.NEVER;
        }
        return [...new Set(ids)];
      }),
    ),
    LOG_LEVEL: optional(
      z
        .string()
        .trim()
        .transform((value) => value.toLowerCase())
        .pipe(
          z.enum(LOG_LEVELS, {
            error: (issue) =>
              `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}; got ${shown(issue.input, token)}`,
          }),
        ),
    ),
    LOG_FORMAT: optional(
      z
        .string()
        .trim()
        .transform((value) => value.toLowerCase())
        .pipe(
          z.enum(LOG_FORMATS, {
            error: (issue) =>
              `LOG_FORMAT must be json (one object per line) or text (readable lines); got ${shown(issue.input, token)}`,
          }),
        ),
    ),
    COOLDOWN_SECONDS: optional(
      z
        .string()
        .trim()
        // Parsed by hand rather than z.coerce, which would read "" or "  " as 0 and " 5s" as NaN quietly.
        .refine((value) => /^\d{1,4}$/.test(value) && Number(value) <= 3600, {
          error: (issue) =>
            `COOLDOWN_SECONDS must be a whole number of seconds from 0 to 3600; got ${shown(issue.input, token)}`,
        })
        .transform(Number),
    ),
    CORPUS_DIR: optional(z.string().trim()),
    RANK_MODEL_FILE: optional(z.string().trim()),
    BUTTON_STATE_FILE: optional(z.string().trim()),
    REPORTS_DB: optional(z.string().trim()),
    CORPUS_NOTICE_CHANNEL_ID: optional(snowflake('CORPUS_NOTICE_CHANNEL_ID', token)),
    DISCORD_API_URL: optional(
      z
        .string()
        .trim()
        .transform((value, ctx) => {
          if (!isHttpUrl(value)) {
            ctx.addIssue({
              code: 'custom',
              message: `DISCORD_API_URL must be an http:// or https:// URL such as ${DEFAULT_DISCORD_API_URL}; got ${shown(value, token)}`,
            });
            return z.NEVER;
          }
          // The token is sent to this address: in clear text only as far as this machine.
          const url = new URL(value);
          if (url.protocol !== 'https:' && !isLoopbackHost(url.hostname)) {
            ctx.addIssue({
              code: 'custom',
              message: `DISCORD_API_URL must use https:// (the bot token is sent there); http:// is allowed only for this machine (127.0.0.1, ::1, localhost), not for host ${shown(url.host, token)}`,
            });
            return z.NEVER;
          }
          return value.replace(/\/+$/, '');
        }),
    ),
    // Set by discord.js's ShardingManager in each shard's environment, never by hand.
    SHARDING_MANAGER: optional(z.string()),
    SHARD_COUNT: optional(
      z
        .string()
        .trim()
        .refine((value) => /^\d{1,5}$/.test(value) && Number(value) >= 1, {
          error: (issue) =>
            `SHARD_COUNT must be a whole number of shards, 1 or more (the total across every host); got ${shown(issue.input, token)}`,
        })
        .transform(Number),
    ),
    SHARD_IDS: optional(
      z.string().transform((value, ctx) => {
        const ids = new Set<number>();
        for (const part of value.split(',').map((p) => p.trim())) {
          if (part === '') continue;
          const range = /^(\d{1,5})(?:\s*-\s*(\d{1,5}))?$/.exec(part);
          const from = Number(range?.[1]);
          const to = range?.[2] === undefined ? from : Number(range[2]);
          if (!range || to < from) {
            ctx.addIssue({
              code: 'custom',
              message: `SHARD_IDS must be shard numbers from 0, separated by commas, or ranges such as 0-3; ${shown(part, token)} is neither`,
            });
            return z.NEVER;
          }
          for (let id = from; id <= to; id++) ids.add(id);
        }
        return [...ids].sort((a, b) => a - b);
      }),
    ),
  });
}

/**
 * The warning to log at start-up when `DISCORD_API_URL` points anywhere but Discord's own API,
 * naming the host that receives the bot token; null when it is Discord's (or not set).
 */
export function apiHostWarning(config: Pick<Config, 'discordApiUrl'>): string | null {
  if (config.discordApiUrl === undefined) return null;
  const host = new URL(config.discordApiUrl).host;
  if (host === new URL(DEFAULT_DISCORD_API_URL).host) return null;
  return `DISCORD_API_URL is not Discord's API: requests and the bot token go to ${host}`;
}

/** What the configuration defaults depend on besides the environment. */
export interface ConfigContext {
  /** Whether standard output is a terminal (decides the default {@link Config.logFormat}). Default false. */
  stdoutIsTerminal?: boolean;
}

/**
 * Parses an environment (as `process.env` is shaped) into a frozen {@link Config}.
 * Throws {@link ConfigError} listing every problem, one per line, each naming the variable.
 */
export function parseConfig(env: Record<string, string | undefined>, context: ConfigContext = {}): Config {
  const token = typeof env.DISCORD_TOKEN === 'string' ? env.DISCORD_TOKEN.trim() || undefined : undefined;
  const result = schemaFor(token).safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'environment');
      // zod's own wording for a wrong type would not name the variable.
      return issue.message.includes(name) ? issue.message : `${name}: ${issue.message}`;
    });
    throw new ConfigError([...new Set(problems)]);
  }
  const data = result.data;
  const shardIds = data.SHARD_IDS && data.SHARD_IDS.length > 0 ? data.SHARD_IDS : undefined;
  if (shardIds && data.SHARD_COUNT === undefined)
    throw new ConfigError([
      'SHARD_IDS needs SHARD_COUNT: set SHARD_COUNT to the total number of shards across every host, the same on each',
    ]);
  const beyond = shardIds?.find((id) => id >= (data.SHARD_COUNT ?? 0));
  if (beyond !== undefined)
    throw new ConfigError([
      `SHARD_IDS names shard ${beyond}, but with SHARD_COUNT=${data.SHARD_COUNT} the shards are 0 to ${(data.SHARD_COUNT ?? 1) - 1}`,
    ]);
  return Object.freeze({
    discordToken: data.DISCORD_TOKEN,
    discordClientId: data.DISCORD_CLIENT_ID ?? null,
    discordGuildId: data.DISCORD_GUILD_ID ?? null,
    qaChannelIds: Object.freeze(data.QA_CHANNEL_IDS ?? []),
    logLevel: data.LOG_LEVEL ?? 'info',
    logFormat: data.LOG_FORMAT ?? (context.stdoutIsTerminal ? 'text' : 'json'),
    cooldownSeconds: data.COOLDOWN_SECONDS ?? DEFAULT_COOLDOWN_SECONDS,
    corpusDir: data.CORPUS_DIR ?? null,
    buttonStateFile: data.BUTTON_STATE_FILE ?? DEFAULT_BUTTON_STATE_FILE,
    reportsDb: data.REPORTS_DB ?? DEFAULT_REPORTS_DB,
    corpusNoticeChannelId: data.CORPUS_NOTICE_CHANNEL_ID ?? null,
    // Absent rather than null when not set, so that a configuration without it reads as before.
    ...(data.DISCORD_API_URL !== undefined ? { discordApiUrl: data.DISCORD_API_URL } : {}),
    ...(data.RANK_MODEL_FILE !== undefined ? { rankModelFile: data.RANK_MODEL_FILE } : {}),
    shardCount: data.SHARD_COUNT ?? null,
    shardIds: shardIds ? Object.freeze(shardIds) : null,
    shardedChild: data.SHARDING_MANAGER !== undefined,
  });
}

/**
 * Reads `.env` from the working directory (if there is one) and the process environment, the
 * environment winning, and parses them. Throws {@link ConfigError}.
 */
export function loadConfig(): Config {
  return parseConfig(environment(), { stdoutIsTerminal: process.stdout.isTTY === true });
}

function environment(): Record<string, string | undefined> {
  const fromFile: Record<string, string> = {};
  // Loaded into a separate object so that reading the config does not change process.env.
  dotenv.config({ quiet: true, processEnv: fromFile });
  return { ...fromFile, ...process.env };
}

/**
 * `REPORTS_DB` alone, for tools that read the reports without running the bot (`npm run
 * feedback`), so they need no token. Same `.env` and environment as {@link loadConfig}.
 */
export function loadReportsDbPath(env: Record<string, string | undefined> = environment()): string {
  const value = env.REPORTS_DB?.trim();
  return value ? value : DEFAULT_REPORTS_DB;
}

/**
 * For entry points: {@link loadConfig}, then `check` (an entry point's own requirements, throwing
 * {@link ConfigError}); on a ConfigError prints its problems to stderr, one per line and no stack
 * trace, and exits 1.
 */
export function loadConfigOrExit(check?: (config: Config) => void): Config {
  try {
    const config = loadConfig();
    check?.(config);
    return config;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
