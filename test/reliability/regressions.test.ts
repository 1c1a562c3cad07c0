/**
 * Deliberate breakages the rest of the suite once let through, each pinned by a test a user
 * would notice failing: the cooldown on Q&A-channel and mention answers, a page's own scripts
 * writing into an ingested article, and answering messages that webhooks post.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { extractFromHtml } from '../../src/corpus/html.js';
import type { JsonObject, RecordedRequest } from '../support/fake-discord.js';
import { checkAndStop, embedOf, startBot, until, type Harness } from '../bot/harness.js';
import { expectWaitLeft } from '../support/cooldown.js';

let h: Harness | undefined;
afterEach(async () => {
  const current = h;
  h = undefined;
  await checkAndStop(current);
});

/** Every message the bot posted (replies, thread messages) after request `afterSeq`. */
function botPosts(h: Harness, afterSeq = 0): RecordedRequest[] {
  return h.fake.requests.filter(
    (r) =>
      r.seq > afterSeq &&
      r.method === 'POST' &&
      /^\/channels\/\d+\/messages$/.test(r.path) &&
      r.status !== undefined &&
      r.status < 300,
  );
}

describe('the cooldown on plain messages', () => {
  it('answers a Q&A-channel question, then tells the same user to wait instead of answering again', async () => {
    h = await startBot({ qa: true, cooldownSeconds: 30 });
    const askedAt = Date.now();
    h.fake.sendMessage({ channel_id: h.qaChannelId, content: 'Who announced the withdrawal?' });
    await until(() => botPosts(h!).length === 1, 5000, 'the first answer');
    expect(embedOf(botPosts(h)[0]!.body).description?.split('\n')[0]).toBe('**Answer:** Emmanuel Macron [1]');
    const seq = botPosts(h)[0]!.seq;

    const again = h.fake.sendMessage({
      channel_id: h.qaChannelId,
      content: 'How long did France stay in Mali?',
    });
    await until(() => botPosts(h!, seq).length === 1, 5000, 'the second reply');
    const reply = botPosts(h, seq)[0]!;
    expectWaitLeft((reply.body as JsonObject).content, askedAt, 30);
    expect((reply.body as JsonObject).message_reference).toMatchObject({ message_id: again.id });
    // No second thread was started for the refused question.
    expect(h.fake.requests.filter((r) => r.path.endsWith('/threads'))).toHaveLength(1);
  });

  it('answers a mention, then tells the same user to wait instead of answering again', async () => {
    h = await startBot({ cooldownSeconds: 30 });
    const mention = (content: string) =>
      h!.fake.sendMessage({ content: `<@${h!.fake.applicationId}> ${content}`, mentions: [h!.fake.botUser] });
    const askedAt = Date.now();
    mention('Who announced the withdrawal?');
    await until(() => botPosts(h!).length === 1, 5000, 'the first answer');
    expect(embedOf(botPosts(h)[0]!.body).title).toBe('Who announced the withdrawal?');
    const seq = botPosts(h)[0]!.seq;
    mention('How long did France stay in Mali?');
    await until(() => botPosts(h!, seq).length === 1, 5000, 'the second reply');
    expectWaitLeft((botPosts(h, seq)[0]!.body as JsonObject).content, askedAt, 30);
    expect(botPosts(h, seq)[0]!.body).not.toHaveProperty('embeds.0');
  });
});

describe('messages posted by webhooks', () => {
  it('are never answered, in a Q&A channel or mentioning the bot, even without the bot flag on their author', async () => {
    h = await startBot({ qa: true });
    const webhook = { id: '523456789012345678', username: 'Wire feed', discriminator: '0000', avatar: null };
    h.fake.sendMessage({
      channel_id: h.qaChannelId,
      content: 'Why did France withdraw from Mali?',
      webhook_id: webhook.id,
      author: webhook,
    });
    h.fake.sendMessage({
      content: `<@${h.fake.applicationId}> Who announced the withdrawal?`,
      mentions: [h.fake.botUser],
      webhook_id: webhook.id,
      author: webhook,
    });
    // A person's question afterwards is answered: the bot was listening all along.
    h.fake.sendMessage({ channel_id: h.qaChannelId, content: 'Who announced the withdrawal?' });
    await until(() => botPosts(h!).length === 1, 5000, 'the answer to the person');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(botPosts(h)).toHaveLength(1);
    expect(embedOf(botPosts(h)[0]!.body).description?.split('\n')[0]).toBe('**Answer:** Emmanuel Macron [1]');
    expect(h.fake.requests.filter((r) => r.path.endsWith('/threads'))).toHaveLength(1);
  });
});

describe('a saved page with scripts', () => {
  it('is ingested as its own text: the page scripts never run, so nothing they write is stored', () => {
    const page = `<!doctype html><html><head><title>Convoy reaches Gao</title>
<script>document.addEventListener('DOMContentLoaded', () => {
  document.querySelector('article').insertAdjacentHTML('beforeend', '<p>SCRIPT-WRITTEN: France will stay in Mali for ever, the minister said.</p>');
});
document.write('<p>SCRIPT-WRITTEN by document.write into the page body, long enough to pass for a paragraph.</p>');</script>
</head><body><article>
<h1>Convoy reaches Gao</h1>
<p>A convoy of French armoured vehicles reached Gao on Monday after a four-day journey from the north, officers said.</p>
<p>The soldiers will hand the base over to Malian forces before the end of the month, according to the army.</p>
<script>document.querySelector('article p').textContent = 'SCRIPT-WRITTEN replacement of the first paragraph.';</script>
</article></body></html>`;
    const { text } = extractFromHtml(page);
    expect(text).not.toContain('SCRIPT-WRITTEN');
    expect(text).toContain(
      'A convoy of French armoured vehicles reached Gao on Monday after a four-day journey from the north, officers said.',
    );
    expect(text).toContain(
      'The soldiers will hand the base over to Malian forces before the end of the month, according to the army.',
    );
  });
});
