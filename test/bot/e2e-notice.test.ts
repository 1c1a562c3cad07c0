/**
 * End to end: when the corpus gains articles, on /reload or by the file watch, the bot posts a
 * short notice to CORPUS_NOTICE_CHANNEL_ID (real discord.js client, local fake Discord).
 */
import { cpSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PermissionFlagsBits } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { describeEngine } from '../../src/bot/bot.js';
import { CorpusHolder } from '../../src/corpus/reload.js';
import { type Engine, loadEngine } from '../../src/engine/index.js';
import { FIXTURE_CORPUS_DIR } from '../support/corpus.js';
import { checkAndStop, embedOf, finalEdit, startBot, type Harness } from './harness.js';

const MANAGE_GUILD = String(
  PermissionFlagsBits.ManageGuild | PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages,
);
const AL_JAZEERA = 'al-jazeera-2022-08-15-last-french-troops-leave-mali';
const DW = 'dw-2022-02-17-france-announces-military-withdrawal-from-mali';

let h: Harness | undefined;
let holder: CorpusHolder<Engine> | undefined;
let dir: string;
let aside: string;

afterEach(async () => {
  holder?.close();
  holder = undefined;
  const current = h;
  h = undefined;
  await checkAndStop(current);
  rmSync(dir, { recursive: true, force: true });
  rmSync(aside, { recursive: true, force: true });
});

/** A copy of the seed corpus with two articles held back, to be added during the test. */
function corpusMissingTwo(): void {
  dir = mkdtempSync(join(tmpdir(), 'notice-corpus-'));
  aside = mkdtempSync(join(tmpdir(), 'notice-aside-'));
  cpSync(FIXTURE_CORPUS_DIR, dir, { recursive: true });
  for (const id of [AL_JAZEERA, DW])
    for (const ext of ['json', 'txt'])
      renameSync(join(dir, 'articles', `${id}.${ext}`), join(aside, `${id}.${ext}`));
}

function addBack(id: string): void {
  // The text first, then the metadata, as corpus:add does: the corpus is whole once the .json lands.
  for (const ext of ['txt', 'json'])
    cpSync(join(aside, `${id}.${ext}`), join(dir, 'articles', `${id}.${ext}`));
}

const NOTICE_CHANNEL = '900000000000000001';

/** The bot over a corpus missing two articles, its reloads announced as index.ts wires them. */
async function start(
  env: Record<string, string>,
): Promise<{ bot: Harness['bot']; holder: CorpusHolder<Engine> }> {
  corpusMissingTwo();
  const current = new CorpusHolder(dir, (d) => loadEngine(d), describeEngine);
  holder = current;
  h = await startBot({
    fake: { guilds: [{ channels: [{ id: NOTICE_CHANNEL, name: 'newsroom' }, { name: 'ask-the-desk' }] }] },
    env,
    bot: { getEngine: () => current.current(), reloadCorpus: () => current.reload() },
  });
  const bot = h.bot;
  current.onChange((before, after) => void bot.announceCorpusChange(before, after));
  return { bot, holder: current };
}

const noticePosted = (r: { method: string; path: string; status?: number }) =>
  r.method === 'POST' && r.path === `/channels/${NOTICE_CHANNEL}/messages` && r.status === 200;

describe('the corpus growth notice', () => {
  it('posts outlet, date, headline, passages and quotations of each new article on /reload and on the file watch', async () => {
    const { holder: current } = await start({ CORPUS_NOTICE_CHANNEL_ID: NOTICE_CHANNEL });
    addBack(AL_JAZEERA);
    const reload = h!.fake.sendInteraction({ commandName: 'reload', memberPermissions: MANAGE_GUILD });
    await finalEdit(h!.fake, reload.id);
    const first = await h!.fake.waitForRequest(noticePosted, { description: 'the notice after /reload' });
    expect(embedOf(first.body)).toEqual({
      title: 'New in the corpus: 1 article',
      description:
        '**Al Jazeera** · c. 15 Aug 2022 · *Last French troops leave Mali, ending nine-year deployment*\n24 passages indexed · 8 quotations found',
      color: 0x4a7c59,
      footer: { text: 'The corpus now has 4 articles and 70 passages · “c.” marks an approximate date' },
    });

    current.watch({ debounceMs: 100 });
    addBack(DW);
    const second = await h!.fake.waitForRequest((r) => r.seq > first.seq && noticePosted(r), {
      description: 'the notice after the file watch reloaded',
      timeoutMs: 10_000,
    });
    // The same counts as npm run corpus:check prints for the article.
    expect(embedOf(second.body).description).toBe(
      '**DW** · 17 Feb 2022 · *France announces military withdrawal from Mali*\n32 passages indexed · 14 quotations found',
    );
    expect(embedOf(second.body).footer?.text).toBe(
      'The corpus now has 5 articles and 102 passages · “c.” marks an approximate date',
    );
  });

  it('posts nothing without a configured channel, or when a reload adds no article', async () => {
    await start({});
    addBack(AL_JAZEERA);
    const reload = h!.fake.sendInteraction({ commandName: 'reload', memberPermissions: MANAGE_GUILD });
    expect((await finalEdit(h!.fake, reload.id)).body).toMatchObject({
      content: expect.stringMatching(/^Corpus reloaded: 4 articles/),
    });
    await h!.stop();
    h = undefined;
    holder?.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(aside, { recursive: true, force: true });

    await start({ CORPUS_NOTICE_CHANNEL_ID: NOTICE_CHANNEL });
    const again = h!.fake.sendInteraction({ commandName: 'reload', memberPermissions: MANAGE_GUILD });
    await finalEdit(h!.fake, again.id);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(h!.fake.requests.filter(noticePosted)).toEqual([]);
  });
});
