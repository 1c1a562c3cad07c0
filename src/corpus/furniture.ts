import type { ArticleMetadata } from './schema.js';
import { type Span, splitSentences, trimSpan } from './segment.js';
import { comparable } from '../text/normalize.js';
import { termsOf } from '../text/analyzer.js';
import { analyzerFor } from '../text/languages.js';

/** What a paragraph of an article is, for indexing purposes. */
export type BlockKind = 'body' | 'heading' | 'furniture';

/** One paragraph of an article with its classification. */
export interface Block extends Span {
  kind: BlockKind;
  /** Why a block is furniture or a heading, in words a newsroom reader understands. */
  reason?: string;
}

/** Headings that open a sidebar of unrelated stories: everything from them on is furniture. */
const SIDEBAR_HEADING =
  /^(?:les plus (?:lus|partag\u00E9s|populaires)|dans la m\u00EAme rubrique|articles? (?:li\u00E9s|similaires)|sur le m\u00EAme sujet|(?:\u00E0|a) lire aussi|lire aussi|related articles|more to read|more like this|you might also like|most (?:viewed|read|popular|shared|watched)|related (?:stories|articles|content|news|coverage|topics)|read (?:more|next|also)|recommended(?: for you)?|trending(?: now)?|more (?:from|stories|on this|news)|you may (?:also )?like|editor'?s picks|top stories|latest (?:news|stories)|popular (?:now|stories)|(?:\u00E0|a) voir (?:aussi|\u00E9galement)|vous aimerez aussi|nos lecteurs ont (?:aussi )?lu|la r\u00E9daction vous conseille|more on this story|sponsored content|contenus? sponsoris\u00E9s?|promoted stories|recommended by|ads by google|recent posts|recent comments|latest posts|articles r\u00E9cents|derniers articles|commentaires r\u00E9cents|derni\u00E8res publications|publications r\u00E9centes)\b/i;

const NAVIGATION =
  /^(?:\d+\.\s*)?(?:skip to\b|jump to\b|back to top\b|accessibility links$|aller au contenu\b|retour en haut\b|main menu\b|menu$|search$|sign in$|log in$|subscribe$|share$|advertisement$)/i;

const IMAGE_LABEL =
  /^(?:\(?(?:image|photo|picture|cr\u00E9dit photo) credit\b|\(?cr\u00E9dit photo\b|logo\b|content image\b|image\s*[:-]|photo\s*[:-]|picture\s*[:-]|file photo\b|video\s*[:-]|(?:image|media|video) (?:source|caption)\s*[,:]|l\u00E9gende de l['\u2019]image\b|photo d['\u2019]illustration\b|photo(?:graph)? by\b)/iu;

const INFOGRAPHIC = /^(?:infografik|infographic|graphic|grafik|interactive|map|chart)\b/i;

/** A photo credit that ends a caption: "…Image: Name/AGENCY", "…[Name/AFP]", "…. AFP". */
const CAPTION_CREDIT =
  /(?:Image:\s*\S[^.]*$|\[[^\]]*\/[^\]]*\]$|[.!?]\s+(?:AFP|Reuters|AP|EPA|EPA-EFE|Getty Images|Xinhua|Anadolu|Bloomberg|DPA|dpa)(?:\s*\/\s*[\w .-]+)?$|\((?:photo|image|picture):[^)]*\)$)/;

/**
 * Bylines, agency tags and "Source:" lines. The agency list in "ab/cd (AFP, Reuters)" has a
 * separator (a comma, white space or both) between every two names, so each name is matched one
 * way only: `(?:[A-Za-z]+,?\s*)+` could split "AFPReuters" every way, exponential in its length.
 */
const BYLINE =
  /^(?:sources?\s?:\s?(?=\S)|(?:by|par)\s+[A-Z][\w.'-]+(?:\s+[A-Z0-9][\w.'-]*){0,3}(?:(?:,\s*|\s+and\s+|\s+et\s+)[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}){0,3}$|[a-z]{1,4}(?:\/[a-z]{1,4})+\s*\([A-Za-z]+(?:(?:,\s*|\s+)[A-Za-z]+)*,?\s*\)$|\((?:AFP|Reuters|AP|dpa)\)$|with (?:afp|reuters|ap)$|copyright\b|©)/i;

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
/** French month names (and their usual abbreviations), for French date stamps. */
const MOIS =
  '(?:janv(?:ier)?\\.?|f\u00E9vr?(?:ier)?\\.?|fev(?:rier)?\\.?|mars|avr(?:il)?\\.?|mai|juin|juil(?:let)?\\.?|ao\u00FBt|aout|sept(?:embre)?\\.?|oct(?:obre)?\\.?|nov(?:embre)?\\.?|d\u00E9c(?:embre)?\\.?|dec(?:embre)?\\.?)';
/** A weekday, in English or French, as date stamps open with it ("Thursday 17 February 2022", "jeudi 17 février"). */
const WEEKDAY =
  '(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\\.?|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche';
/**
 * A block that is only a date or a "published/updated" stamp, perhaps before a view counter
 * ("2022-08-16 2", "… 104 vues"). An all-caps section label before it ("INTERNATIONAL
 * 31/01/2022") is taken off first, with {@link SECTION_LABEL}.
 */
const DATE_ONLY = new RegExp(
  String.raw`^(?:(?:published|updated|posted|publié|mis à jour)(?: on| le)?:?\s*)?(?:(?:${WEEKDAY}),?\s+)?(?:${MONTH}\.? \d{1,2},? \d{4}|\d{1,2}(?:er)? (?:${MONTH}|${MOIS})\.? \d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{4})(?:[ ,]+(?:à|at|[-\u2013\u2014])?\s*\d{1,2}[:.h]\d{2}(?![^.!?]*\p{Ll}{3,}[^.!?]*[.!?]$).*)?(?:\s+\d+(?:\s*(?:vues|views|comments?|commentaires|reads|lectures))?)?$`,
  'iu',
);

/** An all-caps section label run in front of a date stamp (case-sensitive, unlike DATE_ONLY). */
const SECTION_LABEL = /^\p{Lu}{3,}(?:\s+\p{Lu}{3,}){0,2}\s+(?=\d)/u;

const TERMINAL = /[.!?]["'\u201D\u2019)\u00BB]*$|["\u201D\u00BB]$/;

const DAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const FULL_MONTH =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
/**
 * A month as captions write it: in full, or in the agencies' abbreviations ("Feb.", "Aug.",
 * "Sept.": AP style abbreviates every month of more than five letters).
 */
const CAPTION_MONTH = `(?:${FULL_MONTH}|(?:Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\\.)`;

/**
 * A date stamp run into the start of a line: "date 2022-02-15 …", "Published: 17 Feb 2022 …",
 * "Publié le 17/02/2022 à 10h30 …". Cut off, and the rest of the line classified on its own.
 */
const DATE_STAMP_PREFIX = new RegExp(
  String.raw`^\s*(?:date|published|updated|posted|publié|mis à jour|modifié)(?:\s+(?:on|le))?\s*:?\s+(?:\d{4}(?:-\d{2}(?:-\d{2})?)?|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|${MONTH}\.? \d{1,2},? \d{4}|\d{1,2} ${MONTH}\.? \d{4})(?:\s*(?:at|à|[-\u2013\u2014])?\s*\d{1,2}[:h.]\d{2}(?:\s*[ap]\.?m\.?)?)?(?:,?\s*(?:mis à jour|modifié|updated)(?:\s+(?:le|on))?\s*(?:\d{1,2}[/.]\d{1,2}[/.]\d{2,4})?\s*(?:à|at)?\s*\d{1,2}[:h.]\d{2})?(?:\s+|$|(?<=\d{2}[:h]\d{2})(?=\p{L}))`,
  'iu',
);

/**
 * Furniture run onto the end of a body line: a link to the rest of the article ("… suite de
 * l'article sur RFI", "Read more"), a report credit ("TF1 | Reportage B. Christal"), a photo
 * credit ("© Name / Outlet", "(Photo: AFP)").
 */
