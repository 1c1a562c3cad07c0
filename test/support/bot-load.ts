/**
 * Drives the real bot under load, shared by `npm run bench:load` (test/bench/load.ts) and
 * test/reliability/bot-memory.test.ts: the development questions, a counting logger, an in-memory
 * Discord for interaction replies ({@link RestSink}) and the 10,000-interaction series. See
 * test/bench/load.ts for what is measured and why the series answers in memory.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { DefaultRestOptions, type Client, type ResponseLike, type TextChannel } from 'discord.js';
import type { Bot } from '../../src/bot/bot.js';
import { Cooldown } from '../../src/bot/cooldown.js';
import type { Logger, LogFields } from '../../src/bot/log.js';
import { option, startBot, type Harness } from '../bot/harness.js';
import { snowflake, waitForClientReady, type JsonObject } from './fake-discord.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// ---------------------------------------------------------------------------------------------
// Questions

interface DevSet {
  ask: Array<{ question: string }>;
  quote: Array<{ query: string; speaker?: string }>;
}

/** The development questions and quotation queries (test/data/eval/dev.json). */
export function devQuestions(): {
  questions: string[];
  quotes: Array<{ query: string; speaker: string | null }>;
} {
  const dev = JSON.parse(readFileSync(join(ROOT, 'test', 'data', 'eval', 'dev.json'), 'utf8')) as DevSet;
  return {
    questions: dev.ask.map((a) => a.question),
    quotes: dev.quote.map((q) => ({ query: q.query, speaker: q.speaker ?? null })),
  };
}

// ---------------------------------------------------------------------------------------------
// A logger that counts instead of writing (a bench or a memory test must not grow a log array).

