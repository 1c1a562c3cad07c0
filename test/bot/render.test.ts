import type { APIEmbed } from 'discord.js';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatDate, loadEngine, type Answer, type Engine } from '../../src/engine/index.js';
import {
  COLORS,
  renderAnswer,
  renderHelp,
  renderQuotes,
  renderSource,
  renderSourceList,
  threadName,
  type RenderedMessage,
} from '../../src/bot/render.js';
import { embedsLength, enforceLimits, toApiMessage, toSendable } from '../../src/bot/respond.js';
import { escapeText, fitEscaped, LIMITS, truncateAtWord } from '../../src/bot/text.js';
import { describeValidationFailure, validateAgainstSpec } from '../support/openapi.js';
import { FIXTURE_CORPUS_DIR } from '../support/corpus.js';

let engine: Engine;
beforeAll(() => {
  engine = loadEngine(FIXTURE_CORPUS_DIR);
});

const CALLBACK = '/interactions/123456789012345678/aW50ZXJhY3Rpb24tdG9rZW4/callback';
const EDIT_ORIGINAL = '/webhooks/123456789012345678/aW50ZXJhY3Rpb24tdG9rZW4/messages/@original';
const CHANNEL_MESSAGE = '/channels/123456789012345678/messages';

/** Every documented limit of one message, checked field by field. */
function expectWithinLimits(message: RenderedMessage): void {
  if (message.content !== undefined) expect(message.content.length).toBeLessThanOrEqual(LIMITS.content);
  const embeds = message.embeds ?? [];
  expect(embeds.length).toBeLessThanOrEqual(LIMITS.embeds);
  for (const embed of embeds) {
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedTitle);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedDescription);
    expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.footer);
    expect(embed.author?.name.length ?? 0).toBeLessThanOrEqual(LIMITS.author);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.fields);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
      expect(field.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
    }
  }
  expect(embedTotal(embeds)).toBeLessThanOrEqual(LIMITS.embedTotal);
  for (const row of message.components ?? []) {
    for (const component of row.components) {
      if ('label' in component && component.label)
        expect(component.label.length).toBeLessThanOrEqual(LIMITS.buttonLabel);
      if ('custom_id' in component) expect(component.custom_id.length).toBeLessThanOrEqual(LIMITS.customId);
    }
  }
}

/** The 6000-character total, computed here independently of the code under test. */
function embedTotal(embeds: APIEmbed[]): number {
  return embeds
    .map(
      (e) =>
        [
          e.title,
          e.description,
          e.footer?.text,
          e.author?.name,
          ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
        ].join('').length,
    )
    .reduce((a, b) => a + b, 0);
}

/** Validates the bodies this message would be sent as: a callback, an edit of @original, a channel message. */
function expectValidBodies(message: RenderedMessage, ephemeral = false): void {
  const body = toApiMessage(message, { ephemeral });
  for (const [method, path, sent] of [
    ['POST', CALLBACK, { type: 4, data: body }],
    ['PATCH', EDIT_ORIGINAL, body],
    ['POST', CHANNEL_MESSAGE, toApiMessage(message)],
  ] as const) {
    const result = validateAgainstSpec(method, path, sent);
    if (!result.valid) throw new Error(describeValidationFailure(result, sent));
    expect(result.checked).toBe(true);
  }
}

function ask(question: string, limit = 10): Answer {
  return engine.ask(question, limit);
}

const firstPage = (
  answer: Answer,
  extra: Partial<Parameters<typeof renderAnswer>[1]> = {},
): RenderedMessage =>
  renderAnswer(answer, {
    mode: 'question',
    page: 0,
    perPage: 3,
    stateId: 'k3y9abcd',
    isPrivate: false,
    ...extra,
  });