const INLINE_SUFFIX: Array<[RegExp, string]> = [
  // A teaser for another story run onto the end of a paragraph: "… le 15 août. Lire aussi : Mali, …".
  [
    /(?<=[.!?\u2026\u00BB\u201D"])\s+(?:(?:\u00C0|A) lire aussi|Lire aussi|Lire \u00E9galement|Voir aussi|Read also|Also read|See also|ALSO READ|LIRE AUSSI)\s*[:>|\u2013\u2014-]\s*\S.{0,200}$/u,
    'teaser for another story',
  ],
  // A wire's end mark after the last sentence: "… à New Delhi. Fin", "… (FIN)", "-30-", "###".
  [/(?<=[.!?\u2026\u00BB\u201D"])\s+\(?(?:Fin|FIN|ENDS?|-30-|###)\)?\.?$/u, "the wire's end mark"],
  [
    /(?:\.{3}|…)?\s*(?:suite de l'article|suite de l’article|lire la suite|la suite sur|read more|continue reading|read (?:the )?full (?:article|story)|full story)\b[^.!?]{0,80}$/iu,
    'link to the rest of the article',
  ],
  [
    /\s(?:[\p{Lu}\d][\p{L}\d'-]*(?: [\p{Lu}\d][\p{L}\d'-]*){0,3}\s)?\|\s*(?:[Rr]eportage|[Rr]eport|[Pp]ar|[Bb]y|[Vv]id\u00E9o|[Vv]ideo|[Tt]exte|[Tt]ext|[Pp]hotos?)\b[^|]{0,80}$/u,
    'report credit',
  ],
  [
    /(?<=[.!?\u2026\u00BB\u201D")\]]|\p{Ll})\s*(?:Sources?|Via)\s?:\s*(?:https?:\/\/\S+|www\.\S+|[^!?:]{1,60})$/u,
    'source credit',
  ],
  [
    /(?<=[.!?\u2026\u00BB\u201D"])\s*\((?:avec|with)?[^()]{0,200}(?<![\p{L}\p{N}_])(?:reporting|writing|editing|compiled|r\u00E9dig\u00E9 par|r\u00E9daction|version fran\u00E7aise|\u00E9dit\u00E9 par|traduit par|translated by)(?![\p{L}\p{N}_])[^()]{0,200}\)\.?$/iu,
    'reporting, writing and editing credits',
  ],
  [
    /(?<=\p{L})\s*\d{1,2}\s*(?:min(?:ute)?s?|mn)\.?\s*(?:read|de lecture)\b[^.!?]{0,60}$/iu,
    'reading time and date stamp',
  ],
  [
    /(?:Auteur|Author|Written by|R\u00E9dig\u00E9 par|Par|By)\s?:\s*\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){0,3}$/u,
    'author line',
  ],
  [
    /(?<=[.!?\u2026\u00BB\u201D"])\s+\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}[\p{L}'-]+){1,2}\s+[-\u2013\u2014,]\s+\p{Lu}[\p{L}'-]+$/u,
    'byline (name and place)',
  ],
  // Initials have a dot between letters or are two letters ("R.A", "J.-M. D.", "JD"): an
  // agency's name ("AFP", and the two-letter "AP" and "AA") is left to AGENCY_TAIL below, which
  // tells a caption's credit from a story's sign-off.
  [
    /(?<=[.!?\u2026\u00BB\u201D"])\s+(?:(?:\p{Lu}\.[\s-]?){1,3}\p{Lu}?\.?|(?!AP$|AA$)\p{Lu}{2})$/u,
    "the writer's initials",
  ],
];

/** A photo caption in the agencies' style: it ends with the day the photo was taken. */
const CAPTION_DATE_END = new RegExp(
  String.raw`,?\s(?:on\s+)?${DAY},\s+${CAPTION_MONTH}\s+\d{1,2},\s+\d{4}\.?$`,
);

/** A credit at the end of a caption: "EFE/EPA/IAN LANGSDON / POOL", "(Name/AP)", "Photo: Name/AFP". */
const CREDIT_END =
  /(?:\b[A-Z]{2,}(?:-[A-Z]{2,})?\/(?:[A-Z]{2,}\/)*[A-Z][A-Z .'-]*[A-Z](?:\s*\/\s*[A-Z]+)?|\([^()]{0,60}\/\s*[\p{L}. -]{2,30}\)|\((?:AP|AFP|Reuters|EPA|Getty Images|Xinhua|Anadolu)\s+(?:photo|Photo)[^()]*\))$/u;

/** Reading times and sharing counters: "·2 min read", "3 minutes de lecture". */
const READ_TIME =
  /^[·•|\-\s]*(?:\d+\s*(?:min(?:ute)?s?|mn)\.?\s*(?:read|de lecture|lecture)\b|(?:temps de lecture|lecture|reading time|read time)\s*:?\s*\d+\s*(?:min(?:ute)?s?|mn)\b)/iu;

/** Wire agencies named on a line of their own, as the second line of a byline. */
const AGENCY_LINE =
  /^(?:the\s+)?(?:associated press|reuters|afp|agence france[- ]presse|ap|efe|dpa|xinhua|anadolu agency|sputnik|ansa|pa media|upi)$/iu;

/** Paywall, subscription, newsletter and app prompts. */
const PROMPT =
  /(?:^(?:already (?:a )?subscribed|already a subscriber|looking to read the full|subscribe (?:now|today|to (?:continue|read))|sign up (?:for|to)|(?:i |je m')?(?:subscribe|abonne)$|abonnez-vous|inscrivez-vous|s'abonner|cet article est réservé|this (?:article|content) is (?:reserved|available|only) (?:for|to) (?:subscribers|members)|download the\b.*\bapp\b|get the\b.*\bapp\b|téléchargez l'application)|\binvites? you to\b|\bnewsletter\b|\bsubscribe to\b|\bsubscriber-only\b)/iu;

/** A teaser for another story printed inside the body. */
const TEASER =
  /^(?:(?:read (?:more|also|next)|also read|related|see also|watch|lire (?:aussi|également)|à lire (?:aussi|également)|voir aussi|sur le même sujet)\s*[:–—>»|-]|(?:read also|also read|see also|lire aussi|à lire aussi|lire également|à lire également|voir aussi)\s+(?=\p{Lu}))/iu;

/**
 * A "Related" label run into the headline it links to ("Related Chad ends defence cooperation
 * with France"): case-sensitive, so that a sentence opening with the word is not taken for one.
 */
const RELATED_TEASER = /^(?:Related|Lire aussi|Voir aussi|Also read|Read also|See also)\s+\p{Lu}/u;

/** A list of tags or topics: "Tags: Mali, France", "Mots-clés :", "#Mali #Barkhane". */
const TAGS =
  /^(?:(?:tags?|tagged|mots[- ]cl\u00E9s|keywords|topics|sujets|th\u00E8mes|th\u00E9matiques)\s*:|#[\p{L}\d_]+(?:[\s,]+#[\p{L}\d_]+)+$)/iu;

/** Reuters-style credits on a line of their own: "(Reporting by …; Editing by …)". */
const REPORTING_CREDIT =
  /^\(?(?:(?:additional )?reporting|writing|editing|compiled|r\u00E9daction|avec la contribution de)\s+(?:by|par|de)\b[^()]*\)?\.?$/iu;

/** A call to action: short, ends with "!", opens with an order or speaks to the reader. */
function isPromotion(s: string): boolean {
  if (!/!\s*$/.test(s) || /["\u201C\u201D\u00AB\u00BB]/.test(s) || wordCount(s) > 12) return false;
  return (
    /^(?:find|discover|take|get|download|join|follow|subscribe|sign up|read|watch|listen|try|install|share|d\u00E9couvrez|rejoignez|suivez|t\u00E9l\u00E9chargez)\b/iu.test(
      s,
    ) || /\b(?:you|your|vous|votre|vos)\b/iu.test(s)
  );
}

/** "(With input from AFP)", "With agencies", "Avec AFP": the agencies a story draws on. */
const AGENCY_CREDIT =
  /^\(?(?:with (?:input|inputs|reporting) from|with|avec|source\s*:)\s+(?:(?:the\s+)?(?:agencies|agences|afp|reuters|ap|associated press|efe|dpa|xinhua|anadolu|ians|pti|apa|mapa?)(?:\s*(?:,|and|et|&)\s*)?)+\)?\.?$/iu;

/** An author's biography line: "Jane Doe is a correspondent for …". */
const AUTHOR_BIO =
  /^[\p{Lu}][\p{L}.'-]+(?:\s+[\p{Lu}][\p{L}.'-]+){1,3}\s+(?:is|est)\s+(?:a|an|the|un|une|le|la|our)\s+(?:[\p{L}-]+\s+){0,4}(?:correspondent|journalist|reporter|editor|writer|columnist|analyst|contributor|journaliste|correspondant|correspondante|r\u00E9dacteur|r\u00E9dactrice|chroniqueur|chroniqueuse)\b/u;

/** Sharing tools printed as text: "Share", "Facebook Twitter WhatsApp", "Partager sur Facebook". */
const SHARE =
  /^(?:(?:share|partager|tweet|email|e-mail|mail|courriel|print|imprimer|copy short url|copy link|copy|copier le lien|short url|facebook|twitter|whatsapp|linkedin|telegram|messenger|reddit|pinterest|flipboard|x)(?:\s+(?:on|sur|this|cet article|article|story))?[\s|\u00B7,/:]*)+$/iu;

/** An embedded social-media post: "pic.twitter.com/…", "— Name (@handle) February 17, 2022". */
const SOCIAL_POST =
  /^(?:A post shared by|Une publication partag\u00E9e par|View this post on|Voir cette publication sur)\b|pic\.twitter\.com\/|\(@\w{1,30}\)\s+\p{L}+\s+\d{1,2},\s+\d{4}$|^\u2014\s.*\(@\w{1,30}\)|(?:^|\s)https?:\/\/t\.co\/\w+(?:\s+(?:[#@][\p{L}\d_]+|https?:\/\/t\.co\/\w+))*\s*$/u;

/** Messages of a video player, screen-reader labels, ads and cookie notices. */
const PLAYER_OR_NOTICE =
  /^(?:your browser (?:does not|doesn't) support|this video (?:is|can|has)|please enable javascript|video (?:player|unavailable)|play video|watch the video|regarder la vid\u00E9o|(?:watch|regarder) (?:on|sur) youtube\b|votre navigateur ne|article content$|contenu de l'article$|story continues below|continue reading below|advertisement$|skip advertisement|publicit\u00E9$|sponsored$|ad$|(?:we|this (?:site|website)) uses? cookies|nous utilisons des cookies|ce site utilise des cookies|accept(?:er)? (?:all )?(?:the )?cookies|all rights reserved|tous droits r\u00E9serv\u00E9s|(?:error\s*:\s*)?content is protected\b|contenu prot\u00E9g\u00E9(?![\p{L}\d_]))/iu;

/** A stamp of when the page was updated or published, with no sentence around it. */
const UPDATE_STAMP =
  /^[|\u00B7\u2022\s-]*(?:last\s+)?(?:updated|published|posted|mis \u00E0 jour|publi\u00E9|modifi\u00E9)(?![\p{L}\d_]).{0,50}(?:\d{1,2}[:h]\d{2}|\bago\b|\bil y a\b|\d{4})\s*(?:[ap]\.?m\.?|gmt|utc|cet|cest)?\.?$/iu;

/**
 * An author's name in front of a "published" or "updated" stamp: one to five capitalised words
 * (particles of names between them), perhaps after "By"/"Par", then a comma, a bar, a dot or a dash.
 */
const NAME_BEFORE_STAMP =
  /^(?:(?:By|by|BY|Par|par|PAR)\s+)?\p{Lu}[\p{L}.'\u2019-]*(?:\s+(?:(?:de|du|da|van|von|el|al|ben|ould|le|la)\s+)?\p{Lu}[\p{L}.'\u2019-]*){0,4}\s*[,|\u00B7\u2022\u2013\u2014-]?\s*(?=(?:[Ll]ast\s+)?(?:[Uu]pdated|[Pp]ublished|[Pp]osted|[Mm]is \u00E0 jour|[Pp]ubli\u00E9|[Mm]odifi\u00E9)(?![\p{L}\d_]))/u;

/** The words of a photo caption: who stands where in the picture, what it shows. */
const CAPTION_WORDS =
  /\b(?:is|are) (?:seen|pictured)\b|\bgestures?\b (?:as|while|during)|\blooks on\b|\bposes? for\b|\(\s*(?:\d(?:st|nd|rd|th)\s+)?(?:L|R|C|\d-[LR]|left|right|centre|center)\s*\)|\bin this (?:file )?(?:photo|picture|image)\b|\bfile (?:photo|picture|image)\b|\bphoto(?:graph)?s? taken\b|\bphoto(?:graphie)?s? prises?\b|\bphoto d'archives\b|\(\s*(?:photo|image)\s+(?:by|de)\b/iu;

/** An author's box: "À propos de Jane Doe - Rédactrice en chef à …", "About Jane Doe, editor …". */
const AUTHOR_BOX =
  /^(?:\u00C0 propos de|A propos de|About)\s+\p{Lu}[^.]{0,80}?\s[-\u2013,]\s*(?:[Rr]\u00E9dact\p{L}*|[Jj]ournaliste|[Cc]orrespondant\p{L}*|[Cc]hroniqueu\p{L}*|[Ee]ditor|[Rr]eporter|[Ww]riter|[Jj]ournalist|[Cc]orrespondent)\b/u;

/** An image's markup printed as text: "<image>data:image/png;base64,… alt="…"</image>". */
const IMAGE_MARKUP = /^<image>.*<\/image>$|^<img\b[^>]*>$|\bdata:image\//u;

/**
 * A line that is a file or image name, or a picture's address or path left by its markup:
 * "google-play-badge_FR", "IMG_2041.jpg", "/2023/06/30/649f0533f40ca_000-33lv3te.jpg)",
 * "![photo](https://…/a.png)". No white space: a sentence has some.
 */
const FILE_NAME =
  /^[\w.-]*(?:_[\w.-]*|\.(?:jpe?g|png|gif|webp|svg))$|^[\w./%~:-]*\/[\w./%~-]*\.(?:jpe?g|png|gif|webp|svg|avif)(?:\?\S*)?\)?$|^!\[[^\]]*\]\([^()\s]+\)$/iu;

/** The comment form and its notices: "Leave a Reply", "Les commentaires sont désactivés". */
const COMMENTS =
  /^(?:leave a (?:reply|comment)|post a comment|add a comment|(?:show|view|hide|voir|afficher|masquer) (?:all |les )?(?:comments?|commentaires?)\b|\d+\s+(?:comments?|commentaires?)$|comments?$|commentaires?$|laisse[rz] un commentaire|ajoute[rz] un commentaire|your email address will not be published|votre adresse (?:e-mail|email|de messagerie) ne sera pas publi\u00E9e|required fields are marked|no comments yet\b|be the first to comment\b|soyez le premier \u00E0 (?:commenter|r\u00E9agir)\b|aucun commentaire\b)|\bcomments? (?:are|is) (?:closed|disabled)\b|\bcommentaires sont (?:ferm\u00E9s|d\u00E9sactiv\u00E9s|clos)\b/iu;

/** A news feed's footer naming where the story first ran (WordPress prints it in both languages). */
const FEED_FOOTER =
  /^(?:l['\u2019]article|the post)\s.+\s(?:est apparu en premier sur|appeared first on)\s.+$/iu;

/**
 * Paywall, login and subscription wording, anywhere in a short line: "Cet article est réservé
 * aux abonnés", "Gain unlimited access", "Vous avez un compte ? Connectez-vous".
 */
const PAYWALL =
  /r\u00E9serv\u00E9e? (?:aux|\u00E0 nos) abonn\u00E9s|\bfor subscribers only\b|\bsubscribers only\b|\bsubscriber-only\b|\bpour acc\u00E9der \u00E0 cet article\b|\bto (?:read|access) (?:this|the full) (?:article|story)\b|\bunlimited access\b|\blimit of free articles\b|\bfree trial\b|\barticles? gratuits?\b|\bessai gratuit\b|\bacc\u00E8s illimit\u00E9(?![\p{L}\d_])|\byou still have \d+\s?% to\b|\bil vous reste \d+\s?%|\bconnectez-vous\b|\bse connecter\b|\blog ?in\b|\bsign ?in\b|\balready (?:a )?(?:subscriber|subscribed|registered)\b|\bd\u00E9j\u00E0 abonn\u00E9|\bvous avez (?:d\u00E9j\u00E0 )?un compte\b|\bhave an account\b|\bcr\u00E9ez (?:un|votre) compte\b|\bcreate (?:an|your) account\b/iu;

/**
 * The paywall notices after which a page prints no more of the article: what follows (offers,
 * login, comments) is furniture too, whatever its shape.
 */
const PAYWALL_END =
  /r\u00E9serv\u00E9e? (?:aux|\u00E0 nos) abonn\u00E9s|\bfor subscribers only\b|\bsubscribers only\b|\blooking to read the full\b|\breached your limit\b|\bvous avez atteint (?:la|votre) limite\b|\byou still have \d+\s?% to\b|\bil vous reste \d+\s?%|\bla suite est r\u00E9serv\u00E9e\b|\bpour lire la suite\b|\bto continue reading\b|\bpour acc\u00E9der \u00E0 cet article\b/iu;

/** The vocabulary of a subscription, English and French (subscriber, subscription, abonné, abonnement). */
const SUBSCRIPTION_WORD =
  /(?<![\p{L}\p{N}_])(?:subscri(?:be|bed|bers?|ptions?)|abonn(?:é|ée|és|ées|ement|ements|ez|er))(?![\p{L}\p{N}_])/iu;

/** Verbs a call to action opens with, in English and French (imperatives). */
const CTA_VERB =
  /^(?:find out|click|cliquez|tap|appuyez|read|lisez|discover|d\u00E9couvrez|subscribe|abonnez-vous|sign up|inscrivez-vous|register|download|t\u00E9l\u00E9chargez|follow|suivez|retrouvez|watch|regardez|listen|\u00E9coutez|join|rejoignez|get|obtenez|try|essayez|share|partagez|support|soutenez|gain|profitez)\b/iu;
/** What a call to action points at: the site, an article, an app, an account. */
const CTA_OBJECT =
  /\b(?:ici|here|article|story|stories|newsletter|app|application|source|site|website|link|lien|subscription|abonnement|access|acc\u00E8s|account|compte|contenus?|content|podcasts?|videos?|vid\u00E9os?|channel|cha\u00EEne|whatsapp|telegram|updates|alerts|alertes|news|actualit\u00E9s|offer|offre|coverage|couverture)\b|https?:\/\/|www\./iu;

/**
 * A line of metadata fields between separators: "Jane Doe | 13/06/2024 | 104 vues", "AFP ·
 * 17 Feb 2022 · 3 min". Every field is short and one is a date, a time or a count.
 */
function isMetaLine(s: string): boolean {
  const parts = s.split(/\s+[|\u00B7\u2022/]\s+|\s*\|\s*/).filter((x) => x.trim() !== '');
  if (parts.length < 2 || parts.some((x) => wordCount(x) > 4)) return isBylineDashDate(s);
  return parts.some((x) => /^\d[\d/.:,-]*(?:\s*\p{L}{1,10})?$|\d{1,2}[:h]\d{2}|\b\d{4}\b/u.test(x.trim()));
}

/**
 * A byline and a date stamp joined by a dash: "Jane Doe – 17 février 2022", "Par Jane Doe - 17
 * février 2022 à 10h35". The name is capitalised words, the date a date stamp of its own.
 */
function isBylineDashDate(s: string): boolean {
  const m =
    /^(?:(?:par|by)\s+)?(\p{Lu}[\p{L}.'\u2019-]*(?:\s+\p{Lu}[\p{L}.'\u2019-]*){0,3})\s+[-\u2013\u2014]\s+(.+)$/iu.exec(
      s,
    );
  if (!m || !/^\p{Lu}/u.test(m[1]!)) return false;
  return DATE_ONLY.test(m[2]!.trim());
}

/**
 * Who took a picture and for whom, by the shape credits share rather than by a list of agencies:
 * two names or acronyms joined by a slash after the caption's last sentence, either way round
 * ("… au Mali. RFI/Olivier Fourt", "… Gao. Jane Doe/Reuters", "… 2025. Russian Defense Ministry /
 * TASS"). A story's sentence never ends on a slashed pair of names, so the line is a caption.
 */
const SLASHED_NAMES_TAIL =
  /(?<=[.!?)\u00BB\u201D])\s+(?:\p{Lu}{2,6}|\p{Lu}[\p{L}.'-]+(?:\s+\p{Lu}[\p{L}.'-]+){0,3})\s*\/\s*(?:\p{Lu}{2,6}|\p{Lu}[\p{L}.'-]+(?:\s+\p{Lu}[\p{L}.'-]+){0,3})$/u;

/**
 * A photo credit closing a line: "AP Photo/Jerome Delay", "/ AFP / Daphné BENOIT", "Photo: Name/
 * AFP", "© Name / Outlet", "(Photo: AFP)", or a parenthesis after the last full stop ("…7 August).
 * (Armée Française - Opération Barkhane)", "(Reporting by …)").
 */
const CREDIT_TAIL: RegExp[] = [
  /(?:^|\s)\(?(?:AP|AFP|Reuters|EPA|Getty Images|Xinhua|Anadolu|Sipa|Bloomberg)\s+Photo\s*\/\s*\p{L}[\p{L} .'-]{1,40}\)?$/u,
  /(?:^|\s)\/\s*(?:AFP|AP|Reuters|EPA|Xinhua|Anadolu)\s*\/\s*\p{L}[\p{L} .'-]{1,40}$/u,
  /(?<=[.!?])\s+(?:REUTERS|AFP|AP|EPA|XINHUA|ANADOLU)\/\p{Lu}[\p{L} .'-]{1,40}$/u,
  /(?<=[.!?])\s+Photos?\s+(?:AFP|AP|Reuters|EPA|DR|Xinhua|Anadolu|Getty Images)$/u,
  /\((?:AP|AFP|Reuters) Photo\/[^()]{2,60}\)$/u,
  /(?:^|\s)\(?(?:Photo by\s+)?[\p{Lu}][\p{L} .'-]{1,40}\/(?:AFP|AP|Reuters|EPA|Pool)\s+via\s+Getty Images\)?$/u,
  /(?<=[.!?])\s+\/\s*(?:AFP|AP|AA|EPA|DPA|Reuters|Xinhua|Anadolu|Getty Images|Sipa|\p{Lu}{2,5})$/u,
  // The credit may name a web address ("Photo: mil.ee"): a dot inside a word is no full stop.
  /(?:^|\s)(?:Photos?|Cr\u00E9dit photo|Photo credit|Image credit|Credit)\s?:\s*(?:[^.!?:]|\.(?=[\p{L}\d])){2,60}$/u,
  /(?:^|\s)(?:(?:Video|Vid\u00E9o|Photo|Image|Footage|Images?)\s+)?(?:courtesy|avec l'aimable autorisation)(?:\s+of|\s+de)?\s?:?\s*[^.!?:]{2,60}$/iu,
  /(?:^|\s)(?:\u00A9|\(c\))\s*[^.!?\u00A9]{1,60}$/iu,
  /(?:^|\s)\((?:photo|image|picture|cr\u00E9dit photo|credit)s?\s*(?:credit)?\s*:[^()]{1,60}\)\.?$/iu,
  /(?<=\p{Ll}\.|\d\.)\p{Lu}\p{Ll}+(?:\s+\p{Lu}[\p{Ll}'-]+){1,2}$/u,
  /(?<=[.!?\u2026\u00BB\u201D"])\s+\((?![^()]*[.!?]\))(?![.\u2026\s]*\))[^()]{2,80}\)\.?$/u,
  // A photographer's credit: "File Photo by H. Diakite/EPA-EFE", "Photo by Jane Doe/AFP".
  /(?:^|\s)(?:File\s+)?Photos?\s+(?:by|de|par)\s+\p{Lu}[\p{L}.' -]{1,40}(?:\s*\/\s*\p{Lu}[\p{L}-]{1,20}){1,3}$/u,
  // A picture agency's name in square brackets after the last sentence: "… an investigation. [Getty]".
  /(?<=[.!?\u2026\u00BB\u201D"])\s+\[(?:Getty Images|Getty|AFP|AP|Reuters|EPA|EPA-EFE|Anadolu|AA|Xinhua|Sipa|Pool)\]$/u,
  // A label naming the picture, then who took or owns it, in the forms outlets share ("Picture:
  // AFP", "Crédit : AFP", "Illustration : AFP", "[Photo: AFP]", "(photo AFP)", "(Crédits : AFP)",
  // "Photograph: Jane Doe/AFP/Getty Images", "PHOTO JANE DOE / AFP", "Photo AFP / Jane Doe").
  // Without a colon only the words for a photo open it: "… said Credit Agricole" is a sentence.
  /(?:^|\s)[([]?(?:[Pp]hoto(?:graph)?s?|PHOTOS?|[Pp]ictures?|[Ii]mages?|[Ii]llustration|[Cc]r\u00E9dits?(?: [Pp]hotos?)?|[Cc]redits?|[Vv]isuel)\s*:\s*(?:\u00A9\s*)?\p{Lu}[\p{L}.'-]*(?:[\s/,-]+\p{Lu}[\p{L}.'-]*){0,5}\s*[)\]]?$/u,
  /(?:^|\s)[([]?(?:[Pp]hotos?|PHOTOS?)\s+(?:\u00A9\s*)?\p{Lu}[\p{L}.'-]*(?:[\s/,-]+\p{Lu}[\p{L}.'-]*){0,5}\s*[)\]]?$/u,
  // A photographer and a picture agency joined by a slash after the sentence: "… Gao. Jane Doe/Reuters".
  /(?<=[.!?])\s+\p{Lu}[\p{L}.'-]+(?:\s+\p{Lu}[\p{L}.'-]+){0,3}\s*\/\s*(?:AFP|AP|Reuters|REUTERS|EPA|EPA-EFE|Xinhua|Anadolu|Sipa|Getty Images|Pool|Bloomberg|DPA|dpa)$/u,
  // A photographer named the agencies' way, surname in capitals, then the agency, after the
  // caption's last full stop (glued or not): "… July 14, 2021.Lewis JOLY (AP)", "… Gao. Jane DOE / AFP".
  /(?<=[.!?])\s*\p{Lu}[\p{Ll}'-]+(?:[\s-]\p{Lu}[\p{Ll}'-]+)?\s+\p{Lu}{2,}(?:[\s-]\p{Lu}{2,})?\s*(?:\/\s*|\()(?:AFP|AP|Reuters|REUTERS|EPA|EPA-EFE|EFE|Xinhua|Anadolu|AA|Sipa|Pool|Getty Images)\)?$/u,
  SLASHED_NAMES_TAIL,
  // A picture agency in brackets, or an agency after a bar: "… in Gao (Getty Images)", "… Gao. | AFP".
  /\s\((?:Getty Images|Shutterstock|Alamy|Sipa Press|Abaca|MaxPPP|Hans Lucas)\)$/u,
  /(?<=[.!?])\s+\|\s*(?:AFP|AP|Reuters|EPA|EPA-EFE|Xinhua|Anadolu|AA|Getty Images)$/u,
];

/**
 * An agency's name alone after the last full stop ("… in Paris on Monday. AFP", "… — Reuters"):
 * under one short sentence it credits a photo, so the line is a caption; after a paragraph it
 * signs the story off and only the name is cut.
 */
const AGENCY_TAIL =
  /(?<=[.!?\u2026\u00BB\u201D"])(?:\s+(?:[-\u2013\u2014]\s*)?|[-\u2013\u2014]\s*)\(?(?:AFP|AP|AA|Reuters|EFE|DPA|dpa|Xinhua|APA|MAP|ATS|Belga|ANSA|Anadolu|PTI|IANS)\)?\.?$/u;

/**
 * The words of a caption: what a picture shows ("photograph", "image", "pictured", "Ici une
 * évacuation…"), or the day the photo was taken closing its first sentence, as agencies write it
 * ("…in Gao, Mali Wednesday June 9, 2021.", never "on Wednesday").
 */
const PICTURE_WORDS =
  /\b(?:photo(?:graph)?s?|pictures?|pictured|images?|illustration|clich\u00E9s?|en photo|photo d'archives)\b|(?:^|[.!?]\s+)(?:Ici|Here),?\s/iu;
const PHOTO_DATE = new RegExp(
  String.raw`(?<!\b(?:on|since|until|by|from|of|to|before|after|in|at|during|through))\s+(?:,\s*)?${DAY},?\s+${CAPTION_MONTH}\s+\d{1,2},\s+\d{4}\.(?:\s|$)`,
  'u',
);

/**
 * The day a photo was taken, appended to its caption's sentence after a comma, as agencies date
 * pictures ("… patrol in Timbuktu, Mali, December 8, 2021.", "… in Bamako, on February 19,
 * 2022.", "… during his trip to Toulon (Var), November 9, 2022."): prose dates an event inside its sentence ("left on May 14, 2017."), with no comma
 * setting the date apart.
 */
const PHOTO_DATE_COMMA = new RegExp(
  String.raw`(?<=\p{L}|\p{L}\))(?<!\b${DAY}),\s+(?:on\s+)?${CAPTION_MONTH}\s+\d{1,2},\s+\d{4}\.(?:\s|$)`,
  'u',
);

/**
 * The day a picture was taken closing its caption's one sentence, "… in Timbuktu on December 8,
 * 2021.": agencies caption a picture in the present ("UN policemen escort…", "Soldiers
 * parade…"), so a line whose verbs are in the past or the future ("The closure will begin on
 * January 1, 2024.", "The last soldiers left on August 15, 2022.") is prose. The test of the
 * tenses is {@link PAST_OR_FUTURE}.
 */
const PRESENT_CAPTION_DATE = new RegExp(
  String.raw`\bon\s+(?:${DAY},?\s+)?${CAPTION_MONTH}\s+\d{1,2},\s+\d{4}\.$`,
  'u',
);
/**
 * A verb in the past or the future, in English: an auxiliary, a common irregular past, or a
 * word in -ed that no determiner precedes ("the armed forces", "an armoured car" are adjectives).
 */
const PAST_OR_FUTURE =
  /\b(?:was|were|had|has|have|will|would|did|been|said|says|left|took|came|went|met|made|gave|held|began|flew|fled|fell|saw|sent|spent|told|won|lost|brought|fought|led|quit|struck|kept|became|ran|withdrew|drew|rose|sought|thought|knew|found|felt|paid|put|set|cut|hit|shot)\b|(?<!\b(?:the|a|an|its|his|her|their|our|this|that|these|those|of|and|with|by)\s+)\b\p{Ll}{2,}ed\b/iu;

/**
 * A label run into the start of a line, naming what the block holds: "IMAGES …", "VIDÉO …", or
 * a medium's name glued to the first word with no space ("VidéoLe gouvernement…").
 */
const MEDIA_LABEL =
  /^(?:Vid\u00E9o|Video|Photos?|Audio|Podcast|Infographie|Diaporama)(?=\p{Lu}\p{Ll})|^(?:IMAGES|VID\u00C9OS?|VIDEOS?|PHOTOS?|AUDIO|LIVE|EN DIRECT|DIRECT|EXCLUSIF|EXCLUSIVE|BREAKING|URGENT|INFOGRAPHIE|REPORTAGE|ANALYSE|ANALYSIS|OPINION|TRIBUNE|INTERVIEW|ENTRETIEN|D\u00C9CRYPTAGE|WATCH|PODCAST)\s*[:|\u2013\u2014-]?\s+(?=\p{Lu})/u;

/**
 * Outlets credited in front of the first sentence, "Iran Press/ Le Monde: …": names joined by a
 * slash, then a colon. A dateline ("PARIS (AP) —") has no slash and is kept with its sentence.
 */
const SOURCE_PREFIX =
  /^\p{Lu}[\p{L}\d.'-]*(?:\s\p{Lu}[\p{L}\d.'-]*){0,3}\s?\/\s?\p{Lu}[\p{L}\d.'-]*(?:\s\p{Lu}[\p{L}\d.'-]*){0,3}\s?:\s+(?=\p{Lu})/u;

/**
 * A byline run in front of a wire dateline: "par Thiam Ndiaga OUAGADOUGOU (Reuters) - …", "By Jane
 * Doe PARIS (AP) — …". Case-sensitive: the name's words are capitalised, the place in capitals,
 * then the agency in brackets and a dash; the dateline stays with its sentence.
 */
const BYLINE_BEFORE_DATELINE =
  /^(?:par|Par|by|By)\s+\p{Lu}[\p{Ll}'\u2019-]+(?:\s+\p{Lu}[\p{Ll}'\u2019-]+){0,3}\s+(?=\p{Lu}{3,}(?:[\s-]\p{Lu}{2,})*,?\s*(?:\p{Lu}[\p{L}.]*\s*)?\([^()]{2,30}\)\s*[-\u2013\u2014])/u;

/** A stamp of how long ago, on a line of its own: "3 months ago", "il y a 2 heures". */
const RELATIVE_TIME =
  /^(?:(?:\d+|an?|one)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago|il y a\s+\d+\s+(?:secondes?|minutes?|heures?|jours?|semaines?|mois|ans?))$/iu;

/** A control of the page's reader closing a line: "… Show more", "… Voir plus". */
const UI_TAIL =
  /(?:^|\s)(?:show more|see more|voir plus|afficher plus|lire plus|en savoir plus|show less)\s*$/iu;

/** A byline with agency, or initials with agency: "H. Le. (Avec AFP)", "Jane Doe (AFP)". */
const NAMED_AGENCY_CREDIT =
  /^(?:\p{Lu}[\p{L}.'-]*\s*){1,4}\((?:avec|with)?\s*(?:afp|reuters|ap|associated press|efe|dpa|xinhua|anadolu|ats|belga|apa|mapa?|agences|agencies)(?:\s*(?:,|et|and|&)\s*(?:afp|reuters|ap|efe|dpa|ats|belga))*\)$/iu;

/** Tokens of a page's script printed as text ("document.createElement(", "});", "var x ="). */
const CODE_TOKEN =
  /\bfunction\s*\(|\bconsole\.\w+\(|\bdocument\.\w+|\bwindow\.\w+|\bvar\s+\w+\s*=|\blet\s+\w+\s*=|\bconst\s+\w+\s*=|\.push\(|\.setAttribute\(|\.appendChild\(|\}\s*\)\s*;|\)\s*;\s*\}|\bif\s*\([^)]*[=!]==?/g;

/**
 * A news feed's item: a time of day run into the section, or followed by a section and a dash,
 * then the headline of another story ("17:23Monde - Nouvelles pluies…", "07:00 Auto - Japon…").
 * Taken as furniture only where the page prints two or more lines of this shape (a feed), never
 * on one line alone; a live blog's entries ("10:30 French troops crossed…") are not of this shape.
 */
const FEED_ITEM = /^\d{1,2}[:h]\d{2}(?:(?=\p{Lu})|\s*\p{Lu}[\p{L}-]*\s+[-\u2013\u2014|]\s)/u;

/** A video's duration alone on its line: "01:03", "1:02:33". */
const DURATION_ALONE = /^\d{1,2}:\d{2}(?::\d{2})?$/u;

/** A web address alone on its line, with or without its scheme: "military.africa/2020/09/…". */
const WEB_ADDRESS =
  /^(?:https?:\/\/)?(?:www\.)?[\p{L}\d-]+(?:\.[\p{L}\d-]+)+\/\S*$|^(?:https?:\/\/|www\.)\S+$/u;

/** A link to another story marked by an arrow: "> Mali : près de 300 civils tués…", "→ Read". */
const LINK_MARKER = /^[>\u203A\u2192\u25B6\u25BA\u27A4]\s*\p{Lu}/u;

/**
 * A caption labelled by a bracketed word closing it: "Retrait de Barkhane de Tessalit (Archives)",
 * "… (illustration)", "… (file photo)". Only on a line with no sentence punctuation before it.
 */
const CAPTION_LABEL_END =
  /\((?:archives?|photo d['\u2019]archives|file(?: photo| picture)?|illustration|photo|image|picture)\)\.?\s*$/iu;

/**
 * A credit line of names joined by slashes, as printed under a picture: "Ludovic Marin/AFP/Getty
 * Images", "Jane Doe / Reuters". Every part is capitalised words; no verb, no punctuation.
 */
const SLASHED_CREDIT =
  /^\p{Lu}[\p{L}.'\u2019-]*(?:\s+\p{Lu}[\p{L}.'\u2019-]*){0,3}(?:\s*\/\s*\p{Lu}[\p{L}.'\u2019-]*(?:\s+\p{Lu}[\p{L}.'\u2019-]*){0,3})+$/u;

/**
 * The heading of an author's box, with the author's count of articles: "About Geraldine Boechat
 * 2664 Articles" (a subheading "About Operation Barkhane" has no count). The block right after it,
 * when it reads as a biography (a job in journalism), is part of the box.
 */
const AUTHOR_BOX_HEADING =
  /^(?:[Aa]bout the [Aa]uthors?|ABOUT THE AUTHORS?|[Tt]he [Aa]uthors?|[\u00C0A] propos de l['\u2019]auteur(?:e)?|[Ll]['\u2019]auteur(?:e)?|[Ss]ur l['\u2019]auteur(?:e)?)\s*:?$|^(?:About|\u00C0 propos de|A propos de)\s+\p{Lu}[\p{L}'\u2019-]+(?:\s+\p{Lu}[\p{L}'\u2019-]+){0,3}\s+\d[\d\s,.]*\s*(?:[Aa]rticles?|[Pp]osts?|[Pp]ublications?|[Ss]tories)$/u;

/** A word naming a medium, alone on its line: the label over a picture, a caption or a video. */
const MEDIA_WORD_ALONE =
  /^(?:caption|l\u00E9gende|photos?|images?|pictures?|videos?|vid\u00E9os?|gallery|galerie|diaporama|slideshow|illustration|archives?|(?:photo|image) d['\u2019](?:archives|illustration))\s*[:.]?$/iu;

/**
 * A caption opened by its credit, an agency and the photographer or source joined by a slash, then
 * a dash: "AFP/Jane Doe - French soldiers patrol…", "AFP / ETAT MAJOR DES ARMEES - This photograph…".
 * A story's dateline names its agency in brackets ("PARIS (AP) —"), never with a slash.
 */
const CREDIT_FIRST =
  /^(?:AFP|AP|Reuters|REUTERS|EPA|EPA-EFE|Xinhua|XINHUA|Anadolu|AA|Sipa|Getty Images)\s*\/\s*\p{Lu}[\p{L} .'-]{1,40}?\s+[-\u2013\u2014]\s+\p{Lu}/u;

/** A byline naming the writer and the agency: "Jane Doe, AFP", "Jane Doe avec AFP". */
const NAME_COMMA_AGENCY =
  /^\p{Lu}[\p{L}.'\u2019-]+(?:\s+\p{Lu}[\p{L}.'\u2019-]+){1,3}(?:,\s*|\s+(?:avec|with|pour|for)\s+)(?:AFP|AP|Reuters|EFE|DPA|dpa|Xinhua|Anadolu|APA|ATS|Belga|ANSA|l['\u2019]AFP)$/u;

/** What is left of a dateline whose place the page set apart: "(AFP) -", "(Reuters) —". */
const LONE_DATELINE = /^\((?:AFP|AP|Reuters|EFE|DPA|Xinhua|Anadolu|APA|ATS)\)\s*[-\u2013\u2014]?$/u;

/**
 * Who reports and from where, on a line of its own: "Notre correspondant à Dakar", "Envoyé spécial
 * à Gao", "Jane Doe, envoyée spéciale à Gao", "Our correspondent in Bamako".
 */
const CORRESPONDENT_LINE =
  /^(?:\p{Lu}[\p{L}.'\u2019-]+(?:\s+\p{Lu}[\p{L}.'\u2019-]+){0,3},?\s+)?(?:(?:de |par )?(?:notre|nos|our)\s+)?(?:correspondante?s?|correspondents?|envoy\u00E9e?s?\s+sp\u00E9ciale?s?|special correspondents?|special envoy)\s+(?:\u00E0|au|aux|en|in|at|to)\s+\p{Lu}[\p{L}'\u2019-]+(?:\s+\p{Lu}[\p{L}'\u2019-]+)?$/iu;

/**
 * A caption opened by the words that point at its picture: "Pictured: …", "Above: …", "Top: …",
 * "Ci-dessus : …", "Sur la photo, …", "In the picture, …". An English pointer needs its colon
 * ("Above all, …" is prose).
 */
const CAPTION_OPENER =
  /^(?:(?:Pictured|Above|Below|Top|Left|Right|Inset|Main (?:image|picture|photo))\s*:|(?:Ci-dessus|Ci-contre|Ci-dessous|En photo|Sur (?:la|cette) photo|Sur (?:l['\u2019]|cette )image|In the (?:picture|photo|image)|On the (?:picture|photo|image))\s*[:,])\s*\p{L}/u;

/** A handout picture, or a picture dated the day it was taken: "This handout picture released by …", "A picture taken on June 9, 2021 shows …". */
const HANDOUT_OR_TAKEN =
  /\bhandout (?:photo|picture|image)s?\b|\b(?:photo|picture|image)s? taken on\s+(?:\p{L}+\s+)?\d/iu;

/** A video's or a gallery's title, labelled: "VIDÉO. Les soldats quittent Gao", "Vidéo : …", "IN PICTURES: …". */
const MEDIA_TITLE =
  /^(?:VID\u00C9OS?|VIDEOS?|Vid\u00E9os?|Videos?|EN IMAGES|En images|IN PICTURES|In pictures|PHOTOS|Photos|DIAPORAMA|Diaporama|PODCAST|Podcast)\s*[.:|\u2013\u2014-]\s*\p{L}/u;

/** A file picture's caption in the agencies' style: "FILE - French soldiers patrol …". */
const FILE_CAPTION = /^(?:FILE|ARCHIVES)\s*(?:PHOTO)?\s*[-\u2013\u2014:]\s+\p{Lu}/u;

/** A job in journalism, as an author's biography names it. */
const JOURNALISM_JOB =
  /\b(?:editor|journalist|reporter|correspondent|writer|columnist|r\u00E9dact(?:eur|rice)|journaliste|correspondante?|chroniqueu(?:r|se))\b/iu;

/** A control of the page on a line of its own: "Find out more", "Lire la suite", "Voir plus". */
const READER_CONTROL =
  /^(?:find out more|read more|learn more|see more|show more|en savoir plus|lire la suite|voir plus|afficher plus|lire plus)\b(?:\s+(?:about|on|sur|de|du|des)\b.*)?[\s.:>\u2026\u00BB\u203A\u2192]*$/iu;

/** A credit line of its own: "(Crédit : AFP)", "Crédits photo : AFP", "Illustration : AFP", "Photo AFP". */
const CREDIT_LINE =
  /^\(?(?:[Cc]r\u00E9dits?(?: [Pp]hotos?)?|[Pp]hotos?|[Ii]llustration|[Ii]mage|[Vv]isuel)\s*:?\s*(?:\u00A9\s*)?[\p{Lu}][^.!?]{0,50}\)?$/u;

/** Who contributed to a wire story: "Associated Press writer Jane Doe in Bamako contributed to this report." */
const CONTRIBUTION =
  /\bcontributed (?:to this (?:report|story|article)|reporting|additional reporting)\b|\bcontributed from\b/iu;

/**
 * A republication or editor's note: "This article was originally published on …", "This African
 * News article was originally published on this site", "Editor's note: …".
 */
const EDITORS_NOTE =
  /^(?:(?:editor['\u2019]?s note|note de la r\u00E9daction|ndlr|disclaimer|avertissement)\s*:|(?:originally|first) published (?:at|on|in|by)\s+\S|this (?:[\p{L}.'\u2019-]+\s+){0,3}(?:article|story|piece|post) (?:was|is|has been) (?:originally |first )?(?:published|republished)\b|(?:cet article|cette d\u00E9p\u00EAche) (?:a \u00E9t\u00E9 |est )(?:initialement |d['\u2019]abord )?(?:publi\u00E9e?|paru)\b|our standards\s*:)/iu;

/** A staff byline: "Rédaction Africanews", "La rédaction", "Jane Doe, Correspondent". */
/** A first name (or two) and a surname in capitals, alone: "Manassé AGBOSSAGA", "Jean-Yves LE DRIAN". */
const NAME_WITH_SURNAME_IN_CAPITALS =
  /^\p{Lu}\p{Ll}[\p{Ll}'\u2019-]*(?:[\s-]\p{Lu}\p{Ll}[\p{Ll}'\u2019-]*)?\s+\p{Lu}{2,}(?:[\s-]\p{Lu}{2,}){0,2}$/u;

const STAFF_BYLINE =
  /^(?:(?:[Ll]a )?[Rr]\u00E9daction(?:\s+\p{Lu}[\p{L}\d.'-]*){0,3}|\p{Lu}[\p{L}.'-]+(?:\s+\p{Lu}[\p{L}.'-]+){1,3},\s*(?:(?:[Ss]enior|[Cc]hief|[Ss]pecial|[Ss]taff|[Dd]eputy|[Gg]rand|[Ee]nvoy\u00E9e?s? [Ss]p\u00E9ciale?s?)\s+)?(?:[Cc]orrespondent|[Rr]eporter|[Ww]riter|[Ee]ditor|[Jj]ournalist|[Cc]orrespondante?|[Jj]ournaliste|[Rr]\u00E9dact(?:eur|rice))(?:\s+(?:in|at|\u00E0|en)\s+\p{Lu}[\p{L}-]+)?)$/u;

/**
 * A writer's name and the outlet written for, alone on a line: "Mamadou Baïlo Keïta pour
 * Guinéematin", "Jane Doe for Al Jazeera". Every word of the name and of the outlet capitalised,
 * so that a subheading ("Un avenir pour Bamako", "A future for Gao") is never one.
 */
const BYLINE_FOR_OUTLET =
  /^\p{Lu}[\p{L}.'\u2019-]*(?:\s+\p{Lu}[\p{L}.'\u2019-]*){1,3}\s+(?:pour|for)\s+(?:l[ae]\s+|l['\u2019]|the\s+)?\p{Lu}[\p{L}.'\u2019-]*(?:\s+\p{Lu}[\p{L}.'\u2019-]*){0,3}$/u;

/**
 * A field label of the page's article header left without its value (the value was a widget the
 * collection did not keep): "Publié le", "Mis à jour le", "Temps de lecture :", "Published on",
 * "Reading time:", "Source", "By:". A sentence never stops on a preposition or a colon this short.
 */
const LABEL_WITHOUT_VALUE =
  /^(?:(?:publi\u00E9e?|mis(?:e)? \u00E0 jour|modifi\u00E9e?|post\u00E9e?|published|updated|last updated|posted|modified)(?:\s+(?:le|on|at|\u00E0))?|(?:temps|dur\u00E9e) de lecture|reading time|read time|lecture|sources?|auteurs?|authors?|written by|texte|text|par|by|de)\s*:?$/iu;

/** A reading time alone on its line, its "read" left off: "5 min", "2 mn", "3 minutes". */
const MINUTES_ALONE = /^\d{1,2}\s*(?:min(?:ute)?s?|mn)\.?$/iu;

/**
 * A picture's dateline opening its caption: the place and the full date the photo was taken,
 * year and all, in square brackets ("[Gao, Mali, 2 septembre 2021] Un mécanicien répare…") or
 * closed by the agencies' ".-" ("Paris (France), 17/02/2022.- French President…"). A story's
 * dateline gives no year, or names its agency after the date ("LIBREVILLE, 20 février 2025 (AGP) –").
 */
const PICTURE_DATELINE = new RegExp(
  String.raw`^(?:\[\p{Lu}[^\]]{0,60}?,\s*(?:\d{1,2}(?:er)?\s+(?:${MONTH}|${MOIS})\.?\s+\d{4}|${MONTH}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}[/.]\d{1,2}[/.]\d{4})\]|\p{Lu}[^.!?()]{0,40}(?:\s\([^()]{2,30}\))?,\s*(?:\d{1,2}[/.]\d{1,2}[/.]\d{4}|\d{1,2}(?:er)?\s+(?:${MONTH}|${MOIS})\.?\s+\d{4}|${MONTH}\.?\s+\d{1,2},?\s+\d{4})\.-)\s*\p{Lu}`,
  'iu',
);

/**
 * The vocabulary of a page's controls, in English and French: the words its buttons and links are
 * made of ("Previous article", "Show caption", "Enlarge this image", "Suivez-nous sur Facebook",
 * "Signaler une erreur", "Écouter cet article"). Sites differ in which controls they print, not in
 * the words of them, so a short line made of these words alone is a control on any outlet's page.
 * Function words are in the list so that "this", "sur", "nous" do not stop a match; a line of them
 * alone is no control (see {@link isControlLine}).
 */
const CONTROL_WORDS = new Set(
  // actions
  (
    'share shares print email e-mail mail save saved follow listen play pause watch read close open show hide ' +
    'toggle enlarge expand collapse zoom copy copied report add remove send reply comment comments ' +
    'subscribe unsubscribe login log sign register download install click tap scroll continue ' +
    'view views load loading contact bookmark like tweet retweet flag ' +
    'partager imprimer envoyer enregistrer sauvegarder suivre suivez-nous suivez écouter écoutez lire ' +
    'regarder fermer ouvrir afficher masquer agrandir réduire copier signaler ajouter retirer répondre ' +
    'commenter commentaire commentaires abonner connecter télécharger cliquez cliquer voir chargement ' +
    'retour contacter aimer réagir réagissez offrir manage accept reject refuse gérer accepter refuser ' +
    'embed replay mute unmute autoplay playing ' +
    // objects
    'article articles story stories post posts page pages caption captions image images photo photos ' +
    'picture pictures video videos vidéo vidéos audio podcast gallery link links list lists text font size ' +
    'error errors mistake typo abuse author authors top home menu search next previous prev older newer ' +
    'more less all full screen fullscreen version mode dark light settings notifications alerts favourites ' +
    'favorites reading légende lien liens liste texte taille police erreur abus auteur haut accueil ' +
    'recherche suivant suivante précédent précédente plus moins tout toutes tous version écran mode ' +
    'paramètres favoris lecture diaporama galerie tard navigation source related latest sponsored ' +
    'sponsorisé sponsorisés sponsorisées contenus contenu dernières infos consent cookies choix ' +
    'duration durée breaking news dernière minute partner partenaire up now content ' +
    // social networks
    'facebook twitter x whatsapp linkedin telegram instagram youtube tiktok messenger reddit pinterest ' +
    'flipboard ' +
    // function words
    'this that the a an to on in of for with us me my our your it here us ' +
    'ce cet cette ces le la les l un une des de du à au aux sur nous me mon ma mes notre nos votre vos ' +
    'en ici et ou or and'
  ).split(' '),
);

/** Words of {@link CONTROL_WORDS} that name nothing on their own (a line of them alone is no control). */
const CONTROL_FUNCTION_WORDS = new Set(
  'this that the a an to on in of for with us me my our your it here ce cet cette ces le la les l un une des de du à au aux sur nous me mon ma mes notre nos votre vos en ici et ou or and'.split(
    ' ',
  ),
);

/**
 * A control of the page alone on its line: one to six words, no sentence punctuation (an ellipsis
 * aside: "Loading…"), every word one of {@link CONTROL_WORDS} (or an account's handle, or a
 * video's duration), and two of them (the one, on a line of one word) words that name something
 * rather than function words. A subheading names the story's people, places and events, which
 * are not in the list ("Next steps for the Sahel" stays).
 */
function isControlLine(line: string): boolean {
  if ((/[.!?]$/u.test(line) && !/(?:\.{3}|\u2026)$/u.test(line)) || /["\u201C\u201D\u00AB\u00BB]/u.test(line))
    return false;
  const ws = line
    .toLowerCase()
    .replace(/[\u2019']/gu, ' ')
    .split(/[\s|/\u00B7\u2022>\u203A\u00BB,()\u2013\u2014]+|:(?!\d)/u)
    .map((w) => w.replace(/^[-\u2026.]+|[-\u2026.]+$/gu, ''))
    .filter(Boolean);
  if (ws.length < 1 || ws.length > 6) return false;
  // A handle ("@sahelwire") is the account a "Follow" control points at.
  if (!ws.every((w) => CONTROL_WORDS.has(w) || /^@[\p{L}\d_]+$|^\d{1,2}:\d{2}(?::\d{2})?$/u.test(w)))
    return false;
  return ws.filter((w) => !CONTROL_FUNCTION_WORDS.has(w)).length >= Math.min(2, ws.length);
}

/**
 * A field of the page's metadata, labelled, with a short value: "Texte par : David Baché",
 * "Author: Jane Doe", "Nombre de lectures : 211 fois", "Views: 1,234", "Catégorie : Afrique",
 * "Filed under: Africa, Mali", "Posted in Africa", "Written by Jane Doe", "Publié par Jane Doe".
 * The label is one sites share (who wrote it, when, how often it was read, where it is filed);
 * the value is a name, a count or a section: at most six words, no sentence punctuation.
 */
const METADATA_FIELD =
  /^\*?(?:(?:texte|text|written|posted|published|publi\u00E9e?|r\u00E9dig\u00E9e?|\u00E9crit|sign\u00E9e?|photos?|vid\u00E9os?|videos?|illustrations?|translated|traduit|traduction|edited|\u00E9dit\u00E9)(?:\s+(?:from|de|de l['\u2019]|du)\s+\p{L}+)?\s+(?:par|by)\s*:?|(?:auteurs?|authors?|\u00E9crit par|r\u00E9daction|reporter|journaliste|contributors?|cat\u00E9gories?|categories?|rubriques?|sections?|th\u00E8mes?|dossiers?|filed under|posted in|published in|publi\u00E9 dans|class\u00E9 dans|nombre de (?:lectures|vues|visites)|lectures|vues|views|visites|reads|hits|affichages|commentaires|comments|dur\u00E9e|duration|length|mis en ligne(?: le)?|derni\u00E8re mise \u00E0 jour|last update)\s*:|(?:filed under|posted in|published in|publi\u00E9 dans|class\u00E9 dans)\s)\s*\S/iu;

/** A counter alone on its line: "211 views", "Vu 211 fois", "1.2K reads", "345 lectures". */
const COUNTER_LINE =
  /^(?:(?:vu|lu|consult\u00E9)e?s?\s+)?\d[\d\s.,]*[kKmM]?\s*(?:views?|vues?|reads?|lectures?|visites?|fois|times|shares?|partages?|likes?|j['\u2019]aime)$/iu;

/**
 * A breadcrumb: "Home > News > Africa", "Accueil / Afrique / Mali", "Home News Africa …": the
 * home page's name, then sections after a separator, or two capitalised words ("Home for the
 * troops" is a subheading).
 */
const BREADCRUMB =
  /^(?:[Hh]ome(?:page)?|HOME|[Aa]ccueil|ACCUEIL)(?:\s*[>\u203A\u00BB/|\u2192]\s*(?=\p{Lu})|(?=(?:\s+\p{Lu}[\p{L}-]*){2}))[^.!?]{0,150}$/u;

/**
 * A notice about the page or its age: "This article is more than 2 years old", "Loading…",
 * "Chargement…", "Cet article a plus de 2 ans".
 */
const PAGE_NOTICE =
  /^(?:this (?:article|story|content) is (?:more|over) than \d+ (?:years?|months?) old|(?:cet article|ce contenu) (?:a|date de) plus de \d+ (?:ans?|mois)|loading|chargement|veuillez patienter|please wait)\s*(?:\.{3}|\u2026)?\s*$/iu;

/**
 * Whether a line quotes someone: words of four or more between quotation marks, or a mark left
 * open. A name or a term in quotation marks ("Barkhane", « emprises ») is how captions and
 * headings name an operation or a nickname, and no one's words.
 */
function quotesSomeone(line: string): boolean {
  if (!/["\u201C\u00AB]/u.test(line)) return false;
  const closed = [...line.matchAll(/"([^"]*)"|\u201C([^\u201D]*)\u201D|\u00AB([^\u00BB]*)\u00BB/gu)];
  const rest = line.replace(/"[^"]*"|\u201C[^\u201D]*\u201D|\u00AB[^\u00BB]*\u00BB/gu, '');
  if (/["\u201C\u00AB]/u.test(rest)) return true;
  return closed.some((m) => wordCount(m[1] ?? m[2] ?? m[3] ?? '') >= 4);
}

/** One or two lower-case words with no punctuation but hyphens, apostrophes and underscores. */
const LOWER_CASE_ALONE = /^\p{Ll}[\p{Ll}\d_'\u2019-]*(?:\s\p{Ll}[\p{Ll}\d_'\u2019-]*)?$/u;

/** Menu items flattened without spaces: a lower-case letter run into a capital ("LegalReuters"). */
const GLUED = /\p{Ll}\p{Lu}/gu;

/**
 * A paragraph of the article's prose, not a teaser or an offer: two sentences or more, or one of
 * 25 words or more, closed by sentence punctuation (a teaser's headline has none, its excerpt is
 * one sentence or ends in "…", an offer is one short sentence).
 */
function isProse(text: string, span: Span): boolean {
  const s = text.slice(span.start, span.end).trim();
  if (!TERMINAL.test(s) || /(?:\.{3}|\u2026)$/u.test(s)) return false;
  return wordCount(s) >= 25 || (wordCount(s) >= 12 && splitSentences(text, span).length >= 2);
}

/**
 * A tail closed by a date with its day and year ("Publié le lundi 13 juin 2022.", "Feb 17,
 * 2022."): a stamp run onto the headline. A year alone closing a sentence ("The soldiers had
 * been engaged in the country since 2013.") is the article's first sentence, not a stamp.
 */
const STAMP_END = new RegExp(
  String.raw`(?:\b(?:${MONTH}|${MOIS})\.?\s+\d{1,2},?\s+\d{4}|\b\d{1,2}(?:er)?\s+(?:${MONTH}|${MOIS})\.?\s+\d{4}|\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{4}-\d{2}-\d{2})\.?$`,
  'iu',
);

/**
 * Where the headline stands on a line that prints it with something run onto it: a short tail of
 * no sentence (a site's name, section labels, a byline, a date or a "published" stamp; its
 * separators, "|", are no words), and perhaps a section label in front ("Sur le vif La France
 * officialise … Rédigé par … | Jeudi 17 Février 2022 à 15:30"): four words at most, letters
 * only, so that a dateline ("Mali, Feb. 1 --") or a sentence opening with the headline's words
 * is never taken for one. Null when the line does not hold the headline so or goes on as prose.
 */
function headlineRunIn(text: string, span: Span, title: string): Span | null {
  const line = text.slice(span.start, span.end);
  const want = comparable(title);
  if (want.length < 12) return null;
  const starts = [0, ...[...line.matchAll(/\s+/gu)].map((m) => m.index + m[0].length)];
  for (const from of starts) {
    const label = line.slice(0, from).trim();
    // A breadcrumb ending in the headline ("Home News Africa UN Security Council …") is the
    // page's navigation, headline and all: the line rules set it aside whole.
    if (from > 0 && (wordCount(label) > 4 || !/^[\p{L}'\u2019 -]+$/u.test(label) || BREADCRUMB.test(line)))
      break;
    const own = comparable(line.slice(from));
    if (own !== want && !own.startsWith(`${want} `)) continue;
    for (const end of [...line.matchAll(/\s+|$/gu)].map((m) => m.index)) {
      if (end <= from || comparable(line.slice(from, end)) !== want) continue;
      const tail = line.slice(end).trim();
      // A tail is run onto the headline; without a label in front, the line must have one.
      if (tail === '' && from === 0) return null;
      const words = wordCount(tail.replace(/[|\u00B7\u2022]/gu, ' '));
      if (words > 10 || (TERMINAL.test(tail) && words > 3 && !STAMP_END.test(tail))) return null;
      return { start: span.start + from, end: span.start + end };
    }
  }
  return null;
}

/**
 * Whether a line prints the headline again with a few words around it (six at most, no sentence
 * punctuation at its end) or cut short with an ellipsis ("French troops leave the…"). The headline
 * must have four words or more, so that a short one ("Mali") is not found in every subheading.
 */
function repeatsHeadline(line: string, title: string): boolean {
  const want = comparable(title)
    .replace(/[.!?\u2026]+$/u, '')
    .trim();
  if (want.split(' ').length < 4) return false;
  const cut = /(?:\.{3}|\u2026)$/u.test(line);
  const key = comparable(line.replace(/(?:\.{3}|\u2026)$/u, '')).trim();
  if (cut) return key.split(' ').length >= 4 && want.startsWith(key);
  if (TERMINAL.test(line) || key === want || !key.includes(want)) return false;
  return key.split(' ').length - want.split(' ').length <= 6;
}

/**
 * Whether a line is one stretch of four words or more, headline-shaped (no sentence punctuation
 * at its end), printed twice or more in a row, glued or a space apart, with at most three words
 * after it (a link's label). Compared without spaces, case or accents, so "…nine yearsMali…"
 * repeats "…nine years Mali…".
 */
function printedTwiceInARow(line: string): boolean {
  if (line.length > 600) return false;
  const s = comparable(line).replace(/\s+/gu, '');
  // Where the line's n-th character that is not a space ends, as printed.
  const printedEnd = (n: number) => {
    let seen = 0;
    let at = 0;
    while (at < line.length && seen < n) if (!/\s/u.test(line[at++]!)) seen++;
    return at;
  };
  for (let p = 12; p * 2 <= s.length; p++) {
    if (s.slice(p, 2 * p) !== s.slice(0, p)) continue;
    let end = 2 * p;
    while (s.slice(end, end + p) === s.slice(0, p)) end += p;
    const unit = line.slice(0, printedEnd(p)).trim();
    if (wordCount(unit) < 4 || TERMINAL.test(unit)) continue;
    const tail = line.slice(printedEnd(end)).trim();
    return wordCount(tail) <= 3 && !TERMINAL.test(tail);
  }
  return false;
}

/**
 * Where the headline, printed again, starts at the end of a line after a sentence of eight words
 * or more ("… called a “meat grinder.” The identities of … revealed"), or -1. The headline must have
 * four words or more, and the tail must be it exactly (case, accents and spacing folded), with no
 * sentence punctuation at its end.
 */
function headlineRunOnto(line: string, title: string): number {
  const want = comparable(title)
    .replace(/[.!?\u2026]+$/u, '')
    .trim();
  if (want.split(' ').length < 4 || line.length <= want.length) return -1;
  const ends = /[.!?\u2026]["'\u201D\u2019\u00BB)]*\s+/gu;
  for (let m = ends.exec(line); m !== null; m = ends.exec(line)) {
    const at = m.index + m[0].length;
    // A headline is not closed by a full stop; a sentence that happens to be the title (a page
    // without one takes its first sentence) is the paragraph's own.
    if (TERMINAL.test(line.slice(at).trim())) continue;
    if (comparable(line.slice(at)).trim() === want && wordCount(line.slice(0, at)) >= 8) return at;
  }
  return -1;
}

function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

/**
 * Furniture run in front of a line's prose, in order: each cut off when the line goes on with at
 * least that many words, and the rest of the line classified on its own.
 */
/**
 * A page's HTML tags printed as text around a paragraph ("<p>…</p>", as an aggregator reposts
 * a feed's markup unrendered): only element names, so "<Name>" or a "<" in prose is not taken.
 */
const MARKUP_TAG =
  '<\\/?(?:p|div|span|strong|em|b|i|u|a|h[1-6]|li|ul|ol|blockquote|figure|figcaption|section|article|small|sup|sub|br)\\b[^<>]*\\/?>';
const MARKUP_OPENING = new RegExp(`^(?:${MARKUP_TAG}\\s*)+`, 'iu');
const MARKUP_CLOSING = new RegExp(`(?:\\s*${MARKUP_TAG})+$`, 'iu');

/**
 * Where a site or a feed cut the text: an ellipsis in brackets glued to a word ("fust[...]",
 * "[&#8230;]aOuaga.com Actualité"), with what the feed printed after it to the end of the line.
 * An editor's elision inside a quotation is set apart by spaces ("(…)", ", […]") and is kept.
 */
const SITE_CUT_REASON = 'where the site cut the text (and what its feed printed after)';
const CUT_MARK =
  /(?:(?<=\p{L})\[(?:\.{3}|\u2026|&#8230;|&hellip;)\](?:[^.!?]|\.(?=\S)){0,60}|\[(?:\.{3}|\u2026|&#8230;|&hellip;)\](?=\p{L})(?:[^.!?]|\.(?=\S)){0,60})$/u;

const PREFIX_CUTS: ReadonlyArray<readonly [prefix: RegExp, reason: string, wordsAfter: number]> = [
  [SOURCE_PREFIX, 'source credit', 6],
  [BYLINE_BEFORE_DATELINE, 'byline before the dateline', 0],
  [MEDIA_LABEL, 'label naming what the block holds', 6],
];

/** What a rule of the line chain sees of a paragraph: its words and its place on the page. */
interface LineView {
  /** The paragraph as printed. */
  raw: string;
  /** The paragraph without a leading bullet or dash, and that trimmed. */
  body: string;
  line: string;
  /** Words of `body` and of `raw`. */
  words: number;
  rawWords: number;
  /** The paragraph, and the next one, as compared (case, accents and spacing folded). */
  key: string;
  next: string;
  /** The paragraph before, as printed; null for the page's first. */
  previous: string | null;
  /** The paragraph before is a video's duration alone. */
  afterDuration: boolean;
  /** Durations alone and news-feed items on the page. */
  durations: number;
  feedItems: number;
  /** The paragraph before was an author's box heading. */
  wasAuthorBox: boolean;
  /** `body` holds an opening quotation mark (a line that quotes someone is never a caption or a prompt). */
  quoted: boolean;
  /** The outlet's name as compared (without a web domain's ending), or null when it is not known. */
  outlet: string | null;
  /** The outlet's name as a pattern over a line without accents ({@link outletPattern}), or null. */
  outletName: RegExp | null;
  /** The paragraph is the headline as the title gives it. */
  isTitle: boolean;
}

/**
 * The chain of line rules, in order: the first whose test holds sets the paragraph aside as
 * furniture, for the reason it names. (The headline, subheading and body verdicts that follow the
 * chain, and the cuts before it, are in {@link classifyBlocks}.)
 */
const LINE_RULES: ReadonlyArray<readonly [reason: string, test: (l: LineView) => boolean]> = [
  ['no words (a separator or a counter)', (l) => !/\p{L}/u.test(l.body)],
  // One or two lower-case words alone ("blank", "webmaster", "dpa"): a placeholder, a label or a
  // name the page prints. The article's words in a paragraph of their own start a sentence or a
  // subheading in capitals; the end of a hard-wrapped sentence is joined to it (segment.ts) or
  // follows a paragraph left open, which is checked here.
  [
    'one or two lower-case words alone (a placeholder, a label or a name)',
    (l) =>
      LOWER_CASE_ALONE.test(l.line) &&
      (l.previous === null || /[.!?:;"'\u201D\u2019\u00BB)\]]\s*$/u.test(l.previous)),
  ],
  // A video feed: a duration alone on its line, then another video's headline (no full stop),
  // two times or more on the page.
  [
    "video feed (a video's duration, then its headline)",
    (l) =>
      l.durations >= 2 && l.afterDuration && l.words <= 25 && !/[.!?]["'\u201D\u2019)\u00BB]*$/u.test(l.line),
  ],
  [
    'news-feed teaser (a time, then the headline of another story)',
    (l) => l.feedItems >= 2 && FEED_ITEM.test(l.line) && l.words <= 25,
  ],
  // A headline printed twice or more in a row on one line, glued or a space apart, perhaps with a
  // link's label after it ("Title TitleTitle External link"): a link and its alt text, as a page
  // prints them; a sentence of the story is never printed twice running.
  [
    'a headline printed twice in a row on one line (a link and its alt text)',
    (l) => printedTwiceInARow(l.line),
  ],
  ['a bare web address (a link)', (l) => WEB_ADDRESS.test(l.line)],
  ['label of a picture or a video', (l) => MEDIA_WORD_ALONE.test(l.line)],
  [
    'a field label left without its value ("Publié le", "Reading time:")',
    (l) => LABEL_WITHOUT_VALUE.test(l.line),
  ],
  ['reading time (its minutes alone)', (l) => MINUTES_ALONE.test(l.line)],
  // The page's signature or byline: the outlet's name alone, perhaps after "By"/"Par".
  [
    "the outlet's name alone (the site's signature or byline)",
    (l) =>
      l.outlet !== null && l.words <= 6 && outletKey(l.line.replace(/^(?:by|par|de)\s+/iu, '')) === l.outlet,
  ],
  [
    "photo caption (opened by the picture's place and date)",
    (l) => PICTURE_DATELINE.test(l.line) && !l.quoted,
  ],
  // The site describing itself in its box: "Kaceto.net is an independent news site…", "Frontier
  // India News Network is the in-house news agency." (the outlet's name, perhaps with words of its
  // full name, then "is a/the").
  [
    "the outlet's description of itself (the site's box)",
    (l) =>
      l.outlet !== null &&
      l.words <= 40 &&
      !l.quoted &&
      /^(?:\p{Lu}[\p{L}.'-]*\s+){0,3}(?:is|est)\s+(?:an?|the|une?|le|la|l['\u2019])\s/u.test(
        afterOutletName(l.line, l.outlet) ?? '',
      ),
  ],
  ['photo caption (a file picture)', (l) => FILE_CAPTION.test(l.line) && !l.quoted && l.words <= 60],
  [
    'photo caption (opened by the words that point at the picture)',
    (l) => CAPTION_OPENER.test(l.line) && !l.quoted && l.words <= 60,
  ],
  [
    'photo caption (a handout picture, or one taken on a day)',
    (l) => HANDOUT_OR_TAKEN.test(l.body) && !l.quoted && l.words <= 40,
  ],
  [
    'photo caption (opened by its credit, an agency and a photographer)',
    (l) => CREDIT_FIRST.test(l.line) && !l.quoted && l.words <= 60,
  ],
  [
    'a reader control or link ("Find out more", "Lire la suite")',
    (l) => READER_CONTROL.test(l.line) && l.words <= 12,
  ],
  ['photo or image credit', (l) => CREDIT_LINE.test(l.line) && l.words <= 8],
  ['who contributed to the report', (l) => CONTRIBUTION.test(l.body) && l.words <= 30 && !l.quoted],
  ["editor's or republication note", (l) => EDITORS_NOTE.test(l.line) && l.words <= 40],
  ['byline or agency line', (l) => STAFF_BYLINE.test(l.line) || BYLINE_FOR_OUTLET.test(l.line)],
  // A writer's name alone, the surname in capitals as agencies and bylines print it ("Manassé
  // AGBOSSAGA", "Bourama KEITA"): a byline, which signs the article off when it follows it.
  ['byline or agency line', (l) => NAME_WITH_SURNAME_IN_CAPITALS.test(l.line)],
  ['link to another story (marked by an arrow)', (l) => LINK_MARKER.test(l.line) && l.words <= 25],
  [
    'photo caption (labelled in brackets, e.g. "(Archives)")',
    (l) =>
      CAPTION_LABEL_END.test(l.body) &&
      !/[.!?]/u.test(l.body.replace(CAPTION_LABEL_END, '')) &&
      l.words <= 25,
  ],
  ['photo or agency credit (names joined by slashes)', (l) => SLASHED_CREDIT.test(l.line) && l.words <= 8],
  ["author's box", (l) => AUTHOR_BOX_HEADING.test(l.line)],
  [
    "author bio (the author's box)",
    (l) => l.wasAuthorBox && l.words <= 60 && !l.quoted && JOURNALISM_JOB.test(l.body),
  ],
  ['list of tags', (l) => TAGS.test(l.line) && !TERMINAL.test(l.line)],
  ['reporting and editing credits', (l) => REPORTING_CREDIT.test(l.line)],
  ['comment form', (l) => COMMENTS.test(l.line)],
  ['feed footer naming where the story first ran', (l) => FEED_FOOTER.test(l.line)],
  ['date stamp', (l) => DATE_ONLY.test(l.line.replace(SECTION_LABEL, ''))],
  ['time stamp', (l) => RELATIVE_TIME.test(l.line)],
  ['byline, date or counter line', (l) => isMetaLine(l.line)],
  ['byline or agency line', (l) => NAMED_AGENCY_CREDIT.test(l.line)],
  ['byline or agency line', (l) => NAME_COMMA_AGENCY.test(l.line) || LONE_DATELINE.test(l.line)],
  ["a correspondent's line (who reports, and from where)", (l) => CORRESPONDENT_LINE.test(l.line)],
  [
    'paywall, subscription, newsletter or app prompt',
    (l) => PAYWALL.test(l.body) && l.words <= 25 && !l.quoted,
  ],
  [
    'call to action (an order to the reader, pointing at the site)',
    (l) => CTA_VERB.test(l.body) && CTA_OBJECT.test(l.body) && l.words <= 20 && !l.quoted,
  ],
  [
    'photo caption (the day the photo was taken closes a sentence)',
    (l) => (PHOTO_DATE.test(l.body) || PHOTO_DATE_COMMA.test(l.body)) && !l.quoted,
  ],
  [
    'photo caption (one sentence in the present, closed by the day the photo was taken)',
    (l) =>
      PRESENT_CAPTION_DATE.test(l.line) &&
      !PAST_OR_FUTURE.test(l.line) &&
      !l.quoted &&
      l.words <= 40 &&
      splitSentences(l.line, { start: 0, end: l.line.length }).length === 1,
  ],
  ['embedded social-media post', (l) => SOCIAL_POST.test(l.line)],
  ['menu items run together', (l) => (l.body.match(GLUED) ?? []).length >= 3 && !TERMINAL.test(l.line)],
  ['navigation', (l) => NAVIGATION.test(l.body)],
  ['reading time', (l) => READ_TIME.test(l.body)],
  ['byline or agency line', (l) => AGENCY_LINE.test(l.line)],
  [
    'teaser for another story',
    (l) => TEASER.test(l.body) || (RELATED_TEASER.test(l.body) && !TERMINAL.test(l.line) && l.words <= 16),
  ],
  [
    'paywall, subscription, newsletter or app prompt',
    (l) => (PROMPT.test(l.body) && l.words <= 25) || isPromotion(l.body),
  ],
  ['agency credit', (l) => AGENCY_CREDIT.test(l.line)],
  ["an image's markup printed as text", (l) => IMAGE_MARKUP.test(l.line)],
  ['author bio', (l) => AUTHOR_BOX.test(l.line)],
  ['author bio', (l) => AUTHOR_BIO.test(l.body)],
  ['sharing buttons', (l) => SHARE.test(l.line)],
  ['a control of the page (its words are those of buttons and links)', (l) => isControlLine(l.line)],
  [
    "a field of the page's metadata (a label, then a name, a count or a section)",
    (l) => METADATA_FIELD.test(l.line) && l.words <= 10 && !/[.!?]$/u.test(l.line) && !l.quoted,
  ],
  ['a counter (views, reads, shares)', (l) => COUNTER_LINE.test(l.line)],
  [
    'page numbers ("Page 1 of 2")',
    (l) => /^(?:page|p\.|image|photo|slide|diapo(?:sitive)?)\s*\d+\s*(?:of|sur|\/)\s*\d+$/iu.test(l.line),
  ],
  [
    'photo or agency credit (a picture agency alone)',
    (l) =>
      /^(?:(?:AFP|AP|Reuters|EPA|Anadolu|Pool|Xinhua|Sipa)\s+via\s+)?(?:Getty Images|Getty|Shutterstock|Alamy|AFP|Reuters|EPA-EFE|Sipa Press|Hans Lucas|Abaca|MaxPPP|Pool)$/u.test(
        l.line,
      ),
  ],
  ['breadcrumb navigation', (l) => BREADCRUMB.test(l.line) && l.words <= 20 && !l.quoted],
  ['a notice about the page (its age, its loading)', (l) => PAGE_NOTICE.test(l.line)],
  ['a badge of the site (the Trust Project)', (l) => /\bthe trust project\b/iu.test(l.line) && l.words <= 12],
  [
    'the title of a video or gallery on the page',
    (l) => MEDIA_TITLE.test(l.line) && l.words <= 20 && !TERMINAL.test(l.line) && !l.quoted,
  ],
  [
    'video player, screen-reader, advertising or cookie notice',
    (l) => PLAYER_OR_NOTICE.test(l.line) && l.words <= 40,
  ],
  ['date stamp', (l) => UPDATE_STAMP.test(l.line)],
  // An author's name with the stamp after it ("Jane Doe Published August 05, 2023 | 07:30 AM",
  // "Jeanne Dupont, publié le 15/08/2022 à 14h03"): the byline and the stamp on one line.
  [
    'byline with a date stamp',
    (l) => {
      const name = NAME_BEFORE_STAMP.exec(l.line);
      return name !== null && UPDATE_STAMP.test(l.line.slice(name[0].length));
    },
  ],
  ['image caption', (l) => CAPTION_WORDS.test(l.body) && !l.quoted],
  ['image file name', (l) => FILE_NAME.test(l.line)],
  ['image caption with credit', (l) => CREDIT_END.test(l.line)],
  ['photo caption (ends with the day the photo was taken)', (l) => CAPTION_DATE_END.test(l.line)],
  ['image label', (l) => IMAGE_LABEL.test(l.body)],
  ['infographic label', (l) => INFOGRAPHIC.test(l.body) && !TERMINAL.test(l.body)],
  ['image caption with credit', (l) => CAPTION_CREDIT.test(l.body)],
  // An alt text names what the picture shows in three words or more; a one-word label ("Mali")
  // over a paragraph that opens with the same word ("Mali's ruling junta…") is no alt text.
  [
    'image alt text repeated by its caption',
    (l) =>
      l.next.length > l.key.length && l.next.startsWith(l.key) && !TERMINAL.test(l.raw) && l.rawWords >= 3,
  ],
  ['byline or agency line', (l) => BYLINE.test(l.body)],
  ['date stamp', (l) => DATE_ONLY.test(l.body)],
  [
    'embedded social-media post (emoji, or three hashtags or handles, outside quotation marks)',
    (l) => isSocialPostShape(l.line),
  ],
  // Last, so that a line another rule names keeps its reason (a sign-off's ends the article).
  // The page naming itself in a short line: "Follow African Insider on Facebook", "Welcome to
  // SaltWire", "Saltwire Logo", "For more African news, visit Africaninsider.com". An article names
  // its own outlet in its dateline ("PARIS (Reuters) -"), in its headline, or as whom someone
  // spoke to ("told RFI"), all left alone.
  ['the site naming itself (its logo, welcome, follow or visit prompt)', (l) => namesItsOwnSite(l)],
];

/**
 * Pictographs (emoji), not the ©, ® and ™ signs a credit or a brand carries: prose never prints
 * them, posts and the decorated links of a feed do.
 */
const PICTOGRAPH = /(?![\u00A9\u00AE\u2122])\p{Extended_Pictographic}/u;
const TAG_OR_HANDLE = /(?:^|\s)[#@][\p{L}\d_]{2,}/gu;

/**
 * An embedded post by its shape: an emoji, or three hashtags or handles or more, outside the
 * quotation marks (an article quoting a post, "… left #Gossi (…)", keeps its quotation).
 */
function isSocialPostShape(line: string): boolean {
  const outside = line.replace(/"[^"]*"|\u201C[^\u201D]*\u201D|\u00AB[^\u00BB]*\u00BB/gu, ' ');
  return PICTOGRAPH.test(outside) || (outside.match(TAG_OR_HANDLE) ?? []).length >= 3;
}

/**
 * Verbs and prepositions of reporting, English and French (a class of words, not a list taken
 * from pages): a line that says someone spoke to the outlet, or that the outlet reports, is the
 * article's.
 */
const REPORTED_TO =
  /(?<![\p{L}\p{N}])(?:said|says|told|tells|reported|reports|according|interview|quoted|selon|d[\u00E9e]clar[\u00E9e]|confi[\u00E9e]|indiqu[\u00E9e]|affirm[\u00E9e]|expliqu[\u00E9e]|rapport[\u00E9e]?|interrog[\u00E9e]e?s?|entretien|appris)(?![\p{L}\p{N}])/iu;

/**
 * The outlet's name in a short line that is not the headline, not quoting anyone and not a
 * dateline or a report to the outlet: the page speaking of itself.
 */
function namesItsOwnSite(l: LineView): boolean {
  if (l.outletName === null || l.isTitle || l.quoted || l.words > 15) return false;
  const plain = l.line.normalize('NFD').replace(/\p{M}/gu, '');
  const m = l.outletName.exec(plain);
  if (m === null) return false;
  // Printed as a name or as the site's address ("africaninsider.com"): capitalised, every word of
  // it where it opens the line, as a sentence's first word is capitalised anyway ("Le monde …").
  const address = /\.\p{L}{2,4}$/u.test(m[0]);
  const named =
    m.index === 0 ? m[0].split(/[\s-]+/u).every((w) => /^\p{Lu}/u.test(w)) : /^\p{Lu}/u.test(m[0]);
  if (!address && !named) return false;
  // A dateline "(Reuters) -", "(UrduPoint News / Sputnik - …)": the agency that filed the story.
  if (/\(\s*$/u.test(plain.slice(0, m.index))) return false;
  return !REPORTED_TO.test(plain);
}

/**
 * The outlet's name as a pattern over a line with its accents removed: its words in order, a space
 * or a hyphen apart or glued ("African Insider", "Africaninsider.com"), perhaps with a web
 * domain's ending; null for a name too short to tell from a word (fewer than three letters).
 */
function outletPattern(outlet: string): RegExp | null {
  const ws = outletKey(outlet)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  if (ws.join('').length < 3) return null;
  const escaped = ws.map((w) => w.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'));
  return new RegExp(
    `(?<![\\p{L}\\p{N}])${escaped.join('[\\s-]*')}(?:\\.(?:com|net|org|info|fr|sn|ml|tv|news|africa|ca|co\\.uk))?(?![\\p{L}\\p{N}])`,
    'iu',
  );
}

/** What follows the outlet's name opening a line ("Kaceto.net is …" → "is …"), or null. */
function afterOutletName(line: string, outlet: string): string | null {
  const ws = line.split(/\s+/u);
  for (let n = 1; n <= Math.min(6, ws.length - 1); n++)
    if (outletKey(ws.slice(0, n).join(' ')) === outlet) return ws.slice(n).join(' ');
  return null;
}

/** An outlet's name as compared: case and accents folded, a web domain's ending ("Kaceto.net") and final punctuation left off. */
function outletKey(name: string): string {
  return comparable(name)
    .replace(/[.,;:!?]+$/u, '')
    .replace(/\.(?:com|net|org|info|fr|sn|ml|tv|news|africa|co\.uk)$/u, '')
    .trim();
}

/** The reason of the author's box heading, after which a biography is part of the box. */
const AUTHOR_BOX_REASON = "author's box";

/**
 * Classifies every paragraph of an article as body text, a heading, or page furniture, using
 * general rules (navigation, image labels and captions, credits, bylines, date stamps,
 * infographic labels, repeated headlines, sidebars, reading times, paywall and app prompts,
 * teasers, credits) and then the article's own hints. Headings are kept for quotation lookup but
 * never cited as answer passages; furniture is never indexed at all. A date stamp run into the
 * start of a line and a link or credit run onto its end are cut off as furniture of their own;
 * datelines stay with their sentence. A paragraph printed again is indexed once.
 */
export function classifyBlocks(
  text: string,
  printed: readonly Span[],
  meta: Pick<ArticleMetadata, 'title' | 'furnitureHints'> & {
    language?: string;
    outlet?: string | null;
  },
): Block[] {
  const blocks: Block[] = [];
  const seenHeadings = new Set<string>();
  if (meta.title) seenHeadings.add(comparable(meta.title));
  let titleSeen = false;
  let inSidebar: string | null = null;
  let bodySeen = false;
  let afterAuthorBox = false;
  const { paragraphs, teasers } = splitAtRunInTeasers(text, printed);
  const durations = paragraphs.filter((p) => DURATION_ALONE.test(text.slice(p.start, p.end).trim())).length;
  const feedItems = paragraphs.filter((p) => FEED_ITEM.test(text.slice(p.start, p.end).trim())).length;
  const outlet = meta.outlet ? outletKey(meta.outlet) : null;
  const outletName = meta.outlet ? outletPattern(meta.outlet) : null;

  for (let i = 0; i < paragraphs.length; i++) {
    let span = paragraphs[i]!;
    if (teasers.has(span.start)) {
      blocks.push({ ...span, kind: 'furniture', reason: 'teaser for another story (run into a paragraph)' });
      continue;
    }
    // Markup printed as text is cut before anything else reads the paragraph, so that its
    // sentence ends where its words do.
    for (const re of [MARKUP_OPENING, MARKUP_CLOSING]) {
      const m = re.exec(text.slice(span.start, span.end));
      if (!m) continue;
      const at = span.start + m.index;
      const cut = trimSpan(text, { start: at, end: at + m[0].length });
      if (cut.end > cut.start)
        blocks.push({ ...cut, kind: 'furniture', reason: "the page's HTML tags printed as text" });
      span =
        re === MARKUP_OPENING
          ? trimSpan(text, { start: cut.end, end: span.end })
          : trimSpan(text, { start: span.start, end: at });
    }
    if (span.end <= span.start) continue;
    const cutMark = CUT_MARK.exec(text.slice(span.start, span.end));
    const cutBySite = cutMark !== null && cutMark.index >= 20;
    if (cutMark && cutBySite) {
      const at = span.start + cutMark.index;
      blocks.push({
        ...trimSpan(text, { start: at, end: span.end }),
        kind: 'furniture',
        reason: 'where the site cut the text (and what its feed printed after)',
      });
      span = trimSpan(text, { start: span.start, end: at });
    }
    // Furniture run into a body line is cut off first, so the rest is classified on its own.
    const stamp = DATE_STAMP_PREFIX.exec(text.slice(span.start, span.end));
    if (stamp) {
      const cut = trimSpan(text, { start: span.start, end: span.start + stamp[0].length });
      if (cut.end > cut.start) blocks.push({ ...cut, kind: 'furniture', reason: 'date stamp' });
      span = trimSpan(text, { start: span.start + stamp[0].length, end: span.end });
      if (span.end <= span.start) continue;
    }
    // The headline with the site's name, a section label or a date run onto it ("… - abamako.com",
    // "… Publié le lundi 13 juin 2022"), above the article: the rest is cut, and a second printing
    // is dropped whole. (After the article, such a line is a link to the story, left to the rules below.)
    const runIn = meta.title && !bodySeen ? headlineRunIn(text, span, meta.title) : null;
    if (runIn) {
      const rest = trimSpan(text, { start: runIn.end, end: span.end });
      const head = trimSpan(text, { start: runIn.start, end: runIn.end });
      if (titleSeen) {
        blocks.push({
          ...span,
          kind: 'furniture',
          reason: 'repeated headline (with a stamp or label run onto it)',
        });
        continue;
      }
      titleSeen = true;
      if (runIn.start > span.start)
        blocks.push({
          ...trimSpan(text, { start: span.start, end: runIn.start }),
          kind: 'furniture',
          reason: 'section label printed before the headline',
        });
      blocks.push({ ...head, kind: 'heading', reason: 'headline' });
      if (rest.end > rest.start)
        blocks.push({
          ...rest,
          kind: 'furniture',
          reason: 'site name, section label or date run onto the headline',
        });
      continue;
    }
    for (const [re, reason] of INLINE_SUFFIX) {
      const line = text.slice(span.start, span.end);
      const m = re.exec(line);
      // Only a tail: a line that is nothing but the credit is dropped whole below.
      if (!m || m.index < 20) continue;
      const cut = trimSpan(text, { start: span.start + m.index, end: span.end });
      blocks.push({ ...cut, kind: 'furniture', reason });
      span = trimSpan(text, { start: span.start, end: span.start + m.index });
    }
    // The headline printed again, run onto the end of a paragraph after its last sentence (a
    // picture's title glued to the standfirst above it): the tail is cut, the sentences kept.
    const headlineTail = meta.title ? headlineRunOnto(text.slice(span.start, span.end), meta.title) : -1;
    if (headlineTail > 0) {
      blocks.push({
        ...trimSpan(text, { start: span.start + headlineTail, end: span.end }),
        kind: 'furniture',
        reason: 'the headline printed again, run onto the end of a paragraph',
      });
      span = trimSpan(text, { start: span.start, end: span.start + headlineTail });
    }
    // A page's script printed as text: dropped whole, or cut where the prose it runs into starts.
    const codeLine = text.slice(span.start, span.end);
    if ((codeLine.match(CODE_TOKEN) ?? []).length >= 2) {
      const prose = /[;}]\s*(?=\p{Lu}\p{Ll}+(?:\s+\S+){7})(?![^;{}]*[;{}])/u.exec(codeLine);
      const end = prose ? prose.index + prose[0].length : codeLine.length;
      const cut = trimSpan(text, { start: span.start, end: span.start + end });
      blocks.push({ ...cut, kind: 'furniture', reason: "the page's script printed as text" });
      span = trimSpan(text, { start: span.start + end, end: span.end });
      if (span.end <= span.start) continue;
    }
    for (const [re, reason, wordsAfter] of PREFIX_CUTS) {
      const m = re.exec(text.slice(span.start, span.end));
      if (!m || wordCount(text.slice(span.start + m[0].length, span.end)) < wordsAfter) continue;
      blocks.push({
        ...trimSpan(text, { start: span.start, end: span.start + m[0].length }),
        kind: 'furniture',
        reason,
      });
      span = trimSpan(text, { start: span.start + m[0].length, end: span.end });
    }
    // A credit closing a line: the whole line is a caption when it reads as one (picture words,
    // the day a photo was taken) or is nothing but the credit; else only the credit is cut and
    // the body's words are kept as printed.
    let caption = false;
    for (const re of [...CREDIT_TAIL, AGENCY_TAIL]) {
      const line = text.slice(span.start, span.end);
      const m = re.exec(line);
      if (!m) continue;
      const rest = line.slice(0, m.index);
      const oneShortSentence =
        re === AGENCY_TAIL &&
        wordCount(rest) <= 20 &&
        splitSentences(rest, { start: 0, end: rest.length }).length === 1;
      // A photographer's credit ("(Jane Doe/AP)", "(Jane Doe, Pool via AP)", "AP Photo/Jane Doe")
      // is printed under pictures only: the line it closes is a caption.
      // A bare "/ AA" after the sentence is how agencies credit a picture, not a story.
      const photographer =
        re === SLASHED_NAMES_TAIL ||
        (/\/|\bvia\s+(?:AP|AFP|Reuters|Getty|EPA)\b|\bPhoto\b|\bPool\b/u.test(m[0]) &&
          /\b(?:AP|AFP|Reuters|REUTERS|Getty Images|EPA|Xinhua|XINHUA|Anadolu|Sipa|Pool)\b/u.test(m[0])) ||
        /^\s+\/\s*\p{Lu}{2,5}$/u.test(m[0]) ||
        /^\s*\p{Lu}[\p{Ll}'-]+(?:[\s-]\p{Lu}[\p{Ll}'-]+)?\s+\p{Lu}{2,}(?:[\s-]\p{Lu}{2,})?\s*[/(]/u.test(
          m[0],
        ) ||
        // A picture agency ("(Getty Images)"), or an agency after a bar ("| AFP"), credits a photo.
        /^\s\((?:Getty Images|Shutterstock|Alamy|Sipa Press|Abaca|MaxPPP|Hans Lucas)\)$|^\s+\|\s*\p{Lu}/u.test(
          m[0],
        ) ||
        // Square brackets hold a picture's credit, never a story's ("… [Getty]", "[Name/AFP]").
        /^\s*\[[^\]]+\]$/u.test(m[0]);
      // A credit that names a photo ("Photo: Försvarsmakten", "Crédit photo : DR") closing a
      // short paragraph credits the picture that paragraph is the caption of.
      const photoCredit =
        /^\s*[([]?(?:Photo(?:graph)?s?|Pictures?|Images?|Illustration|Cr\u00E9dits?|Credits?|Visuel|Cr\u00E9dit photo|Photo credit|Image credit|Picture credit)\b/iu.test(
          m[0],
        ) && wordCount(rest) <= 30;
      if (
        photoCredit ||
        m.index < 20 ||
        photographer ||
        oneShortSentence ||
        PICTURE_WORDS.test(rest) ||
        CAPTION_WORDS.test(rest) ||
        PHOTO_DATE.test(rest) ||
        PHOTO_DATE_COMMA.test(rest)
      ) {
        caption = true;
        break;
      }
      const cut = trimSpan(text, { start: span.start + m.index, end: span.end });
      blocks.push({ ...cut, kind: 'furniture', reason: 'photo or agency credit' });
      span = trimSpan(text, { start: span.start, end: span.start + m.index });
    }
    const raw = text.slice(span.start, span.end);
    const body = raw.replace(/^[\u2022\u00B7*\-\u2013]\s+/, '');
    const key = comparable(raw);
    const next = paragraphs[i + 1]
      ? comparable(text.slice(paragraphs[i + 1]!.start, paragraphs[i + 1]!.end))
      : '';
    const furniture = (reason: string) => blocks.push({ ...span, kind: 'furniture', reason });

    const hint = meta.furnitureHints.find((h) => raw.startsWith(h.startsWith));
    // A sidebar is a run of teasers: it ends where the article's prose resumes (a paragraph of
    // two sentences or more, or one long sentence), as on pages that set the list mid-article.
    if (inSidebar !== null && isProse(text, span)) inSidebar = null;
    if (inSidebar !== null) {
      furniture(`sidebar "${inSidebar}"`);
      continue;
    }
    if (SIDEBAR_HEADING.test(body) && wordCount(body) <= 6) {
      inSidebar = raw.trim();
      furniture(`sidebar "${inSidebar}"`);
      continue;
    }
    if (hint) {
      furniture(hint.reason);
      continue;
    }
    if (caption) {
      furniture(wordCount(body) <= 8 ? 'photo or agency credit' : 'photo caption with credit');
      continue;
    }
    const wasAuthorBox = afterAuthorBox;
    afterAuthorBox = false;
    const previous = i > 0 ? text.slice(paragraphs[i - 1]!.start, paragraphs[i - 1]!.end) : null;
    const view: LineView = {
      raw,
      body,
      line: body.trim(),
      words: wordCount(body),
      rawWords: wordCount(raw),
      key,
      next,
      previous,
      afterDuration: previous !== null && DURATION_ALONE.test(previous.trim()),
      durations,
      feedItems,
      wasAuthorBox,
      quoted: quotesSomeone(body),
      outlet: outlet === '' ? null : outlet,
      outletName,
      isTitle: meta.title !== null && meta.title !== undefined && key === comparable(meta.title),
    };
    const rule = LINE_RULES.find(([, test]) => test(view));
    if (rule) {
      afterAuthorBox = rule[0] === AUTHOR_BOX_REASON;
      furniture(rule[0]);
      continue;
    }

    const isTitle = meta.title !== null && key === comparable(meta.title);
    if (isTitle) {
      if (titleSeen) {
        furniture('repeated headline');
        continue;
      }
      titleSeen = true;
      blocks.push({ ...span, kind: 'heading', reason: 'headline' });
      continue;
    }
    // The headline printed again but cut short (an image's alt text, a truncated teaser).
    if (
      titleSeen &&
      meta.title !== null &&
      wordCount(body) >= 4 &&
      !TERMINAL.test(body.trim()) &&
      comparable(meta.title).startsWith(key)
    ) {
      furniture('repeated headline (cut short)');
      continue;
    }
    // The headline printed again below it with a site's name, a section or a label around it
    // ("… | Sahel Wire", "Mali: …", "… (video)", "… says army"), or cut with an ellipsis: a link to
    // the story or a sharing box, not a line of the article.
    if (titleSeen && meta.title !== null && repeatsHeadline(body.trim(), meta.title)) {
      furniture('repeated headline (with a label or a site name around it, or cut short)');
      continue;
    }
    const short = wordCount(body) <= 16;
    // A line closed by a comma or a semicolon is a sentence the page left open: body, not a heading.
    // So is a line that attributes in the past ("France said it will … continue …"): headlines
    // report in the present, and a sentence that lost its full stop is still a sentence.
    // So is one the site cut short ("… Florence Parl [&#8230;]").
    const leftOpen =
      cutBySite ||
      (/[,;]$/u.test(body.trim()) && wordCount(body) >= 6) ||
      (wordCount(body) >= 8 && PAST_ATTRIBUTION.test(body));
    if (
      (short && !TERMINAL.test(body.trim()) && !leftOpen) ||
      (short && /\?$/.test(body) && wordCount(body) <= 8 && bodySeen)
    ) {
      if (seenHeadings.has(key)) {
        furniture('repeated headline');
        continue;
      }
      seenHeadings.add(key);
      blocks.push({ ...span, kind: 'heading', reason: 'subheading' });
      continue;
    }
    if (seenHeadings.has(key)) {
      furniture('repeated headline');
      continue;
    }

    // A dateline ("PARIS (AP) —") is kept with its sentence: it is where the story was filed,
    // and cutting it would leave the first passage starting mid-sentence.
    const start = span.start;
    bodySeen = true;
    blocks.push({ ...trimSpan(text, { start, end: span.end }), kind: 'body' });
  }
  blocks.sort((a, b) => a.start - b.start);
  dropRepeats(text, blocks);
  dropPromptFragments(text, blocks);
  dropAfterPaywall(text, blocks);
  dropGalleryCaptions(text, blocks);
  dropByShape(text, blocks, paragraphs, meta.title, meta.language);
  dropCaptionsOverCredits(text, blocks);
  dropOffTopicHeadlines(text, blocks, meta.title, meta.language);
  dropNamesAlone(text, blocks, meta.title);
  dropPortraitCaptions(text, blocks);
  dropAltTextsOfCaptions(text, blocks);
  dropAfterSignOff(text, blocks);
  dropOffTopicAboveHeadline(text, blocks, meta.language);
  // Last, so that what the other rules set aside below the form keeps their reason.
  dropAfterCommentForm(text, blocks);
  return blocks;
}

/** Reasons of the lines that sign an article off: its byline or agency, its source, its credits. */
const SIGN_OFF_REASON =
  /^(?:byline or agency line|who contributed to the report|reporting and editing credits|a field of the page's metadata)/u;

/**
 * A story ends where it is signed off: a line of its own giving the byline, the agency, the
 * source or the translator after two paragraphs or more ("Source :Skai", "*Translated from
 * Arabic by …"). One or two lines kept after the last such line are the page's, not the
 * article's: the writer's bio ("With a wealth of experience…"), the agency's notice ("Only part
 * of the dispatches…"). Three or more are the article going on, and are left alone.
 */
function dropAfterSignOff(text: string, blocks: Block[]): void {
  let bodies = 0;
  let signOff = -1;
  blocks.forEach((b, i) => {
    if (b.kind === 'body') bodies++;
    // The whole line, spaces around it aside (" Manassé AGBOSSAGA" is indented on its page).
    const lineEnd = text.indexOf('\n', b.end);
    const whole =
      text.slice(text.lastIndexOf('\n', b.start - 1) + 1, b.start).trim() === '' &&
      text.slice(b.end, lineEnd === -1 ? text.length : lineEnd).trim() === '';
    if (b.kind === 'furniture' && bodies >= 2 && whole && SIGN_OFF_REASON.test(b.reason ?? '')) signOff = i;
  });
  if (signOff === -1) return;
  const after = blocks.slice(signOff + 1).filter((b) => b.kind !== 'furniture');
  if (after.length === 0 || after.length > 2) return;
  const line = text.slice(blocks[signOff]!.start, blocks[signOff]!.end).trim();
  for (const b of after) {
    b.kind = 'furniture';
    b.reason = `after the article's sign-off "${line.length > 40 ? `${line.slice(0, 39)}…` : line}" (a bio or a notice)`;
  }
}

/**
 * A picture flattened into text prints its alt text, then its caption that begins with the same
 * words and adds a credit ("EDF personnel in Mali." / "EDF personnel in Mali. Source: Mil.ee"): a
 * line kept so far whose words all open the caption right after it is that caption printed twice.
 */
function dropAltTextsOfCaptions(text: string, blocks: Block[]): void {
  blocks.forEach((b, i) => {
    const next = blocks[i + 1];
    if (b.kind === 'furniture' || next?.kind !== 'furniture' || !/caption|credit/u.test(next.reason ?? ''))
      return;
    const own = comparable(text.slice(b.start, b.end)).replace(/[.!?]+$/u, '');
    const caption = comparable(text.slice(next.start, next.end));
    if (own.split(' ').length >= 3 && caption.length > own.length && caption.startsWith(own)) {
      b.kind = 'furniture';
      b.reason = 'image alt text printed again in its caption';
    }
  });
}

/** A "Lire aussi :" / "Read also:" link run into a paragraph after one of its sentences, arrow and all. */
const RUN_IN_TEASER =
  /(?<=[.!?\u2026\u00BB\u201D"])\s+(?:[>\u203A\u2192\u25B6\u25BA\u27A4]\s*)?(?:(?:\u00C0|A) lire aussi|Lire aussi|Lire \u00E9galement|Voir aussi|Read also|Also read|See also|ALSO READ|LIRE AUSSI)\s*[:>|\u2013\u2014-]\s*/gu;

/**
 * Words that open a sentence, capitalised: where the article's prose resumes after a teaser's
 * headline run into the paragraph ("… RFI et France 24 Le président français…"), since a headline
 * has no full stop to end it.
 */
const SENTENCE_OPENER =
  /^(?:Le|La|Les|L['\u2019]\p{L}+|Un|Une|Des|Ce|Cet|Cette|Ces|Il|Elle|Ils|Elles|On|Selon|Depuis|Apr\u00E8s|Dans|Pour|Mais|The|A|An|This|These|It|He|She|They|In|After|According|But)$/u;

/**
 * Cuts a paragraph where a teaser for another story is run into it between two of its sentences
 * (a related-link box flattened into the text): the teaser, from its "Lire aussi :" to the first
 * word that opens a sentence after at least three words of headline, is set apart so the prose on
 * both sides is classified, and indexed, as printed. A teaser that runs to the end of the line is
 * left to the end-of-line rules; one of more than 25 words is not cut.
 */
function splitAtRunInTeasers(
  text: string,
  printed: readonly Span[],
): { paragraphs: Span[]; teasers: Set<number> } {
  const paragraphs: Span[] = [];
  const teasers = new Set<number>();
  for (const p of printed) {
    const line = text.slice(p.start, p.end);
    let from = 0;
    for (const m of line.matchAll(RUN_IN_TEASER)) {
      if (m.index < 20 || m.index < from) continue;
      const after = line.slice(m.index + m[0].length);
      const words = [...after.matchAll(/\S+/gu)];
      const resume = words.findIndex(
        (w, k) => k >= 3 && k <= 25 && SENTENCE_OPENER.test(w[0]) && !/[.!?:;,]$/u.test(words[k - 1]![0]),
      );
      if (resume === -1) continue;
      const rest = after.slice(words[resume]!.index);
      if (wordCount(rest) < 8) continue;
      const teaserStart = p.start + m.index;
      const teaserEnd = p.start + m.index + m[0].length + words[resume]!.index;
      paragraphs.push(trimSpan(text, { start: p.start + from, end: teaserStart }));
      const teaser = trimSpan(text, { start: teaserStart, end: teaserEnd });
      paragraphs.push(teaser);
      teasers.add(teaser.start);
      from = teaserEnd - p.start;
    }
    paragraphs.push(trimSpan(text, { start: p.start + from, end: p.end }));
  }
  return { paragraphs, teasers };
}

/** An attribution in the past tense, as a story's sentences report and its headlines never do. */
const PAST_ATTRIBUTION =
  /\b(?:said|told|added|stated|explained|a (?:d\u00E9clar\u00E9|affirm\u00E9|indiqu\u00E9|dit|ajout\u00E9|expliqu\u00E9|pr\u00E9cis\u00E9|soulign\u00E9))\b/u;

/** Share of a set-between line's words that the rest of the page must print for it to be a subheading. */
const SUBHEADING_SHARED_WORDS = 0.35;

/**
 * A teaser for another story set between the paragraphs prints that story's headline: a line of
 * six topic words or more and no sentence punctuation, kept so far as a subheading, most of whose
 * words (stemmed, stop words left out, by the article's language) the headline and the paragraphs
 * of this page never use. A subheading announces what the next paragraphs say, so it shares
 * their words ("Barkhane quitte la base de Ménaka" over a paragraph about the handover); another
 * story's headline ("Gisèle Pelicot : Jugements imminents dans le procès…") does not.
 */
function dropOffTopicHeadlines(
  text: string,
  blocks: Block[],
  title: string | null,
  language: string | undefined,
): void {
  const analyzer = analyzerFor(language);
  const stems = (s: string) => termsOf(analyzer, s).map((t) => t.slice(0, 5));
  const isBody = (b: Block | undefined) => b?.kind === 'body';
  const isTeaser = (b: Block | undefined) =>
    b?.kind === 'furniture' && b.reason?.startsWith('teaser for another story') === true;
  // The share of a candidate's words the headline and the other lines kept print, or null when
  // the line is no candidate (not a subheading between paragraphs, too short, a sentence, a list
  // item, a line introducing what follows, or one attributing in the past).
  const sharedShare = (b: Block, i: number, fewest: number): { shared: number; own: number } | null => {
    if (b.kind !== 'heading' || b.reason !== 'subheading') return null;
    if (!blocks.slice(0, i).some(isBody) || !blocks.slice(i + 1).some(isBody)) return null;
    const line = text.slice(b.start, b.end);
    if (wordCount(line) < fewest || TERMINAL.test(line.trim())) return null;
    // An item of a list the paragraph above introduces ("Deux institutions … :" / "- L'EAFDL …")
    // names something of this story in words of its own; a line closed by a colon introduces what
    // follows, which a headline never does.
    if (/^[-\u2013\u2022\u00B7*]\s/u.test(line) || /:\s*$/u.test(line)) return null;
    // Headlines report in the present ("… in Niger, says Macron"); a line that attributes in the
    // past ("France said it will, however, continue …") is a sentence of this story that lost its
    // full stop, whatever words it uses.
    if (PAST_ATTRIBUTION.test(line)) return null;
    const own = new Set(stems(line));
    // A short subheading ("A base built for ten years") has too few words to judge by.
    if (own.size < fewest) return null;
    const page = new Set(
      stems(
        [
          title ?? '',
          ...blocks.filter((o) => o !== b && o.kind !== 'furniture').map((o) => text.slice(o.start, o.end)),
        ].join('\n'),
      ),
    );
    return { shared: [...own].filter((t) => page.has(t)).length, own: own.size };
  };
  blocks.forEach((b, i) => {
    const m = sharedShare(b, i, 6);
    if (m && m.shared / m.own < SUBHEADING_SHARED_WORDS) {
      b.kind = 'furniture';
      b.reason = `teaser for another story (a headline set between the paragraphs that shares ${m.shared} of its ${m.own} words with this article)`;
    }
  });
  // Teasers come in lists: a headline-shaped line touching one (no paragraph between them) is the
  // list's next item when fewer than half its words are this article's. A subheading announces the
  // paragraph under it and shares its words; a list of other stories' headlines shares a topic's
  // few names ("Mali", "France") and little else.
  for (let changed = true; changed; ) {
    changed = false;
    blocks.forEach((b, i) => {
      if (!isTeaser(blocks[i - 1]) && !isTeaser(blocks[i + 1])) return;
      const m = sharedShare(b, i, 4);
      if (!m || m.shared / m.own >= TEASER_LIST_SHARED_WORDS) return;
      b.kind = 'furniture';
      b.reason = `teaser for another story (a headline next to another teaser that shares ${m.shared} of its ${m.own} words with this article)`;
      changed = true;
    });
  }
}

/** Share of a line's words, next to a teaser, that the rest of the page must print for it to be a subheading. */
const TEASER_LIST_SHARED_WORDS = 0.5;

/** Largest share of a line's words the article below the headline may print for the line above it to be the page's. */
const ABOVE_HEADLINE_SHARED_WORDS = 0.1;

/**
 * The article starts at its headline: what a page prints above the headline's first printing is
 * either the article's own kicker or standfirst, which speaks of the same subject, or the site's
 * chrome (menus, a consent dialog, a search box, a section's name), which does not. A line the
 * rules kept above the headline, at most a tenth of whose words (stemmed, stop words left out, by
 * the article's language) the headline and the kept lines below it use, and fewer than two of the
 * headline's own, is set aside. This judges
 * a line by the article's vocabulary, not by its own wording, so it reaches chrome no rule names.
 * Run alone on waves 1–20 of the real pages, it sets aside 30 of the 49 furniture lines printed
 * above a headline there (13 pages, 12 outlets; other rules already catch them) and no body line:
 * the one standfirst printed above its headline shares 23% of its words with the article.
 */
function dropOffTopicAboveHeadline(text: string, blocks: Block[], language: string | undefined): void {
  const h = blocks.findIndex((b) => b.kind === 'heading' && b.reason === 'headline');
  if (h <= 0) return;
  const below = blocks.slice(h).filter((b) => b.kind !== 'furniture');
  // The headline alone is too few words to tell the article's subject from the chrome's.
  if (!below.some((b) => b.kind === 'body')) return;
  const analyzer = analyzerFor(language);
  const stems = (s: string) => new Set(termsOf(analyzer, s).map((t) => t.slice(0, 5)));
  const article = stems(below.map((b) => text.slice(b.start, b.end)).join('\n'));
  const headline = stems(text.slice(blocks[h]!.start, blocks[h]!.end));
  for (const b of blocks.slice(0, h)) {
    if (b.kind === 'furniture') continue;
    const own = stems(text.slice(b.start, b.end));
    const shared = [...own].filter((t) => article.has(t)).length;
    if (shared > ABOVE_HEADLINE_SHARED_WORDS * own.size) continue;
    // A long paragraph shares a small part of its words with a short article even when it is
    // the article's lede, printed above a headline repeated lower down; it echoes the headline.
    if ([...own].filter((t) => headline.has(t)).length >= 2) continue;
    b.kind = 'furniture';
    b.reason = `printed above the headline and off the article's subject (shares ${shared} of its ${own.size} words with the article)`;
  }
}

/** Two to four capitalised words and nothing else (particles allowed): a person's or a desk's name. */
const NAME_ALONE =
  /^\p{Lu}[\p{L}.'\u2019-]*(?:\s+(?:(?:de|du|des|van|von|al|el|ben|bin|ibn|da|di|dos|le|la)\s+)?\p{Lu}[\p{L}.'\u2019-]*){1,3}$/u;

/**
 * A name alone on its line between two paragraphs, none of whose words the headline or the rest
 * of the page uses, is a byline or a photographer's credit the page set apart ("Jane Doe" between
 * two paragraphs of a story that never mentions her). A subheading naming someone or something
 * of the story ("Emmanuel Macron", "Opération Barkhane") shares its words with the paragraphs.
 */
function dropNamesAlone(text: string, blocks: Block[], title: string | null): void {
  const isBody = (b: Block | undefined) => b?.kind === 'body';
  const wordsOf = (s: string) =>
    comparable(s)
      .split(/[^\p{L}\d]+/u)
      .filter((w) => w.length >= 2);
  blocks.forEach((b, i) => {
    if (b.kind !== 'heading' || b.reason !== 'subheading') return;
    const line = text.slice(b.start, b.end).trim();
    if (!NAME_ALONE.test(line)) return;
    if (!blocks.slice(0, i).some(isBody) || !blocks.slice(i + 1).some(isBody)) return;
    const page = new Set(
      wordsOf(
        [
          title ?? '',
          ...blocks.filter((o) => o !== b && o.kind !== 'furniture').map((o) => text.slice(o.start, o.end)),
        ].join('\n'),
      ),
    );
    const own = wordsOf(line).filter(
      (w) => !/^(?:de|du|des|van|von|al|el|ben|bin|ibn|da|di|dos|le|la)$/u.test(w),
    );
    if (own.length >= 2 && own.every((w) => !page.has(w))) {
      b.kind = 'furniture';
      b.reason = 'a name alone between paragraphs, which the article never mentions (a byline or a credit)';
    }
  });
}

/**
 * A portrait's caption: a person's name, a comma and what the person is, with no verb ("Joël
 * Meyer, ambassadeur de France au Mali", "Jean-Yves Le Drian, ministre français de …"), or the
 * same the other way round ("Le président malien de la transition, Assimi Goita"), with at most a
 * full stop, kept so far as a subheading or a short paragraph above, between or below the
 * paragraphs (or below the headline). A subheading says what the next paragraphs tell and a
 * sentence has a verb; a name and a title tell nothing, they label the picture beside them. The
 * name needs two capitalised words, the first not a preposition or an article (a person, not
 * "Barkhane, une opération …" or "Au Burkina Faso, dans les coulisses …"), and the description
 * no verb (a relative clause, "…, who led the coup", is a sentence's). Over every line of the
 * 289 rules pages the two forms match five lines, all of them captions.
 */
const PERSON_NAME =
  "\\p{Lu}[\\p{L}.'\u2019-]*(?:\\s+(?:(?:de|du|des|van|von|al|el|ben|bin|ibn|da|di|dos|le|la)\\s+)?\\p{Lu}[\\p{L}.'\u2019-]*){1,3}";
const PORTRAIT_CAPTION = new RegExp(
  `^${PERSON_NAME},\\s+(?:the\\s+|l[ae]\\s+|l['\u2019]|un\\s+|une\\s+)?\\p{Ll}[^,;:!?]*\\.?$`,
  'u',
);
const PORTRAIT_CAPTION_ROLE_FIRST = new RegExp(
  `^(?:The|Le|La|L['\u2019]|Les)\\s*\\p{Ll}[^,;:!?.]*,\\s+${PERSON_NAME}\\.?$`,
  'u',
);
/** Words that open a phrase, not a name: "Au Burkina Faso, …", "Pour Takuba, …", "Le Niger, …". */
const PHRASE_OPENER =
  /^(?:Au|Aux|En|Dans|Pour|Par|Sur|Avec|Selon|Le|La|Les|L['\u2019]\S*|Un|Une|Des|Du|De|In|On|At|For|With|By|From|The|A|An|After|Before|Apr\u00E8s|Avant|Depuis|Pendant|Malgr\u00E9|Outre|Since|During|Despite|Under|Over|As|Comme|Chez|Entre|Between|Among|Parmi)\s/u;
const DESCRIPTION_VERB =
  /\b(?:who|which|that|qui|que|is|was|has|had|will|est|a|ont|sera|\p{L}+(?:ed|ing))\b/iu;
function dropPortraitCaptions(text: string, blocks: Block[]): void {
  const isBody = (b: Block | undefined) => b?.kind === 'body';
  blocks.forEach((b, i) => {
    if (b.kind === 'furniture' || (b.kind === 'heading' && b.reason !== 'subheading')) return;
    const line = text.slice(b.start, b.end).trim();
    const nameFirst = PORTRAIT_CAPTION.test(line) && !PHRASE_OPENER.test(line);
    if (!(nameFirst || PORTRAIT_CAPTION_ROLE_FIRST.test(line)) || wordCount(line) > 16) return;
    const description = nameFirst ? line.slice(line.indexOf(',') + 1) : line.slice(0, line.indexOf(','));
    if (DESCRIPTION_VERB.test(description)) return;
    // Between the headline and the first paragraph a picture's caption stands as often as between
    // paragraphs, and above the first paragraph of a page that does not print its headline.
    const first = blocks.slice(0, i).every((o) => o.kind === 'furniture');
    const before = first || blocks.slice(0, i).some((o) => isBody(o) || o.reason === 'headline');
    if (!before || !blocks.slice(i + 1).some(isBody)) return;
    b.kind = 'furniture';
    b.reason = "a portrait's caption (a name and what the person is, between paragraphs)";
  });
}

/**
 * A paywall notice after the article's first sentences ("Cet article est réservé aux abonnés",
 * "Looking to read the full article?") ends what the page prints of it: everything after is
 * offers, login and comments.
 */
function dropAfterPaywall(text: string, blocks: Block[]): void {
  let bodySeen = false;
  let after: string | null = null;
  for (const b of blocks) {
    const s = text.slice(b.start, b.end);
    // A page that goes on printing the article's prose after a "subscribers only" label (a badge
    // over the opening) has not stopped at it: the label alone is furniture.
    // Prose that speaks of subscribers or subscriptions is the offer's own ("Subscribers have
    // access to the full Analyses…"), not the article going on.
    if (
      after !== null &&
      b.kind === 'body' &&
      isProse(text, b) &&
      !SUBSCRIPTION_WORD.test(text.slice(b.start, b.end))
    )
      after = null;
    if (after !== null) {
      b.kind = 'furniture';
      b.reason = `after the paywall notice "${after}"`;
      continue;
    }
    if (b.kind === 'body') bodySeen = true;
    else if (bodySeen && b.kind === 'furniture' && PAYWALL_END.test(s))
      after = s.length > 40 ? `${s.slice(0, 39)}…` : s;
  }
}

/**
 * The comment form closes the article: a page prints its comments, its advertisers' links and
 * its other stories' briefs below it, never the article going on ("Commentaires" / "Les
 * commentaires ( 0 )" / "Canal+" / "Brèves" / a football brief). Once the form comes after two
 * body paragraphs or more, every line after it is furniture. A count of comments ("12
 * comments") can stand under the headline as a counter, so it closes nothing.
 */
function dropAfterCommentForm(text: string, blocks: Block[]): void {
  let bodies = 0;
  let form: string | null = null;
  for (const b of blocks) {
    const s = text.slice(b.start, b.end).trim();
    if (form !== null) {
      if (b.kind !== 'furniture') {
        b.kind = 'furniture';
        b.reason = `after the comment form "${form}"`;
      }
      continue;
    }
    if (b.kind === 'body') bodies++;
    else if (bodies >= 2 && b.kind === 'furniture' && b.reason === 'comment form' && !/^\d/u.test(s))
      form = s.length > 40 ? `${s.slice(0, 39)}…` : s;
  }
}

/**
 * A photo gallery prints one background sentence under every picture: a sentence of eight words
 * or more closing three blocks or more marks them all as captions.
 */
function dropGalleryCaptions(text: string, blocks: Block[]): void {
  const holders = new Map<string, Set<Block>>();
  for (const b of blocks) {
    for (const s of splitSentences(text, b)) {
      const key = comparable(text.slice(s.start, s.end));
      if (key.split(' ').length < 8) continue;
      holders.set(key, (holders.get(key) ?? new Set()).add(b));
    }
  }
  for (const set of holders.values()) {
    if (set.size < 3) continue;
    for (const b of set) {
      if (b.kind === 'furniture') continue;
      b.kind = 'furniture';
      b.reason = `photo caption (a gallery: the same sentence closes ${set.size} captions)`;
    }
  }
}

/**
 * Evidence from a line's shape and place, for what no pattern names: short, no sentence
 * punctuation, all capitals, speaking to the reader, a reader control ("Show more"), standing
 * outside the article (after its last sentence, or between the headline and the first) next to
 * other furniture. Enough of it together, and the line is furniture; a subheading between two
 * paragraphs never is on shape alone.
 */
/** A place and a day, with no year: a wire dateline set on its own line above the first paragraph. */
const DATELINE_ALONE = new RegExp(
  String.raw`^\p{Lu}[\p{L}'\u2019-]+(?:[ -]\p{Lu}[\p{L}'\u2019-]+){0,2},\s+(?:${CAPTION_MONTH}\s+\d{1,2}|\d{1,2}(?:er)?\s+(?:${FULL_MONTH}|${MOIS}))$`,
  'u',
);

/** Words of a page's last paragraph, cut off without its full stop, that make it prose. */
const CUT_SENTENCE_WORDS = 6;
function dropByShape(
  text: string,
  blocks: Block[],
  paragraphs: readonly Span[],
  title: string | null,
  language: string | undefined,
): void {
  // The page's last paragraph, cut mid-sentence when the page was saved, is still the article's
  // prose: a subheading before it stands between two paragraphs, not outside the article.
  const textEnd = text.trimEnd().length;
  const isSentence = (b: Block) => {
    const s = text.slice(b.start, b.end).trim();
    // So is a paragraph the site itself cut ("… Florence Parl [&#8230;]"): its cut mark follows it.
    const siteCut = blocks.some(
      (o) => o.reason === SITE_CUT_REASON && o.start >= b.end && text.slice(b.end, o.start).trim() === '',
    );
    const cut = (b.end >= textEnd || siteCut) && wordCount(s) >= CUT_SENTENCE_WORDS && /[\p{Ll},;]$/u.test(s);
    // A paragraph wholly in brackets is a note about the story, not a sentence of it.
    if (/^\([^()]+\)$/u.test(s)) return false;
    // The cut piece may be short enough to have been kept as a subheading ("The incident takes
    // place against a b"): a heading does not stop mid-word at the end of the page.
    return (b.kind === 'body' && wordCount(s) >= 8 && TERMINAL.test(s)) || (cut && b.kind !== 'furniture');
  };
  const first = blocks.findIndex(isSentence);
  let last = -1;
  blocks.forEach((b, i) => {
    if (isSentence(b)) last = i;
  });
  // The headline stands before the first sentence and is no furniture: the line matching the
  // title, else the first line kept that reads as a headline (three words or more, no full stop)
  // and, where the title is known, repeats words of it: a byline above the article ("from RUDD
  // KONTE in Bamako, Mali") reads as a headline too, but shares no more than a place with it.
  const analyzer = analyzerFor(language);
  const titleStems = new Set(title === null ? [] : termsOf(analyzer, title).map((t) => t.slice(0, 5)));
  const repeatsTitle = (s: string) => {
    if (titleStems.size === 0) return true;
    const own = new Set(termsOf(analyzer, s).map((t) => t.slice(0, 5)));
    return [...own].filter((t) => titleStems.has(t)).length >= Math.min(2, titleStems.size);
  };
  const titled = blocks.findIndex((b) => b.reason === 'headline');
  const headline =
    titled !== -1
      ? titled
      : blocks.findIndex((b) => {
          const s = text.slice(b.start, b.end).trim();
          return b.kind !== 'furniture' && wordCount(s) >= 3 && !/[.!?]$/.test(s) && repeatsTitle(s);
        });
  const lastParagraph = paragraphs[paragraphs.length - 1];
  // Furniture comes in runs: a second pass sees the lines the first one set aside as neighbours.
  for (let pass = 0; pass < 2; pass++)
    blocks.forEach((b, i) => {
      if (b.kind === 'furniture' || b.reason === 'headline') return;
      const s = text.slice(b.start, b.end).trim();
      // Quotation marks protect a line, unless it is a short label with no sentence in it (a
      // publisher's signature: GSV "Russia - Islamic World").
      // An excerpt cut with an ellipsis after the article's last sentence is a teaser's summary
      // ("Départ du Premier Ministre pour Tombouctou Le Premier ministre, … et de…"): what it
      // quotes is the other story's.
      const excerpt = i > last && first !== -1 && wordCount(s) >= 6 && /(?:\.{3}|\u2026)$/u.test(s);
      if (
        !excerpt &&
        /["\u201C\u201D\u00AB\u00BB]/u.test(s) &&
        (wordCount(s) > 6 || TERMINAL.test(s.replace(/["\u201D\u00BB]$/u, '')))
      )
        return;
      // A line closed by a comma or a semicolon is a sentence left open (by the page's line break,
      // or by the end of a page cut off when it was saved: "Until Dec. 31,"): prose, whatever its shape.
      if (/[,;]$/u.test(s)) return;
      // A dateline printed on a line of its own ("Paris, February 17", "New Delhi, 17 février")
      // opens the article's first paragraph: the place it was filed and the day, without the year
      // a publication stamp carries.
      if (DATELINE_ALONE.test(s)) return;
      const outside = first === -1 || i > last || (i < first && i !== headline);
      const neighbour = [blocks[i - 1], blocks[i + 1]].some((n) => n?.kind === 'furniture');
      // Each piece of evidence with its weight; a reader control ("Show more") is near proof.
      const evidence: Array<[string, number]> = [];
      if (outside)
        evidence.push([first === -1 ? 'no article sentence on the page' : 'outside the article', 1]);
      // A long line is prose even when cut off without its full stop (an aggregator's excerpt).
      // A closing quotation mark alone does not end a sentence: GSV "Russia - Islamic World".
      const unpunctuated = !TERMINAL.test(s) || (wordCount(s) <= 6 && !/[.!?]["\u201D\u00BB]?$/u.test(s));
      if (unpunctuated && wordCount(s) <= 16) evidence.push(['no sentence punctuation', 1]);
      if (wordCount(s) <= 6) evidence.push(['short', 1]);
      if (/\p{L}{2}/u.test(s) && s === s.toUpperCase() && wordCount(s) >= 2)
        evidence.push(['all capitals', 1]);
      if (/\b(?:you|your|vous|votre|vos)\b/iu.test(s) || CTA_VERB.test(s))
        evidence.push(['speaks to the reader', 1]);
      if (UI_TAIL.test(s)) evidence.push(['a reader control ("show more")', 2]);
      // A paragraph wholly in brackets is an editor's note ("(This story has not been edited…)").
      if (/^\([^()]+\)$/u.test(s)) evidence.push(['wholly in brackets (a note)', 2]);
      if (/\b(?:share|shares|partag\w*|tweet|retweet)\b/iu.test(s) && wordCount(s) <= 6)
        evidence.push(['sharing words', 1]);
      if (outside && neighbour) evidence.push(['next to furniture', 1]);
      if (excerpt) evidence.push(["cut with an ellipsis after the article (a teaser's excerpt)", 1]);
      // The page's last line, cut by the collection, may be a short piece of a sentence.
      // A line of capitalised words alone is a name signing off ("– CAJ News"), not a cut sentence.
      const isLastLine =
        lastParagraph !== undefined &&
        b.end >= lastParagraph.end &&
        wordCount(s) >= 3 &&
        /(?:^|\s)\p{Ll}{2,}/u.test(s);
      const score = evidence.reduce((n, [, w]) => n + w, 0);
      if (outside && score >= (isLastLine ? 4 : 3)) {
        b.kind = 'furniture';
        b.reason = `page furniture by its shape (${evidence.map(([e]) => e).join(', ')})`;
      }
    });
}

/**
 * A picture flattened into text prints its name or label, its caption, then its credit on lines
 * of their own: a short paragraph (30 words at most, no quotation) set between a short furniture
 * line (the picture's name) and a photo credit line is the caption ("Joel Meyer" / "French
 * Ambassador to Mali Joël Meyer. …" / "Photo credit: … | AFP)"), unless it is the page's only prose.
 */
function dropCaptionsOverCredits(text: string, blocks: Block[]): void {
  const isCredit = (b: Block | undefined) =>
    b?.kind === 'furniture' &&
    /credit|image label/u.test(b.reason ?? '') &&
    /^\(?(?:Photos?|Cr\u00E9dits?|Credits?|Image|Picture|\u00A9)\b/iu.test(text.slice(b.start, b.end).trim());
  blocks.forEach((b, i) => {
    const s = text.slice(b.start, b.end);
    if (b.kind !== 'body' || wordCount(s) > 30 || /["\u201C\u201D\u00AB\u00BB]/u.test(s)) return;
    const before = blocks[i - 1];
    const label = before?.kind === 'furniture' && wordCount(text.slice(before.start, before.end)) <= 6;
    const others = blocks.some((o) => o !== b && o.kind === 'body');
    if (label && others && isCredit(blocks[i + 1])) {
      b.kind = 'furniture';
      b.reason = 'photo caption (between the picture and its credit)';
    }
  });
}

/**
 * A page that prints its body twice, or a summary that repeats a paragraph word for word, is
 * indexed once: a body paragraph whose words stand again in another body paragraph (a longer one
 * holding it, or the same paragraph printed again: the later printing, or the earlier one when it
 * stands apart from the paragraphs as a standfirst and the later stands among them) is set aside.
 */
function dropRepeats(text: string, blocks: Block[]): void {
  const body = blocks
    .map((b, i) => ({ b, i, key: comparable(text.slice(b.start, b.end)) }))
    .filter((x) => x.b.kind === 'body' && x.key.split(' ').length >= 6);
  // A paragraph between two of the article's paragraphs, and one set apart from them (no body
  // paragraph on either side: a standfirst between the headline and the page's furniture).
  const amongParagraphs = (i: number) => blocks[i - 1]?.kind === 'body' && blocks[i + 1]?.kind === 'body';
  const setApart = (i: number) => blocks[i - 1]?.kind !== 'body' && blocks[i + 1]?.kind !== 'body';
  // Of two identical printings, the one kept is the first, unless the first is set apart and the
  // second stands among the paragraphs: then the page prints the article's paragraph again above
  // it as a summary, and the summary is what is set aside (as a paragraph that holds a shorter
  // one keeps the longer).
  const keeps = (y: (typeof body)[number], x: (typeof body)[number]) =>
    y.i < x.i ? !(setApart(y.i) && amongParagraphs(x.i)) : setApart(x.i) && amongParagraphs(y.i);
  for (const x of body) {
    const holder = body.find(
      (y) =>
        y !== x &&
        y.b.kind === 'body' &&
        (y.key.length > x.key.length ? y.key.includes(x.key) : y.key === x.key && keeps(y, x)),
    );
    if (holder) {
      x.b.kind = 'furniture';
      x.b.reason = 'repeated paragraph (the page prints it again)';
    }
  }
}

/**
 * A short line kept as a heading right before or after a prompt is part of that prompt ("The
 * summary of the"). So is a short paragraph (40 words at most) between two prompts: an offer's
 * sales line set between its "Subscribe to …" and its "Sign up for …" ("Escape your echo
 * chamber. Get the facts behind the news…"), whose own words name nothing a rule knows.
 */
function dropPromptFragments(text: string, blocks: Block[]): void {
  const isPrompt = (b: Block | undefined) => b?.kind === 'furniture' && /prompt/.test(b.reason ?? '');
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (
      b.kind === 'heading' &&
      b.reason === 'subheading' &&
      (isPrompt(blocks[i + 1]) || isPrompt(blocks[i - 1]))
    ) {
      b.kind = 'furniture';
      b.reason = 'paywall, subscription, newsletter or app prompt (its first words)';
    } else if (
      b.kind !== 'furniture' &&
      isPrompt(blocks[i - 1]) &&
      isPrompt(blocks[i + 1]) &&
      wordCount(text.slice(b.start, b.end)) <= 40
    ) {
      b.kind = 'furniture';
      b.reason = 'paywall, subscription, newsletter or app prompt (a line between two of its lines)';
    }
  }
}
