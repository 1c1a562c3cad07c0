import { SlashCommandBuilder } from 'discord.js';
import { guildCommand, type Command } from '../src/bot/command.js';
import { fr, localeOf } from '../src/bot/i18n.js';
import { renderHelp } from '../src/bot/render.js';
import { send } from '../src/bot/respond.js';

/** `/help`: what the bot can do, in a few lines. */
export default {
  data: guildCommand(new SlashCommandBuilder())
    .setName('help')
    .setNameLocalizations(fr('aide'))
    .setDescription('What this bot can do')
    .setDescriptionLocalizations(fr('Ce que ce bot sait faire')),
  async execute(interaction, context) {
    await send(interaction, renderHelp(context.config.qaChannelIds, localeOf(interaction)), {
      ephemeral: true,
    });
  },
} satisfies Command;