describe('renderAnswer on real engine results', () => {
  it('puts the short answer first, then numbered block quotes with outlet, date and title', () => {
    const answer = ask('Who announced the withdrawal?');
    const message = firstPage(answer);
    const embed = message.embeds![0]!;
    expect(embed.title).toBe('Who announced the withdrawal?');
    const lines = embed.description!.split('\n');
    // The short answer carries the number of the passage it is taken from.
    expect(lines[0]).toBe(`**Answer:** ${answer.answer} [1]`);
    expect(answer.answer).toContain('Macron');
    expect(lines[1]).toBe('');
    // The passages are the engine's first three, verbatim, each under its numbered source line.
    answer.citations.slice(0, 3).forEach((c, i) => {
      const at = lines.indexOf(`> ${escapeText(c.quote.replace(/\s+/g, ' ').trim())}`);
      expect(at).toBeGreaterThan(0);
      const title = c.title === null ? '(no headline)' : c.title;
      const date = c.publishedApprox
        ? `published c. ${formatDate({ ...c, publishedApprox: false })} (inferred)`
        : `published ${formatDate(c)}`;
      expect(lines[c.alsoIn.length > 0 ? at - 2 : at - 1]).toBe(
        `**[${i + 1}]** ${c.outlet ?? 'Outlet not named'} · ${date} · *${title}*`,
      );
    });
    expect(embed.description).not.toContain('**[4]**');
    expect(embed.footer?.text).toBe(
      'Passages 1–3 of 10 · quoted verbatim · “inferred”: the date is worked out, not printed in the article',
    );
    expectWithinLimits(message);
    expectValidBodies(message);
  });

  it('shows "Sources disagree" with both figures and who reports each when the sources conflict', () => {
    const answer = ask('How many French troops were in Mali?');
    expect(answer.conflict).not.toBeNull();
    const embed = firstPage(answer).embeds![0]!;
    // The disagreement is in the headline, before any quote: the figure does not look settled.
    expect(embed.description!.split('\n')[0]).toBe(
      '**Answer:** 2,400 troops [1] — sources disagree: close to 3000 [2]',
    );
    expect(embed.color).toBe(COLORS.conflict);
    expect(embed.fields).toEqual([
      {
        name: 'Sources disagree',
        value:
          '• **2,400**: Brussels Morning Newspaper, published c. 17 Feb 2022 (inferred); Al Jazeera, published c. 15 Aug 2022 (inferred) [1] [3]\n' +
          '• **close to 3000**: Outlet not named, published c. 17 Feb 2022 (inferred) [2]',
      },
    ]);
    expect(embed.description).toContain(
      '**[1]** Brussels Morning Newspaper · published c. 17 Feb 2022 (inferred) · *(no headline)*',
    );
    expectValidBodies(firstPage(answer));
  });

  it('says there is no confident answer and labels the closest passages as such', () => {
    const answer = ask('What is the price of bitcoin today?');
    expect(answer.status).toBe('no_answer');
    const message = firstPage(answer);
    const lines = message.embeds![0]!.description!.split('\n');
    expect(lines[0]).toBe(
      '**No confident answer in the corpus.** The closest passages are below, labelled as such: they may not answer the question.',
    );
    expect(lines[2]).toBe('__Closest passages (not an answer):__');
    expect(lines[3]).toMatch(/^\*\*\[1\]\*\* /);
    expect(message.embeds![0]!.fields).toBeUndefined();
    expectValidBodies(message);
  });

  it('gives a private answer a "Post to channel" button and a "More passages" button while passages remain', () => {
    const answer = ask('Who announced the withdrawal?');
    const buttons = (m: RenderedMessage) =>
      m.components?.flatMap((row) =>
        row.components.map((c) => ('custom_id' in c ? `${c.label} → ${c.custom_id}` : '')),
      ) ?? [];
    expect(buttons(firstPage(answer, { isPrivate: true }))).toEqual([
      'More passages → ask:page:k3y9abcd:1',
      'Post to channel → ask:post:k3y9abcd:0',
    ]);
    expect(buttons(firstPage(answer, { page: 1 }))).toEqual([
      'Previous passages → ask:page:k3y9abcd:0',
      'More passages → ask:page:k3y9abcd:2',
    ]);
    const last = firstPage(answer, { page: 3 });
    expect(buttons(last)).toEqual(['Previous passages → ask:page:k3y9abcd:2']);
    expect(last.embeds![0]!.description).toContain('**[10]**');
    expect(last.embeds![0]!.footer?.text).toMatch(/^Passages 10–10 of 10/);
    expect(buttons(firstPage(answer, { stateId: null }))).toEqual([]);
  });

  it('writes "published" dates, marking inferred ones with "c." and "(inferred)"', () => {
    const description = firstPage(ask('When did France announce its military withdrawal from Mali?'), {
      perPage: 10,
    }).embeds![0]!.description!;
    expect(description).toMatch(
      /\*\*\[\d+\]\*\* DW · published 17 Feb 2022 · \*France announces military withdrawal from Mali\*/,
    );
    expect(description).toMatch(
      /\*\*\[\d+\]\*\* Brussels Morning Newspaper · published c\. 17 Feb 2022 \(inferred\) · /,
    );
  });

  it('links the title when a URL is known', () => {
    const answer = ask('How many French troops were in Mali?');
    const withUrl: Answer = {
      ...answer,
      citations: answer.citations.map((c) => ({ ...c, url: 'https://example.org/mali_(2022)' })),
    };
    expect(firstPage(withUrl).embeds![0]!.description).toContain(
      '**[1]** Brussels Morning Newspaper · published c. 17 Feb 2022 (inferred) · [(no headline)](<https://example.org/mali_%282022%29>)',
    );
    const unsafe: Answer = {
      ...answer,
      citations: answer.citations.map((c) => ({ ...c, url: 'javascript:alert(1)' })),
    };
    expect(firstPage(unsafe).embeds![0]!.description).toContain(
      '**[1]** Brussels Morning Newspaper · published c. 17 Feb 2022 (inferred) · *(no headline)*',
    );
  });

  it('keeps ten long passages within every limit of one message', () => {
    const answer = ask('How many French troops were in Mali?');
    const long = 'The contingent stayed in the region for many more months than planned. '.repeat(40);
    const padded: Answer = {
      ...answer,
      citations: answer.citations.map((c) => ({ ...c, quote: long, title: 'T'.repeat(400) })),
    };
    const message = firstPage(padded, { perPage: 10, isPrivate: true });
    expectWithinLimits(message);
    expect(embedsLength(message.embeds!)).toBeGreaterThan(3500);
    expectValidBodies(message, true);
    const quotes = message.embeds![0]!.description!.split('\n').filter((l) => l.startsWith('> '));
    expect(quotes).toHaveLength(10);
    for (const quote of quotes) {
      // Cut with "…" right after a whole word of the original passage.
      expect(quote.endsWith('…')).toBe(true);
      const kept = quote.slice(2, -1);
      expect(long.startsWith(kept)).toBe(true);
      expect(long.charAt(kept.length)).toBe(' ');
    }
  });
});

