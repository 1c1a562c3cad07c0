/**
 * Answering a question or checking a claim, shared by /ask, "Find in sources", the Q&A channels
 * and mentions: ask the engine, keep what the answer's buttons need, render the first page. Also
 * the handlers of those buttons ("More passages", "Previous passages", "Post to channel"), which
 * ask the engine again from what was kept, and say so when the corpus changed since.
 */
import { MessageFlags, type ButtonInteraction } from 'discord.js';
import type { Answer, AskFilter, Engine } from '../engine/index.js';
import { corpusVersion } from '../feedback/report.js';
import type { StoredAnswer } from './answer-store.js';
import type { BotContext } from './command.js';
import { localeOf, t, type Locale } from './i18n.js';
import { renderAnswer, renderNotice, type AnswerView, type RenderedMessage } from './render.js';
import { NO_MENTIONS, isUnknownMessage, toSendable, update } from './respond.js';

/** Citations fetched per answer: the most the engine gives, so every page comes from one search. */
export const CITATIONS_FETCHED = 10;

/** Default number of passages per page. */
export const DEFAULT_PER_PAGE = 3;

/** What to answer and how. */
export interface AnswerRequest {
  /** The question, or the text of the message to check. */
  text: string;
  mode: AnswerView['mode'];
  perPage?: number;
  isPrivate?: boolean;
  userId: string;
  /** The asker's language. Default `en`. */
  locale?: Locale;
  /** Show the question as the embed title. Default true. */
  showTitle?: boolean;
  /** Ask only within an outlet or dates (questions only); kept for the buttons. */
  filter?: AskFilter | null;
}

function ask(context: BotContext, stored: Pick<StoredAnswer, 'text' | 'mode' | 'filter'>): Answer {
  const engine = context.getEngine();
  return stored.mode === 'claim'
    ? engine.check(stored.text, CITATIONS_FETCHED)
    : engine.ask(stored.text, CITATIONS_FETCHED, stored.filter ?? null);
}

/** Every answer can be reported when reports are collected, except input that was no question at all. */
function canReport(context: BotContext, answer: Answer): boolean {
  return context.reports !== null && answer.error === undefined;
}

const versions = new WeakMap<Engine, string>();

/** The corpus version of an engine (as reports record it), worked out once per engine (a reload makes a new one). */
function versionOf(engine: Engine): string {
  let version = versions.get(engine);
  if (version === undefined) {
    version = corpusVersion(engine.corpus);
    versions.set(engine, version);
  }
  return version;
}

/**
 * The answer a kept request was given, asked again (the engine is deterministic), or null when
 * the corpus has changed since and the answer shown can no longer be reproduced.
 */
export function answerAgain(context: BotContext, stored: StoredAnswer): Answer | null {
  return versionOf(context.getEngine()) === stored.corpusVersion ? ask(context, stored) : null;
}

function viewOf(
  context: BotContext,
  answer: Answer,
  stored: StoredAnswer,
  stateId: string | null,
  page: number,
  notice: string | null = null,
): AnswerView {
  return {
    report: stateId !== null && canReport(context, answer),
    mode: stored.mode,
    page,
    perPage: stored.perPage,
    stateId,
    isPrivate: stored.isPrivate,
    locale: stored.locale,
    showTitle: stored.showTitle,
    notice,
  };
}

/** Asks the engine, keeps what its buttons need and renders its first page. */
export function answerFor(context: BotContext, request: AnswerRequest): RenderedMessage {
  const stored: StoredAnswer = {
    text: request.text,
    mode: request.mode,
    perPage: request.perPage ?? DEFAULT_PER_PAGE,
    isPrivate: request.isPrivate ?? false,
    userId: request.userId,
    corpusVersion: versionOf(context.getEngine()),
    locale: request.locale ?? 'en',
    filter: request.filter ?? null,
    showTitle: request.showTitle ?? true,
  };
  const answer = ask(context, stored);
  // Only an answer with something to page through, post or report needs to be kept.
  const needsState =
    canReport(context, answer) ||
    answer.citations.length > stored.perPage ||
    (stored.isPrivate && answer.citations.length > 0);
  const stateId = needsState ? context.answers.put(stored) : null;
  context.log.debug('answered', {
    mode: request.mode,
    status: answer.status,
    citations: answer.citations.length,
    conflict: answer.conflict !== null,
  });
  return renderAnswer(answer, viewOf(context, answer, stored, stateId, 0));
}

function pageArg(value: string | undefined): number {
  const page = Number(value);
  return Number.isInteger(page) && page >= 0 ? page : 0;
}

