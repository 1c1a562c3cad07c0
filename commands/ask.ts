import { SlashCommandBuilder } from 'discord.js';
import { answerFor, DEFAULT_PER_PAGE, pageButton, postButton } from '../src/bot/answers.js';
import type { Command } from '../src/bot/command.js';
import { defer, send } from '../src/bot/respond.js';

/** `/ask question: [private:] [sources:]`: a short answer, then the passages it comes from. */
export default {
  data: new SlashCommandBuilder()
    .setName('ask')
    .setDescription('Ask about France’s 2022 withdrawal from Mali; the answer quotes the news corpus')
    .addStringOption((option) =>
      option
        .setName('question')
        .setDescription('Your question, e.g. How many French troops were in Mali?')
        .setRequired(true)
        .setMaxLength(1000),
    )
    .addBooleanOption((option) =>
      option.setName('private').setDescription('Show the answer only to you (default: no)'),
    )
    .addIntegerOption((option) =>
      option
        .setName('sources')
        .setDescription(`How many passages to show at once (1–10, default ${DEFAULT_PER_PAGE})`)
        .setMinValue(1)
        .setMaxValue(10),
    ),
  cooldown: true,
  async execute(interaction, context) {
    const question = interaction.options.getString('question', true);
    const isPrivate = interaction.options.getBoolean('private') ?? false;
    const perPage = interaction.options.getInteger('sources') ?? DEFAULT_PER_PAGE;
    await defer(interaction, { ephemeral: isPrivate });
    await send(
      interaction,
      answerFor(context, {
        text: question,
        mode: 'question',
        perPage,
        isPrivate,
        userId: interaction.user.id,
      }),
    );
  },
  buttons: { 'ask:page': pageButton, 'ask:post': postButton },
} satisfies Command;
