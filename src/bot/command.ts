/**
 * The shape of a command module in `commands/` and the context its handlers receive.
 */
import {
  ApplicationIntegrationType,
  InteractionContextType,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type MessageContextMenuCommandInteraction,
  type ModalSubmitInteraction,
  type RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';
import type { Config } from '../config.js';
import type { ReloadResult } from '../corpus/reload.js';
import type { Engine } from '../engine/index.js';
import type { ReportStore } from '../feedback/store.js';
import type { AnswerStore } from './answer-store.js';
import type { Cooldown } from './cooldown.js';
import type { Logger } from './log.js';

/** What every handler gets: configuration, the current engine and the bot's shared state. */
export interface BotContext {
  readonly config: Config;
  /** The engine over the corpus currently in service. Call it for every request: a reload replaces it. */
  getEngine(): Engine;
  /** Reloads the corpus, keeping the current engine when the new corpus is invalid; null when reloading is not available. */
  readonly reloadCorpus: (() => ReloadResult | Promise<ReloadResult>) | null;
  readonly log: Logger;
  readonly cooldown: Cooldown;
  readonly answers: AnswerStore;
  /** Where "Report a problem" reports are stored; null when reports are not collected (no button is shown). */
  readonly reports: ReportStore | null;
}

/** The interactions a command can be invoked with. */
export type CommandInteraction = ChatInputCommandInteraction | MessageContextMenuCommandInteraction;

/** Handles a click on a button whose custom id starts with the key it is registered under. */
export type ButtonHandler = (
  interaction: ButtonInteraction,
  context: BotContext,
  args: string[],
) => Promise<void>;

/** Handles a submitted modal whose custom id starts with the key it is registered under. */
export type ModalHandler = (
  interaction: ModalSubmitInteraction,
  context: BotContext,
  args: string[],
) => Promise<void>;

/**
 * One command: `export default { data, execute } satisfies Command` (or
 * `satisfies Command<MessageContextMenuCommandInteraction>` for a message context-menu command).
 */
export interface Command<I extends CommandInteraction = ChatInputCommandInteraction> {
  /** The command's definition as registered with Discord (a discord.js builder). */
  data: { readonly name: string; toJSON(): RESTPostAPIApplicationCommandsJSONBody };
  /** Answers an invocation. Throwing is fine: the dispatcher logs it and tells the user briefly. */
  execute(interaction: I, context: BotContext): Promise<void>;
  /** Suggests option values while the user types. */
  autocomplete?(interaction: AutocompleteInteraction, context: BotContext): Promise<void>;
  /**
   * Button handlers by custom id prefix `"<command>:<action>"`; the custom id's further
   * `:`-separated parts are passed as `args`. A prefix may be claimed by one command only.
   */
  buttons?: Record<string, ButtonHandler>;
  /** Modal submit handlers by custom id prefix `"<command>:<action>"`, as for buttons. */
  modals?: Record<string, ModalHandler>;
  /** Whether the per-user cooldown applies (commands that run a search). Default false. */
  cooldown?: boolean;
}

/** A command builder's context setters (slash and context-menu builders both have them). */
interface ContextSettable<B> {
  setContexts(...contexts: InteractionContextType[]): B;
  setIntegrationTypes(...types: ApplicationIntegrationType[]): B;
}

/**
 * Makes a command a server command wherever it is registered: usable in servers only (not in DMs
 * or other apps' contexts) and installed with the server, so a global registration behaves as a
 * guild one does and a server's permission overrides (Integrations) apply. Every command uses it.
 */
export function guildCommand<B extends ContextSettable<B>>(builder: B): B {
  return builder
    .setContexts(InteractionContextType.Guild)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall);
}
