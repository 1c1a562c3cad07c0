/**
 * Hostile strings for property tests: what a Discord user or a script might send. Shared by the
 * engine, command-line and Discord-surface reliability tests so they all face the same input.
 */
import fc from 'fast-check';

export const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);

export const EMOJI = ['😀', '🇫🇷', '🇲🇱', '👨‍👩‍👧‍👦', '🏳️‍🌈', '👍🏽', '❤️', '🪖', '\u{1F9D1}\u200D\u{1F680}'];
export const RTL = [
  'مالي',
  'فرنسا',
  'انسحاب القوات الفرنسية',
  'ماكرون',
  'צרפת',
  'מאלי',
  'נסיגה',
  '\u202Eevil\u202C',
  '\u200Fabc\u200E',
  '\u2067Mali\u2069',
];
export const ZERO_WIDTH = ['\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u2060', '\uFEFF'];
export const CONTROL = [
  ...Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)),
  '\u007F',
  '\u0085',
  '\u009F',
];
export const LONE_SURROGATES = ['\uD800', '\uDBFF', '\uDC00', '\uDFFF'];
export const REGEX_META = [
  '.',
  '*',
  '+',
  '?',
  '^',
  '$',
  '{',
  '}',
  '(',
  ')',
  '|',
  '[',
  ']',
  '\\',
  '(?<',
  '\\k<a>',
  '[^',
  '{2,}',
  '$&',
  '$1',
  '.*+?^${}()|[]\\',
];
export const MARKDOWN = [
  '**',
  '_',
  '~~',
  '~',
  '|',
  '||',
  '>',
  '>>>',
  '#',
  '## ',
  '`',
  '```',
  '[link](http://x)',
  '-# ',
];
export const MENTIONS = [
  '@everyone',
  '@here',
  '<@123>',
  '<@!123>',
  '<@&456>',
  '<#789>',
  '<:emoji:123456>',
  '</ask:1>',
];
export const STOP_WORDS = [
  'the',
  'of',
  'and',
  'is',
  'a',
  'to',
  'in',
  'was',
  'it',
  'what',
  'who',
  'why',
  'how',
  'when',
];
export const WORDS = [
  'France',
  'Mali',
  'troops',
  'Macron',
  'Barkhane',
  'withdrawal',
  'Wagner',
  'junta',
  'Takuba',
  'Sahel',
  'Niger',
  '2,400',
  '4,300',
  'soldiers',
  'Bamako',
  'hidden aims',
  'de-facto',
];
export const SPACES = [
  ' ',
  '\t',
  '\n',
  '\r',
  '\r\n',
  '\u00A0',
  '\u3000',
  '\u2003',
  '\u2028',
  '\u2029',
  '\f',
  '\v',
];

export const fragment = fc.oneof(
  pick(EMOJI),
  pick(RTL),
  pick(ZERO_WIDTH),
  pick(CONTROL),
  pick(LONE_SURROGATES),
  pick(REGEX_META),
  pick(MARKDOWN),
  pick(MENTIONS),
  pick(STOP_WORDS),
  pick(WORDS),
  pick(SPACES),
);
export const mixed = fc
  .array(fc.tuple(fragment, fc.constantFrom('', ' ')), { maxLength: 30 })
  .map((xs) => xs.map(([f, s]) => f + s).join(''));
export const ofOnly = (xs: readonly string[], max = 20) =>
  fc.array(pick(xs), { minLength: 1, maxLength: max }).map((a) => a.join(' '));

/**
 * Every kind of hostile string: arbitrary unicode, mixes of emoji, right-to-left, zero-width,
 * control and markdown fragments, mentions, only stop words, numbers alone, a word repeated
 * hundreds of times, white space only, empty, and 10,000 characters.
 */
