/**
 * Faults between the bot and Discord, one per test, through the real bot (createBot + discord.js
 * Client + commands + engine) and the local fake Discord: server errors, rate limits, a gateway
 * dropped or invalidated while an answer is being worked out, a slow engine, an expired
 * interaction, a reply whose message was deleted. In every case the reply is not lost (or, where
 * Discord has nothing left to reply to, the bot logs it and keeps serving), and every body still
 * matches Discord's spec and pings no one.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/index.js';
import { FakeRoutes, waitForClientReady, type RecordedRequest } from '../support/fake-discord.js';
import {
  checkAndStop,
  buttonsOf,
  callback,
  embedOf,
  engine,
  finalEdit,
  option,
  startBot,
  until,
  type Harness,
} from '../bot/harness.js';

let h: Harness | undefined;

afterEach(async () => {
  const current = h;
  h = undefined;
  await checkAndStop(current);
});

const TROOPS = 'How many French troops were in Mali?';
const WHO = 'Who announced the withdrawal?';

/** The first line a reader sees for each question: the short answer the seed articles give. */
const TROOPS_ANSWER = '**Answer:** 2,400 troops [1] — sources disagree: close to 3000 [2]';
const WHO_ANSWER = '**Answer:** Emmanuel Macron [1]';
/** Generous bound for an answer that waits out a slow engine, a retry or a reconnect. */
const SLOW_BOUND_MS = 20_000;
const SLOW_ENGINE_MS = 1500;

