/**
 * Plain messages: questions in the newsroom Q&A channels are answered in a thread started from
 * the question, users' replies in that thread as follow-ups; anywhere else the bot answers when
 * mentioned with a question. A reply to the bot that only pings it ("thanks!") is not a mention.
 * Bots (itself included), webhooks and system messages are ignored. Replies are in French where
 * the server's preferred language is French.
 */
import { DiscordAPIError, ThreadAutoArchiveDuration, type AnyThreadChannel, type Message } from 'discord.js';
import { answerFor } from './answers.js';
import type { BotContext } from './command.js';
import { t, toLocale } from './i18n.js';
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

/** What went wrong with a Discord call, for the log: its code and message. */
function failure(error: unknown): Record<string, unknown> {
  return error instanceof DiscordAPIError
    ? { code: error.code, status: error.status, reason: error.message }
    : { reason: error instanceof Error ? error.message : String(error) };
}

/**
 * A thread was started but the answer could not be posted in it: log the real failure, then
 * delete the empty thread; where the bot may not delete it, say in it why it is empty.
 */
async function cleanUpEmptyThread(
  thread: AnyThreadChannel,
  message: Message,
  error: unknown,
  context: BotContext,
  locale: ReturnType<typeof toLocale>,
): Promise<void> {
  context.log.warn('started a thread but could not post the answer in it', {
    message: message.id,
    thread: thread.id,
    ...failure(error),
  });
  try {
    await thread.delete('The answer could not be posted in it');
    context.log.info('deleted the empty thread', { thread: thread.id });
  } catch (deleteError) {
    context.log.warn('could not delete the empty thread; explaining in it instead', {
      thread: thread.id,
      ...failure(deleteError),
    });
    const why =
      error instanceof DiscordAPIError && error.code === 50013 ? 'threadFailedPermission' : 'threadFailed';
    await sendToChannel(thread, renderNotice(t(locale, why))).catch((explainError: unknown) =>
      context.log.warn('could not explain the empty thread either', {
        thread: thread.id,
        ...failure(explainError),
      }),
    );
  }
}

/** Handles one message. Never throws. */
export async function handleMessage(message: Message, context: BotContext): Promise<void> {
  const { log } = context;
  try {
    if (message.author.bot || message.webhookId !== null || message.system || !message.inGuild()) return;
    const botId = message.client.user.id;
    const botRoleId = message.guild.members.me?.roles.botRole?.id ?? null;
    // Written in the text: a reply to the bot's message also lists the bot among its mentions (the reply ping).
    const mentioned =
      new RegExp(`<@!?${botId}>`).test(message.content) ||
      (botRoleId !== null && message.content.includes(`<@&${botRoleId}>`));
    const text = stripBotMentions(message.content, botId, botRoleId);
    const how = route(message, context, mentioned, text);
    if (how.kind === 'ignore') return;
    // A mention is answered when it asks something; "thanks @bot" is not a question.
    if (how.kind === 'mention' && text && !isQuestion(text)) return;
    if (!message.channel.isSendable()) return;
    const locale = toLocale(message.guild.preferredLocale);

    if (!text) {
      await sendToChannel(message.channel, renderNotice(t(locale, 'askHint')), message);
      return;
    }
    const waitMs = context.cooldown.take(message.author.id);
    if (waitMs > 0) {
      await sendToChannel(message.channel, renderCooldown(waitMs, locale), message);
      return;
    }
    // In a Q&A thread the thread's name and the question above already say what was asked.
    const inThread = how.kind === 'thread' || how.kind === 'followUp';
    const answer = answerFor(context, {
      text,
      mode: 'question',
      userId: message.author.id,
      locale,
      showTitle: !inThread,
    });
    log.debug('message answered', { message: message.id, channel: message.channelId, how: how.kind });

    if (how.kind === 'thread') {
      let thread: AnyThreadChannel;
      try {
        thread = await message.startThread({
          name: threadName(text),
          autoArchiveDuration: ThreadAutoArchiveDuration.OneDay,
        });
      } catch (error) {
        // Without Create Public Threads (or with a thread already there), a reply still answers.
        log.warn('could not start a thread; replying in the channel instead', {
          message: message.id,
          channel: message.channelId,
          ...failure(error),
        });
        await sendToChannel(message.channel, answer, message);
        return;
      }
      try {
        await sendToChannel(thread, answer);
      } catch (error) {
        await cleanUpEmptyThread(thread, message, error, context, locale);
      }
      return;
    }
    await sendToChannel(message.channel, answer, message);
  } catch (error) {
    log.error('failed to answer a message', { message: message.id, channel: message.channelId, error });
  }
}
