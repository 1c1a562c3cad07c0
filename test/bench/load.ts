/**
 * `npm run bench:load`: the Discord bot under load, measured. Prints figures; asserts nothing.
 *
 * 1. A burst: the local fake Discord (test/support/fake-discord.ts) in this process and the real
 *    bot (createBot: discord.js Client, commands, engine) logged in to it over HTTP and WebSocket;
 *    500 slash commands from 50 users within one second (questions and quotations from
 *    test/data/eval/dev.json). For each: the time from the fake dispatching it to the first
 *    response reaching the fake (the callback: a deferral, or a reply) and to the final reply (the
 *    edit of the deferred reply); answered, refused by the cooldown (which must be private) and
 *    lost (no reply at all: must be 0); first responses later than Discord's 3 s deadline. Run
 *    with the default cooldown (5 s: most of the burst is refused), with the cooldown off (every
 *    command answered), and once more with every request on one discord.js REST manager (as before
 *    src/bot/rest.ts: interaction edits then count against discord.js's own 50 requests/s global
 *    limit), to show what exempting them gains the final replies. Each burst prints the load
 *    average at its start. The fake's spec validation is off here, to
 *    measure the bot rather than the fake's validator.
 *
 * 2. A series: 10,000 interactions in a row (/ask with paging buttons, /quote, autocomplete,
 *    users cooling down) with the heap before and after, after full collections. Through the fake
 *    these take ~20 ms each and the fake keeps a record of every request, which would swamp the
 *    heap figure; so here the real client builds each interaction from its raw gateway payload
 *    (`client.actions.InteractionCreate.handle`, exactly what discord.js does for an
 *    INTERACTION_CREATE dispatch) and the replies go through discord.js's real REST stack to an
 *    in-memory sink ({@link RestSink}) that answers as Discord would and keeps nothing. Everything
 *    else (login, gateway, guild caches) is the fake. The series lifts discord.js's 50 requests/s
 *    limit and runs the cooldown on a clock moved 100 ms per interaction, so what it measures is
 *    the bot's state and memory, the same on any machine. test/reliability/bot-memory.test.ts runs
 *    the same series and asserts its bounds.
 *
 *   npm run bench:load                   both parts
 *   npm run bench:load -- --series N     N interactions in the series (default 10000)
 */
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { REST } from 'discord.js';
import { option, startBot } from '../bot/harness.js';
import { countingLogger, devQuestions, runSeries, startSeriesBot } from '../support/bot-load.js';
import type { RecordedRequest } from '../support/fake-discord.js';
import {
  canCollect,
  formatBytes,
  formatCount,
  formatMs,
  heapUsed,
  summarize,
  table,
} from '../support/stats.js';

// ---------------------------------------------------------------------------------------------
// The burst