/** Blocks the thread, as a slow synchronous engine call would: nothing else in the process runs meanwhile. */
function blockFor(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * The real engine, except that an armed `ask` first runs `during` (what happens while the answer is
 * being worked out) and then takes SLOW_ENGINE_MS. Records when each ask started.
 */
function slowEngine(): { engine: Engine; arm(during?: () => void): void; askStarts: number[] } {
  const base = engine();
  const askStarts: number[] = [];
  let armed: (() => void) | null = null;
  const slow = Object.create(base) as Engine;
  slow.ask = (question, limit) => {
    askStarts.push(performance.now());
    const during = armed;
    armed = null;
    if (during) {
      during();
      blockFor(SLOW_ENGINE_MS);
    }
    return base.ask(question, limit);
  };
  return {
    engine: slow,
    arm: (during = () => undefined) => {
      armed = during;
    },
    askStarts,
  };
}

function ask(h: Harness, question = TROOPS, extra: Parameters<Harness['fake']['sendInteraction']>[0] = {}) {
  return h.fake.sendInteraction({ commandName: 'ask', options: [option('question', question)], ...extra });
}

function firstLine(request: RecordedRequest): string | undefined {
  return embedOf(request.body).description?.split('\n')[0];
}

function errorLines(h: Harness): string[] {
  return h.logs.filter((line) => / ERROR /.test(line));
}

describe('Discord answering with a server error', () => {
  it('retries a 500 on the interaction callback, and the answer still arrives', async () => {
    h = await startBot();
    h.fake.failNext(FakeRoutes.interactionCallback);
    const { id } = ask(h);
    const edit = await finalEdit(h.fake, id);
    const responses = h.fake.interactionResponses(id);
    expect(responses.callbacks.map((r) => r.status)).toEqual([500, 204]);
    expect(responses.callbacks.map((r) => r.body)).toEqual([
      { type: 5, data: { flags: 0 } },
      { type: 5, data: { flags: 0 } },
    ]);
    expect(firstLine(edit)).toBe(TROOPS_ANSWER);
    expect(responses.edits).toHaveLength(1);
    expect(errorLines(h)).toEqual([]);
  });

  it('retries a 500 on the edit that carries the answer (PATCH @original), and the answer still arrives once', async () => {
    h = await startBot();
    h.fake.failNext(FakeRoutes.editOriginal);
    const { id } = ask(h);
    const edit = await finalEdit(h.fake, id);
    const patches = h.fake.interactionResponses(id).all.filter((r) => r.method === 'PATCH');
    expect(patches.map((r) => r.status)).toEqual([500, 200]);
    expect(patches[0]!.body).toEqual(patches[1]!.body);
    expect(firstLine(edit)).toBe(TROOPS_ANSWER);
    expect(
      h.fake.messages().filter((m) => (m.interaction_metadata as { id?: string } | undefined)?.id === id),
    ).toHaveLength(1);
    expect(errorLines(h)).toEqual([]);
  });
});

describe('Discord rate-limiting the bot', () => {
  it('waits out a 429 on the callback and a global 429 on the edit, and the answer still arrives', async () => {
    h = await startBot();
    h.fake.rateLimitNext(FakeRoutes.interactionCallback, { retryAfter: 0.2 });
    h.fake.rateLimitNext(FakeRoutes.editOriginal, { retryAfter: 0.2, global: true });
    const { id } = ask(h, WHO);
    const edit = await finalEdit(h.fake, id);
    const responses = h.fake.interactionResponses(id);
    expect(responses.callbacks.map((r) => r.status)).toEqual([429, 204]);
    expect(
      responses.all.filter((r) => r.method === 'PATCH').map((r) => `${r.status} ${r.injected ?? ''}`),
    ).toEqual(['429 rate-limit', '200 ']);
    expect(firstLine(edit)).toBe(WHO_ANSWER);
    // The global limit lifted: the next user is answered too.
    const next = ask(h, TROOPS, { user: { id: '323456789012345678', username: 'editor' } });
    expect(firstLine(await finalEdit(h.fake, next.id))).toBe(TROOPS_ANSWER);
  });
});

describe('the gateway failing while an answer is being worked out', () => {
  it('resumes after a close with 4000 mid-answer: the answer arrives, and a question sent during the outage is answered after the resume', async () => {
    const slow = slowEngine();
    h = await startBot({ bot: { getEngine: () => slow.engine } });
    const fake = h.fake;
    let during: { id: string } | undefined;
    slow.arm(() => {
      expect(fake.closeGateway(4000)).toBe(1);
      during = fake.sendInteraction({
        commandName: 'ask',
        options: [option('question', WHO)],
        user: { id: '323456789012345678', username: 'editor' },
      });
    });
    const { id } = ask(h);
    const edit = await fake.waitForRequest(
      (r) => r.interactionId === id && r.method === 'PATCH' && r.status === 200,
      SLOW_BOUND_MS,
    );
    expect(firstLine(edit)).toBe(TROOPS_ANSWER);

    const duringEdit = await finalEdit(fake, during!.id);
    expect(firstLine(duringEdit)).toBe(WHO_ANSWER);
    const resumed = fake.gatewayLog.find((e) => e.direction === 'out' && e.t === 'RESUMED')!;
    expect(resumed).toBeDefined();
    expect(fake.interactionResponses(during!.id).callback!.time).toBeGreaterThan(resumed.time);

    await waitForClientReady(h.bot.client, SLOW_BOUND_MS);
    expect(fake.identifies).toHaveLength(1);
    expect(fake.sessions).toMatchObject([{ resumes: 1, ended: false, connected: true }]);
    for (const interaction of [id, during!.id]) {
      const responses = fake.interactionResponses(interaction);
      expect(responses.callbacks).toHaveLength(1);
      expect(responses.edits).toHaveLength(1);
    }
    expect(h.logs.some((line) => / INFO {2}gateway connection lost; reconnecting shard=0/.test(line))).toBe(
      true,
    );
    expect(h.logs.some((line) => / INFO {2}gateway session resumed shard=0/.test(line))).toBe(true);
    expect(errorLines(h)).toEqual([]);
  });

  it('resumes after a resumable Invalid Session (op 9) mid-answer, answering each question exactly once', async () => {
    const slow = slowEngine();
    h = await startBot({ bot: { getEngine: () => slow.engine } });
    const fake = h.fake;
    let during: { id: string } | undefined;
    slow.arm(() => {
      expect(fake.sendInvalidSession(true)).toBe(1);
      during = fake.sendInteraction({
        commandName: 'ask',
        options: [option('question', WHO)],
        user: { id: '323456789012345678', username: 'editor' },
      });
    });
    const { id } = ask(h);
    const edit = await fake.waitForRequest(
      (r) => r.interactionId === id && r.method === 'PATCH' && r.status === 200,
      SLOW_BOUND_MS,
    );
    expect(firstLine(edit)).toBe(TROOPS_ANSWER);
    expect(firstLine(await finalEdit(fake, during!.id))).toBe(WHO_ANSWER);

    await until(() => fake.sessions[0]?.resumes === 1, SLOW_BOUND_MS, 'the session to be resumed');
    await waitForClientReady(h.bot.client, SLOW_BOUND_MS);
    expect(fake.identifies).toHaveLength(1);
    expect(fake.sessions).toMatchObject([{ resumes: 1, ended: false, connected: true }]);
    // One acknowledgement and one answer each. @discordjs/ws resumes on the same socket with the
    // sequence it had when op 9 arrived, so a dispatch that followed op 9 can be replayed and
    // handled twice: the second acknowledgement is refused (40060) and only logged.
    for (const interaction of [id, during!.id]) {
      const responses = fake.interactionResponses(interaction);
      expect(responses.callbacks.filter((r) => r.status === 204)).toHaveLength(1);
      for (const refused of responses.callbacks.filter((r) => r.status !== 204)) {
        expect(refused.responseBody).toEqual({
          message: 'Interaction has already been acknowledged.',
          code: 40060,
        });
      }
      expect(responses.edits).toHaveLength(1);
      expect(responses.followUps).toEqual([]);
    }
    expect(errorLines(h)).toEqual([]);
  });
});

describe('a slow engine', () => {
  it('acknowledges with a deferral (type 5) before the engine is asked, well within 3 s, and delivers the answer as an edit', async () => {
    const slow = slowEngine();
    h = await startBot({ bot: { getEngine: () => slow.engine } });
    slow.arm();
    const dispatched = performance.now();
    const { id } = ask(h);
    const edit = await h.fake.waitForRequest(
      (r) => r.interactionId === id && r.method === 'PATCH' && r.status === 200,
      SLOW_BOUND_MS,
    );
    const responses = h.fake.interactionResponses(id);
    expect(responses.callbacks).toHaveLength(1);
    expect(responses.callback!.body).toEqual({ type: 5, data: { flags: 0 } });
    // The deferral does not wait for the engine: it reached Discord before the engine was even asked…
    expect(slow.askStarts).toHaveLength(1);
    expect(responses.callback!.respondedTime!).toBeLessThan(slow.askStarts[0]!);
    // …and so within Discord's 3 s deadline, however slow the engine (here 1.5 s).
    expect(responses.callback!.time - dispatched).toBeLessThan(3000);
    expect(firstLine(edit)).toBe(TROOPS_ANSWER);
  });
});

describe('an interaction that expired before the bot acknowledged it (10062)', () => {
  it('is logged as expired for every kind of command, nobody gets an error message, and the next question is answered', async () => {
    h = await startBot();
    const expired = [
      ask(h),
      h.fake.sendInteraction({ commandName: 'quote', options: [option('query', 'hidden aims')] }),
      h.fake.sendInteraction({
        commandName: 'Find in sources',
        targetMessage: { content: 'France had 5,000 troops in Mali' },
      }),
      h.fake.sendInteraction({ commandName: 'help' }),
    ];
    // The fake fails each callback with 404 Unknown interaction, as Discord does after the 3 s deadline.
    for (const { id } of expired) h.fake.expireInteraction(id);
    for (const { id } of expired) {
      const refused = await h.fake.waitForRequest(
        (r) => r.interactionId === id && r.path.endsWith('/callback'),
      );
      expect(refused.responseBody).toEqual({ message: 'Unknown interaction', code: 10062 });
    }
    await until(
      () => h!.logs.filter((l) => l.includes('interaction expired')).length === expired.length,
      5000,
      'every expiry to be logged',
    );
    const logged = h.logs.filter((l) =>
      l.includes(' WARN  interaction expired before it was answered (Discord: Unknown interaction)'),
    );
    expect(logged.map((l) => /what=(\S+)/.exec(l)?.[1]).sort()).toEqual(['"Find', 'ask', 'help', 'quote']);
    for (const { id } of expired) expect(h.fake.interactionResponses(id).all).toHaveLength(1);
    expect(errorLines(h)).toEqual([]);

    const next = ask(h, WHO);
    expect(firstLine(await finalEdit(h.fake, next.id))).toBe(WHO_ANSWER);
  });
});

describe('a reply whose message was deleted (404 Unknown Message, 10008)', () => {
  const UNKNOWN_MESSAGE = { status: 404, body: { message: 'Unknown Message', code: 10008 } };

  it('when the answer cannot be put into the deleted "thinking…" message: logged with the interaction, no crash, the next question answered', async () => {
    h = await startBot();
    const { id } = ask(h);
    // The deferred message is gone: editing it and deleting it both fail as on Discord.
    h.fake.failNext(
      (r) =>
        r.interactionId === id &&
        ['PATCH', 'DELETE'].includes(r.method) &&
        r.path.endsWith('/messages/@original'),
      { ...UNKNOWN_MESSAGE, times: 2 },
    );
    await until(
      () => h!.logs.some((l) => l.includes('could not tell the user about the error')),
      5000,
      'the failure to be logged',
    );
    const failure = h.logs.find(
      (l) => l.includes(`interaction=${id}`) && l.includes('failed to answer an interaction'),
    )!;
    expect(failure).toMatch(/ ERROR failed to answer an interaction interaction=\d+ what=ask /);
    expect(failure).toContain('error=DiscordAPIError[10008]: Unknown Message (code 10008) [HTTP 404]');
    expect(h.fake.interactionResponses(id).all.map((r) => `${r.method} ${r.status}`)).toEqual([
      'POST 204',
      'PATCH 404',
      'DELETE 404',
    ]);

    const next = ask(h, WHO);
    expect(firstLine(await finalEdit(h.fake, next.id))).toBe(WHO_ANSWER);
  });

  it('when a paging button sits on a message deleted meanwhile: logged, the user told privately, the next click answered', async () => {
    h = await startBot();
    const first = ask(h, WHO, { options: [option('question', WHO), option('sources', 2)] });
    const edit = await finalEdit(h.fake, first.id);
    const more = buttonsOf(edit.body)[0]!.split(' → ')[1]!;
    const message = h.fake.messages().at(-1)!;

    const click = h.fake.sendInteraction({ customId: more, message });
    h.fake.failNext((r) => r.interactionId === click.id && r.path.endsWith('/callback'), UNKNOWN_MESSAGE);
    const notice = await h.fake.waitForRequest(
      (r) => r.interactionId === click.id && r.path.endsWith('/callback') && r.status === 204,
    );
    expect(notice.body).toMatchObject({
      type: 4,
      data: {
        content: 'Something went wrong while answering. The error has been logged; please try again.',
        flags: 64,
      },
    });
    expect(
      h.logs.some(
        (l) =>
          l.includes(`interaction=${click.id} what=${more}`) && l.includes('Unknown Message (code 10008)'),
      ),
    ).toBe(true);

    const again = h.fake.sendInteraction({ customId: more, message });
    const page2 = await callback(h.fake, again.id);
    expect((page2.body as { type: number }).type).toBe(7);
    expect(embedOf(page2.body).footer?.text).toMatch(/^Passages 3–4 of 10 · /);
  });

  it('when the private copy is gone as "Post to channel" removes its button: the answer is posted, nothing claims it failed', async () => {
    h = await startBot();
    const privateAsk = ask(h, WHO, { options: [option('question', WHO), option('private', true)] });
    const edit = await finalEdit(h.fake, privateAsk.id);
    const post = buttonsOf(edit.body)
      .find((b) => b.startsWith('Post to channel'))!
      .split(' → ')[1]!;
    const click = h.fake.sendInteraction({
      customId: post,
      message: { ...(edit.responseBody as object), flags: 64 },
    });
    // The user dismissed the private message: editing it fails.
    h.fake.failNext((r) => r.interactionId === click.id && r.method === 'PATCH', UNKNOWN_MESSAGE);
    const posted = await h.fake.waitForRequest(
      (r) =>
        r.interactionId === click.id &&
        r.method === 'POST' &&
        r.path.startsWith('/webhooks/') &&
        r.status === 200,
    );
    expect(firstLine(posted)).toBe(WHO_ANSWER);
    expect((posted.body as { flags?: number }).flags ?? 0).toBe(0);
    // The handler's last word: after it, nothing more is sent for this click.
    await until(
      () =>
        h!.logs.some((l) => l.includes(`INFO  private answer posted to the channel interaction=${click.id}`)),
      5000,
      'the post to be logged',
    );
    expect(
      h.logs.some((l) =>
        l.includes(
          `WARN  the private copy was gone (dismissed?) before its "Post to channel" button could be removed interaction=${click.id}`,
        ),
      ),
    ).toBe(true);
    // Only the public post: no private "Something went wrong" after a post that worked.
    expect(h.fake.interactionResponses(click.id).followUps).toEqual([posted]);
    expect(h.fake.interactionResponses(click.id).all.map((r) => `${r.method} ${r.status}`)).toEqual([
      'POST 204',
      'POST 200',
      'PATCH 404',
    ]);
    expect(errorLines(h)).toEqual([]);
  });
});
