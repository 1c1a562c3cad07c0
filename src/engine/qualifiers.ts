/**
 * Whose answer: the country a question puts on the noun it asks about ("France's defence
 * minister", "how many Malian soldiers") against the country the passage puts on its typed
 * answer ("Estonian defence minister Kalle Lane", "59 French soldiers"). When both name one and
 * they differ, the answer is another country's: of the asked type, but not the asked one (see
 * ConfidenceFeatures.typed). English only: no French lexical database tells a nationality.
 */
import { memoByText } from '../text/memo.js';
import { english } from '../text/english.js';
import type { Mention, PersonMention } from './entities.js';
import { askedSlot } from './extract.js';
import { COUNTRIES, TITLE_WORDS } from './gazetteer.js';
import type { QuestionAnalysis } from './question.js';

/** Relations by which WordNet leads from a nationality or a place to its country ("French" → France). */
const TO_COUNTRY: ReadonlySet<string> = new Set(['pertainym', 'derived', 'member', 'region', 'synonym']);

const titleCase = (w: string) =>
  w.replace(/(^|\s)(\p{L})/gu, (_, s: string, c: string) => s + c.toUpperCase());

/**
 * The country a word names or pertains to, lower case ("french" → "france", "germany's" →
 * "germany", "malian" → "mali"), or null: a word that is a country of data/countries.txt, or
 * whose commonest senses WordNet relates to one.
 */
export const countryOf = memoByText((word: string): string | null => {
  const bare = word.toLowerCase().replace(/['\u2019]s$/, '');
  if (bare.length < 2) return null;
  if (COUNTRIES.has(titleCase(bare))) return bare;
  for (const r of english.related(bare))
    if (r.sense === 0 && TO_COUNTRY.has(r.relation) && COUNTRIES.has(titleCase(r.word))) return r.word;
  for (const w of english.memberOf(bare)) if (COUNTRIES.has(titleCase(w))) return w;
  return null;
}, 10_000);

/** The countries of some words. */
function countriesOf(words: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const w of words) {
    const c = countryOf(w);
    if (c !== null) out.add(c);
  }
  return out;
}

/** Words a question's asked noun may be qualified by: at most three before it. */
const QUALIFIER_WORDS = 3;

/**
 * The countries a question puts on what it asks: for a count, on its counted noun ("how many
 * Malian army soldiers"); for a person, on the title word that names the role ("France's defence
 * minister", "the Malian foreign minister", "mali prime minister"). Empty when the question puts
 * none, or asks another type.
 */
export function askedCountries(q: QuestionAnalysis): Set<string> {
  if (q.language !== 'en') return new Set();
  const words = q.words.map((w) => w.text);
  let at = -1;
  if (q.answerType === 'number' && q.headNoun) at = words.lastIndexOf(q.headNoun.toLowerCase());
  // The first title word: the qualifiers stand before the role's first word ("foreign minister").
  // Not where the question asks an argument of its own verb ("who expelled the French
  // ambassador"): the role is then another argument's.
  if (q.answerType === 'person' && askedSlot(q) === null)
    at = words.findIndex((w) => TITLE_WORDS.has(w.replace(/['\u2019]s$/, '')));
  if (at < 0) return new Set();
  return countriesOf(words.slice(Math.max(0, at - QUALIFIER_WORDS), at));
}

/**
 * The countries a passage puts on its typed answer: a count's words between the number and its
 * noun ("59 French soldiers"), a person's title ("Germany's defense minister") and the
 * hyphenated qualifiers inside the name found ("Russia-based Wagner", "French-led Takuba").
 */
export function answerCountries(
  text: string,
  found: Mention,
  q: Pick<QuestionAnalysis, 'answerType'>,
): Set<string> {
  if (q.answerType === 'number') {
    const nounEnd = (found as Mention & { nounEnd?: number }).nounEnd ?? found.end;
    return countriesOf(text.slice(found.end, nounEnd).split(/\s+/));
  }
  if (q.answerType === 'person') {
    const title = (found as Partial<PersonMention>).title ?? '';
    const compounds = found.text
      .split(/\s+/)
      .filter((w) => w.includes('-'))
      .flatMap((w) => w.split('-'));
    return countriesOf([...title.split(/\s+/), ...compounds]);
  }
  return new Set();
}

/**
 * True when the question and the passage's typed answer each name a country for the asked
 * thing and share none: "who was France's defence minister" answered by "Estonian defence
 * minister Kalle Lane", "how many Malian soldiers were killed" by "59 French soldiers".
 */
export function otherCountry(text: string, found: Mention, q: QuestionAnalysis): boolean {
  const asked = askedCountries(q);
  if (asked.size === 0) return false;
  const given = answerCountries(text, found, q);
  return given.size > 0 && ![...given].some((c) => asked.has(c));
}
