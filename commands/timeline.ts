import { SlashCommandBuilder } from 'discord.js';
import { guildCommand, type Command } from '../src/bot/command.js';
import { fr } from '../src/bot/i18n.js';
import { defer, send } from '../src/bot/respond.js';
import {
  keepTimeline,
  renderTimeline,
  TIMELINE_PAGE_BUTTON,
  timelinePageButton,
} from '../src/bot/timeline.js';

/** `/timeline [topic:]`: the dated events the corpus reports, in date order, a page at a time. */
export default {
  data: guildCommand(new SlashCommandBuilder())
    .setName('timeline')
    .setNameLocalizations(fr('chronologie'))
    .setDescription('The events the corpus dates, in date order, each quoted with its source')
    .setDescriptionLocalizations(
      fr('Les événements que le corpus date, dans l’ordre, chacun cité avec sa source'),
    )
    .addStringOption((option) =>
      option
        .setName('topic')
        .setNameLocalizations(fr('sujet'))
        .setDescription('Only events about this, e.g. Barkhane, Wagner, withdrawal')
        .setDescriptionLocalizations(
          fr('Seulement les événements sur ce sujet, par ex. Barkhane, Wagner, retrait'),
        )
        .setMaxLength(100),
    ),
  cooldown: true,
  async execute(interaction, context) {
    const topic = interaction.options.getString('topic')?.trim() || null;
    await defer(interaction);
    const timeline = context.getEngine().timeline(topic);
    const key = timeline.events.length > 5 ? keepTimeline(topic) : null;
    await send(interaction, renderTimeline(timeline, 0, key));
  },
  buttons: { [TIMELINE_PAGE_BUTTON]: timelinePageButton },
} satisfies Command;
