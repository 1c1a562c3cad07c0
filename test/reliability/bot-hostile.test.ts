/**
 * Hostile input through every way a user can reach the bot, with the real bot (createBot +
 * discord.js Client + commands + engine) against the local fake Discord: `/ask question:`,
 * `/quote query:`, `/quote speaker:` (the command and its autocomplete), the "Find in sources"
 * context menu, and a message in a Q&A channel. Every input gets a reply, nothing pings anyone
 * (no `@everyone`, `@here`, user or role mention survives unescaped), and every body matches
 * Discord's OpenAPI spec.
 *
 * Options are sent as Discord can deliver them: cut to the command's max length (1000 for a
 * question, 300 for a quotation query, 100 for a speaker); message content is cut to 4000
 * (Discord's limit with Nitro), so over-long input reaches the bot through a message.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENERIC_ERROR } from '../../src/bot/respond.js';
import type { JsonObject, RecordedRequest } from '../support/fake-discord.js';
import { assertNobodyPinged, embedOf, option, startBot, type Harness } from '../bot/harness.js';
import { hostileKinds } from '../support/hostile.js';

// ---------------------------------------------------------------------------------------------
// The same hostile strings the engine's property tests use (test/support/hostile.ts).

const hostile: fc.Arbitrary<string> = fc.oneof(...hostileKinds);

/** One of each kind, always run. */
const FIXED: readonly string[] = [
  '',
  ' ',
  '\u200B',
  '\t\n \r\n\u3000\u2003',
  'x'.repeat(10_000),
  'Mali troops '.repeat(900).slice(0, 10_000),
  '🇫🇷🇲🇱 👨‍👩‍👧‍👦 🪖 troops?',
  'انسحاب القوات الفرنسية من مالي؟',
  '\u202Eevil\u202C \u200Fabc\u200E \u2067Mali\u2069 Fr\u200Bance\u2060',
  'Mali\u0000troops\u0007\u001B[31m\u007F\u009B',
  '.*+?^${}()|[]\\ (?<a>x)\\k<a> [^ {2,} $& $1',
  '**bold** __under__ ~~strike~~ ||spoiler|| `code` ```fence``` > quote >>> # Heading -# small [link](http://x)',
  '@everyone @here <@123> <@!123> <@&456> <#789> </ask:1> who left Mali?',
  '@everyone',
  'the of and is a to in was it what who why how when',
  '2400 4300 2022 17',
  Array(300).fill('troops').join(' '),
];

// ---------------------------------------------------------------------------------------------

/** What Discord would deliver for an option of at most `max` characters. */
const cut = (s: string, max: number) => s.slice(0, max);
const QUESTION_MAX = 1000;
const QUERY_MAX = 300;
const SPEAKER_MAX = 100;
const MESSAGE_MAX = 4000;
const REPLY_BOUND_MS = 15_000;

let h: Harness;
let inputs = 0;

beforeAll(async () => {
  h = await startBot({ qa: true });
});

afterAll(async () => {
  await h?.stop();
});

function accepted(r: RecordedRequest): boolean {
  return r.status !== undefined && r.status >= 200 && r.status < 300;
}

/** The reply to a command: its callback, and when that was a deferral, the edit or follow-up that followed. */
async function commandReply(id: string): Promise<RecordedRequest> {
  const first = await h.fake.waitForRequest(
    (r) => r.interactionId === id && r.path.endsWith('/callback') && accepted(r),
    {
      timeoutMs: REPLY_BOUND_MS,
      description: `the callback of interaction ${id}`,
    },
  );
  if ((first.body as { type?: number }).type !== 5) return first;
  return h.fake.waitForRequest(
    (r) =>
      r.interactionId === id &&
      r.path.startsWith('/webhooks/') &&
      ['PATCH', 'POST'].includes(r.method) &&
      accepted(r),
    {
      timeoutMs: REPLY_BOUND_MS,
      description: `the answer to interaction ${id}`,
    },
  );
}

