/**
 * End to end, what a reporter sees and can trust at a glance: disputed figures flagged in the
 * headline, no confident non-answers, dates that read as the article's, /quote's merged results,
 * private option and copy button, French for French users, and a clean conversation (no answers
 * to reply pings or thanks, no silent empty threads, suggestions answered during shutdown).
 */
import { PermissionFlagsBits } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { COLORS } from '../../src/bot/render.js';
import { FakeRoutes, snowflake, type JsonObject, type RecordedRequest } from '../support/fake-discord.js';
import {
  buttonsOf,
  callback,
  checkAndStop,
  embedOf,
  engine,
  finalEdit,
  option,
  startBot,
  until,
  type Harness,
} from './harness.js';

let h: Harness | undefined;

afterEach(async () => {
  const current = h;
  h = undefined;
  await checkAndStop(current);
});

function botPostsIn(h: Harness, channelId: string): RecordedRequest[] {
  return h.fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${channelId}/messages`);
}

describe('answers a reporter can trust at a glance', () => {
  it('shows the passages without an "Answer:" line when passage [1] gives no answer of the kind asked', async () => {
    h = await startBot();
    const question = 'Did France stay in Mali?';
    // The engine finds passages, but none says plainly whether France stayed: no short answer.
    expect(engine().ask(question, 10)).toMatchObject({
      status: 'answered',
      answer: null,
      answerType: 'other',
    });
    const { id } = h.fake.sendInteraction({ commandName: 'ask', options: [option('question', question)] });
    const embed = embedOf((await finalEdit(h.fake, id)).body) as { description: string; color?: number };
    expect(embed.description.split('\n')[0]).toBe(
      'None of these passages gives a short answer of the kind asked; read them to judge.',
    );
    expect(embed.description).not.toContain('Answer:');
    expect(embed.color).toBe(COLORS.noAnswer);
    expect(embed.description.split('\n')[2]).toMatch(/^\*\*\[1\]\*\* .+ · published /);
  });

  it('/quote merges the fragments of one quotation into one result, cites the exactly dated outlet first, and copies it as plain text', async () => {
    h = await startBot();
    const { id } = h.fake.sendInteraction({
      commandName: 'quote',
      options: [option('query', 'hidden aims')],
    });
    const edit = await finalEdit(h.fake, id);
    const embed = embedOf(edit.body);
    // "hidden aims" and "strategy and hidden aims" (DW's headline) are fragments of Macron's sentence.
    expect(embed.fields?.map((f) => f.name)).toEqual(['[1] Emmanuel Macron']);
    expect(embed.footer?.text).toBe('1 quotation(s) · quoted verbatim');
    const cite =
      '“We cannot remain militarily engaged alongside de-facto authorities whose strategy and hidden aims we do not share,” Emmanuel Macron said (DW, 17 Feb 2022)';
    expect(embed.fields?.[0]?.value.split('\n').at(-1)).toBe(`Cite: \`${cite}\``);
    const [copy] = buttonsOf(edit.body);
    expect(copy).toMatch(/^Copy citation → quote:copy:[a-z0-9]{8}:0$/);

    const click = h.fake.sendInteraction({
      customId: copy!.split(' → ')[1]!,
      message: { id: (h.fake.messages().at(-1) as JsonObject).id as string, components: [] },
    });
    // Plain private text, which every Discord app lets one select and copy (embed text it does not, on mobile).
    expect((await callback(h.fake, click.id)).body).toMatchObject({
      type: 4,
      data: {
        content: cite,
        embeds: [],
        components: [],
        allowed_mentions: { parse: [], replied_user: false },
        flags: 64,
      },
    });
  });

  it('/quote private: answers only the asker', async () => {
    h = await startBot();
    const { id } = h.fake.sendInteraction({
      commandName: 'quote',
      options: [option('query', 'militarily engaged'), option('private', true)],
    });
    expect((await callback(h.fake, id)).body).toEqual({ type: 5, data: { flags: 64 } });
    expect(embedOf((await finalEdit(h.fake, id)).body).fields?.[0]?.name).toBe('[1] Emmanuel Macron');
  });

  it('/source shows how an inferred date was worked out', async () => {
    h = await startBot();
    const { id } = h.fake.sendInteraction({
      commandName: 'source',
      options: [option('id', 'phnom-penh-post-2022-02-15-mali-withdrawal-announcement-nears')],
    });
    const fields = embedOf((await callback(h.fake, id)).body).fields!;
    expect(fields.slice(1, 4)).toEqual([
      { name: 'Published', value: 'published c. 15 Feb 2022 (inferred)', inline: true },
      expect.objectContaining({ name: 'Passages indexed' }),
      {
        name: 'How the date was worked out',
        value:
          'AFP copy written before the announcement: it cites Le Drian "on February 14" and the Elysee "on Monday" (14 February 2022) and says Macron will announce "this week", so about 15 February 2022.',
      },
    ]);
  });
});

