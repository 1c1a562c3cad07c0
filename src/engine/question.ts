import type { AnswerType } from './types.js';
import { english } from '../text/english.js';
import { analyzerFor, questionLanguage } from '../text/languages.js';
import type { Via } from '../text/lexicon.js';
import { STOP_WORDS } from '../text/stopwords.js';
import { COUNTRIES, FRENCH_QUESTION_NOUNS, OTHER_PLACES, TITLE_WORDS } from './gazetteer.js';
import { firstNounClass, namesPlace, PERSON_CLASS } from './entities.js';
import { withinEdits } from './search.js';

/** What the engine reads from a question before searching. */
export interface QuestionAnalysis {
  answerType: AnswerType;
  /** The noun the question counts or names ("troops" in "how many French troops"), lower case. */
  headNoun: string | null;
  /** Index terms of the content words, in order, without duplicates. */
  terms: string[];
  /** The raw content tokens (lower case, folded), parallel to nothing; used to exclude echoes. */
  tokens: string[];
  /** For "what is X" questions, X as written. */
  subject: string | null;
  /**
   * Related terms searched with a lower weight, each with the question term it stands for, its
   * weight, how it is related and the question word it came from. Filled by the engine from
   * its index's lexicon (see expandQuestion); empty straight from analyzeQuestion.
   */
  expansions: Map<string, Expansion>;
  /** The question's language (BCP 47 primary tag). */
  language: string;
  /** Terms whose question word the language's dictionary (WordNet for English) knows. */
  dictionary: Set<string>;
  /** Every word of the question in order (stop words too), with its index term or null. */
  words: Array<{ text: string; term: string | null }>;
  /** True for a question answered by yes or no ("Did…", "Aren't…", "so has niger agreed…"). */
  yesNo: boolean;
  /**
   * For date questions: "time" when a time of day is asked ("at what time"), "year" when a year
   * is ("what year", "barkhane launch year"), else null.
   */
  dateKind: 'time' | 'year' | null;
  /**
   * For "X or Y?": the alternatives' last words as written, lower case ("tabuka", "takuba");
   * the answer is the one the passage names or affirms. Null for other questions.
   */
  alternatives: string[] | null;
  /**
   * For "what did X do", "what became of X", "how has X been treating…": X as written; the
   * answer is what the passage says X did (its predicate). Null for other questions.
   */
  predicateOf: string | null;
  /** For "what are the Russians in Mali for": a purpose, answered by the passage's "to …" clause. */
  purpose: boolean;
  /**
   * True when the question word is the subject of its verb ("What has undermined…", "what is
   * stoking…", "what made…"): the answer stands before the passage's verb, not after it.
   */
  askedSubject: boolean;
  /**
   * For "how poor is Mali", "how big a change…": the adjective asked about, lower case, whose
   * form in the passage ("poorest") stands in the answer; null otherwise.
   */
  degree: string | null;
  /**
   * The words of a guess the question ends on, after its question word ("… since when, 2012?":
   * "2012"), lower case: the answer may well be them, so they are no echo of the question.
   */
  guess?: readonly string[];
}

/** A related term searched for a question term. */
export interface Expansion {
  /** The question term it stands for. */
  target: string;
  weight: number;
  via: Via;
  /** The question word (or phrase) it was reached from, as written in lower case. */
  from: string;
}

/**
 * A count asked as a noun phrase opened by "total" or "overall" whose noun counts things ("total
 * french troops across the sahel?", "overall troop presence"; not "the total bill").
 */
