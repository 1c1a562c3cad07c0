/**
 * End to end, the answer buttons: what they need is kept in a SQLite file, so "More passages"
 * and "Post to channel" work after a restart; after a corpus change they say so and answer
 * again; a button that can no longer work is removed; and only the asker pages a public answer
 * in place.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadEngine, type Engine } from '../../src/engine/index.js';
import { FIXTURE_CORPUS_DIR } from '../support/corpus.js';
import type { JsonObject } from '../support/fake-discord.js';
import {
  buttonsOf,
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

afterEach(async () => {
  const current = h;
  h = undefined;
  await checkAndStop(current);
});

const QUESTION = 'Who announced the withdrawal?';

/** The custom id of the button labelled `label` in a message body. */
function button(body: unknown, label: string): string {
  const found = buttonsOf(body).find((b) => b.startsWith(`${label} → `));
  if (!found) throw new Error(`no "${label}" button in ${JSON.stringify(buttonsOf(body))}`);
  return found.split(' → ')[1]!;
}

/** The numbers of the passages a message shows. */
function passageNumbers(body: unknown): string[] {
  return [...(embedOf(body).description ?? '').matchAll(/^\*\*\[(\d+)\]\*\*/gm)].map((m) => m[1]!);
}

/** The bot's answer message in the channel (the interaction's original response). */
function shownMessage(h: Harness): JsonObject {
  return h.fake.messages().at(-1)!;
}

