import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/bot/command.js';
import { renderSourceList } from '../src/bot/render.js';
import { send, update } from '../src/bot/respond.js';

/** `/sources`: every article in the corpus with outlet, date, title and id. */
export default {
  data: new SlashCommandBuilder().setName('sources').setDescription('List the articles the bot quotes from'),
  async execute(interaction, context) {
    await send(interaction, renderSourceList(context.getEngine().sources(), 0), { ephemeral: true });
  },
  buttons: {
    async 'sources:page'(interaction, context, [page]) {
      await update(interaction, renderSourceList(context.getEngine().sources(), Number(page) || 0));
    },
  },
} satisfies Command;
