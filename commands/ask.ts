import { SlashCommandBuilder } from 'discord.js';
import { answerFor, DEFAULT_PER_PAGE, pageButton, postButton } from '../src/bot/answers.js';
import { guildCommand, type Command } from '../src/bot/command.js';
import { fr, localeOf } from '../src/bot/i18n.js';
import { reportButton, reportSubmit } from '../src/bot/reports.js';
import { renderFilterError } from '../src/bot/render.js';
import { defer, send } from '../src/bot/respond.js';
import { FilterError, parseFilter, type AskFilter } from '../src/engine/index.js';

/**
 * `/ask question: [outlet:] [from:] [to:] [private:] [sources:]`: a short answer, then the
 * passages it comes from, within one outlet or dates when asked.
 */
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
    )
    .addStringOption((option) =>
      option
        .setName('outlet')
        .setNameLocalizations(fr('média'))
        .setDescription('Only articles from this outlet')
        .setDescriptionLocalizations(fr('Seulement les articles de ce média'))
        .setAutocomplete(true)
        .setMaxLength(200),
    )
    .addStringOption((option) =>
      option
        .setName('from')
        .setNameLocalizations(fr('depuis'))
        .setDescription('Only articles published from this date: 2022, 2022-08 or 2022-08-15')
        .setDescriptionLocalizations(
          fr('Seulement les articles publiés depuis cette date : 2022, 2022-08 ou 2022-08-15'),
        )
        .setMaxLength(10),
    )
    .addStringOption((option) =>
      option
        .setName('to')
        .setNameLocalizations(fr('jusqu-au'))
        .setDescription('Only articles published up to this date: 2022, 2022-08 or 2022-08-15')
        .setDescriptionLocalizations(
          fr('Seulement les articles publiés jusqu’à cette date : 2022, 2022-08 ou 2022-08-15'),
        )
        .setMaxLength(10),
    ),
  cooldown: true,
  async execute(interaction, context) {
    const question = interaction.options.getString('question', true);
    const isPrivate = interaction.options.getBoolean('private') ?? false;
    const perPage = interaction.options.getInteger('sources') ?? DEFAULT_PER_PAGE;
    let filter: AskFilter | null;
    try {
      filter = parseFilter({
        outlet: interaction.options.getString('outlet'),
        from: interaction.options.getString('from'),
        to: interaction.options.getString('to'),
      });
    } catch (error) {
      if (!(error instanceof FilterError)) throw error;
      await send(interaction, renderFilterError(error), { ephemeral: true });
      return;
    }
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
        filter,
      }),
    );
  },
  async autocomplete(interaction, context) {
    const names = context.getEngine().outletSuggestions(interaction.options.getFocused(), 25);
    await interaction.respond(names.map((name) => ({ name, value: name })));
  },
  buttons: { 'ask:page': pageButton, 'ask:post': postButton, 'ask:report': reportButton },
  modals: { 'ask:report': reportSubmit },
} satisfies Command;
