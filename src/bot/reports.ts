/**
 * "Report a problem" under every answer: the button opens a Discord modal (what is wrong, from a
 * select, and the reporter's own words), and its submission is stored in the reports database.
 * The reporter is thanked only once the report is committed; if it cannot be stored they are told
 * so, with their words given back so nothing they wrote is lost.
 */
import {
  ComponentType,
  TextInputStyle,
  type APIModalInteractionResponseCallbackData,
  type ButtonInteraction,
  type ModalSubmitInteraction,
} from 'discord.js';
import { reportOf } from '../feedback/report.js';
import { isProblem, PROBLEM_LABELS, PROBLEMS } from '../feedback/store.js';
import { answerAgain } from './answers.js';
import type { BotContext } from './command.js';
import { send } from './respond.js';
import { fitEscaped, LIMITS } from './text.js';

/** Custom id prefix of the button and of the modal it opens (`ask:report:<stateId>`). */
export const REPORT_PREFIX = 'ask:report';

/** Most characters of the reporter's own words. */
export const DETAILS_MAX = 1000;

const PROBLEM_HINTS: Record<(typeof PROBLEMS)[number], string> = {
  wrong_answer: 'The short answer or the reading of the passages is wrong',
  wrong_source: 'A passage is misattributed, misdated or not what it says',
  should_have_answered: 'The corpus answers this, but the bot said it could not',
  other: 'Something else: say what below',
};

/** The modal a "Report a problem" click opens: a select of what is wrong and a text box. */
export function reportModal(stateId: string): APIModalInteractionResponseCallbackData {
  return {
    custom_id: `${REPORT_PREFIX}:${stateId}`.slice(0, LIMITS.customId),
    title: 'Report a problem with this answer',
    components: [
      {
        type: ComponentType.Label,
        label: 'What is wrong?',
        component: {
          type: ComponentType.StringSelect,
          custom_id: 'problem',
          placeholder: 'Choose one',
          min_values: 1,
          max_values: 1,
          required: true,
          options: PROBLEMS.map((p) => ({
            label: PROBLEM_LABELS[p],
            value: p,
            description: PROBLEM_HINTS[p],
          })),
        },
      },
      {
        type: ComponentType.Label,
        label: 'Details',
        description: 'What should it have said, or which passage is wrong? (optional)',
        component: {
          type: ComponentType.TextInput,
          custom_id: 'details',
          style: TextInputStyle.Paragraph,
          required: false,
          max_length: DETAILS_MAX,
        },
      },
    ],
  };
}

const GONE =
  'This answer is no longer kept, so a report cannot be tied to it. Ask again and report from the new answer.';

/** A private reply (the text already escaped where it quotes anyone), with the usual reply hygiene. */
function privately(interaction: ButtonInteraction | ModalSubmitInteraction, content: string): Promise<void> {
  return send(interaction, { content }, { ephemeral: true });
}

/** Gives the reporter's words back, quoted and cut to fit, so that nothing they wrote is lost. */
function withTheirWords(message: string, details: string): string {
  if (!details.trim()) return message;
  return `${message}\nWhat you wrote:\n> ${fitEscaped(details.replace(/\s+/g, ' ').trim(), LIMITS.content - message.length - 40)}`;
}

/** `ask:report:<stateId>` button: opens the report modal for that answer. */
export async function reportButton(
  interaction: ButtonInteraction,
  context: BotContext,
  [stateId = '']: string[],
): Promise<void> {
  if (!context.reports) {
    await privately(interaction, 'Reports are not being collected by this bot instance.');
    return;
  }
  if (!context.answers.get(stateId)) {
    await privately(interaction, GONE);
    return;
  }
  await interaction.showModal(reportModal(stateId));
}

/** `ask:report:<stateId>` modal submit: stores the report, then thanks the reporter privately. */
export async function reportSubmit(
  interaction: ModalSubmitInteraction,
  context: BotContext,
  [stateId = '']: string[],
): Promise<void> {
  const chosen = interaction.fields.getStringSelectValues('problem')[0] ?? '';
  const details = (
    interaction.fields.fields.has('details') ? interaction.fields.getTextInputValue('details') : ''
  ).slice(0, DETAILS_MAX);
  const stored = context.answers.get(stateId);
  // The answer as it was shown: asked again from what was kept, unless the corpus changed since.
  const answer = stored ? answerAgain(context, stored) : null;
  if (!context.reports || !stored || !answer) {
    await privately(
      interaction,
      withTheirWords(
        context.reports ? GONE : 'Reports are not being collected by this bot instance.',
        details,
      ),
    );
    return;
  }
  if (!isProblem(chosen)) {
    await privately(
      interaction,
      withTheirWords(`“${fitEscaped(chosen, 50)}” is not one of the choices; report again.`, details),
    );
    return;
  }
  let id: number;
  try {
    id = context.reports.add(
      reportOf(answer, stored.mode, {
        problem: chosen,
        details,
        userId: interaction.user.id,
        askedBy: stored.userId,
        guildId: interaction.guildId,
        channelId: interaction.channelId,
        corpusVersion: stored.corpusVersion,
      }),
    ).id;
  } catch (error) {
    context.log.error('could not store a report', {
      interaction: interaction.id,
      path: context.reports.path,
      error,
    });
    await privately(
      interaction,
      withTheirWords(
        'Your report could not be saved; the error has been logged. Please try again later.',
        details,
      ),
    );
    return;
  }
  context.log.info('report stored', { report: id, problem: chosen, user: interaction.user.id });
  await privately(
    interaction,
    `Thank you: report #${id} (${PROBLEM_LABELS[chosen]}) is saved for the newsroom’s editors.`,
  );
}
