/**
 * Runs the bot on discord.js's ShardingManager, for when one process is not enough (Discord
 * requires sharding from 2,500 servers). Each shard is a child process running `src/index.ts`
 * with its own engine; discord.js hands each one its shard ids through the environment.
 * SIGINT/SIGTERM are passed on so every shard finishes its in-flight replies and exits.
 */
import { fileURLToPath } from 'node:url';
import { ShardingManager } from 'discord.js';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './bot/log.js';

let token: string;
let logLevel;
try {
  const config = loadConfig();
  token = config.discordToken;
  logLevel = config.logLevel;
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  throw error;
}

const log = createLogger({ level: logLevel, secrets: [token] });
const manager = new ShardingManager(fileURLToPath(new URL('./index.ts', import.meta.url)), {
  token,
  totalShards: 'auto',
  // The shards run TypeScript the same way `npm start` does.
  execArgv: ['--import', 'tsx'],
});

manager.on('shardCreate', (shard) => log.info('shard started', { shard: shard.id }));

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log.info(`${signal} received; stopping every shard`);
    for (const shard of manager.shards.values()) shard.process?.kill(signal);
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}

manager.spawn().catch((error: unknown) => {
  log.error('could not start the shards', { error });
  process.exit(1);
});
