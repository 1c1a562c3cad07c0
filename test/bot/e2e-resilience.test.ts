/**
 * End to end: what goes wrong on the way to Discord (rate limits, a dropped gateway, an expired
 * interaction, a bad token), registering commands, reloading the corpus, and shutting down
 * while a reply is in flight.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PermissionFlagsBits, REST } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { describeEngine, StartError } from '../../src/bot/bot.js';
import { loadCommands } from '../../src/bot/commands.js';
import { CorpusHolder } from '../../src/corpus/reload.js';
import { deployCommands } from '../../src/deploy-commands.js';
import { loadEngine } from '../../src/engine/index.js';
import { FakeRoutes, waitForClientReady } from '../support/fake-discord.js';
import {
  checkAndStop,
  buttonsOf,
  callback,
  embedOf,
  finalEdit,
  option,
  startBot,
  until,
  type Harness,
} from './harness.js';
import { FIXTURE_CORPUS_DIR } from '../support/corpus.js';

let h: Harness | undefined;
const cleanups: Array<() => void> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  const current = h;
  h = undefined;
  await checkAndStop(current);
});

const ASK_TROOPS = [option('question', 'How many French troops were in Mali?')];
// The first line a reader sees: the short answer the seed articles give, and the other side.
const TROOPS_ANSWER = '**Answer:** 2,400 troops [1] — sources disagree: close to 3000 [2]';

describe('Discord API trouble', () => {
  it('retries a 429 on the deferral and on the edit, and the answer still arrives', async () => {
    h = await startBot();
    h.fake.rateLimitNext(FakeRoutes.interactionCallback, { retryAfter: 0.1 });
    h.fake.rateLimitNext(FakeRoutes.editOriginal, { retryAfter: 0.1 });
    const { id } = h.fake.sendInteraction({ commandName: 'ask', options: ASK_TROOPS });
    const edit = await finalEdit(h.fake, id);
    const responses = h.fake.interactionResponses(id);
    expect(responses.callbacks.map((r) => r.status)).toEqual([429, 204]);
    expect(responses.all.filter((r) => r.method === 'PATCH').map((r) => r.status)).toEqual([429, 200]);
    expect(embedOf(edit.body).description?.split('\n')[0]).toBe(TROOPS_ANSWER);
  });

  it('resumes after the gateway closes with 4000 and answers the interaction sent meanwhile', async () => {
    h = await startBot();
    expect(h.fake.closeGateway(4000)).toBe(1);
    const { id } = h.fake.sendInteraction({ commandName: 'ask', options: ASK_TROOPS });
    const edit = await finalEdit(h.fake, id);
    expect(embedOf(edit.body).description?.split('\n')[0]).toBe(TROOPS_ANSWER);
    expect(h.fake.identifies).toHaveLength(1);
    expect(h.fake.sessions).toMatchObject([{ resumes: 1, ended: false }]);
    await waitForClientReady(h.bot.client);
    expect(h.logs.some((line) => / INFO {2}gateway session resumed shard=0/.test(line))).toBe(true);
  });

  it('logs an expired interaction (10062) without crashing, and keeps answering', async () => {
    h = await startBot();
    const expired = h.fake.sendInteraction({ commandName: 'ask', options: ASK_TROOPS });
    h.fake.expireInteraction(expired.id);
    const refused = await h.fake.waitForRequest(
      (r) => r.interactionId === expired.id && r.path.endsWith('/callback'),
    );
    expect(refused.status).toBe(404);
    expect(refused.responseBody).toEqual({ message: 'Unknown interaction', code: 10062 });
    await until(
      () => h!.logs.some((line) => line.includes('interaction expired')),
      5000,
      'the expiry to be logged',
    );
    const line = h.logs.find((l) => l.includes('interaction expired'))!;
    expect(line).toMatch(
      / WARN {2}interaction expired before it was answered \(Discord: Unknown interaction\) interaction=\d+ what=ask /,
    );
    expect(line).toContain(`interaction=${expired.id}`);
    expect(h.logs.filter((l) => / ERROR /.test(l))).toEqual([]);
    expect(h.fake.interactionResponses(expired.id).all).toHaveLength(1);

    const next = h.fake.sendInteraction({ commandName: 'help' });
    expect((await callback(h.fake, next.id)).status).toBe(204);
  });

  it('reports a bad token clearly, without the token in the error or the log', async () => {
    const badToken = 'MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GhIjKl.notTheRightTokenAtAllxxxxxxxxxxxxxxx';
    h = await startBot({ noStart: true, env: { DISCORD_TOKEN: badToken } });
    const error = await h.bot.start().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StartError);
    expect((error as Error).message).toBe(
      'Discord rejected DISCORD_TOKEN: it is not a valid bot token (or it was reset). Copy a new one from the Developer Portal (your application → Bot → Reset Token) into .env and start again.',
    );
    expect(h.fake.requests.map((r) => `${r.method} ${r.path} ${r.auth} ${r.status}`)).toEqual([
      'GET /gateway/bot invalid 401',
    ]);
    const everything = [(error as Error).message, (error as Error).stack ?? '', ...h.logs].join('\n');
    expect(everything).not.toContain(badToken);
    expect(everything).not.toContain('notTheRightTokenAtAll');
  });
});

describe('a failure inside the bot', () => {
  it('tells the user briefly and privately, and logs the detail with the interaction id', async () => {
    h = await startBot({
      bot: {
        getEngine: () => {
          throw new Error('index exploded');
        },
      },
    });
    const { id } = h.fake.sendInteraction({ commandName: 'ask', options: ASK_TROOPS });
    const notice = await h.fake.waitForRequest(
      (r) => r.interactionId === id && r.method === 'POST' && r.path.startsWith('/webhooks/'),
    );
    expect(notice.body).toMatchObject({
      content: 'Something went wrong while answering. The error has been logged; please try again.',
      flags: 64,
      allowed_mentions: { parse: [], replied_user: false },
    });
    // The public "thinking…" is removed rather than left spinning or filled with the error.
    expect(h.fake.interactionResponses(id).deletes).toHaveLength(1);
    const logged = h.logs.find((line) => line.includes(' ERROR failed to answer an interaction'))!;
    expect(logged).toContain(`interaction=${id} what=ask`);
    expect(logged).toContain('error=Error: index exploded');

    // The bot is still up.
    const next = h.fake.sendInteraction({ commandName: 'help' });
    expect((await callback(h.fake, next.id)).status).toBe(204);
  });

  it('after a button was acknowledged, adds a private notice and leaves the message the button sits on', async () => {
    h = await startBot();
    const ask = h.fake.sendInteraction({
      commandName: 'ask',
      options: [...ASK_TROOPS, option('private', true)],
    });
    const edit = await finalEdit(h.fake, ask.id);
    const post = buttonsOf(edit.body)
      .find((b) => b.startsWith('Post to channel'))!
      .split(' → ')[1]!;
    h.fake.failNext(FakeRoutes.followUp, { status: 403, body: { message: 'Missing Access', code: 50001 } });
    const click = h.fake.sendInteraction({
      customId: post,
      message: { ...(edit.responseBody as object), flags: 64 },
    });
    const notice = await h.fake.waitForRequest(
      (r) =>
        r.interactionId === click.id &&
        r.method === 'POST' &&
        r.path.startsWith('/webhooks/') &&
        r.status === 200,
    );
    expect(notice.body).toMatchObject({
      content: 'Something went wrong while answering. The error has been logged; please try again.',
      flags: 64,
    });
    expect(h.fake.interactionResponses(click.id).deletes).toEqual([]);
    expect(
      h.logs.some(
        (l) =>
          l.includes(' ERROR failed to answer an interaction') &&
          l.includes(`interaction=${click.id} what=${post}`),
      ),
    ).toBe(true);
  });
});

describe('npm run deploy-commands', () => {
  it('registers every command in the guild with a body that matches the spec, or globally without a guild', async () => {
    h = await startBot({ noStart: true });
    const registry = await loadCommands();
    const rest = new REST({ api: h.fake.restUrl }).setToken(h.fake.token);
    const { target, registered } = await deployCommands(h.config, registry, rest);
    expect(target.scope).toBe('guild');
    expect(registered.map((c) => c.name)).toEqual([
      'ask',
      'Find in sources',
      'help',
      'quote',
      'reload',
      'source',
      'sources',
      'timeline',
    ]);
    const put = await h.fake.waitForRequest((r) => r.method === 'PUT');
    expect(put.path).toBe(`/applications/${h.fake.applicationId}/guilds/${h.fake.guildId}/commands`);
    expect(put.validation).toMatchObject({ checked: true, valid: true });
    expect(h.fake.registeredCommands(h.fake.guildId).find((c) => c.name === 'Find in sources')).toMatchObject(
      { type: 3 },
    );
    expect(h.fake.registeredCommands(h.fake.guildId).find((c) => c.name === 'reload')).toMatchObject({
      default_member_permissions: '32',
      contexts: [0],
      integration_types: [0],
    });

    await deployCommands({ ...h.config, discordGuildId: null }, registry, rest);
    expect(h.fake.registeredCommands().map((c) => c.name)).toEqual([
      'ask',
      'Find in sources',
      'help',
      'quote',
      'reload',
      'source',
      'sources',
      'timeline',
    ]);
  });
});

describe('/reload', () => {
  const MANAGE_GUILD = String(
    PermissionFlagsBits.ManageGuild | PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages,
  );

  it('reloads the corpus for an admin, and keeps serving the last good corpus when the new one is invalid', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'corpus-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    cpSync(FIXTURE_CORPUS_DIR, dir, { recursive: true });
    const holder = new CorpusHolder(dir, (d) => loadEngine(d), describeEngine);
    h = await startBot({ bot: { getEngine: () => holder.current(), reloadCorpus: () => holder.reload() } });

    const ok = h.fake.sendInteraction({ commandName: 'reload', memberPermissions: MANAGE_GUILD });
    const okEdit = await finalEdit(h.fake, ok.id);
    expect((okEdit.body as { content: string }).content).toBe(
      `Corpus reloaded: ${describeEngine(holder.current())}.`,
    );
    expect(h.fake.interactionResponses(ok.id).callback?.body).toEqual({ type: 5, data: { flags: 64 } });

    const serving = holder.current();
    writeFileSync(
      join(dir, 'articles', 'dw-2022-02-17-france-announces-military-withdrawal-from-mali.json'),
      '{ not json',
    );
    const bad = h.fake.sendInteraction({ commandName: 'reload', memberPermissions: MANAGE_GUILD });
    const badEdit = await finalEdit(h.fake, bad.id);
    const content = (badEdit.body as { content: string }).content;
    expect(content.split('\n')[0]).toBe(
      'The new corpus was refused, so the previous one is still in service. Fix this and run /reload again:',
    );
    expect(content).toContain('dw-2022-02-17-france-announces-military-withdrawal-from-mali.json');
    expect(content).toContain('is not valid JSON');
    expect(holder.current()).toBe(serving);

    const ask = h.fake.sendInteraction({ commandName: 'ask', options: ASK_TROOPS });
    expect(embedOf((await finalEdit(h.fake, ask.id)).body).description?.split('\n')[0]).toBe(TROOPS_ANSWER);
  });

  it('trusts Discord with who may run it: a member an admin granted /reload to (Integrations) reloads without Manage Server', async () => {
    let reloads = 0;
    h = await startBot({
      bot: {
        reloadCorpus: () => {
          reloads++;
          return { ok: true, summary: 'reloaded' };
        },
      },
    });
    // Discord delivers /reload only to members its command permissions allow; this one has no Manage Server.
    const { id } = h.fake.sendInteraction({ commandName: 'reload', memberPermissions: '0' });
    expect(((await finalEdit(h.fake, id)).body as { content: string }).content).toBe(
      'Corpus reloaded: reloaded.',
    );
    expect(reloads).toBe(1);
  });
});

describe('shutting down', () => {
  it('lets a reply in flight finish before disconnecting', async () => {
    h = await startBot();
    h.fake.delayRoute(FakeRoutes.editOriginal, 400);
    const { id } = h.fake.sendInteraction({ commandName: 'ask', options: ASK_TROOPS });
    await callback(h.fake, id);
    await h.fake.waitForRequest((r) => r.interactionId === id && r.method === 'PATCH', {
      includePending: true,
    });
    await h.bot.stop();
    const edit = h.fake.interactionResponses(id).edits[0];
    expect(edit?.status).toBe(200);
    expect(h.logs.some((l) => l.includes('waiting for replies in progress count=1'))).toBe(true);
    expect(h.logs.at(-1)).toMatch(/ INFO {2}disconnected from Discord$/);
  });
});