describe('French', () => {
  it('answers a user whose Discord is in French in French, quotes left verbatim', async () => {
    h = await startBot();
    const { id } = h.fake.sendInteraction({
      commandName: 'ask',
      locale: 'fr',
      options: [option('question', 'How many French troops were in Mali?')],
    });
    const edit = await finalEdit(h.fake, id);
    const embed = embedOf(edit.body);
    expect(embed.description?.split('\n')[0]).toBe(
      '**Réponse :** 2,400 troops [1] — les sources divergent : close to 3000 [2]',
    );
    expect(embed.description?.split('\n')[2]).toBe(
      '**[1]** Brussels Morning Newspaper · publié vers le 17 févr. 2022 (date déduite) · *(no headline)*',
    );
    expect(embed.fields?.[0]?.name).toBe('Les sources divergent');
    expect(embed.footer?.text).toBe(
      'Passages 1 à 3 sur 10 · cités mot pour mot · « date déduite » : la date est établie, pas imprimée dans l’article',
    );
    expect(buttonsOf(edit.body)).toEqual([expect.stringMatching(/^Plus de passages → ask:page:/)]);
  });

  it('answers in a Q&A thread in French where the server’s language is French', async () => {
    h = await startBot({
      qa: true,
      fake: {
        guilds: [{ preferred_locale: 'fr', channels: [{ name: 'newsroom' }, { name: 'ask-the-desk' }] }],
      },
    });
    const question = h.fake.sendMessage({
      channel_id: h.qaChannelId,
      content: 'How many French troops were in Mali?',
    });
    const answer = await h.fake.waitForRequest(
      (r) => r.method === 'POST' && r.path === `/channels/${question.id}/messages` && r.status === 200,
    );
    expect(embedOf(answer.body).description?.split('\n')[0]).toBe(
      '**Réponse :** 2,400 troops [1] — les sources divergent : close to 3000 [2]',
    );
  });

  it('tells a French user about the cooldown in French', async () => {
    h = await startBot({ cooldownSeconds: 60 });
    const ask = () =>
      h!.fake.sendInteraction({ commandName: 'ask', locale: 'fr', options: [option('question', 'Why?')] });
    await finalEdit(h.fake, ask().id);
    const second = ask();
    expect(((await callback(h.fake, second.id)).body as { data: { content: string } }).data.content).toMatch(
      /^Vous posez vos questions vite : réessayez dans \d+ s\.$/,
    );
  });
});