/** What a burst did. */
export interface BurstResult {
  cooldownSeconds: number;
  /** Every request through one REST manager under the client-side global limit (the bot before src/bot/rest.ts). */
  sharedGlobalLimit: boolean;
  /** 1-minute load average at the start of the burst. */
  loadAverage: number;
  sent: number;
  users: number;
  /** How long dispatching took (the schedule is one second; a busy process stretches it). */
  dispatchMs: number;
  answered: number;
  refused: number;
  /** Refusals that were not private: must be 0. */
  refusedPublicly: number;
  /** Interactions with no reply at all: must be 0. */
  lost: number;
  /** Answered with something else than an answer or a cooldown notice (an error notice): should be 0. */
  other: number;
  firstMs: number[];
  finalMs: number[];
  missedDeadline: number;
  /** Waits discord.js made to keep under its own 50 requests/s global limit. */
  throttled: number;
  heapBefore: number;
  heapAfter: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** 500 slash commands from 50 users within one second, through the fake; every reply waited for (bounded). */
export async function runBurst(options: {
  cooldownSeconds: number;
  commands?: number;
  users?: number;
  sharedGlobalLimit?: boolean;
}): Promise<BurstResult> {
  const commands = options.commands ?? 500;
  const users = options.users ?? 50;
  const log = countingLogger();
  const h = await startBot({
    cooldownSeconds: options.cooldownSeconds,
    fake: { validate: false },
    bot: { log },
  });
  // The bot as it was before src/bot/rest.ts: one plain REST manager for everything, so interaction
  // edits and follow-ups count against discord.js's client-side global limit.
  if (options.sharedGlobalLimit) {
    const plain = new REST(h.bot.client.options.rest).setToken(h.bot.client.token!);
    h.bot.client.rest.clearHashSweeper();
    h.bot.client.rest.clearHandlerSweeper();
    h.bot.client.rest = plain;
  }
  const loadAverage = loadavg()[0]!;
  try {
    const { questions, quotes } = devQuestions();
    // Warm up (users outside the burst's): the engine's lazy parts (the quotation index) and the REST stack.
    const warmUp = [
      h.fake.sendInteraction({
        commandName: 'ask',
        user: { id: '399999999999999999' },
        options: [option('question', questions[0]!)],
      }),
      h.fake.sendInteraction({
        commandName: 'quote',
        user: { id: '399999999999999998' },
        options: [option('query', quotes[0]!.query)],
      }),
    ];
    for (const { id } of warmUp)
      await h.fake.waitForRequest(
        (r) => r.interactionId === id && r.method === 'PATCH' && r.status === 200,
        10_000,
      );

    let throttled = 0;
    h.bot.client.rest.on('rateLimited', (info) => {
      if (info.global) throttled += 1;
    });
    const heapBefore = heapUsed();
    const dispatched = new Map<string, number>();
    const ticks = 50;
    const perTick = Math.ceil(commands / ticks);
    const start = performance.now();
    let n = 0;
    for (let tick = 0; tick < ticks && n < commands; tick++) {
      const due = start + (tick * 1000) / ticks;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      for (let k = 0; k < perTick && n < commands; k++, n++) {
        const user = {
          id: (300000000000000000n + BigInt(n % users)).toString(),
          username: `reporter-${n % users}`,
        };
        const isQuote = n % 10 >= 7;
        const init = isQuote
          ? { commandName: 'quote', user, options: [option('query', quotes[n % quotes.length]!.query)] }
          : { commandName: 'ask', user, options: [option('question', questions[n % questions.length]!)] };
        const at = performance.now();
        const { id } = h.fake.sendInteraction(init);
        dispatched.set(id, at);
      }
    }
    const dispatchMs = performance.now() - start;

    // Wait (bounded) until every command has its final reply: one pass over the fake's records per look.
    const ok = (r: RecordedRequest) => r.status !== undefined && r.status >= 200 && r.status < 300;
    const replies = (): Map<string, { first?: RecordedRequest; final?: RecordedRequest }> => {
      const byId = new Map<string, { first?: RecordedRequest; final?: RecordedRequest }>();
      for (const r of h.fake.requests) {
        if (!r.interactionId || !dispatched.has(r.interactionId) || !ok(r)) continue;
        const entry = byId.get(r.interactionId) ?? {};
        byId.set(r.interactionId, entry);
        if (r.path.endsWith('/callback')) {
          entry.first ??= r;
          if ((r.body as { type?: number }).type !== 5) entry.final ??= r;
        } else if ((r.method === 'PATCH' && r.path.endsWith('/@original')) || r.method === 'POST')
          entry.final ??= r;
      }
      return byId;
    };
    let seen = replies();
    const deadline = performance.now() + 120_000;
    while ([...dispatched.keys()].some((id) => !seen.get(id)?.final) && performance.now() < deadline) {
      await sleep(200);
      seen = replies();
    }

    const result: BurstResult = {
      cooldownSeconds: options.cooldownSeconds,
      sharedGlobalLimit: options.sharedGlobalLimit ?? false,
      loadAverage,
      sent: dispatched.size,
      users,
      dispatchMs,
      answered: 0,
      refused: 0,
      refusedPublicly: 0,
      lost: 0,
      other: 0,
      firstMs: [],
      finalMs: [],
      missedDeadline: 0,
      throttled,
      heapBefore,
      heapAfter: 0,
    };
    for (const [id, at] of dispatched) {
      const { first, final } = seen.get(id) ?? {};
      if (!first || !final) {
        result.lost += 1;
        continue;
      }
      result.firstMs.push(first.time - at);
      result.finalMs.push(final.time - at);
      if (first.time - at > 3000) result.missedDeadline += 1;
      const body = final.body as {
        type?: number;
        data?: { content?: string; flags?: number };
        embeds?: unknown[];
      };
      if (final === first && body.data?.content?.startsWith('You are asking quickly')) {
        result.refused += 1;
        if (((body.data.flags ?? 0) & 64) === 0) result.refusedPublicly += 1;
      } else if (final !== first && final.method === 'PATCH' && (body.embeds?.length ?? 0) > 0) {
        result.answered += 1;
      } else {
        result.other += 1;
      }
    }
    result.heapAfter = heapUsed();
    return result;
  } finally {
    await h.stop();
  }
}

// ---------------------------------------------------------------------------------------------
// The report

function machineLine(): string {
  const list = cpus();
  const [l1, l5, l15] = loadavg();
  return `machine: ${list[0]?.model.trim() ?? 'unknown cpu'}, ${list.length} cores, load average ${l1!.toFixed(2)} / ${l5!.toFixed(2)} / ${l15!.toFixed(2)}, Node ${process.version}`;
}

function parseArgs(argv: readonly string[]): { series: number } {
  let series = 10_000;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--series') series = Number(argv[++i]);
    else if (argv[i] === '--help' || argv[i] === '-h') {
      console.log('usage: npm run bench:load -- [--series N]');
      process.exit(0);
    } else {
      console.error(`bench:load: unknown option ${argv[i]}`);
      process.exit(2);
    }
  }
  if (!(Number.isInteger(series) && series > 0)) {
    console.error('bench:load: --series takes a positive whole number');
    process.exit(2);
  }
  return { series };
}

