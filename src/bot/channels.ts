/**
 * Checks the configured Q&A channels once the bot is ready, so that a typo, a channel of another
 * server, a forum or a missing permission is a warning naming the channel and what to fix, rather
 * than questions that go silently unanswered.
 */
import { ChannelType, type Client } from 'discord.js';
import { PermissionFlagsBits } from 'discord.js';
import { QA_CHANNEL_PERMISSIONS } from './permissions.js';

/** One problem with one configured Q&A channel. */
export interface QaChannelProblem {
  channelId: string;
  /** `#name` when the bot can see the channel. */
  channelName: string | null;
  /** The missing permission's name, for a permission problem. */
  permission: string | null;
  /** What is wrong and what to do, for the log. */
  message: string;
}

/**
 * Every problem with the channels in `ids` as the bot sees them now (call it at ready): not a
 * channel the bot can see, a channel of another server than DISCORD_GUILD_ID, a forum or other
 * channel that is not a text channel, or a permission in {@link QA_CHANNEL_PERMISSIONS} the bot
 * lacks there.
 */
export function checkQaChannels(
  client: Client<true>,
  ids: readonly string[],
  guildId: string | null = null,
): QaChannelProblem[] {
  const problems: QaChannelProblem[] = [];
  for (const id of ids) {
    const channel = client.channels.cache.get(id);
    if (!channel || channel.isDMBased()) {
      problems.push({
        channelId: id,
        channelName: null,
        permission: null,
        message: `QA_CHANNEL_IDS: channel ${id} is not a channel of any server the bot is in (a typo, or the bot was not invited there); questions there will not be answered`,
      });
      continue;
    }
    const name = `#${channel.name}`;
    const where = `QA_CHANNEL_IDS: ${name} (${id})`;
    if (guildId !== null && channel.guildId !== guildId) {
      problems.push({
        channelId: id,
        channelName: name,
        permission: null,
        message: `${where} is in another server (${channel.guild.name}, ${channel.guildId}) than DISCORD_GUILD_ID ${guildId}, where the commands are registered`,
      });
    }
    if (channel.type === ChannelType.GuildForum || channel.type === ChannelType.GuildMedia) {
      problems.push({
        channelId: id,
        channelName: name,
        permission: null,
        message: `${where} is a forum; Q&A channels must be text channels (the bot answers each question in a thread started from it)`,
      });
      continue;
    }
    if (channel.type !== ChannelType.GuildText && channel.type !== ChannelType.GuildAnnouncement) {
      problems.push({
        channelId: id,
        channelName: name,
        permission: null,
        message: `${where} is not a text channel (type ${ChannelType[channel.type]}); questions cannot be posted there`,
      });
      continue;
    }
    const perms = channel.permissionsFor(client.user);
    for (const needed of QA_CHANNEL_PERMISSIONS) {
      if (perms?.has(PermissionFlagsBits[needed.flag], true)) continue;
      problems.push({
        channelId: id,
        channelName: name,
        permission: needed.label,
        message: `${where}: the bot lacks ${needed.label}, needed to ${needed.why}; grant it to the bot's role in the channel's permissions`,
      });
    }
  }
  return problems;
}
