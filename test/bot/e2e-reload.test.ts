/**
 * End to end: reloading a large corpus never blocks the gateway. The new engine is built in a
 * worker thread while the bot keeps answering from the old one, then swapped in; every command
 * sent meanwhile is acknowledged within Discord's 3 s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { EngineHolder } from '../../src/bot/engine-holder.js';
import { buildVocabulary, generateCorpus, writeCorpus } from '../bench/synthetic.js';
import type { RecordedRequest } from '../support/fake-discord.js';
import {
  callback,
  checkAndStop,
  embedOf,
  engine,
  finalEdit,
  option,
  startBot,
  type Harness,
} from './harness.js';

let h: Harness | undefined;
const dirs: string[] = [];

afterEach(async () => {
  const current = h;
  h = undefined;
  await checkAndStop(current);
});
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Passages of the synthetic corpus: large enough that building it takes seconds here. */
const PASSAGES = 10_000;
const MANAGE_GUILD = String(1n << 5n);

describe('/reload of a large corpus', () => {
  it('answers every command sent during the reload within 3 s, from the old corpus until the new one is ready', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'large-corpus-'));
    dirs.push(dir);
    const vocabulary = buildVocabulary(
      ['France announced on Thursday that its troops would withdraw from Mali after nine years.'],
      { size: 20_000, nameCount: 500, seed: 3 },
    );
    const large = generateCorpus({ passages: PASSAGES, vocabulary, seed: 11, mode: 'direct' });
    writeCorpus(large, dir);
    const swaps: number[] = [];
    // In service: the five seed articles; on disk: the large corpus the reload picks up.
    const holder = new EngineHolder(dir, engine(), {
      describe: (e) => `${e.corpus.articles.length} articles`,
      onSwap: (ms) => swaps.push(ms),
    });
    h = await startBot({
      bot: { getEngine: () => holder.current(), reloadCorpus: () => holder.reload() },
    });
    const fake = h.fake;

    const reload = fake.sendInteraction({ commandName: 'reload', memberPermissions: MANAGE_GUILD });
    const sent: Array<{ id: string; at: number; kind: string }> = [];
    // The reload's answer: the worker's build takes seconds here, more on a loaded machine.
    const reloadEdit = fake.waitForRequest(
      (r) =>
        r.interactionId === reload.id &&
        r.method === 'PATCH' &&
        r.path.endsWith('/@original') &&
        r.status === 200,
      { timeoutMs: 100_000, description: 'the /reload reply' },
    );
    let finished = false;
    void reloadEdit.then(() => {
      finished = true;
    });
    // Commands keep arriving, ten a second, until the reload has answered.
    for (let i = 0; !finished && i < 900; i++) {
      const kind = i % 3 === 0 ? 'sources' : i % 3 === 1 ? 'ask' : 'autocomplete';
      const interaction =
        kind === 'sources'
          ? fake.sendInteraction({ commandName: 'sources' })
          : kind === 'ask'
            ? fake.sendInteraction({
                commandName: 'ask',
                options: [option('question', 'Why did France withdraw?')],
              })
            : fake.sendInteraction({
                type: 4,
                commandName: 'quote',
                options: [option('speaker', 'Mac', { focused: true })],
              });
      sent.push({ id: interaction.id, at: Date.now(), kind });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const reloaded = (await reloadEdit).body as { content: string };
    expect(reloaded.content).toBe(`Corpus reloaded: ${large.articles.length} articles.`);
    expect(swaps).toHaveLength(1);

    const acknowledged: RecordedRequest[] = [];
    for (const s of sent) acknowledged.push(await callback(fake, s.id));
    const waits = acknowledged.map((r, k) => r.receivedAt - sent[k]!.at);
    console.log(
      `[reload] ${PASSAGES} passages: ${sent.length} commands during the reload, slowest acknowledged after ${Math.max(...waits)} ms; main thread busy ${Math.round(swaps[0]!)} ms for the swap`,
    );
    expect(sent.length).toBeGreaterThan(10);
    expect(Math.max(...waits)).toBeLessThan(3000);

    // The first /sources came from the old corpus; one sent after the reload, from the new.
    const first = sent.find((s) => s.kind === 'sources')!;
    expect(embedOf((await callback(fake, first.id)).body).footer?.text).toBe(
      '5 articles · /source id: shows one article',
    );
    const after = fake.sendInteraction({ commandName: 'sources' });
    expect(embedOf((await callback(fake, after.id)).body).footer?.text).toMatch(
      new RegExp(`^${large.articles.length} articles · page 1 of `),
    );
  }, 120_000);

  it('keeps the old corpus when the new one is refused, and says why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bad-corpus-'));
    dirs.push(dir);
    const holder = new EngineHolder(dir, engine());
    h = await startBot({ bot: { getEngine: () => holder.current(), reloadCorpus: () => holder.reload() } });
    const reload = h.fake.sendInteraction({ commandName: 'reload', memberPermissions: MANAGE_GUILD });
    const content = ((await finalEdit(h.fake, reload.id)).body as { content: string }).content;
    expect(content.split('\n')[0]).toBe(
      'The new corpus was refused, so the previous one is still in service. Fix this and run /reload again:',
    );
    expect(content).toContain(dir);
    expect(holder.current()).toBe(engine());
  });
});
