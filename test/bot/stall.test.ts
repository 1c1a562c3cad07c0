/**
 * The bot watches its own event loop (src/bot/stall.ts): one piece of work that blocks it longer
 * than 250 ms is logged as a warning naming the interaction or message, through the real
 * discord.js client against the fake Discord, with an engine made deliberately slow.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/index.js';
import { checkAndStop, engine, finalEdit, option, startBot, until, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await checkAndStop(h);
  h = undefined;
});

/** Blocks the thread, as a slow synchronous engine call does: nothing else in the process runs. */
function blockFor(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** The real engine, whose `ask` first blocks the thread for `ms` once armed. */
function slowEngine(ms: number): { engine: Engine; arm(): void } {
  const base = engine();
  const slow = Object.create(base) as Engine;
  let armed = false;
  slow.ask = (...args: Parameters<Engine['ask']>) => {
    if (armed) blockFor(ms);
    return base.ask(...args);
  };
  return { engine: slow, arm: () => (armed = true) };
}

const stalls = (h: Harness) => h.logs.filter((l) => l.includes(' WARN  event loop blocked'));

/**
 * One ordinary question first: the fake Discord compiles its schema checks on the first body it
 * sees, in this same process, and that must not be mistaken for the bot's own work.
 */
async function warmUp(h: Harness): Promise<void> {
  const { id } = h.fake.sendInteraction({
    commandName: 'ask',
    options: [option('question', 'Who is the French foreign minister?')],
  });
  await finalEdit(h.fake, id);
  // The bot's handling ends when Discord's reply to the edit is read, just after the fake logs it.
  await new Promise((resolve) => setTimeout(resolve, 200));
  h.logs.length = 0;
}

describe('the event-loop watch', () => {
  it('logs a warning naming the /ask interaction whose engine call blocked for 600 ms', async () => {
    const slow = slowEngine(600);
    h = await startBot({ bot: { getEngine: () => slow.engine } });
    await warmUp(h);
    slow.arm();
    const { id } = h.fake.sendInteraction({
      commandName: 'ask',
      options: [option('question', 'How many French troops were in Mali?')],
    });
    await finalEdit(h.fake, id);
    await until(() => stalls(h!).length > 0, 2000, 'the stall warning');
    const [line, ...more] = stalls(h).filter((l) => l.includes(id));
    expect(more).toEqual([]);
    expect(line).toMatch(
      new RegExp(
        `WARN  event loop blocked: other interactions waited blockedMs=(\\d+) thresholdMs=250 interaction=${id} what=ask user=\\d+ guild=\\d+$`,
      ),
    );
    const blocked = Number(/blockedMs=(\d+)/.exec(line!)![1]);
    expect(blocked).toBeGreaterThanOrEqual(550);
    expect(blocked).toBeLessThan(5000);
  });

  it('names the Q&A-channel message whose answer blocked', async () => {
    const slow = slowEngine(400);
    h = await startBot({ qa: true, bot: { getEngine: () => slow.engine } });
    await warmUp(h);
    slow.arm();
    const message = h.fake.sendMessage({ channel_id: h.qaChannelId, content: 'Who is Jean-Yves Le Drian?' });
    await until(() => stalls(h!).length > 0, 5000, 'the stall warning');
    const named = stalls(h).filter((l) => l.includes(String(message.id)));
    expect(named).toHaveLength(1);
    expect(named[0]).toMatch(
      new RegExp(
        `WARN  event loop blocked: other interactions waited blockedMs=\\d+ thresholdMs=250 message=${String(message.id)} channel=${h.qaChannelId}$`,
      ),
    );
  });

  it('stays silent when answers come quickly', async () => {
    h = await startBot();
    await warmUp(h);
    const asked = ['How many French troops were in Mali?', 'Who is the French foreign minister?'].map(
      (question) => h!.fake.sendInteraction({ commandName: 'ask', options: [option('question', question)] }),
    );
    for (const { id } of asked) await finalEdit(h.fake, id);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(stalls(h).filter((l) => asked.some(({ id }) => l.includes(id)))).toEqual([]);
  });
});
