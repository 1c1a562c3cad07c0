/**
 * Answering a question or checking a claim, shared by /ask, "Find in sources", the Q&A channels
 * and mentions: ask the engine, keep the answer for its buttons, render the first page. Also the
 * handlers of those buttons ("More passages", "Previous passages", "Post to channel").
 */
import type { ButtonInteraction } from 'discord.js';
import type { Answer, AskFilter, Engine } from '../engine/index.js';
import { corpusVersion } from '../feedback/report.js';
import type { BotContext } from './command.js';
import { renderAnswer, renderNotice, type AnswerView, type RenderedMessage } from './render.js';
import { isUnknownMessage, toSendable, update } from './respond.js';

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
  /** Ask only within an outlet or dates (questions only). */
  filter?: AskFilter | null;
}

/** Asks the engine, stores the answer for its buttons and renders its first page. */
export function answerFor(context: BotContext, request: AnswerRequest): RenderedMessage {
  const engine = context.getEngine();
  const answer =
    request.mode === 'claim'
      ? engine.check(request.text, CITATIONS_FETCHED)
      : engine.ask(request.text, CITATIONS_FETCHED, request.filter ?? null);
  const perPage = request.perPage ?? DEFAULT_PER_PAGE;
  const isPrivate = request.isPrivate ?? false;
  // Only an answer with something to page through, post or report needs to be kept.
  const report = canReport(context, answer);
  const needsState =
    report || answer.citations.length > perPage || (isPrivate && answer.citations.length > 0);
  const stateId = needsState
    ? context.answers.put({
        answer,
        mode: request.mode,
        perPage,
        isPrivate,
        userId: request.userId,
        ...(report ? { corpusVersion: versionOf(engine) } : {}),
      })
    : null;
  context.log.debug('answered', {
    mode: request.mode,
    status: answer.status,
    citations: answer.citations.length,
    conflict: answer.conflict !== null,
  });
  return renderAnswer(answer, { mode: request.mode, page: 0, perPage, stateId, isPrivate, report });
}

/** Every answer can be reported when reports are collected, except input that was no question at all. */
function canReport(context: BotContext, answer: Answer): boolean {
  return context.reports !== null && answer.error === undefined;
}

const versions = new WeakMap<Engine, string>();

/** The corpus version of an engine, worked out once per engine (a reload makes a new one). */
function versionOf(engine: Engine): string {
  let version = versions.get(engine);
  if (version === undefined) {
    version = corpusVersion(engine.corpus);
    versions.set(engine, version);
  }
  return version;
}

const EXPIRED = 'These passages are no longer kept. Ask again to see them.';

function pageArg(value: string | undefined): number {
  const page = Number(value);
  return Number.isInteger(page) && page >= 0 ? page : 0;
}

/** `ask:page:<stateId>:<page>`: shows another page of an answer's passages in the same message. */
export async function pageButton(
  interaction: ButtonInteraction,
  context: BotContext,
  [stateId = '', page]: string[],
): Promise<void> {
  const stored = context.answers.get(stateId);
  if (!stored) {
    await interaction.reply(
      toSendable(renderNotice(EXPIRED), { ephemeral: true }) as Parameters<ButtonInteraction['reply']>[0],
    );
    return;
  }
  await update(
    interaction,
    renderAnswer(stored.answer, {
      mode: stored.mode,
      page: pageArg(page),
      perPage: stored.perPage,
      stateId,
      isPrivate: stored.isPrivate,
      report: canReport(context, stored.answer),
    }),
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
  const stored = context.answers.get(stateId);
  if (!stored) {
    await interaction.reply(
      toSendable(renderNotice(EXPIRED), { ephemeral: true }) as Parameters<ButtonInteraction['reply']>[0],
    );
    return;
  }
  const shownPage = pageArg(page);
  // The public copy gets its own state: its buttons page it without a "Post to channel".
  const publicId = context.answers.put({ ...stored, isPrivate: false });
  await interaction.deferUpdate();
  const publicMessage = renderAnswer(stored.answer, {
    mode: stored.mode,
    page: shownPage,
    perPage: stored.perPage,
    stateId: publicId,
    isPrivate: false,
    report: canReport(context, stored.answer),
  });
  const posted = toSendable(publicMessage);
  await interaction.followUp({ ...posted, flags: undefined } as Parameters<ButtonInteraction['followUp']>[0]);
  const privateCopy = renderAnswer(stored.answer, {
    mode: stored.mode,
    page: shownPage,
    perPage: stored.perPage,
    stateId,
    isPrivate: false,
    report: canReport(context, stored.answer),
  });
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
