/**
 * An English suffix stemmer after M. F. Porter's 1980 algorithm, so that "withdrawing",
 * "withdrawn" and "withdrawal" meet at one index term. Irregular forms that no suffix rule
 * can reach ("came" → "come") go through a small lemma table first.
 */

const IRREGULAR: Record<string, string> = {
  came: 'come',
  began: 'begin',
  begun: 'begin',
  went: 'go',
  gone: 'go',
  took: 'take',
  taken: 'take',
  left: 'leave',
  held: 'hold',
  fought: 'fight',
  sent: 'send',
  said: 'say',
  told: 'tell',
  saw: 'see',
  seen: 'see',
  made: 'make',
  knew: 'know',
  known: 'know',
  led: 'lead',
  met: 'meet',
  gave: 'give',
  given: 'give',
  brought: 'bring',
  kept: 'keep',
  felt: 'feel',
  ran: 'run',
  spoke: 'speak',
  spoken: 'speak',
  withdrew: 'withdraw',
  withdrawn: 'withdraw',
  stood: 'stand',
  struck: 'strike',
  thought: 'think',
  sought: 'seek',
  bought: 'buy',
  built: 'build',
  won: 'win',
  lost: 'lose',
  paid: 'pay',
  rose: 'rise',
  risen: 'rise',
  fell: 'fall',
  fallen: 'fall',
  chose: 'choose',
  chosen: 'choose',
  drove: 'drive',
  killed: 'kill',
  died: 'die',
  dead: 'die',
  deaths: 'die',
  death: 'die',
  men: 'man',
  women: 'woman',
  children: 'child',
  people: 'people',
  troop: 'troops',
  soldier: 'soldiers',
  // Demonyms meet their country, so "Russian group" finds "Russia-based group".
  french: 'france',
  german: 'germany',
  malian: 'mali',
  malians: 'mali',
  russian: 'russia',
  russians: 'russia',
  british: 'britain',
  nigerien: 'niger',
  nigerian: 'nigeria',
  chadian: 'chad',
  burkinabe: 'burkina',
  mauritanian: 'mauritania',
  canadian: 'canada',
  estonian: 'estonia',
  danish: 'denmark',
  norwegian: 'norway',
  european: 'europe',
  europeans: 'europe',
  african: 'africa',
  africans: 'africa',
  belgian: 'belgium',
  spanish: 'spain',
  italian: 'italy',
  chinese: 'china',
  ukrainian: 'ukraine',
  algerian: 'algeria',
  ivorian: 'ivory',
  american: 'america',
  americans: 'america',
  swedish: 'sweden',
  dutch: 'netherlands',
  senegalese: 'senegal',
  guinean: 'guinea',
  cambodian: 'cambodia',
  japanese: 'japan',
};

