/**
 * The bot's own words in English and French: replies follow the user's Discord language
 * (`interaction.locale`), command names and descriptions carry French localisations beside the
 * English. Corpus text is never translated: quotes stay verbatim in their own language.
 */
import type { Locale as DiscordLocale, LocalizationMap } from 'discord.js';

/** The languages the bot replies in. */
export type Locale = 'en' | 'fr';

/** `fr` for a French Discord client (Discord sends `fr`), `en` for everything else. */
export function toLocale(discordLocale: string | null | undefined): Locale {
  return discordLocale?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** The reply language of an interaction (its user's client language). */
export function localeOf(interaction: { locale?: string | null }): Locale {
  return toLocale(interaction.locale);
}

const EN = {
  restarting: 'The bot is restarting. Try again in a minute.',
  answer: 'Answer:',
  sourcesDisagree: 'sources disagree:',
  sourcesDisagreeTitle: 'Sources disagree',
  noShortAnswer: 'None of these passages gives a short answer of the kind asked; read them to judge.',
  noConfident:
    '**No confident answer in the corpus.** The closest passages are below, labelled as such: they may not answer the question.',
  noConfidentNothing: '**No confident answer in the corpus**, and no passage comes close.',
  closest: '__Closest passages (not an answer):__',
  notUsable: '**Not a usable question:**',
  message: '**Message:**',
  claimNothing: 'Nothing in the corpus comes close to this message.',
  claimNoAnswer:
    'Nothing in the corpus clearly bears on this message. The nearest passages are below; they may be unrelated.',
  claimStance:
    'On the figure it gives: {agree} passage(s) give the same, {differ} a different one (marked below). Read them to judge the rest.',
  claimClosest:
    'The closest passages in the corpus are below. Read them to judge whether they support or contradict the message.',
  claimTitle: 'Closest passages in the corpus',
  sameFigure: 'same figure',
  differentFigure: 'different figure',
  alsoIn: 'Also in',
  passages: 'Passages {from}–{to} of {total}',
  verbatim: 'quoted verbatim',
  inferredNote: '“inferred”: the date is worked out, not printed in the article',
  more: 'More passages',
  previous: 'Previous passages',
  post: 'Post to channel',
  copy: 'Copy citation',
  report: 'Report a problem',
  published: 'published {date}',
  publishedInferred: 'published c. {date} (inferred)',
  dateUnknown: 'date unknown',
  expired: 'These passages are no longer kept. Ask again to see them.',
  corpusChanged:
    'The corpus has changed since this answer was given, so here is the answer from the corpus as it is now.',
  buttonGone: 'This button no longer works, so it was removed. Ask again.',
  cooldown: 'You are asking quickly: try again in {seconds} s.',
  genericError: 'Something went wrong while answering. The error has been logged; please try again.',
  noText: 'That message has no text to look up.',
  noArticle: 'No article has the id {id}. /sources lists them all.',
  quoteNone: 'No quotation in the corpus{what}{who}.',
  quoteMatches: ' matches “{query}”',
  quoteFrom: ' from {speaker}',
  quoteTitleQuery: 'Quotations matching “{query}”{who}',
  quoteTitleSpeaker: 'Quotations from {speaker}',
  quoteEveryone: 'everyone',
  quoteUnattributed: 'Unattributed (the article names no speaker)',
  quoteMore: '{shown} of {total} quotations shown; narrow the search with more words or speaker:',
  quoteCount: '{shown} quotation(s) · quoted verbatim',
  cite: 'Cite',
  quoteLookup: 'Quote lookup:',
  copyGone: 'This citation is no longer kept. Run /quote again.',
  outlet: 'Outlet',
  publishedField: 'Published',
  howInferred: 'How the date was worked out',
  passagesIndexed: 'Passages indexed',
  opening: 'Opening paragraph, quoted verbatim',
  noBody: '*(no body text)*',
  askHint: 'Ask me a question about France’s 2022 withdrawal from Mali, or use /help.',
  reloadUnavailable: 'Reloading is not available in this bot instance.',
  reloaded: 'Corpus reloaded: {summary}.',
  reloadRefused:
    'The new corpus was refused, so the previous one is still in service. Fix this and run /reload again:',
  unavailable: 'This command is no longer available. Try /help.',
  buttonUnknown: 'This button no longer works. Ask again.',
  threadFailed: 'I could not post the answer in this thread. The error has been logged; ask again.',
  threadFailedPermission:
    'I could not post the answer in this thread: I lack a permission here (Embed Links or Send Messages in Threads). Ask a server admin to grant it, then ask again.',
} as const;

/** A key of the bot's own strings. */
export type StringKey = keyof typeof EN;

const FR: Record<StringKey, string> = {
  restarting: 'Le bot redémarre. Réessayez dans une minute.',
  answer: 'Réponse :',
  sourcesDisagree: 'les sources divergent :',
  sourcesDisagreeTitle: 'Les sources divergent',
  noShortAnswer: 'Aucun de ces passages ne donne de réponse courte du type demandé ; lisez-les pour juger.',
  noConfident:
    '**Pas de réponse sûre dans le corpus.** Les passages les plus proches suivent, signalés comme tels : ils peuvent ne pas répondre à la question.',
  noConfidentNothing: '**Pas de réponse sûre dans le corpus**, et aucun passage n’en approche.',
  closest: '__Passages les plus proches (pas une réponse) :__',
  notUsable: '**Question inutilisable :**',
  message: '**Message :**',
  claimNothing: 'Rien dans le corpus n’approche ce message.',
  claimNoAnswer:
    'Rien dans le corpus ne porte clairement sur ce message. Les passages les plus proches suivent ; ils peuvent être sans rapport.',
  claimStance:
    'Sur le chiffre donné : {agree} passage(s) donnent le même, {differ} un autre (signalés ci-dessous). Lisez-les pour juger du reste.',
  claimClosest:
    'Les passages les plus proches du corpus suivent. Lisez-les pour juger s’ils confirment ou contredisent le message.',
  claimTitle: 'Passages les plus proches dans le corpus',
  sameFigure: 'même chiffre',
  differentFigure: 'autre chiffre',
  alsoIn: 'Aussi dans',
  passages: 'Passages {from} à {to} sur {total}',
  verbatim: 'cités mot pour mot',
  inferredNote: '« date déduite » : la date est établie, pas imprimée dans l’article',
  more: 'Plus de passages',
  previous: 'Passages précédents',
  post: 'Publier dans le salon',
  copy: 'Copier la citation',
  report: 'Signaler un problème',
  published: 'publié le {date}',
  publishedInferred: 'publié vers le {date} (date déduite)',
  dateUnknown: 'date inconnue',
  expired: 'Ces passages ne sont plus conservés. Reposez la question pour les voir.',
  corpusChanged:
    'Le corpus a changé depuis cette réponse : voici la réponse tirée du corpus tel qu’il est maintenant.',
  buttonGone: 'Ce bouton ne fonctionne plus, il a donc été retiré. Reposez la question.',
  cooldown: 'Vous posez vos questions vite : réessayez dans {seconds} s.',
  genericError: 'Une erreur est survenue pendant la réponse. Elle a été consignée ; réessayez.',
  noText: 'Ce message n’a pas de texte à rechercher.',
  noArticle: 'Aucun article n’a l’identifiant {id}. /sources les liste tous.',
  quoteNone: 'Aucune citation du corpus{what}{who}.',
  quoteMatches: ' ne correspond à « {query} »',
  quoteFrom: ' de {speaker}',
  quoteTitleQuery: 'Citations correspondant à « {query} »{who}',
  quoteTitleSpeaker: 'Citations de {speaker}',
  quoteEveryone: 'tout le monde',
  quoteUnattributed: 'Sans attribution (l’article ne nomme personne)',
  quoteMore: '{shown} citations sur {total} affichées ; affinez avec plus de mots ou l’option speaker:',
  quoteCount: '{shown} citation(s) · citées mot pour mot',
  cite: 'Citer',
  quoteLookup: 'Recherche de citation :',
  copyGone: 'Cette citation n’est plus conservée. Relancez /quote.',
  outlet: 'Média',
  publishedField: 'Publié',
  howInferred: 'Comment la date a été établie',
  passagesIndexed: 'Passages indexés',
  opening: 'Premier paragraphe, cité mot pour mot',
  noBody: '*(pas de texte)*',
  askHint: 'Posez-moi une question sur le retrait français du Mali en 2022, ou utilisez /help.',
  reloadUnavailable: 'Le rechargement n’est pas disponible sur cette instance du bot.',
  reloaded: 'Corpus rechargé : {summary}.',
  reloadRefused:
    'Le nouveau corpus a été refusé ; le précédent reste en service. Corrigez ceci puis relancez /reload :',
  unavailable: 'Cette commande n’est plus disponible. Essayez /help.',
  buttonUnknown: 'Ce bouton ne fonctionne plus. Reposez la question.',
  threadFailed:
    'Je n’ai pas pu publier la réponse dans ce fil. L’erreur a été consignée ; reposez la question.',
  threadFailedPermission:
    'Je n’ai pas pu publier la réponse dans ce fil : il me manque une permission ici (Intégrer des liens ou Envoyer des messages dans les fils). Demandez-la à un admin, puis reposez la question.',
};

const TABLES: Record<Locale, Record<StringKey, string>> = { en: EN, fr: FR };

/** The bot's string `key` in `locale`, with `{name}` placeholders filled from `values`. */
export function t(locale: Locale, key: StringKey, values: Record<string, string | number> = {}): string {
  return TABLES[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

const MONTHS: Record<Locale, string[]> = {
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  fr: ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'],
};

/** "17 Feb 2022" / "17 févr. 2022" from an ISO date. */
export function dayMonthYear(iso: string, locale: Locale): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[locale][m - 1] ?? ''} ${y}`;
}

/** French localisations for a command's name, description or option (`{ fr: … }`). */
export function fr(text: string): LocalizationMap {
  return { fr: text } as Partial<Record<DiscordLocale, string>>;
}
