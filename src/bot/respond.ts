/**
 * The one place that sends replies, and so the one place that owns reply hygiene: every message
 * gets `allowed_mentions: { parse: [] }` and no reply ping, plain-text replies with links get their
 * previews suppressed, every Discord limit is enforced again as a safety net, errors reach the
 * user as a short private message and the log with the detail, and an expired interaction is
 * logged rather than thrown.
 */
import {
  DiscordAPIError,
  MessageFlags,
  RESTJSONErrorCodes,
  type APIEmbed,
  type BaseMessageOptions,
  type ButtonInteraction,
  type Interaction,
  type Message,
  type MessageCreateOptions,
  type RepliableInteraction,
  type SendableChannels,
} from 'discord.js';
import type { Logger } from './log.js';
import type { RenderedMessage } from './render.js';
import { LIMITS, truncateAtWord } from './text.js';

/** The allowed mentions sent with every message: nobody, not even the author of a replied-to message. */
export const NO_MENTIONS = Object.freeze({ parse: [] as [], repliedUser: false });

/** What a user is told when something fails on the bot's side; the detail goes to the log. */
export const GENERIC_ERROR =
  'Something went wrong while answering. The error has been logged; please try again.';

/** Options of {@link toSendable} and {@link toApiMessage}. */
export interface SendOptions {
  /** Only the invoking user sees the reply (interactions only). */
  ephemeral?: boolean;
}

/** A message body in the form discord.js takes it (`reply`, `editReply`, `send`...). */
export type Sendable = BaseMessageOptions & { flags?: number; allowedMentions: typeof NO_MENTIONS };

function embedLength(embed: APIEmbed): number {
  let total =
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0);
  for (const field of embed.fields ?? []) total += field.name.length + field.value.length;
  return total;
}

/** The characters of embeds that count toward Discord's 6000-per-message limit. */
export function embedsLength(embeds: readonly APIEmbed[]): number {
  return embeds.reduce((sum, embed) => sum + embedLength(embed), 0);
}

function clampEmbed(embed: APIEmbed): APIEmbed {
  const out: APIEmbed = { ...embed };
  if (out.title !== undefined) out.title = truncateAtWord(out.title, LIMITS.embedTitle);
  if (out.description !== undefined)
    out.description = truncateAtWord(out.description, LIMITS.embedDescription);
  if (out.footer) out.footer = { ...out.footer, text: truncateAtWord(out.footer.text, LIMITS.footer) };
  if (out.author) out.author = { ...out.author, name: truncateAtWord(out.author.name, LIMITS.author) };
  if (out.fields) {
    out.fields = out.fields.slice(0, LIMITS.fields).map((field) => ({
      ...field,
      name: truncateAtWord(field.name, LIMITS.fieldName) || '\u200b',
      value: truncateAtWord(field.value, LIMITS.fieldValue) || '\u200b',
    }));
  }
  return out;
}

/**
 * Enforces every documented limit on a rendered message. Renderers already keep to them; this is
 * the net under them, cutting at word boundaries, dropping trailing fields and then embeds while
 * the embeds together exceed 6000 characters.
 */
export function enforceLimits(message: RenderedMessage): RenderedMessage {
  const out: RenderedMessage = {};
  if (message.content !== undefined) out.content = truncateAtWord(message.content, LIMITS.content);
  if (message.embeds) {
    const embeds = message.embeds.slice(0, LIMITS.embeds).map(clampEmbed);
    while (embedsLength(embeds) > LIMITS.embedTotal) {
      const last = embeds[embeds.length - 1];
      if (!last) break;
      if (last.fields && last.fields.length > 0) last.fields = last.fields.slice(0, -1);
      else if (last.description && last.description.length > 1) {
        const excess = embedsLength(embeds) - LIMITS.embedTotal;
        last.description = truncateAtWord(last.description, Math.max(1, last.description.length - excess));
      } else embeds.pop();
    }
    out.embeds = embeds;
  }
  if (message.components) {
    out.components = message.components.slice(0, LIMITS.rows).map((row) => ({
      ...row,
      components: row.components.slice(0, LIMITS.rowComponents).map((c) => ({
        ...c,
        ...('label' in c && c.label !== undefined
          ? { label: truncateAtWord(c.label, LIMITS.buttonLabel) }
          : {}),
        ...('custom_id' in c ? { custom_id: c.custom_id.slice(0, LIMITS.customId) } : {}),
      })),
    }));
  }
  return out;
}

const LINK = /https?:\/\/\S/i;

function flagsFor(message: RenderedMessage, options: SendOptions): number {
  let flags = 0;
  if (options.ephemeral) flags |= MessageFlags.Ephemeral;
  // Previews of linked articles would bury the answer; rich embeds are the bot's own and stay.
  if ((message.embeds?.length ?? 0) === 0 && message.content && LINK.test(message.content))
    flags |= MessageFlags.SuppressEmbeds;
  return flags;
}

/** A rendered message made ready to send: limits enforced, no mentions, previews suppressed, ephemeral if asked. */
export function toSendable(message: RenderedMessage, options: SendOptions = {}): Sendable {
  const safe = enforceLimits(message);
  const flags = flagsFor(safe, options);
  return {
    ...(safe.content !== undefined ? { content: safe.content } : {}),
    // An edit must say "no embeds / no buttons" explicitly, or the old ones would stay.
    embeds: safe.embeds ?? [],
    components: safe.components ?? [],
    allowedMentions: NO_MENTIONS,
    ...(flags !== 0 ? { flags } : {}),
  };
}

