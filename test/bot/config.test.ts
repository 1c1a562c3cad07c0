import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config.js';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789AB';
const ID = '123456789012345678';

function errorOf(env: Record<string, string | undefined>): ConfigError {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('parseConfig accepted the environment');
}

describe('parseConfig', () => {
  it('reports a missing token by name and points at .env.example, in one line', () => {
    const error = errorOf({});
    expect(error.message).toBe('Missing DISCORD_TOKEN: set it in .env (see .env.example)');
  });

  it('treats empty and blank strings as missing', () => {
    expect(errorOf({ DISCORD_TOKEN: '' }).message).toBe(
      'Missing DISCORD_TOKEN: set it in .env (see .env.example)',
    );
    expect(errorOf({ DISCORD_TOKEN: '   ' }).message).toBe(
      'Missing DISCORD_TOKEN: set it in .env (see .env.example)',
    );
    const config = parseConfig({
      DISCORD_TOKEN: TOKEN,
      DISCORD_GUILD_ID: '',
      QA_CHANNEL_IDS: '',
      LOG_LEVEL: '',
      COOLDOWN_SECONDS: '',
      CORPUS_DIR: ' ',
    });
    expect(config).toEqual({
      discordToken: TOKEN,
      discordClientId: null,
      discordGuildId: null,
      qaChannelIds: [],
      logLevel: 'info',
      cooldownSeconds: 5,
      corpusDir: null,
      buttonStateFile: 'data/button-state.sqlite',
    });
  });

  it('returns a frozen, typed object with every key parsed', () => {
    const config = parseConfig({
      DISCORD_TOKEN: TOKEN,
      DISCORD_CLIENT_ID: ID,
      DISCORD_GUILD_ID: '987654321098765432',
      QA_CHANNEL_IDS: ' 111111111111111111, 222222222222222222 ,,111111111111111111',
      LOG_LEVEL: 'DEBUG',
      COOLDOWN_SECONDS: '0',
      CORPUS_DIR: './my-corpus',
    });
    expect(config).toEqual({
      discordToken: TOKEN,
      discordClientId: ID,
      discordGuildId: '987654321098765432',
      qaChannelIds: ['111111111111111111', '222222222222222222'],
      logLevel: 'debug',
      cooldownSeconds: 0,
      corpusDir: './my-corpus',
      buttonStateFile: 'data/button-state.sqlite',
    });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.qaChannelIds)).toBe(true);
  });

  it('names the variable holding a malformed id', () => {
    expect(errorOf({ DISCORD_TOKEN: TOKEN, DISCORD_GUILD_ID: '12x' }).message).toBe(
      'DISCORD_GUILD_ID must be a Discord id (17 to 20 digits; right-click → Copy ID with Developer Mode on), got "12x"',
    );
    expect(errorOf({ DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: '42' }).message).toMatch(
      /^DISCORD_CLIENT_ID must be a Discord id/,
    );
    expect(errorOf({ DISCORD_TOKEN: TOKEN, QA_CHANNEL_IDS: `${ID},general` }).message).toBe(
      'QA_CHANNEL_IDS must be channel ids separated by commas; "general" is not a Discord id (17 to 20 digits)',
    );
  });

  it('rejects an unknown log level, listing the known ones', () => {
    expect(errorOf({ DISCORD_TOKEN: TOKEN, LOG_LEVEL: 'verbose' }).message).toBe(
      'LOG_LEVEL must be one of debug, info, warn, error; got "verbose"',
    );
  });

  it('takes the cooldown as a whole number of seconds, never coercing junk to 0', () => {
    expect(parseConfig({ DISCORD_TOKEN: TOKEN, COOLDOWN_SECONDS: ' 12 ' }).cooldownSeconds).toBe(12);
    for (const bad of ['abc', '1.5', '-1', '5s', '99999']) {
      expect(errorOf({ DISCORD_TOKEN: TOKEN, COOLDOWN_SECONDS: bad }).message).toBe(
        `COOLDOWN_SECONDS must be a whole number of seconds from 0 to 3600; got "${bad}"`,
      );
    }
  });

  it('lists every problem at once, one per line', () => {
    const error = errorOf({ DISCORD_GUILD_ID: 'abc', LOG_LEVEL: 'loud' });
    expect(error.problems).toEqual([
      'Missing DISCORD_TOKEN: set it in .env (see .env.example)',
      'DISCORD_GUILD_ID must be a Discord id (17 to 20 digits; right-click → Copy ID with Developer Mode on), got "abc"',
      'LOG_LEVEL must be one of debug, info, warn, error; got "loud"',
    ]);
    expect(error.message.split('\n')).toHaveLength(3);
  });

  it('refuses a token pasted with its "Bot " prefix without repeating it', () => {
    const error = errorOf({ DISCORD_TOKEN: `Bot ${TOKEN}` });
    expect(error.message).toBe(
      'DISCORD_TOKEN must be the bare token (no "Bot " prefix, no spaces or quotes)',
    );
  });

  it('never puts the token in an error, even when it was pasted into another variable', () => {
    const messages = [
      errorOf({ DISCORD_TOKEN: TOKEN, DISCORD_GUILD_ID: TOKEN }).message,
      errorOf({ DISCORD_TOKEN: TOKEN, QA_CHANNEL_IDS: `${ID},${TOKEN}` }).message,
      errorOf({ DISCORD_TOKEN: TOKEN, LOG_LEVEL: TOKEN }).message,
      errorOf({ DISCORD_TOKEN: TOKEN, COOLDOWN_SECONDS: 'x', DISCORD_CLIENT_ID: `${TOKEN.slice(0, 30)}` })
        .message,
      errorOf({ DISCORD_TOKEN: `Bot ${TOKEN}` }).message,
    ];
    for (const message of messages) {
      expect(message).not.toContain(TOKEN);
      expect(message).not.toContain(TOKEN.slice(0, 24));
    }
    expect(messages[0]).toBe(
      'DISCORD_GUILD_ID must be a Discord id (17 to 20 digits; right-click → Copy ID with Developer Mode on), got (a long value, not shown)',
    );
  });
});
