/**
 * Runs the bot on discord.js's ShardingManager (`npm run start:sharded`), for when one process is
 * not enough (Discord requires sharding from 2,500 servers). Each shard is a child process running
 * the bot entry point (`index.js` beside this file, compiled or not) with its own engine;
 * discord.js hands each one its shard id through the environment. With `SHARD_COUNT` and
 * `SHARD_IDS`, several hosts each run their slice of the same total. SIGINT/SIGTERM are passed
 * on so every shard finishes its in-flight replies and exits.
 */
import { fileURLToPath } from 'node:url';
import { REST, Routes, ShardingManager, type RESTGetAPIGatewayBotResult } from 'discord.js';
import { apiHostWarning, DEFAULT_DISCORD_API_URL, loadConfigOrExit, type Config } from './config.js';
import { describeStartFailure } from './bot/bot.js';
import { createLogger } from './bot/log.js';
import { COMPILED } from './root.js';

/**
 * Discord's recommended shard count, asked of the configured API (discord.js's own
 * `totalShards: 'auto'` always asks discord.com, whatever `DISCORD_API_URL` says).
 */
async function recommendedShardCount(config: Pick<Config, 'discordToken' | 'discordApiUrl'>) {
  const rest = new REST({ api: config.discordApiUrl ?? DEFAULT_DISCORD_API_URL }).setToken(
    config.discordToken,
  );
  const info = (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
  return info.shards;
}

const config = loadConfigOrExit();
const log = createLogger({
  level: config.logLevel,
  format: config.logFormat,
  secrets: [config.discordToken],
});
const apiWarning = apiHostWarning(config);
if (apiWarning) log.warn(apiWarning);

let totalShards: number;
try {
  totalShards = config.shardCount ?? (await recommendedShardCount(config));
} catch (error) {
  process.stderr.write(`${describeStartFailure(error, config.discordToken)}\n`);
  process.exit(1);
}
const shardList = config.shardIds ? [...config.shardIds] : [...Array(totalShards).keys()];

const manager = new ShardingManager(
  fileURLToPath(new URL(COMPILED ? './index.js' : './index.ts', import.meta.url)),
  {
    token: config.discordToken,
    totalShards,
    shardList,
    // Run from source (tsx), the shards run TypeScript the same way; compiled, plain node.
    execArgv: COMPILED ? [] : ['--import', 'tsx'],
  },
);

manager.on('shardCreate', (shard) => log.info('shard started', { shard: shard.id, of: totalShards }));
log.info('starting shards', { shards: shardList.join(','), of: totalShards });

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal} received; stopping every shard`);
    // A shard that exits now is stopping, not crashing: the manager must not start it again.
    manager.respawn = false;
    const running = [...manager.shards.values()].filter((shard) => shard.process);
    let left = running.length;
    if (left === 0) process.exit(0);
    for (const shard of running) {
      shard.once('death', () => {
        left -= 1;
        if (left === 0) process.exit(0);
      });
      shard.process?.kill(signal);
    }
    // Each shard bounds its own shutdown (5 s for replies in progress); this bounds a stuck one.
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}

manager.spawn().catch((error: unknown) => {
  log.error('could not start the shards', { error });
  process.exit(1);
});
