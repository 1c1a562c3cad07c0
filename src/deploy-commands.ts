/**
 * Registers the slash and context-menu commands with Discord (`npm run deploy-commands`): in one
 * guild when DISCORD_GUILD_ID is set (instant, for testing), globally otherwise, clearing the other
 * scope so no command shows twice, and prints the invite link. The bot never does this at start-up;
 * run it after changing a command's definition.
 */
import { pathToFileURL } from 'node:url';
import {
  REST,
  Routes,
  type RESTGetAPIApplicationCommandsResult,
  type RESTGetAPICurrentUserGuildsResult,
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
import { NEEDED_PERMISSIONS, invitePermissions, inviteUrl } from './bot/permissions.js';

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

/** Commands removed from the other scope, so that none shows twice. */
export interface ClearedScope {
  /** `global`, or the guild id whose own commands were removed. */
  scope: 'global' | string;
  names: string[];
}

/** What {@link deployCommands} did. */
export interface DeployResult {
  target: DeployTarget;
  registered: RESTPutAPIApplicationCommandsResult;
  /** Registrations removed from the other scope (global for a guild deploy; every guild for a global one). */
  cleared: ClearedScope[];
}

/**
 * Replaces the registered commands with `registry`'s, then clears the other scope: a command
 * registered both globally and in a guild shows twice in that guild. A guild deploy removes the
 * global commands; a global deploy removes the guild commands of every guild the bot is in.
 */
export async function deployCommands(
  config: Config,
  registry: CommandRegistry,
  rest: REST = new REST({ api: config.discordApiUrl ?? DEFAULT_DISCORD_API_URL }).setToken(
    config.discordToken,
  ),
): Promise<DeployResult> {
  const target = deployTarget(config);
  const registered = (await rest.put(target.route, {
    body: buildCommandBody(registry),
  })) as RESTPutAPIApplicationCommandsResult;
  const clientId = config.discordClientId as string;
  const others: Array<{ scope: string; route: `/${string}` }> =
    target.scope === 'guild'
      ? [{ scope: 'global', route: Routes.applicationCommands(clientId) }]
      : (await botGuildIds(rest)).map((id) => ({
          scope: id,
          route: Routes.applicationGuildCommands(clientId, id),
        }));
  const cleared: ClearedScope[] = [];
  for (const other of others) {
    const existing = (await rest.get(other.route)) as RESTGetAPIApplicationCommandsResult;
    if (existing.length === 0) continue;
    await rest.put(other.route, { body: [] });
    cleared.push({ scope: other.scope, names: existing.map((c) => c.name) });
  }
  return { target, registered, cleared };
}

/** Every guild the bot is in, 200 a page (Discord's most). */
async function botGuildIds(rest: REST): Promise<string[]> {
  const ids: string[] = [];
  for (;;) {
    const query = new URLSearchParams({ limit: '200', ...(ids.length > 0 ? { after: ids.at(-1)! } : {}) });
    const page = (await rest.get(Routes.userGuilds(), { query })) as RESTGetAPICurrentUserGuildsResult;
    ids.push(...page.map((guild) => guild.id));
    if (page.length < 200) return ids;
  }
}

/** What `npm run deploy-commands` prints: what was registered, what was cleared, and the invite link. */
export function describeDeploy(config: Config, result: DeployResult): string {
  const where =
    result.target.scope === 'guild'
      ? `in guild ${config.discordGuildId} (available now)`
      : 'globally (may take up to an hour to appear)';
  const lines = [
    `Registered ${result.registered.length} commands ${where}: ${result.registered.map((c) => c.name).join(', ')}`,
  ];
  for (const { scope, names } of result.cleared) {
    lines.push(
      scope === 'global'
        ? `Removed ${names.length} global commands so none shows twice in this server (${names.join(', ')}); run deploy-commands without DISCORD_GUILD_ID to register them globally again.`
        : `Removed ${names.length} commands registered in guild ${scope} alone, so none shows twice there (${names.join(', ')}).`,
    );
  }
  lines.push(
    `Invite the bot with: ${inviteUrl(config.discordClientId as string)}`,
    `(permissions ${invitePermissions()}: ${NEEDED_PERMISSIONS.map((p) => p.label).join(', ')})`,
  );
  return lines.join('\n');
}

async function main(): Promise<void> {
  const config = loadConfigOrExit(deployTarget);
  const apiWarning = apiHostWarning(config);
  if (apiWarning) process.stderr.write(`warning: ${apiWarning}\n`);
  try {
    const registry = await loadCommands();
    process.stdout.write(`${describeDeploy(config, await deployCommands(config, registry))}\n`);
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
