import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/bot/command.js';
import { defer, send } from '../src/bot/respond.js';
import { fitEscaped } from '../src/bot/text.js';

/** `/reload` (Manage Server only): reloads the corpus without a restart, keeping the old one if the new one is invalid. */
export default {
  data: new SlashCommandBuilder()
    .setName('reload')
    .setDescription('Reload the news corpus from disk (admins)')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .setDMPermission(false),
  async execute(interaction, context) {
    await defer(interaction, { ephemeral: true });
    // Server admins can re-grant the command to anyone; the permission is checked again here.
    if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
      await send(interaction, {
        content: 'Only members with the Manage Server permission can reload the corpus.',
      });
      return;
    }
    if (!context.reloadCorpus) {
      await send(interaction, { content: 'Reloading is not available in this bot instance.' });
      return;
    }
    const result = await context.reloadCorpus();
    if (result.ok) {
      context.log.info('corpus reloaded by an admin', { user: interaction.user.id, summary: result.summary });
      await send(interaction, { content: `Corpus reloaded: ${fitEscaped(result.summary, 1500)}.` });
    } else {
      context.log.warn('corpus reload refused; still serving the previous corpus', {
        user: interaction.user.id,
        error: result.error,
      });
      await send(interaction, {
        content: `The new corpus was refused, so the previous one is still in service. Fix this and run /reload again:\n${fitEscaped(result.error, 1700)}`,
      });
    }
  },
} satisfies Command;
