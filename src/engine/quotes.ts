import type { Article, Corpus } from '../corpus/load.js';
import { splitSentences, type Span } from '../corpus/segment.js';
import { personMentions, titleBefore, type PersonMention } from './entities.js';
import { COUNTRIES, NOT_NAME_WORDS, OTHER_PLACES, TITLE_WORDS } from './gazetteer.js';
import { sourceOf } from './sources.js';
import type { Quotation, QuoteResult } from './types.js';
import { comparable, looseComparable } from '../text/normalize.js';
import { indexTerms } from '../text/tokenize.js';
import { termsOf } from '../text/analyzer.js';
import { french } from '../text/french.js';
import { analyzerFor, questionLanguage } from '../text/languages.js';
import { queryProblem } from './validate.js';
import { withinEdits } from './search.js';
import { STOP_WORDS } from '../text/stopwords.js';
import { fra } from 'stopword';
import { wordnet, type Pos } from '../text/wordnet.js';

/** Verbs that introduce or close a quotation. */
const SPEECH_VERB =
  'said|says|say|read|reads|told|tells|ordered|orders|added|adds|adding|warned|warns|warning|stated|states|declared|insisted|announced|announces|cited|citing|wrote|writes|asked|argued|explained|noted|claimed|denied|acknowledged|vowed|urged|called|described|saying|telling|stressed|insisting|explaining|continued|continues|concluded|affirmed|tweeted|posted|emphasised|emphasized|pointed out|remarked|replied|responded|recalled|conceded|admitted|promised|pledged|threatened|accused|condemned|denounced|demanded|asserted|maintained|suggested|observed|commented|confirmed|lamented|hailed|praised|welcomed|branded|dubbed|reiterated|indicated|assured|underlined|underscored|reported|estimated|predicted|specified|voiced|criticized|criticised|according to|en disant|en affirmant|en d\u00E9clarant|en expliquant|en soulignant|en ajoutant|en assurant|en estimant|en pr\u00E9cisant|en rappelant|en indiquant';
/** French verbs of saying, as past participles ("a déclaré") and present forms ("déclare"). */
const FR_PARTICIPLE =
  'déclaré|réitéré|réaffirmé|lancé|affirmé|ajouté|indiqué|expliqué|souligné|dit|estimé|assuré|précisé|justifié|martelé|insisté|averti|annoncé|répondu|rappelé|confié|écrit|prévenu|tranché|dénoncé|conclu|reconnu|promis|fait savoir|commenté|regretté|déploré|jugé|considéré|observé|noté|relevé|poursuivi|martelé|clamé|plaidé|fustigé|ironisé|lâché|asséné|glissé|raconté|résumé|analysé|tonné|accusé|demandé|exigé|réclamé|répété|avancé|soutenu|admis|qualifié|tweeté|félicité|interrogé|réagi|signalé|détaillé|insisté|menacé|mis en garde|prévenu|renchéri|complété|argué|avoué|certifié|garanti|martelé|nuancé|objecté|protesté|répliqué|rétorqué|souhaité|suggéré|témoigné|salué|évoqué|appelé|exhorté|invité|reproché|mentionné|expliqué|prédit|craint|dit|lu|informé';
const FR_PRESENT =
  'dit|déclare|affirme|ajoute|estime|explique|poursuit|précise|souligne|indique|assure|lance|martèle|insiste|rappelle|conclut|tranche|confie|avertit|reconnaît|juge|note|relève|observe|commente|regrette|déplore|fustige|dénonce|ironise|lâche|prévient|assène|glisse|raconte|résume|analyse|tonne|accuse|demande|exige|réclame|répète|avance|soutient|admet|promet|annonce|qualifie|écrit|renchérit|complète|argue|avoue|nuance|objecte|proteste|réplique|rétorque|souhaite|suggère|témoigne|détaille|menace|s.insurge|s.interroge|s.indigne|se félicite|se désole|estiment|affirment|déclarent|ajoutent|indiquent|précisent|soulignent|expliquent|assurent|rappellent|annoncent|dénoncent|jugent|notent|insistent|lancent|martèlent|tranchent|confient|relèvent|observent|commentent|regrettent|déplorent|fustigent|ironisent|lâchent|assènent|glissent|racontent|résument|analysent|tonnent|accusent|demandent|exigent|réclament|répètent|avancent|qualifient|complètent|arguent|avouent|nuancent|objectent|protestent|répliquent|rétorquent|souhaitent|suggèrent|témoignent|détaillent|menacent|informe|informent|font savoir|fait savoir|poursuivent|concluent|reconnaissent|préviennent|répondent|répond|écrivent|admettent|soutiennent';
/**
 * Any past participle in -é, -i or -u ("rassuré", "réagi", "convenu"): right after a closing
 * quotation mark and "a"/"a-t-il", such a participle attributes the words whether or not it is
 * in FR_PARTICIPLE, which can never list every verb a writer uses for saying.
 */
const FR_ANY_PARTICIPLE = '\\p{Ll}{3,}(?:\u00E9|i|u)';
/**
 * An adverb or a short aside between a French auxiliary and its participle ("a aussi estimé",
 * "avait déjà accusé", "a pour sa part indiqué", "avait, deux jours après, qualifié").
 */
const FR_AUX_ADVERB =
  '(?:\\s+(?:aussi|d\u00E9j\u00E0|\u00E9galement|encore|pourtant|notamment|alors|ainsi|enfin|ensuite|toutefois|d[\'\u2019]abord|m\u00EAme|bien|par\\s+ailleurs|en\\s+outre|de\\s+nouveau|cependant|n\u00E9anmoins|publiquement|pour\\s+sa\\s+part|de\\s+son\\s+c\u00F4t\u00E9|quant\\s+\u00E0\\s+(?:lui|elle)|\u00E0\\s+nouveau|une\\s+nouvelle\\s+fois|plusieurs\\s+fois)|\\s*,[^,.;:\u00AB\u00BB\u201C\u201D"]{2,40},)?';
/**
 * «…», a-t-il justifié / «…», dit-elle: an inverted verb with a pronoun, pointing back to the last
 * person; "a t-il", "a-t il" and "a t il", as pages typed in haste print it, too.
 */
const FR_INVERTED_PRONOUN = new RegExp(
  `^\\s*[,.]?\\s*(?:(?:a(?:\\s?-\\s?|\\s)t(?:\\s?-\\s?|\\s)|(?:avait|avaient|ont|aurait|auraient)\\s?-\\s?)(?:il|elle|ils|elles)\\s+(?:${FR_PARTICIPLE}|${FR_ANY_PARTICIPLE})|(?:${FR_PRESENT}|\\p{Ll}{3,}[e\u00E9]|\\p{Ll}{3,}(?:it|ent))(?:-t)?-(?:il|elle|ils|elles)|s['\u2019](?:est|\u00E9tait)-(?:il|elle)\\s+\\p{L}+|se\\s+\\p{L}+-t-(?:il|elle)|(?:a|avait)-t-(?:il|elle)\\s+(?:tenu|voulu|souhait\u00E9)\\s+\u00E0\\s+\\p{L}+)(?![\\p{L}])`,
  'iu',
);
/** «…», peut-on lire dans le communiqué / «…», ajoute-t-on: words of a statement, its issuer named after or earlier. */
const FR_INVERTED_ON = new RegExp(
  `^\\s*[,.]?\\s*(?:(?:peut|pouvait|pourra)-on\\s+lire|lit-on|(?:a-t-on|avait-on)\\s+(?:${FR_PARTICIPLE}|appris|lu)|(?:${FR_PRESENT}|fait)(?:-t)?-on(?:\\s+savoir)?)(?![\\p{L}])`,
  'iu',
);
/** «…», a déclaré le colonel Maïga / «…», selon l'Élysée / «…», poursuit le ministre: the speaker after the verb. */
const FR_AFTER = new RegExp(
  `^\\s*[,.:]?\\s*(?:(?:c['\u2019]est\\s+)?(?:ce\\s+qu['\u2019]|comme\\s+l['\u2019])?(?:a|avait|ont|avaient)${FR_AUX_ADVERB}\\s+(?:${FR_PARTICIPLE}|${FR_ANY_PARTICIPLE})|${FR_PRESENT}|selon|d['\u2019]apr[eè]s)\\s+((?:[\\p{L}\\p{N}'\u2019.-]+\\s+){0,9}?[\\p{L}\\p{N}'\u2019.-]+)(?=\\s*(?:[,.;:(]|\\s(?:au|aux|lors|dans|devant|sur|en|à|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|ce|cette|après|avant|depuis|pendant|face|qui|que|dont|concernant|\\p{Ll}+ant)(?![\\p{L}\\p{N}_])|$))`,
  'iu',
);
/**
 * How every match of FR_AFTER opens (a superset): the words after a quotation that do not open
 * so need no asides blanked before FR_AFTER is tried, a scan that costs a look-behind over the
 * verb lists at every character.
 */
const FR_AFTER_OPENING = new RegExp(
  `^\\s*[,.:]?\\s*(?:c['\u2019]|ce\\s|comme\\s|a|avait|ont|avaient|selon|d['\u2019]|${FR_PRESENT})`,
  'iu',
);
/**
 * A clause that ends with a finite verb and a colon, right before a quotation: its words from
 * the clause's start (group 1, opening with a capital), the comma before the verb if any (group
 * 2) and the verb (group 3: English in -s or -ed, French in the present, or a compound past).
 */
