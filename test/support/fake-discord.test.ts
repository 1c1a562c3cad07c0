import {
  ApplicationCommandType,
  Client,
  ContextMenuCommandBuilder,
  DiscordAPIError,
  EmbedBuilder,
  Events,
  GatewayIntentBits,
  MessageFlags,
  PermissionFlagsBits,
  Routes,
  SlashCommandBuilder,
  Status,
  type Interaction,
  type Message,
} from 'discord.js';
import { WebSocket } from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import {
  FakeRoutes,
  destroyClient,
  snowflake,
  startFakeDiscord,
  waitForClientReady,
  type FakeDiscord,
  type FakeDiscordOptions,
  type JsonObject,
} from './fake-discord.js';
import { loadDiscordSpec, validateAgainstSpec } from './openapi.js';

let fake: FakeDiscord | undefined;
let client: Client | undefined;
let handlerErrors: unknown[] = [];

afterEach(async () => {
  if (client) await destroyClient(client);
  client = undefined;
  if (fake) await fake.stop();
  fake = undefined;
  handlerErrors = [];
});

/** Starts the fake and logs a bare discord.js client in, with `handler` as its interactionCreate listener. */
async function connect(
  handler?: (interaction: Interaction) => Promise<unknown>,
  options: { fake?: FakeDiscordOptions; intents?: number[] } = {},
): Promise<{ fake: FakeDiscord; client: Client }> {
  const started = await startFakeDiscord(options.fake);
  fake = started;
  const bot = new Client({
    intents: options.intents ?? [GatewayIntentBits.Guilds],
    rest: { api: started.restUrl },
  });
  client = bot;
  if (handler) {
    bot.on(Events.InteractionCreate, (interaction) => {
      handler(interaction).catch((error: unknown) => handlerErrors.push(error));
    });
  }
  await bot.login(started.token);
  await waitForClientReady(bot);
  return { fake: started, client: bot };
}

const callbackOf = (id: string) => (request: { interactionId?: string; path: string }) =>
  request.interactionId === id && request.path.endsWith('/callback');

