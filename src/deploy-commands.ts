/**
 * Registers the slash and context-menu commands with Discord (`npm run deploy-commands`): in one
 * guild when DISCORD_GUILD_ID is set (instant, for testing), globally otherwise. The bot never
 * does this at start-up; run it after changing a command's definition.
 */
import { pathToFileURL } from 'node:url';
import {
  REST,
  Routes,
  type RESTPostAPIApplicationCommandsJSONBody,
  type RESTPutAPIApplicationCommandsResult,
} from 'discord.js';
import {
  apiHostWarning,
  ConfigError,
  DEFAULT_DISCORD_API_URL,
  loadConfigOrExit,
  type Config,
} from './config.js';
import { loadCommands, type CommandRegistry } from './bot/commands.js';
import { redact } from './bot/log.js';

/** The body of the bulk-overwrite PUT: every command's registration JSON, in file order. */
export function buildCommandBody(registry: CommandRegistry): RESTPostAPIApplicationCommandsJSONBody[] {
  return registry.json;
}

/** Where the commands go. */
export interface DeployTarget {
  /** `guild` when DISCORD_GUILD_ID is set. */
  scope: 'guild' | 'global';
  route: `/${string}`;
}

/** The route for a configuration. Throws {@link ConfigError} when DISCORD_CLIENT_ID is missing. */
export function deployTarget(config: Pick<Config, 'discordClientId' | 'discordGuildId'>): DeployTarget {
  if (!config.discordClientId)
    throw new ConfigError([
      'Missing DISCORD_CLIENT_ID: set it in .env (see .env.example); it is the Application ID on the Developer Portal',
    ]);
  return config.discordGuildId
    ? {
        scope: 'guild',
        route: Routes.applicationGuildCommands(config.discordClientId, config.discordGuildId),
      }
    : { scope: 'global', route: Routes.applicationCommands(config.discordClientId) };
}

/** Replaces the registered commands with `registry`'s. Returns what Discord registered. */
export async function deployCommands(
  config: Config,
  registry: CommandRegistry,
  rest: REST = new REST({ api: config.discordApiUrl ?? DEFAULT_DISCORD_API_URL }).setToken(
    config.discordToken,
  ),
): Promise<{ target: DeployTarget; registered: RESTPutAPIApplicationCommandsResult }> {
  const target = deployTarget(config);
  const registered = (await rest.put(target.route, {
    body: buildCommandBody(registry),
  })) as RESTPutAPIApplicationCommandsResult;
  return { target, registered };
}

async function main(): Promise<void> {
  const config = loadConfigOrExit(deployTarget);
  const apiWarning = apiHostWarning(config);
  if (apiWarning) process.stderr.write(`warning: ${apiWarning}\n`);
  try {
    const registry = await loadCommands();
    const { target, registered } = await deployCommands(config, registry);
    const where =
      target.scope === 'guild'
        ? `in guild ${config.discordGuildId} (available now)`
        : 'globally (may take up to an hour to appear)';
    process.stdout.write(
      `Registered ${registered.length} commands ${where}: ${registered.map((c) => c.name).join(', ')}\n`,
    );
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    const hint =
      status === 401
        ? 'Discord rejected DISCORD_TOKEN; copy a new one from the Developer Portal (Bot → Reset Token).'
        : status === 403 || status === 404
          ? 'Check DISCORD_CLIENT_ID, and that the bot was invited to DISCORD_GUILD_ID with the applications.commands scope.'
          : '';
    process.stderr.write(
      `${redact(`Could not register the commands: ${error instanceof Error ? error.message : String(error)}${hint ? `\n${hint}` : ''}`, [config.discordToken])}\n`,
    );
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
