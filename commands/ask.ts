import { SlashCommandBuilder } from 'discord.js';
import { answerFor, DEFAULT_PER_PAGE, pageButton, postButton } from '../src/bot/answers.js';
import { guildCommand, type Command } from '../src/bot/command.js';
import { fr, localeOf } from '../src/bot/i18n.js';
import { defer, send } from '../src/bot/respond.js';

/** `/ask question: [private:] [sources:]`: a short answer, then the passages it comes from. */
export default {
  data: guildCommand(new SlashCommandBuilder())
    .setName('ask')
    .setNameLocalizations(fr('demander'))
    .setDescription('Ask about France’s 2022 withdrawal from Mali; the answer quotes the news corpus')
    .setDescriptionLocalizations(
      fr('Une question sur le retrait français du Mali en 2022 ; la réponse cite les articles'),
    )
    .addStringOption((option) =>
      option
        .setName('question')
        .setNameLocalizations(fr('question'))
        .setDescription('Your question, e.g. How many French troops were in Mali?')
        .setDescriptionLocalizations(
          fr('Votre question, par ex. Combien de soldats français étaient au Mali ?'),
        )
        .setRequired(true)
        .setMaxLength(1000),
    )
    .addBooleanOption((option) =>
      option
        .setName('private')
        .setNameLocalizations(fr('privé'))
        .setDescription('Show the answer only to you (default: no)')
        .setDescriptionLocalizations(fr('Réponse visible de vous seul (par défaut : non)')),
    )
    .addIntegerOption((option) =>
      option
        .setName('sources')
        .setNameLocalizations(fr('passages'))
        .setDescription(`How many passages to show at once (1–10, default ${DEFAULT_PER_PAGE})`)
        .setDescriptionLocalizations(
          fr(`Nombre de passages affichés à la fois (1 à 10, ${DEFAULT_PER_PAGE} par défaut)`),
        )
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
        locale: localeOf(interaction),
      }),
    );
  },
  buttons: { 'ask:page': pageButton, 'ask:post': postButton },
} satisfies Command;
