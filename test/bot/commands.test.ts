import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ApplicationCommandOptionType,
  ApplicationIntegrationType,
  InteractionContextType,
  ApplicationCommandType,
  PermissionFlagsBits,
  SlashCommandBuilder,
} from 'discord.js';
import { describe, expect, it } from 'vitest';
import { CommandModuleError, loadCommands, validateCommandModule } from '../../src/bot/commands.js';
import { buildCommandBody, deployTarget } from '../../src/deploy-commands.js';
import { describeValidationFailure, validateAgainstSpec } from '../support/openapi.js';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));

describe('the command loader', () => {
  it('loads every command in commands/, one per file', async () => {
    const registry = await loadCommands();
    expect(registry.loaded.map((c) => c.file.replace(/\\/g, '/'))).toEqual([
      'commands/ask.ts',
      'commands/find-in-sources.ts',
      'commands/help.ts',
      'commands/quote.ts',
      'commands/reload.ts',
      'commands/source.ts',
      'commands/sources.ts',
      'commands/timeline.ts',
    ]);
    expect(registry.find('ask')).toBeDefined();
    expect(registry.find('Find in sources', ApplicationCommandType.Message)).toBeDefined();
    expect(registry.find('Find in sources')).toBeUndefined();
    expect(registry.button('ask:page:abcd1234:2')?.args).toEqual(['abcd1234', '2']);
    expect(registry.button('sources:page:1')?.args).toEqual(['1']);
    expect(registry.button('nope:page:1')).toBeUndefined();
  });

  it('throws naming the file when a module is malformed, instead of skipping it', async () => {
    const error = await loadCommands(join(fixtures, 'malformed-command')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommandModuleError);
    expect((error as Error).message).toBe(
      'test/bot/fixtures/malformed-command/broken.ts: execute must be a function; expected `export default { data, execute } satisfies Command`',
    );
  });

  it('throws naming the file when the command is not the default export', async () => {
    await expect(loadCommands(join(fixtures, 'no-default-export'))).rejects.toThrow(
      'test/bot/fixtures/no-default-export/help.ts: has no default export; expected `export default { data, execute } satisfies Command`',
    );
  });

  it('throws naming both files when two define the same command', async () => {
    await expect(loadCommands(join(fixtures, 'duplicate-commands'))).rejects.toThrow(
      'test/bot/fixtures/duplicate-commands/b.ts: command "same" is already defined in test/bot/fixtures/duplicate-commands/a.ts',
    );
  });

  it('names the file when data is not a builder or its JSON is invalid', () => {
    expect(() => validateCommandModule({ default: { data: 'ask', execute() {} } }, 'commands/x.ts')).toThrow(
      'commands/x.ts: data must be a command builder (SlashCommandBuilder or ContextMenuCommandBuilder); expected `export default { data, execute } satisfies Command`',
    );
    // A builder without a description cannot be registered.
    expect(() =>
      validateCommandModule(
        { default: { data: new SlashCommandBuilder().setName('x'), execute() {} } },
        'commands/x.ts',
      ),
    ).toThrow(/^commands\/x\.ts: data\.toJSON\(\) failed, so the command could not be registered: /);
  });
});

