/**
 * The one renderer from engine results to Discord message payloads. Pure: no client, no network.
 * Every string from the corpus or from a user is escaped (it shows as written and pings no one),
 * and every part is cut to its Discord limit as it is built, so a payload never breaks one.
 */
import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type APIEmbedField,
} from 'discord.js';
import {
  citationLine,
  describeFilter,
  formatDate,
  type FilterError,
  outletLabel,
  titleLabel,
  type Answer,
  type ArticleSummary,
  type Citation,
  type QuoteResult,
  type SourceInfo,
} from '../engine/index.js';
import { ELLIPSIS, LIMITS, escapeText, fitEscaped, inlineCode, oneLine, truncateAtWord } from './text.js';

/** A message as the bot sends it, before reply hygiene (flags, allowed mentions) is added by `respond.ts`. */
export interface RenderedMessage {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIButtonComponent>[];
}

/** Embed colours: a reader learns them after a few answers. */
export const COLORS = {
  answered: 0x2f6fb0,
  conflict: 0xd9901a,
  noAnswer: 0x7a8490,
  info: 0x4a7c59,
} as const;

/**
 * Custom id prefixes of the answer buttons (`ask:page:<stateId>:<page>`, `ask:post:<stateId>:<page>`,
 * `ask:report:<stateId>`).
 */
export const ANSWER_BUTTONS = { page: 'ask:page', post: 'ask:post', report: 'ask:report' } as const;

/** Custom id prefix of the source-list paging buttons (`sources:page:<page>`). */
export const SOURCES_PAGE_BUTTON = 'sources:page';

/** How an answer is shown. */
export interface AnswerView {
  /** `question`: a reply to /ask, a Q&A channel or a mention; `claim`: the "Find in sources" check of a message. */
  mode: 'question' | 'claim';
  /** Which page of citations, from 0. */
  page: number;
  /** Citations per page (the `/ask sources:` option), 1–10. */
  perPage: number;
  /** Key of the stored answer that the paging buttons refer to; null shows no buttons. */
  stateId: string | null;
  /** A private (ephemeral) reply also gets a "Post to channel" button. */
  isPrivate: boolean;
  /** Show "Report a problem" (needs `stateId`). Default false. */
  report?: boolean;
}

/** Most characters of a source line (outlet · date · title). */
const SOURCE_LINE_MAX = 300;
/** Most characters of a quoted passage, even with room to spare: a citation, not the article. */
const QUOTE_MAX = 1200;

