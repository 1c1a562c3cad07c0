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
  describeFilter,
  outletLabel,
  titleLabel,
  type Answer,
  type FilterError,
  type ArticleSummary,
  type Citation,
  type QuotationLookup,
  type SourceInfo,
} from '../engine/index.js';
import { dayMonthYear, t, type Locale } from './i18n.js';
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

/** Custom id prefix of `/quote`'s copy buttons (`quote:copy:<stateId>:<index>`). */
export const COPY_BUTTON = 'quote:copy';

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
  /** The reader's language. Default `en`. */
  locale?: Locale;
  /** Show the question as the embed's title. Default true; false in Q&A threads, where the thread name and message already say it. */
  showTitle?: boolean;
  /** A line above everything else (e.g. that the corpus changed since the answer was first given). */
  notice?: string | null;
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

/**
 * When an article was published, worded so that the date reads as the article's:
 * "published 17 Feb 2022", "published c. 15 Aug 2022 (inferred)" where the article does not print
 * it, "date unknown".
 */
export function publishedLabel(
  s: Pick<SourceInfo, 'published' | 'publishedApprox'>,
  locale: Locale = 'en',
): string {
  if (!s.published) return t(locale, 'dateUnknown');
  const date = dayMonthYear(s.published, locale);
  return t(locale, s.publishedApprox ? 'publishedInferred' : 'published', { date });
}

/** "Al Jazeera · published c. 15 Aug 2022 (inferred) · *Last French troops leave Mali*", the title linked when a URL is known. */
export function sourceMarkdown(s: SourceInfo, max = SOURCE_LINE_MAX, locale: Locale = 'en'): string {
  const head = `${fitEscaped(oneLine(outletLabel(s)), 80)} · ${publishedLabel(s, locale)} · `;
  const room = max - head.length;
  const url = safeUrl(s.url);
  // "[title](<url>)" costs 6 characters besides the two; a link only if a readable title still fits.
  if (url && room - url.length - 6 >= 20) {
    const title = fitEscaped(oneLine(titleLabel(s)), room - url.length - 6 - 8).replace(/\]/g, '\\]');
    return `${head}[${title}](<${url}>)`;
  }
  return `${head}*${fitEscaped(oneLine(titleLabel(s)), Math.max(1, room - 2))}*`;
}

