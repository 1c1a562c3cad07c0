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
}

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
        .refine((value) => !/^Bot\s/i.test(value) && !/\s/.test(value), {
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
    BUTTON_STATE_FILE: optional(z.string().trim()),
    DISCORD_API_URL: optional(
      z
        .string()
        .trim()
        .refine((value) => isHttpUrl(value), {
          error: (issue) =>
            `DISCORD_API_URL must be an http:// or https:// URL such as ${DEFAULT_DISCORD_API_URL}; got ${shown(issue.input, token)}`,
        })
        .transform((value) => value.replace(/\/+$/, '')),
    ),
  });
}

/**
 * Parses an environment (as `process.env` is shaped) into a frozen {@link Config}.
 * Throws {@link ConfigError} listing every problem, one per line, each naming the variable.
 */
export function parseConfig(env: Record<string, string | undefined>): Config {
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
  return Object.freeze({
    discordToken: data.DISCORD_TOKEN,
    discordClientId: data.DISCORD_CLIENT_ID ?? null,
    discordGuildId: data.DISCORD_GUILD_ID ?? null,
    qaChannelIds: Object.freeze(data.QA_CHANNEL_IDS ?? []),
    logLevel: data.LOG_LEVEL ?? 'info',
    cooldownSeconds: data.COOLDOWN_SECONDS ?? DEFAULT_COOLDOWN_SECONDS,
    corpusDir: data.CORPUS_DIR ?? null,
    buttonStateFile: data.BUTTON_STATE_FILE ?? DEFAULT_BUTTON_STATE_FILE,
    // Absent rather than null when not set, so that a configuration without it reads as before.
    ...(data.DISCORD_API_URL !== undefined ? { discordApiUrl: data.DISCORD_API_URL } : {}),
  });
}

/**
 * Reads `.env` from the working directory (if there is one) and the process environment, the
 * environment winning, and parses them. Throws {@link ConfigError}.
 */
export function loadConfig(): Config {
  const fromFile: Record<string, string> = {};
  // Loaded into a separate object so that reading the config does not change process.env.
  dotenv.config({ quiet: true, processEnv: fromFile });
  return parseConfig({ ...fromFile, ...process.env });
}