async function main(): Promise<void> {
  const { series: seriesCount } = parseArgs(process.argv.slice(2));
  console.log(machineLine());
  if (!canCollect())
    console.log(
      '(run with node --expose-gc, as npm run bench:load does, for heap figures after full collections)',
    );

  console.log(
    '\n1. Burst: 500 slash commands (/ask 70 %, /quote 30 %) from 50 users within one second, through the fake Discord over HTTP and WebSocket',
  );
  const bursts: BurstResult[] = [];
  bursts.push(await runBurst({ cooldownSeconds: 5 }));
  bursts.push(await runBurst({ cooldownSeconds: 0 }));
  bursts.push(await runBurst({ cooldownSeconds: 0, sharedGlobalLimit: true }));
  const rows = bursts.map((b) => {
    const first = summarize(b.firstMs);
    const final = summarize(b.finalMs);
    return [
      `${b.cooldownSeconds === 0 ? 'off' : `${b.cooldownSeconds} s`}${b.sharedGlobalLimit ? ', edits under the global limit' : ''}`,
      `${formatCount(b.sent)} in ${formatMs(b.dispatchMs)}`,
      formatCount(b.answered),
      `${formatCount(b.refused)}${b.refusedPublicly > 0 ? ` (${b.refusedPublicly} public!)` : ''}`,
      `${formatCount(b.lost)}${b.other > 0 ? ` (+${b.other} error notices)` : ''}`,
      `${formatMs(first.p50)} / ${formatMs(first.p99)} / ${formatMs(first.max)}`,
      formatCount(b.missedDeadline),
      `${formatMs(final.p50)} / ${formatMs(final.p99)} / ${formatMs(final.max)}`,
      formatCount(b.throttled),
      `${formatBytes(b.heapBefore)} → ${formatBytes(b.heapAfter)}`,
      b.loadAverage.toFixed(2),
    ];
  });
  console.log(
    table(
      [
        'cooldown',
        'sent',
        'answered',
        'refused (private)',
        'lost',
        'first response p50 / p99 / max',
        '> 3 s',
        'final reply p50 / p99 / max',
        'held by discord.js',
        'heap before → after',
        'load avg',
      ],
      rows,
      new Set([2, 3, 4, 6, 8]),
    ),
  );
  console.log(
    '   first response: dispatch → the callback (deferral or reply) reaching the fake; final reply: dispatch → the edit carrying the answer (or the refusal itself).',
  );
  console.log(
    "   held by discord.js: waits discord.js's REST client made to stay under its own 50 requests/s global limit (the bot sends interaction callbacks, edits and follow-ups outside it: src/bot/rest.ts);",
  );
  console.log(
    '   "edits under the global limit": the same burst with every request on one REST manager, as before src/bot/rest.ts, to show what the exemption gains.',
  );
  console.log(
    "   heap: after full collections, before the burst and after every reply; includes the fake's own record of the burst's requests.",
  );

  console.log(
    `\n2. Series: ${formatCount(seriesCount)} interactions in a row (real client from raw payloads; replies through discord.js's REST stack to an in-memory Discord)`,
  );
  const series = await startSeriesBot({ cooldownSeconds: 1 });
  try {
    // Warm up as the memory test does: the engine's lazy parts, the JIT, the paging store filled to its cap.
    await runSeries(series, 1000);
    const before = heapUsed();
    const result = await runSeries(series, seriesCount, 1000);
    // The in-memory Discord keeps the last replies' tokens for a second.
    await sleep(1100);
    const after = heapUsed();
    console.log(
      table(
        [
          'interactions',
          'time',
          'per interaction',
          'answered',
          'paged',
          'suggested',
          'cooled down',
          'state gone',
          'error notices',
          'cooldown map (peak)',
          'paging store (peak / cap)',
          'heap before → after (growth)',
        ],
        [
          [
            formatCount(result.interactions),
            formatMs(result.ms),
            formatMs(result.ms / result.interactions),
            formatCount(result.outcomes.answered),
            formatCount(result.outcomes.paged),
            formatCount(result.outcomes.suggested),
            formatCount(result.outcomes.cooldown),
            formatCount(result.outcomes['expired-state']),
            formatCount(result.outcomes.notice),
            `${series.bot.context.cooldown.size} (${result.peakCooldown})`,
            `${series.bot.context.answers.size} (${result.peakAnswers} / 500)`,
            `${formatBytes(before)} → ${formatBytes(after)} (${formatBytes(after - before)})`,
          ],
        ],
        new Set([0, 1, 2, 3, 4, 5, 6, 7, 8]),
      ),
    );
    console.log(
      `   log lines: ${JSON.stringify(series.log.counts)}${series.log.samples.length ? `; first warnings/errors: ${series.log.samples.join(' | ')}` : ''}`,
    );
  } finally {
    await series.stop();
  }
  console.log(`\n${machineLine()}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