/**
 * The JSON body Discord receives for a rendered message (what discord.js sends for
 * {@link toSendable}): for a callback wrap it as `{ type: 4, data }`; for an edit send it as is.
 */
export function toApiMessage(message: RenderedMessage, options: SendOptions = {}): Record<string, unknown> {
  const sendable = toSendable(message, options);
  return {
    ...(sendable.content !== undefined ? { content: sendable.content } : {}),
    embeds: sendable.embeds,
    components: sendable.components,
    allowed_mentions: { parse: [], replied_user: false },
    ...(sendable.flags !== undefined ? { flags: sendable.flags } : {}),
  };
}

/** True for Discord's "Unknown interaction" (the 3 s or 15 min window passed) and "already acknowledged". */
export function isExpiredInteraction(error: unknown): boolean {
  return (
    error instanceof DiscordAPIError &&
    (error.code === RESTJSONErrorCodes.UnknownInteraction ||
      error.code === RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged)
  );
}

/** True for Discord's "Unknown Message": the message to edit or reply to was deleted (or an ephemeral one dismissed). */
export function isUnknownMessage(error: unknown): boolean {
  return error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownMessage;
}

/** Acknowledges an interaction so the answer may take longer than Discord's 3 s deadline. */
export async function defer(interaction: RepliableInteraction, options: SendOptions = {}): Promise<void> {
  await interaction.deferReply(options.ephemeral ? { flags: MessageFlags.Ephemeral } : {});
}

/**
 * Sends a rendered message as the interaction's answer: edits the deferred reply, adds a follow-up
 * when already answered, replies otherwise. Ephemerality of a deferred reply was set by the defer.
 */
export async function send(
  interaction: RepliableInteraction,
  message: RenderedMessage,
  options: SendOptions = {},
): Promise<void> {
  const body = toSendable(message, options);
  if (interaction.deferred && !interaction.replied) {
    // Ephemerality was fixed by the deferral; only SuppressEmbeds may be set by an edit.
    const { flags, ...edit } = body;
    await interaction.editReply({
      ...edit,
      ...(flags !== undefined && flags & MessageFlags.SuppressEmbeds
        ? { flags: MessageFlags.SuppressEmbeds }
        : {}),
    });
  } else if (interaction.replied) {
    await interaction.followUp(body as Parameters<RepliableInteraction['followUp']>[0]);
  } else {
    await interaction.reply(body as Parameters<RepliableInteraction['reply']>[0]);
  }
}

/** Replaces the message a button sits on. */
export async function update(interaction: ButtonInteraction, message: RenderedMessage): Promise<void> {
  const { flags: _flags, ...body } = toSendable(message);
  await interaction.update(body);
}

/** Sends a rendered message to a channel, or as a reply to `replyTo` (without pinging its author). */
export async function sendToChannel(
  channel: SendableChannels,
  message: RenderedMessage,
  replyTo?: Message,
): Promise<Message> {
  const body = toSendable(message) as MessageCreateOptions;
  return replyTo ? replyTo.reply(body) : channel.send(body);
}

/** Where an error happened, for the log. */
export function interactionLabel(interaction: Interaction): Record<string, unknown> {
  const what =
    interaction.isCommand() || interaction.isAutocomplete()
      ? interaction.commandName
      : interaction.isMessageComponent()
        ? interaction.customId
        : `type ${interaction.type}`;
  return { interaction: interaction.id, what, user: interaction.user.id, guild: interaction.guildId ?? 'dm' };
}

/**
 * Handles an error thrown while answering an interaction: an expired interaction is logged as a
 * warning and nothing else; otherwise the log gets the error with the interaction id, and the user
 * a short private message (the deferred "thinking…" reply, if any, is replaced by it).
 */
export async function replyWithError(
  interaction: Interaction,
  error: unknown,
  log: Logger,
  userMessage = GENERIC_ERROR,
): Promise<void> {
  if (isExpiredInteraction(error)) {
    log.warn('interaction expired before it was answered (Discord: Unknown interaction)', {
      ...interactionLabel(interaction),
      error,
    });
    return;
  }
  log.error('failed to answer an interaction', { ...interactionLabel(interaction), error });
  if (!interaction.isRepliable()) return;
  const notice = toSendable({ content: userMessage }, { ephemeral: true });
  try {
    if (interaction.isMessageComponent() && interaction.deferred) {
      // After deferUpdate the "original" is the message the button sits on: leave it, add a notice.
      await interaction.followUp(notice as Parameters<RepliableInteraction['followUp']>[0]);
    } else if (interaction.deferred && !interaction.replied) {
      const { flags: _flags, ...edit } = notice;
      if (interaction.ephemeral) {
        await interaction.editReply(edit);
      } else {
        // A public "thinking…" is removed first: the first follow-up would otherwise fill it, publicly.
        await interaction.deleteReply();
        await interaction.followUp(notice as Parameters<RepliableInteraction['followUp']>[0]);
      }
    } else if (interaction.replied) {
      await interaction.followUp(notice as Parameters<RepliableInteraction['followUp']>[0]);
    } else {
      await interaction.reply(notice as Parameters<RepliableInteraction['reply']>[0]);
    }
  } catch (secondError) {
    log.warn('could not tell the user about the error', { interaction: interaction.id, error: secondError });
  }
}
