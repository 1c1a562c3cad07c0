/**
 * 10,000 interactions in a row through the bot's handlers: /ask with paging buttons (on recent
 * answers and on answers long evicted), private answers, /quote with and without a speaker,
 * speaker autocomplete, and users asking again while still cooling down. The bot's state stays
 * within its caps (the paging store at 500, the cooldown map at the users of one cooldown window),
 * every interaction gets its reply, and the heap after full collections grows by a bounded amount.
 *
 * How: through the fake Discord over HTTP each interaction takes ~20 ms here (10,000 would take
 * minutes) and the fake keeps a record of every request in this same heap. So the real discord.js
 * client, logged in to the fake, builds each interaction from its raw gateway payload
 * (`client.actions.InteractionCreate.handle`, what discord.js itself does on an INTERACTION_CREATE
 * dispatch) and the bot's replies go through discord.js's REST stack to an in-memory Discord that
 * keeps nothing (test/bench/load.ts, shared with `npm run bench:load`). The cooldown runs on a
 * clock moved 100 ms per interaction, so who is refused does not depend on the machine's speed.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  runSeries,
  SERIES_STEP_MS,
  SERIES_USERS,
  startSeriesBot,
  type SeriesBot,
  type SeriesResult,
} from '../support/bot-load.js';
import { formatBytes } from '../support/stats.js';

/** A full collection: the runner's `gc` when started with --expose-gc, else V8's own, exposed at run time. */
function collector(): (() => void) | null {
  if (typeof globalThis.gc === 'function') return globalThis.gc;
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    return null;
  }
}

const gc = collector();

function heapAfterCollection(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
}

const COOLDOWN_SECONDS = 1;
const WARM_UP = 1000;
const SERIES = 10_000;
/** Paging store cap (AnswerStore's default). */
const ANSWER_CAP = 500;
/**
 * Generous: ~4 MB of this is discord.js's REST layer, which keeps one small handler per
 * interaction reply route until its hourly sweep; a leak of 3 KB per interaction would exceed it.
 */
const HEAP_GROWTH_BOUND = 32 * 1024 * 1024;

let series: SeriesBot;
let result: SeriesResult;
let heapBefore = 0;
let heapAfter = 0;

beforeAll(async () => {
  series = await startSeriesBot({ cooldownSeconds: COOLDOWN_SECONDS });
  // Warm up: the engine's lazy parts, the JIT, the paging store filled to its cap, the client's caches.
  await runSeries(series, WARM_UP);
  heapBefore = heapAfterCollection();
  result = await runSeries(series, SERIES, WARM_UP);
  // Let the in-memory Discord forget the last replies' tokens (it keeps them a second for late follow-ups).
  await new Promise((resolve) => setTimeout(resolve, 1100));
  heapAfter = heapAfterCollection();
  console.log(
    `[reliability] ${SERIES} interactions in ${(result.ms / 1000).toFixed(1)} s (${(result.ms / SERIES).toFixed(2)} ms each); ` +
      `heap ${formatBytes(heapBefore)} → ${formatBytes(heapAfter)} (${formatBytes(heapAfter - heapBefore)})${gc ? ' after full collections' : ' (no gc available: not asserted)'}; ` +
      `cooldown map peak ${result.peakCooldown}, paging store peak ${result.peakAnswers}; outcomes ${JSON.stringify(result.outcomes)}`,
  );
}, 180_000);

afterAll(async () => {
  await series?.stop();
});

describe('10,000 interactions in a row', () => {
  it('answers every one: 5,000 answers, 2,000 pages, 2,000 suggestion lists and 1,000 private cooldown notices', () => {
    expect(result.kinds).toEqual({
      ask: 2000,
      'ask private': 1000,
      'ask while cooling down': 1000,
      quote: 1000,
      'quote by speaker': 1000,
      'speaker autocomplete': 2000,
      'More passages': 1000,
      'More passages (old answer)': 1000,
    });
    expect(result.outcomes.answered).toBe(5000);
    expect(result.outcomes.suggested).toBe(2000);
    expect(result.outcomes.cooldown).toBe(1000);
    // "More passages" on the latest answer always pages; on an old one it may say the passages are no longer kept.
    expect(result.outcomes.paged + result.outcomes['expired-state']).toBe(2000);
    expect(result.outcomes.paged).toBeGreaterThanOrEqual(1000);
    expect(result.outcomes['expired-state']).toBeGreaterThan(0);
    // Nobody was told "something went wrong", and nothing was logged as a warning or an error —
    // except the event-loop watch (src/bot/stall.ts) noticing that this test itself blocks the
    // loop: it drives interactions back to back, faster than any user could, and forces full
    // collections.
    expect(result.outcomes.notice).toBe(0);
    const stalls = series.log.samples.filter((s) => s.startsWith('WARN event loop blocked'));
    expect({
      warn: series.log.counts.warn - stalls.length,
      error: series.log.counts.error,
      samples: series.log.samples.filter((s) => !stalls.includes(s)),
    }).toEqual({ warn: 0, error: 0, samples: [] });
  });

  it('keeps the paging store at its cap of 500 answers', () => {
    expect(result.peakAnswers).toBe(ANSWER_CAP);
    expect(series.bot.context.answers.size).toBe(ANSWER_CAP);
  });

  it('keeps in the cooldown map only the users of the last cooldown window, and forgets them once it has passed', () => {
    // 1 s at 100 ms per interaction: at most the last 10 interactions' users, far fewer than the users seen.
    const window = (COOLDOWN_SECONDS * 1000) / SERIES_STEP_MS;
    expect(result.peakCooldown).toBeLessThanOrEqual(window);
    expect(result.peakCooldown).toBeLessThan(SERIES_USERS);
    expect(series.bot.context.cooldown.size).toBeLessThanOrEqual(window);
    series.clock.now += COOLDOWN_SECONDS * 1000 + 1;
    expect(series.bot.context.cooldown.take('900000000000000000')).toBe(0);
    expect(series.bot.context.cooldown.size).toBe(1);
  });

  it.runIf(gc !== null)('grows the heap, after full collections, by less than 32 MB', () => {
    expect(heapAfter - heapBefore).toBeLessThan(HEAP_GROWTH_BOUND);
  });
});