function safeUrl(url: string | null): string | null {
  if (!url || !/^https?:\/\/\S+$/i.test(url)) return null;
  // Parentheses and angle brackets would end the markdown link early.
  return url.replace(/[()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** "Al Jazeera · c. 15 Aug 2022 · *Last French troops leave Mali*", the title linked when a URL is known. */
export function sourceMarkdown(s: SourceInfo, max = SOURCE_LINE_MAX): string {
  const head = `${fitEscaped(oneLine(outletLabel(s)), 80)} · ${formatDate(s)} · `;
  const room = max - head.length;
  const url = safeUrl(s.url);
  // "[title](<url>)" costs 6 characters besides the two; a link only if a readable title still fits.
  if (url && room - url.length - 6 >= 20) {
    const title = fitEscaped(oneLine(titleLabel(s)), room - url.length - 6 - 8).replace(/\]/g, '\\]');
    return `${head}[${title}](<${url}>)`;
  }
  return `${head}*${fitEscaped(oneLine(titleLabel(s)), Math.max(1, room - 2))}*`;
}

/** "DW (17 Feb 2022)": an outlet with its date, escaped. */
function outletWithDate(s: SourceInfo): string {
  return `${escapeText(outletLabel(s))} (${formatDate(s)})`;
}

/** Joins lines, dropping whole lines from the end that would not fit in `max` (with a "…" line). */
function joinWithin(lines: string[], max: number): string {
  const out: string[] = [];
  let used = 0;
  for (const line of lines) {
    const cost = line.length + (out.length > 0 ? 1 : 0);
    if (used + cost > max) {
      if (used + 2 <= max) out.push(ELLIPSIS);
      break;
    }
    out.push(line);
    used += cost;
  }
  return out.join('\n');
}

function button(
  customId: string,
  label: string,
  style: ButtonStyle.Primary | ButtonStyle.Secondary,
): APIButtonComponent {
  return {
    type: ComponentType.Button,
    custom_id: customId.slice(0, LIMITS.customId),
    label: truncateAtWord(label, LIMITS.buttonLabel),
    style,
  };
}

function row(buttons: APIButtonComponent[]): APIActionRowComponent<APIButtonComponent>[] {
  return buttons.length > 0
    ? [{ type: ComponentType.ActionRow, components: buttons.slice(0, LIMITS.rowComponents) }]
    : [];
}

/** Number of pages of citations. */
export function pageCount(answer: Answer, perPage: number): number {
  return Math.max(1, Math.ceil(answer.citations.length / Math.max(1, perPage)));
}

function answerHeader(answer: Answer, mode: AnswerView['mode']): string[] {
  if (mode === 'claim') {
    const claim = `**Message:** ${fitEscaped(oneLine(answer.question), 300)}`;
    if (answer.error || answer.citations.length === 0) {
      return [claim, 'Nothing in the corpus comes close to this message.'];
    }
    if (answer.status === 'no_answer') {
      return [
        claim,
        'Nothing in the corpus clearly bears on this message. The nearest passages are below; they may be unrelated.',
      ];
    }
    const agree = answer.citations.filter((c) => c.stance === 'agrees').length;
    const differ = answer.citations.filter((c) => c.stance === 'differs').length;
    if (agree + differ > 0) {
      return [
        claim,
        `On the figure it gives: ${agree} passage(s) give the same, ${differ} a different one (marked below). Read them to judge the rest.`,
      ];
    }
    return [
      claim,
      'The closest passages in the corpus are below. Read them to judge whether they support or contradict the message.',
    ];
  }
  if (answer.error) return [`**Not a usable question:** ${fitEscaped(answer.error, 300)}`];
  const within = answer.filter ? [`*Within ${fitEscaped(describeFilter(answer.filter), 300)}*`] : [];
  if (answer.filter?.empty) return [`**Nothing to answer from.** ${fitEscaped(answer.filter.empty, 1500)}`];
  if (answer.status === 'answered') {
    return [
      ...within,
      answer.answer
        ? `**Answer:** ${fitEscaped(oneLine(answer.answer), 300)}`
        : '**Answer:** see the passages below.',
    ];
  }
  if (answer.citations.length === 0)
    return [...within, '**No confident answer in the corpus**, and no passage comes close.'];
  return [
    ...within,
    '**No confident answer in the corpus.** The closest passages are below, labelled as such: they may not answer the question.',
  ];
}

function conflictField(answer: Answer): APIEmbedField | null {
  if (!answer.conflict || answer.conflict.length === 0) return null;
  const lines = answer.conflict.map((side) => {
    const who = side.sources.map(outletWithDate).join(', ');
    const refs = side.citations.map((i) => `[${i + 1}]`).join(' ');
    return `• **${fitEscaped(oneLine(side.value), 100)}**: ${who}${refs ? ` ${refs}` : ''}`;
  });
  return {
    name: 'Sources disagree',
    value: joinWithin(
      lines.map((l) => truncateAtWord(l, LIMITS.fieldValue)),
      LIMITS.fieldValue,
    ),
  };
}

/** The lines above a passage: its number and source, and the other outlets carrying it. */
const STANCE_MARK = { agrees: ' · ✅ same figure', differs: ' · ⚠️ different figure' } as const;

function citationHead(c: Citation, number: number): string {
  const mark = c.stance
    ? `${STANCE_MARK[c.stance]}${c.stance === 'differs' && c.value ? `: ${escapeText(c.value)}` : ''}`
    : '';
  const lines = [`**[${number}]** ${sourceMarkdown(c)}${mark}`];
  if (c.alsoIn.length > 0)
    lines.push(truncateAtWord(`Also in: ${c.alsoIn.map(outletWithDate).join(', ')}`, 200));
  return lines.join('\n');
}

/**
 * Renders an answer (or a claim check) as one embed: the short answer first, then this page's
 * passages as numbered block quotes with their source lines, "Sources disagree" when they do,
 * and buttons to page through further passages and, when private, to post it to the channel.
 */
export function renderAnswer(answer: Answer, view: AnswerView): RenderedMessage {
  const perPage = Math.max(1, Math.min(10, Math.floor(view.perPage) || 3));
  const pages = pageCount(answer, perPage);
  const page = Math.max(0, Math.min(pages - 1, Math.floor(view.page) || 0));
  const shown = answer.citations.slice(page * perPage, (page + 1) * perPage);

  const header = answerHeader(answer, view.mode);
  const label =
    view.mode === 'question' && answer.status === 'no_answer' && shown.length > 0
      ? ['__Closest passages (not an answer):__']
      : [];
  const top = (shown.length > 0 ? [...header, '', ...label] : header).join('\n');

  // Everything but the quotes is small and bounded; the quotes share what is left of the description:
  // each block is head + "\n> " + quote, blocks are separated by a blank line and follow the top after "\n".
  const heads = shown.map((c, k) => citationHead(c, page * perPage + k + 1));
  const fixed =
    top.length +
    1 +
    heads.reduce((sum, head) => sum + head.length + 3, 0) +
    2 * Math.max(0, shown.length - 1);
  const perQuote = Math.max(
    20,
    Math.min(QUOTE_MAX, Math.floor((LIMITS.embedDescription - fixed) / Math.max(1, shown.length))),
  );
  const blocks = shown.map((c, k) => `${heads[k]}\n> ${fitEscaped(oneLine(c.quote), perQuote)}`);
  const description = joinWithin(
    [top, ...blocks.flatMap((b, k) => (k === 0 ? [b] : ['', b]))],
    LIMITS.embedDescription,
  );

  const title =
    view.mode === 'claim'
      ? 'Closest passages in the corpus'
      : fitEscaped(oneLine(answer.question), LIMITS.embedTitle) || 'Question';
  const fields = [conflictField(answer)].filter((f): f is APIEmbedField => f !== null);
  const color =
    answer.status === 'no_answer' || answer.error
      ? COLORS.noAnswer
      : answer.conflict
        ? COLORS.conflict
        : COLORS.answered;

  const footerParts: string[] = [];
  if (shown.length > 0) {
    const from = page * perPage + 1;
    footerParts.push(
      `Passages ${from}–${from + shown.length - 1} of ${answer.citations.length}`,
      'quoted verbatim',
    );
    if (shown.some((c) => c.publishedApprox)) footerParts.push('“c.” marks an approximate date');
  }

  const embed: APIEmbed = { title, description, color };
  if (fields.length > 0) embed.fields = fields;
  if (footerParts.length > 0) embed.footer = { text: footerParts.join(' · ') };

  const buttons: APIButtonComponent[] = [];
  if (view.stateId) {
    if (page > 0)
      buttons.push(
        button(
          `${ANSWER_BUTTONS.page}:${view.stateId}:${page - 1}`,
          'Previous passages',
          ButtonStyle.Secondary,
        ),
      );
    if (page < pages - 1)
      buttons.push(
        button(`${ANSWER_BUTTONS.page}:${view.stateId}:${page + 1}`, 'More passages', ButtonStyle.Primary),
      );
    if (view.isPrivate)
      buttons.push(
        button(`${ANSWER_BUTTONS.post}:${view.stateId}:${page}`, 'Post to channel', ButtonStyle.Secondary),
      );
    if (view.report)
      buttons.push(
        button(`${ANSWER_BUTTONS.report}:${view.stateId}`, 'Report a problem', ButtonStyle.Secondary),
      );
  }
  return { embeds: [embed], components: row(buttons) };
}

/** How many quotations `/quote` shows in one reply. */
export const QUOTES_SHOWN = 5;

/**
 * Renders a quotation lookup: each quotation in its sentence, its speaker, outlet and date, the
 * other outlets carrying it, and a copy-ready citation line.
 */
export function renderQuotes(result: QuoteResult, options: { speaker: string | null }): RenderedMessage {
  const query = oneLine(result.query);
  const who = options.speaker ? ` from ${fitEscaped(options.speaker, 100)}` : '';
  if (result.error) return { content: `Quote lookup: ${fitEscaped(result.error, 300)}` };
  if (result.quotes.length === 0) {
    const what = query ? ` matches “${fitEscaped(query, 300)}”` : '';
    return { content: `No quotation in the corpus${what}${who}.` };
  }

  const shown = result.quotes.slice(0, QUOTES_SHOWN);
  const titleText = query
    ? `Quotations matching “${query}”${options.speaker ? ` from ${options.speaker}` : ''}`
    : `Quotations from ${options.speaker ?? 'everyone'}`;
  const title = fitEscaped(titleText, LIMITS.embedTitle);
  const footer =
    result.quotes.length > shown.length
      ? `${shown.length} of ${result.quotes.length} quotations shown; narrow the search with more words or speaker:`
      : `${shown.length} quotation${shown.length === 1 ? '' : 's'} · quoted verbatim`;
  // All fields share the 6000-character budget of a message's embeds.
  const perField = Math.min(
    LIMITS.fieldValue,
    Math.floor((LIMITS.embedTotal - 200 - title.length - footer.length) / shown.length) - 60,
  );

  const fields: APIEmbedField[] = shown.map((q, i) => {
    const name = truncateAtWord(
      `[${i + 1}] ${oneLine(q.speaker ?? 'Unattributed (the article names no speaker)')}`,
      60,
    );
    const source = sourceMarkdown(q, Math.min(SOURCE_LINE_MAX, Math.floor(perField * 0.3)));
    const also =
      q.alsoIn.length > 0
        ? truncateAtWord(`Also in: ${q.alsoIn.map(outletWithDate).join(', ')}`, Math.floor(perField * 0.2))
        : null;
    const cite = `Cite: ${inlineCode(citationLine(q), Math.floor(perField * 0.45))}`;
    const fixedLength = source.length + (also ? also.length + 1 : 0) + cite.length + 2;
    const context = `> ${fitEscaped(oneLine(q.context), Math.max(20, perField - fixedLength - 4))}`;
    const value = joinWithin([context, source, ...(also ? [also] : []), cite], perField);
    return { name: escapeText(name), value };
  });
  return { embeds: [{ title, color: COLORS.answered, fields, footer: { text: footer } }] };
}

/** Articles per page of `/sources`. */
export const SOURCES_PER_PAGE = 10;

/** Renders one page of the source list: outlet, date, title and id of each article. */
export function renderSourceList(list: ArticleSummary[], page = 0): RenderedMessage {
  if (list.length === 0) return { content: 'The corpus has no articles loaded.' };
  const pages = Math.ceil(list.length / SOURCES_PER_PAGE);
  const current = Math.max(0, Math.min(pages - 1, Math.floor(page) || 0));
  const shown = list.slice(current * SOURCES_PER_PAGE, (current + 1) * SOURCES_PER_PAGE);
  const lines = shown.map(
    (s, k) =>
      `**${current * SOURCES_PER_PAGE + k + 1}.** ${sourceMarkdown(s)}\n${inlineCode(s.articleId, 110)}`,
  );
  const footer = `${list.length} article${list.length === 1 ? '' : 's'}${pages > 1 ? ` · page ${current + 1} of ${pages}` : ''} · /source id: shows one article`;
  const buttons: APIButtonComponent[] = [];
  if (current > 0)
    buttons.push(button(`${SOURCES_PAGE_BUTTON}:${current - 1}`, 'Previous', ButtonStyle.Secondary));
  if (current < pages - 1)
    buttons.push(button(`${SOURCES_PAGE_BUTTON}:${current + 1}`, 'Next', ButtonStyle.Primary));
  return {
    embeds: [
      {
        title: 'Sources in the corpus',
        description: joinWithin(lines, LIMITS.embedDescription),
        color: COLORS.info,
        footer: { text: footer },
      },
    ],
    components: row(buttons),
  };
}

/** Renders one article's metadata and its opening paragraph. */
export function renderSource(s: ArticleSummary): RenderedMessage {
  const url = safeUrl(s.url);
  const fields: APIEmbedField[] = [
    { name: 'Outlet', value: fitEscaped(outletLabel(s), 200), inline: true },
    {
      name: 'Published',
      value: s.publishedApprox ? `${formatDate(s)} (approximate)` : formatDate(s),
      inline: true,
    },
    { name: 'Passages indexed', value: String(s.passages), inline: true },
    { name: 'ID', value: inlineCode(s.articleId, 200) },
  ];
  const description = s.opening
    ? `> ${fitEscaped(oneLine(s.opening), LIMITS.embedDescription - 100)}`
    : '*(no body text)*';
  const embed: APIEmbed = {
    title: fitEscaped(oneLine(titleLabel(s)), LIMITS.embedTitle),
    description,
    color: COLORS.info,
    fields,
    footer: { text: 'Opening paragraph, quoted verbatim' },
  };
  if (url) embed.url = url;
  return { embeds: [embed] };
}

/** What the bot can do, in a few lines. */
export function renderHelp(qaChannelIds: readonly string[] = []): RenderedMessage {
  const lines = [
    'I answer questions about France’s 2022 military withdrawal from Mali from a corpus of news articles, quoting them word for word with outlet and date.',
    '',
    '**/ask** `question` — a short answer, then the passages it comes from. `private:` shows it only to you; `sources:` sets how many passages (1–10); `outlet:`, `from:` and `to:` (2022, 2022-08 or 2022-08-15) ask within one outlet or dates.',
    '**/timeline** `topic` — the events the corpus dates, in date order, each quoted with its source.',
    '**/quote** `query` `speaker` — quotations, with a citation line ready to paste.',
    '**/sources** — every article in the corpus; **/source** `id` — one article and its opening paragraph.',
    '**Find in sources** (right-click a message → Apps) — the passages closest to what the message claims.',
    'Or mention me with a question. **Report a problem** under an answer tells the newsroom’s editors what is wrong.',
  ];
  if (qaChannelIds.length > 0)
    lines.push(
      `Questions asked in ${qaChannelIds.map((id) => `<#${id}>`).join(', ')} are answered in a thread.`,
    );
  lines.push(
    '',
    'Dates marked “c.” are approximate. “Sources disagree” means outlets report different figures; both are quoted.',
  );
  return { embeds: [{ title: 'What I can do', description: lines.join('\n'), color: COLORS.info }] };
}

/** What a user is told when `outlet:`, `from:` or `to:` cannot be used. */
export function renderFilterError(error: FilterError): RenderedMessage {
  return { content: fitEscaped(`Could not use ${error.message}`, LIMITS.content) };
}

/** The short notice a user gets while cooling down. */
export function renderCooldown(waitMs: number): RenderedMessage {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return { content: `You are asking quickly: try again in ${seconds} s.` };
}

/** A short plain message, escaped and cut to the content limit. */
export function renderNotice(text: string): RenderedMessage {
  return { content: fitEscaped(text, LIMITS.content) };
}

/** A thread name from a question: one line, cut at a word boundary to Discord's 100 characters. */
export function threadName(question: string): string {
  return truncateAtWord(oneLine(question), LIMITS.threadName) || 'Question';
}
