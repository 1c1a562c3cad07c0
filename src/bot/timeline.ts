/**
 * `/timeline`'s rendering and paging: events in date order, each a verbatim sentence with its
 * source and resolved date, the other outlets reporting it, and the dates side by side where
 * they differ. Pure rendering plus a small store of recent topics for the paging buttons.
 */
import { ButtonStyle, ComponentType, type APIButtonComponent, type ButtonInteraction } from 'discord.js';
import { formatResolved } from '../corpus/dates.js';
import { formatDate, outletLabel, type Timeline, type TimelineEvent } from '../engine/index.js';
import type { BotContext } from './command.js';
import { COLORS, type RenderedMessage, sourceMarkdown } from './render.js';
import { send, update } from './respond.js';
import { ELLIPSIS, LIMITS, escapeText, fitEscaped, oneLine, truncateAtWord } from './text.js';

/** Events per page. */
export const EVENTS_PER_PAGE = 5;

/** Custom id prefix of the paging buttons (`timeline:page:<key>:<page>`). */
export const TIMELINE_PAGE_BUTTON = 'timeline:page';

/** Most characters of one event's sentence. */
const SENTENCE_MAX = 600;

function eventBlock(e: TimelineEvent): string {
  const lead = e.reports[0]!;
  const others = e.reports.slice(1);
  const outlets = new Set(e.reports.map((r) => r.articleId)).size;
  const lines = [
    `**${formatResolved(e)}**${outlets > 1 ? ` · ${outlets} articles` : ''}`,
    `> ${fitEscaped(oneLine(lead.sentence), SENTENCE_MAX)}`,
    `${sourceMarkdown(lead, 220)} · “${fitEscaped(oneLine(lead.words), 60)}”`,
  ];
  if (others.length > 0)
    lines.push(
      truncateAtWord(
        `Also: ${others.map((r) => `${escapeText(outletLabel(r))} (${formatDate(r)})`).join(', ')}`,
        300,
      ),
    );
  if (e.dates.length > 1)
    lines.push(
      truncateAtWord(
        `⚠️ Dates differ: ${e.dates
          .map(
            (d) =>
              `${formatResolved(d)} (${d.reports.map((i) => escapeText(outletLabel(e.reports[i]!))).join(', ')})`,
          )
          .join(' · ')}`,
        400,
      ),
    );
  return lines.join('\n');
}

/** Renders one page of a timeline, with buttons to the pages around it when there are more. */
export function renderTimeline(timeline: Timeline, page: number, key: string | null): RenderedMessage {
  const topic = timeline.topic ? oneLine(timeline.topic) : null;
  if (timeline.error) return { content: fitEscaped(`Timeline: ${timeline.error}`, LIMITS.content) };
  if (timeline.events.length === 0) {
    return {
      content: topic
        ? `No dated event in the corpus is about “${fitEscaped(topic, 200)}”. Try fewer or other words.`
        : 'No article in the corpus dates an event.',
    };
  }
  const pages = Math.ceil(timeline.events.length / EVENTS_PER_PAGE);
  const current = Math.max(0, Math.min(pages - 1, Math.floor(page) || 0));
  const shown = timeline.events.slice(current * EVENTS_PER_PAGE, (current + 1) * EVENTS_PER_PAGE);
  const blocks = shown.map(eventBlock);
  // The page's events share the description; whole events that do not fit are left to "…".
  let description = '';
  for (const block of blocks) {
    const next = description ? `${description}\n\n${block}` : block;
    if (next.length > LIMITS.embedDescription - 4) {
      description += `\n\n${ELLIPSIS}`;
      break;
    }
    description = next;
  }
  const from = current * EVENTS_PER_PAGE + 1;
  const approximate = shown.some(
    (e) => e.approximate || e.reports.some((r) => r.approximate || r.publishedApprox),
  );
  const footer = [
    `Events ${from}–${from + shown.length - 1} of ${timeline.events.length}`,
    'sentences quoted verbatim',
    ...(approximate ? ['“c.” marks an approximate date'] : []),
  ].join(' · ');
  const buttons: APIButtonComponent[] = [];
  if (key && current > 0)
    buttons.push({
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label: 'Earlier events',
      custom_id: `${TIMELINE_PAGE_BUTTON}:${key}:${current - 1}`,
    });
  if (key && current < pages - 1)
    buttons.push({
      type: ComponentType.Button,
      style: ButtonStyle.Primary,
      label: 'Later events',
      custom_id: `${TIMELINE_PAGE_BUTTON}:${key}:${current + 1}`,
    });
  return {
    embeds: [
      {
        title: fitEscaped(topic ? `Timeline: ${topic}` : 'Timeline of the corpus', LIMITS.embedTitle),
        description,
        color: COLORS.info,
        footer: { text: footer },
      },
    ],
    components: buttons.length > 0 ? [{ type: ComponentType.ActionRow, components: buttons }] : [],
  };
}

/** Topics of recent timelines, for their paging buttons: 15 minutes, at most 500, oldest dropped first. */
const kept = new Map<string, { topic: string | null; expires: number }>();
const KEEP_MS = 15 * 60_000;

/** Keeps a timeline's topic for its buttons and returns the key they carry. */
export function keepTimeline(topic: string | null, now = Date.now()): string {
  for (const [k, v] of kept) {
    if (v.expires > now && kept.size < 500) break;
    kept.delete(k);
  }
  const key = Math.random().toString(36).slice(2, 10).padEnd(8, '0');
  kept.set(key, { topic, expires: now + KEEP_MS });
  return key;
}

/** `timeline:page:<key>:<page>`: shows another page of the timeline in the same message. */
export async function timelinePageButton(
  interaction: ButtonInteraction,
  context: BotContext,
  [key = '', page]: string[],
): Promise<void> {
  const entry = kept.get(key);
  if (!entry || entry.expires <= Date.now()) {
    await send(
      interaction,
      { content: 'This timeline is no longer kept. Run /timeline again.' },
      { ephemeral: true },
    );
    return;
  }
  const n = Number(page);
  await update(
    interaction,
    renderTimeline(context.getEngine().timeline(entry.topic), Number.isInteger(n) ? n : 0, key),
  );
}
