import { SlashCommandBuilder } from 'discord.js';
import { outletLabel, titleLabel } from '../src/engine/index.js';
import { guildCommand, type Command } from '../src/bot/command.js';
import { fr, localeOf, t } from '../src/bot/i18n.js';
import { publishedLabel, renderSource } from '../src/bot/render.js';
import { send } from '../src/bot/respond.js';
import { LIMITS, inlineCode, oneLine, truncateAtWord } from '../src/bot/text.js';

/** `/source id:`: one article's metadata and opening paragraph. */
export default {
  data: guildCommand(new SlashCommandBuilder())
    .setName('source')
    .setNameLocalizations(fr('source'))
    .setDescription('Show one article: outlet, date, headline and its opening paragraph')
    .setDescriptionLocalizations(fr('Un article : média, date, titre et premier paragraphe'))
    .addStringOption((option) =>
      option
        .setName('id')
        .setNameLocalizations(fr('article'))
        .setDescription('The article (type part of its headline or id)')
        .setDescriptionLocalizations(fr('L’article (tapez une partie de son titre ou de son identifiant)'))
        .setRequired(true)
        .setAutocomplete(true)
        .setMaxLength(200),
    ),
  async execute(interaction, context) {
    const wanted = interaction.options.getString('id', true);
    const locale = localeOf(interaction);
    const article = context.getEngine().findSource(wanted);
    if (!article) {
      await send(
        interaction,
        { content: t(locale, 'noArticle', { id: inlineCode(wanted.trim(), 120) }) },
        { ephemeral: true },
      );
      return;
    }
    await send(interaction, renderSource(article, locale));
  },
  async autocomplete(interaction, context) {
    const locale = localeOf(interaction);
    const choices = context
      .getEngine()
      .sourceSuggestions(interaction.options.getFocused(), 25)
      .map((s) => ({
        name: truncateAtWord(
          oneLine(`${outletLabel(s)} · ${publishedLabel(s, locale)} · ${titleLabel(s)}`),
          LIMITS.choice,
        ),
        value: s.articleId,
      }));
    await interaction.respond(choices);
  },
} satisfies Command;