describe('conversation hygiene', () => {
  it('ignores a reply that only pings the bot, and a mention that asks nothing; answers a mention that asks', async () => {
    h = await startBot();
    const botId = h.fake.applicationId;
    const botMessage = h.fake.sendMessage({ author: h.fake.botUser, content: 'An earlier answer' });
    // Discord lists the replied-to author among the mentions when the reply pings them.
    h.fake.sendMessage({
      content: 'thanks!',
      type: 19,
      mentions: [h.fake.botUser],
      message_reference: { message_id: botMessage.id, channel_id: h.fake.channelId },
      referenced_message: botMessage,
    });
    h.fake.sendMessage({ content: `thanks <@${botId}>, that helps`, mentions: [h.fake.botUser] });
    const asks = h.fake.sendMessage({
      content: `<@${botId}> how many French troops were in Mali?`,
      mentions: [h.fake.botUser],
    });
    const reply = await h.fake.waitForRequest(
      (r) => r.method === 'POST' && r.path === `/channels/${h!.fake.channelId}/messages`,
    );
    expect((reply.body as JsonObject).message_reference).toMatchObject({ message_id: asks.id });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(botPostsIn(h, h.fake.channelId)).toHaveLength(1);
  });

  it('when the answer cannot be posted in a new thread, logs the real failure and explains in the thread', async () => {
    const guildId = snowflake();
    const qa = snowflake();
    h = await startBot({
      qa: true,
      fake: {
        guilds: [
          {
            id: guildId,
            channels: [
              { name: 'newsroom' },
              {
                id: qa,
                name: 'ask-the-desk',
                permission_overwrites: [
                  { id: guildId, type: 0, allow: '0', deny: String(PermissionFlagsBits.EmbedLinks) },
                ],
              },
            ],
          },
        ],
      },
    });
    const question = h.fake.sendMessage({ channel_id: qa, content: 'Who announced the withdrawal?' });
    // The thread takes the question's id; the embed is refused there, then a plain explanation is posted.
    await until(
      () => botPostsIn(h!, question.id as string).filter((r) => r.status !== undefined).length >= 2,
    );
    const [refused, explained] = botPostsIn(h, question.id as string);
    expect(refused!.status).toBe(403);
    expect(refused!.responseBody).toMatchObject({ code: 50013, message: 'Missing Permissions' });
    expect(explained!.status).toBe(200);
    expect((explained!.body as JsonObject).content).toBe(
      'I could not post the answer in this thread: I lack a permission here (Embed Links or Send Messages in Threads). Ask a server admin to grant it, then ask again.',
    );
    expect(
      h.logs.some(
        (l) =>
          l.includes('WARN  started a thread but could not post the answer in it') &&
          l.includes('code=50013') &&
          l.includes('reason="Missing Permissions"'),
      ),
    ).toBe(true);
    // Deleting it needs Manage Threads, which the bot was not given: it says so in the log.
    expect(
      h.logs.some((l) => l.includes('could not delete the empty thread; explaining in it instead')),
    ).toBe(true);
  });

  it('deletes the empty thread when it may', async () => {
    const guildId = snowflake();
    const qa = snowflake();
    const role = snowflake();
    const botId = snowflake();
    h = await startBot({
      qa: true,
      fake: {
        applicationId: botId,
        guilds: [
          {
            id: guildId,
            roles: [
              { id: role, name: 'newsroom-bot', permissions: String(PermissionFlagsBits.ManageThreads) },
            ],
            channels: [
              { name: 'newsroom' },
              {
                id: qa,
                name: 'ask-the-desk',
                permission_overwrites: [
                  { id: guildId, type: 0, allow: '0', deny: String(PermissionFlagsBits.EmbedLinks) },
                ],
              },
            ],
            // The bot's role grants Manage Threads.
            members: [{ user: { id: botId, username: 'newsroom-bot', bot: true }, roles: [role] }],
          },
        ],
      },
    });
    const question = h.fake.sendMessage({ channel_id: qa, content: 'Who announced the withdrawal?' });
    const deleted = await h.fake.waitForRequest(
      (r) => r.method === 'DELETE' && r.path === `/channels/${question.id}`,
    );
    expect(deleted.status).toBe(200);
    expect(h.fake.channel(question.id as string)).toBeUndefined();
    await until(() => h!.logs.some((l) => l.includes('deleted the empty thread')));
  });

  it('answers a suggestion request with an empty list while shutting down, rather than leaving it unanswered', async () => {
    h = await startBot();
    // Keep one reply in flight so that shutdown waits.
    h.fake.delayRoute(FakeRoutes.editOriginal, 800, { times: 1 });
    const ask = h.fake.sendInteraction({ commandName: 'ask', options: [option('question', 'Why?')] });
    await callback(h.fake, ask.id);
    const stopping = h.bot.stop();
    const suggest = h.fake.sendInteraction({
      type: 4,
      commandName: 'quote',
      options: [option('speaker', 'Mac', { focused: true })],
    });
    expect((await callback(h.fake, suggest.id)).body).toEqual({ type: 8, data: { choices: [] } });
    await stopping;
  });
});