describe('the fake Discord with a real discord.js Client', () => {
  it('logs the client in and caches the guild, its text channel, roles and the bot member from GUILD_CREATE', async () => {
    const { fake, client } = await connect(undefined, { fake: { heartbeatIntervalMs: 100 } });

    expect(client.user?.id).toBe(fake.applicationId);
    expect(client.application?.id).toBe(fake.applicationId);
    const guild = client.guilds.cache.get(fake.guildId);
    expect(guild?.name).toBe('Fake Newsroom');
    expect(guild?.available).toBe(true);
    expect(guild?.roles.everyone.id).toBe(fake.guildId);
    expect(guild?.members.me?.id).toBe(fake.applicationId);
    const channel = client.channels.cache.get(fake.channelId);
    expect(channel?.isTextBased()).toBe(true);
    expect(channel && 'name' in channel ? channel.name : null).toBe('newsroom');

    expect(fake.identifies).toHaveLength(1);
    expect(client.ws.shards.first()?.status).toBe(Status.Ready);
    expect(fake.identifies[0]).toMatchObject({
      token: fake.token,
      intents: GatewayIntentBits.Guilds,
      accepted: true,
      shard: [0, 1],
    });
    const gatewayBot = await fake.waitForRequest((r) => r.path === '/gateway/bot');
    expect(gatewayBot).toMatchObject({ method: 'GET', apiVersion: 10, auth: 'valid', status: 200 });
    expect(gatewayBot.headers).not.toHaveProperty('authorization');

    const ack = await fake.waitForGateway((e) => e.direction === 'out' && e.op === 11, 2000);
    expect(ack.sessionId).toBe(fake.sessions[0]?.sessionId);
  });

  it('delivers a slash command and records a reply whose body matches the spec', async () => {
    const { fake } = await connect(async (interaction) => {
      if (!interaction.isChatInputCommand() || interaction.commandName !== 'ask') return;
      const question = interaction.options.getString('question', true);
      await interaction.reply({ content: `You asked: ${question}`, allowedMentions: { parse: [] } });
    });

    const { id, token, delivered } = fake.sendInteraction({
      commandName: 'ask',
      options: [{ type: 3, name: 'question', value: 'Why did France leave Mali?' }],
    });
    expect(delivered).toBe(1);
    const callback = await fake.waitForRequest(callbackOf(id));

    expect(callback.method).toBe('POST');
    expect(callback.path).toBe(`/interactions/${id}/${token}/callback`);
    expect(callback.query).toEqual({ with_response: 'false' });
    expect(callback.auth).toBe('none');
    expect(callback.body).toEqual({
      type: 4,
      data: {
        content: 'You asked: Why did France leave Mali?',
        allowed_mentions: { parse: [] },
        tts: false,
        enforce_nonce: false,
      },
    });
    expect(callback.status).toBe(204);
    expect(callback.operation).toEqual({
      specPath: '/interactions/{interaction_id}/{interaction_token}/callback',
      operationId: 'create_interaction_response',
    });
    expect(callback.validation).toMatchObject({ checked: true, valid: true, issues: [] });
    expect(fake.interactionResponses(id).callback).toBe(callback);
    expect(handlerErrors).toEqual([]);
    fake.assertAllValid();
  });

  it('records deferReply as callback type 5 and editReply as a PATCH of @original, both valid', async () => {
    let edited: Message | undefined;
    const { fake } = await connect(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply();
      edited = await interaction.editReply({
        content: 'Answer',
        embeds: [new EmbedBuilder().setTitle('Sources').setDescription('Le Monde, 2022-08-15')],
      });
    });

    const { id, token } = fake.sendInteraction({ commandName: 'ask' });
    await fake.waitForRequest((r) => r.interactionId === id && r.method === 'PATCH');
    const responses = fake.interactionResponses(id);

    expect(responses.callback?.body).toEqual({ type: 5, data: { flags: 0 } });
    expect(responses.edits).toHaveLength(1);
    const edit = responses.edits[0];
    expect(edit?.path).toBe(`/webhooks/${fake.applicationId}/${token}/messages/@original`);
    expect(edit?.rawUrl).toBe(`/api/v10/webhooks/${fake.applicationId}/${token}/messages/%40original`);
    expect(edit?.operation?.specPath).toBe('/webhooks/{webhook_id}/{webhook_token}/messages/@original');
    expect(edit?.body).toEqual({
      content: 'Answer',
      embeds: [{ title: 'Sources', description: 'Le Monde, 2022-08-15' }],
      tts: false,
      enforce_nonce: false,
    });
    expect(edit?.status).toBe(200);
    expect(responses.callback?.validation?.valid).toBe(true);
    expect(edit?.validation?.valid).toBe(true);
    // The fake has answered; discord.js resolves editReply() a tick later.
    await expect.poll(() => edited?.content).toBe('Answer');
    expect(handlerErrors).toEqual([]);
    fake.assertAllValid();
  });

  it('records a body the spec rejects and makes assertAllValid throw naming the route and the problem', async () => {
    const { fake, client } = await connect(undefined, { fake: { rejectInvalidBodies: false } });

    await client.rest.post(Routes.channelMessages(fake.channelId), {
      body: { embeds: [{ description: 'x'.repeat(5000) }] },
    });

    expect(fake.validationErrors).toHaveLength(1);
    expect(fake.validationErrors[0]?.result.issues[0]).toMatchObject({
      source: 'openapi',
      instancePath: '/embeds/0/description',
      keyword: 'maxLength',
    });
    expect(() => fake.assertAllValid()).toThrow(
      /POST \/channels\/\{channel_id\}\/messages \(create_message\)/,
    );
    expect(() => fake.assertAllValid()).toThrow(
      /\/embeds\/0\/description must NOT have more than 4096 characters/,
    );
    expect(() => fake.assertAllValid()).toThrow(/\(5000 chars\)/);
  });

  it("answers a spec-invalid body with 400 Invalid Form Body, in Discord's error shape, by default", async () => {
    const { fake, client } = await connect();

    const error = await client.rest
      .post(Routes.channelMessages(fake.channelId), { body: { content: 'y'.repeat(4001) } })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(50035);
    expect((error as DiscordAPIError).status).toBe(400);
    expect(fake.validationErrors[0]?.request.status).toBe(400);
    expect(fake.validationErrors[0]?.request.responseBody).toEqual({
      code: 50035,
      message: 'Invalid Form Body',
      errors: {
        content: {
          _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'must NOT have more than 4000 characters' }],
        },
      },
    });
    // Nothing was posted.
    expect(fake.messages(fake.channelId)).toEqual([]);
  });

  it('refuses an empty message with 50006, as a channel message, a reply, a follow-up or an edit', async () => {
    const outcomes: Record<string, unknown> = {};
    const codeOf = (p: Promise<unknown>) =>
      p.then(
        () => 'sent',
        (error: unknown) =>
          error instanceof DiscordAPIError ? `${error.status} ${error.code} ${error.message}` : error,
      );
    const { fake, client } = await connect(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      outcomes.reply = await codeOf(interaction.reply({ content: '' }));
      await interaction.deferReply();
      outcomes.emptyEdit = await codeOf(interaction.editReply({ content: '', embeds: [] }));
      outcomes.edit = await codeOf(interaction.editReply({ content: 'Answer' }));
      outcomes.followUp = await codeOf(interaction.followUp({ content: '' }));
    });
    const empty = 'Cannot send an empty message';
    expect(
      await codeOf(client.rest.post(Routes.channelMessages(fake.channelId), { body: { content: '' } })),
    ).toBe(`400 50006 ${empty}`);
    const { id } = fake.sendInteraction({ commandName: 'ask' });
    await expect.poll(() => outcomes.followUp, { timeout: 5000 }).toBeDefined();
    expect(outcomes).toEqual({
      reply: `400 50006 ${empty}`,
      emptyEdit: `400 50006 ${empty}`,
      edit: 'sent',
      followUp: `400 50006 ${empty}`,
    });
    expect(fake.interactionResponses(id).callbacks.map((r) => r.status)).toEqual([400, 204]);
    expect(fake.messages(fake.channelId).map((m) => m.content)).toEqual(['Answer']);
  });

  it('makes discord.js retry a reply after an injected 429 and the reply still arrives', async () => {
    const restDebug: string[] = [];
    const { fake, client } = await connect(async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply({ content: 'after the rate limit' });
    });
    client.rest.on('restDebug', (message) => restDebug.push(message));
    fake.rateLimitNext(FakeRoutes.interactionCallback, { retryAfter: 0.1 });

    const { id } = fake.sendInteraction();
    const accepted = await fake.waitForRequest((r) => callbackOf(id)(r) && r.status === 204);
    const attempts = fake.interactionResponses(id).callbacks;

    expect(attempts.map((r) => r.status)).toEqual([429, 204]);
    expect(attempts[0]?.injected).toBe('rate-limit');
    expect(attempts[0]?.responseBody).toEqual({
      message: 'You are being rate limited.',
      retry_after: 0.1,
      global: false,
      code: 0,
    });
    expect(accepted.time - (attempts[0]?.respondedTime ?? 0)).toBeGreaterThanOrEqual(100);
    expect(accepted.body).toEqual(attempts[0]?.body);
    expect(
      restDebug.filter((message) => message.includes('Encountered unexpected 429 rate limit')),
    ).toHaveLength(1);
    expect(fake.interactionResponses(id).callback).toBe(accepted);
  });

  it('lets discord.js retry a reply after injected 500s', async () => {
    const { fake } = await connect(async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply({ content: 'after two 500s' });
    });
    fake.failNext(FakeRoutes.interactionCallback, { times: 2 });

    const { id } = fake.sendInteraction();
    await fake.waitForRequest((r) => callbackOf(id)(r) && r.status === 204);

    expect(fake.interactionResponses(id).callbacks.map((r) => r.status)).toEqual([500, 500, 204]);
    expect(handlerErrors).toEqual([]);
  });

  it('fails the callback of an expired interaction with 10062 Unknown interaction', async () => {
    const { fake } = await connect(async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply({ content: 'too late' });
    });

    const { id } = fake.sendInteraction();
    fake.expireInteraction(id);
    const callback = await fake.waitForRequest(callbackOf(id));
    await expect.poll(() => handlerErrors.length).toBe(1);

    expect(callback.status).toBe(404);
    expect(callback.responseBody).toEqual({ message: 'Unknown interaction', code: 10062 });
    expect(callback.injected).toBe('unknown-interaction');
    expect(handlerErrors[0]).toBeInstanceOf(DiscordAPIError);
    expect((handlerErrors[0] as DiscordAPIError).code).toBe(10062);
  });

  it('delays a route by the configured time and exposes the request while it is pending', async () => {
    const { fake } = await connect(async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply({ content: 'slow' });
    });
    fake.delayRoute(FakeRoutes.interactionCallback, 300);

    const { id } = fake.sendInteraction();
    const pending = await fake.waitForRequest(callbackOf(id), { includePending: true });
    expect(pending.status).toBeUndefined();
    const done = await fake.waitForRequest((r) => callbackOf(id)(r) && r.status === 204);

    expect(done).toBe(pending);
    expect(done.delayedMs).toBe(300);
    // Node timers may fire a fraction of a millisecond early relative to performance.now().
    expect((done.respondedTime ?? 0) - done.time).toBeGreaterThanOrEqual(295);
  });

  it('makes the client RESUME after a close with code 4000, replays missed dispatches and still answers interactions', async () => {
    const answered: string[] = [];
    const { fake, client } = await connect(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      answered.push(interaction.id);
      await interaction.reply({ content: `answer to ${interaction.id}` });
    });
    const sessionId = fake.sessions[0]?.sessionId;

    expect(fake.closeGateway(4000)).toBe(1);
    // Dispatched while the client is disconnected: must come back in the RESUME replay.
    const missed = fake.sendInteraction();
    const resume = await fake.waitForGateway((e) => e.direction === 'in' && e.op === 6);
    await waitForClientReady(client);
    const after = fake.sendInteraction();
    await fake.waitForRequest((r) => callbackOf(after.id)(r) && r.status === 204);
    await fake.waitForRequest((r) => callbackOf(missed.id)(r) && r.status === 204);

    expect(resume.d).toMatchObject({ session_id: sessionId, token: '[redacted]' });
    expect(fake.gatewayLog.find((e) => e.kind === 'close')).toMatchObject({ code: 4000, closedBy: 'server' });
    expect(fake.gatewayLog.some((e) => e.direction === 'out' && e.t === 'RESUMED')).toBe(true);
    expect(fake.identifies).toHaveLength(1);
    expect(fake.sessions).toEqual([
      expect.objectContaining({ sessionId, resumes: 1, connected: true, ended: false }),
    ]);
    expect(answered.sort()).toEqual([missed.id, after.id].sort());
  });

  it('makes the client resume after an op 7 Reconnect and after a resumable op 9 Invalid Session', async () => {
    const { fake, client } = await connect(async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply({ content: 'still here' });
    });

    fake.sendReconnect();
    await fake.waitForGateway((e) => e.direction === 'in' && e.op === 6);
    await waitForClientReady(client);
    expect(fake.gatewayLog.find((e) => e.kind === 'close')).toMatchObject({ closedBy: 'client', code: 4200 });

    fake.sendInvalidSession(true);
    await expect.poll(() => fake.sessions[0]?.resumes).toBe(2);
    await waitForClientReady(client);

    const { id } = fake.sendInteraction();
    await fake.waitForRequest((r) => callbackOf(id)(r) && r.status === 204);
    expect(fake.identifies).toHaveLength(1);
  });

  it('supports withResponse, follow-ups, editing a follow-up, fetching and deleting the original response', async () => {
    let callbackMessageId: string | undefined;
    let fetchedContent: string | undefined;
    const { fake } = await connect(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      const response = await interaction.reply({ content: 'first', withResponse: true });
      callbackMessageId = response.resource?.message?.id;
      const followUp = await interaction.followUp({ content: 'second' });
      await interaction.editReply({ message: followUp, content: 'second, edited' });
      fetchedContent = (await interaction.fetchReply()).content;
      await interaction.deleteReply();
    });

    const { id, token } = fake.sendInteraction();
    await fake.waitForRequest((r) => r.interactionId === id && r.method === 'DELETE');
    const responses = fake.interactionResponses(id);
    const webhook = `/webhooks/${fake.applicationId}/${token}`;

    expect(responses.callback?.query).toEqual({ with_response: 'true' });
    expect(responses.callback?.status).toBe(200);
    expect(responses.callback?.responseBody).toMatchObject({
      interaction: { id, type: 2, response_message_loading: false, response_message_ephemeral: false },
      resource: { type: 4, message: { content: 'first' } },
    });
    expect(callbackMessageId).toBe(
      (responses.callback!.responseBody as { resource: { message: JsonObject } }).resource.message.id,
    );
    expect(responses.followUps.map((r) => r.body)).toEqual([expect.objectContaining({ content: 'second' })]);
    const followUpId = (responses.followUps[0]!.responseBody as JsonObject).id as string;
    expect(responses.edits.map((r) => r.path)).toEqual([`${webhook}/messages/${followUpId}`]);
    expect(responses.all.map((r) => `${r.method} ${r.path.replace(webhook, '')}`)).toEqual([
      `POST /interactions/${id}/${token}/callback`,
      'POST ',
      `PATCH /messages/${followUpId}`,
      'GET /messages/@original',
      'DELETE /messages/@original',
    ]);
    expect(fetchedContent).toBe('first');
    expect(responses.deletes.map((r) => r.path)).toEqual([`${webhook}/messages/@original`]);
    expect(fake.messages().map((m) => m.content)).toEqual(['second, edited']);
    expect(handlerErrors).toEqual([]);
    fake.assertAllValid();
  });

  it('fills a deferred reply with the first follow-up, as Discord does, and sends later ones as new messages', async () => {
    const { fake } = await connect(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply();
      await interaction.followUp('done');
      await interaction.followUp('extra');
    });

    const { id } = fake.sendInteraction();
    await fake.waitForRequest(
      (r) => r.interactionId === id && r.status === 200 && (r.responseBody as JsonObject).content === 'extra',
    );
    const [first, second] = fake.interactionResponses(id).followUps.map((r) => r.responseBody as JsonObject);

    expect(first?.id).not.toBe(second?.id);
    expect(first?.flags).toBe(0);
    expect(fake.messages().map((m) => [m.id, m.content])).toEqual([
      [first?.id, 'done'],
      [second?.id, 'extra'],
    ]);
  });

  it('builds a DM slash command with a user instead of a member', async () => {
    const { fake } = await connect(async (interaction) => {
      if (interaction.isChatInputCommand())
        await interaction.reply(`DM from ${interaction.user.id} in guild ${String(interaction.guildId)}`);
    });

    const { id, payload } = fake.sendInteraction({ guildId: null });
    const callback = await fake.waitForRequest(callbackOf(id));

    expect(payload).toMatchObject({
      user: { id: fake.user.id },
      context: 1,
      channel: { type: 1 },
      authorizing_integration_owners: { '1': fake.user.id },
    });
    expect(payload).not.toHaveProperty('member');
    expect(payload).not.toHaveProperty('guild_id');
    expect(callback.body).toMatchObject({
      type: 4,
      data: { content: `DM from ${fake.user.id} in guild null` },
    });
  });

  it('dispatches arbitrary gateway events and serves GET /applications/@me', async () => {
    const { fake, client } = await connect();
    const created = new Promise<string>((resolve) =>
      client.once(Events.ChannelCreate, (channel) => resolve(channel.id)),
    );
    const channelId = snowflake();

    expect(
      fake.dispatch('CHANNEL_CREATE', {
        id: channelId,
        type: 0,
        guild_id: fake.guildId,
        name: 'desk',
        position: 1,
        permission_overwrites: [],
      }),
    ).toBe(1);
    expect(await created).toBe(channelId);
    const application = await client.application?.fetch();

    expect(application?.id).toBe(fake.applicationId);
    expect(application?.owner?.id).toBe(fake.user.id);
    expect(await fake.waitForRequest((r) => r.path === '/applications/@me')).toMatchObject({
      status: 200,
      auth: 'valid',
    });
  });

  it('rejects a login with a wrong token without revealing the token in the error', async () => {
    fake = await startFakeDiscord();
    const started = fake;
    client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: started.restUrl } });
    const badToken = 'bad-token-SECRET-0123456789';

    const error = await client.login(badToken).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(Error);
    expect((error as Error & { code?: string }).code).toBe('TokenInvalid');
    expect((error as Error).message).not.toContain(badToken);
    expect(String((error as Error).stack)).not.toContain(badToken);
    const gatewayBot = await started.waitForRequest((r) => r.path === '/gateway/bot');
    expect(gatewayBot).toMatchObject({
      status: 401,
      auth: 'invalid',
      responseBody: { message: '401: Unauthorized', code: 0 },
    });
    expect(JSON.stringify(started.requests)).not.toContain(badToken);
    expect(started.identifies).toHaveLength(0);
  });

  it('closes the gateway with 4004 when IDENTIFY carries a wrong token', async () => {
    fake = await startFakeDiscord();
    const socket = new WebSocket(`${fake.gatewayUrl}?v=10&encoding=json`);
    const hello = await new Promise<JsonObject>((resolve) =>
      socket.once('message', (data) => resolve(JSON.parse(data.toString()) as JsonObject)),
    );
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send(JSON.stringify({ op: 2, d: { token: 'wrong', intents: 1, properties: {} } }));

    expect(hello).toMatchObject({ op: 10, d: { heartbeat_interval: 41_250 } });
    expect(await closed).toBe(4004);
    expect(fake.identifies).toEqual([expect.objectContaining({ token: 'wrong', accepted: false })]);
  });

  it('records a bulk overwrite of global and guild commands that validates, and uses the ids in interactions', async () => {
    const { fake, client } = await connect();
    const commands = [
      new SlashCommandBuilder()
        .setName('ask')
        .setDescription('Ask the newsroom corpus')
        .addStringOption((option) =>
          option.setName('question').setDescription('Your question').setRequired(true).setAutocomplete(true),
        )
        .setDefaultMemberPermissions(PermissionFlagsBits.SendMessages)
        .toJSON(),
      new ContextMenuCommandBuilder()
        .setName('Quote message')
        .setType(ApplicationCommandType.Message)
        .toJSON(),
    ];

    const saved = (await client.rest.put(Routes.applicationCommands(fake.applicationId), {
      body: commands,
    })) as JsonObject[];
    await client.rest.put(Routes.applicationGuildCommands(fake.applicationId, fake.guildId), {
      body: [commands[0]],
    });

    const put = await fake.waitForRequest(
      (r) => r.method === 'PUT' && r.path === `/applications/${fake.applicationId}/commands`,
    );
    expect(put.body).toEqual(commands);
    expect(put.operation?.operationId).toBe('bulk_set_application_commands');
    expect(put.validation?.valid).toBe(true);
    expect(saved.map((command) => [command.name, command.type, command.application_id])).toEqual([
      ['ask', 1, fake.applicationId],
      ['Quote message', 3, fake.applicationId],
    ]);
    expect(saved.every((command) => typeof command.id === 'string' && /^\d{17,20}$/.test(command.id))).toBe(
      true,
    );
    expect(fake.registeredCommands().map((command) => command.id)).toEqual(
      saved.map((command) => command.id),
    );
    expect(fake.registeredCommands(fake.guildId).map((command) => command.name)).toEqual(['ask']);
    expect(
      (fake.sendInteraction({ commandName: 'Quote message', targetMessage: {} }).payload.data as JsonObject)
        .id,
    ).toBe(saved[1]?.id);
    fake.assertAllValid();
  });

  it('records follow-ups with attachments sent as multipart and validates their payload_json', async () => {
    const { fake } = await connect(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.reply({ content: 'Here is the quote', flags: MessageFlags.Ephemeral });
      await interaction.followUp({
        content: 'As a file',
        files: [{ attachment: Buffer.from('verbatim quote'), name: 'quote.txt' }],
      });
    });

    const { id, token } = fake.sendInteraction();
    const followUp = await fake.waitForRequest(
      (r) => r.interactionId === id && r.path === `/webhooks/${fake.applicationId}/${token}`,
    );

    expect(fake.interactionResponses(id).callback?.body).toMatchObject({
      type: 4,
      data: { content: 'Here is the quote', flags: 64 },
    });
    expect(followUp.contentType).toMatch(/^multipart\/form-data/);
    expect(followUp.query).toEqual({ wait: 'true' });
    expect(followUp.files).toEqual([
      { field: 'files[0]', filename: 'quote.txt', contentType: 'application/octet-stream', size: 14 },
    ]);
    expect(followUp.body).toMatchObject({ content: 'As a file', attachments: [{ id: '0' }] });
    expect(followUp.validation).toMatchObject({ valid: true, mediaType: 'multipart/form-data' });
    expect(followUp.responseBody).toMatchObject({
      content: 'As a file',
      attachments: [{ filename: 'quote.txt', size: 14 }],
    });
    expect(handlerErrors).toEqual([]);
  });

  it('builds autocomplete, button and message context-menu interactions that discord.js accepts', async () => {
    const seen: string[] = [];
    const { fake, client } = await connect(async (interaction) => {
      if (interaction.isAutocomplete()) {
        seen.push(`autocomplete:${interaction.options.getFocused()}`);
        await interaction.respond([{ name: 'Operation Barkhane', value: 'barkhane' }]);
      } else if (interaction.isButton()) {
        seen.push(`button:${interaction.customId}`);
        await interaction.update({ content: 'Sources shown', components: [] });
      } else if (interaction.isMessageContextMenuCommand()) {
        seen.push(`quote:${interaction.targetMessage.content}`);
        await interaction.deferReply({ flags: MessageFlags.Ephemeral });
        const thread = await interaction.targetMessage.startThread({ name: 'Quote check' });
        await thread.send('Checking the quote');
        await interaction.editReply(`Opened <#${thread.id}>`);
      }
    });

    const autocomplete = fake.sendInteraction({
      type: 4,
      options: [{ type: 3, name: 'question', value: 'bark', focused: true }],
    });
    const button = fake.sendInteraction({ customId: 'show-sources' });
    const quote = fake.sendInteraction({ targetMessage: { content: 'France ends Barkhane' } });
    await fake.waitForRequest((r) => r.interactionId === quote.id && r.method === 'PATCH');
    await fake.waitForRequest((r) => callbackOf(button.id)(r) && r.status === 204);
    await fake.waitForRequest((r) => callbackOf(autocomplete.id)(r) && r.status === 204);

    expect(seen.sort()).toEqual(['autocomplete:bark', 'button:show-sources', 'quote:France ends Barkhane']);
    expect(fake.interactionResponses(autocomplete.id).callback?.body).toEqual({
      type: 8,
      data: { choices: [{ name: 'Operation Barkhane', value: 'barkhane' }] },
    });
    expect(fake.interactionResponses(button.id).callback?.body).toMatchObject({
      type: 7,
      data: { content: 'Sources shown', components: [] },
    });
    const buttonMessage = (button.payload.message as JsonObject).id as string;
    expect(fake.message(fake.channelId, buttonMessage)?.content).toBe('Sources shown');

    const targetId = ((quote.payload.data as JsonObject).target_id as string) ?? '';
    const start = await fake.waitForRequest(
      (r) => r.path === `/channels/${fake.channelId}/messages/${targetId}/threads`,
    );
    expect(start.body).toMatchObject({ name: 'Quote check' });
    expect(start.operation?.operationId).toBe('create_thread_from_message');
    expect(start.responseBody).toMatchObject({
      id: targetId,
      type: 11,
      parent_id: fake.channelId,
      name: 'Quote check',
    });
    expect(client.channels.cache.get(targetId)?.isThread()).toBe(true);
    const threadMessage = await fake.waitForRequest(
      (r) => r.method === 'POST' && r.path === `/channels/${targetId}/messages`,
    );
    expect(threadMessage.body).toMatchObject({ content: 'Checking the quote' });
    expect(fake.messages(targetId).map((m) => m.content)).toEqual(['Checking the quote']);
    expect(fake.interactionResponses(quote.id).edits[0]?.body).toMatchObject({
      content: `Opened <#${targetId}>`,
    });
    expect(handlerErrors).toEqual([]);
    fake.assertAllValid();
  });

  it('shows a modal from a button (callback 9) and delivers its submit (type 5) with the typed values and the message', async () => {
    const seen: string[] = [];
    const { fake } = await connect(async (interaction) => {
      if (interaction.isButton()) {
        await interaction.showModal({
          custom_id: 'form:1',
          title: 'Report',
          components: [
            {
              type: 18,
              label: 'What is wrong?',
              component: {
                type: 3,
                custom_id: 'problem',
                options: [
                  { label: 'Wrong answer', value: 'wrong' },
                  { label: 'Other', value: 'other' },
                ],
              },
            },
            {
              type: 18,
              label: 'Details',
              component: { type: 4, custom_id: 'details', style: 2, required: false },
            },
          ],
        });
      } else if (interaction.isModalSubmit()) {
        seen.push(
          `${interaction.customId} ${interaction.fields.getStringSelectValues('problem').join(',')} ${interaction.fields.getTextInputValue('details')} from ${interaction.message?.id ?? 'no message'}`,
        );
        await interaction.reply({ content: 'Saved', flags: MessageFlags.Ephemeral });
      }
    });
    const click = fake.sendInteraction({ customId: 'open-form' });
    await fake.waitForRequest((r) => callbackOf(click.id)(r) && r.status === 204);
    expect(fake.interactionResponses(click.id).callback?.body).toMatchObject({
      type: 9,
      data: { custom_id: 'form:1' },
    });
    expect(() => fake.submitModal(click.id, { nickname: 'x' })).toThrow(
      'submitModal: the modal has no component "nickname"',
    );
    const submit = fake.submitModal(click.id, { problem: ['other'], details: 'The date is wrong' });
    await fake.waitForRequest((r) => callbackOf(submit.id)(r) && r.status === 204);
    const messageId = (click.payload.message as JsonObject).id as string;
    expect(seen).toEqual([`form:1 other The date is wrong from ${messageId}`]);
    expect(fake.interactionResponses(submit.id).callback?.body).toMatchObject({
      type: 4,
      data: { content: 'Saved', flags: 64 },
    });
    expect(() => fake.submitModal(submit.id, {})).toThrow(
      `submitModal: interaction ${submit.id} was not answered with a modal`,
    );
    expect(handlerErrors).toEqual([]);
    fake.assertAllValid();
  });

  it('dispatches MESSAGE_CREATE with the content hidden unless the client has MESSAGE_CONTENT or is mentioned', async () => {
    const received: string[] = [];
    const { fake, client } = await connect(undefined, {
      intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
    });
    client.on(Events.MessageCreate, (message) => received.push(message.content));

    fake.sendMessage({ content: 'no mention' });
    fake.sendMessage({ content: `<@${fake.applicationId}> with mention`, mentions: [fake.botUser] });
    await expect.poll(() => received.length).toBe(2);

    expect(received).toEqual(['', `<@${fake.applicationId}> with mention`]);
    expect(fake.messages().map((m) => m.content)).toEqual([
      'no mention',
      `<@${fake.applicationId}> with mention`,
    ]);
  });

  it('stops idempotently and closes live gateway connections with 4004 so the client gives up', async () => {
    const { fake: started, client } = await connect();
    const disconnected = new Promise<number>((resolve) =>
      client.once(Events.ShardDisconnect, (event) => resolve(event.code)),
    );

    await Promise.all([started.stop(), started.stop()]);
    await started.stop();

    expect(await disconnected).toBe(4004);
    expect(started.gatewayLog.filter((e) => e.kind === 'close')).toEqual([
      expect.objectContaining({ code: 4004, closedBy: 'server' }),
    ]);
  });

  it('answers unknown routes with a Discord-style 404 and records them', async () => {
    const { fake, client } = await connect();

    const error = await client.rest.get('/no/such/route' as `/${string}`).catch((caught: unknown) => caught);

    expect((error as DiscordAPIError).status).toBe(404);
    const request = await fake.waitForRequest((r) => r.path === '/no/such/route');
    expect(request).toMatchObject({
      status: 404,
      route: null,
      responseBody: { message: '404: Not Found', code: 0 },
    });
  });

  it('times out waitForRequest with a message listing the requests seen', async () => {
    const { fake } = await connect();

    await expect(
      fake.waitForRequest((r) => r.path === '/never', { timeoutMs: 50, description: 'a request to /never' }),
    ).rejects.toThrow(
      /Timed out after 50 ms waiting for a request to \/never; requests seen \(1\):\n {2}#1 GET \/gateway\/bot → 200/,
    );
  });
});

