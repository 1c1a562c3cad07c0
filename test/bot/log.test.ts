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
