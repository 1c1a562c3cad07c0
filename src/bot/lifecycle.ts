/**
 * Starting and stopping a bot's client: log in and wait (bounded) for ready; on stop, let work in
 * progress finish (bounded), let the gateway settle, then disconnect.
 */
import { Events, Status, type Client } from 'discord.js';
import { redact, type Logger } from './log.js';

/** Why the bot could not start, worded for the person running it; never contains the token. */
export class StartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartError';
  }
}

/** Turns a login failure into what to do about it. */
export function describeStartFailure(error: unknown, token: string): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (
    code === 'TokenInvalid' ||
    /Authentication failed/i.test(message) ||
    (error as { status?: unknown } | null)?.status === 401
  ) {
    return 'Discord rejected DISCORD_TOKEN: it is not a valid bot token (or it was reset). Copy a new one from the Developer Portal (your application → Bot → Reset Token) into .env and start again.';
  }
  if (/disallowed intents/i.test(message)) {
    return 'Discord refused the Message Content intent, which the Q&A channels (QA_CHANNEL_IDS) need. Turn on "Message Content Intent" under Bot → Privileged Gateway Intents in the Developer Portal, or leave QA_CHANNEL_IDS empty.';
  }
  return `Could not connect to Discord: ${redact(message, [token])}`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/** Logs in and resolves once Discord reports ready. Rejects with a {@link StartError}. */
export async function startClient(
  client: Client,
  token: string,
  log: Logger,
  readyTimeoutMs: number,
): Promise<void> {
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  try {
    await client.login(token);
  } catch (error) {
    log.debug('login failed', { error });
    throw new StartError(describeStartFailure(error, token));
  }
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), readyTimeoutMs);
  });
  const outcome = await Promise.race([ready.then(() => 'ready' as const), timedOut]);
  clearTimeout(timer);
  if (outcome === 'timeout') {
    await client.destroy();
    throw new StartError(
      `Discord did not report the bot ready within ${Math.round(readyTimeoutMs / 1000)} s.`,
    );
  }
}

/** Waits (at most `waitMs`) for `inFlight` to settle and the gateway to be still, then disconnects. */
export async function stopClient(
  client: Client,
  inFlight: ReadonlySet<Promise<void>>,
  log: Logger,
  waitMs: number,
): Promise<void> {
  const pending = [...inFlight];
  if (pending.length > 0) log.info('waiting for replies in progress', { count: pending.length });
  const finished = await Promise.race([
    Promise.allSettled(pending).then(() => true),
    sleep(waitMs).then(() => false),
  ]);
  if (!finished)
    log.warn('some replies did not finish before shutdown', { count: inFlight.size, waitedMs: waitMs });
  // Destroying while @discordjs/ws sits in a reconnect back-off can leave it reconnecting; let it settle (bounded).
  if (client.readyTimestamp !== null) {
    const deadline = Date.now() + waitMs;
    const settled = (): boolean =>
      client.ws.shards.every((shard) =>
        [Status.Ready, Status.Disconnected, Status.Idle].includes(shard.status),
      );
    while (!settled() && Date.now() < deadline) await sleep(20);
  }
  await client.destroy();
  log.info('disconnected from Discord');
}