/** "DW, published 17 Feb 2022": an outlet with its date, escaped. */
function outletWithDate(s: SourceInfo, locale: Locale): string {
  return `${escapeText(outletLabel(s))}, ${publishedLabel(s, locale)}`;
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

/**
 * The short answer with the [n] of its passage; where sources disagree, the other values with
 * theirs, so that a disputed figure never reads as settled: "**Answer:** 2,400 [1] — sources disagree:
 * close to 3000 [2]". Null when there is no short answer to give.
 */
export function answerHeadline(answer: Answer, locale: Locale = 'en'): string | null {
  if (answer.error || answer.status !== 'answered' || !answer.answer) return null;
  const value = `${fitEscaped(oneLine(answer.answer), 300)} [1]`;
  const sides = answer.conflict ?? [];
  const own = sides.find((side) => side.citations.includes(0));
  const others = sides.filter((side) => side !== own && side.citations.length > 0);
  if (others.length === 0) return `**${t(locale, 'answer')}** ${value}`;
  const disputed = others
    .map(
      (side) =>
        `${fitEscaped(oneLine(side.value), 100)} ${side.citations.map((i) => `[${i + 1}]`).join(' ')}`,
    )
    .join('; ');
  return `**${t(locale, 'answer')}** ${value} — ${t(locale, 'sourcesDisagree')} ${disputed}`;
}

function answerHeader(answer: Answer, mode: AnswerView['mode'], locale: Locale): string[] {
  if (mode === 'claim') {
    const claim = `${t(locale, 'message')} ${fitEscaped(oneLine(answer.question), 300)}`;
    if (answer.error || answer.citations.length === 0) return [claim, t(locale, 'claimNothing')];
    if (answer.status === 'no_answer') return [claim, t(locale, 'claimNoAnswer')];
    const agree = answer.citations.filter((c) => c.stance === 'agrees').length;
    const differ = answer.citations.filter((c) => c.stance === 'differs').length;
    if (agree + differ > 0) return [claim, t(locale, 'claimStance', { agree, differ })];
    return [claim, t(locale, 'claimClosest')];
  }
  if (answer.error) return [`${t(locale, 'notUsable')} ${fitEscaped(answer.error, 300)}`];
  const within = answer.filter ? [`*Within ${fitEscaped(describeFilter(answer.filter), 300)}*`] : [];
  if (answer.filter?.empty) return [`**Nothing to answer from.** ${fitEscaped(answer.filter.empty, 1500)}`];
  if (answer.status === 'answered') {
    // No "Answer:" line when the first passage gives no answer of the type asked: that would be a confident non-answer.
    return [...within, answerHeadline(answer, locale) ?? t(locale, 'noShortAnswer')];
  }
  if (answer.citations.length === 0) return [...within, t(locale, 'noConfidentNothing')];
  return [...within, t(locale, 'noConfident')];
}

function conflictField(answer: Answer, locale: Locale): APIEmbedField | null {
  if (!answer.conflict || answer.conflict.length === 0) return null;
  const lines = answer.conflict.map((side) => {
    const who = side.sources.map((s) => outletWithDate(s, locale)).join('; ');
    const refs = side.citations.map((i) => `[${i + 1}]`).join(' ');
    return `• **${fitEscaped(oneLine(side.value), 100)}**: ${who}${refs ? ` ${refs}` : ''}`;
  });
  return {
    name: t(locale, 'sourcesDisagreeTitle'),
    value: joinWithin(
      lines.map((l) => truncateAtWord(l, LIMITS.fieldValue)),
      LIMITS.fieldValue,
    ),
  };
}

/** The lines above a passage: its number and source, and the other outlets carrying it. */
function citationHead(c: Citation, number: number, locale: Locale): string {
  const mark = c.stance
    ? `${c.stance === 'agrees' ? ` · ✅ ${t(locale, 'sameFigure')}` : ` · ⚠️ ${t(locale, 'differentFigure')}`}${c.stance === 'differs' && c.value ? `: ${escapeText(c.value)}` : ''}`
    : '';
  const lines = [`**[${number}]** ${sourceMarkdown(c, SOURCE_LINE_MAX, locale)}${mark}`];
  if (c.alsoIn.length > 0)
    lines.push(
      truncateAtWord(
        `${t(locale, 'alsoIn')}: ${c.alsoIn.map((s) => outletWithDate(s, locale)).join('; ')}`,
        200,
      ),
    );
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
  const locale = view.locale ?? 'en';

  const header = [
    ...(view.notice ? [`*${fitEscaped(view.notice, 300)}*`] : []),
    ...answerHeader(answer, view.mode, locale),
  ];
  const label =
    view.mode === 'question' && answer.status === 'no_answer' && shown.length > 0
      ? [t(locale, 'closest')]
      : [];
  const top = (shown.length > 0 ? [...header, '', ...label] : header).join('\n');

  // Everything but the quotes is small and bounded; the quotes share what is left of the description:
  // each block is head + "\n> " + quote, blocks are separated by a blank line and follow the top after "\n".
  const heads = shown.map((c, k) => citationHead(c, page * perPage + k + 1, locale));
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
      ? t(locale, 'claimTitle')
      : fitEscaped(oneLine(answer.question), LIMITS.embedTitle) || 'Question';
  const fields = [conflictField(answer, locale)].filter((f): f is APIEmbedField => f !== null);
  const color =
    answer.status === 'no_answer' || answer.error
      ? COLORS.noAnswer
      : answer.conflict
        ? COLORS.conflict
        : answer.answer === null && view.mode === 'question'
          ? COLORS.noAnswer
          : COLORS.answered;

  const footerParts: string[] = [];
  if (shown.length > 0) {
    const from = page * perPage + 1;
    footerParts.push(
      t(locale, 'passages', { from, to: from + shown.length - 1, total: answer.citations.length }),
      t(locale, 'verbatim'),
    );
    if (shown.some((c) => c.publishedApprox)) footerParts.push(t(locale, 'inferredNote'));
  }

  const embed: APIEmbed = { description, color };
  if (view.showTitle !== false || view.mode === 'claim') embed.title = title;
  if (fields.length > 0) embed.fields = fields;
  if (footerParts.length > 0) embed.footer = { text: footerParts.join(' · ') };

  const buttons: APIButtonComponent[] = [];
  if (view.stateId) {
    if (page > 0)
      buttons.push(
        button(
          `${ANSWER_BUTTONS.page}:${view.stateId}:${page - 1}`,
          t(locale, 'previous'),
          ButtonStyle.Secondary,
        ),
      );
    if (page < pages - 1)
      buttons.push(
        button(`${ANSWER_BUTTONS.page}:${view.stateId}:${page + 1}`, t(locale, 'more'), ButtonStyle.Primary),
      );
    if (view.isPrivate)
      buttons.push(
        button(`${ANSWER_BUTTONS.post}:${view.stateId}:${page}`, t(locale, 'post'), ButtonStyle.Secondary),
      );
    if (view.report)
      buttons.push(
        button(`${ANSWER_BUTTONS.report}:${view.stateId}`, t(locale, 'report'), ButtonStyle.Secondary),
      );
  }
  return { embeds: [embed], components: row(buttons) };
}

/** How many quotations `/quote` shows in one reply (one copy button each, five to a row). */
export const QUOTES_SHOWN = 5;

/** How a quotation lookup is shown. */
export interface QuotesView {
  speaker: string | null;
  locale?: Locale;
  /** Key of the stored citation lines the copy buttons refer to; null shows no buttons. */
  stateId?: string | null;
}

/**
 * Renders a quotation lookup: each quotation in its sentence, its speaker, outlet and date, the
 * other outlets carrying it, and a copy-ready citation line (an exactly dated outlet cited first),
 * with a **Copy citation** button per quotation that sends the line as plain text.
 */
export function renderQuotes(result: QuotationLookup, options: QuotesView): RenderedMessage {
  const locale = options.locale ?? 'en';
  const query = oneLine(result.query);
  const who = options.speaker ? t(locale, 'quoteFrom', { speaker: fitEscaped(options.speaker, 100) }) : '';
  if (result.error) return { content: `${t(locale, 'quoteLookup')} ${fitEscaped(result.error, 300)}` };
  if (result.quotes.length === 0) {
    const what = query ? t(locale, 'quoteMatches', { query: fitEscaped(query, 300) }) : '';
    return { content: t(locale, 'quoteNone', { what, who }) };
  }

  const shown = result.quotes.slice(0, QUOTES_SHOWN);
  const titleText = query
    ? t(locale, 'quoteTitleQuery', {
        query,
        who: options.speaker ? t(locale, 'quoteFrom', { speaker: options.speaker }) : '',
      })
    : t(locale, 'quoteTitleSpeaker', { speaker: options.speaker ?? t(locale, 'quoteEveryone') });
  const title = fitEscaped(titleText, LIMITS.embedTitle);
  const footer =
    result.quotes.length > shown.length
      ? t(locale, 'quoteMore', { shown: shown.length, total: result.quotes.length })
      : t(locale, 'quoteCount', { shown: shown.length });
  // All fields share the 6000-character budget of a message's embeds.
  const perField = Math.min(
    LIMITS.fieldValue,
    Math.floor((LIMITS.embedTotal - 200 - title.length - footer.length) / shown.length) - 60,
  );

  const fields: APIEmbedField[] = shown.map((q, i) => {
    const name = truncateAtWord(`[${i + 1}] ${oneLine(q.speaker ?? t(locale, 'quoteUnattributed'))}`, 60);
    const source = sourceMarkdown(q, Math.min(SOURCE_LINE_MAX, Math.floor(perField * 0.3)), locale);
    const also =
      q.alsoIn.length > 0
        ? truncateAtWord(
            `${t(locale, 'alsoIn')}: ${q.alsoIn.map((s) => outletWithDate(s, locale)).join('; ')}`,
            Math.floor(perField * 0.2),
          )
        : null;
    const cite = `${t(locale, 'cite')}: ${inlineCode(q.citation, Math.floor(perField * 0.45))}`;
    const fixedLength = source.length + (also ? also.length + 1 : 0) + cite.length + 2;
    const context = `> ${fitEscaped(oneLine(q.context), Math.max(20, perField - fixedLength - 4))}`;
    const value = joinWithin([context, source, ...(also ? [also] : []), cite], perField);
    return { name: escapeText(name), value };
  });
  const buttons = options.stateId
    ? shown.map((_q, i) =>
        button(
          `${COPY_BUTTON}:${options.stateId}:${i}`,
          shown.length > 1 ? `${t(locale, 'copy')} [${i + 1}]` : t(locale, 'copy'),
          ButtonStyle.Secondary,
        ),
      )
    : [];
  return {
    embeds: [{ title, color: COLORS.answered, fields, footer: { text: footer } }],
    components: row(buttons),
  };
}

/** Articles per page of `/sources`. */
export const SOURCES_PER_PAGE = 10;

/** Renders one page of the source list: outlet, date, title and id of each article. */
export function renderSourceList(list: ArticleSummary[], page = 0, locale: Locale = 'en'): RenderedMessage {
  if (list.length === 0)
    return {
      content: locale === 'fr' ? 'Le corpus n’a aucun article chargé.' : 'The corpus has no articles loaded.',
    };
  const pages = Math.ceil(list.length / SOURCES_PER_PAGE);
  const current = Math.max(0, Math.min(pages - 1, Math.floor(page) || 0));
  const shown = list.slice(current * SOURCES_PER_PAGE, (current + 1) * SOURCES_PER_PAGE);
  const lines = shown.map(
    (s, k) =>
      `**${current * SOURCES_PER_PAGE + k + 1}.** ${sourceMarkdown(s, SOURCE_LINE_MAX, locale)}\n${inlineCode(s.articleId, 110)}`,
  );
  const footer =
    locale === 'fr'
      ? `${list.length} article${list.length === 1 ? '' : 's'}${pages > 1 ? ` · page ${current + 1} sur ${pages}` : ''} · /source article: montre un article`
      : `${list.length} article${list.length === 1 ? '' : 's'}${pages > 1 ? ` · page ${current + 1} of ${pages}` : ''} · /source id: shows one article`;
  const buttons: APIButtonComponent[] = [];
  if (current > 0)
    buttons.push(
      button(
        `${SOURCES_PAGE_BUTTON}:${current - 1}`,
        locale === 'fr' ? 'Précédent' : 'Previous',
        ButtonStyle.Secondary,
      ),
    );
  if (current < pages - 1)
    buttons.push(
      button(
        `${SOURCES_PAGE_BUTTON}:${current + 1}`,
        locale === 'fr' ? 'Suivant' : 'Next',
        ButtonStyle.Primary,
      ),
    );
  return {
    embeds: [
      {
        title: locale === 'fr' ? 'Les sources du corpus' : 'Sources in the corpus',
        description: joinWithin(lines, LIMITS.embedDescription),
        color: COLORS.info,
        footer: { text: footer },
      },
    ],
    components: row(buttons),
  };
}

/** Renders one article's metadata, how its date was worked out where inferred, and its opening paragraph. */
export function renderSource(s: ArticleSummary, locale: Locale = 'en'): RenderedMessage {
  const url = safeUrl(s.url);
  const fields: APIEmbedField[] = [
    { name: t(locale, 'outlet'), value: fitEscaped(outletLabel(s), 200), inline: true },
    { name: t(locale, 'publishedField'), value: publishedLabel(s, locale), inline: true },
    { name: t(locale, 'passagesIndexed'), value: String(s.passages), inline: true },
  ];
  if (s.publishedApprox && s.publishedNote)
    fields.push({ name: t(locale, 'howInferred'), value: fitEscaped(oneLine(s.publishedNote), 1000) });
  fields.push({ name: 'ID', value: inlineCode(s.articleId, 200) });
  const description = s.opening
    ? `> ${fitEscaped(oneLine(s.opening), LIMITS.embedDescription - 100)}`
    : t(locale, 'noBody');
  const embed: APIEmbed = {
    title: fitEscaped(oneLine(titleLabel(s)), LIMITS.embedTitle),
    description,
    color: COLORS.info,
    fields,
    footer: { text: t(locale, 'opening') },
  };
  if (url) embed.url = url;
  return { embeds: [embed] };
}

const HELP: Record<Locale, { title: string; lines: string[]; qa: string; dates: string }> = {
  en: {
    title: 'What I can do',
    lines: [
      'I answer questions about France’s 2022 military withdrawal from Mali from a corpus of news articles, quoting them word for word with outlet and date.',
      '',
      '**/ask** `question` — a short answer, then the passages it comes from. `private:` shows it only to you; `sources:` sets how many passages (1–10); `outlet:`, `from:` and `to:` (2022, 2022-08 or 2022-08-15) ask within one outlet or dates.',
      '**/timeline** `topic` — the events the corpus dates, in date order, each quoted with its source.',
      '**/quote** `query` `speaker` — quotations, with a citation line ready to paste (**Copy citation** sends it as plain text).',
      '**/sources** — every article in the corpus; **/source** `id` — one article and its opening paragraph.',
      '**Find in sources** (right-click a message → Apps) — the passages closest to what the message claims.',
      'Or mention me with a question. **Report a problem** under an answer tells the newsroom’s editors what is wrong.',
    ],
    qa: 'Questions asked in {channels} are answered in a thread.',
    dates:
      'Dates marked “(inferred)” were worked out, not printed in the article. “Sources disagree” means outlets report different figures; both are quoted.',
  },
  fr: {
    title: 'Ce que je sais faire',
    lines: [
      'Je réponds aux questions sur le retrait militaire français du Mali en 2022 à partir d’un corpus d’articles, en les citant mot pour mot avec média et date.',
      '',
      '**/demander** `question` — une réponse courte, puis les passages d’où elle vient. `privé:` la montre à vous seul ; `passages:` règle leur nombre (1 à 10) ; `média:`, `depuis:` et `jusqu-au:` (2022, 2022-08 ou 2022-08-15) limitent à un média ou à des dates.',
      '**/chronologie** `sujet` — les événements que le corpus date, dans l’ordre, chacun cité avec sa source.',
      '**/citation** `recherche` `auteur` — les citations, avec une ligne prête à coller (**Copier la citation** l’envoie en texte simple).',
      '**/sources** — tous les articles du corpus ; **/source** `article` — un article et son premier paragraphe.',
      '**Chercher dans les sources** (clic droit sur un message → Applications) — les passages les plus proches de ce que dit le message.',
      'Ou mentionnez-moi avec une question. **Signaler un problème** sous une réponse prévient les éditeurs de la rédaction.',
    ],
    qa: 'Les questions posées dans {channels} reçoivent une réponse dans un fil.',
    dates:
      'Les dates marquées « (date déduite) » sont établies, pas imprimées dans l’article. « Les sources divergent » : les médias donnent des chiffres différents, tous deux cités.',
  },
};

/** What the bot can do, in a few lines. */
export function renderHelp(qaChannelIds: readonly string[] = [], locale: Locale = 'en'): RenderedMessage {
  const help = HELP[locale];
  const lines = [...help.lines];
  if (qaChannelIds.length > 0)
    lines.push(help.qa.replace('{channels}', qaChannelIds.map((id) => `<#${id}>`).join(', ')));
  lines.push('', help.dates);
  return { embeds: [{ title: help.title, description: lines.join('\n'), color: COLORS.info }] };
}

/** What a user is told when `outlet:`, `from:` or `to:` cannot be used. */
export function renderFilterError(error: FilterError): RenderedMessage {
  return { content: fitEscaped(`Could not use ${error.message}`, LIMITS.content) };
}

/** The short notice a user gets while cooling down. */
export function renderCooldown(waitMs: number, locale: Locale = 'en'): RenderedMessage {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return { content: t(locale, 'cooldown', { seconds }) };
}

/** A short plain message, escaped and cut to the content limit. */
export function renderNotice(text: string): RenderedMessage {
  return { content: fitEscaped(text, LIMITS.content) };
}

/** A thread name from a question: one line, cut at a word boundary to Discord's 100 characters. */
export function threadName(question: string): string {
  return truncateAtWord(oneLine(question), LIMITS.threadName) || 'Question';
}
