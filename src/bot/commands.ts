/**
 * Loads the command modules from `commands/`, checks each against a schema and indexes them for
 * dispatch. A malformed module is an error naming its file, never a silent skip.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ApplicationCommandType, type RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import { z } from 'zod';
import type { ButtonHandler, Command, CommandInteraction, ModalHandler } from './command.js';

/** The bundled `commands/` directory. */
export const COMMANDS_DIR = fileURLToPath(new URL('../../commands', import.meta.url));

/** A command module that cannot be used, naming its file. */
export class CommandModuleError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = 'CommandModuleError';
  }
}

// Any function passes here; its signature is checked at compile time by `satisfies Command`.
type AnyFunction = (...args: never[]) => unknown;
const fn = z.custom<AnyFunction>((value) => typeof value === 'function', { error: 'must be a function' });

const CommandShape = z.object({
  data: z.object(
    { name: z.string({ error: 'must be a string' }).min(1, { error: 'must not be empty' }), toJSON: fn },
    { error: 'must be a command builder (SlashCommandBuilder or ContextMenuCommandBuilder)' },
  ),
  execute: fn,
  autocomplete: fn.optional(),
  buttons: z
    .record(
      z
        .string()
        .regex(/^[a-z][a-z0-9-]*:[a-z][a-z0-9-]*$/, { error: 'button prefixes look like "command:action"' }),
      fn,
    )
    .optional(),
  modals: z
    .record(
      z
        .string()
        .regex(/^[a-z][a-z0-9-]*:[a-z][a-z0-9-]*$/, { error: 'modal prefixes look like "command:action"' }),
      fn,
    )
    .optional(),
  cooldown: z.boolean({ error: 'must be true or false' }).optional(),
});

const ModuleShape = z.object({ default: CommandShape }, { error: 'is not a module' });

const USAGE = 'expected `export default { data, execute } satisfies Command`';

/** A loaded command with its file and registration JSON. */
export interface LoadedCommand {
  /** Path relative to the working directory, for messages. */
  file: string;
  command: Command<CommandInteraction>;
  json: RESTPostAPIApplicationCommandsJSONBody;
}

/**
 * Checks one imported module and returns its command. Throws {@link CommandModuleError} naming the
 * file and the first problem (missing default export, `data` not a builder, `execute` not a function,
 * or a builder that does not produce valid command JSON).
 */
export function validateCommandModule(module: unknown, file: string): LoadedCommand {
  if (
    module === null ||
    typeof module !== 'object' ||
    !('default' in module) ||
    (module as { default: unknown }).default === undefined
  ) {
    throw new CommandModuleError(file, `has no default export; ${USAGE}`);
  }
  const parsed = ModuleShape.safeParse(module);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.filter((p) => p !== 'default').join('.') || 'default export';
    throw new CommandModuleError(file, `${where} ${issue.message}; ${USAGE}`);
  }
  // The original object, not zod's copy: builders keep their methods on the prototype.
  const command = (module as { default: Command<CommandInteraction> }).default;
  let json: RESTPostAPIApplicationCommandsJSONBody;
  try {
    json = command.data.toJSON();
  } catch (error) {
    throw new CommandModuleError(
      file,
      `data.toJSON() failed, so the command could not be registered: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return { file, command, json };
}

function key(type: number | undefined, name: string): string {
  return `${type ?? ApplicationCommandType.ChatInput}:${name}`;
}

/** The loaded commands, indexed for dispatch by kind and name, and button handlers by custom id prefix. */
export class CommandRegistry {
  private readonly byKey = new Map<string, LoadedCommand>();
  private readonly buttonHandlers = new Map<string, ButtonHandler>();
  private readonly modalHandlers = new Map<string, ModalHandler>();

  /** Throws {@link CommandModuleError} on a duplicate command name or button prefix. */
  constructor(readonly loaded: readonly LoadedCommand[]) {
    const buttonOwners = new Map<string, string>();
    for (const entry of loaded) {
      const k = key(entry.json.type, entry.json.name);
      const clash = this.byKey.get(k);
      if (clash)
        throw new CommandModuleError(
          entry.file,
          `command "${entry.json.name}" is already defined in ${clash.file}`,
        );
      this.byKey.set(k, entry);
      for (const [prefix, handler] of Object.entries(entry.command.buttons ?? {})) {
        const owner = buttonOwners.get(prefix);
        if (owner)
          throw new CommandModuleError(
            entry.file,
            `button prefix "${prefix}" is already handled in ${owner}`,
          );
        buttonOwners.set(prefix, entry.file);
        this.buttonHandlers.set(prefix, handler);
      }
      for (const [prefix, handler] of Object.entries(entry.command.modals ?? {})) {
        if (this.modalHandlers.has(prefix))
          throw new CommandModuleError(entry.file, `modal prefix "${prefix}" is already handled`);
        this.modalHandlers.set(prefix, handler);
      }
    }
  }

  /** Registration JSON of every command, in file order. */
  get json(): RESTPostAPIApplicationCommandsJSONBody[] {
    return this.loaded.map((entry) => entry.json);
  }

  /** The command of a kind (chat input by default) and name. */
  find(
    name: string,
    type: ApplicationCommandType = ApplicationCommandType.ChatInput,
  ): Command<CommandInteraction> | undefined {
    return this.byKey.get(key(type, name))?.command;
  }

  /** The handler for a submitted modal's custom id (`command:action:arg…`) and its arguments. */
  modal(customId: string): { handler: ModalHandler; args: string[] } | undefined {
    const [command, action, ...args] = customId.split(':');
    const handler = this.modalHandlers.get(`${command}:${action}`);
    return handler ? { handler, args } : undefined;
  }

  /** The handler for a button's custom id (`command:action:arg…`) and its arguments. */
  button(customId: string): { handler: ButtonHandler; args: string[] } | undefined {
    const [command, action, ...args] = customId.split(':');
    const handler = this.buttonHandlers.get(`${command}:${action}`);
    return handler ? { handler, args } : undefined;
  }
}

/**
 * Imports every `.ts`/`.js` module in `dir` (sorted by name), validates each and returns the
 * registry. Throws {@link CommandModuleError} naming the first bad file.
 */
export async function loadCommands(dir: string = COMMANDS_DIR): Promise<CommandRegistry> {
  const files = readdirSync(dir)
    .filter((name) => /\.(?:ts|js|mjs)$/.test(name) && !/\.d\.ts$|\.test\.[jt]s$/.test(name))
    .sort();
  const loaded: LoadedCommand[] = [];
  for (const name of files) {
    const path = join(dir, name);
    const file = relative(process.cwd(), path) || name;
    let module: unknown;
    try {
      module = await import(pathToFileURL(path).href);
    } catch (error) {
      throw new CommandModuleError(
        file,
        `could not be imported: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    loaded.push(validateCommandModule(module, file));
  }
  return new CommandRegistry(loaded);
}
