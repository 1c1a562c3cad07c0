/**
 * Wires a discord.js client's events to the bot: interactions and messages to their handlers
 * (tracked, so that shutdown can wait for them), readiness checks, and connection events to the log.
 */
import { Events, type Client } from 'discord.js';
import { checkQaChannels } from './channels.js';
import type { BotContext } from './command.js';
import type { CommandRegistry } from './commands.js';
import { handleInteraction } from './interactions.js';
import { handleMessage } from './messages.js';
import { renderNotice } from './render.js';
import { interactionLabel, send } from './respond.js';
import type { StallWatch } from './stall.js';
import { localeOf, t } from './i18n.js';

/** What the handlers need to know of the bot's life cycle. */
export interface EventState {
  /** The commands, once loaded; events before that are ignored. */
  registry(): CommandRegistry | null;
  /** True once shutdown began: new work is refused. */
  stopping(): boolean;
  /** Registers work in progress, so that shutdown can wait for it. */
  track(work: Promise<void>): void;
  /** The event-loop watch that names the work in progress when the loop blocks (src/bot/stall.ts). */
  stalls?: StallWatch;
}

/** Attaches every handler the bot needs to `client`. */
export function wireEvents(client: Client, context: BotContext, state: EventState): void {
  const { config, log } = context;
  client.on(Events.InteractionCreate, (interaction) => {
    const registry = state.registry();
    if (!registry) return;
    if (state.stopping()) {
      if (interaction.isAutocomplete()) {
        // Discord shows "Loading options failed" to a suggestion list left unanswered.
        state.track(interaction.respond([]).catch(() => undefined));
      } else if (interaction.isRepliable()) {
        state.track(
          send(interaction, renderNotice(t(localeOf(interaction), 'restarting')), { ephemeral: true }).catch(
            () => undefined,
          ),
        );
      }
      return;
    }
    const handle = () => handleInteraction(interaction, registry, context);
    state.track(state.stalls ? state.stalls.around(interactionLabel(interaction), handle) : handle());
  });
  client.on(Events.MessageCreate, (message) => {
    if (state.stopping() || !state.registry()) return;
    const handle = () => handleMessage(message, context);
    state.track(
      state.stalls
        ? state.stalls.around({ message: message.id, channel: message.channelId }, handle)
        : handle(),
    );
  });
  client.on(Events.ClientReady, (ready) => {
    log.info(`ready as ${ready.user.tag}`, {
      guilds: ready.guilds.cache.size,
      commands: state.registry()?.json.length ?? 0,
      qaChannels: config.qaChannelIds.length,
      messageContent: config.qaChannelIds.length > 0,
    });
    if (config.discordClientId && ready.application.id !== config.discordClientId) {
      log.warn(
        'DISCORD_CLIENT_ID is not the id of the application this token belongs to; deploy-commands would register commands for another application',
        { configured: config.discordClientId, actual: ready.application.id },
      );
    }
    for (const problem of checkQaChannels(ready, config.qaChannelIds, config.discordGuildId)) {
      log.warn(problem.message, {
        channel: problem.channelId,
        ...(problem.permission ? { permission: problem.permission } : {}),
      });
    }
  });
  client.on(Events.Error, (error) => log.error('discord client error', { error }));
  client.on(Events.Warn, (message) => log.warn(message));
  client.on(Events.Debug, (message) => log.debug(message));
  client.on(Events.ShardDisconnect, (event, shard) =>
    log.warn('gateway disconnected and will not reconnect', { shard, code: event.code }),
  );
  client.on(Events.ShardReconnecting, (shard) => {
    // discord.js reports its own shutdown as a reconnect too.
    if (!state.stopping()) log.info('gateway connection lost; reconnecting', { shard });
  });
  client.on(Events.ShardResume, (shard, replayed) =>
    log.info('gateway session resumed', { shard, replayed }),
  );
}
