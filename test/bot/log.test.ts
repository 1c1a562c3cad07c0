import { describe, expect, it } from 'vitest';
import { createLogger, redact } from '../../src/bot/log.js';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789AB';

describe('the logger', () => {
  it('writes levelled lines and drops those below the level', () => {
    const lines: string[] = [];
    const log = createLogger({
      level: 'info',
      write: (line) => lines.push(line),
      now: () => new Date('2022-02-17T12:00:00Z'),
    });
    log.debug('hidden');
    log.info('ready as bot#0001', { guilds: 3, note: 'two words' });
    log.error('failed', { interaction: '42' });
    expect(lines).toEqual([
      '2022-02-17T12:00:00.000Z INFO  ready as bot#0001 guilds=3 note="two words"',
      '2022-02-17T12:00:00.000Z ERROR failed interaction=42',
    ]);
  });

  it('redacts the token, anything shaped like a Discord token, and interaction tokens in URLs, from every line', () => {
    const lines: string[] = [];
    const log = createLogger({
      level: 'debug',
      secrets: ['my-secret-token'],
      write: (line) => lines.push(line),
    });
    log.info('token my-secret-token here');
    log.warn(`another ${TOKEN}`);
    log.error('request failed', {
      error: new Error(
        `PATCH https://discord.com/api/v10/webhooks/123456789012345678/aW50ZXJhY3Rpb246MTIzNDU2Nzg5/messages/@original with ${TOKEN}`,
      ),
    });
    const all = lines.join('\n');
    expect(all).not.toContain('my-secret-token');
    expect(all).not.toContain(TOKEN);
    expect(all).not.toContain('aW50ZXJhY3Rpb246MTIzNDU2Nzg5');
    expect(lines[0]).toMatch(/INFO {2}token \[redacted\] here$/);
    expect(lines[2]).toContain('webhooks/123456789012345678/[redacted]/messages/@original');
  });

  it('leaves ordinary text alone', () => {
    expect(redact('France announced the withdrawal on 17 Feb 2022.', ['abcd'])).toBe(
      'France announced the withdrawal on 17 Feb 2022.',
    );
  });
});

describe('JSON lines', () => {
  it('writes one JSON object per line with the same levels, fields after time, level and message', () => {
    const lines: string[] = [];
    const log = createLogger({
      level: 'info',
      format: 'json',
      write: (line) => lines.push(line),
      now: () => new Date('2022-02-17T12:00:00Z'),
    });
    log.debug('hidden');
    log.info('ready as bot#0001', { guilds: 3, note: 'two words', level: 'a field called level' });
    log.warn('slow', { interaction: '42', ms: 312.5 });
    expect(lines).toEqual([
      '{"time":"2022-02-17T12:00:00.000Z","level":"info","msg":"ready as bot#0001","guilds":3,"note":"two words","level_":"a field called level"}',
      '{"time":"2022-02-17T12:00:00.000Z","level":"warn","msg":"slow","interaction":"42","ms":312.5}',
    ]);
  });

  it('writes an error as an object with its code, status and stack, and never throws on a cycle', () => {
    const lines: string[] = [];
    const log = createLogger({ format: 'json', write: (line) => lines.push(line) });
    const error = Object.assign(new Error('Unknown interaction'), { code: 10062, status: 404 });
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    log.error('failed to answer', { error, cyclic, big: 12n });
    const record = JSON.parse(lines[0]!);
    expect(record.error).toMatchObject({
      type: 'Error',
      message: 'Unknown interaction',
      code: 10062,
      status: 404,
    });
    expect(record.error.stack).toMatch(/^Error: Unknown interaction\n\s+at /);
    expect(record.cyclic).toEqual({ name: 'loop', self: '[Circular]' });
    expect(record.big).toBe('12');
  });

  it('redacts the token wherever it appears: message, fields, error message and stack', () => {
    const lines: string[] = [];
    const log = createLogger({
      level: 'debug',
      format: 'json',
      secrets: [TOKEN],
      write: (line) => lines.push(line),
    });
    log.debug(`Provided token: ${TOKEN.split('.').slice(0, 2).join('.')}.${'*'.repeat(38)}`);
    log.info('config', { token: TOKEN, nested: { deeper: [`Bot ${TOKEN}`] } });
    log.error('request failed', {
      error: new Error(
        `PATCH https://discord.com/api/v10/webhooks/123456789012345678/aW50ZXJhY3Rpb246MTIzNDU2Nzg5/messages/@original with ${TOKEN}`,
      ),
    });
    const all = lines.join('\n');
    for (const part of [TOKEN, ...TOKEN.split('.'), 'aW50ZXJhY3Rpb246MTIzNDU2Nzg5'])
      expect(all).not.toContain(part);
    expect(lines.map((line) => JSON.parse(line).msg)).toEqual([
      'Provided token: [redacted]',
      'config',
      'request failed',
    ]);
    expect(JSON.parse(lines[1]!)).toMatchObject({
      token: '[redacted]',
      nested: { deeper: ['Bot [redacted]'] },
    });
    expect(JSON.parse(lines[2]!).error.message).toBe(
      'PATCH https://discord.com/api/v10/webhooks/123456789012345678/[redacted]/messages/@original with [redacted]',
    );
  });
});