/**
 * The kept request behind a button, answered again: the same page when the corpus is the one it
 * was answered from, otherwise the first page of the new answer with a line saying the corpus
 * changed (and the request kept again under the new version). Null when nothing is kept.
 */
function reanswer(
  context: BotContext,
  stateId: string,
  page: number,
): { stored: StoredAnswer; answer: Answer; page: number; notice: string | null; stateId: string } | null {
  const stored = context.answers.get(stateId);
  if (!stored) return null;
  const version = versionOf(context.getEngine());
  const answer = ask(context, stored);
  if (version === stored.corpusVersion) return { stored, answer, page, notice: null, stateId };
  const renewed = { ...stored, corpusVersion: version };
  context.log.info('a button was pressed on an answer from an earlier corpus; answered again', {
    state: stateId,
  });
  return {
    stored: renewed,
    answer,
    page: 0,
    notice: t(stored.locale, 'corpusChanged'),
    stateId: context.answers.put(renewed),
  };
}

/**
 * Removes the buttons from the message of a button that can no longer work (what it needed is no
 * longer kept), and tells the user privately.
 */
async function removeDeadButton(interaction: ButtonInteraction, context: BotContext): Promise<void> {
  context.log.info('a button whose state is no longer kept was pressed; removing it', {
    interaction: interaction.id,
    what: interaction.customId,
  });
  await interaction.update({ components: [], allowedMentions: NO_MENTIONS });
  await interaction.followUp({
    ...toSendable(renderNotice(t(localeOf(interaction), 'buttonGone')), { ephemeral: true }),
    flags: MessageFlags.Ephemeral,
  } as Parameters<ButtonInteraction['followUp']>[0]);
}

/**
 * `ask:page:<stateId>:<page>`: shows another page of an answer's passages. The asker (or anyone,
 * on a private answer, which only the asker sees) gets it in the same message; anyone else gets
 * that page privately, with buttons of their own, and the asker's message is left as it was.
 */
export async function pageButton(
  interaction: ButtonInteraction,
  context: BotContext,
  [stateId = '', page]: string[],
): Promise<void> {
  const again = reanswer(context, stateId, pageArg(page));
  if (!again) {
    await removeDeadButton(interaction, context);
    return;
  }
  const { stored, answer } = again;
  if (stored.isPrivate || interaction.user.id === stored.userId) {
    await update(
      interaction,
      renderAnswer(answer, viewOf(context, answer, stored, again.stateId, again.page, again.notice)),
    );
    return;
  }
  const mine: StoredAnswer = {
    ...stored,
    userId: interaction.user.id,
    isPrivate: true,
    locale: localeOf(interaction),
    showTitle: true,
  };
  const mineId = context.answers.put(mine);
  const message = renderAnswer(answer, viewOf(context, answer, mine, mineId, again.page, again.notice));
  await interaction.reply(
    toSendable(message, { ephemeral: true }) as Parameters<ButtonInteraction['reply']>[0],
  );
}

/**
 * `ask:post:<stateId>:<page>`: posts a private answer to the channel for everyone, as shown, and
 * removes the button from the private copy.
 */
export async function postButton(
  interaction: ButtonInteraction,
  context: BotContext,
  [stateId = '', page]: string[],
): Promise<void> {
  const again = reanswer(context, stateId, pageArg(page));
  if (!again) {
    await removeDeadButton(interaction, context);
    return;
  }
  const { stored, answer } = again;
  // The public copy gets its own state: its buttons page it without a "Post to channel".
  const publicStored = { ...stored, isPrivate: false };
  const publicId = context.answers.put(publicStored);
  await interaction.deferUpdate();
  const posted = toSendable(
    renderAnswer(answer, viewOf(context, answer, publicStored, publicId, again.page, again.notice)),
  );
  await interaction.followUp({ ...posted, flags: undefined } as Parameters<ButtonInteraction['followUp']>[0]);
  const privateCopy = renderAnswer(
    answer,
    viewOf(context, answer, publicStored, again.stateId, again.page, again.notice),
  );
  const { flags: _flags, ...edit } = toSendable(privateCopy);
  try {
    await interaction.editReply(edit);
  } catch (error) {
    // The user dismissed the private copy meanwhile. The answer is posted, which is what was asked:
    // telling them "something went wrong" would be wrong, and might make them post it twice.
    if (!isUnknownMessage(error)) throw error;
    context.log.warn(
      'the private copy was gone (dismissed?) before its "Post to channel" button could be removed',
      { interaction: interaction.id, user: interaction.user.id },
    );
  }
  context.log.info('private answer posted to the channel', {
    interaction: interaction.id,
    user: interaction.user.id,
  });
}
