/**
 * The permissions the bot needs, in one place: the invite link's permission integer is computed
 * from them, and the Q&A channel check at ready names any of them a channel lacks.
 */
import { PermissionFlagsBits, PermissionsBitField } from 'discord.js';

/** A permission the bot needs, by its discord.js flag name, with why. */
export interface NeededPermission {
  flag: keyof typeof PermissionFlagsBits;
  /** As the Discord client names it (Server Settings → Roles). */
  label: string;
  why: string;
}

/** Every permission the bot uses, in the order the README lists them. */
export const NEEDED_PERMISSIONS: readonly NeededPermission[] = Object.freeze([
  { flag: 'ViewChannel', label: 'View Channels', why: 'see the channel and its messages' },
  { flag: 'SendMessages', label: 'Send Messages', why: 'answer in the channel' },
  { flag: 'SendMessagesInThreads', label: 'Send Messages in Threads', why: 'answer in Q&A threads' },
  { flag: 'CreatePublicThreads', label: 'Create Public Threads', why: 'open a thread per Q&A question' },
  {
    flag: 'EmbedLinks',
    label: 'Embed Links',
    why: 'post answers, which are embeds (without it Discord refuses them with 50013)',
  },
  { flag: 'ReadMessageHistory', label: 'Read Message History', why: 'reply to the message that asked' },
]);

/** The permissions a Q&A channel must grant the bot (Read Message History only matters for replies). */
export const QA_CHANNEL_PERMISSIONS: readonly NeededPermission[] = Object.freeze(
  NEEDED_PERMISSIONS.filter((p) => p.flag !== 'ReadMessageHistory'),
);

/** The permission integer of {@link NEEDED_PERMISSIONS}, as the invite link carries it. */
export function invitePermissions(): bigint {
  return new PermissionsBitField(NEEDED_PERMISSIONS.map((p) => PermissionFlagsBits[p.flag])).bitfield;
}

/** The address that invites the bot with the commands scope and exactly the permissions it needs. */
export function inviteUrl(clientId: string): string {
  return `https://discord.com/oauth2/authorize?client_id=${clientId}&scope=bot+applications.commands&permissions=${invitePermissions()}`;
}