describe('the answer buttons', () => {
  it('page on after the bot restarts between two clicks', async () => {
    h = await startBot();
    const ask = h.fake.sendInteraction({
      commandName: 'ask',
      options: [option('question', QUESTION), option('sources', 2)],
    });
    const first = await finalEdit(h.fake, ask.id);
    const message = shownMessage(h);
    const click1 = h.fake.sendInteraction({ customId: button(first.body, 'More passages'), message });
    const page2 = (await callback(h.fake, click1.id)).body as { type: number; data: unknown };
    expect(page2.type).toBe(7);
    expect(passageNumbers(page2.data)).toEqual(['3', '4']);

    // A new process: nothing in memory, the same database file.
    h = await h.restart();
    const click2 = h.fake.sendInteraction({ customId: button(page2.data, 'More passages'), message });
    const page3 = (await callback(h.fake, click2.id)).body as { type: number; data: unknown };
    expect(page3.type).toBe(7);
    expect(passageNumbers(page3.data)).toEqual(['5', '6']);
    expect(embedOf(page3.data).description).toContain(
      `> ${engine().ask(QUESTION, 10).citations[4]!.quote.replace(/\s+/g, ' ').slice(0, 40)}`,
    );
    expect(embedOf(page3.data).footer?.text).toMatch(/^Passages 5–6 of 10 · /);
  });

  it('"Post to channel" still posts a private answer after a restart', async () => {
    h = await startBot();
    const ask = h.fake.sendInteraction({
      commandName: 'ask',
      options: [option('question', QUESTION), option('private', true)],
    });
    const edit = await finalEdit(h.fake, ask.id);
    h = await h.restart();
    const click = h.fake.sendInteraction({
      customId: button(edit.body, 'Post to channel'),
      message: { flags: 64, components: [] },
    });
    const posted = await h.fake.waitForRequest(
      (r) =>
        r.interactionId === click.id &&
        r.method === 'POST' &&
        r.path.startsWith('/webhooks/') &&
        r.status === 200,
    );
    expect((posted.body as { flags?: number }).flags ?? 0).toBe(0);
    expect(embedOf(posted.body).description?.split('\n')[0]).toBe(
      `**Answer:** ${engine().ask(QUESTION, 10).answer} [1]`,
    );
  });

  it('after a corpus change, says so and answers again from the corpus as it is now', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'corpus-'));
    cpSync(FIXTURE_CORPUS_DIR, dir, { recursive: true });
    let current: Engine = loadEngine(dir);
    h = await startBot({ bot: { getEngine: () => current } });
    const ask = h.fake.sendInteraction({
      commandName: 'ask',
      options: [option('question', QUESTION), option('sources', 2)],
    });
    const first = await finalEdit(h.fake, ask.id);
    // An article leaves the corpus: a different corpus version.
    for (const ext of ['json', 'txt'])
      rmSync(join(dir, 'articles', `phnom-penh-post-2022-02-15-mali-withdrawal-announcement-nears.${ext}`));
    current = loadEngine(dir);
    const click = h.fake.sendInteraction({
      customId: button(first.body, 'More passages'),
      message: shownMessage(h),
    });
    const updated = (await callback(h.fake, click.id)).body as { type: number; data: unknown };
    expect(updated.type).toBe(7);
    const lines = embedOf(updated.data).description!.split('\n');
    expect(lines[0]).toBe(
      '*The corpus has changed since this answer was given, so here is the answer from the corpus as it is now.*',
    );
    expect(lines[1]).toBe(`**Answer:** ${current.ask(QUESTION, 10).answer} [1]`);
    expect(passageNumbers(updated.data)).toEqual(['1', '2']);
    expect(embedOf(updated.data).description).not.toContain('Phnom Penh Post');
    // Its buttons now refer to the new corpus: the next click pages without the notice.
    const next = h.fake.sendInteraction({
      customId: button(updated.data, 'More passages'),
      message: shownMessage(h),
    });
    const page2 = (await callback(h.fake, next.id)).body as { data: unknown };
    expect(embedOf(page2.data).description!.split('\n')[0]).toBe(lines[1]);
    expect(passageNumbers(page2.data)).toEqual(['3', '4']);
  });

  it('removes a button that can no longer work, and tells the user why, privately', async () => {
    h = await startBot();
    const click = h.fake.sendInteraction({ customId: 'ask:page:zzzzzzzz:1' });
    const removed = (await callback(h.fake, click.id)).body as { type: number; data: JsonObject };
    expect(removed).toMatchObject({ type: 7, data: { components: [] } });
    expect(removed.data.embeds).toBeUndefined();
    const notice = await h.fake.waitForRequest(
      (r) =>
        r.interactionId === click.id &&
        r.method === 'POST' &&
        r.path.startsWith('/webhooks/') &&
        r.status === 200,
    );
    expect(notice.body).toMatchObject({
      content: 'This button no longer works, so it was removed. Ask again.',
      flags: 64,
    });
  });

  it('lets only the asker page a public answer in place; anyone else gets that page privately', async () => {
    h = await startBot();
    const ask = h.fake.sendInteraction({
      commandName: 'ask',
      options: [option('question', QUESTION), option('sources', 2)],
    });
    const first = await finalEdit(h.fake, ask.id);
    const message = shownMessage(h);
    const other = { id: '300000000000000001', username: 'editor', global_name: 'Editor' };
    const click = h.fake.sendInteraction({
      customId: button(first.body, 'More passages'),
      message,
      user: other,
    });
    const reply = (await callback(h.fake, click.id)).body as { type: number; data: JsonObject };
    expect(reply.type).toBe(4);
    expect(reply.data.flags).toBe(64);
    expect(passageNumbers(reply.data)).toEqual(['3', '4']);
    // Their private copy pages on by itself; the asker's message is untouched.
    expect(buttonsOf(reply.data)).toEqual([
      expect.stringMatching(/^Previous passages → ask:page:[a-z0-9]{8}:0$/),
      expect.stringMatching(/^More passages → ask:page:[a-z0-9]{8}:2$/),
      expect.stringMatching(/^Post to channel → ask:post:[a-z0-9]{8}:1$/),
    ]);
    expect(passageNumbers(shownMessage(h))).toEqual(['1', '2']);

    const mine = h.fake.sendInteraction({ customId: button(first.body, 'More passages'), message });
    expect(((await callback(h.fake, mine.id)).body as { type: number }).type).toBe(7);
  });
});
