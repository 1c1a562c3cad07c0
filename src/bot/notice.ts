/**
 * The notice posted to the configured channel (`CORPUS_NOTICE_CHANNEL_ID`) when the corpus gains
 * articles, on `/reload` or when the watched folder changes: outlet, date, headline, passages
 * indexed and quotations found for each new article. No channel configured, no notice.
 */
import type { Client } from 'discord.js';
import type { Engine } from '../engine/index.js';
import { formatDate, outletLabel, titleLabel } from '../engine/index.js';
import { addedArticles, type AddedArticle } from '../engine/growth.js';
import type { Logger } from './log.js';
import { COLORS, type RenderedMessage } from './render.js';
import { sendToChannel } from './respond.js';
import { LIMITS, fitEscaped, oneLine } from './text.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Renders the notice for the articles a reload added, and the size of the corpus now. */
export function renderCorpusNotice(added: readonly AddedArticle[], now: Engine['corpus']): RenderedMessage {
  const lines = added.map(
    (a) =>
      `**${fitEscaped(oneLine(outletLabel(a)), 80)}** · ${formatDate(a)} · *${fitEscaped(oneLine(titleLabel(a)), 200)}*\n` +
      `${plural(a.passages, 'passage')} indexed · ${plural(a.quotations, 'quotation')} found`,
  );
  let description = '';
  let shown = 0;
  for (const line of lines) {
    const next = description ? `${description}\n\n${line}` : line;
    if (next.length > LIMITS.embedDescription - 40) break;
    description = next;
    shown++;
  }
  if (shown < lines.length) description += `\n\n…and ${plural(lines.length - shown, 'more article')}`;
  return {
    embeds: [
      {
        title: `New in the corpus: ${plural(added.length, 'article')}`,
        description,
        color: COLORS.info,
        footer: {
          text: `The corpus now has ${plural(now.articles.length, 'article')} and ${plural(now.passages.length, 'passage')} · “c.” marks an approximate date`,
        },
      },
    ],
  };
}

/**
 * Posts the notice for what `after` adds to `before`, if anything and if a channel is
 * configured. Never throws: a notice that cannot be posted is logged.
 */
export async function announceCorpusGrowth(
  client: Client,
  channelId: string | null,
  log: Logger,
  before: Engine,
  after: Engine,
): Promise<void> {
  if (!channelId) return;
  try {
    const added = addedArticles(before.corpus, after.corpus);
    if (added.length === 0) return;
    const channel = await client.channels.fetch(channelId);
    if (!channel?.isSendable()) {
      log.warn('CORPUS_NOTICE_CHANNEL_ID is not a channel the bot can post in; no notice posted', {
        channelId,
      });
      return;
    }
    await sendToChannel(channel, renderCorpusNotice(added, after.corpus));
    log.info('corpus growth notice posted', { channelId, articles: added.map((a) => a.articleId) });
  } catch (error) {
    log.warn('could not post the corpus growth notice', { channelId, error });
  }
}
