/**
 * Starts the Discord bot: load the configuration, load the corpus and its engine, build the bot,
 * log in. SIGINT/SIGTERM stop it cleanly. Registering commands is a separate step:
 * `npm run deploy-commands`.
 */
import { apiHostWarning, loadConfigOrExit } from './config.js';
import { corpusLeftovers } from './corpus/load.js';
import { BUNDLED_CORPUS_DIR } from './engine/index.js';
import { useModelFile } from './engine/model.js';
import { loadEngineFast } from './engine/snapshot.js';
import { createBot, describeEngine, StartError } from './bot/bot.js';
import { EngineHolder } from './bot/engine-holder.js';
import { createLogger, redact } from './bot/log.js';
import { ReportStore, ReportStoreError } from './feedback/store.js';

/** Prints a problem the user can fix, without a stack trace, and exits 1. */
function fail(message: string, secrets: string[] = []): never {
  process.stderr.write(`${redact(message, secrets)}\n`);
  process.exit(1);
}

const config = loadConfigOrExit();
const log = createLogger({
  level: config.logLevel,
  format: config.logFormat,
  secrets: [config.discordToken],
});
const apiWarning = apiHostWarning(config);
if (apiWarning) log.warn(apiWarning);

// Before any engine is built: every engine of this process, reloads too, ranks by it.
if (config.rankModelFile !== undefined) {
  try {
    useModelFile(config.rankModelFile);
  } catch (error) {
    fail(`Could not load RANK_MODEL_FILE: ${error instanceof Error ? error.message : String(error)}`, [
      config.discordToken,
    ]);
  }
}

let corpus: EngineHolder;
try {
  // A saved snapshot makes large corpora start in seconds; it is rebuilt whenever anything changed.
  // Reloads build the new engine in a worker thread, so the gateway is never kept waiting.
  const dir = config.corpusDir ?? BUNDLED_CORPUS_DIR;
  corpus = new EngineHolder(
    dir,
    loadEngineFast(dir, { warn: (message, fields) => log.warn(message, fields) }).engine,
    {
      describe: describeEngine,
      onSwap: (ms, source) => log.info('new engine swapped in', { mainThreadMs: Math.round(ms), source }),
    },
  );
} catch (error) {
  fail(`Could not load the corpus: ${error instanceof Error ? error.message : String(error)}`, [
    config.discordToken,
  ]);
}
log.info('corpus loaded', { dir: corpus.dir, summary: describeEngine(corpus.current()) });
// What an interrupted corpus:add left behind is named, never a reason not to start.
for (const file of corpusLeftovers(corpus.dir)) log.warn('corpus file left out', { file });

try {
  corpus.watch({
    onReload: (result) =>
      result.ok
        ? log.info('corpus changed on disk and was reloaded', { summary: result.summary })
        : log.warn('corpus changed on disk but was refused; still serving the previous one', {
            error: result.error,
          }),
  });
} catch (error) {
  log.warn('not watching the corpus for changes; use /reload after editing it', { error });
}

let reports: ReportStore;
try {
  reports = ReportStore.open(config.reportsDb);
} catch (error) {
  corpus.close();
  if (error instanceof ReportStoreError) fail(`${error.message} (set REPORTS_DB in .env to another file)`);
  throw error;
}
log.debug('reports database open', { path: config.reportsDb });

// Handlers catch their own errors; this is the net under a bug, so one bad request cannot stop the bot.
process.on('unhandledRejection', (reason) => log.error('unhandled promise rejection', { error: reason }));

const bot = createBot({
  config,
  log,
  getEngine: () => corpus.current(),
  reports,
  reloadCorpus: () => corpus.reload(),
  // `npm start` on a host given SHARD_IDS runs that slice in this one process; under start:sharded
  // the manager hands each shard process its id.
  ...(config.shardIds && config.shardCount && !config.shardedChild
    ? { clientOptions: { shards: [...config.shardIds], shardCount: config.shardCount } }
    : {}),
});

// A reload (on /reload or by the watch) that brings new articles is announced in CORPUS_NOTICE_CHANNEL_ID.
corpus.onChange((before, after) => void bot.announceCorpusChange(before, after));

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info(`${signal} received; shutting down`);
  corpus.close();
  try {
    await bot.stop();
  } catch (error) {
    log.error('error while shutting down', { error });
  }
  reports.close();
  process.exit(0);
}
// `on`, not `once`: a second signal (systemd signals the whole group, and start:sharded passes it on too)
// must not fall through to Node's default, which would end the process with replies in flight.
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

try {
  await bot.start();
} catch (error) {
  corpus.close();
  if (error instanceof StartError) fail(error.message, [config.discordToken]);
  log.error('could not start', { error });
  process.exit(1);
}
