import { foldWords } from "../core/index.js";

/** The searchable text of one FAQ, already normalized. */
export interface RankedDoc {
  readonly id: string;
  readonly question: string;
  readonly variants: readonly string[];
  readonly tags: readonly string[];
  readonly answer: string;
}

/** BM25 parameters and field weights, calibrated with `npm run eval` (see index-config/README.md). */
export interface LexicalOptions {
  readonly k1: number;
  readonly b: number;
  readonly questionWeight: number;
  readonly variantWeight: number;
  readonly tagWeight: number;
  readonly answerWeight: number;
}

export const DEFAULT_LEXICAL_OPTIONS: LexicalOptions = {
  k1: 2,
  b: 0.75,
  questionWeight: 2,
  variantWeight: 1,
  tagWeight: 1,
  answerWeight: 0.5,
};

/**
 * A built BM25 index as plain data: strings and typed arrays only, so a worker thread can build it
 * and hand it over by structured clone, its buffers transferred ({@link lexicalTransferList}).
 */
export interface LexicalData {
  readonly options: LexicalOptions;
  /** FAQ id of each document number. */
  readonly ids: readonly string[];
  /** Weighted length of each document. */
  readonly lengths: Float64Array;
  /** Every unit of the corpus, sorted (code-unit order); the postings of `terms[i]` are `docs`/`tfs` from `offsets[i]` to `offsets[i + 1]`. */
  readonly terms: readonly string[];
  readonly offsets: Uint32Array;
  /** Document numbers, ascending within one term. */
  readonly docs: Uint32Array;
  readonly tfs: Float64Array;
}

/** The buffers of `data` that can be moved to another thread instead of copied. */
export function lexicalTransferList(data: LexicalData): ArrayBuffer[] {
  return [data.lengths, data.offsets, data.docs, data.tfs].map((a) => a.buffer as ArrayBuffer);
}