describe('a hostile question', () => {
  const hostile =
    `@everyone @here <@123456789012345678> <@&123456789012345678> **bold** __under__ \`code\` \`\`\`block\`\`\` [link](https://evil.example) # heading\n> quote `
      .repeat(14)
      .slice(0, 2000);

  it('renders within every limit, escaped so it shows as written, and pings no one', () => {
    expect(hostile).toHaveLength(2000);
    const message = firstPage(ask(hostile), { isPrivate: true });
    expectWithinLimits(message);
    const title = message.embeds![0]!.title!;
    expect(title.length).toBeLessThanOrEqual(256);
    expect(title.endsWith('…')).toBe(true);
    expect(title).toContain(
      '@\u200beveryone @\u200bhere <\u200b@123456789012345678> <\u200b@&123456789012345678> \\*\\*bold\\*\\* \\_\\_under\\_\\_ \\`code\\`',
    );
    expect(title).not.toMatch(/(^|[^\u200b])@everyone|<@\d/);
    const body = toApiMessage(message, { ephemeral: true });
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(body.flags).toBe(64);
    expectValidBodies(message, true);
  });

  it('as a claim to check, is shown cut and escaped in the description', () => {
    const message = renderAnswer(ask(hostile), {
      mode: 'claim',
      page: 0,
      perPage: 3,
      stateId: 'abcdefgh',
      isPrivate: true,
    });
    const first = message.embeds![0]!.description!.split('\n')[0]!;
    expect(first.startsWith('**Message:** @\u200beveryone')).toBe(true);
    expect(first.length).toBeLessThanOrEqual('**Message:** '.length + 300);
    expect(message.embeds![0]!.title).toBe('Closest passages in the corpus');
    expectWithinLimits(message);
    expectValidBodies(message, true);
  });
});

