import { SlashCommandBuilder } from 'discord.js';
import { formatDate, outletLabel, titleLabel } from '../src/engine/index.js';
import type { Command } from '../src/bot/command.js';
import { renderSource } from '../src/bot/render.js';
import { send } from '../src/bot/respond.js';
import { LIMITS, inlineCode, oneLine, truncateAtWord } from '../src/bot/text.js';

/** `/source id:`: one article's metadata and opening paragraph. */
export default {
  data: new SlashCommandBuilder()
    .setName('source')
    .setDescription('Show one article: outlet, date, headline and its opening paragraph')
    .addStringOption((option) =>
      option
        .setName('id')
        .setDescription('The article (type part of its headline or id)')
        .setRequired(true)
        .setAutocomplete(true)
        .setMaxLength(200),
    ),
  async execute(interaction, context) {
    const wanted = interaction.options.getString('id', true).trim();
    const engine = context.getEngine();
    // A user who typed a headline without picking a suggestion still gets the article.
    const article =
      engine.source(wanted) ??
      engine.sources().find((s) => s.title !== null && s.title.toLowerCase() === wanted.toLowerCase()) ??
      null;
    if (!article) {
      await send(
        interaction,
        { content: `No article has the id ${inlineCode(wanted, 120)}. /sources lists them all.` },
        { ephemeral: true },
      );
      return;
    }
    await send(interaction, renderSource(article));
  },
  async autocomplete(interaction, context) {
    const typed = interaction.options.getFocused().trim().toLowerCase();
    const choices = context
      .getEngine()
      .sources()
      .filter((s) => s.articleId.length <= LIMITS.choice)
      .filter(
        (s) =>
          !typed ||
          [s.articleId, s.title ?? '', s.outlet ?? ''].some((field) => field.toLowerCase().includes(typed)),
      )
      .slice(0, 25)
      .map((s) => ({
        name: truncateAtWord(
          oneLine(`${outletLabel(s)} · ${formatDate(s)} · ${titleLabel(s)}`),
          LIMITS.choice,
        ),
        value: s.articleId,
      }));
    await interaction.respond(choices);
  },
} satisfies Command;