export const hostileKinds: ReadonlyArray<fc.Arbitrary<string>> = [
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'grapheme-composite' }),
  fc.string({ unit: 'binary' }),
  mixed,
  mixed,
  ofOnly(EMOJI),
  ofOnly(RTL),
  ofOnly(ZERO_WIDTH),
  ofOnly(CONTROL),
  ofOnly(REGEX_META),
  ofOnly(MARKDOWN),
  ofOnly(MENTIONS),
  ofOnly(STOP_WORDS, 12),
  fc.integer().map(String),
  fc.double().map(String),
  fc.array(fc.nat(), { minLength: 1, maxLength: 10 }).map((a) => a.join(' ')),
  fc.tuple(pick(WORDS), fc.integer({ min: 100, max: 400 })).map(([w, n]) => Array(n).fill(w).join(' ')),
  fc.array(pick(SPACES), { maxLength: 20 }).map((a) => a.join('')),
  fc.constant(''),
  fc.integer({ min: 9_990, max: 10_000 }).map((n) => 'Mali troops '.repeat(900).slice(0, n)),
  fc.constant('x'.repeat(10_000)),
];

/** Distinct capitalised two-letter words: "Aa", "Ab", … "Zz". */
export const CAPITALISED_PAIRS: readonly string[] = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].flatMap((a) =>
  [...'abcdefghijklmnopqrstuvwxyz'].map((b) => a + b),
);

const QUESTION_OPENERS = [
  'How many troops did ',
  'How many soldiers died in Mali ',
  'Who said ',
  'When did ',
  'Where did ',
  'Which country did ',
  'Why did ',
  'Who is ',
  'What is ',
  'by ',
  '',
];
/** A word repeated or varied to fill a run: the shapes that made text routines superlinear. */
const RUN_UNITS: ReadonlyArray<fc.Arbitrary<(i: number) => string>> = [
  fc.constant((i: number) => CAPITALISED_PAIRS[i % CAPITALISED_PAIRS.length]!), // Aa Ab Ac …
  fc.constant(() => 'ab'),
  fc.constant(() => 'Aa'),
  fc.constant((i: number) => (i % 2 ? 'de' : 'Ab')), // name particles between capitals
  fc.constant(() => 'Mali'),
  fc.constant(() => 'Burkina Faso'),
  fc.constant(() => 'Emmanuel Macron'),
  fc.constant(() => 'Mr Macron said'),
  fc.constant(() => 'February 17, 2022'),
  fc.constant(() => '17 February'),
  fc.constant((i: number) => String(1000 + i)),
  fc.constant(() => '"ab"'),
  fc.constant(() => 'a,'),
  fc.constant(() => 'Image:'),
];

/**
 * Long runs of short words, of capitalised words, of repeated names, places, dates and numbers,
 * behind a question opener, filling up to `maxLength` characters. "How many troops did " and 300
 * capitalised two-letter words once cost seconds in place-name look-up (every sub-run was tried).
 */
export const longRun = (maxLength: number, minLength = Math.floor(maxLength / 2)) =>
  fc
    .tuple(
      pick(QUESTION_OPENERS),
      fc.oneof(...RUN_UNITS),
      fc.integer({ min: minLength, max: maxLength }),
      pick(['', '?', '.']),
    )
    .map(([opener, unit, length, end]) => {
      let s = opener;
      for (let i = 0; s.length < length; i++) s += `${unit(i)} `;
      return (s.slice(0, length - end.length).trimEnd() + end).slice(0, maxLength);
    });

/** The four shapes issue 12 measured, as written there (a question's 1,000-character limit kept). */
export const MEASURED_RUNS: readonly string[] = [
  `How many troops did ${CAPITALISED_PAIRS.slice(0, 300).join(' ')}`.slice(0, 1000),
  `How many soldiers died in Mali ${'ab '.repeat(330)}`.slice(0, 1000),
  `by ${'Aa '.repeat(1666)}`.slice(0, 1000),
  `How many troops did ${'Ab de '.repeat(160)}`.slice(0, 1000),
];
