/**
 * The command line in process: each query is answered once, whichever form is printed (the
 * people's form used to compute the JSON form as well and throw it away, doubling the work).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { Engine } from '../../src/engine/index.js';
import { FIXTURE_CORPUS_DIR } from '../support/corpus.js';

afterEach(() => vi.restoreAllMocks());

/** Runs the command line, returning what it printed and how often the engine was asked. */
async function run(argv: string[]): Promise<{ printed: string; asks: number; quotes: number }> {
  vi.restoreAllMocks();
  const ask = vi.spyOn(Engine.prototype, 'ask');
  const quote = vi.spyOn(Engine.prototype, 'quote');
  let printed = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    printed += String(chunk);
    return true;
  });
  await main([...argv, '--corpus', FIXTURE_CORPUS_DIR]);
  return { printed, asks: ask.mock.calls.length, quotes: quote.mock.calls.length };
}

describe('npm run ask / quote', () => {
  it('answers a question once when printing for people, and once for --json', async () => {
    const people = await run(['ask', 'How many French troops were in Mali?']);
    expect(people.printed.split('\n').slice(0, 2)).toEqual([
      'Q: How many French troops were in Mali?',
      'Answer: 2,400 troops',
    ]);
    expect(people.asks).toBe(1);
    const json = await run(['ask', '--json', 'How many French troops were in Mali?']);
    expect(JSON.parse(json.printed).answer).toBe('2,400 troops');
    expect(json.asks).toBe(1);
  });

  it('looks a quotation up once when printing for people, and once for --json', async () => {
    const people = await run(['quote', 'hidden aims']);
    expect(people.printed).toContain('hidden aims');
    expect(people.quotes).toBe(1);
    const json = await run(['quote', '--json', 'hidden aims']);
    expect(json.quotes).toBe(1);
  });
});
