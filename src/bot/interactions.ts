/**
 * Dispatches interactions to the command modules: commands (with the cooldown), autocomplete and
 * buttons. Every path is wrapped: an error is logged with the interaction id and the user gets a
 * short private message; nothing a user sends can crash the bot.
 */
import { ApplicationCommandType, type Interaction } from 'discord.js';
import type { BotContext } from './command.js';
import type { CommandRegistry } from './commands.js';
import { localeOf, t } from './i18n.js';
import { renderCooldown, renderNotice } from './render.js';
import { interactionLabel, replyWithError, send } from './respond.js';

/** Handles one interaction. Never throws. */
export async function handleInteraction(
  interaction: Interaction,
  registry: CommandRegistry,
  context: BotContext,
): Promise<void> {
  const { log } = context;
  try {
    if (interaction.isAutocomplete()) {
      const command = registry.find(interaction.commandName);
      if (command?.autocomplete) await command.autocomplete(interaction, context);
      else await interaction.respond([]);
      return;
    }

    if (interaction.isChatInputCommand() || interaction.isMessageContextMenuCommand()) {
      const type = interaction.isChatInputCommand()
        ? ApplicationCommandType.ChatInput
        : ApplicationCommandType.Message;
      const command = registry.find(interaction.commandName, type);
      log.debug('command', interactionLabel(interaction));
      if (!command) {
        log.warn(
          'no handler for a registered command; run npm run deploy-commands',
          interactionLabel(interaction),
        );
        await send(interaction, renderNotice(t(localeOf(interaction), 'unavailable')), {
          ephemeral: true,
        });
        return;
      }
      if (command.cooldown) {
        const waitMs = context.cooldown.take(interaction.user.id);
        if (waitMs > 0) {
          await send(interaction, renderCooldown(waitMs, localeOf(interaction)), { ephemeral: true });
          return;
        }
      }
      // The command and interaction kinds match: the registry is keyed by kind.
      await command.execute(interaction as never, context);
      return;
    }

    if (interaction.isButton()) {
      const route = registry.button(interaction.customId);
      if (!route) {
        log.warn('no handler for a button', interactionLabel(interaction));
        await send(interaction, renderNotice(t(localeOf(interaction), 'buttonUnknown')), { ephemeral: true });
        return;
      }
      await route.handler(interaction, context, route.args);
      return;
    }

    if (interaction.isModalSubmit()) {
      const route = registry.modal(interaction.customId);
      if (!route) {
        log.warn('no handler for a modal', interactionLabel(interaction));
        await send(interaction, renderNotice('This form no longer works. Ask again.'), { ephemeral: true });
        return;
      }
      await route.handler(interaction, context, route.args);
      return;
    }
  } catch (error) {
    if (interaction.isAutocomplete()) {
      // There is no message to show for a failed suggestion list; an empty list is the answer.
      log.warn('autocomplete failed', { ...interactionLabel(interaction), error });
      if (!interaction.responded) await interaction.respond([]).catch(() => undefined);
      return;
    }
    await replyWithError(interaction, error, log, t(localeOf(interaction), 'genericError'));
  }
}
