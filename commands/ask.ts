import { SlashCommandBuilder } from 'discord.js';
import { answerFor, DEFAULT_PER_PAGE, pageButton, postButton } from '../src/bot/answers.js';
import type { Command } from '../src/bot/command.js';
import { reportButton, reportSubmit } from '../src/bot/reports.js';
import { renderFilterError } from '../src/bot/render.js';
import { defer, send } from '../src/bot/respond.js';
import { LIMITS } from '../src/bot/text.js';
import { FilterError, parseFilter, type AskFilter } from '../src/engine/index.js';

/** Lower-cased, without accents, for matching what a user types against names. */
function folded(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * `/ask question: [outlet:] [from:] [to:] [private:] [sources:]`: a short answer, then the
 * passages it comes from, within one outlet or dates when asked.
 */
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
    )
    .addStringOption((option) =>
      option
        .setName('outlet')
        .setDescription('Only articles from this outlet')
        .setAutocomplete(true)
        .setMaxLength(200),
    )
    .addStringOption((option) =>
      option
        .setName('from')
        .setDescription('Only articles published from this date: 2022, 2022-08 or 2022-08-15')
        .setMaxLength(10),
    )
    .addStringOption((option) =>
      option
        .setName('to')
        .setDescription('Only articles published up to this date: 2022, 2022-08 or 2022-08-15')
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
        filter,
      }),
    );
  },
  async autocomplete(interaction, context) {
    const typed = folded(interaction.options.getFocused().trim());
    const outlets = context
      .getEngine()
      .outlets()
      .filter((name) => name.length <= LIMITS.choice);
    // Outlets starting with what was typed come first, then those containing it; otherwise most articles first.
    const starts = outlets.filter((name) =>
      folded(name)
        .split(/\s+/)
        .some((word) => word.startsWith(typed)),
    );
    const contains = outlets.filter((name) => !starts.includes(name) && folded(name).includes(typed));
    await interaction.respond([...starts, ...contains].slice(0, 25).map((name) => ({ name, value: name })));
  },
  buttons: { 'ask:page': pageButton, 'ask:post': postButton, 'ask:report': reportButton },
  modals: { 'ask:report': reportSubmit },
} satisfies Command;