describe('the deploy-commands body', () => {
  it('has every command with its options and types', async () => {
    const body = buildCommandBody(await loadCommands());
    const summary = body.map((c) => ({
      name: c.name,
      type: c.type ?? ApplicationCommandType.ChatInput,
      options: ('options' in c ? (c.options ?? []) : []).map(
        (o) =>
          `${o.name}:${ApplicationCommandOptionType[o.type]}${'required' in o && o.required ? '!' : ''}${'autocomplete' in o && o.autocomplete ? ' (autocomplete)' : ''}`,
      ),
    }));
    expect(summary).toEqual([
      {
        name: 'ask',
        type: 1,
        options: [
          'question:String!',
          'private:Boolean',
          'sources:Integer',
          'outlet:String (autocomplete)',
          'from:String',
          'to:String',
        ],
      },
      { name: 'Find in sources', type: 3, options: [] },
      { name: 'help', type: 1, options: [] },
      {
        name: 'quote',
        type: 1,
        options: ['query:String!', 'speaker:String (autocomplete)', 'private:Boolean'],
      },
      { name: 'reload', type: 1, options: [] },
      { name: 'source', type: 1, options: ['id:String! (autocomplete)'] },
      { name: 'sources', type: 1, options: [] },
      { name: 'timeline', type: 1, options: ['topic:String'] },
    ]);
    const ask = body.find((c) => c.name === 'ask')!;
    expect('options' in ask && ask.options).toMatchObject([
      { name: 'question', max_length: 1000, required: true },
      { name: 'private' },
      { name: 'sources', min_value: 1, max_value: 10 },
      { name: 'outlet', max_length: 200 },
      { name: 'from', max_length: 10 },
      { name: 'to', max_length: 10 },
    ]);
  });

  it('restricts /reload to Manage Server by default, without the deprecated dm_permission', async () => {
    const reload = buildCommandBody(await loadCommands()).find((c) => c.name === 'reload')!;
    expect(reload.default_member_permissions).toBe(String(PermissionFlagsBits.ManageGuild));
    expect(reload.dm_permission).toBeUndefined();
  });

  it('makes every command a server command, installed with the server, in guild and global registration alike', async () => {
    const body = buildCommandBody(await loadCommands());
    expect(body.map((c) => [c.name, c.contexts, c.integration_types])).toEqual(
      body.map((c) => [c.name, [InteractionContextType.Guild], [ApplicationIntegrationType.GuildInstall]]),
    );
  });

  it('carries French names and descriptions beside the English, for every command and option', async () => {
    const body = buildCommandBody(await loadCommands());
    expect(body.map((c) => [c.name, c.name_localizations?.fr])).toEqual([
      ['ask', 'demander'],
      ['Find in sources', 'Chercher dans les sources'],
      ['help', 'aide'],
      ['quote', 'citation'],
      ['reload', 'recharger'],
      ['source', 'source'],
      ['sources', 'sources'],
      ['timeline', 'chronologie'],
    ]);
    const ask = body.find((c) => c.name === 'ask')!;
    expect('description_localizations' in ask && ask.description_localizations?.fr).toBe(
      'Une question sur le retrait français du Mali en 2022 ; la réponse cite les articles',
    );
    for (const command of body) {
      if (command.type === ApplicationCommandType.Message) continue;
      expect([command.name, typeof command.description_localizations?.fr]).toEqual([command.name, 'string']);
      for (const o of 'options' in command ? (command.options ?? []) : []) {
        expect([o.name, typeof o.name_localizations?.fr, typeof o.description_localizations?.fr]).toEqual([
          o.name,
          'string',
          'string',
        ]);
      }
    }
  });

  it('is a valid body for both the guild and the global bulk-overwrite routes', async () => {
    const body = buildCommandBody(await loadCommands());
    for (const path of [
      '/applications/123456789012345678/guilds/223456789012345678/commands',
      '/applications/123456789012345678/commands',
    ]) {
      const result = validateAgainstSpec('PUT', path, body);
      if (!result.valid) throw new Error(describeValidationFailure(result, body));
      expect(result.checked).toBe(true);
    }
  });

  it('goes to the guild when DISCORD_GUILD_ID is set, globally otherwise, and needs DISCORD_CLIENT_ID', () => {
    expect(
      deployTarget({ discordClientId: '123456789012345678', discordGuildId: '223456789012345678' }),
    ).toEqual({
      scope: 'guild',
      route: '/applications/123456789012345678/guilds/223456789012345678/commands',
    });
    expect(deployTarget({ discordClientId: '123456789012345678', discordGuildId: null })).toEqual({
      scope: 'global',
      route: '/applications/123456789012345678/commands',
    });
    expect(() => deployTarget({ discordClientId: null, discordGuildId: null })).toThrow(
      /^Missing DISCORD_CLIENT_ID: set it in \.env \(see \.env\.example\)/,
    );
  });
});
