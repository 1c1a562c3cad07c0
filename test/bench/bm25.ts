/**
 * A minimal hand-written BM25 inverted index: the floor the engine's search is compared with.
 * Same analysis as the engine (`tokenize` + `indexTerm`), no fuzzy matching, no boosts.
 */
import { indexTerms } from '../../src/text/tokenize.js';

/** One scored document. */
export interface Bm25Hit {
  doc: number;
  score: number;
}

/** The plain-data form of an index, for JSON. */
export interface Bm25Json {
  k1: number;
  b: number;
  docLength: number[];
  /** Term → postings flattened as [doc, tf, doc, tf, …]. */
  postings: Array<[string, number[]]>;
}

/**
 * BM25 (Robertson/Spärck Jones idf, k1 = 1.2, b = 0.75) over documents numbered 0…n-1.
 * Postings are `Map<term, Uint32Array>` holding [docId, tf] pairs side by side, doc ids rising.
 */
export class Bm25Index {
  readonly size: number;
  private readonly avgdl: number;
  /** Per document, k1·(1 − b + b·len/avgdl): the length part of BM25, computed once. */
  private readonly norm: Float64Array;
  /** Score accumulator reused by every query; only touched slots are read and reset. */
  private readonly scores: Float64Array;

  private constructor(
    private readonly postings: Map<string, Uint32Array>,
    private readonly docLength: Uint32Array,
    readonly k1: number,
    readonly b: number,
    private readonly analyze: (text: string) => string[],
  ) {
    this.size = docLength.length;
    let total = 0;
    for (const l of docLength) total += l;
    this.avgdl = this.size > 0 ? total / this.size : 1;
    this.norm = new Float64Array(this.size);
    for (let d = 0; d < this.size; d++) this.norm[d] = k1 * (1 - b + (b * docLength[d]!) / this.avgdl);
    this.scores = new Float64Array(this.size);
  }

  /** Indexes documents given as text; document i gets id i. */
  static build(
    docs: readonly string[],
    options: { k1?: number; b?: number; analyze?: (text: string) => string[] } = {},
  ): Bm25Index {
    const analyze = options.analyze ?? indexTerms;
    const growing = new Map<string, number[]>();
    const docLength = new Uint32Array(docs.length);
    const tf = new Map<string, number>();
    for (let d = 0; d < docs.length; d++) {
      const terms = analyze(docs[d]!);
      docLength[d] = terms.length;
      tf.clear();
      for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
      for (const [t, n] of tf) {
        let list = growing.get(t);
        if (list === undefined) {
          list = [];
          growing.set(t, list);
        }
        list.push(d, n);
      }
    }
    const postings = new Map<string, Uint32Array>();
    for (const [t, list] of growing) postings.set(t, Uint32Array.from(list));
    return new Bm25Index(postings, docLength, options.k1 ?? 1.2, options.b ?? 0.75, analyze);
  }

  /** Number of documents holding the term. */
  df(term: string): number {
    return (this.postings.get(term)?.length ?? 0) / 2;
  }

  /** The top `k` documents for a free-text query, best first (ties: lower id first). */
  search(query: string, k = 10): Bm25Hit[] {
    const terms = [...new Set(this.analyze(query))];
    const scores = this.scores;
    const touched: number[] = [];
    const n = this.size;
    for (const t of terms) {
      const list = this.postings.get(t);
      if (!list) continue;
      const df = list.length / 2;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      const k1p1 = this.k1 + 1;
      for (let i = 0; i < list.length; i += 2) {
        const d = list[i]!;
        const f = list[i + 1]!;
        if (scores[d] === 0) touched.push(d);
        scores[d]! += (idf * f * k1p1) / (f + this.norm[d]!);
      }
    }
    const top = topK(touched, scores, k);
    for (const d of touched) scores[d] = 0;
    return top;
  }

  /** Plain data for `JSON.stringify`. */
  toJSON(): Bm25Json {
    return {
      k1: this.k1,
      b: this.b,
      docLength: [...this.docLength],
      postings: [...this.postings].map(([t, l]) => [t, [...l]]),
    };
  }

  /** Rebuilds an index from `toJSON` output (parsed or as a JSON string). */
  static fromJSON(json: Bm25Json | string, analyze: (text: string) => string[] = indexTerms): Bm25Index {
    const data: Bm25Json = typeof json === 'string' ? (JSON.parse(json) as Bm25Json) : json;
    const postings = new Map<string, Uint32Array>();
    for (const [t, l] of data.postings) postings.set(t, Uint32Array.from(l));
    return new Bm25Index(postings, Uint32Array.from(data.docLength), data.k1, data.b, analyze);
  }
}

function better(scores: Float64Array, a: number, b: number): boolean {
  return scores[a]! > scores[b]! || (scores[a] === scores[b] && a < b);
}

/** The k best of `docs` by score with a size-k min-heap: O(n log k), no full sort. */
function topK(docs: readonly number[], scores: Float64Array, k: number): Bm25Hit[] {
  if (k <= 0) return [];
  const heap: number[] = [];
  const siftUp = (i: number) => {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!better(scores, heap[parent]!, heap[i]!)) break;
      [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
      i = parent;
    }
  };
  const siftDown = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < heap.length && better(scores, heap[worst]!, heap[l]!)) worst = l;
      if (r < heap.length && better(scores, heap[worst]!, heap[r]!)) worst = r;
      if (worst === i) break;
      [heap[worst], heap[i]] = [heap[i]!, heap[worst]!];
      i = worst;
    }
  };
  for (const d of docs) {
    if (heap.length < k) {
      heap.push(d);
      siftUp(heap.length - 1);
    } else if (better(scores, d, heap[0]!)) {
      heap[0] = d;
      siftDown(0);
    }
  }
  return heap.sort((a, b) => (better(scores, a, b) ? -1 : 1)).map((doc) => ({ doc, score: scores[doc]! }));
}
