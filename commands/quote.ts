import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/bot/command.js';
import { LIMITS } from '../src/bot/text.js';
import { renderQuotes } from '../src/bot/render.js';
import { defer, send } from '../src/bot/respond.js';

/** Lower-cased, without accents, for matching what a user types against names. */
function folded(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** `/quote query: [speaker:]`: quotations from the corpus with a copy-ready citation line. */
export default {
  data: new SlashCommandBuilder()
    .setName('quote')
    .setDescription('Find who said what: quotations from the corpus, ready to cite')
    .addStringOption((option) =>
      option
        .setName('query')
        .setDescription('Words from the quotation, or a topic')
        .setRequired(true)
        .setMaxLength(300),
    )
    .addStringOption((option) =>
      option
        .setName('speaker')
        .setDescription('Only quotations from this speaker')
        .setAutocomplete(true)
        .setMaxLength(100),
    ),
  cooldown: true,
  async execute(interaction, context) {
    const query = interaction.options.getString('query', true);
    const speaker = interaction.options.getString('speaker')?.trim() || null;
    await defer(interaction);
    const result = context.getEngine().quote(query, { speaker, limit: 25 });
    await send(interaction, renderQuotes(result, { speaker }));
  },
  async autocomplete(interaction, context) {
    const typed = folded(interaction.options.getFocused().trim());
    const speakers = context
      .getEngine()
      .speakers()
      .filter((name) => name.length <= LIMITS.choice);
    // Names starting with what was typed come first, then names containing it; otherwise most quoted first.
    const starts = speakers.filter(
      (name) =>
        folded(name).startsWith(typed) ||
        folded(name)
          .split(/\s+/)
          .some((word) => word.startsWith(typed)),
    );
    const contains = speakers.filter((name) => !starts.includes(name) && folded(name).includes(typed));
    await interaction.respond([...starts, ...contains].slice(0, 25).map((name) => ({ name, value: name })));
  },
} satisfies Command;
