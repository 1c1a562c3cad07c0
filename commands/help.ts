import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/bot/command.js';
import { renderHelp } from '../src/bot/render.js';
import { send } from '../src/bot/respond.js';

/** `/help`: what the bot can do, in a few lines. */
export default {
  data: new SlashCommandBuilder().setName('help').setDescription('What this bot can do'),
  async execute(interaction, context) {
    await send(interaction, renderHelp(context.config.qaChannelIds), { ephemeral: true });
  },
} satisfies Command;