/** Folded words plus adjacent pairs ("ly_hon"): Vietnamese words are often two syllables. */
export function units(text: string): string[] {
  const words = foldWords(text).split(" ").filter(Boolean);
  const out = [...words];
  for (let i = 0; i + 1 < words.length; i++) out.push(`${words[i]}_${words[i + 1]}`);
  // Accented words also count as themselves, so "bóng đá" prefers bóng over bỏng when the accents are there.
  for (const w of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (w && w !== foldWords(w)) out.push(`~${w}`);
  return out;
}

/** A word the corpus does not know counts against coverage only from this many letters (not "a", "ơi"). */
const UNKNOWN_MIN_LETTERS = 3;

/** Whether the ascending document numbers `docs` hold `doc` (binary search). */
function contains(docs: Uint32Array, doc: number): boolean {
  let lo = 0;
  let hi = docs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const d = docs[mid] ?? 0;
    if (d === doc) return true;
    if (d < doc) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/**
 * Builds the BM25 data of a corpus: the CPU-heavy part (folding every text), hundreds of ms for the
 * whole corpus, so the app runs it in a worker thread (`buildLexicalInWorker`).
 */
export function buildLexicalData(
  docs: readonly RankedDoc[],
  options: LexicalOptions = DEFAULT_LEXICAL_OPTIONS,
): LexicalData {
  const postings = new Map<string, { doc: number; tf: number }[]>();
  const lengths = new Float64Array(docs.length);
  docs.forEach((d, i) => {
    const tf = new Map<string, number>();
    const add = (text: string, weight: number) => {
      for (const u of units(text)) tf.set(u, (tf.get(u) ?? 0) + weight);
    };
    add(d.question, options.questionWeight);
    for (const v of d.variants) add(v, options.variantWeight);
    add(d.tags.join(" . "), options.tagWeight);
    add(d.answer, options.answerWeight);
    let length = 0;
    for (const [u, f] of tf) {
      length += f;
      const list = postings.get(u);
      if (list) list.push({ doc: i, tf: f });
      else postings.set(u, [{ doc: i, tf: f }]);
    }
    lengths[i] = length;
  });
  // Sorted, so the index finds a unit by binary search: adopting the data builds no map.
  const terms = [...postings.keys()].sort();
  const offsets = new Uint32Array(terms.length + 1);
  let total = 0;
  terms.forEach((t, i) => {
    offsets[i] = total;
    total += postings.get(t)?.length ?? 0;
  });
  offsets[terms.length] = total;
  const docNumbers = new Uint32Array(total);
  const tfs = new Float64Array(total);
  terms.forEach((t, i) => {
    (postings.get(t) ?? []).forEach((p, j) => {
      docNumbers[(offsets[i] ?? 0) + j] = p.doc;
      tfs[(offsets[i] ?? 0) + j] = p.tf;
    });
  });
  return { options, ids: docs.map((d) => d.id), lengths, terms, offsets, docs: docNumbers, tfs };
}

/**
 * BM25 over whole FAQs (question, variants, tags and answer with field weights), on folded
 * words and word pairs, so accents, word order and long stories are handled alike. Scores are
 * divided by the query's upper bound, so they fall in 0..1 and thresholds carry across queries.
 * Built from a snapshot of the search index: it holds nothing that matters. Adopting built
 * {@link LexicalData} costs nothing (no map is built); building it is {@link LexicalIndex.build}.
 */
export class LexicalIndex {
  readonly #data: LexicalData;
  readonly #avgLength: number;
  /** Weight of a query word the corpus does not know: the median IDF of the corpus's words. */
  readonly #unknownWeight: number;

  /** Builds the index on this thread (tests, CLIs); the app builds in a worker instead. */
  static build(docs: readonly RankedDoc[], options: LexicalOptions = DEFAULT_LEXICAL_OPTIONS): LexicalIndex {
    return new LexicalIndex(buildLexicalData(docs, options));
  }

  constructor(data: LexicalData) {
    this.#data = data;
    let sum = 0;
    for (const l of data.lengths) sum += l;
    this.#avgLength = sum / Math.max(1, data.ids.length);
    const idfs: number[] = [];
    data.terms.forEach((t, i) => {
      if (t.includes("_") || t.startsWith("~")) return;
      idfs.push(this.#idfOf((data.offsets[i + 1] ?? 0) - (data.offsets[i] ?? 0)));
    });
    idfs.sort((x, y) => x - y);
    this.#unknownWeight = idfs[idfs.length >> 1] ?? 0;
  }

  /** Position of `unit` in the sorted terms, or -1. */
  #term(unit: string): number {
    const { terms } = this.#data;
    let lo = 0;
    let hi = terms.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const t = terms[mid] as string;
      if (t === unit) return mid;
      if (t < unit) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Document numbers and term frequencies of one unit (empty when no FAQ has it). */
  #postings(unit: string): { docs: Uint32Array; tfs: Float64Array } {
    const i = this.#term(unit);
    const { offsets, docs, tfs } = this.#data;
    if (i < 0) return { docs: new Uint32Array(0), tfs: new Float64Array(0) };
    const from = offsets[i] ?? 0;
    const to = offsets[i + 1] ?? from;
    return { docs: docs.subarray(from, to), tfs: tfs.subarray(from, to) };
  }

  #idf(unit: string): number {
    return this.#idfOf(this.#postings(unit).docs.length);
  }

  /** BM25's IDF of a unit found in `df` FAQs. */
  #idfOf(df: number): number {
    const n = this.#data.ids.length;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /**
   * The words coverage is counted on, each with its postings and IDF, and their total weight. A word
   * typed with its accents counts as typed when the corpus knows that spelling ("cổ vật" is not "có"),
   * else folded (a wrong accent is a typo). A word the corpus does not know at all counts against
   * every FAQ with the median IDF: a matter the corpus lacks, or a misspelling that should not weigh
   * more than an ordinary word. Computed once per query; each candidate then costs binary searches.
   */
  #coverageWords(query: string): { words: { docs: Uint32Array; weight: number }[]; total: number } {
    const seen = new Set<string>();
    const words: { docs: Uint32Array; weight: number }[] = [];
    let total = 0;
    for (const typed of query.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
      if (!typed) continue;
      const folded = foldWords(typed);
      const unit = typed !== folded && this.#term(`~${typed}`) >= 0 ? `~${typed}` : folded;
      if (seen.has(unit)) continue;
      seen.add(unit);
      const { docs } = this.#postings(unit);
      if (docs.length) {
        const weight = this.#idfOf(docs.length);
        words.push({ docs, weight });
        total += weight;
      } else if (folded.length >= UNKNOWN_MIN_LETTERS && /^\p{L}+$/u.test(folded))
        total += this.#unknownWeight;
    }
    return { words, total: total || 1 };
  }

  /**
   * The best FAQs for a query, best first. `score` is BM25 over the query's upper bound (0..1);
   * `coverage` is the IDF-weighted share of the query's words that the FAQ contains at all (0..1),
   * low when the question is about something the FAQ never mentions, or the corpus never does.
   */
  search(query: string, limit: number): { faqId: string; score: number; coverage: number }[] {
    const { k1, b } = this.#data.options;
    const { lengths, ids } = this.#data;
    const scores = new Map<number, number>();
    let bound = 0;
    const queryUnits = new Set(units(query));
    for (const u of queryUnits) {
      const idf = this.#idf(u);
      bound += idf * (k1 + 1);
      const { docs, tfs } = this.#postings(u);
      for (let j = 0; j < docs.length; j++) {
        const doc = docs[j] ?? 0;
        const tf = tfs[j] ?? 0;
        const norm = tf + k1 * (1 - b + (b * (lengths[doc] ?? 0)) / this.#avgLength);
        scores.set(doc, (scores.get(doc) ?? 0) + (idf * tf * (k1 + 1)) / norm);
      }
    }
    if (!bound) return [];
    const coverage = this.#coverageWords(query);
    return [...scores]
      .sort((x, y) => y[1] - x[1])
      .slice(0, limit)
      .map(([doc, s]) => ({
        faqId: ids[doc] ?? "",
        score: s / bound,
        coverage:
          coverage.words.reduce((sum, w) => (contains(w.docs, doc) ? sum + w.weight : sum), 0) /
          coverage.total,
      }));
  }
}
