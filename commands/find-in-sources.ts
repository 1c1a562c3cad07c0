import {
  ApplicationCommandType,
  ContextMenuCommandBuilder,
  type MessageContextMenuCommandInteraction,
} from 'discord.js';
import { answerFor } from '../src/bot/answers.js';
import { guildCommand, type Command } from '../src/bot/command.js';
import { fr, localeOf, t } from '../src/bot/i18n.js';
import { renderNotice } from '../src/bot/render.js';
import { defer, send } from '../src/bot/respond.js';

/** Message context menu "Find in sources": the passages of the corpus closest to what a message says. */
export default {
  data: guildCommand(new ContextMenuCommandBuilder())
    .setName('Find in sources')
    .setNameLocalizations(fr('Chercher dans les sources'))
    .setType(ApplicationCommandType.Message),
  cooldown: true,
  async execute(interaction, context) {
    const target = interaction.targetMessage;
    const locale = localeOf(interaction);
    // A bot's message may carry its text in embeds only.
    const text = [
      target.content,
      ...target.embeds.flatMap((embed) => [embed.title ?? '', embed.description ?? '']),
    ]
      .join('\n')
      .trim();
    await defer(interaction, { ephemeral: true });
    if (!text) {
      await send(interaction, renderNotice(t(locale, 'noText')));
      return;
    }
    await send(
      interaction,
      answerFor(context, { text, mode: 'claim', isPrivate: true, userId: interaction.user.id, locale }),
    );
  },
} satisfies Command<MessageContextMenuCommandInteraction>;