function isConsonant(w: string, i: number): boolean {
  const c = w[i];
  if (c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u') return false;
  if (c === 'y') return i === 0 ? true : !isConsonant(w, i - 1);
  return true;
}

/** m() in Porter's paper: the number of vowel-consonant sequences in w[0..end). */
function measure(w: string, end: number): number {
  let n = 0;
  let i = 0;
  while (i < end && isConsonant(w, i)) i++;
  while (i < end) {
    while (i < end && !isConsonant(w, i)) i++;
    if (i >= end) break;
    n++;
    while (i < end && isConsonant(w, i)) i++;
  }
  return n;
}

function hasVowel(w: string, end: number): boolean {
  for (let i = 0; i < end; i++) if (!isConsonant(w, i)) return true;
  return false;
}

function endsDoubleConsonant(w: string): boolean {
  const n = w.length;
  return n >= 2 && w[n - 1] === w[n - 2] && isConsonant(w, n - 1);
}

/** *o in the paper: stem ends consonant-vowel-consonant, the last not w, x or y. */
function endsCvc(w: string, end: number): boolean {
  if (end < 3) return false;
  const c = w[end - 1];
  return (
    isConsonant(w, end - 3) &&
    !isConsonant(w, end - 2) &&
    isConsonant(w, end - 1) &&
    c !== 'w' &&
    c !== 'x' &&
    c !== 'y'
  );
}

/** Replaces suffix `from` by `to` when the remaining stem has measure above `minM`. */
function replaceIf(w: string, from: string, to: string, minM: number): string | null {
  if (!w.endsWith(from)) return null;
  const stemEnd = w.length - from.length;
  return measure(w, stemEnd) > minM ? w.slice(0, stemEnd) + to : w;
}

const STEP2: Array<[string, string]> = [
  ['ational', 'ate'],
  ['tional', 'tion'],
  ['enci', 'ence'],
  ['anci', 'ance'],
  ['izer', 'ize'],
  ['abli', 'able'],
  ['alli', 'al'],
  ['entli', 'ent'],
  ['eli', 'e'],
  ['ousli', 'ous'],
  ['ization', 'ize'],
  ['ation', 'ate'],
  ['ator', 'ate'],
  ['alism', 'al'],
  ['iveness', 'ive'],
  ['fulness', 'ful'],
  ['ousness', 'ous'],
  ['aliti', 'al'],
  ['iviti', 'ive'],
  ['biliti', 'ble'],
  ['logi', 'log'],
];
const STEP3: Array<[string, string]> = [
  ['icate', 'ic'],
  ['ative', ''],
  ['alize', 'al'],
  ['iciti', 'ic'],
  ['ical', 'ic'],
  ['ful', ''],
  ['ness', ''],
];
const STEP4 = [
  'al',
  'ance',
  'ence',
  'er',
  'ic',
  'able',
  'ible',
  'ant',
  'ement',
  'ment',
  'ent',
  'ion',
  'ou',
  'ism',
  'ate',
  'iti',
  'ous',
  'ive',
  'ize',
];

const cache = new Map<string, string>();

/** Stems one lower-case word. Words of two letters or fewer are returned as they are. */
export function stem(word: string): string {
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  const result = stemUncached(word);
  // Vocabularies are bounded in practice; the cap only guards against adversarial input.
  if (cache.size >= 200_000) cache.clear();
  cache.set(word, result);
  return result;
}

function stemUncached(word: string): string {
  const irregular = IRREGULAR[word];
  if (irregular !== undefined) word = irregular;
  if (word.length <= 2 || !/^[a-z]+$/.test(word)) return word;
  let w = word;

  // Step 1a: plurals.
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ies')) w = w.slice(0, -2);
  else if (w.endsWith('ss')) {
    /* keep */
  } else if (w.endsWith('s')) w = w.slice(0, -1);

  // Step 1b: -ed and -ing.
  let step1bTidy = false;
  if (w.endsWith('eed')) {
    if (measure(w, w.length - 3) > 0) w = w.slice(0, -1);
  } else if (w.endsWith('ed') && hasVowel(w, w.length - 2)) {
    w = w.slice(0, -2);
    step1bTidy = true;
  } else if (w.endsWith('ing') && hasVowel(w, w.length - 3)) {
    w = w.slice(0, -3);
    step1bTidy = true;
  }
  if (step1bTidy) {
    if (w.endsWith('at') || w.endsWith('bl') || w.endsWith('iz')) w += 'e';
    else if (endsDoubleConsonant(w) && !/[lsz]$/.test(w)) w = w.slice(0, -1);
    else if (measure(w, w.length) === 1 && endsCvc(w, w.length)) w += 'e';
  }

  // Step 1c: terminal y after a vowel-bearing stem.
  if (w.endsWith('y') && hasVowel(w, w.length - 1)) w = `${w.slice(0, -1)}i`;

  // Step 2 and 3: derivational suffixes, only where the stem is long enough.
  for (const [from, to] of STEP2) {
    if (w.endsWith(from)) {
      w = replaceIf(w, from, to, 0) ?? w;
      break;
    }
  }
  for (const [from, to] of STEP3) {
    if (w.endsWith(from)) {
      w = replaceIf(w, from, to, 0) ?? w;
      break;
    }
  }

  // Step 4: strip residual suffixes from long stems.
  for (const suffix of STEP4) {
    if (!w.endsWith(suffix)) continue;
    const stemEnd = w.length - suffix.length;
    if (measure(w, stemEnd) > 1) {
      if (suffix === 'ion') {
        const before = w[stemEnd - 1];
        if (before === 's' || before === 't') w = w.slice(0, stemEnd);
      } else {
        w = w.slice(0, stemEnd);
      }
    }
    break;
  }

  // Step 5: final e and double l.
  if (w.endsWith('e')) {
    const m = measure(w, w.length - 1);
    if (m > 1 || (m === 1 && !endsCvc(w, w.length - 1))) w = w.slice(0, -1);
  }
  if (w.endsWith('ll') && measure(w, w.length) > 1) w = w.slice(0, -1);
  return w;
}