const TOTAL_Q =
  /^\s*(?:the\s+)?(?:total|overall)\s+(?:[\p{L}'\u2019-]+\s+){0,2}?(?:(?:[a-z]+[^s\W]s|people|personnel|staff)\b|[a-z]+\s+presence\b)/iu;
const NUMBER_Q =
  /\b(?:how many|how much|what number|what percentage|what share|what proportion|how large|how big|death toll|human toll|toll of|number of|numbers?|count(?!\s+(?:on|upon|for|as)\b)|size of|strength|head ?count|population|tally|manpower)\b/i;
const DURATION_Q = /\bhow long\b/i;
/** "how far is gao from the border", "how far apart are…": a distance. */
const DISTANCE_Q =
  /\bhow far\b(?!\s+(?:has|have|had|is|was|are|were)\s+(?:\S+\s+){1,3}(?:gone|come|got|gotten|advanced|progressed|moved)\b)/i;
/** Openers of chatty questions ("so did…", "ok, and when…"), read past when the type is read. */
const CHATTY_OPENER =
  /^(?:\s*(?:so|and|but|ok|okay|well|then|hey|hi|now|also|quick question|just wondering|remind me)\b[,:]?)+\s*/i;
/** An auxiliary verb first ("Did…", "aren't…", "has niger agreed…"): answered by yes or no. */
const YES_NO_START =
  /^(?:did|does|do|is|was|were|are|has|have|had|will|would|can|could|should|shall|may|might|must)(?:n['\u2019]?t)?\b|^(?:won['\u2019]?t|can['\u2019]?t|cannot)\b/i;
/** "mali used to be a french colony right?", "…, isn't it?": a statement asked to be confirmed. */
const TAG_QUESTION =
  /\S[\s,](?:right|correct|true|yes|no|isn['\u2019]?t it|is(?:n['\u2019]?t)? that (?:so|right|true)|didn['\u2019]?t (?:it|they|he|she)|wasn['\u2019]?t (?:it|he|she))\s*\?\s*$/i;
/** A question word first: "who was in charge, right?" asks who, not yes or no. */
const WH_START = /^\s*(?:who|whom|whose|what|which|when|where|why|how)\b/i;
/** "… X or Y?": a choice between alternatives is not answered by yes or no. */
const ALTERNATIVES = /\bor\b/i;
/**
 * "…, tabuka or takuba?", "mercenaries or just trainers?": the two alternatives at the end of
 * the question, each read as its last word (a hedge such as "just" or "really" dropped).
 */
const CHOICE =
  /(?:^|[\s,:;-])([\p{L}\p{N}][\p{L}\p{N}'\u2019-]*)\s+or\s+(?:(?:just|only|simply|really|actually|rather|more|maybe|perhaps)\s+)?(?:(?:the|a|an)\s+)?([\p{L}\p{N}][\p{L}\p{N}'\u2019-]*)\s*\??\s*$/iu;
/** "… unanimous or not?", "did macron admit it was a failure or not": a yes/no question. */
const OR_NOT = /[\s,-]+or not\s*\??\s*$/i;
/**
 * A question word that closes the question, or its clause before a last guess: "junta vowed to
 * stay in power till when", "elections were supposed to be held when", "france been fighting in
 * mali since when, 2012?", "eu au summit where and when". It asks what it asks first in a question.
 */
/** WordNet's lexicographer classes of nouns naming a time (noun.time) and a place (noun.location). */
const TIME_CLASS = 28;
const LOCATION_CLASS = 15;
/**
 * A question that opens with its head noun: its first word (past an article), then a preposition
 * ("the deadline for…", "venue of…"), not a noun that qualifies the next ("night airlift").
 */
const OPENING_NOUN = /^\s*(?:the\s+|a\s+|an\s+)?([a-z][a-z-]+)(?:\s+(?:for|of|to|in|at|on)\b|\s*\??\s*$)/i;

/**
 * A question put as a noun phrase whose head comes after the words that qualify it, then a
 * preposition ("task force deadline to set out plans…"): the first word so followed, within
 * the first four.
 */
const WH_ANYWHERE = /\b(?:who|whom|whose|what|which|when|where|why|how)\b/i;
const HEAD_BEFORE_PREPOSITION =
  /^\s*(?:the\s+|a\s+|an\s+)?(?:[a-z][a-z-]*\s+){1,3}?([a-z][a-z-]+)\s+(?:for|of|to|in|at|on)\b/i;

/**
 * What a question put as a noun phrase asks by the class of its first noun: a time ("deadline
 * for the task force's plans", "timetable of…") a date, a place ("venue of the summit") a place.
 */
function openingNounAsks(question: string): AnswerType | null {
  // A question word further on says what is asked ("lambrecht doubts extension of which
  // mission"): the words before it are no head.
  const headed =
    OPENING_NOUN.exec(question) ??
    (WH_ANYWHERE.test(question) ? null : HEAD_BEFORE_PREPOSITION.exec(question));
  // "eu-au summit dates", "eu-au summit city": a noun phrase whose head comes last, after the
  // words that qualify it.
  const closing = headed || WH_ANYWHERE.test(question) ? null : CLOSING_NOUN.exec(question);
  const word = (headed ?? closing)?.[1]?.toLowerCase();
  const lemmas = english.lemmas(word ?? '');
  // A noun in this form or its plural ("dates of the summit"), and no adjective or adverb ("last" is one).
  const noun = (l: { lemma: string; pos: string }) =>
    l.pos === 'n' && (l.lemma === word || `${l.lemma}s` === word);
  if (!word || STOP_WORDS.has(word) || !lemmas.some(noun)) return null;
  if (lemmas.some((l) => l.pos !== 'n' && l.pos !== 'v')) return null;
  // A place's own name ("norway mali deployment status") names the topic, not what is asked.
  const name = word.charAt(0).toUpperCase() + word.slice(1);
  if (COUNTRIES.has(name) || OTHER_PLACES.has(name)) return null;
  const c = firstNounClass(word);
  return c === TIME_CLASS ? 'date' : c === LOCATION_CLASS ? 'place' : null;
}

/**
 * The last word of a question put as a noun phrase of three words or more, not after "last",
 * "this", "next" or the like ("reasons for cutting barkhane last year" is set in a year, it
 * asks none).
 */
const CLOSING_NOUN =
  /^\s*(?:[\p{L}\p{N}'\u2019-]+\s+){2,6}(?<!\b(?:last|this|next|past|previous|same|that|each|every|a|per)\s)([a-z][a-z-]+)\s*\??\s*$/iu;

const TRAILING_WH = /(?:^|\s)(when|where|who)\s*(?:\?+\s*$|$|,\s*[^,]{1,30}$)/i;
/** "what did X do (for Y)", "what has X done": X, whose predicate in the passage is the answer. */
const WHAT_DID_DO =
  /(?:^|[,;:]\s*)what\s+(?:did|does|do|has|have|had|will|would|could|can)\s+(.+?)\s+(?:do|done|doing)\b/i;
/** "what became of X", "what does macron say happened to X". */
const BECAME_OF = /\bwhat\b.*?\b(?:became|become|becomes|happened|happens)\s+(?:of|to)\s+(.+?)\s*\??\s*$/i;
/** "How has X been treating Y", "how did X react": the manner, told by X's predicate. */
const HOW_DID =
  /^\s*how\s+(?:has|have|had|did|does|do|is|are|was|were)\s+(.+?)\s+(?:been\s+)?([a-z]+(?:ing|ed)|react|respond|treat|handle|view|see|take|feel)\b/i;
/** "what are the Russians in Mali for", "what for": a purpose. */
const PURPOSE_Q = /^\s*what\b.*\s(?:for)\s*\??\s*$|\bwhat for\b|\bfor what purpose\b/i;
/** "the sahel researcher dw spoke to, who is she": a person described, asked to be named. */
const DESCRIBED_WHO = /[,:;-]\s*who(?:'s|\u2019s| is| was)\s+(?:she|he|that|this|they)\s*\??\s*$/i;
/** "What has undermined…", "what's stoking…", "what made…": the question word is the subject. */
const SUBJECT_Q =
  /^\s*(?:what|which|who)(?:['\u2019]s)?\s+(?:(?:has|have|had|is|are|was|were|will|would|could|might|can)\s+(?:been\s+)?)?(?:[a-z]+(?:ed|ing)|made|makes|drove|led|caused|brought|put|kept|left|gave|took|won|lost)\b/i;
/** "How poor is…", "how big a change…": a degree, answered by the phrase around the adjective. */
const DEGREE_Q = /\bhow ([a-z]{3,}) (?:an? [a-z-]+|(?:is|are|was|were|has|have)\b)/i;
/** Words after "how" that ask for something else than a degree. */
const NOT_DEGREE =
  /^(?:many|much|long|often|far|old|come|did|does|do|is|are|was|were|has|have|had|will|would|can|could|should)$/i;
/** "At what time", "what hour": a time of day, not a date. */
const TIME_Q = /\b(?:at )?what (?:time|hour)\b|^\s*(?:the\s+)?time\s+(?!of\b)[a-z]/i;
/**
 * A date asked for. A year or date last in the question asks for it ("barkhane launch year")
 * unless a word before makes it a time the question is set in ("why did macron trim barkhane
 * last year", "…this year"), and a question opened by "why" or "how" asks a reason or a manner
 * whatever date it names (REASON_Q, predicateSubject).
 */
const DATE_Q =
  /^(?!\s*(?:why|how)\b)(?:\s*(?:since |until |till |from |by )?when\b|.*\b(?:at what (?:point|time|hour)|what time)\b|.*\b(?:what|which) (?:date|day|year|yr|month)\b|.*\bon what (?:date|day)\b|\s*(?:the\s+)?(?:year|date|day|month|time)\s+(?!of\b)[a-z]|.*\b(?<!\b(?:last|this|next|past|previous|same|that|each|every|a|per)\s)(?:year|date)\s*\??\s*$)/i;
/** A year asked for: "what year", "in which year", "barkhane launch year", "year barkhane began". */
const YEAR_Q =
  /\b(?:what|which) (?:yr|year)\b|^\s*(?:the\s+)?year\s|\b(?<!\b(?:last|this|next|past|previous|same|that|each|every|a|per)\s)year\s*\??\s*$/i;
const PERSON_Q = /^\s*(?:who|whom|whose)\b/i;
/** "Who is Olivier Salgado?": a named person to describe, not a person to name. */
const WHO_IS_NAMED = /^\s*[Ww]ho (?:is|was) ([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})\s*\??$/;
/** "who is olivier salgado", "what is minusma": a name written in lower case. */
const WHO_IS_LOWER =
  /^\s*who(?:'s|\u2019s| is| was)\s+([a-z][a-z'\u2019-]+(?:\s+[a-z][a-z'\u2019-]+){1,2})\s*\??\s*$/;
const DEFINITION_LOWER =
  /^\s*what(?:'s|\u2019s| is| are| was| were)\s+(?:the\s+)?([a-z][\w'\u2019-]*(?:\s+[a-z][\w'\u2019-]*){0,2})\s*\??\s*$/;

/**
 * True for words that read as a name though written in lower case: no stop word or title, none
 * a verb, adjective or adverb to WordNet, and at least one word it does not know at all
 * ("olivier salgado", "minusma"; not "the french foreign minister", not "running burkina faso").
 */
function nameInLowerCase(words: string | undefined): boolean {
  if (!words) return false;
  const ws = words.split(/\s+/);
  const lemmas = ws.map((w) => english.lemmas(w));
  return (
    ws.every((w) => !STOP_WORDS.has(w) && !TITLE_WORDS.has(w)) &&
    lemmas.every((ls) => ls.every((l) => l.pos === 'n')) &&
    lemmas.some((ls) => ls.length === 0)
  );
}

function nameOnly(m: RegExpExecArray | null): RegExpExecArray | null {
  return m && nameInLowerCase(m[1]) ? m : null;
}

/** "delina goxo - who is she", "Olivier Salgado: who's that?": a name, then the question about it. */
const NAMED_WHO_IS =
  /^\s*([\p{L}][\p{L}'’.-]*(?:\s+[\p{L}][\p{L}'’.-]*){1,3})\s*[-–—:,]+\s*who(?:'s|’s| is| was)\s+(?:she|he|they|this|that|him|her)\s*\??\s*$/iu;
const PLACE_Q =
  /^\s*(?:where|whereabouts)\b|\b(?:which|what) (?:part|area|border|frontier|village|province|district)\b|\b(?:which|what) (?:country|countries|city|cities|town|region|capital|place|nation)\b|\bin which (?:country|city|region)\b/i;
const REASON_Q =
  /^\s*why\b|\bblamed?\b|\bwhat (?:did|does) .* (?:blame|cite)\b|\bwhat (?:was|is) the reason\b|\bfor what reason\b|^\s*what reasons?\b|\bwhat(?:'s|\u2019s| is| was| has been)? (?:caused|causing|led to|prompted|prompting|made|makes|drove|drives|driving|stoking|stoked|fuel(?:l)?ing|fuel(?:l)?ed|behind)\b/i;
const DEFINITION_Q =
  /^\s*[Ww]hat (?:is|are|was|were) (?:the |an? )?([A-Z0-9][\w'’-]*(?:\s+[\w'’-]+){0,3})\s*\??$/;
const ENTITY_Q =
  /\b(?:which|what) (?!(?:is|are|was|were|did|does|do|has|have|had|will|would|can|could|should)\b)([a-z][a-z-]*(?:\s+[a-z][a-z-]*)?)\b/i;

/** "name of the village …", "what's the name of the task force …": a named thing of that kind. */
const NAME_OF_Q =
  /\bname of (?:the |a |an |this |that )?(?:[\p{L}\d'\u2019-]+ ){0,3}?([a-z-]+?)(?= (?:near|in|at|on|of|that|which|who|working|where|alongside|from|with|for)\b|\s*\??$)/iu;

const NOT_HEAD = new Set([
  'is',
  'are',
  'was',
  'were',
  'did',
  'does',
  'do',
  'has',
  'have',
  'had',
  'will',
  'would',
  'can',
  'could',
  // The passive's auxiliary ("what flag got torched"): WordNet's forms table lacks "got".
  'get',
  'gets',
  'got',
  'gotten',
  'been',
  'being',
  'the',
  'a',
  'an',
]);

/**
 * Words that frame or pad an English question without naming its topic ("what exactly", "these
 * days", "the name of", "what kind of"): left out of a question's search terms, though a
 * passage's own use of them is indexed as usual.
 */
export const QUESTION_FILLERS: ReadonlySet<string> = new Set(
  `really actually exactly just basically apart besides else ever even lately currently nowadays
  days overall something anything everything someone anyone thing things stuff kind kinds sort
  sorts type types name names way lot lots bit like anyway okay ok hey hi hello seeing
  wondering wonder according`
    .split(/\s+/)
    .filter(Boolean),
);

/** French question words and what they ask (see frenchAskedType). */
const FR_DURATION =
  /\b(?:combien de temps|pendant combien|depuis combien|quelle dur[ée]e|combien (?:d['\u2019]heures|de jours|de semaines|de mois|d['\u2019]ann[ée]es))(?![\p{L}])/iu;
/** "combien", and "cb", its common written shorthand ("dirigé par cb de colonels"). */
const FR_NUMBER = /\b(?:combien|cb)\b/iu;
const FR_YEAR = /\bquelle ann[ée]e\b/iu;
const FR_DATE = /\bquand\b|\bquel(?:le)? (?:jour|date|ann[ée]e|mois)\b|(?:^|\s)[àa] quelle date\b/iu;
const FR_TIME = /(?:^|\s)[àa] quelle heure\b/iu;
/**
 * "… c'est qui", "qui est-ce…": a person to name. A leading "qui a…" is not read as a person:
 * its answer is as often a body ("L'armée malienne a affirmé…", "Ces collaborateurs…"), which
 * no French lexical database here can type, so the passage's new words answer it.
 */
const FR_PERSON = /\bc['\u2019]est qui\s*\??\s*$|\bqui est-ce\b|^\s*qui (?:est|sont|était|etait)\b/iu;
const FR_PLACE =
  /^\s*o[ùu] (?!pas\b)|\bo[ùu]\s*\??\s*$|\b(?:dans|de) quel(?:le)? (?:pays|ville|r[ée]gion)\b/iu;
const FR_REASON = /\bpourquoi\b/iu;
/** "quelle ministre…", "quel groupe jihadiste…": the noun after the question word. */
const FR_WHICH = /(?:^|[\s'\u2019])(?:quel|quelle|quels|quelles)\s+([\p{L}-]+)/iu;
/** "nom de la ministre allemande", "le nom du porte-parole": the noun whose name is asked. */
const FR_NAME_OF = /\bnom\s+(?:de\s+la\s+|de\s+l['\u2019]|du\s+|des\s+|de\s+|d['\u2019])([\p{L}-]+)/iu;
/** "comment s'appelle le ministre estonien…": the noun whose name is asked, after the verb of naming. */
const FR_CALLED =
  /\bcomment\s+s['\u2019]appel(?:le|lent|ait|aient)\s+(?:le\s+|la\s+|les\s+|l['\u2019]|ce\s+|cette\s+)?([\p{L}-]+)/iu;

/**
 * French question words: a question holding one asks for something else than yes or no. "qui"
 * only first, after a preposition or last ("la résolution qui met fin…" is a relative clause),
 * "ou" without its accent only first or last ("… ou pas ?" is no "où").
 */
const FR_WH =
  /(?:^|[\s'\u2019-])(?:quoi|quel|quelle|quels|quelles|lequel|laquelle|lesquels|lesquelles|o\u00F9|quand|comment|pourquoi|combien|cb)(?![\p{L}])|^\s*(?:que|qu['\u2019]|qui|ou)(?![\p{L}])|(?:^|\s)(?:[àa]|de|par|pour|avec)\s+qui(?![\p{L}])|(?:^|\s)(?:qui|ou)\s*\??\s*$/iu;
/** "… X ou Y ?": a choice, unless the second is "pas" or "non" ("transféré au niger ou pas ?"). */
const FR_CHOICE = /\sou\s+(?!pas\b|non\b)[\p{L}]/iu;
/**
 * A French clause's finite verb, as a yes/no question holds one: an inversion ("a-t-elle",
 * "était-elle" or "était elle"), "est-ce que", a form of être, avoir, aller, pouvoir, devoir, faire, or a
 * third person plural ("restent"; not an adverb in "-ment").
 */
const FR_FINITE =
  /-t-(?:il|elle|on)\b|\best-ce\b|(?:^|[\s'\u2019])(?:est|sont|[ée]tait|[ée]taient|a|ont|avait|avaient|va|vont|sera|seront|serait|aura|auront|peut|peuvent|doit|doivent|fait|font)(?![\p{L}])|\p{L}{2,}(?<!m)ent(?![\p{L}])/iu;

/**
 * True for a French question answered by yes or no: asked with a question mark, with a finite
 * verb and no question word ("les troupes restent au sahel ?", "a-t-elle été votée à
 * l'unanimité ?", "… ou pas ?"), and no choice between two things.
 */
function frenchYesNo(question: string): boolean {
  if (!/\?\s*$/.test(question)) return false;
  return FR_FINITE.test(question) && !FR_WH.test(question) && !FR_CHOICE.test(question);
}

/** A word without its accents, lower case ("Présidente" → "presidente"). */
const unaccented = (w: string) => w.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** FRENCH_QUESTION_NOUNS keyed without accents: questions are often typed without them. */
const FRENCH_NOUNS = new Map([...FRENCH_QUESTION_NOUNS].map(([fr, en]) => [unaccented(fr), en]));

/**
 * The English noun of a French noun the list above holds ("soldats" → "soldier"), singular or
 * plural, accents or none; null for a noun it does not hold.
 */
export function englishNounOf(word: string): string | null {
  const w = unaccented(word);
  return FRENCH_NOUNS.get(w) ?? FRENCH_NOUNS.get(w.replace(/[sx]$/, '')) ?? null;
}

/** FRENCH_NOUNS inverted once, when the module loads: English noun → its French nouns. */
const FRENCH_NOUNS_OF: ReadonlyMap<string, readonly string[]> = (() => {
  const of = new Map<string, string[]>();
  for (const [fr, en] of FRENCH_NOUNS) {
    const list = of.get(en);
    if (list) list.push(fr);
    else of.set(en, [fr]);
  }
  return of;
})();

/**
 * The French nouns of the list above that share one English noun ("soldier" → "soldat",
 * "militaire"), accents or none: a French passage counts "150 soldats" where the question asks
 * "combien de militaires".
 */
export function frenchNounsFor(englishNoun: string): readonly string[] {
  return FRENCH_NOUNS_OF.get(englishNoun) ?? [];
}

/**
 * The kind of answer a French noun asks for, through its English noun: a person for a title or
 * a noun whose first WordNet sense is a person ("ministre", "porte-parole"), a place for
 * "pays", "ville", "région", "capitale"; null for another noun and for one the list does not
 * hold (singular or plural).
 */
function frenchNounAsks(word: string | undefined): { type: AnswerType; head: string | null } | null {
  if (!word) return null;
  const en = englishNounOf(word);
  if (!en) return null;
  if (TITLE_WORDS.has(en) || firstNounClass(en) === PERSON_CLASS) return { type: 'person', head: null };
  if (/^(?:country|city|region|capital)$/.test(en)) return { type: 'place', head: en };
  // Another kind ("quel groupe", "quelle base"): the named-thing reader is English (WordNet
  // heads and stems); measured on the French questions it gained one and lost one, so such a
  // question is still answered by the passage's new words.
  return null;
}

/**
 * "combien de soldats", "combien d'heures": the noun counted; also "combien d hommes", the
 * elided "de" typed without its apostrophe before a vowel or an h.
 */
const FR_COUNTED = /\b(?:combien|cb)\s+(?:de\s+|d['\u2019]|d\s+(?=[aeiouyhàâéèêîôû]))([\p{L}-]+)/iu;

/**
 * What a French question asks, from its question words: "combien de temps" a duration,
 * "combien (de X)" a count of X, "quand", "quel jour", "en quelle année" a date (a year for
 * "année"), "qui" (first, or "…c'est qui") a person, "où" a place, "pourquoi" a reason; null
 * when no question word says (the passage's new words answer, as for an English "what…").
 * "ou" without its accent is read as "où" only first in the question or last ("… il est où"),
 * since inside a question it is "or" ("négocié ou pas").
 */
function frenchAskedType(
  question: string,
): { type: AnswerType; head: string | null; dateKind: 'time' | 'year' | null } | null {
  if (FR_DURATION.test(question)) return { type: 'duration', head: null, dateKind: null };
  if (FR_NUMBER.test(question)) {
    const head = FR_COUNTED.exec(question)?.[1]?.toLowerCase() ?? null;
    return { type: 'number', head, dateKind: null };
  }
  if (FR_DATE.test(question) || FR_TIME.test(question))
    return {
      type: 'date',
      head: null,
      dateKind: FR_TIME.test(question) ? 'time' : FR_YEAR.test(question) ? 'year' : null,
    };
  if (FR_PERSON.test(question)) return { type: 'person', head: null, dateKind: null };
  if (FR_PLACE.test(question)) return { type: 'place', head: null, dateKind: null };
  if (FR_REASON.test(question)) return { type: 'reason', head: null, dateKind: null };
  // "quelle ministre a monté…", "nom de la ministre…", "quel groupe…": the kind the noun names.
  const asked =
    frenchNounAsks(FR_WHICH.exec(question)?.[1]) ??
    frenchNounAsks(FR_NAME_OF.exec(question)?.[1]) ??
    frenchNounAsks(FR_CALLED.exec(question)?.[1]);
  if (asked) return { ...asked, dateKind: null };
  return null;
}

/** Reads the expected answer type, the head noun and the search terms of a question. */
export function analyzeQuestion(input: string): QuestionAnalysis {
  const language = questionLanguage(input);
  const analyzer = analyzerFor(language);
  const terms: string[] = [];
  const content: string[] = [];
  const words: QuestionAnalysis['words'] = [];
  const dictionary = new Set<string>();
  for (const t of analyzer.tokens(input)) {
    const term = language === 'en' && QUESTION_FILLERS.has(t.text) ? null : analyzer.term(t.text);
    words.push({ text: t.text, term });
    if (term === null) continue;
    content.push(t.text);
    if (!terms.includes(term)) terms.push(term);
    if (language === 'en' && english.lemmas(t.text).length > 0) dictionary.add(term);
  }

  let answerType: AnswerType = 'other';
  let headNoun: string | null = null;
  let subject: string | null = null;
  // The type is read from the question on one line, a chatty opener ("so did…") dropped.
  const question = input.replace(/\s+/g, ' ').replace(CHATTY_OPENER, '').trim();
  // "… or not?" asks yes or no of what comes before it ("unanimous or not?").
  const orNot = OR_NOT.test(question) && !WH_START.test(question);
  const asked = question.replace(OR_NOT, '');
  const yesNo =
    language === 'en' &&
    (orNot || YES_NO_START.test(asked) || (TAG_QUESTION.test(asked) && !WH_START.test(asked))) &&
    !ALTERNATIVES.test(asked);
  const trailingMatch = WH_START.test(question) ? null : TRAILING_WH.exec(question);
  const trailing = trailingMatch?.[1]?.toLowerCase();
  const guessText = /,\s*([^,]+?)\s*\?*\s*$/.exec(trailingMatch?.[0] ?? '')?.[1];
  const namedWho = NAMED_WHO_IS.exec(question);
  // "who did the spokesman talk to, which agency", "why was he expelled, what kind of remarks":
  // a question word phrase after a comma at the end says what is asked.
  const clarified = language === 'en' ? clarifiedHead(question) : null;
  const french = language === 'fr' ? frenchAskedType(question) : null;
  const yesNoFr = language === 'fr' && french === null && frenchYesNo(question);
  if (yesNo || yesNoFr) {
    // Yes or no, whatever words it holds ("Was Macron looking to beef up French numbers…?").
  } else if (clarified) {
    answerType = namesAPerson(clarified) ? 'person' : 'entity';
    headNoun = answerType === 'person' ? null : clarified;
  } else if (french) {
    // A French question is read by its own question words ("combien", "quand", "qui"…); one
    // with none of them (or a short English one read as French: "eu … name") as before.
    answerType = french.type;
    headNoun = french.head;
  } else if (language === 'en' && trailing) {
    answerType = trailing === 'when' ? 'date' : trailing === 'where' ? 'place' : 'person';
  } else if (DISTANCE_Q.test(question)) {
    // "How far…": a distance, a count of a unit of length ("3.6 km", "almost 500 kilometres").
    answerType = 'number';
    headNoun = 'km';
  } else if (NUMBER_Q.test(question) || TOTAL_Q.test(question)) {
    answerType = 'number';
    headNoun = countedNoun(question);
  } else if (DURATION_Q.test(question)) answerType = 'duration';
  else if (DATE_Q.test(question)) answerType = 'date';
  else if (language === 'en' && !WH_START.test(question) && openingNounAsks(question))
    answerType = openingNounAsks(question)!;
  else if (WHO_IS_NAMED.test(question)) {
    answerType = 'definition';
    subject = WHO_IS_NAMED.exec(question)![1]!;
  } else if (namedWho?.[1] && !nameInLowerCase(namedWho[1]) && DESCRIBED_WHO.test(question)) {
    // "the sahel researcher dw spoke to, who is she": a description, not a name: the person's name.
    answerType = 'person';
  } else if (namedWho?.[1]) {
    answerType = 'definition';
    subject = namedWho[1];
  } else if (DESCRIBED_WHO.test(question)) answerType = 'person';
  else if (nameInLowerCase(WHO_IS_LOWER.exec(question)?.[1])) {
    answerType = 'definition';
    subject = WHO_IS_LOWER.exec(question)![1]!;
  } else if (PERSON_Q.test(question)) answerType = 'person';
  else if (PLACE_Q.test(question)) answerType = 'place';
  else if (REASON_Q.test(question)) answerType = 'reason';
  else {
    const def = DEFINITION_Q.exec(question) ?? nameOnly(DEFINITION_LOWER.exec(question));
    if (def?.[1] && !/^(?:the|a|an)$/i.test(def[1])) {
      answerType = 'definition';
      subject = def[1];
    } else {
      const named = NAME_OF_Q.exec(question) ?? CALLED_HEAD.exec(question);
      const ent = named ? null : (KIND_OF_Q.exec(question) ?? ENTITY_Q.exec(question));
      const nameEnd = named || ent ? null : NAME_LAST_Q.exec(question);
      // "the minusma spokesman told which wire service": a "which X" of a thing asks the thing,
      // whoever the question describes besides.
      const whichWord = ent?.[1]?.toLowerCase().split(/\s+/).pop();
      const whichHead =
        whichWord === undefined || !ent
          ? undefined
          : compoundEnd(whichWord, question.slice(ent.index + ent[0].length));
      const whichThing =
        whichHead !== undefined && ent !== null && /\bwhich\b/i.test(ent[0]) && isNounNotPerson(whichHead);
      const describedAs = describedThing(question, named);
      // "danish contingent was to join which force": a "which X" that ends the question asks X;
      // the noun before "which" opens no relative clause there.
      const whichLast =
        whichThing &&
        whichHead !== undefined &&
        question
          .toLowerCase()
          .replace(/[\s?!.]+$/, '')
          .endsWith(whichHead);
      const described = (describedAs === 'person' || whichLast) && whichThing ? null : describedAs;
      if (described === 'person') {
        // "wagner boss who led the failed mutiny", "the french ambassador's name, the one…",
        // "name of the sahel academic dw interviewed": a person described, asked to be named.
        answerType = 'person';
      } else if (described) {
        // "eu missons that will feel the french departure?": a thing described, to be named.
        answerType = 'entity';
        headNoun = described;
      } else if (nameEnd?.[1]) {
        // "estonian defence minster name", "eu foreign policy cheif name": a person's name when
        // a title stands among the words, misspelt or not; else the thing of the last word.
        // A person noun among the words ("US deputy amb at the UN…, name pls": "deputy")
        // names a person too; the thing named is the head before its qualifiers ("op" of "main
        // french op in the sahel is called?").
        const ws = nameEnd[1]
          .toLowerCase()
          .split(/[\s,]+/)
          .filter((w) => w !== '');
        const qualified = ws.findIndex((w, i) => i > 0 && QUALIFIER_START.test(w));
        const described = qualified > 0 ? ws.slice(0, qualified) : ws;
        if (described.some((w) => nearTitle(w) || (w.length > 3 && namesAPerson(w)))) answerType = 'person';
        else if (!STOP_WORDS.has(described[described.length - 1]!)) {
          answerType = 'entity';
          headNoun = described[described.length - 1]!;
        }
      } else if (named?.[1]) {
        // "name of frances top diplomat", "what was the intervention called": a person's name
        // when the thing named is a person ("diplomat", "minister"), else a named thing.
        headNoun = named[1].toLowerCase();
        answerType = namesAPerson(headNoun) ? 'person' : 'entity';
        if (answerType === 'person') headNoun = null;
      } else if (ent?.[1]) {
        const words = ent[1]
          .toLowerCase()
          .split(/\s+/)
          .filter(
            (w) =>
              !NOT_HEAD.has(w) && !STOP_WORDS.has(w) && !/ed$/.test(w) && !CONTRACTED.test(w) && !onlyVerb(w),
          );
        if (words.length > 0) {
          answerType = 'entity';
          headNoun = compoundEnd(words[words.length - 1]!, question.slice(ent.index + ent[0].length));
        }
      }
    }
  }
  if (answerType === 'place' && headNoun === null) {
    const m =
      /\b(?:which|what) (country|countries|city|cities|town|region|capital|place|nation|part|area|border|frontier|district|province)\b/i.exec(
        question,
      );
    headNoun = m?.[1]?.toLowerCase() ?? null;
  }
  return {
    answerType,
    headNoun,
    terms,
    tokens: content,
    subject,
    expansions: new Map(),
    language,
    words,
    dictionary,
    yesNo: yesNo || yesNoFr,
    dateKind:
      answerType !== 'date'
        ? null
        : language === 'fr'
          ? (french?.dateKind ?? null)
          : TIME_Q.test(question)
            ? 'time'
            : YEAR_Q.test(question)
              ? 'year'
              : null,
    alternatives: language === 'en' ? alternativesOf(question) : null,
    predicateOf: language === 'en' && answerType === 'other' && !yesNo ? predicateSubject(question) : null,
    purpose: language === 'en' && answerType === 'other' && !yesNo && PURPOSE_Q.test(question),
    askedSubject: SUBJECT_Q.test(question),
    degree: degreeOf(question, answerType),
    ...(guessText ? { guess: analyzer.tokens(guessText).map((t) => t.text) } : {}),
  };
}

const COUNT_STOP =
  /^(?:are|were|is|was|did|do|does|have|has|had|will|would|can|could|in|of|to|at|on|for|from|with|by|since|during|remain|remained|died|killed|say|said)$/i;
const NON_S_PLURALS = new Set([
  'people',
  'personnel',
  'police',
  'staff',
  'children',
  'men',
  'women',
  'civilians',
]);

/**
 * A plural that takes no -s as written in shorthand ("ppl" → "people"): the one whose index form
 * (the irregular-forms table, then Porter2) is the word's; else the word itself.
 */
function countWord(word: string): string {
  if (word === '' || NON_S_PLURALS.has(word)) return word;
  const s = english.term(word);
  return [...NON_S_PLURALS].find((p) => english.term(p) === s) ?? word;
}

/**
 * The noun a "how many" question counts: the plural that ends the words after "how many"
 * (see below), before the verb ("How many French troops were…" → "troops"; "How many people have…" →
 * "people").
 */
function countedNoun(question: string): string | null {
  // "number of fighter jets", "the size of France's garrison": the noun after "of".
  const of =
    /\b(?:number|size|strength)\s+of\s+(?:the\s+)?(?:[A-Za-z'’-]+\s+){0,2}?([a-z]+s|people|personnel|staff|garrison|force|contingent)\b/i.exec(
      question,
    );
  if (of?.[1]) return of[1].toLowerCase();
  // "estonian troop numbers", "barkhane troop count", "how big is the danish contingent".
  const before = /\b([a-z]+)\s+(?:numbers?|count|strength|head ?count|tally|presence)\b/i.exec(question);
  if (before?.[1] && !/^(?:the|a|what|total|overall)$/i.test(before[1])) return before[1].toLowerCase();
  const big =
    /\bhow (?:big|large) (?:is|was|are|were) (?:the |its |their )?(?:[A-Za-z'’-]+\s+){0,2}?([a-z]+)\s*\??$/i.exec(
      question,
    );
  if (big?.[1]) return big[1].toLowerCase();
  const howMany = /\bhow (?:many|much)\s+(?:of\s+the\s+|of\s+)?((?:[A-Za-z'-]+\s*){1,5})/i.exec(question);
  // "total french troops across…": the plural after "total" or "overall", and only a plural
  // ("overall human toll" names no counted noun).
  const m = howMany ?? /^\s*(?:the\s+)?(?:total|overall)\s+((?:[A-Za-z'-]+\s*){1,5})/i.exec(question);
  if (!m?.[1]) return null;
  const words: string[] = [];
  for (const w of m[1].trim().split(/\s+/)) {
    if (COUNT_STOP.test(w)) break;
    words.push(countWord(w.toLowerCase().replace(/[^a-z'-]/g, '')));
  }
  // The first plural ends the counted noun phrase, unless another plural follows it at once
  // ("weapons systems"): "how many countries actually sent troops" counts countries, "how many
  // French troops lost their lives" troops.
  const isPlural = (w: string | undefined) =>
    w !== undefined && (NON_S_PLURALS.has(w) || (/s$/.test(w) && !/ss$/.test(w) && w.length > 3));
  let at = words.findIndex((w) => isPlural(w));
  if (at >= 0) while (isPlural(words[at + 1])) at++;
  const plural = at >= 0 ? words[at] : undefined;
  return plural ?? (howMany ? (words[words.length - 1] ?? null) : null);
}

/**
 * "estonian defence minister name", "the ambush village's name?", "berlin defence minister
 * sceptical about the EU training mission, name?", "… name pls", "main french op in the sahel
 * is called?": a name asked last, of the thing the words before it describe.
 */
const NAME_LAST_Q =
  /^\s*(?:the\s+)?([\p{L}][\p{L}\d'\u2019 ,.-]*?)(?:['\u2019]s)?,?\s+(?:name|(?:is|was|are|were)\s+(?:called|named))(?:\s+(?:pls|plz|please))?\s*\??\s*$/iu;
/** Prepositions after which a described thing's qualifiers begin ("op in the sahel"). */
const QUALIFIER_START = /^(?:in|at|on|of|for|from|with|about|to|by|during|after|before|near|against)$/;

/**
 * True for a title word ("minister", "chief"), also misspelt by one edit or two letters swapped
 * ("minster", "cheif") when it is five letters or more.
 */
function nearTitle(word: string): boolean {
  if (TITLE_WORDS.has(word)) return true;
  if (word.length < 5) return false;
  for (const t of TITLE_WORDS) {
    if (t.length < 5 || Math.abs(t.length - word.length) > 1) continue;
    if (withinEdits(t, word, 1)) return true;
    if (t.length === word.length) {
      const diff = [...t].flatMap((c, i) => (c === word[i] ? [] : [i]));
      if (
        diff.length === 2 &&
        diff[1] === diff[0]! + 1 &&
        t[diff[0]!] === word[diff[1]!] &&
        t[diff[1]!] === word[diff[0]!]
      )
        return true;
    }
  }
  return false;
}

/** What is left of "weren't", "didn't" when the apostrophe cuts the word. */
const CONTRACTED = /^(?:weren|wasn|isn|aren|didn|doesn|don|hasn|haven|hadn|won|wouldn|couldn|shouldn|can)$/;

/** True for a word WordNet knows only as a verb ("gets", "tipped"): no head noun. */
/**
 * The noun a "which"/"what" phrase ends on, read past the two words ENTITY_Q takes: "which
 * former french colonies" → "colonies", "which un peacekeeping op" → "op", "what short term
 * effect" → "effect". A word is taken after an adjective, or when it is a singular noun; a plural
 * noun ends the phrase ("which troops niger will host"), and so do a place's name, a verb, a
 * function word and a word WordNet does not know. At most two words more.
 */
function compoundEnd(head: string, rest: string): string {
  const next = /^\s+([a-z][a-z-]*)(?:\s+([a-z][a-z-]*))?/i.exec(rest);
  let cur = head;
  for (const raw of [next?.[1], next?.[2]]) {
    const w = raw?.toLowerCase();
    if (!w || NOT_HEAD.has(w) || STOP_WORDS.has(w) || /ed$/.test(w) || CONTRACTED.test(w) || onlyVerb(w))
      break;
    const cap = w.charAt(0).toUpperCase() + w.slice(1);
    if (COUNTRIES.has(cap) || OTHER_PLACES.has(cap)) break;
    const lemmas = english.lemmas(w);
    if (!lemmas.some((l) => l.pos === 'n')) break;
    const plural = (x: string) => english.lemmas(x).some((l) => l.pos === 'n' && l.lemma !== x);
    if (plural(cur)) break;
    const afterAdjective = english.lemmas(cur).some((l) => l.pos === 'a');
    if (!afterAdjective && plural(w)) break;
    cur = w;
  }
  return cur;
}

function onlyVerb(word: string): boolean {
  const ls = english.lemmas(word);
  return ls.length > 0 && ls.every((l) => l.pos === 'v');
}

/** "What is X called": X's last word, the kind of thing named. */
const CALLED_HEAD =
  /^\s*what(?:'s|\u2019s|\s+(?:is|was|are|were))\s+(?:[\p{L}\d'\u2019-]+\s+){0,5}?([a-z-]+)(?:\s+(?:in|of|at|on|from|for|to)(?:\s+[\p{L}\d'\u2019-]+){1,3}?)?\s+(?:called|named|dubbed|known as)\b/iu;
/** "what kind of help", "what sort of support": the noun after "kind of". */
const KIND_OF_Q =
  /\b(?:what|which) (?:kinds?|sorts?|types?) of ((?:[a-z][a-z-]*\s+){0,3}?[a-z][a-z-]*)(?=\s+(?:are|is|was|were|do|does|did|will|would|can|could|has|have|had|that|which|who|to|in|on|of|for|at|from|with)\b|\s*\??\s*$)/i;

/**
 * "wagner boss who led…", "eu missons that will feel…": a question that is a noun phrase, its
 * noun then "who", "that" or "which".
 */
const NOUN_REL = /^\s*(?:the\s+)?(?:[\p{L}'\u2019-]+\s+){0,5}?(\p{L}[\p{L}-]*)\s+(?:who|that|which)\b/iu;
/** "the french ambassador's name": the noun whose name is asked. */
const POSSESSIVE_NAME = /\b([\p{L}-]+)['\u2019]s\s+name\b/iu;

/**
 * What a question that describes its answer asks to be named: "person" for a noun phrase whose
 * noun is a person or a title then "who…" ("swedish foreign minister who announced…"), for
 * "the X's name" with X a person, and for "name of the … X" with a person or title word
 * heading a phrase before X; the noun itself for a noun phrase of another noun then "that" or
 * "which" ("eu missons that will feel…", a misspelt noun WordNet does not know included).
 * Null for a question opened by a question word, and for other questions.
 */
function describedThing(question: string, named: RegExpExecArray | null): 'person' | string | null {
  const person = (w: string | undefined) =>
    w !== undefined && (namesAPerson(w.toLowerCase()) || nearTitle(w.toLowerCase()));
  const rel = WH_START.test(question) ? undefined : NOUN_REL.exec(question)?.[1]?.toLowerCase();
  if (person(rel)) return 'person';
  if (person(POSSESSIVE_NAME.exec(question)?.[1])) return 'person';
  if (named?.[1] && /\bname of\b/i.test(named[0])) {
    // The person word heads its phrase: no noun follows it ("european task force" names a
    // force, "sahel academic dw interviewed" an academic).
    const ws = named[0]
      .replace(/^.*?\bname of\s+/i, '')
      .toLowerCase()
      .split(/\s+/);
    if (ws.slice(0, -1).some((w, i) => !STOP_WORDS.has(w) && person(w) && !isNoun(ws[i + 1]!)))
      return 'person';
  }
  if (
    rel &&
    !STOP_WORDS.has(rel) &&
    !QUESTION_FILLERS.has(rel) &&
    !onlyVerb(rel) &&
    (isNoun(rel) || english.lemmas(rel).length === 0)
  )
    return rel;
  return null;
}

/** True for a word WordNet knows as a noun ("task", "force"; not "dw" or "interviewed"). */
function isNoun(word: string): boolean {
  return english.lemmas(word).some((l) => l.pos === 'n');
}

/** True when a noun's most frequent sense is a person ("diplomat", "minister", "researcher"). */
function namesAPerson(noun: string): boolean {
  return firstNounClass(noun) === PERSON_CLASS;
}

/** ", which agency?", ", what kind of remarks": a closing phrase that names the asked kind. */
const CLARIFIED =
  /,\s*(?:and\s+)?(?:which|what)\s+(?:(?:kinds?|sorts?|types?)\s+of\s+)?([a-z][a-z-]*)\s*\??\s*$/i;

/**
 * The noun of a closing "…, which X" or "…, what kind of X" (lower case), where it is a noun
 * WordNet knows and no question filler; null otherwise.
 */
function clarifiedHead(question: string): string | null {
  const noun = CLARIFIED.exec(question)?.[1]?.toLowerCase();
  if (!noun || STOP_WORDS.has(noun) || QUESTION_FILLERS.has(noun) || !isNoun(noun)) return null;
  // "…, which city?", "when was the first coup, what month" are read as a place or a date
  // question already (PLACE_Q, DATE_Q), as counts and lengths are.
  if (namesPlace(noun) || DATE_Q.test(question) || NUMBER_Q.test(question) || DURATION_Q.test(question))
    return null;
  return noun;
}

/** The two alternatives of an "X or Y?" question, lower case, or null. */
function alternativesOf(question: string): string[] | null {
  const m = CHOICE.exec(question);
  if (!m?.[1] || !m[2]) return null;
  const a = m[1].toLowerCase();
  const b = m[2].toLowerCase();
  if (STOP_WORDS.has(a) || STOP_WORDS.has(b) || a === b) return null;
  return [a, b];
}

/** For "what did X do", "what became of X", "how has X been treating…": X as written, or null. */
function predicateSubject(question: string): string | null {
  const m = WHAT_DID_DO.exec(question) ?? BECAME_OF.exec(question) ?? HOW_DID.exec(question);
  // "what did Macron say the Wagner group came to do": the subject is the group, after "say";
  // "came to", "want to" before "do" belong to the predicate asked for.
  const subject = m?.[1]
    ?.replace(/^.*?\b(?:say|said|says|think|thinks|believe|believes|claim|claims)\s+(?:that\s+)?/i, '')
    .replace(/\s+[a-z]+\s+to$/i, '')
    .trim();
  if (!subject || /^(?:many|much|long|often|far)\b/i.test(subject)) return null;
  return subject;
}

/** True for a word WordNet knows as a noun whose first sense is no person ("service", not "spokesman"). */
function isNounNotPerson(word: string): boolean {
  return (
    !STOP_WORDS.has(word) &&
    english.lemmas(word).some((l) => l.pos === 'n') &&
    firstNounClass(word) !== PERSON_CLASS &&
    !TITLE_WORDS.has(word)
  );
}

/** The adjective of a degree question ("how poor is Mali" → "poor"), or null. */
function degreeOf(question: string, answerType: AnswerType): string | null {
  if (answerType !== 'other') return null;
  const m = DEGREE_Q.exec(question);
  const word = m?.[1]?.toLowerCase();
  if (!word || NOT_DEGREE.test(word)) return null;
  return english.lemmas(word).some((l) => l.pos === 'a') ? word : null;
}