describe('validateAgainstSpec', () => {
  const reply = (data: JsonObject): JsonObject => ({ type: 4, data });
  const row = (buttons: number): JsonObject => ({
    type: 1,
    components: Array.from({ length: buttons }, (_, index) => ({
      type: 2,
      style: 1,
      label: `Source ${index + 1}`,
      custom_id: `source-${index}`,
    })),
  });

  it('accepts a normal reply with content, an embed, allowed mentions and a row of buttons', () => {
    const result = validateAgainstSpec(
      'POST',
      '/api/v10/interactions/123456789012345678/tok/callback',
      reply({
        content: 'France announced the end of Operation Barkhane.',
        embeds: [
          {
            title: 'Le Monde',
            description: 'd'.repeat(4096),
            url: 'https://www.lemonde.fr/',
            timestamp: '2022-08-15T00:00:00.000Z',
          },
        ],
        allowed_mentions: { parse: [] },
        components: [row(5)],
        flags: 64,
      }),
    );

    expect(result).toMatchObject({
      operationId: 'create_interaction_response',
      checked: true,
      valid: true,
      issues: [],
    });
  });

  it('rejects an embed description over 4096 characters', () => {
    const result = validateAgainstSpec(
      'POST',
      '/interactions/1/tok/callback',
      reply({ embeds: [{ description: 'd'.repeat(4097) }] }),
    );

    expect(result.valid).toBe(false);
    expect(result.issues).toEqual([
      expect.objectContaining({
        source: 'openapi',
        instancePath: '/data/embeds/0/description',
        keyword: 'maxLength',
      }),
    ]);
  });

  it('rejects more than 5 action rows on a message without the components V2 flag', () => {
    const body = { content: 'too many rows', components: Array.from({ length: 6 }, () => row(1)) };

    const result = validateAgainstSpec('PATCH', '/webhooks/1/tok/messages/%40original', body);

    expect(result.specPath).toBe('/webhooks/{webhook_id}/{webhook_token}/messages/@original');
    expect(result.issues).toEqual([
      expect.objectContaining({
        source: 'discord-limit',
        instancePath: '/components',
        keyword: 'maxActionRows',
      }),
    ]);
  });

  it('rejects an action row with 6 buttons, content over 2000 characters and an unknown allowed_mentions type', () => {
    const result = validateAgainstSpec('POST', '/webhooks/1/tok', {
      content: 'c'.repeat(2001),
      components: [row(6)],
      allowed_mentions: { parse: ['channels'] },
    });

    expect(result.issues.map((issue) => `${issue.instancePath} ${issue.message}`).sort()).toEqual([
      '/allowed_mentions/parse/0 must be one of "users", "roles", "everyone"',
      '/components/0/components must NOT have more than 5 items',
      '/content must NOT have more than 2000 characters',
    ]);
  });

  it('rejects embeds whose text exceeds 6000 characters in total', () => {
    const embeds = [0, 1].map(() => ({ description: 'e'.repeat(4000) }));

    const result = validateAgainstSpec('POST', '/channels/1/messages', { embeds });

    expect(result.issues).toEqual([
      expect.objectContaining({ source: 'discord-limit', keyword: 'embedTotalLength' }),
    ]);
  });

  it('validates a multipart payload_json against the multipart schema', () => {
    const result = validateAgainstSpec(
      'POST',
      '/channels/1/messages',
      { content: 'file', attachments: [{ id: '0', filename: 'a.txt' }] },
      {
        contentType: 'multipart/form-data; boundary=x',
      },
    );

    expect(result).toMatchObject({ valid: true, mediaType: 'multipart/form-data' });
  });

  it('compiles the request body schema of every operation in the spec', () => {
    const uncompiled: string[] = [];
    for (const [specPath, item] of Object.entries(loadDiscordSpec().paths)) {
      for (const method of ['get', 'put', 'post', 'patch', 'delete']) {
        const content = (item[method] as { requestBody?: { content?: Record<string, unknown> } } | undefined)
          ?.requestBody?.content;
        for (const contentType of Object.keys(content ?? {})) {
          const path = specPath.replace(/\{\w+\}/g, '123456789012345678');
          const result = validateAgainstSpec(method, path, {}, { contentType, documentedLimits: false });
          if (!result.checked)
            uncompiled.push(`${method} ${specPath} ${contentType}: ${result.compileError}`);
        }
      }
    }

    expect(uncompiled).toEqual([]);
  });

  it('throws for a route that is not in the spec', () => {
    expect(() => validateAgainstSpec('POST', '/no/such/route', {})).toThrow(
      /No operation in Discord's OpenAPI spec matches POST \/no\/such\/route/,
    );
  });
});
