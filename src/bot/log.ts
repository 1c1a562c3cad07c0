/**
 * A small levelled logger whose every line passes through {@link redact}, so the bot token, interaction
 * tokens and anything shaped like a Discord token never reach the log.
 */
import { inspect } from 'node:util';
import { LOG_LEVELS, type LogLevel } from '../config.js';

/** Extra detail for a log line, written as `key=value` pairs after the message. */
export type LogFields = Record<string, unknown>;

/** A levelled logger. */
export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/** Options of {@link createLogger}. */
export interface LoggerOptions {
  /** Least severe level written. Default `info`. */
  level?: LogLevel;
  /** Secrets to blank out wherever they appear (the bot token). Empty strings are ignored. */
  secrets?: readonly (string | null | undefined)[];
  /** Where lines go. Default: stderr for warn and error, stdout otherwise. */
  write?: (line: string, level: LogLevel) => void;
  /** Clock, for tests. Default `() => new Date()`. */
  now?: () => Date;
}

/** What a blanked secret is replaced by. */
export const REDACTED = '[redacted]';

// Bot tokens are three base64url parts: the user id, a timestamp and an HMAC. discord.js's own debug
// line ("Provided token: …") shows the first two and stars for the HMAC: that form is blanked too.
const TOKEN_SHAPE = /[A-Za-z\d_-]{20,}\.[A-Za-z\d_-]{5,}\.(?:[A-Za-z\d_-]{20,}|\*{20,})/g;
// Interaction and webhook tokens travel in URL paths, which error messages quote.
const WEBHOOK_PATH = /((?:webhooks|interactions)\/\d+\/)[^/\s?"']+/g;

/** Blanks out the given secrets, Discord-token-shaped strings and webhook/interaction tokens in URLs. */
export function redact(text: string, secrets: readonly (string | null | undefined)[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret || secret.length < 4) continue;
    out = out.split(secret).join(REDACTED);
    // discord.js logs a token as `<part 1>.<part 2>.*****` at debug level: two thirds of it.
    const parts = secret.split('.');
    if (parts.length > 2)
      out = out
        .split(parts.map((part, i) => (i > 1 ? '*'.repeat(part.length) : part)).join('.'))
        .join(REDACTED);
  }
  return out.replace(TOKEN_SHAPE, REDACTED).replace(WEBHOOK_PATH, `$1${REDACTED}`);
}

function formatValue(value: unknown): string {
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    const status = (value as { status?: unknown }).status;
    const head = `${value.name}: ${value.message}${code !== undefined ? ` (code ${String(code)})` : ''}${status !== undefined ? ` [HTTP ${String(status)}]` : ''}`;
    return value.stack ? `${head}\n${value.stack.split('\n').slice(1).join('\n')}` : head;
  }
  if (typeof value === 'string') return /[\s"=]/.test(value) ? JSON.stringify(value) : value;
  return inspect(value, { depth: 4, breakLength: Infinity });
}

/** Creates a logger. Lines look like `2024-05-01T12:00:00.000Z INFO  ready as bot#0001 guilds=3`. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const threshold = LOG_LEVELS.indexOf(options.level ?? 'info');
  const secrets = options.secrets ?? [];
  const now = options.now ?? (() => new Date());
  const write =
    options.write ??
    ((line: string, level: LogLevel) => {
      (level === 'warn' || level === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
    });
  const log =
    (level: LogLevel) =>
    (message: string, fields: LogFields = {}): void => {
      if (LOG_LEVELS.indexOf(level) < threshold) return;
      const pairs = Object.entries(fields)
        .filter(([, value]) => value !== undefined)
        .map(([key, value]) => `${key}=${formatValue(value)}`);
      const line = `${now().toISOString()} ${level.toUpperCase().padEnd(5)} ${[message, ...pairs].join(' ')}`;
      write(redact(line, secrets), level);
    };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}
