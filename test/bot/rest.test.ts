/**
 * discord.js's client-side global limit (50 requests a second) holds back bot-authenticated
 * routes only: a burst of deferred /ask replies has its edits sent at once (Discord does not
 * count interaction endpoints against the global limit), while a burst of channel messages still
 * waits on it. Through the real client against the local fake, counting the waits the client
 * itself reports (`rateLimited` with `global: true`).
 */
import type { RateLimitData, TextChannel } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { isInteractionWebhookRoute } from '../../src/bot/rest.js';
import { checkAndStop, embedOf, finalEdit, option, startBot, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  const current = h;
  h = undefined;
  await checkAndStop(current);
});

/** Well past 50 in one second, the client's own global allowance. */
const BURST = 120;

function globalWaits(harness: Harness): RateLimitData[] {
  const waits: RateLimitData[] = [];
  harness.bot.client.rest.on('rateLimited', (info) => {
    if (info.global) waits.push(info);
  });
  return waits;
}

describe('a burst of interactions', () => {
  it(`edits ${BURST} deferred replies without waiting on the client-side global limit`, async () => {
    h = await startBot();
    const waits = globalWaits(h);
    const ids = Array.from({ length: BURST }, (_, i) =>
      h!.fake.sendInteraction({
        commandName: 'ask',
        user: { id: String(300000000000000000n + BigInt(i)) },
        options: [option('question', 'How many French troops were in Mali?')],
      }),
    ).map((sent) => sent.id);
    const edits = await Promise.all(ids.map((id) => finalEdit(h!.fake, id)));
    expect(edits.map((edit) => embedOf(edit.body).description?.split('\n')[0])).toEqual(
      ids.map(() => '**Answer:** 2,400 troops [1] — sources disagree: close to 3000 [2]'),
    );
    expect(waits).toEqual([]);
  }, 60_000);
});

describe('a burst of channel messages', () => {
  it('still waits on the global limit, and every message arrives', async () => {
    h = await startBot();
    const waits = globalWaits(h);
    const channel = h.bot.client.channels.cache.get(h.fake.channelId) as TextChannel;
    await Promise.all(Array.from({ length: BURST }, (_, i) => channel.send(`message ${i}`)));
    const sent = h.fake.requests.filter(
      (r) => r.method === 'POST' && r.path === `/channels/${h!.fake.channelId}/messages` && r.status === 200,
    );
    expect(sent.map((r) => (r.body as { content: string }).content).sort()).toEqual(
      Array.from({ length: BURST }, (_, i) => `message ${i}`).sort(),
    );
    expect(waits.length).toBeGreaterThan(0);
    expect(waits[0]).toMatchObject({ global: true, limit: 50 });
  }, 60_000);
});

describe('isInteractionWebhookRoute', () => {
  it("takes the application's own webhook routes only", () => {
    expect(isInteractionWebhookRoute('/webhooks/111/tok/messages/@original', '111')).toBe(true);
    expect(isInteractionWebhookRoute('/webhooks/111/tok', '111')).toBe(true);
    expect(isInteractionWebhookRoute('/webhooks/222/tok', '111')).toBe(false);
    expect(isInteractionWebhookRoute('/channels/111/messages', '111')).toBe(false);
    expect(isInteractionWebhookRoute('/webhooks/111/tok', undefined)).toBe(false);
  });
});