const VERB_BEFORE_COLON =
  /(?:^|[.!?;]\s+)(\p{Lu}[^.!?;:\u201C\u201D"\u00AB\u00BB]{1,150}?)(,?)\s+((?:(?:a|ont)\s+)?\p{Ll}{3,}(?:s|ed|e|t|\u00E9))\s*:\s*$/u;
/** Words a speaker's name never opens with: prepositions, relative pronouns, conjunctions of time. */
const NOT_A_NAME_OPENING =
  /^(?:with|without|despite|amid|in|into|at|during|from|by|under|after|before|since|through|who|whom|whose|which|where|when|while|avec|sans|malgr\u00E9|dans|lors|pendant|durant|depuis|par|sous|apr\u00E8s|avant|qui|dont|o\u00F9|lorsque|quand)\s/iu;
/** "dans un communiqué", "in a statement": a sentence says its subject spoke in a statement. */
const IN_A_STATEMENT =
  /(?<![\p{L}])(?:(?:dans|par)\s+(?:un|le|son|sa|leur)\s+(?:communiqu\u00E9|d\u00E9claration)|in\s+(?:a|its|their)\s+(?:written\s+)?statement)(?![\p{L}])/iu;
/** "Dans l'escalade verbale, ", "After the vote, ": a prepositional phrase opening a sentence before its subject. */
const LEADING_ADJUNCT =
  /^\s*(?:dans|en|lors|apr\u00E8s|avant|depuis|pour|face|malgr\u00E9|in|on|at|after|before|since|amid|during|despite)\s[^,]{1,80},\s*/iu;
/** "Dans un communiqué publié lundi, ", "In a statement, ": the phrase opening a sentence before its subject. */
const LEADING_STATEMENT = /^\s*(?:dans|par|in)\s+(?:un|le|son|sa|leur|a|its|their)\s+[^,]{1,80},\s*/iu;
/** An article or a possessive ending a text: a verb-like word after it is a noun ("l'annonce", "his warning"). */
const DETERMINER_BEFORE =
  /(?:(?<![\p{L}])(?:l['\u2019]|d['\u2019]|la|le|les|un|une|des|du|cette|ces|son|sa|ses|leur|leurs|the|a|an|this|his|her|its|their)\s*)$/iu;
/** "à l'AFP", "au Monde", "à la presse": to whom it was said, between the verb and the speaker. */
const FR_TO_WHOM = new RegExp(
  // An adjective may follow the noun ("à la télévision nationale"): a lower-case word that is no
  // determiner, since the subject after it opens with one or with a capital ("un porte-parole").
  `(?<=(?:${FR_PARTICIPLE}|${FR_PRESENT}))\\s+(?:à|au|aux)\\s+(?:l['\u2019]|la\\s+|les\\s+)?[\\p{L}-]+(?:\\s+(?!(?:un|une|le|la|les|des|du|son|sa|ses|leur|leurs|ce|cet|cette|ces)(?![\\p{L}]))\\p{Ll}[\\p{Ll}-]*(?![\\p{L}'\u2019]))?`,
  // Case-sensitive: under the i flag \p{Ll} matches capitals too, and would eat a name.
  'gu',
);
/** Asides between a French verb of saying and its subject: "dans un autre communiqué", "jeudi", "lors d'une conférence de presse". */
const FR_ASIDE = new RegExp(
  `(?<=(?:${FR_PARTICIPLE}|${FR_PRESENT})\\s*),?\\s(?:dans\\s+(?:la\\s+)?(?:soir\u00E9e|matin\u00E9e|nuit|journ\u00E9e)|dans\\s+l['\u2019]apr\u00E8s-midi|dans\\s+(?:un|une|le|la|son|sa|leur)\\s+(?:(?:autre|nouveau|nouvelle|bref|long|court)\\s+)?(?:communiqu\u00E9|d\u00E9claration|entretien|interview|message|tweet|discours|note|lettre)(?:\\s+(?:commun|conjoint|officiel|publi\u00E9|diffus\u00E9))?|lors\\s+d['\u2019]une\\s+conf\u00E9rence\\s+de\\s+presse|(?:ce\\s+|le\\s+)?(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)(?:\\s+(?:matin|soir|apr\u00E8s-midi))?|aussi|encore|\u00E9galement|ensuite|alors|hier|ainsi|notamment|d['\u2019]ailleurs|par\\s+ailleurs|toutefois|cependant|n\u00E9anmoins|quant\\s+\u00E0\\s+(?:lui|elle)|pour\\s+sa\\s+part|de\\s+son\\s+c\u00F4t\u00E9|sur\\s+(?:Twitter|X|Facebook|les\\s+ondes\\s+de\\s+[\\p{L}-]+|[\\p{Lu}][\\p{L}-]*))(?:\\s*,(?=\\s))?(?=[\\s,]|$)`,
  'giu',
);
/**
 * Any aside set between commas after a French verb of saying and before its subject, opening in
 * lower case with no determiner (a subject opens with one, or with a capital): ", lundi 14 février
 * dans l'émission C à vous ,", ", selon ses proches,". Its closing comma goes with it.
 */
const FR_COMMA_ASIDE = new RegExp(
  `(?<=(?:${FR_PARTICIPLE}|${FR_PRESENT}|${FR_ANY_PARTICIPLE})\\s*),\\s*(?!(?:le|la|les|l['\u2019]|un|une|des|son|sa|ses|leur|leurs|ce|cet|cette|ces)(?![\\p{L}]))\\p{Ll}[^,.;:\u00AB\u00BB\u201C\u201D"]{1,70}?\\s*,`,
  'gu',
);
/** X a déclaré : « … » / X affirme que « … » / Pour X, … « … » / Selon X, « … »: the speaker before the quotation. */
const FR_BEFORE_VERB = new RegExp(
  `(?<![\\p{L}])(?:(?:a|avait|ont|avaient)${FR_AUX_ADVERB}\\s+(?:${FR_PARTICIPLE})|${FR_PRESENT})(?![\\p{L}])`,
  'giu',
);
const FR_FOR =
  /(?:^|[.;]\s+|,\s*)(?:according to|pour|selon|d['\u2019]apr[eè]s)\s+((?:[\p{L}\p{N}'\u2019.-]+\s+){0,6}?[\p{L}\p{N}'\u2019.-]+)\s*,/giu;
/** Words between a subject and its verb that are not part of the subject ("Macron has previously said"). */
const ADVERBS =
  /(?:\s+(?:has|have|had|also|then|later|previously|earlier|already|repeatedly|often|once|again|further|however|though|nonetheless|meanwhile|himself|herself|itself|themselves|publicly|separately|in a statement|in a speech|on\s+\w+(?:\s+(?:morning|afternoon|evening|night))?))+$/iu;
/** "sous couvert d'anonymat", "speaking on condition of anonymity": how a source spoke, after its description. */
const ANONYMITY =
  /,?\s+(?:(?:qui\s+a\s+requis\s+l['\u2019]anonymat)|(?:s'exprimant\s+)?sous\s+(?:le\s+)?couvert\s+(?:de\s+l['\u2019]|d['\u2019])anonymat|(?:speaking\s+)?on\s+(?:the\s+)?condition\s+of\s+anonymity|who\s+(?:asked|declined)\s+(?:not\s+)?to\s+be\s+(?:named|identified))$/iu;
/**
 * A news agency by its usual names in either language. An agency relays what others said ("…,
 * according to France Presse", "Colonel X told AFP", « a déclaré à l'AFP ») and is never the one
 * who said it: named as the speaker, it is passed over for whoever its sentence gives.
 */
const NEWS_AGENCY =
  "(?:(?:the\\s+)?(?:agence\\s+)?france[-\\s]presse(?:\\s+agency)?|(?:l['\u2019]\\s*)?(?:agence\\s+)?afp|reuters|(?:the\\s+)?associated\\s+press|ap|(?:the\\s+)?anadolu(?:\\s+agency)?|(?:l['\u2019]\\s*agence\\s+)?anadolu|xinhua|tass|ria\\s+novosti|efe|ansa|dpa)";
/** A phrase that is only a news agency. */
const AGENCY_ONLY = new RegExp(`^${NEWS_AGENCY}$`, 'iu');
/** "… to AFP", "… à l'AFP", "… told Reuters": the agency a speaker spoke to, no part of the name. */
const TO_AGENCY = new RegExp(`\\s+(?:to|told|\u00E0|aupr\u00E8s\\s+de)\\s+${NEWS_AGENCY}$`, 'iu');
/** "statement sent to AFP by", "communiqué transmis à la presse par": group 1 the statement and its agent's preposition, without the recipient. */
const SENT_TO =
  /\b((?:statement|communiqu\u00E9|d\u00E9claration|press release|message)\s+)(?:sent|given|released|issued|emailed|transmitted|transmis|envoy\u00E9|adress\u00E9)\s+(?:to|\u00E0)\s+[^,;.]{1,40}?\s+(?=by\s|par\s)/giu;
/** "Col.", "Gen.", "Lt.", "Mr.": abbreviations before a name, whose full stop ends no phrase (group 1 without the stop). */
const RANK_ABBREVIATION =
  /(?<![\p{L}])(Col|Gen|Lt|Sgt|Maj|Capt|Cmdr|Adm|Gov|Sen|Rep|Mr|Mrs|Ms|Dr|Prof)\.(?=\s+\p{Lu})/gu;
/** A French verb of saying read as an adjective after a body's noun ("français indique"), and what follows it. */
const FR_VERB_AS_MODIFIER = new RegExp(`\\s+(?:${FR_PRESENT})(?![\\p{L}]).*$`, 'su');
/** Nouns that name someone who can speak without a name: a ministry, an army, a general, a spokesman. */
const BODY_NOUN =
  /(?<![\p{L}])(?:paratrooper|soldier|legionnaire|pilot|villager|trader|student|teacher|shopkeeper|driver|farmer|doctor|nurse|activist|protester|demonstrator|parachutiste|l\u00E9gionnaire|commer\u00E7ant|\u00E9tudiant|general|colonel|commander|officer|president|ambassador|envoy|diplomat|analyst|expert|researcher|resident|witness|journalist|leader|chief|official|spokesperson|g\u00E9n\u00E9ral|ministre|pr\u00E9sident|pr\u00E9sidente|ambassadeur|diplomate|analyste|chercheur|chercheuse|habitant|habitante|t\u00E9moin|soldat|officier|responsable|chef|allies|alli\u00E9s|partenaires|ministry|ministries|minister|army|armies|military|government|presidency|junta|forces?|mission|council|union|commission|office|palace|\u00E9lys\u00E9e|elysee|minist\u00E8re|arm\u00E9e|gouvernement|autorit\u00E9s|authorities|department|pentagon|embassy|spokes(?:man|woman|person)|porte-parole|officials?|sources?|group|movement|party|agency|command|staff|[\u00E9e]tat[- ]major|task force|coalition|partners|countries|nations|leaders|statement|communiqu\u00E9|secretariat|headquarters|administration|cabinet|parliament|assembly|committee|conseil|comit\u00E9|assembl\u00E9e|organisation|organization|alliance|coalition|junte|pr\u00E9sidence|ministres?|soldiers|troops)(?![\p{L}])/iu;
/** A statement, communiqué or declaration: it speaks for whoever issued it. */
const STATEMENT =
  /^(?:(?:the|a|an|its|their|this|that|le|la|un|une|ce|cette)\s+)?(?:(?:joint|new|written|official|brief|short)\s+)?(?:statement|communiqu\u00E9|d\u00E9claration|press release|release)$/iu;
/** "the French army statement", "le communiqué des autorités maliennes": the issuer named with the statement. */
const STATEMENT_OF =
  /^(?:(?:the|a|an)\s+)?(.+?)\s+(?:joint\s+)?statement$|^(?:(?:the|a|an|le|la|un|une)\s+)?(?:statement|communiqu\u00E9|d\u00E9claration|report|dispatch|rapport|d\u00E9p\u00EAche|note|announcement|annonce)\s+(?:from|by|of|issued by|des|du|de la|de l['\u2019]|de)\s*(.+)$/iu;
/** A demand and who made it, before a quotation; group 2 the one demanding (after the preposition, group 1), up to "de"/"to" and a verb, or a comma. */
const DEMAND_OF =
  /(?:[Ee]xigence|[Dd]emande|[Rr]equ\u00EAte|[Ii]njonction|[Uu]ltimatum|[Dd]emand|[Rr]equest)\s+(des|du|de la|de l['\u2019]|from|of|by)\s*((?:[\p{L}'\u2019-]+\s+){0,7}?[\p{L}'\u2019-]+)(?=\s+(?:de|d['\u2019]|to|that|que|qu['\u2019])(?:\s|(?<=['\u2019]))|\s*[,;:.]|$)/gu;
/** A statement and who issued it, before a quotation; group 1 the issuer, up to a participle or a comma. */
const ISSUED_BY =
  /(?:[Cc]ommuniqu\u00E9|[Ss]tatement|[Dd]\u00E9claration|[Pp]ress release)\s+(?:des|du|de la|de l['\u2019]|from|of|by|(?:issued|signed|released|published|sign\u00E9|publi\u00E9) (?:by|par))\s*((?:[\p{L}'\u2019-]+\s+){0,7}?[\p{L}'\u2019-]+)(?=\s+(?:(?:and\s+|et\s+)?\p{Ll}+(?:ant|ing|ed|\u00E9)|qui|that|which|who|said|says|a|on|was|were|is|has|had|est|a\s+\u00E9t\u00E9)(?![\p{L}])|\s*[,;:.]|$)/gu;
/** "issued a statement", "a publié un communiqué", with an aside between dashes before it: where ISSUES looks back from. */
const ISSUES_VERB =
  /(?<=\s)(?:[\u2013\u2014][^\u2013\u2014]{0,200}[\u2013\u2014]\s+)?(?:issued|released|published|signed|put out|(?:a|ont)\s+(?:publi\u00E9|diffus\u00E9|sign\u00E9|adopt\u00E9))\s+(?:a|an|the|un|une)\s+(?:joint\s+|new\s+)?(?:statement|communiqu\u00E9|d\u00E9claration|press release)/giu;
/** "issued a statement that", "a publié un communiqué qui" ending a subject phrase: the issuer is the words before it. */
const ISSUED_A_STATEMENT =
  /\s+(?:has\s+|have\s+|had\s+)?(?:issued|released|published|signed|put out|(?:a|ont)\s+(?:publi\u00E9|diffus\u00E9|sign\u00E9))\s+(?:a|an|the|un|une|le)\s+(?:joint\s+|new\s+|short\s+|brief\s+)?(?:statement|communiqu\u00E9|d\u00E9claration|press release)(?:\s+(?:that|which|qui))?$/iu;
/** Up to six words ending a text, then spaces: the issuer before ISSUES_VERB (group 1). */
const ISSUER_WORDS = /((?:[\p{L}\p{N}'\u2019.-]+\s+){0,5}[\p{L}\p{N}'\u2019.-]+)\s+$/u;

/**
 * "Representatives of 13 countries – … – issued a statement": the issuer before the verb, as
 * matches whose group 1 is the issuer. Found from each verb back over a short window, so the cost
 * is linear in the text: a pattern that opened with the issuer's words was tried at every
 * character of every paragraph and was most of the quotation index's build time.
 */
function issuesIn(text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let from = 0; // no issuer reaches back into the previous match
  for (const v of text.matchAll(ISSUES_VERB)) {
    const at = v.index!;
    const windowStart = Math.max(from, at - 400);
    const m = ISSUER_WORDS.exec(text.slice(windowStart, at));
    from = at + v[0].length;
    if (!m?.[1]) continue;
    // The match as if found in the whole text: from the issuer's first word to the statement.
    m.index += windowStart;
    m[0] = text.slice(m.index, from);
    m.input = text;
    out.push(m);
  }
  return out;
}

/**
 * Nouns of documents a body issues or adopts (a resolution, a report, a strategic review, a
 * decree), which speak for it the way a statement does.
 */
const DOCUMENT_NOUN = '(?:resolution|r\u00E9solution|report|rapport|review|revue|decree|d\u00E9cret)';
/** A document as the subject opening a sentence: "The new National Strategic Review …", "La résolution adoptée …". */
const DOCUMENT_SUBJECT = new RegExp(
  `^[\\s\u201C"\u00AB]*(?:the|la|le|this|cette|ce|l['\u2019])\\s*((?:[\\p{L}-]+\\s+){0,3}?)${DOCUMENT_NOUN}(?![\\p{L}])`,
  'iu',
);
/** A name ending with a document noun ("National Strategic Review"), compared folded. */
const DOCUMENT_NOUN_END = /(?:resolution|report|rapport|review|revue|decree|decret)$/u;
/** "France's defense ministry published a review", "le Conseil a adopté une résolution": the issuer's words before the verb (group 1). */
const PUBLISHES_DOCUMENT = new RegExp(
  `((?:[\\p{L}\\p{N}'\u2019.-]+\\s+){0,6}?[\\p{L}\\p{N}'\u2019.-]+)\\s+(?:has\\s+|have\\s+|had\\s+)?(?:published|issued|released|adopted|drafted|unveiled|(?:a|ont|avait|avaient)\\s+(?:publi\u00E9|adopt\u00E9|r\u00E9dig\u00E9|rendu|d\u00E9voil\u00E9))\\s+(?:a|an|the|its|their|un|une|le|la|sa|son|leur)\\s+(?:[\\p{L}-]+\\s+){0,3}?${DOCUMENT_NOUN}(?![\\p{L}])`,
  'giu',
);
/** Conjunctions and linking words that open the clause an issuer begins ("His speech came as France's ministry"). */
const CLAUSE_OPENER =
  /^.*\s(?:as|when|while|after|since|because|and|that|comme|lorsque|quand|apr\u00E8s|et|que|qu['\u2019])\s+/iu;
function issuerTail(words: string): string {
  return words.replace(CLAUSE_OPENER, '').replace(/^.*[,;:]\s*/u, '');
}
/**
 * A body as the subject of a sentence or clause, with an auxiliary or a verb after it: "Le Conseil
 * de sécurité de l'ONU a mis un terme", "The Security Council voted" (group 1).
 */
const BODY_SUBJECT =
  /(?:^|[.!?]\s+|,[ \t]*)((?:Le|La|Les|L['\u2019]|le|la|les|l['\u2019]|The|the)[ \t]*[^,.;:!?\u201C\u201D"\u00AB\u00BB\n]{2,60}?)\s+(?:a|ont|avait|has|have|had|was|were|voted|adopted|approved|decided|a\s+vot\u00E9)(?![\p{L}])/gu;
/** Bodies that issue documents: councils, governments, ministries, assemblies, commissions, juntas. */
const INSTITUTION =
  /(?<![\p{L}])(?:council|conseil|government|gouvernement|ministry|minist\u00E8re|assembly|assembl\u00E9e|parliament|parlement|commission|union|junta|junte|presidency|pr\u00E9sidence|\u00E9lys\u00E9e|elysee|authorities|autorit\u00E9s|committee|comit\u00E9|nations|staff|\u00E9tat-major|army|arm\u00E9e)(?![\p{L}])/iu;
/**
 * A noun of saying, its author after "from"/"by"/"de", and the clause it introduces ("that",
 * "selon lesquels"), reaching the quotation (group 1 the author, group 2 the clause up to it):
 * "comments Friday from Jean-Yves Le Drian that the junta was ", "les propos du ministre
 * selon lesquels ". Nouns of saying in either language, not chosen from any page.
 */
const SPEECH_NOUN_CONTENT =
  /(?<![\p{L}])(?:comments?|remarks?|statements?|words|claims?|assertions?|accusations?|warnings?|propos|d\u00E9clarations?|affirmations?|accusations?)\s+(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|last\s+week|earlier)\s+)?(?:from|by|de|du|des|d['\u2019])\s*([^,;:\u201C\u201D"\u00AB\u00BB]{2,80}?)((?:\s+|,\s*)(?:that|selon\s+lesquel(?:le)?s|selon\s+lesquels|selon\s+laquelle)\s+[^\u201C\u201D"\u00AB\u00BB]{0,200})$/u;
/** A French title just before a surname: "le président Macron", "le colonel Maïga". */
const FR_TITLE_BEFORE =
  /(?:pr\u00E9sident|pr\u00E9sidente|colonel|g\u00E9n\u00E9ral|ministre|capitaine|commandant|lieutenant|porte-parole|chef|M\.|Mme)\s+$/u;
/** A body announcing something in the writer's words: "The defence ministry announced …". */
const ANNOUNCES =
  /((?:the|The)\s+(?:[\p{L}-]+\s+){0,3}?(?:ministry|army|military|government|presidency|junta|forces?|mission|council|office|palace|command|staff|task force|coalition|embassy|department|agency))\s+(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|also|later|earlier)\s+)?(?:has\s+)?(?:said|announced|stated|declared|confirmed|added|reported)\b/gu;
/** The same in French: "Le ministère des Armées a annoncé …", "l'état-major indique …". */
const FR_ANNOUNCES =
  /((?:[Ll]es?|[Ll]a|[Ll]['\u2019])\s*(?:[\p{L}-]+\s+){0,4}?(?:minist\u00E8re|arm\u00E9e|arm\u00E9es|\u00E9tat-major|\u00C9tat-major|[Ee]tat-major|gouvernement|pr\u00E9sidence|\u00C9lys\u00E9e|junte|force|mission|commandement|autorit\u00E9s)(?:\s+[\p{L}'\u2019-]+){0,3}?)\s+(?:(?:a|ont|avait)\s+(?:annonc\u00E9|indiqu\u00E9|d\u00E9clar\u00E9|confirm\u00E9|pr\u00E9cis\u00E9|affirm\u00E9|publi\u00E9|fait savoir)|annonce|indique|d\u00E9clare|confirme|pr\u00E9cise|affirme|annoncent|indiquent|d\u00E9clarent|confirment|pr\u00E9cisent|affirment)(?![\p{L}])/gu;
/** True when a speech verb stands in the text, so the nearer verb's subject is the speaker. */
function verbBetween(text: string): boolean {
  // A verb in the passive ("The ceremony was concluded with …") attributes nothing.
  const s = text.replace(PASSIVE_SPEECH, ' ');
  return (
    new RegExp(`\\b(?:${SPEECH_VERB})\\b`, 'i').test(s) || new RegExp(FR_BEFORE_VERB.source, 'iu').test(s)
  );
}
const VERB_RE = new RegExp(`\\b(?:${SPEECH_VERB})\\b`, 'gi');
/** A verb of saying in the passive ("is noted", "was denounced"): it names no speaker. */
const PASSIVE_SPEECH = new RegExp(`\\b(?:was|were|been|being|is|are)\\s+(?:${SPEECH_VERB})\\b`, 'giu');
/** A French verb in a phrase ("a ajouté", "ont déclaré", "est parti"): such a phrase is no name. */
const FRENCH_VERB_PHRASE = new RegExp(
  `(?<![\\p{L}])(?:(?:a|ont|avait|avaient|est|sont|\u00E9tait)\\s+(?:${FR_PARTICIPLE}|\u00E9t\u00E9|\\p{Ll}{3,}(?:\u00E9|\u00E9e|\u00E9s|i|u))|d['\u2019]\\s*\u00EAtre)(?![\\p{L}])`,
  'u',
);
/** "…, says Macron." / "…, stated the president." / "…, selon l'Élysée.": an attribution closing the sentence. */
const CLOSING_ATTRIBUTION = new RegExp(
  `,\\s*(?:${SPEECH_VERB}|selon|d['\u2019]apr\u00E8s)\\s+([^,.;:!?\u201C\u201D"\u00AB\u00BB]{1,60}?)\\s*[.!?]?\\s*$`,
  'iu',
);
/** ", foreign minister Abdoulaye Diop said on TV Monday." / ", he added": a subject and its verb of saying closing the sentence. */
const CLOSING_SUBJECT_VERB = new RegExp(
  `^,\\s*((?:[\\p{L}\\p{N}'\u2019.-]+\\s+){0,6}?[\\p{L}\\p{N}'\u2019.-]+)\\s+(?:(?:has|had|also)\\s+)?(?:${SPEECH_VERB})(?:\\s+[^,.;:!?]{0,80})?\\s*[.!?]?\\s*$`,
  'iu',
);
/**
 * A present participle and its object inside a phrase ("la dernière ville comprenant des forces
 * françaises", "a force comprising the …"): a clause about something, never a speaker's name.
 * Nouns in -ant that name people ("le commandant des forces") are not participles.
 */
const PARTICIPLE_CLAUSE =
  /(?<![\p{L}])(?!(?:commandant|repr\u00E9sentant|dirigeant|habitant|combattant|manifestant|participant|intervenant|assistant|\u00E9tudiant|enseignant|lieutenant|militant|r\u00E9sistant|occupant|n\u00E9gociant|surveillant|gouvernant|adjudant)(?![\p{L}]))\p{Ll}{4,}(?:ant|ing)\s+(?:des|les|la|le|un|une|du|l['\u2019]|the|a|an|its|their)\s*\p{L}/iu;
/** «…», tacle le ministre / «…», lançait X: a French verb form (present, imperfect) opening the words after a quotation, a subject after it. */
const FR_ANY_VERB_SUBJECT =
  /^\s*,?\s*(?!\p{Ll}+ant(?![\p{L}]))\p{Ll}{3,}(?:e|t|it|ent|ait|aient)(?=\s+(?:le|la|les|l['\u2019]|un|une|des|ce|cette|M\.|Mme|\p{Lu}))/u;
/** ", a souligné …", ", indique …", ", selon …": a French clause that opens with its verb of saying. */
const FR_CLOSING_VERB = new RegExp(
  `^,\\s*(?:(?:a|avait|ont|avaient)\\s+(?:${FR_PARTICIPLE})|${FR_PRESENT}|selon|d['\u2019]apr\u00E8s)(?![\\p{L}])`,
  'iu',
);
/** A French verb of saying opening a subject phrase read after it ("assure la force française"). */
const FR_LEADING_VERB = new RegExp(`^(?:${FR_PRESENT})\\s+(?=\\S)`, 'iu');
/** "dans son communiqué", "dans un communiqué publié lundi": where a body spoke, not its name. */
const FR_IN_STATEMENT =
  /\s+dans\s+(?:son|sa|leur|un|une|le|la)\s+(?:communiqu\u00E9|d\u00E9claration|message|entretien|note)(?:\s.*)?$/iu;
/** A verb of saying closing a phrase ("… a ajouté", "… has said", "… déclare"), to strip from a subject. */
const SPEECH_VERB_AT_END = new RegExp(
  `\\s+(?:(?:(?:a|avait|ont|avaient)\\s+(?:${FR_PARTICIPLE}|${FR_ANY_PARTICIPLE}))|${FR_PRESENT}|(?:(?:has|have|had)\\s+)?(?:${SPEECH_VERB}))(?:\\s+(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|on \\p{Lu}\\p{Ll}+day|today|yesterday))?\\s*$`,
  'iu',
);
const PARTICIPLE =
  /^(?:saying|adding|citing|warning|telling|insisting|explaining|en (?:disant|affirmant|d\u00E9clarant|expliquant|soulignant|ajoutant|assurant|estimant|pr\u00E9cisant|rappelant|indiquant))$/i;
const PRONOUN = /^(?:he|she|they|il|elle|lui|eux)$/i;
/** "France's defence", "French", "Takuba": the name or nationality before a body's role noun (group 1), and lower-case words after it. */
const EN_BODY_MODIFIERS =
  /(?<!(?:\band|\bor|,)\s+)(?<![\p{L}'\u2019-])((?:[\p{Lu}][\p{L}-]*\s+){0,2}[\p{Lu}][\p{L}-]*(?:['\u2019]s)?)\s+(?:[\p{Ll}-]+\s+){0,2}$/u;
/** "français", "des Armées", "malienne de la défense": what follows a French body's role noun. */
const FR_BODY_MODIFIERS =
  /^(?:\s+(?:\p{Ll}+(?:ais|aise|ien|ienne|ain|aine|ois|oise|\u00E9en|\u00E9enne|ique|aux|al|ale)s?(?![\p{L}])|\s+(?:de\s+la|de\s+l['\u2019]|des|du|de)\s*[\p{Lu}][\p{L}-]*)){1,2}/u;
/** A role or description in apposition to a name: "the spokesman for …", "France's foreign minister", "ministre des Armées". */
const ROLE_PHRASE =
  /^(?:(?:the|a|an|his|her|its|their|le|la|un|une|son|sa)\s+|l['\u2019]\s*|[\p{Lu}][\p{L}-]*['\u2019]s\s+)?(?:[\p{L}-]+\s+){0,3}?(?:spokes(?:man|woman|person)|minister|ministre|chief|head|leader|president|pr\u00E9sident|pr\u00E9sidente|director|directeur|directrice|commander|commandant|general|g\u00E9n\u00E9ral|colonel|lieutenant|captain|capitaine|ambassador|ambassadeur|envoy|official|officer|secretary|secr\u00E9taire|researcher|chercheur|chercheuse|analyst|analyste|expert|porte-parole|chef|responsable|representative|repr\u00E9sentant|coordinator|coordinateur|adviser|advisor|conseiller|conseill\u00E8re|mayor|maire|governor|gouverneur|professor|professeur|journalist|journaliste)(?![\p{L}])/iu;
/** Adverbs and short asides between a verb and the "that" / "que" it opens ("considère par ailleurs que"). */
const THAT_ASIDE =
  "(?:\\s+(?:par\\s+ailleurs|d['\u2019]ailleurs|aussi|\u00E9galement|encore|toutefois|cependant|n\u00E9anmoins|pour\\s+sa\\s+part|de\\s+son\\s+c\u00F4t\u00E9|also|further|however|nonetheless|too))?";
/** "The minister believes that ": a subject (group 1) and any verb in -s or -ed whose "that" clause follows, ending the text. */
const EN_THAT_CLAUSE = new RegExp(
  `(?:^|[,;]\\s*)([^,;:\u201C\u201D"\u00AB\u00BB]{2,120}?)\\s+(?:has\\s+|had\\s+)?\\p{Ll}{3,}(?:s|ed)${THAT_ASIDE}\\s+that\\s*$`,
  'u',
);
/** "L'état-major considère que ", "X a estimé qu'": a subject (group 1) and a French verb (present or compound past) before "que". */
const FR_THAT_CLAUSE = new RegExp(
  `(?:^|[,;]\\s*)([^,;:\u201C\u201D"\u00AB\u00BB]{2,120}?)\\s+(?:(?:a|ont|avait|avaient)\\s+\\p{Ll}{3,}(?:\u00E9|i|u|it|is)|\\p{Ll}{3,}(?:e|t|ent))${THAT_ASIDE}\\s+qu(?:e\\s+|['\u2019]\\s*)$`,
  'u',
);
/** A participle right after a quoted term, then "by"/"par" and its agent (group 1): "… annoncée par Emmanuel Macron". */
const PASSIVE_AGENT =
  /^\s*(?:(?:de|of|du|des|d['\u2019])\s*(?:[\p{L}'\u2019-]+\s+){0,2}?)?\p{Ll}{3,}(?:\u00E9|\u00E9e|\u00E9s|\u00E9es|ed)\s+(?:par|by)\s+((?:[\p{L}\p{N}'\u2019.-]+\s+){0,5}?[\p{L}\p{N}'\u2019.-]+)(?=\s*(?:[,.;:!?)]|\s(?:in|on|at|last|en|le|lors|dans)\s|$))/u;
/**
 * "jugés ", "were described ", "described as ", "qualifiés de ": a participle in the passive
 * (group 1) right before a quotation's opening mark. An English one needs its auxiliary or "as"
 * ("A joint statement cited “…” by the junta" is active: the statement's words); a French one
 * no auxiliary of the active past before it ("a qualifié de").
 */
const PARTICIPLE_BEFORE_QUOTE =
  /(?:(?<![\p{L}])(?<!(?:a|ont|avait|avaient|aurait)\s+)(\p{Ll}{3,}(?:\u00E9|\u00E9e|\u00E9s|\u00E9es))(?:\s+(?:de|d['\u2019]|comme))?|(?<=(?:was|were|been|being|is|are)\s+(?:\p{Ll}+ly\s+)?)(\p{Ll}{3,}ed)(?:\s+as)?|(?<![\p{L}])(\p{Ll}{3,}ed)\s+as)\s*$/u;
/** " par Abdoulaye Diop, …", " by the ministry.": the agent (group 1) right after a quotation's closing mark. */
const AGENT_AFTER_QUOTE =
  /^\s*(?:par|by)\s+((?:[\p{L}\p{N}'\u2019.-]+\s+){0,5}?[\p{L}\p{N}'\u2019.-]+)(?=\s*(?:[,.;:!?)]|\s(?:in|on|at|last|en|le|lors|dans)\s|$))/u;
/** "what the UN refers to as the ", "ce que l'armée appelle la ": a naming verb's subject (group 1) before the named term. */
const NAMING_SUBJECT =
  /(?<![\p{L}])(?:what|ce\s+qu(?:e|['\u2019]))\s*((?:[\p{L}\p{N}'\u2019.-]+\s+){0,4}?[\p{L}\p{N}'\u2019.-]+)\s+(?:refers?\s+to|referred\s+to|calls?|called|describes?|described|terms?|termed|appelle|appellent|nomme|nomment|d\u00E9signe|d\u00E9signent|qualifie|qualifient)(?:\s+(?:it|them|cela|\u00E7a))?(?:\s+(?:as|de|d['\u2019]))?\s*(?:(?:the|a|an|la|le|les|un|une|l['\u2019])\s*)?(?:[\p{L}-]+\s+){0,2}$/iu;
/** ", acknowledging only the support of ": a participle (group 1) opening the last clause before a quotation. */
const HANGING_PARTICIPLE = /,\s*(\p{Ll}{3,}ing)\s+[^,;:\u201C\u201D"\u00AB\u00BB]{0,80}$/u;

/**
 * The subject a clause opens with: its words up to the first that reads as a finite verb (a
 * lower-case word in -s or -ed after the first word, an auxiliary, a verb of saying), at most
 * seven words. "Bamako denies this" → "Bamako".
 */
function leadingSubject(clause: string): string {
  const words = clause.trim().split(/\s+/u);
  const out: string[] = [];
  for (const w of words.slice(0, 8)) {
    if (
      out.length > 0 &&
      (/^\p{Ll}+(?:s|ed)$/u.test(w) ||
        /^(?:has|have|had|is|are|was|were|will|would|did|does|a|ont|est|sont)$/iu.test(w) ||
        new RegExp(`^(?:${SPEECH_VERB})$`, 'iu').test(w))
    )
      break;
    out.push(w);
  }
  return out.join(' ');
}

/** A sentence that points back at the words before it: "This was …", "C'est l'extrait …", "Tels sont …". */
const POINTS_BACK =
  /^[\s\u201D"\u00BB]*(?:this|that|these|those|such|thus|c['\u2019](?:est|\u00E9tait)|ce\s+sont|ce\s+fut|voil\u00E0|tel(?:le)?s?\s+(?:est|sont|\u00E9tait))(?![\p{L}])/iu;
/** A statement and its issuer (group 1): "the communiqué issued on Monday by the French army's general staff", "du communiqué des autorités maliennes". */
const STATEMENT_ISSUER =
  /(?:statement|communiqu[\u00E9e]|d\u00E9claration|declaration|press\s+release)\s+(?:(?:issued|released|published|signed|put\s+out|publi\u00E9|diffus\u00E9|sign\u00E9)(?:\s+[^,.;:]{0,30}?)?\s+(?:by|par)|of|from|(des|du|de\s+la|de\s+l['\u2019]))\s*((?:[\p{L}\p{N}'\u2019-]+\s+){0,7}?[\p{L}\p{N}'\u2019-]+)\s*(?:[,.;:!?]|$)/iu;
/** A sentence opening with a present participle ("Qualifiant …", "Describing …"). */
const PARTICIPLE_OPENING =
  /^[\s\u201C"\u00AB]*(?!(?:During|According|Following|Regarding|Concerning|Including|Excluding|Pending|Notwithstanding|Considering|Barring|Durant|Pendant|Suivant|Moyennant|Nonobstant|Concernant|Avant)\s)\p{Lu}\p{Ll}{2,}(?:ant|ing)\s/u;
/** After a quotation in an opening participle clause: the rest of the clause, its comma, then the main clause's subject (group 1) and verb. */
const MAIN_SUBJECT =
  /^(?:[^,;:\u201C\u201D"\u00AB\u00BB]{0,100},)?\s*((?:[\p{L}'\u2019-]+\s+){0,5}?[\p{L}'\u2019-]+)\s+(?:(?:a|ont|has|have|had)\s+)?\p{Ll}{3,}(?:e|t|ent|s|ed|\u00E9)(?![\p{L}])/u;
/** Marker for a quotation that continues the one before it in the same sentence. */
const PREV = '\u0000prev';
/** Marker for a quotation attributed to "it": resolved to the last body quoted, never to a person. */
const IT = '\u0000it';

/** A quotation as found in one article, before grouping across articles. */
interface Found {
  article: Article;
  start: number;
  end: number;
  text: string;
  speaker: string | null;
  sentence: Span;
  /** True when the speaker was only carried over from the paragraph before. */
  carried?: boolean;
  /** True when no closing mark ends the quotation before its paragraph does. */
  openEnded?: boolean;
  /** True when the quotation opens its paragraph. */
  opensBlock?: boolean;
}

/** Double quotation marks of either shape and language, as oriented by {@link orientMarks}. */
const DOUBLE_MARK = /[\u201C\u201D"\u00AB\u00BB]/gu;

/**
 * A block's double quotation marks turned the way they are used, where a page prints them the
 * wrong way round, as pages typed or converted in haste do: a second « that closes the open one
 * before a comma or a full stop ("… depuis la fin de matinée« , a indiqué …"), a » that opens a
 * quotation closed later in the paragraph (" » La force Takuba … 2020.  »"), a second “ closing the
 * open one ("… between the two countries “."), and a closing mark with no opening one before it
 * at a paragraph's start, its words being a quotation from the paragraph's start ("this
 * redeployment has been effective …," the Elysee said; "… request. “, declared …"), which
 * becomes ” whatever its shape; a straight mark between two letters ("à l"armée") is an apostrophe.
 * Same length as the text: offsets are unchanged, and the quoted
 * words are always taken from the text as printed. Hand-written: no library orients marks.
 */
export function orientMarks(text: string): string {
  const marks = [...text.matchAll(DOUBLE_MARK)];
  if (marks.length === 0) return text;
  const out = text.split('');
  const nextNonSpace = (i: number) => /^[ \t\u00A0\u202F]*(.?)/u.exec(text.slice(i + 1, i + 4))?.[1] ?? '';
  const prevChar = (i: number) => text.charAt(i - 1);
  // Closing shape: punctuation or the paragraph's end follows (spaces inside the mark allowed).
  const closesHere = (i: number) => /^(?:[,.;:!?)]|\n|)$/u.test(nextNonSpace(i));
  // Opening shape: a space or the paragraph's start before, a word right after.
  const opensHere = (i: number) => /^(?:\s|\(|)$/u.test(prevChar(i)) && /[\p{L}\p{N}]/u.test(nextNonSpace(i));
  let guillemetOpen = false;
  let curlyOpen = false;
  let firstInParagraph = true;
  for (let k = 0; k < marks.length; k++) {
    const i = marks[k]!.index!;
    const c = marks[k]![0];
    // A new paragraph (a line break since the last mark) starts with nothing open.
    const prev = marks[k - 1];
    if (!prev || text.slice(prev.index! + 1, i).includes('\n')) {
      guillemetOpen = false;
      curlyOpen = false;
      firstInParagraph = true;
    }
    const laterInParagraph = (want: RegExp) => {
      const end = text.indexOf('\n', i);
      return want.test(text.slice(i + 1, end < 0 ? text.length : end));
    };
    // A closing mark with nothing open, first in its paragraph, after a sentence's punctuation.
    // French spacing puts a space inside every guillemet, so only punctuation after one, or after
    // a curly mark, shows it closing; a straight mark closes before a space too.
    const leadingCloser =
      firstInParagraph &&
      (c === '"' ? /^(?:\s|[,.;:!?)]|)$/u.test(text.charAt(i + 1)) : closesHere(i)) &&
      /[.,!?\u2026]/u.test(
        text
          .slice(Math.max(0, i - 2), i)
          .trim()
          .slice(-1),
      ) &&
      !/^\s*$/u.test(text.slice(text.lastIndexOf('\n', i - 1) + 1, i));
    firstInParagraph = false;
    if (c === '\u00AB') {
      if (guillemetOpen && closesHere(i)) {
        out[i] = '\u00BB';
        guillemetOpen = false;
      } else if (!guillemetOpen && leadingCloser) out[i] = '\u201D';
      else guillemetOpen = true;
    } else if (c === '\u00BB') {
      if (!guillemetOpen && opensHere(i) && laterInParagraph(/[\u00BB\u00AB]/u)) {
        out[i] = '\u00AB';
        guillemetOpen = true;
      } else guillemetOpen = false;
    } else if (c === '\u201C') {
      if (curlyOpen && closesHere(i)) {
        out[i] = '\u201D';
        curlyOpen = false;
      } else if (!curlyOpen && leadingCloser) out[i] = '\u201D';
      else curlyOpen = true;
    } else if (c === '\u201D') curlyOpen = false;
    else if (/\p{L}/u.test(prevChar(i)) && /\p{L}/u.test(text.charAt(i + 1)))
      out[i] = '\u2019'; // between two letters ("l"armée"), an apostrophe typed as a mark
    else if (leadingCloser) out[i] = '\u201D'; // a straight mark closing words begun before the paragraph
  }
  return out.join('');
}

/** Finds quotation spans (inner text) in a block: “…”, "…", ‘…’ and '…' pairs. */
export function quotationSpans(text: string, block: Span): Span[] {
  const s = orientMarks(text.slice(block.start, block.end));
  const out: Span[] = [];
  const push = (a: number, b: number) => {
    let start = a;
    let end = b;
    while (start < end && /\s/.test(s[start]!)) start++;
    while (end > start && /[\s,;:]/.test(s[end - 1]!)) end--;
    if (end - start >= 2) out.push({ start: block.start + start, end: block.start + end });
  };
  // Words before a closing mark that opens the paragraph: a quotation begun before it (a summary
  // that starts inside the quotation it repeats).
  const firstMark = /[\u201C\u201D"\u00AB\u00BB]/u.exec(s);
  if (firstMark?.[0] === '\u201D' && /[.,!?\u2026]\s?$/u.test(s.slice(0, firstMark.index)))
    push(s.lastIndexOf('\n', firstMark.index) + 1, firstMark.index);
  // Double quotation marks: curly pairs, then straight ones toggling open/closed.
  for (const m of s.matchAll(/\u201C([^\u201C\u201D]*)(?:\u201D|$)/g))
    push(m.index! + 1, m.index! + 1 + m[1]!.length);
  // A straight opening mark may be closed by a curly one, as some pages print them ("… partners.”).
  for (const m of s.matchAll(/"([^"\u201D]*)(?:["\u201D]|$)/g))
    push(m.index! + 1, m.index! + 1 + m[1]!.length);
  // French guillemets, the spaces just inside them left out: « Nous ne pouvons pas… ».
  for (const m of s.matchAll(/\u00AB([^\u00AB\u00BB]*)(?:\u00BB|$)/gu))
    push(m.index! + 1, m.index! + 1 + m[1]!.length);
  // Single quotation marks open after a space or line start and close before a non-letter, so
  // apostrophes inside words ("Mali's", "It’s") never open or close a quotation.
  for (const m of s.matchAll(
    /(?:^|(?<=[\s(\u2014\u2013-]))[\u2018']([A-Za-z][^\u2018\u2019'"\u201C\u201D]*?[\w.,!?])[\u2019'](?=[\s.,;:!?)]|$)/g,
  )) {
    const open = m.index! + (m[0].startsWith('\u2018') || m[0].startsWith("'") ? 0 : 1);
    push(open + 1, open + 1 + m[1]!.length);
  }
  // Doubled single marks, as some francophone papers print them: ‘’un retrait coordonné’’.
  for (const m of s.matchAll(/(?:\u2018\u2019|'')([^\u2018\u2019']+?)(?:\u2019\u2019|'')/gu))
    push(m.index! + 2, m.index! + 2 + m[1]!.length);
  // Drop quotations nested in a larger one already found. Sorted by start, longest first, a
  // span lies inside a longer one exactly when an earlier span (other than its own duplicates)
  // reaches at least as far: one pass with the furthest end so far, not a scan per span.
  const sorted = out.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Span[] = [];
  let reach = -1; // furthest end among spans before the current run of identical ones
  let runReach = -1;
  for (let i = 0; i < sorted.length; i++) {
    const q = sorted[i]!;
    const prev = sorted[i - 1];
    if (!prev || prev.start !== q.start || prev.end !== q.end) {
      reach = Math.max(reach, runReach);
      runReach = q.end;
    }
    if (reach < q.end) kept.push(q);
  }
  return kept;
}

/** Small words a name may hold in lower case ("Camp de Gaulle", "Yerewolo Debout sur les remparts" is not one). */
const NAME_SMALL_WORDS = /^(?:of|the|and|for|de|du|des|la|le|les|et|en|au|aux|sur|d['\u2019]|l['\u2019])$/u;

/**
 * True when quoted words are a name: at most five words, the first capitalised, every other one
 * capitalised or a small word of a name, nothing but a final full stop for punctuation
 * ("Takuba", "G5 Sahel", "Camp de Gaulle").
 */
function isQuotedName(quoted: string): boolean {
  const t = quoted.trim().replace(/\.$/u, '');
  if (t === '' || /[,;:!?…()"\u201C\u201D\u00AB\u00BB]/u.test(t)) return false;
  const words = t.split(/\s+/u);
  if (words.length > 5 || !/^\p{Lu}/u.test(words[0]!)) return false;
  return words.slice(1).every((w) => /^[\p{Lu}\p{N}]/u.test(w) || NAME_SMALL_WORDS.test(w));
}

/** Words before a quoted term that mark it as a name or a scare quote, not someone's words. */
const SO_CALLED =
  /(?:so-called|so called|dubbed|nicknamed|known as|termed|baptis\u00E9e?s?|surnomm\u00E9e?s?|(?<!\bse\s)dite?s?|soi-disant|appel\u00E9e?s?|qualifi\u00E9e?s? de|the word|the term|le mot|le terme|means|meaning|signifie|veut dire|stands for)\s*(?:the\s+|la\s+|le\s+|les\s+|l['\u2019])?(?:[\p{L}-]+\s+){0,2}[\u201C"\u00AB\u2018']\s*$/iu;
/** "X, qui se dit (être un) «", "X, who describes himself as “": a name (group 1) describing itself in quoted words. */
const SELF_DESCRIPTION =
  /((?:[\p{Lu}][\p{L}'\u2019-]+\s+){0,3}[\p{Lu}][\p{L}'\u2019-]+),?\s+(?:qui|who)\s+(?:se\s+(?:dit|proclame|pr\u00E9sente|d\u00E9crit|qualifie|d\u00E9finit|revendique)|s['\u2019](?:est|\u00E9tait)\s+(?:dit|dite|proclam\u00E9e?|pr\u00E9sent\u00E9e?|d\u00E9crite?)|(?:describes|described|calls|called|presents|presented|styles|styled)\s+(?:himself|herself|itself|themselves))(?:\s+(?:comme|as|\u00EAtre|de|d['\u2019]))?(?:\s+(?:un|une|le|la|a|an|the))?\s*$/u;
/** Anything in a sentence that attributes words to someone: a verb of saying, "according to", "selon", a statement. */
const ATTRIBUTION_CUE = new RegExp(
  `(?<![\\p{L}])(?:${SPEECH_VERB}|${FR_PARTICIPLE}|${FR_PRESENT}|selon|d['\u2019]apr\u00E8s|pour|statement|communiqu\u00E9|d\u00E9claration|speech|discours|interview|entretien|se\\s+proclame|se\\s+pr\u00E9sente|se\\s+d\u00E9crit|se\\s+revendique|(?:calls|describes)\\s+(?:himself|herself|itself))(?![\\p{L}])|:\\s*[\u201C"\u00AB]`,
  'iu',
);

/**
 * Every inflection of the listed English verbs of saying ("acknowledged" → acknowledge,
 * acknowledges, acknowledging) and French participles as they agree ("annoncé" → annoncée,
 * annoncés), with verbs that name or judge words ("refers to … as", "spoke of", "traitant … de",
 * "considered", "jugé"): a writer who reports someone's term uses any form of them.
 */
const INFLECTED_SPEECH = new RegExp(
  `(?<![\\p{L}])(?:${[
    ...new Set(
      SPEECH_VERB.split('|')
        .filter((v) => /^[a-z]+ed$/.test(v))
        .map((v) => `${v.slice(0, -2)}(?:e|es|ed|ing|s)`),
    ),
  ].join('|')}|(?:${FR_PARTICIPLE.split('|')
    .filter((v) => v.endsWith('\u00E9'))
    .join(
      '|',
    )})(?:e|s|es)?|refer(?:s|red|ring)?\\s+to|sp(?:eaks?|oke|eaking)\\s+of|talk(?:s|ed|ing)?\\s+of|parl\\p{L}*\\s+(?:de|des|du|d['\u2019])|trait(?:ant|ait|aient|e|ent|\u00E9|\u00E9e|\u00E9s|er)|consid\\p{L}+|jug\\p{L}+|appell?ent|appelle|nomment|nomme|d\u00E9signent|d\u00E9signe|qualifient|qualifie)(?![\\p{L}])`,
  'iu',
);

/**
 * A term in quotation marks that quotes no one: one or two words after "so-called" or "dubbed",
 * or in a sentence with no verb of saying (in any of its forms), no "according to" and no statement.
 */
function isScareQuote(text: string, q: Span, sentence: Span, sentenceCues: SentenceCues): boolean {
  const words = text.slice(q.start, q.end).trim().split(/\s+/u).length;
  if (words > 2) return false;
  if (SO_CALLED.test(text.slice(Math.max(0, q.start - 50), q.start))) return true;
  // A cue in the sentence outside the quoted words themselves ("the “announced” date" is no
  // cue), within ATTRIBUTION_REACH either side as attribution reads. The sentence's cues are
  // found once for all its quotations: testing the sentence again for each short quotation made
  // a sentence of a thousand of them ('"ab" "ab" …') quadratic to extract.
  const cues = sentenceCues.of(sentence);
  const from = Math.max(sentence.start, q.start - ATTRIBUTION_REACH);
  const to = Math.min(sentence.end, q.end + ATTRIBUTION_REACH);
  for (let i = lastStartingBefore(cues, from) + 1; i < cues.length && cues[i]!.start < to; i++) {
    const cue = cues[i]!;
    if (cue.end <= to && (cue.end <= q.start || cue.start >= q.end)) return false;
  }
  return true;
}

const ATTRIBUTION_CUES = new RegExp(ATTRIBUTION_CUE.source, 'giu');
const INFLECTED_SPEECHES = new RegExp(INFLECTED_SPEECH.source, 'giu');

/**
 * Where ATTRIBUTION_CUE and INFLECTED_SPEECH match in the sentences of one text, by start. One is
 * made for each article read and dropped with it: quotations come in text order, so it keeps the
 * cues of the last sentence asked about only (a sentence of a thousand short quotations is read
 * once, not a thousand times), and holds no text beyond the reading of its article. A cache at
 * module level kept the last article's text alive after its index was gone and was shared by every
 * index built in the process.
 */
export class SentenceCues {
  private last: { start: number; end: number; cues: Span[] } | null = null;

  constructor(private readonly text: string) {}

  /** The cues of `sentence` (offsets in the whole text), by start. */
  of(sentence: Span): Span[] {
    const last = this.last;
    if (last !== null && last.start === sentence.start && last.end === sentence.end) return last.cues;
    const s = this.text.slice(sentence.start, sentence.end);
    const cues = [...s.matchAll(ATTRIBUTION_CUES), ...s.matchAll(INFLECTED_SPEECHES)]
      .map((m) => ({ start: sentence.start + m.index!, end: sentence.start + m.index! + m[0].length }))
      .sort((a, b) => a.start - b.start);
    this.last = { start: sentence.start, end: sentence.end, cues };
    return cues;
  }

  /** How many sentences' cues are held (never more than one). */
  get held(): number {
    return this.last === null ? 0 : 1;
  }
}

/**
 * The words of a quotation's sentence around it, without the quotation, within ATTRIBUTION_REACH
 * either side: where anything that attributes it stands. Reading the whole sentence for every
 * quotation made a sentence of a thousand of them quadratic.
 */
function aroundInSentence(text: string, sentence: Span, q: Span): string {
  return (
    text.slice(Math.max(sentence.start, q.start - ATTRIBUTION_REACH), q.start) +
    text.slice(q.end, Math.min(sentence.end, q.end + ATTRIBUTION_REACH))
  );
}

/** The last of `spans` (sorted by start) whose start is before `pos`, or -1: a binary search. */
function lastStartingBefore(spans: readonly Span[], pos: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * The last of the first `count` of `spans` (sorted by start) that ends by `pos`: the person named
 * last before a quotation. Only names still open at `pos` are stepped over.
 */
function lastEndingBy<T extends Span>(spans: readonly T[], count: number, pos: number): T | undefined {
  for (let i = count - 1; i >= 0; i--) if (spans[i]!.end <= pos) return spans[i];
  return undefined;
}

/** Small words skipped when reading a name's initials ("Union européenne" → UE, "European Union" → EU). */
const INITIALS_SKIP = /^(?:of|for|the|and|de|des|du|la|le|et|pour|au|aux|l['\u2019]|d['\u2019])$/iu;

/**
 * The name an acronym stands for where the page prints it in brackets after the name: the words
 * before "(CNSP)" back to the one that starts with the acronym's first letter and gives as many
 * content words as the acronym has letters (give or take one, as pages misspell them), with its
 * article. Null when the page defines it nowhere.
 */
function definedAcronym(acronym: string, text: string): string | null {
  for (let at = text.indexOf(`(${acronym})`); at >= 0; at = text.indexOf(`(${acronym})`, at + 1)) {
    const words = [...text.slice(Math.max(0, at - 160), at).matchAll(/[\p{L}'\u2019-]+/gu)];
    const before = text.slice(Math.max(0, at - 160), at);
    if (/[,;:.]\s*$/u.test(before)) continue;
    let content = 0;
    for (let i = words.length - 1; i >= 0 && content <= acronym.length + 1; i--) {
      const w = words[i]![0].replace(/^[ldLD]['\u2019]/u, '');
      if (INITIALS_SKIP.test(w)) continue;
      content++;
      // Punctuation between the words found so far ends the search: a name has none.
      const from = Math.max(0, at - 160) + words[i]!.index!;
      if (/[,;:.()]/u.test(text.slice(from, at))) break;
      if (
        w.charAt(0).toLowerCase() === acronym.charAt(0).toLowerCase() &&
        Math.abs(content - acronym.length) <= 1 &&
        content >= 2
      ) {
        const lead =
          /(?:^|\s)((?:the|le|la|les|l['\u2019])\s*)$/iu.exec(text.slice(Math.max(0, from - 6), from))?.[1] ??
          '';
        return (lead + text.slice(from, at)).trim();
      }
    }
  }
  return null;
}

/**
 * A name with each acronym in it spelt out as the same article spells it ("la France et l'UE" →
 * "la France et l'Union européenne"), where the article holds exactly one phrase whose initials
 * are the acronym; otherwise unchanged.
 */
function expandAcronyms(name: string, text: string): string {
  return name.replace(/(?<![\p{L}])(?:l['\u2019])?([\p{Lu}]{2,5})(?![\p{L}])/gu, (whole, acronym: string) => {
    // The page spells it out itself: "le Conseil national pour la sauvegarde de la patrie (CNSP)".
    const defined = definedAcronym(acronym, text);
    if (defined)
      return whole === name
        ? defined
        : whole.slice(0, whole.length - acronym.length) +
            defined.replace(/^(?:the|le|la|les|l['\u2019])\s*/iu, '');
    // Words without an elided article ("L'Union" is read as "Union"), with their offsets.
    const words: Array<{ word: string; at: number }> = [];
    for (const m of text.matchAll(/(?<![\p{L}'\u2019])(?:[LlDd]['\u2019])?([\p{L}-]+)/gu)) {
      const word = m[1] ?? '';
      words.push({ word, at: m.index! + m[0].length - word.length });
    }
    const found = new Set<string>();
    for (let i = 0; i < words.length; i++) {
      const first = words[i]!;
      if (!/^[\p{Lu}][\p{Ll}]/u.test(first.word) || first.word[0] !== acronym[0]) continue;
      let initials = '';
      let j = i;
      for (; j < words.length && initials.length < acronym.length; j++) {
        const w = words[j]!.word;
        if (j > i && INITIALS_SKIP.test(w)) continue;
        initials += w.charAt(0).toUpperCase();
      }
      const last = words[j - 1]!;
      const phrase = text.slice(first.at, last.at + last.word.length);
      if (initials === acronym && /^[\s\p{L}'\u2019-]*$/u.test(phrase)) found.add(phrase);
    }
    if (found.size !== 1) return whole;
    return whole.slice(0, whole.length - acronym.length) + [...found][0]!;
  });
}

/**
 * True when a lone capitalised word reads as a surname in this text: printed capitalised inside a
 * sentence at least once, never in lower case, and neither a place, an acronym nor a word that is
 * never a name ("According to Macron" yes; "Assertion", "Thursday", "Paris" no).
 */
function isSurnameIn(word: string, text: string): boolean {
  // Asked for many words of one article in turn: remembered per article text.
  const memo = memoFor(text);
  const known = memo.answers.get(word);
  if (known !== undefined) return known;
  const answer = readsAsSurname(word, text, memo);
  memo.answers.set(word, answer);
  return answer;
}

/** What one article's text says about its words, read once: answers, lower-case words, capitalised words inside sentences. */
interface TextMemo {
  text: string;
  answers: Map<string, boolean>;
  titled: Map<string, string | null>;
  lower: Set<string> | null;
  midCapital: Set<string> | null;
}

let textMemo: TextMemo = { text: '', answers: new Map(), titled: new Map(), lower: null, midCapital: null };

/**
 * A phrase that is no one's name, whichever rule read it: a lone article or preposition ("Le",
 * cut from "Le gouvernement malien") or words running on into the next clause ("de la mission
 * de l'ONU et", before "avait exigé").
 */
function namesNoOne(phrase: string): boolean {
  const p = phrase.trim();
  return (
    // An acronym is a name even where it spells a function word ("UN", French "un").
    (FUNCTION_WORDS.has(p.toLowerCase()) && !/^\p{Lu}{2,}$/u.test(p)) ||
    /\s(?:et|and|ou|or|mais|but)$/iu.test(p)
  );
}

/** Lets go of the last text read, so that no article's text outlives the reading of it. */
function releaseTextMemo(): void {
  textMemo = { text: '', answers: new Map(), titled: new Map(), lower: null, midCapital: null };
}

function memoFor(text: string): TextMemo {
  if (textMemo.text !== text)
    textMemo = { text, answers: new Map(), titled: new Map(), lower: null, midCapital: null };
  return textMemo;
}

function readsAsSurname(word: string, text: string, memo: TextMemo): boolean {
  if (word.length < 3 || /^[\p{Lu}]+$/u.test(word)) return false;
  if (COUNTRIES.has(word) || OTHER_PLACES.has(word) || NOT_NAME_WORDS.has(word)) return false;
  if (FUNCTION_WORDS.has(word.toLowerCase()) || TITLE_WORDS.has(word.toLowerCase())) return false;
  if (!/^\p{L}+$/u.test(word)) {
    const esc = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (new RegExp(`(?<![\\p{L}])${esc.toLowerCase()}(?![\\p{L}])`, 'u').test(text)) return false;
    return new RegExp(`[\\p{Ll},;\u201D"\u00BB]\\s+${esc}(?![\\p{L}])`, 'u').test(text);
  }
  // A word of letters only: looked up in the article's words, gathered in one pass each, instead
  // of two scans of the whole text per word asked.
  memo.lower ??= new Set(text.match(/(?<![\p{L}])\p{Ll}+(?![\p{L}])/gu) ?? []);
  memo.midCapital ??= new Set(text.match(/(?<=[\p{Ll},;\u201D"\u00BB]\s+)\p{L}+/gu) ?? []);
  return !memo.lower.has(word.toLowerCase()) && memo.midCapital.has(word);
}

/** Sentence adverbs a name-finder can take for a first name ("Later Dembélé added"). */
const LEADING_ADVERB =
  /^(?:Later|Then|Meanwhile|However|Earlier|Also|Now|Finally|Separately|Yesterday|Today|Speaking|Asked|Before|After|Since|During|Until|Ensuite|Puis|Enfin|Hier|Avant|Apr\u00E8s|Depuis|Pendant|Durant|D\u00E8s|Jusqu['\u2019]\u00E0|Aujourd['\u2019]hui|Demain)\s+/u;

/** Function words of either language, for a capitalised one that opened the sentence. */
const FUNCTION_WORDS: ReadonlySet<string> = new Set([...STOP_WORDS, ...fra, 'selon', 'lors', 'according']);
/** Words that can start a surname ("Le Drian", "Van Gaal"): never stripped as function words. */
const NAME_PARTICLES = /^(?:le|la|de|du|des|da|del|van|von|al|el|bin|ibn|di)$/i;

/**
 * A name without a sentence adverb or a capitalised function word in front of it ("Later
 * Dembélé", "Pour Emmanuel Macron", "Selon Florence Parly").
 */
function withoutLeadingAdverb(name: string): string {
  const words = name.replace(LEADING_ADVERB, '').split(' ');
  while (words.length > 1 && FUNCTION_WORDS.has(words[0]!.toLowerCase()) && !NAME_PARTICLES.test(words[0]!))
    words.shift();
  return words.join(' ');
}

/** Words after a name that make it a body's name, not a person's ("Sabre special forces", "Wagner group"). */
const BODY_AFTER_NAME =
  /^[\s\u2019']*s?\s+(?:(?:special|armed|task|military|mercenary|paramilitary|private|rebel|jihadist|militant|terrorist|peacekeeping|anti-?\p{L}+|general|defen[cs]e|foreign|interior|security|high|joint|national|presidential|press|intelligence|air|naval|ground|central|s\u00E9curitaire|militaire|g\u00E9n\u00E9ral)\s+){0,2}(?:forces?|mission|operation|group|troops|units?|contingent|base|camp|brigade|battalion|regiment|command|government|ministry|army|party|movement|agency|council|programme|program|palace|office|presidency|administration|embassy|institute|university|foundation|commission|parliament|senate|assembly|palais|minist\u00E8re|institut|fondation|staff|sources?|authorities|officials|junta|military)(?![\p{L}])/iu;
/** The last word of a "name" that is a body's noun ("General Staff", "High Command"): no person. */
const ORG_LAST_WORD =
  /(?:^|\s)(?:Staff|Command|Forces?|Ministry|Council|Army|Office|Government|Headquarters|Presidency|Commission|Committee|Assembly|Agency|Service|Services|Mission|Operation|Group|Conseil|Minist\u00E8re|Gouvernement|Commandement|Comit\u00E9|Assembl\u00E9e|Arm\u00E9e|Pr\u00E9sidence|\u00C9tat-major|Etat-major)$/u;
/** Words before a name that make it a body's or an operation's name ("la force Barkhane", "Operation Serval"). */
const BODY_BEFORE_NAME =
  /(?:force|forces|op\u00E9ration|operation|mission|groupe|group|task force|camp|base|brigade|mouvement|movement|coalition|alliance)\s+$/iu;

/** A capitalised name that opens with a body's noun names the body ("Opération Barkhane", "Force Takuba"). */
const BODY_FIRST_WORD =
  /^(?:op\u00E9ration|operation|force|forces|mission|groupe|group|task|camp|base|brigade|minist\u00E8re|ministry|arm\u00E9e|army|coalition|alliance|union|conseil|council)\s/iu;

/** A geographical noun opening a capitalised name makes it a place's ("Golfe de Guinée", "Lake Chad", "Mont Cameroun"). */
const PLACE_FIRST_WORD =
  /^(?:Golfe|Gulf|Lac|Lake|Mont|Mount|Cap|Cape|Baie|Bay|Fleuve|River|Rivi\u00E8re|Plateau|Vall\u00E9e|Valley|Massif|D\u00E9sert|Desert|Delta|Bassin|Basin|\u00CEle|Isle|Island|Place|Boulevard|Avenue|Rue|Camp|Port)\s/u;

/** True when a phrase names a body by its noun or a country by its name ("la France et ses partenaires"). */
function namesBodyOrCountry(phrase: string): boolean {
  return BODY_NOUN.test(phrase) || phrase.split(/[\s'\u2019]+/u).some((w) => COUNTRIES.has(w));
}

/**
 * Person-name mentions in a text, with a sentence adverb or function word in front of a name left
 * out, and names that stand for a body or an operation ("France's Sabre special forces", "la
 * force Barkhane") dropped: they are not what "he" or "il" points back to.
 */
function peopleIn(text: string): PersonMention[] {
  const out: PersonMention[] = [];
  for (const p of personMentions(text)) {
    let name = withoutLeadingAdverb(p.name);
    // "Under-Secretary-General Atul Khare", "Lieutenant-Colonel X": a hyphenated title is no first name.
    const first = name.split(' ')[0]!;
    if (
      name.split(' ').length >= 3 &&
      first.includes('-') &&
      first.split('-').some((part) => TITLE_WORDS.has(part.toLowerCase()))
    )
      name = name.slice(first.length + 1);
    // "le Président Emmanuel Macron", "President Emmanuel Macron": a title printed with a capital
    // before a first name and a surname is no part of the name (accents ignored: "Président").
    const lead = name.split(' ');
    if (lead.length >= 3 && TITLE_WORDS.has(comparable(lead[0]!))) name = lead.slice(1).join(' ');
    // "le ministre des Armées Sébastien Lecornu": the first capital after "des" completes the
    // title, and the person is the words after it.
    const parts = name.split(' ');
    // "du Golfe de Guinée": what is left must open with a capital, as a name does ("de Guinée" is
    // the rest of a place's name, never a person).
    if (
      parts.length >= 3 &&
      /^\p{Lu}/u.test(parts[1]!) &&
      /(?:\bdes|\bdu|\bde la|\bde l['\u2019]|\bof|\bof the)\s*$/iu.test(
        text.slice(Math.max(0, p.end - name.length - 8), p.end - name.length),
      )
    )
      name = parts.slice(1).join(' ');
    const start = p.start + (p.name.length - name.length);
    if (BODY_AFTER_NAME.test(text.slice(p.end, p.end + 40))) continue;
    if (BODY_BEFORE_NAME.test(text.slice(Math.max(0, start - 30), start))) continue;
    // "Opération Barkhane", "Task Force Takuba", "La Base Opérationnelle Avancée"
    if (BODY_FIRST_WORD.test(name.replace(/^(?:La|Le|Les|L['\u2019]|The)\s*/u, ''))) continue;
    if (ORG_LAST_WORD.test(name)) continue; // "General Staff", "High Command"
    if (PLACE_FIRST_WORD.test(name)) continue; // "Golfe de Guinée", "Lac Tchad"
    // "Le Danemark", "La France": a country or a place is no one's surname.
    const lastWord = name.split(' ').pop()!;
    if (COUNTRIES.has(lastWord) || OTHER_PLACES.has(lastWord)) continue;
    out.push({ ...p, name, text: name, start });
  }
  return out;
}

/** Content words of a role, lower case, without accents or a possessive ("France's" → "france"). */
function roleWords(role: string): string[] {
  return comparable(role)
    .replace(/['\u2019]s(?![\p{L}])/gu, '')
    .split(/[^\p{L}\p{N}-]+/u)
    .filter((w) => w.length > 1 && !FUNCTION_WORDS.has(w) && !/^(?:l|d)$/.test(w));
}

/**
 * Role descriptions next to a person's name, lower case: the title before it ("EU foreign policy
 * chief", "le président français"), an apposition before it ("the junta's spokesman, Colonel …")
 * or after it ("…, the spokesman for the MINUSMA peacekeeping mission", "…, ministre des Armées").
 */
function rolesBeside(text: string, p: PersonMention): string[] {
  const out: string[] = [];
  if (p.title) out.push(p.title);
  const before = text.slice(Math.max(0, p.start - 90), p.start);
  const fr =
    /((?:le|la|l['\u2019])\s*(?:[\p{L}'\u2019-]+\s+){0,5}?)(?:(?:le|la|l['\u2019])\s*(?:colonel|g\u00E9n\u00E9ral|capitaine|commandant|lieutenant)\s+)?$/iu.exec(
      before.replace(/,\s*$/u, ' '),
    );
  if (fr?.[1] && ROLE_PHRASE.test(fr[1].trim())) out.push(fr[1].trim().toLowerCase());
  const apposedBefore =
    /(?:^|[.;:]\s+|,\s+)((?:[Tt]he|[Aa]n?|[Ll][ea]|[Ll]['\u2019]|[\p{Lu}][\p{L}-]*['\u2019]s)\s*[^,.;:]{2,70}),\s*(?:(?:the\s+)?(?:Colonel|General|Captain|Col\.|Gen\.|Lt\.|le colonel|le g\u00E9n\u00E9ral)\s+|(?:the|le|la)\s+)?$/u.exec(
      before,
    );
  // "Le porte-parole du gouvernement malien, le colonel Abdoulaye Maïga": the name-finder may take
  // the rank into the name, leaving only its article before it.
  if (apposedBefore?.[1] && ROLE_PHRASE.test(apposedBefore[1].trim()))
    out.push(apposedBefore[1].trim().toLowerCase());
  // The apposition ends at its closing comma, or at the verb when the writer left the comma out
  // ("Le colonel Abdoulaye Maïga, ministre et porte-parole du gouvernement avait déjà accusé …").
  const after =
    /^\s*,\s*([^,.;:()\u201C\u201D"\u00AB\u00BB]{3,90}?)\s*(?:[,.;:)]|$|(?=\s(?:a|avait|avaient|ont|est|has|had|have|is|was|said|says|told)\s))/u.exec(
      text.slice(p.end, p.end + 100),
    );
  if (after?.[1] && ROLE_PHRASE.test(after[1].trim())) out.push(after[1].trim().toLowerCase());
  return out;
}

/**
 * The description a text sets between commas after a person's name whatever its noun
 * ({@link DESCRIPTION}: "Colonel Laurent Grebil, logistics manager for Operation Barkhane, has
 * …"), lower case, or null: what a look-up by role meets. Kept apart from the roles of
 * {@link rolesBeside}, which attribution reads ("le chef de la diplomatie" is the one person given
 * that office): a description names no office.
 */
function descriptionAfter(text: string, p: PersonMention): string | null {
  const after = /^\s*,\s*([^,.;:()\u201C\u201D"\u00AB\u00BB]{3,90}?)\s*[,.;:)]/u.exec(
    text.slice(p.end, p.end + 100),
  );
  const d = after?.[1]?.trim();
  return d && !ROLE_PHRASE.test(d) && DESCRIPTION.test(d) ? d.toLowerCase() : null;
}

/**
 * An apposition that describes a person whatever its noun ("logistics manager for Operation
 * Barkhane", "a member of la Coordination des Mouvements de l'Azawad"): it opens with an article,
 * a lower-case word or a possessive, is no participle clause ("specifying that …") and holds no
 * verb (no auxiliary, no verb of saying) and no relative or "that" clause, at most ten words. No list of role nouns is complete; the place after a name between commas is.
 */
const DESCRIPTION = new RegExp(
  `^(?!(?:[\\p{L}'\u2019-]+\\s+){10})(?!\\p{Ll}+(?:ing|ant)(?![\\p{L}]))(?:(?:a|an|the|un|une|le|la|l['\u2019])\\s*|\\p{Ll}|[\\p{Lu}][\\p{L}-]*['\u2019]s\\s)(?![^]*(?<![\\p{L}])(?:is|are|was|were|has|have|had|will|would|est|sont|ont|that|which|who|que|qui|${SPEECH_VERB})(?![\\p{L}]))`,
  'u',
);

/** A role word without a feminine or plural ending, so "française" meets "français", "cheffe" "chef". */
function stemRole(word: string): string {
  return word.length > 4 ? word.replace(/(?:e|s|es)$/u, '') : word;
}

/**
 * Other names of the same office, as role words: what a writer calls a person already named
 * with their title ("the French leader", "le chef de l'État", "the top diplomat").
 */
const ROLE_EQUIVALENTS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(?:head of state|leader)\b/iu, 'president'],
  [
    /\bchef de l['\u2019]\u00C9tat\b|\bchef de l['\u2019]Etat\b|\bchef de l['\u2019]\u00E9tat\b|\blocataire de l['\u2019]\u00C9lys\u00E9e\b/iu,
    'pr\u00E9sident',
  ],
  [/\btop diplomat\b/iu, 'foreign minister'],
  [/\bchef(?:fe)? de la diplomatie\b/iu, 'ministre des affaires \u00E9trang\u00E8res'],
];

/** People known in the corpus: full names, and the surnames and titles that point to them. */
class PersonRegistry {
  private readonly bySurname = new Map<string, Set<string>>();
  readonly full = new Set<string>();

  /** Every article's names, then every article's roles (roles resolve names against all of them). */
  constructor(corpus?: Corpus) {
    if (!corpus) return;
    for (const a of corpus.articles) this.addNames(a);
    for (const a of corpus.articles) this.addRoles(a);
  }

  /** Records the full names an article prints. */
  addNames(a: Article): void {
    for (const b of a.blocks) {
      if (b.kind === 'furniture') continue;
      const blockText = a.text.slice(b.start, b.end);
      for (const p of [...peopleIn(blockText), ...particleNames(blockText, a.text)]) {
        const name = p.name;
        const words = name.split(' ');
        if (words.length < 2) continue;
        // No one's surname is an article or a function word ("Tombouctou Le", a teaser's words
        // run together): such a run of capitals names no person.
        if (FUNCTION_WORDS.has(words[words.length - 1]!.toLowerCase())) continue;
        this.full.add(name);
        const surname = words[words.length - 1]!;
        (this.bySurname.get(surname) ?? this.bySurname.set(surname, new Set()).get(surname)!).add(name);
      }
    }
  }

  /** Records the roles an article gives the people it names; after every article's names. */
  addRoles(a: Article): void {
    for (const b of a.blocks) if (b.kind !== 'furniture') this.collectRoles(a.text.slice(b.start, b.end));
  }

  /** Role descriptions the corpus gives each full name ("germany's defense minister", "the spokesman for the minusma peacekeeping mission"), lower case. */
  readonly roles = new Map<string, Set<string>>();

  /** Descriptions the corpus sets beside each full name that name no office ("logistics manager for Operation Barkhane"), lower case: for look-ups only. */
  readonly descriptions = new Map<string, Set<string>>();

  /** Records the role descriptions beside each person named in a text. */
  private collectRoles(text: string): void {
    for (const p of peopleIn(text)) {
      const full = this.resolve(p.name);
      if (!full?.includes(' ')) continue;
      const described = descriptionAfter(text, p);
      if (described)
        (this.descriptions.get(full) ?? this.descriptions.set(full, new Set()).get(full)!).add(described);
      const found = rolesBeside(text, p);
      if (found.length === 0) continue;
      const set = this.roles.get(full) ?? this.roles.set(full, new Set()).get(full)!;
      for (const r of found) set.add(r);
    }
  }

  /**
   * The one person whose role the corpus gives with this role noun and these words ("the French
   * president", "le président", "le porte-parole"), or null when none or several are.
   */
  byRole(phrase: string, recent?: ReadonlyMap<string, number>): string | null {
    const m = ROLE_PHRASE.exec(phrase.trim());
    if (!m || !/^(?:the|le|la|l['\u2019]|his|her|its|their|son|sa)\s*/iu.test(phrase.trim())) return null;
    // The role as written, and as the other names of the same office ("the French leader" is
    // the French president; "le chef de l'État", le président).
    const readings = [roleWords(phrase).map(stemRole)];
    for (const [pattern, words] of ROLE_EQUIVALENTS)
      if (pattern.test(phrase)) readings.push(roleWords(phrase.replace(pattern, words)).map(stemRole));
    const fits = [...this.roles]
      .filter(([, roles]) => {
        const have = new Set([...roles].flatMap(roleWords).map(stemRole));
        return readings.some((words) => words.every((w) => have.has(w)));
      })
      .map(([name]) => name);
    if (fits.length === 1) return fits[0]!;
    // "the French leader", "le ministre malien" after "President Emmanuel Macron", "le ministre
    // Abdoulaye Diop": a page often gives the title without the nationality it later describes
    // the office with. Read without the demonym, the role is the one person holding it, when that
    // person's roles name no nationality at all (a "Malian president" is not the French one).
    if (fits.length === 0) {
      const demonyms = new Set(
        (phrase.match(/[\p{L}-]+/gu) ?? [])
          .filter((w) => NATIONALITY.test(w) || DEMONYM_FR.test(w))
          .map((w) => stemRole(comparable(w))),
      );
      const plain = readings.map((words) => words.filter((w) => !demonyms.has(w)));
      const loose =
        demonyms.size === 0 || plain.every((words) => words.length === 0)
          ? []
          : [...this.roles].filter(([, roles]) => {
              const have = [...roles].flatMap(roleWords);
              if (have.some((w) => NATIONALITY.test(capitalise(w)) || DEMONYM_FR.test(w))) return false;
              const stems = new Set(have.map(stemRole));
              return plain.some((words) => words.length > 0 && words.every((w) => stems.has(w)));
            });
      if (loose.length === 1) return loose[0]![0];
    }
    // Several people hold such a role in the corpus: the one the article named last before the
    // quotation ("the minister" after "Defence Minister Sebastien Lecornu visited …").
    if (recent && fits.length > 1) {
      const named = fits.filter((n) => recent.has(n)).sort((a, b) => recent.get(b)! - recent.get(a)!);
      if (named.length > 0) return named[0]!;
    }
    return null;
  }

  /**
   * Surnames of people named in full, where a name-finder skips them ("Macron also said …" opens
   * a sentence): each as a mention of the full name, offsets relative to `text`.
   */
  surnamesIn(text: string): PersonMention[] {
    const byStart = this.surnamesByStart();
    // One pass over the text's word starts, looking up the surnames that begin with the same
    // three characters, instead of one regular expression per known surname: with thousands of
    // people in a corpus the per-surname scan was the bulk of building the quotation index.
    const found: Array<{ order: number; mention: PersonMention }> = [];
    for (const m of text.matchAll(/(?<![\p{L}])\p{L}/gu)) {
      const at = m.index!;
      const candidates = byStart.get(text.slice(at, at + 3));
      if (!candidates) continue;
      for (const c of candidates) {
        const after = text.charAt(at + c.surname.length);
        if (!text.startsWith(c.surname, at) || (after !== '' && /\p{L}/u.test(after))) continue;
        found.push({
          order: c.order,
          mention: { start: at, end: at + c.surname.length, text: c.surname, name: c.name, title: '' },
        });
      }
    }
    // The order the per-surname scan gave: by surname, then by place in the text.
    found.sort((x, y) => x.order - y.order || x.mention.start - y.mention.start);
    return found.map((f) => f.mention);
  }

  private startIndex: Map<string, Array<{ surname: string; name: string; order: number }>> | null = null;

  /** Surnames of exactly one full name, three characters or longer, by their first three characters. */
  private surnamesByStart(): Map<string, Array<{ surname: string; name: string; order: number }>> {
    if (this.startIndex) return this.startIndex;
    const index = new Map<string, Array<{ surname: string; name: string; order: number }>>();
    let order = 0;
    for (const [surname, names] of this.bySurname) {
      order++;
      if (names.size !== 1 || surname.length < 3) continue;
      const key = surname.slice(0, 3);
      const list = index.get(key) ?? index.set(key, []).get(key)!;
      list.push({ surname, name: [...names][0]!, order });
    }
    this.startIndex = index;
    return index;
  }

  /** Full name for a mention ("Mr Macron" → "Emmanuel Macron"), or null when unknown or ambiguous. */
  resolve(name: string): string | null {
    const bare = name
      .replace(/^(?:Mr|Mrs|Ms|Dr|Miss)\.?\s+/, '')
      .replace(/['\u2019]s$/, '')
      .trim();
    const words = bare.split(' ');
    const candidates = this.bySurname.get(words[words.length - 1]!);
    // The same person named by surname later ("Le Drian", "Mr Macron") is the one the article
    // names in full: the only known name that ends with these words and is longer.
    const longer = [...(candidates ?? [])].filter((n) => n.length > bare.length && n.endsWith(` ${bare}`));
    if (longer.length === 1) return longer[0]!;
    if (this.full.has(bare)) return bare;
    if (candidates && candidates.size === 1) return [...candidates][0]!;
    return words.length >= 2 ? bare : null;
  }
}

/** "Etienne du Peyroux", "Charles de Gaulle": a first name, a lower-case particle, a surname (groups 1-3). */
const PARTICLE_NAME =
  /(?<![\p{L}'\u2019-])([\p{Lu}][\p{Ll}]+(?:-[\p{Lu}][\p{Ll}]+)?)\s+(du|de|des|de la)\s+([\p{Lu}][\p{Ll}'\u2019-]+)(?![\p{L}])/gu;

/**
 * Names with a lower-case particle, which the name-finder reads as two names or none
 * ("le général Etienne du Peyroux"): kept only when the page also calls the person by the
 * particle and surname alone ("… a déclaré du Peyroux", "Le général du Peyroux"), the way a
 * writer names someone in full and then by surname, and when neither the first word is a title,
 * a body's noun or a function word nor the surname a place (so "ministère de la Défense" and
 * "Camp de Gaulle" name no one).
 */
function particleNames(text: string, page: string): PersonMention[] {
  const out: PersonMention[] = [];
  for (const m of text.matchAll(PARTICLE_NAME)) {
    const [whole, first, particle, surname] = m as unknown as [string, string, string, string];
    const firstWords = first.split('-');
    if (
      firstWords.some(
        (w) =>
          TITLE_WORDS.has(comparable(w)) ||
          FUNCTION_WORDS.has(w.toLowerCase()) ||
          NOT_NAME_WORDS.has(w) ||
          BODY_NOUN.test(w) ||
          BODY_FIRST_WORD.test(`${w} `),
      ) ||
      COUNTRIES.has(first) ||
      OTHER_PLACES.has(first) ||
      COUNTRIES.has(surname) ||
      OTHER_PLACES.has(surname) ||
      NOT_NAME_WORDS.has(surname)
    )
      continue;
    const short = new RegExp(
      `(?<![\\p{L}'\u2019-])${particle.replace(/^./, (c) => `[${c}${c.toUpperCase()}]`)}\\s+${surname.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`,
      'gu',
    );
    // Printed without this first name at least once.
    const inFull = page.split(whole).length - 1;
    if ([...page.matchAll(short)].length <= inFull) continue;
    out.push({ start: m.index!, end: m.index! + whole.length, text: whole, name: whole, title: '' });
  }
  return out;
}

/** Ranks and titles printed before a person the page names by one name only ("le capitaine Yann"). */
const RANK_BEFORE_ONE_NAME =
  "(?:(?:le|la|l['\u2019])\\s*)?(?:capitaine|commandant|colonel|lieutenant|lieutenant-colonel|g\u00E9n\u00E9ral|sergent|adjudant|caporal|major|soldat|m\u00E9decin|p\u00E8re|s\u0153ur|Captain|Commander|Colonel|Lieutenant|General|Sergeant|Corporal|Major|Private)";

/** A definite rank with at most one nationality: "le colonel français", "the French general", "the colonel". */
const RANK_REFERENCE =
  /^(?:the|le|la|l['\u2019])\s*(?:\p{Lu}\p{Ll}+\s+)?(colonel|lieutenant-colonel|g\u00E9n\u00E9ral|general|capitaine|captain|commandant|commander|lieutenant|sergent|sergeant|amiral|admiral|major)(?:\s+\p{Ll}+)?$/iu;

/**
 * A participle clause describing what comes before it: "allegedly created by Wagner", "backed by
 * Algeria", "based in Paris", "créé par Wagner", "basée à Bamako".
 */
const PARTICIPLE_APPOSITION =
  /^(?:\p{Ll}+(?:ly|ment)\s+)?(?:\p{Ll}{2,}(?:ed|en)|run|made|set up|\p{Ll}{2,}(?:\u00E9|\u00E9e|\u00E9s|\u00E9es|ie|is|ue|us|it|ite))\s+(?:by|in|at|from|with|par|\u00E0|au|aux|en|dans|depuis)\s/u;

/**
 * A social-media account named for a person: "a Twitter account in the name of X", "an account
 * called X", "le compte (Twitter) d'un certain X" (group 1: the name, two to four capitalised words).
 */
const ACCOUNT_HOLDER_SOURCE = String.raw`^(?:(?:a|an|the|un|une|le|son|sa)\s+)?(?:(?:Twitter|X|Facebook|Telegram|TikTok|Instagram|YouTube|social[- ]media)\s+)?(?:account|compte|profile|profil|page)(?:\s+(?:Twitter|X|Facebook|Telegram|TikTok|Instagram|YouTube))?\s+(?:in\s+the\s+name\s+of|called|named|of|belonging\s+to|au\s+nom\s+d['\u2019]|d['\u2019]un\s+(?:certain|d\u00E9nomm\u00E9|nomm\u00E9)|d['\u2019]une\s+(?:certaine|d\u00E9nomm\u00E9e|nomm\u00E9e)|de|d['\u2019])\s*((?:[\p{Lu}][\p{L}'\u2019-]+\s+){1,3}[\p{Lu}][\p{L}'\u2019-]+)$`;
const ACCOUNT_HOLDER = new RegExp(ACCOUNT_HOLDER_SOURCE, 'u');
/** ACCOUNT_HOLDER anywhere in a text, not only as the whole phrase: where an account is introduced. */
const ACCOUNT_MENTION = new RegExp(
  `(?<![\\p{L}])${ACCOUNT_HOLDER_SOURCE.replace(/^\^/u, '').replace(/\$$/u, '')}(?![\\p{L}])`,
  'gu',
);
/** ACCOUNT_HOLDER opening a longer phrase: "A Twitter account in the name of X sounded the alarm". */
const ACCOUNT_OPENING = new RegExp(ACCOUNT_HOLDER_SOURCE.replace(/\$$/u, '(?![\\p{L}])'), 'u');
/** A phrase with the article that opens it in lower case, as ACCOUNT_HOLDER spells it (it has no i flag: its names are capitalised). */
function lowerArticle(phrase: string): string {
  return phrase.replace(/^(?:A|An|The|Un|Une|Le|Son|Sa)\s/u, (w) => w.toLowerCase());
}
/** A post's words as the subject of its sentence: "Ce tweet est accompagné … de la mention", "The post read". */
const POST_SUBJECT =
  /^(?:(?:the|this|that|a|ce|cet|le|la|un|une)\s+)(?:tweet|post|message|publication|video|vid\u00E9o)(?:\s+(?:publi\u00E9e?|posted|shared|partag\u00E9e?))?(?=\s|$)/iu;

/**
 * The opening of a communiqué quoted from its first words: its issuer (group 1, an article and a
 * body's name) and a verb a communiqué opens with ("Le gouvernement de la République du Mali
 * informe", "The Government of Mali announces").
 */
const SELF_NAMED = new RegExp(
  `^((?:Le|La|Les|The)\\s+[^,;:\u00AB\u00BB\u201C\u201D"]{3,80}?|L['\u2019]\\s*[^,;:\u00AB\u00BB\u201C\u201D"]{3,80}?)\\s+(?:${FR_PRESENT}|prend\\s+acte|porte\\s+\u00E0\\s+la\\s+connaissance|condamne|d\u00E9cide|informs|announces|condemns|notes|decides|denounces|reaffirms|regrets|welcomes|takes\\s+note)(?![\\p{L}])`,
  'u',
);

/** A rank or a title ending the words before a name ("… le capitaine "). */
const RANK_BEFORE = new RegExp(`(?<![\\p{L}])${RANK_BEFORE_ONE_NAME}\\s+$`, 'iu');

/**
 * A person the page calls by one name only, with the rank it gives them: "le capitaine Yann",
 * "Sergeant Paul", the fullest name the page gives. Null when the name is printed with no rank.
 */
function titledName(name: string, text: string): string | null {
  if (!/^[\p{Lu}][\p{Ll}'\u2019-]+$/u.test(name)) return null;
  // "the general staff", "Major Forces": a rank before a body's noun names a body, not a person.
  if (BODY_NOUN.test(name)) return null;
  const memo = memoFor(text);
  const known = memo.titled.get(name);
  if (known !== undefined) return known;
  const found = titledNameIn(name, text);
  memo.titled.set(name, found);
  return found;
}

function titledNameIn(name: string, text: string): string | null {
  const esc = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`(?<![\\p{L}])${RANK_BEFORE_ONE_NAME}\\s+${esc}(?![\\p{L}'\u2019-])`, 'giu');
  // Not when a surname follows ("le colonel Abdoulaye Maïga" is named in full elsewhere).
  for (const m of text.matchAll(re)) {
    // The name as printed must be capitalised ("General Yann", never "general yann").
    if (!/^\p{Lu}/u.test(text.slice(m.index! + m[0].length - name.length))) continue;
    if (!/^\s+\p{Lu}/u.test(text.slice(m.index! + m[0].length, m.index! + m[0].length + 3))) return m[0];
  }
  return null;
}

/**
 * A body named by a possessor and its noun alone ("Mali's government") by the one fuller form
 * the article prints with lower-case words between them ("Mali's transitional military
 * government"), as a writer names a body in full once and then shortly; the name as given when
 * the article prints no such form, or more than one.
 */
function possessiveFuller(name: string, text: string): string {
  const memo = memoFor(text);
  const known = memo.titled.get(`\u0000possessive ${name}`);
  if (known !== undefined) return known ?? name;
  const found = possessiveFullerIn(name, text);
  memo.titled.set(`\u0000possessive ${name}`, found);
  return found;
}

function possessiveFullerIn(name: string, text: string): string {
  const m = /^([\p{Lu}][\p{L}-]*)['\u2019]s\s+(\p{Ll}[\p{L}-]*)$/u.exec(name);
  if (!m) return name;
  const esc = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(
    `(?<![\\p{L}])${esc(m[1]!)}['\u2019]s\\s+(?:\\p{Ll}[\\p{L}-]*\\s+){1,3}${esc(m[2]!)}(?![\\p{L}])`,
    'gu',
  );
  const forms = new Set([...text.matchAll(re)].map((f) => f[0].replace(/\s+/gu, ' ')));
  return forms.size === 1 ? [...forms][0]! : name;
}

/** A body named with a feminine article or noun: "la junte", "l'armée", "une source", "la présidence". */
const FEMININE_BODY =
  /^(?:la|une|les|des)\s|^l['\u2019]\s*(?:arm\u00E9e|administration|ambassade|union|assembl\u00E9e|agence|alliance|op\u00E9ration|organisation|autorit\u00E9|\u00C9lys\u00E9e)/iu;

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Set while {@link QuotationIndex.stepwise} makes an index to fill step by step. */
let deferBuild = false;

/**
 * Extracts every quotation in the corpus's body text and headings with its speaker, and looks
 * them up by words or speaker. Identical quotations in several articles are one result.
 */
export class QuotationIndex {
  private people: PersonRegistry;
  private groups: Quotation[];

  private found: Found[];

  /**
   * `expand` gives, for a query, the related words searched for each of its terms (the answer
   * index's word knowledge: see engine/expand.ts); without it only the query's own words count.
   */
  constructor(
    private readonly corpus: Corpus,
    private readonly expand: (
      query: string,
    ) => ReadonlyMap<string, { target: string; weight: number }> = () => new Map(),
  ) {
    this.people = new PersonRegistry();
    this.found = [];
    this.groups = [];
    if (deferBuild) return;
    const steps = QuotationIndex.steps(corpus, this);
    while (!steps.next().done);
  }

  /**
   * The same index built a step at a time, for a build spread over idle moments (see
   * Engine.prepareQuotations): each step reads one article (its names, then its roles, then its
   * quotations) or warms one quotation's look-up terms; the last returns the index, identical
   * to `new QuotationIndex(corpus, expand)` with its first look-up already made.
   */
  static *stepwise(
    corpus: Corpus,
    expand?: (query: string) => ReadonlyMap<string, { target: string; weight: number }>,
  ): Generator<void, QuotationIndex, void> {
    deferBuild = true;
    let index: QuotationIndex;
    try {
      index = new QuotationIndex(corpus, expand);
    } finally {
      deferBuild = false;
    }
    yield* QuotationIndex.steps(corpus, index);
    // What the first look-up works out for every quotation: its terms, its speaker's roles.
    for (const q of index.groups) {
      index.termsOf(q);
      yield;
    }
    index.weightOf('');
    index.vocabulary();
    return index;
  }

  /** Fills `index` from the corpus, one article per step: names, roles, quotations, groups. */
  private static *steps(corpus: Corpus, index: QuotationIndex): Generator<void, void, void> {
    const people = new PersonRegistry();
    for (const a of corpus.articles) {
      people.addNames(a);
      yield;
    }
    for (const a of corpus.articles) {
      people.addRoles(a);
      yield;
    }
    index.people = people;
    const found: Found[] = [];
    for (const a of corpus.articles) {
      for (const f of index.extract(a)) found.push(f);
      yield;
    }
    index.found = found;
    index.groups = index.group(found);
  }

  /**
   * Every quotation found in one article, in text order and not grouped (the same words quoted
   * twice are listed twice): what `corpus:check --against` measures speakers on.
   */
  inArticle(articleId: string): Array<{ start: number; end: number; text: string; speaker: string | null }> {
    return this.found
      .filter((f) => f.article.meta.id === articleId)
      .map(({ start, end, text, speaker }) => ({ start, end, text, speaker }));
  }

  /** The article being read, for what only its whole text can tell (is a lone word a surname?). */
  private current: Article | null = null;

  /** People the article being read has named so far (full names) and where: for "the minister". */
  private named: Array<{ name: string; at: number }> = [];
  /** Speakers the article being read has been given so far, in text order: for "the same source". */
  private spoken: string[] = [];
  /** Where the quotation being attributed starts. */
  private quoteAt = Number.POSITIVE_INFINITY;

  private extract(article: Article): Found[] {
    this.current = article;
    this.issuers = [];
    this.spoken = [];
    this.named = [];
    this.quoteAt = Number.POSITIVE_INFINITY;
    // Marks printed the wrong way round read as the way they are used (same offsets); the quoted
    // words themselves are taken from the text as printed.
    const text = orientMarks(article.text);
    // The cues of the sentence last read, for this article only (see SentenceCues).
    const sentenceCues = new SentenceCues(text);
    const out: Found[] = [];
    const titles = new Map<string, string>(); // "french president" → "Emmanuel Macron"
    let lastPerson: { name: string; at: number } | null = null;
    let lastBody: string | null = null; // the last organisation or statement quoted: what "it" points back to
    let lastQuoted: { name: string; at: number; sentence?: Span } | null = null; // the last speaker and where they were quoted
    // The speaker of the last quotation when the block before ended on one: a paragraph that
    // opens with a quotation and names no one continues it.
    let carried: string | null = null;
    // Every body sentence and every person named in body text, in text order: where a quotation
    // that nothing attributes looks back for its speaker.
    const bodySentences: Span[] = [];
    const allMentions: PersonMention[] = [];
    for (const block of article.blocks) {
      if (block.kind === 'furniture') continue;
      const blockText = text.slice(block.start, block.end);
      // Only names that resolve to a known person can be what "he" or "she" points back to.
      const mentions = peopleIn(blockText)
        .map((p) => ({
          ...p,
          start: p.start + block.start,
          end: p.end + block.start,
        }))
        .filter(
          (p) =>
            this.people.full.has(this.people.resolve(p.name) ?? '') ||
            p.title !== '' ||
            FR_TITLE_BEFORE.test(
              blockText.slice(Math.max(0, p.start - block.start - 30), p.start - block.start),
            ),
        );
      // Surnames the name-finder skipped ("Macron also said …" opening a sentence).
      for (const sm of this.people.surnamesIn(blockText)) {
        const at = sm.start + block.start;
        if (!mentions.some((p) => p.start <= at && p.end > at))
          mentions.push({ ...sm, start: at, end: sm.end + block.start });
      }
      mentions.sort((x, y) => x.start - y.start);
      if (block.kind === 'body') for (const p of mentions) allMentions.push(p);
      for (const p of mentions) {
        const full = this.people.resolve(p.name);
        if (full && this.people.full.has(full)) this.named.push({ name: full, at: p.start });
        if (full && p.title) titles.set(p.title.replace(/^(?:[\p{L}]+['\u2019]s\s+)/u, ''), full);
      }
      const quotes = quotationSpans(text, block);
      const sentences =
        block.kind === 'heading' ? [{ start: block.start, end: block.end }] : splitSentences(text, block);
      if (block.kind === 'body') for (const sen of sentences) bodySentences.push(sen);
      let previousSpeaker: string | null = null;
      // Bodies that speak in this block before a quotation ("The ministry said … “…,” it said").
      const speaking = [
        ...blockText.matchAll(ANNOUNCES),
        ...blockText.matchAll(FR_ANNOUNCES),
        ...blockText.matchAll(ISSUED_BY),
        ...issuesIn(blockText),
      ]
        .map((m) => ({ at: block.start + m.index!, who: this.normaliseSpeaker(m[1] ?? '', null, titles) }))
        .concat(this.statementSubjects(blockText, block.start, titles))
        .filter(
          (x): x is { at: number; who: string } =>
            x.who !== null && x.who !== IT && !this.people.full.has(x.who),
        )
        .sort((x, y) => x.at - y.at);
      for (const m of [...blockText.matchAll(ISSUED_BY), ...issuesIn(blockText)]) {
        const who = this.normaliseSpeaker(m[1] ?? '', null, titles);
        if (who !== null && who !== IT && !this.people.full.has(who)) this.issuers.push(who);
      }
      let lastQuoteEnd = block.start;
      // Quotations come in text order, so the sentence, the bodies speaking and the people named
      // before each one are found by cursors moving forward, never by a scan per quotation (a
      // paragraph of a thousand quotations was quadratic to read).
      let sentenceAt = 0;
      let speakingAt = 0;
      let mentionAt = 0;
      for (const q of quotes) {
        while (sentenceAt < sentences.length && sentences[sentenceAt]!.end <= q.start) sentenceAt++;
        const at = sentenceAt < sentences.length && q.start >= sentences[sentenceAt]!.start ? sentenceAt : -1;
        let sentence: Span = sentences[at] ?? block;
        // A quotation that is its paragraph's whole text is a subheading or a pull quote, never a scare quote.
        const wholeBlock =
          /^[\s\u201C"\u00AB\u2018']*$/u.test(text.slice(block.start, q.start)) &&
          /^[\s\u201D"\u00BB\u2019'.!?…]*$/u.test(text.slice(q.end, block.end));
        if (
          block.kind !== 'heading' &&
          !wholeBlock &&
          isScareQuote(text, q, sentences[at] ?? block, sentenceCues)
        )
          continue;
        // “Takuba”, “Camp de Gaulle”, “The Little Prince”: a name in marks within body text is
        // nobody's words (a headline may capitalise every word of a quotation; body text does not).
        // After a colon the words are someone's answer, however short ("Il a répondu : « Jamais »").
        if (
          block.kind === 'body' &&
          !wholeBlock &&
          isQuotedName(text.slice(q.start, q.end)) &&
          !/:\s*[\u201C"\u00AB\u2018']?\s*$/u.test(text.slice(Math.max(block.start, q.start - 6), q.start))
        )
          continue;
        // “We cannot remain.” Macron said. — a quotation that ends its sentence, attributed by the
        // short sentence after it.
        const next = sentences[at + 1];
        if (
          next &&
          /^[\s\u201D"\u2019'\u00BB.!?…]*$/u.test(text.slice(q.end, sentence.end)) &&
          next.end - next.start <= 120 &&
          (VERB_RE.test(text.slice(next.start, next.end)) ||
            new RegExp(FR_BEFORE_VERB.source, 'iu').test(text.slice(next.start, next.end)))
        )
          sentence = { start: sentence.start, end: next.end };
        VERB_RE.lastIndex = 0;
        while (speakingAt < speaking.length && speaking[speakingAt]!.at < q.start) speakingAt++;
        const announcer =
          speakingAt > 0 && speaking[speakingAt - 1]!.at >= lastQuoteEnd
            ? speaking[speakingAt - 1]
            : undefined;
        if (announcer) lastBody = announcer.who;
        lastQuoteEnd = q.end;
        while (mentionAt < mentions.length && mentions[mentionAt]!.start < q.start) mentionAt++;
        const personBefore = lastEndingBy(mentions, mentionAt, q.start);
        let last = personBefore ? { name: personBefore.name, at: personBefore.start } : lastPerson;
        // A person quoted since the last name found ("Macron said: “…” … He said …"), or named
        // only after the quotation in the same sentence, whose speaker stays what the next "he"
        // points to ("Farhan Haq said the UN “deeply” regretted the decision to expel Salgado.
        // “…,” he said": Haq, not Salgado).
        if (
          lastQuoted &&
          (!last ||
            lastQuoted.at > last.at ||
            (lastQuoted.sentence !== undefined &&
              last.at > lastQuoted.at &&
              last.at < lastQuoted.sentence.end &&
              q.start >= lastQuoted.sentence.end)) &&
          this.isPersonName(lastQuoted.name)
        )
          last = lastQuoted;
        // "il"/"elle" may stand for a body quoted since ("l'état-major … », a-t-il ajouté").
        // …or for a body that spoke in this paragraph since ("L'état-major a annoncé lundi le départ.
        // « … », a-t-il précisé").
        const quotedLater = lastQuoted && (!last || lastQuoted.at > last.at) ? lastQuoted : null;
        const latest = quotedLater ?? last;
        const frAntecedent =
          announcer && (!latest || announcer.at > latest.at) ? announcer.who : (latest?.name ?? null);
        this.quoteAt = q.start;
        const attributeOf = (quote: typeof q): string | null =>
          this.attribute(
            text,
            sentence,
            quote,
            last?.name ?? null,
            titles,
            block.kind === 'heading',
            lastBody,
            frAntecedent,
          );
        let speaker = attributeOf(q);
        if (speaker === PREV) speaker = previousSpeaker;
        // "La France a « pris note » de la décision et « décidé de rappeler son ambassadeur » dit
        // le Quai d'Orsay": the attribution after the sentence's last quotation names the earlier
        // ones too, when nothing between them attributes words to anyone else.
        if (speaker === null) {
          const lastInSentence = quotes[lastStartingBefore(quotes, sentence.end)];
          // Within ATTRIBUTION_REACH, as attribution reads: the words between are read once per
          // quotation, and a sentence of a thousand quotations made that quadratic.
          if (
            lastInSentence &&
            lastInSentence.start > q.end &&
            lastInSentence.start - q.end <= ATTRIBUTION_REACH &&
            !verbBetween(text.slice(q.end, lastInSentence.start))
          ) {
            this.quoteAt = lastInSentence.start;
            const sp = attributeOf(lastInSentence);
            this.quoteAt = q.start;
            if (sp !== null && sp !== PREV && sp !== IT) speaker = sp;
          }
        }
        if (speaker === null && previousSpeaker !== null) speaker = previousSpeaker; // quotation continued in the same paragraph
        // "Le général Michon a annoncé lundi la fin de la mission. « Nous partons. »": a quotation
        // whose own sentence attributes nothing is the words of whoever speaks in the sentence before.
        if (speaker === null && at > 0 && block.kind === 'body') {
          if (!ATTRIBUTION_CUE.test(aroundInSentence(text, sentence, q)))
            speaker = this.speakerOfSentence(text, sentences[at - 1]!, lastPerson?.name ?? null, titles);
        }
        let wasCarried = false;
        if (
          speaker === null &&
          carried !== null &&
          block.kind === 'body' &&
          /^[\s\u201C"\u00AB]*$/u.test(text.slice(block.start, q.start))
        ) {
          speaker = carried;
          wasCarried = true;
        }
        // "“…”. This was the opening line of the communiqué issued on Monday by the general staff.",
        // "« … » C'est l'extrait du communiqué des autorités maliennes.": a quotation nothing in
        // its own sentence attributes, pointed back to by the next one as a statement's words, is
        // the issuer's.
        if (speaker === null && block.kind === 'body') {
          // The pointing sentence may be read as the end of the quotation's own ("« … » C'est …").
          const tail = text.slice(q.end, sentence.end).replace(/^[\s\u201D"\u00BB.!?…]+/u, '');
          const inOwn = POINTS_BACK.test(tail);
          const rest = inOwn
            ? text.slice(Math.max(sentence.start, q.start - ATTRIBUTION_REACH), q.start)
            : aroundInSentence(text, sentence, q);
          const following = sentences[lastStartingBefore(sentences, q.end) + 1];
          const said = inOwn ? tail : following ? text.slice(following.start, following.end) : '';
          const pointer = POINTS_BACK.test(said) && !/[\u201C\u201D"\u00AB\u00BB]/u.test(said);
          const issuer = pointer && !ATTRIBUTION_CUE.test(rest) ? STATEMENT_ISSUER.exec(said) : null;
          // "du communiqué des autorités maliennes": the issuer with the article "des" holds.
          const article = { des: 'les ', du: 'le ', 'de la': 'la ' }[issuer?.[1]?.toLowerCase() ?? ''] ?? '';
          const named = issuer?.[2] ? `${issuer[1] && !article ? "l'" : article}${issuer[2]}` : null;
          const who = named ? this.normaliseSpeaker(named, null, titles) : null;
          if (who !== null && who !== IT && who !== PREV && BODY_NOUN.test(who)) speaker = who;
        }
        // "« Le gouvernement de la République du Mali informe l'opinion … »": a communiqué quoted
        // from its first words names its issuer as their subject; that body speaks when nothing
        // around the quotation attributes it (a body the sentence gives it is kept: pages name
        // the same communiqué's issuer as "la junte", "les autorités maliennes").
        if (speaker === null || wasCarried) {
          const own = SELF_NAMED.exec(text.slice(q.start, q.end).replace(/^[\s\u201C"\u00AB\u2018']+/u, ''));
          // A body's name of three words or more ("The Mission takes note …", "…,” it stated" is
          // the body last named: "the Mission" is a short form, not the issuer's name).
          const who =
            own?.[1] && BODY_NOUN.test(own[1]) && own[1].trim().split(/\s+/u).length >= 3
              ? this.normaliseSpeaker(own[1], null, titles)
              : null;
          if (who !== null && who !== IT && who !== PREV && !this.people.full.has(who)) {
            speaker = who;
            wasCarried = false;
          }
        }
        if (speaker !== null && speaker !== IT && !this.people.full.has(speaker))
          speaker = titledName(speaker, text) ?? this.fullerBody(speaker, article, q.start);
        if (speaker !== null && speaker !== IT && namesNoOne(speaker)) speaker = null;
        previousSpeaker = speaker;
        if (speaker !== null) this.spoken.push(speaker);
        if (speaker !== null) lastQuoted = { name: speaker, at: q.start, sentence };
        if (speaker !== null && !this.people.full.has(speaker)) lastBody = speaker;
        out.push({
          article,
          start: q.start,
          end: q.end,
          text: article.text.slice(q.start, q.end),
          speaker,
          sentence,
          carried: wasCarried,
          // A quotation still open when its paragraph ends goes on in the next one (“… ¶ “…,” he said).
          openEnded:
            block.kind === 'body' &&
            q === quotes[quotes.length - 1] &&
            /^[\s.,;:!?…]*$/u.test(text.slice(q.end, block.end)),
          opensBlock: block.kind === 'body' && /^[\s\u201C"\u00AB]*$/u.test(text.slice(block.start, q.start)),
        });
      }
      const lastMention = mentions[mentions.length - 1];
      if (lastMention) lastPerson = { name: lastMention.name, at: lastMention.start };
      // A body that speaks without being quoted ("The defence ministry announced …", "a statement
      // from the French military") is what a later "the statement said" points back to.
      const announcer = [...blockText.matchAll(ANNOUNCES), ...blockText.matchAll(FR_ANNOUNCES)]
        .sort((x, y) => x.index! - y.index!)
        .pop();
      const issuedHere = [...blockText.matchAll(ISSUED_BY), ...issuesIn(blockText)]
        .sort((x, y) => x.index! - y.index!)
        .pop();
      const bodyHere = [announcer, issuedHere]
        .filter((m): m is RegExpExecArray => m !== undefined)
        .sort((x, y) => x.index! - y.index!)
        .pop();
      if (bodyHere?.[1]) {
        const who = this.normaliseSpeaker(bodyHere[1], null, titles);
        if (
          who !== null &&
          who !== IT &&
          !this.people.full.has(who) &&
          (bodyHere.index ?? 0) + block.start >= (out[out.length - 1]?.end ?? 0)
        )
          lastBody = who;
      }
      if (block.kind === 'body') {
        // What a following paragraph that only quotes continues: this paragraph's last quotation,
        // or, with none, the last one to say something in it ("Macron said France would leave.").
        const lastQuote = quotes[quotes.length - 1];
        if (lastQuote !== undefined) carried = out[out.length - 1]?.speaker ?? null;
        else {
          // English or French: "Macron said France would leave.", "Le ministre a déclaré lundi :".
          const said = [...blockText.matchAll(VERB_RE), ...blockText.matchAll(FR_BEFORE_VERB)]
            .sort((x, y) => x.index! - y.index!)
            .pop();
          const head = said
            ? (blockText
                .slice(0, said.index!)
                .split(/(?<=[.!?])\s+/)
                .pop() ?? '')
            : '';
          const who = said
            ? this.normaliseSpeaker(
                // "The Malian government summoned the ambassador … and said": the subject ends at
                // the first verb in -ed with its object, which no name holds.
                sentenceSubject(head.replace(ADVERBS, '')).replace(
                  /\s+\p{Ll}{3,}ed\s+(?:the|a|an|its|his|her|their|this|these|those)\s.*$/su,
                  '',
                ),
                lastPerson?.name ?? null,
                titles,
              )
            : null;
          carried = who === IT ? lastBody : who;
        }
      }
    }
    this.attributedNext(text, out);
    this.documentsSpeak(text, out, titles);
    this.carryAcross(text, out, bodySentences, allMentions, titles);
    // A person given by one name on any path (the one person named in the sentence, whoever spoke
    // last) keeps the rank the page gives them ("le capitaine Florian"), as an attributed one does.
    for (const f of out) {
      if (f.speaker !== null && !this.people.full.has(f.speaker))
        f.speaker = titledName(f.speaker, text) ?? f.speaker;
      if (f.speaker !== null && namesNoOne(f.speaker)) f.speaker = null;
    }
    // A quotation open at the end of its paragraph and continued by the next paragraph's opening
    // quotation is the same speaker's, named only at its end: carried back.
    for (let i = out.length - 2; i >= 0; i--) {
      const f = out[i]!;
      const next = out[i + 1]!;
      if (f.speaker === null && f.openEnded && next.opensBlock && next.speaker !== null) {
        f.speaker = next.speaker;
        f.carried = next.carried;
      }
    }
    // The same words quoted again in the article (a subheading quoting the body, a pull quote)
    // are the same speaker's, which beats a speaker only carried over from the paragraph before.
    // Each text is folded once: folding every other quotation's text again for each one was
    // quadratic in folds over a paragraph of a thousand quotations.
    const folded = out.map((f) => looseComparable(f.text));
    for (const [i, f] of out.entries()) {
      if (f.speaker !== null && !f.carried) continue;
      const key = folded[i]!.replace(/[\s.…]+$/u, '');
      if (key.length < 6) continue;
      const same = out.find(
        (o, j) => o !== f && o.speaker !== null && !o.carried && folded[j]!.includes(key),
      );
      if (same) {
        f.speaker = same.speaker;
        f.carried = false;
      }
    }
    releaseTextMemo();
    return out;
  }

  /**
   * "France's defense ministry published a review … The new National Strategic Review described a
   * “fracturing of the world order”", "Le Conseil de sécurité a mis un terme à la mission. La
   * résolution adoptée à l'unanimité stipule … « d'ici le 31 décembre »": a document (a
   * resolution, a report, a review) that opens the quotation's sentence as its subject speaks for
   * the body that issued it, as a statement does (test/fixtures/pages/README.md): the body the
   * article last said published or adopted such a document, else the body that is the subject of
   * the last sentence before it in the article. Only for a quotation given no one, or given the
   * document's own name.
   */
  private documentsSpeak(text: string, out: Found[], titles: Map<string, string>): void {
    for (const f of out) {
      const opening = text.slice(f.sentence.start, f.start);
      const doc = DOCUMENT_SUBJECT.exec(opening);
      if (!doc) continue;
      if (f.speaker !== null && !DOCUMENT_NOUN_END.test(comparable(f.speaker))) continue;
      const own = text.slice(Math.max(0, f.sentence.start - 3000), f.sentence.start);
      let who: string | null = null;
      // "The Security Council resolution": the document names its issuer itself.
      const named = doc[1]?.trim() ?? '';
      if (named && INSTITUTION.test(named) && /^[\p{Lu}]/u.test(named))
        who = this.fullerBody(`the ${named}`, f.article, f.start);
      const published = [...own.matchAll(PUBLISHES_DOCUMENT)].pop();
      if (who === null && published?.[1]) who = this.normaliseSpeaker(issuerTail(published[1]), null, titles);
      if (who === null || who === IT || who === PREV) {
        const subjects = [...own.matchAll(BODY_SUBJECT)].filter(
          (m) => !DOCUMENT_NOUN_END.test(comparable(m[1]!)),
        );
        const last = subjects.pop();
        who = last?.[1] ? this.normaliseSpeaker(last[1], null, titles) : null;
      }
      if (who === null || who === IT || who === PREV || this.people.full.has(who)) continue;
      if (!INSTITUTION.test(who)) continue;
      f.speaker = who;
      f.carried = false;
    }
  }

  /**
   * "« Ce transfert s'inscrit dans le cadre fixé … ». « Ce transfert … » a ajouté l'armée
   * française", "“All the conditions were met.” “No incident slowed us,” he added": a quotation
   * that is its whole sentence, with nothing attributing it, followed in the same paragraph with
   * nothing between by a quotation its own sentence attributes, is that speaker's (the attribution
   * after a run of quoted sentences names them all). Read from the last quotation back, so a run
   * of three takes the speaker named after the third.
   */
  private attributedNext(text: string, out: Found[]): void {
    for (let i = out.length - 2; i >= 0; i--) {
      const f = out[i]!;
      const next = out[i + 1]!;
      if (f.speaker !== null || next.speaker === null || next.carried || next.article !== f.article) continue;
      const wholeSentence =
        /^[\s\u201C"\u00AB\u2018']*$/u.test(text.slice(f.sentence.start, f.start)) &&
        /^[\s\u201D"\u00BB\u2019'.!?…]*$/u.test(text.slice(f.end, f.sentence.end));
      if (!wholeSentence) continue;
      // Nothing but closing and opening marks, stops and spaces between them, on one line.
      if (
        next.start < f.end ||
        !/^[ \t\u00A0\u201C\u201D"\u00AB\u00BB\u2018\u2019'.!?…]*$/u.test(text.slice(f.end, next.start))
      )
        continue;
      // The next quotation is attributed by words of its own sentence, not only by what comes before.
      const around = text.slice(next.sentence.start, next.start) + text.slice(next.end, next.sentence.end);
      if (!/\p{L}/u.test(around)) continue;
      f.speaker = next.speaker;
    }
  }

  /**
   * Speakers for quotations that nothing in their sentence attributes: the one person named
   * before the quotation in its sentence; else whoever spoke last before it (the speaker of the
   * last quotation, of a sentence that reports speech, or the one person a sentence names),
   * looking back over at most CARRY_SENTENCES sentences, across paragraphs, and only when no one
   * else is named or given a role in between. Each sentence is read at most CARRY_SENTENCES times.
   */
  private carryAcross(
    text: string,
    out: Found[],
    sentences: readonly Span[],
    mentions: readonly PersonMention[],
    titles: Map<string, string>,
  ): void {
    // Quotations and names by sentence, bucketed in one pass (both lists are in text order).
    const quotedIn: Found[][] = sentences.map(() => []);
    const namedIn: PersonMention[][] = sentences.map(() => []);
    const sentenceOf: number[] = [];
    let k = 0;
    for (const f of out) {
      while (k + 1 < sentences.length && sentences[k + 1]!.start <= f.start) k++;
      const inside =
        sentences[k] !== undefined && sentences[k]!.start <= f.start && f.start < sentences[k]!.end;
      sentenceOf.push(inside ? k : -1);
      if (inside) quotedIn[k]!.push(f);
    }
    k = 0;
    for (const m of mentions) {
      while (k + 1 < sentences.length && sentences[k + 1]!.start <= m.start) k++;
      if (sentences[k] && sentences[k]!.start <= m.start && m.end <= sentences[k]!.end) namedIn[k]!.push(m);
    }
    // What a sentence without quotations says about who speaks, worked out once per sentence.
    const reportedIn = new Map<number, string | null>();
    const reported = (i: number) => {
      if (!reportedIn.has(i)) reportedIn.set(i, this.speakerOfSentence(text, sentences[i]!, null, titles));
      return reportedIn.get(i)!;
    };
    // The people named in a sentence before a point in it, gathered as the quotations come (in
    // text order): a sentence of a thousand names and quotations was otherwise read again for each.
    let namesOf = -1;
    let nameAt = 0;
    let open: PersonMention[] = []; // names begun before the point but ending after it
    let names = new Set<string>();
    const namedBefore = (s: number, pos: number): Set<string> => {
      if (s !== namesOf) {
        namesOf = s;
        nameAt = 0;
        open = [];
        names = new Set();
      }
      const inSentence = namedIn[s]!;
      for (; nameAt < inSentence.length && inSentence[nameAt]!.start < pos; nameAt++)
        open.push(inSentence[nameAt]!);
      open = open.filter((m) => {
        if (m.end > pos) return true;
        names.add(this.people.resolve(m.name) ?? m.name);
        return false;
      });
      return names;
    };
    for (let i = 0; i < out.length; i++) {
      const f = out[i]!;
      const s = sentenceOf[i]!;
      if (f.speaker !== null || s < 0) continue;
      // A body the quotation's own sentence opens with, as its subject: "Le gouvernement malien
      // justifie l'expulsion d'Olivier Salgado par une « série … »", "Les autorités maliennes …
      // justifient son expulsion par les déclarations jugées « hostiles »": the words are the
      // body's, not those of a person the sentence or the one before names as its object.
      const sen = sentences[s]!;
      const opening = text.slice(sen.start, f.start);
      // "A Twitter account in the name of Dia Diarra sounded the alarm: “…”", "Ce tweet est
      // accompagné d'une photo avec la mention : « … »": an account, or a post, as the subject of
      // the sentence speaks as the one it is named for (the account last introduced, for a post).
      const account = this.accountSpeaking(text, opening.trimStart(), sen.start);
      if (account !== null) {
        f.speaker = account;
        continue;
      }
      if (!/[\u201C\u201D"\u00AB\u00BB]/u.test(opening.slice(0, -2))) {
        // The quotation's opening mark is no part of the subject ("Mali junta officials “…”").
        const subject = this.normaliseSpeaker(
          sentenceSubject(opening.replace(/[\s\u201C"\u00AB\u2018']+$/u, '').trimStart()),
          null,
          titles,
        );
        if (
          subject !== null &&
          subject !== IT &&
          subject !== PREV &&
          !this.people.full.has(subject) &&
          BODY_NOUN.test(subject) &&
          !STATEMENT.test(subject)
        ) {
          f.speaker = this.fullerBody(subject, this.current!, f.start);
          continue;
        }
      }
      // Someone named in the quotation's own sentence before it: "Macron a salué « le courage »
      // des soldats", where no verb a rule reads attributes it, is that one person's.
      const names = namedBefore(s, f.start);
      if (names.size > 0) {
        if (names.size === 1) f.speaker = [...names][0]!;
        continue;
      }
      if (this.attributedInSentence(text, f)) continue;
      let found: string | null = null;
      for (let j = s - 1; j >= 0 && j >= s - CARRY_SENTENCES; j--) {
        const quoted = quotedIn[j]!;
        const said = quoted.filter((o) => o.speaker !== null).pop();
        if (said) {
          found = said.speaker;
          break;
        }
        if (quoted.length > 0) continue; // a quotation no one was found for: look further back
        const speaker = reported(j);
        if (speaker !== null) {
          found = speaker;
          break;
        }
        const sen = sentences[j]!;
        // "… has led President Macron to announce …": one named after the sentence's verb, as
        // its object, is not who speaks there; the look goes on back past that sentence to whoever
        // did ("…, said François Brousseau in Le Devoir.").
        const verb = OBJECT_AFTER_VERB.exec(text.slice(sen.start, sen.end));
        const subjectPart = text.slice(sen.start, verb ? sen.start + verb.index : sen.end);
        if (
          verb &&
          namedIn[j]!.length > 0 &&
          // Within the verb's own clause: "… after consultations, Emmanuel Macron announced" names
          // the subject of the next one.
          namedIn[j]!.every(
            (m) =>
              m.start >= sen.start + verb.index &&
              !/[,;:]/u.test(text.slice(sen.start + verb.index, m.start)),
          ) &&
          !SOMEONE.test(subjectPart)
        )
          continue;
        const named = new Set(namedIn[j]!.map((m) => this.people.resolve(m.name) ?? m.name));
        if (named.size === 1) found = [...named][0]!;
        if (named.size > 0 || namesSomeone(text.slice(sen.start, sen.end))) break;
      }
      if (found !== null && found !== IT && found !== PREV) {
        f.speaker = found;
        f.carried = true;
      }
    }
  }

  /**
   * Bodies that a sentence of the writer's own says spoke in a statement ("la junte malienne a
   * décidé d'expulser l'ambassadeur, dans un communiqué publié lundi", "In a statement, the army
   * stressed …"): the sentence's subject, for a later "pouvait-on lire" or "the statement said".
   * Sentences holding a quotation mark are left to the rules that read quotations.
   */
  private statementSubjects(
    blockText: string,
    offset: number,
    titles: Map<string, string>,
  ): Array<{ at: number; who: string | null }> {
    const out: Array<{ at: number; who: string | null }> = [];
    let at = 0;
    for (const sentence of blockText.split(/(?<=[.!?])\s+/u)) {
      const start = blockText.indexOf(sentence, at);
      at = start + sentence.length;
      if (!IN_A_STATEMENT.test(sentence) || /[\u201C\u201D"\u00AB\u00BB]/u.test(sentence)) continue;
      const clause = sentence.replace(LEADING_STATEMENT, '').replace(LEADING_ADJUNCT, '');
      const who = this.normaliseSpeaker(sentenceSubject(clause), null, titles);
      if (who !== null && who !== IT && (BODY_NOUN.test(who) || COUNTRIES.has(who)))
        out.push({ at: offset + start, who });
    }
    return out;
  }

  /**
   * The body a plural pronoun after a quotation stands for: the subject of the clause the
   * quotation continues (the words after the last comma or closing mark before it), when it
   * reads as a body that agrees with the pronoun; else null.
   */
  private clauseSubject(before: string, pronoun: string, titles: Map<string, string>): string | null {
    const clause =
      before
        .split(/[,;:\u00BB\u201D"]/u)
        .pop()
        ?.trim() ?? '';
    // A subject opens with its article ("la France et …", "les autorités …") and holds no verb.
    if (!/^(?:les|la|le|l['\u2019])\s*\S/iu.test(clause) || FRENCH_VERB_PHRASE.test(clause)) return null;
    // Two bodies joined ("la France et les États membres de Takuba") are named as printed: the
    // pair is the subject, longer than a single body's name is allowed to be.
    if (/\s(?:et|and)\s/u.test(clause) && clause.split(/\s+/u).length <= 16 && namesBodyOrCountry(clause))
      return clause;
    const who = this.normaliseSpeaker(clause, null, titles);
    if (who === null || who === IT || who === PREV || this.people.full.has(who)) return null;
    return this.agrees(pronoun, who) ? who : null;
  }

  /** True when the words around a quotation in its own sentence attribute it (a verb of saying, "selon", a statement). */
  private attributedInSentence(text: string, f: Found): boolean {
    // Within ATTRIBUTION_REACH either side, as attribution reads: a sentence of thousands of
    // quotations is then read in linear time.
    const from = Math.max(f.sentence.start, f.start - ATTRIBUTION_REACH);
    const to = Math.min(f.sentence.end, f.end + ATTRIBUTION_REACH);
    // A verb in the passive ("It is noted that …", "the agreement that was denounced") names no speaker.
    return ATTRIBUTION_CUE.test(
      `${text.slice(from, f.start)} ${text.slice(f.end, to)}`.replace(PASSIVE_SPEECH, ' '),
    );
  }

  /**
   * Who speaks in a sentence without quotation marks ("Macron said France would leave."): the
   * subject of its last verb of saying, when that reads as a person or a body; else null.
   */
  private speakerOfSentence(
    text: string,
    sentence: Span,
    lastPerson: string | null,
    titles: Map<string, string>,
  ): string | null {
    const s = text.slice(sentence.start, sentence.end);
    if (/[\u201C\u201D"\u00AB\u00BB]/u.test(s)) return null;
    const verbs = [...s.matchAll(VERB_RE), ...s.matchAll(new RegExp(FR_BEFORE_VERB.source, 'giu'))].sort(
      (a, b) => a.index! - b.index!,
    );
    const said = verbs.pop();
    if (!said) return null;
    const head = s.slice(0, said.index!).replace(ADVERBS, '');
    // "France's withdrawal has grim echoes …, said François Brousseau in Le Devoir.": after a
    // comma the verb is inverted and its subject follows it, up to where or when it spoke.
    const inverted = /,\s*$/u.test(head)
      ? /^\s*([^,;:.!?()]{2,80}?)(?=\s+(?:in|on|at|to|during|after|before|last|this|yesterday|dans|sur|lors|au|à)\s|\s*[,;:.!?(]|\s*$)/iu.exec(
          s.slice(said.index! + said[0].length),
        )
      : null;
    if (inverted?.[1]) {
      const sp = this.normaliseSpeaker(inverted[1], lastPerson, titles);
      if (
        sp !== null &&
        sp !== IT &&
        sp !== PREV &&
        (this.people.full.has(sp) || this.isPersonName(sp) || BODY_NOUN.test(sp))
      )
        return sp;
      return null;
    }
    const who = this.normaliseSpeaker(sentenceSubject(head), lastPerson, titles);
    if (who === null || who === IT || who === PREV) return null;
    return this.people.full.has(who) || this.isPersonName(who) || BODY_NOUN.test(who) ? who : null;
  }

  /** Works out who a quotation is attributed to, from the words around it in its sentence. */
  private attribute(
    text: string,
    sentence: Span,
    q: Span,
    lastPerson: string | null,
    titles: Map<string, string>,
    heading: boolean,
    lastBody: string | null,
    frAntecedent: string | null = lastPerson,
  ): string | null {
    const speaker = this.attributeRaw(text, sentence, q, lastPerson, titles, heading, frAntecedent);
    return speaker === IT ? lastBody : speaker;
  }

  private attributeRaw(
    text: string,
    sentence: Span,
    q: Span,
    lastPerson: string | null,
    titles: Map<string, string>,
    heading: boolean,
    frAntecedent: string | null,
  ): string | null {
    // At most ATTRIBUTION_REACH characters either side: an attribution stands near its quotation,
    // and a sentence of thousands of quotations (hostile input) is then read in linear time.
    // The words of earlier quotations in the sentence are someone's speech, not the writer's:
    // blanked (same length), so a verb inside them ("… ne répond pas …") attributes nothing.
    const before = text
      .slice(Math.max(sentence.start, q.start - ATTRIBUTION_REACH), q.start)
      .replace(/[\u201C"\u2018'\u00AB]\s*$/u, '')
      .replace(
        /(\u201C|"|\u00AB)([^\u201C\u201D"\u00AB\u00BB]+)(\u201D|"|\u00BB)/gu,
        (_m, open: string, inner: string, close: string) => open + ' '.repeat(inner.length) + close,
      );
    const after = text
      .slice(q.end, Math.min(sentence.end, q.end + ATTRIBUTION_REACH))
      .replace(/^[\s\u00A0\u202F\u201D"\u2019'\u00BB.,]*/u, '')
      // "said Col. Souleymane Dembele": a rank's abbreviation is no end of the speaker's name.
      .replace(RANK_ABBREVIATION, '$1')
      // "according to a statement sent to AFP by the French army": whom it was sent to is not who.
      .replace(SENT_TO, '$1 ');
    // "il"/"elle"/"they" stand for the last one to speak when it agrees with them (a body, "la
    // junte" for "elle"), else for the last person, as "he" and "she" do.
    const norm = (phrase: string) => {
      const pronoun = /^\s*(il|elle|ils|elles|they)\s*$/iu.exec(phrase)?.[1];
      if (pronoun && frAntecedent && this.agrees(pronoun, frAntecedent))
        return this.people.resolve(frAntecedent) ?? frAntecedent;
      // "La junte malienne a ordonné … en raison, selon elle, de « fausses allégations »": with no
      // one before it to stand for, the pronoun is the subject its own sentence opens with.
      if (pronoun) {
        const opening = this.normaliseSpeaker(
          sentenceSubject(text.slice(sentence.start, q.start).trimStart()),
          null,
          titles,
        );
        if (opening && opening !== IT && opening !== PREV && this.agrees(pronoun, opening)) return opening;
      }
      return this.normaliseSpeaker(phrase, lastPerson, titles);
    };

    // "un certain Dia Diarra, qui se dit « ancien militaire »", "X, who calls himself a “patriot”":
    // the words someone describes themselves with are that person's.
    const self = SELF_DESCRIPTION.exec(before);
    if (self?.[1]) {
      const sp = norm(self[1]);
      if (sp && (this.people.full.has(sp) || this.isPersonName(sp) || BODY_NOUN.test(sp))) return sp;
    }
    if (heading) {
      // "Macron: France doesn't share 'strategy and hidden aims'": a person or a body before the colon.
      const colon = /^([^:]{2,40}):\s/.exec(text.slice(sentence.start, sentence.end));
      const sp = colon?.[1] ? norm(colon[1]) : null;
      if (sp && (this.people.full.has(sp) || BODY_NOUN.test(sp) || COUNTRIES.has(sp))) return sp;
    }
    // "Le Drian : « On ne part pas »", "Macron: “We cannot remain”": a name and a colon before the quotation.
    const colon = /^\s*([^:,;.!?\u201C\u201D"\u00AB\u00BB]{2,50}?)\s*:\s*$/u.exec(before);
    // "Et d'ajouter : « … »", "And to add: “…”", "Avant de conclure :", "Puis, de préciser :": an
    // infinitive of narration, the last one to speak goes on.
    if (
      frAntecedent &&
      ((colon?.[1] &&
        /^(?:(?:and|et)\s+(?:then\s+)?|avant\s+|before\s+)(?:to\s+\p{L}+|d['\u2019]\s*\p{L}+|de\s+\p{L}+|\p{L}+ing)$/iu.test(
          colon[1].trim(),
        )) ||
        /(?:^|[.!?]\s+)(?:(?:puis|ensuite|enfin|then|finally)\s*,\s*)(?:to\s+\p{L}+|d['\u2019]\s*\p{L}+|de\s+\p{L}+)\s*:\s*$/iu.test(
          before,
        ))
    )
      return this.people.resolve(frAntecedent) ?? frAntecedent;
    if (colon?.[1]) {
      // "Le ministre a ajouté :", "The minister added:": the subject, without its verb of saying.
      const sp = norm(colon[1].replace(SPEECH_VERB_AT_END, ''));
      if (sp) return sp;
    }
    // «…», peut-on lire dans le communiqué de l'état-major: the statement's issuer, or the body last quoted.
    const on = FR_INVERTED_ON.exec(after);
    if (on) {
      const rest = after.slice(on.index + on[0].length);
      const issuer = [...rest.matchAll(ISSUED_BY)][0];
      const sp = issuer?.[1] ? norm(issuer[1]) : null;
      return sp ?? IT;
    }
    // French, after the quotation: «…», a-t-il justifié / «…», a déclaré le colonel Maïga / «…», selon l'Élysée.
    const inverted = FR_INVERTED_PRONOUN.exec(after);
    if (inverted) {
      const pronoun = /-\s?(il|elle|ils|elles)(?![\p{L}])/iu.exec(inverted[0])?.[1] ?? 'il';
      // "« … » issues de deux coups d'État, la France et les États membres de Takuba « ont
      // décidé … », soulignent-ils": "ils" and "elles" never stand for one person; they stand
      // for the subject of the clause the quotation continues, else for the body last speaking.
      const plural = /^(?:ils|elles)$/iu.test(pronoun);
      const subject = plural ? this.clauseSubject(before, pronoun, titles) : null;
      if (subject) return subject;
      if (frAntecedent && this.agrees(pronoun, frAntecedent))
        return this.people.resolve(frAntecedent) ?? frAntecedent;
      if (plural) return null;
      return lastPerson ? (this.people.resolve(lastPerson) ?? lastPerson) : null;
    }
    const blank = (m: string) => ' '.repeat(m.length);
    // Asides are blanked in the words just after the quotation only, where FR_AFTER reads: the
    // look-behind patterns cost a scan of the alternation at every character, and over the rest
    // of a long sentence, for every quotation in it, that made the build quadratic.
    // «…», a souligné le porte-parole, le colonel X: the speaker after a French verb, with a name
    // in apposition to a role.
    const frAfterSpeaker = (words: string): string | null => {
      // Blanking asides cannot make FR_AFTER match words that do not open as it does: skip it.
      if (!FR_AFTER_OPENING.test(words)) return null;
      const frAfter = FR_AFTER.exec(
        words
          .slice(0, 300)
          // An aside naming a body or a role holds the subject ("…, a dit, dans la soirée le
          // ministre Abdoulaye Diop, à la télévision"): only an aside that names no one is blanked.
          .replace(FR_COMMA_ASIDE, (m) => (BODY_NOUN.test(m) ? m : blank(m)))
          .replace(FR_ASIDE, blank)
          .replace(FR_ASIDE, blank)
          .replace(FR_TO_WHOM, blank)
          .replace(FR_ASIDE, blank),
      );
      if (!frAfter?.[1]) return null;
      // "a affirmé le porte-parole du gouvernement, Abdoulaye Maïga": the name in apposition.
      const rest = words.slice(frAfter.index + frAfter[0].length);
      const apposition =
        /^\s*,\s*([\p{Lu}][\p{L}'\u2019-]+(?:\s+[\p{Lu}][\p{L}'\u2019-]+){1,3})\s*(?:[,.;]|$)/u.exec(rest);
      // "…, le colonel Pascal Ianni.": a title and the name.
      const titled = /^\s*,\s*([^,.;]{3,60})\s*(?:[,.;]|$)/u.exec(rest);
      return (
        (apposition?.[1] ? norm(apposition[1]) : null) ??
        (titled?.[1] && ROLE_PHRASE.test(frAfter[1]) ? this.personEnding(titled[1], true) : null) ??
        norm(frAfter[1])
      );
    };
    const frSp = frAfterSpeaker(after);
    if (frSp) return frSp;
    // After the quotation: "…," Macron said / "…," said Borrell / "…" the statement said.
    // Up to eleven words: "a representative for US Ambassador to the UN Linda Thomas-Greenfield said".
    const np = `((?:[\\p{L}\\p{N}'\\u2019.-]+\\s+){0,10}?[\\p{L}\\p{N}'\\u2019.-]+)`;
    const afterSubjectVerb = new RegExp(`^\\s*[,.]?\\s*${np}\\s+(?:${SPEECH_VERB})\\b`, 'iu').exec(after);
    if (afterSubjectVerb?.[1] && !/[,;]/.test(afterSubjectVerb[1])) {
      const sp = norm(afterSubjectVerb[1].replace(ADVERBS, ''));
      if (sp) return sp;
    }
    // "…," said Olivier Salgado, the spokesman / "…", according to the ministry.
    const enVerbSubject = (words: string): string | null => {
      const afterVerbSubject = new RegExp(`^\\s*[,.]?\\s*(?:${SPEECH_VERB})\\s+([^,.;:!?]{1,80})`, 'iu').exec(
        words,
      );
      if (!afterVerbSubject?.[1]) return null;
      // "…," indicated the spokesman for the staff, Colonel Pascal Ianni, specifying …: the name in
      // apposition to the role is the speaker.
      const rest = words.slice(afterVerbSubject.index + afterVerbSubject[0].length);
      const apposition = /^\s*,\s*([^,.;:]{3,60}?)\s*(?:[,.;]|$)/u.exec(rest);
      const person =
        apposition?.[1] && ROLE_PHRASE.test(afterVerbSubject[1].trim())
          ? this.personEnding(apposition[1], true)
          : null;
      return (
        person ??
        norm(
          afterVerbSubject[1].replace(
            /\s+(?:on|in|at|during|after|before|last|this|yesterday|to|from|regarding|concerning|about|while|when)\b.*$/i,
            '',
          ),
        )
      );
    };
    const enSp = enVerbSubject(after);
    if (enSp) return enSp;
    // "…," Colonel Pascal Ianni, spokesman for the general staff, said.
    const apposed = new RegExp(
      `^\\s*[,.]?\\s*([^,.;:]{2,90}),[^,;:]{2,90},\\s*(?:${SPEECH_VERB})\\b`,
      'iu',
    ).exec(after);
    if (apposed?.[1]) {
      // "…," a spokesman for MINUSMA, Olivier Salgado, told AFP: the name in apposition.
      const middle = /^\s*[,.]?\s*[^,.;:]{2,90},([^,;:]{2,90}),/u.exec(after)?.[1]?.trim() ?? '';
      const person = ROLE_PHRASE.test(apposed[1].trim()) ? this.personEnding(middle, true) : null;
      const sp = person ?? norm(apposed[1]);
      if (sp) return sp;
    }
    // "…," the minister quipped / "…," conceded Borrell: right after a quotation and its comma,
    // any verb in -ed attributes it, listed or not; the speaker must then read as a person or a body.
    const speaks = (sp: string | null) =>
      sp !== null &&
      sp !== IT &&
      sp !== PREV &&
      (this.people.full.has(sp) || this.isPersonName(sp) || BODY_NOUN.test(sp));
    // The comma that closes the quotation ("…,” or "…",) is what makes the next verb its attribution.
    // Only when no verb of saying before the quotation has a claim on it ("MUJAO, which declared
    // their will to “…,” reports Libération": MUJAO's words).
    const comma =
      /^[\s\u201D"\u2019'\u00BB]*,|^,/u.test(text.slice(q.end, q.end + 4)) && !verbBetween(before);
    const anySubjectVerb = comma ? new RegExp(`^\\s*${np}\\s+\\p{Ll}{3,}ed\\b`, 'u').exec(after) : null;
    // "…”, and a Malian army detachment arrived at the site, said the French army": a clause
    // opened by a conjunction is the writer's next event, not an attribution.
    if (
      anySubjectVerb?.[1] &&
      !/[,;]/.test(anySubjectVerb[1]) &&
      !/^(?:and|but|or|while|as|when|whereas|before|after|until|because|since|then)\s/iu.test(
        anySubjectVerb[1],
      )
    ) {
      const sp = norm(anySubjectVerb[1].replace(ADVERBS, ''));
      if (speaks(sp)) return sp;
    }
    const anyVerbSubject = comma ? /^\s*\p{Ll}{3,}(?:ed|s)\s+([^,.;:!?]{1,80})/u.exec(after) : null;
    if (anyVerbSubject?.[1]) {
      const sp = norm(
        anyVerbSubject[1].replace(
          /\s+(?:on|in|at|during|after|before|last|this|yesterday|to|from)\b.*$/i,
          '',
        ),
      );
      // "…", specifies the press release: a statement speaks for the body last quoted.
      if (speaks(sp) || (sp === IT && /^(?:the|a|an)\s/iu.test(anyVerbSubject[1]))) return sp;
    }
    // «…», tacle le ministre / «…», lançait X: in French, any verb in the present or the imperfect
    // right after the closing mark and its comma, its subject after it (read as after "dit").
    const anyFrenchVerb = comma ? FR_ANY_VERB_SUBJECT.exec(after) : null;
    if (anyFrenchVerb) {
      const sp = frAfterSpeaker(`, dit ${after.slice(anyFrenchVerb[0].length)}`);
      if (speaks(sp)) return sp;
    }
    // "…' in Niger, says Macron." / "… “orderly” withdrawal, according to the ministry.": the
    // attribution closes the sentence, after words of the writer's own.
    const closing = CLOSING_ATTRIBUTION.exec(after);
    if (closing?.[1] && !verbBetween(before)) {
      // "…, said the French army in a report.": where and when it spoke are not who.
      const sp = norm(
        closing[1].replace(/\s+(?:on|in|at|during|after|before|last|this|yesterday|to|from)\s.*$/iu, ''),
      );
      if (speaks(sp)) return sp;
    }
    // "« … » avec le transfert de Gao, a souligné le porte-parole, le colonel X, lors d'un point
    // presse." / "“…” over the next months, he added." / "…, foreign minister X said on TV Monday.":
    // the sentence's last clause attributes it, after words of the writer's own. Read from each
    // comma after the quotation whose clause runs to the sentence's end with no quotation mark.
    if (!verbBetween(before)) {
      const sp = this.closingClause(after, norm, lastPerson, frAntecedent, frAfterSpeaker, enVerbSubject);
      // "“…”, or Malian armed forces, the statement said.": a statement closing the sentence after
      // an aside speaks for the body whose statement it is (IT: the body last quoted).
      if (sp !== null && (speaks(sp) || sp === IT)) return sp;
    }

    // "l'exigence de la junte militaire de retirer les soldats « sans délai »", "a demand from
    // Bamako to leave “without delay”": a demand quoted with whoever made it is theirs, whoever the
    // sentence's subject is ("Macron a rejeté l'exigence de la junte …").
    const demanded = [...before.matchAll(DEMAND_OF)].pop();
    if (demanded?.[2] && !verbBetween(before.slice(demanded.index! + demanded[0].length))) {
      // "l'exigence de la junte" is la junte's, as the page would name it.
      const article =
        { des: 'les ', du: 'le ', 'de la': 'la ', "de l'": "l'", 'de l\u2019': 'l\u2019' }[
          demanded[1]!.toLowerCase()
        ] ?? '';
      const sp = norm(article + demanded[2]);
      if (
        sp !== null &&
        sp !== IT &&
        sp !== PREV &&
        (BODY_NOUN.test(sp) || this.people.full.has(sp) || this.isPersonName(sp))
      )
        return sp;
    }
    // A statement named with its issuer before the quotation: "le communiqué des autorités
    // maliennes demandant … « sans délai »", "a statement from the French military calling for …".
    const issued = [...before.matchAll(ISSUED_BY)].pop();
    // "A statement signed by France and its allies … said that “…”": the statement is the
    // subject of the verb, so its issuer is the speaker.
    const statementSpeaks =
      issued !== undefined &&
      /^(?:(?:a|an|the|un|une|le|la)\s+)?(?:joint\s+)?(?:statement|communiqu\u00E9|d\u00E9claration)\b/iu.test(
        before.slice(issued.index!).trimStart(),
      ) &&
      /^\W*$/u.test(
        before.slice(0, issued.index!).replace(/\b(?:a|an|the|un|une|le|la|in|on|dans)\s*$/iu, ''),
      );
    if (issued?.[1] && (statementSpeaks || !verbBetween(before.slice(issued.index! + issued[0].length)))) {
      const sp = norm(issued[1]);
      if (sp) return sp;
    }
    // "Representatives of 13 countries … issued a statement in which they committed to … “…”":
    // the words are the statement's, so its issuer's, unless another verb of saying intervenes.
    const issues = issuesIn(before).pop();
    if (issues?.[1] && !verbBetween(before.slice(issues.index + issues[0].length))) {
      const sp = norm(issues[1]);
      if (sp && BODY_NOUN.test(sp)) return sp;
    }
    // Before the quotation, French: Pour X, … « … » / Selon X, « … » / X a déclaré : « … ».
    const fors = [...before.matchAll(FR_FOR)];
    const lastFor = fors[fors.length - 1];
    if (lastFor?.[1]) {
      // "Selon le ministre des Armées, Florence Parly, « … »": the name in apposition.
      const apposition = /^\s*([^,]{3,60}?)\s*,/u.exec(before.slice(lastFor.index! + lastFor[0].length));
      const person =
        apposition?.[1] && ROLE_PHRASE.test(lastFor[1]) ? this.personEnding(apposition[1], true) : null;
      const sp = person ?? norm(lastFor[1]);
      if (sp) return sp;
    }
    // "la « réorganisation profonde » de Barkhane annoncée par Emmanuel Macron", "the “orderly”
    // withdrawal announced by the ministry": a verb of saying in the passive right after the
    // quoted term, with its agent, names who used the words.
    const agent = PASSIVE_AGENT.exec(after);
    if (agent?.[1] && INFLECTED_SPEECH.test(agent[0])) {
      const sp = norm(agent[1]);
      if (speaks(sp)) return sp;
    }
    // "Des propos jugés « méprisables et outrageux » par Abdoulaye Diop", "remarks described as
    // “hostile” by the ministry": a verb of saying or judging in the passive right before the
    // quoted words, its agent right after them.
    const judgedBy = AGENT_AFTER_QUOTE.exec(after);
    const judged = judgedBy?.[1] ? PARTICIPLE_BEFORE_QUOTE.exec(before) : null;
    const participle = judged?.[1] ?? judged?.[2] ?? judged?.[3];
    if (judgedBy?.[1] && participle && INFLECTED_SPEECH.test(participle)) {
      const sp = norm(judgedBy[1]);
      if (speaks(sp)) return sp;
    }
    // "what the UN refers to as the “liquidation”", "ce que l'armée appelle la « reconquête »":
    // the subject of a verb that names the term.
    const naming = NAMING_SUBJECT.exec(before);
    if (naming?.[1]) {
      const sp = norm(naming[1]);
      if (sp !== null && sp !== IT && sp !== PREV) return sp;
    }
    // "Bamako denies this, acknowledging only the support of Russian “instructors”": a participle
    // of saying after a comma hangs on the main clause, whose subject used the words.
    const hanging = HANGING_PARTICIPLE.exec(before);
    // Listed participles ("saying", "adding") are read below with the verb they hang on.
    if (hanging && INFLECTED_SPEECH.test(hanging[1]!) && !PARTICIPLE.test(hanging[1]!)) {
      const sp = norm(leadingSubject(before.slice(0, hanging.index)));
      // A capital or a country speaks for its government ("Bamako denies").
      if (speaks(sp) || (sp !== null && (COUNTRIES.has(sp) || OTHER_PLACES.has(sp)))) return sp;
    }
    // "Qualifiant la Task force de « succès stratégique », l'armée française rappelle …",
    // "Describing the handover as “orderly”, the ministry said …": a quotation inside a participle
    // clause that opens the sentence is the words of the main clause's subject.
    const opening = text.slice(sentence.start, q.start);
    if (PARTICIPLE_OPENING.test(opening) && !/[,;:]/u.test(opening)) {
      const main = MAIN_SUBJECT.exec(after);
      const sp = main?.[1] ? norm(main[1]) : null;
      if (speaks(sp)) return sp;
    }
    // "comments Friday from Foreign Minister Jean-Yves Le Drian that Mali's junta was “out of
    // control”", "les propos du ministre selon lesquels « … »": a noun of saying, its author, and
    // the clause it introduces, which holds the quotation: the author's words.
    const content = SPEECH_NOUN_CONTENT.exec(before);
    if (content?.[1] && !verbBetween(before.slice(content.index + content[0].length - content[2]!.length))) {
      const sp = norm(content[1]);
      if (speaks(sp)) return sp;
    }
    // "L'état-major considère par ailleurs que « … »", "The minister believes that “…”": any verb
    // whose complement clause the quotation opens attributes it to that verb's subject, listed
    // among the verbs of saying or not (no list of them is complete; the position is).
    // Only for a verb the lists do not hold: a listed verb's subject is read below, with its
    // appositions and roles ("Olivier Salgado, the spokesman, said that …").
    const that = (this.current?.meta.language === 'fr' ? FR_THAT_CLAUSE : EN_THAT_CLAUSE).exec(before);
    if (
      that?.[1] &&
      !/^(?:il|it|on|ce|cela|this|that|there)$/iu.test(that[1].trim()) &&
      !verbBetween(that[0].slice(that[0].indexOf(that[1]) + that[1].length))
    ) {
      const sp = norm(that[1].replace(ADVERBS, ''));
      if (speaks(sp)) return sp;
    }
    // "Commander Thierry, coordinator of logistical movements, agrees: “…”", "Le ministre,
    // lui, tranche : « … »": a clause whose subject opens it and whose verb, listed among the verbs
    // of saying or not, ends it before a colon introduces the quotation (the colon is what makes
    // the verb an attribution). The subject is the clause's first phrase, before any apposition.
    const colonClause = VERB_BEFORE_COLON.exec(before);
    // The verb follows the subject (at most four words) or the comma closing its apposition, so
    // that a noun or an adjective ending the clause ("…, la télévision nationale :") is no verb.
    if (
      colonClause?.[1] &&
      !VERB_RE.test(colonClause[3]!) &&
      (colonClause[2] === ',' || colonClause[1].trim().split(/\s+/u).length <= 4)
    ) {
      const subject = colonClause[1].split(/,\s*/u)[0]!.replace(ADVERBS, '').trim();
      const sp = subject ? norm(subject) : null;
      if (speaks(sp)) return sp;
    }
    VERB_RE.lastIndex = 0;
    // A verb form after an article or a possessive is its noun ("qualifie l'annonce du
    // désengagement de « … »", "the warning that “…”"): it names no one's act of saying.
    const asNoun = (v: RegExpMatchArray) =>
      DETERMINER_BEFORE.test(before.slice(Math.max(0, v.index! - 12), v.index!));
    const frVerbs = [...before.matchAll(FR_BEFORE_VERB)].filter((v) => !asNoun(v));
    const frVerb = frVerbs[frVerbs.length - 1];
    // Before the quotation: the nearest speech verb and the noun phrase before it.
    // A verb in the passive ("the agreement that was denounced by …") says nothing of the subject.
    const verbs = [...before.matchAll(VERB_RE)].filter(
      (v) =>
        !asNoun(v) &&
        !/\b(?:was|were|been|being|is|are)\s+$/iu.test(before.slice(Math.max(0, v.index! - 8), v.index!)),
    );
    const enVerb = verbs[verbs.length - 1];
    const verb = frVerb && (!enVerb || frVerb.index! > enVerb.index!) ? frVerb : enVerb;
    if (verb) {
      const head = before.slice(0, verb.index!);
      // «…», a souligné la présidence, ainsi que «…»: a second quotation in the sentence of one
      // whose speaker follows its verb continues that speaker's words.
      // "X considère que « … » et assure que « … »": a verb joined by "et"/"and" has the same subject.
      if (
        /[\u201D"\u00BB]/u.test(head) &&
        /^[\s,;.]*(?:(?:et|and|puis|then|mais|but)\s+)?$/iu.test(head.split(/[\u201D"\u00BB]/u).pop()!)
      )
        return PREV;
      if (PARTICIPLE.test(verb[0]) && /,\s*$/.test(head)) {
        // "…,” the French army statement said Monday, adding that “…”: the subject of the verb the
        // participle hangs on, after any quotation before it.
        const main = [...head.matchAll(VERB_RE)].pop();
        if (main) {
          const clause = head
            .slice(0, main.index!)
            .split(/[\u201D"\u00BB]/u)
            .pop()!
            .replace(/^[\s,]+/u, '');
          // "Ambassador Joel Meyer has been asked to leave within 72 hours, Mali's government said,
          // citing …": the verb's subject is the clause after the last comma, unless that clause
          // is a role set beside a name ("Olivier Salgado, the spokesman, said, adding …").
          const pieces = clause.split(/[,;:(]\s*/u).filter((x) => x.trim() !== '');
          if (pieces.length > 1) {
            const lastPiece = pieces[pieces.length - 1]!.replace(ADVERBS, '').trim();
            const who = ROLE_PHRASE.test(lastPiece)
              ? (this.personEnding(pieces[pieces.length - 2]!) ?? norm(lastPiece))
              : norm(lastPiece);
            if (who) return who;
          }
          const sp = clause.trim() ? norm(clause.replace(ADVERBS, '')) : null;
          if (sp) return sp;
        }
        return norm(sentenceSubject(head));
      }
      // "« … » Le général du Vernet a ajouté": the subject stands after the last quotation before
      // the verb (the quoted words are someone's, not the clause's).
      const pieces = head
        .split(/[\u201D"\u00BB]/u)
        .pop()!
        .split(/[,;:(]\s*/)
        .filter((x) => x.trim() !== '');
      // "A tweet from an account called X, allegedly created by Wagner, said", "Le compte, créé
      // par Wagner, a écrit": a participle clause set between commas describes the subject
      // before it; its agent is not the subject.
      if (pieces.length > 1 && PARTICIPLE_APPOSITION.test(pieces[pieces.length - 1]!.trim())) pieces.pop();
      // "Olivier Salgado, the spokesman for the MINUSMA mission, told AFP": the name, not its
      // apposition, is the speaker.
      const role = pieces[pieces.length - 1];
      const named = pieces[pieces.length - 2];
      if (role !== undefined && named !== undefined && ROLE_PHRASE.test(role.trim())) {
        const who = this.personEnding(named);
        if (who) return who;
      }
      // "General Laurent Michon, who commands the Barkhane force, told …": a relative clause set
      // between commas describes the subject before it; it is not the subject.
      if (/^\s*(?:who|whose|qui|dont)\s+\S/iu.test(role ?? '') && named !== undefined) {
        const sp = this.personEnding(named) ?? norm(named);
        if (sp) return sp;
      }
      // "threats from MUJAO, which declared …": the name the relative pronoun stands for.
      if (/^\s*(?:which|who|qui)\s*$/iu.test(role ?? '') && named !== undefined) {
        const antecedent = /((?:[\p{Lu}][\p{L}'\u2019.-]*\s+){0,3}[\p{Lu}][\p{L}'\u2019.-]*)\s*$/u.exec(
          named.trim(),
        );
        const sp = antecedent?.[1] ? norm(antecedent[1]) : null;
        if (sp) return sp;
      }
      // The last clause before the verb, without time words and adverbs; an aside ("in addition
      // to Canada", "on Thursday") is no subject, so the sentence's own subject is tried next.
      const last = (pieces.pop() ?? head).replace(ADVERBS, '').trim();
      const subject = /((?:[\p{L}\p{N}'\u2019.-]+\s+){0,7}?[\p{L}\p{N}'\u2019.-]+)$/u.exec(last);
      // A clause longer than the words taken ("France and its allies in the operation in Mali")
      // has its subject at its start, not in its last words.
      if (subject?.[1] && subject[1].length < last.length) {
        const sp = norm(sentenceSubject(last));
        if (sp) return sp;
      }
      if (
        subject?.[1] &&
        !/^(?:in|on|at|for|with|without|after|before|during|since|by|from|to|of|en|dans|avec|apr\u00E8s|avant|depuis|lors)\s/iu.test(
          subject[1],
        )
      ) {
        const sp = norm(subject[1]);
        if (sp) return sp;
      }
      return norm(sentenceSubject(head));
    }
    // "The allies, therefore “decided to commence …”": the quotation is the predicate of the
    // sentence's subject when it opens with a verb.
    const predicate =
      /^\s*([^,;:\u201C\u201D"\u00AB\u00BB]{2,60}?)\s*,?\s*(?:therefore|also|then|thus|donc|aussi|ainsi|alors)?\s*,?\s*$/iu.exec(
        before,
      );
    const firstWord = /^\s*(\p{L}+)/u.exec(text.slice(q.start, q.end))?.[1] ?? '';
    if (
      predicate?.[1] &&
      /^(?:\p{Ll}+ed|will|would|had|has|have|were|was|are|is|must|should|could|can|\p{Ll}+\u00E9|ont|a|sont|est|\p{Ll}+ent|\p{Ll}+ait)$/u.test(
        firstWord,
      )
    ) {
      const sp = norm(predicate[1]);
      if (sp && (BODY_NOUN.test(sp) || this.people.full.has(sp))) return sp;
    }
    return null;
  }

  /**
   * The speaker named by the clause that closes a sentence after a quotation and words of the
   * writer's own: "…, he added", "…, the Elysée recalled", "…, a-t-il ajouté", "…, a souligné le
   * porte-parole". Null when no such clause ends the sentence. Each comma is tried once and the
   * clause read is at most ATTRIBUTION_REACH long: linear in the sentence.
   */
  private closingClause(
    after: string,
    norm: (phrase: string) => string | null,
    lastPerson: string | null,
    frAntecedent: string | null,
    frAfterSpeaker: (words: string) => string | null,
    enVerbSubject: (words: string) => string | null,
  ): string | null {
    // The clause must run to the sentence's end: a quotation mark in it means more quoted words.
    const lastMark = Math.max(
      after.lastIndexOf('\u201C'),
      after.lastIndexOf('\u201D'),
      after.lastIndexOf('"'),
      after.lastIndexOf('\u00AB'),
      after.lastIndexOf('\u00BB'),
    );
    for (let c = after.indexOf(',', lastMark + 1); c >= 0; c = after.indexOf(',', c + 1)) {
      const tail = after.slice(c);
      if (tail.length > 160) continue;
      const en = CLOSING_SUBJECT_VERB.exec(tail);
      if (en?.[1]) {
        const sp = norm(en[1].replace(ADVERBS, ''));
        if (sp) return sp;
      }
      const inverted = FR_INVERTED_PRONOUN.exec(tail);
      if (inverted && /^[\s.!?…]*$/u.test(tail.slice(inverted.index + inverted[0].length))) {
        const pronoun = /-\s?(il|elle|ils|elles)(?![\p{L}])/iu.exec(inverted[0])?.[1] ?? 'il';
        const who = frAntecedent && this.agrees(pronoun, frAntecedent) ? frAntecedent : lastPerson;
        if (who) return this.people.resolve(who) ?? who;
      }
      if (FR_CLOSING_VERB.test(tail)) {
        const sp = frAfterSpeaker(tail);
        if (sp) return sp;
      }
      // ", underlined the spokesman for the general staff, General Pascal Ianni, during a press
      // briefing.": the English verb before its subject, as in French, with a name in apposition.
      const sp = enVerbSubject(tail.slice(1));
      if (sp) return sp;
    }
    return null;
  }

  /**
   * A body named by its role alone ("the defence ministry", "l'état-major", "the group") under the
   * fuller name the same article gives it in its body text ("France's defence ministry",
   * "l'état-major français", "the Wagner Group"): English modifiers before the noun, French ones
   * after it, read within one paragraph (never from a caption or a tag list beside it). When the
   * article gives several ("French army" and "Malian army"), the one printed last before the
   * quotation `before` (a character offset) is the body meant; with none before it, a single one
   * after it. Kept as it is when the article gives none, or when the name already says whose the
   * body is ("Mali's transitional government").
   */
  private fullerBody(name: string, article: Article, before = Number.POSITIVE_INFINITY): string {
    name = expandAcronyms(name, article.text);
    // "The allies" after "a statement signed by France and its African and European allies": the
    // one longer issuer the article gave, ending with the same noun.
    const head = comparable(name.replace(/^(?:(?:the|a|an|le|la|les)\s+|l['\u2019])/iu, ''));
    if (/^\p{L}+$/u.test(head)) {
      const longer = new Set(
        this.issuers.filter((who) => {
          const c = comparable(who);
          return c !== comparable(name) && c.endsWith(` ${head}`) && c.split(' ').length > 2;
        }),
      );
      if (longer.size === 1) return [...longer][0]!;
    }
    const french = article.meta.language === 'fr';
    const lead = /^(?:(?:the|a|an|le|la|les)\s+|l['\u2019])/iu.exec(name)?.[0] ?? '';
    const bare = name.slice(lead.length);
    // Only a role noun ("ministry", "armée") is completed; a proper name is already the body's.
    if (bare.length < 3 || bare.split(/\s+/).length > 3 || !BODY_NOUN.test(bare)) return name;
    if (/^[\p{Lu}][\p{L}-]*['\u2019]s\s/u.test(bare)) return possessiveFuller(bare, article.text);
    const text = article.text;
    const lower = text.toLowerCase();
    // A role noun printed in capitals ("Foreign Ministry", "General Staff") is completed too; a
    // proper name ("Wagner Group") is not: every capitalised word after the first must be a
    // common word, one the article also prints in lower case or a body's noun.
    const common = (w: string) =>
      BODY_NOUN.test(w) ||
      TITLE_WORDS.has(w.toLowerCase()) ||
      new RegExp(`(?<![\\p{L}])${w.toLowerCase()}(?![\\p{L}])`, 'u').test(text);
    const words = bare.split(/\s+/u);
    if (
      words.slice(1).some((w) => /^\p{Lu}/u.test(w)) &&
      words.some((w) => /^\p{Lu}/u.test(w) && !common(w.replace(/[^\p{L}-]/gu, '')))
    )
      return name;
    const key = bare.toLowerCase();
    // The modifier, lower case → the fuller form as printed and where it was last printed before
    // the quotation (or first after it).
    const forms = new Map<string, { form: string; at: number }>();
    for (const block of article.blocks) {
      if (block.kind === 'furniture') continue;
      const from = block.start;
      const to = block.end;
      for (
        let at = lower.indexOf(key, from);
        at >= 0 && at + key.length <= to;
        at = lower.indexOf(key, at + key.length)
      ) {
        const end = at + key.length;
        if (/\p{L}/u.test(text[at - 1] ?? '') || /\p{L}/u.test(text[end] ?? '')) continue;
        let modifier = '';
        let form = '';
        if (french) {
          // "l'État major français indique": a verb of saying ending like an adjective ("-ique") is no modifier.
          const m = FR_BODY_MODIFIERS.exec(text.slice(end, to));
          modifier = m?.[0].replace(FR_VERB_AS_MODIFIER, '') ?? '';
          form = text.slice(at, end) + modifier.trimEnd();
        } else {
          const m = EN_BODY_MODIFIERS.exec(text.slice(Math.max(from, at - 60), at));
          // The words between the name and the noun are its modifiers, never an article or a
          // time ("Last week a foreign ministry source" is no body called "Last").
          const between =
            m?.[0]
              .slice(m[1]?.length ?? 0)
              .trim()
              .split(/\s+/u)
              .filter(Boolean) ?? [];
          // A run of capitalised words ("the French Foreign Ministry"), without the article or
          // other small word that opens it ("The French army").
          // From the last word that is a name rather than a common word printed in capitals
          // ("On Monday French army" → French army; "French Foreign Ministry" stays whole).
          let run = (m?.[1] ?? '').split(/\s+/u);
          const proper = run.map((w) => !common(w.replace(/[^\p{L}-]/gu, '')));
          const lastProper = proper.lastIndexOf(true);
          if (lastProper > 0) run = run.slice(lastProper);
          // A compound adjective ("the Russia-backed Wagner Group") describes the body; it is no part of its name.
          while (run.length > 0 && (FUNCTION_WORDS.has(run[0]!.toLowerCase()) || /-\p{Ll}/u.test(run[0]!)))
            run.shift();
          const named = run.join(' ');
          if (m?.[1] && named && !between.some((w) => FUNCTION_WORDS.has(w))) {
            modifier = named.replace(/['\u2019]s$/u, '');
            form = m[0].slice(m[0].indexOf(named)) + text.slice(at, end);
          }
        }
        if (!modifier.trim()) continue;
        const k = modifier.trim().toLowerCase();
        const known = forms.get(k);
        if (!known || (at < before && (known.at < at || known.at >= before))) forms.set(k, { form, at });
      }
    }
    if (forms.size === 0) return name;
    const earlier = [...forms.values()].filter((f) => f.at < before).sort((a, b) => b.at - a.at);
    const chosen = earlier[0] ?? (forms.size === 1 ? [...forms.values()][0]! : null);
    if (!chosen) return name;
    return french ? lead + chosen.form : capitalise(chosen.form);
  }

  /**
   * The issuer of a statement introduced earlier in the article that shares a capitalised word
   * with `named` ("French army" → "French military"), or null.
   */
  private earlierIssuer(named: string): string | null {
    const words = new Set((named.match(/[\p{Lu}][\p{L}-]+/gu) ?? []).map((w) => w.toLowerCase()));
    if (words.size === 0) return null;
    const found = this.issuers.find(
      (who) =>
        comparable(who) !== comparable(named) &&
        (who.match(/[\p{Lu}][\p{L}-]+/gu) ?? []).some((w) => words.has(w.toLowerCase())),
    );
    return found ?? null;
  }

  /** Issuers of the statements the article being read has introduced so far, first first. */
  private issuers: string[] = [];

  /**
   * True when a pronoun can stand for a speaker: a person for "il", "elle" or "they" (whose
   * gender the text rarely gives); a body by its article's gender and number ("la junte" for
   * "elle", "le ministère" for "il", "les autorités" for "ils", "the allies" for "they").
   */
  private agrees(pronoun: string, speaker: string): boolean {
    const p = pronoun.toLowerCase();
    if (this.isPersonName(speaker) || titledName(speaker, this.current?.text ?? '') === speaker)
      return p !== 'they' && p !== 'ils' && p !== 'elles';
    // Plural: a French body by its article ("les autorités") or a pair ("la France et l'UE"); an
    // English one by a pair or a plural noun ("the allies", "officials").
    const french = /^(?:le|la|les|des|ces|un|une|l['\u2019])/iu.test(speaker);
    const plural =
      /\s(?:et|and)\s/iu.test(speaker) ||
      (french ? /^(?:les|des|ces)\s/iu.test(speaker) : /[^s]s$/u.test(speaker.split(/\s+/).pop() ?? ''));
    if (p === 'they' || p === 'ils') return plural;
    if (p === 'elles') return plural && FEMININE_BODY.test(speaker);
    if (plural) return false;
    return p === 'elle'
      ? FEMININE_BODY.test(speaker)
      : !FEMININE_BODY.test(speaker) && /^(?:le|l['\u2019]|un)\s*/iu.test(speaker);
  }

  /** True when a speaker found is a person's name (full, or a surname the article prints as one), not a body. */
  private isPersonName(name: string): boolean {
    if (this.people.full.has(name)) return true;
    return (
      /^[\p{Lu}][\p{L}'\u2019-]+$/u.test(name) &&
      this.current !== null &&
      isSurnameIn(name, this.current.text)
    );
  }

  /**
   * The person a phrase ends with ("… Olivier Salgado"), by the fullest name the corpus knows,
   * or null; `whole` asks that the phrase be the name and nothing else.
   */
  private personEnding(phrase: string, whole = false): string | null {
    const trimmed = phrase.trim();
    const m = peopleIn(trimmed).pop();
    if (!m || m.end < trimmed.replace(/['\u2019]s$/u, '').length) return null;
    if (whole && m.start > 0 && !FR_TITLE_BEFORE.test(trimmed.slice(0, m.start)) && m.title === '')
      return null;
    const full = this.people.resolve(m.name);
    return full?.includes(' ') ? full : null;
  }

  /**
   * The person a definite role stands for when no one in the corpus is given that role: the last
   * person named, with no role of their own, in the {@link ROLE_REACH} characters before the
   * quotation ("Emmanuel Macron avait annoncé … Quelques jours plus tôt, le chef de l'État avait
   * déclaré …"; "… par Jean-Yves le Drian. ¶ En rappel, le chef de la diplomatie française avait
   * jugé …"), as a writer names someone and then calls them by their office. Null for a plural
   * or indefinite role.
   */
  private personJustNamed(phrase: string): string | null {
    const p = phrase.trim();
    if (!/^(?:the|le|la|l['\u2019])\s*/iu.test(p) || !ROLE_PHRASE.test(p)) return null;
    if (
      /^(?:the|le|la|l['\u2019])\s*\S+s(?:\s|$)/iu.test(p) &&
      !/^(?:the|le|la|l['\u2019])\s*(?:chef|porte-parole)/iu.test(p)
    )
      return null; // "the ministers", "les ministres"
    const near = this.named
      .filter((m) => m.at < this.quoteAt && m.at >= this.quoteAt - ROLE_REACH)
      // Not a name that opens with an article ("Le Danemark"): a country or a body, unless the
      // corpus gives it a first name ("Le Drian" is Jean-Yves Le Drian, kept in full).
      .filter((m) => !/^(?:Le|La|Les|L['\u2019])\s/u.test(m.name))
      .filter((m) => !ROLE_PHRASE.test(m.name) && (this.people.roles.get(m.name)?.size ?? 0) === 0)
      .sort((a, b) => b.at - a.at);
    return near[0]?.name ?? null;
  }

  /**
   * The person a definite rank stands for: "Le colonel français a par ailleurs assuré …", "the
   * general added" after "a déclaré le colonel Pascal Ianni" / "General Laurent Michon said" is
   * the last person the article named with that rank before the quotation, as a writer names an
   * officer once and then calls them by rank. The rank may carry one nationality ("le colonel
   * français", "the French general"); anything more is a description this does not read. Null
   * when no one was named with that rank.
   */
  private personOfRank(phrase: string): string | null {
    const m = RANK_REFERENCE.exec(phrase.trim());
    const text = this.current?.text;
    if (!m?.[1] || !text) return null;
    const rank = stemRole(comparable(m[1]));
    for (let i = this.named.length - 1; i >= 0; i--) {
      const n = this.named[i]!;
      if (n.at >= this.quoteAt) continue;
      const before = /([\p{L}-]+)\s+(?:[\p{Lu}][\p{L}'\u2019-]*\s+)?$/u.exec(
        text.slice(Math.max(0, n.at - 40), n.at),
      );
      if (before?.[1] && stemRole(comparable(before[1])) === rank) return n.name;
    }
    return null;
  }

  /**
   * The person an account or a post that opens a sentence speaks as: the name the account is
   * given ("a Twitter account in the name of X"), or for a post ("ce tweet", "the post") the name
   * of the last account the 1,500 characters before the sentence introduce; null otherwise.
   */
  private accountSpeaking(text: string, opening: string, sentenceStart: number): string | null {
    const own = ACCOUNT_OPENING.exec(lowerArticle(opening))?.[1];
    if (own) return this.people.resolve(own.trim()) ?? own.trim();
    if (!POST_SUBJECT.test(opening)) return null;
    const before = text.slice(Math.max(0, sentenceStart - 1500), sentenceStart);
    const last = [...before.matchAll(ACCOUNT_MENTION)].pop()?.[1]?.trim();
    return last ? (this.people.resolve(last) ?? last) : null;
  }

  /**
   * Maps a speaker phrase to one canonical name: a person's full name, or the body named. A
   * statement speaks for its issuer ("the French army statement" → French army; "the statement"
   * → the body last quoted, through IT). Anything that names neither a person nor a body (a
   * time, a verb phrase) gives null rather than a false speaker.
   */
  private normaliseSpeaker(
    phrase: string,
    lastPerson: string | null,
    titles: Map<string, string>,
  ): string | null {
    const p = phrase
      .trim()
      .replace(/[.,;:]+$/u, '')
      .replace(/^(?:(?:and|but|so|then|that|et|mais|que)\s+|qu['\u2019]\s*)/iu, '')
      .replace(
        /^(?:later|then|also|meanwhile|however|earlier|finally|separately|again|now|ensuite|puis|enfin)\s+/iu,
        '',
      )
      // "Last week a foreign ministry source": when it spoke is not who.
      .replace(
        /^(?:(?:last|this|earlier this|next)\s+(?:week|month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|yesterday|today)\s+(?=\S)/iu,
        '',
      )
      .replace(ADVERBS, '')
      .trim()
      // "… ont eu accès et que l'état-major français": the subject after "que" (the verb follows).
      .replace(/^.*\s(?:et\s+)?qu(?:e\s+|['\u2019])(?=\S)/iu, '')
      // "assure la force française dans son communiqué qui": an inverted verb of saying before
      // the subject, the statement it speaks in and a relative pronoun after it are not the name.
      .replace(FR_LEADING_VERB, '')
      // "The junta issued a statement that read: “…”": the issuer, not the act of issuing.
      .replace(ISSUED_A_STATEMENT, '')
      .replace(/\s+(?:qui|who|which)(?:\s.*)?$/iu, '')
      .replace(FR_IN_STATEMENT, '')
      // "un responsable malien sous couvert d'anonymat": how the source spoke is not its name.
      .replace(ANONYMITY, '')
      .replace(TO_AGENCY, '')
      // "un responsable de l'armée française cité dans une publication": where it was quoted neither.
      .replace(
        /\s+(?:cit\u00E9e?s?|contact\u00E9e?s?|interrog\u00E9e?s?|joint|jointe|quoted|cited|contacted|interviewed)(?:\s.*)?$/iu,
        '',
      )
      .trim();
    if (p.length === 0 || AGENCY_ONLY.test(p)) return null;
    // "UNITED NATIONS, June 30 (Reuters) – The United Nations Security Council": a dateline or an
    // aside closed by a spaced dash is no part of the name after it.
    // "BAMAKO (Mali) • Mali's ruling junta": a dateline in capitals closed by a bullet, too.
    const dashed = /\s[\u2013\u2014]\s+(?=\S)/u.test(p)
      ? p.replace(/^.*\s[\u2013\u2014]\s+/su, '')
      : p.replace(/^\p{Lu}[\p{Lu}\s.'\u2019-]+(?:\s*\([^()]{1,30}\))?\s*[\u2022\u00B7|]\s*(?=\S)/u, '');
    if (dashed !== p) return this.normaliseSpeaker(dashed, lastPerson, titles);
    // "The Security Council resolution authorizes MINUSMA to – “", "The 15-member council
    // adopted": a phrase holding a quotation mark or a dash, or ending in a verb in -ed, runs past
    // the name into the sentence; it names no one.
    if (/[\u201C\u201D"\u00AB\u00BB\u2013\u2014]/u.test(p) || /\s\p{Ll}{3,}ed$/u.test(p)) return null;
    // "Cette décision des autorités maliennes fait suite aux": a phrase ending on a preposition
    // or an article runs on into the words it governs; no name ends so.
    if (/\s(?:aux|au|du|des|de|la|le|les|à|en|par|pour|sur|of|to|the|a|an|by|for|with|at|on|in)$/u.test(p))
      return null;
    if (/^it$/i.test(p)) return IT;
    // "the same diplomatic source", "la même source": the speaker the article last gave those words.
    const same = /^(?:the|la|le|les)\s+(?:same|m\u00EAmes?)\s+(.+)$/iu.exec(p);
    if (same?.[1]) {
      const noun = comparable(same[1]);
      for (let i = this.spoken.length - 1; i >= 0; i--)
        if (comparable(this.spoken[i]!).includes(noun)) return this.spoken[i]!;
      return null;
    }
    if (PRONOUN.test(p)) return lastPerson ? (this.people.resolve(lastPerson) ?? lastPerson) : null;
    // "du Peyroux", "le général du Peyroux": a surname with its particle, by the full name the
    // corpus gives it ("Etienne du Peyroux"); the particle's case is the sentence's, not the name's.
    const particled =
      /^(?:(?:the|le|la|l['\u2019])\s*)?(?:\p{Ll}[\p{L}-]*\s+|[\p{Lu}][\p{Ll}-]*\s+(?=\p{Ll}))?((?:du|de|des|de la)\s+[\p{Lu}][\p{L}'\u2019-]+)$/iu.exec(
        p,
      );
    if (particled?.[1]) {
      const bare = particled[1].replace(/^\p{Lu}/u, (c) => c.toLowerCase());
      const full = this.people.resolve(bare);
      if (full !== null && full !== bare && this.people.full.has(full)) return full;
    }
    if (namesNoOne(p)) return null;
    if (STATEMENT.test(p)) return IT;
    const issuer = STATEMENT_OF.exec(p);
    if (issuer) {
      const named = (issuer[1] ?? issuer[2] ?? '').trim();
      // "the French army statement" after "a statement from the French military": a definite
      // statement is the one already introduced, by the issuer the article first gave it.
      const earlier = /^(?:the|le|la)\s/iu.test(p) && named ? this.earlierIssuer(named) : null;
      if (earlier) return earlier;
      if (named && !STATEMENT.test(named)) return this.normaliseSpeaker(named, lastPerson, titles);
      return IT;
    }
    // The phrase names a person: the fullest form of the name the corpus knows. A surname alone
    // ("Macron told a news conference") is the person's too.
    // A name after "of"/"des" belongs to a body ("le ministère des Armées", "ministry of Defence").
    const ofBody = (m: { start: number }, at: number) =>
      /(?:\bof|\bfor|\bdes|\bdu|\bde|\bde la|\bde l['\u2019]|\bpour|\bpar)(?:\s+(?:the|la|le|les|l['\u2019]))?\s*$/iu.test(
        p.slice(0, Math.max(0, m.start - at)),
      );
    // "le ministre des Armées Sébastien Lecornu", "Minister of Defence Ben Wallace": the name after
    // a title whose complement is one capitalised word (which a name-finder reads as a first name).
    const afterTitle =
      /(?:minist\p{L}*|pr\u00E9sident\p{L}*|president|chef\p{L}*|chief|secr\p{L}+|g\u00E9n\u00E9ral|general|head)\s+(?:des|du|de la|de l['\u2019]|of|of the)\s*[\p{Lu}][\p{L}-]+\s+([\p{Lu}][\p{L}'\u2019-]+(?:[\s-][\p{Lu}][\p{L}'\u2019-]+)+)$/u.exec(
        p,
      );
    if (afterTitle?.[1]) return this.people.resolve(afterTitle[1]) ?? afterTitle[1];
    // "le Quai d'Orsay", "Palais de l'Élysée": a lone capitalised word followed by "d'"/"de" and
    // another capitalised word names a place, not a person.
    const placeName = (m: { start: number; end: number; name: string }, at: number) =>
      !m.name.includes(' ') &&
      (/^\s+(?:d['\u2019]|de\s+|du\s+)\p{Lu}/u.test(p.slice(m.end - at)) ||
        /\p{Lu}\p{L}+\s+(?:d['\u2019]|de\s+|du\s+)$/u.test(p.slice(0, Math.max(0, m.start - at))));
    // "his interlocutor in Bambara", "a source in Gao": a lone name after "in", "at", "from" is a
    // place or a language the phrase mentions, not who speaks (unless the corpus names them in full).
    const mentioned = (m: { start: number; name: string }, at: number) =>
      !m.name.includes(' ') &&
      !this.people.full.has(this.people.resolve(m.name) ?? '') &&
      /(?:^|\s)(?:in|at|from|into|en|dans|\u00E0|au|aux|depuis)\s+$/iu.test(
        p.slice(0, Math.max(0, m.start - at)),
      );
    const person =
      peopleIn(p).find((m) => !ofBody(m, 0) && !placeName(m, 0) && !mentioned(m, 0)) ??
      peopleIn(`X ${p}`).find(
        // A lone word that opened the phrase counts only as the surname of someone named in full
        // ("Dembélé added"), never as a name of its own ("Assertion").
        (m) =>
          m.start >= 2 &&
          !ofBody(m, 2) &&
          !placeName(m, 2) &&
          this.people.full.has(this.people.resolve(m.name) ?? ''),
      );
    // "A Twitter account in the name of Dia Diarra", "an account called X", "le compte Twitter d'un
    // dénommé X": an account named for someone speaks as that someone (whoever runs it).
    const holder = ACCOUNT_HOLDER.exec(lowerArticle(p));
    if (holder?.[1]) {
      const name = holder[1].trim();
      return this.people.resolve(name) ?? name;
    }
    // "A Telegram account affiliated with Wagner", "a spokesman for Barkhane": a lone capitalised
    // word inside a description that opens with an article and names a body or a role is part of
    // the description, not a person of that name.
    const describes =
      person !== undefined &&
      !person.name.includes(' ') &&
      !this.people.full.has(this.people.resolve(person.name) ?? '') &&
      /^(?:a|an|the|un|une|le|la|l['\u2019])\s*\S/iu.test(p) &&
      (BODY_NOUN.test(p.replace(person.name, ' ')) ||
        /(?<![\p{L}])(?:account|compte)(?![\p{L}])/iu.test(p)) &&
      p.split(/\s+/).length <= 9;
    if (describes) return p;
    // "Ivorian", "Malian": a nationality the name-finder took for a name names no one.
    // A capitalised word after a rank or a title is a name, whatever it ends with ("le capitaine
    // Florian", "Colonel Adrian"): a nationality after a rank is printed lower case in French
    // ("le capitaine malien") and before it in English ("the Malian captain").
    if (
      person &&
      !person.name.includes(' ') &&
      NATIONALITY.test(person.name) &&
      !this.people.full.has(person.name) &&
      person.title === '' &&
      !RANK_BEFORE.test(p.slice(0, person.start))
    )
      return null;
    if (person)
      return this.people.resolve(person.name) ?? person.name.replace(/^(?:Mr|Mrs|Ms|Dr|M|Mme)\.?\s+/u, '');
    const single = /^(?:Mr|Mrs|Ms|Dr)?\.?\s*([A-Z][\p{L}'-]+)$/u.exec(p);
    if (single?.[1]) {
      const r = this.people.resolve(single[1]);
      if (r) return r;
      if (this.current && isSurnameIn(single[1], this.current.text) && !NATIONALITY.test(single[1]))
        return single[1];
    }
    const bare = p.replace(/^(?:the|a|an)\s+/i, '');
    const byTitle = titles.get(bare.toLowerCase()) ?? titles.get(titleBefore(`${bare} X`, bare.length + 1));
    if (byTitle) return byTitle;
    // "the French president", "le porte-parole": the one person the corpus gives that role.
    const recent = new Map<string, number>();
    for (const m of this.named) if (m.at < this.quoteAt) recent.set(m.name, m.at);
    const byRole = this.people.byRole(p, recent);
    if (byRole) return byRole;
    const ranked = this.personOfRank(p);
    if (ranked) return ranked;
    const justNamed = this.personJustNamed(p);
    if (justNamed) return justNamed;
    if (bare.split(/\s+/).length > (BODY_NOUN.test(bare) ? 9 : 6)) return null;
    // A body: a noun that names one ("ministry", "army", "autorités"), an acronym (JNIM), or a
    // proper name of capitalised words. Times, verbs and phrases are not speakers.
    if (
      /^(?:on|in|at|during|after|before|last|this|next|since|early|late|(?:le|la)\s+(?:\d|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lendemain|veille|jour|mois|semaine|matin|soir))(?![\p{L}])/iu.test(
        bare,
      ) &&
      !BODY_NOUN.test(bare)
    )
      return null;
    if (
      new RegExp(
        `\\b(?:${SPEECH_VERB}|has|have|had|is|are|was|were|will|would|can|could|may|might)\\b`,
        'i',
      ).test(bare) ||
      FRENCH_VERB_PHRASE.test(bare) ||
      PARTICIPLE_CLAUSE.test(bare)
    )
      return null;
    const words = bare.split(/\s+/);
    const named =
      BODY_NOUN.test(bare) ||
      /^[\p{Lu}]{2,}(?:-[\p{Lu}]+)?$/u.test(bare) ||
      (words.length >= 2 &&
        words.every(
          (w) =>
            /^[\p{Lu}]/u.test(w) ||
            /^[ld]['\u2019][\p{Lu}]/u.test(w) ||
            /^(?:of|for|and|on|et|de|du|des|la|le|les|the|pour|sur|l['\u2019]|d['\u2019])$/.test(w),
        ));
    // A capital or a country speaking for its government ("Paris said"). A lone capitalised word
    // that is neither a place nor a surname the article names in full ("Assertion") is no speaker.
    if (!named && words.length === 1 && (COUNTRIES.has(bare) || OTHER_PLACES.has(bare))) return bare;
    if (!named) return null;
    // A nationality alone ("Ivorian"), a phrase opening with a preposition ("With no mission",
    // "Dans un communiqué lu à la télévision") or a relative clause ("who commands the force")
    // names no one.
    if (words.length === 1 && NATIONALITY.test(bare) && !this.people.full.has(bare)) return null;
    if (NOT_A_NAME_OPENING.test(bare)) return null;
    return /^(?:le|la|les|l['\u2019])/iu.test(p) ? p : capitalise(bare);
  }

  private group(found: Found[]): Quotation[] {
    // One spelling per speaker across the corpus: "Jean-Yves le Drian" and "Jean-Yves Le Drian"
    // (a particle's case, accents) are one speaker, under the spelling given most often (the
    // first given on a tie), so a look-up by name or role finds all of their words.
    const spellings = new Map<string, Map<string, number>>();
    for (const f of found) {
      if (f.speaker === null || f.speaker === IT || f.speaker === PREV) continue;
      const forms = spellings.get(comparable(f.speaker)) ?? new Map<string, number>();
      forms.set(f.speaker, (forms.get(f.speaker) ?? 0) + 1);
      spellings.set(comparable(f.speaker), forms);
    }
    for (const f of found) {
      const forms = f.speaker === null ? undefined : spellings.get(comparable(f.speaker));
      if (forms && forms.size > 1) f.speaker = [...forms].sort((a, b) => b[1] - a[1])[0]![0];
    }
    const byKey = new Map<string, Quotation>();
    const order: Quotation[] = [];
    for (const f of found) {
      const key = looseComparable(f.text);
      const src = sourceOf(f.article);
      const existing = byKey.get(key);
      if (existing) {
        if (
          existing.articleId !== src.articleId &&
          !existing.alsoIn.some((a) => a.articleId === src.articleId)
        ) {
          existing.alsoIn.push({ ...src, text: f.text, start: f.start, end: f.end });
          if (existing.speaker === null) existing.speaker = f.speaker;
        }
        continue;
      }
      const q: Quotation = {
        ...src,
        text: f.text,
        start: f.start,
        end: f.end,
        speaker: f.speaker,
        context: f.article.text.slice(f.sentence.start, f.sentence.end),
        contextStart: f.sentence.start,
        contextEnd: f.sentence.end,
        alsoIn: [],
      };
      byKey.set(key, q);
      order.push(q);
    }
    return order;
  }

  private readonly terms = new WeakMap<
    Quotation,
    {
      words: Set<string>;
      speakerWords: Set<string>;
      contextWords: Set<string>;
      nearWords: Set<string>;
      folded: string;
      surname: string | undefined;
    }
  >();
  private vocab: Set<string> | null = null;

  /**
   * Index terms of a quotation's text under its article's analyser; for an article not in
   * English, its English index forms too, so an English query meets it on names and numbers.
   */
  private wordsOf(articleId: string, text: string): string[] {
    const analyzer = analyzerFor(this.corpus.byId.get(articleId)?.meta.language);
    const own = termsOf(analyzer, text);
    return analyzer.language === 'en' ? own : [...own, ...indexTerms(text)];
  }
  private quoteFreq: Map<string, number> | null = null;

  /** IDF-like weight of a query term over the quotations (their words, speakers and sentences). */
  private weightOf(term: string): number {
    if (!this.quoteFreq) {
      // How many quotations hold each term in their words, speaker or sentence. Quotations of one
      // sentence share its set of words: each shared set is counted once, times the quotations
      // sharing it, and a quotation's own words and speaker only where that set lacks them (a
      // sentence of a thousand quotations was otherwise read a thousand times).
      const freq = new Map<string, number>();
      const add = (t: string, n: number) => freq.set(t, (freq.get(t) ?? 0) + n);
      const sharing = new Map<Set<string>, number>();
      for (const q of this.groups) {
        const { words, speakerWords, contextWords } = this.termsOf(q);
        sharing.set(contextWords, (sharing.get(contextWords) ?? 0) + 1);
        for (const t of new Set([...words, ...speakerWords])) if (!contextWords.has(t)) add(t, 1);
      }
      for (const [contextWords, n] of sharing) for (const t of contextWords) add(t, n);
      this.quoteFreq = freq;
    }
    const n = this.groups.length;
    return Math.log(1 + (n + 1) / ((this.quoteFreq.get(term) ?? 0) + 0.5));
  }
  private readonly roles = new Map<string, string[]>();

  /**
   * Index terms of the titles the corpus puts before a speaker's full name ("Germany's Defense
   * Minister Christine Lambrecht"), so a lookup by role finds the person's quotations.
   */
  private roleTerms(speaker: string): string[] {
    const known = this.roles.get(speaker);
    if (known) return known;
    const found = new Set<string>();
    if (speaker.includes(' ')) {
      // A body's description beside its name is read in the same scan: the words just before it
      // in its clause and an "of …" after it ("the Russia-backed Wagner Group", "the Wagner Group
      // of mercenaries"), as a query describes the body ("russian mercenary group").
      const body = BODY_NOUN.test(speaker) && !this.people.full.has(speaker);
      for (const a of this.corpus.articles) {
        for (let at = a.text.indexOf(speaker); at >= 0; at = a.text.indexOf(speaker, at + speaker.length)) {
          for (const t of indexTerms(titleBefore(a.text, at))) found.add(t);
          if (!body) continue;
          const before = /((?:[\p{L}-]+\s+){1,2})$/u.exec(a.text.slice(Math.max(0, at - 40), at))?.[1] ?? '';
          const after =
            /^\s+(?:of|de|des|du)\s+((?:[\p{L}-]+\s+){0,1}[\p{L}-]+)/u.exec(
              a.text.slice(at + speaker.length, at + speaker.length + 40),
            )?.[1] ?? '';
          for (const t of indexTerms(`${before} ${after}`)) found.add(t);
        }
      }
      // Appositions and French titles too ("Olivier Salgado, the spokesman for the MINUSMA
      // peacekeeping mission", "le porte-parole du gouvernement, le colonel Abdoulaye Maïga").
      // And any description set beside the name ("logistics manager for Operation Barkhane").
      for (const role of [
        ...(this.people.roles.get(speaker) ?? []),
        ...(this.people.descriptions.get(speaker) ?? []),
      ])
        for (const t of [...indexTerms(role), ...termsOf(french, role)]) found.add(t);
    }
    // The same office or body in the other language ("l'état-major" is the general staff, "the
    // foreign minister" le ministre des affaires étrangères), so that a query in either language
    // names the speaker by role: read from the speaker's name and roles only, never added to a
    // quotation's own words.
    for (const said of [speaker, ...(this.people.roles.get(speaker) ?? [])])
      for (const t of officeTerms(said)) found.add(t);
    const out = [...found];
    this.roles.set(speaker, out);
    return out;
  }

  /**
   * The sentence before a quotation's own (in the paragraph before when the quotation opens its
   * own): where "he said" or "the statement said" finds who is speaking and about what.
   */
  private sentenceBefore(q: Quotation): Span | null {
    const article = this.corpus.byId.get(q.articleId);
    if (!article) return null;
    const block = article.blocks.find(
      (b) => b.kind !== 'furniture' && b.start <= q.contextStart && q.contextStart < b.end,
    );
    const earlier = article.blocks.filter((b) => b.kind !== 'furniture' && b.end <= q.contextStart).pop();
    const from = block && block.start < q.contextStart ? block : earlier;
    if (!from) return null;
    // A block's sentences are split once, not once per quotation in it.
    let sentences = this.blockSentences.get(from);
    if (!sentences) {
      sentences = splitSentences(article.text, from);
      this.blockSentences.set(from, sentences);
    }
    // The last sentence ending by the quotation's own (they are in text order): a binary search.
    let lo = 0;
    let hi = sentences.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sentences[mid]!.end <= q.contextStart) lo = mid + 1;
      else hi = mid;
    }
    return sentences[lo - 1] ?? null;
  }
  private readonly blockSentences = new WeakMap<object, Span[]>();

  /**
   * The index terms of a stretch of an article (a quotation's sentence, the one before), read
   * once for every quotation that shares it: a sentence of a thousand quotations was analysed a
   * thousand times on the first look-up. The sets are shared; nothing writes to them.
   */
  private spanWords(articleId: string, span: Span | null, text: string): Set<string> {
    const key = span ? `${articleId}\u0000${span.start}\u0000${span.end}` : '';
    let words = this.spanTerms.get(key);
    if (!words) {
      words = new Set(this.wordsOf(articleId, text));
      this.spanTerms.set(key, words);
    }
    return words;
  }
  private readonly spanTerms = new Map<string, Set<string>>();

  /** Index terms of a quotation's words, its speaker and its sentence, its folded text and its speaker's surname, computed once. */
  private termsOf(q: Quotation): {
    words: Set<string>;
    speakerWords: Set<string>;
    contextWords: Set<string>;
    nearWords: Set<string>;
    folded: string;
    surname: string | undefined;
  } {
    let t = this.terms.get(q);
    if (!t) {
      const article = this.corpus.byId.get(q.articleId);
      const before = this.sentenceBefore(q);
      t = {
        words: new Set(this.wordsOf(q.articleId, q.text)),
        speakerWords: new Set(q.speaker ? [...indexTerms(q.speaker), ...this.roleTerms(q.speaker)] : []),
        // The sentence around the quotation names the speaker's role ("Germany's defence minister").
        contextWords: this.spanWords(q.articleId, { start: q.contextStart, end: q.contextEnd }, q.context),
        nearWords: this.spanWords(
          q.articleId,
          before,
          before ? (article?.text.slice(before.start, before.end) ?? '') : '',
        ),
        folded: comparable(q.text),
        // The last index term of the speaker's name, which a query naming the speaker uses; none
        // when the name ends in a role or a body's noun ("Council of ministers", "Spokesman for the
        // staff"), which a query naming a role uses for anyone holding it.
        surname: nameTerm(q.speaker),
      };
      this.terms.set(q, t);
    }
    return t;
  }

  /** Every index term used in any quotation. */
  private vocabulary(): Set<string> {
    if (!this.vocab)
      this.vocab = new Set(
        this.groups.flatMap((q) => [...this.termsOf(q).words, ...this.termsOf(q).speakerWords]),
      );
    return this.vocab;
  }

  /** Canonical speakers, most quoted first. */
  speakers(): string[] {
    const counts = new Map<string, number>();
    for (const q of this.groups)
      if (q.speaker) counts.set(q.speaker, (counts.get(q.speaker) ?? 0) + 1 + q.alsoIn.length);
    return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([s]) => s);
  }

  /** All quotations, grouped, in corpus order. */
  all(): readonly Quotation[] {
    return this.groups;
  }

  /** Finds quotations whose words or speaker match the query, best first. */
  lookup(query: string, options: { speaker?: string | null; limit?: number } = {}): QuoteResult {
    const limit = Math.max(1, Math.min(25, options.limit ?? 10));
    const scored = this.scored(query, options);
    if ('error' in scored) return { query, quotes: [], error: scored.error };
    return {
      query,
      quotes: scored
        .filter((s) => s.unscored || passes(s.coverage, s.firm))
        .slice(0, limit)
        .map((s) => s.q),
    };
  }

  /**
   * Every quotation the query matches at all, best first, with the share of the query's weight it
   * matched (`coverage`) and how many query words it met firmly (`firm`: in its words, speaker or
   * sentence, or through a related word of weight at least {@link FIRM_MATCH}); `unscored` when the
   * query has no words (a speaker filter alone). {@link lookup} keeps those that {@link passes}.
   */
  scored(
    query: string,
    options: { speaker?: string | null } = {},
  ): Array<{ q: Quotation; coverage: number; firm: number; unscored: boolean }> | { error: string } {
    const trimmed = query.trim();
    const speakerFilter = options.speaker?.trim() ? comparable(options.speaker) : null;
    const problem = trimmed.length === 0 && speakerFilter ? null : queryProblem(query);
    if (problem) return { error: problem };
    // A French query is read with French stems ("a déclaré" is then a verb of saying too).
    const queryAnalyzer = analyzerFor(questionLanguage(trimmed));
    const terms = termsOf(queryAnalyzer, trimmed).filter((t) => !SPEECH_TERMS.has(t));
    if (trimmed.length > 0 && terms.length === 0 && !speakerFilter)
      return { error: 'no searchable words in the query' };
    const phrase = comparable(trimmed);
    // Spelling variants of each query term among the quotations' own words, found once per lookup.
    // Names are often misspelt by two letters ("Lambrekt"), so long terms may differ by two.
    const variants = new Map(
      terms.map((t) => [
        t,
        t.length >= 5
          ? [...this.vocabulary()].filter((w) => w !== t && withinEdits(w, t, t.length >= 7 ? 2 : 1))
          : [],
      ]),
    );

    // Related words of each term (synonyms, derived forms, aliases), weighted below the term.
    const related = new Map<string, Array<{ term: string; weight: number }>>(terms.map((t) => [t, []]));
    for (const [term, x] of this.expand(trimmed)) related.get(x.target)?.push({ term, weight: x.weight });
    // A quotation's own wording may use any sense of a word: synonyms from every WordNet sense
    // ("secret" → "hidden"), not only the frequent ones the answer index expands, below them.
    if (queryAnalyzer.language === 'en')
      for (const word of trimmed.toLowerCase().match(/\p{L}+/gu) ?? []) {
        const [target] = indexTerms(word);
        if (target === undefined || !related.has(target)) continue;
        for (const term of anySenseSynonyms(word))
          if (term !== target && this.vocabulary().has(term))
            related.get(target)!.push({ term, weight: ANY_SENSE });
      }

    // Rare words weigh more: a query's "mission" says less than its "caliphate".
    const total = terms.reduce((sum, t) => sum + this.weightOf(t), 0);
    // The query's terms and their spelling variants, once: a speaker's surname among them is named.
    const forms = new Set(terms.flatMap((t) => [t, ...variants.get(t)!]));
    const scored = this.groups
      .filter((q) => !speakerFilter || (q.speaker !== null && comparable(q.speaker).includes(speakerFilter)))
      .map((q) => {
        const { words, speakerWords, contextWords, nearWords, folded, surname } = this.termsOf(q);
        let inText = 0;
        let matched = 0;
        // Query words met in the quotation, its speaker or its sentence, or through a related word:
        // not only in the sentence before nor through a weak relation.
        let firm = 0;
        const has = (set: Set<string>, t: string) => set.has(t) || variants.get(t)!.some((v) => set.has(v));
        for (const t of terms) {
          // Best of: the quotation's own words (1), the speaker's name (1), a related word in the
          // quotation (its weight), the sentence around it (0.6).
          let w = 0;
          if (has(words, t)) {
            inText++;
            w = 1;
          } else if (has(speakerWords, t)) w = 1;
          else {
            // A related word in the speaker's name or role ("Berlin" → Germany's defense minister).
            for (const r of related.get(t) ?? []) if (speakerWords.has(r.term)) w = Math.max(w, r.weight);
            for (const r of related.get(t) ?? []) if (words.has(r.term)) w = Math.max(w, r.weight);
            if (has(contextWords, t)) w = Math.max(w, CONTEXT_MATCH);
            if (has(nearWords, t)) w = Math.max(w, NEAR_MATCH);
            for (const r of related.get(t) ?? [])
              if (contextWords.has(r.term)) w = Math.max(w, CONTEXT_MATCH * r.weight);
          }
          matched += w * this.weightOf(t);
          if (w >= FIRM_MATCH) firm++;
        }
        const coverage = terms.length === 0 ? 1 : matched / total;
        // The query names this speaker: a query word is the last word of the speaker's name
        // ("macron …" for Emmanuel Macron, "… army says" for the French army), spelling variants too.
        const named = surname !== undefined && forms.has(surname) ? 1 : 0;
        const exact = phrase.length > 0 && folded.includes(phrase) ? 1 : 0;
        return { q, coverage, exact, inText, firm, named, unscored: terms.length === 0 };
      })
      .filter((s) => s.coverage > 0 || s.unscored)
      .sort(
        (a, b) =>
          b.exact - a.exact ||
          b.named - a.named ||
          b.coverage - a.coverage ||
          b.inText - a.inText ||
          b.q.alsoIn.length - a.q.alsoIn.length ||
          b.q.text.length - a.q.text.length,
      );
    return scored.map(({ q, coverage, firm, unscored }) => ({ q, coverage, firm, unscored }));
  }
}

/**
 * Share of the query's weight a quotation must match to be returned, chosen on the tuning
 * sets' quote look-ups together with their "absent" queries (which must return nothing).
 */
const MIN_QUOTE_COVERAGE = 0.4;
/**
 * A paraphrase shares few of its words with the quotation ("brussels' top diplomat says a
 * decision is only days away": Brussels → Borrell's EU, "days"), so a lower share passes when at
 * least {@link MIN_FIRM_TERMS} query words are met firmly; an off-topic query ("most anticipated
 * fight of the year") meets the quotations in one word, the rest only in a nearby sentence.
 */
const MIN_PARAPHRASE_COVERAGE = 0.2;
const MIN_FIRM_TERMS = 2;
/** Weight from which a query word's match counts as firm (the sentence around the quotation, a frequent-sense synonym). */
const FIRM_MATCH = 0.6;

/** True when a quotation matching this share of the query, with this many firm words, is returned. */
function passes(coverage: number, firm: number): boolean {
  return coverage >= MIN_QUOTE_COVERAGE || (coverage >= MIN_PARAPHRASE_COVERAGE && firm >= MIN_FIRM_TERMS);
}

/**
 * The index term a query naming this speaker uses: the last word of a person's or a body's own
 * name ("Macron", "Barkhane", "Wagner" of "Wagner Group"), never a role or a body's common noun
 * ("ministers", "staff", "army") nor a nationality, which a query uses for whoever holds them.
 */
function nameTerm(speaker: string | null): string | undefined {
  if (!speaker) return undefined;
  const words = speaker.split(/\s+/u);
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i]!.replace(/^(?:l|d)['\u2019]/iu, '');
    // Words of an office or department ("Foreign", "Defence", "Armed") are no one's name either.
    if (
      BODY_NOUN.test(w) ||
      SOMEONE.test(w) ||
      FUNCTION_WORDS.has(w.toLowerCase()) ||
      TITLE_WORDS.has(comparable(w))
    )
      continue;
    // A possessive or a country ("Mali's military leaders", "France") says whose, not who.
    if (!/^\p{Lu}/u.test(w) || NATIONALITY.test(w) || /['\u2019]s$/u.test(w) || COUNTRIES.has(w))
      return undefined;
    return indexTerms(w).at(-1);
  }
  return undefined;
}

/** Nationality adjectives, which name no one ("French", "Malian", "française", "malien"). */
/** A French demonym as an adjective after its noun ("français", "malienne", "nigérien"), lower case. */
const DEMONYM_FR = /^\p{Ll}+(?:ais|aise|ien|ienne|ain|aine|ois|oise)$/u;
const NATIONALITY = /^(?:\p{Lu}\p{Ll}+(?:ian|ean|ese|ish|ch|an|ais|aise|ien|ienne|ain|aine|ois|oise)s?)$/u;

/**
 * Offices and bodies in the other language: a speaker's name or role as written (left) also reads
 * as the phrases on the right, English ones for an English query, French ones for a French query.
 * A small table of general offices and nationalities, not of anyone's words: what no lexical
 * database here relates across the two languages, and "top diplomat", which newsrooms use for a
 * foreign minister and for the EU's foreign policy chief alike (given to the minister alone, it
 * took "the EU's top diplomat" from Borrell).
 */
const OFFICE_READINGS: ReadonlyArray<readonly [RegExp, { en?: string; fr?: string }]> = [
  [
    /\bforeign (?:affairs )?minister\b|\bminister of foreign affairs\b/iu,
    { en: 'top diplomat', fr: 'ministre des affaires étrangères' },
  ],
  [
    /\bforeign (?:policy|affairs) chief\b|\bhigh representative\b/iu,
    { en: 'top diplomat', fr: 'chef de la diplomatie' },
  ],
  [
    /ministre des affaires [ée]trang[èe]res|chef(?:fe)? de la diplomatie/iu,
    { en: 'foreign minister top diplomat' },
  ],
  [
    /\b(?:defen[cs]e|armed forces) minister\b|\bminister of (?:the )?(?:defen[cs]e|armed forces)\b/iu,
    { fr: 'ministre des armées' },
  ],
  [/ministre des arm[ée]es/iu, { en: 'armed forces minister' }],
  [/\bpresident\b/iu, { fr: 'président' }],
  [/pr[ée]sident(?:e)?\b/iu, { en: 'president' }],
  [/\bspokes(?:man|woman|person)\b/iu, { fr: 'porte-parole' }],
  [/porte-parole/iu, { en: 'spokesman spokesperson' }],
  [/\bgeneral staff\b|\bchief of staff\b/iu, { fr: 'état-major' }],
  [/[ée]tat[- ]major/iu, { en: 'general staff' }],
  [/\bambassador\b/iu, { fr: 'ambassadeur' }],
  [/ambassadeur/iu, { en: 'ambassador' }],
  [/\bgovernment\b/iu, { fr: 'gouvernement' }],
  [/gouvernement/iu, { en: 'government' }],
  [/\barmy\b|\bmilitary\b|\barmed forces\b/iu, { fr: 'armée' }],
  [/arm[ée]e/iu, { en: 'army military' }],
  [/\bjunta\b/iu, { fr: 'junte' }],
  [/junte/iu, { en: 'junta' }],
  [/\bauthorities\b/iu, { fr: 'autorités' }],
  [/autorit[ée]s/iu, { en: 'authorities' }],
  [/\bfrench\b/iu, { fr: 'français' }],
  [/fran[cç]ais/iu, { en: 'French' }],
  [/\bmalian\b/iu, { fr: 'malien' }],
  [/malien/iu, { en: 'Malian' }],
];

/** Index terms of the other language's names for the offices a role or speaker's name holds ({@link OFFICE_READINGS}). */
function officeTerms(said: string): string[] {
  return OFFICE_READINGS.filter(([pattern]) => pattern.test(said)).flatMap(([, other]) => [
    ...(other.en ? indexTerms(other.en) : []),
    ...(other.fr ? termsOf(french, other.fr) : []),
  ]);
}

/** Verbs of saying: in a look-up ("macron says …") they name the act, not the words. */
const SPEECH_TERMS: ReadonlySet<string> = new Set([
  ...indexTerms(
    'says said warns warned claims claimed insists insisted states stated adds added argues argued',
  ),
  ...termsOf(french, 'dit déclaré affirmé estimé ajouté assuré souligné expliqué'),
]);

/** Weight of a synonym from any sense of a query word: below an expansion of a frequent sense. */
const ANY_SENSE = 0.6;

/** Index terms of the single-word synonyms of a word in every WordNet sense, as noun, verb or adjective. */
function anySenseSynonyms(word: string): string[] {
  const known = synonymMemo.get(word);
  if (known) return known;
  const wn = wordnet();
  const out = new Set<string>();
  for (const pos of ['n', 'v', 'a'] as Pos[]) {
    const entry = wn.entry(word, pos);
    for (const offset of entry?.synsets ?? [])
      for (const w of wn.synset(offset, pos).words)
        if (!w.includes('_') && w !== word) for (const t of indexTerms(w)) out.add(t);
  }
  const found = [...out];
  synonymMemo.set(word, found);
  return found;
}

const synonymMemo = new Map<string, string[]>();

/** A role that names a person ("the minister", "le porte-parole"), or any capitalised name: someone who could be speaking. */
const SOMEONE =
  /(?<![\p{L}])(?:minist(?:er|re)|pr\u00E9sident(?:e)?|president|spokes(?:man|woman|person)|porte-parole|g\u00E9n\u00E9ral|general|colonel|ambassad(?:or|eur)|chef|chief|commander|commandant|analyst|analyste|chercheu(?:r|se)|researcher|expert|official|responsable|diplomat|diplomate|envoy|premier)(?![\p{L}])/iu;

/** True when a text names a person or a person's role: someone other than the last speaker may be speaking. */
function namesSomeone(text: string): boolean {
  return SOMEONE.test(text) || peopleIn(text).some((p) => p.name.includes(' '));
}

/** How far before a quotation, in characters, a person called by their office alone was named. */
const ROLE_REACH = 700;

/** An English finite verb before a name in its sentence: the name is the verb's object or after it ("… has led President Macron to …"). */
const OBJECT_AFTER_VERB = /\s(?:has|have|had|is|are|was|were|will|would|\p{Ll}{3,}ed)\s/u;

/** How many sentences back a quotation that nothing attributes looks for whoever spoke last. */
const CARRY_SENTENCES = 6;

/** How far from a quotation, in characters, its attribution is looked for within its sentence. */
const ATTRIBUTION_REACH = 600;

/** Weight of a query word found only in the sentence around a quotation. */
const CONTEXT_MATCH = 0.6;
/**
 * Weight of a query word found only in the sentence before: below the coverage a quotation needs,
 * so those words complete a match and never make one alone.
 */
const NEAR_MATCH = 0.35;

/** The leading noun phrase of a clause: its words up to the first verb-like word or comma. */
function sentenceSubject(clause: string): string {
  const stripped = clause
    .replace(/^(?:In|On|At|During|After|Before)\s+[^,]{1,40},\s*/, '')
    // A reduced relative clause is not part of the subject: "France and its partners involved in Mali".
    .replace(/\s+\p{L}+(?:ed|ing)\s+(?:in|at|on|with|by|from|to|into)\b.*$/su, '');
  const m =
    /^(.*?)(?=,|\s+(?:has|have|had|is|are|was|were|will|would|on|in|at|who|which|that|sought|denied|told|said|did|does|do|could|can|may|might|should|must|also|a|ont|avait|avaient|est|sont|\u00E9tait|qui|dont)(?![\p{L}]))/u.exec(
      stripped,
    );
  return (m?.[1] ?? stripped).trim();
}
