/**
 * "When" answers carry the words and the date they resolve to, on every surface: the engine's
 * answer (`answerDate`), the command line's JSON and its text for people, and the Discord embed
 * (the real discord.js client against the local fake Discord). One article is added to a
 * temporary copy of the seeds with a month-only publication date, as `corpus:add --published
 * 2022-08` does, so that its relative words resolve to the month, approximately.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { addArticle } from '../../src/corpus/ingest.js';
import { loadEngine, type Engine } from '../../src/engine/index.js';
import { checkAndStop, embedOf, finalEdit, option, startBot, type Harness } from '../bot/harness.js';
import { FIXTURE_CORPUS_DIR } from '../support/corpus.js';

const QUESTION = 'When did engineers dismantle the Menaka airstrip?';
let dir: string;
let engine: Engine;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dates-answers-'));
  cpSync(FIXTURE_CORPUS_DIR, join(dir, 'corpus'), { recursive: true });
  const page = join(dir, 'menaka.txt');
  writeFileSync(
    page,
    'French engineers dismantled the Menaka airstrip on Monday, the army said.\n\nThe runway had served Barkhane helicopters since 2018.\n',
  );
  addArticle(join(dir, 'corpus'), page, {
    outlet: 'Sahel Wire',
    title: 'Menaka airstrip dismantled',
    published: '2022-08',
    language: 'en',
  });
  engine = loadEngine(join(dir, 'corpus'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the engine keeps the words and the resolved date of a "when" answer', () => {
  it('resolves "on Monday" in an article of (c.) 15 Aug 2022 to that day', () => {
    const a = engine.ask('When did JNIM say it killed fighters?');
    expect(a.answer).toBe('Monday (c. 15 Aug 2022)');
    expect(a.answerDate).toEqual({
      words: 'On Monday',
      date: '2022-08-15',
      granularity: 'day',
      approximate: true,
    });
  });

  it('resolves "on Monday" in an article dated only August 2022 to c. Aug 2022, not to a day', () => {
    const a = engine.ask(QUESTION);
    expect(a.citations[0]!.outlet).toBe('Sahel Wire');
    expect(a.answer).toBe('Monday (c. Aug 2022)');
    expect(a.answerDate).toEqual({
      words: 'on Monday',
      date: '2022-08',
      granularity: 'month',
      approximate: true,
    });
  });

  it('gives a year the passage states as it is, with no date beside it', () => {
    const a = engine.ask('When did France intervene in Mali?');
    expect(a.answer).toBe('2013');
    expect(a.answerDate).toEqual({ words: '2013', date: '2013', granularity: 'year', approximate: false });
  });
});

describe('the command line shows the resolved date', () => {
  afterEach(() => vi.restoreAllMocks());

  async function run(argv: string[]): Promise<string> {
    let printed = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      printed += String(chunk);
      return true;
    });
    await main([...argv, '--corpus', join(dir, 'corpus')]);
    vi.restoreAllMocks();
    return printed;
  }

  it('prints "Answer: Monday (c. Aug 2022)" for people, and the words and date in the JSON', async () => {
    expect((await run(['ask', QUESTION])).split('\n').slice(0, 2)).toEqual([
      `Q: ${QUESTION}`,
      'Answer: Monday (c. Aug 2022)',
    ]);
    const json = JSON.parse(await run(['ask', '--json', QUESTION]));
    expect([json.answer, json.answerDate]).toEqual([
      'Monday (c. Aug 2022)',
      { words: 'on Monday', date: '2022-08', granularity: 'month', approximate: true },
    ]);
  });
});

describe('the Discord embed shows the resolved date beside the words', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    const current = h;
    h = undefined;
    await checkAndStop(current);
  });

  it('answers /ask with "Monday (c. 15 Aug 2022) [1]" and "Monday (c. Aug 2022) [1]"', async () => {
    h = await startBot({ bot: { getEngine: () => engine } });
    const ask = async (question: string) => {
      const { id } = h!.fake.sendInteraction({ commandName: 'ask', options: [option('question', question)] });
      const embed = embedOf((await finalEdit(h!.fake, id)).body) as { description: string };
      return embed.description.split('\n')[0];
    };
    expect(await ask('When did JNIM say it killed fighters?')).toBe(
      '**Answer:** Monday (c. 15 Aug 2022) [1]',
    );
    expect(await ask(QUESTION)).toBe('**Answer:** Monday (c. Aug 2022) [1]');
  });
});