/** The bot's reply to a Q&A channel message: in the thread started from it, or as a reply in the channel. */
function messageReply(messageId: string): Promise<RecordedRequest> {
  return h.fake.waitForRequest(
    (r) =>
      r.method === 'POST' &&
      accepted(r) &&
      (r.path === `/channels/${messageId}/messages` ||
        (r.path === `/channels/${h.qaChannelId}/messages` &&
          (r.body as { message_reference?: { message_id?: string } }).message_reference?.message_id ===
            messageId)),
    { timeoutMs: REPLY_BOUND_MS, description: `the answer to message ${messageId}` },
  );
}

/** The message body of a reply request (a callback's `data`, or the body itself). */
function messageOf(request: RecordedRequest): JsonObject {
  const body = request.body as JsonObject;
  return request.path.endsWith('/callback') ? ((body.data as JsonObject | undefined) ?? {}) : body;
}

/** Every text of a message that Discord renders (and could turn into a mention). */
function renderedTexts(message: JsonObject): string[] {
  const texts: string[] = [];
  if (typeof message.content === 'string') texts.push(message.content);
  for (const embed of (message.embeds as JsonObject[] | undefined) ?? []) {
    for (const key of ['title', 'description'] as const)
      if (typeof embed[key] === 'string') texts.push(embed[key] as string);
    const footer = embed.footer as { text?: string } | undefined;
    const author = embed.author as { name?: string } | undefined;
    if (footer?.text) texts.push(footer.text);
    if (author?.name) texts.push(author.name);
    for (const field of (embed.fields as Array<{ name: string; value: string }> | undefined) ?? [])
      texts.push(field.name, field.value);
  }
  return texts;
}

const RAW_MENTION = /@everyone|@here|<@[!&]?\d+>/i;

/** The reply reached Discord, pings no one, shows no live mention, and is not the bot's "something went wrong". */
function expectHarmlessReply(request: RecordedRequest, what: string): void {
  const message = messageOf(request);
  expect(message.allowed_mentions, what).toEqual({ parse: [], replied_user: false });
  for (const text of renderedTexts(message))
    expect(
      RAW_MENTION.test(text),
      `${what}: unescaped mention in ${JSON.stringify(text.slice(0, 120))}`,
    ).toBe(false);
  expect(message.content, what).not.toBe(GENERIC_ERROR);
}

const OTHER_USER = { id: '323456789012345678', username: 'editor' };

/** Sends `s` through every surface at once and checks every reply. Returns the replies by surface, and the Q&A message's id. */
async function throughEverySurface(
  s: string,
): Promise<{ replies: Record<string, RecordedRequest>; messageId: string }> {
  inputs++;
  const { fake } = h;
  const label = (surface: string) =>
    `${surface} with ${JSON.stringify(s.slice(0, 60))}${s.length > 60 ? `… (${s.length} chars)` : ''}`;
  const asked = fake.sendInteraction({
    commandName: 'ask',
    options: [option('question', cut(s, QUESTION_MAX))],
  });
  const quoted = fake.sendInteraction({
    commandName: 'quote',
    user: OTHER_USER,
    options: [option('query', cut(s, QUERY_MAX))],
  });
  const bySpeaker = fake.sendInteraction({
    commandName: 'quote',
    user: { id: '423456789012345678', username: 'desk' },
    options: [option('query', 'withdrawal'), option('speaker', cut(s, SPEAKER_MAX))],
  });
  const suggested = fake.sendInteraction({
    type: 4,
    commandName: 'quote',
    options: [option('query', 'withdrawal'), option('speaker', cut(s, SPEAKER_MAX), { focused: true })],
  });
  const found = fake.sendInteraction({
    commandName: 'Find in sources',
    user: { id: '523456789012345678', username: 'fact-checker' },
    targetMessage: { content: cut(s, MESSAGE_MAX) },
  });
  const mention = `<@${fake.applicationId}> `;
  const posted = fake.sendMessage({
    channel_id: h.qaChannelId,
    author: { id: '623456789012345678', username: 'correspondent' },
    content: cut(mention + s, MESSAGE_MAX),
    mentions: [fake.botUser],
  });

  const [ask, quote, speaker, suggestion, find, message] = await Promise.all([
    commandReply(asked.id),
    commandReply(quoted.id),
    commandReply(bySpeaker.id),
    commandReply(suggested.id),
    commandReply(found.id),
    messageReply(posted.id as string),
  ]);
  expect((suggestion.body as { type: number }).type).toBe(8);
  expect((suggestion.body as { data: { choices: unknown[] } }).data.choices.length).toBeLessThanOrEqual(25);
  const replies = { ask, quote, speaker, find, message };
  for (const [surface, reply] of Object.entries(replies)) expectHarmlessReply(reply, label(surface));
  return { replies: { ...replies, suggestion }, messageId: posted.id as string };
}

