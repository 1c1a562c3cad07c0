import {
  ApplicationCommandType,
  ContextMenuCommandBuilder,
  type MessageContextMenuCommandInteraction,
} from 'discord.js';
import { answerFor } from '../src/bot/answers.js';
import type { Command } from '../src/bot/command.js';
import { renderNotice } from '../src/bot/render.js';
import { defer, send } from '../src/bot/respond.js';

/** Message context menu "Find in sources": the passages of the corpus closest to what a message says. */
export default {
  data: new ContextMenuCommandBuilder().setName('Find in sources').setType(ApplicationCommandType.Message),
  cooldown: true,
  async execute(interaction, context) {
    const target = interaction.targetMessage;
    // A bot's message may carry its text in embeds only.
    const text = [
      target.content,
      ...target.embeds.flatMap((embed) => [embed.title ?? '', embed.description ?? '']),
    ]
      .join('\n')
      .trim();
    await defer(interaction, { ephemeral: true });
    if (!text) {
      await send(interaction, renderNotice('That message has no text to look up.'));
      return;
    }
    await send(
      interaction,
      answerFor(context, { text, mode: 'claim', isPrivate: true, userId: interaction.user.id }),
    );
  },
} satisfies Command<MessageContextMenuCommandInteraction>;
