/**
 * End to end: the newsroom Q&A channel (answers in threads, follow-ups in the thread) and
 * mentions elsewhere, with the intents each configuration asks Discord for.
 */
import { GatewayIntentBits } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { JsonObject, RecordedRequest } from '../support/fake-discord.js';
import { checkAndStop, embedOf, startBot, until, type Harness } from './harness.js';

let h: Harness | undefined;

afterEach(async () => {
  const current = h;
  h = undefined;
  await checkAndStop(current);
});

const NO_MENTIONS = { parse: [], replied_user: false };

function botMessagesIn(h: Harness, channelId: string): RecordedRequest[] {
  return h.fake.requests.filter(
    (r) => r.method === 'POST' && r.path === `/channels/${channelId}/messages` && r.status === 200,
  );
}

describe('the newsroom Q&A channel', () => {
  it('answers a question in a thread started from it, then answers follow-ups in that thread', async () => {
    h = await startBot({ qa: true });
    expect(h.fake.identifies[0]?.intents).toBe(
      GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages | GatewayIntentBits.MessageContent,
    );

    const question = h.fake.sendMessage({
      channel_id: h.qaChannelId,
      content: 'Who announced the withdrawal?',
    });
    const thread = await h.fake.waitForRequest(
      (r) => r.path === `/channels/${h!.qaChannelId}/messages/${question.id}/threads`,
    );
    expect(thread.body).toEqual({
      name: 'Who announced the withdrawal?',
      auto_archive_duration: 1440,
      type: 11,
    });
    const threadId = (thread.responseBody as JsonObject).id as string;

    const answer = await h.fake.waitForRequest(
      (r) => r.method === 'POST' && r.path === `/channels/${threadId}/messages`,
    );
    expect(embedOf(answer.body).description?.split('\n')[0]).toBe('**Answer:** Emmanuel Macron [1]');
    expect((answer.body as JsonObject).allowed_mentions).toEqual(NO_MENTIONS);

    // A follow-up in the thread, not phrased as a question, is still answered there, as a reply.
    const followUp = h.fake.sendMessage({
      channel_id: threadId,
      content: 'And the number of French troops in Mali',
    });
    const reply = await h.fake.waitForRequest(
      (r) => r.method === 'POST' && r.path === `/channels/${threadId}/messages` && r.seq > answer.seq,
    );
    expect((reply.body as JsonObject).message_reference).toMatchObject({ message_id: followUp.id });
    expect((reply.body as JsonObject).allowed_mentions).toEqual(NO_MENTIONS);
    // A follow-up in the thread does not repeat the question either: it is the message replied to.
    expect(embedOf(reply.body).title).toBeUndefined();
    expect(
      h.fake.messages(threadId).filter((m) => (m.author as JsonObject).id === h!.fake.applicationId),
    ).toHaveLength(2);
  });

  it('ignores chatter that is not a question, and messages from bots', async () => {
    h = await startBot({ qa: true });
    h.fake.sendMessage({ channel_id: h.qaChannelId, content: 'Thanks all, great work today.' });
    h.fake.sendMessage({
      channel_id: h.qaChannelId,
      content: 'Why did France leave Mali?',
      author: { id: '423456789012345678', username: 'other-bot', bot: true },
    });
    const asked = h.fake.sendMessage({
      channel_id: h.qaChannelId,
      content: 'how long did the French stay in Mali',
    }) as { id: string };
    await h.fake.waitForRequest((r) => r.path.endsWith('/threads'));
    await until(() => botMessagesIn(h!, asked.id).length === 1, 5000, 'the answer in the thread');
    const threads = h.fake.requests.filter((r) => r.path.endsWith('/threads'));
    expect(threads.map((r) => r.path)).toEqual([`/channels/${h.qaChannelId}/messages/${asked.id}/threads`]);
  });

  it('answers a 2,000-character hostile question without pinging anyone or breaking a limit', async () => {
    h = await startBot({ qa: true });
    const hostile = `${`Why @everyone @here <@${'1'.repeat(18)}> **bold** __x__ \`code\` [l](https://x.example) ? `
      .repeat(40)
      .slice(0, 1999)}?`;
    expect(hostile).toHaveLength(2000);
    const message = h.fake.sendMessage({ channel_id: h.qaChannelId, content: hostile });
    const thread = await h.fake.waitForRequest((r) => r.path.endsWith(`/messages/${message.id}/threads`));
    const name = (thread.body as JsonObject).name as string;
    expect(name.length).toBeLessThanOrEqual(100);
    expect(name.endsWith('…')).toBe(true);
    const answer = await h.fake.waitForRequest(
      (r) => r.method === 'POST' && r.path === `/channels/${message.id}/messages`,
    );
    // In the thread, the question is the message above and the thread's name: the embed does not repeat it.
    const embed = embedOf(answer.body);
    expect(embed.title).toBeUndefined();
    expect((answer.body as JsonObject).allowed_mentions).toEqual(NO_MENTIONS);
    expect(answer.validation?.valid).toBe(true);
  });
});

describe('mentions', () => {
  it('answers a mention outside the Q&A channels as a reply, with the mention stripped, and asks only for non-privileged intents', async () => {
    h = await startBot();
    expect(h.fake.identifies[0]?.intents).toBe(GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages);
    const botId = h.fake.applicationId;
    const message = h.fake.sendMessage({
      content: `<@${botId}> why did France withdraw from Mali?`,
      mentions: [h.fake.botUser],
    });
    const reply = await h.fake.waitForRequest(
      (r) => r.method === 'POST' && r.path === `/channels/${h!.fake.channelId}/messages`,
    );
    expect((reply.body as JsonObject).message_reference).toMatchObject({ message_id: message.id });
    expect((reply.body as JsonObject).allowed_mentions).toEqual(NO_MENTIONS);
    expect(embedOf(reply.body).title).toBe('why did France withdraw from Mali?');
  });

  it('ignores messages that do not mention the bot outside the Q&A channels', async () => {
    h = await startBot();
    h.fake.sendMessage({ content: 'Why did France withdraw from Mali?' });
    h.fake.sendMessage({ content: `<@${h.fake.applicationId}>   `, mentions: [h.fake.botUser] });
    const hint = await h.fake.waitForRequest(
      (r) => r.method === 'POST' && r.path === `/channels/${h!.fake.channelId}/messages`,
    );
    expect((hint.body as JsonObject).content).toBe(
      'Ask me a question about France’s 2022 withdrawal from Mali, or use /help.',
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(botMessagesIn(h, h.fake.channelId)).toHaveLength(1);
  });
});