/** Counts log lines by level; keeps the first few warnings and errors to show. */
export function countingLogger(): Logger & {
  counts: Record<'debug' | 'info' | 'warn' | 'error', number>;
  samples: string[];
} {
  const counts = { debug: 0, info: 0, warn: 0, error: 0 };
  const samples: string[] = [];
  const at =
    (level: keyof typeof counts) =>
    (message: string, fields?: LogFields): void => {
      counts[level] += 1;
      if ((level === 'warn' || level === 'error') && samples.length < 5) {
        const error = fields?.error instanceof Error ? ` (${fields.error.message})` : '';
        samples.push(`${level.toUpperCase()} ${message}${error}`);
      }
    };
  return { counts, samples, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

// ---------------------------------------------------------------------------------------------
// The in-memory Discord for interaction replies

/** How an interaction ended, as seen by Discord. */
export type Outcome = 'answered' | 'paged' | 'suggested' | 'cooldown' | 'expired-state' | 'notice';

interface PendingInteraction {
  id: string;
  token: string;
  channelId: string;
  dispatchedAt: number;
  firstAt: number | null;
  resolve: (outcome: Outcome) => void;
}

/**
 * `rest.makeRequest` for discord.js: answers interaction callbacks and interaction-webhook requests
 * (edits, follow-ups, deletes) in memory as Discord would, and forwards every other request to the
 * real network (the fake). Keeps only the interactions in flight and a bounded list of recent
 * answer-state ids (for clicking "More passages").
 */
export class RestSink {
  private readonly pending = new Map<string, PendingInteraction>();
  private readonly byToken = new Map<string, PendingInteraction>();
  /** Most recent paging state ids seen in replies, newest last (bounded). */
  readonly stateIds: string[] = [];
  /** Dispatch→first response and dispatch→final reply, in ms, when recording. */
  readonly firstMs: number[] = [];
  readonly finalMs: number[] = [];
  recordTimes = false;
  private botUser: JsonObject = {};

  constructor(private readonly forward = DefaultRestOptions.makeRequest) {}

  /** The bot's user, as Discord sends it in message objects. */
  setBotUser(client: Client<true>): void {
    this.botUser = {
      id: client.user.id,
      username: client.user.username,
      discriminator: '0',
      global_name: null,
      avatar: null,
      bot: true,
    };
  }

  /** Expects replies to an interaction; resolves with how it ended. */
  expect(id: string, token: string, channelId: string): Promise<Outcome> {
    return new Promise((resolve) => {
      const entry: PendingInteraction = {
        id,
        token,
        channelId,
        dispatchedAt: performance.now(),
        firstAt: null,
        resolve,
      };
      this.pending.set(id, entry);
      this.byToken.set(token, entry);
    });
  }

  /** How many interactions still wait for a reply. */
  get inFlight(): number {
    return this.pending.size;
  }

  readonly makeRequest = async (
    url: string,
    init: Parameters<typeof DefaultRestOptions.makeRequest>[1],
  ): Promise<ResponseLike> => {
    const path = new URL(url).pathname.replace(/^.*?\/v\d+(?=\/)/, '');
    const method = (init.method ?? 'GET').toUpperCase();
    const callback = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path);
    if (callback)
      return this.onCallback(
        callback[1]!,
        typeof init.body === 'string' ? (JSON.parse(init.body) as JsonObject) : {},
      );
    const webhook = /^\/webhooks\/\d+\/([^/]+)(?:\/messages\/([^/]+))?$/.exec(path);
    if (webhook)
      return this.onWebhook(
        webhook[1]!,
        method,
        typeof init.body === 'string' ? (JSON.parse(init.body) as JsonObject) : {},
      );
    return this.forward(url, init);
  };

  private onCallback(id: string, body: JsonObject): ResponseLike {
    const entry = this.pending.get(id);
    if (!entry) return respond(404, { message: 'Unknown interaction', code: 10062 });
    const now = performance.now();
    entry.firstAt ??= now;
    const type = body.type as number;
    const data = (body.data as JsonObject | undefined) ?? {};
    if (type === 4) {
      const content = typeof data.content === 'string' ? data.content : '';
      // Another user's click on "More passages" gets that page privately, as an embed.
      const paged = Array.isArray(data.embeds) && data.embeds.length > 0;
      if (paged) this.noteStates(data);
      this.finish(
        entry,
        content.startsWith('You are asking quickly') ? 'cooldown' : paged ? 'paged' : 'notice',
        now,
      );
    } else if (type === 7) {
      // A button whose state is no longer kept is removed: the update carries no embeds, only empty components.
      const removed = !('embeds' in data) && Array.isArray(data.components) && data.components.length === 0;
      this.noteStates(data);
      this.finish(entry, removed ? 'expired-state' : 'paged', now);
    } else if (type === 8) {
      this.finish(entry, 'suggested', now);
    }
    // 5 (deferred reply) and 6 (deferred update): the answer follows as an edit or a follow-up.
    return respond(204);
  }

  private onWebhook(token: string, method: string, body: JsonObject): ResponseLike {
    const entry = this.byToken.get(token);
    if (!entry) return respond(404, { message: 'Unknown Webhook', code: 10015 });
    if (method === 'DELETE') return respond(204);
    const message = this.message(entry, body);
    if (method === 'PATCH') {
      this.noteStates(body);
      this.finish(entry, 'answered', performance.now());
    } else if (method === 'POST') {
      this.finish(entry, 'notice', performance.now());
    }
    return respond(200, message);
  }

  private finish(entry: PendingInteraction, outcome: Outcome, at: number): void {
    if (this.recordTimes) {
      this.firstMs.push((entry.firstAt ?? at) - entry.dispatchedAt);
      this.finalMs.push(at - entry.dispatchedAt);
    }
    this.pending.delete(entry.id);
    // The token stays usable for a moment (a follow-up may still come), then is forgotten.
    setTimeout(() => {
      if (this.byToken.get(entry.token) === entry) this.byToken.delete(entry.token);
    }, 1000).unref();
    entry.resolve(outcome);
  }

  private noteStates(message: JsonObject): void {
    for (const row of (message.components as
      | Array<{ components?: Array<{ custom_id?: string }> }>
      | undefined) ?? []) {
      for (const component of row.components ?? []) {
        const state = /^ask:page:([a-z0-9]+):/.exec(component.custom_id ?? '')?.[1];
        if (state && !this.stateIds.includes(state)) this.stateIds.push(state);
      }
    }
    if (this.stateIds.length > 2000) this.stateIds.splice(0, this.stateIds.length - 2000);
  }

  private message(entry: PendingInteraction, body: JsonObject): JsonObject {
    return {
      ...botMessage(entry.channelId, this.botUser, {
        content: typeof body.content === 'string' ? body.content : '',
        embeds: Array.isArray(body.embeds) ? body.embeds : [],
        components: Array.isArray(body.components) ? body.components : [],
        flags: typeof body.flags === 'number' ? body.flags : 0,
      }),
      webhook_id: this.botUser.id,
      application_id: this.botUser.id,
    };
  }
}

/** A message the bot posted, as Discord returns it, with the given content fields. */
function botMessage(
  channelId: string,
  author: JsonObject,
  fields: { content: string; embeds: unknown[]; components: unknown[]; flags: number },
): JsonObject {
  return {
    id: snowflake(),
    type: 20,
    channel_id: channelId,
    author,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    pinned: false,
    ...fields,
  } as JsonObject;
}

/** A fetch Response is what discord.js's own fetch strategy returns; the cast bridges two typings of web streams. */
function respond(status: number, body?: unknown): ResponseLike {
  const response =
    body === undefined
      ? new Response(null, { status })
      : new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  return response as unknown as ResponseLike;
}

// ---------------------------------------------------------------------------------------------
// Raw interaction payloads, as Discord sends them in INTERACTION_CREATE

interface Where {
  applicationId: string;
  guildId: string;
  channelId: string;
  channel: JsonObject;
  botUser: JsonObject;
}

function whereOf(client: Client<true>): Where {
  const channel = client.channels.cache.find((c) => c.isTextBased() && !c.isThread() && !c.isDMBased()) as
    | TextChannel
    | undefined;
  if (!channel) throw new Error('the bot sees no text channel');
  return {
    applicationId: client.application.id,
    guildId: channel.guildId,
    channelId: channel.id,
    channel: {
      id: channel.id,
      type: 0,
      name: channel.name,
      guild_id: channel.guildId,
      position: 0,
      permission_overwrites: [],
      nsfw: false,
      parent_id: null,
      flags: 0,
    },
    botUser: {
      id: client.user.id,
      username: client.user.username,
      discriminator: '0',
      global_name: null,
      avatar: null,
      bot: true,
    },
  };
}

function userPayload(n: number): JsonObject {
  return {
    id: (200000000000000000n + BigInt(n)).toString(),
    username: `reporter-${n}`,
    global_name: null,
    discriminator: '0',
    avatar: null,
    public_flags: 0,
  };
}

/** A complete INTERACTION_CREATE payload (type 2 command, 3 button or 4 autocomplete) from user number `user`. */
export function interactionPayload(
  where: Where,
  user: number,
  data: JsonObject,
  type: 2 | 3 | 4 = 2,
  message?: JsonObject,
): { payload: JsonObject; id: string; token: string } {
  const id = snowflake();
  const token = `series.${randomBytes(24).toString('base64url')}`;
  const u = userPayload(user);
  const payload: JsonObject = {
    id,
    application_id: where.applicationId,
    type,
    token,
    version: 1,
    data,
    channel: where.channel,
    channel_id: where.channel.id,
    guild_id: where.guildId,
    guild: { id: where.guildId, locale: 'en-US', features: [] },
    guild_locale: 'en-US',
    member: {
      user: u,
      roles: [],
      permissions: '2248473465835073',
      joined_at: '2022-02-17T00:00:00.000Z',
      nick: null,
      avatar: null,
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
      premium_since: null,
      communication_disabled_until: null,
    },
    app_permissions: '2248473465835073',
    locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: { '0': where.guildId },
    context: 0,
    attachment_size_limit: 10_485_760,
    ...(message ? { message } : {}),
  };
  return { payload, id, token };
}

function commandData(name: string, options: JsonObject[]): JsonObject {
  return { id: '1000000000000000001', name, type: 1, options };
}

function buttonMessage(where: Where, customId: string): JsonObject {
  return botMessage(where.channelId, where.botUser, {
    content: '',
    embeds: [],
    components: [
      { type: 1, components: [{ type: 2, style: 1, label: 'More passages', custom_id: customId }] },
    ],
    flags: 0,
  });
}

// ---------------------------------------------------------------------------------------------
// The series

/** A bot logged in to the fake whose interaction replies go to a {@link RestSink}. */
export interface SeriesBot {
  harness: Harness;
  bot: Bot;
  sink: RestSink;
  log: ReturnType<typeof countingLogger>;
  /** The cooldown's clock, in ms: {@link runSeries} moves it on {@link SERIES_STEP_MS} per interaction. */
  clock: { now: number };
  stop(): Promise<void>;
}

/**
 * Time that passes between two interactions of the series, as the cooldown sees it: a newsroom's
 * pace rather than the machine's, so that which requests are refused does not depend on how fast
 * the machine is (a user asks again 5 interactions later: refused; 30 cycles later: answered).
 */
export const SERIES_STEP_MS = 100;

/** Starts the fake and the bot, the bot's REST calls for interactions answered by a sink. */
export async function startSeriesBot(options: { cooldownSeconds: number }): Promise<SeriesBot> {
  const sink = new RestSink();
  const log = countingLogger();
  // The fake's URL is known once it runs: build first, point the REST stack at it, then log in.
  const harness = await startBot({
    noStart: true,
    cooldownSeconds: options.cooldownSeconds,
    fake: { validate: false },
    // discord.js holds every bot to 50 requests a second on its side, edits of interaction replies
    // included (Discord itself exempts interaction endpoints). The series lifts it: it measures the
    // bot's state and memory, not that limiter (whose effect the burst shows).
    bot: {
      log,
      clientOptions: { rest: { makeRequest: sink.makeRequest, globalRequestsPerSecond: 1_000_000 } },
      // A small cap, so that the series also presses buttons whose state was dropped.
      answerStore: { maxEntries: 500 },
    },
  });
  (harness.bot.client.rest.options as { api: string }).api = harness.fake.restUrl;
  await harness.bot.start();
  await waitForClientReady(harness.bot.client);
  sink.setBotUser(harness.bot.client as Client<true>);
  // The bot's own Cooldown class, on a clock the series moves (it takes one, for tests).
  const clock = { now: Date.now() };
  (harness.bot.context as { cooldown: Cooldown }).cooldown = new Cooldown(options.cooldownSeconds, {
    now: () => clock.now,
  });
  return { harness, bot: harness.bot, sink, log, clock, stop: () => harness.stop() };
}

/** What a series did. */
export interface SeriesResult {
  interactions: number;
  outcomes: Record<Outcome, number>;
  kinds: Record<string, number>;
  ms: number;
  /** Largest cooldown map and paging store seen during the series. */
  peakCooldown: number;
  peakAnswers: number;
}

/** discord.js's internal action for INTERACTION_CREATE (not in its typings). */
interface ClientWithActions {
  actions: { InteractionCreate: { handle(data: JsonObject): void } };
}

/** Users in the series: enough to be realistic for a newsroom, few enough that the client's user cache stays small. */
export const SERIES_USERS = 100;

/**
 * Sends `count` interactions one after another (each answered before the next is sent), cycling
 * through: /ask (2 passages a page, so the answer keeps paging state), "More passages" on a
 * recent answer, /quote, speaker autocomplete, a private /ask, a repeat /ask by a user still
 * cooling down, "More passages" on an old answer (perhaps no longer kept), /quote with a speaker,
 * autocomplete again, and /ask from another user.
 */
export async function runSeries(series: SeriesBot, count: number, offset = 0): Promise<SeriesResult> {
  const client = series.bot.client as Client<true>;
  const where = whereOf(client);
  const { questions, quotes } = devQuestions();
  const outcomes: Record<Outcome, number> = {
    answered: 0,
    paged: 0,
    suggested: 0,
    cooldown: 0,
    'expired-state': 0,
    notice: 0,
  };
  const kinds: Record<string, number> = {};
  let peakCooldown = 0;
  let peakAnswers = 0;
  const started = performance.now();
  for (let k = 0; k < count; k++) {
    const i = offset + k;
    const slot = i % 10;
    const question = questions[i % questions.length]!;
    const quote = quotes[i % quotes.length]!;
    let kind: string;
    let sent: { payload: JsonObject; id: string; token: string };
    const state = (recent: boolean): string | undefined => {
      const ids = series.sink.stateIds;
      return recent ? ids.at(-1) : ids[(i * 7919) % Math.max(1, ids.length)];
    };
    // Each interaction comes from the next of SERIES_USERS users, who asks again only ten cycles later,
    // except the deliberate repeat: the user of slot 0 asking again in slot 5, still cooling down.
    const user = (slot === 5 ? i - 5 : i) % SERIES_USERS;
    switch (slot) {
      case 0:
      case 9:
        kind = 'ask';
        sent = interactionPayload(
          where,
          user,
          commandData('ask', [option('question', question), option('sources', 2)]),
        );
        break;
      case 4:
        kind = 'ask private';
        sent = interactionPayload(
          where,
          user,
          commandData('ask', [option('question', question), option('private', true), option('sources', 3)]),
        );
        break;
      case 5:
        kind = 'ask while cooling down';
        sent = interactionPayload(
          where,
          user,
          commandData('ask', [option('question', questions[(i + 1) % questions.length]!)]),
        );
        break;
      case 1:
      case 6: {
        const id = state(slot === 1);
        kind = slot === 1 ? 'More passages' : 'More passages (old answer)';
        const customId = `ask:page:${id ?? 'zzzzzzzz'}:1`;
        sent = interactionPayload(
          where,
          user,
          { custom_id: customId, component_type: 2 },
          3,
          buttonMessage(where, customId),
        );
        break;
      }
      case 2:
      case 7: {
        kind = slot === 2 ? 'quote' : 'quote by speaker';
        const options = [
          option('query', quote.query),
          ...(slot === 7 && quote.speaker ? [option('speaker', quote.speaker)] : []),
        ];
        sent = interactionPayload(where, user, commandData('quote', options));
        break;
      }
      default: {
        kind = 'speaker autocomplete';
        const typed = ['mac', 'le d', '', 'a', 'goï', 'x'][i % 6]!;
        sent = interactionPayload(
          where,
          user,
          commandData('quote', [option('query', quote.query), option('speaker', typed, { focused: true })]),
          4,
        );
      }
    }
    kinds[kind] = (kinds[kind] ?? 0) + 1;
    series.clock.now += SERIES_STEP_MS;
    const done = series.sink.expect(sent.id, sent.token, where.channelId);
    // What discord.js does with an INTERACTION_CREATE dispatch (its handler is exactly this call).
    (client as unknown as ClientWithActions).actions.InteractionCreate.handle(sent.payload);
    const outcome = await withBound(done, 30_000, `interaction ${i} (${kind}) got no reply`);
    outcomes[outcome] += 1;
    peakCooldown = Math.max(peakCooldown, series.bot.context.cooldown.size);
    peakAnswers = Math.max(peakAnswers, series.bot.context.answers.size);
  }
  return { interactions: count, outcomes, kinds, ms: performance.now() - started, peakCooldown, peakAnswers };
}

/** Resolves as `promise` does, or rejects after `ms` naming `what`. */
export function withBound<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms);
  });
  return Promise.race([promise, bound]).finally(() => clearTimeout(timer));
}
