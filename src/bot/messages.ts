/**
 * Plain messages: questions in the newsroom Q&A channels are answered in a thread started from
 * the question, users' replies in that thread as follow-ups; anywhere else the bot answers when
 * mentioned. Bots (itself included), webhooks and system messages are ignored.
 */
import { ThreadAutoArchiveDuration, type Message } from 'discord.js';
import { answerFor } from './answers.js';
import type { BotContext } from './command.js';
import { renderCooldown, renderNotice, threadName } from './render.js';
import { sendToChannel } from './respond.js';

const QUESTION_WORDS = new Set([
  'who',
  'whom',
  'whose',
  'what',
  'when',
  'where',
  'why',
  'how',
  'which',
  'is',
  'are',
  'was',
  'were',
  'did',
  'does',
  'do',
  'can',
  'could',
  'should',
  'would',
  'will',
  'has',
  'have',
  'had',
]);

/** Whether a message reads as a question: it ends with "?" or starts with a question word. */
export function isQuestion(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.length === 0) return false;
  // Closing quotes or brackets may follow the question mark: `Did he say "leave?"`
  if (/\?[\s"'”’)\]]*$/u.test(trimmed)) return true;
  const first = /^[\p{L}']+/u.exec(trimmed)?.[0]?.toLowerCase().replace(/'.*$/, '');
  return first !== undefined && QUESTION_WORDS.has(first);
}

/** Removes mentions of the bot (`<@id>`, `<@!id>`, and its managed role `<@&id>`) and tidies the spaces. */
export function stripBotMentions(text: string, botId: string, botRoleId: string | null = null): string {
  let out = text.replace(new RegExp(`<@!?${botId}>`, 'g'), ' ');
  if (botRoleId) out = out.replace(new RegExp(`<@&${botRoleId}>`, 'g'), ' ');
  return out.replace(/[ \t]+/g, ' ').trim();
}

/** How a message is to be handled. */
type Route = { kind: 'ignore' } | { kind: 'thread' } | { kind: 'followUp' } | { kind: 'mention' };

function route(message: Message, context: BotContext, mentioned: boolean, text: string): Route {
  const qa = context.config.qaChannelIds;
  const channel = message.channel;
  const botId = message.client.user.id;
  if (channel.isThread()) {
    if (channel.parentId !== null && qa.includes(channel.parentId) && channel.ownerId === botId)
      return { kind: 'followUp' };
    return mentioned ? { kind: 'mention' } : { kind: 'ignore' };
  }
  if (qa.includes(message.channelId))
    return isQuestion(text) || mentioned ? { kind: 'thread' } : { kind: 'ignore' };
  return mentioned ? { kind: 'mention' } : { kind: 'ignore' };
}

/** Handles one message. Never throws. */
export async function handleMessage(message: Message, context: BotContext): Promise<void> {
  const { log } = context;
  try {
    if (message.author.bot || message.webhookId !== null || message.system || !message.inGuild()) return;
    const botId = message.client.user.id;
    const botRoleId = message.guild.members.me?.roles.botRole?.id ?? null;
    const mentioned =
      message.mentions.users.has(botId) || (botRoleId !== null && message.mentions.roles.has(botRoleId));
    const text = stripBotMentions(message.content, botId, botRoleId);
    const how = route(message, context, mentioned, text);
    if (how.kind === 'ignore') return;
    if (!message.channel.isSendable()) return;

    if (!text) {
      await sendToChannel(
        message.channel,
        renderNotice('Ask me a question about France’s 2022 withdrawal from Mali, or use /help.'),
        message,
      );
      return;
    }
    const waitMs = context.cooldown.take(message.author.id);
    if (waitMs > 0) {
      await sendToChannel(message.channel, renderCooldown(waitMs), message);
      return;
    }
    const answer = answerFor(context, { text, mode: 'question', userId: message.author.id });
    log.debug('message answered', { message: message.id, channel: message.channelId, how: how.kind });

    if (how.kind === 'thread') {
      try {
        const thread = await message.startThread({
          name: threadName(text),
          autoArchiveDuration: ThreadAutoArchiveDuration.OneDay,
        });
        await sendToChannel(thread, answer);
        return;
      } catch (error) {
        // Without Create Public Threads (or with a thread already there), a reply still answers.
        log.warn('could not start a thread; replying in the channel instead', {
          message: message.id,
          channel: message.channelId,
          error,
        });
      }
    }
    await sendToChannel(message.channel, answer, message);
  } catch (error) {
    log.error('failed to answer a message', { message: message.id, channel: message.channelId, error });
  }
}
