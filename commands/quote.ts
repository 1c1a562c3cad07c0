import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import { guildCommand, type Command } from '../src/bot/command.js';
import { fr, localeOf, t } from '../src/bot/i18n.js';
import { QUOTES_SHOWN, renderNotice, renderQuotes } from '../src/bot/render.js';
import { defer, send, toSendable } from '../src/bot/respond.js';

/** `/quote query: [speaker:] [private:]`: quotations from the corpus with a copy-ready citation line. */
export default {
  data: guildCommand(new SlashCommandBuilder())
    .setName('quote')
    .setNameLocalizations(fr('citation'))
    .setDescription('Find who said what: quotations from the corpus, ready to cite')
    .setDescriptionLocalizations(fr('Qui a dit quoi : les citations du corpus, prêtes à citer'))
    .addStringOption((option) =>
      option
        .setName('query')
        .setNameLocalizations(fr('recherche'))
        .setDescription('Words from the quotation, or a topic')
        .setDescriptionLocalizations(fr('Des mots de la citation, ou un sujet'))
        .setRequired(true)
        .setMaxLength(300),
    )
    .addStringOption((option) =>
      option
        .setName('speaker')
        .setNameLocalizations(fr('auteur'))
        .setDescription('Only quotations from this speaker')
        .setDescriptionLocalizations(fr('Seulement les citations de cette personne'))
        .setAutocomplete(true)
        .setMaxLength(100),
    )
    .addBooleanOption((option) =>
      option
        .setName('private')
        .setNameLocalizations(fr('privé'))
        .setDescription('Show the quotations only to you (default: no)')
        .setDescriptionLocalizations(fr('Citations visibles de vous seul (par défaut : non)')),
    ),
  cooldown: true,
  async execute(interaction, context) {
    const query = interaction.options.getString('query', true);
    const speaker = interaction.options.getString('speaker')?.trim() || null;
    const isPrivate = interaction.options.getBoolean('private') ?? false;
    await defer(interaction, { ephemeral: isPrivate });
    const result = context.getEngine().findQuotations(query, { speaker, limit: 25 });
    const lines = result.quotes.slice(0, QUOTES_SHOWN).map((q) => q.citation);
    const stateId =
      lines.length > 0 ? context.answers.putCitations({ lines, userId: interaction.user.id }) : null;
    await send(interaction, renderQuotes(result, { speaker, locale: localeOf(interaction), stateId }));
  },
  async autocomplete(interaction, context) {
    const names = context.getEngine().speakerSuggestions(interaction.options.getFocused(), 25);
    await interaction.respond(names.map((name) => ({ name, value: name })));
  },
  buttons: {
    /** `quote:copy:<stateId>:<index>`: the citation line as plain private text, which every Discord app can copy. */
    async 'quote:copy'(interaction, context, [stateId = '', index]) {
      const line = context.answers.getCitations(stateId)?.lines[Number(index)];
      const locale = localeOf(interaction);
      // Plain content, not an embed: embed text cannot be selected on Discord's mobile apps.
      const body =
        line === undefined ? renderNotice(t(locale, 'copyGone')) : { content: line.slice(0, 2000) };
      await interaction.reply({
        ...toSendable(body, { ephemeral: true }),
        flags: MessageFlags.Ephemeral,
      } as Parameters<typeof interaction.reply>[0]);
    },
  },
} satisfies Command;
