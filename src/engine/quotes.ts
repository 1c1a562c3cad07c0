import type { Article, Corpus } from '../corpus/load.js';
import { splitSentences, type Span } from '../corpus/segment.js';
import { personMentions, titleBefore } from './entities.js';
import { COUNTRIES, OTHER_PLACES } from './gazetteer.js';
import { sourceOf } from './sources.js';
import type { Quotation, QuoteResult } from './types.js';
import { comparable, looseComparable } from '../text/normalize.js';
import { indexTerms } from '../text/tokenize.js';
import { termsOf } from '../text/analyzer.js';
import { french } from '../text/french.js';
import { analyzerFor, questionLanguage } from '../text/languages.js';
import { queryProblem } from './validate.js';
import { withinEdits } from './search.js';

/** Verbs that introduce or close a quotation. */
const SPEECH_VERB =
  'said|says|say|told|tells|added|adds|adding|warned|warns|warning|stated|states|declared|insisted|announced|announces|cited|citing|wrote|writes|asked|argued|explained|noted|claimed|denied|acknowledged|vowed|urged|called|described|saying|telling|stressed|insisting|explaining|continued|continues|concluded|affirmed|tweeted|posted|emphasised|emphasized|pointed out|remarked|replied|responded|recalled|conceded|admitted|promised|pledged|threatened|accused|condemned|denounced|demanded|asserted|maintained|suggested|observed|commented|confirmed|lamented|hailed|praised|welcomed|branded|dubbed|reiterated|indicated|assured|underlined|underscored|reported|estimated|predicted|according to';
/** French verbs of saying, as past participles ("a déclaré") and present forms ("déclare"). */
const FR_PARTICIPLE =
  'déclaré|lancé|affirmé|ajouté|indiqué|expliqué|souligné|dit|estimé|assuré|précisé|justifié|martelé|insisté|averti|annoncé|répondu|rappelé|confié|écrit|prévenu|tranché|dénoncé|conclu|reconnu|promis|fait savoir|commenté|regretté|déploré|jugé|considéré|observé|noté|relevé|poursuivi|martelé|clamé|plaidé|fustigé|ironisé|lâché|asséné|glissé|raconté|résumé|analysé|tonné|accusé|demandé|exigé|réclamé|répété|avancé|soutenu|admis|qualifié|tweeté|félicité|interrogé|réagi|signalé|détaillé|insisté|menacé|mis en garde|prévenu|renchéri|complété|argué|avoué|certifié|garanti|martelé|nuancé|objecté|protesté|répliqué|rétorqué|souhaité|suggéré|témoigné';
const FR_PRESENT =
  'dit|déclare|affirme|ajoute|estime|explique|poursuit|précise|souligne|indique|assure|lance|martèle|insiste|rappelle|conclut|tranche|confie|avertit|reconnaît|juge|note|relève|observe|commente|regrette|déplore|fustige|dénonce|ironise|lâche|prévient|assène|glisse|raconte|résume|analyse|tonne|accuse|demande|exige|réclame|répète|avance|soutient|admet|promet|annonce|qualifie|écrit|renchérit|complète|argue|avoue|nuance|objecte|proteste|réplique|rétorque|souhaite|suggère|témoigne|détaille|menace|martèle|s.insurge|s.interroge|s.indigne|se félicite|se désole|estiment|affirment|déclarent|ajoutent|indiquent|précisent|soulignent|expliquent|assurent|rappellent|annoncent|dénoncent|jugent|notent|insistent';
