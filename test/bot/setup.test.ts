/**
 * Setting the bot up: the invite link's permissions, registering commands in one scope only,
 * and the Q&A channels checked at ready, through the real discord.js client and REST against
 * the local fake Discord.
 */
import { readFileSync } from 'node:fs';
import { PermissionFlagsBits, PermissionsBitField, REST } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCommands } from '../../src/bot/commands.js';
import { invitePermissions, inviteUrl } from '../../src/bot/permissions.js';
import { deployCommands, describeDeploy } from '../../src/deploy-commands.js';
import { snowflake } from '../support/fake-discord.js';
import { checkAndStop, option, startBot, type Harness } from './harness.js';

let h: Harness | undefined;

afterEach(async () => {
  const current = h;
  h = undefined;
  await checkAndStop(current);
});

describe('the invite link', () => {
  it('asks for exactly the permissions the bot uses, Embed Links included, and the README gives that link', () => {
    expect(new PermissionsBitField(invitePermissions()).toArray()).toEqual([
      'ViewChannel',
      'SendMessages',
      'EmbedLinks',
      'ReadMessageHistory',
      'CreatePublicThreads',
      'SendMessagesInThreads',
    ]);
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const links = [...readme.matchAll(/https:\/\/discord\.com\/oauth2\/authorize\?\S+?permissions=(\d+)/g)];
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      expect(link[0]).toBe(inviteUrl('<ID>'));
      expect(BigInt(link[1]!) & PermissionFlagsBits.EmbedLinks).toBe(PermissionFlagsBits.EmbedLinks);
    }
  });
});

describe('npm run deploy-commands', () => {
  it('registering in the guild clears the global set, and globally clears every guild set, so nothing shows twice', async () => {
    h = await startBot({ noStart: true });
    const registry = await loadCommands();
    const rest = new REST({ api: h.fake.restUrl }).setToken(h.fake.token);
    // Every command in commands/, whatever others add.
    const names = registry.json.map((c) => c.name);
    expect(names.slice(0, 7)).toEqual([
      'ask',
      'Find in sources',
      'help',
      'quote',
      'reload',
      'source',
      'sources',
    ]);

    const global = await deployCommands({ ...h.config, discordGuildId: null }, registry, rest);
    expect(global.cleared).toEqual([]);
    expect(h.fake.registeredCommands().map((c) => c.name)).toEqual(names);

    const guild = await deployCommands(h.config, registry, rest);
    expect(h.fake.registeredCommands(h.fake.guildId).map((c) => c.name)).toEqual(names);
    expect(h.fake.registeredCommands()).toEqual([]);
    const printed = describeDeploy(h.config, guild).split('\n');
    expect(printed[1]).toBe(
      `Removed ${names.length} global commands so none shows twice in this server (${names.join(', ')}); run deploy-commands without DISCORD_GUILD_ID to register them globally again.`,
    );
    expect(printed[2]).toBe(`Invite the bot with: ${inviteUrl(h.fake.applicationId)}`);

    const again = await deployCommands({ ...h.config, discordGuildId: null }, registry, rest);
    expect(h.fake.registeredCommands().map((c) => c.name)).toEqual(names);
    expect(h.fake.registeredCommands(h.fake.guildId)).toEqual([]);
    expect(again.cleared).toEqual([{ scope: h.fake.guildId, names }]);
    for (const put of h.fake.requests.filter((r) => r.method === 'PUT'))
      expect(put.validation).toMatchObject({ checked: true, valid: true });
  });

  it('registers server commands: Discord offers them in the server, never in a DM with the bot', async () => {
    h = await startBot();
    const rest = new REST({ api: h.fake.restUrl }).setToken(h.fake.token);
    await deployCommands({ ...h.config, discordGuildId: null }, await loadCommands(), rest);
    expect(() =>
      h!.fake.sendInteraction({ commandName: 'ask', guildId: null, options: [option('question', 'Why?')] }),
    ).toThrow('Discord would not offer "ask" here: it is registered for contexts [0] and this is context 1');
    expect(h.fake.sendInteraction({ commandName: 'help' }).delivered).toBe(1);
  });
});

describe('the Q&A channels, checked at ready', () => {
  it('warns, naming the channel and what to fix, about a typo, another server, a forum and each missing permission', async () => {
    const guildId = snowflake();
    const otherGuildId = snowflake();
    const qa = snowflake();
    const forum = snowflake();
    const foreign = snowflake();
    const typo = '123456789012345678';
    h = await startBot({
      fake: {
        guilds: [
          {
            id: guildId,
            channels: [
              { name: 'newsroom' },
              {
                id: qa,
                name: 'ask-the-desk',
                // @everyone may not embed links or open threads here.
                permission_overwrites: [
                  {
                    id: guildId,
                    type: 0,
                    allow: '0',
                    deny: String(PermissionFlagsBits.EmbedLinks | PermissionFlagsBits.CreatePublicThreads),
                  },
                ],
              },
              { id: forum, name: 'questions-forum', type: 15 },
            ],
          },
          { id: otherGuildId, name: 'Another Server', channels: [{ id: foreign, name: 'elsewhere' }] },
        ],
      },
      env: { QA_CHANNEL_IDS: [qa, forum, foreign, typo].join(',') },
    });
    const warnings = h.logs.filter((line) => / WARN /.test(line) && line.includes('QA_CHANNEL_IDS'));
    expect(warnings.map((line) => line.replace(/^\S+ WARN\s+/, ''))).toEqual([
      `QA_CHANNEL_IDS: #ask-the-desk (${qa}): the bot lacks Create Public Threads, needed to open a thread per Q&A question; grant it to the bot's role in the channel's permissions channel=${qa} permission="Create Public Threads"`,
      `QA_CHANNEL_IDS: #ask-the-desk (${qa}): the bot lacks Embed Links, needed to post answers, which are embeds (without it Discord refuses them with 50013); grant it to the bot's role in the channel's permissions channel=${qa} permission="Embed Links"`,
      `QA_CHANNEL_IDS: #questions-forum (${forum}) is a forum; Q&A channels must be text channels (the bot answers each question in a thread started from it) channel=${forum}`,
      `QA_CHANNEL_IDS: #elsewhere (${foreign}) is in another server (Another Server, ${otherGuildId}) than DISCORD_GUILD_ID ${guildId}, where the commands are registered channel=${foreign}`,
      `QA_CHANNEL_IDS: channel ${typo} is not a channel of any server the bot is in (a typo, or the bot was not invited there); questions there will not be answered channel=${typo}`,
    ]);
  });

  it('says nothing about a Q&A channel where the bot has every permission it needs', async () => {
    h = await startBot({ qa: true });
    expect(h.logs.filter((line) => line.includes('QA_CHANNEL_IDS'))).toEqual([]);
  });
});
