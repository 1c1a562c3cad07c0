import { describe, expect, it } from 'vitest';
import { apiHostWarning, ConfigError, parseConfig } from '../src/config.js';

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
      logFormat: 'json',
      cooldownSeconds: 5,
      corpusDir: null,
      buttonStateFile: 'data/button-state.sqlite',
      reportsDb: 'data/reports.sqlite',
      corpusNoticeChannelId: null,
      shardCount: null,
      shardIds: null,
      shardedChild: false,
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
      REPORTS_DB: ' /var/lib/bot/reports.sqlite ',
      CORPUS_NOTICE_CHANNEL_ID: '333333333333333333',
    });
    expect(config).toEqual({
      discordToken: TOKEN,
      discordClientId: ID,
      discordGuildId: '987654321098765432',
      qaChannelIds: ['111111111111111111', '222222222222222222'],
      logLevel: 'debug',
      logFormat: 'json',
      cooldownSeconds: 0,
      corpusDir: './my-corpus',
      buttonStateFile: 'data/button-state.sqlite',
      reportsDb: '/var/lib/bot/reports.sqlite',
      corpusNoticeChannelId: '333333333333333333',
      shardCount: null,
      shardIds: null,
      shardedChild: false,
    });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.qaChannelIds)).toBe(true);
  });

  it('reads a model file to rank by from RANK_MODEL_FILE, and leaves the key out when it is blank', () => {
    expect(
      parseConfig({ DISCORD_TOKEN: TOKEN, RANK_MODEL_FILE: ' /srv/bot/retrained.json ' }).rankModelFile,
    ).toBe('/srv/bot/retrained.json');
    expect('rankModelFile' in parseConfig({ DISCORD_TOKEN: TOKEN, RANK_MODEL_FILE: ' ' })).toBe(false);
  });

  it('names the variable holding a malformed id', () => {
    expect(errorOf({ DISCORD_TOKEN: TOKEN, DISCORD_GUILD_ID: '12x' }).message).toBe(
      'DISCORD_GUILD_ID must be a Discord id (17 to 20 digits; right-click → Copy ID with Developer Mode on), got "12x"',
    );
    expect(errorOf({ DISCORD_TOKEN: TOKEN, CORPUS_NOTICE_CHANNEL_ID: '#desk' }).message).toBe(
      'CORPUS_NOTICE_CHANNEL_ID must be a Discord id (17 to 20 digits; right-click → Copy ID with Developer Mode on), got "#desk"',
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

  it('refuses a token with a stray quote at either end, as it refuses spaces', () => {
    for (const pasted of [`"${TOKEN}`, `${TOKEN}'`, `\`${TOKEN}\``, `'${TOKEN}"`]) {
      expect(errorOf({ DISCORD_TOKEN: pasted }).message).toBe(
        'DISCORD_TOKEN must be the bare token (no "Bot " prefix, no spaces or quotes)',
      );
    }
  });
});

describe('LOG_FORMAT', () => {
  it('defaults to readable text on a terminal and to JSON lines anywhere else (a service, a pipe)', () => {
    expect(parseConfig({ DISCORD_TOKEN: TOKEN }, { stdoutIsTerminal: true }).logFormat).toBe('text');
    expect(parseConfig({ DISCORD_TOKEN: TOKEN }, { stdoutIsTerminal: false }).logFormat).toBe('json');
    expect(
      parseConfig({ DISCORD_TOKEN: TOKEN, LOG_FORMAT: 'JSON' }, { stdoutIsTerminal: true }).logFormat,
    ).toBe('json');
    expect(parseConfig({ DISCORD_TOKEN: TOKEN, LOG_FORMAT: 'text' }).logFormat).toBe('text');
  });

  it('names the variable and the two shapes on a bad value', () => {
    expect(errorOf({ DISCORD_TOKEN: TOKEN, LOG_FORMAT: 'pretty' }).message).toBe(
      'LOG_FORMAT must be json (one object per line) or text (readable lines); got "pretty"',
    );
  });
});

describe('DISCORD_API_URL, where the token is sent', () => {
  it('takes https:// anywhere and http:// only for this machine', () => {
    for (const url of [
      'https://proxy.example.org/api',
      'http://127.0.0.1:3000/api',
      'http://127.8.9.10/api',
      'http://localhost:8080/api/',
      'http://[::1]:9000/api',
    ])
      expect(parseConfig({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: url }).discordApiUrl).toBe(
        url.replace(/\/$/, ''),
      );
  });

  it('refuses http:// to any other host, naming the variable and the host', () => {
    const cases: Array<[string, string]> = [
      ['http://discord.com/api', 'discord.com'],
      ['http://10.0.0.7:3000/api', '10.0.0.7:3000'],
      ['http://128.0.0.1/api', '128.0.0.1'],
      ['http://localhost.example.com/api', 'localhost.example.com'],
      ['http://[::2]/api', '[::2]'],
    ];
    for (const [url, host] of cases)
      expect(errorOf({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: url }).message).toBe(
        `DISCORD_API_URL must use https:// (the bot token is sent there); http:// is allowed only for this machine (127.0.0.1, ::1, localhost), not for host "${host}"`,
      );
  });

  it('gives a start-up warning naming any host other than Discord', () => {
    const warning = (url?: string) =>
      apiHostWarning(parseConfig({ DISCORD_TOKEN: TOKEN, ...(url ? { DISCORD_API_URL: url } : {}) }));
    expect(warning()).toBeNull();
    expect(warning('https://discord.com/api')).toBeNull();
    expect(warning('https://proxy.example.org/api')).toBe(
      "DISCORD_API_URL is not Discord's API: requests and the bot token go to proxy.example.org",
    );
    expect(warning('http://127.0.0.1:3000/api')).toBe(
      "DISCORD_API_URL is not Discord's API: requests and the bot token go to 127.0.0.1:3000",
    );
  });
});

describe('SHARD_COUNT and SHARD_IDS', () => {
  it("reads the total and this host's shards as lists or ranges, sorted, without repeats", () => {
    const config = parseConfig({ DISCORD_TOKEN: TOKEN, SHARD_COUNT: ' 8 ', SHARD_IDS: '6, 0-2 ,2,' });
    expect({ count: config.shardCount, ids: config.shardIds }).toEqual({ count: 8, ids: [0, 1, 2, 6] });
    expect(parseConfig({ DISCORD_TOKEN: TOKEN, SHARD_COUNT: '4' }).shardIds).toBeNull();
  });

  it('names the variable and the bad value', () => {
    expect(errorOf({ DISCORD_TOKEN: TOKEN, SHARD_COUNT: '0' }).message).toBe(
      'SHARD_COUNT must be a whole number of shards, 1 or more (the total across every host); got "0"',
    );
    expect(errorOf({ DISCORD_TOKEN: TOKEN, SHARD_COUNT: 'auto' }).message).toBe(
      'SHARD_COUNT must be a whole number of shards, 1 or more (the total across every host); got "auto"',
    );
    for (const bad of ['a', '3-1', '-1', '1.5'])
      expect(errorOf({ DISCORD_TOKEN: TOKEN, SHARD_COUNT: '4', SHARD_IDS: `0,${bad}` }).message).toBe(
        `SHARD_IDS must be shard numbers from 0, separated by commas, or ranges such as 0-3; "${bad}" is neither`,
      );
  });

  it('needs SHARD_COUNT with SHARD_IDS, and ids below it', () => {
    expect(errorOf({ DISCORD_TOKEN: TOKEN, SHARD_IDS: '0,1' }).message).toBe(
      'SHARD_IDS needs SHARD_COUNT: set SHARD_COUNT to the total number of shards across every host, the same on each',
    );
    expect(errorOf({ DISCORD_TOKEN: TOKEN, SHARD_COUNT: '4', SHARD_IDS: '2-4' }).message).toBe(
      'SHARD_IDS names shard 4, but with SHARD_COUNT=4 the shards are 0 to 3',
    );
  });
});