describe('renderQuotes', () => {
  it('shows each quotation in its sentence with speaker, source, the other outlets and a copy-ready citation line', () => {
    const result = engine.findQuotations('', { speaker: 'Emmanuel Macron', limit: 25 });
    const message = renderQuotes(result, { speaker: 'Emmanuel Macron' });
    const embed = message.embeds![0]!;
    expect(embed.title).toBe('Quotations from Emmanuel Macron');
    const first = embed.fields![0]!;
    expect(first.name).toBe('[1] Emmanuel Macron');
    expect(first.value.split('\n')).toEqual([
      '> “We cannot remain militarily engaged alongside de facto authorities whose strategy and hidden aims we do not share”, Macron told a news conference in announcing the withdrawal.',
      'Brussels Morning Newspaper · published c. 17 Feb 2022 (inferred) · *(no headline)*',
      'Also in: DW, published 17 Feb 2022; Outlet not named, published c. 17 Feb 2022 (inferred)',
      // DW prints its date; the Brussels Morning date is inferred: the line to paste cites DW, in DW's words.
      'Cite: `“We cannot remain militarily engaged alongside de-facto authorities whose strategy and hidden aims we do not share,” Emmanuel Macron said (DW, 17 Feb 2022)`',
    ]);
    expectWithinLimits(message);
    expectValidBodies(message);
  });

  it('says plainly when no quotation matches', () => {
    expect(
      renderQuotes(engine.findQuotations('bitcoin price', { speaker: null }), { speaker: null }),
    ).toEqual({
      content: 'No quotation in the corpus matches “bitcoin price”.',
    });
  });
});

describe('renderSourceList and renderSource', () => {
  it('lists outlet, date, title and id of every article', () => {
    const message = renderSourceList(engine.sources());
    const description = message.embeds![0]!.description!;
    expect(description).toContain(
      '**3.** DW · published 17 Feb 2022 · *France announces military withdrawal from Mali*\n`dw-2022-02-17-france-announces-military-withdrawal-from-mali`',
    );
    expect(message.embeds![0]!.footer?.text).toBe(
      `${engine.sources().length} articles · /source id: shows one article`,
    );
    expectValidBodies(message, true);
  });

  it('shows one article with its metadata and opening paragraph', () => {
    const article = engine.source('dw-2022-02-17-france-announces-military-withdrawal-from-mali')!;
    const embed = renderSource(article).embeds![0]!;
    expect(embed.title).toBe('France announces military withdrawal from Mali');
    expect(embed.fields).toEqual([
      { name: 'Outlet', value: 'DW', inline: true },
      { name: 'Published', value: 'published 17 Feb 2022', inline: true },
      { name: 'Passages indexed', value: String(article.passages), inline: true },
      { name: 'ID', value: '`dw-2022-02-17-france-announces-military-withdrawal-from-mali`' },
    ]);
    expect(embed.description).toBe(`> ${escapeText(article.opening.replace(/\s+/g, ' ').trim())}`);
    expectValidBodies(renderSource(article));
  });

  it('marks an inferred publication date in the article view and says how it was worked out', () => {
    const article = engine.source('al-jazeera-2022-08-15-last-french-troops-leave-mali')!;
    const fields = renderSource(article).embeds![0]!.fields!;
    expect(fields[1]).toEqual({
      name: 'Published',
      value: 'published c. 15 Aug 2022 (inferred)',
      inline: true,
    });
    expect(fields[3]).toEqual({
      name: 'How the date was worked out',
      value:
        'The text says the last troops left "on Monday"; the final French contingent left Mali on Monday 15 August 2022.',
    });
  });
});

