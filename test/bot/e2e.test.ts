/**
 * End to end: the real bot (createBot + discord.js Client + commands + engine) against the local
 * fake Discord. Every body the bot sends is validated against Discord's OpenAPI spec.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  checkAndStop,
  buttonsOf,
  callback,
  embedOf,
  engine,
  finalEdit,
  option,
  startBot,
  type Harness,
} from './harness.js';
import { expectWaitLeft } from '../support/cooldown.js';

let h: Harness | undefined;

afterEach(async () => {
  const current = h;
  h = undefined;
  await checkAndStop(current);
});

const NO_MENTIONS = { parse: [], replied_user: false };

describe('/ask', () => {
  it('defers, then answers with the short answer first, the quoted passages and "Sources disagree"', async () => {
    h = await startBot();
    const { id } = h.fake.sendInteraction({
      commandName: 'ask',
      options: [option('question', 'How many French troops were in Mali?')],
    });
    const edit = await finalEdit(h.fake, id);
    const responses = h.fake.interactionResponses(id);

    expect(responses.callback?.body).toEqual({ type: 5, data: { flags: 0 } });
    const embed = embedOf(edit.body);
    expect(embed.title).toBe('How many French troops were in Mali?');
    expect(embed.description?.split('\n')[0]).toBe(
      '**Answer:** 2,400 troops [1] — sources disagree: close to 3000 [2]',
    );
    // The first passage, whole and verbatim as Brussels Morning printed it.
    expect(embed.description).toContain(
      '\n> A French contingent of 2,400 troops based in Mali for the past nine years was joined in 2020 by a several hundred-strong force of European allies.',
    );
    expect(embed.fields?.[0]?.name).toBe('Sources disagree');
    expect(embed.fields?.[0]?.value).toContain(
      '• **close to 3000**: Outlet not named, published c. 17 Feb 2022 (inferred) [2]',
    );
    expect(buttonsOf(edit.body)).toEqual([expect.stringMatching(/^More passages → ask:page:[a-z0-9]{8}:1$/)]);
    expect((edit.body as { allowed_mentions: unknown }).allowed_mentions).toEqual(NO_MENTIONS);
    // What the channel shows in the end.
    const shown = h.fake.messages().at(-1)!;
    expect((shown.embeds as unknown[]).length).toBe(1);
    expect(shown.flags).toBe(0);
  });

  it('says when the corpus has no confident answer, and shows the closest passages labelled as such', async () => {
    h = await startBot();
    const { id } = h.fake.sendInteraction({
      commandName: 'ask',
      options: [option('question', 'What is the price of bitcoin today?')],
    });
    const embed = embedOf((await finalEdit(h.fake, id)).body);
    const lines = embed.description!.split('\n');
    expect(lines[0]).toBe(
      '**No confident answer in the corpus.** The closest passages are below, labelled as such: they may not answer the question.',
    );
    expect(lines[2]).toBe('__Closest passages (not an answer):__');
    expect(embed.fields).toBeUndefined();
  });

  it('pages through further passages with "More passages" and back', async () => {
    h = await startBot();
    const ask = h.fake.sendInteraction({
      commandName: 'ask',
      options: [option('question', 'Who announced the withdrawal?'), option('sources', 2)],
    });
    const first = await finalEdit(h.fake, ask.id);
    expect(embedOf(first.body).footer?.text).toMatch(/^Passages 1–2 of 10 · /);
    const more = buttonsOf(first.body)[0]!.split(' → ')[1]!;

    const click = h.fake.sendInteraction({ customId: more, message: h.fake.messages().at(-1)! });
    const update = await callback(h.fake, click.id);
    expect((update.body as { type: number }).type).toBe(7);
    const page2 = embedOf(update.body);
    expect(page2.description?.split('\n')[0]).toBe('**Answer:** Emmanuel Macron [1]');
    expect(page2.description).toContain('**[3]** ');
    expect(page2.description).toContain('**[4]** ');
    expect(page2.description).not.toContain('**[2]** ');
    expect(page2.footer?.text).toMatch(/^Passages 3–4 of 10 · /);
    const stateId = more.split(':')[2];
    expect(buttonsOf(update.body)).toEqual([
      `Previous passages → ask:page:${stateId}:0`,
      `More passages → ask:page:${stateId}:2`,
    ]);
  });

  it('answers privately when asked, and "Post to channel" posts the same answer for everyone', async () => {
    h = await startBot();
    const ask = h.fake.sendInteraction({
      commandName: 'ask',
      options: [option('question', 'Who announced the withdrawal?'), option('private', true)],
    });
    const edit = await finalEdit(h.fake, ask.id);
    expect(h.fake.interactionResponses(ask.id).callback?.body).toEqual({ type: 5, data: { flags: 64 } });
    const buttons = buttonsOf(edit.body);
    expect(buttons[1]).toMatch(/^Post to channel → ask:post:[a-z0-9]{8}:0$/);

    const privateMessage = { ...(edit.responseBody as object), flags: 64 };
    const click = h.fake.sendInteraction({ customId: buttons[1]!.split(' → ')[1]!, message: privateMessage });
    const posted = await h.fake.waitForRequest(
      (r) => r.interactionId === click.id && r.method === 'POST' && r.path.startsWith('/webhooks/'),
    );
    expect((posted.body as { flags?: number }).flags ?? 0).toBe(0);
    expect(embedOf(posted.body)).toEqual(embedOf(edit.body));
    expect(buttonsOf(posted.body)).toEqual([
      expect.stringMatching(/^More passages → ask:page:[a-z0-9]{8}:1$/),
    ]);
    expect((posted.body as { allowed_mentions: unknown }).allowed_mentions).toEqual(NO_MENTIONS);
    // The private copy loses its "Post to channel" button.
    const privateEdit = await h.fake.waitForRequest(
      (r) => r.interactionId === click.id && r.method === 'PATCH',
    );
    expect(buttonsOf(privateEdit.body).some((b) => b.startsWith('Post to channel'))).toBe(false);
  });

  it('renders a hostile question within every limit, shown as written, pinging no one', async () => {
    h = await startBot();
    const hostile = '@everyone <@123456789012345678> **bold** `tick` ```fence``` '.repeat(20).slice(0, 1000);
    const { id } = h.fake.sendInteraction({ commandName: 'ask', options: [option('question', hostile)] });
    const edit = await finalEdit(h.fake, id);
    const embed = embedOf(edit.body);
    expect(embed.title!.length).toBeLessThanOrEqual(256);
    expect(
      embed.title!.startsWith('@\u200beveryone <\u200b@123456789012345678> \\*\\*bold\\*\\* \\`tick\\`'),
    ).toBe(true);
    expect(embed.title!.endsWith('…')).toBe(true);
    expect((edit.body as { allowed_mentions: unknown }).allowed_mentions).toEqual(NO_MENTIONS);
    expect(edit.validation?.valid).toBe(true);
  });

  it('makes a user wait out the cooldown, privately', async () => {
    h = await startBot({ cooldownSeconds: 30 });
    const askedAt = Date.now();
    const first = h.fake.sendInteraction({
      commandName: 'ask',
      options: [option('question', 'Who announced the withdrawal?')],
    });
    await finalEdit(h.fake, first.id);
    const second = h.fake.sendInteraction({
      commandName: 'ask',
      options: [option('question', 'Why did France leave?')],
    });
    const reply = await callback(h.fake, second.id);
    expect(reply.body).toEqual({
      type: 4,
      data: {
        content: expect.stringMatching(/^You are asking quickly: try again in \d+ s\.$/),
        embeds: [],
        components: [],
        allowed_mentions: NO_MENTIONS,
        flags: 64,
        tts: false,
        enforce_nonce: false,
      },
    });
    expectWaitLeft((reply.body as { data: { content: string } }).data.content, askedAt, 30);
    // Another user is not held up.
    const other = h.fake.sendInteraction({
      commandName: 'ask',
      user: { id: '323456789012345678', username: 'editor' },
      options: [option('question', 'Why did France leave?')],
    });
    expect((await callback(h.fake, other.id)).body).toEqual({ type: 5, data: { flags: 0 } });
  });
});

describe('/quote', () => {
  it('suggests speakers as the user types, then quotes them with a copy-ready citation line', async () => {
    h = await startBot();
    const suggest = h.fake.sendInteraction({
      type: 4,
      commandName: 'quote',
      options: [option('query', 'militarily'), option('speaker', 'macr', { focused: true })],
    });
    const choices = await callback(h.fake, suggest.id);
    expect(choices.body).toEqual({
      type: 8,
      data: { choices: [{ name: 'Emmanuel Macron', value: 'Emmanuel Macron' }] },
    });

    const everyone = h.fake.sendInteraction({
      type: 4,
      commandName: 'quote',
      options: [option('query', ''), option('speaker', '', { focused: true })],
    });
    const all = ((await callback(h.fake, everyone.id)).body as { data: { choices: Array<{ name: string }> } })
      .data.choices;
    // Every speaker the five seed articles quote, most quoted first: DW's "…," he said. after
    // "France's Sabre special forces" is Emmanuel Macron's, and the MINUSMA spokesman is Olivier
    // Salgado, named before his title.
    expect(all.map((c) => c.name)).toEqual([
      'Emmanuel Macron',
      'France and its allies',
      'French army',
      'Josep Borrell',
      'Olivier Salgado',
      'Christine Lambrecht',
      'French military',
      'French Presidency',
      'Jean-Yves Le Drian',
      'Kalle Lane',
      'Mali’s military leaders',
    ]);

    const quote = h.fake.sendInteraction({
      commandName: 'quote',
      options: [option('query', 'militarily engaged'), option('speaker', 'Emmanuel Macron')],
    });
    const embed = embedOf((await finalEdit(h.fake, quote.id)).body);
    expect(embed.title).toBe('Quotations matching “militarily engaged” from Emmanuel Macron');
    expect(embed.fields?.[0]?.name).toBe('[1] Emmanuel Macron');
    expect(embed.fields?.[0]?.value).toContain(
      'Cite: `“We cannot remain militarily engaged alongside de-facto authorities whose strategy and hidden aims we do not share,” Emmanuel Macron said (DW, 17 Feb 2022)`',
    );
    expect(embed.fields?.[0]?.value).toContain(
      'Also in: DW, published 17 Feb 2022; Outlet not named, published c. 17 Feb 2022 (inferred)',
    );
  });
});

describe('/sources and /source', () => {
  it('lists the articles privately, and shows one article found by autocomplete', async () => {
    h = await startBot();
    const list = h.fake.sendInteraction({ commandName: 'sources' });
    const listed = await callback(h.fake, list.id);
    expect((listed.body as { data: { flags: number } }).data.flags).toBe(64);
    const description = embedOf(listed.body).description!;
    for (const s of engine().sources()) expect(description).toContain(`\`${s.articleId}\``);
    expect(description).toContain(
      '**3.** DW · published 17 Feb 2022 · *France announces military withdrawal from Mali*',
    );

    const suggest = h.fake.sendInteraction({
      type: 4,
      commandName: 'source',
      options: [option('id', 'troops leave', { focused: true })],
    });
    expect((await callback(h.fake, suggest.id)).body).toEqual({
      type: 8,
      data: {
        choices: [
          {
            name: 'Al Jazeera · published c. 15 Aug 2022 (inferred) · Last French troops leave Mali, ending nine-year…',
            value: 'al-jazeera-2022-08-15-last-french-troops-leave-mali',
          },
        ],
      },
    });

    const show = h.fake.sendInteraction({
      commandName: 'source',
      options: [option('id', 'al-jazeera-2022-08-15-last-french-troops-leave-mali')],
    });
    const shown = embedOf((await callback(h.fake, show.id)).body);
    expect(shown.title).toBe('Last French troops leave Mali, ending nine-year deployment');
    expect(shown.fields?.[1]).toEqual({
      name: 'Published',
      value: 'published c. 15 Aug 2022 (inferred)',
      inline: true,
    });

    const missing = h.fake.sendInteraction({
      commandName: 'source',
      options: [option('id', 'no-such-article')],
    });
    expect((await callback(h.fake, missing.id)).body).toMatchObject({
      type: 4,
      data: { content: 'No article has the id `no-such-article`. /sources lists them all.', flags: 64 },
    });
  });
});

describe('"Find in sources" (message context menu)', () => {
  it('shows the closest passages to what a message claims, privately', async () => {
    h = await startBot();
    const { id } = h.fake.sendInteraction({
      commandName: 'Find in sources',
      targetMessage: { content: 'France had 5,000 troops in Mali' },
    });
    const edit = await finalEdit(h.fake, id);
    expect(h.fake.interactionResponses(id).callback?.body).toEqual({ type: 5, data: { flags: 64 } });
    const embed = embedOf(edit.body);
    expect(embed.title).toBe('Closest passages in the corpus');
    expect(embed.description?.split('\n').slice(0, 2)).toEqual([
      '**Message:** France had 5,000 troops in Mali',
      'On the figure it gives: 0 passage(s) give the same, 3 a different one (marked below). Read them to judge the rest.',
    ]);
    // The corpus's own figures for French troops in Mali are shown against the message's 5,000,
    // on the first page (their order is the ranking's).
    expect(embed.description).toMatch(
      /\*\*\[[1-3]\]\*\* Brussels Morning Newspaper · published c\. 17 Feb 2022 \(inferred\) · \*\(no headline\)\* · ⚠️ different figure: 2,400/,
    );
    expect(embed.fields?.[0]?.name).toBe('Sources disagree');
    expect(buttonsOf(edit.body).some((b) => b.startsWith('Post to channel → ask:post:'))).toBe(true);
  });

  it('leaves a message without a figure for the reader to weigh against the closest passages', async () => {
    h = await startBot();
    const { id } = h.fake.sendInteraction({
      commandName: 'Find in sources',
      targetMessage: { content: 'Macron announced the withdrawal from Mali' },
    });
    const embed = embedOf((await finalEdit(h.fake, id)).body);
    expect(embed.description?.split('\n')[1]).toBe(
      'The closest passages in the corpus are below. Read them to judge whether they support or contradict the message.',
    );
    expect(embed.description).not.toContain('figure');
  });

  it('says plainly when nothing in the corpus comes close', async () => {
    h = await startBot();
    const { id } = h.fake.sendInteraction({
      commandName: 'Find in sources',
      targetMessage: { content: 'xyzzy' },
    });
    const embed = embedOf((await finalEdit(h.fake, id)).body);
    expect(embed.description).toBe('**Message:** xyzzy\nNothing in the corpus comes close to this message.');
  });
});

describe('/help', () => {
  it('tells what the bot can do, privately', async () => {
    h = await startBot();
    const { id } = h.fake.sendInteraction({ commandName: 'help' });
    const reply = await callback(h.fake, id);
    expect((reply.body as { data: { flags: number } }).data.flags).toBe(64);
    expect(embedOf(reply.body).title).toBe('What I can do');
    expect(embedOf(reply.body).description).toContain('**/ask** `question`');
  });
});
