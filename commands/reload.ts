import { PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { guildCommand, type Command } from '../src/bot/command.js';
import { fr, localeOf, t } from '../src/bot/i18n.js';
import { defer, send } from '../src/bot/respond.js';
import { fitEscaped } from '../src/bot/text.js';

/**
 * `/reload`: reloads the corpus without a restart, keeping the old one if the new one is invalid.
 * Who may run it is Discord's to decide: Manage Server by default, and whatever a server's admins
 * set under Server Settings → Integrations, which the bot does not second-guess.
 */
export default {
  data: guildCommand(new SlashCommandBuilder())
    .setName('reload')
    .setNameLocalizations(fr('recharger'))
    .setDescription('Reload the news corpus from disk (admins)')
    .setDescriptionLocalizations(fr('Recharger le corpus d’articles depuis le disque (admins)'))
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild),
  async execute(interaction, context) {
    const locale = localeOf(interaction);
    await defer(interaction, { ephemeral: true });
    if (!context.reloadCorpus) {
      await send(interaction, { content: t(locale, 'reloadUnavailable') });
      return;
    }
    const result = await context.reloadCorpus();
    if (result.ok) {
      context.log.info('corpus reloaded by an admin', { user: interaction.user.id, summary: result.summary });
      await send(interaction, {
        content: t(locale, 'reloaded', { summary: fitEscaped(result.summary, 1500) }),
      });
    } else {
      context.log.warn('corpus reload refused; still serving the previous corpus', {
        user: interaction.user.id,
        error: result.error,
      });
      await send(interaction, {
        content: `${t(locale, 'reloadRefused')}\n${fitEscaped(result.error, 1700)}`,
      });
    }
  },
} satisfies Command;