describe('text primitives', () => {
  it('cuts at a word boundary and shows an ellipsis, never cutting a word', () => {
    expect(truncateAtWord('France withdrew its troops from Mali', 20)).toBe('France withdrew its…');
    expect(truncateAtWord('France withdrew its troops from Mali', 19)).toBe('France withdrew…');
    expect(truncateAtWord('France withdrew, then left', 17)).toBe('France withdrew…');
    expect(truncateAtWord('short', 20)).toBe('short');
    expect(truncateAtWord('Antidisestablishmentarianism', 10)).toBe('Antidises…');
  });

  it('escapes and cuts so that the escaped text still fits', () => {
    const out = fitEscaped('**a** '.repeat(100), 50);
    expect(out.length).toBeLessThanOrEqual(50);
    expect(out.endsWith('…')).toBe(true);
    expect(out.startsWith('\\*\\*a\\*\\* ')).toBe(true);
  });

  it('cuts a thread name to 100 characters at a word', () => {
    const name = threadName(`Why did ${'the French army '.repeat(10)}leave?`);
    expect(name.length).toBeLessThanOrEqual(100);
    expect(name).toMatch(/army…$|French…$|the…$/);
  });
});

describe('reply hygiene', () => {
  it('adds no-mention rules to every message and suppresses link previews only on plain text with links', () => {
    expect(toSendable({ content: 'See https://example.org' })).toEqual({
      content: 'See https://example.org',
      embeds: [],
      components: [],
      allowedMentions: { parse: [], repliedUser: false },
      flags: 4,
    });
    expect(toSendable({ content: 'No link' }, { ephemeral: true }).flags).toBe(64);
    expect(toSendable(renderHelp()).flags).toBeUndefined();
  });

  it('enforces the limits again on anything a renderer let through', () => {
    const word = 'word ';
    const oversized: RenderedMessage = {
      content: word.repeat(1000),
      embeds: [
        {
          title: word.repeat(100),
          description: word.repeat(1000),
          fields: Array.from({ length: 30 }, () => ({ name: word.repeat(60), value: word.repeat(300) })),
        },
      ],
    };
    const safe = enforceLimits(oversized);
    expectWithinLimits(safe);
    expect(safe.content!.endsWith('word…')).toBe(true);
    expectValidBodies(safe);
  });
});

describe('any text from a corpus or a user', () => {
  it('renders within every limit and as valid bodies, whatever the question, quotes, outlets and titles', () => {
    const base = ask('How many French troops were in Mali?');
    const text = fc.oneof(
      fc.string({ maxLength: 3000, unit: 'binary' }),
      fc
        .array(
          fc.constantFrom(
            '@everyone',
            '<@123456789012345678>',
            '**',
            '`',
            '```',
            '>',
            '#',
            '[x](https://e.example)',
            ' ',
            'word',
            '\n',
            '🇫🇷',
          ),
          { maxLength: 600 },
        )
        .map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(
        text,
        fc.array(fc.tuple(text, text, text), { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 1, max: 10 }),
        (question, parts, perPage) => {
          const answer: Answer = {
            ...base,
            question,
            answer: question.slice(0, 500),
            citations: parts.map(([quote, title, outlet], i) => ({
              ...base.citations[i % base.citations.length]!,
              quote,
              title,
              outlet,
              alsoIn: [],
            })),
          };
          const message = renderAnswer(answer, {
            mode: 'question',
            page: 0,
            perPage,
            stateId: 'abcdefgh',
            isPrivate: true,
          });
          expectWithinLimits(message);
          expectValidBodies(message, true);
          const json = JSON.stringify(message);
          expect(json).not.toMatch(/(^|[^\u200b])@everyone/);
          expect(json).not.toMatch(/<@\d/);
        },
      ),
      { numRuns: 150 },
    );
  });
});