describe('hostile input through every surface of the bot', () => {
  it('answers each of the fixed hostile inputs everywhere, shown as typed and pinging no one', async () => {
    const replies = new Map<string, Record<string, RecordedRequest>>();
    const messageIds = new Map<string, string>();
    for (const s of FIXED) {
      const result = await throughEverySurface(s);
      replies.set(s, result.replies);
      messageIds.set(s, result.messageId);
    }

    // What a reader sees for a few of them.
    expect(embedOf(replies.get('@everyone')!.ask!.body).title).toBe('@\u200beveryone');
    expect(embedOf(replies.get(FIXED[12]!)!.ask!.body).title).toBe(
      '@\u200beveryone @\u200bhere <\u200b@123> <\u200b@!123> <\u200b@&456> <\u200b#789> <\u200b/ask:1> who left Mali?',
    );
    expect(
      embedOf(replies.get(FIXED[11]!)!.ask!.body).title!.startsWith(
        '\\*\\*bold\\*\\* \\_\\_under\\_\\_ \\~\\~strike\\~\\~ \\|\\|spoiler\\|\\| \\`code\\`',
      ),
    ).toBe(true);
    for (const s of ['', ' ', '\t\n \r\n\u3000\u2003']) {
      expect(embedOf(replies.get(s)!.ask!.body).description, JSON.stringify(s)).toMatch(
        /^\*\*Not a usable question:\*\* /,
      );
      expect((messageOf(replies.get(s)!.find!) as { content?: string }).content).toBe(
        'That message has no text to look up.',
      );
      // A message that only mentions the bot gets the hint.
      expect((messageOf(replies.get(s)!.message!) as { content?: string }).content).toBe(
        'Ask me a question about France’s 2022 withdrawal from Mali, or use /help.',
      );
    }
    // 10,000 characters reach the bot only through a message (cut to 4,000 by Discord): refused as too long, in a thread.
    const long = replies.get('x'.repeat(10_000))!;
    expect(long.message!.path).toBe(`/channels/${messageIds.get('x'.repeat(10_000))}/messages`);
    expect(embedOf(long.message!.body).description).toMatch(/^\*\*Not a usable question:\*\* .*\b1000\b/);
    expect(embedOf(long.ask!.body).title!.length).toBeLessThanOrEqual(256);
  });

  it('answers random hostile inputs everywhere, shown as typed and pinging no one', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, async (s) => {
        await throughEverySurface(s);
      }),
      { numRuns: 20 },
    );
  });

  it('sent only spec-valid bodies with no mentions allowed, and logged no error, for all of it', () => {
    expect(inputs).toBeGreaterThanOrEqual(FIXED.length + 20);
    h.fake.assertAllValid();
    assertNobodyPinged(h.fake);
    expect(h.logs.filter((line) => / ERROR /.test(line))).toEqual([]);
    // Every message the bot sent, whatever the route, carries allowed_mentions with nothing to parse.
    const sent = h.fake.requests.filter(
      (r) =>
        ['POST', 'PATCH'].includes(r.method) &&
        !r.path.endsWith('/threads') &&
        (r.path.includes('/messages') ||
          r.path.endsWith('/callback') ||
          /^\/webhooks\/\d+\/[^/]+$/.test(r.path)),
    );
    for (const r of sent) {
      const body = r.body as JsonObject;
      if (r.path.endsWith('/callback') && ![4, 7].includes(body.type as number)) continue;
      expect(
        (messageOf(r).allowed_mentions as { parse?: unknown[] } | undefined)?.parse,
        `#${r.seq} ${r.method} ${r.path}`,
      ).toEqual([]);
    }
  });
});
