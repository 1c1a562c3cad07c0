/**
 * A small levelled logger whose every line passes through {@link redact}, so the bot token, interaction
 * tokens and anything shaped like a Discord token never reach the log. Two shapes of line: `json`,
 * one JSON object per line for a service's log collector (journald, Docker, a log shipper), and
 * `text`, readable lines for a terminal; same levels, same redaction.
 *
 * Why not pino (what discord.js's docs bot uses): pino's `redact` censors values at given object
 * paths, but the token also turns up inside strings — discord.js's own debug line "Provided token:
 * …", error messages and stacks quoting a webhook URL with an interaction token — which it leaves as
 * they are (checked with pino 10: a `token` field is censored, the same token in the message or in
 * `err.message`/`err.stack` is printed whole). Every serialised line would still have to pass through
 * {@link redact} here, readable terminal lines would need pino-pretty (another dozen runtime
 * packages) in a different line shape, and the bot writes a handful of lines per interaction, so
 * pino's speed buys nothing measurable. What remains to write by hand is one JSON.stringify.
 */
import { inspect } from 'node:util';
import { LOG_LEVELS, type LogFormat, type LogLevel } from '../config.js';

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
  /** `text` (default): readable lines; `json`: one JSON object per line (`time`, `level`, `msg`, then the fields). */
  format?: LogFormat;
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

/** An error as JSON: what `formatValue` shows in a text line, as fields. */
function errorJson(error: Error): Record<string, unknown> {
  const { code, status } = error as { code?: unknown; status?: unknown };
  return {
    type: error.name,
    message: error.message,
    ...(code !== undefined ? { code } : {}),
    ...(status !== undefined ? { status } : {}),
    ...(error.stack ? { stack: error.stack } : {}),
    ...(error.cause !== undefined ? { cause: error.cause } : {}),
  };
}

/** One JSON line; errors as objects, bigints as strings, a cycle as "[Circular]" (a log call never throws). */
function jsonLine(record: Record<string, unknown>): string {
  const seen = new WeakSet<object>();
  return JSON.stringify(record, (_key, value: unknown) => {
    if (typeof value === 'bigint') return value.toString();
    if (value instanceof Error) return errorJson(value);
    if (typeof value === 'object' && value !== null) {
      if (seen.has(value)) return '[Circular]';
      seen.add(value);
    }
    return value;
  });
}

/**
 * Creates a logger. Text lines look like `2024-05-01T12:00:00.000Z INFO  ready as bot#0001 guilds=3`;
 * JSON lines like `{"time":"2024-05-01T12:00:00.000Z","level":"info","msg":"ready as bot#0001","guilds":3}`.
 */
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
      if (options.format === 'json') {
        const record: Record<string, unknown> = { time: now().toISOString(), level, msg: message };
        for (const [key, value] of Object.entries(fields))
          if (value !== undefined) record[key in record ? `${key}_` : key] = value;
        write(redact(jsonLine(record), secrets), level);
        return;
      }
      const pairs = Object.entries(fields)
        .filter(([, value]) => value !== undefined)
        .map(([key, value]) => `${key}=${formatValue(value)}`);
      const line = `${now().toISOString()} ${level.toUpperCase().padEnd(5)} ${[message, ...pairs].join(' ')}`;
      write(redact(line, secrets), level);
    };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}
