import { SlashCommandBuilder } from 'discord.js';
import { guildCommand, type Command } from '../src/bot/command.js';
import { fr, localeOf } from '../src/bot/i18n.js';
import { renderSourceList } from '../src/bot/render.js';
import { send, update } from '../src/bot/respond.js';

/** `/sources`: every article in the corpus with outlet, date, title and id. */
export default {
  data: guildCommand(new SlashCommandBuilder())
    .setName('sources')
    .setNameLocalizations(fr('sources'))
    .setDescription('List the articles the bot quotes from')
    .setDescriptionLocalizations(fr('Les articles que le bot cite')),
  async execute(interaction, context) {
    await send(interaction, renderSourceList(context.getEngine().sources(), 0, localeOf(interaction)), {
      ephemeral: true,
    });
  },
  buttons: {
    async 'sources:page'(interaction, context, [page]) {
      await update(
        interaction,
        renderSourceList(context.getEngine().sources(), Number(page) || 0, localeOf(interaction)),
      );
    },
  },
} satisfies Command;
