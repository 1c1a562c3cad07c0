import type { Article, Corpus } from '../corpus/load.js';
import { splitSentences, type Span } from '../corpus/segment.js';
import { personMentions, titleBefore } from './entities.js';
import { sourceOf } from './sources.js';
import type { Quotation, QuoteResult } from './types.js';
import { comparable, looseComparable } from '../text/normalize.js';
import { indexTerms } from '../text/tokenize.js';
import { queryProblem } from './validate.js';
import { withinEdits } from './search.js';

/** Verbs that introduce or close a quotation. */
const SPEECH_VERB =
  'said|says|say|told|tells|added|adds|adding|warned|warns|warning|stated|states|declared|insisted|announced|announces|cited|citing|wrote|writes|asked|argued|explained|noted|claimed|denied|acknowledged|vowed|urged|called|described|saying|telling|stressed|insisting|explaining|according to';
const VERB_RE = new RegExp(`\\b(?:${SPEECH_VERB})\\b`, 'gi');
const PARTICIPLE = /^(?:saying|adding|citing|warning|telling|insisting|explaining)$/i;
const PRONOUN = /^(?:he|she|they)$/i;
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
  // Single quotation marks open after a space or line start and close before a non-letter, so
  // apostrophes inside words ("Mali's", "It’s") never open or close a quotation.
  for (const m of s.matchAll(
    /(?:^|(?<=[\s(\u2014\u2013-]))[\u2018']([A-Za-z][^\u2018\u2019'"\u201C\u201D]*?[\w.,!?])[\u2019'](?=[\s.,;:!?)]|$)/g,
  )) {
    const open = m.index! + (m[0].startsWith('\u2018') || m[0].startsWith("'") ? 0 : 1);
    push(open + 1, open + 1 + m[1]!.length);
  }
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

/** People known in the corpus: full names, and the surnames and titles that point to them. */
class PersonRegistry {
  private readonly bySurname = new Map<string, Set<string>>();
  readonly full = new Set<string>();

  constructor(corpus: Corpus) {
    for (const a of corpus.articles) {
      for (const b of a.blocks) {
        if (b.kind === 'furniture') continue;
        for (const p of personMentions(a.text.slice(b.start, b.end))) {
          const words = p.name.split(' ');
          if (words.length < 2) continue;
          this.full.add(p.name);
          const surname = words[words.length - 1]!;
          (this.bySurname.get(surname) ?? this.bySurname.set(surname, new Set()).get(surname)!).add(p.name);
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

  constructor(corpus: Corpus) {
    this.people = new PersonRegistry(corpus);
    const found = corpus.articles.flatMap((a) => this.extract(a));
    this.groups = this.group(found);
  }

  private extract(article: Article): Found[] {
    const text = article.text;
    const out: Found[] = [];
    const titles = new Map<string, string>(); // "french president" → "Emmanuel Macron"
    let lastPerson: { name: string; at: number } | null = null;
    let lastBody: string | null = null; // the last organisation or statement quoted: what "it" points back to
    for (const block of article.blocks) {
      if (block.kind === 'furniture') continue;
      const blockText = text.slice(block.start, block.end);
      // Only names that resolve to a known person can be what "he" or "she" points back to.
      const mentions = personMentions(blockText)
        .map((p) => ({ ...p, start: p.start + block.start, end: p.end + block.start }))
        .filter((p) => this.people.full.has(this.people.resolve(p.name) ?? ''));
      for (const p of mentions) {
        const full = this.people.resolve(p.name);
        if (full && p.title) titles.set(p.title.replace(/^(?:[\p{L}]+['\u2019]s\s+)/u, ''), full);
      }
      const quotes = quotationSpans(text, block);
      const sentences =
        block.kind === 'heading' ? [{ start: block.start, end: block.end }] : splitSentences(text, block);
      let previousSpeaker: string | null = null;
      for (const q of quotes) {
        const sentence = sentences.find((s) => q.start >= s.start && q.start < s.end) ?? block;
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
        previousSpeaker = speaker;
        if (speaker !== null && !this.people.full.has(speaker)) lastBody = speaker;
        out.push({
          article,
          start: q.start,
          end: q.end,
          text: text.slice(q.start, q.end),
          speaker,
          sentence,
        });
      }
      const lastMention = mentions[mentions.length - 1];
      if (lastMention) lastPerson = { name: lastMention.name, at: lastMention.start };
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
    const before = text.slice(sentence.start, q.start).replace(/[\u201C"\u2018']\s*$/, '');
    const after = text.slice(q.end, sentence.end).replace(/^[\u201D"\u2019'.,]*/, '');

    if (heading) {
      const colon = /^([^:]{2,40}):\s/.exec(text.slice(sentence.start, sentence.end));
      if (colon?.[1]) return this.normaliseSpeaker(colon[1], lastPerson, titles);
    }
    // After the quotation: "…," Macron said / "…," said Borrell / "…" the statement said.
    const np = `((?:[\\p{L}\\p{N}'\\u2019.-]+\\s+){0,7}?[\\p{L}\\p{N}'\\u2019.-]+)`;
    const afterSubjectVerb = new RegExp(`^\\s*[,.]?\\s*${np}\\s+(?:${SPEECH_VERB})\\b`, 'iu').exec(after);
    if (afterSubjectVerb?.[1] && !/[,;]/.test(afterSubjectVerb[1]))
      return this.normaliseSpeaker(afterSubjectVerb[1], lastPerson, titles);
    const afterVerbSubject = new RegExp(`^\\s*[,.]?\\s*(?:${SPEECH_VERB})\\s+${np}(?=[\\s.,;]|$)`, 'iu').exec(
      after,
    );
    if (afterVerbSubject?.[1])
      return this.normaliseSpeaker(
        afterVerbSubject[1].replace(/\s+(?:on|in|at|during)\b.*$/i, ''),
        lastPerson,
        titles,
      );

    // Before the quotation: the nearest speech verb and the noun phrase before it.
    const verbs = [...before.matchAll(VERB_RE)];
    const verb = verbs[verbs.length - 1];
    if (verb) {
      const head = before.slice(0, verb.index!);
      if (PARTICIPLE.test(verb[0]) && /,\s*$/.test(head)) {
        return this.normaliseSpeaker(sentenceSubject(head), lastPerson, titles);
      }
      const subject =
        /((?:[\p{L}\p{N}'\u2019.-]+\s+){0,7}?[\p{L}\p{N}'\u2019.-]+)\s+(?:(?:has|have|had|also|then|later|on\s+\w+|again)\s+)*$/u.exec(
          head.split(/[,;:(]\s*(?=[^,;:(]*$)/).pop() ?? head,
        );
      if (subject?.[1]) {
        const sp = this.normaliseSpeaker(subject[1], lastPerson, titles);
        if (sp) return sp;
      }
      return this.normaliseSpeaker(sentenceSubject(head), lastPerson, titles);
    }
    return null;
  }

  /** Maps a speaker phrase to one canonical name: a person's full name, or the body named. */
  private normaliseSpeaker(
    phrase: string,
    lastPerson: string | null,
    titles: Map<string, string>,
  ): string | null {
    const p = phrase.trim().replace(/^(?:and|but|so|then|that)\s+/i, '');
    if (p.length === 0) return null;
    if (/^it$/i.test(p)) return IT;
    if (PRONOUN.test(p)) return lastPerson ? (this.people.resolve(lastPerson) ?? lastPerson) : null;
    const person = personMentions(p).find(
      (m) => m.name.split(' ').length >= 2 || this.people.resolve(m.name) !== null,
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
    if (/^statement$/i.test(bare)) return 'Joint statement';
    if (bare.split(/\s+/).length > 6) return null;
    return capitalise(bare);
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
    { words: Set<string>; speakerWords: Set<string>; folded: string }
  >();
  private vocab: Set<string> | null = null;

  /** Index terms of a quotation's words and of its speaker, and its folded text, computed once. */
  private termsOf(q: Quotation): { words: Set<string>; speakerWords: Set<string>; folded: string } {
    let t = this.terms.get(q);
    if (!t) {
      t = {
        words: new Set(indexTerms(q.text)),
        speakerWords: new Set(q.speaker ? indexTerms(q.speaker) : []),
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
    const terms = indexTerms(trimmed);
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

    const scored = this.groups
      .filter((q) => !speakerFilter || (q.speaker !== null && comparable(q.speaker).includes(speakerFilter)))
      .map((q) => {
        const { words, speakerWords, folded } = this.termsOf(q);
        let inText = 0;
        let inSpeaker = 0;
        for (const t of terms) {
          if (words.has(t) || variants.get(t)!.some((v) => words.has(v))) inText++;
          else if (speakerWords.has(t) || variants.get(t)!.some((v) => speakerWords.has(v))) inSpeaker++;
        }
        const coverage = terms.length === 0 ? 1 : (inText + inSpeaker) / terms.length;
        const exact = phrase.length > 0 && folded.includes(phrase) ? 1 : 0;
        return { q, coverage, exact, inText };
      })
      .filter((s) => s.coverage >= 0.5 || terms.length === 0)
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

/** The leading noun phrase of a clause: its words up to the first verb-like word or comma. */
function sentenceSubject(clause: string): string {
  const stripped = clause.replace(/^(?:In|On|At|During|After|Before)\s+[^,]{1,40},\s*/, '');
  const m =
    /^(.*?)(?=,|\s+(?:has|have|had|is|are|was|were|will|would|on|in|at|who|which|that|sought|denied|told|said)\b)/.exec(
      stripped,
    );
  return (m?.[1] ?? stripped).trim();
}