/** «…», a-t-il justifié / «…», dit-elle: an inverted verb with a pronoun, pointing back to the last person. */
const FR_INVERTED_PRONOUN = new RegExp(
  `^\\s*[,.]?\\s*(?:(?:a|avait|ont)-t-(?:il|elle|ils|elles)\\s+(?:${FR_PARTICIPLE})|(?:${FR_PRESENT})(?:-t)?-(?:il|elle|ils|elles))(?![\\p{L}])`,
  'iu',
);
/** «…», a déclaré le colonel Maïga / «…», selon l'Élysée / «…», poursuit le ministre: the speaker after the verb. */
const FR_AFTER = new RegExp(
  `^\\s*[,.]?\\s*(?:(?:a|avait|ont)\\s+(?:${FR_PARTICIPLE})|${FR_PRESENT}|selon|d['\u2019]apr[eè]s)\\s+((?:[\\p{L}\\p{N}'\u2019.-]+\\s+){0,7}?[\\p{L}\\p{N}'\u2019.-]+)(?=\\s*(?:[,.;:]|\\s(?:au|lors|dans|devant|sur|en|à|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\\b|$))`,
  'iu',
);
/** "à l'AFP", "au Monde", "à la presse": to whom it was said, between the verb and the speaker. */
const FR_TO_WHOM = new RegExp(
  `(?<=(?:${FR_PARTICIPLE}|${FR_PRESENT}))\\s+(?:à|au|aux)\\s+(?:l['\u2019]|la\\s+|les\\s+)?[\\p{L}-]+`,
  'giu',
);
/** X a déclaré : « … » / X affirme que « … » / Pour X, … « … » / Selon X, « … »: the speaker before the quotation. */
const FR_BEFORE_VERB = new RegExp(
  `(?<![\\p{L}])(?:(?:a|avait|ont)\\s+(?:${FR_PARTICIPLE})|${FR_PRESENT})(?![\\p{L}])`,
  'giu',
);
const FR_FOR =
  /(?:^|[.;]\s+|,\s*)(?:according to|pour|selon|d['\u2019]apr[eè]s)\s+((?:[\p{L}\p{N}'\u2019.-]+\s+){0,6}?[\p{L}\p{N}'\u2019.-]+)\s*,/giu;
/** Words between a subject and its verb that are not part of the subject ("Macron has previously said"). */
const ADVERBS =
  /(?:\s+(?:has|have|had|also|then|later|previously|earlier|already|repeatedly|often|once|again|further|himself|herself|itself|themselves|publicly|separately|in a statement|in a speech|on\s+\w+(?:\s+(?:morning|afternoon|evening|night))?))+$/iu;
/** Nouns that name someone who can speak without a name: a ministry, an army, a general, a spokesman. */
const BODY_NOUN =
  /(?<![\p{L}])(?:paratrooper|soldier|legionnaire|pilot|villager|trader|student|teacher|shopkeeper|driver|farmer|doctor|nurse|activist|protester|demonstrator|parachutiste|l\u00E9gionnaire|commer\u00E7ant|\u00E9tudiant|general|colonel|commander|officer|president|ambassador|envoy|diplomat|analyst|expert|researcher|resident|witness|journalist|leader|chief|official|spokesperson|g\u00E9n\u00E9ral|ministre|pr\u00E9sident|pr\u00E9sidente|ambassadeur|diplomate|analyste|chercheur|chercheuse|habitant|habitante|t\u00E9moin|soldat|officier|responsable|chef|allies|alli\u00E9s|partenaires|ministry|ministries|minister|army|armies|military|government|presidency|junta|forces?|mission|council|union|commission|office|palace|\u00E9lys\u00E9e|elysee|minist\u00E8re|arm\u00E9e|gouvernement|autorit\u00E9s|authorities|department|pentagon|embassy|spokes(?:man|woman|person)|porte-parole|officials?|sources?|group|movement|party|agency|command|staff|\u00E9tat-major|task force|coalition|partners|countries|nations|leaders|statement|communiqu\u00E9|secretariat|headquarters|administration|cabinet|parliament|assembly|committee|organisation|organization|alliance|coalition|junte|pr\u00E9sidence|ministres?|soldiers|troops)(?![\p{L}])/iu;
/** A statement, communiqué or declaration: it speaks for whoever issued it. */
const STATEMENT =
  /^(?:(?:the|a|an|its|their|this|that|le|la|un|une|ce|cette)\s+)?(?:(?:joint|new|written|official|brief|short)\s+)?(?:statement|communiqu\u00E9|d\u00E9claration|press release|release)$/iu;
/** "the French army statement", "le communiqué des autorités maliennes": the issuer named with the statement. */
const STATEMENT_OF =
  /^(?:(?:the|a|an)\s+)?(.+?)\s+(?:joint\s+)?statement$|^(?:(?:the|a|an|le|un)\s+)?(?:statement|communiqu\u00E9|d\u00E9claration)\s+(?:from|by|of|issued by|des|du|de la|de l['\u2019]|de)\s*(.+)$/iu;
/** A statement and who issued it, before a quotation; group 1 the issuer, up to a participle or a comma. */
const ISSUED_BY =
  /(?:communiqu\u00E9|statement|d\u00E9claration|press release)\s+(?:des|du|de la|de l['\u2019]|from|of|by|(?:issued|signed|released|published|sign\u00E9|publi\u00E9) (?:by|par))\s*((?:[\p{L}'\u2019-]+\s+){0,7}?[\p{L}'\u2019-]+)(?=\s+(?:(?:and\s+|et\s+)?\p{L}+(?:ant|ing|ed|\u00E9)|qui|that|which|who|said|says|a|on)(?![\p{L}])|\s*[,;:.]|$)/giu;
/** A French title just before a surname: "le président Macron", "le colonel Maïga". */
const FR_TITLE_BEFORE =
  /(?:pr\u00E9sident|pr\u00E9sidente|colonel|g\u00E9n\u00E9ral|ministre|capitaine|commandant|lieutenant|porte-parole|chef|M\.|Mme)\s+$/u;
/** A body announcing something in the writer's words: "The defence ministry announced …". */
const ANNOUNCES =
  /((?:the|The)\s+(?:[\p{L}-]+\s+){0,3}?(?:ministry|army|military|government|presidency|junta|forces?|mission|council|office|palace|command|staff|task force|coalition|embassy|department|agency))\s+(?:has\s+)?(?:said|announced|stated|declared|confirmed|added|reported)\b/gu;
/** True when a speech verb stands in the text, so the nearer verb's subject is the speaker. */
function verbBetween(s: string): boolean {
  return (
    new RegExp(`\\b(?:${SPEECH_VERB})\\b`, 'i').test(s) || new RegExp(FR_BEFORE_VERB.source, 'iu').test(s)
  );
}
const VERB_RE = new RegExp(`\\b(?:${SPEECH_VERB})\\b`, 'gi');
const PARTICIPLE = /^(?:saying|adding|citing|warning|telling|insisting|explaining)$/i;
const PRONOUN = /^(?:he|she|they|il|elle)$/i;
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
}

/** Finds quotation spans (inner text) in a block: “…”, "…", ‘…’ and '…' pairs. */
export function quotationSpans(text: string, block: Span): Span[] {
  const s = text.slice(block.start, block.end);
  const out: Span[] = [];
  const push = (a: number, b: number) => {
    let start = a;
    let end = b;
    while (start < end && /\s/.test(s[start]!)) start++;
    while (end > start && /[\s,;:]/.test(s[end - 1]!)) end--;
    if (end - start >= 2) out.push({ start: block.start + start, end: block.start + end });
  };
  // Double quotation marks: curly pairs, then straight ones toggling open/closed.
  for (const m of s.matchAll(/\u201C([^\u201C\u201D]*)(?:\u201D|$)/g))
    push(m.index! + 1, m.index! + 1 + m[1]!.length);
  for (const m of s.matchAll(/"([^"]*)(?:"|$)/g)) push(m.index! + 1, m.index! + 1 + m[1]!.length);
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

/** Sentence adverbs a name-finder can take for a first name ("Later Dembélé added"). */
const LEADING_ADVERB =
  /^(?:Later|Then|Meanwhile|However|Earlier|Also|Now|Finally|Separately|Yesterday|Today|Speaking|Asked|Ensuite|Puis|Enfin|Hier)\s+/u;

/** A name without a sentence adverb in front of it. */
function withoutLeadingAdverb(name: string): string {
  return name.replace(LEADING_ADVERB, '');
}

/** People known in the corpus: full names, and the surnames and titles that point to them. */
class PersonRegistry {
  private readonly bySurname = new Map<string, Set<string>>();
  readonly full = new Set<string>();

  constructor(corpus: Corpus) {
    for (const a of corpus.articles) {
      for (const b of a.blocks) {
        if (b.kind === 'furniture') continue;
        for (const p of personMentions(a.text.slice(b.start, b.end))) {
          const name = withoutLeadingAdverb(p.name);
          const words = name.split(' ');
          if (words.length < 2) continue;
          this.full.add(name);
          const surname = words[words.length - 1]!;
          (this.bySurname.get(surname) ?? this.bySurname.set(surname, new Set()).get(surname)!).add(name);
        }
      }
    }
  }

  /** Full name for a mention ("Mr Macron" → "Emmanuel Macron"), or null when unknown or ambiguous. */
  resolve(name: string): string | null {
    const bare = name
      .replace(/^(?:Mr|Mrs|Ms|Dr|Miss)\.?\s+/, '')
      .replace(/['\u2019]s$/, '')
      .trim();
    if (this.full.has(bare)) return bare;
    const words = bare.split(' ');
    const candidates = this.bySurname.get(words[words.length - 1]!);
    if (candidates && candidates.size === 1) return [...candidates][0]!;
    return words.length >= 2 ? bare : null;
  }
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * Extracts every quotation in the corpus's body text and headings with its speaker, and looks
 * them up by words or speaker. Identical quotations in several articles are one result.
 */
export class QuotationIndex {
  private readonly people: PersonRegistry;
  private readonly groups: Quotation[];

  private readonly found: Found[];

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
    this.people = new PersonRegistry(corpus);
    this.found = corpus.articles.flatMap((a) => this.extract(a));
    this.groups = this.group(this.found);
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

  private extract(article: Article): Found[] {
    const text = article.text;
    const out: Found[] = [];
    const titles = new Map<string, string>(); // "french president" → "Emmanuel Macron"
    let lastPerson: { name: string; at: number } | null = null;
    let lastBody: string | null = null; // the last organisation or statement quoted: what "it" points back to
    // The speaker of the last quotation when the block before ended on one: a paragraph that
    // opens with a quotation and names no one continues it.
    let carried: string | null = null;
    for (const block of article.blocks) {
      if (block.kind === 'furniture') continue;
      const blockText = text.slice(block.start, block.end);
      // Only names that resolve to a known person can be what "he" or "she" points back to.
      const mentions = personMentions(blockText)
        .map((p) => ({
          ...p,
          name: withoutLeadingAdverb(p.name),
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
      for (const p of mentions) {
        const full = this.people.resolve(p.name);
        if (full && p.title) titles.set(p.title.replace(/^(?:[\p{L}]+['\u2019]s\s+)/u, ''), full);
      }
      const quotes = quotationSpans(text, block);
      const sentences =
        block.kind === 'heading' ? [{ start: block.start, end: block.end }] : splitSentences(text, block);
      let previousSpeaker: string | null = null;
      // Bodies that speak in this block before a quotation ("The ministry said … “…,” it said").
      const speaking = [...blockText.matchAll(ANNOUNCES), ...blockText.matchAll(ISSUED_BY)]
        .map((m) => ({ at: block.start + m.index!, who: this.normaliseSpeaker(m[1] ?? '', null, titles) }))
        .filter(
          (x): x is { at: number; who: string } =>
            x.who !== null && x.who !== IT && !this.people.full.has(x.who),
        )
        .sort((x, y) => x.at - y.at);
      let lastQuoteEnd = block.start;
      for (const q of quotes) {
        const at = sentences.findIndex((s) => q.start >= s.start && q.start < s.end);
        let sentence: Span = sentences[at] ?? block;
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
        const announcer = speaking.filter((x) => x.at < q.start && x.at >= lastQuoteEnd).pop();
        if (announcer) lastBody = announcer.who;
        lastQuoteEnd = q.end;
        const personBefore = [...mentions].reverse().find((p) => p.end <= q.start);
        const last = personBefore ? { name: personBefore.name, at: personBefore.start } : lastPerson;
        let speaker = this.attribute(
          text,
          sentence,
          q,
          last?.name ?? null,
          titles,
          block.kind === 'heading',
          lastBody,
        );
        if (speaker === null && previousSpeaker !== null) speaker = previousSpeaker; // quotation continued in the same paragraph
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
        previousSpeaker = speaker;
        if (speaker !== null && !this.people.full.has(speaker)) lastBody = speaker;
        out.push({
          article,
          start: q.start,
          end: q.end,
          text: text.slice(q.start, q.end),
          speaker,
          sentence,
          carried: wasCarried,
        });
      }
      const lastMention = mentions[mentions.length - 1];
      if (lastMention) lastPerson = { name: lastMention.name, at: lastMention.start };
      // A body that speaks without being quoted ("The defence ministry announced …", "a statement
      // from the French military") is what a later "the statement said" points back to.
      const announcer = [...blockText.matchAll(ANNOUNCES)].pop();
      const issuedHere = [...blockText.matchAll(ISSUED_BY)].pop();
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
          const said = [...blockText.matchAll(VERB_RE)].pop();
          const head = said
            ? (blockText
                .slice(0, said.index!)
                .split(/(?<=[.!?])\s+/)
                .pop() ?? '')
            : '';
          const who = said
            ? this.normaliseSpeaker(
                sentenceSubject(head.replace(ADVERBS, '')),
                lastPerson?.name ?? null,
                titles,
              )
            : null;
          carried = who === IT ? lastBody : who;
        }
      }
    }
    // The same words quoted again in the article (a subheading quoting the body, a pull quote)
    // are the same speaker's, which beats a speaker only carried over from the paragraph before.
    for (const f of out) {
      if (f.speaker !== null && !f.carried) continue;
      const key = looseComparable(f.text).replace(/[\s.…]+$/u, '');
      if (key.length < 6) continue;
      const same = out.find(
        (o) => o !== f && o.speaker !== null && !o.carried && looseComparable(o.text).includes(key),
      );
      if (same) {
        f.speaker = same.speaker;
        f.carried = false;
      }
    }
    return out;
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
  ): string | null {
    const speaker = this.attributeRaw(text, sentence, q, lastPerson, titles, heading);
    return speaker === IT ? lastBody : speaker;
  }

  private attributeRaw(
    text: string,
    sentence: Span,
    q: Span,
    lastPerson: string | null,
    titles: Map<string, string>,
    heading: boolean,
  ): string | null {
    const before = text.slice(sentence.start, q.start).replace(/[\u201C"\u2018'\u00AB]\s*$/u, '');
    const after = text.slice(q.end, sentence.end).replace(/^[\s\u00A0\u202F\u201D"\u2019'\u00BB.,]*/u, '');
    const norm = (phrase: string) => this.normaliseSpeaker(phrase, lastPerson, titles);

    if (heading) {
      const colon = /^([^:]{2,40}):\s/.exec(text.slice(sentence.start, sentence.end));
      if (colon?.[1]) return norm(colon[1]);
    }
    // French, after the quotation: «…», a-t-il justifié / «…», a déclaré le colonel Maïga / «…», selon l'Élysée.
    if (FR_INVERTED_PRONOUN.test(after))
      return lastPerson ? (this.people.resolve(lastPerson) ?? lastPerson) : null;
    const frAfter = FR_AFTER.exec(after.replace(FR_TO_WHOM, (m) => ' '.repeat(m.length)));
    if (frAfter?.[1]) {
      // "a affirmé le porte-parole du gouvernement, Abdoulaye Maïga": the name in apposition.
      const rest = after.slice(frAfter.index + frAfter[0].length);
      const apposition =
        /^\s*,\s*([\p{Lu}][\p{L}'\u2019-]+(?:\s+[\p{Lu}][\p{L}'\u2019-]+){1,3})\s*(?:[,.;]|$)/u.exec(rest);
      const sp = (apposition?.[1] ? norm(apposition[1]) : null) ?? norm(frAfter[1]);
      if (sp) return sp;
    }
    // After the quotation: "…," Macron said / "…," said Borrell / "…" the statement said.
    const np = `((?:[\\p{L}\\p{N}'\\u2019.-]+\\s+){0,7}?[\\p{L}\\p{N}'\\u2019.-]+)`;
    const afterSubjectVerb = new RegExp(`^\\s*[,.]?\\s*${np}\\s+(?:${SPEECH_VERB})\\b`, 'iu').exec(after);
    if (afterSubjectVerb?.[1] && !/[,;]/.test(afterSubjectVerb[1])) {
      const sp = norm(afterSubjectVerb[1].replace(ADVERBS, ''));
      if (sp) return sp;
    }
    // "…," said Olivier Salgado, the spokesman / "…", according to the ministry.
    const afterVerbSubject = new RegExp(`^\\s*[,.]?\\s*(?:${SPEECH_VERB})\\s+([^,.;:!?]{1,80})`, 'iu').exec(
      after,
    );
    if (afterVerbSubject?.[1]) {
      const sp = norm(
        afterVerbSubject[1].replace(
          /\s+(?:on|in|at|during|after|before|last|this|yesterday|to|from)\b.*$/i,
          '',
        ),
      );
      if (sp) return sp;
    }
    // "…," Colonel Pascal Ianni, spokesman for the general staff, said.
    const apposed = new RegExp(
      `^\\s*[,.]?\\s*([^,.;:]{2,60}),[^,;:]{2,90},\\s*(?:${SPEECH_VERB})\\b`,
      'iu',
    ).exec(after);
    if (apposed?.[1]) {
      const sp = norm(apposed[1]);
      if (sp) return sp;
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
    // Before the quotation, French: Pour X, … « … » / Selon X, « … » / X a déclaré : « … ».
    const fors = [...before.matchAll(FR_FOR)];
    const lastFor = fors[fors.length - 1];
    if (lastFor?.[1]) {
      const sp = norm(lastFor[1]);
      if (sp) return sp;
    }
    const frVerbs = [...before.matchAll(FR_BEFORE_VERB)];
    const frVerb = frVerbs[frVerbs.length - 1];
    // Before the quotation: the nearest speech verb and the noun phrase before it.
    const verbs = [...before.matchAll(VERB_RE)];
    const enVerb = verbs[verbs.length - 1];
    const verb = frVerb && (!enVerb || frVerb.index! > enVerb.index!) ? frVerb : enVerb;
    if (verb) {
      const head = before.slice(0, verb.index!);
      if (PARTICIPLE.test(verb[0]) && /,\s*$/.test(head)) {
        return norm(sentenceSubject(head));
      }
      const pieces = head.split(/[,;:(]\s*/).filter((x) => x.trim() !== '');
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
    return null;
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
      .replace(/^(?:and|but|so|then|that|et|mais|que|qu['\u2019])\s*/iu, '')
      .replace(
        /^(?:later|then|also|meanwhile|however|earlier|finally|separately|again|now|ensuite|puis|enfin)\s+/iu,
        '',
      )
      .replace(ADVERBS, '')
      .trim();
    if (p.length === 0) return null;
    if (/^it$/i.test(p)) return IT;
    if (PRONOUN.test(p)) return lastPerson ? (this.people.resolve(lastPerson) ?? lastPerson) : null;
    if (STATEMENT.test(p)) return IT;
    const issuer = STATEMENT_OF.exec(p);
    if (issuer) {
      const named = (issuer[1] ?? issuer[2] ?? '').trim();
      if (named && !STATEMENT.test(named)) return this.normaliseSpeaker(named, lastPerson, titles);
      return IT;
    }
    // The phrase names a person: the fullest form of the name the corpus knows. A surname alone
    // ("Macron told a news conference") is the person's too.
    // A name after "of"/"des" belongs to a body ("le ministère des Armées", "ministry of Defence").
    const ofBody = (m: { start: number }, at: number) =>
      /(?:\bof|\bfor|\bdes|\bdu|\bde|\bde la|\bde l['\u2019])\s*$/iu.test(
        p.slice(0, Math.max(0, m.start - at)),
      );
    const person =
      personMentions(p).find((m) => !ofBody(m, 0)) ??
      personMentions(`X ${p}`).find(
        // A lone word that opened the phrase counts only as the surname of someone named in full
        // ("Dembélé added"), never as a name of its own ("Assertion").
        (m) => m.start >= 2 && !ofBody(m, 2) && this.people.full.has(this.people.resolve(m.name) ?? ''),
      );
    if (person) return this.people.resolve(person.name) ?? person.name;
    const single = /^(?:Mr|Mrs|Ms|Dr)?\.?\s*([A-Z][\p{L}'-]+)$/u.exec(p);
    if (single?.[1]) {
      const r = this.people.resolve(single[1]);
      if (r) return r;
    }
    const bare = p.replace(/^(?:the|a|an)\s+/i, '');
    const byTitle = titles.get(bare.toLowerCase()) ?? titles.get(titleBefore(`${bare} X`, bare.length + 1));
    if (byTitle) return byTitle;
    if (bare.split(/\s+/).length > (BODY_NOUN.test(bare) ? 9 : 6)) return null;
    // A body: a noun that names one ("ministry", "army", "autorités"), an acronym (JNIM), or a
    // proper name of capitalised words. Times, verbs and phrases are not speakers.
    if (
      /^(?:on|in|at|during|after|before|last|this|next|since|early|late|le|la)\b/iu.test(bare) &&
      !BODY_NOUN.test(bare)
    )
      return null;
    if (
      new RegExp(
        `\\b(?:${SPEECH_VERB}|has|have|had|is|are|was|were|will|would|can|could|may|might)\\b`,
        'i',
      ).test(bare)
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
            /^l['\u2019][\p{Lu}]/u.test(w) ||
            /^(?:of|for|and|et|de|du|des|la|le|les|the)$/.test(w),
        ));
    // A capital or a country speaking for its government ("Paris said"). A lone capitalised word
    // that is neither a place nor a surname the article names in full ("Assertion") is no speaker.
    if (!named && words.length === 1 && (COUNTRIES.has(bare) || OTHER_PLACES.has(bare))) return bare;
    if (!named) return null;
    return /^(?:le|la|les|l['\u2019])/iu.test(p) ? p : capitalise(bare);
  }

  private group(found: Found[]): Quotation[] {
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
    { words: Set<string>; speakerWords: Set<string>; contextWords: Set<string>; folded: string }
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
      this.quoteFreq = new Map();
      for (const q of this.groups) {
        const { words, speakerWords, contextWords } = this.termsOf(q);
        for (const t of new Set([...words, ...speakerWords, ...contextWords]))
          this.quoteFreq.set(t, (this.quoteFreq.get(t) ?? 0) + 1);
      }
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
    if (speaker.includes(' '))
      for (const a of this.corpus.articles) {
        for (let at = a.text.indexOf(speaker); at >= 0; at = a.text.indexOf(speaker, at + speaker.length))
          for (const t of indexTerms(titleBefore(a.text, at))) found.add(t);
      }
    const out = [...found];
    this.roles.set(speaker, out);
    return out;
  }

  /** Index terms of a quotation's words, its speaker and its sentence, and its folded text, computed once. */
  private termsOf(q: Quotation): {
    words: Set<string>;
    speakerWords: Set<string>;
    contextWords: Set<string>;
    folded: string;
  } {
    let t = this.terms.get(q);
    if (!t) {
      t = {
        words: new Set(this.wordsOf(q.articleId, q.text)),
        speakerWords: new Set(q.speaker ? [...indexTerms(q.speaker), ...this.roleTerms(q.speaker)] : []),
        // The sentence around the quotation names the speaker's role ("Germany's defence minister").
        contextWords: new Set(this.wordsOf(q.articleId, q.context)),
        folded: comparable(q.text),
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
    const trimmed = query.trim();
    const speakerFilter = options.speaker?.trim() ? comparable(options.speaker) : null;
    const problem = trimmed.length === 0 && speakerFilter ? null : queryProblem(query);
    if (problem) return { query, quotes: [], error: problem };
    // A French query is read with French stems ("a déclaré" is then a verb of saying too).
    const queryAnalyzer = analyzerFor(questionLanguage(trimmed));
    const terms = termsOf(queryAnalyzer, trimmed).filter((t) => !SPEECH_TERMS.has(t));
    if (trimmed.length > 0 && terms.length === 0 && !speakerFilter)
      return { query, quotes: [], error: 'no searchable words in the query' };
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

    // Rare words weigh more: a query's "mission" says less than its "caliphate".
    const total = terms.reduce((sum, t) => sum + this.weightOf(t), 0);
    const scored = this.groups
      .filter((q) => !speakerFilter || (q.speaker !== null && comparable(q.speaker).includes(speakerFilter)))
      .map((q) => {
        const { words, speakerWords, contextWords, folded } = this.termsOf(q);
        let inText = 0;
        let matched = 0;
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
            for (const r of related.get(t) ?? []) if (words.has(r.term)) w = Math.max(w, r.weight);
            if (has(contextWords, t)) w = Math.max(w, CONTEXT_MATCH);
            for (const r of related.get(t) ?? [])
              if (contextWords.has(r.term)) w = Math.max(w, CONTEXT_MATCH * r.weight);
          }
          matched += w * this.weightOf(t);
        }
        const coverage = terms.length === 0 ? 1 : matched / total;
        const exact = phrase.length > 0 && folded.includes(phrase) ? 1 : 0;
        return { q, coverage, exact, inText };
      })
      .filter((s) => s.coverage >= MIN_QUOTE_COVERAGE || terms.length === 0)
      .sort(
        (a, b) =>
          b.exact - a.exact ||
          b.coverage - a.coverage ||
          b.inText - a.inText ||
          b.q.alsoIn.length - a.q.alsoIn.length ||
          b.q.text.length - a.q.text.length,
      );
    return { query, quotes: scored.slice(0, limit).map((s) => s.q) };
  }
}

/**
 * Share of the query's weight a quotation must match to be returned, chosen on the tuning
 * sets' quote look-ups together with their "absent" queries (which must return nothing).
 */
const MIN_QUOTE_COVERAGE = 0.4;

/** Verbs of saying: in a look-up ("macron says …") they name the act, not the words. */
const SPEECH_TERMS: ReadonlySet<string> = new Set([
  ...indexTerms(
    'says said warns warned claims claimed insists insisted states stated adds added argues argued',
  ),
  ...termsOf(french, 'dit déclaré affirmé estimé ajouté assuré souligné expliqué'),
]);

/** Weight of a query word found only in the sentence around a quotation. */
const CONTEXT_MATCH = 0.6;

/** The leading noun phrase of a clause: its words up to the first verb-like word or comma. */
function sentenceSubject(clause: string): string {
  const stripped = clause
    .replace(/^(?:In|On|At|During|After|Before)\s+[^,]{1,40},\s*/, '')
    // A reduced relative clause is not part of the subject: "France and its partners involved in Mali".
    .replace(/\s+\p{L}+(?:ed|ing)\s+(?:in|at|on|with|by|from|to|into)\b.*$/su, '');
  const m =
    /^(.*?)(?=,|\s+(?:has|have|had|is|are|was|were|will|would|on|in|at|who|which|that|sought|denied|told|said)\b)/.exec(
      stripped,
    );
  return (m?.[1] ?? stripped).trim();
}
